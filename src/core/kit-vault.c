/* kit-vault.c — one open record: the lock beside it, the data key in locked
 * memory, the database in memory, and the careful save (DESIGN §4):
 * encrypt the whole file in memory, write a new file beside the old one,
 * fsync, read it back, keep a dated backup, rename over, fsync the folder. */

#include "kit-vault.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kit-io.h"
#include "kit-schema.h"
#include "kit-secure.h"

#define SAVE_SUFFIX ".save-XXXXXX"

struct _KitVault
{
  GObject parent_instance;

  char *path;
  char *dir;
  int lock_fd;
  guint8 *key;                  /* sodium_malloc, KIT_KEY_BYTES */
  KitHeader header;             /* key slots and chunk size, rewritten on save */
  sqlite3 *db;
  double kdf_ms;
  guint backups_to_keep;

  GMutex write_lock;            /* guards everything below */
  GByteArray *cipher;           /* the encrypted file, reused between saves */
  int last_write_errno;         /* why the last save failed, for messages */
  struct stat disk;             /* the file as we last read or wrote it */
  gboolean disk_known;
  guint64 snapshot_seq;         /* last snapshot taken for saving */
  guint64 written_seq;          /* last snapshot written to disk */
  gint64 saved_changes;         /* sqlite3_total_changes at that snapshot */
};

G_DEFINE_FINAL_TYPE (KitVault, kit_vault, G_TYPE_OBJECT)

/* Errors. */

static gboolean
fail (GError **error, KitRecordError code, const char *message)
{
  g_set_error_literal (error, KIT_RECORD_ERROR, code, message);
  return FALSE;
}

static const char *
write_problem (int err)
{
  switch (err)
    {
    case ENOSPC:
    case EDQUOT:
      return "The disk is full. Free some space, then try again.";
    case EACCES:
    case EPERM:
    case EROFS:
      return "Keep in Touch is not allowed to write in this folder.";
    case ENOENT:
    case ENOTDIR:
      return "The folder can no longer be found. "
             "If it is on a USB stick, check that it is plugged in.";
    case EXDEV:
      return "The new copy could not be moved into place.";
    default:
      return "The disk reported a problem.";
    }
}

static gboolean
fail_write (GError **error, int err, const char *step)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CANNOT_WRITE,
               "Your changes could not be saved (%s). %s Nothing has been lost: "
               "your changes are kept while the app stays open, and saving will be tried again.",
               step, write_problem (err));
  return FALSE;
}

static gboolean
fail_create (GError **error, int err)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CANNOT_WRITE,
               "The new record could not be made there. %s", write_problem (err));
  return FALSE;
}

static gboolean
fail_lock (GError **error, int err)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CANNOT_WRITE,
               "Keep in Touch could not make its lock file beside the record. %s",
               write_problem (err));
  return FALSE;
}

static gboolean
fail_sqlite (sqlite3 *db, GError **error)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
               "Database error: %s", db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

/* Paths and the lock. */

static char *
save_template (KitVault *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
  return g_strdup_printf ("%s/.%s" SAVE_SUFFIX, self->dir, base);
}

static gboolean
lock_acquire (const char *path, int *fd_out, GError **error)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  int fd = open (lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);

  if (fd < 0)
    return fail_lock (error, errno);
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int err = errno;
      close (fd);
      if (err == EWOULDBLOCK)
        return fail (error, KIT_RECORD_ERROR_IN_USE,
                     "This record is open in another program. "
                     "Close it there first, then try again.");
      return fail_lock (error, err);
    }
  *fd_out = fd;
  return TRUE;
}

/* Leftovers of a save that was interrupted (power cut, kill) are removed
 * while we hold the lock, so they cannot be another process's save. */
static void
remove_stale_saves (KitVault *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *prefix = g_strdup_printf (".%s.save-", base);
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6)
      {
        g_autofree char *stale = g_build_filename (self->dir, name, NULL);
        unlink (stale);
      }
}

/* Reading the file. */

static guint64
max_file_size (void)
{
  return kit_header_size (KIT_SLOTS_MAX) + KIT_PLAINTEXT_MAX +
         (KIT_PLAINTEXT_MAX / KIT_CHUNK_SIZE_MIN + 1) * crypto_secretstream_xchacha20poly1305_ABYTES;
}

