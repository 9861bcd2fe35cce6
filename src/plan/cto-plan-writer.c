/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan-io"

#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>

#include "cto-date.h"
#include "cto-json-writer.h"
#include "cto-plan-io-private.h"
#include "cto-plan-io.h"
#include "cto-plan-private.h"

typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  first;            /* nothing written yet in the open container */
} Writer;

static void write_node (Writer   *w,
                        JsonNode *node);

/* Writing --------------------------------------------------------------------- */

/* Plan files keep the plan's text as it is: only what JSON requires is escaped. */
static void
write_string (Writer     *w,
              const char *value)
{
  cto_json_append_string_full (w->out, value, CTO_JSON_ESCAPE_FILE);
}

static const char spaces[] = "                                                                ";

static void
writer_newline (Writer *w)
{
  guint n = w->depth * 2;

  g_string_append_c (w->out, '\n');
  while (n > 0)
    {
      guint chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (w->out, spaces, chunk);
      n -= chunk;
    }
}

/* Before each member or element of the open container. */
static void
writer_next (Writer *w)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  writer_newline (w);
  w->first = FALSE;
}

static void
writer_open (Writer *w,
             char    bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
writer_close (Writer *w,
              char    bracket)
{
  w->depth--;
  if (!w->first)
    writer_newline (w);
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
}

static void
writer_key (Writer     *w,
            const char *name)
{
  writer_next (w);
  write_string (w, name);
  g_string_append (w->out, ": ");
}

static void
write_number (Writer *w,
              double  value)
{
  cto_json_append_number (w->out, value);
}

static void
write_boolean (Writer   *w,
               gboolean  value)
{
  g_string_append (w->out, value ? "true" : "false");
}

static void
write_member_cb (JsonObject  *object,
                 const char  *name,
                 JsonNode    *node,
                 gpointer     user_data)
{
  Writer *w = user_data;

  writer_key (w, name);
  write_node (w, node);
}

static void
write_node (Writer   *w,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      writer_open (w, '{');
      json_object_foreach_member (json_node_get_object (node), write_member_cb, w);
      writer_close (w, '}');
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        writer_open (w, '[');
        for (guint i = 0; i < n; i++)
          {
            writer_next (w);
            write_node (w, json_array_get_element (array, i));
          }
        writer_close (w, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          write_number (w, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          write_boolean (w, json_node_get_boolean (node));
        else if (_cto_plan_json_get_number_text (node) != NULL)
          g_string_append (w->out, _cto_plan_json_get_number_text (node));
        else if (type == G_TYPE_STRING)
          write_string (w, json_node_get_string (node));
        else
          g_string_append (w->out, "null");
      }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (w->out, "null");
      break;
    }
}

static void
write_extras (Writer     *w,
              JsonObject *extra)
{
  if (extra != NULL)
    json_object_foreach_member (extra, write_member_cb, w);
}

static void
write_date (Writer      *w,
            const char  *name,
            const GDate *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = cto_date_to_string (date);
  writer_key (w, name);
  write_string (w, text);
}

static void
write_person (Writer    *w,
              CtoPerson *person)
{
  const char *reports_to = cto_person_get_reports_to (person);

  writer_open (w, '{');
  writer_key (w, "id");
  write_string (w, cto_person_get_id (person));
  writer_key (w, "name");
  write_string (w, cto_person_get_name (person));
  writer_key (w, "role");
  write_string (w, cto_person_get_role (person));
  writer_key (w, "capacity");
  write_number (w, cto_person_get_capacity (person));
  writer_key (w, "reports_to");
  if (reports_to != NULL)
    write_string (w, reports_to);
  else
    g_string_append (w->out, "null");
  writer_key (w, "open_role");
  write_boolean (w, cto_person_get_open_role (person));
  /* Dates are written only when set, so that plans without them keep the
   * bytes they had before dates existed. */
  write_date (w, "start", cto_person_get_start (person));
  write_date (w, "end", cto_person_get_end (person));
  write_extras (w, _cto_person_get_extra (person));
  writer_close (w, '}');
}

static void
write_responsibility (Writer            *w,
                      CtoResponsibility *responsibility)
{
  guint n = cto_responsibility_get_n_assignees (responsibility);

  writer_open (w, '{');
  writer_key (w, "id");
  write_string (w, cto_responsibility_get_id (responsibility));
  writer_key (w, "title");
  write_string (w, cto_responsibility_get_title (responsibility));
  writer_key (w, "function");
  write_string (w, cto_function_get_id (cto_responsibility_get_function (responsibility)));
  writer_key (w, "effort");
  write_number (w, cto_responsibility_get_effort (responsibility));
  writer_key (w, "description");
  write_string (w, cto_responsibility_get_description (responsibility));

  writer_key (w, "assignees");
  writer_open (w, '[');
  for (guint i = 0; i < n; i++)
    {
      const CtoAssignment *assignment = cto_responsibility_get_assignee (responsibility, i);

      writer_next (w);
      writer_open (w, '{');
      writer_key (w, "person");
      write_string (w, assignment->person);
      writer_key (w, "share");
      write_number (w, assignment->share);
      writer_key (w, "accountable");
      write_boolean (w, assignment->accountable);
      write_extras (w, assignment->extra);
      writer_close (w, '}');
    }
  writer_close (w, ']');

  write_extras (w, _cto_responsibility_get_extra (responsibility));
  writer_close (w, '}');
}

/* Public API ------------------------------------------------------------------ */

/**
 * cto_plan_io_to_data:
 * @plan: a plan
 * @length: (out) (optional): the length of the text, without the nul
 *
 * Writes @plan in the canonical form: every member in the order of the
 * format's table, each with its value even when it is the default, kept
 * unknown members after the known ones, two-space indentation.
 *
 * Returns: (transfer full): the nul-terminated text
 */
char *
cto_plan_io_to_data (CtoPlan *plan,
                     gsize   *length)
{
  GListModel *people;
  GListModel *responsibilities;
  guint n_people;
  guint n_responsibilities;
  Writer w = { NULL, 0, TRUE };

  g_return_val_if_fail (CTO_IS_PLAN (plan), NULL);

  people = cto_plan_get_people (plan);
  responsibilities = cto_plan_get_responsibilities (plan);
  n_people = g_list_model_get_n_items (people);
  n_responsibilities = g_list_model_get_n_items (responsibilities);

  /* A close guess of the size, so that the text is seldom moved. */
  w.out = g_string_sized_new (1024 + n_people * 200 + n_responsibilities * 400);

  writer_open (&w, '{');
  writer_key (&w, "format");
  write_string (&w, CTO_PLAN_FORMAT_NAME);
  writer_key (&w, "version");
  g_string_append_printf (w.out, "%d", CTO_PLAN_FORMAT_VERSION);
  writer_key (&w, "title");
  write_string (&w, cto_plan_get_title (plan));

  writer_key (&w, "settings");
  writer_open (&w, '{');
  writer_key (&w, "overload_threshold");
  write_number (&w, cto_plan_get_overload_threshold (plan));
  writer_key (&w, "hours_per_fte");
  write_number (&w, cto_plan_get_hours_per_fte (plan));
  write_extras (&w, _cto_plan_get_settings_extra (plan));
  writer_close (&w, '}');

  writer_key (&w, "people");
  writer_open (&w, '[');
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CtoPerson) person = g_list_model_get_item (people, i);

      writer_next (&w);
      write_person (&w, person);
    }
  writer_close (&w, ']');

  writer_key (&w, "responsibilities");
  writer_open (&w, '[');
  for (guint i = 0; i < n_responsibilities; i++)
    {
      g_autoptr(CtoResponsibility) responsibility = g_list_model_get_item (responsibilities, i);

      writer_next (&w);
      write_responsibility (&w, responsibility);
    }
  writer_close (&w, ']');

  write_extras (&w, _cto_plan_get_extra (plan));
  writer_close (&w, '}');
  g_string_append_c (w.out, '\n');

  if (length != NULL)
    *length = w.out->len;

  return g_string_free (w.out, FALSE);
}
