/* test-safety.c — what the record keeps away from the disk and from other
 * programs: no plaintext in the file, no stray files in its folder, SQLite's
 * temporary storage kept in memory, no overwriting a file another program
 * changed, no core dumps, one process at a time, and dated backups. */

#include "kit-test-common.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MARKER "MARKER-Quokka-1234"

/* The empty folder SQLITE_TMPDIR points at (set in main, before SQLite runs). */
static char *sqlite_tmpdir;
static const char *self_exe;

/* --- inotify -------------------------------------------------------------- */

typedef struct {
  int fd;
  GPtrArray *names;   /* names that appeared (IN_CREATE / IN_MOVED_TO) */
} Watch;

static void
watch_start (Watch *w, const char *dir)
{
  w->fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  ck_assert_int_ge (w->fd, 0);
  ck_assert_int_ge (inotify_add_watch (w->fd, dir, IN_CREATE | IN_MOVED_TO), 0);
  w->names = g_ptr_array_new_with_free_func (g_free);
}

static void
watch_drain (Watch *w)
{
  char buf[8192] __attribute__ ((aligned (__alignof__ (struct inotify_event))));

  for (;;)
    {
      ssize_t n = read (w->fd, buf, sizeof buf);
      if (n <= 0)
        break;
      for (char *p = buf; p < buf + n;)
        {
          struct inotify_event *ev = (struct inotify_event *) p;
          g_ptr_array_add (w->names, g_strdup (ev->len > 0 ? ev->name : "(the folder)"));
          p += sizeof *ev + ev->len;
        }
    }
}

static void
watch_stop (Watch *w)
{
  watch_drain (w);
  close (w->fd);
  g_ptr_array_unref (w->names);
}

/* --- Markers -------------------------------------------------------------- */

static gboolean
bytes_contain (GBytes *bytes, const char *needle)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return memmem (data, len, needle, strlen (needle)) != NULL;
}

static void
assert_no_plaintext (const char *path)
{
  g_autoptr (GBytes) bytes = kt_read_file (path);

  ck_assert_msg (g_bytes_get_size (bytes) > 0, "%s is empty", path);
  ck_assert_msg (!bytes_contain (bytes, MARKER), "%s contains the marker text", path);
  ck_assert_msg (!bytes_contain (bytes, "Quokka"), "%s contains part of the marker", path);
  ck_assert_msg (!bytes_contain (bytes, "SQLite format 3"), "%s contains an SQLite header", path);
  ck_assert_msg (!bytes_contain (bytes, "CREATE TABLE"), "%s contains the schema", path);
}

static void
insert_markers (KitVault *vault, int rows)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO people (name, notes) SELECT '" MARKER " ' || i,"
    " replace(hex(zeroblob(40)), '00', '" MARKER " ') FROM n;", rows);

  kt_exec (vault, sql);
  kt_exec (vault, "INSERT INTO children (name, notes) VALUES ('" MARKER "', '" MARKER "');"
                  "INSERT OR REPLACE INTO meta (key, value) VALUES ('note', '" MARKER "');");
}

START_TEST (test_no_plaintext)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "private.kit", NULL);
  g_autofree char *recovery = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  KitVault *vault;

  vault = kt_create (path, KT_PASSPHRASE, &recovery);
  insert_markers (vault, 500);
  ck_assert (kit_vault_save (vault, &error));
  assert_no_plaintext (path);
  kt_close (vault);
  assert_no_plaintext (path);

  /* Reopened, edited and saved again: still nothing in clear, and neither
   * in the backups. */
  vault = kt_open (path, KT_PASSPHRASE);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault),
                                  "SELECT count(*) FROM people WHERE name LIKE '" MARKER "%'"),
                    500);
  insert_markers (vault, 10);
  kt_close (vault);
  assert_no_plaintext (path);
  backups = kit_vault_list_backups (path);
  ck_assert_uint_ge (backups->len, 1);
  for (guint i = 0; i < backups->len; i++)
    assert_no_plaintext (backups->pdata[i]);
  /* The lock file holds nothing of the record either. */
  {
    g_autofree char *lock = g_strconcat (path, ".lock", NULL);
    g_autofree char *data = NULL;
    gsize len = 0;
    if (g_file_get_contents (lock, &data, &len, NULL))
      ck_assert (memmem (data, len, "Quokka", 6) == NULL);
  }
  kt_rmtree (dir);
}
END_TEST