static gboolean
read_record_file (const char *path, GBytes **out, struct stat *st, GError **error)
{
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
  guint8 *buf;
  gsize done = 0;

  if (fd < 0)
    {
      if (errno == ENOENT)
        return fail (error, KIT_RECORD_ERROR_NOT_FOUND,
                     "There is no record at that place. It may have been moved or renamed.");
      if (errno == ELOOP)
        return fail (error, KIT_RECORD_ERROR_NOT_A_RECORD,
                     "This is a link, not a record file. Please open the record itself.");
      return fail (error, KIT_RECORD_ERROR_FAILED,
                   "The record could not be read. Keep in Touch may not be allowed to open it.");
    }
  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode) || (guint64) st->st_size > max_file_size ())
    {
      close (fd);
      return fail (error, KIT_RECORD_ERROR_NOT_A_RECORD,
                   "This file is not a Keep in Touch record.");
    }

  buf = g_malloc (MAX (st->st_size, 1));
  while (done < (gsize) st->st_size)
    {
      ssize_t n = read (fd, buf + done, st->st_size - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          close (fd);
          g_free (buf);
          return fail (error, KIT_RECORD_ERROR_DAMAGED,
                       "The record could not be read to the end. The disk may be damaged.");
        }
      done += n;
    }
  close (fd);
  *out = g_bytes_new_take (buf, done);
  return TRUE;
}

/* The database. */

static void *
sqlite_alloc (guint64 size)
{
  return sqlite3_malloc64 (size);
}

