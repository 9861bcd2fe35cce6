/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cto-analysis.h"
#include "cto-bench-plan.h"
#include "cto-board-pages.h"
#include "cto-export-slides-private.h"
#include "cto-export.h"
#include "cto-plan-io.h"
#include "cto-plan.h"
#include "report-test-util.h"

/* The board pages as slide decks, ODP and PPTX: what is inside the archive
 * (/slides/archive/…), and LibreOffice Impress opening each deck and
 * printing it to PDF (/slides/office/…, in the meson suite "slides"). */

#define ODP_MIME_TYPE "application/vnd.oasis.opendocument.presentation"

/* Plans ---------------------------------------------------------------------- */

typedef enum
{
  PLAN_EXAMPLE,
  PLAN_HOSTILE,
  PLAN_LARGE,
  PLAN_CONTROL,
} PlanKind;

static const char *plan_names[] = { "example", "hostile", "large", "control" };

/* Characters XML 1.0 cannot hold, in the one string that reaches the
 * slides as it is: the plan's title, the title page's heading. */
#define CONTROL_TITLE "Board\x01 plan\x1f \xc2\x85\xc2\x9f\x7f\tend\r\nline \xef\xbf\xbe"

static CtoPlan *
make_plan (PlanKind kind)
{
  switch (kind)
    {
    case PLAN_EXAMPLE:
      return load_example ();
    case PLAN_HOSTILE:
      return load_hostile ();
    case PLAN_CONTROL:
      {
        CtoPlan *plan = load_example ();

        cto_plan_set_title (plan, CONTROL_TITLE);
        g_assert_cmpstr (cto_plan_get_title (plan), ==, CONTROL_TITLE);
        return plan;
      }
    case PLAN_LARGE:
    default:
      /* A hundred people, with reporting lines and shared work: many pages. */
      return cto_bench_plan_new (100, 200);
    }
}

/* The deck of a plan, written as the command line and the window write it. */
typedef struct
{
  CtoPlan       *plan;
  CtoAnalysis   *analysis;
  CtoBoardPages *pages;
  guint          n_pages;
  char          *dir;
  char          *path;
  GBytes        *bytes;
} Deck;

static void
deck_clear (Deck *deck)
{
  g_clear_object (&deck->pages);
  g_clear_object (&deck->analysis);
  g_clear_object (&deck->plan);
  g_clear_pointer (&deck->bytes, g_bytes_unref);
  if (deck->dir != NULL)
    remove_tree (deck->dir);
  g_clear_pointer (&deck->dir, g_free);
  g_clear_pointer (&deck->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Deck, deck_clear)

static void
deck_init (Deck            *deck,
           PlanKind         kind,
           CtoExportFormat  format)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  deck->plan = make_plan (kind);
  deck->analysis = cto_analysis_new (deck->plan);
  deck->pages = cto_board_pages_new (deck->analysis);
  deck->n_pages = cto_board_pages_get_n_pages (deck->pages, A4_W, A4_H);
  deck->dir = tmp_dir ();
  name = g_strdup_printf ("%s.%s", plan_names[kind], cto_export_format_get_extension (format));
  deck->path = g_build_filename (deck->dir, name, NULL);
  file = g_file_new_for_path (deck->path);

  g_assert_true (cto_export_to_file (deck->analysis, format, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (deck->path, &contents, &length, &error));
  g_assert_no_error (error);
  deck->bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* Text ------------------------------------------------------------------------ */

/* What the decks promise for a line of plan text in XML: line breaks and
 * tabs as spaces, other characters XML cannot hold as U+FFFD. */
static char *
xml_safe (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r')
        g_string_append_c (out, ' ');
      else if (g_unichar_iscntrl (c) || c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* For finding text wherever lines break: each run of white space, control
 * characters or what stands for them (U+FFFD) one space, none at the ends. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0xFFFD || c == 0xFFFE || c == 0xFFFF)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The lines of @text, without the empty one after the last line break. */
static GPtrArray *
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' && lines[i + 1] == NULL)
        break;
      g_ptr_array_add (result, xml_safe (lines[i]));
    }

  return result;
}

/* What a slide's notes hold: every line of the page's text. */
static void
check_notes (Deck      *deck,
             guint      page,
             GPtrArray *notes)
{
  g_autofree char *text = cto_board_pages_get_page_text (deck->pages, A4_W, A4_H, page);
  g_autofree char *title = cto_board_pages_get_page_title (deck->pages, A4_W, A4_H, page);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *squeezed = NULL;
  g_autofree char *squeezed_title = squeeze (title);

  g_assert_nonnull (text);
  expected = split_lines (text);
  g_assert_cmpuint (expected->len, >, 1);
  g_assert_cmpuint (notes->len, ==, expected->len);
  for (guint i = 0; i < notes->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (notes, i), ==, g_ptr_array_index (expected, i));
      g_string_append (joined, g_ptr_array_index (notes, i));
      g_string_append_c (joined, '\n');
    }

  /* The page's heading is among them. */
  squeezed = squeeze (joined->str);
  g_assert_nonnull (strstr (squeezed, squeezed_title));
}

/* Every person's name, every responsibility's title and the plan's title
 * are in the notes of some slide. */
static void
check_plan_strings (Deck       *deck,
                    const char *all_notes)
{
  g_autofree char *notes = squeeze (all_notes);
  g_autofree char *title = squeeze (cto_plan_get_title (deck->plan));

  g_assert_nonnull (strstr (notes, title));

  GListModel *people = cto_plan_get_people (deck->plan);
  GListModel *responsibilities = cto_plan_get_responsibilities (deck->plan);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);
      g_autofree char *name = squeeze (cto_person_get_name (person));

      if (strstr (notes, name) == NULL)
        g_error ("the notes leave out the person “%s”", name);
    }

  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
      g_autofree char *what = squeeze (cto_responsibility_get_title (responsibility));

      if (strstr (notes, what) == NULL)
        g_error ("the notes leave out the responsibility “%s”", what);
    }
}

