/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-plan"

#include "config.h"

#include <string.h>

#include "cto-plan-search.h"
#include "cto-text-private.h"

typedef struct
{
  CtoPerson *person;
  char      *name;       /* as last seen, and casefolded */
  char      *name_key;
  char      *role;
  char      *role_key;
  gboolean   named;      /* the name or the role holds the text */
  gboolean   found;
} PersonEntry;

typedef struct
{
  CtoResponsibility *responsibility;
  char              *title;
  char              *title_key;
  guint             *carriers;    /* positions in people of its assignees */
  guint              n_carriers;
  guint              n_allocated;
  gboolean           found;
} ResponsibilityEntry;

struct _CtoPlanSearch
{
  GObject     parent_instance;

  CtoPlan    *plan;
  char       *text;                   /* casefolded, or NULL */
  /* The plan's people and responsibilities as last seen, in its order;
   * stale when the plan changed while there was no text. */
  GArray     *people;                 /* PersonEntry */
  GArray     *responsibilities;       /* ResponsibilityEntry */
  GHashTable *person_positions;       /* CtoPerson* → position + 1 */
  GHashTable *responsibility_positions;
  gboolean    stale;
};

G_DEFINE_FINAL_TYPE (CtoPlanSearch, cto_plan_search, G_TYPE_OBJECT)

static void
person_entry_clear (gpointer data)
{
  PersonEntry *entry = data;

  g_clear_object (&entry->person);
  g_clear_pointer (&entry->name, g_free);
  g_clear_pointer (&entry->name_key, g_free);
  g_clear_pointer (&entry->role, g_free);
  g_clear_pointer (&entry->role_key, g_free);
}

static void
responsibility_entry_clear (gpointer data)
{
  ResponsibilityEntry *entry = data;

  g_clear_object (&entry->responsibility);
  g_clear_pointer (&entry->title, g_free);
  g_clear_pointer (&entry->title_key, g_free);
  g_clear_pointer (&entry->carriers, g_free);
}

/* Keeps @key the casefolded @text, folding only when @text changed. */
static void
update_key (char       **seen,
            char       **key,
            const char  *text)
{
  if (text == NULL)
    text = "";
  if (*seen != NULL && strcmp (*seen, text) == 0)
    return;

  g_free (*seen);
  g_free (*key);
  *seen = g_strdup (text);
  *key = _cto_text_casefold (text);
}

static GArray *
entries_new (gsize           size,
             GDestroyNotify  clear)
{
  GArray *entries = g_array_new (FALSE, TRUE, size);

  g_array_set_clear_func (entries, clear);
  return entries;
}

/* Whether @entries (whose first member is the object) hold @model's items
 * in its order. */
static gboolean
same_items (GArray     *entries,
            GListModel *model)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  gsize size;

  if (entries == NULL || entries->len != n)
    return FALSE;

  size = g_array_get_element_size (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (*(gpointer *) (gpointer) (entries->data + i * size) != (gpointer) item)
        return FALSE;
    }

  return TRUE;
}

/* The entries in the plan's order again: those seen before move to their
 * new places with their keys (and whether they were found), new ones come. */
