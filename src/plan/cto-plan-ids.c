/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan"

#include "config.h"

#include "cto-plan.h"

/* Fresh ids for people and responsibilities, made from their names. */

static gboolean
is_taken (CtoPlan    *plan,
          gboolean    person,
          const char *id)
{
  return person ? cto_plan_find_person (plan, id) != NULL
                : cto_plan_find_responsibility (plan, id) != NULL;
}

/* @text as a slug of at most 64 ASCII letters, digits and dashes, made
 * unique with -2, -3… */
static char *
make_id (CtoPlan    *plan,
         gboolean    person,
         const char *text,
         const char *fallback)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");
  g_autoptr(GString) slug = g_string_new (NULL);
  char *id;

  for (const char *p = ascii; *p != '\0' && slug->len < 64; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    g_string_assign (slug, fallback);

  if (!is_taken (plan, person, slug->str))
    return g_string_free (g_steal_pointer (&slug), FALSE);

  for (guint n = 2; ; n++)
    {
      id = g_strdup_printf ("%s-%u", slug->str, n);
      if (!is_taken (plan, person, id))
        return id;
      g_free (id);
    }
}

char *
cto_plan_make_person_id (CtoPlan    *self,
                         const char *name)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  return make_id (self, TRUE, name, "person");
}

char *
cto_plan_make_responsibility_id (CtoPlan    *self,
                                 const char *title)
{
  g_return_val_if_fail (CTO_IS_PLAN (self), NULL);

  return make_id (self, FALSE, title, "responsibility");
}