/* The archive -------------------------------------------------------------- */

typedef struct
{
  char   *name;
  GBytes *data;
  char   *format;   /* libarchive's name for how it is kept */
} Member;

static void
member_free (Member *member)
{
  g_free (member->name);
  g_bytes_unref (member->data);
  g_free (member->format);
  g_free (member);
}

/* The members in the order they are in the archive, read with libarchive. */
static GPtrArray *
read_members (GBytes *bytes)
{
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (bytes, &size);
  int status;

  g_assert_cmpint (archive_read_support_format_zip (archive), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_read_open_memory (archive, data, size), ==, ARCHIVE_OK);

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      Member *member = g_new0 (Member, 1);
      GByteArray *contents = g_byte_array_new ();
      char buffer[16384];
      la_ssize_t n;

      member->name = g_strdup (archive_entry_pathname (entry));
      member->format = g_strdup (archive_format_name (archive));
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (contents, (const guint8 *) buffer, (guint) n);
      g_assert_cmpint (n, ==, 0);
      member->data = g_byte_array_free_to_bytes (contents);
      g_assert_true (archive_entry_filetype (entry) == AE_IFREG);

      for (guint i = 0; i < members->len; i++)
        g_assert_cmpstr (((Member *) g_ptr_array_index (members, i))->name, !=, member->name);
      g_ptr_array_add (members, member);
    }
  g_assert_cmpint (status, ==, ARCHIVE_EOF);

  archive_read_free (archive);
  g_assert_cmpuint (members->len, >, 0);

  return members;
}

static Member *
find_member (GPtrArray  *members,
             const char *name)
{
  for (guint i = 0; i < members->len; i++)
    {
      Member *member = g_ptr_array_index (members, i);

      if (strcmp (member->name, name) == 0)
        return member;
    }

  return NULL;
}

static GBytes *
member_data (GPtrArray  *members,
             const char *name)
{
  Member *member = find_member (members, name);

  if (member == NULL)
    g_error ("the archive has no member %s", name);

  return member->data;
}

static char *
member_text (GPtrArray  *members,
             const char *name)
{
  Member *member = find_member (members, name);
  gsize length = 0;
  const char *text;

  if (member == NULL)
    g_error ("the archive has no member %s", name);

  text = g_bytes_get_data (member->data, &length);
  g_assert_true (g_utf8_validate (text, (gssize) length, NULL));
  g_assert_null (memchr (text, '\0', length));

  /* GBytes from a GByteArray has no terminating NUL: give it one. */
  return g_strndup (text, length);
}

/* Every XML member, the pictures included, well-formed with namespaces. */
static void
check_xml_well_formed (GPtrArray *members)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  guint n_files = 0;

  if (xmllint == NULL)
    g_error ("xmllint is not installed (Debian: libxml2-utils)");

  g_ptr_array_add (argv, g_strdup (xmllint));
  g_ptr_array_add (argv, g_strdup ("--noout"));
  g_ptr_array_add (argv, g_strdup ("--nonet"));
  for (guint i = 0; i < members->len; i++)
    {
      Member *member = g_ptr_array_index (members, i);
      g_autofree char *file = NULL;

      if (!g_str_has_suffix (member->name, ".xml") && !g_str_has_suffix (member->name, ".rels") &&
          !g_str_has_suffix (member->name, ".svg"))
        continue;

      file = g_strdup_printf ("%s/%u.xml", dir, i);
      g_assert_true (g_file_set_contents (file, g_bytes_get_data (member->data, NULL),
                                          (gssize) g_bytes_get_size (member->data), NULL));
      g_ptr_array_add (argv, g_steal_pointer (&file));
      n_files++;
    }
  g_ptr_array_add (argv, NULL);
  g_assert_cmpuint (n_files, >, 2);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) || err[0] != '\0')
    g_error ("xmllint refuses a member: %s", err);

  remove_tree (dir);
}

/* A small XML reader for the parts the tests look into. */
typedef struct
{
  GPtrArray  *stack;       /* element names */
  GHashTable *attributes;  /* of the current element, name → value */
  void      (*start) (gpointer data, const char *element, GHashTable *attributes);
  void      (*end) (gpointer data, const char *element);
  void      (*text) (gpointer data, const char *element, const char *text, gsize length);
  gpointer    data;
} Reader;

static void
reader_start_cb (GMarkupParseContext  *context,
                 const char           *element,
                 const char          **names,
                 const char          **values,
                 gpointer              user_data,
                 GError              **error)
{
  Reader *reader = user_data;
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_insert (attributes, (gpointer) names[i], (gpointer) values[i]);
  g_ptr_array_add (reader->stack, g_strdup (element));
  if (reader->start != NULL)
    reader->start (reader->data, element, attributes);
}

static void
reader_end_cb (GMarkupParseContext  *context,
               const char           *element,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;

  if (reader->end != NULL)
    reader->end (reader->data, element);
  g_ptr_array_remove_index (reader->stack, reader->stack->len - 1);
}

static void
reader_text_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 length,
                gpointer              user_data,
                GError              **error)
{
  Reader *reader = user_data;

  if (reader->text != NULL && reader->stack->len > 0)
    reader->text (reader->data, g_ptr_array_index (reader->stack, reader->stack->len - 1), text, length);
}

static void
read_xml (const char *xml,
          void      (*start) (gpointer, const char *, GHashTable *),
          void      (*end) (gpointer, const char *),
          void      (*text) (gpointer, const char *, const char *, gsize),
          gpointer    data)
{
  static const GMarkupParser parser = { reader_start_cb, reader_end_cb, reader_text_cb, NULL, NULL };
  Reader reader = { g_ptr_array_new_with_free_func (g_free), NULL, start, end, text, data };
  g_autoptr(GMarkupParseContext) context =
    g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &reader, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, xml, -1, &error) &&
                 g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_ptr_array_unref (reader.stack);
}

