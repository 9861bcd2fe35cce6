/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-csv-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-csv-cells-private.h"
#include "cto-csv-import.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"

/* Longest name or value a message shows, in bytes, before it is cut short. */
#define MESSAGE_VALUE_MAX 64
/* The most person_N columns a header may number. */
#define MAX_PAIR_NUMBER 100000
#define PERSON_CAPACITY 40.0

/* Fewer bytes than the canonical form of a plan spends on each
 * responsibility, person and assignee besides their text (143, 138 and 98
 * with empty strings): their sum is a floor of the plan file's size. */
#define MIN_RESPONSIBILITY_BYTES 130
#define MIN_PERSON_BYTES 120
#define MIN_ASSIGNEE_BYTES 80

struct _CtoCsvImport
{
  GObject    parent_instance;

  GPtrArray *problems;      /* CtoCsvProblem */
  CtoPlan   *plan;          /* NULL when nothing could be read */
  guint      n_rows;
};

G_DEFINE_FINAL_TYPE (CtoCsvImport, cto_csv_import, G_TYPE_OBJECT)

typedef enum
{
  COLUMN_ID,
  COLUMN_TITLE,
  COLUMN_FUNCTION,
  COLUMN_EFFORT,
  COLUMN_DESCRIPTION,
  COLUMN_ACCOUNTABLE,
  N_COLUMNS
} Column;

/* The header's names, as the export writes them; not translated. */
static const char * const column_names[N_COLUMNS] = {
  "id", "title", "function", "effort", "description", "accountable",
};

typedef struct
{
  guint number;             /* N of person_N, share_N */
  int   person;             /* cell positions, or -1 */
  int   share;
} Pair;

typedef struct
{
  GPtrArray *names;         /* the header's cells, as written */
  int        columns[N_COLUMNS];
  GArray    *pairs;         /* Pair, by number */
  CtoCsvFunctionKeys functions;  /* what the function column may say */
} Header;

typedef struct
{
  guint        row;
  gboolean     readable;
  const char  *id;          /* NULL when the row gives none */
  char        *made_id;
  const char  *title;
  CtoFunction  function;
  double       effort;
  const char  *description;
  GPtrArray   *persons;     /* borrowed values, in pair order */
  GArray      *shares;      /* double */
  int          accountable; /* index into persons, or -1 */
  GPtrArray   *cells;       /* owns the strings above */
} Row;

static void
problem_free (CtoCsvProblem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

static void
header_clear (Header *header)
{
  g_clear_pointer (&header->names, g_ptr_array_unref);
  g_clear_pointer (&header->pairs, g_array_unref);
  _cto_csv_function_keys_clear (&header->functions);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Header, header_clear)

static void
row_free (Row *row)
{
  g_free (row->made_id);
  g_clear_pointer (&row->persons, g_ptr_array_unref);
  g_clear_pointer (&row->shares, g_array_unref);
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Row, row_free)

/* Messages --------------------------------------------------------------------- */

/* A name or value as a message shows it: quoted, with what could upset a
 * terminal escaped, and cut short when long. */
static char *
quote_value (const char *value)
{
  GString *s = g_string_new ("\"");
  const char *end = value + strlen (value);
  gboolean cut = FALSE;

  if (end - value > MESSAGE_VALUE_MAX)
    {
      end = value + MESSAGE_VALUE_MAX;
      while (end > value && (*end & 0xc0) == 0x80)
        end--;
      cut = TRUE;
    }

  for (const char *p = value; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (s, "\\%c", (char) c);
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
               (c >= 0x2066 && c <= 0x2069) || (c >= 0xfdd0 && c <= 0xfdef) ||
               (c & 0xfffe) == 0xfffe)
        g_string_append_printf (s, "\\u{%x}", c);
      else
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }

  if (cut)
    g_string_append (s, "…");
  g_string_append_c (s, '"');

  return g_string_free (s, FALSE);
}

static void add_problem (CtoCsvImport *self,
                         guint         row,
                         Header       *header,
                         int           column,
                         const char   *format,
                         ...) G_GNUC_PRINTF (5, 6);

