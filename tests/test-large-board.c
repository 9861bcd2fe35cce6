/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window on a plan of 1,000 people and 20,000 responsibilities: what it
 * shows on opening and after scrolling, and an edit reaching the coverage
 * and the person's card, also for a person whose card was out of view.
 * How fast is the benchmark window-first-frame's business; this checks what
 * the window does with a plan this size.
 */
#define G_LOG_DOMAIN "test-large-board"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cto-assignment-chip.h"
#include "cto-bench-plan.h"
#include "cto-report-format.h"
#include "cto-history.h"
#include "cto-person-card.h"
#include "cto-responsibility-row.h"
#include "cto-window-private.h"
#include "display-test-util.h"

#define N_PEOPLE 1000
#define N_RESPONSIBILITIES 20000
#define N_CHIPS_FOLDED 6

static void
collect_cards (GtkWidget *root,
               GPtrArray *cards)
{
  if (CTO_IS_PERSON_CARD (root))
    {
      g_ptr_array_add (cards, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cards (child, cards);
}

/* Every card the grid holds, bound to a person. */
static GPtrArray *
cards_of (CtoWindow *window)
{
  GPtrArray *cards = g_ptr_array_new ();

  collect_cards (widget_named (window, "people-grid"), cards);
  for (guint i = 0; i < cards->len; )
    {
      if (cto_person_card_get_person (g_ptr_array_index (cards, i)) == NULL)
        g_ptr_array_remove_index (cards, i);
      else
        i++;
    }

  return cards;
}

/* Some of @widget is within the visible part of @view. */
static gboolean
on_screen_in (GtkWidget *view,
              GtkWidget *widget)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (view) || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, view, &bounds))
    return FALSE;

  return bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.y < gtk_widget_get_height (view);
}

/* Some of @card is within the visible part of the board. */
static gboolean
on_screen (CtoWindow *window,
           GtkWidget *card)
{
  return on_screen_in (widget_named (window, "people-grid"), card);
}

static GtkWidget *
card_of (CtoWindow *window,
         CtoPerson *person)
{
  g_autoptr(GPtrArray) cards = cards_of (window);

  for (guint i = 0; i < cards->len; i++)
    if (cto_person_card_get_person (g_ptr_array_index (cards, i)) == person)
      return g_ptr_array_index (cards, i);

  return NULL;
}

static void
collect_chips (GtkWidget *root,
               GPtrArray *chips)
{
  if (!gtk_widget_get_visible (root))
    return;

  if (CTO_IS_ASSIGNMENT_CHIP (root))
    {
      g_ptr_array_add (chips, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_chips (child, chips);
}

/* The chips @card shows, top first. */
static GPtrArray *
chips_of (GtkWidget *card)
{
  GPtrArray *chips = g_ptr_array_new ();

  collect_chips (card, chips);
  return chips;
}

static const char *
label_named (GtkWidget  *root,
             const char *name)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return gtk_label_get_text (GTK_LABEL (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = label_named (child, name);

      if (text != NULL)
        return text;
    }

  return NULL;
}

static GtkWidget *
find_more_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root))
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (root));

      if (label != NULL && g_str_has_prefix (label, "Show ") && g_str_has_suffix (label, " more"))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_more_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/*
 * A card shows its person as the analysis has them: the load, and the
 * biggest of the responsibilities they carry, biggest first, up to the
 * folded number (or all of them, unfolded).
 */
static void
assert_card_shows (CtoWindow *window,
                   GtkWidget *card,
                   gboolean   unfolded)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan_of (window));
  CtoPerson *person = cto_person_card_get_person (CTO_PERSON_CARD (card));
  const CtoPersonReport *report = cto_analysis_get_person (analysis, person);
  const char *person_id = cto_person_get_id (person);
  g_autoptr(GPtrArray) chips = chips_of (card);
  g_autofree char *load = cto_report_format_decimal (report->load);
  g_autofree char *load_prefix = g_strdup_printf ("%s of ", load);
  double smallest_shown = G_MAXDOUBLE;
  guint n_expected;

  g_assert_true (cto_person_card_get_details_shown (CTO_PERSON_CARD (card)));
  g_assert_cmpstr (label_named (card, "name"), ==, cto_person_get_name (person));
  g_assert_true (g_str_has_prefix (label_named (card, "load"), load_prefix));

  n_expected = unfolded ? report->responsibilities->len
                        : MIN (report->responsibilities->len, N_CHIPS_FOLDED);
  g_assert_cmpuint (chips->len, ==, n_expected);

  for (guint i = 0; i < chips->len; i++)
    {
      CtoAssignmentChip *chip = g_ptr_array_index (chips, i);
      CtoResponsibility *responsibility = cto_assignment_chip_get_responsibility (chip);
      double hours = cto_analysis_get_person_hours (analysis, responsibility, person_id);

      g_assert_true (cto_assignment_chip_get_person (chip) == person);
      g_assert_true (g_ptr_array_find (report->responsibilities, responsibility, NULL));
      g_assert_cmpfloat (hours, <=, smallest_shown);
      smallest_shown = hours;
    }

  /* None left out is bigger than the smallest shown. */
  for (guint i = 0; i < report->responsibilities->len; i++)
    {
      CtoResponsibility *responsibility = g_ptr_array_index (report->responsibilities, i);
      gboolean shown = FALSE;

      for (guint c = 0; c < chips->len; c++)
        shown = shown || cto_assignment_chip_get_responsibility (g_ptr_array_index (chips, c)) ==
                         responsibility;
      if (!shown)
        g_assert_cmpfloat (cto_analysis_get_person_hours (analysis, responsibility, person_id),
                           <=, smallest_shown);
    }
}