/* Reads member @name of @members as XML. */
static void
read_member (GPtrArray  *members,
             const char *name,
             void      (*start) (gpointer, const char *, GHashTable *),
             void      (*end) (gpointer, const char *),
             void      (*text) (gpointer, const char *, const char *, gsize),
             gpointer    data)
{
  g_autofree char *xml = member_text (members, name);

  read_xml (xml, start, end, text, data);
}

static gboolean
has_prefix_bytes (GBytes     *bytes,
                  const char *prefix)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return length >= strlen (prefix) && memcmp (data, prefix, strlen (prefix)) == 0;
}

static void
check_svg (GBytes *svg)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (svg, &length);

  g_assert_true (has_prefix_bytes (svg, "<?xml"));
  g_assert_nonnull (g_strstr_len (data, (gssize) length, "<svg"));
  g_assert_nonnull (g_strstr_len (data, (gssize) length, "width=\"842pt\" height=\"595pt\""));
}

/* ODP ------------------------------------------------------------------------ */

typedef struct
{
  char      *title;     /* the title frame's text */
  char      *picture;   /* the image's member */
  char      *mime_type;
  GPtrArray *notes;     /* the notes' paragraphs */
} OdpPage;

static void
odp_page_free (OdpPage *page)
{
  g_free (page->title);
  g_free (page->picture);
  g_free (page->mime_type);
  g_ptr_array_unref (page->notes);
  g_free (page);
}

typedef struct
{
  GPtrArray *pages;
  gboolean   in_notes;
  gboolean   in_title;
  gboolean   in_notes_frame;
  GString   *paragraph;   /* the text:p being read, or NULL */
} OdpContent;

static OdpPage *
odp_current (OdpContent *content)
{
  g_assert_cmpuint (content->pages->len, >, 0);
  return g_ptr_array_index (content->pages, content->pages->len - 1);
}

static void
odp_start (gpointer    data,
           const char *element,
           GHashTable *attributes)
{
  OdpContent *content = data;
  const char *class = g_hash_table_lookup (attributes, "presentation:class");

  if (strcmp (element, "draw:page") == 0)
    {
      OdpPage *page = g_new0 (OdpPage, 1);

      page->notes = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (content->pages, page);
      g_assert_cmpstr (g_hash_table_lookup (attributes, "draw:master-page-name"), ==, "Board");
    }
  else if (strcmp (element, "presentation:notes") == 0)
    content->in_notes = TRUE;
  else if (strcmp (element, "draw:frame") == 0 && g_strcmp0 (class, "title") == 0 && !content->in_notes)
    content->in_title = TRUE;
  else if (strcmp (element, "draw:frame") == 0 && g_strcmp0 (class, "notes") == 0 && content->in_notes)
    content->in_notes_frame = TRUE;
  else if (strcmp (element, "draw:image") == 0)
    {
      OdpPage *page = odp_current (content);

      g_assert_null (page->picture);
      page->picture = g_strdup (g_hash_table_lookup (attributes, "xlink:href"));
      page->mime_type = g_strdup (g_hash_table_lookup (attributes, "draw:mime-type"));
    }
  else if (strcmp (element, "text:p") == 0 && (content->in_title || content->in_notes_frame))
    content->paragraph = g_string_new (NULL);
  else if (strcmp (element, "text:s") == 0 && content->paragraph != NULL)
    {
      const char *count = g_hash_table_lookup (attributes, "text:c");
      guint n = count != NULL ? (guint) g_ascii_strtoull (count, NULL, 10) : 1;

      for (guint i = 0; i < n; i++)
        g_string_append_c (content->paragraph, ' ');
    }
}

static void
odp_end (gpointer    data,
         const char *element)
{
  OdpContent *content = data;

  if (strcmp (element, "presentation:notes") == 0)
    content->in_notes = FALSE;
  else if (strcmp (element, "draw:frame") == 0)
    content->in_title = content->in_notes_frame = FALSE;
  else if (strcmp (element, "text:p") == 0 && content->paragraph != NULL)
    {
      OdpPage *page = odp_current (content);
      char *text = g_string_free (g_steal_pointer (&content->paragraph), FALSE);

      if (content->in_title)
        {
          g_assert_null (page->title);
          page->title = text;
        }
      else
        g_ptr_array_add (page->notes, text);
    }
}

static void
odp_text (gpointer    data,
          const char *element,
          const char *text,
          gsize       length)
{
  OdpContent *content = data;

  if (content->paragraph != NULL && strcmp (element, "text:p") == 0)
    g_string_append_len (content->paragraph, text, (gssize) length);
}

typedef struct
{
  GHashTable *entries;  /* full path → media type */
} Manifest;

static void
manifest_start (gpointer    data,
                const char *element,
                GHashTable *attributes)
{
  Manifest *manifest = data;

  if (strcmp (element, "manifest:file-entry") == 0)
    g_hash_table_insert (manifest->entries,
                         g_strdup (g_hash_table_lookup (attributes, "manifest:full-path")),
                         g_strdup (g_hash_table_lookup (attributes, "manifest:media-type")));
}