static gboolean
allowed_name (const char *name, const char *base, gboolean allow_temp)
{
  g_autofree char *lock = g_strconcat (base, ".lock", NULL);
  g_autofree char *backups = g_strconcat (base, ".backups", NULL);
  /* The save's temporary file: ".BASE.save-XXXXXX" (kit-vault.c). */
  g_autofree char *temp_prefix = g_strdup_printf (".%s.save-", base);

  if (g_str_equal (name, base) || g_str_equal (name, lock) || g_str_equal (name, backups))
    return TRUE;
  return allow_temp && g_str_has_prefix (name, temp_prefix) &&
         strlen (name) == strlen (temp_prefix) + 6;
}

START_TEST (test_no_stray_files)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "watched.kit", NULL);
  g_autofree char *backup_dir = g_strconcat (path, ".backups", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *recovery = NULL;
  KitVault *vault;
  Watch w;
  guint temps = 0;

  watch_start (&w, dir);
  vault = kt_create (path, KT_PASSPHRASE, &recovery);
  insert_markers (vault, 100);
  ck_assert (kit_vault_save (vault, &error));
  kt_exec (vault, "UPDATE children SET notes = 'changed';");
  ck_assert (kit_vault_save (vault, &error));
  kt_close (vault);
  vault = kt_open (path, KT_PASSPHRASE);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Cara');");
  ck_assert (kit_vault_save (vault, &error));
  {
    KitKdfParams kdf;
    kit_kdf_params_minimal (&kdf);
    ck_assert (kit_vault_change_passphrase (vault, "another passphrase", &kdf, &error));
  }
  kt_close (vault);
  vault = kit_vault_open_with_recovery_key (path, recovery, &error);
  ck_assert (vault != NULL);
  kt_close (vault);
  watch_drain (&w);

  for (guint i = 0; i < w.names->len; i++)
    {
      const char *name = w.names->pdata[i];
      ck_assert_msg (allowed_name (name, "watched.kit", TRUE), "'%s' appeared in the folder",
                     name);
      if (!allowed_name (name, "watched.kit", FALSE))
        temps++;
    }
  ck_assert_msg (temps >= 4, "only %u temporary save files were seen (watch not working?)",
                 temps);
  /* None remains; the backups folder holds dated backups only. */
  {
    g_autoptr (GPtrArray) names = kt_list_dir (dir);
    g_autoptr (GPtrArray) backup_names = kt_list_dir (backup_dir);
    g_autoptr (GPtrArray) listed = kit_vault_list_backups (path);
    for (guint i = 0; i < names->len; i++)
      ck_assert_msg (allowed_name (names->pdata[i], "watched.kit", FALSE),
                     "'%s' is left in the folder", (char *) names->pdata[i]);
    ck_assert_uint_ge (backup_names->len, 1);
    ck_assert_uint_eq (backup_names->len, listed->len);
    for (guint i = 0; i < backup_names->len; i++)
      ck_assert_msg (g_regex_match_simple ("^watched-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.kit$",
                                           backup_names->pdata[i], 0, 0),
                     "'%s' in the backups folder", (char *) backup_names->pdata[i]);
  }
  watch_stop (&w);
  kt_rmtree (dir);
}
END_TEST

/* --- Temporary storage ---------------------------------------------------- */

/* About 20 MB of marker text, then a sort without an index and a temporary
 * table built from it. */