static gboolean
chip_for (GtkWidget         *card,
          CtoResponsibility *responsibility)
{
  g_autoptr(GPtrArray) chips = chips_of (card);

  for (guint i = 0; i < chips->len; i++)
    if (cto_assignment_chip_get_responsibility (g_ptr_array_index (chips, i)) == responsibility)
      return TRUE;

  return FALSE;
}

/* Counts the frames painted, and the cards and rows on screen that lacked
 * their details in them: what is drawn must always be whole. */
typedef struct
{
  CtoWindow *window;
  guint      n_frames;
  guint      n_partial;
} Frames;

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  g_autoptr(GPtrArray) cards = cards_of (frames->window);
  g_autoptr(GPtrArray) rows = rows_of (frames->window);

  frames->n_frames++;
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);

      if (on_screen (frames->window, card) &&
          !cto_person_card_get_details_shown (CTO_PERSON_CARD (card)))
        frames->n_partial++;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (on_screen_in (widget_named (frames->window, "responsibility-list"), row) &&
          !cto_responsibility_row_get_details_shown (CTO_RESPONSIBILITY_ROW (row)))
        frames->n_partial++;
    }
}

static gboolean
painted (gpointer data)
{
  Frames *frames = data;

  return frames->n_frames > 0;
}

/* Until a frame was painted after now. */
static void
next_frame (Frames *frames)
{
  frames->n_frames = 0;
  gtk_widget_queue_draw (GTK_WIDGET (frames->window));
  spin_until (painted, frames, 60);
}

static guint
n_covered (CtoWindow   *window,
           CtoFunction  function)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan_of (window));

  return cto_analysis_get_function (analysis, function)->n_covered;
}

/* The tile says "N of M assigned" with the numbers of the plan's analysis,
 * once: as its status when partly covered, else after its hours (a
 * function with nothing to assign says neither). */
static void
assert_tile_shows (CtoWindow   *window,
                   CtoFunction  function)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan_of (window));
  const CtoFunctionReport *report = cto_analysis_get_function (analysis, function);
  GtkWidget *tile = coverage_tile_of (window, function);
  g_autofree char *assigned = g_strdup_printf ("%u of %u assigned", report->n_covered,
                                               report->n_responsibilities);
  g_autofree char *effort = cto_report_format_decimal (report->effort);
  g_autofree char *hours = g_strdup_printf ("%s h a week", effort);

  if (report->status == CTO_COVERAGE_PARTIAL)
    {
      g_assert_cmpstr (label_named (tile, "status"), ==, assigned);
      g_assert_cmpstr (label_named (tile, "hours"), ==, hours);
    }
  else if (report->status == CTO_COVERAGE_EMPTY)
    {
      g_assert_cmpstr (label_named (tile, "hours"), ==, hours);
    }
  else
    {
      g_autofree char *both = g_strdup_printf ("%s · %s", hours, assigned);

      g_assert_cmpstr (label_named (tile, "hours"), ==, both);
    }
}

/* The biggest unassigned responsibility of @function, the first of those. */
static CtoResponsibility *
biggest_unassigned (CtoWindow   *window,
                    CtoFunction  function)
{
  g_autoptr(CtoAnalysis) analysis = cto_analysis_new (plan_of (window));
  GPtrArray *unassigned = cto_analysis_get_unassigned (analysis);
  CtoResponsibility *biggest = NULL;

  for (guint i = 0; i < unassigned->len; i++)
    {
      CtoResponsibility *responsibility = g_ptr_array_index (unassigned, i);

      if (cto_responsibility_get_function (responsibility) == function &&
          (biggest == NULL ||
           cto_responsibility_get_effort (responsibility) > cto_responsibility_get_effort (biggest)))
        biggest = responsibility;
    }

  g_assert_nonnull (biggest);
  return biggest;
}