static void
check_odp (PlanKind kind)
{
  g_auto(Deck) deck = { 0 };
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GString) all_notes = g_string_new (NULL);
  OdpContent content = { g_ptr_array_new_with_free_func ((GDestroyNotify) odp_page_free) };
  Manifest manifest = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };
  g_autofree char *styles = NULL;
  const Member *first;
  const guint8 *header;
  gsize length = 0;

  deck_init (&deck, kind, CTO_EXPORT_ODP);

  /* The type first, stored as it is, right after its name: where programs
   * that recognise files by their first bytes look for it. */
  header = g_bytes_get_data (deck.bytes, &length);
  g_assert_cmpuint (length, >, 38 + strlen (ODP_MIME_TYPE));
  g_assert_cmpmem (header, 4, "PK\x03\x04", 4);
  g_assert_cmpuint (header[6] & 0x08, ==, 0);                    /* no data descriptor */
  g_assert_cmpuint (header[8] | header[9] << 8, ==, 0);          /* stored */
  g_assert_cmpuint (header[26] | header[27] << 8, ==, strlen ("mimetype"));
  g_assert_cmpuint (header[28] | header[29] << 8, ==, 0);        /* no extra field */
  g_assert_cmpmem (header + 30, 8, "mimetype", 8);
  g_assert_cmpmem (header + 38, strlen (ODP_MIME_TYPE), ODP_MIME_TYPE, strlen (ODP_MIME_TYPE));

  /* So a file manager knows it by its content, whatever its name. */
  {
    gboolean uncertain = TRUE;
    g_autofree char *type = g_content_type_guess (NULL, header, length, &uncertain);
    g_autofree char *mime_type = g_content_type_get_mime_type (type);

    g_assert_cmpstr (mime_type, ==, ODP_MIME_TYPE);
  }

  members = read_members (deck.bytes);
  first = g_ptr_array_index (members, 0);
  g_assert_cmpstr (first->name, ==, "mimetype");
  g_assert_cmpstr (first->format, ==, "ZIP 1.0 (uncompressed)");
  g_assert_cmpmem (g_bytes_get_data (first->data, NULL), g_bytes_get_size (first->data),
                   ODP_MIME_TYPE, strlen (ODP_MIME_TYPE));

  check_xml_well_formed (members);

  /* The manifest names every member but the type and itself, and nothing else. */
  read_member (members, "META-INF/manifest.xml", manifest_start, NULL, NULL, &manifest);
  g_assert_cmpstr (g_hash_table_lookup (manifest.entries, "/"), ==, ODP_MIME_TYPE);
  for (guint i = 1; i < members->len; i++)
    {
      const Member *member = g_ptr_array_index (members, i);

      if (strcmp (member->name, "META-INF/manifest.xml") == 0)
        continue;
      if (!g_hash_table_contains (manifest.entries, member->name))
        g_error ("the manifest leaves out %s", member->name);
    }
  g_assert_cmpuint (g_hash_table_size (manifest.entries), ==, members->len - 2 + 1);

  /* A slide a page: its title, its picture, its notes. */
  read_member (members, "content.xml", odp_start, odp_end, odp_text, &content);
  g_assert_cmpuint (content.pages->len, ==, deck.n_pages);
  for (guint i = 0; i < content.pages->len; i++)
    {
      OdpPage *page = g_ptr_array_index (content.pages, i);
      g_autofree char *title = cto_board_pages_get_page_title (deck.pages, A4_W, A4_H, i);
      g_autofree char *safe_title = xml_safe (title);
      Member *picture = find_member (members, page->picture);

      g_assert_cmpstr (page->title, ==, safe_title);
      g_assert_nonnull (picture);
      g_assert_cmpstr (page->mime_type, ==, "image/svg+xml");
      g_assert_cmpstr (g_hash_table_lookup (manifest.entries, page->picture), ==, "image/svg+xml");
      check_svg (picture->data);
      check_notes (&deck, i, page->notes);

      for (guint l = 0; l < page->notes->len; l++)
        {
          g_string_append (all_notes, g_ptr_array_index (page->notes, l));
          g_string_append_c (all_notes, '\n');
        }
    }
  check_plan_strings (&deck, all_notes->str);

  /* The page size, A4 landscape. */
  styles = member_text (members, "styles.xml");
  g_assert_nonnull (strstr (styles, "fo:page-width=\"29.7039cm\" fo:page-height=\"20.9903cm\""));

  g_ptr_array_unref (content.pages);
  g_hash_table_unref (manifest.entries);
}

/* PPTX ----------------------------------------------------------------------- */

typedef struct
{
  GHashTable *defaults;   /* extension → content type */
  GHashTable *overrides;  /* part name → content type */
} ContentTypes;

static void
content_types_start (gpointer    data,
                     const char *element,
                     GHashTable *attributes)
{
  ContentTypes *types = data;

  if (strcmp (element, "Default") == 0)
    g_hash_table_insert (types->defaults,
                         g_ascii_strdown (g_hash_table_lookup (attributes, "Extension"), -1),
                         g_strdup (g_hash_table_lookup (attributes, "ContentType")));
  else if (strcmp (element, "Override") == 0)
    g_hash_table_insert (types->overrides,
                         g_strdup (g_hash_table_lookup (attributes, "PartName")),
                         g_strdup (g_hash_table_lookup (attributes, "ContentType")));
}

static const char *
content_type (ContentTypes *types,
              const char   *member)
{
  g_autofree char *part = g_strconcat ("/", member, NULL);
  const char *type = g_hash_table_lookup (types->overrides, part);
  const char *dot = strrchr (member, '.');
  g_autofree char *extension = NULL;

  if (type != NULL || dot == NULL)
    return type;

  extension = g_ascii_strdown (dot + 1, -1);
  return g_hash_table_lookup (types->defaults, extension);
}

/* @target of a relationship of a part in @folder ("" for the package) as a
 * member's name: "../media/page1.png" from "ppt/slides" is "ppt/media/page1.png". */
static char *
resolve_target (const char *folder,
                const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = folder[0] != '\0' ? g_strconcat (folder, "/", target, NULL) : g_strdup (target);

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (strcmp (parts[i], "..") == 0)
        {
          g_assert_cmpuint (path->len, >, 0);
          g_ptr_array_remove_index (path, path->len - 1);
        }
      else if (parts[i][0] != '\0' && strcmp (parts[i], ".") != 0)
        g_ptr_array_add (path, parts[i]);
    }
  g_ptr_array_add (path, NULL);

  return g_strjoinv ("/", (char **) path->pdata);
}

