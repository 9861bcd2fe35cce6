/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-html"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-report-html.h"
#include "cto-report-private.h"

#define MAX_COLUMNS 8

typedef struct
{
  CtoReportWriter  writer;
  GString         *out;
  guint            n_columns;
  gboolean         row_headers;
  gboolean         numeric[MAX_COLUMNS];
} HtmlWriter;

static const char style_sheet[] =
  "body{margin:0;background:#f4f5f7;color:#1d2433;"
  "font:15px/1.45 Cantarell,'Segoe UI',system-ui,sans-serif}"
  "main{max-width:72rem;margin:0 auto;padding:2rem 2.5rem 3rem;background:#fff}"
  "h1{font-size:2rem;margin:0 0 .25rem}"
  "h2{font-size:1.35rem;margin:2.5rem 0 .75rem;padding-bottom:.3rem;border-bottom:2px solid #2f4b6e}"
  "h3{font-size:1.05rem;margin:1.5rem 0 .5rem}"
  ".subtitle{color:#5b6475;margin:0 0 1rem}"
  "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}"
  "th,td{text-align:start;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid #d5d9e0;"
  "overflow-wrap:anywhere}"
  "thead th{background:#eef1f5;border-bottom:2px solid #b9c0cc;font-weight:600}"
  "tbody th{font-weight:600;white-space:nowrap}"
  "tbody tr:nth-child(even){background:#f8f9fb}"
  ".num{text-align:end;white-space:nowrap;font-variant-numeric:tabular-nums}"
  ".warn{color:#9b1c1c;font-weight:700}"
  ".good{color:#1e5e3a}"
  "strong{font-weight:700}"
  "ul{padding-inline-start:1.4rem}"
  "@media print{body{background:#fff}main{max-width:none;padding:0}"
  "h2{break-before:page}table{font-size:9pt}tr{break-inside:avoid}}";

/* Plan text as HTML text: markup characters as references, control
 * characters (which HTML does not allow as text) as spaces. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        case '\n':
        case '\t':
          g_string_append_c (out, (char) c);
          break;
        default:
          if (g_unichar_iscntrl (c))
            g_string_append_c (out, ' ');
          else
            g_string_append_unichar (out, c);
        }
    }
}

static void
append_marked (GString       *out,
               const char    *text,
               CtoReportMark  mark)
{
  switch (mark)
    {
    case CTO_REPORT_MARK_STRONG:
      g_string_append (out, "<strong>");
      append_escaped (out, text);
      g_string_append (out, "</strong>");
      break;
    case CTO_REPORT_MARK_WARNING:
      g_string_append (out, "<strong class=\"warn\">");
      append_escaped (out, text);
      g_string_append (out, "</strong>");
      break;
    case CTO_REPORT_MARK_GOOD:
      g_string_append (out, "<span class=\"good\">");
      append_escaped (out, text);
      g_string_append (out, "</span>");
      break;
    case CTO_REPORT_MARK_NONE:
    default:
      append_escaped (out, text);
    }
}

static void
html_title (CtoReportWriter *writer,
            const char      *title,
            const char      *subtitle)
{
  HtmlWriter *self = (HtmlWriter *) writer;

  g_string_append (self->out, "<header>\n<h1>");
  append_escaped (self->out, title);
  g_string_append (self->out, "</h1>\n<p class=\"subtitle\">");
  append_escaped (self->out, subtitle);
  g_string_append (self->out, "</p>\n</header>\n");
}

static void
html_heading (CtoReportWriter *writer,
              guint            level,
              const char      *text)
{
  HtmlWriter *self = (HtmlWriter *) writer;
  guint n = CLAMP (level, 1, 6);

  g_string_append_printf (self->out, "<h%u>", n);
  append_escaped (self->out, text);
  g_string_append_printf (self->out, "</h%u>\n", n);
}

static void
html_paragraph (CtoReportWriter *writer,
                const char      *text,
                CtoReportMark    mark)
{
  HtmlWriter *self = (HtmlWriter *) writer;

  g_string_append (self->out, "<p>");
  append_marked (self->out, text, mark);
  g_string_append (self->out, "</p>\n");
}

static void
html_table_begin (CtoReportWriter       *writer,
                  const CtoReportColumn *columns,
                  guint                  n_columns,
                  gboolean               row_headers)
{
  HtmlWriter *self = (HtmlWriter *) writer;

  g_assert (n_columns <= MAX_COLUMNS);

  self->n_columns = n_columns;
  self->row_headers = row_headers;

  g_string_append (self->out, "<table>\n<thead><tr>");
  for (guint i = 0; i < n_columns; i++)
    {
      self->numeric[i] = columns[i].numeric;
      g_string_append (self->out, columns[i].numeric ? "<th scope=\"col\" class=\"num\">"
                                                     : "<th scope=\"col\">");
      append_escaped (self->out, columns[i].title);
      g_string_append (self->out, "</th>");
    }
  g_string_append (self->out, "</tr></thead>\n<tbody>\n");
}

static void
html_table_row (CtoReportWriter     *writer,
                const CtoReportCell *cells)
{
  HtmlWriter *self = (HtmlWriter *) writer;

  g_string_append (self->out, "<tr>");
  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *text = cells[i].text != NULL ? cells[i].text : "";
      const char *tag = i == 0 && self->row_headers ? "th" : "td";

      if (i == 0 && self->row_headers)
        g_string_append (self->out, "<th scope=\"row\"");
      else
        g_string_append (self->out, "<td");
      if (self->numeric[i])
        g_string_append (self->out, " class=\"num\"");
      if (cells[i].indent > 0)
        {
          char length[G_ASCII_DTOSTR_BUF_SIZE];

          /* CSS wants a point for a decimal separator, whatever the locale. */
          g_ascii_formatd (length, sizeof length, "%.1f", 0.6 + 1.25 * MIN (cells[i].indent, 12));
          g_string_append_printf (self->out, " style=\"padding-inline-start:%srem\"", length);
        }
      g_string_append_c (self->out, '>');
      append_marked (self->out, text, cells[i].mark);
      g_string_append_printf (self->out, "</%s>", tag);
    }
  g_string_append (self->out, "</tr>\n");
}

