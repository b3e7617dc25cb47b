/* test-save-faults.c — a save that fails part-way (through fault injection in
 * the KitIoOps table, or a real full disk) reports CANNOT_WRITE in plain
 * words, leaves the old file byte-for-byte intact and no temporary file
 * behind, keeps the edit in memory, and the next save succeeds.
 *
 * With --full-disk it runs only the real full-disk test, on a 1 MiB tmpfs; it
 * exits 77 (skipped) where mounting is not allowed. */

#include "kit-test-common.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

/* --- The fault-injecting I/O table -------------------------------------- */

typedef enum {
  OP_MKSTEMP,
  OP_WRITE,
  OP_PREAD,
  OP_FSYNC,
  OP_CLOSE,
  OP_RENAME,
  OP_LINK,
  OP_UNLINK,
  OP_FSYNC_DIR,
  N_OPS
} Op;

static const char *const op_names[N_OPS] = {
  "mkstemp", "write", "pread", "fsync", "close", "rename", "link", "unlink", "fsync_dir",
};

typedef struct {
  gboolean armed;
  Op op;
  guint nth;          /* fail the nth call (1-based) of op… */
  gboolean every;     /* …or every call from the nth on */
  int err;            /* errno to fail with (0: no failure, only shorten) */
  gsize short_cap;    /* for write/pread: do at most this many bytes per call */
} Fault;

static Fault fault;
static guint calls[N_OPS];

static gboolean
should_fail (Op op)
{
  calls[op]++;
  if (!fault.armed || fault.op != op || fault.err == 0)
    return FALSE;
  return fault.every ? calls[op] >= fault.nth : calls[op] == fault.nth;
}

/* With a failure to inject, the cap shortens every call (so that the failure
 * lands part-way through); without one, it shortens the nth call (or every
 * call from the nth on). */
static gsize
capped (Op op, gsize count)
{
  if (!fault.armed || fault.op != op || fault.short_cap == 0)
    return count;
  if (fault.err != 0 || (fault.every ? calls[op] >= fault.nth : calls[op] == fault.nth))
    return MIN (count, fault.short_cap);
  return count;
}

static int
f_open_at (const char *path, int flags, mode_t mode)
{
  return kit_io_real ()->open_at (path, flags, mode);
}

static int
f_mkstemp (char *template_path)
{
  if (should_fail (OP_MKSTEMP))
    return errno = fault.err, -1;
  return kit_io_real ()->mkstemp (template_path);
}

static ssize_t
f_write (int fd, const void *buf, size_t count)
{
  if (should_fail (OP_WRITE))
    return errno = fault.err, -1;
  return kit_io_real ()->write (fd, buf, capped (OP_WRITE, count));
}

static ssize_t
f_pread (int fd, void *buf, size_t count, off_t offset)
{
  if (should_fail (OP_PREAD))
    return errno = fault.err, -1;
  return kit_io_real ()->pread (fd, buf, capped (OP_PREAD, count), offset);
}

static int
f_fsync (int fd)
{
  if (should_fail (OP_FSYNC))
    return errno = fault.err, -1;
  return kit_io_real ()->fsync (fd);
}

static int
f_close (int fd)
{
  if (should_fail (OP_CLOSE))
    {
      /* Like NFS: the descriptor is gone, but the close reports an error. */
      kit_io_real ()->close (fd);
      return errno = fault.err, -1;
    }
  return kit_io_real ()->close (fd);
}

static int
f_rename (const char *from, const char *to)
{
  if (should_fail (OP_RENAME))
    return errno = fault.err, -1;
  return kit_io_real ()->rename (from, to);
}

static int
f_link (const char *from, const char *to)
{
  if (should_fail (OP_LINK))
    return errno = fault.err, -1;
  return kit_io_real ()->link (from, to);
}

static int
f_unlink (const char *path)
{
  if (should_fail (OP_UNLINK))
    return errno = fault.err, -1;
  return kit_io_real ()->unlink (path);
}

