/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cto-analysis.h"
#include "cto-board-pages.h"
#include "cto-plan-io.h"
#include "cto-report-csv.h"
#include "report-test-util.h"

/* Plans --------------------------------------------------------------------- */

char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                "acme-robotics.ctoplan.json", NULL);
}

char *
hostile_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "valid-hostile.json", NULL);
}

CtoPlan *
load_plan (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan = cto_plan_io_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

CtoPlan *
load_example (void)
{
  g_autofree char *path = example_path ();

  return load_plan (path);
}

CtoPlan *
load_hostile (void)
{
  g_autofree char *path = hostile_path ();

  return load_plan (path);
}

CtoPerson *
add_person (CtoPlan    *plan,
            const char *id,
            const char *name,
            const char *role,
            double      capacity,
            gboolean    open_role,
            const char *manager)
{
  g_autoptr(CtoPerson) person = cto_person_new (id, name, role, capacity, open_role);
  g_autoptr(GError) error = NULL;

  cto_plan_insert_person (plan, G_MAXUINT, person);
  if (manager != NULL)
    {
      g_assert_true (cto_plan_set_reports_to (plan, person, cto_plan_find_person (plan, manager), &error));
      g_assert_no_error (error);
    }

  return person;
}

/* A company of @n_people: one chief, nine managers under them, everybody else
 * spread over the managers; two responsibilities per person, carried by one
 * to three people, some by nobody. */
CtoPlan *
make_large_plan (guint n_people)
{
  CtoPlan *plan = cto_plan_new ();

  cto_plan_set_title (plan, "A company of a hundred people");

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Person number %u with a longer name", i);
      g_autofree char *manager = NULL;

      if (i >= 1 && i <= 9)
        manager = g_strdup ("p0");
      else if (i >= 10)
        manager = g_strdup_printf ("p%u", 1 + (i - 10) % 9);
      add_person (plan, id, name, "Engineer", 10 + i % 30, i % 17 == 0 && i > 0, manager);
    }

  for (guint r = 0; r < 2 * n_people; r++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", r);
      g_autofree char *title = g_strdup_printf ("Responsibility %u of the large plan", r);
      g_autoptr(CtoResponsibility) responsibility =
        cto_responsibility_new (id, title, (CtoFunction) (r % CTO_N_FUNCTIONS), 1 + r % 7, "");

      cto_plan_insert_responsibility (plan, G_MAXUINT, responsibility);
      if (r % 11 == 0)
        continue;
      for (guint k = 0; k < 1 + r % 3; k++)
        {
          g_autofree char *person = g_strdup_printf ("p%u", (r * 7 + k * 13) % n_people);

          cto_plan_assign (plan, responsibility, cto_plan_find_person (plan, person), 1 + k);
        }
    }

  return plan;
}

GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2027, 3, 5, 9, 0, 0);
}

/* RFC 4180 ------------------------------------------------------------------ */

/* A strict reader: every record ends with CRLF, quoted fields double their
 * quotes, unquoted fields hold no quote, CR or LF. Returns rows of fields,
 * or NULL (and a message) for text that breaks the rules. */