static void
scroll_people_to (Frames *frames,
                  double  fraction)
{
  GtkAdjustment *adjustment =
    gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget_named (frames->window, "people-grid")));
  double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, upper * fraction);
  next_frame (frames);

  /* The grid estimates the height of the rows it has no cards for, and
   * corrects it as they come: the end may lie further on. */
  for (guint i = 0; i < 20 && fraction == 1.0; i++)
    {
      upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      if (gtk_adjustment_get_value (adjustment) >= upper - 1)
        break;
      gtk_adjustment_set_value (adjustment, upper);
      next_frame (frames);
    }
}

static void
assert_cards_on_screen_whole (CtoWindow *window,
                              guint     *n_on_screen,
                              guint     *first_position)
{
  g_autoptr(GPtrArray) cards = cards_of (window);
  GListModel *people = cto_plan_get_people (plan_of (window));

  *n_on_screen = 0;
  *first_position = G_MAXUINT;
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);
      guint position;

      if (!on_screen (window, card))
        continue;

      assert_card_shows (window, card, FALSE);
      g_assert_true (g_list_store_find (G_LIST_STORE (people),
                                        cto_person_card_get_person (CTO_PERSON_CARD (card)),
                                        &position));
      *first_position = MIN (*first_position, position);
      (*n_on_screen)++;
    }
}

/* The rows on screen show their responsibilities, in the list's order,
 * each title containing @search when one is given. */
static void
assert_rows_on_screen_whole (CtoWindow  *window,
                             const char *search)
{
  g_autoptr(GPtrArray) rows = rows_of (window);
  GtkWidget *list = widget_named (window, "responsibility-list");
  guint n_on_screen = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      CtoResponsibility *responsibility =
        cto_responsibility_row_get_responsibility (CTO_RESPONSIBILITY_ROW (row));

      if (!on_screen_in (list, row))
        continue;

      n_on_screen++;
      g_assert_true (cto_responsibility_row_get_details_shown (CTO_RESPONSIBILITY_ROW (row)));
      g_assert_cmpstr (label_named (row, "title"), ==, cto_responsibility_get_title (responsibility));
      if (search != NULL)
        g_assert_nonnull (strstr (cto_responsibility_get_title (responsibility), search));
    }

  g_assert_cmpuint (n_on_screen, >, 0);
}

static guint
n_titles_containing (CtoPlan    *plan,
                     const char *text)
{
  GListModel *responsibilities = cto_plan_get_responsibilities (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (responsibilities); i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      n += strstr (cto_responsibility_get_title (responsibility), text) != NULL;
    }

  return n;
}

static void
search (CtoWindow  *window,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget_named (window, "search-entry")), text);
  g_signal_emit_by_name (widget_named (window, "search-entry"), "search-changed");
}

