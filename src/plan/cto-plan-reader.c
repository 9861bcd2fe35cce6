/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cto-date.h"
#include "cto-plan-io-private.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"

#define DEFAULT_TITLE  "Untitled plan"

/* How many people a message about a reporting cycle names. */
#define CYCLE_NAMES_MAX 8

typedef enum
{
  STRING_OPTIONAL,
  STRING_REQUIRED,          /* present and not empty */
  STRING_ID,                /* present, 1 to CTO_PLAN_MAX_ID_LENGTH bytes */
} StringRule;

typedef enum
{
  NUMBER_POSITIVE,          /* > 0 */
  NUMBER_NON_NEGATIVE,      /* >= 0 */
} NumberRule;

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

#define MAX_KNOWN_MEMBERS 8

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

/* The known members of one object, found in a single pass over it. */
typedef struct
{
  JsonObject          *object;
  const char * const  *names;
  guint                n_names;
  const CtoPlanLocation      *location;
  JsonNode            *nodes[MAX_KNOWN_MEMBERS];
  guint                n_unknown;
} Members;

static gboolean
find_members (JsonNode            *node,
              const CtoPlanLocation      *location,
              const char * const  *names,
              guint                n_names,
              Members             *members,
              GError             **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  g_assert (n_names <= MAX_KNOWN_MEMBERS);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, location, _("expected an object"));
      return FALSE;
    }

  members->object = json_node_get_object (node);
  members->names = names;
  members->n_names = n_names;
  members->location = location;
  members->n_unknown = 0;
  memset (members->nodes, 0, sizeof members->nodes);

  /* Unordered, but without a lookup per name; the order only matters for
   * the unknown members, which collect_extras() takes in file order. */
  json_object_iter_init (&iter, members->object);
  while (json_object_iter_next (&iter, &name, &value))
    {
      guint i;

      for (i = 0; i < n_names; i++)
        {
          if (name[0] == names[i][0] && strcmp (name, names[i]) == 0)
            break;
        }

      if (i < n_names)
        members->nodes[i] = value;
      else
        members->n_unknown++;
    }

  return TRUE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node,
           double   *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;

  return TRUE;
}

/* A number that json-glib could not hold, such as 1e999: an unknown
 * member's number is kept exactly, so one that cannot be is refused. */
static gboolean
check_finite (double                 value,
              const CtoPlanLocation *location,
              GError               **error)
{
  if (!isfinite (value))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, location, _("must be a finite number"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
missing_member (const CtoPlanLocation  *container,
                const char      *name,
                int              code,
                GError         **error)
{
  _cto_plan_set_error_at (error, code, container, _("missing required member \"%s\""), name);
  return FALSE;
}

static gboolean
read_string (const Members  *members,
             guint           member,
             StringRule      rule,
             const char     *fallback,
             const char    **value,
             GError        **error)
{
  JsonNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };
  gsize length;

  if (node == NULL)
    {
      if (rule != STRING_OPTIONAL)
        return missing_member (members->location, members->names[member],
                               CTO_PLAN_ERROR_INVALID, error);
      *value = fallback;
      return TRUE;
    }

  if (!is_string (node))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected a string"));
      return FALSE;
    }

  *value = json_node_get_string (node);
  if (rule == STRING_OPTIONAL)
    return TRUE;

  length = strlen (*value);
  if (length == 0)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must not be empty"));
      return FALSE;
    }

  if (rule == STRING_ID && length > CTO_PLAN_MAX_ID_LENGTH)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                    _("must be at most %d bytes long"), CTO_PLAN_MAX_ID_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* A date "YYYY-MM-DD" or null; @date is left cleared when there is none. */