static void
html_table_end (CtoReportWriter *writer)
{
  HtmlWriter *self = (HtmlWriter *) writer;

  g_string_append (self->out, "</tbody>\n</table>\n");
}

static void
html_list_begin (CtoReportWriter *writer)
{
  HtmlWriter *self = (HtmlWriter *) writer;

  g_string_append (self->out, "<ul>\n");
}

static void
html_list_item (CtoReportWriter *writer,
                const char      *text)
{
  HtmlWriter *self = (HtmlWriter *) writer;

  g_string_append (self->out, "<li>");
  append_escaped (self->out, text);
  g_string_append (self->out, "</li>\n");
}

static void
html_list_end (CtoReportWriter *writer)
{
  HtmlWriter *self = (HtmlWriter *) writer;

  g_string_append (self->out, "</ul>\n");
}

/* The language of the words around the plan's text, as a BCP 47 tag. */
static char *
document_language (void)
{
  const char * const *names = g_get_language_names ();
  g_autofree char *tag = NULL;
  char *cut;

  if (names[0] == NULL || strcmp (names[0], "C") == 0 || strcmp (names[0], "POSIX") == 0 ||
      g_str_has_prefix (names[0], "C."))
    return g_strdup ("en");

  tag = g_strdup (names[0]);
  cut = strpbrk (tag, ".@");
  if (cut != NULL)
    *cut = '\0';
  for (char *p = tag; *p != '\0'; p++)
    {
      if (*p == '_')
        *p = '-';
      else if (!g_ascii_isalnum (*p))
        return g_strdup ("en");
    }

  return *tag != '\0' ? g_steal_pointer (&tag) : g_strdup ("en");
}

char *
cto_report_html_with_baseline (CtoAnalysis *analysis,
                               CtoPlan     *baseline,
                               GDateTime   *date,
                               gsize       *length)
{
  HtmlWriter self = {
    .writer = {
      .title = html_title,
      .heading = html_heading,
      .paragraph = html_paragraph,
      .table_begin = html_table_begin,
      .table_row = html_table_row,
      .table_end = html_table_end,
      .list_begin = html_list_begin,
      .list_item = html_list_item,
      .list_end = html_list_end,
      .isolate = TRUE,
    },
  };
  g_autofree char *language = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (baseline == NULL || CTO_IS_PLAN (baseline), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  language = document_language ();
  subtitle = _cto_report_subtitle (date);

  self.out = g_string_new (NULL);
  g_string_append_printf (self.out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n", language);
  g_string_append (self.out,
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                   "<meta name=\"generator\" content=\"CTO Planner\">\n"
                   "<title>");
  append_escaped (self.out, cto_plan_get_title (cto_analysis_get_plan (analysis)));
  g_string_append (self.out, " — ");
  append_escaped (self.out, subtitle);
  g_string_append (self.out, "</title>\n<style>");
  g_string_append (self.out, style_sheet);
  g_string_append (self.out, "</style>\n</head>\n<body>\n<main>\n");

  _cto_report_write_document (analysis, date, baseline, &self.writer);

  g_string_append (self.out, "</main>\n</body>\n</html>\n");

  if (length != NULL)
    *length = self.out->len;

  return g_string_free (self.out, FALSE);
}

char *
cto_report_html (CtoAnalysis *analysis,
                 GDateTime   *date,
                 gsize       *length)
{
  return cto_report_html_with_baseline (analysis, NULL, date, length);
}