/* Take ownership of @image (sqlite3_malloc'd) as an in-memory database. */
static sqlite3 *
db_from_image (guint8 *image, gsize len, GError **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_free (image);
      fail_sqlite (db, error);
      sqlite3_close (db);
      return NULL;
    }
  if (sqlite3_deserialize (db, "main", image, len, len,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
    {
      fail_sqlite (db, error);
      sqlite3_close (db);
      return NULL;
    }
  if (!kit_schema_configure (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  /* sqlite3_deserialize accepts anything; only a full check shows damage. */
  ok = sqlite3_prepare_v2 (db, "PRAGMA integrity_check;", -1, &stmt, NULL) == SQLITE_OK &&
       sqlite3_step (stmt) == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!ok)
    {
      fail (error, KIT_RECORD_ERROR_DAMAGED,
            "This record is damaged inside, and cannot be opened as it is.");
      sqlite3_close (db);
      return NULL;
    }
  if (!kit_schema_migrate (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/* An empty database with the latest schema, as an image. */
static guint8 *
new_database_image (gsize *len, GError **error)
{
  sqlite3 *db = NULL;
  sqlite3_int64 size = 0;
  guint8 *image = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      !kit_schema_configure (db, error) || !kit_schema_migrate (db, error))
    {
      if (error != NULL && *error == NULL)
        fail_sqlite (db, error);
      sqlite3_close (db);
      return NULL;
    }
  image = sqlite3_serialize (db, "main", &size, 0);
  if (image == NULL)
    fail_sqlite (db, error);
  sqlite3_close (db);
  *len = (gsize) size;
  return image;
}

/* Saving. */

static gboolean
same_file (const struct stat *a, const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static gboolean
write_all (const KitIoOps *io, int fd, const guint8 *data, gsize len, int *err)
{
  while (len > 0)
    {
      ssize_t n = io->write (fd, data, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *err = n == 0 ? ENOSPC : errno;
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

static void
free_plain (void *p)
{
  sqlite3_free (p);
}

typedef struct {
  const KitIoOps *io;
  int fd;
} ReadBack;

static gboolean
read_back_at (gpointer user_data, guint8 *buf, gsize len, guint64 offset)
{
  ReadBack *rb = user_data;

  while (len > 0)
    {
      ssize_t n = rb->io->pread (rb->fd, buf, len, (off_t) offset);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      buf += n;
      len -= n;
      offset += n;
    }
  return TRUE;
}

/* Read the new file back and decrypt it: what is on disk must be what we meant. */
static gboolean
verify_written (const KitIoOps *io, int fd, gsize file_len, const guint8 *key,
                const guint8 *plain, gsize plain_len)
{
  ReadBack rb = { io, fd };

  return kit_record_verify (read_back_at, &rb, file_len, key, plain, plain_len);
}

static char *
backup_path_for_today (const char *path)
{
  g_autofree char *dir = kit_vault_backup_dir (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strdup_printf ("%s-%s.kit", base, day);
  return g_build_filename (dir, name, NULL);
}

static void
prune_backups (KitVault *self)
{
  g_autoptr(GPtrArray) backups = kit_vault_list_backups (self->path);

  /* Pruning is housekeeping: a failure here never fails a save. */
  for (guint i = self->backups_to_keep; i < backups->len; i++)
    unlink (g_ptr_array_index (backups, i));
}

/* Keep the file as it was before today's first save. */
static void
keep_daily_backup (KitVault *self)
{
  const KitIoOps *io = kit_io_get ();
  g_autofree char *backup = backup_path_for_today (self->path);
  g_autofree char *dir = g_path_get_dirname (backup);

  if (g_file_test (backup, G_FILE_TEST_EXISTS) || !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return;
  if (io->link (self->path, backup) != 0)
    g_debug ("Could not keep a backup of %s: %s", self->path, g_strerror (errno));
  prune_backups (self);
}

typedef struct {
  guint8 *plain;         /* the database image */
  gboolean borrowed;     /* plain points into the live database (synchronous saves) */
  gsize plain_len;
  guint64 seq;
  gint64 changes;
  gboolean overwrite;
} Snapshot;

static void
snapshot_free (Snapshot *snap)
{
  if (!snap->borrowed)
    sqlite3_free (snap->plain);   /* the zeroing allocator wipes it */
  g_free (snap);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

/* A synchronous save can borrow the live image: nothing edits the database
 * until it returns. An asynchronous one needs its own copy. */
static Snapshot *
take_snapshot (KitVault *self, gboolean overwrite, gboolean borrow, GError **error)
{
  g_autoptr(Snapshot) snap = g_new0 (Snapshot, 1);
  sqlite3_int64 size = 0;

  if (self->db == NULL)
    {
      fail (error, KIT_RECORD_ERROR_FAILED, "The record is locked.");
      return NULL;
    }
  if (!sqlite3_get_autocommit (self->db))
    {
      fail (error, KIT_RECORD_ERROR_FAILED,
            "The record is in the middle of a change and cannot be saved yet.");
      return NULL;
    }
  if (borrow)
    snap->plain = sqlite3_serialize (self->db, "main", &size, SQLITE_SERIALIZE_NOCOPY);
  snap->borrowed = snap->plain != NULL;
  if (snap->plain == NULL)
    snap->plain = sqlite3_serialize (self->db, "main", &size, 0);
  if (snap->plain == NULL)
    {
      fail_sqlite (self->db, error);
      return NULL;
    }
  snap->plain_len = (gsize) size;
  g_mutex_lock (&self->write_lock);
  snap->seq = ++self->snapshot_seq;
  g_mutex_unlock (&self->write_lock);
  snap->changes = sqlite3_total_changes64 (self->db);
  snap->overwrite = overwrite;
  return g_steal_pointer (&snap);
}

/* Write @snap to a new file beside the record and rename it over the record.
 * On failure before the rename, the old file is untouched and the new one is gone. */
static gboolean
replace_file (KitVault *self, Snapshot *snap, GError **error)
{
  const KitIoOps *io = kit_io_get ();
  g_autofree char *tmp = save_template (self);
  struct stat st;
  int fd, err = 0;
  const char *step = NULL;

  fd = io->mkstemp (tmp);
  if (fd < 0)
    return fail_write (error, self->last_write_errno = errno, "a new file could not be made");

  if (!write_all (io, fd, self->cipher->data, self->cipher->len, &err))
    step = "writing failed";
  else if (io->fsync (fd) != 0)
    err = errno, step = "the disk did not confirm the write";
  else if (!verify_written (io, fd, self->cipher->len, self->key, snap->plain, snap->plain_len))
    err = EIO, step = "the new copy did not read back correctly";
  else if (fstat (fd, &st) != 0)
    err = errno, step = "the new copy could not be checked";
  if (io->close (fd) != 0 && step == NULL)
    err = errno, step = "writing failed";
  if (step != NULL)
    {
      io->unlink (tmp);
      return fail_write (error, self->last_write_errno = err, step);
    }

  keep_daily_backup (self);
  if (io->rename (tmp, self->path) != 0)
    {
      err = errno;
      io->unlink (tmp);
      return fail_write (error, self->last_write_errno = err,
                         "the new copy could not replace the old one");
    }
  /* From here the new file is the record, whatever the folder sync says. */
  self->disk = st;
  self->disk_known = TRUE;
  if (io->fsync_dir (self->dir) != 0)
    return fail_write (error, self->last_write_errno = errno,
                       "the disk did not confirm the new copy");
  return TRUE;
}

static gboolean
write_snapshot (KitVault *self, Snapshot *snap, GError **error)
{
  struct stat now;
  KitHeader header;
  gboolean ok;

  g_mutex_lock (&self->write_lock);
  if (self->lock_fd < 0)
    {
      g_mutex_unlock (&self->write_lock);
      return fail (error, KIT_RECORD_ERROR_FAILED, "The record is locked.");
    }
  if (snap->seq <= self->written_seq)
    {
      /* A newer snapshot is already on disk. */
      g_mutex_unlock (&self->write_lock);
      return TRUE;
    }
  if (!snap->overwrite && self->disk_known &&
      (lstat (self->path, &now) != 0 || !same_file (&now, &self->disk)))
    {
      g_mutex_unlock (&self->write_lock);
      return fail (error, KIT_RECORD_ERROR_CHANGED_ON_DISK,
                   "This record was changed by another program since you opened it. "
                   "Your changes have not been saved over it yet.");
    }
  header = self->header;
  kit_record_encrypt_into (&header, self->key, snap->plain, snap->plain_len, self->cipher);
  ok = replace_file (self, snap, error);
  if (ok)
    {
      self->written_seq = snap->seq;
      self->saved_changes = snap->changes;
    }
  g_mutex_unlock (&self->write_lock);
  return ok;
}

static gboolean
save (KitVault *self, gboolean overwrite, GError **error)
{
  g_autoptr(Snapshot) snap = take_snapshot (self, overwrite, TRUE, error);

  return snap != NULL && write_snapshot (self, snap, error);
}

/* Opening. */

typedef enum {
  SECRET_PASSPHRASE,
  SECRET_RECOVERY_KEY,
} SecretKind;

static gboolean
unlock_key (KitVault *self, SecretKind kind, const char *secret, GError **error)
{
  gint64 start = g_get_monotonic_time ();
  guint8 *recovery = NULL;
  gboolean ok = FALSE;

  if (kind == SECRET_RECOVERY_KEY)
    {
      recovery = sodium_malloc (KIT_RECOVERY_KEY_BYTES);
      if (recovery == NULL || !kit_recovery_key_parse (secret, recovery))
        {
          if (recovery != NULL)
            sodium_free (recovery);
          return fail (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE,
                       "That recovery key isn't quite right. Please check each group of "
                       "letters and numbers and try again.");
        }
    }
  for (guint i = 0; i < self->header.n_slots && !ok; i++)
    ok = kind == SECRET_PASSPHRASE
           ? kit_slot_open_passphrase (&self->header.slots[i], secret, self->key)
           : kit_slot_open_recovery (&self->header.slots[i], recovery, self->key);
  if (recovery != NULL)
    sodium_free (recovery);
  self->kdf_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (!ok)
    return fail (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE,
                 kind == SECRET_PASSPHRASE
                   ? "That passphrase didn't open this record. Please try again."
                   : "That recovery key didn't open this record. Please check it and try again.");
  return TRUE;
}

static KitVault *
vault_new (const char *path, GError **error)
{
  g_autoptr(KitVault) self = NULL;
  g_autofree char *abs = NULL;

  if (!kit_secure_init (error))
    return NULL;
  abs = g_canonicalize_filename (path, NULL);
  self = g_object_new (KIT_TYPE_VAULT, NULL);
  self->path = g_steal_pointer (&abs);
  self->dir = g_path_get_dirname (self->path);
  self->key = sodium_malloc (KIT_KEY_BYTES);
  if (self->key == NULL)
    {
      fail (error, KIT_RECORD_ERROR_FAILED, "There is not enough memory to open a record.");
      return NULL;
    }
  return g_steal_pointer (&self);
}

static KitVault *
open_with (const char *path, SecretKind kind, const char *secret, GError **error)
{
  g_autoptr(KitVault) self = vault_new (path, error);
  g_autoptr(GBytes) file = NULL;
  g_autofree char *normal = NULL;
  const guint8 *data;
  guint8 *plain = NULL;
  gsize len, header_len;

  if (self == NULL)
    return NULL;
  if (!lock_acquire (self->path, &self->lock_fd, error) ||
      !read_record_file (self->path, &file, &self->disk, error))
    return NULL;
  self->disk_known = TRUE;
  data = g_bytes_get_data (file, &len);
  if (!kit_header_parse (data, len, len, &self->header, &header_len, error))
    return NULL;

  normal = kind == SECRET_PASSPHRASE ? kit_secret_new_normalized (secret) : NULL;
  if (kind == SECRET_PASSPHRASE && normal == NULL)
    {
      fail (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE,
            "That passphrase didn't open this record. Please try again.");
      return NULL;
    }
  if (!unlock_key (self, kind, normal != NULL ? normal : secret, error))
    {
      kit_secret_free (g_steal_pointer (&normal));
      return NULL;
    }
  kit_secret_free (g_steal_pointer (&normal));

  if (!kit_record_decrypt (data, len, &self->header, header_len, self->key,
                           sqlite_alloc, free_plain, &plain, error))
    return NULL;
  self->db = db_from_image (plain, self->header.plaintext_len, error);
  if (self->db == NULL)
    return NULL;
  self->saved_changes = sqlite3_total_changes64 (self->db);
  remove_stale_saves (self);
  return g_steal_pointer (&self);
}

/* GObject. */

static void
kit_vault_finalize (GObject *object)
{
  KitVault *self = KIT_VAULT (object);

  kit_vault_close (self, TRUE, NULL);
  if (self->key != NULL)
    sodium_free (self->key);
  g_free (self->path);
  g_free (self->dir);
  g_mutex_clear (&self->write_lock);
  g_byte_array_unref (self->cipher);
  G_OBJECT_CLASS (kit_vault_parent_class)->finalize (object);
}

static void
kit_vault_class_init (KitVaultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kit_vault_finalize;
}

static void
kit_vault_init (KitVault *self)
{
  self->lock_fd = -1;
  self->backups_to_keep = KIT_BACKUPS_TO_KEEP_DEFAULT;
  self->header.chunk_size = KIT_CHUNK_SIZE_DEFAULT;
  g_mutex_init (&self->write_lock);
  self->cipher = g_byte_array_new ();
}

/* Public API. */

KitVault *
kit_vault_create (const char *path, const char *passphrase, const KitKdfParams *kdf,
                  char **out_recovery_key, GError **error)
{
  g_autoptr(KitVault) self = NULL;
  g_autoptr(KitSecret) normal = NULL;
  g_autoptr(GError) local_error = NULL;
  KitKdfParams tuned;
  guint8 *image;
  gsize len = 0;

  if (passphrase == NULL || *passphrase == '\0')
    {
      fail (error, KIT_RECORD_ERROR_INVALID, "Please choose a passphrase.");
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      fail (error, KIT_RECORD_ERROR_FAILED,
            "There is already a file with that name. Please choose another name.");
      return NULL;
    }
  if ((self = vault_new (path, error)) == NULL)
    return NULL;
  if (!g_file_test (self->dir, G_FILE_TEST_IS_DIR))
    {
      fail_create (error, ENOENT);
      return NULL;
    }
  if (!lock_acquire (self->path, &self->lock_fd, error))
    return NULL;

  normal = kit_secret_new_normalized (passphrase);
  if (normal == NULL)
    {
      fail (error, KIT_RECORD_ERROR_INVALID, "That passphrase has characters that cannot be used.");
      return NULL;
    }
  if (kdf == NULL)
    {
      kit_kdf_params_tune (&tuned, 0.5);
      kdf = &tuned;
    }
  randombytes_buf (self->key, KIT_KEY_BYTES);
  self->header.n_slots = 1;
  if (!kit_slot_seal_passphrase (&self->header.slots[0], self->key, normal, kdf))
    {
      fail (error, KIT_RECORD_ERROR_FAILED,
            "There is not enough memory to protect this record. Close other programs and try again.");
      return NULL;
    }
  if (out_recovery_key != NULL)
    {
      guint8 *recovery = sodium_malloc (KIT_RECOVERY_KEY_BYTES);
      g_assert (recovery != NULL);
      randombytes_buf (recovery, KIT_RECOVERY_KEY_BYTES);
      kit_slot_seal_recovery (&self->header.slots[1], self->key, recovery);
      self->header.n_slots = 2;
      *out_recovery_key = kit_recovery_key_format (recovery);
      sodium_free (recovery);
    }

  image = new_database_image (&len, error);
  if (image == NULL || (self->db = db_from_image (image, len, error)) == NULL)
    goto failed;
  if (!save (self, TRUE, &local_error))
    {
      if (g_error_matches (local_error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CANNOT_WRITE))
        fail_create (error, self->last_write_errno);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }
  return g_steal_pointer (&self);

failed:
  if (out_recovery_key != NULL)
    g_clear_pointer (out_recovery_key, kit_secure_free_string);
  return NULL;
}

KitVault *
kit_vault_open (const char *path, const char *passphrase, GError **error)
{
  return open_with (path, SECRET_PASSPHRASE, passphrase != NULL ? passphrase : "", error);
}

KitVault *
kit_vault_open_with_recovery_key (const char *path, const char *recovery_key, GError **error)
{
  return open_with (path, SECRET_RECOVERY_KEY, recovery_key != NULL ? recovery_key : "", error);
}

const char *
kit_vault_get_path (KitVault *self)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), NULL);
  return self->path;
}

sqlite3 *
kit_vault_get_db (KitVault *self)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), NULL);
  return self->db;
}

gboolean
kit_vault_is_open (KitVault *self)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  return self->db != NULL;
}

double
kit_vault_get_kdf_ms (KitVault *self)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), 0);
  return self->kdf_ms;
}

gboolean
kit_vault_exec (KitVault *self, const char *sql, GError **error)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  if (self->db == NULL)
    return fail (error, KIT_RECORD_ERROR_FAILED, "The record is locked.");
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail_sqlite (self->db, error);
  return TRUE;
}