static void
place_entries (CtoPlanSearch *self,
               GListModel    *people,
               GListModel    *responsibilities)
{
  g_autoptr(GArray) old_people = g_steal_pointer (&self->people);
  g_autoptr(GArray) old_responsibilities = g_steal_pointer (&self->responsibilities);
  g_autoptr(GHashTable) old_person_positions = g_steal_pointer (&self->person_positions);
  g_autoptr(GHashTable) old_responsibility_positions =
    g_steal_pointer (&self->responsibility_positions);
  guint n_people = people != NULL ? g_list_model_get_n_items (people) : 0;
  guint n_responsibilities =
    responsibilities != NULL ? g_list_model_get_n_items (responsibilities) : 0;

  self->people = entries_new (sizeof (PersonEntry), person_entry_clear);
  self->responsibilities = entries_new (sizeof (ResponsibilityEntry), responsibility_entry_clear);
  self->person_positions = g_hash_table_new (NULL, NULL);
  self->responsibility_positions = g_hash_table_new (NULL, NULL);
  g_array_set_size (self->people, n_people);
  g_array_set_size (self->responsibilities, n_responsibilities);

  for (guint i = 0; i < n_people; i++)
    {
      CtoPerson *person = g_list_model_get_item (people, i);
      PersonEntry *entry = &g_array_index (self->people, PersonEntry, i);
      guint old = old_person_positions != NULL ?
                  GPOINTER_TO_UINT (g_hash_table_lookup (old_person_positions, person)) : 0;

      if (old != 0)
        {
          PersonEntry *seen = &g_array_index (old_people, PersonEntry, old - 1);

          *entry = *seen;
          memset (seen, 0, sizeof *seen);
          g_object_unref (person);
        }
      else
        {
          entry->person = person;
        }
      g_hash_table_insert (self->person_positions, person, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n_responsibilities; i++)
    {
      CtoResponsibility *responsibility = g_list_model_get_item (responsibilities, i);
      ResponsibilityEntry *entry = &g_array_index (self->responsibilities, ResponsibilityEntry, i);
      guint old = 0;

      if (old_responsibility_positions != NULL)
        old = GPOINTER_TO_UINT (g_hash_table_lookup (old_responsibility_positions, responsibility));

      if (old != 0)
        {
          ResponsibilityEntry *seen =
            &g_array_index (old_responsibilities, ResponsibilityEntry, old - 1);

          *entry = *seen;
          memset (seen, 0, sizeof *seen);
          g_object_unref (responsibility);
        }
      else
        {
          entry->responsibility = responsibility;
        }
      g_hash_table_insert (self->responsibility_positions, responsibility,
                           GUINT_TO_POINTER (i + 1));
    }
}

/* The plan's people and responsibilities again, their keys and who
 * carries what. Returns whether the entries kept their places (the plan
 * has the same people and responsibilities, in the same order). */
static gboolean
sync_entries (CtoPlanSearch *self)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *people = self->plan != NULL ? cto_plan_get_people (self->plan) : NULL;
  GListModel *responsibilities =
    self->plan != NULL ? cto_plan_get_responsibilities (self->plan) : NULL;
  gboolean in_place = same_items (self->people, people) &&
                      same_items (self->responsibilities, responsibilities);

  if (!in_place)
    place_entries (self, people, responsibilities);
  self->stale = FALSE;

  for (guint i = 0; i < self->people->len; i++)
    {
      PersonEntry *entry = &g_array_index (self->people, PersonEntry, i);

      update_key (&entry->name, &entry->name_key, cto_person_get_name (entry->person));
      update_key (&entry->role, &entry->role_key, cto_person_get_role (entry->person));
      g_hash_table_insert (by_id, (gpointer) cto_person_get_id (entry->person),
                           GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < self->responsibilities->len; i++)
    {
      ResponsibilityEntry *entry = &g_array_index (self->responsibilities, ResponsibilityEntry, i);
      CtoResponsibility *responsibility = entry->responsibility;
      guint n_assignees = cto_responsibility_get_n_assignees (responsibility);

      update_key (&entry->title, &entry->title_key, cto_responsibility_get_title (responsibility));

      if (n_assignees > entry->n_allocated)
        {
          entry->carriers = g_renew (guint, entry->carriers, n_assignees);
          entry->n_allocated = n_assignees;
        }
      entry->n_carriers = 0;
      for (guint a = 0; a < n_assignees; a++)
        {
          guint position = GPOINTER_TO_UINT (
            g_hash_table_lookup (by_id, cto_responsibility_get_assignee (responsibility, a)->person));

          if (position != 0)
            entry->carriers[entry->n_carriers++] = position - 1;
        }
    }

  return in_place;
}

static gboolean
key_has (const char *key,
         const char *text)
{
  return key != NULL && strstr (key, text) != NULL;
}

/* Who and what the text finds; when @narrowed (the text extends the one
 * that found what is marked found), only among what was found. */
static void
find (CtoPlanSearch *self,
      gboolean       narrowed)
{
  const char *text = self->text;
  PersonEntry *people = (PersonEntry *) (gpointer) self->people->data;
  ResponsibilityEntry *responsibilities =
    (ResponsibilityEntry *) (gpointer) self->responsibilities->data;

  g_assert (text != NULL);

  for (guint i = 0; i < self->people->len; i++)
    {
      PersonEntry *entry = &people[i];

      entry->named = (!narrowed || entry->found) &&
                     (key_has (entry->name_key, text) || key_has (entry->role_key, text));
      entry->found = entry->named;
    }

  for (guint i = 0; i < self->responsibilities->len; i++)
    {
      ResponsibilityEntry *entry = &responsibilities[i];
      gboolean titled;

      if (narrowed && !entry->found)
        continue;

      /* Who carries what the search finds is found too. */
      titled = key_has (entry->title_key, text);
      entry->found = titled;
      for (guint c = 0; c < entry->n_carriers; c++)
        {
          PersonEntry *carrier = &people[entry->carriers[c]];

          entry->found |= carrier->named;
          if (titled)
            carrier->found = TRUE;
        }
    }
}

static void
cto_plan_search_finalize (GObject *object)
{
  CtoPlanSearch *self = (CtoPlanSearch *) object;

  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->responsibilities, g_array_unref);
  g_clear_pointer (&self->person_positions, g_hash_table_unref);
  g_clear_pointer (&self->responsibility_positions, g_hash_table_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cto_plan_search_parent_class)->finalize (object);
}