static gboolean
read_date (const Members  *members,
           guint           member,
           GDate          *date,
           GError        **error)
{
  JsonNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };

  g_date_clear (date, 1);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!is_string (node))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                    _("expected a date (YYYY-MM-DD) or null"));
      return FALSE;
    }

  if (!cto_date_parse (json_node_get_string (node), date))
    {
      g_autofree char *quoted = _cto_plan_quote_value (json_node_get_string (node));

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                    _("%s is not a real day in the form YYYY-MM-DD"), quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_number (const Members  *members,
             guint           member,
             NumberRule      rule,
             double          fallback,
             double         *value,
             GError        **error)
{
  JsonNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };

  if (node == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  if (!is_number (node, value))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected a number"));
      return FALSE;
    }

  /* Every figure derived from a member named in the format stays finite:
   * 0, or from CTO_PLAN_MIN_NUMBER to CTO_PLAN_MAX_NUMBER. */
  if (!check_finite (*value, &location, error))
    return FALSE;

  if (*value > CTO_PLAN_MAX_NUMBER)
    {
      g_autofree char *limit = cto_format_json_number (CTO_PLAN_MAX_NUMBER);

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be at most %s"),
                              limit);
      return FALSE;
    }

  if (rule == NUMBER_POSITIVE && !(*value > 0))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be greater than 0"));
      return FALSE;
    }

  if (rule == NUMBER_NON_NEGATIVE && !(*value >= 0))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be 0 or greater"));
      return FALSE;
    }

  if (!cto_plan_number_is_valid (*value, rule == NUMBER_POSITIVE))
    {
      g_autofree char *limit = cto_format_json_number (CTO_PLAN_MIN_NUMBER);

      if (rule == NUMBER_POSITIVE)
        _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be at least %s"),
                                limit);
      else
        _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                                _("must be 0 or at least %s"), limit);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_boolean (const Members  *members,
              guint           member,
              gboolean       *value,
              GError        **error)
{
  JsonNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };

  if (node == NULL)
    {
      *value = FALSE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected a boolean"));
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

/* An optional array; *array stays %NULL when it is absent. */
static gboolean
read_array (const Members  *members,
            guint           member,
            JsonArray     **array,
            GError        **error)
{
  JsonNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };

  *array = NULL;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected an array"));
      return FALSE;
    }

  *array = json_node_get_array (node);
  return TRUE;
}

/* Extras ---------------------------------------------------------------------- */

static gboolean check_extra (JsonNode        *node,
                             const CtoPlanLocation  *location,
                             GError         **error);

typedef struct
{
  const CtoPlanLocation  *container;
  GError         **error;
  gboolean         failed;
} CheckMembers;

static void
check_member_cb (JsonObject  *object,
                 const char  *name,
                 JsonNode    *node,
                 gpointer     user_data)
{
  CheckMembers *check = user_data;
  const CtoPlanLocation location = { check->container, name, 0 };

  if (!check->failed && !check_extra (node, &location, check->error))
    check->failed = TRUE;
}

/* Unknown members are kept exactly as they are: their numbers only need to
 * be ones that json-glib holds (strings were checked before parsing). */
static gboolean
check_extra (JsonNode        *node,
             const CtoPlanLocation  *location,
             GError         **error)
{
  double value;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        CheckMembers check = { location, error, FALSE };

        json_object_foreach_member (json_node_get_object (node), check_member_cb, &check);
        return !check.failed;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          {
            const CtoPlanLocation element = { location, NULL, i };

            if (!check_extra (json_array_get_element (array, i), &element, error))
              return FALSE;
          }
        return TRUE;
      }

    case JSON_NODE_VALUE:
      if (is_number (node, &value))
        return check_finite (value, location, error);
      return TRUE;

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

typedef struct
{
  const Members  *members;
  JsonObject     *extra;
  GError        **error;
  gboolean        failed;
} CollectExtras;

static void
collect_extra_cb (JsonObject  *object,
                  const char  *name,
                  JsonNode    *node,
                  gpointer     user_data)
{
  CollectExtras *collect = user_data;
  const Members *members = collect->members;
  const CtoPlanLocation location = { members->location, name, 0 };

  if (collect->failed)
    return;

  for (guint i = 0; i < members->n_names; i++)
    {
      if (strcmp (name, members->names[i]) == 0)
        return;
    }

  if (!check_extra (node, &location, collect->error))
    {
      collect->failed = TRUE;
      return;
    }

  json_object_set_member (collect->extra, name, json_node_copy (node));
}

/* The members the format does not name, in file order, or %NULL in *extra
 * when there are none. */
