/* kit-cli.h — what the command-line companion's parser hands to its
 * commands: the parsed arguments, and one function per command. */
#pragma once

#include <glib.h>

#include "kit-vault.h"

G_BEGIN_DECLS

/* Exit codes (DESIGN, issue 2); the record errors map through
 * kit_record_error_exit_code(). */
#define KIT_CLI_EXIT_OK    0
#define KIT_CLI_EXIT_USAGE 1
#define KIT_CLI_EXIT_CANNOT_WRITE 5   /* as KIT_RECORD_ERROR_CANNOT_WRITE */

typedef enum {
  KIT_CLI_OPT_PASSPHRASE_FD     = 1 << 0,
  KIT_CLI_OPT_NEW_PASSPHRASE_FD = 1 << 1,
  KIT_CLI_OPT_RECOVERY_KEY_FD   = 1 << 2,
  KIT_CLI_OPT_WITH_RECOVERY_KEY = 1 << 3,
  KIT_CLI_OPT_REVIEW            = 1 << 4,
  KIT_CLI_OPT_SIZE              = 1 << 5,
  KIT_CLI_OPT_KEEP              = 1 << 6,
  KIT_CLI_OPT_CHANGE            = 1 << 7,
  KIT_CLI_OPT_TEMPLATE          = 1 << 8,
  KIT_CLI_OPT_EASY_READ         = 1 << 9,
  KIT_CLI_OPT_PAPER             = 1 << 10,
  KIT_CLI_OPT_CHILD             = 1 << 11,
} KitCliOption;

typedef struct {
  const char *command;
  const char *record;        /* NULL for bench */
  guint given;               /* KitCliOption bits seen on the command line */
  int passphrase_fd;         /* -1 when not given: ask on the terminal */
  int new_passphrase_fd;
  int recovery_key_fd;
  gboolean with_recovery_key;
  gboolean review;
  gboolean large;            /* bench --size large (the default) */
  const char *keep_dir;
  const char *output;        /* the third word: letter and report's OUT.pdf */
  const char *change;        /* --change ID, as typed */
  const char *template_name; /* --template explanation|request|review */
  gboolean easy_read;
  const char *paper;         /* --paper a4|letter, as typed; NULL: a4 */
  const char *child;         /* --child NAME */
} KitCliArgs;

/* Each returns the process exit code, having told the person what went
 * wrong on stderr. */
int kit_cli_create (const KitCliArgs *args);
int kit_cli_verify (const KitCliArgs *args);
int kit_cli_stats (const KitCliArgs *args);
int kit_cli_passwd (const KitCliArgs *args);
int kit_cli_recover (const KitCliArgs *args);
int kit_cli_bench (const KitCliArgs *args);
int kit_cli_letter (const KitCliArgs *args);   /* kit-cli-letter.c */
int kit_cli_report (const KitCliArgs *args);   /* kit-cli-report.c */

/* Opens args->record with the passphrase from --passphrase-fd or the
 * terminal (kit-cli-commands.c). NULL after telling the person what went
 * wrong, with *exit_code set. */
KitVault *kit_cli_open_record (const KitCliArgs *args, int *exit_code);
/* Also for the commands in other files: tell the person what went wrong and
 * return the exit code; close after a command that changed the record (the
 * final save must work) or only read it. */
int kit_cli_fail (const GError *error);
/* Say @message (a plain refusal: bad options, nothing to do) and return
 * KIT_CLI_EXIT_USAGE. */
int kit_cli_refuse (const char *message);
int kit_cli_close_saving (KitVault *vault);
void kit_cli_close_reading (KitVault *vault);

G_END_DECLS