/* @column is a cell position, or -1 for the row as a whole. */
static void
add_problem (CtoCsvImport *self,
             guint         row,
             Header       *header,
             int           column,
             const char   *format,
             ...)
{
  CtoCsvProblem *problem = g_new0 (CtoCsvProblem, 1);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  problem->row = row;

  if (column < 0)
    {
      /* Translators: "row 1: no column "title"" */
      problem->message = g_strdup_printf (_("row %u: %s"), row, what);
    }
  else if (header != NULL && (guint) column < header->names->len &&
           *(const char *) g_ptr_array_index (header->names, column) != '\0')
    {
      g_autofree char *quoted = NULL;

      problem->column = g_strdup (g_ptr_array_index (header->names, column));
      quoted = quote_value (problem->column);
      /* Translators: "row 7, column "effort": not a number" */
      problem->message = g_strdup_printf (_("row %u, column %s: %s"), row, quoted, what);
    }
  else
    {
      /* A cell under no name is shown by its place, counted from 1. */
      /* Translators: "row 7, column 9: a cell beyond the header's 8 columns" */
      problem->message = g_strdup_printf (_("row %u, column %u: %s"), row,
                                          (guint) column + 1, what);
    }

  g_ptr_array_add (self->problems, problem);
}

/* The header ------------------------------------------------------------------- */

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *pa = a;
  const Pair *pb = b;

  return pa->number < pb->number ? -1 : pa->number > pb->number;
}

/* "person_12" → 12, or 0 when @name is not @prefix and a number. */
static guint
pair_number (const char *name,
             const char *prefix)
{
  const char *digits;
  guint64 number;

  if (!g_str_has_prefix (name, prefix))
    return 0;

  digits = name + strlen (prefix);
  if (*digits == '\0' || strlen (digits) > 6 || strspn (digits, "0123456789") != strlen (digits))
    return 0;

  number = g_ascii_strtoull (digits, NULL, 10);

  return number >= 1 && number <= MAX_PAIR_NUMBER ? (guint) number : 0;
}

/* @index maps a number to its position + 1 in the header's pairs. */
static Pair *
find_pair (Header     *header,
           GHashTable *index,
           guint       number)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (index, GUINT_TO_POINTER (number)));

  if (position == 0)
    {
      g_array_append_val (header->pairs, ((Pair) { number, -1, -1 }));
      position = header->pairs->len;
      g_hash_table_insert (index, GUINT_TO_POINTER (number), GUINT_TO_POINTER (position));
    }

  return &g_array_index (header->pairs, Pair, position - 1);
}

/* A header's cell as the name it gives a column: without the white space
 * around it, in lower case. Free with g_free(). */
static char *
header_name (const char *cell)
{
  g_autofree char *stripped = g_strstrip (g_strdup (cell));

  return g_ascii_strdown (stripped, -1);
}

/* The column a header's @name (from header_name()) is, or -1. */
static int
column_of (const char *name)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (strcmp (name, column_names[c]) == 0)
        return (int) c;
    }

  return -1;
}

/* The columns every sheet must have. */
static gboolean
is_required (int column)
{
  return column == COLUMN_TITLE || column == COLUMN_FUNCTION;
}

