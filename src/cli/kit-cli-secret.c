/* kit-cli-secret.c — reading passphrases and recovery keys for the
 * command-line companion, from a file descriptor or from the terminal with
 * echo off. Every buffer that held a secret is wiped (sodium_free). */

#include "config.h"

#include "kit-cli-secret.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Read one line from @fd into a fresh sodium buffer. Returns NULL on error;
 * *got_any tells an empty line from nothing at all. */
static char *
read_line (int fd, gboolean *got_any, GError **error)
{
  char *buf = sodium_malloc (KIT_CLI_SECRET_MAX + 2);
  gsize len = 0;

  *got_any = FALSE;
  if (buf == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("There was not enough memory to read the passphrase."));
      return NULL;
    }

  for (;;)
    {
      char c;
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          sodium_free (buf);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("The passphrase could not be read from file descriptor %d (%s)."),
                       fd, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      *got_any = TRUE;
      if (c == '\n')
        break;
      if (len >= KIT_CLI_SECRET_MAX)
        {
          sodium_free (buf);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The passphrase is too long (more than %d bytes)."),
                       KIT_CLI_SECRET_MAX);
          return NULL;
        }
      buf[len++] = c;
    }

  if (len > 0 && buf[len - 1] == '\r')
    len--;
  buf[len] = '\0';
  return buf;
}

/* Copy @raw into normalised sodium memory and wipe @raw. */
static KitSecret *
normalize_and_wipe (char *raw, GError **error)
{
  KitSecret *secret = kit_secret_new_normalized (raw);

  sodium_free (raw);
  if (secret == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The passphrase could not be read as text (it is not valid UTF-8)."));
  return secret;
}

KitSecret *
kit_cli_secret_from_fd (int fd, GError **error)
{
  gboolean got_any;
  char *raw = read_line (fd, &got_any, error);

  if (raw == NULL)
    return NULL;
  if (!got_any)
    {
      sodium_free (raw);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Nothing could be read from file descriptor %d."), fd);
      return NULL;
    }
  return normalize_and_wipe (raw, error);
}

/* The terminal settings to put back if a signal arrives while echo is off. */
static int tty_fd = -1;
static struct termios tty_saved;
static const int tty_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };
static struct sigaction tty_old_actions[G_N_ELEMENTS (tty_signals)];

static void
tty_restore_on_signal (int signum)
{
  if (tty_fd >= 0)
    tcsetattr (tty_fd, TCSAFLUSH, &tty_saved);
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
tty_catch_signals (void)
{
  struct sigaction action;

  memset (&action, 0, sizeof action);
  action.sa_handler = tty_restore_on_signal;
  sigemptyset (&action.sa_mask);
  for (gsize i = 0; i < G_N_ELEMENTS (tty_signals); i++)
    sigaction (tty_signals[i], &action, &tty_old_actions[i]);
}

static void
tty_release_signals (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (tty_signals); i++)
    sigaction (tty_signals[i], &tty_old_actions[i], NULL);
}

static void
tty_write (int fd, const char *text)
{
  gsize len = strlen (text);

  while (len > 0)
    {
      ssize_t n = write (fd, text, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return;
      text += n;
      len -= (gsize) n;
    }
}

/* Ask once on the open terminal @fd with echo off. */
static char *
tty_ask (int fd, const char *prompt, GError **error)
{
  struct termios quiet;
  gboolean got_any;
  char *raw;

  if (tcgetattr (fd, &tty_saved) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The passphrase cannot be asked for here, because there is no terminal. "
                             "Give it with --passphrase-fd instead."));
      return NULL;
    }
  quiet = tty_saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;

  tty_write (fd, prompt);
  tty_fd = fd;
  tty_catch_signals ();
  tcsetattr (fd, TCSAFLUSH, &quiet);
  raw = read_line (fd, &got_any, error);
  tcsetattr (fd, TCSAFLUSH, &tty_saved);
  tty_release_signals ();
  tty_fd = -1;

  if (raw != NULL && !got_any)
    {
      sodium_free (raw);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("No passphrase was typed."));
      return NULL;
    }
  return raw;
}

KitSecret *
kit_cli_secret_from_tty (const char *prompt, const char *confirm_prompt, GError **error)
{
  int fd = open ("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  char *first = NULL;
  KitSecret *secret = NULL;

  if (fd < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The passphrase cannot be asked for here, because there is no terminal. "
                             "Give it with --passphrase-fd instead."));
      return NULL;
    }

  first = tty_ask (fd, prompt, error);
  if (first != NULL && confirm_prompt != NULL)
    {
      char *second = tty_ask (fd, confirm_prompt, error);

      if (second == NULL)
        {
          sodium_free (first);
          first = NULL;
        }
      else
        {
          gboolean same = strcmp (first, second) == 0;

          sodium_free (second);
          if (!same)
            {
              sodium_free (first);
              first = NULL;
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                   _("The two passphrases you typed are not the same. "
                                     "Nothing has been changed; please try again."));
            }
        }
    }
  close (fd);

  if (first != NULL)
    secret = normalize_and_wipe (first, error);
  return secret;
}

KitSecret *
kit_cli_secret_get (int fd, const char *prompt, const char *confirm_prompt, GError **error)
{
  if (fd >= 0)
    return kit_cli_secret_from_fd (fd, error);
  return kit_cli_secret_from_tty (prompt, confirm_prompt, error);
}
