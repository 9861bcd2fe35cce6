/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "cto-header-center.h"
#include "cto-org-node.h"
#include "cto-person-card.h"
#include "cto-tooltip.h"
#include "cto-window-private.h"
#include "display-test-util.h"

/* The window on a small screen (800×600) in German, the language whose
 * words are longest: the header fits, and the badge of an open role leaves
 * the name its room, on the people's cards and in the org chart. */

#define SMALL_WIDTH  800
#define SMALL_HEIGHT 600

/* An open role that is overloaded too: both of its marks shown at once. */
static const char narrow_plan_json[] =
  "{\n"
  "  \"format\": \"cto-planner-plan\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Acme Robotics 2027\",\n"
  "  \"people\": [\n"
  "    { \"id\": \"ana\", \"name\": \"Ana Pérez\", \"role\": \"Co-founder, CEO\", \"capacity\": 40 },\n"
  "    { \"id\": \"sec\", \"name\": \"Security engineer\", \"role\": \"First security hire\",\n"
  "      \"capacity\": 2, \"reports_to\": \"ana\", \"open_role\": true },\n"
  "    { \"id\": \"bo\", \"name\": \"Bartholomew Maximilian Lindqvist-Oberhauser\", \"role\": \"Engineer\",\n"
  "      \"capacity\": 40, \"reports_to\": \"ana\" }\n"
  "  ],\n"
  "  \"responsibilities\": [\n"
  "    { \"id\": \"security\", \"title\": \"Security\", \"function\": \"infrastructure\", \"effort\": 6,\n"
  "      \"assignees\": [ { \"person\": \"sec\" } ] },\n"
  "    { \"id\": \"tools\", \"title\": \"Tools\", \"function\": \"planning\", \"effort\": 4,\n"
  "      \"assignees\": [ { \"person\": \"bo\" } ] },\n"
  "    { \"id\": \"support\", \"title\": \"Support\", \"function\": \"consumer-liaison\",\n"
  "      \"effort\": 2, \"assignees\": [ { \"person\": \"sec\" } ] }\n"
  "  ]\n"
  "}\n";

/* Helpers ------------------------------------------------------------------ */

/* The text in @language from here on ("de", or "C" for English), from
 * the catalogs compiled in the build folder; the test fails if German's is
 * not there. GNU gettext ignores LANGUAGE in the C locale, but not in
 * C.UTF-8, and reads it again after setlocale(). */
static void
use_language (const char *language)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *catalog = g_build_filename (localedir, "de", "LC_MESSAGES",
                                               GETTEXT_PACKAGE ".mo", NULL);

  g_assert_true (g_file_test (catalog, G_FILE_TEST_IS_REGULAR));
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* A word the catalog has: the test is in the language, or says why not. */
  g_assert_cmpstr (_("_Save"), ==, g_str_equal (language, "de") ? "_Speichern" : "_Save");
}

static gboolean
is_node_of (GtkWidget     *widget,
            gconstpointer  person)
{
  return CTO_IS_ORG_NODE (widget) && cto_org_node_get_person (CTO_ORG_NODE (widget)) == person;
}

static CtoPerson *
person (CtoWindow  *window,
        const char *id)
{
  CtoPerson *found = cto_plan_find_person (plan_of (window), id);

  g_assert_nonnull (found);
  return found;
}

/* A window on @plan at @width×@height. */
static CtoWindow *
window_sized_on (CtoPlan *plan,
                 int      width,
                 int      height)
{
  CtoWindow *window;

  g_settings_set_int (display_test_settings (), "window-width", width);
  g_settings_set_int (display_test_settings (), "window-height", height);
  g_settings_set_boolean (display_test_settings (), "window-maximized", FALSE);
  window = window_new_with (plan);
  spin_for (1.5);

  return window;
}

/* A window on @plan at 800×600. */
static CtoWindow *
small_screen_window_on (CtoPlan *plan)
{
  return window_sized_on (plan, SMALL_WIDTH, SMALL_HEIGHT);
}

/* The window on narrow_plan_json at 800×600. */
static CtoWindow *
small_screen_window_new (void)
{
  g_autoptr(CtoPlan) plan = plan_from_json (narrow_plan_json);

  return small_screen_window_on (plan);
}

