/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cto-csv-import.h"
#include "cto-date.h"
#include "cto-plan-io-private.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"

#define DEFAULT_TITLE  "Untitled plan"

/* How many people a message about a reporting cycle names. */
#define CYCLE_NAMES_MAX 8


typedef struct
{
  CtoPlan     *plan;
  GHashTable  *person_index;  /* id (owned by the person) → position + 1 */
  GPtrArray   *people;        /* CtoPerson, in file order */
  const char **reports_to;    /* per person, borrowed from the document, or NULL */
  guint       *manager;       /* per person, position of the manager or G_MAXUINT */
  guint       *assigned_in;   /* per person, 1 + position of the last responsibility
                               * that named them, so repeats are found in O(1) */
  GHashTable  *responsibility_ids; /* id (owned by the responsibility) */
  GPtrArray   *responsibilities;   /* CtoResponsibility, in file order */
} Reader;

/* Reading members ------------------------------------------------------------- */

/* The members an object may have, in the order of the format's table. */
enum { TOP_FORMAT, TOP_VERSION, TOP_TITLE, TOP_SETTINGS, TOP_PEOPLE, TOP_RESPONSIBILITIES, N_TOP };
enum { SETTINGS_OVERLOAD_THRESHOLD, SETTINGS_HOURS_PER_FTE, N_SETTINGS };
enum { PERSON_ID, PERSON_NAME, PERSON_ROLE, PERSON_CAPACITY, PERSON_REPORTS_TO,
       PERSON_OPEN_ROLE, PERSON_START, PERSON_END, N_PERSON };
enum { RESPONSIBILITY_ID, RESPONSIBILITY_TITLE, RESPONSIBILITY_FUNCTION, RESPONSIBILITY_EFFORT,
       RESPONSIBILITY_DESCRIPTION, RESPONSIBILITY_ASSIGNEES, N_RESPONSIBILITY };
enum { ASSIGNEE_PERSON, ASSIGNEE_SHARE, ASSIGNEE_ACCOUNTABLE, N_ASSIGNEE };


static const char * const top_names[N_TOP] = {
  "format", "version", "title", "settings", "people", "responsibilities",
};
static const char * const settings_names[N_SETTINGS] = {
  "overload_threshold", "hours_per_fte",
};
static const char * const person_names[N_PERSON] = {
  "id", "name", "role", "capacity", "reports_to", "open_role", "start", "end",
};
static const char * const responsibility_names[N_RESPONSIBILITY] = {
  "id", "title", "function", "effort", "description", "assignees",
};
static const char * const assignee_names[N_ASSIGNEE] = {
  "person", "share", "accountable",
};

/* The plan -------------------------------------------------------------------- */

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->person_index, g_hash_table_unref);
  g_clear_pointer (&reader->people, g_ptr_array_unref);
  g_clear_pointer (&reader->reports_to, g_free);
  g_clear_pointer (&reader->manager, g_free);
  g_clear_pointer (&reader->assigned_in, g_free);
  g_clear_pointer (&reader->responsibility_ids, g_hash_table_unref);
  g_clear_pointer (&reader->responsibilities, g_ptr_array_unref);
  g_clear_object (&reader->plan);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static gboolean