static void
spill_workload (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 rows = 0;
  char *err = NULL;

  ck_assert_msg (sqlite3_exec (db,
                               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < 20000) INSERT INTO people (name, notes) SELECT "
                               "'" MARKER " ' || i, replace(hex(randomblob(300)), '0', "
                               "'" MARKER " ') FROM n;",
                               NULL, NULL, &err) == SQLITE_OK,
                 "insert: %s", err);
  ck_assert_int_ge (kt_query_int (db, "SELECT sum(length(notes)) FROM people"), 20 * 1000 * 1000);
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT notes FROM people ORDER BY substr(notes, 9), "
                                            "name DESC", -1, &stmt, NULL),
                    SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    rows++;
  sqlite3_finalize (stmt);
  ck_assert_int_eq (rows, 20000);
  ck_assert_msg (sqlite3_exec (db, "CREATE TEMP TABLE copy AS SELECT * FROM people ORDER BY notes;"
                                   "CREATE INDEX temp.copy_notes ON copy (notes);",
                               NULL, NULL, &err) == SQLITE_OK, "temp table: %s", err);
  ck_assert_int_eq (kt_query_int (db, "SELECT count(DISTINCT notes) FROM copy"), 20000);
  ck_assert (sqlite3_exec (db, "DROP TABLE temp.copy;", NULL, NULL, NULL) == SQLITE_OK);
}

START_TEST (test_temp_store_in_memory)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "big.kit", NULL);
  KitVault *vault;
  Watch w;

  ck_assert_str_eq (g_getenv ("SQLITE_TMPDIR"), sqlite_tmpdir);
  vault = kt_create (path, KT_PASSPHRASE, NULL);
  watch_start (&w, sqlite_tmpdir);
  spill_workload (kit_vault_get_db (vault));
  watch_drain (&w);
  ck_assert_msg (w.names->len == 0,
                 "SQLite made a file (%s) in SQLITE_TMPDIR for a record's temporary storage",
                 w.names->len ? (char *) w.names->pdata[0] : "");
  watch_stop (&w);
  kit_vault_close (vault, TRUE, NULL);
  g_object_unref (vault);
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_temp_store_control)
{
  /* The same work on a plain in-memory connection, without
   * temp_store=MEMORY, does spill to a file in SQLITE_TMPDIR: so the test
   * above can see the problem it guards against. */
  sqlite3 *db = NULL;
  Watch w;

  ck_assert_int_eq (sqlite3_open (":memory:", &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, "
                                      "notes TEXT);", NULL, NULL, NULL),
                    SQLITE_OK);
  ck_assert_int_ne (kt_query_int (db, "PRAGMA temp_store"), 2);
  watch_start (&w, sqlite_tmpdir);
  spill_workload (db);
  watch_drain (&w);
  ck_assert_msg (w.names->len > 0, "the control made no temporary file: the check above proves "
                                   "nothing on this SQLite");
  watch_stop (&w);
  sqlite3_close (db);
}
END_TEST

/* --- Changed on disk ------------------------------------------------------- */

typedef enum {
  CHANGE_REWRITE_IN_PLACE,     /* same inode, new bytes */
  CHANGE_REPLACE_BY_RENAME,    /* a new file renamed over it */
  CHANGE_SAME_SIZE_SAME_MTIME, /* same inode, same size, mtime put back */
  N_CHANGES
} ChangeKind;

static const char *const change_names[] = {
  "rewritten in place", "replaced by a rename", "rewritten with its mtime put back",
};