static int
f_fsync_dir (const char *dir)
{
  if (should_fail (OP_FSYNC_DIR))
    return errno = fault.err, -1;
  return kit_io_real ()->fsync_dir (dir);
}

static const KitIoOps faulty_ops = {
  .open_at = f_open_at,
  .mkstemp = f_mkstemp,
  .write = f_write,
  .pread = f_pread,
  .fsync = f_fsync,
  .close = f_close,
  .rename = f_rename,
  .link = f_link,
  .unlink = f_unlink,
  .fsync_dir = f_fsync_dir,
};

static void
arm (Op op, guint nth, gboolean every, int err, gsize short_cap)
{
  memset (calls, 0, sizeof calls);
  fault = (Fault) { TRUE, op, nth, every, err, short_cap };
  kit_io_set (&faulty_ops);
}

static void
disarm (void)
{
  fault.armed = FALSE;
  memset (calls, 0, sizeof calls);
  kit_io_set (&faulty_ops); /* still counting, never failing */
}

/* --- Checks --------------------------------------------------------------- */

static void
assert_plain_words (const GError *error, int err)
{
  const char *msg = error->message;
  int letters = 0;

  for (const char *p = msg; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      letters++;
  ck_assert_msg (letters >= 20, "message is not in words: '%s'", msg);
  ck_assert_msg (strstr (msg, "errno") == NULL && strstr (msg, "E" "NOSPC") == NULL &&
                   strstr (msg, "EIO") == NULL && strstr (msg, "EXDEV") == NULL,
                 "message shows a raw error name: '%s'", msg);
  if (err == ENOSPC)
    ck_assert_msg (strstr (msg, "full") != NULL || strstr (msg, "space") != NULL,
                   "a full disk is not said to be full: '%s'", msg);
}

typedef struct {
  char *dir;
  char *path;
  KitVault *vault;
  GBytes *before;
  int edits;
} Fixture;

static void
fixture_init (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  KitVault *vault;

  memset (f, 0, sizeof *f);
  f->dir = kt_tmpdir ();
  f->path = g_build_filename (f->dir, "faults.kit", NULL);
  vault = kt_create (f->path, KT_PASSPHRASE, NULL);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Amelia'), ('Ben');");
  /* Several chunks, so writes and reads take more than one call when capped. */
  kt_exec (vault,
           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
           " INSERT INTO people (name, notes) SELECT 'p' || i, hex(randomblob(1000)) FROM n;");
  ck_assert (kit_vault_save (vault, &error));
  kt_close (vault);
  f->vault = kt_open (f->path, KT_PASSPHRASE);
  f->edits = 0;
  disarm ();
}

static void
fixture_clear (Fixture *f)
{
  kit_io_set (NULL);
  if (f->vault != NULL)
    {
      kit_vault_close (f->vault, TRUE, NULL);
      g_object_unref (f->vault);
    }
  g_clear_pointer (&f->before, g_bytes_unref);
  kt_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
make_edit (Fixture *f)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO children (name) VALUES ('Edit %d');",
                                          ++f->edits);
  kt_exec (f->vault, sql);
  g_clear_pointer (&f->before, g_bytes_unref);
  f->before = kt_read_file (f->path);
}

static gint64
edits_in (sqlite3 *db)
{
  return kt_query_int (db, "SELECT count(*) FROM children WHERE name LIKE 'Edit %'");
}

static void
assert_clean_dir (Fixture *f, const char *what)
{
  char *stray = NULL;

  ck_assert_msg (kt_dir_is_clean (f->dir, f->path, &stray), "%s: '%s' left in the folder", what,
                 stray);
}

