/* test-crash.c — crash safety: a helper process (kit-test-saver, its path is
 * argv[1]) saves a record in a loop and is killed with SIGKILL at random
 * moments, at least 200 times. After each kill the record must open and hold
 * either the last state the saver reported or the one after it — never a
 * mix, never damage — and stale temporary files must not pile up. */

#include "kit-test-common.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *saver_path;

typedef struct {
  GPid pid;
  int out;            /* read end of the saver's stdout */
  GString *pending;   /* an incomplete line */
  gint64 last;        /* the last counter value it reported */
  gint64 expect_next; /* the value its next report must carry */
  guint reports;
} Saver;

static void
saver_start (Saver *s, const char *path, gint64 base)
{
  int fds[2];

  ck_assert_int_eq (pipe (fds), 0);
  s->pid = fork ();
  ck_assert_int_ge (s->pid, 0);
  if (s->pid == 0)
    {
      char *args[] = { (char *) saver_path, (char *) path, (char *) KT_PASSPHRASE, NULL };
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);
      execv (saver_path, args);
      fprintf (stderr, "cannot run %s: %s\n", saver_path, g_strerror (errno));
      _exit (127);
    }
  close (fds[1]);
  s->out = fds[0];
  s->pending = g_string_new (NULL);
  s->last = base;
  s->expect_next = base + 1;
  s->reports = 0;
}

/* Read what is there (waiting up to @timeout_ms for something); returns FALSE
 * at end of file. */
static gboolean
saver_read (Saver *s, int timeout_ms)
{
  struct pollfd pfd = { s->out, POLLIN, 0 };
  char buf[4096];
  ssize_t n;

  if (poll (&pfd, 1, timeout_ms) <= 0)
    return TRUE;
  n = read (s->out, buf, sizeof buf);
  if (n <= 0)
    return FALSE;
  g_string_append_len (s->pending, buf, n);
  for (;;)
    {
      char *nl = memchr (s->pending->str, '\n', s->pending->len);
      gint64 value;

      if (nl == NULL)
        break;
      *nl = '\0';
      value = g_ascii_strtoll (s->pending->str, NULL, 10);
      ck_assert_msg (value == s->expect_next,
                     "the saver reported %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                     value, s->expect_next);
      s->last = value;
      s->expect_next = value + 1;
      s->reports++;
      g_string_erase (s->pending, 0, nl - s->pending->str + 1);
    }
  return TRUE;
}

static void
saver_kill (Saver *s)
{
  int status = 0;

  kill (s->pid, SIGKILL);
  ck_assert_int_eq (waitpid (s->pid, &status, 0), s->pid);
  ck_assert_msg (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL,
                 "the saver ended by itself (status 0x%x) instead of being killed", status);
  /* Everything it wrote before dying is still in the pipe. */
  while (saver_read (s, 1000))
    ;
  close (s->out);
  g_string_free (s->pending, TRUE);
}

static gboolean
is_stale_save (const char *name, const char *record_base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.save-", record_base);
  return g_str_has_prefix (name, prefix);
}

START_TEST (test_kill_while_saving)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "crash.kit", NULL);
  const char *seed_env = g_getenv ("KIT_TEST_SEED");
  const char *rounds_env = g_getenv ("KIT_CRASH_ROUNDS");
  guint32 seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  guint rounds = rounds_env ? (guint) g_ascii_strtoull (rounds_env, NULL, 10) : 200;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  gint64 base = 0;
  guint new_state = 0, old_state = 0, stale_seen = 0, before_first_report = 0;
  guint64 total_reports = 0;
  KitVault *vault;

  fprintf (stderr, "crash test: seed %u (set KIT_TEST_SEED to repeat), %u rounds\n", seed,
           rounds);
  ck_assert_uint_ge (rounds, rounds_env ? 1 : 200);
  ck_assert_msg (g_file_test (saver_path, G_FILE_TEST_IS_EXECUTABLE), "no saver at %s",
                 saver_path);

  /* The test process opens the record between kills; memoise its KDF. */
  kt_kdf_install_memo ();
  vault = kt_create (path, KT_PASSPHRASE, NULL);
  kt_exec (vault, "INSERT INTO meta (key, value) VALUES ('counter', '0');");
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Amelia'), ('Ben');");
  kt_close (vault);

  for (guint round = 0; round < rounds; round++)
    {
      Saver s;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) names = NULL;
      g_autofree char *stray = NULL;
      g_autofree char *base_name = g_path_get_basename (path);
      gint64 counter;
      gboolean wait_first = g_rand_int_range (rand, 0, 4) != 0;
      gint64 deadline;

      saver_start (&s, path, base);
      if (wait_first)
        {
          /* Let it get into its loop, so that most kills land in a save. */
          deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
          while (s.reports == 0 && g_get_monotonic_time () < deadline)
            ck_assert_msg (saver_read (&s, 100), "round %u: the saver stopped (see its message)",
                           round);
          ck_assert_msg (s.reports > 0, "round %u: the saver never saved", round);
        }
      else
        before_first_report++;
      /* A random moment: 0–30 ms. */
      deadline = g_get_monotonic_time () + g_rand_int_range (rand, 0, 30001);
      while (g_get_monotonic_time () < deadline)
        saver_read (&s, MAX (1, (int) ((deadline - g_get_monotonic_time ()) / 1000)));
      saver_kill (&s);
      total_reports += s.reports;

      names = kt_list_dir (dir);
      for (guint i = 0; i < names->len; i++)
        if (is_stale_save (names->pdata[i], base_name))
          stale_seen++;

      /* The record opens, whole, in the old or the new state. */
      vault = kit_vault_open (path, KT_PASSPHRASE, &error);
      ck_assert_msg (vault != NULL, "round %u (seed %u): the record does not open after a kill: "
                     "%s (exit %d)", round, seed, error ? error->message : "?",
                     kit_record_error_exit_code (error));
      counter = kt_query_int (kit_vault_get_db (vault),
                              "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'counter'");
      ck_assert_msg (counter == s.last || counter == s.last + 1,
                     "round %u (seed %u): counter %" G_GINT64_FORMAT " after the saver reported "
                     "%" G_GINT64_FORMAT, round, seed, counter, s.last);
      ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM children"),
                        2);
      if (counter == s.last)
        old_state++;
      else
        new_state++;

      /* Opening cleans up what a killed save left behind. */
      ck_assert_msg (kt_dir_is_clean (dir, path, &stray),
                     "round %u: '%s' is still in the folder after opening", round, stray);
      kit_vault_close (vault, TRUE, NULL);
      g_object_unref (vault);
      base = counter;
    }

  fprintf (stderr, "crash test: %u kills, %" G_GUINT64_FORMAT " saves reported; %u found the "
                   "reported state, %u the one after it; %u kills before the first save; %u "
                   "stale temporary files seen (and removed on open)\n",
           rounds, total_reports, old_state, new_state, before_first_report, stale_seen);
  ck_assert_msg (total_reports > rounds, "the saver hardly saved at all");
  kt_rmtree (dir);
}
END_TEST

int
main (int argc, char **argv)
{
  Suite *s;

  if (argc < 2)
    {
      fprintf (stderr, "usage: test-crash PATH-TO-kit-test-saver\n");
      return 1;
    }
  saver_path = argv[1];
  kt_init ();
  s = suite_create ("crash");
  kt_add_test (s, "kill-while-saving", test_kill_while_saving);
  return kt_run_suite (s);
}
