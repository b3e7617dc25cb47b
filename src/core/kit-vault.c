/* kit-vault.c — one open record: the lock beside it, the data key in locked
 * memory, the database in memory, opening, creating, rewrapping the key and
 * closing (DESIGN §4). Saving is in kit-vault-save.c. */

#include "kit-vault.h"

#include <glib/gi18n-lib.h>
#include "kit-vault-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kit-io.h"
#include "kit-schema.h"
#include "kit-secure.h"


G_DEFINE_FINAL_TYPE (KitVault, kit_vault, G_TYPE_OBJECT)

/* Errors. */

gboolean
kit_vault_fail (GError **error, KitRecordError code, const char *message)
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
      return _("The disk is full. Free some space, then try again.");
    case EACCES:
    case EPERM:
    case EROFS:
      return _("Keep in Touch is not allowed to write in this folder.");
    case ENOENT:
    case ENOTDIR:
      return _("The folder can no longer be found. "
             "If it is on a USB stick, check that it is plugged in.");
    case EXDEV:
      return _("The new copy could not be moved into place.");
    default:
      return _("The disk reported a problem.");
    }
}

gboolean
kit_vault_fail_write (GError **error, int err, const char *step)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CANNOT_WRITE,
               _("Your changes could not be saved (%s). %s Nothing has been lost: "
               "your changes are kept while the app stays open, and saving will be tried again."),
               step, write_problem (err));
  return FALSE;
}

static gboolean
fail_create (GError **error, int err)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CANNOT_WRITE,
               _("The new record could not be made there. %s"), write_problem (err));
  return FALSE;
}

static gboolean
fail_lock (GError **error, int err)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CANNOT_WRITE,
               _("Keep in Touch could not make its lock file beside the record. %s"),
               write_problem (err));
  return FALSE;
}

gboolean
kit_vault_fail_sqlite (sqlite3 *db, GError **error)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
               _("Database error: %s"), db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

/* Paths and the lock. */

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
        return kit_vault_fail (error, KIT_RECORD_ERROR_IN_USE,
                     _("This record is open in another program. "
                     "Close it there first, then try again."));
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

gboolean
kit_vault_pread_all (const KitIoOps *io, int fd, guint8 *buf, gsize len, guint64 offset)
{
  while (len > 0)
    {
      ssize_t n = io->pread (fd, buf, len, (off_t) offset);
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

static gboolean
read_fully (int fd, guint8 *buf, gsize len, off_t offset)
{
  /* Opening reads with the real calls: the injectable ones are for saving. */
  return kit_vault_pread_all (kit_io_real (), fd, buf, len, offset);
}

/* Read and bound the header first, and only then allocate for the body, so
 * a large file that is not a record costs nothing to refuse. */
static gboolean
read_record_file (const char *path, struct stat *st, KitHeader *header, gsize *header_len,
                  GBytes **out, GError **error)
{
  guint8 head[KIT_HEADER_MAX_BYTES];
  gsize head_len;
  guint8 *buf;
  /* O_NONBLOCK so a FIFO or device cannot hang the open before the check
   * below refuses it; it changes nothing for a regular file. */
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

  if (fd < 0)
    {
      if (errno == ENOENT)
        return kit_vault_fail (error, KIT_RECORD_ERROR_NOT_FOUND,
                               _("There is no record at that place. It may have been moved or renamed."));
      if (errno == ELOOP)
        return kit_vault_fail (error, KIT_RECORD_ERROR_NOT_A_RECORD,
                               _("This is a link, not a record file. Please open the record itself."));
      return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
                             _("The record could not be read. Keep in Touch may not be allowed to open it."));
    }
  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode) || (guint64) st->st_size > max_file_size ())
    {
      close (fd);
      return kit_vault_fail (error, KIT_RECORD_ERROR_NOT_A_RECORD,
                             _("This file is not a Keep in Touch record."));
    }

  head_len = MIN ((gsize) st->st_size, sizeof head);
  if (!read_fully (fd, head, head_len, 0) ||
      !kit_header_parse (head, head_len, st->st_size, header, header_len, error))
    {
      close (fd);
      if (error != NULL && *error == NULL)
        kit_vault_fail (error, KIT_RECORD_ERROR_DAMAGED,
                        _("The record could not be read to the end. The disk may be damaged."));
      return FALSE;
    }

  /* The header has fixed the exact file length, so this is bounded.
   * SQLite's allocator maps big blocks in one go (see kit-secure.c). */
  buf = sqlite3_malloc64 (st->st_size);
  if (buf == NULL)
    {
      close (fd);
      return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
                             _("There is not enough memory to open this record."));
    }
  if (!read_fully (fd, buf, st->st_size, 0))
    {
      close (fd);
      sqlite3_free (buf);
      return kit_vault_fail (error, KIT_RECORD_ERROR_DAMAGED,
                             _("The record could not be read to the end. The disk may be damaged."));
    }
  close (fd);
  *out = g_bytes_new_with_free_func (buf, st->st_size, sqlite3_free, buf);
  return TRUE;
}

