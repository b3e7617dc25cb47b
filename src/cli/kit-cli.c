/* kit-cli.c — keep-in-touch-cli's entry point: sets up gettext and the
 * process protections, parses the command line and hands over to a command
 * (kit-cli-commands.c). Usage errors exit 1 with a short usage. */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit-cli.h"
#include "kit-secure.h"

typedef struct {
  const char *name;
  int (*run) (const KitCliArgs *args);
  gboolean needs_record;
  guint allowed;   /* KitCliOption bits */
} KitCliCommand;

static const KitCliCommand commands[] = {
  { "create", kit_cli_create, TRUE,
    KIT_CLI_OPT_PASSPHRASE_FD | KIT_CLI_OPT_WITH_RECOVERY_KEY },
  { "verify", kit_cli_verify, TRUE, KIT_CLI_OPT_PASSPHRASE_FD },
  { "stats", kit_cli_stats, TRUE, KIT_CLI_OPT_PASSPHRASE_FD | KIT_CLI_OPT_REVIEW },
  { "passwd", kit_cli_passwd, TRUE,
    KIT_CLI_OPT_PASSPHRASE_FD | KIT_CLI_OPT_NEW_PASSPHRASE_FD },
  { "recover", kit_cli_recover, TRUE,
    KIT_CLI_OPT_RECOVERY_KEY_FD | KIT_CLI_OPT_NEW_PASSPHRASE_FD },
  { "bench", kit_cli_bench, FALSE,
    KIT_CLI_OPT_PASSPHRASE_FD | KIT_CLI_OPT_SIZE | KIT_CLI_OPT_KEEP },
  { "letter", kit_cli_letter, TRUE,
    KIT_CLI_OPT_PASSPHRASE_FD | KIT_CLI_OPT_CHANGE | KIT_CLI_OPT_TEMPLATE |
    KIT_CLI_OPT_EASY_READ | KIT_CLI_OPT_PAPER },
  { "report", kit_cli_report, TRUE,
    KIT_CLI_OPT_PASSPHRASE_FD | KIT_CLI_OPT_CHILD | KIT_CLI_OPT_PAPER },
};

static const struct {
  const char *name;
  KitCliOption bit;
  gboolean takes_value;
} options[] = {
  { "--passphrase-fd", KIT_CLI_OPT_PASSPHRASE_FD, TRUE },
  { "--new-passphrase-fd", KIT_CLI_OPT_NEW_PASSPHRASE_FD, TRUE },
  { "--recovery-key-fd", KIT_CLI_OPT_RECOVERY_KEY_FD, TRUE },
  { "--with-recovery-key", KIT_CLI_OPT_WITH_RECOVERY_KEY, FALSE },
  { "--review", KIT_CLI_OPT_REVIEW, FALSE },
  { "--size", KIT_CLI_OPT_SIZE, TRUE },
  { "--keep", KIT_CLI_OPT_KEEP, TRUE },
  { "--change", KIT_CLI_OPT_CHANGE, TRUE },
  { "--template", KIT_CLI_OPT_TEMPLATE, TRUE },
  { "--easy-read", KIT_CLI_OPT_EASY_READ, FALSE },
  { "--paper", KIT_CLI_OPT_PAPER, TRUE },
  { "--child", KIT_CLI_OPT_CHILD, TRUE },
};

static const char *
usage_text (void)
{
  return _("Usage:\n"
           "  keep-in-touch-cli [--passphrase-fd N] create RECORD [--with-recovery-key]\n"
           "  keep-in-touch-cli [--passphrase-fd N] verify RECORD\n"
           "  keep-in-touch-cli [--passphrase-fd N] stats RECORD [--review]\n"
           "  keep-in-touch-cli [--passphrase-fd N] passwd RECORD --new-passphrase-fd M\n"
           "  keep-in-touch-cli recover RECORD --recovery-key-fd K --new-passphrase-fd M\n"
           "  keep-in-touch-cli [--passphrase-fd N] bench [--size small|large] [--keep DIR]\n"
           "  keep-in-touch-cli [--passphrase-fd N] letter RECORD --change ID\n"
           "      --template explanation|request|review [--easy-read] [--paper a4|letter] OUT.pdf\n"
           "  keep-in-touch-cli [--passphrase-fd N] report RECORD --child NAME [--paper a4|letter] OUT.pdf\n");
}