/* The bounds of @widget in @window's coordinates. */
static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds;
}

static int
natural_width (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* Fails unless @label, a badge, shows its whole text: given its natural
 * width, neither ellipsized nor wrapped. */
static void
assert_whole (GtkWidget *label)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
  /* What it measures has its padding and margins; so has what it was given. */
  g_assert_true (gtk_widget_compute_bounds (label, label, &bounds));
  g_assert_cmpint ((int) bounds.size.width + gtk_widget_get_margin_start (label) +
                   gtk_widget_get_margin_end (label), >=, natural_width (label));
}

/* Whether @widget shows a tooltip when the pointer rests on it. */
static gboolean
asks_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  if (!gtk_widget_get_has_tooltip (widget))
    return FALSE;
  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

/* The width a reader needs to read a name: twelve characters of the
 * label's font. */
static int
readable_width (GtkWidget *label)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, "Bartholomew ");
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Fails unless every label shown below @root shows its whole text;
 * returns how many there are. */
static guint
assert_labels_whole (GtkWidget *root)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (GTK_IS_LABEL (root))
    {
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (root))))
        g_error ("“%s” is cut to %d px", gtk_label_get_text (GTK_LABEL (root)), gtk_widget_get_width (root));
      return 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_labels_whole (child);
  return n;
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget);
}

/* The text of the As of button. */
static const char *
as_of_button_text (CtoWindow *window)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (window->as_of_dropdown));
  GtkWidget *label = find_widget (button, is_shown_label, NULL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Fails unless, for each of the As of choices, the heading above the
 * people, their count and the day chosen are whole; back to the whole
 * plan after. */
static void
assert_as_of_whole (CtoWindow *window)
{
  GtkWidget *header = gtk_widget_get_parent (GTK_WIDGET (window->as_of_dropdown));
  guint n = g_list_model_get_n_items (gtk_drop_down_get_model (window->as_of_dropdown));

  for (guint i = 0; i < n; i++)
    {
      _cto_window_set_as_of_position (window, i);
      spin_for (0.2);
      g_test_message ("As of: %s", as_of_button_text (window));
      g_assert_cmpuint (assert_labels_whole (header), ==, 3);
    }
  _cto_window_set_as_of_position (window, 1);
  spin_for (0.2);
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  unused)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Fails unless screen readers find @widget exactly when it is on screen
 * (GTK 4.8 leaves a widget kept out of sight in their tree otherwise). */
static void
assert_read_when_shown (GtkWidget *widget)
{
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN,
                                    !gtk_widget_get_mapped (widget));
}

/* Fails unless the header shows the narrow view switcher (@compact) or
 * the wide one with Undo and Redo, every name on it whole; the main menu
 * offers Undo and Redo either way. */
static void
assert_header_whole (CtoWindow *window,
                     gboolean   compact)
{
  GtkWidget *center = widget_named (window, "header-center");
  GtkWidget *undo = find_widget (center, is_button_of, "win.undo");
  GtkWidget *menu_button = find_widget (GTK_WIDGET (window->header_bar), is_main_menu_button, NULL);
  GMenuModel *menu;
  gboolean menu_undoes = FALSE;
  guint shown = 0;

  g_assert_cmpint (cto_header_center_get_compact (CTO_HEADER_CENTER (center)), ==, compact);
  g_assert_nonnull (undo);
  g_assert_cmpint (gtk_widget_get_mapped (undo), ==, !compact);

  /* Screen readers find what is on screen only: one switcher, and Undo
   * where it shows. */
  assert_read_when_shown (gtk_widget_get_parent (undo));
  for (GtkWidget *child = gtk_widget_get_first_child (center); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_VIEW_SWITCHER (child))
        assert_read_when_shown (child);
      if (!ADW_IS_VIEW_SWITCHER (child) || !gtk_widget_get_mapped (child))
        continue;
      shown++;
      g_assert_cmpint (adw_view_switcher_get_policy (ADW_VIEW_SWITCHER (child)), ==,
                       compact ? ADW_VIEW_SWITCHER_POLICY_NARROW : ADW_VIEW_SWITCHER_POLICY_WIDE);
      /* Each view's name whole. */
      g_assert_cmpuint (assert_labels_whole (child), >=, 2);
    }
  g_assert_cmpuint (shown, ==, 1);

  /* Whatever the header shows, the main menu undoes, once opened. */
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_nonnull (menu);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  for (int i = 0; i < g_menu_model_get_n_items (menu) && !menu_undoes; i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
              g_str_equal (action, "win.undo"))
            menu_undoes = TRUE;
        }
    }
  g_assert_true (menu_undoes);
}