static void
other_program_changes (const char *path, ChangeKind kind, GBytes **out_bytes)
{
  g_autoptr (GBytes) now = kt_read_file (path);
  gsize len = g_bytes_get_size (now);
  g_autofree guint8 *other = g_memdup2 (g_bytes_get_data (now, NULL), len);
  struct stat st;

  /* Different bytes of the same length (a sync tool bringing another copy). */
  for (gsize i = len / 2; i < len; i++)
    other[i] ^= 0x5a;
  ck_assert_int_eq (stat (path, &st), 0);
  switch (kind)
    {
    case CHANGE_REWRITE_IN_PLACE:
    case CHANGE_SAME_SIZE_SAME_MTIME:
      {
        int fd = open (path, O_WRONLY | O_CLOEXEC);
        ck_assert_int_ge (fd, 0);
        ck_assert_int_eq (pwrite (fd, other, len, 0), (ssize_t) len);
        if (kind == CHANGE_SAME_SIZE_SAME_MTIME)
          {
            struct timespec times[2] = { st.st_atim, st.st_mtim };
            ck_assert_int_eq (futimens (fd, times), 0);
          }
        else
          {
            /* Make sure the clock has moved on, even on coarse timestamps. */
            struct timespec times[2] = { { 0, UTIME_NOW }, { st.st_mtim.tv_sec + 2, 0 } };
            ck_assert_int_eq (futimens (fd, times), 0);
          }
        close (fd);
      }
      break;
    case CHANGE_REPLACE_BY_RENAME:
      {
        g_autofree char *tmp = g_strconcat (path, ".synctmp", NULL);
        kt_write_file (tmp, other, len);
        ck_assert_int_eq (rename (tmp, path), 0);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  *out_bytes = g_bytes_new (other, len);
}

static void
check_changed_on_disk (ChangeKind kind)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "shared.kit", NULL);
  g_autoptr (GBytes) theirs = NULL;
  g_autoptr (GError) error = NULL;
  const char *what = change_names[kind];
  char *stray = NULL;
  KitVault *vault;

  vault = kt_create (path, KT_PASSPHRASE, NULL);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Amelia');");
  ck_assert (kit_vault_save (vault, &error));
  /* Saving twice is no change by another program. */
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Ben');");
  ck_assert_msg (kit_vault_save (vault, &error), "second save: %s", error ? error->message : "");

  kt_exec (vault, "INSERT INTO children (name) VALUES ('Mine');");
  other_program_changes (path, kind, &theirs);

  ck_assert_msg (!kit_vault_save (vault, &error), "%s: the save overwrote the other file", what);
  ck_assert_msg (error->code == KIT_RECORD_ERROR_CHANGED_ON_DISK, "%s: error %d: %s", what,
                 error->code, error->message);
  ck_assert_int_eq (kit_record_error_exit_code (error), 5);
  g_clear_error (&error);
  ck_assert_msg (kt_file_equals (path, theirs), "%s: the other program's file was touched", what);
  ck_assert_msg (kt_dir_is_clean (dir, path, &stray), "%s: '%s' left behind", what, stray);

  /* Closing does not overwrite it either, and keeps the record open. */
  ck_assert (!kit_vault_close (vault, FALSE, &error));
  ck_assert_int_eq (error->code, KIT_RECORD_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  ck_assert (kit_vault_is_open (vault));
  ck_assert (kt_file_equals (path, theirs));
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault),
                                  "SELECT count(*) FROM children WHERE name = 'Mine'"),
                    1);

  /* She chose to keep her version. */
  ck_assert_msg (kit_vault_save_overwrite (vault, &error), "%s: overwrite: %s", what,
                 error ? error->message : "");
  kt_exec (vault, "INSERT INTO children (name) VALUES ('After');");
  ck_assert_msg (kit_vault_save (vault, &error), "%s: save after overwrite: %s", what,
                 error ? error->message : "");
  kt_close (vault);
  vault = kt_open (path, KT_PASSPHRASE);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM children"), 4);
  kt_close (vault);
  kt_rmtree (dir);
}

START_TEST (test_changed_on_disk_rewritten)
{
  check_changed_on_disk (CHANGE_REWRITE_IN_PLACE);
}
END_TEST

START_TEST (test_changed_on_disk_replaced)
{
  check_changed_on_disk (CHANGE_REPLACE_BY_RENAME);
}
END_TEST

START_TEST (test_changed_on_disk_mtime_restored)
{
  check_changed_on_disk (CHANGE_SAME_SIZE_SAME_MTIME);
}
END_TEST

