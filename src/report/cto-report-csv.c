/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-report-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-plan-io.h"
#include "cto-report-csv.h"

/* Whether a spreadsheet could take @value for a formula (PLAN-FORMAT.md,
 * section 8): its first character after any leading white space or
 * invisible character starts one, in ASCII or full width, or is a tab or a
 * carriage return. A value that starts with "'" is marked too, so that
 * reading it back removes exactly the one mark that was added. */
static gboolean
needs_defusing (const char *value)
{
  if (value[0] == '\'')
    return TRUE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      switch (g_utf8_get_char (p))
        {
        case '=': case '+': case '-': case '@': case '\t': case '\r':
        case 0xff1d: case 0xff0b: case 0xff0d: case 0xff20:  /* ＝ ＋ － ＠ */
          return TRUE;

        case ' ': case 0x00a0: case 0x3000: case 0x200b: case 0xfeff:
          continue;

        default:
          return FALSE;
        }
    }

  return FALSE;
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  gboolean defuse = needs_defusing (value);
  gboolean quote = strpbrk (value, ",\"\r\n") != NULL;

  if (!first)
    g_string_append_c (out, ',');

  if (quote)
    g_string_append_c (out, '"');
  if (defuse)
    g_string_append_c (out, '\'');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }

  if (quote)
    g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               double   value)
{
  g_autofree char *text = cto_format_json_number (value);

  append_field (out, text, FALSE);
}

char *
cto_report_csv (CtoPlan *plan,
                gsize   *length)
{
  GListModel *responsibilities;
  guint n_responsibilities;
  guint n_pairs = 1;
  GString *out;

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);

  responsibilities = cto_plan_get_responsibilities (plan);
  n_responsibilities = g_list_model_get_n_items (responsibilities);
  out = g_string_new (NULL);

  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      n_pairs = MAX (n_pairs, cto_responsibility_get_n_assignees (responsibility));
    }

  /* Column names are for programs as much as for people: not translated. */
  g_string_append (out, "id,title,function,effort,description,accountable");
  for (guint k = 1; k <= n_pairs; k++)
    g_string_append_printf (out, ",person_%u,share_%u", k, k);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);
      guint n_assignees = cto_responsibility_get_n_assignees (responsibility);
      const char *accountable = cto_responsibility_get_accountable (responsibility);

      append_field (out, cto_responsibility_get_id (responsibility), TRUE);
      append_field (out, cto_responsibility_get_title (responsibility), FALSE);
      append_field (out, cto_function_get_id (cto_responsibility_get_function (responsibility)), FALSE);
      append_number (out, cto_responsibility_get_effort (responsibility));
      append_field (out, cto_responsibility_get_description (responsibility), FALSE);
      append_field (out, accountable != NULL ? accountable : "", FALSE);

      for (guint k = 0; k < n_pairs; k++)
        {
          if (k < n_assignees)
            {
              const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, k);

              append_field (out, assignment->person, FALSE);
              append_number (out, assignment->share);
            }
          else
            {
              g_string_append (out, ",,");
            }
        }
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
