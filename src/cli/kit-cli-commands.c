/* kit-cli-commands.c — the commands of keep-in-touch-cli: create, verify,
 * stats, passwd, recover and bench, each a thin layer over the core that
 * reads the secrets it needs and turns errors into plain words and exit codes. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "kit-bench.h"
#include "kit-chain.h"
#include "kit-cli-secret.h"
#include "kit-cli.h"
#include "kit-error.h"
#include "kit-stats.h"
#include "kit-vault.h"

/* Tell the person what went wrong and return the matching exit code. A PDF
 * that could not be written is a write failure, like the record's (exit 5). */
static int
report (const GError *error)
{
  g_printerr ("%s\n", error->message);
  if (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE))
    return KIT_CLI_EXIT_CANNOT_WRITE;
  return kit_record_error_exit_code (error) != 0 ? kit_record_error_exit_code (error)
                                                 : KIT_CLI_EXIT_USAGE;
}

/* KIT_KDF_MINIMAL=1 (tests only) uses the lowest cost; otherwise NULL: tune. */
static const KitKdfParams *
chosen_kdf (KitKdfParams *storage)
{
  if (g_strcmp0 (g_getenv ("KIT_KDF_MINIMAL"), "1") == 0)
    {
      kit_kdf_params_minimal (storage);
      return storage;
    }
  return NULL;
}

/* Close after a command that changed the record: the final save must work. */
static int
close_saving (KitVault *vault)
{
  g_autoptr (GError) error = NULL;

  if (!kit_vault_close (vault, FALSE, &error))
    {
      int code = report (error);
      kit_vault_close (vault, TRUE, NULL);
      return code;
    }
  return KIT_CLI_EXIT_OK;
}

/* Close after a command that only read the record. Nothing was changed, so a
 * failed final save loses nothing and is not this command's failure. */
static void
close_reading (KitVault *vault)
{
  kit_vault_close (vault, TRUE, NULL);
}

static KitVault *
open_with_passphrase (const KitCliArgs *args, int *exit_code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitSecret) passphrase = NULL;
  KitVault *vault;

  passphrase = kit_cli_secret_get (args->passphrase_fd, _("Passphrase: "), NULL, &error);
  if (passphrase == NULL)
    {
      *exit_code = report (error);
      return NULL;
    }
  vault = kit_vault_open (args->record, passphrase, &error);
  if (vault == NULL)
    *exit_code = report (error);
  return vault;
}

KitVault *
kit_cli_open_record (const KitCliArgs *args, int *exit_code)
{
  return open_with_passphrase (args, exit_code);
}

int
kit_cli_create (const KitCliArgs *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitSecret) passphrase = NULL;
  g_autoptr (KitVault) vault = NULL;
  KitKdfParams kdf;
  char *recovery_key = NULL;

  if (args->passphrase_fd < 0)
    g_printerr ("%s\n", _("Choose a passphrase for the new record. If it is forgotten, "
                          "the record cannot be opened without a recovery key."));
  passphrase = kit_cli_secret_get (args->passphrase_fd, _("New passphrase: "),
                                   _("Type it again: "), &error);
  if (passphrase == NULL)
    return report (error);

  vault = kit_vault_create (args->record, passphrase, chosen_kdf (&kdf),
                            args->with_recovery_key ? &recovery_key : NULL, &error);
  if (vault == NULL)
    return report (error);

  if (recovery_key != NULL)
    {
      g_print ("%s\n", recovery_key);
      fflush (stdout);
      kit_secure_free_string (recovery_key);
      g_printerr ("%s\n", _("That is the recovery key. It is shown only this once: write it "
                            "down and keep it somewhere safe, away from this computer. It "
                            "opens the record if the passphrase is forgotten."));
    }
  return close_saving (vault);
}

int
kit_cli_verify (const KitCliArgs *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitVault) vault = NULL;
  g_autoptr (GPtrArray) broken = NULL;
  int exit_code = KIT_CLI_EXIT_USAGE;

  vault = open_with_passphrase (args, &exit_code);
  if (vault == NULL)
    return exit_code;

  if (!kit_chain_verify (kit_vault_get_db (vault), &broken, &error))
    {
      close_reading (vault);
      return report (error);
    }
  close_reading (vault);

  if (broken != NULL && broken->len > 0)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (guint i = 0; i < broken->len; i++)
        {
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, g_ptr_array_index (broken, i));
        }
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "The history of changes for %s does not check out: it has "
                               "been altered since it was written.\n",
                               "The histories of changes for %s do not check out: they have "
                               "been altered since they were written.\n",
                               broken->len),
                  names->str);
      return 3;
    }

  g_print ("ok\n");
  return KIT_CLI_EXIT_OK;
}

