/* kit-test-sql.c — test helper for the cli suite: opens a record with the
 * passphrase in $KIT_TEST_PASSPHRASE, runs one SQL statement, prints any
 * rows (columns separated by tabs), saves if anything changed, and closes.
 * Used to tamper with records and to look inside them. Exit codes as the CLI. */

#include <stdio.h>

#include "kit-error.h"
#include "kit-secure.h"
#include "kit-vault.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitVault) vault = NULL;
  const char *passphrase = g_getenv ("KIT_TEST_PASSPHRASE");
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  if (argc != 3 || passphrase == NULL)
    {
      fprintf (stderr, "usage: KIT_TEST_PASSPHRASE=… %s RECORD SQL\n", argv[0]);
      return 1;
    }
  if (!kit_secure_init (&error) ||
      (vault = kit_vault_open (argv[1], passphrase, &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return kit_record_error_exit_code (error);
    }
  db = kit_vault_get_db (vault);
  if (sqlite3_prepare_v2 (db, argv[2], -1, &stmt, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "%s\n", sqlite3_errmsg (db));
      kit_vault_close (vault, TRUE, NULL);
      return 1;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          printf ("%s%s", i > 0 ? "\t" : "", text != NULL ? text : "NULL");
        }
      putchar ('\n');
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      fprintf (stderr, "%s\n", sqlite3_errmsg (db));
      kit_vault_close (vault, TRUE, NULL);
      return 1;
    }
  if (!kit_vault_close (vault, FALSE, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      kit_vault_close (vault, TRUE, NULL);
      return kit_record_error_exit_code (error);
    }
  return 0;
}
