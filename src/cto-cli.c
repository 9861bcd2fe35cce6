/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-cli"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cto-analysis.h"
#include "cto-board-pages.h"
#include "cto-cli-decide.h"
#include "cto-cli-import.h"
#include "cto-cli-private.h"
#include "cto-cli-time.h"
#include "cto-cli.h"
#include "cto-export.h"
#include "cto-plan-io.h"
#include "cto-report-summary.h"
#include "cto-terminal-text.h"

#define EXIT_REFUSED CTO_CLI_EXIT_REFUSED
#define EXIT_USAGE   CTO_CLI_EXIT_USAGE

/* Everything the command line prints about a file or a failure goes through
 * cto_terminal_text(): one line each, nothing a terminal would act on, file
 * names as given with bytes that are not UTF-8 shown as \x.. (PLAN-FORMAT.md,
 * section 8). */

/* @path as a terminal may show it. */
static char *
display_path (const char *path)
{
  return cto_terminal_text (path, -1, CTO_TERMINAL_TEXT_ONE_LINE);
}

void
_cto_cli_print_error (const char *subject,
                      const char *message)
{
  g_autoptr(GString) line = g_string_new (NULL);

  cto_terminal_text_append (line, g_get_prgname (), -1, CTO_TERMINAL_TEXT_ONE_LINE);
  if (subject != NULL)
    {
      g_string_append (line, ": ");
      cto_terminal_text_append (line, subject, -1, CTO_TERMINAL_TEXT_ONE_LINE);
    }
  g_string_append (line, ": ");
  cto_terminal_text_append (line, message, -1, CTO_TERMINAL_TEXT_ONE_LINE);
  g_string_append_c (line, '\n');
  g_printerr ("%s", line->str);
}

void
_cto_cli_print_refusal (const char   *path,
                        const GError *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, CTO_PLAN_ERROR, CTO_PLAN_ERROR_SPREADSHEET))
    /* Translators: a spreadsheet given where a plan file goes; %s is "file: a
     * spreadsheet, not a plan file". --import csv is the option, as it is. */
    message = g_strdup_printf (_("%s (--import csv makes a plan of it)"), error->message);

  _cto_cli_print_error (path, message != NULL ? message : error->message);
}

/* --as-of DATE: the plan a command reads is the plan as of that day. */
static GDate as_of_day;

CtoPlan *
_cto_cli_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  CtoPlan *plan;

  plan = cto_plan_io_load_file (file, NULL, &error);
  if (plan == NULL)
    _cto_cli_print_refusal (path, error);

  return cto_cli_time_as_of (plan, &as_of_day);
}

/* The process ends right after a check: taking a plan of tens of thousands
 * of objects apart would only delay the exit, so it is kept to the end. */
static CtoPlan *checked_plan;

static int
run_check (const char *path)
{
  CtoPlan *plan = checked_plan = _cto_cli_load (path);
  g_autofree char *shown = NULL;
  g_autofree char *people = NULL;
  g_autofree char *responsibilities = NULL;
  guint n_people;
  guint n_responsibilities;

  if (plan == NULL)
    return EXIT_REFUSED;

  n_people = g_list_model_get_n_items (cto_plan_get_people (plan));
  n_responsibilities = g_list_model_get_n_items (cto_plan_get_responsibilities (plan));
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_people),
                            n_people);
  responsibilities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u responsibility",
                                                   "%u responsibilities",
                                                   n_responsibilities),
                                      n_responsibilities);
  shown = display_path (path);
  /* Translators: "plan.json: valid plan: 6 people, 18 responsibilities" */
  g_print (_("%s: valid plan: %s, %s\n"), shown, people, responsibilities);

  return EXIT_SUCCESS;
}

static int
run_summary (const char *path,
             gboolean    json)
{
  g_autoptr(CtoPlan) plan = _cto_cli_load (path);
  g_autoptr(CtoAnalysis) analysis = NULL;
  g_autofree char *text = NULL;

  if (plan == NULL)
    return EXIT_REFUSED;

  analysis = cto_analysis_new (plan);
  text = json ? cto_report_summary_json (analysis) : cto_report_summary_text (analysis);
  return _cto_cli_print (text);
}

int
_cto_cli_print (const char *text)
{
  fputs (text, stdout);
  return fflush (stdout) == 0 ? EXIT_SUCCESS : EXIT_REFUSED;
}

