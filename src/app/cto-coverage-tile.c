/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-coverage-tile"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cto-best-fit.h"
#include "cto-coverage-tile.h"
#include "cto-keep-place.h"
#include "cto-report-format.h"
#include "cto-tooltip.h"

/*
 * A tile keeps the same lines whatever it says, each one line ellipsized
 * with the whole text in its tooltip and in the tile's accessible
 * description, so that the strip never grows when a warning appears and
 * the panes below it stay where they are. Short windows get the compact
 * tile: two short lines, the function's name, then its status and the
 * warning that matters most.
 */
struct _CtoCoverageTile
{
  GtkWidget        parent_instance;

  CtoFunction      function;
  gboolean         compact;
  gboolean         has_overload;
  char            *first_warning;   /* the warning the compact tile shows, or NULL */
  char            *accessible;      /* the accessible label and description given */

  GtkToggleButton *filter_button;
  GtkStack        *mode_stack;
  GtkLabel        *name_label;
  GtkImage        *status_icon;
  GtkLabel        *status_label;
  GtkLabel        *status_short_label;
  GtkLabel        *hours_label;
  GtkLabel        *hours_short_label;
  GtkWidget       *single_box;
  GtkLabel        *single_label;
  GtkLabel        *single_short_label;
  GtkWidget       *waiting_box;
  GtkLabel        *waiting_label;
  GtkLabel        *waiting_short_label;
  GtkWidget       *accountable_box;
  GtkLabel        *accountable_label;
  GtkLabel        *accountable_short_label;
  GtkWidget       *warning_spacer;
  GtkWidget       *gap_fit;
  GtkLabel        *gap_label;
  GtkLabel        *gap_short_label;
  GtkLabel        *compact_name;
  GtkImage        *compact_icon;
  GtkLabel        *compact_label;
  GtkWidget       *overloaded_button;
  GtkWidget       *overloaded_fit;
  GtkLabel        *overloaded_label;
  GtkLabel        *overloaded_short_label;
  GtkLabel        *overloaded_count_label;
  GtkWidget       *overloaded_next;
};

G_DEFINE_FINAL_TYPE (CtoCoverageTile, cto_coverage_tile, GTK_TYPE_WIDGET)

static const struct
{
  const char *icon_name;
  const char *css_class;
} coverage_looks[] = {
  [CTO_COVERAGE_EMPTY] = { "action-unavailable-symbolic", "empty" },
  [CTO_COVERAGE_UNCOVERED] = { "dialog-error-symbolic", "uncovered" },
  [CTO_COVERAGE_PARTIAL] = { "dialog-warning-symbolic", "partial" },
  [CTO_COVERAGE_COVERED] = { "emblem-ok-symbolic", "covered" },
};

/* The most overloaded people a tile names; it counts the others. */
#define MAX_OVERLOADED_NAMES 3

typedef struct
{
  CtoPerson *person;
  double     excess;
} Overloaded;

static int
compare_overloaded (gconstpointer a,
                    gconstpointer b)
{
  const Overloaded *oa = a;
  const Overloaded *ob = b;

  if (oa->excess > ob->excess)
    return -1;
  if (oa->excess < ob->excess)
    return 1;
  return 0;
}

/* The function's overloaded people, the most over first (then plan order). */
static GArray *
get_overloaded (CtoAnalysis             *analysis,
                const CtoFunctionReport *report)
{
  GArray *overloaded = g_array_new (FALSE, FALSE, sizeof (Overloaded));

  for (guint i = 0; i < report->people->len; i++)
    {
      CtoPerson *person = g_ptr_array_index (report->people, i);
      const CtoPersonReport *person_report = cto_analysis_get_person (analysis, person);
      Overloaded entry;

      if (person_report == NULL || !person_report->overloaded)
        continue;

      entry.person = person;
      entry.excess = -cto_analysis_get_free_hours (analysis, person);
      g_array_append_val (overloaded, entry);
    }

  g_array_sort (overloaded, compare_overloaded);
  return overloaded;
}

/* The line: who is the most over, by how much, and how many others are:
 * "Bo Lin is 6 h over", "Bo Lin is 6 h over · 2 more". The worst
 * comes first, so that a line cut short on a narrow tile still says it. */
