/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cto-report-key-person-private.h"

const char *
_cto_report_heading_key_person (void)
{
  return _("Key-person risk");
}

const char *
_cto_report_key_person_intro (void)
{
  return _("What the plan would lose if each person left, worst first");
}

const char *
_cto_report_key_person_nobody (CtoAnalysis *analysis)
{
  if (cto_analysis_get_n_people (analysis) == 0)
    return _("Nobody is in the plan yet.");

  return _("Nobody in the plan but open roles.");
}

char *
_cto_report_key_person_name (CtoDeparture *departure)
{
  /* Standing alone, a name needs no isolates. */
  return g_strdup (cto_person_get_name (cto_departure_get_person (departure)));
}

char *
_cto_report_key_person_hours (CtoDeparture *departure)
{
  g_autofree char *hours = cto_report_format_hours (cto_departure_get_hours (departure));

  /* Translators: the hours a person carries, "16 h a week" */
  return g_strdup_printf (_("%s a week"), hours);
}

static char *
titles (GPtrArray *responsibilities,
        gboolean   isolate)
{
  GString *out = g_string_new (NULL);
  guint n = MIN (responsibilities->len, CTO_REPORT_KEY_PERSON_MAX_TITLES);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = _cto_report_isolate (cto_responsibility_get_title (g_ptr_array_index (responsibilities, i)),
                                                    isolate);

      if (i > 0)
        g_string_append (out, _(", "));
      /* Translators: a responsibility's title quoted in a sentence */
      g_string_append_printf (out, _("“%s”"), title);
    }

  if (responsibilities->len > n)
    {
      guint more = responsibilities->len - n;

      /* Translators: the end of a list too long to show whole, "“A”, “B” and 4 more" */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", more), more);
    }

  return g_string_free (out, FALSE);
}

char *
_cto_report_key_person_left (CtoDeparture *departure,
                             gboolean      isolate)
{
  GPtrArray *left = cto_departure_get_left_unassigned (departure);
  g_autofree char *list = NULL;

  if (left->len == 0)
    return NULL;

  list = titles (left, isolate);
  /* Translators: the responsibilities nobody would carry, "Left unassigned: “Run the cloud”" */
  return g_strdup_printf (_("Left unassigned: %s"), list);
}

char *
_cto_report_key_person_accountable (CtoDeparture *departure,
                                    gboolean      isolate)
{
  GPtrArray *lost = cto_departure_get_left_without_accountable (departure);
  g_autofree char *list = NULL;

  if (lost->len == 0)
    return NULL;

  list = titles (lost, isolate);
  /* Translators: responsibilities that two or more would still share, with
   * no one accountable, "No one accountable for: “Security reviews”" */
  return g_strdup_printf (_("No one accountable for: %s"), list);
}

static char *
status_text (CtoCoverage status,
             gboolean    glyph)
{
  if (!glyph)
    return g_strdup (cto_coverage_get_name (status));

  /* Translators: a status shape and its words, "● Covered" */
  return g_strdup_printf (_("%s %s"), _cto_report_status_glyph (status), cto_coverage_get_name (status));
}

char *
_cto_report_key_person_function (const CtoDepartureFunction *function,
                                 gboolean                    glyphs)
{
  const char *name = cto_function_get_name (function->function);
  g_autofree char *before = status_text (function->status_before, glyphs);
  g_autofree char *after = status_text (function->status_after, glyphs);

  if (function->status_after != function->status_before)
    /* Translators: how a function drops when a person leaves,
     * "Planning: Covered → Partly covered, bus factor 2 → 1" */
    return g_strdup_printf (_("%s: %s → %s, bus factor %u → %u"), name, before, after,
                            function->bus_factor_before, function->bus_factor_after);

  /* Translators: a function that keeps its status when a person leaves,
   * "Planning: stays Covered, bus factor 2 → 1" */
  return g_strdup_printf (_("%s: stays %s, bus factor %u → %u"), name, after,
                          function->bus_factor_before, function->bus_factor_after);
}

char *
_cto_report_key_person_others (guint    n_others,
                               gboolean everybody)
{
  if (everybody)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Nothing would be left uncovered if the %u person left",
                                         "Nothing would be left uncovered if any of the %u people left",
                                         n_others),
                            n_others);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u other: nothing would be left uncovered",
                                       "%u others: nothing would be left uncovered",
                                       n_others),
                          n_others);
}