read_person (Reader          *reader,
             const CtoPlanNode *node,
             const CtoPlanLocation  *location,
             GError         **error)
{
  g_autoptr(JsonObject) extra = NULL;
  CtoPlanMembers members;
  const CtoPlanNode *reports_to;
  CtoPerson *person;
  const char *id;
  const char *name;
  const char *role;
  double capacity;
  gboolean open_role;
  GDate start;
  GDate end;

  if (!_cto_plan_find_members (node, location, person_names, N_PERSON, &members, error) ||
      !_cto_plan_read_string (&members, PERSON_ID, CTO_PLAN_STRING_ID, NULL, &id, error))
    return FALSE;

  if (g_hash_table_contains (reader->person_index, id))
    {
      const CtoPlanLocation at = { location, "id", 0 };
      g_autofree char *quoted = _cto_plan_quote_value (id);

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("duplicate id %s"), quoted);
      return FALSE;
    }

  if (!_cto_plan_read_string (&members, PERSON_NAME, CTO_PLAN_STRING_REQUIRED, NULL, &name, error) ||
      !_cto_plan_read_string (&members, PERSON_ROLE, CTO_PLAN_STRING_OPTIONAL, "", &role, error) ||
      !_cto_plan_read_number (&members, PERSON_CAPACITY, CTO_PLAN_NUMBER_NON_NEGATIVE, 40, &capacity, error))
    return FALSE;

  reports_to = members.nodes[PERSON_REPORTS_TO];
  if (reports_to != NULL && reports_to->kind != CTO_PLAN_NODE_NULL && !_cto_plan_is_string (reports_to))
    {
      const CtoPlanLocation at = { location, "reports_to", 0 };

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("expected a string or null"));
      return FALSE;
    }

  if (!_cto_plan_read_boolean (&members, PERSON_OPEN_ROLE, &open_role, error) ||
      !_cto_plan_read_date (&members, PERSON_START, &start, error) ||
      !_cto_plan_read_date (&members, PERSON_END, &end, error))
    return FALSE;

  if (!cto_person_dates_in_order (&start, &end))
    {
      const CtoPlanLocation at = { location, "end", 0 };

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("must be later than start"));
      return FALSE;
    }

  extra = _cto_plan_collect_extras (&members);

  person = cto_person_new (id, name, role, capacity, open_role);
  _cto_person_set_dates (person,
                         g_date_valid (&start) ? &start : NULL,
                         g_date_valid (&end) ? &end : NULL);
  _cto_person_set_extra (person, extra);

  reader->reports_to[location->index] =
    reports_to != NULL && _cto_plan_is_string (reports_to) ? reports_to->string : NULL;
  g_ptr_array_add (reader->people, person);
  g_hash_table_insert (reader->person_index, (gpointer) cto_person_get_id (person),
                       GUINT_TO_POINTER (location->index + 1));

  return TRUE;
}

static gboolean
report_cycle (Reader          *reader,
              guint            on_cycle,
              const CtoPlanLocation  *people,
              GError         **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint first = on_cycle;
  guint i = on_cycle;
  guint n = 0;

  /* Name the cycle from the person who comes first in the plan. */
  do
    {
      first = MIN (first, i);
      i = reader->manager[i];
    }
  while (i != on_cycle);

  i = first;
  do
    {
      g_autofree char *quoted = NULL;

      if (n++ == CYCLE_NAMES_MAX)
        {
          g_string_append (names, " → …");
          break;
        }

      quoted = _cto_plan_quote_value (cto_person_get_id (g_ptr_array_index (reader->people, i)));
      if (names->len > 0)
        g_string_append (names, " → ");
      g_string_append (names, quoted);
      i = reader->manager[i];
    }
  while (i != first);

  if (i == first)
    {
      g_autofree char *quoted =
        _cto_plan_quote_value (cto_person_get_id (g_ptr_array_index (reader->people, first)));

      g_string_append (names, " → ");
      g_string_append (names, quoted);
    }

  {
    const CtoPlanLocation person = { people, NULL, first };
    const CtoPlanLocation at = { &person, "reports_to", 0 };

    _cto_plan_set_error_at (error, CTO_PLAN_ERROR_CYCLE, &at, _("reporting lines form a cycle: %s"),
                  names->str);
  }

  return FALSE;
}

/* Reporting lines: every manager is another person of the plan, and following
 * them never comes back. Each person is walked once. */