/* Tests -------------------------------------------------------------------- */

static void
test_window_fits (void)
{
  CtoWindow *window = small_screen_window_new ();
  int minimum;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_test_message ("The window's smallest width: %d px", minimum);
  g_assert_cmpint (minimum, <=, SMALL_WIDTH);
  /* The window as wide as asked, the header bar no wider than its room. */
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, SMALL_WIDTH);
  gtk_widget_measure (GTK_WIDGET (window->header_bar), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, gtk_widget_get_width (GTK_WIDGET (window->plan_box)));
  assert_header_whole (window, TRUE);

  /* Nor as of a day ("Heute, 14. Februar 2027" on the As of control), with
   * a search that finds one person ("1 von 3 Personen"). */
  _cto_window_set_as_of_position (window, 1);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "Barth");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  spin_for (0.5);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_test_message ("As of today, with a search: %d px", minimum);
  g_assert_cmpstr (gtk_label_get_text (window->people_count_label), ==, "1 von 3 Personen");
  g_assert_cmpint (minimum, <=, SMALL_WIDTH);
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, SMALL_WIDTH);
  /* The day shown, on which every figure depends, and the count are
   * whole above the people: the heading, the count, the day; today's
   * choice says "Heute" there. */
  assert_as_of_whole (window);
  g_assert_cmpstr (as_of_button_text (window), ==, "Heute");

  window_free (window);
}

/* The header keeps the window's title whole first: in English at 800 px,
 * with the views' names below their icons, Undo and Redo in the main menu;
 * a little wider, the views' names beside their icons, and Undo and Redo. */
static void
test_english_title_whole (void)
{
  CtoWindow *window;
  GtkWidget *title;

  use_language ("C");
  window = small_screen_window_new ();
  title = find_widget (GTK_WIDGET (window->header_bar), is_of_type, GSIZE_TO_POINTER (ADW_TYPE_WINDOW_TITLE));
  g_assert_nonnull (title);
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, SMALL_WIDTH);
  assert_header_whole (window, TRUE);
  g_assert_cmpuint (assert_labels_whole (title), ==, 2);

  /* Above the people, the heading, the count and the day shown, whole. */
  assert_as_of_whole (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, SMALL_HEIGHT);
  spin_for (1.0);
  assert_header_whole (window, FALSE);
  g_assert_cmpuint (assert_labels_whole (title), ==, 2);

  window_free (window);
  use_language ("de");
}

/* The compact coverage strip in German: each function's name whole, and of
 * its status the words before the warnings ("4 von 5", "Abgedeckt"); what
 * does not fit in its two lines is cut, and whole in the tooltip. The strip
 * is as tall with the warnings as without them. */
static void
test_compact_tiles (void)
{
  CtoWindow *window = small_screen_window_new ();
  int strip_height = gtk_widget_get_height (GTK_WIDGET (window->coverage_box));
  GtkWidget *infrastructure;

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      GtkWidget *tile = GTK_WIDGET (window->tiles[f]);
      GtkWidget *name = find_widget_by_name (tile, "compact-name");
      GtkWidget *status = find_widget_by_name (tile, "compact");
      g_auto(GStrv) parts = NULL;
      g_autoptr(PangoLayout) words = NULL;
      g_autoptr(PangoLayout) ellipsis = NULL;
      int words_width, ellipsis_width;

      g_assert_true (cto_coverage_tile_get_compact (CTO_COVERAGE_TILE (tile)));
      g_assert_true (gtk_widget_get_mapped (name));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==,
                       cto_function_get_name ((CtoFunction) f));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (name))));

      g_assert_true (gtk_widget_get_mapped (status));
      parts = g_strsplit (gtk_label_get_text (GTK_LABEL (status)), " · ", 2);
      words = gtk_widget_create_pango_layout (status, parts[0]);
      ellipsis = gtk_widget_create_pango_layout (status, "…");
      pango_layout_get_pixel_size (words, &words_width, NULL);
      pango_layout_get_pixel_size (ellipsis, &ellipsis_width, NULL);
      g_assert_cmpint (gtk_widget_get_width (status), >=, words_width + ellipsis_width);
    }
  /* Someone is overloaded, on the tile with the longest name too: the
   * tiles still offer to go to them. */
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_ancestor (
    find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_INFRASTRUCTURE]), "overloaded"),
    GTK_TYPE_BUTTON)));
  g_assert_true (gtk_widget_get_mapped (gtk_widget_get_ancestor (
    find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_CONSUMER_LIAISON]), "overloaded"),
    GTK_TYPE_BUTTON)));
  infrastructure = find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_INFRASTRUCTURE]),
                                        "compact");
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (infrastructure))));

  /* Nobody overloaded, a short warning: the strip keeps its height. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unassign", "(ss)", "support", "sec");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unassign", "(ss)", "security", "sec");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "security", "ana");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "support", "ana");
  spin_for (0.3);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (infrastructure))));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window->coverage_box)), ==, strip_height);

  window_free (window);
}

/* The example plan at 800×600 in German: each tile's status and warning
 * whole, on two lines ("4 von 5 · Bo Lin ist 4 h darüber"). */