/* Open a copy of the record file (the record itself is locked by us). */
static gint64
edits_in_copy_of_file (Fixture *f)
{
  g_autoptr (GBytes) now = kt_read_file (f->path);
  g_autofree char *copy_dir = kt_tmpdir ();
  g_autofree char *copy = g_build_filename (copy_dir, "copy.kit", NULL);
  KitVault *vault;
  gint64 n;

  kt_write_file (copy, g_bytes_get_data (now, NULL), g_bytes_get_size (now));
  vault = kt_open (copy, KT_PASSPHRASE);
  n = edits_in (kit_vault_get_db (vault));
  kit_vault_close (vault, TRUE, NULL);
  g_object_unref (vault);
  kt_rmtree (copy_dir);
  return n;
}

/* After a failed save: the edit is in memory, the fault cleared, the next
 * save works and a reopen shows the edit. */
static void
assert_recovers (Fixture *f, const char *what)
{
  g_autoptr (GError) error = NULL;

  ck_assert_int_eq (edits_in (kit_vault_get_db (f->vault)), f->edits);
  disarm ();
  ck_assert_msg (kit_vault_save (f->vault, &error), "%s: the save after the fault cleared: %s",
                 what, error ? error->message : "?");
  assert_clean_dir (f, what);
  kt_close (f->vault);
  f->vault = kt_open (f->path, KT_PASSPHRASE);
  ck_assert_msg (edits_in (kit_vault_get_db (f->vault)) == f->edits,
                 "%s: the edit is not in the reopened record", what);
}

/* One injected failure that must make the save fail with the old file intact. */
static void
check_failing_save (Op op, guint nth, gboolean every, int err, gsize short_cap)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("%s failing (call %u%s) with %s", op_names[op], nth,
                                           every ? " on" : "", g_strerror (err));
  gboolean ok;

  fixture_init (&f);
  make_edit (&f);
  arm (op, nth, every, err, short_cap);
  ok = kit_vault_save (f.vault, &error);
  ck_assert_msg (calls[op] >= nth, "%s: the save made only %u %s calls", what, calls[op],
                 op_names[op]);
  disarm ();
  ck_assert_msg (!ok, "%s: the save reported success", what);
  ck_assert_msg (error->domain == KIT_RECORD_ERROR &&
                   error->code == KIT_RECORD_ERROR_CANNOT_WRITE,
                 "%s: error %d: %s", what, error->code, error->message);
  ck_assert_int_eq (kit_record_error_exit_code (error), 5);
  assert_plain_words (error, err);

  if (op == OP_FSYNC_DIR)
    {
      /* The rename has happened: the file is a whole record, old or new. */
      gint64 n = edits_in_copy_of_file (&f);
      ck_assert_msg (n == f.edits - 1 || n == f.edits, "%s: the file holds %" G_GINT64_FORMAT
                     " edits", what, n);
    }
  else
    ck_assert_msg (kt_file_equals (f.path, f.before), "%s: the old file was changed", what);
  assert_clean_dir (&f, what);
  assert_recovers (&f, what);
  fixture_clear (&f);
}

/* A hiccup the save must get through: it succeeds and the file is right. */
static void
check_surviving_save (Op op, guint nth, gboolean every, int err, gsize short_cap)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *what = g_strdup_printf ("%s %s (call %u%s, cap %zu)", op_names[op],
                                           err ? g_strerror (err) : "short", nth,
                                           every ? " on" : "", short_cap);

  fixture_init (&f);
  make_edit (&f);
  arm (op, nth, every, err, short_cap);
  ck_assert_msg (kit_vault_save (f.vault, &error), "%s: the save failed: %s", what,
                 error ? error->message : "?");
  ck_assert_msg (calls[op] >= nth, "%s: only %u calls", what, calls[op]);
  disarm ();
  assert_clean_dir (&f, what);
  ck_assert_int_eq (edits_in_copy_of_file (&f), f.edits);
  kt_close (f.vault);
  f.vault = kt_open (f.path, KT_PASSPHRASE);
  ck_assert_int_eq (edits_in (kit_vault_get_db (f.vault)), f.edits);
  fixture_clear (&f);
}