static void
cto_plan_search_class_init (CtoPlanSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cto_plan_search_finalize;
}

static void
cto_plan_search_init (CtoPlanSearch *self)
{
  self->stale = TRUE;
}

CtoPlanSearch *
cto_plan_search_new (CtoPlan *plan)
{
  CtoPlanSearch *self;

  g_return_val_if_fail (plan == NULL || CTO_IS_PLAN (plan), NULL);

  self = g_object_new (CTO_TYPE_PLAN_SEARCH, NULL);
  self->plan = plan != NULL ? g_object_ref (plan) : NULL;

  return self;
}

/* Each entry's object and whether it was found. */
typedef struct
{
  gpointer object;
  gboolean found;
} Seen;

/* Of @entries (whose first member is the object), what was found, at
 * @found_offset in each. */
static GArray *
seen_of (GArray *entries,
         gsize   found_offset)
{
  GArray *seen = g_array_new (FALSE, FALSE, sizeof (Seen));
  gsize size;

  if (entries == NULL)
    return seen;

  size = g_array_get_element_size (entries);
  g_array_set_size (seen, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      const char *entry = entries->data + i * size;

      g_array_index (seen, Seen, i).object = *(gpointer *) (gpointer) entry;
      g_array_index (seen, Seen, i).found = *(const gboolean *) (gconstpointer) (entry + found_offset);
    }

  return seen;
}

/* Whether what @entries find differs from what @seen says was found. The
 * objects seen were alive until now (the entries held them), so none of
 * the entries can have taken the address of another. */
static gboolean
found_changed (GArray   *entries,
               gsize     found_offset,
               GArray   *seen,
               gboolean  in_place)
{
  gsize size = g_array_get_element_size (entries);
  g_autoptr(GHashTable) found = NULL;
  guint n_found = 0;

  if (in_place)
    {
      for (guint i = 0; i < entries->len; i++)
        if (*(const gboolean *) (gconstpointer) (entries->data + i * size + found_offset) !=
            g_array_index (seen, Seen, i).found)
          return TRUE;
      return FALSE;
    }

  found = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < seen->len; i++)
    if (g_array_index (seen, Seen, i).found)
      g_hash_table_add (found, g_array_index (seen, Seen, i).object);

  for (guint i = 0; i < entries->len; i++)
    {
      const char *entry = entries->data + i * size;

      if (*(const gboolean *) (gconstpointer) (entry + found_offset))
        {
          if (!g_hash_table_contains (found, *(gpointer *) (gpointer) entry))
            return TRUE;
          n_found++;
        }
    }

  return n_found != g_hash_table_size (found);
}