static void
test_example_tiles_whole (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  CtoWindow *window = small_screen_window_on (plan);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      GtkWidget *status = find_widget_by_name (GTK_WIDGET (window->tiles[f]), "compact");

      g_assert_true (cto_coverage_tile_get_compact (window->tiles[f]));
      g_assert_true (gtk_widget_get_mapped (status));
      g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), " · "));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (status))));
    }

  window_free (window);
}

/* Of a tile's line said two ways (@name and @name-short), the one shown,
 * which must be whole. */
static const char *
tile_line_shown (CtoCoverageTile *tile,
                 const char      *name)
{
  g_autofree char *short_name = g_strconcat (name, "-short", NULL);
  GtkWidget *whole = find_widget_by_name (GTK_WIDGET (tile), name);
  GtkWidget *shorter = find_widget_by_name (GTK_WIDGET (tile), short_name);
  GtkWidget *shown;

  g_assert_nonnull (whole);
  g_assert_nonnull (shorter);
  g_assert_false (gtk_widget_get_mapped (whole) && gtk_widget_get_mapped (shorter));
  /* Screen readers read the line once. */
  assert_read_when_shown (whole);
  assert_read_when_shown (shorter);
  shown = gtk_widget_get_mapped (whole) ? whole : shorter;
  g_assert_true (gtk_widget_get_mapped (shown));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (shown))));
  /* The tooltip of the shorter way says it all, as the whole line's does
   * (the line itself, or every warning when it counts more). */
  if (shown == shorter)
    {
      g_assert_nonnull (cto_tooltip_get_text (whole));
      g_assert_cmpstr (cto_tooltip_get_text (shorter), ==, cto_tooltip_get_text (whole));
    }

  return gtk_label_get_text (GTK_LABEL (shown));
}

/* The example plan in German on a screen 1024 wide: the tiles in full,
 * four abreast, too narrow for the hiring gap's FTE, for how many are
 * assigned, and for "with no one accountable" in full, which they leave
 * out or say shorter rather than cut the line; on a wider
 * screen, they say it all. */