START_TEST (test_mkstemp_fails)
{
  int errs[] = { EACCES, ENOSPC, EROFS, EMFILE, ENOENT };
  for (guint i = 0; i < G_N_ELEMENTS (errs); i++)
    check_failing_save (OP_MKSTEMP, 1, FALSE, errs[i], 0);
}
END_TEST

START_TEST (test_write_fails)
{
  check_failing_save (OP_WRITE, 1, FALSE, ENOSPC, 0);
  check_failing_save (OP_WRITE, 1, FALSE, EIO, 0);
  /* Part of the file already written when the disk fills or fails. */
  check_failing_save (OP_WRITE, 5, FALSE, ENOSPC, 16 * 1024);
  check_failing_save (OP_WRITE, 3, FALSE, EIO, 16 * 1024);
  check_failing_save (OP_WRITE, 2, TRUE, EDQUOT, 16 * 1024);
}
END_TEST

START_TEST (test_short_writes)
{
  /* Every write shorter than asked, one short write, and odd sizes. */
  check_surviving_save (OP_WRITE, 1, TRUE, 0, 4096);
  check_surviving_save (OP_WRITE, 1, FALSE, 0, 1);
  check_surviving_save (OP_WRITE, 1, FALSE, 0, 12345);
  check_surviving_save (OP_WRITE, 1, TRUE, 0, 511);
  /* An interrupted write is simply tried again. */
  check_surviving_save (OP_WRITE, 1, FALSE, EINTR, 0);
}
END_TEST

START_TEST (test_read_back_fails)
{
  check_failing_save (OP_PREAD, 1, FALSE, EIO, 0);
  check_failing_save (OP_PREAD, 2, FALSE, EIO, 8192);
  /* Short reads are fine. */
  check_surviving_save (OP_PREAD, 1, TRUE, 0, 3000);
}
END_TEST

START_TEST (test_fsync_fails)
{
  check_failing_save (OP_FSYNC, 1, FALSE, EIO, 0);
  check_failing_save (OP_FSYNC, 1, FALSE, ENOSPC, 0);
  check_failing_save (OP_CLOSE, 1, FALSE, EIO, 0);
}
END_TEST

START_TEST (test_rename_fails)
{
  check_failing_save (OP_RENAME, 1, FALSE, EXDEV, 0);
  check_failing_save (OP_RENAME, 1, FALSE, EACCES, 0);
  check_failing_save (OP_RENAME, 1, FALSE, ENOSPC, 0);
  check_failing_save (OP_RENAME, 1, FALSE, EIO, 0);
}
END_TEST

START_TEST (test_folder_fsync_fails)
{
  check_failing_save (OP_FSYNC_DIR, 1, FALSE, EIO, 0);
}
END_TEST

START_TEST (test_backup_link_fails)
{
  /* Keeping the daily backup is housekeeping: its failure never fails a save. */
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *backups = NULL;

  fixture_init (&f);
  backups = kit_vault_backup_dir (f.path);
  kt_rmtree (backups); /* so that the next save is the first of the day */
  make_edit (&f);
  arm (OP_LINK, 1, TRUE, EPERM, 0);
  ck_assert_msg (kit_vault_save (f.vault, &error), "save: %s", error ? error->message : "?");
  ck_assert_uint_ge (calls[OP_LINK], 1);
  disarm ();
  assert_clean_dir (&f, "backup link failing");
  kt_close (f.vault);
  f.vault = kt_open (f.path, KT_PASSPHRASE);
  ck_assert_int_eq (edits_in (kit_vault_get_db (f.vault)), f.edits);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_backup_link_fails_copy_kept)
{
  /* Where hard links are refused (FAT/exFAT USB sticks), the backup is a copy. */
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *backups = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GBytes) kept = NULL;

  fixture_init (&f);
  backups = kit_vault_backup_dir (f.path);
  kt_rmtree (backups);
  make_edit (&f);
  arm (OP_LINK, 1, TRUE, EPERM, 0);
  ck_assert_msg (kit_vault_save (f.vault, &error), "save: %s", error ? error->message : "?");
  disarm ();
  list = kit_vault_list_backups (f.path);
  ck_assert_uint_eq (list->len, 1);
  kept = kt_read_file (g_ptr_array_index (list, 0));
  ck_assert_msg (g_bytes_equal (kept, f.before), "the copied backup is not the file as it was");
  fixture_clear (&f);
}
END_TEST

