/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cto-date.h"
#include "cto-plan-io-private.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"

/* Reading the members of one object of a plan file: finding the known ones,
 * reading each by its rule, keeping the unknown ones (PLAN-FORMAT.md,
 * section 2). The reader (cto-plan-reader.c) says which object has which. */

gboolean
_cto_plan_find_members (const CtoPlanNode      *node,
                        const CtoPlanLocation  *location,
                        const char * const     *names,
                        guint                   n_names,
                        CtoPlanMembers         *members,
                        GError                **error)
{
  g_assert (n_names <= CTO_PLAN_MAX_KNOWN_MEMBERS);

  if (node->kind != CTO_PLAN_NODE_OBJECT)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, location, _("expected an object"));
      return FALSE;
    }

  members->object = node;
  members->names = names;
  members->n_names = n_names;
  members->location = location;
  members->n_unknown = 0;
  memset (members->nodes, 0, sizeof members->nodes);

  /* Without a lookup per name; the order only matters for the unknown
   * members, which collect_extras() takes in file order. */
  for (guint m = 0; m < node->length; m++)
    {
      const char *name = node->members[m].name;
      guint i;

      for (i = 0; i < n_names; i++)
        {
          if (name[0] == names[i][0] && strcmp (name, names[i]) == 0)
            break;
        }

      if (i < n_names)
        members->nodes[i] = &node->members[m].value;
      else
        members->n_unknown++;
    }

  return TRUE;
}

gboolean
_cto_plan_is_string (const CtoPlanNode *node)
{
  return node->kind == CTO_PLAN_NODE_STRING;
}

static gboolean
is_number (const CtoPlanNode *node,
           double            *value)
{
  if (node->kind != CTO_PLAN_NODE_INT && node->kind != CTO_PLAN_NODE_NUMBER)
    return FALSE;

  *value = _cto_plan_node_get_number (node);
  return TRUE;
}

/* A number past the largest double, such as 1e999: no member the format
 * names takes one. */
static gboolean
check_finite (double                  value,
              const CtoPlanLocation  *location,
              GError                **error)
{
  if (!isfinite (value))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, location, _("must be a finite number"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_cto_plan_missing_member (const CtoPlanLocation  *container,
                          const char             *name,
                          int                     code,
                          GError                **error)
{
  _cto_plan_set_error_at (error, code, container, _("missing required member \"%s\""), name);
  return FALSE;
}

gboolean
_cto_plan_read_string (const CtoPlanMembers  *members,
                       guint                  member,
                       CtoPlanStringRule      rule,
                       const char            *fallback,
                       const char           **value,
                       GError               **error)
{
  const CtoPlanNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };
  gsize length;

  if (node == NULL)
    {
      if (rule != CTO_PLAN_STRING_OPTIONAL)
        return _cto_plan_missing_member (members->location, members->names[member],
                               CTO_PLAN_ERROR_INVALID, error);
      *value = fallback;
      return TRUE;
    }

  if (!_cto_plan_is_string (node))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected a string"));
      return FALSE;
    }

  *value = node->string;
  if (rule == CTO_PLAN_STRING_OPTIONAL)
    return TRUE;

  length = node->length;
  if (length == 0)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must not be empty"));
      return FALSE;
    }

  if (rule == CTO_PLAN_STRING_ID && length > CTO_PLAN_MAX_ID_LENGTH)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                    _("must be at most %d bytes long"), CTO_PLAN_MAX_ID_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* A date "YYYY-MM-DD" or null; @date is left cleared when there is none. */
gboolean
_cto_plan_read_date (const CtoPlanMembers  *members,
                     guint                  member,
                     GDate                 *date,
                     GError               **error)
{
  const CtoPlanNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };

  g_date_clear (date, 1);
  if (node == NULL || node->kind == CTO_PLAN_NODE_NULL)
    return TRUE;

  if (!_cto_plan_is_string (node))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                    _("expected a date (YYYY-MM-DD) or null"));
      return FALSE;
    }

  if (!cto_date_parse (node->string, date))
    {
      g_autofree char *quoted = _cto_plan_quote_value (node->string);

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                    _("%s is not a real day in the form YYYY-MM-DD"), quoted);
      return FALSE;
    }

  return TRUE;
}