static char *
describe_overloaded (GArray *overloaded)
{
  const Overloaded *worst = &g_array_index (overloaded, Overloaded, 0);
  g_autofree char *hours = cto_report_format_decimal (worst->excess);

  if (overloaded->len == 1)
    /* Translators: one person of a function beyond capacity: "Bo Lin is 6 h over" */
    return g_strdup_printf (_("%s is %s h over"), cto_person_get_name (worst->person), hours);

  /* Translators: the most overloaded person of a function, and how many
   * others are over capacity: "Bo Lin is 6 h over · 2 more" */
  return g_strdup_printf (ngettext ("%s is %s h over · %u more", "%s is %s h over · %u more",
                                    overloaded->len - 1),
                          cto_person_get_name (worst->person), hours, overloaded->len - 1);
}

/* The line where the most over's name is too long for it: how many are
 * over and by how much at most, "6 h over capacity", "3 over capacity, up
 * to 6 h". */
static char *
describe_overloaded_short (GArray *overloaded)
{
  g_autofree char *hours = cto_report_format_decimal (g_array_index (overloaded, Overloaded, 0).excess);

  if (overloaded->len == 1)
    {
      /* Translators: one person of a function beyond capacity, on a tile too
       * narrow for their name: "6 h over capacity" */
      return g_strdup_printf (_("%s h over capacity"), hours);
    }

  /* Translators: people of a function beyond capacity, on a tile too narrow
   * for the most overloaded one's name, and by how much the most: "3 over
   * capacity, up to 6 h" */
  return g_strdup_printf (ngettext ("%u over capacity, up to %s h", "%u over capacity, up to %s h",
                                    overloaded->len),
                          overloaded->len, hours);
}

/* The line where that is too long too: how many, "3 over capacity"; %NULL
 * for one, whose shorter line says no more. */
static char *
count_overloaded (GArray *overloaded)
{
  if (overloaded->len == 1)
    return NULL;

  /* Translators: how many people of a function are beyond capacity, on a
   * tile too narrow for more: "3 over capacity" */
  return g_strdup_printf (ngettext ("%u over capacity", "%u over capacity", overloaded->len),
                          overloaded->len);
}

/* The tooltip's words: everyone over, with by how much, the most over
 * first: "3 people over capacity: Bo Lin (6 h), Ana (3 h), Mia (2 h)". */
static char *
list_overloaded (GArray *overloaded)
{
  g_autoptr(GString) names = NULL;
  g_autofree char *list = NULL;

  if (overloaded->len == 1)
    return describe_overloaded (overloaded);

  /* A few names: a team of hundreds should not have hundreds of names
   * measured for each tile's tooltip. */
  names = g_string_new (NULL);
  for (guint i = 0; i < MIN (overloaded->len, MAX_OVERLOADED_NAMES); i++)
    {
      const Overloaded *entry = &g_array_index (overloaded, Overloaded, i);
      g_autofree char *hours = cto_report_format_decimal (entry->excess);
      /* Translators: one of the people over capacity in a list, and by how much: "Bo Lin (6 h)" */
      g_autofree char *item = g_strdup_printf (_("%s (%s h)"), cto_person_get_name (entry->person), hours);

      cto_report_format_append_item (names, item);
    }
  list = cto_report_format_more (names->str, overloaded->len - MIN (overloaded->len, MAX_OVERLOADED_NAMES));

  /* Translators: people of a function beyond capacity: "3 people over capacity: Bo Lin (6 h), Ana (3 h), Mia (2 h)" */
  return g_strdup_printf (ngettext ("%u person over capacity: %s", "%u people over capacity: %s",
                                    overloaded->len),
                          overloaded->len, list);
}

/* GTK lays a label out again whenever its text is set, even to the same
 * text; a line that names every overloaded person of a large plan is long. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

/*
 * A line that names every overloaded person of a large plan runs to many
 * thousands of characters, and GTK shapes all of them each time it lays the
 * tile out, though it shows only what fits before the ellipsis. A tile
 * never shows this many: beyond them, the label gets its own ellipsis;
 * the whole text is in the tooltip and the accessible description.
 */
#define MAX_LINE_CHARS 400