static void
print_help (void)
{
  g_print ("%s\n", usage_text ());
  g_print ("%s", _(
    "Commands:\n"
    "  create    Make a new, empty record protected by a passphrase. With\n"
    "            --with-recovery-key, a recovery key is printed once on\n"
    "            standard output: write it down and keep it safe.\n"
    "  verify    Open the record, check the database and the history of every\n"
    "            child, and print \"ok\".\n"
    "  stats     Print the counts in the record as one JSON object\n"
    "            (--review: only what Review together shows).\n"
    "  passwd    Change the record's passphrase.\n"
    "  recover   Open the record with its recovery key and set a new passphrase.\n"
    "  bench     Build the benchmark record and print its timings, one\n"
    "            \"name value unit\" line each. --keep DIR leaves DIR/bench.kit\n"
    "            (passphrase from --passphrase-fd, or \"benchmark\").\n"
    "\n"
    "Passphrases:\n"
    "  --passphrase-fd N, --new-passphrase-fd M and --recovery-key-fd K read\n"
    "  the first line of that file descriptor. Without them, you are asked on\n"
    "  the terminal, and a new passphrase is asked twice.\n"
    "\n"
    "Exit status:\n"
    "  0 done; 1 usage or other problem; 2 wrong passphrase or recovery key;\n"
    "  3 damaged, not a record, or made by a newer version; 4 open in another\n"
    "  program; 5 cannot write (disk full, permission, missing folder).\n"
    "\n"
    "Environment:\n"
    "  KIT_KDF_MINIMAL=1  For tests only: create, passwd, recover and bench use\n"
    "                     the lowest key-derivation cost instead of tuning it.\n"
    "                     Records made this way are much easier to break into.\n"));
}

static int
usage_error (const char *message)
{
  g_printerr ("%s\n\n%s", message, usage_text ());
  return KIT_CLI_EXIT_USAGE;
}

static gboolean
parse_fd (const char *text, int *out)
{
  char *end = NULL;
  long value;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  errno = 0;
  value = strtol (text, &end, 10);
  if (errno != 0 || *end != '\0' || value < 0 || value > G_MAXINT)
    return FALSE;
  *out = (int) value;
  return TRUE;
}