gboolean
_cto_plan_read_number (const CtoPlanMembers  *members,
                       guint                  member,
                       CtoPlanNumberRule      rule,
                       double                 fallback,
                       double                *value,
                       GError               **error)
{
  const CtoPlanNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };

  if (node == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  if (!is_number (node, value))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected a number"));
      return FALSE;
    }

  /* Every figure derived from a member named in the format stays finite:
   * 0, or from CTO_PLAN_MIN_NUMBER to CTO_PLAN_MAX_NUMBER. */
  if (!check_finite (*value, &location, error))
    return FALSE;

  if (*value > CTO_PLAN_MAX_NUMBER)
    {
      g_autofree char *limit = cto_format_json_number (CTO_PLAN_MAX_NUMBER);

      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be at most %s"),
                              limit);
      return FALSE;
    }

  if (rule == CTO_PLAN_NUMBER_POSITIVE && !(*value > 0))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be greater than 0"));
      return FALSE;
    }

  if (rule == CTO_PLAN_NUMBER_NON_NEGATIVE && !(*value >= 0))
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be 0 or greater"));
      return FALSE;
    }

  if (!cto_plan_number_is_valid (*value, rule == CTO_PLAN_NUMBER_POSITIVE))
    {
      g_autofree char *limit = cto_format_json_number (CTO_PLAN_MIN_NUMBER);

      if (rule == CTO_PLAN_NUMBER_POSITIVE)
        _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("must be at least %s"),
                                limit);
      else
        _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location,
                                _("must be 0 or at least %s"), limit);
      return FALSE;
    }

  return TRUE;
}

gboolean
_cto_plan_read_boolean (const CtoPlanMembers  *members,
                        guint                  member,
                        gboolean              *value,
                        GError               **error)
{
  const CtoPlanNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };

  if (node == NULL)
    {
      *value = FALSE;
      return TRUE;
    }

  if (node->kind != CTO_PLAN_NODE_BOOLEAN)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected a boolean"));
      return FALSE;
    }

  *value = node->boolean;
  return TRUE;
}

/* An optional array; *array stays %NULL when it is absent. */
gboolean
_cto_plan_read_array (const CtoPlanMembers  *members,
                      guint                  member,
                      const CtoPlanNode    **array,
                      GError               **error)
{
  const CtoPlanNode *node = members->nodes[member];
  const CtoPlanLocation location = { members->location, members->names[member], 0 };

  *array = NULL;
  if (node == NULL)
    return TRUE;

  if (node->kind != CTO_PLAN_NODE_ARRAY)
    {
      _cto_plan_set_error_at (error, CTO_PLAN_ERROR_INVALID, &location, _("expected an array"));
      return FALSE;
    }

  *array = node;
  return TRUE;
}

/* Extras ---------------------------------------------------------------------- */

static gboolean
is_known (const CtoPlanMembers *members,
          const char           *name)
{
  for (guint i = 0; i < members->n_names; i++)
    {
      if (strcmp (name, members->names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The members the format does not name, in file order, or %NULL when there
 * are none. Unknown members are kept exactly as they are: numbers as their
 * text, which json-glib could not hold (1e999, a 21-digit integer). */
JsonObject *
_cto_plan_collect_extras (const CtoPlanMembers *members)
{
  const CtoPlanNode *object = members->object;
  JsonObject *collected;

  if (members->n_unknown == 0)
    return NULL;

  collected = json_object_new ();
  for (guint i = 0; i < object->length; i++)
    {
      const CtoPlanMember *member = &object->members[i];

      if (!is_known (members, member->name))
        json_object_set_member (collected, member->name, _cto_plan_node_to_json (&member->value));
    }

  return collected;
}