START_TEST (test_rename_fails_after_backup_link)
{
  /* The first save of a day links the record into the backups, which
   * changes its ctime. If the rename then fails, the next save must not
   * take our own link for another program's change. */
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *backups = NULL;

  fixture_init (&f);
  backups = kit_vault_backup_dir (f.path);
  kt_rmtree (backups);
  make_edit (&f);
  arm (OP_RENAME, 1, FALSE, EIO, 0);
  ck_assert (!kit_vault_save (f.vault, &error));
  ck_assert_uint_ge (calls[OP_LINK], 1);
  g_clear_error (&error);
  disarm ();
  ck_assert_msg (kit_vault_save (f.vault, &error), "the next save: %s",
                 error ? error->message : "?");
  kt_close (f.vault);
  f.vault = kt_open (f.path, KT_PASSPHRASE);
  ck_assert_int_eq (edits_in (kit_vault_get_db (f.vault)), f.edits);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_passphrase_change_folder_fsync_fails)
{
  /* The new file (new passphrase) is in place even though the folder sync
   * failed: memory must agree with the disk, so the old passphrase must not
   * come back at the next save. */
  Fixture f;
  g_autoptr (GError) error = NULL;
  KitKdfParams kdf;
  KitVault *other;

  fixture_init (&f);
  kit_kdf_params_minimal (&kdf);
  arm (OP_FSYNC_DIR, 1, FALSE, EIO, 0);
  ck_assert (!kit_vault_change_passphrase (f.vault, "a new passphrase", &kdf, &error));
  disarm ();
  g_clear_error (&error);
  make_edit (&f);
  ck_assert_msg (kit_vault_save (f.vault, &error), "save: %s", error ? error->message : "?");
  kt_close (f.vault);
  f.vault = NULL;
  other = kit_vault_open (f.path, KT_PASSPHRASE, &error);
  ck_assert_msg (other == NULL, "the old passphrase still opens the record");
  g_clear_error (&error);
  f.vault = kt_open (f.path, "a new passphrase");
  ck_assert_int_eq (edits_in (kit_vault_get_db (f.vault)), f.edits);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_create_folder_fsync_fails)
{
  /* The record file is in place: creating gives the record, not an error
   * that would leave a file the user cannot create again. */
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.kit", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *recovery = NULL;
  KitKdfParams kdf;
  KitVault *vault;

  kit_kdf_params_minimal (&kdf);
  arm (OP_FSYNC_DIR, 1, FALSE, EIO, 0);
  vault = kit_vault_create (path, KT_PASSPHRASE, &kdf, &recovery, &error);
  disarm ();
  kit_io_set (NULL);
  ck_assert_msg (vault != NULL, "create: %s", error ? error->message : "?");
  ck_assert (recovery != NULL);
  kt_close (vault);
  vault = kit_vault_open_with_recovery_key (path, recovery, &error);
  ck_assert_msg (vault != NULL, "the recovery key does not open it: %s",
                 error ? error->message : "?");
  kt_close (vault);
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_every_call_fails_in_turn)
{
  /* Whatever single call of a save fails (except the housekeeping ones), the
   * save reports it and nothing is lost. First count the calls of a save. */
  Fixture f;
  guint counts[N_OPS];
  g_autoptr (GError) error = NULL;
  Op ops[] = { OP_MKSTEMP, OP_WRITE, OP_PREAD, OP_FSYNC, OP_CLOSE, OP_RENAME, OP_FSYNC_DIR };

  fixture_init (&f);
  make_edit (&f);
  disarm ();
  ck_assert (kit_vault_save (f.vault, &error));
  memcpy (counts, calls, sizeof counts);
  fixture_clear (&f);

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      ck_assert_msg (counts[ops[i]] >= 1, "a save made no %s call", op_names[ops[i]]);
      for (guint nth = 1; nth <= counts[ops[i]]; nth++)
        check_failing_save (ops[i], nth, FALSE, EIO, 0);
    }
}
END_TEST