static gboolean
collect_extras (const Members  *members,
                JsonObject    **extra,
                GError        **error)
{
  CollectExtras collect = { members, NULL, error, FALSE };

  *extra = NULL;
  if (members->n_unknown == 0)
    return TRUE;

  collect.extra = json_object_new ();
  json_object_foreach_member (members->object, collect_extra_cb, &collect);

  if (collect.failed)
    {
      json_object_unref (collect.extra);
      return FALSE;
    }

  *extra = collect.extra;
  return TRUE;
}

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
             JsonNode        *node,
             const CtoPlanLocation  *location,
             GError         **error)
{
  g_autoptr(JsonObject) extra = NULL;
  Members members;
  JsonNode *reports_to;
  CtoPerson *person;
  const char *id;
  const char *name;
  const char *role;
  double capacity;
  gboolean open_role;
  GDate start;
  GDate end;

  if (!find_members (node, location, person_names, N_PERSON, &members, error) ||
      !read_string (&members, PERSON_ID, STRING_ID, NULL, &id, error))
    return FALSE;

  if (g_hash_table_contains (reader->person_index, id))
    {
      const CtoPlanLocation at = { location, "id", 0 };
      g_autofree char *quoted = _cto_plan_quote_value (id);

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("duplicate id %s"), quoted);
      return FALSE;
    }

  if (!read_string (&members, PERSON_NAME, STRING_REQUIRED, NULL, &name, error) ||
      !read_string (&members, PERSON_ROLE, STRING_OPTIONAL, "", &role, error) ||
      !read_number (&members, PERSON_CAPACITY, NUMBER_NON_NEGATIVE, 40, &capacity, error))
    return FALSE;

  reports_to = members.nodes[PERSON_REPORTS_TO];
  if (reports_to != NULL && !JSON_NODE_HOLDS_NULL (reports_to) && !is_string (reports_to))
    {
      const CtoPlanLocation at = { location, "reports_to", 0 };

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("expected a string or null"));
      return FALSE;
    }

  if (!read_boolean (&members, PERSON_OPEN_ROLE, &open_role, error) ||
      !read_date (&members, PERSON_START, &start, error) ||
      !read_date (&members, PERSON_END, &end, error))
    return FALSE;

  if (g_date_valid (&start) && g_date_valid (&end) && g_date_compare (&end, &start) <= 0)
    {
      const CtoPlanLocation at = { location, "end", 0 };

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("must be later than start"));
      return FALSE;
    }

  if (!collect_extras (&members, &extra, error))
    return FALSE;

  person = cto_person_new (id, name, role, capacity, open_role);
  _cto_person_set_dates (person,
                         g_date_valid (&start) ? &start : NULL,
                         g_date_valid (&end) ? &end : NULL);
  _cto_person_set_extra (person, extra);

  reader->reports_to[location->index] =
    reports_to != NULL && is_string (reports_to) ? json_node_get_string (reports_to) : NULL;
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
             JsonArray        *array,
             const CtoPlanLocation   *top,
             GError          **error)
{
  const CtoPlanLocation people = { top, "people", 0 };
  guint n = array != NULL ? json_array_get_length (array) : 0;

  reader->person_index = g_hash_table_new (g_str_hash, g_str_equal);
  reader->people = g_ptr_array_new_full (n, g_object_unref);
  reader->reports_to = g_new0 (const char *, n);
  reader->manager = g_new (guint, n);
  reader->assigned_in = g_new0 (guint, n);

  for (guint i = 0; i < n; i++)
    {
      const CtoPlanLocation location = { &people, NULL, i };

      if (!read_person (reader, json_array_get_element (array, i), &location, error))
        return FALSE;
    }

  return resolve_reports_to (reader, &people, error);
}