/* Reads the header's names; FALSE when the rows cannot be read with it. */
static gboolean
read_header (CtoCsvImport *self,
             GPtrArray    *cells,
             Header       *header)
{
  guint n_before = self->problems->len;
  g_autoptr(GHashTable) pair_index = g_hash_table_new (NULL, NULL);

  header->names = g_ptr_array_new_with_free_func (g_free);
  header->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  _cto_csv_function_keys_init (&header->functions);
  for (guint c = 0; c < N_COLUMNS; c++)
    header->columns[c] = -1;

  for (guint i = 0; i < cells->len; i++)
    g_ptr_array_add (header->names, g_strstrip (g_strdup (g_ptr_array_index (cells, i))));

  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *name = header_name (g_ptr_array_index (header->names, i));
      int column = column_of (name);
      int *slot = column >= 0 ? &header->columns[column] : NULL;
      guint number;

      if (slot == NULL && (number = pair_number (name, "person_")) != 0)
        slot = &find_pair (header, pair_index, number)->person;
      else if (slot == NULL && (number = pair_number (name, "share_")) != 0)
        slot = &find_pair (header, pair_index, number)->share;

      /* Other columns are the spreadsheet's own: not part of the plan. */
      if (slot == NULL)
        continue;

      if (*slot >= 0)
        {
          add_problem (self, 1, header, (int) i, _("the column appears twice"));
          continue;
        }
      *slot = (int) i;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (is_required (c) && header->columns[c] < 0)
        {
          g_autofree char *quoted = quote_value (column_names[c]);

          add_problem (self, 1, NULL, -1, _("no column %s"), quoted);
        }
    }

  g_array_sort (header->pairs, compare_pairs);
  for (guint i = 0; i < header->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (header->pairs, Pair, i);

      if (pair->person < 0)
        {
          g_autofree char *name = g_strdup_printf ("person_%u", pair->number);
          g_autofree char *quoted = quote_value (name);

          add_problem (self, 1, header, pair->share, _("no column %s beside it"), quoted);
        }
    }

  return self->problems->len == n_before;
}

/* Rows ------------------------------------------------------------------------- */

static gboolean
is_empty_row (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      if (*(const char *) g_ptr_array_index (cells, i) != '\0')
        return FALSE;
    }

  return TRUE;
}

static Row *
read_row (CtoCsvImport *self,
          Header       *header,
          guint         row_number,
          char          separator,
          GPtrArray    *cells)
{
  g_autoptr(Row) row = g_new0 (Row, 1);
  g_autoptr(GHashTable) named = NULL;
  guint n_before = self->problems->len;
  const char *text;
  int column;

  row->row = row_number;
  row->cells = g_ptr_array_ref (cells);
  row->persons = g_ptr_array_new ();
  row->shares = g_array_new (FALSE, FALSE, sizeof (double));
  row->accountable = -1;

  for (guint i = header->names->len; i < cells->len; i++)
    {
      if (*(const char *) g_ptr_array_index (cells, i) != '\0')
        {
          add_problem (self, row_number, header, (int) i,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "a cell beyond the header’s %u column",
                                    "a cell beyond the header’s %u columns",
                                    header->names->len),
                       header->names->len);
          break;
        }
    }

  column = header->columns[COLUMN_ID];
  text = _cto_csv_cell_at (cells, column);
  if (*text != '\0')
    {
      if (strlen (text) > CTO_PLAN_MAX_ID_LENGTH)
        add_problem (self, row_number, header, column,
                     _("must be at most %d bytes long"), CTO_PLAN_MAX_ID_LENGTH);
      else
        row->id = text;
    }

  column = header->columns[COLUMN_TITLE];
  row->title = _cto_csv_cell_at (cells, column);
  if (*row->title == '\0')
    add_problem (self, row_number, header, column, _("must not be empty"));

  column = header->columns[COLUMN_FUNCTION];
  text = _cto_csv_cell_at (cells, column);
  if (*text == '\0')
    {
      add_problem (self, row_number, header, column, _("must not be empty"));
    }
  else if (!_cto_csv_parse_function (&header->functions, text, &row->function))
    {
      g_autofree char *quoted = quote_value (text);
      g_autofree char *names = _cto_csv_function_names ();

      /* Translators: a spreadsheet's function not one of the four:
       * "unknown function "Marketing" (Planning, Infrastructure, Consumer liaison, Thinker)" */
      add_problem (self, row_number, header, column, _("unknown function %s (%s)"), quoted, names);
    }

  column = header->columns[COLUMN_EFFORT];
  text = _cto_csv_cell_at (cells, column);
  if (*text != '\0')
    {
      g_autofree char *what = NULL;

      if (!_cto_csv_check_number (text, separator, CTO_CSV_NUMBER_NON_NEGATIVE, &row->effort, &what))
        add_problem (self, row_number, header, column, "%s", what);
    }

  row->description = _cto_csv_cell_at (cells, header->columns[COLUMN_DESCRIPTION]);

  named = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < header->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (header->pairs, Pair, i);
      const char *person = _cto_csv_cell_at (cells, pair->person);
      const char *share_text = _cto_csv_cell_at (cells, pair->share);
      double share = 1;

      if (*person == '\0')
        {
          if (*share_text != '\0')
            add_problem (self, row_number, header, pair->share, _("a share without a person"));
          continue;
        }

      if (!g_hash_table_add (named, (char *) person))
        {
          g_autofree char *quoted = quote_value (person);

          add_problem (self, row_number, header, pair->person,
                       _("%s is already an assignee of this responsibility"), quoted);
          continue;
        }

      if (*share_text != '\0')
        {
          g_autofree char *what = NULL;

          if (!_cto_csv_check_number (share_text, separator, CTO_CSV_NUMBER_POSITIVE, &share, &what))
            add_problem (self, row_number, header, pair->share, "%s", what);
        }

      g_ptr_array_add (row->persons, (char *) person);
      g_array_append_val (row->shares, share);
    }

  column = header->columns[COLUMN_ACCOUNTABLE];
  text = _cto_csv_cell_at (cells, column);
  if (*text != '\0')
    {
      for (guint j = 0; j < row->persons->len && row->accountable < 0; j++)
        {
          if (strcmp (g_ptr_array_index (row->persons, j), text) == 0)
            row->accountable = (int) j;
        }

      if (row->accountable < 0)
        {
          g_autofree char *quoted = quote_value (text);

          add_problem (self, row_number, header, column,
                       _("%s is not one of the row’s persons"), quoted);
        }
    }

  row->readable = self->problems->len == n_before;

  return g_steal_pointer (&row);
}

