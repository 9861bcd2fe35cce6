/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-markdown"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-report-markdown.h"
#include "cto-report-private.h"

typedef struct
{
  CtoReportWriter  writer;
  GString         *out;
  guint            n_columns;
} MarkdownWriter;

/* Plan text as literal Markdown text: every character that could open
 * emphasis, code, a link, raw HTML, an entity, a heading or a table cell is
 * escaped with a backslash; line breaks and other control characters, which
 * would end a table row or a list item, become spaces. @text always starts
 * a block, an item or a cell, so what would open a block of its own there
 * is escaped too (PLAN-FORMAT.md, section 8): a list marker ("-", "+", "1."
 * or "1)") and indentation, shown as a character reference. "#", ">", "*"
 * and "|" are escaped wherever they are. */
static void
append_escaped (GString    *out,
                const char *text)
{
  const char *p = text;
  gunichar first = g_utf8_get_char (p);

  if (first == ' ' || (first != '\0' && g_unichar_iscntrl (first)))
    {
      g_string_append (out, "&#32;");
      p = g_utf8_next_char (p);
    }
  else if (first == '-' || first == '+')
    {
      g_string_append_c (out, '\\');
      g_string_append_c (out, (char) first);
      p++;
    }
  else if (g_ascii_isdigit (first))
    {
      const char *digits = p;

      while (g_ascii_isdigit (*p) && p - digits < 9)
        p++;
      g_string_append_len (out, digits, p - digits);
      /* "1. " starts a list, "0.13" does not. */
      if ((*p == '.' || *p == ')') && (p[1] == '\0' || p[1] == ' ' || p[1] == '\t'))
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
          p++;
        }
    }

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else if (c < 0x80 && strchr ("\\`*_[]<>|#~&!", (char) c) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else
        g_string_append_unichar (out, c);
    }
}

static void
append_marked (GString       *out,
               const char    *text,
               CtoReportMark  mark)
{
  gboolean strong = mark == CTO_REPORT_MARK_STRONG || mark == CTO_REPORT_MARK_WARNING;

  /* "****" is no emphasis; neither is emphasis that opens or closes
   * beside any space, a no-break space as much as a blank. */
  if (strong)
    {
      const char *start = text;
      const char *end = text + strlen (text);
      g_autofree char *stripped = NULL;

      while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
      if (end == start)
        return;

      stripped = g_strndup (start, end - start);
      g_string_append (out, "**");
      append_escaped (out, stripped);
      g_string_append (out, "**");
      return;
    }

  append_escaped (out, text);
}

static void
md_title (CtoReportWriter *writer,
          const char      *title,
          const char      *subtitle)
{
  MarkdownWriter *self = (MarkdownWriter *) writer;

  g_string_append (self->out, "# ");
  append_escaped (self->out, title);
  g_string_append (self->out, "\n\n");
  append_escaped (self->out, subtitle);
  g_string_append (self->out, "\n\n");
}

static void
md_heading (CtoReportWriter *writer,
            guint            level,
            const char      *text)
{
  MarkdownWriter *self = (MarkdownWriter *) writer;

  for (guint i = 0; i < CLAMP (level, 1, 6); i++)
    g_string_append_c (self->out, '#');
  g_string_append_c (self->out, ' ');
  append_escaped (self->out, text);
  g_string_append (self->out, "\n\n");
}

static void
md_paragraph (CtoReportWriter *writer,
              const char      *text,
              CtoReportMark    mark)
{
  MarkdownWriter *self = (MarkdownWriter *) writer;

  append_marked (self->out, text, mark);
  g_string_append (self->out, "\n\n");
}

static void
md_table_begin (CtoReportWriter       *writer,
                const CtoReportColumn *columns,
                guint                  n_columns,
                gboolean               row_headers)
{
  MarkdownWriter *self = (MarkdownWriter *) writer;

  self->n_columns = n_columns;

  g_string_append (self->out, "|");
  for (guint i = 0; i < n_columns; i++)
    {
      g_string_append_c (self->out, ' ');
      append_escaped (self->out, columns[i].title);
      g_string_append (self->out, " |");
    }
  g_string_append (self->out, "\n|");
  for (guint i = 0; i < n_columns; i++)
    g_string_append (self->out, columns[i].numeric ? " ---: |" : " --- |");
  g_string_append_c (self->out, '\n');
}

static void
md_table_row (CtoReportWriter     *writer,
              const CtoReportCell *cells)
{
  MarkdownWriter *self = (MarkdownWriter *) writer;

  g_string_append (self->out, "|");
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_string_append_c (self->out, ' ');
      append_marked (self->out, cells[i].text != NULL ? cells[i].text : "", cells[i].mark);
      g_string_append (self->out, " |");
    }
  g_string_append_c (self->out, '\n');
}

static void
md_table_end (CtoReportWriter *writer)
{
  MarkdownWriter *self = (MarkdownWriter *) writer;

  g_string_append_c (self->out, '\n');
}

static void
md_list_begin (CtoReportWriter *writer)
{
}

static void
md_list_item (CtoReportWriter *writer,
              const char      *text)
{
  MarkdownWriter *self = (MarkdownWriter *) writer;

  g_string_append (self->out, "- ");
  append_escaped (self->out, text);
  g_string_append_c (self->out, '\n');
}

static void
md_list_end (CtoReportWriter *writer)
{
  MarkdownWriter *self = (MarkdownWriter *) writer;

  g_string_append_c (self->out, '\n');
}

char *
cto_report_markdown_with_baseline (CtoAnalysis *analysis,
                                   CtoPlan     *baseline,
                                   GDateTime   *date,
                                   gsize       *length)
{
  MarkdownWriter self = {
    .writer = {
      .title = md_title,
      .heading = md_heading,
      .paragraph = md_paragraph,
      .table_begin = md_table_begin,
      .table_row = md_table_row,
      .table_end = md_table_end,
      .list_begin = md_list_begin,
      .list_item = md_list_item,
      .list_end = md_list_end,
      .isolate = FALSE,
    },
  };

  g_return_val_if_fail (CTO_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (baseline == NULL || CTO_IS_PLAN (baseline), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  self.out = g_string_new (NULL);
  _cto_report_write_document (analysis, date, baseline, &self.writer);

  /* One trailing newline. */
  while (self.out->len > 1 && self.out->str[self.out->len - 1] == '\n' &&
         self.out->str[self.out->len - 2] == '\n')
    g_string_truncate (self.out, self.out->len - 1);

  if (length != NULL)
    *length = self.out->len;

  return g_string_free (self.out, FALSE);
}

char *
cto_report_markdown (CtoAnalysis *analysis,
                     GDateTime   *date,
                     gsize       *length)
{
  return cto_report_markdown_with_baseline (analysis, NULL, date, length);
}