static gboolean
resolve_reports_to (Reader          *reader,
                    const CtoPlanLocation  *people,
                    GError         **error)
{
  guint n = reader->people->len;
  g_autofree guint8 *state = NULL;  /* 0 not seen, 1 on the current walk, 2 done */

  for (guint i = 0; i < n; i++)
    {
      const char *manager = reader->reports_to[i];
      guint position;

      reader->manager[i] = G_MAXUINT;
      if (manager == NULL)
        continue;

      position = GPOINTER_TO_UINT (g_hash_table_lookup (reader->person_index, manager));
      if (position == 0 || position - 1 == i)
        {
          const CtoPlanLocation person = { people, NULL, i };
          const CtoPlanLocation at = { &person, "reports_to", 0 };
          g_autofree char *quoted = _cto_plan_quote_value (manager);

          if (position == 0)
            _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("unknown person %s"), quoted);
          else
            _cto_plan_set_error_at (error, CTO_PLAN_ERROR_CYCLE, &at,
                          _("a person cannot report to themselves"));
          return FALSE;
        }

      reader->manager[i] = position - 1;
      _cto_person_set_reports_to (g_ptr_array_index (reader->people, i),
                                  cto_person_get_id (g_ptr_array_index (reader->people,
                                                                        position - 1)));
    }

  state = g_new0 (guint8, n);
  for (guint i = 0; i < n; i++)
    {
      guint j;

      for (j = i; j != G_MAXUINT && state[j] == 0; j = reader->manager[j])
        state[j] = 1;

      if (j != G_MAXUINT && state[j] == 1)
        return report_cycle (reader, j, people, error);

      for (j = i; j != G_MAXUINT && state[j] == 1; j = reader->manager[j])
        state[j] = 2;
    }

  return TRUE;
}

static gboolean
read_people (Reader           *reader,
             const CtoPlanNode *array,
             const CtoPlanLocation   *top,
             GError          **error)
{
  const CtoPlanLocation people = { top, "people", 0 };
  guint n = array != NULL ? array->length : 0;

  reader->person_index = g_hash_table_new (g_str_hash, g_str_equal);
  reader->people = g_ptr_array_new_full (n, g_object_unref);
  reader->reports_to = g_new0 (const char *, n);
  reader->manager = g_new (guint, n);
  reader->assigned_in = g_new0 (guint, n);

  for (guint i = 0; i < n; i++)
    {
      const CtoPlanLocation location = { &people, NULL, i };

      if (!read_person (reader, &array->elements[i], &location, error))
        return FALSE;
    }

  return resolve_reports_to (reader, &people, error);
}

static gboolean
read_assignee (Reader             *reader,
               CtoResponsibility  *responsibility,
               guint               responsibility_position,
               const CtoPlanNode  *node,
               const CtoPlanLocation     *location,
               gboolean           *has_accountable,
               GError            **error)
{
  g_autoptr(JsonObject) extra = NULL;
  CtoPlanMembers members;
  const char *person;
  double share;
  gboolean accountable;
  guint position;

  if (!_cto_plan_find_members (node, location, assignee_names, N_ASSIGNEE, &members, error) ||
      !_cto_plan_read_string (&members, ASSIGNEE_PERSON, CTO_PLAN_STRING_REQUIRED, NULL, &person, error))
    return FALSE;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (reader->person_index, person));
  if (position == 0 || reader->assigned_in[position - 1] == responsibility_position + 1)
    {
      const CtoPlanLocation at = { location, "person", 0 };
      g_autofree char *quoted = _cto_plan_quote_value (person);

      if (position == 0)
        _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("unknown person %s"), quoted);
      else
        _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at,
                      _("%s is already an assignee of this responsibility"), quoted);
      return FALSE;
    }
  reader->assigned_in[position - 1] = responsibility_position + 1;

  if (!_cto_plan_read_number (&members, ASSIGNEE_SHARE, CTO_PLAN_NUMBER_POSITIVE, 1, &share, error) ||
      !_cto_plan_read_boolean (&members, ASSIGNEE_ACCOUNTABLE, &accountable, error))
    return FALSE;

  if (accountable && *has_accountable)
    {
      const CtoPlanLocation at = { location, "accountable", 0 };

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at,
                    _("another assignee is already accountable"));
      return FALSE;
    }
  *has_accountable |= accountable;

  extra = _cto_plan_collect_extras (&members);

  /* The person's id as the plan holds it, not the document's copy. */
  _cto_responsibility_add_assignee (responsibility,
                                    cto_person_get_id (g_ptr_array_index (reader->people,
                                                                          position - 1)),
                                    share, accountable, extra);
  return TRUE;
}