/* The database. */

static void *
sqlite_alloc (guint64 size)
{
  return sqlite3_malloc64 (size);
}

static void
free_plain (void *p)
{
  sqlite3_free (p);
}

static void
damaged_inside (GError **error)
{
  kit_vault_fail (error, KIT_RECORD_ERROR_DAMAGED,
                  _("This record is damaged inside, and cannot be opened as it is."));
}

/* Take ownership of @image (sqlite3_malloc'd) as an in-memory database. */
static sqlite3 *
db_from_image (guint8 *image, gsize len, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      sqlite3_free (image);
      kit_vault_fail_sqlite (db, error);
      sqlite3_close (db);
      return NULL;
    }
  if (sqlite3_deserialize (db, "main", image, len, len,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
    {
      kit_vault_fail_sqlite (db, error);
      sqlite3_close (db);
      return NULL;
    }
  if (!kit_schema_configure (db, NULL))
    {
      damaged_inside (error);
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
      damaged_inside (error);
      sqlite3_close (db);
      return NULL;
    }
  if (!kit_schema_migrate (db, &local_error))
    {
      /* A newer schema or a foreign database keeps its own message. */
      if (g_error_matches (local_error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_UNSUPPORTED_VERSION) ||
          g_error_matches (local_error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_NOT_A_RECORD))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        damaged_inside (error);
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
        kit_vault_fail_sqlite (db, error);
      sqlite3_close (db);
      return NULL;
    }
  image = sqlite3_serialize (db, "main", &size, 0);
  if (image == NULL)
    kit_vault_fail_sqlite (db, error);
  sqlite3_close (db);
  *len = (gsize) size;
  return image;
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
  gboolean ok = FALSE, out_of_memory = FALSE;

  if (kind == SECRET_RECOVERY_KEY)
    {
      recovery = sodium_malloc (KIT_RECOVERY_KEY_BYTES);
      if (recovery == NULL || !kit_recovery_key_parse (secret, recovery))
        {
          if (recovery != NULL)
            sodium_free (recovery);
          return kit_vault_fail (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE,
                       _("That recovery key isn't quite right. Please check each group of "
                       "letters and numbers and try again."));
        }
    }
  for (guint i = 0; i < self->header.n_slots && !ok; i++)
    {
      gboolean no_memory = FALSE;
      ok = kind == SECRET_PASSPHRASE
             ? kit_slot_open_passphrase_full (&self->header.slots[i], secret, self->key, &no_memory)
             : kit_slot_open_recovery (&self->header.slots[i], recovery, self->key);
      out_of_memory |= no_memory;
    }
  if (recovery != NULL)
    sodium_free (recovery);
  self->key_ready_us = g_get_monotonic_time ();
  self->kdf_ms = (self->key_ready_us - start) / 1000.0;
  if (!ok && out_of_memory)
    return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
                           _("There is not enough free memory to unlock this record. "
                           "Close some other programs, then try again."));
  if (!ok)
    return kit_vault_fail (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE,
                 kind == SECRET_PASSPHRASE
                   ? _("That passphrase didn't open this record. Please try again.")
                   : _("That recovery key didn't open this record. Please check it and try again."));
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
      kit_vault_fail (error, KIT_RECORD_ERROR_FAILED, _("There is not enough memory to open a record."));
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
      !read_record_file (self->path, &self->disk, &self->header, &header_len, &file, error))
    return NULL;
  self->disk_known = TRUE;
  data = g_bytes_get_data (file, &len);

  normal = kind == SECRET_PASSPHRASE ? kit_secret_new_normalized (secret) : NULL;
  if (kind == SECRET_PASSPHRASE && normal == NULL)
    {
      kit_vault_fail (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE,
            _("That passphrase didn't open this record. Please try again."));
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
      kit_vault_fail (error, KIT_RECORD_ERROR_INVALID, _("Please choose a passphrase."));
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
            _("There is already a file with that name. Please choose another name."));
      return NULL;
    }
  if ((self = vault_new (path, error)) == NULL)
    return NULL;
  if (!g_file_test (self->dir, G_FILE_TEST_IS_DIR))
    {
      fail_create (error, ENOENT);
      return NULL;
    }
  /* Look again under the lock: another program may have made it meanwhile. */
  if (!lock_acquire (self->path, &self->lock_fd, error))
    return NULL;
  if (g_file_test (self->path, G_FILE_TEST_EXISTS) ||
      g_file_test (self->path, G_FILE_TEST_IS_SYMLINK))
    {
      kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
                      _("There is already a file with that name. Please choose another name."));
      return NULL;
    }

  normal = kit_secret_new_normalized (passphrase);
  if (normal == NULL)
    {
      kit_vault_fail (error, KIT_RECORD_ERROR_INVALID, _("That passphrase has characters that cannot be used."));
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
      kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
            _("There is not enough memory to protect this record. Close other programs and try again."));
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
  /* Once the file is in place the record exists, even if the folder sync
   * failed: the next save syncs again (see write_snapshot). */
  if (!kit_vault_save_now (self, TRUE, &local_error) && !self->last_save_renamed)
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