static gboolean
read_assignee (Reader             *reader,
               CtoResponsibility  *responsibility,
               guint               responsibility_position,
               JsonNode           *node,
               const CtoPlanLocation     *location,
               gboolean           *has_accountable,
               GError            **error)
{
  g_autoptr(JsonObject) extra = NULL;
  Members members;
  const char *person;
  double share;
  gboolean accountable;
  guint position;

  if (!find_members (node, location, assignee_names, N_ASSIGNEE, &members, error) ||
      !read_string (&members, ASSIGNEE_PERSON, STRING_REQUIRED, NULL, &person, error))
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

  if (!read_number (&members, ASSIGNEE_SHARE, NUMBER_POSITIVE, 1, &share, error) ||
      !read_boolean (&members, ASSIGNEE_ACCOUNTABLE, &accountable, error))
    return FALSE;

  if (accountable && *has_accountable)
    {
      const CtoPlanLocation at = { location, "accountable", 0 };

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at,
                    _("another assignee is already accountable"));
      return FALSE;
    }
  *has_accountable |= accountable;

  if (!collect_extras (&members, &extra, error))
    return FALSE;

  /* The person's id as the plan holds it, not the document's copy. */
  _cto_responsibility_add_assignee (responsibility,
                                    cto_person_get_id (g_ptr_array_index (reader->people,
                                                                          position - 1)),
                                    share, accountable, extra);
  return TRUE;
}

static gboolean
read_responsibility (Reader          *reader,
                     JsonNode        *node,
                     const CtoPlanLocation  *location,
                     GError         **error)
{
  g_autoptr(CtoResponsibility) responsibility = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const CtoPlanLocation assignees_location = { location, "assignees", 0 };
  Members members;
  JsonArray *assignees;
  const char *id;
  const char *title;
  const char *function_id;
  const char *description;
  CtoFunction function;
  double effort;
  gboolean has_accountable = FALSE;

  if (!find_members (node, location, responsibility_names, N_RESPONSIBILITY, &members, error) ||
      !read_string (&members, RESPONSIBILITY_ID, STRING_ID, NULL, &id, error) ||
      !read_string (&members, RESPONSIBILITY_TITLE, STRING_REQUIRED, NULL, &title, error) ||
      !read_string (&members, RESPONSIBILITY_FUNCTION, STRING_REQUIRED, NULL, &function_id,
                    error))
    return FALSE;

  if (!cto_function_from_id (function_id, &function))
    {
      const CtoPlanLocation at = { location, "function", 0 };
      g_autofree char *quoted = _cto_plan_quote_value (function_id);

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &at, _("unknown function %s"), quoted);
      return FALSE;
    }

  if (!read_number (&members, RESPONSIBILITY_EFFORT, NUMBER_NON_NEGATIVE, 0, &effort, error) ||
      !read_string (&members, RESPONSIBILITY_DESCRIPTION, STRING_OPTIONAL, "", &description,
                    error) ||
      !read_array (&members, RESPONSIBILITY_ASSIGNEES, &assignees, error))
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
      guint n = json_array_get_length (assignees);

      for (guint i = 0; i < n; i++)
        {
          const CtoPlanLocation assignee = { &assignees_location, NULL, i };

          if (!read_assignee (reader, responsibility, location->index,
                              json_array_get_element (assignees, i), &assignee,
                              &has_accountable, error))
            return FALSE;
        }
    }

  if (!collect_extras (&members, &extra, error))
    return FALSE;
  _cto_responsibility_set_extra (responsibility, extra);
  g_ptr_array_add (reader->responsibilities, g_steal_pointer (&responsibility));

  return TRUE;
}

static gboolean
read_settings (Reader          *reader,
               JsonNode        *node,
               const CtoPlanLocation  *top,
               GError         **error)
{
  g_autoptr(JsonObject) extra = NULL;
  const CtoPlanLocation location = { top, "settings", 0 };
  Members members;
  double overload_threshold = 1.0;
  double hours_per_fte = 40.0;

  if (node != NULL)
    {
      if (!find_members (node, &location, settings_names, N_SETTINGS, &members, error) ||
          !read_number (&members, SETTINGS_OVERLOAD_THRESHOLD, NUMBER_POSITIVE, 1.0,
                        &overload_threshold, error) ||
          !read_number (&members, SETTINGS_HOURS_PER_FTE, NUMBER_POSITIVE, 40.0,
                        &hours_per_fte, error) ||
          !collect_extras (&members, &extra, error))
        return FALSE;
    }

  _cto_plan_set_settings_internal (reader->plan, overload_threshold, hours_per_fte);
  _cto_plan_set_settings_extra (reader->plan, extra);

  return TRUE;
}