/* The plan --------------------------------------------------------------------- */

static CtoPlan *
build_plan (GPtrArray  *rows,
            const char *title)
{
  g_autoptr(CtoPlan) plan = cto_plan_new ();
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) person_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GHashTable) person_taken =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (title != NULL && *title != '\0')
    _cto_plan_set_title_internal (plan, title);

  /* The people, in the order they are first named. A name that fits an id
   * is its own id, so that a plan's ids come back from its export; longer
   * ones are cut and made unique after them. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      for (guint j = 0; row->readable && j < row->persons->len; j++)
        {
          const char *value = g_ptr_array_index (row->persons, j);

          if (g_hash_table_contains (person_ids, value))
            continue;
          g_hash_table_insert (person_ids, (char *) value, NULL);
          g_ptr_array_add (values, (char *) value);
          if (strlen (value) <= CTO_PLAN_MAX_ID_LENGTH)
            g_hash_table_insert (person_ids, (char *) value,
                                 _cto_csv_make_unique_id (value, person_taken));
        }
    }

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autoptr(CtoPerson) person = NULL;
      const char *id = g_hash_table_lookup (person_ids, value);

      if (id == NULL)
        {
          id = _cto_csv_make_unique_id (value, person_taken);
          g_hash_table_insert (person_ids, (char *) value, (char *) id);
        }

      person = cto_person_new (id, value, "", PERSON_CAPACITY, FALSE);
      _cto_plan_append_person (plan, person);
    }

  /* Ids given are reserved first, then those made from titles. */
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (row->id != NULL)
        g_hash_table_add (taken, g_strdup (row->id));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autoptr(CtoResponsibility) responsibility = NULL;

      if (!row->readable)
        continue;

      if (row->id == NULL)
        row->made_id = _cto_csv_make_unique_id (row->title, taken);

      responsibility = cto_responsibility_new (row->id != NULL ? row->id : row->made_id,
                                               row->title, row->function, row->effort,
                                               row->description);
      for (guint j = 0; j < row->persons->len; j++)
        _cto_responsibility_add_assignee (responsibility,
                                          g_hash_table_lookup (person_ids,
                                                               g_ptr_array_index (row->persons, j)),
                                          g_array_index (row->shares, double, j),
                                          row->accountable == (int) j, NULL);
      _cto_plan_append_responsibility (plan, responsibility);
    }

  return g_steal_pointer (&plan);
}