typedef struct
{
  GHashTable *targets;  /* id → member */
  GHashTable *kinds;    /* id → the last part of the relationship type */
  const char *folder;
} Relationships;

static void
relationships_start (gpointer    data,
                     const char *element,
                     GHashTable *attributes)
{
  Relationships *relationships = data;
  const char *id = g_hash_table_lookup (attributes, "Id");
  const char *type = g_hash_table_lookup (attributes, "Type");
  const char *target = g_hash_table_lookup (attributes, "Target");

  if (strcmp (element, "Relationship") != 0)
    return;

  g_assert_nonnull (id);
  g_assert_nonnull (type);
  g_assert_nonnull (target);
  g_assert_null (g_hash_table_lookup (attributes, "TargetMode"));
  g_assert_false (g_hash_table_contains (relationships->targets, id));
  g_hash_table_insert (relationships->targets, g_strdup (id),
                       resolve_target (relationships->folder, target));
  g_hash_table_insert (relationships->kinds, g_strdup (id), g_strdup (strrchr (type, '/') + 1));
}

/* The relationships of @part, each resolving to a member of the archive. */
static void
read_relationships (GPtrArray     *members,
                    const char    *part,
                    Relationships *relationships)
{
  g_autofree char *folder = g_path_get_dirname (part);
  g_autofree char *base = g_path_get_basename (part);
  g_autofree char *rels = NULL;
  GHashTableIter iter;
  gpointer id, target;

  if (part[0] == '\0')
    {
      g_clear_pointer (&folder, g_free);
      folder = g_strdup ("");
      rels = g_strdup ("_rels/.rels");
    }
  else
    {
      rels = g_strdup_printf ("%s/_rels/%s.rels", folder, base);
    }

  relationships->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  relationships->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  relationships->folder = folder;
  read_member (members, rels, relationships_start, NULL, NULL, relationships);
  relationships->folder = NULL;

  g_hash_table_iter_init (&iter, relationships->targets);
  while (g_hash_table_iter_next (&iter, &id, &target))
    if (find_member (members, target) == NULL)
      g_error ("%s: %s names %s, which is not in the archive", rels, (char *) id, (char *) target);
}

static void
relationships_clear (Relationships *relationships)
{
  g_clear_pointer (&relationships->targets, g_hash_table_unref);
  g_clear_pointer (&relationships->kinds, g_hash_table_unref);
}

/* The id of the one relationship of @kind. */
static const char *
relationship_of_kind (Relationships *relationships,
                      const char    *kind)
{
  GHashTableIter iter;
  gpointer id, value;
  const char *found = NULL;

  g_hash_table_iter_init (&iter, relationships->kinds);
  while (g_hash_table_iter_next (&iter, &id, &value))
    if (strcmp (value, kind) == 0)
      {
        g_assert_null (found);
        found = id;
      }

  g_assert_nonnull (found);
  return found;
}

/* presentation.xml: the slides in order, and the size. */
typedef struct
{
  GPtrArray *slide_ids;   /* relationship ids */
  char      *width;
  char      *height;
  gboolean   notes_master;
} Presentation;

static void
presentation_start (gpointer    data,
                    const char *element,
                    GHashTable *attributes)
{
  Presentation *presentation = data;

  if (strcmp (element, "p:sldId") == 0)
    g_ptr_array_add (presentation->slide_ids, g_strdup (g_hash_table_lookup (attributes, "r:id")));
  else if (strcmp (element, "p:sldSz") == 0)
    {
      presentation->width = g_strdup (g_hash_table_lookup (attributes, "cx"));
      presentation->height = g_strdup (g_hash_table_lookup (attributes, "cy"));
    }
  else if (strcmp (element, "p:notesMasterId") == 0)
    presentation->notes_master = TRUE;
}

/* A slide or a notes slide: the paragraphs of a placeholder, and pictures. */
typedef struct
{
  const char *placeholder;  /* "title", "body" */
  gboolean    in_shape;
  gboolean    in_placeholder;
  GString    *paragraph;
  GPtrArray  *paragraphs;
  char       *blip;         /* relationship ids */
  char       *svg_blip;
  char       *description;
} Shapes;

static void
shapes_start (gpointer    data,
              const char *element,
              GHashTable *attributes)
{
  Shapes *shapes = data;

  if (strcmp (element, "p:sp") == 0)
    shapes->in_shape = TRUE;
  else if (strcmp (element, "p:ph") == 0 && shapes->in_shape &&
           g_strcmp0 (g_hash_table_lookup (attributes, "type"), shapes->placeholder) == 0)
    shapes->in_placeholder = TRUE;
  else if (strcmp (element, "a:p") == 0 && shapes->in_placeholder)
    shapes->paragraph = g_string_new (NULL);
  else if (strcmp (element, "a:blip") == 0)
    shapes->blip = g_strdup (g_hash_table_lookup (attributes, "r:embed"));
  else if (strcmp (element, "asvg:svgBlip") == 0)
    shapes->svg_blip = g_strdup (g_hash_table_lookup (attributes, "r:embed"));
  else if (strcmp (element, "p:cNvPr") == 0 && g_hash_table_contains (attributes, "descr"))
    shapes->description = g_strdup (g_hash_table_lookup (attributes, "descr"));
}

static void
shapes_end (gpointer    data,
            const char *element)
{
  Shapes *shapes = data;

  if (strcmp (element, "p:sp") == 0)
    shapes->in_shape = shapes->in_placeholder = FALSE;
  else if (strcmp (element, "a:p") == 0 && shapes->paragraph != NULL)
    g_ptr_array_add (shapes->paragraphs, g_string_free (g_steal_pointer (&shapes->paragraph), FALSE));
}

