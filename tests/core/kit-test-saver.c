/* kit-test-saver.c — helper for test-crash: opens a record and saves in a
 * loop, forever, until it is killed. Each round sets the row
 * meta('counter') to k + 1, saves, and only then writes k + 1 and a newline
 * to stdout (a pipe), so the test knows which states reached the disk.
 *
 * Usage: kit-test-saver RECORD PASSPHRASE */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kit-secure.h"
#include "kit-vault.h"

static gint64
read_counter (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'counter'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
say (const char *text)
{
  size_t len = strlen (text);

  while (len > 0)
    {
      ssize_t n = write (STDOUT_FILENO, text, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        exit (4);
      text += n;
      len -= (size_t) n;
    }
}

int
main (int argc, char **argv)
{
  GError *error = NULL;
  KitVault *vault;

  if (argc != 3)
    {
      fprintf (stderr, "usage: kit-test-saver RECORD PASSPHRASE\n");
      return 1;
    }
  if (!kit_secure_init (&error))
    {
      fprintf (stderr, "kit-test-saver: %s\n", error->message);
      return 1;
    }
  vault = kit_vault_open (argv[1], argv[2], &error);
  if (vault == NULL)
    {
      fprintf (stderr, "kit-test-saver: cannot open %s: %s\n", argv[1], error->message);
      return 2;
    }

  for (;;)
    {
      gint64 k = read_counter (kit_vault_get_db (vault));
      char sql[128];
      char line[32];

      if (k < 0)
        {
          fprintf (stderr, "kit-test-saver: no counter in the record\n");
          return 3;
        }
      g_snprintf (sql, sizeof sql, "UPDATE meta SET value = '%" G_GINT64_FORMAT "' "
                                   "WHERE key = 'counter'", k + 1);
      if (!kit_vault_exec (vault, sql, &error) || !kit_vault_save (vault, &error))
        {
          fprintf (stderr, "kit-test-saver: %s\n", error->message);
          return 3;
        }
      g_snprintf (line, sizeof line, "%" G_GINT64_FORMAT "\n", k + 1);
      say (line);
    }
}