START_TEST (test_repeated_failures_then_success)
{
  /* Several failed saves in a row (with more edits between them) lose
   * nothing and leave nothing behind. */
  Fixture f;
  Op ops[] = { OP_WRITE, OP_FSYNC, OP_RENAME, OP_MKSTEMP, OP_PREAD };
  g_autoptr (GBytes) original = NULL;

  fixture_init (&f);
  original = kt_read_file (f.path);
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      g_autoptr (GError) error = NULL;
      make_edit (&f);
      arm (ops[i], 1, FALSE, ENOSPC, 0);
      ck_assert (!kit_vault_save (f.vault, &error));
      disarm ();
      ck_assert_int_eq (kit_record_error_exit_code (error), 5);
      ck_assert (kt_file_equals (f.path, original));
      assert_clean_dir (&f, op_names[ops[i]]);
    }
  /* Closing without force refuses to lose the edits while saving fails. */
  {
    g_autoptr (GError) error = NULL;
    arm (OP_WRITE, 1, TRUE, ENOSPC, 0);
    ck_assert (!kit_vault_close (f.vault, FALSE, &error));
    disarm ();
    ck_assert_int_eq (kit_record_error_exit_code (error), 5);
    ck_assert (kit_vault_is_open (f.vault));
    ck_assert (kt_file_equals (f.path, original));
  }
  assert_recovers (&f, "five failed saves");
  ck_assert_int_eq (edits_in (kit_vault_get_db (f.vault)), 5);
  fixture_clear (&f);
}
END_TEST

/* --- A real full disk ------------------------------------------------------ */

static char *full_disk_dir;

/* Mount a 1 MiB tmpfs on a fresh folder, in a mount namespace of our own so
 * that nothing outlives the test. Returns FALSE where that is not allowed. */
static gboolean
mount_small_tmpfs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kit-full-disk-XXXXXX", NULL);

  if (dir == NULL)
    return FALSE;
  if (unshare (CLONE_NEWNS) != 0 ||
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0700") != 0)
    {
      fprintf (stderr, "SKIP: cannot mount a 1 MiB tmpfs here (%s); the full-disk test needs "
                       "CAP_SYS_ADMIN (run as root, or in a container that allows mount)\n",
               g_strerror (errno));
      g_rmdir (dir);
      return FALSE;
    }
  full_disk_dir = g_steal_pointer (&dir);
  return TRUE;
}

START_TEST (test_full_disk)
{
  g_autofree char *path = g_build_filename (full_disk_dir, "full.kit", NULL);
  g_autoptr (GBytes) last_good = NULL;
  g_autoptr (GError) error = NULL;
  KitVault *vault;
  gint64 saved_rows = 0, rows = 0;
  gboolean failed = FALSE;
  char *stray = NULL;

  kit_io_set (NULL);
  vault = kt_create (path, KT_PASSPHRASE, NULL);
  last_good = kt_read_file (path);
  for (int i = 0; i < 64 && !failed; i++)
    {
      /* About 64 KB of incompressible text per round. */
      kt_exec (vault, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 16)"
                      " INSERT INTO people (name, notes) SELECT 'p', hex(randomblob(2000)) FROM n;");
      rows += 16;
      if (kit_vault_save (vault, &error))
        {
          saved_rows = rows;
          g_bytes_unref (last_good);
          last_good = kt_read_file (path);
          continue;
        }
      failed = TRUE;
    }
  ck_assert_msg (failed, "a 1 MiB disk never filled up");
  ck_assert_msg (saved_rows > 0, "not even the first save fitted");
  ck_assert_int_eq (error->code, KIT_RECORD_ERROR_CANNOT_WRITE);
  assert_plain_words (error, ENOSPC);
  g_clear_error (&error);

  /* The previous file is intact, nothing is left behind, the data is in memory. */
  ck_assert_msg (kt_file_equals (path, last_good), "the last good file was changed");
  ck_assert_msg (kt_dir_is_clean (full_disk_dir, path, &stray), "'%s' left behind", stray);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM people"), rows);

  /* Making room (smaller database) lets the next save succeed. */
  kt_exec (vault, "DELETE FROM people;");
  kt_exec (vault, "VACUUM;");
  ck_assert_msg (kit_vault_save (vault, &error), "save after making room: %s",
                 error ? error->message : "?");
  kt_close (vault);

  vault = kt_open (path, KT_PASSPHRASE);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM people"), 0);
  kt_close (vault);
  ck_assert_msg (kt_dir_is_clean (full_disk_dir, path, &stray), "'%s' left behind", stray);
  (void) saved_rows;
}
END_TEST

