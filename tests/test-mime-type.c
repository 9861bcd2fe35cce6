/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cto-test-mime-type"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

/*
 * Builds a shared-mime-info database from the freedesktop.org types and our
 * own, points GIO at it alone, and checks what GIO makes of plan files.
 *
 * MIME_XML names our built MIME XML, FREEDESKTOP_MIME_XML the
 * freedesktop.org one, UPDATE_MIME_DATABASE the program that compiles them.
 */

#define PLAN_TYPE "application/x-cto-planner-plan"

static char *
get_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    g_error ("%s is not set", name);

  return g_strdup (value);
}

static void
copy_into (const char *source,
           const char *folder)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (source);
  g_autofree char *target = g_build_filename (folder, basename, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (source, &contents, &length, &error) ||
      !g_file_set_contents (target, contents, length, &error))
    g_error ("%s", error->message);
}

/* Makes root/mime from the MIME packages. */
static void
build_database (const char *root)
{
  g_autofree char *mime_xml = get_env ("MIME_XML");
  g_autofree char *freedesktop_xml = get_env ("FREEDESKTOP_MIME_XML");
  g_autofree char *update = get_env ("UPDATE_MIME_DATABASE");
  g_autoptr(GError) error = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status;

  mime = g_build_filename (root, "mime", NULL);
  packages = g_build_filename (mime, "packages", NULL);
  if (g_mkdir_with_parents (packages, 0700) != 0)
    g_error ("cannot make %s", packages);

  copy_into (freedesktop_xml, packages);
  copy_into (mime_xml, packages);

  {
    const char *argv[] = { update, mime, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                       &out, &err, &wait_status, &error) ||
        !g_spawn_check_wait_status (wait_status, &error))
      g_error ("%s %s: %s\n%s", update, mime, error->message, err ? err : "");
  }

  /* update-mime-database only warns about mistakes in a package. */
  if (err != NULL && *err != '\0')
    g_error ("%s warned about the MIME packages:\n%s", update, err);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        remove_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static void
test_type_registered (void)
{
  g_autofree char *description = NULL;
  g_autofree char *icon_name = NULL;

  g_assert_false (g_content_type_is_unknown (PLAN_TYPE));
  g_assert_true (g_content_type_is_a (PLAN_TYPE, "application/json"));
  g_assert_true (g_content_type_is_mime_type (PLAN_TYPE, PLAN_TYPE));

  description = g_content_type_get_description (PLAN_TYPE);
  g_assert_cmpstr (description, ==, "CTO Planner plan");

  icon_name = g_content_type_get_generic_icon_name (PLAN_TYPE);
  g_assert_cmpstr (icon_name, ==, "x-office-document");
}

static const char *plan_names[] = {
  "acme.ctoplan.json",
  "/home/ana/Documents/Team plan 2027.ctoplan.json",
  "ACME.CTOPLAN.JSON",
};

static void
test_guess_by_name (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (plan_names); i++)
    {
      g_autofree char *type = NULL;
      gboolean uncertain = TRUE;

      g_test_message ("%s", plan_names[i]);
      type = g_content_type_guess (plan_names[i], NULL, 0, &uncertain);
      g_assert_cmpstr (type, ==, PLAN_TYPE);
      g_assert_false (uncertain);
    }
}

static const struct {
  const char *what;
  const char *data;
} plan_contents[] = {
  { "spaced, as the program writes it",
    "{\n  \"format\": \"cto-planner-plan\",\n  \"version\": 1,\n  \"title\": \"Acme\"\n}\n" },
  { "compact",
    "{\"format\":\"cto-planner-plan\",\"version\":1}" },
  { "other members first",
    "{ \"version\": 1, \"title\": \"Acme Robotics 2027\", \"format\": \"cto-planner-plan\" }" },
};

/* Whatever the file is called: a plan saved as plain .json is a plan too. */
static void
check_content_is_plan (const char   *what,
                       const guchar *data,
                       gsize         length)
{
  const char *names[] = { NULL, "plan", "acme-robotics.json", "plan.JSON" };

  for (gsize j = 0; j < G_N_ELEMENTS (names); j++)
    {
      g_autofree char *type = NULL;

      g_test_message ("%s, named %s", what, names[j] ? names[j] : "nothing");
      type = g_content_type_guess (names[j], data, length, NULL);
      g_assert_cmpstr (type, ==, PLAN_TYPE);
    }
}

static void
test_guess_by_content (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (plan_contents); i++)
    check_content_is_plan (plan_contents[i].what,
                           (const guchar *) plan_contents[i].data,
                           strlen (plan_contents[i].data));
}

static void
test_guess_example_plan (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                "acme-robotics.ctoplan.json", NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* What a file manager sniffs: the first 4 KiB. */
  check_content_is_plan ("the example plan", (const guchar *) contents, MIN (length, 4096));
}

/* A plan whose marker comes later than it is looked for. */
static char *
make_late_marker (void)
{
  GString *late = g_string_new ("{");

  for (guint i = 0; i < 300; i++)
    g_string_append_c (late, ' ');
  g_string_append (late, "\"format\": \"cto-planner-plan\"}");

  return g_string_free (late, FALSE);
}

static void
test_not_a_plan (void)
{
  g_autofree char *late = make_late_marker ();
  const struct {
    const char *name;
    const char *data;
  } cases[] = {
    { NULL, "{\"format\": \"some-other-format\", \"version\": 1}" },
    { NULL, "{\"people\": [], \"responsibilities\": []}" },
    { NULL, "format: cto-planner-plan\n" },
    { "README.md", "Plans start with `{\"format\": \"cto-planner-plan\"`.\n" },
    { NULL, " {\"format\": \"cto-planner-plan\"}" },
    { NULL, late },
    { "notes.json", "{\"a\": 1}" },
    { "notes.json", NULL },
    { "acme.ctoplan", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *type = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      type = g_content_type_guess (cases[i].name,
                                   (const guchar *) cases[i].data,
                                   cases[i].data ? strlen (cases[i].data) : 0,
                                   NULL);
      g_test_message ("guessed %s", type);
      g_assert_cmpstr (type, !=, PLAN_TYPE);
      g_assert_false (g_content_type_is_a (type, PLAN_TYPE));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GFile) root_file = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* GIO reads the database once, the first time it is asked about a
   * content type, from the XDG data folders: make ours the only one. */
  root = g_dir_make_tmp ("cto-mime-XXXXXX", &error);
  if (root == NULL)
    g_error ("%s", error->message);
  home = g_build_filename (root, "home", NULL);
  g_setenv ("XDG_DATA_DIRS", root, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  build_database (root);

  g_test_add_func ("/mime-type/registered", test_type_registered);
  g_test_add_func ("/mime-type/guess/name", test_guess_by_name);
  g_test_add_func ("/mime-type/guess/content", test_guess_by_content);
  g_test_add_func ("/mime-type/guess/example-plan", test_guess_example_plan);
  g_test_add_func ("/mime-type/guess/not-a-plan", test_not_a_plan);

  status = g_test_run ();

  root_file = g_file_new_for_path (root);
  remove_tree (root_file);

  return status;
}