gboolean
kit_vault_save (KitVault *self, GError **error)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  return save (self, FALSE, error);
}

gboolean
kit_vault_save_overwrite (KitVault *self, GError **error)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  return save (self, TRUE, error);
}

gboolean
kit_vault_change_passphrase (KitVault *self, const char *new_passphrase,
                             const KitKdfParams *kdf, GError **error)
{
  g_autoptr(KitSecret) normal = NULL;
  KitSlot old_slot;
  KitKdfParams tuned;

  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  if (self->db == NULL)
    return fail (error, KIT_RECORD_ERROR_FAILED, "The record is locked.");
  if (new_passphrase == NULL || *new_passphrase == '\0')
    return fail (error, KIT_RECORD_ERROR_INVALID, "Please choose a passphrase.");
  normal = kit_secret_new_normalized (new_passphrase);
  if (normal == NULL)
    return fail (error, KIT_RECORD_ERROR_INVALID,
                 "That passphrase has characters that cannot be used.");
  if (kdf == NULL)
    {
      kit_kdf_params_tune (&tuned, 0.5);
      kdf = &tuned;
    }

  /* Only the passphrase slot changes; the data key and any recovery slot stay. */
  g_mutex_lock (&self->write_lock);
  old_slot = self->header.slots[0];
  if (!kit_slot_seal_passphrase (&self->header.slots[0], self->key, normal, kdf))
    {
      self->header.slots[0] = old_slot;
      g_mutex_unlock (&self->write_lock);
      return fail (error, KIT_RECORD_ERROR_FAILED,
                   "There is not enough memory to protect this record.");
    }
  g_mutex_unlock (&self->write_lock);

  if (!save (self, FALSE, error))
    {
      g_mutex_lock (&self->write_lock);
      self->header.slots[0] = old_slot;
      g_mutex_unlock (&self->write_lock);
      return FALSE;
    }
  return TRUE;
}