static GPtrArray *
parse_csv (const char  *text,
           gsize        length,
           char       **message)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  *message = g_strdup ("unterminated quoted field");
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              g_string_append_c (field, *p++);
            }
        }
      else
        {
          while (p < end && *p != ',' && *p != '\r')
            {
              if (*p == '"' || *p == '\n')
                {
                  *message = g_strdup_printf ("bare %s in an unquoted field at byte %u",
                                              *p == '"' ? "quote" : "LF", (guint) (p - text));
                  return NULL;
                }
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

      if (p < end && *p == ',')
        {
          p++;
          if (p == end)
            {
              *message = g_strdup ("comma at the end of the text");
              return NULL;
            }
          continue;
        }
      if (p + 2 <= end && p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
          g_ptr_array_set_free_func (fields, g_free);
          continue;
        }
      *message = g_strdup_printf ("a record that does not end with CRLF at byte %u", (guint) (p - text));
      return NULL;
    }

  if (fields->len > 0)
    {
      *message = g_strdup ("the last record has no CRLF");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* What a spreadsheet cell shows for @value: formulas defused with a '
 * (PLAN-FORMAT.md, section 8), told by what starts after the leading white
 * space and invisible characters; a leading ' is doubled. */
static char *
defused (const char *value)
{
  static const char * const blanks[] = { " ", "\u00a0", "\u3000", "\u200b", "\ufeff" };
  static const char * const starts[] = {
    "=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20",
  };
  const char *rest = value;
  gboolean skipped = TRUE;

  if (value[0] == '\'')
    return g_strconcat ("'", value, NULL);

  while (skipped)
    {
      skipped = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
        {
          if (g_str_has_prefix (rest, starts[i]))
            return g_strconcat ("'", value, NULL);
        }
      for (guint i = 0; i < G_N_ELEMENTS (blanks) && !skipped; i++)
        {
          if (g_str_has_prefix (rest, blanks[i]))
            {
              rest += strlen (blanks[i]);
              skipped = TRUE;
            }
        }
    }

  return g_strdup (value);
}

static void
assert_field (const char *field,
              const char *value)
{
  g_autofree char *expected = defused (value);

  g_assert_cmpstr (field, ==, expected);
}

static void
assert_number_field (const char *field,
                     double      value)
{
  char *end = NULL;
  double read = g_ascii_strtod (field, &end);

  g_assert_nonnull (end);
  g_assert_cmpint (*end, ==, '\0');
  g_assert_cmpfloat (read, ==, value);
}

/* The CSV text @csv reads back, field by field, as @plan's values. */
void
check_csv_text (CtoPlan    *plan,
                const char *csv,
                gsize       length)
{
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n = g_list_model_get_n_items (responsibilities);
  guint n_pairs = 1;
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) rows = parse_csv (csv, length, &message);
  char **header;

  g_assert_true (g_utf8_validate (csv, (gssize) length, NULL));
  if (rows == NULL)
    g_error ("the CSV does not parse: %s", message);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      n_pairs = MAX (n_pairs, cto_responsibility_get_n_assignees (responsibility));
    }

  g_assert_cmpuint (rows->len, ==, n + 1);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (header), ==, 6 + 2 * n_pairs);
  g_assert_cmpstr (header[0], ==, "id");
  g_assert_cmpstr (header[1], ==, "title");
  g_assert_cmpstr (header[2], ==, "function");
  g_assert_cmpstr (header[3], ==, "effort");
  g_assert_cmpstr (header[4], ==, "description");
  g_assert_cmpstr (header[5], ==, "accountable");
  g_assert_cmpstr (header[6], ==, "person_1");
  g_assert_cmpstr (header[7], ==, "share_1");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
      char **row = g_ptr_array_index (rows, i + 1);
      const char *accountable = cto_responsibility_get_accountable (responsibility);
      guint n_assignees = cto_responsibility_get_n_assignees (responsibility);

      g_assert_cmpuint (g_strv_length (row), ==, 6 + 2 * n_pairs);
      assert_field (row[0], cto_responsibility_get_id (responsibility));
      assert_field (row[1], cto_responsibility_get_title (responsibility));
      g_assert_cmpstr (row[2], ==, cto_function_get_id (cto_responsibility_get_function (responsibility)));
      assert_number_field (row[3], cto_responsibility_get_effort (responsibility));
      assert_field (row[4], cto_responsibility_get_description (responsibility));
      assert_field (row[5], accountable != NULL ? accountable : "");

      for (guint k = 0; k < n_pairs; k++)
        {
          if (k < n_assignees)
            {
              const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, k);

              assert_field (row[6 + 2 * k], assignment->person);
              assert_number_field (row[7 + 2 * k], assignment->share);
            }
          else
            {
              g_assert_cmpstr (row[6 + 2 * k], ==, "");
              g_assert_cmpstr (row[7 + 2 * k], ==, "");
            }
        }
    }
}


/* Markdown ------------------------------------------------------------------ */

/* The number of cells of a table line: its | that no backslash escapes, less one. */
static guint
count_cells (const char *line)
{
  guint pipes = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '|')
        pipes++;
    }

  return pipes - 1;
}

void
check_markdown_tables (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  guint columns = 0;
  guint n_tables = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '|')
        {
          columns = 0;
          continue;
        }
      if (columns == 0)
        {
          columns = count_cells (lines[i]);
          n_tables++;
          g_assert_cmpuint (columns, >, 0);
          g_assert_nonnull (lines[i + 1]);
          g_assert_true (g_str_has_prefix (lines[i + 1], "| ---"));
        }
      g_assert_cmpuint (count_cells (lines[i]), ==, columns);
    }

  /* Coverage, people, four functions (unless empty), org chart, hiring gap. */
  g_assert_cmpuint (n_tables, >=, 5);
}

/* HTML ---------------------------------------------------------------------- */

/* Every tag in @html is one the report writes: no plan text became markup. */
void
check_html_tags (const char *html)
{
  const char *allowed[] = {
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "header",
    "h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "strong", "span",
    "ul", "li",
  };
  guint n_tags = 0;
  const char *style = strstr (html, "<style>");
  const char *style_end = strstr (html, "</style>");

  g_assert_nonnull (style);
  g_assert_nonnull (style_end);

  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *name = p + 1;
      gsize length;
      gboolean known = FALSE;

      /* The style sheet holds no < at all. */
      g_assert_false (p > style && p < style_end);

      if (*name == '/')
        name++;
      length = strspn (name, "!ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
      for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
        known |= strlen (allowed[i]) == length && strncmp (allowed[i], name, length) == 0;
      if (!known)
        g_error ("unexpected markup in the HTML: %.40s", p);
      n_tags++;
    }

  g_assert_cmpuint (n_tags, >, 50);
}