static gboolean
read_version (const Members  *members,
              GError        **error)
{
  const CtoPlanLocation location = { members->location, "version", 0 };
  JsonNode *node = members->nodes[TOP_VERSION];
  gint64 version;

  if (node == NULL)
    return missing_member (members->location, "version", CTO_PLAN_ERROR_INVALID, error);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected an integer"));
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version < 1)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be 1 or greater"));
      return FALSE;
    }

  if (version > CTO_PLAN_FORMAT_VERSION)
    {
      /* Translators: the first number is the file's format version */
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_NEWER_VERSION, &location,
                    _("the plan was made by a newer version of CTO Planner "
                      "(format version %lld; this version reads up to %d)"),
                    (long long) version, CTO_PLAN_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static CtoPlan *
read_plan (JsonNode  *root,
           GError   **error)
{
  g_auto(Reader) reader = { NULL, };
  g_autoptr(JsonObject) extra = NULL;
  const CtoPlanLocation top = { NULL, NULL, 0 };
  const CtoPlanLocation format_location = { &top, "format", 0 };
  Members members;
  JsonNode *format;
  JsonArray *people;
  JsonArray *responsibilities;
  const char *title;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_FORMAT, &top, _("expected a JSON object"));
      return NULL;
    }

  if (!find_members (root, &top, top_names, N_TOP, &members, error))
    return NULL;

  /* Whether this is a plan at all, and one of a version that can be read,
   * comes before anything else the file might get wrong. */
  format = members.nodes[TOP_FORMAT];
  if (format == NULL)
    {
      missing_member (&top, "format", CTO_PLAN_ERROR_FORMAT, error);
      return NULL;
    }
  if (!is_string (format) || strcmp (json_node_get_string (format), CTO_PLAN_FORMAT_NAME) != 0)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_FORMAT, &format_location,
                    _("not a CTO Planner plan (expected \"%s\")"), CTO_PLAN_FORMAT_NAME);
      return NULL;
    }

  if (!read_version (&members, error))
    return NULL;

  reader.plan = cto_plan_new ();

  if (!read_string (&members, TOP_TITLE, STRING_OPTIONAL, DEFAULT_TITLE, &title, error) ||
      !read_settings (&reader, members.nodes[TOP_SETTINGS], &top, error) ||
      !read_array (&members, TOP_PEOPLE, &people, error) ||
      !read_array (&members, TOP_RESPONSIBILITIES, &responsibilities, error) ||
      !read_people (&reader, people, &top, error))
    return NULL;

  _cto_plan_set_title_internal (reader.plan, title);

  if (responsibilities != NULL)
    {
      const CtoPlanLocation list = { &top, "responsibilities", 0 };
      guint n = json_array_get_length (responsibilities);

      reader.responsibility_ids = g_hash_table_new (g_str_hash, g_str_equal);
      reader.responsibilities = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        {
          const CtoPlanLocation location = { &list, NULL, i };

          if (!read_responsibility (&reader, json_array_get_element (responsibilities, i),
                                    &location, error))
            return NULL;
        }

      /* The ids were found unique above: all of them go in at once. */
      _cto_plan_append_responsibilities (reader.plan,
                                         (CtoResponsibility **) reader.responsibilities->pdata,
                                         reader.responsibilities->len);
    }

  if (!collect_extras (&members, &extra, error))
    return NULL;
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
 * soon as the parser is done with it so that the text and the plan are not
 * both held with the parsed document at the peak. */
static CtoPlan *
load_data (const char  *data,
           gsize        length,
           char        *owned,
           GError     **error)
{
  g_autofree char *owned_data = owned;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parser_error = NULL;

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

  if (!_cto_plan_scan (data, length, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parser_error))
    {
      _cto_plan_set_parser_error (error, data, length, parser_error);
      return NULL;
    }

  /* From here on, refusals name JSON paths, not places in the text. */
  g_clear_pointer (&owned_data, g_free);

  return read_plan (json_parser_get_root (parser), error);
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
  g_autofree char *data = NULL;
  char *text;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = _cto_plan_read_file (file, cancellable, &length, error);
  if (data == NULL)
    return NULL;

  text = g_steal_pointer (&data);

  return load_data (text, length, text, error);
}