static gboolean
read_responsibility (Reader          *reader,
                     const CtoPlanNode *node,
                     const CtoPlanLocation  *location,
                     GError         **error)
{
  g_autoptr(CtoResponsibility) responsibility = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const CtoPlanLocation assignees_location = { location, "assignees", 0 };
  CtoPlanMembers members;
  const CtoPlanNode *assignees;
  const char *id;
  const char *title;
  const char *function_id;
  const char *description;
  CtoFunction function;
  double effort;
  gboolean has_accountable = FALSE;

  if (!_cto_plan_find_members (node, location, responsibility_names, N_RESPONSIBILITY, &members, error) ||
      !_cto_plan_read_string (&members, RESPONSIBILITY_ID, CTO_PLAN_STRING_ID, NULL, &id, error) ||
      !_cto_plan_read_string (&members, RESPONSIBILITY_TITLE, CTO_PLAN_STRING_REQUIRED, NULL, &title, error) ||
      !_cto_plan_read_string (&members, RESPONSIBILITY_FUNCTION, CTO_PLAN_STRING_REQUIRED, NULL, &function_id,
                    error))
    return FALSE;

  if (!cto_function_from_id (function_id, &function))
    {
      const CtoPlanLocation at = { location, "function", 0 };
      g_autofree char *quoted = _cto_plan_quote_value (function_id);

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("unknown function %s"), quoted);
      return FALSE;
    }

  if (!_cto_plan_read_number (&members, RESPONSIBILITY_EFFORT, CTO_PLAN_NUMBER_NON_NEGATIVE, 0, &effort, error) ||
      !_cto_plan_read_string (&members, RESPONSIBILITY_DESCRIPTION, CTO_PLAN_STRING_OPTIONAL, "", &description,
                    error) ||
      !_cto_plan_read_array (&members, RESPONSIBILITY_ASSIGNEES, &assignees, error))
    return FALSE;

  /* Adding is also the test for a duplicate id: one lookup, not two. */
  responsibility = cto_responsibility_new (id, title, function, effort, description);
  if (!g_hash_table_add (reader->responsibility_ids, (gpointer) cto_responsibility_get_id (responsibility)))
    {
      const CtoPlanLocation at = { location, "id", 0 };
      g_autofree char *quoted = _cto_plan_quote_value (id);

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("duplicate id %s"), quoted);
      return FALSE;
    }

  if (assignees != NULL)
    {
      for (guint i = 0; i < assignees->length; i++)
        {
          const CtoPlanLocation assignee = { &assignees_location, NULL, i };

          if (!read_assignee (reader, responsibility, location->index,
                              &assignees->elements[i], &assignee,
                              &has_accountable, error))
            return FALSE;
        }
    }

  extra = _cto_plan_collect_extras (&members);
  _cto_responsibility_set_extra (responsibility, extra);
  g_ptr_array_add (reader->responsibilities, g_steal_pointer (&responsibility));

  return TRUE;
}

static gboolean
read_settings (Reader          *reader,
               const CtoPlanNode *node,
               const CtoPlanLocation  *top,
               GError         **error)
{
  g_autoptr(JsonObject) extra = NULL;
  const CtoPlanLocation location = { top, "settings", 0 };
  CtoPlanMembers members;
  double overload_threshold = 1.0;
  double hours_per_fte = 40.0;

  if (node != NULL)
    {
      if (!_cto_plan_find_members (node, &location, settings_names, N_SETTINGS, &members, error) ||
          !_cto_plan_read_number (&members, SETTINGS_OVERLOAD_THRESHOLD, CTO_PLAN_NUMBER_POSITIVE, 1.0,
                        &overload_threshold, error) ||
          !_cto_plan_read_number (&members, SETTINGS_HOURS_PER_FTE, CTO_PLAN_NUMBER_POSITIVE, 40.0,
                        &hours_per_fte, error))
        return FALSE;
      extra = _cto_plan_collect_extras (&members);
    }

  _cto_plan_set_settings_internal (reader->plan, overload_threshold, hours_per_fte);
  _cto_plan_set_settings_extra (reader->plan, extra);

  return TRUE;
}