/* @text as the report must write it in HTML text: the five markup
 * characters as references, control characters but tab and line feed as
 * spaces. */
static char *
html_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (out, "&amp;");
      else if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if (c == '"')
        g_string_append (out, "&quot;");
      else if (c == '\'')
        g_string_append (out, "&#39;");
      else if (g_unichar_iscntrl (c) && c != '\t' && c != '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The plan's words a report shows: its title, people's names and roles,
 * responsibilities' titles. */
static GPtrArray *
plan_strings (CtoPlan *plan)
{
  GPtrArray *strings = g_ptr_array_new ();
  GListModel *people = cto_plan_get_people (plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);

  g_ptr_array_add (strings, (gpointer) cto_plan_get_title (plan));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      g_ptr_array_add (strings, (gpointer) cto_person_get_name (person));
      g_ptr_array_add (strings, (gpointer) cto_person_get_role (person));
    }
  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      g_ptr_array_add (strings, (gpointer) cto_responsibility_get_title (responsibility));
    }

  return strings;
}

/* Every string of the plan is in @html, escaped; none that could be markup
 * is there as it is. */
void
check_html_plan_text (const char *html,
                      CtoPlan    *plan)
{
  g_autoptr(GPtrArray) strings = plan_strings (plan);

  for (guint i = 0; i < strings->len; i++)
    {
      const char *text = g_ptr_array_index (strings, i);
      g_autofree char *escaped = html_text (text);

      if (*text == '\0')
        continue;
      if (strstr (html, escaped) == NULL)
        g_error ("“%s” is not in the HTML as “%s”", text, escaped);
      if (strpbrk (text, "<>&") != NULL && strstr (html, text) != NULL)
        g_error ("“%s” is in the HTML unescaped", text);
    }
}

/* PDF, SVG, PNG ------------------------------------------------------------- */

char *
tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cto-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

/* The text pdftotext reads on page @page (from 1) of the PDF at @path,
 * its line breaks as spaces. */
char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (pdftotext == NULL)
    g_error ("pdftotext is not installed (Debian: poppler-utils)");

  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strdelimit (out, "\n\f", ' ');

  return g_steal_pointer (&out);
}

/* The page count pdfinfo (poppler-utils) reads in the PDF at @path; every
 * page A4 landscape. */
guint
pdf_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { pdfinfo, "-f", "1", "-l", "100000", path, NULL };
  int status = 0;
  g_auto(GStrv) lines = NULL;
  guint pages = 0;
  guint n_sizes = 0;

  if (pdfinfo == NULL)
    g_error ("pdfinfo is not installed (Debian: poppler-utils)");

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Every page the same size: pdfinfo -l names each page's. */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *value = strchr (lines[i], ':');

      if (value == NULL)
        continue;
      value += 1 + strspn (value + 1, " ");
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (value, NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page ") && strstr (lines[i], " size:") != NULL)
        {
          g_assert_cmpstr (value, ==, "842 x 595 pts (A4)");
          n_sizes++;
        }
      else if (g_str_has_prefix (lines[i], "Page ") && strstr (lines[i], " rot:") != NULL)
        g_assert_cmpstr (value, ==, "0");
    }

  g_assert_cmpuint (pages, >, 0);
  g_assert_cmpuint (n_sizes, ==, pages);
  return pages;
}

void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}


typedef struct
{
  guint depth;
  guint elements;
  char *root;
  char *width;
  char *height;
} SvgCheck;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *name,
              const char          **attribute_names,
              const char          **attribute_values,
              gpointer              data,
              GError              **error)
{
  SvgCheck *check = data;

  if (check->depth++ == 0)
    {
      check->root = g_strdup (name);
      for (guint i = 0; attribute_names[i] != NULL; i++)
        {
          if (strcmp (attribute_names[i], "width") == 0)
            check->width = g_strdup (attribute_values[i]);
          else if (strcmp (attribute_names[i], "height") == 0)
            check->height = g_strdup (attribute_values[i]);
        }
    }
  check->elements++;
}

static void
svg_end_cb (GMarkupParseContext  *context,
            const char           *name,
            gpointer              data,
            GError              **error)
{
  ((SvgCheck *) data)->depth--;
}

/* SVG text: well-formed XML (GMarkup is strict about it), an svg element of
 * A4 landscape in points, with the page drawn in it. */