static void
import_data (CtoCsvImport *self,
             const char   *data,
             gsize         length,
             const char   *title)
{
  g_autoptr(CtoCsvReader) reader = cto_csv_reader_new (data, length);
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Header) header = { 0 };
  gsize size_floor = 0;
  char separator = cto_csv_reader_get_separator (reader);
  gboolean whole = TRUE;

  if (length > CTO_CSV_MAX_FILE_SIZE)
    {
      add_problem (self, 1, NULL, -1, _("the file is too large (the limit is %d MiB)"),
                   CTO_CSV_MAX_FILE_SIZE / (1024 * 1024));
      return;
    }

  if (!cto_csv_reader_next (reader, &cells, &error))
    {
      if (error != NULL)
        add_problem (self, 1, NULL, (int) cto_csv_reader_get_column (reader), "%s",
                     error->message);
      else
        add_problem (self, 1, NULL, -1, _("no header: the file is empty"));
      return;
    }

  _cto_csv_defuse_cells (cells);
  if (!read_header (self, cells, &header))
    return;
  g_clear_pointer (&cells, g_ptr_array_unref);

  for (;;)
    {
      guint row_number;
      Row *row;

      if (!cto_csv_reader_next (reader, &cells, &error))
        {
          if (error == NULL)
            break;

          row_number = cto_csv_reader_get_row (reader);
          add_problem (self, row_number, &header, (int) cto_csv_reader_get_column (reader),
                       "%s", error->message);
          if (g_error_matches (error, CTO_CSV_ERROR, CTO_CSV_ERROR_UNCLOSED_QUOTE))
            whole = FALSE;
          g_clear_error (&error);
          continue;
        }

      row_number = cto_csv_reader_get_row (reader);
      _cto_csv_defuse_cells (cells);
      if (is_empty_row (cells))
        {
          g_clear_pointer (&cells, g_ptr_array_unref);
          continue;
        }

      row = read_row (self, &header, row_number, separator, cells);
      g_clear_pointer (&cells, g_ptr_array_unref);
      g_ptr_array_add (rows, row);

      if (row->id != NULL)
        {
          if (g_hash_table_contains (ids, row->id))
            {
              g_autofree char *quoted = quote_value (row->id);

              add_problem (self, row_number, &header, header.columns[COLUMN_ID],
                           _("duplicate id %s"), quoted);
              row->readable = FALSE;
            }
          else
            {
              g_hash_table_add (ids, (char *) row->id);
            }
        }

      /* A plan that could not be saved is not made (it would be refused
       * when read): stop before memory goes on it. */
      if (row->readable)
        {
          size_floor += MIN_RESPONSIBILITY_BYTES + strlen (row->title) +
                        strlen (row->description) + (row->id != NULL ? strlen (row->id) : 1);
          for (guint j = 0; j < row->persons->len; j++)
            {
              const char *person = g_ptr_array_index (row->persons, j);

              size_floor += MIN_ASSIGNEE_BYTES;
              if (g_hash_table_add (people, (char *) person))
                size_floor += MIN_PERSON_BYTES + strlen (person);
            }
        }

      if (size_floor > CTO_PLAN_MAX_FILE_SIZE)
        {
          add_problem (self, row_number, NULL, -1,
                       _("the plan would be larger than a plan file may be (%d MiB)"),
                       CTO_PLAN_MAX_FILE_SIZE / (1024 * 1024));
          whole = FALSE;
          break;
        }
    }

  /* What a quote left open swallowed cannot be known, nor a plan too large
   * be written: nothing is taken. */
  if (!whole)
    return;

  self->plan = build_plan (rows, title);
  for (guint i = 0; i < rows->len; i++)
    self->n_rows += ((Row *) g_ptr_array_index (rows, i))->readable ? 1 : 0;
}

/* The object ------------------------------------------------------------------- */

static void
cto_csv_import_finalize (GObject *object)
{
  CtoCsvImport *self = CTO_CSV_IMPORT (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cto_csv_import_parent_class)->finalize (object);
}

static void
cto_csv_import_class_init (CtoCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cto_csv_import_finalize;
}

static void
cto_csv_import_init (CtoCsvImport *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
}