static gboolean
read_version (const CtoPlanMembers  *members,
              GError        **error)
{
  const CtoPlanLocation location = { members->location, "version", 0 };
  const CtoPlanNode *node = members->nodes[TOP_VERSION];
  gint64 version;

  if (node == NULL)
    return _cto_plan_missing_member (members->location, "version", CTO_PLAN_ERROR_INVALID, error);

  /* An integer of more digits than an int64 holds is past every version,
   * or below 1. */
  if (node->kind == CTO_PLAN_NODE_NUMBER && _cto_plan_node_is_integer_text (node))
    version = node->string[0] == '-' ? G_MININT64 : G_MAXINT64;
  else if (node->kind == CTO_PLAN_NODE_INT)
    version = node->integer;
  else
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected an integer"));
      return FALSE;
    }

  if (version < 1)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be 1 or greater"));
      return FALSE;
    }

  if (version > CTO_PLAN_FORMAT_VERSION)
    {
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      /* Translators: the first number is the file's format version */
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_NEWER_VERSION, &location,
                    _("the plan was made by a newer version of CTO Planner "
                      "(format version %s; this version reads up to %d)"),
                    node->kind == CTO_PLAN_NODE_INT ? version_text : node->string,
                    CTO_PLAN_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static CtoPlan *
read_plan (const CtoPlanNode  *root,
           GError            **error)
{
  g_auto(Reader) reader = { NULL, };
  g_autoptr(JsonObject) extra = NULL;
  const CtoPlanLocation top = { NULL, NULL, 0 };
  const CtoPlanLocation format_location = { &top, "format", 0 };
  CtoPlanMembers members;
  const CtoPlanNode *format;
  const CtoPlanNode *people;
  const CtoPlanNode *responsibilities;
  const char *title;

  if (root->kind != CTO_PLAN_NODE_OBJECT)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_FORMAT, &top, _("expected a JSON object"));
      return NULL;
    }

  if (!_cto_plan_find_members (root, &top, top_names, N_TOP, &members, error))
    return NULL;

  /* Whether this is a plan at all, and one of a version that can be read,
   * comes before anything else the file might get wrong. */
  format = members.nodes[TOP_FORMAT];
  if (format == NULL)
    {
      _cto_plan_missing_member (&top, "format", CTO_PLAN_ERROR_FORMAT, error);
      return NULL;
    }
  if (!_cto_plan_is_string (format) || strcmp (format->string, CTO_PLAN_FORMAT_NAME) != 0)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_FORMAT, &format_location,
                    _("not a CTO Planner plan (expected \"%s\")"), CTO_PLAN_FORMAT_NAME);
      return NULL;
    }

  if (!read_version (&members, error))
    return NULL;

  reader.plan = cto_plan_new ();

  if (!_cto_plan_read_string (&members, TOP_TITLE, CTO_PLAN_STRING_OPTIONAL, DEFAULT_TITLE, &title, error) ||
      !read_settings (&reader, members.nodes[TOP_SETTINGS], &top, error) ||
      !_cto_plan_read_array (&members, TOP_PEOPLE, &people, error) ||
      !_cto_plan_read_array (&members, TOP_RESPONSIBILITIES, &responsibilities, error) ||
      !read_people (&reader, people, &top, error))
    return NULL;

  _cto_plan_set_title_internal (reader.plan, title);

  if (responsibilities != NULL)
    {
      const CtoPlanLocation list = { &top, "responsibilities", 0 };
      guint n = responsibilities->length;

      reader.responsibility_ids = g_hash_table_new (g_str_hash, g_str_equal);
      reader.responsibilities = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        {
          const CtoPlanLocation location = { &list, NULL, i };

          if (!read_responsibility (&reader, &responsibilities->elements[i], &location, error))
            return NULL;
        }

      /* The ids were found unique above: all of them go in at once. */
      _cto_plan_append_responsibilities (reader.plan,
                                         (CtoResponsibility **) reader.responsibilities->pdata,
                                         reader.responsibilities->len);
    }

  extra = _cto_plan_collect_extras (&members);
  _cto_plan_set_extra (reader.plan, extra);

  /* The people go in last, when the reader's index of them is gone, so
   * that the two are never held at once with the whole document. */
  g_clear_pointer (&reader.person_index, g_hash_table_unref);
  if (reader.people != NULL)
    _cto_plan_append_people (reader.plan, (CtoPerson **) reader.people->pdata,
                             reader.people->len);

  return g_steal_pointer (&reader.plan);
}