static void
set_long_label (GtkLabel   *label,
                const char *text)
{
  g_autofree char *shown = NULL;

  if (strlen (text) > MAX_LINE_CHARS && g_utf8_strlen (text, -1) > MAX_LINE_CHARS)
    {
      const char *end = g_utf8_offset_to_pointer (text, MAX_LINE_CHARS - 1);

      shown = g_strdup_printf ("%.*s…", (int) (end - text), text);
      text = shown;
    }

  set_label (label, text);
}

static void
set_line (GtkLabel   *label,
          const char *text)
{
  set_label (label, text);
  cto_tooltip_set_text (GTK_WIDGET (label), text);
}

/* The shorter way of saying a line, shown instead of @whole where that is
 * cut (CtoBestFit), or nothing when there is none shorter (%NULL or the
 * same). Its tooltip is the whole line. */
static void
set_short_line (GtkLabel   *label,
                const char *text,
                const char *whole)
{
  if (g_strcmp0 (text, whole) == 0)
    text = NULL;
  set_label (label, text != NULL ? text : "");
  cto_tooltip_set_text (GTK_WIDGET (label), text != NULL ? whole : NULL);
}

static void
update_mode (CtoCoverageTile *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_stack_set_visible_child_name (self->mode_stack, self->compact ? "compact" : "full");
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout),
                                  self->compact ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);

  /* Full: the overload line is always there, empty or not. Compact: it
   * is there only when someone is overloaded. */
  gtk_widget_set_visible (self->overloaded_button, !self->compact || self->has_overload);
  cto_keep_place (self->overloaded_button, self->has_overload);
  /* Compact, the button is its icon, and its words follow the status on
   * the tile's status line (and are whole in the tooltip and accessible
   * name). */
  gtk_widget_set_visible (self->overloaded_fit, !self->compact);
  gtk_widget_set_visible (self->overloaded_next, !self->compact);

  if (self->compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
}

static void
filter_active_cb (CtoCoverageTile *self)
{
  if (gtk_toggle_button_get_active (self->filter_button))
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
}

static void
cto_coverage_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CTO_TYPE_COVERAGE_TILE);

  G_OBJECT_CLASS (cto_coverage_tile_parent_class)->dispose (object);
}

static void
cto_coverage_tile_finalize (GObject *object)
{
  CtoCoverageTile *self = CTO_COVERAGE_TILE (object);

  g_clear_pointer (&self->first_warning, g_free);
  g_clear_pointer (&self->accessible, g_free);

  G_OBJECT_CLASS (cto_coverage_tile_parent_class)->finalize (object);
}

static void
cto_coverage_tile_class_init (CtoCoverageTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cto_coverage_tile_dispose;
  object_class->finalize = cto_coverage_tile_finalize;

  g_type_ensure (CTO_TYPE_BEST_FIT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/cto-coverage-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, status_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, status_short_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, hours_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, hours_short_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, single_box);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, single_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, single_short_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, waiting_box);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, waiting_short_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, accountable_box);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, accountable_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, accountable_short_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, warning_spacer);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, gap_fit);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, gap_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, gap_short_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, compact_name);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, compact_icon);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, compact_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, overloaded_button);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, overloaded_fit);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, overloaded_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, overloaded_short_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, overloaded_count_label);
  gtk_widget_class_bind_template_child (widget_class, CtoCoverageTile, overloaded_next);
  gtk_widget_class_bind_template_callback (widget_class, filter_active_cb);
}

static void
cto_coverage_tile_init (CtoCoverageTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->overloaded_button), "s", "");
  cto_keep_place (self->warning_spacer, FALSE);
  update_mode (self);
}

GtkWidget *
cto_coverage_tile_new (CtoFunction function)
{
  CtoCoverageTile *self = g_object_new (CTO_TYPE_COVERAGE_TILE, NULL);
  g_autofree char *tooltip = NULL;

  self->function = function;
  gtk_label_set_label (self->name_label, cto_function_get_name (function));
  gtk_label_set_label (self->compact_name, cto_function_get_name (function));
  cto_tooltip_set_text (GTK_WIDGET (self->compact_name), cto_function_get_name (function));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->filter_button),
                                          g_variant_new_int32 ((gint32) function));

  /* Translators: the tooltip of a coverage tile; %s is a function's name */
  tooltip = g_strdup_printf (_("Show only the responsibilities of %s"),
                             cto_function_get_name (function));
  cto_tooltip_set_text (GTK_WIDGET (self->filter_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cto_function_get_name (function),
                                  -1);

  return GTK_WIDGET (self);
}