gboolean
kit_vault_has_recovery_key (KitVault *self)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  for (guint i = 0; i < self->header.n_slots; i++)
    if (self->header.slots[i].type == KIT_SLOT_RECOVERY)
      return TRUE;
  return FALSE;
}

void
kit_vault_set_backups_to_keep (KitVault *self, guint n)
{
  g_return_if_fail (KIT_IS_VAULT (self));
  self->backups_to_keep = MAX (n, 1);
}

guint
kit_vault_get_backups_to_keep (KitVault *self)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), 0);
  return self->backups_to_keep;
}

char *
kit_vault_backup_dir (const char *path)
{
  return g_strconcat (path, ".backups", NULL);
}

static int
compare_names_desc (gconstpointer a, gconstpointer b)
{
  return -g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
kit_vault_list_backups (const char *path)
{
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *dir_path = kit_vault_backup_dir (abs);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gsize n = strlen (name);
      /* NAME-YYYY-MM-DD.kit: the date sorts the names. */
      if (n > 15 && g_str_has_suffix (name, ".kit") && name[n - 15] == '-')
        g_ptr_array_add (out, g_build_filename (dir_path, name, NULL));
    }
  g_ptr_array_sort (out, compare_names_desc);
  return out;
}

gboolean
kit_vault_close (KitVault *self, gboolean force, GError **error)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);

  if (self->db != NULL && sqlite3_total_changes64 (self->db) != self->saved_changes &&
      !save (self, FALSE, error) && !force)
    return FALSE;

  g_mutex_lock (&self->write_lock);
  g_clear_pointer (&self->db, sqlite3_close);   /* the zeroing allocator wipes the pages */
  if (self->key != NULL)
    sodium_memzero (self->key, KIT_KEY_BYTES);
  sodium_memzero (&self->header.slots, sizeof self->header.slots);
  if (self->lock_fd >= 0)
    {
      close (self->lock_fd);
      self->lock_fd = -1;
    }
  g_mutex_unlock (&self->write_lock);
  return TRUE;
}

