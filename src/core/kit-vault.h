/* kit-vault.h — one open record: its lock, its key, its in-memory database,
 * and saving it safely (DESIGN §4). */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "kit-error.h"
#include "kit-record-format.h"

G_BEGIN_DECLS

#define KIT_TYPE_VAULT (kit_vault_get_type ())
G_DECLARE_FINAL_TYPE (KitVault, kit_vault, KIT, VAULT, GObject)

#define KIT_BACKUPS_TO_KEEP_DEFAULT 10

/* Create a new record at @path (which must not exist). @kdf NULL means tune
 * the cost on this machine (about half a second). With @out_recovery_key
 * non-NULL a recovery-key slot is added and its printable form returned. */
KitVault *kit_vault_create (const char *path, const char *passphrase,
                            const KitKdfParams *kdf, char **out_recovery_key,
                            GError **error);

KitVault *kit_vault_open (const char *path, const char *passphrase, GError **error);
KitVault *kit_vault_open_with_recovery_key (const char *path, const char *recovery_key,
                                            GError **error);

/* The same, with the key derivation and decryption on a worker thread. The
 * passphrase is copied into locked memory at once; the caller may wipe its copy. */
void kit_vault_open_async (const char *path, const char *passphrase,
                           GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data);
KitVault *kit_vault_open_finish (GAsyncResult *result, GError **error);
void kit_vault_create_async (const char *path, const char *passphrase,
                             const KitKdfParams *kdf, gboolean with_recovery_key,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data);
/* Returns the vault; *out_recovery_key is set when one was asked for. */
KitVault *kit_vault_create_finish (GAsyncResult *result, char **out_recovery_key,
                                   GError **error);

const char *kit_vault_get_path (KitVault *self);
sqlite3 *kit_vault_get_db (KitVault *self);
gboolean kit_vault_is_open (KitVault *self);
/* Time the last key derivation took, in milliseconds, and when it ended
 * (g_get_monotonic_time ()), for timings such as --measure-startup. */
double kit_vault_get_kdf_ms (KitVault *self);
gint64 kit_vault_get_key_ready_time (KitVault *self);

/* Run SQL that returns no rows (for simple edits and tests). */
gboolean kit_vault_exec (KitVault *self, const char *sql, GError **error);

/* Save now. Refuses inside a transaction, and refuses with CHANGED_ON_DISK
 * when another program changed the file since it was opened or last saved;
 * kit_vault_save_overwrite() then saves anyway. On failure the file on disk
 * is untouched and everything stays in memory. */
gboolean kit_vault_save (KitVault *self, GError **error);
gboolean kit_vault_save_overwrite (KitVault *self, GError **error);
/* The same with the encryption and file work on a worker thread. The database
 * is copied first, so it may be edited while the save runs. */
void kit_vault_save_async (KitVault *self, gboolean overwrite, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data);
gboolean kit_vault_save_finish (KitVault *self, GAsyncResult *result, GError **error);

/* Rewrap the data key for a new passphrase (@kdf NULL: tune). Saves. */
gboolean kit_vault_change_passphrase (KitVault *self, const char *new_passphrase,
                                      const KitKdfParams *kdf, GError **error);
gboolean kit_vault_has_recovery_key (KitVault *self);
/* Whether @passphrase is the record's passphrase (key derivation with the
 * record's own parameters, compared in constant time). Slow by design: use
 * the async form from the window. FALSE with KIT_RECORD_ERROR_WRONG_PASSPHRASE
 * when it does not fit. */
gboolean kit_vault_check_passphrase (KitVault *self, const char *passphrase, GError **error);
void kit_vault_check_passphrase_async (KitVault *self, const char *passphrase,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);
gboolean kit_vault_check_passphrase_finish (KitVault *self, GAsyncResult *result,
                                            GError **error);

/* Backups: how many dated backups to keep (default 10), and where they are. */
void kit_vault_set_backups_to_keep (KitVault *self, guint n);
guint kit_vault_get_backups_to_keep (KitVault *self);
/* The backup folder for a record: "RECORD.backups" beside it. */
char *kit_vault_backup_dir (const char *path);
/* Backup files of the record at @path, newest first (full paths). */
GPtrArray *kit_vault_list_backups (const char *path);

/* Save, wipe the key and the database, release the lock. Safe to call twice.
 * Returns FALSE when the final save failed (the record is closed anyway only
 * if @force is TRUE; otherwise it stays open so nothing is lost). */
gboolean kit_vault_close (KitVault *self, gboolean force, GError **error);

G_END_DECLS