CtoFunction
cto_coverage_tile_get_function (CtoCoverageTile *self)
{
  g_return_val_if_fail (CTO_IS_COVERAGE_TILE (self), CTO_FUNCTION_PLANNING);

  return self->function;
}

void
cto_coverage_tile_set_compact (CtoCoverageTile *self,
                               gboolean         compact)
{
  g_return_if_fail (CTO_IS_COVERAGE_TILE (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  update_mode (self);
}

gboolean
cto_coverage_tile_get_compact (CtoCoverageTile *self)
{
  g_return_val_if_fail (CTO_IS_COVERAGE_TILE (self), FALSE);

  return self->compact;
}

/* One of a full tile's warnings: its line, said two ways, and what it
 * says now (%NULL when it does not apply; @short_text %NULL when there is
 * no shorter way). */
typedef struct
{
  GtkWidget  *box;
  GtkLabel   *label;
  GtkLabel   *short_label;
  const char *text;
  const char *short_text;
} Warning;

/* Shows the first of the warnings that apply on the full tile's one
 * warning line, which keeps the tile's height, saying how many more there
 * are; its tooltip, and that of its shorter way, and the tile's
 * description, say them all. */
static const char *
show_first_warning (CtoCoverageTile *self,
                    const Warning   *warnings,
                    guint            n)
{
  const Warning *first = NULL;
  guint n_more = 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean shown = warnings[i].text != NULL && first == NULL;

      gtk_widget_set_visible (warnings[i].box, shown);
      if (shown)
        first = &warnings[i];
      else if (warnings[i].text != NULL)
        n_more++;
    }
  gtk_widget_set_visible (self->warning_spacer, first == NULL);

  if (n_more > 0)
    {
      /* Translators: a coverage tile's warning line when the function has
       * more warnings than the line shows: "Rests on one person · 2 more" */
      g_autofree char *line = g_strdup_printf (ngettext ("%s · %u more", "%s · %u more", n_more),
                                               first->text, n_more);
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        if (warnings[i].text != NULL)
          g_string_append_printf (all, "%s%s", all->len > 0 ? "\n" : "", warnings[i].text);
      set_label (first->label, line);
      cto_tooltip_set_text (GTK_WIDGET (first->label), all->str);
      /* The shorter way has no room for how many more: its tooltip says
       * them all. */
      if (first->short_text != NULL)
        cto_tooltip_set_text (GTK_WIDGET (first->short_label), all->str);
    }

  return first != NULL ? first->text : NULL;
}

void
cto_coverage_tile_update (CtoCoverageTile *self,
                          CtoAnalysis     *analysis)
{
  const CtoFunctionReport *report;
  g_autoptr(GArray) overloaded = NULL;
  g_autofree char *effort = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *status = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *accountable = NULL;
  g_autofree char *accountable_short = NULL;
  g_autofree char *overload = NULL;
  g_autofree char *gap = NULL;
  g_autofree char *gap_short = NULL;
  g_autofree char *hours_short = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *short_status = NULL;
  g_autoptr(GString) accessible = NULL;
  g_autoptr(GString) details = NULL;
  const char *single = NULL;
  const char *single_short = NULL;
  g_autofree char *waiting_short = NULL;
  Warning warnings[3];
  const char *first;

  g_return_if_fail (CTO_IS_COVERAGE_TILE (self));
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));

  report = cto_analysis_get_function (analysis, self->function);

  for (guint i = 0; i < G_N_ELEMENTS (coverage_looks); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), coverage_looks[i].css_class);
  gtk_widget_add_css_class (GTK_WIDGET (self), coverage_looks[report->status].css_class);
  gtk_image_set_from_icon_name (self->status_icon, coverage_looks[report->status].icon_name);
  gtk_image_set_from_icon_name (self->compact_icon, coverage_looks[report->status].icon_name);

  /* "Partly covered" says as much for one of five as for four: say which. */
  if (report->status == CTO_COVERAGE_PARTIAL)
    /* Translators: the status of a function partly covered: "4 of 5 assigned" */
    status = g_strdup_printf (ngettext ("%u of %u assigned", "%u of %u assigned",
                                        report->n_responsibilities),
                              report->n_covered, report->n_responsibilities);
  else
    status = g_strdup (cto_coverage_get_name (report->status));
  set_line (self->status_label, status);
  if (report->status == CTO_COVERAGE_PARTIAL)
    /* Translators: the status of a function partly covered, on a one-line tile
     * or a tile too narrow for more: "4 of 5" */
    short_status = g_strdup_printf (ngettext ("%u of %u", "%u of %u", report->n_responsibilities),
                                    report->n_covered, report->n_responsibilities);
  else
    short_status = g_strdup (status);
  set_short_line (self->status_short_label, short_status, status);

  effort = cto_report_format_decimal (report->effort);
  /* Translators: a function's hours when its status says how many are assigned, or that it has none,
   * or on a tile too narrow for more: "18 h a week" */
  hours_short = g_strdup_printf (_("%s h a week"), effort);
  /* How many are assigned is said once: by the status when partly covered
   * or when there is nothing to assign ("No responsibilities"). */
  if (report->status == CTO_COVERAGE_PARTIAL || report->status == CTO_COVERAGE_EMPTY)
    hours = g_strdup (hours_short);
  else
    /* Translators: "12 h a week · 3 of 4 assigned" */
    hours = g_strdup_printf (ngettext ("%s h a week · %u of %u assigned",
                                       "%s h a week · %u of %u assigned",
                                       report->n_responsibilities),
                             effort, report->n_covered, report->n_responsibilities);
  set_line (self->hours_label, hours);
  set_short_line (self->hours_short_label, hours_short, hours);

  if (cto_function_report_rests_on_one_person (report))
    {
      /* Translators: a coverage tile's warning: the function's work rests on
       * a single person (bus factor 1) */
      single = _("Rests on one person");
      set_line (self->single_label, single);
      /* Translators: the same on a tile too narrow for it, beside the icon
       * of a person; a tooltip says it whole */
      single_short = _("One person");
      set_short_line (self->single_short_label, single_short, single);
    }

  if (report->waiting_for_hire > 0)
    {
      waiting = g_strdup_printf (ngettext ("%u waiting for a hire", "%u waiting for a hire",
                                           report->waiting_for_hire),
                                 report->waiting_for_hire);
      set_line (self->waiting_label, waiting);
      /* Translators: the same on a tile too narrow for it, beside the icon
       * of a clock; a tooltip says it whole: "2 waiting" */
      waiting_short = g_strdup_printf (ngettext ("%u waiting", "%u waiting", report->waiting_for_hire),
                                       report->waiting_for_hire);
      set_short_line (self->waiting_short_label, waiting_short, waiting);
    }

  if (report->without_accountable > 0)
    {
      accountable = g_strdup_printf (ngettext ("%u with no one accountable",
                                               "%u with no one accountable",
                                               report->without_accountable),
                                     report->without_accountable);
      /* Translators: the same on a tile too narrow for it, in as few words as the language
       * allows, beside a face that says so too; a tooltip says it whole: "2 unowned" */
      accountable_short = g_strdup_printf (ngettext ("%u unowned",
                                                     "%u unowned",
                                                     report->without_accountable),
                                           report->without_accountable);
      set_line (self->accountable_label, accountable);
      set_short_line (self->accountable_short_label, accountable_short, accountable);
    }

  warnings[0] = (Warning) { self->single_box, self->single_label, self->single_short_label,
                            single, single_short };
  warnings[1] = (Warning) { self->waiting_box, self->waiting_label, self->waiting_short_label,
                            waiting, waiting_short };
  warnings[2] = (Warning) { self->accountable_box, self->accountable_label, self->accountable_short_label,
                            accountable, accountable_short };
  first = show_first_warning (self, warnings, G_N_ELEMENTS (warnings));

  /* Who is overloaded, by name, once per tile: the line takes the user to
   * the most overloaded one's card. */
  overloaded = get_overloaded (analysis, report);
  self->has_overload = overloaded->len > 0;
  if (self->has_overload)
    {
      CtoPerson *worst = g_array_index (overloaded, Overloaded, 0).person;
      g_autofree char *everyone = list_overloaded (overloaded);
      g_autofree char *counted = describe_overloaded_short (overloaded);
      g_autofree char *count = count_overloaded (overloaded);
      g_autofree char *show = NULL;

      overload = describe_overloaded (overloaded);
      /* Their tooltip is the button's, which names everyone. */
      set_long_label (self->overloaded_label, overload);
      set_label (self->overloaded_short_label, counted);
      set_label (self->overloaded_count_label, count != NULL ? count : "");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->overloaded_button), "s",
                                        cto_person_get_id (worst));
      /* Translators: tooltip of an overload warning: "Bo Lin is 6 h over. Show Bo Lin’s card" */
      show = g_strdup_printf (_("%s. Show %s’s card"), everyone, cto_person_get_name (worst));
      cto_tooltip_set_text (self->overloaded_button, show);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->overloaded_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, show,
                                      -1);
    }
  else
    {
      cto_tooltip_set_text (self->overloaded_button, NULL);
      set_label (self->overloaded_label, "");
      set_label (self->overloaded_short_label, "");
      set_label (self->overloaded_count_label, "");
    }

  if (cto_function_report_has_hiring_gap (report))
    {
      g_autofree char *gap_hours = cto_report_format_decimal (report->gap_hours);
      g_autofree char *gap_fte = cto_report_format_decimal (report->gap_fte);

      /* Translators: "Hiring gap: 6 h · 0.15 FTE" (full-time equivalents) */
      gap = g_strdup_printf (_("Hiring gap: %s h · %s FTE"), gap_hours, gap_fte);
      /* Translators: the hiring gap on a tile too narrow for its FTE: "Hiring gap: 6 h" */
      gap_short = g_strdup_printf (_("Hiring gap: %s h"), gap_hours);
      gtk_widget_add_css_class (self->gap_fit, "has-gap");
    }
  else
    {
      gap = g_strdup (_("No hiring gap"));
      gtk_widget_remove_css_class (self->gap_fit, "has-gap");
    }
  set_line (self->gap_label, gap);
  set_short_line (self->gap_short_label, gap_short, gap);

  g_clear_pointer (&self->first_warning, g_free);
  self->first_warning = g_strdup (first);
  /* The compact tile's status line: the status in few words, then the warning
   * that matters most: someone overloaded, else the first of the others. */
  if (self->has_overload)
    /* Translators: a one-line coverage tile: status, then a warning: "4 of 5 · Bo Lin is 6 h over" */
    compact = g_strdup_printf (_("%s · %s"), short_status, overload);
  else if (first != NULL)
    compact = g_strdup_printf (_("%s · %s"), short_status, first);
  else
    compact = g_strdup (short_status);
  set_long_label (self->compact_label, compact);

  /* Everything, in words, for the tooltip and for screen readers. */
  details = g_string_new (status);
  g_string_append (details, ". ");
  g_string_append (details, hours);
  for (guint i = 0; i < G_N_ELEMENTS (warnings); i++)
    if (warnings[i].text != NULL)
      g_string_append_printf (details, ". %s", warnings[i].text);
  if (overload != NULL)
    g_string_append_printf (details, ". %s", overload);
  g_string_append_printf (details, ". %s", gap);

  cto_tooltip_set_text (GTK_WIDGET (self->compact_label), details->str);

  accessible = g_string_new (cto_function_get_name (self->function));
  g_string_append (accessible, ": ");
  g_string_append (accessible, status);
  /* Told to screen readers when it changed only: on a large plan it names
   * hundreds of people. */
  g_string_append_c (accessible, '\n');
  g_string_append (accessible, details->str);
  if (g_strcmp0 (self->accessible, accessible->str) != 0)
    {
      g_free (self->accessible);
      self->accessible = g_strdup (accessible->str);
      g_string_truncate (accessible, accessible->len - details->len - 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details->str,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details->str,
                                      -1);
    }

  update_mode (self);
}