static int
run_export (const char      *path,
            CtoExportFormat  format,
            const char      *output,
            const char      *baseline_path)
{
  g_autoptr(CtoPlan) plan = _cto_cli_load (path);
  g_autoptr(CtoPlan) baseline = NULL;
  g_autoptr(CtoBoardPages) pages = NULL;
  g_autoptr(CtoAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) plan_file = NULL;
  g_autoptr(GError) error = NULL;

  if (plan == NULL)
    return EXIT_REFUSED;
  /* --baseline OLD: the "Since the last plan" page (PLAN-FORMAT.md, section 7). */
  if (baseline_path != NULL && (baseline = _cto_cli_load (baseline_path)) == NULL)
    return EXIT_REFUSED;

  /* As of a day, the pages and reports show that day; the plan file and
   * the spreadsheet keep the whole plan, everyone in it, as the window's
   * export does. */
  analysis = cto_analysis_new (cto_export_format_is_data (format) ? cto_plan_get_whole (plan) : plan);
  pages = cto_board_pages_new (analysis);
  cto_board_pages_set_baseline (pages, baseline);
  file = g_file_new_for_commandline_arg (output);
  plan_file = g_file_new_for_commandline_arg (path);
  if (cto_file_is_same (file, plan_file))
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("this is the plan itself; an export would replace it"));
      _cto_cli_print_refusal (output, error);
      return EXIT_REFUSED;
    }
  /* The plan it is compared with is a plan of the user's as much. */
  if (baseline_path != NULL)
    {
      g_autoptr(GFile) baseline_file = g_file_new_for_commandline_arg (baseline_path);

      if (cto_file_is_same (file, baseline_file))
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("this is the plan of --baseline; an export would replace it"));
          _cto_cli_print_refusal (output, error);
          return EXIT_REFUSED;
        }
    }

  if (!cto_export_pages_to_file (pages, format, file, NULL, &error))
    {
      _cto_cli_print_refusal (output, error);
      return EXIT_REFUSED;
    }

  /* Not left out without a word: the user expects to see the comparison.
   * Written all the same, as PLAN-FORMAT.md section 4 refuses nothing here. */
  if (baseline != NULL && !cto_export_format_shows_baseline (format))
    _cto_cli_print_error ("--baseline",
                          _("only markdown, html, pdf, odp and pptx show what changed; "
                            "written without it"));

  return EXIT_SUCCESS;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *program = display_path (g_get_prgname ());

  _cto_cli_print_error (NULL, message);
  g_printerr (_("Try “%s --help” for more information.\n"), program);
  return EXIT_USAGE;
}

/*
 * The options that take text (an ID, a format, a date) are read as the bytes
 * given, as file names are: GLib's own message for a value that is not text
 * names no option. Here it is made UTF-8 as GLib would, or refused by name.
 */
static gboolean
text_option_to_utf8 (const char  *option,
                     char       **value,
                     char       **message)
{
  char *text;

  if (*value == NULL)
    return TRUE;

  text = g_locale_to_utf8 (*value, -1, NULL, NULL, NULL);
  if (text == NULL)
    {
      /* Translators: %s is an option of the command line, as --without */
      *message = g_strdup_printf (_("the value of %s is not valid text"), option);
      return FALSE;
    }

  g_free (*value);
  *value = text;
  return TRUE;
}

static char *
describe_formats (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < CTO_N_EXPORT_FORMATS; i++)
    {
      const char *id = cto_export_format_get_id (i);

      if (!cto_export_format_from_id (id, NULL))
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, id);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