/* --- Core dumps ------------------------------------------------------------- */

/* Runs in a fresh process (re-executed with --dumpable-probe RECORD): open
 * the record WITHOUT calling kit_secure_init() first, then report. */
static int
dumpable_probe (const char *path)
{
  GError *error = NULL;
  struct rlimit rl;
  KitVault *vault;
  int dumpable_before = prctl (PR_GET_DUMPABLE, 0, 0, 0, 0);
  int dumpable;

  vault = kit_vault_open (path, KT_PASSPHRASE, &error);
  if (vault == NULL)
    {
      fprintf (stderr, "probe: %s\n", error->message);
      return 10;
    }
  dumpable = prctl (PR_GET_DUMPABLE, 0, 0, 0, 0);
  getrlimit (RLIMIT_CORE, &rl);
  printf ("before=%d dumpable=%d core_cur=%llu core_max=%llu\n", dumpable_before, dumpable,
          (unsigned long long) rl.rlim_cur, (unsigned long long) rl.rlim_max);
  kit_vault_close (vault, TRUE, NULL);
  g_object_unref (vault);
  return 0;
}

START_TEST (test_fifo_refused_quickly)
{
  /* A FIFO named like a record must be refused, not wait for a writer. */
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "pipe.kit", NULL);
  g_autoptr (GError) error = NULL;
  gint64 start;
  KitVault *vault;

  ck_assert_int_eq (mkfifo (path, 0600), 0);
  start = g_get_monotonic_time ();
  vault = kit_vault_open (path, KT_PASSPHRASE, &error);
  ck_assert (vault == NULL);
  ck_assert_int_eq (kit_record_error_exit_code (error), 3);
  ck_assert_int_lt (g_get_monotonic_time () - start, 5 * G_USEC_PER_SEC);
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_not_dumpable)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "dump.kit", NULL);
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { self_exe, "--dumpable-probe", path, NULL };
  struct rlimit rl;
  int status = 0;
  KitVault *vault;

  kt_close (kt_create (path, KT_PASSPHRASE, NULL));

  /* In this process, with a record open. */
  vault = kt_open (path, KT_PASSPHRASE);
  ck_assert_int_eq (prctl (PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
  ck_assert_int_eq (getrlimit (RLIMIT_CORE, &rl), 0);
  ck_assert_uint_eq (rl.rlim_cur, 0);
  ck_assert_uint_eq (rl.rlim_max, 0);
  kt_close (vault);

  /* In a fresh process that only opens a record (starting dumpable). */
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error),
                 "spawn: %s", error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "probe failed: %s", out);
  ck_assert_msg (strstr (out, "before=1") != NULL, "probe did not start dumpable: %s", out);
  ck_assert_msg (strstr (out, "dumpable=0 core_cur=0 core_max=0") != NULL,
                 "a process with a record open can dump core: %s", out);
  kt_rmtree (dir);
}
END_TEST

/* --- One process at a time --------------------------------------------------- */