/* Off the main thread: key derivation, decryption and file writes. */

typedef struct {
  char *path;
  char *secret;          /* sodium_malloc */
  KitKdfParams kdf;
  gboolean tune;
  gboolean with_recovery_key;
  char *recovery_key;    /* result of create */
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  kit_secret_free (data->secret);
  if (data->recovery_key != NULL)
    kit_secure_free_string (data->recovery_key);
  g_free (data);
}

static OpenData *
open_data_new (const char *path, const char *passphrase)
{
  OpenData *data = g_new0 (OpenData, 1);
  gsize len = passphrase != NULL ? strlen (passphrase) : 0;

  data->path = g_strdup (path);
  data->secret = sodium_malloc (len + 1);
  g_assert (data->secret != NULL);
  memcpy (data->secret, passphrase != NULL ? passphrase : "", len + 1);
  return data;
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  KitVault *vault = kit_vault_open (data->path, data->secret, &error);

  if (vault == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

void
kit_vault_open_async (const char *path, const char *passphrase, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, kit_vault_open_async);
  g_task_set_task_data (task, open_data_new (path, passphrase), (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

KitVault *
kit_vault_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
create_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  KitVault *vault = kit_vault_create (data->path, data->secret, data->tune ? NULL : &data->kdf,
                                      data->with_recovery_key ? &data->recovery_key : NULL,
                                      &error);

  if (vault == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, vault, g_object_unref);
}

void
kit_vault_create_async (const char *path, const char *passphrase, const KitKdfParams *kdf,
                        gboolean with_recovery_key, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = open_data_new (path, passphrase);

  data->tune = kdf == NULL;
  if (kdf != NULL)
    data->kdf = *kdf;
  data->with_recovery_key = with_recovery_key;
  g_task_set_source_tag (task, kit_vault_create_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, create_thread);
}

KitVault *
kit_vault_create_finish (GAsyncResult *result, char **out_recovery_key, GError **error)
{
  OpenData *data;
  KitVault *vault;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  vault = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));
  if (vault != NULL && out_recovery_key != NULL)
    *out_recovery_key = g_steal_pointer (&data->recovery_key);
  return vault;
}

static void
save_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_snapshot (KIT_VAULT (source), task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
kit_vault_save_async (KitVault *self, gboolean overwrite, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  Snapshot *snap;

  g_task_set_source_tag (task, kit_vault_save_async);
  /* The copy is taken here, on the caller's thread, so later edits can't tear
   * it; encryption and the file work happen on the worker thread. */
  snap = take_snapshot (self, overwrite, FALSE, &error);
  if (snap == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, snap, (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
kit_vault_save_finish (KitVault *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