int
cto_cli_run (int     argc,
             char  **argv,
             char ***files)
{
  static char stdout_buffer[BUFSIZ];
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *export_format = NULL;
  g_autofree char *import_format = NULL;
  const char *refused = NULL;
  g_autofree char *output = NULL;
  g_autofree char *without = NULL;
  g_autofree char *formats = NULL;
  g_autofree char *description = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *baseline = NULL;
  g_autofree char *from = NULL;
  g_autofree char *text_message = NULL;
  g_autofree char *date_message = NULL;
  gboolean timeline = FALSE;
  gboolean diff = FALSE;
  g_auto(GStrv) remaining = NULL;
  gboolean check = FALSE;
  gboolean summary = FALSE;
  gboolean json = FALSE;
  gboolean suggest = FALSE;
  gboolean version = FALSE;
  CtoExportFormat format;
  guint n_commands;
  guint n_plans;
  GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Check that PLAN is a valid plan and print its size"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary,
      N_("Print the analysis of PLAN"), NULL },
    /* Translators: the description of --json in --help; the options stay as they are */
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("With --summary, --suggest, --timeline or --diff: print JSON"), NULL },
    { "without", 0, 0, G_OPTION_ARG_FILENAME, &without,
      N_("With --summary: the plan without the person ID, as if they left"), N_("ID") },
    { "suggest", 0, 0, G_OPTION_ARG_NONE, &suggest,
      N_("Print suggestions to rebalance PLAN"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_format,
      N_("Export PLAN in FORMAT to the file given by --output"), N_("FORMAT") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_format,
      N_("Make a new plan from FILE in FORMAT (csv), written to --output"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file --export or --import writes"), N_("OUT") },
    { "as-of", 0, 0, G_OPTION_ARG_FILENAME, &as_of,
      N_("With --summary or --export (but json and csv): the plan as of DATE (YYYY-MM-DD)"), N_("DATE") },
    { "baseline", 0, 0, G_OPTION_ARG_FILENAME, &baseline,
      N_("With --export: add a page of what changed since the plan OLD"), N_("OLD") },
    { "timeline", 0, 0, G_OPTION_ARG_NONE, &timeline,
      N_("Print eight quarters of coverage as people start and leave"), NULL },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
      N_("With --timeline: start with the quarter holding DATE (YYYY-MM-DD)"), N_("DATE") },
    { "diff", 0, 0, G_OPTION_ARG_NONE, &diff,
      N_("Print what changed from the plan OLD to the plan NEW"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, N_("[PLAN…]") },
    { NULL }
  };

  g_return_val_if_fail (files != NULL, EXIT_USAGE);
  *files = NULL;

  formats = describe_formats ();
  description = g_strdup_printf (
    _("With no command, opens each PLAN in a window, or a new plan from the starter template.\n"
      "\n"
      "Commands (they need no display and never open a window):\n"
      "  --check PLAN                         validate PLAN\n"
      "  --summary PLAN                       print the analysis for people to read\n"
      "  --summary --json PLAN                print the analysis as JSON\n"
      "  --summary [--json] --without ID PLAN the analysis if person ID left\n"
      "  --suggest [--json] PLAN              suggest who could take what\n"
      "  --export FORMAT --output OUT PLAN    write PLAN as FORMAT: %s\n"
      "  --export FORMAT --baseline OLD --output OUT PLAN\n"
      "                                       the same, with what changed since OLD\n"
      "  --summary [--json] --as-of DATE PLAN the analysis of PLAN as of DATE\n"
      "  --timeline [--json] [--from DATE] PLAN\n"
      "                                       eight quarters as people start and leave\n"
      "  --diff [--json] OLD NEW              what changed from OLD to NEW\n"
      "  --import csv --output PLAN FILE      a new plan from a spreadsheet\n"
      "\n"
      "Exit status: 0 success, 1 the plan was refused or the export failed,\n"
      "2 the command line was wrong."),
    formats);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Plan who covers the technology of a small company."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (!text_option_to_utf8 ("--without", &without, &text_message) ||
      !text_option_to_utf8 ("--export", &export_format, &text_message) ||
      !text_option_to_utf8 ("--import", &import_format, &text_message) ||
      !text_option_to_utf8 ("--as-of", &as_of, &text_message) ||
      !text_option_to_utf8 ("--from", &from, &text_message))
    return usage_error (context, text_message);

  if (version)
    {
      g_print ("%s %s\n", g_get_prgname (), PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  n_commands = (check ? 1 : 0) + (summary ? 1 : 0) + (export_format ? 1 : 0) +
               (suggest ? 1 : 0) + (timeline ? 1 : 0) + (diff ? 1 : 0) +
               (import_format ? 1 : 0);
  n_plans = remaining ? g_strv_length (remaining) : 0;

  if (n_commands == 0)
    {
      if (json)
        return usage_error (context, _("--json goes with --summary, --suggest, --timeline or --diff"));
      if (without)
        return usage_error (context, _("--without goes with --summary"));
      if (output)
        return usage_error (context, _("--output goes with --export"));
      if (as_of)
        return usage_error (context, _("--as-of goes with --summary or --export"));
      if (baseline)
        return usage_error (context, _("--baseline goes with --export"));
      if (from)
        return usage_error (context, _("--from goes with --timeline"));

      *files = g_steal_pointer (&remaining);
      if (*files == NULL)
        *files = g_new0 (char *, 1);
      return -1;
    }

  if (n_commands > 1)
    return usage_error (context, _("--check, --summary, --suggest, --export, --import, "
                                   "--timeline and --diff cannot be combined"));
  if (json && !summary && !suggest && !timeline && !diff)
    return usage_error (context, _("--json goes with --summary, --suggest, --timeline or --diff"));
  if (without && !summary)
    return usage_error (context, _("--without goes with --summary"));
  if (output && !export_format && !import_format)
    return usage_error (context, _("--output goes with --export"));
  if (as_of && !summary && !export_format)
    return usage_error (context, _("--as-of goes with --summary or --export"));
  if (baseline && !export_format)
    return usage_error (context, _("--baseline goes with --export"));
  if (from && !timeline)
    return usage_error (context, _("--from goes with --timeline"));
  if (!cto_cli_time_check_date ("--as-of", as_of, &as_of_day, &date_message) ||
      !cto_cli_time_check_date ("--from", from, NULL, &date_message))
    return usage_error (context, date_message);
  if (diff && n_plans != 2)
    return usage_error (context, _("--diff needs two plans, OLD and NEW"));
  if (!diff && n_plans != 1)
    return usage_error (context, _("give exactly one PLAN"));
  /* An empty name would read or write the current folder. */
  for (guint i = 0; i < n_plans; i++)
    if (remaining[i][0] == '\0')
      return usage_error (context, _("a PLAN is an empty file name"));
  if ((output != NULL && output[0] == '\0') || (baseline != NULL && baseline[0] == '\0'))
    return usage_error (context, _("--output and --baseline need a file name, not an empty one"));
  /* A name ending in "/" names a folder; GFile would drop the "/" and read
   * or write the file of that name. */
  for (guint i = 0; i < n_plans; i++)
    if (g_str_has_suffix (remaining[i], G_DIR_SEPARATOR_S))
      return usage_error (context, _("a PLAN is a file name, which cannot end in “/”"));
  if ((output != NULL && g_str_has_suffix (output, G_DIR_SEPARATOR_S)) ||
      (baseline != NULL && g_str_has_suffix (baseline, G_DIR_SEPARATOR_S)))
    return usage_error (context, _("--output and --baseline need a file name, which cannot end in “/”"));

  /* The commands print after reading a plan, when the freed document has
   * left many small blocks behind: a buffer of stdio's own would be the first
   * large allocation and make the allocator sort them all out first. */
  setvbuf (stdout, stdout_buffer, isatty (STDOUT_FILENO) ? _IOLBF : _IOFBF, sizeof stdout_buffer);

  if (check)
    return run_check (remaining[0]);

  if (timeline)
    return cto_cli_time_timeline (remaining[0], json, from);

  if (diff)
    return cto_cli_time_diff (remaining[0], remaining[1], json);

  if (summary && without)
    return cto_cli_run_without (remaining[0], without, json);

  if (summary)
    return run_summary (remaining[0], json);

  if (suggest)
    return cto_cli_run_suggest (remaining[0], json);

  if (import_format)
    {
      if (!cto_cli_import_format_known (import_format))
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown import format “%s” (known: csv)"), import_format);
          return usage_error (context, message);
        }
      if (output == NULL)
        return usage_error (context, _("--import needs --output PLAN"));
      if (!cto_cli_import (import_format, output, remaining[0], &refused, &error))
        {
          _cto_cli_print_refusal (refused, error);
          return EXIT_REFUSED;
        }
      return EXIT_SUCCESS;
    }

  if (!cto_export_format_from_id (export_format, &format))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown export format “%s” (known: %s)"), export_format, formats);
      return usage_error (context, message);
    }
  if (output == NULL)
    return usage_error (context, _("--export needs --output OUT"));

  return run_export (remaining[0], format, output, baseline);
}