void
cto_plan_search_set_plan (CtoPlanSearch *self,
                          CtoPlan       *plan,
                          gboolean      *people_changed,
                          gboolean      *responsibilities_changed)
{
  g_autoptr(GArray) seen_people = NULL;
  g_autoptr(GArray) seen_responsibilities = NULL;
  gboolean in_place;

  g_return_if_fail (CTO_IS_PLAN_SEARCH (self));
  g_return_if_fail (plan == NULL || CTO_IS_PLAN (plan));

  if (people_changed != NULL)
    *people_changed = FALSE;
  if (responsibilities_changed != NULL)
    *responsibilities_changed = FALSE;

  /* With no text, all is found: nothing to look at until there is. */
  if (self->text == NULL)
    {
      if (plan != self->plan)
        {
          /* Another plan: its objects are others. */
          g_clear_pointer (&self->people, g_array_unref);
          g_clear_pointer (&self->responsibilities, g_array_unref);
          g_clear_pointer (&self->person_positions, g_hash_table_unref);
          g_clear_pointer (&self->responsibility_positions, g_hash_table_unref);
          g_set_object (&self->plan, plan);
        }
      self->stale = TRUE;
      return;
    }

  seen_people = seen_of (self->people, G_STRUCT_OFFSET (PersonEntry, found));
  seen_responsibilities = seen_of (self->responsibilities,
                                   G_STRUCT_OFFSET (ResponsibilityEntry, found));
  g_set_object (&self->plan, plan);

  in_place = sync_entries (self);
  find (self, FALSE);

  if (people_changed != NULL)
    *people_changed = found_changed (self->people, G_STRUCT_OFFSET (PersonEntry, found),
                                     seen_people, in_place);
  if (responsibilities_changed != NULL)
    *responsibilities_changed = found_changed (self->responsibilities,
                                               G_STRUCT_OFFSET (ResponsibilityEntry, found),
                                               seen_responsibilities, in_place);
}

static guint
position_of (GHashTable *positions,
             gpointer    object)
{
  return positions != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (positions, object)) : 0;
}

void
cto_plan_search_assignees_changed (CtoPlanSearch *self,
                                   GPtrArray     *responsibilities,
                                   GPtrArray     *people,
                                   CtoAnalysis   *analysis,
                                   gboolean      *people_changed,
                                   gboolean      *responsibilities_changed)
{
  PersonEntry *person_entries;
  gboolean any_person = FALSE;
  gboolean any_responsibility = FALSE;

  g_return_if_fail (CTO_IS_PLAN_SEARCH (self));
  g_return_if_fail (responsibilities != NULL && people != NULL);
  g_return_if_fail (CTO_IS_ANALYSIS (analysis));

  if (people_changed != NULL)
    *people_changed = FALSE;
  if (responsibilities_changed != NULL)
    *responsibilities_changed = FALSE;

  if (self->text == NULL)
    {
      self->stale = TRUE;
      return;
    }

  /* Anything it has not seen as it is: the whole plan again. */
  for (guint i = 0; !self->stale && i < responsibilities->len; i++)
    self->stale = position_of (self->responsibility_positions, g_ptr_array_index (responsibilities, i)) == 0;
  for (guint i = 0; !self->stale && i < people->len; i++)
    self->stale = position_of (self->person_positions, g_ptr_array_index (people, i)) == 0;
  if (self->stale || self->people == NULL)
    {
      cto_plan_search_set_plan (self, self->plan, people_changed, responsibilities_changed);
      return;
    }

  person_entries = (PersonEntry *) (gpointer) self->people->data;

  /* Their carriers, and whether they are found: by title, or carried by
   * someone found by name or role. */
  for (guint i = 0; i < responsibilities->len; i++)
    {
      CtoResponsibility *responsibility = g_ptr_array_index (responsibilities, i);
      ResponsibilityEntry *entry =
        &g_array_index (self->responsibilities, ResponsibilityEntry,
                        position_of (self->responsibility_positions, responsibility) - 1);
      guint n_assignees = cto_responsibility_get_n_assignees (responsibility);
      gboolean found = key_has (entry->title_key, self->text);

      if (n_assignees > entry->n_allocated)
        {
          entry->carriers = g_renew (guint, entry->carriers, n_assignees);
          entry->n_allocated = n_assignees;
        }
      entry->n_carriers = 0;
      for (guint a = 0; a < n_assignees; a++)
        {
          CtoPerson *carrier =
            cto_plan_find_person (self->plan, cto_responsibility_get_assignee (responsibility, a)->person);
          guint position = position_of (self->person_positions, carrier);

          if (position == 0)
            continue;
          entry->carriers[entry->n_carriers++] = position - 1;
          found |= person_entries[position - 1].named;
        }

      any_responsibility |= found != entry->found;
      entry->found = found;
    }

  /* Whether they are found: by name or role, or for carrying something
   * found by its title. */
  for (guint i = 0; i < people->len; i++)
    {
      CtoPerson *person = g_ptr_array_index (people, i);
      PersonEntry *entry = &person_entries[position_of (self->person_positions, person) - 1];
      const CtoPersonReport *report = cto_analysis_get_person (analysis, person);
      gboolean found = entry->named;

      for (guint r = 0; report != NULL && !found && r < report->responsibilities->len; r++)
        {
          guint position = position_of (self->responsibility_positions,
                                        g_ptr_array_index (report->responsibilities, r));

          found = position != 0 &&
                  key_has (g_array_index (self->responsibilities, ResponsibilityEntry,
                                          position - 1).title_key, self->text);
        }

      any_person |= found != entry->found;
      entry->found = found;
    }

  if (people_changed != NULL)
    *people_changed = any_person;
  if (responsibilities_changed != NULL)
    *responsibilities_changed = any_responsibility;
}