START_TEST (test_in_use)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "busy.kit", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  int ready[2], release[2];
  char c = 0;
  pid_t pid;
  int status = 0;
  KitVault *vault;

  kt_close (kt_create (path, KT_PASSPHRASE, NULL));
  bytes = kt_read_file (path);
  ck_assert_int_eq (pipe (ready), 0);
  ck_assert_int_eq (pipe (release), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      GError *child_error = NULL;
      KitVault *held;
      char r = 0;

      close (ready[0]);
      close (release[1]);
      held = kit_vault_open (path, KT_PASSPHRASE, &child_error);
      r = held != NULL ? 'y' : 'n';
      if (write (ready[1], &r, 1) != 1)
        _exit (2);
      /* Hold the record until the parent closes its end. */
      while (read (release[0], &r, 1) > 0)
        ;
      if (held != NULL)
        kit_vault_close (held, TRUE, NULL);
      _exit (held != NULL ? 0 : 1);
    }
  close (ready[1]);
  close (release[0]);
  ck_assert_int_eq (read (ready[0], &c, 1), 1);
  ck_assert_msg (c == 'y', "the other process could not open the record");

  /* While the other process holds it: IN_USE, exit code 4, in words. */
  ck_assert_ptr_null (kit_vault_open (path, KT_PASSPHRASE, &error));
  ck_assert_msg (error->code == KIT_RECORD_ERROR_IN_USE, "error %d: %s", error->code,
                 error->message);
  ck_assert_int_eq (kit_record_error_exit_code (error), 4);
  ck_assert_uint_ge (strlen (error->message), 20);
  g_clear_error (&error);
  /* The wrong passphrase makes no difference: still in use (nothing derived
   * from a record another process holds). */
  ck_assert_ptr_null (kit_vault_open (path, "wrong", &error));
  ck_assert_int_eq (kit_record_error_exit_code (error), 4);
  g_clear_error (&error);
  ck_assert (kt_file_equals (path, bytes));

  close (release[1]);
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  close (ready[0]);

  /* Released: it opens here, and then a second opener in this same process
   * (another open file description) is refused too. */
  vault = kt_open (path, KT_PASSPHRASE);
  ck_assert_ptr_null (kit_vault_open (path, KT_PASSPHRASE, &error));
  ck_assert_int_eq (kit_record_error_exit_code (error), 4);
  g_clear_error (&error);
  kt_close (vault);
  kt_close (kt_open (path, KT_PASSPHRASE));
  kt_rmtree (dir);
}
END_TEST

/* --- Backups -------------------------------------------------------------------- */

static char *
backup_name (const char *stem, GDateTime *day)
{
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  return g_strdup_printf ("%s-%s.kit", stem, date);
}