static void
test_example_tiles_lines (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  CtoWindow *window = window_sized_on (plan, 1024, 800);
  CtoCoverageTile *planning = window->tiles[CTO_FUNCTION_PLANNING];
  CtoCoverageTile *infrastructure = window->tiles[CTO_FUNCTION_INFRASTRUCTURE];

  g_assert_false (cto_coverage_tile_get_compact (planning));
  g_assert_cmpstr (tile_line_shown (planning, "gap"), ==, "Personallücke: 5\u00a0h");
  g_assert_cmpstr (tile_line_shown (infrastructure, "hours"), ==, "28 h/Woche");
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_CONSUMER_LIAISON], "no-accountable"), ==,
                   "1 ohne Verantwortliche");
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      GtkWidget *overloaded = find_widget_by_name (GTK_WIDGET (window->tiles[f]), "overloaded");

      tile_line_shown (window->tiles[f], "gap");
      tile_line_shown (window->tiles[f], "hours");
      /* The overload line, kept where no one is overloaded (Thinker), is
       * read where it shows only. */
      assert_read_when_shown (gtk_widget_get_ancestor (overloaded, GTK_TYPE_BUTTON));
    }
  g_assert_false (gtk_widget_get_mapped (find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_THINKER]),
                                                              "overloaded")));
  window_free (window);

  window = window_sized_on (plan, 1600, 900);
  planning = window->tiles[CTO_FUNCTION_PLANNING];
  infrastructure = window->tiles[CTO_FUNCTION_INFRASTRUCTURE];
  g_assert_cmpstr (tile_line_shown (planning, "gap"), ==, "Personallücke: 5\u00a0h · 0.13\u00a0VZÄ");
  g_assert_cmpstr (tile_line_shown (planning, "status"), ==, "4 von 5 zugewiesen");
  g_assert_cmpstr (tile_line_shown (infrastructure, "hours"), ==, "28 h/Woche · 4 von 4 zugewiesen");
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_CONSUMER_LIAISON], "no-accountable"), ==,
                   "1 ohne verantwortliche Person");
  window_free (window);
}

/* At 800×800 in German (a window beside another on a wide screen), whole
 * tiles four abreast. The status says how many are assigned without the
 * word, rather than cut it. The overload line fits no way of saying it: it
 * shows the narrowest, which names the person, not the shorter way in
 * words ("4 h über der Kapazität"), which is wider. */
static void
test_narrow_tiles (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  CtoWindow *window = window_sized_on (plan, 800, 800);
  GtkWidget *tile = GTK_WIDGET (window->tiles[CTO_FUNCTION_PLANNING]);
  GtkWidget *whole = find_widget_by_name (tile, "overloaded");
  GtkWidget *shorter = find_widget_by_name (tile, "overloaded-short");

  g_assert_false (cto_coverage_tile_get_compact (window->tiles[CTO_FUNCTION_PLANNING]));
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_PLANNING], "status"), ==, "4 von 5");
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_INFRASTRUCTURE], "status"), ==, "Abgedeckt");
  /* The warnings too, beside their icons. */
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_INFRASTRUCTURE], "waiting"), ==, "1 wartet");
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_THINKER], "single-person"), ==, "Eine Person");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (whole)), ==, "Bo Lin ist 4 h darüber");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shorter)), ==, "4 h über der Kapazität");
  g_assert_cmpint (natural_width (whole), <, natural_width (shorter));

  g_assert_true (gtk_widget_get_mapped (whole));
  g_assert_false (gtk_widget_get_mapped (shorter));
  /* Neither fits. */
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (whole))));

  /* Data storage shared with no one accountable: a second warning, which
   * the shorter way has no room for; its tooltip says both. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.assign", "(ss)", "data-storage", "jonas");
  spin_for (0.3);
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_INFRASTRUCTURE], "waiting"), ==, "1 wartet");
  g_assert_cmpstr (cto_tooltip_get_text (find_widget_by_name (GTK_WIDGET (window->tiles[CTO_FUNCTION_INFRASTRUCTURE]),
                                                              "waiting-short")), ==,
                   "1 wartet auf Einstellung\n1 ohne verantwortliche Person");

  window_free (window);
}

/* The same at 800×800 in English: each warning whole, said short. */
static void
test_narrow_tiles_english (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  CtoWindow *window;

  use_language ("C");
  window = window_sized_on (plan, 800, 800);
  g_assert_false (cto_coverage_tile_get_compact (window->tiles[CTO_FUNCTION_PLANNING]));
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_PLANNING], "status"), ==, "4 of 5 assigned");
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_INFRASTRUCTURE], "waiting"), ==, "1 waiting");
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_CONSUMER_LIAISON], "no-accountable"), ==,
                   "1 unowned");
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_THINKER], "single-person"), ==, "One person");
  g_assert_cmpstr (tile_line_shown (window->tiles[CTO_FUNCTION_PLANNING], "gap"), ==, "Hiring gap: 5 h");

  window_free (window);
  use_language ("de");
}

/* @widget's bounds lie within @area's. */
static void
assert_in_view (GtkWidget *widget,
                GtkWidget *area)
{
  graphene_rect_t bounds = bounds_in (widget, area);

  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (area));
}

