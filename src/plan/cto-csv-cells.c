/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-csv-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cto-csv-cells-private.h"
#include "cto-csv-reader.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"
#include "cto-text-private.h"

/*
 * A spreadsheet's cells read as a plan's values (PLAN-FORMAT.md, section
 * 9), for the import (cto-csv-import.c): the rules of the format for
 * numbers, functions by id or name, ids cut and made unique.
 */

#define MIN_NONZERO_NUMBER 0.01

/* One leading ' goes: it kept the cell from being read as a formula. */
void
_cto_csv_defuse_cells (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      char *cell = g_ptr_array_index (cells, i);

      if (cell[0] == '\'')
        memmove (cell, cell + 1, strlen (cell));
    }
}

const char *
_cto_csv_cell_at (GPtrArray *cells,
                  int        column)
{
  if (column < 0 || (guint) column >= cells->len)
    return "";

  return g_ptr_array_index (cells, column);
}

/* The rules of the plan format for a number, the text being one. */
gboolean
_cto_csv_check_number (const char        *text,
                       char               separator,
                       CtoCsvNumberRule   rule,
                       double            *value,
                       char             **what)
{
  if (!cto_csv_parse_number (text, separator, value))
    {
      *what = g_strdup (_("not a number"));
      return FALSE;
    }

  if (*value < 0 || (rule == CTO_CSV_NUMBER_POSITIVE && *value == 0))
    {
      *what = g_strdup (rule == CTO_CSV_NUMBER_POSITIVE ? _("must be greater than 0")
                                                        : _("must be 0 or greater"));
      return FALSE;
    }

  if (!isfinite (*value) || *value > CTO_PLAN_MAX_NUMBER)
    {
      g_autofree char *limit = cto_format_json_number (CTO_PLAN_MAX_NUMBER);

      *what = g_strdup_printf (_("must be at most %s"), limit);
      return FALSE;
    }

  if (*value != 0 && *value < MIN_NONZERO_NUMBER)
    {
      g_autofree char *least = cto_format_json_number (MIN_NONZERO_NUMBER);

      *what = g_strdup_printf (_("must be 0 or at least %s"), least);
      return FALSE;
    }

  return TRUE;
}

void
_cto_csv_function_keys_init (CtoCsvFunctionKeys *keys)
{
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      keys->keys[f][0] = _cto_text_casefold (cto_function_get_id (f));
      keys->keys[f][1] = _cto_text_casefold (cto_function_get_untranslated_name (f));
      keys->keys[f][2] = _cto_text_casefold (cto_function_get_name (f));
    }
}

void
_cto_csv_function_keys_clear (CtoCsvFunctionKeys *keys)
{
  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    for (guint i = 0; i < G_N_ELEMENTS (keys->keys[f]); i++)
      g_clear_pointer (&keys->keys[f][i], g_free);
}

/* By id or by name, English or translated, in any letter case. */
gboolean
_cto_csv_parse_function (const CtoCsvFunctionKeys *keys,
                         const char               *text,
                         CtoFunction              *function)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *wanted = _cto_text_casefold (stripped);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (keys->keys[f]); i++)
        {
          if (strcmp (wanted, keys->keys[f][i]) == 0)
            {
              *function = f;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* The longest start of @value of at most @max bytes that ends between characters. */
static char *
cut_at_character (const char *value,
                  gsize       max)
{
  gsize length = strlen (value);

  if (length <= max)
    return g_strdup (value);

  length = max;
  while (length > 0 && (value[length] & 0xc0) == 0x80)
    length--;

  return g_strndup (value, length);
}

/* @value cut to an id's length, and made unique among @taken with -2, -3, …;
 * the id is added to @taken. */
char *
_cto_csv_make_unique_id (const char *value,
                         GHashTable *taken)
{
  char *id = cut_at_character (value, CTO_PLAN_MAX_ID_LENGTH);

  for (guint n = 2; g_hash_table_contains (taken, id); n++)
    {
      char suffix[16];
      g_autofree char *base = NULL;

      g_snprintf (suffix, sizeof suffix, "-%u", n);
      base = cut_at_character (value, CTO_PLAN_MAX_ID_LENGTH - strlen (suffix));
      g_free (id);
      id = g_strconcat (base, suffix, NULL);
    }

  g_hash_table_add (taken, id);

  return g_strdup (id);
}

char *
_cto_csv_function_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint f = 0; f < CTO_N_FUNCTIONS; f++)
    /* Translators: between the names of a list */
    g_string_append_printf (names, "%s%s", f > 0 ? _(", ") : "", cto_function_get_name (f));

  return g_string_free (names, FALSE);
}