static void
shapes_text (gpointer    data,
             const char *element,
             const char *text,
             gsize       length)
{
  Shapes *shapes = data;

  if (shapes->paragraph != NULL && strcmp (element, "a:t") == 0)
    g_string_append_len (shapes->paragraph, text, (gssize) length);
}

static void
shapes_clear (Shapes *shapes)
{
  g_clear_pointer (&shapes->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&shapes->blip, g_free);
  g_clear_pointer (&shapes->svg_blip, g_free);
  g_clear_pointer (&shapes->description, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shapes, shapes_clear)

static void
read_shapes (GPtrArray  *members,
             const char *part,
             const char *placeholder,
             Shapes     *shapes)
{
  memset (shapes, 0, sizeof *shapes);
  shapes->placeholder = placeholder;
  shapes->paragraphs = g_ptr_array_new_with_free_func (g_free);
  read_member (members, part, shapes_start, shapes_end, shapes_text, shapes);
}

static void
check_pptx (PlanKind kind)
{
  g_auto(Deck) deck = { 0 };
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GString) all_notes = g_string_new (NULL);
  ContentTypes types = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
                         g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free) };
  Presentation presentation = { g_ptr_array_new_with_free_func (g_free) };
  Relationships package = { 0 };
  Relationships main = { 0 };
  const char *main_part;
  GHashTableIter iter;
  gpointer key;

  deck_init (&deck, kind, CTO_EXPORT_PPTX);
  g_assert_true (has_prefix_bytes (deck.bytes, "PK\x03\x04"));
  members = read_members (deck.bytes);
  check_xml_well_formed (members);

  /* Every member has its content type, and every part named is there. */
  read_member (members, "[Content_Types].xml", content_types_start, NULL, NULL, &types);
  for (guint i = 0; i < members->len; i++)
    {
      const Member *member = g_ptr_array_index (members, i);

      if (strcmp (member->name, "[Content_Types].xml") == 0)
        continue;
      if (content_type (&types, member->name) == NULL)
        g_error ("%s has no content type", member->name);
    }
  g_hash_table_iter_init (&iter, types.overrides);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_nonnull (find_member (members, (const char *) key + 1));
  g_assert_cmpstr (g_hash_table_lookup (types.defaults, "svg"), ==, "image/svg+xml");
  g_assert_cmpstr (g_hash_table_lookup (types.defaults, "png"), ==, "image/png");

  /* Every part with relationships: each names a member that is there. */
  for (guint i = 0; i < members->len; i++)
    {
      const Member *member = g_ptr_array_index (members, i);
      g_autofree char *folder = g_path_get_dirname (member->name);
      g_autofree char *base = g_path_get_basename (member->name);
      g_autofree char *source = NULL;
      Relationships relationships = { 0 };

      if (!g_str_has_suffix (member->name, ".rels"))
        continue;
      g_assert_true (g_str_has_suffix (folder, "_rels"));
      source = g_strndup (base, strlen (base) - strlen (".rels"));
      if (strcmp (folder, "_rels") == 0)
        {
          g_assert_cmpstr (source, ==, "");
        }
      else
        {
          g_autofree char *parent = g_path_get_dirname (folder);
          g_autofree char *part = g_build_filename (parent, source, NULL);

          g_assert_nonnull (find_member (members, part));
          g_clear_pointer (&source, g_free);
          source = g_steal_pointer (&part);
        }
      read_relationships (members, source, &relationships);
      relationships_clear (&relationships);
    }

  /* The package's main part, and the slides it lists. */
  read_relationships (members, "", &package);
  main_part = g_hash_table_lookup (package.targets, relationship_of_kind (&package, "officeDocument"));
  g_assert_cmpstr (main_part, ==, "ppt/presentation.xml");
  g_assert_cmpstr (content_type (&types, main_part), ==,
                   "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml");
  read_relationships (members, main_part, &main);
  read_member (members, main_part, presentation_start, NULL, NULL, &presentation);
  g_assert_true (presentation.notes_master);
  g_assert_cmpstr (presentation.width, ==, "10693400");    /* 842 points */
  g_assert_cmpstr (presentation.height, ==, "7556500");    /* 595 points */
  g_assert_cmpuint (presentation.slide_ids->len, ==, deck.n_pages);

  for (guint i = 0; i < presentation.slide_ids->len; i++)
    {
      const char *slide = g_hash_table_lookup (main.targets, g_ptr_array_index (presentation.slide_ids, i));
      g_autofree char *title = cto_board_pages_get_page_title (deck.pages, A4_W, A4_H, i);
      g_autofree char *safe_title = xml_safe (title);
      g_autofree char *text = cto_board_pages_get_page_text (deck.pages, A4_W, A4_H, i);
      g_autoptr(GPtrArray) lines = split_lines (text);
      g_autofree char *expected_description = NULL;
      Relationships slide_rels = { 0 };
      Relationships notes_rels = { 0 };
      g_auto(Shapes) slide_shapes = { 0 };
      g_auto(Shapes) notes_shapes = { 0 };
      const char *notes;
      const char *png;
      const char *svg;

      g_assert_nonnull (slide);
      g_assert_cmpstr (content_type (&types, slide), ==,
                       "application/vnd.openxmlformats-officedocument.presentationml.slide+xml");

      /* The title placeholder says the page's title. */
      read_shapes (members, slide, "title", &slide_shapes);
      g_assert_cmpuint (slide_shapes.paragraphs->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (slide_shapes.paragraphs, 0), ==, safe_title);

      /* The picture: PNG, with the same page as SVG over it. */
      read_relationships (members, slide, &slide_rels);
      png = g_hash_table_lookup (slide_rels.targets, slide_shapes.blip);
      svg = g_hash_table_lookup (slide_rels.targets, slide_shapes.svg_blip);
      g_assert_cmpstr (g_hash_table_lookup (slide_rels.kinds, slide_shapes.blip), ==, "image");
      g_assert_cmpstr (g_hash_table_lookup (slide_rels.kinds, slide_shapes.svg_blip), ==, "image");
      g_assert_cmpstr (content_type (&types, png), ==, "image/png");
      g_assert_cmpstr (content_type (&types, svg), ==, "image/svg+xml");
      g_assert_true (has_prefix_bytes (member_data (members, png), "\x89PNG\r\n\x1a\n"));
      check_svg (member_data (members, svg));
      g_assert_cmpstr (g_hash_table_lookup (slide_rels.targets, relationship_of_kind (&slide_rels, "slideLayout")),
                       ==, "ppt/slideLayouts/slideLayout1.xml");

      /* The picture's description is the page's text, for screen readers. */
      g_ptr_array_add (lines, NULL);
      expected_description = g_strjoinv ("\n", (char **) lines->pdata);
      g_assert_cmpstr (slide_shapes.description, ==, expected_description);

      /* The notes: every line of the page, and they point back. */
      notes = g_hash_table_lookup (slide_rels.targets, relationship_of_kind (&slide_rels, "notesSlide"));
      g_assert_cmpstr (content_type (&types, notes), ==,
                       "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml");
      read_relationships (members, notes, &notes_rels);
      g_assert_cmpstr (g_hash_table_lookup (notes_rels.targets, relationship_of_kind (&notes_rels, "slide")),
                       ==, slide);
      g_assert_cmpstr (g_hash_table_lookup (notes_rels.targets, relationship_of_kind (&notes_rels, "notesMaster")),
                       ==, "ppt/notesMasters/notesMaster1.xml");
      read_shapes (members, notes, "body", &notes_shapes);
      check_notes (&deck, i, notes_shapes.paragraphs);
      for (guint l = 0; l < notes_shapes.paragraphs->len; l++)
        {
          g_string_append (all_notes, g_ptr_array_index (notes_shapes.paragraphs, l));
          g_string_append_c (all_notes, '\n');
        }

      relationships_clear (&slide_rels);
      relationships_clear (&notes_rels);
    }
  check_plan_strings (&deck, all_notes->str);

  relationships_clear (&package);
  relationships_clear (&main);
  g_hash_table_unref (types.defaults);
  g_hash_table_unref (types.overrides);
  g_ptr_array_unref (presentation.slide_ids);
  g_free (presentation.width);
  g_free (presentation.height);
}

