/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline: json-glib merely parsing a file, nothing else. */
#include <json-glib/json-glib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    return 2;

  if (!json_parser_load_from_file (parser, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