static void
test_large_board (void)
{
  g_autoptr(CtoPlan) plan = cto_bench_plan_new (N_PEOPLE, N_RESPONSIBILITIES);
  g_autoptr(GPtrArray) cards = NULL;
  Frames frames = { NULL, 0, 0 };
  CtoWindow *window;
  CtoResponsibility *responsibility;
  CtoPerson *first;
  CtoPerson *last;
  GtkWidget *card;
  g_autofree char *load_before = NULL;
  guint covered_before;
  guint n_on_screen;
  guint first_position;
  guint n_whole = 0;

  window = cto_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  _cto_window_set_plan (window, plan, NULL);
  frames.window = window;
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), &frames);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (painted, &frames, 120);
  spin ();

  /* The plan, in words and numbers. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget_named (window, "people-count"))), ==,
                   "1000 people");
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window)), ==,
                    N_RESPONSIBILITIES);
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    assert_tile_shows (window, (CtoFunction) f);

  /* The first people, whole; only the rows and cards near the screen exist,
   * and the cards out of view have not made their chips. */
  assert_cards_on_screen_whole (window, &n_on_screen, &first_position);
  g_assert_cmpuint (n_on_screen, >, 0);
  g_assert_cmpuint (first_position, ==, 0);
  {
    g_autoptr(GPtrArray) bound = rows_of (window);

    g_assert_cmpuint (bound->len, <, 500);
  }
  cards = cards_of (window);
  g_assert_cmpuint (cards->len, <, N_PEOPLE);
  for (guint i = 0; i < cards->len; i++)
    n_whole += cto_person_card_get_details_shown (g_ptr_array_index (cards, i));
  g_assert_cmpuint (n_whole, <, cards->len);
  assert_rows_on_screen_whole (window, NULL);
  g_assert_cmpuint (frames.n_partial, ==, 0);

  /* A search makes the list anew, and what shows of it is whole. */
  search (window, "roadmap (1");
  next_frame (&frames);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window)), ==,
                    n_titles_containing (plan, "roadmap (1"));
  assert_rows_on_screen_whole (window, "roadmap (1");
  search (window, "");
  next_frame (&frames);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window)), ==,
                    N_RESPONSIBILITIES);
  assert_rows_on_screen_whole (window, NULL);

  /* An edit on a person on screen: the coverage and the card follow. */
  first = g_list_model_get_item (cto_plan_get_people (plan), 0);
  g_object_unref (first);
  card = card_of (window, first);
  g_assert_nonnull (card);
  responsibility = biggest_unassigned (window, CTO_FUNCTION_THINKER);
  covered_before = n_covered (window, CTO_FUNCTION_THINKER);
  load_before = g_strdup (label_named (card, "load"));

  g_assert_true (_cto_window_drop_responsibility (window, responsibility, first));
  next_frame (&frames);
  g_assert_cmpuint (n_covered (window, CTO_FUNCTION_THINKER), ==, covered_before + 1);
  assert_tile_shows (window, CTO_FUNCTION_THINKER);
  g_assert_true (card_of (window, first) == card);
  g_assert_cmpstr (label_named (card, "load"), !=, load_before);
  assert_card_shows (window, card, FALSE);
  if (!chip_for (card, responsibility))
    {
      GtkWidget *more = find_more_button (card);

      g_assert_nonnull (more);
      g_signal_emit_by_name (more, "clicked");
      assert_card_shows (window, card, TRUE);
    }
  g_assert_true (chip_for (card, responsibility));

  /* Undone, the card and the coverage are as before. */
  cto_history_undo (cto_plan_get_history (plan));
  next_frame (&frames);
  g_assert_cmpuint (n_covered (window, CTO_FUNCTION_THINKER), ==, covered_before);
  assert_tile_shows (window, CTO_FUNCTION_THINKER);
  g_assert_cmpstr (label_named (card, "load"), ==, load_before);
  g_assert_false (chip_for (card, responsibility));

  /* An edit on a person far out of view, then scrolling to them. */
  last = g_list_model_get_item (cto_plan_get_people (plan), N_PEOPLE - 1);
  g_object_unref (last);
  g_assert_null (card_of (window, last));
  responsibility = biggest_unassigned (window, CTO_FUNCTION_PLANNING);
  covered_before = n_covered (window, CTO_FUNCTION_PLANNING);
  g_assert_true (_cto_window_drop_responsibility (window, responsibility, last));
  next_frame (&frames);
  g_assert_cmpuint (n_covered (window, CTO_FUNCTION_PLANNING), ==, covered_before + 1);
  assert_tile_shows (window, CTO_FUNCTION_PLANNING);

  /* The middle of the board, then its end: whatever shows is whole. */
  scroll_people_to (&frames, 0.5);
  assert_cards_on_screen_whole (window, &n_on_screen, &first_position);
  g_assert_cmpuint (n_on_screen, >, 0);
  g_assert_cmpuint (first_position, >, N_PEOPLE / 4);
  g_assert_cmpuint (first_position, <, N_PEOPLE * 3 / 4);

  scroll_people_to (&frames, 1.0);
  assert_cards_on_screen_whole (window, &n_on_screen, &first_position);
  card = card_of (window, last);
  g_assert_nonnull (card);
  g_assert_true (on_screen (window, card));
  if (!chip_for (card, responsibility))
    {
      GtkWidget *more = find_more_button (card);

      g_assert_nonnull (more);
      g_signal_emit_by_name (more, "clicked");
      assert_card_shows (window, card, TRUE);
    }
  g_assert_true (chip_for (card, responsibility));

  /* Back to the top, scrolling a little at a time. */
  for (guint i = 0; i < 8; i++)
    scroll_people_to (&frames, 0.01 * (7 - i));
  assert_cards_on_screen_whole (window, &n_on_screen, &first_position);
  g_assert_cmpuint (first_position, ==, 0);

  /* Down the list of responsibilities, and back. */
  for (guint i = 0; i < 3; i++)
    {
      GtkAdjustment *adjustment =
        gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget_named (window, "responsibility-list")));

      gtk_adjustment_set_value (adjustment, i == 1 ? gtk_adjustment_get_upper (adjustment) / 2
                                                   : 300 * i);
      next_frame (&frames);
      assert_rows_on_screen_whole (window, NULL);
    }

  g_assert_cmpuint (frames.n_partial, ==, 0);

  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                        after_paint_cb, &frames);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  display_test_init (&argc, &argv, "large-board", "none");

  g_test_add_func ("/large-board/open-scroll-edit", test_large_board);

  return display_test_run ();
}