START_TEST (test_backups)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "mine.kit", NULL);
  g_autofree char *bdir = kit_vault_backup_dir (path);
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (today, -1);
  g_autofree char *today_name = backup_name ("mine", today);
  g_autofree char *today_path = g_build_filename (bdir, today_name, NULL);
  g_autofree char *yesterday_name = backup_name ("mine", yesterday);
  g_autofree char *yesterday_path = g_build_filename (bdir, yesterday_name, NULL);
  g_autoptr (GBytes) v0 = NULL;
  g_autoptr (GBytes) v2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  KitVault *vault;

  {
    g_autofree char *expected = g_strconcat (path, ".backups", NULL);
    ck_assert_str_eq (bdir, expected);
  }
  vault = kt_create (path, KT_PASSPHRASE, NULL);
  ck_assert_uint_eq (kit_vault_get_backups_to_keep (vault), KIT_BACKUPS_TO_KEEP_DEFAULT);
  v0 = kt_read_file (path);

  /* The first save of the day keeps the file as it was. */
  kt_exec (vault, "INSERT INTO children (name) VALUES ('One');");
  ck_assert (kit_vault_save (vault, &error));
  list = kit_vault_list_backups (path);
  ck_assert_uint_eq (list->len, 1);
  ck_assert_str_eq (list->pdata[0], today_path);
  ck_assert (kt_file_equals (today_path, v0));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Later saves the same day keep that one as it is. */
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Two');");
  ck_assert (kit_vault_save (vault, &error));
  list = kit_vault_list_backups (path);
  ck_assert_uint_eq (list->len, 1);
  ck_assert (kt_file_equals (today_path, v0));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A new day: today's backup becomes yesterday's (by hand), and the next
   * save keeps the file as it was before it. */
  ck_assert_int_eq (g_rename (today_path, yesterday_path), 0);
  v2 = kt_read_file (path);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Three');");
  ck_assert (kit_vault_save (vault, &error));
  list = kit_vault_list_backups (path);
  ck_assert_uint_eq (list->len, 2);
  ck_assert_str_eq (list->pdata[0], today_path);     /* newest first */
  ck_assert_str_eq (list->pdata[1], yesterday_path);
  ck_assert (kt_file_equals (today_path, v2));
  ck_assert (kt_file_equals (yesterday_path, v0));
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A backup is a record that opens (from a copy, to keep the folder tidy). */
  {
    g_autofree char *copy_dir = kt_tmpdir ();
    g_autofree char *copy = g_build_filename (copy_dir, "restored.kit", NULL);
    KitVault *restored;
    kt_write_file (copy, g_bytes_get_data (v2, NULL), g_bytes_get_size (v2));
    restored = kt_open (copy, KT_PASSPHRASE);
    ck_assert_int_eq (kt_query_int (kit_vault_get_db (restored), "SELECT count(*) FROM children"),
                      2);
    kt_close (restored);
    kt_rmtree (copy_dir);
  }

  /* Pruning: with twelve older backups and 3 to keep, the next first save
   * of a day leaves the three newest. */
  for (int i = 1; i <= 12; i++)
    {
      g_autoptr (GDateTime) old = g_date_time_add_days (today, -10 - i);
      g_autofree char *name = backup_name ("mine", old);
      g_autofree char *p = g_build_filename (bdir, name, NULL);
      kt_write_file (p, g_bytes_get_data (v0, NULL), g_bytes_get_size (v0));
    }
  kit_vault_set_backups_to_keep (vault, 3);
  ck_assert_uint_eq (kit_vault_get_backups_to_keep (vault), 3);
  ck_assert_int_eq (g_unlink (today_path), 0);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Four');");
  ck_assert (kit_vault_save (vault, &error));
  list = kit_vault_list_backups (path);
  ck_assert_uint_eq (list->len, 3);
  ck_assert_str_eq (list->pdata[0], today_path);
  ck_assert_str_eq (list->pdata[1], yesterday_path);
  {
    g_autoptr (GDateTime) newest_old = g_date_time_add_days (today, -11);
    g_autofree char *name = backup_name ("mine", newest_old);
    g_autofree char *p = g_build_filename (bdir, name, NULL);
    ck_assert_str_eq (list->pdata[2], p);
  }
  {
    g_autoptr (GPtrArray) names = kt_list_dir (bdir);
    ck_assert_uint_eq (names->len, 3);
  }
  kt_close (vault);
  kt_rmtree (dir);
}
END_TEST

int
main (int argc, char **argv)
{
  Suite *s;

  if (argc == 3 && g_str_equal (argv[1], "--dumpable-probe"))
    return dumpable_probe (argv[2]);

  /* Before SQLite reads it: an empty folder of our own for its temp files. */
  sqlite_tmpdir = g_dir_make_tmp ("kit-sqlite-tmp-XXXXXX", NULL);
  g_assert (sqlite_tmpdir != NULL);
  g_setenv ("SQLITE_TMPDIR", sqlite_tmpdir, TRUE);
  self_exe = argv[0];
  kt_init ();

  s = suite_create ("safety");
  kt_add_test (s, "no-plaintext", test_no_plaintext);
  kt_add_test (s, "no-stray-files", test_no_stray_files);
  kt_add_test (s, "temp-store", test_temp_store_in_memory);
  kt_add_test (s, "temp-store-control", test_temp_store_control);
  kt_add_test (s, "changed-rewritten", test_changed_on_disk_rewritten);
  kt_add_test (s, "changed-replaced", test_changed_on_disk_replaced);
  kt_add_test (s, "changed-mtime-restored", test_changed_on_disk_mtime_restored);
  kt_add_test (s, "not-dumpable", test_not_dumpable);
  kt_add_test (s, "fifo", test_fifo_refused_quickly);
  kt_add_test (s, "in-use", test_in_use);
  kt_add_test (s, "backups", test_backups);
  {
    int ret = kt_run_suite (s);
    kt_rmtree (sqlite_tmpdir);
    g_free (sqlite_tmpdir);
    return ret;
  }
}