gint64
kit_vault_get_key_ready_time (KitVault *self)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), 0);
  return self->key_ready_us;
}

gboolean
kit_vault_exec (KitVault *self, const char *sql, GError **error)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  if (self->db == NULL)
    return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED, _("The record is locked."));
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return kit_vault_fail_sqlite (self->db, error);
  return TRUE;
}

gboolean
kit_vault_change_passphrase (KitVault *self, const char *new_passphrase,
                             const KitKdfParams *kdf, GError **error)
{
  g_autoptr(KitSecret) normal = NULL;
  KitSlot old_slot;
  KitKdfParams tuned;
  guint slot;
  gboolean ok;

  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  if (self->db == NULL)
    return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED, _("The record is locked."));
  if (new_passphrase == NULL || *new_passphrase == '\0')
    return kit_vault_fail (error, KIT_RECORD_ERROR_INVALID, _("Please choose a passphrase."));
  normal = kit_secret_new_normalized (new_passphrase);
  if (normal == NULL)
    return kit_vault_fail (error, KIT_RECORD_ERROR_INVALID,
                 _("That passphrase has characters that cannot be used."));
  if (kdf == NULL)
    {
      kit_kdf_params_tune (&tuned, 0.5);
      kdf = &tuned;
    }

  for (slot = 0; slot < self->header.n_slots; slot++)
    if (self->header.slots[slot].type == KIT_SLOT_PASSPHRASE)
      break;
  if (slot == self->header.n_slots)
    return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
                           _("This record has no passphrase to change."));

  /* Only the passphrase slot changes; the data key and any recovery slot
   * stay. The lock is held through the save, so no other save can write
   * the new slot before this one knows whether it worked. */
  g_mutex_lock (&self->write_lock);
  old_slot = self->header.slots[slot];
  if (!kit_slot_seal_passphrase (&self->header.slots[slot], self->key, normal, kdf))
    {
      self->header.slots[slot] = old_slot;
      g_mutex_unlock (&self->write_lock);
      return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
                   _("There is not enough memory to protect this record."));
    }
  ok = kit_vault_save_locked (self, FALSE, error);
  /* Put the old slot back only if the new file never replaced the old one. */
  if (!ok && !self->last_save_renamed)
    self->header.slots[slot] = old_slot;
  g_mutex_unlock (&self->write_lock);
  return ok;
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

static gboolean
has_unsaved_changes (KitVault *self)
{
  gboolean unsaved;

  g_mutex_lock (&self->write_lock);
  unsaved = sqlite3_total_changes64 (self->db) != self->saved_changes;
  g_mutex_unlock (&self->write_lock);
  return unsaved;
}

gboolean
kit_vault_close (KitVault *self, gboolean force, GError **error)
{
  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);

  if (self->db != NULL && has_unsaved_changes (self) &&
      !kit_vault_save_now (self, FALSE, error) && !force)
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