void
check_svg_data (const char *text,
                gsize       length)
{
  const GMarkupParser parser = { svg_start_cb, svg_end_cb, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  SvgCheck check = { 0 };
  GMarkupParseContext *context;

  g_assert_true (g_utf8_validate (text, (gssize) length, NULL));

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &check, NULL);
  g_markup_parse_context_parse (context, text, (gssize) length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_cmpstr (check.root, ==, "svg");
  g_assert_cmpstr (check.width, ==, "842pt");
  g_assert_cmpstr (check.height, ==, "595pt");
  g_assert_cmpuint (check.depth, ==, 0);
  g_assert_cmpuint (check.elements, >, 50);
  g_free (check.root);
  g_free (check.width);
  g_free (check.height);
}

/* xmllint (libxml2-utils), a second and independent XML parser, reads the
 * file at @path without a complaint. */
void
check_xmllint (const char *path)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "--noout", "--nonet", path, NULL };
  int status = 0;

  if (xmllint == NULL)
    g_error ("xmllint is not installed (Debian: libxml2-utils)");
  argv[0] = xmllint;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint refuses %s: %s", path, err);
  g_assert_cmpstr (err, ==, "");
}


typedef struct
{
  const guchar *data;
  gsize         length;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->length -= length;

  return CAIRO_STATUS_SUCCESS;
}

/* Reads back a PNG: its size, and how many colours it has. */
cairo_surface_t *
png_image_new (const guchar *data,
               gsize         length)
{
  Reader reader = { data, length };

  return cairo_image_surface_create_from_png_stream (read_cb, &reader);
}

void
check_png_data (const guchar *data,
                gsize         length,
                int           width,
                int           height)
{
  cairo_surface_t *image = png_image_new (data, length);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  const guchar *pixels;
  int stride;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);

  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4) & 0xffffff;

        g_hash_table_add (colours, GUINT_TO_POINTER (pixel + 1));
      }
  cairo_surface_destroy (image);

  /* Not blank: white, ink, the status colours and the edges of text. */
  g_assert_cmpuint (g_hash_table_size (colours), >, 20);
}

/* Exports ------------------------------------------------------------------- */

char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

void
check_export_file (CtoExportFormat  format,
                   const char      *path,
                   CtoPlan         *plan)
{
  gsize length = 0;
  g_autofree char *contents = read_file (path, &length);

  g_assert_cmpuint (length, >, 100);

  switch (format)
    {
    case CTO_EXPORT_CSV:
      {
        g_autofree char *expected = cto_report_csv (plan, NULL);

        g_assert_cmpstr (contents, ==, expected);
        check_csv_text (plan, contents, length);
      }
      break;
    case CTO_EXPORT_MARKDOWN:
      g_assert_true (g_str_has_prefix (contents, "# "));
      g_assert_true (g_utf8_validate (contents, (gssize) length, NULL));
      check_markdown_tables (contents);
      break;
    case CTO_EXPORT_HTML:
      g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
      check_html_tags (contents);
      check_html_plan_text (contents, plan);
      break;
    case CTO_EXPORT_PDF:
      {
        g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan);
        g_autoptr(CtoBoardPages) pages = cto_board_pages_new (analysis);

        g_assert_cmpuint (pdf_pages (path), ==, cto_board_pages_get_n_pages (pages, A4_W, A4_H));
      }
      break;
    case CTO_EXPORT_SVG:
      check_svg_data (contents, length);
      check_xmllint (path);
      break;
    case CTO_EXPORT_PNG:
      check_png_data ((const guchar *) contents, length, 1684, 1190);
      break;
    case CTO_EXPORT_ODP:
      /* A ZIP archive whose first member names its type (test-slides
       * looks inside). */
      g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
      g_assert_cmpmem (contents + 30, 8, "mimetype", 8);
      {
        const guchar *header = (const guchar *) contents;
        gsize data = 30 + 8 + (header[28] | header[29] << 8);

        g_assert_cmpmem (contents + data, 47, "application/vnd.oasis.opendocument.presentation", 47);
      }
      break;
    case CTO_EXPORT_PPTX:
      g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
      g_assert_cmpmem (contents + 30, 19, "[Content_Types].xml", 19);
      break;
    case CTO_EXPORT_JSON:
    default:
      {
        g_autoptr(CtoPlan) read = load_plan (path);
        g_autofree char *expected = cto_plan_io_to_data (plan, NULL);
        g_autofree char *again = cto_plan_io_to_data (read, NULL);

        /* The canonical form: what the plan itself writes, and reads back. */
        g_assert_cmpstr (contents, ==, expected);
        g_assert_cmpstr (again, ==, expected);
      }
      break;
    }
}