/* Plan text in XML: markup escaped, line breaks and tabs as spaces, what XML
 * cannot hold as U+FFFD, everything else as it is. */
static void
test_xml_text (void)
{
  const struct {
    const char *text;
    const char *xml;
  } cases[] = {
    { "", "" },
    { "plain", "plain" },
    { "<b>&amp;\"quoted\" 'single'</b>", "&lt;b&gt;&amp;amp;&quot;quoted&quot; 'single'&lt;/b&gt;" },
    { "]]> <![CDATA[", "]]&gt; &lt;![CDATA[" },
    { "a\tb\nc\r\nd", "a b c  d" },
    { "\x01\x08\x0b\x0c\x1b\x1f\x7f", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
                                         "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
    { "\xc2\x80\xc2\x85\xc2\x9f", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
    { "\xef\xbf\xbe\xef\xbf\xbf", "\xef\xbf\xbd\xef\xbf\xbd" },
    { "broken \xff\xc3 end", "broken \xef\xbf\xbd\xef\xbf\xbd end" },
    { "Zo\xc3\xab \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xd9\x85\xd8\xb1 \xe2\x81\xa8x\xe2\x81\xa9",
      "Zo\xc3\xab \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xd9\x85\xd8\xb1 \xe2\x81\xa8x\xe2\x81\xa9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _cto_export_slides_append_xml (out, cases[i].text);
      g_assert_cmpstr (out->str, ==, cases[i].xml);
      g_assert_true (g_utf8_validate (out->str, -1, NULL));
    }
}

/* Lines: a separator between them, none after the last line break. */
static void
test_xml_lines (void)
{
  const struct {
    const char *text;
    const char *xml;
  } cases[] = {
    { "", "" },
    { "one", "one" },
    { "one\n", "one" },
    { "one\ntwo\n", "one|two" },
    { "one\n\ntwo\n", "one||two" },
    { "<a>\n&\n", "&lt;a&gt;|&amp;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _cto_export_slides_append_lines (out, cases[i].text, "|");
      g_assert_cmpstr (out->str, ==, cases[i].xml);
    }
}

/* LibreOffice Impress ------------------------------------------------------- */

static char *
run (const char * const *argv,
     const char * const *envp)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return g_steal_pointer (&out);
}

static char *
find_program (const char *name,
              const char *package)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_error ("%s is not installed (Debian: %s)", name, package);

  return path;
}

static const CtoExportFormat deck_formats[] = { CTO_EXPORT_ODP, CTO_EXPORT_PPTX };
static const char *deck_format_names[] = { "odp", "pptx" };

/* Impress is started once for every deck of every plan: each start takes
 * seconds, several times as long as printing a deck. The first test that
 * asks writes them all, under names of their own, into this folder, with
 * a profile of Impress's own (home/), and has it print them to pdf/. */
static char *office_dir;
static Deck office_decks[G_N_ELEMENTS (deck_formats)][G_N_ELEMENTS (plan_names)];

static guint
format_index (CtoExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (deck_formats); i++)
    if (deck_formats[i] == format)
      return i;
  g_assert_not_reached ();
}

static char *
office_pdf_path (PlanKind        kind,
                 CtoExportFormat format)
{
  const char *extension = cto_export_format_get_extension (format);

  return g_strdup_printf ("%s/pdf/%s-%s.pdf", office_dir, plan_names[kind], extension);
}

static void
office_print_all (void)
{
  g_autofree char *soffice = find_program ("soffice", "libreoffice-impress");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *home = NULL;
  g_autofree char *home_uri = NULL;
  g_autofree char *home_env = NULL;
  g_autofree char *out = NULL;
  const char *envp[] = { NULL, "PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", NULL };

  if (office_dir != NULL)
    return;

  office_dir = tmp_dir ();
  home = g_build_filename (office_dir, "home", NULL);
  g_assert_cmpint (g_mkdir (home, 0700), ==, 0);
  home_uri = g_filename_to_uri (home, NULL, NULL);
  home_env = g_strconcat ("HOME=", home, NULL);
  envp[0] = home_env;

  /* No user's settings or running office take part. */
  g_ptr_array_add (argv, g_strdup (soffice));
  g_ptr_array_add (argv, g_strconcat ("-env:UserInstallation=", home_uri, "/office", NULL));
  g_ptr_array_add (argv, g_strdup ("--headless"));
  g_ptr_array_add (argv, g_strdup ("--norestore"));
  g_ptr_array_add (argv, g_strdup ("--convert-to"));
  g_ptr_array_add (argv, g_strdup ("pdf"));
  g_ptr_array_add (argv, g_strdup ("--outdir"));
  g_ptr_array_add (argv, g_build_filename (office_dir, "pdf", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (deck_formats); i++)
    for (guint kind = 0; kind < G_N_ELEMENTS (plan_names); kind++)
      {
        Deck *deck = &office_decks[i][kind];
        const char *extension = cto_export_format_get_extension (deck_formats[i]);
        g_autofree char *name = g_strdup_printf ("%s-%s.%s", plan_names[kind], extension, extension);
        char *path = g_build_filename (office_dir, name, NULL);

        /* Kept for the tests, which check each deck's PDF against it. */
        deck_init (deck, kind, deck_formats[i]);
        g_assert_cmpint (g_rename (deck->path, path), ==, 0);
        g_free (deck->path);
        deck->path = g_strdup (path);
        g_ptr_array_add (argv, path);
      }
  g_ptr_array_add (argv, NULL);

  out = run ((const char * const *) argv->pdata, envp);
}

/* Impress opens the deck and prints it to PDF: a page a slide, each A4
 * landscape, each slide's title in the text of its page. */
static void
check_office (PlanKind        kind,
              CtoExportFormat format)
{
  const Deck *deck;
  g_autofree char *pdfinfo = find_program ("pdfinfo", "poppler-utils");
  g_autofree char *pdftotext = find_program ("pdftotext", "poppler-utils");
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) lines = NULL;
  guint pages = 0;
  guint sizes = 0;

  office_print_all ();
  deck = &office_decks[format_index (format)][kind];
  pdf = office_pdf_path (kind, format);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  {
    const char *argv[] = { pdfinfo, "-f", "1", "-l", "100000", pdf, NULL };

    info = run (argv, NULL);
  }
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double width, height;

      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page ") &&
               sscanf (strstr (lines[i], "size:") != NULL ? strstr (lines[i], "size:") : "",
                       "size: %lf x %lf", &width, &height) == 2)
        {
          g_assert_cmpfloat_with_epsilon (width, A4_W, 0.5);
          g_assert_cmpfloat_with_epsilon (height, A4_H, 0.5);
          sizes++;
        }
    }
  g_assert_cmpuint (pages, ==, deck->n_pages);
  g_assert_cmpuint (sizes, ==, pages);

  for (guint i = 0; i < deck->n_pages; i++)
    {
      g_autofree char *first = g_strdup_printf ("%u", i + 1);
      const char *argv[] = { pdftotext, "-f", first, "-l", first, "-enc", "UTF-8", pdf, "-", NULL };
      g_autofree char *text = run (argv, NULL);
      g_autofree char *title = cto_board_pages_get_page_title (deck->pages, A4_W, A4_H, i);
      g_autofree char *squeezed_text = squeeze (text);
      g_autofree char *squeezed_title = squeeze (title);

      if (strstr (squeezed_text, squeezed_title) == NULL)
        g_error ("page %u of the PDF does not say “%s”: %s", i + 1, squeezed_title, squeezed_text);
    }
}

