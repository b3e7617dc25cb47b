/* kit-vault-private.h — what kit-vault.c and kit-vault-save.c share. */
#pragma once

#include <sys/stat.h>

#include "kit-io.h"
#include "kit-vault.h"

G_BEGIN_DECLS

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
  gint64 key_ready_us;          /* monotonic time the key derivation ended */
  guint backups_to_keep;

  GMutex write_lock;            /* guards everything below */
  GByteArray *cipher;           /* the encrypted file, reused between saves */
  int last_write_errno;         /* why the last save failed, for messages */
  struct stat disk;             /* the file as we last read or wrote it */
  gboolean disk_known;
  guint64 snapshot_seq;         /* last snapshot taken for saving */
  guint64 written_seq;          /* last snapshot written to disk */
  gint64 saved_changes;         /* sqlite3_total_changes at that snapshot */
  gboolean last_save_renamed;   /* the last save got as far as the rename */
};

gboolean kit_vault_fail (GError **error, KitRecordError code, const char *message);
gboolean kit_vault_fail_write (GError **error, int err, const char *step);
gboolean kit_vault_fail_sqlite (sqlite3 *db, GError **error);

/* Read exactly @len bytes at @offset, through @io; FALSE on error or end of file. */
gboolean kit_vault_pread_all (const KitIoOps *io, int fd, guint8 *buf, gsize len, guint64 offset);

/* Save on the calling thread (@overwrite: even if changed on disk). The
 * _locked variant is for callers already holding write_lock. */
gboolean kit_vault_save_now (KitVault *self, gboolean overwrite, GError **error);
gboolean kit_vault_save_locked (KitVault *self, gboolean overwrite, GError **error);

G_END_DECLS