char *
_cto_report_key_person_other (CtoDeparture *departure,
                              gboolean      isolate)
{
  g_autofree char *name = _cto_report_isolate (cto_person_get_name (cto_departure_get_person (departure)),
                                               isolate);
  g_autofree char *hours = cto_report_format_hours (cto_departure_get_hours (departure));

  /* Translators: a person and their hours, "Ana Pérez (8 h)" */
  return g_strdup_printf (_("%s (%s)"), name, hours);
}

static void
append_line (GString    *out,
             const char *line)
{
  if (line == NULL)
    return;
  if (out->len > 0)
    g_string_append (out, "; ");
  g_string_append (out, line);
}

/**
 * _cto_report_write_key_person:
 *
 * Writes the key-person risk as the board page shows it: a row for each
 * person whose leaving would leave something uncovered, worst first, then
 * the others in one list.
 */
void
_cto_report_write_key_person (CtoAnalysis     *analysis,
                              CtoReportWriter *w)
{
  const CtoReportColumn columns[] = {
    { _("Person"), FALSE },
    { _("Hours a week"), TRUE },
    { _("If they left"), FALSE },
    { _("Functions that drop"), FALSE },
  };
  g_autoptr(GPtrArray) departures = cto_key_people_new (analysis);
  guint n_at_risk = 0;

  w->heading (w, 2, _cto_report_heading_key_person ());
  if (departures->len == 0)
    {
      w->paragraph (w, _cto_report_key_person_nobody (analysis), CTO_REPORT_MARK_NONE);
      return;
    }
  w->paragraph (w, _cto_report_key_person_intro (), CTO_REPORT_MARK_NONE);

  for (guint i = 0; i < departures->len; i++)
    {
      CtoDeparture *departure = g_ptr_array_index (departures, i);
      CtoReportCell cells[G_N_ELEMENTS (columns)] = { { NULL } };
      g_autofree char *name = NULL;
      g_autofree char *hours = NULL;
      g_autofree char *left = NULL;
      g_autofree char *accountable = NULL;
      g_autoptr(GString) lost = g_string_new (NULL);
      g_autoptr(GString) functions = g_string_new (NULL);

      if (!cto_key_people_is_at_risk (departure))
        continue;
      if (n_at_risk++ == 0)
        w->table_begin (w, columns, G_N_ELEMENTS (columns), TRUE);

      name = _cto_report_key_person_name (departure);
      hours = cto_report_format_hours (cto_departure_get_hours (departure));
      left = _cto_report_key_person_left (departure, w->isolate);
      accountable = _cto_report_key_person_accountable (departure, w->isolate);
      append_line (lost, left);
      append_line (lost, accountable);
      for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
        {
          const CtoDepartureFunction *function = cto_departure_get_function (departure, (CtoFunction) f);
          g_autofree char *line = NULL;

          if (!cto_key_people_function_drops (function))
            continue;
          line = _cto_report_key_person_function (function, TRUE);
          append_line (functions, line);
        }

      cells[0].text = name;
      cells[0].mark = CTO_REPORT_MARK_STRONG;
      cells[1].text = hours;
      cells[2].text = lost->str;
      cells[2].mark = lost->len > 0 ? CTO_REPORT_MARK_WARNING : CTO_REPORT_MARK_NONE;
      cells[3].text = functions->str;
      w->table_row (w, cells);
    }
  if (n_at_risk > 0)
    w->table_end (w);

  if (n_at_risk < departures->len)
    {
      g_autofree char *others = _cto_report_key_person_others (departures->len - n_at_risk, n_at_risk == 0);

      w->heading (w, 3, others);
      w->list_begin (w);
      for (guint i = 0; i < departures->len; i++)
        {
          CtoDeparture *departure = g_ptr_array_index (departures, i);
          g_autofree char *line = NULL;

          if (cto_key_people_is_at_risk (departure))
            continue;
          line = _cto_report_key_person_other (departure, w->isolate);
          w->list_item (w, line);
        }
      w->list_end (w);
    }
}