void
cto_plan_search_prepare (CtoPlanSearch *self)
{
  g_return_if_fail (CTO_IS_PLAN_SEARCH (self));

  if (self->stale || self->people == NULL)
    sync_entries (self);
}

CtoPlanSearchChange
cto_plan_search_set_text (CtoPlanSearch *self,
                          const char    *text)
{
  g_autofree char *old = NULL;
  CtoPlanSearchChange change;

  g_return_val_if_fail (CTO_IS_PLAN_SEARCH (self), CTO_PLAN_SEARCH_SAME);

  old = g_steal_pointer (&self->text);
  if (text != NULL && text[0] != '\0')
    self->text = _cto_text_casefold (text);

  if (g_strcmp0 (old, self->text) == 0)
    return CTO_PLAN_SEARCH_SAME;
  if (old == NULL || (self->text != NULL && strstr (self->text, old) != NULL))
    change = CTO_PLAN_SEARCH_MORE_STRICT;
  else if (self->text == NULL || strstr (old, self->text) != NULL)
    change = CTO_PLAN_SEARCH_LESS_STRICT;
  else
    change = CTO_PLAN_SEARCH_DIFFERENT;

  if (self->text == NULL)
    return change;

  if (self->stale || self->people == NULL)
    {
      sync_entries (self);
      find (self, FALSE);
    }
  else
    {
      /* Text that holds the old finds only among what the old found. */
      find (self, old != NULL && change == CTO_PLAN_SEARCH_MORE_STRICT);
    }

  return change;
}

const char *
cto_plan_search_get_text (CtoPlanSearch *self)
{
  g_return_val_if_fail (CTO_IS_PLAN_SEARCH (self), NULL);

  return self->text;
}

gboolean
cto_plan_search_finds_person (CtoPlanSearch *self,
                              CtoPerson     *person)
{
  guint position;

  g_return_val_if_fail (CTO_IS_PLAN_SEARCH (self), FALSE);

  if (self->text == NULL)
    return TRUE;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->person_positions, person));
  return position != 0 && g_array_index (self->people, PersonEntry, position - 1).found;
}

gboolean
cto_plan_search_finds_responsibility (CtoPlanSearch     *self,
                                      CtoResponsibility *responsibility)
{
  guint position;

  g_return_val_if_fail (CTO_IS_PLAN_SEARCH (self), FALSE);

  if (self->text == NULL)
    return TRUE;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->responsibility_positions,
                                                    responsibility));
  return position != 0 &&
         g_array_index (self->responsibilities, ResponsibilityEntry, position - 1).found;
}