START_TEST (test_full_disk_old_file_opens)
{
  /* The file left by a failed save on a full disk opens with what was saved. */
  g_autofree char *path = g_build_filename (full_disk_dir, "full2.kit", NULL);
  g_autoptr (GError) error = NULL;
  KitVault *vault;
  gint64 saved_rows = 0;

  kit_io_set (NULL);
  vault = kt_create (path, KT_PASSPHRASE, NULL);
  for (int i = 0; i < 64; i++)
    {
      kt_exec (vault, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 16)"
                      " INSERT INTO people (name, notes) SELECT 'q', hex(randomblob(2000)) FROM n;");
      if (!kit_vault_save (vault, &error))
        break;
      saved_rows = kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM people");
    }
  ck_assert_msg (error != NULL, "the disk never filled up");
  g_clear_error (&error);
  /* Close without saving (forced: the disk is still full). */
  kit_vault_close (vault, TRUE, NULL);
  ck_assert (!kit_vault_is_open (vault));
  g_object_unref (vault);

  vault = kt_open (path, KT_PASSPHRASE);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM people"),
                    saved_rows);
  kit_vault_close (vault, TRUE, NULL);
  g_object_unref (vault);
}
END_TEST

int
main (int argc, char **argv)
{
  Suite *s;

  kt_init ();
  if (argc > 1 && g_strcmp0 (argv[1], "--full-disk") == 0)
    {
      if (!mount_small_tmpfs ())
        return 77;
      s = suite_create ("save-full-disk");
      kt_add_test (s, "full-disk", test_full_disk);
      kt_add_test (s, "full-disk-old-file-opens", test_full_disk_old_file_opens);
      {
        int ret = kt_run_suite (s);
        umount2 (full_disk_dir, MNT_DETACH);
        g_rmdir (full_disk_dir);
        g_free (full_disk_dir);
        return ret;
      }
    }

  s = suite_create ("save-faults");
  kt_add_test (s, "mkstemp", test_mkstemp_fails);
  kt_add_test (s, "write", test_write_fails);
  kt_add_test (s, "short-writes", test_short_writes);
  kt_add_test (s, "read-back", test_read_back_fails);
  kt_add_test (s, "fsync", test_fsync_fails);
  kt_add_test (s, "rename", test_rename_fails);
  kt_add_test (s, "folder-fsync", test_folder_fsync_fails);
  kt_add_test (s, "backup-link", test_backup_link_fails);
  kt_add_test (s, "backup-link-copy", test_backup_link_fails_copy_kept);
  kt_add_test (s, "rename-after-backup-link", test_rename_fails_after_backup_link);
  kt_add_test (s, "passwd-folder-fsync", test_passphrase_change_folder_fsync_fails);
  kt_add_test (s, "create-folder-fsync", test_create_folder_fsync_fails);
  kt_add_test (s, "every-call", test_every_call_fails_in_turn);
  kt_add_test (s, "repeated", test_repeated_failures_then_success);
  return kt_run_suite (s);
}