/* Every plan in every format: what the archive holds, and Impress on it. */
typedef struct
{
  PlanKind        kind;
  CtoExportFormat format;
} DeckCase;

static void
test_archive (gconstpointer data)
{
  const DeckCase *c = data;

  if (c->format == CTO_EXPORT_ODP)
    check_odp (c->kind);
  else
    check_pptx (c->kind);
}

static void
test_office (gconstpointer data)
{
  const DeckCase *c = data;

  check_office (c->kind, c->format);
}

static void
add_deck_tests (const char    *prefix,
                GTestDataFunc  func)
{
  static DeckCase cases[G_N_ELEMENTS (deck_formats)][G_N_ELEMENTS (plan_names)];

  for (guint i = 0; i < G_N_ELEMENTS (deck_formats); i++)
    for (guint kind = 0; kind < G_N_ELEMENTS (plan_names); kind++)
      {
        g_autofree char *path = g_strdup_printf ("%s/%s-%s", prefix, deck_format_names[i],
                                                 plan_names[kind]);

        cases[i][kind] = (DeckCase) { kind, deck_formats[i] };
        g_test_add_data_func (path, &cases[i][kind], func);
      }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  add_deck_tests ("/slides/archive", test_archive);
  g_test_add_func ("/slides/archive/xml-text", test_xml_text);
  g_test_add_func ("/slides/archive/xml-lines", test_xml_lines);
  add_deck_tests ("/slides/office", test_office);

  status = g_test_run ();
  for (guint i = 0; i < G_N_ELEMENTS (deck_formats); i++)
    for (guint kind = 0; kind < G_N_ELEMENTS (plan_names); kind++)
      deck_clear (&office_decks[i][kind]);
  if (office_dir != NULL)
    remove_tree (office_dir);
  g_free (office_dir);

  return status;
}