/* At 800×600 in German, the drill for someone who carries much: Remove
 * Them and Apply All is in view without scrolling, the coverage tiles of
 * the plan as it would be below the bar. */
static void
test_what_if_in_view (void)
{
  g_autoptr(CtoPlan) plan = example_plan_new ();
  CtoWindow *window = window_sized_on (plan, SMALL_WIDTH, SMALL_HEIGHT);
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.what-if", "s", "ravi"));
  spin_until (suggestions_fresh, window, 30);
  spin ();
  button = find_widget (GTK_WIDGET (window), is_button_labelled, "Person entfernen und a_lle anwenden");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  assert_in_view (button, gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW));
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    assert_in_view (GTK_WIDGET (window->tiles[f]), GTK_WIDGET (window));

  window_free (window);
}

/* At 800×600 in German, the export dialog fits in the window's height: its
 * list of formats scrolls, the format chosen in view and focused. */
static void
test_export_dialog_fits (void)
{
  CtoWindow *window = small_screen_window_new ();
  GtkWidget *dialog;
  GtkWidget *focus;
  int natural;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  spin_for (0.5);
  dialog = window->export_dialog;
  g_assert_nonnull (dialog);
  gtk_widget_measure (dialog, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (dialog),
                      NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, <=, SMALL_HEIGHT);
  g_assert_cmpint (gtk_widget_get_height (dialog), <=, SMALL_HEIGHT);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (ADW_IS_ACTION_ROW (focus));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)), ==,
                   "Vorstandsunterlagen (PDF)");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  window_free (window);
}

static void
test_card_badge (void)
{
  CtoWindow *window = small_screen_window_new ();
  GtkWidget *grid = widget_named (window, "people-grid");
  GtkWidget *open_card = find_widget (grid, is_card_of, person (window, "sec"));
  GtkWidget *other_card = find_widget (grid, is_card_of, person (window, "bo"));
  GtkWidget *name, *badge, *other_name;
  graphene_rect_t name_bounds, badge_bounds;

  g_assert_nonnull (open_card);
  g_assert_nonnull (other_card);
  name = widget_named (open_card, "name");
  badge = widget_named (open_card, "open-role");
  other_name = widget_named (other_card, "name");

  /* The badge in German, whole, apart from the name. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, C_("badge", "Open role"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), !=, "Open role");
  assert_whole (badge);
  name_bounds = bounds_in (name, GTK_WIDGET (window));
  badge_bounds = bounds_in (badge, GTK_WIDGET (window));
  g_assert_false (graphene_rect_intersection (&name_bounds, &badge_bounds, NULL));

  /* The name as wide as on a card without the badge, and readable. */
  g_assert_cmpint (gtk_widget_get_width (name), >=, gtk_widget_get_width (other_name));
  g_assert_cmpint (gtk_widget_get_width (name), >=, readable_width (name));
  /* A name cut short is there whole in its tooltip; a name shown whole
   * has none. */
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (other_name))));
  g_assert_true (asks_tooltip (other_name));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (name))));
  g_assert_false (asks_tooltip (name));

  window_free (window);
}

static void
test_org_node_badge (void)
{
  CtoWindow *window = small_screen_window_new ();
  GtkWidget *chart, *node, *other, *name, *badge;
  graphene_rect_t node_bounds, other_bounds, name_bounds, badge_bounds;

  adw_view_stack_set_visible_child_name (window->view_stack, "org-chart");
  spin_for (0.3);
  chart = GTK_WIDGET (window->org_chart);
  node = find_widget (chart, is_node_of, person (window, "sec"));
  other = find_widget (chart, is_node_of, person (window, "bo"));
  g_assert_nonnull (node);
  g_assert_nonnull (other);
  name = widget_named (node, "name");
  badge = widget_named (node, "open-role");

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (badge)), ==, C_("badge", "Open role"));
  assert_whole (badge);
  g_assert_true (gtk_widget_get_mapped (widget_named (node, "overloaded")));

  /* The node keeps the chart's width: it covers no neighbour. */
  g_assert_cmpint (gtk_widget_get_width (node), ==, gtk_widget_get_width (other));
  node_bounds = bounds_in (node, chart);
  other_bounds = bounds_in (other, chart);
  g_assert_false (graphene_rect_intersection (&node_bounds, &other_bounds, NULL));
  name_bounds = bounds_in (name, chart);
  badge_bounds = bounds_in (badge, chart);
  g_assert_false (graphene_rect_intersection (&name_bounds, &badge_bounds, NULL));
  g_assert_cmpint (gtk_widget_get_width (name), >=, readable_width (name));
  /* Everything in the node is inside it. */
  {
    GtkWidget *overloaded = widget_named (node, "overloaded");
    graphene_rect_t mark = bounds_in (overloaded, chart);

    g_assert_cmpfloat (badge_bounds.origin.x + badge_bounds.size.width, <=,
                       node_bounds.origin.x + node_bounds.size.width);
    g_assert_cmpfloat (mark.origin.x + mark.size.width, <=,
                       node_bounds.origin.x + node_bounds.size.width);
  }

  window_free (window);
}