int
kit_cli_stats (const KitCliArgs *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitVault) vault = NULL;
  g_autofree char *json = NULL;
  int exit_code = KIT_CLI_EXIT_USAGE;

  vault = open_with_passphrase (args, &exit_code);
  if (vault == NULL)
    return exit_code;

  json = kit_stats_json (kit_vault_get_db (vault), args->review, &error);
  close_reading (vault);
  if (json == NULL)
    return report (error);
  g_print ("%s\n", json);
  return KIT_CLI_EXIT_OK;
}

/* Set a new passphrase on an open record and close it. */
static int
set_new_passphrase (KitVault *vault, const KitCliArgs *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitSecret) new_passphrase = NULL;
  KitKdfParams kdf;

  new_passphrase = kit_cli_secret_get (args->new_passphrase_fd, _("New passphrase: "),
                                       _("Type the new passphrase again: "), &error);
  if (new_passphrase == NULL)
    {
      close_reading (vault);
      return report (error);
    }
  if (!kit_vault_change_passphrase (vault, new_passphrase, chosen_kdf (&kdf), &error))
    {
      close_reading (vault);
      return report (error);
    }
  return close_saving (vault);
}

int
kit_cli_passwd (const KitCliArgs *args)
{
  g_autoptr (KitVault) vault = NULL;
  int exit_code = KIT_CLI_EXIT_USAGE;

  vault = open_with_passphrase (args, &exit_code);
  if (vault == NULL)
    return exit_code;
  exit_code = set_new_passphrase (vault, args);
  if (exit_code == KIT_CLI_EXIT_OK)
    g_printerr ("%s\n", _("The passphrase has been changed."));
  return exit_code;
}

int
kit_cli_recover (const KitCliArgs *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitSecret) recovery_key = NULL;
  g_autoptr (KitVault) vault = NULL;
  int exit_code;

  recovery_key = kit_cli_secret_get (args->recovery_key_fd, _("Recovery key: "), NULL, &error);
  if (recovery_key == NULL)
    return report (error);

  vault = kit_vault_open_with_recovery_key (args->record, recovery_key, &error);
  if (vault == NULL)
    {
      if (g_error_matches (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_WRONG_PASSPHRASE))
        {
          g_printerr ("%s\n", _("That recovery key does not open this record. Please check "
                                "each group of letters and try again."));
          return kit_record_error_exit_code (error);
        }
      return report (error);
    }

  exit_code = set_new_passphrase (vault, args);
  if (exit_code == KIT_CLI_EXIT_OK)
    g_printerr ("%s\n", _("The record has a new passphrase. The recovery key still works too."));
  return exit_code;
}

/* Remove a folder the benchmark made, and everything in it. */
static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

int
kit_cli_bench (const KitCliArgs *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitSecret) passphrase = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *tmp_dir = NULL;
  const char *dir;
  gboolean ok;

  if (args->passphrase_fd >= 0)
    {
      passphrase = kit_cli_secret_from_fd (args->passphrase_fd, &error);
      if (passphrase == NULL)
        return report (error);
    }

  if (args->keep_dir != NULL)
    {
      dir = args->keep_dir;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;
          g_printerr (_("The folder “%s” could not be made (%s).\n"), dir, g_strerror (saved));
          return 5;
        }
    }
  else
    {
      tmp_dir = g_dir_make_tmp ("keep-in-touch-bench-XXXXXX", &error);
      if (tmp_dir == NULL)
        {
          g_printerr (_("No temporary folder could be made for the benchmark: %s\n"),
                      error->message);
          return 5;
        }
      dir = tmp_dir;
    }

  ok = kit_bench_run (args->large ? KIT_BENCH_LARGE : KIT_BENCH_SMALL, dir,
                      passphrase != NULL ? passphrase : "benchmark", out, &error);
  if (tmp_dir != NULL)
    remove_tree (tmp_dir);

  g_print ("%s", out->str);
  if (!ok)
    return report (error);
  if (args->keep_dir != NULL)
    {
      g_autofree char *kept = g_build_filename (dir, "bench.kit", NULL);
      g_printerr (_("The benchmark record is kept in %s.\n"), kept);
    }
  return KIT_CLI_EXIT_OK;
}

/* The helpers above, for the commands in other files (kit-cli.h). */

int
kit_cli_fail (const GError *error)
{
  return report (error);
}

int
kit_cli_refuse (const char *message)
{
  g_printerr ("%s\n", message);
  return KIT_CLI_EXIT_USAGE;
}

int
kit_cli_close_saving (KitVault *vault)
{
  return close_saving (vault);
}

void
kit_cli_close_reading (KitVault *vault)
{
  close_reading (vault);
}