/* Store one option's value. Returns FALSE after reporting a usage error. */
static gboolean
set_option (KitCliArgs *args, KitCliOption bit, const char *name, const char *value,
            int *exit_code)
{
  g_autofree char *message = NULL;

  if (args->given & bit)
    {
      message = g_strdup_printf (_("The option %s was given twice."), name);
      *exit_code = usage_error (message);
      return FALSE;
    }
  args->given |= bit;

  switch (bit)
    {
    case KIT_CLI_OPT_PASSPHRASE_FD:
    case KIT_CLI_OPT_NEW_PASSPHRASE_FD:
    case KIT_CLI_OPT_RECOVERY_KEY_FD:
      {
        int *target = bit == KIT_CLI_OPT_PASSPHRASE_FD ? &args->passphrase_fd
                    : bit == KIT_CLI_OPT_NEW_PASSPHRASE_FD ? &args->new_passphrase_fd
                    : &args->recovery_key_fd;
        if (!parse_fd (value, target))
          {
            message = g_strdup_printf (_("%s needs a file descriptor number, not “%s”."),
                                       name, value);
            *exit_code = usage_error (message);
            return FALSE;
          }
        return TRUE;
      }
    case KIT_CLI_OPT_WITH_RECOVERY_KEY:
      args->with_recovery_key = TRUE;
      return TRUE;
    case KIT_CLI_OPT_REVIEW:
      args->review = TRUE;
      return TRUE;
    case KIT_CLI_OPT_SIZE:
      if (g_strcmp0 (value, "small") == 0)
        args->large = FALSE;
      else if (g_strcmp0 (value, "large") == 0)
        args->large = TRUE;
      else
        {
          message = g_strdup_printf (_("The size must be “small” or “large”, not “%s”."),
                                     value);
          *exit_code = usage_error (message);
          return FALSE;
        }
      return TRUE;
    case KIT_CLI_OPT_CHANGE:
      args->change = value;
      return TRUE;
    case KIT_CLI_OPT_TEMPLATE:
      args->template_name = value;
      return TRUE;
    case KIT_CLI_OPT_EASY_READ:
      args->easy_read = TRUE;
      return TRUE;
    case KIT_CLI_OPT_PAPER:
      args->paper = value;
      return TRUE;
    case KIT_CLI_OPT_CHILD:
      args->child = value;
      return TRUE;
    case KIT_CLI_OPT_KEEP:
      if (value[0] == '\0')
        {
          *exit_code = usage_error (_("--keep needs the name of a folder."));
          return FALSE;
        }
      args->keep_dir = value;
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* Parse argv into @args. Returns -1 to go on, or an exit code. */
static int
parse_args (int argc, char **argv, KitCliArgs *args)
{
  int exit_code = KIT_CLI_EXIT_USAGE;
  gboolean options_done = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean matched = FALSE;

      if (!options_done && (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0))
        {
          print_help ();
          return KIT_CLI_EXIT_OK;
        }
      if (!options_done && strcmp (arg, "--version") == 0)
        {
          g_print ("keep-in-touch-cli %s\n", PACKAGE_VERSION);
          return KIT_CLI_EXIT_OK;
        }
      if (!options_done && strcmp (arg, "--") == 0)
        {
          options_done = TRUE;
          continue;
        }

      if (!options_done && arg[0] == '-' && arg[1] != '\0')
        {
          for (gsize o = 0; o < G_N_ELEMENTS (options) && !matched; o++)
            {
              gsize len = strlen (options[o].name);
              const char *value = NULL;

              if (strncmp (arg, options[o].name, len) != 0)
                continue;
              if (arg[len] == '=' && options[o].takes_value)
                value = arg + len + 1;
              else if (arg[len] != '\0')
                continue;
              else if (options[o].takes_value)
                {
                  if (i + 1 >= argc)
                    {
                      g_autofree char *message =
                        g_strdup_printf (_("The option %s needs a value."), options[o].name);
                      return usage_error (message);
                    }
                  value = argv[++i];
                }
              matched = TRUE;
              if (!set_option (args, options[o].bit, options[o].name, value, &exit_code))
                return exit_code;
            }
          if (!matched)
            {
              g_autofree char *message =
                g_strdup_printf (_("There is no option called “%s”."), arg);
              return usage_error (message);
            }
          continue;
        }

      if (args->command == NULL)
        args->command = arg;
      else if (args->record == NULL)
        args->record = arg;
      else if (args->output == NULL && (strcmp (args->command, "letter") == 0 ||
                                        strcmp (args->command, "report") == 0))
        args->output = arg;
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("One thing too many on the command line: “%s”."), arg);
          return usage_error (message);
        }
    }
  return -1;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  KitCliArgs args = {
    .passphrase_fd = -1,
    .new_passphrase_fd = -1,
    .recovery_key_fd = -1,
    .large = TRUE,
  };
  const KitCliCommand *command = NULL;
  int exit_code;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("keep-in-touch-cli");

  exit_code = parse_args (argc, argv, &args);
  if (exit_code >= 0)
    return exit_code;

  if (args.command == NULL)
    return usage_error (_("Please say what to do."));
  for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
    if (strcmp (commands[c].name, args.command) == 0)
      command = &commands[c];
  if (command == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no command called “%s”."), args.command);
      return usage_error (message);
    }
  if (command->needs_record && args.record == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("Please say which record to use with %s."), command->name);
      return usage_error (message);
    }
  if (!command->needs_record && args.record != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("%s does not take a record: “%s”."), command->name, args.record);
      return usage_error (message);
    }
  if ((args.given & ~command->allowed) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("Some of those options do not go with %s."), command->name);
      return usage_error (message);
    }

  if (!kit_secure_init (&error))
    {
      g_printerr (_("Keep in Touch could not protect its memory, so it will not open records: %s\n"),
                  error->message);
      return KIT_CLI_EXIT_USAGE;
    }

  exit_code = command->run (&args);
  if (fflush (stdout) != 0 && exit_code == KIT_CLI_EXIT_OK)
    {
      g_printerr (_("The result could not be written out: %s\n"), g_strerror (errno));
      exit_code = KIT_CLI_EXIT_USAGE;
    }
  return exit_code;
}