/* Which of the header's widgets show when it is @width wide: Undo and
 * Redo, and the wide switcher. */
static void
header_at (GtkWidget *center,
           int        width,
           gboolean  *start_shown,
           gboolean  *wide_shown)
{
  GtkWidget *start = gtk_widget_get_parent (find_widget (center, is_button_of, "win.undo"));

  gtk_widget_size_allocate (center, &(GtkAllocation) { 0, 0, width, gtk_widget_get_height (center) }, -1);
  *start_shown = gtk_widget_get_child_visible (start);
  *wide_shown = !cto_header_center_get_compact (CTO_HEADER_CENTER (center));
}

/* As the window narrows, the header shows less and less: what went never
 * comes back a little narrower, whatever the title's length; and a title
 * of a hundred characters is cut rather than let it take Undo and Redo
 * away from a wide window. */
static void
test_header_narrows (void)
{
  static const char *titles[] = {
    "Acme",
    "Acme Robotics 2027",
    "Acme Robotics: who carries the technology work in 2027",
    "Acme Robotics: who carries the technology work in 2027, and who will once the "
      "new office opens in Lyon",
  };
  CtoWindow *window;
  GtkWidget *center;

  use_language ("C");
  window = small_screen_window_new ();
  center = widget_named (window, "header-center");

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      gboolean start_before = TRUE, wide_before = TRUE;
      gboolean start_shown, wide_shown;
      int minimum;

      cto_plan_set_title (window->plan, titles[i]);
      spin ();
      gtk_widget_measure (center, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);

      header_at (center, 1200, &start_shown, &wide_shown);
      g_assert_true (start_shown);
      g_assert_true (wide_shown);

      for (int width = 1400; width >= minimum; width -= 5)
        {
          header_at (center, width, &start_shown, &wide_shown);
          if ((start_shown && !start_before) || (wide_shown && !wide_before))
            g_error ("“%s”: at %d px, the header shows %s, gone when wider", titles[i], width,
                     start_shown && !start_before ? "Undo and Redo" : "the wide switcher");
          start_before = start_shown;
          wide_before = wide_shown;
        }
      /* At its narrowest, the narrow switcher alone. */
      g_assert_false (start_shown);
      g_assert_false (wide_shown);
    }

  window_free (window);
  use_language ("de");
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "window-narrow", "test");
  use_language ("de");

  g_test_add_func ("/window-narrow/german/fits-800", test_window_fits);
  g_test_add_func ("/window-narrow/english/title-whole", test_english_title_whole);
  g_test_add_func ("/window-narrow/english/header-narrows", test_header_narrows);
  g_test_add_func ("/window-narrow/german/compact-tiles", test_compact_tiles);
  g_test_add_func ("/window-narrow/german/example-tiles-whole", test_example_tiles_whole);
  g_test_add_func ("/window-narrow/german/example-tiles-lines", test_example_tiles_lines);
  g_test_add_func ("/window-narrow/german/narrow-tiles", test_narrow_tiles);
  g_test_add_func ("/window-narrow/english/narrow-tiles", test_narrow_tiles_english);
  g_test_add_func ("/window-narrow/german/export-dialog-fits", test_export_dialog_fits);
  g_test_add_func ("/window-narrow/german/what-if-in-view", test_what_if_in_view);
  g_test_add_func ("/window-narrow/german/card-badge", test_card_badge);
  g_test_add_func ("/window-narrow/german/org-node-badge", test_org_node_badge);

  return display_test_run ();
}
