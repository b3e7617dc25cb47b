/* kit-cli.h — what the command-line companion's parser hands to its
 * commands: the parsed arguments, and one function per command. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes (DESIGN, issue 2); the record errors map through
 * kit_record_error_exit_code(). */
#define KIT_CLI_EXIT_OK    0
#define KIT_CLI_EXIT_USAGE 1

typedef enum {
  KIT_CLI_OPT_PASSPHRASE_FD     = 1 << 0,
  KIT_CLI_OPT_NEW_PASSPHRASE_FD = 1 << 1,
  KIT_CLI_OPT_RECOVERY_KEY_FD   = 1 << 2,
  KIT_CLI_OPT_WITH_RECOVERY_KEY = 1 << 3,
  KIT_CLI_OPT_REVIEW            = 1 << 4,
  KIT_CLI_OPT_SIZE              = 1 << 5,
  KIT_CLI_OPT_KEEP              = 1 << 6,
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
} KitCliArgs;

/* Each returns the process exit code, having told the person what went
 * wrong on stderr. */
int kit_cli_create (const KitCliArgs *args);
int kit_cli_verify (const KitCliArgs *args);
int kit_cli_stats (const KitCliArgs *args);
int kit_cli_passwd (const KitCliArgs *args);
int kit_cli_recover (const KitCliArgs *args);
int kit_cli_bench (const KitCliArgs *args);

G_END_DECLS