/**
 * cto_csv_import_new_for_data:
 * @data: (array length=length): the CSV text, not necessarily nul-terminated
 * @length: its length in bytes
 * @title: (nullable): the new plan's title
 *
 * Returns: (transfer full): the rows read and the problems met
 */
CtoCsvImport *
cto_csv_import_new_for_data (const char *data,
                             gsize       length,
                             const char *title)
{
  CtoCsvImport *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_object_new (CTO_TYPE_CSV_IMPORT, NULL);
  import_data (self, data, length, title);

  return self;
}

/**
 * cto_csv_import_new_for_file:
 * @file: a CSV file
 * @cancellable: (nullable): a #GCancellable
 * @error: where a file that cannot be read at all says why ("file: …")
 *
 * Returns: (transfer full) (nullable): the rows read and the problems met
 */
CtoCsvImport *
cto_csv_import_new_for_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *title = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = cto_csv_read_file (file, cancellable, &length, error);
  if (data == NULL)
    return NULL;

  title = cto_csv_import_title_for_file (file);

  return cto_csv_import_new_for_data (data, length, title);
}

guint
cto_csv_import_get_n_problems (CtoCsvImport *self)
{
  g_return_val_if_fail (CTO_IS_CSV_IMPORT (self), 0);

  return self->problems->len;
}

const CtoCsvProblem *
cto_csv_import_get_problem (CtoCsvImport *self,
                            guint         position)
{
  g_return_val_if_fail (CTO_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (position < self->problems->len, NULL);

  return g_ptr_array_index (self->problems, position);
}

CtoPlan *
cto_csv_import_get_plan (CtoCsvImport *self)
{
  g_return_val_if_fail (CTO_IS_CSV_IMPORT (self), NULL);

  return self->plan;
}

guint
cto_csv_import_get_n_rows (CtoCsvImport *self)
{
  g_return_val_if_fail (CTO_IS_CSV_IMPORT (self), 0);

  return self->n_rows;
}

/**
 * cto_csv_import_dup_complete_plan:
 * @self: an import
 * @error: return location for a #CTO_CSV_ERROR
 *
 * Returns: (transfer full) (nullable): the plan, when every row was read
 */
CtoPlan *
cto_csv_import_dup_complete_plan (CtoCsvImport  *self,
                                  GError       **error)
{
  g_return_val_if_fail (CTO_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->problems->len > 0)
    {
      const CtoCsvProblem *first = g_ptr_array_index (self->problems, 0);

      g_set_error_literal (error, CTO_CSV_ERROR,
                           first->row == 1 ? CTO_CSV_ERROR_HEADER : CTO_CSV_ERROR_INVALID,
                           first->message);
      return NULL;
    }

  g_assert (self->plan != NULL);
  return g_object_ref (self->plan);
}

/**
 * cto_csv_import_title_for_file:
 * @file: a CSV file
 *
 * Returns: (transfer full): its name, for people to read, without the
 *   last extension ("Plan 2027.csv" → "Plan 2027")
 */
char *
cto_csv_import_title_for_file (GFile *file)
{
  g_autofree char *basename = NULL;
  char *title;
  char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  title = g_filename_display_name (basename != NULL ? basename : "");
  dot = strrchr (title, '.');
  if (dot != NULL && dot != title)
    *dot = '\0';

  return title;
}

/* A header is a few hundred bytes: text that goes on for longer without
 * ending its first row is not one. */
#define MAX_SNIFFED_HEADER (64 * 1024)

gboolean
cto_csv_import_is_sheet (const char *data,
                         gsize       length)
{
  g_autoptr(CtoCsvReader) reader = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  guint required = 0;
  guint found = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  reader = cto_csv_reader_new (data, MIN (length, MAX_SNIFFED_HEADER));
  if (!cto_csv_reader_next (reader, &cells, NULL))
    return FALSE;

  for (int c = 0; c < N_COLUMNS; c++)
    required |= is_required (c) ? 1u << c : 0;

  _cto_csv_defuse_cells (cells);
  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *name = header_name (g_ptr_array_index (cells, i));
      int column = column_of (name);

      if (is_required (column))
        found |= 1u << column;
    }

  return found == required;
}
