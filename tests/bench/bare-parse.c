/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reference for the loader (build-aux/bench.sh): json-glib parsing a
 * file into its tree, and exiting — without freeing it, as a command that
 * is about to exit need not. */

#include <json-glib/json-glib.h>

int
main (int argc,
      char *argv[])
{
  JsonParser *parser = json_parser_new ();
  GError *error = NULL;

  if (argc != 2)
    return 2;
  if (!json_parser_load_from_file (parser, argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return json_parser_get_root (parser) != NULL ? 0 : 1;
}