/* Public API ------------------------------------------------------------------ */

/* Loads @data; @owned, when not %NULL, is the block @data lies in, freed as
 * soon as the document is parsed so that the text and the plan are not both
 * held with the parsed document at the peak. */
static CtoPlan *
load_data (const char  *data,
           gsize        length,
           char        *owned,
           GError     **error)
{
  g_autofree char *owned_data = owned;
  g_autoptr(CtoPlanTree) tree = NULL;

  if (length > CTO_PLAN_MAX_FILE_SIZE)
    {
      _cto_plan_set_too_large_error (error);
      return NULL;
    }

  if (data == NULL)
    data = "";

  /* A byte order mark is allowed (RFC 8259, section 8.1) and not kept. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* Not a JSON object, but a spreadsheet: worth a word of its own,
   * whatever the scan would find wrong in its text (a sheet saved in
   * another encoding is not UTF-8). */
  if (!_cto_plan_scan_starts_as_object (data, length) && cto_csv_import_is_sheet (data, length))
    {
      _cto_plan_set_error (error, CTO_PLAN_ERROR_SPREADSHEET, _("file"),
                           _("a spreadsheet, not a plan file"));
      return NULL;
    }

  if (!_cto_plan_scan (data, length, error))
    return NULL;

  tree = _cto_plan_tree_new (data, length);

  /* From here on, refusals name JSON paths, not places in the text. */
  g_clear_pointer (&owned_data, g_free);

  return read_plan (_cto_plan_tree_get_root (tree), error);
}

/**
 * cto_plan_io_load_data:
 * @data: the file's bytes, not necessarily nul-terminated
 * @length: the number of bytes in @data
 * @error: return location for a #CTO_PLAN_ERROR
 *
 * Checks, parses and validates a plan (PLAN-FORMAT.md, section 2).
 *
 * Returns: (transfer full) (nullable): the plan, with an empty history
 */
CtoPlan *
cto_plan_io_load_data (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_data (data, length, NULL, error);
}

/**
 * cto_plan_io_load_file:
 * @file: the plan file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads @file, refusing it unread when it is over %CTO_PLAN_MAX_FILE_SIZE,
 * then loads it as cto_plan_io_load_data() does. When the file cannot be read
 * the error keeps its #G_IO_ERROR code, with a message that starts "file: ".
 *
 * Returns: (transfer full) (nullable): the plan, with an empty history
 */
CtoPlan *
cto_plan_io_load_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  return cto_plan_io_load_file_digest (file, cancellable, NULL, error);
}

CtoPlan *
cto_plan_io_load_file_digest (GFile         *file,
                              GCancellable  *cancellable,
                              guint64       *digest,
                              GError       **error)
{
  g_autofree char *data = NULL;
  char *text;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = _cto_plan_read_file (file, cancellable, &length, error);
  if (data == NULL)
    return NULL;

  if (digest != NULL)
    *digest = cto_plan_io_digest (data, length);
  text = g_steal_pointer (&data);

  return load_data (text, length, text, error);
}
