/* kit-vault-save.c — saving a record safely (DESIGN §4): encrypt the whole
 * file in memory, write a new file beside the old one, fsync, read it back,
 * keep a dated backup, rename over, fsync the folder. Refuses to write over a
 * file another program changed. */

#include "kit-vault-private.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kit-io.h"

#define SAVE_SUFFIX ".save-XXXXXX"

static char *
save_template (KitVault *self)
{
  g_autofree char *base = g_path_get_basename (self->path);
  return g_strdup_printf ("%s/.%s" SAVE_SUFFIX, self->dir, base);
}

/* Saving. */

static gboolean
same_file (const struct stat *a, const struct stat *b)
{
  /* ctime too: a program can put the mtime back, but never the ctime. */
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
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

typedef struct {
  const KitIoOps *io;
  int fd;
} ReadBack;

static gboolean
read_back_at (gpointer user_data, guint8 *buf, gsize len, guint64 offset)
{
  ReadBack *rb = user_data;

  return kit_vault_pread_all (rb->io, rb->fd, buf, len, offset);
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

/* Where hard links are not possible (FAT and exFAT USB sticks), copy the
 * file instead: write a new file in the backup folder, fsync, rename. */
static gboolean
copy_backup (const char *from, const char *to)
{
  const KitIoOps *io = kit_io_get ();
  g_autofree char *tmp = g_strconcat (to, SAVE_SUFFIX, NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;
  int fd, err = 0;
  gboolean ok;

  if (!g_file_get_contents (from, &contents, &len, NULL))
    return FALSE;
  fd = io->mkstemp (tmp);
  if (fd < 0)
    return FALSE;
  ok = write_all (io, fd, (const guint8 *) contents, len, &err) && io->fsync (fd) == 0;
  ok = io->close (fd) == 0 && ok;
  ok = ok && io->rename (tmp, to) == 0;
  if (!ok)
    io->unlink (tmp);
  return ok;
}

/* Keep the file as it was before today's first save. Returns TRUE when the
 * record was hard-linked, which changes its ctime. */
static gboolean
keep_daily_backup (KitVault *self)
{
  const KitIoOps *io = kit_io_get ();
  g_autofree char *backup = backup_path_for_today (self->path);
  g_autofree char *dir = g_path_get_dirname (backup);
  gboolean linked = FALSE;

  if (g_file_test (backup, G_FILE_TEST_EXISTS) || !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return FALSE;
  linked = io->link (self->path, backup) == 0;
  /* A backup is a kindness, never a reason for the save to fail. */
  if (!linked && !copy_backup (self->path, backup))
    g_debug ("Could not keep a backup of %s: %s", self->path, g_strerror (errno));
  prune_backups (self);
  return linked;
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
take_snapshot (KitVault *self, gboolean overwrite, gboolean borrow, gboolean locked,
               GError **error)
{
  g_autoptr(Snapshot) snap = g_new0 (Snapshot, 1);
  sqlite3_int64 size = 0;

  if (self->db == NULL)
    {
      kit_vault_fail (error, KIT_RECORD_ERROR_FAILED, _("The record is locked."));
      return NULL;
    }
  if (!sqlite3_get_autocommit (self->db))
    {
      kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
            _("The record is in the middle of a change and cannot be saved yet."));
      return NULL;
    }
  if (borrow)
    snap->plain = sqlite3_serialize (self->db, "main", &size, SQLITE_SERIALIZE_NOCOPY);
  snap->borrowed = snap->plain != NULL;
  if (snap->plain == NULL)
    snap->plain = sqlite3_serialize (self->db, "main", &size, 0);
  if (snap->plain == NULL)
    {
      kit_vault_fail_sqlite (self->db, error);
      return NULL;
    }
  snap->plain_len = (gsize) size;
  if (!locked)
    g_mutex_lock (&self->write_lock);
  snap->seq = ++self->snapshot_seq;
  if (!locked)
    g_mutex_unlock (&self->write_lock);
  snap->changes = sqlite3_total_changes64 (self->db);
  snap->overwrite = overwrite;
  return g_steal_pointer (&snap);
}

typedef struct {
  const KitIoOps *io;
  int fd;
  int result;
  int err;
} SyncJob;

static gpointer
sync_thread (gpointer data)
{
  SyncJob *job = data;

  job->result = job->io->fsync (job->fd);
  job->err = errno;
  return NULL;
}

/* fsync the new file and read it back to check it. The read-back sees the
 * bytes the kernel holds for the file — the ones fsync writes out — whether
 * it runs before or after the fsync returns, so the two run side by side:
 * each takes about a third of a save. Both must succeed. */
static gboolean
sync_and_verify (KitVault *self, const KitIoOps *io, int fd, Snapshot *snap,
                 int *err, const char **step)
{
  SyncJob job = { io, fd, 0, 0 };
  GThread *thread = g_thread_try_new ("kit-fsync", sync_thread, &job, NULL);
  gboolean verified = verify_written (io, fd, self->cipher->len, self->key,
                                      snap->plain, snap->plain_len);

  if (thread != NULL)
    g_thread_join (thread);
  else
    sync_thread (&job);
  if (job.result != 0)
    {
      *err = job.err;
      *step = _("the disk did not confirm the write");
      return FALSE;
    }
  if (!verified)
    {
      *err = EIO;
      *step = _("the new copy did not read back correctly");
      return FALSE;
    }
  return TRUE;
}

/* Write @snap to a new file beside the record and rename it over the record.
 * On failure before the rename, the old file is untouched and the new one is gone. */
static gboolean
replace_file (KitVault *self, Snapshot *snap, gboolean *renamed, GError **error)
{
  const KitIoOps *io = kit_io_get ();
  g_autofree char *tmp = save_template (self);
  struct stat st;
  int fd, err = 0;
  const char *step = NULL;

  fd = io->mkstemp (tmp);
  if (fd < 0)
    return kit_vault_fail_write (error, self->last_write_errno = errno, _("a new file could not be made"));

  if (!write_all (io, fd, self->cipher->data, self->cipher->len, &err))
    step = _("writing failed");
  else if (!sync_and_verify (self, io, fd, snap, &err, &step))
    ;
  else if (fstat (fd, &st) != 0)
    err = errno, step = _("the new copy could not be checked");
  if (io->close (fd) != 0 && step == NULL)
    err = errno, step = _("writing failed");
  if (step != NULL)
    {
      io->unlink (tmp);
      return kit_vault_fail_write (error, self->last_write_errno = err, step);
    }

  /* Our own hard link changes the record's ctime: note the file anew, so
   * that it is not taken for another program's change later. */
  if (keep_daily_backup (self))
    lstat (self->path, &self->disk);
  if (io->rename (tmp, self->path) != 0)
    {
      err = errno;
      io->unlink (tmp);
      return kit_vault_fail_write (error, self->last_write_errno = err,
                                   _("the new copy could not replace the old one"));
    }
  /* From here the new file is the record, whatever the folder sync says.
   * The rename changed its ctime, so look again (we hold the lock). */
  *renamed = TRUE;
  if (lstat (self->path, &self->disk) != 0 || self->disk.st_ino != st.st_ino)
    self->disk = st;
  self->disk_known = TRUE;
  if (io->fsync_dir (self->dir) != 0)
    return kit_vault_fail_write (error, self->last_write_errno = errno,
                                 _("the disk did not confirm the new copy"));
  return TRUE;
}

/* Called with write_lock held. */
static gboolean
write_snapshot_locked (KitVault *self, Snapshot *snap, GError **error)
{
  struct stat now;
  KitHeader header;
  gboolean ok;

  self->last_save_renamed = FALSE;
  if (self->lock_fd < 0)
    return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED, _("The record is locked."));
  if (snap->seq <= self->written_seq)
    return TRUE;   /* a newer snapshot is already on disk */
  if (!snap->overwrite && self->disk_known &&
      (lstat (self->path, &now) != 0 || !same_file (&now, &self->disk)))
    return kit_vault_fail (error, KIT_RECORD_ERROR_CHANGED_ON_DISK,
                           _("This record was changed by another program since you opened it. "
                           "Your changes have not been saved over it yet."));
  header = self->header;
  kit_record_encrypt_into (&header, self->key, snap->plain, snap->plain_len, self->cipher);
  ok = replace_file (self, snap, &self->last_save_renamed, error);
  if (ok || self->last_save_renamed)
    {
      /* Once renamed, this snapshot is the record: no older one may follow
       * it. If only the folder sync failed, the edit still counts as unsaved
       * so that closing saves (and syncs) again. */
      self->written_seq = snap->seq;
      self->saved_changes = ok ? snap->changes : -1;
    }
  return ok;
}

static gboolean
write_snapshot (KitVault *self, Snapshot *snap, GError **error)
{
  gboolean ok;

  g_mutex_lock (&self->write_lock);
  ok = write_snapshot_locked (self, snap, error);
  g_mutex_unlock (&self->write_lock);
  return ok;
}

gboolean
kit_vault_save_now (KitVault *self, gboolean overwrite, GError **error)
{
  g_autoptr(Snapshot) snap = take_snapshot (self, overwrite, TRUE, FALSE, error);

  return snap != NULL && write_snapshot (self, snap, error);
}

gboolean
kit_vault_save_locked (KitVault *self, gboolean overwrite, GError **error)
{
  g_autoptr(Snapshot) snap = NULL;

  snap = take_snapshot (self, overwrite, TRUE, TRUE, error);
  return snap != NULL && write_snapshot_locked (self, snap, error);
}

gboolean
kit_vault_save (KitVault *self, GError **error)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  return kit_vault_save_now (self, FALSE, error);
}

gboolean
kit_vault_save_overwrite (KitVault *self, GError **error)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  return kit_vault_save_now (self, TRUE, error);
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
  snap = take_snapshot (self, overwrite, FALSE, FALSE, &error);
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
