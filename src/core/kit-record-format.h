/* kit-record-format.h — the byte layout of a record file (docs/record-format.md):
 * header, key slots and the chunked secretstream body. Pure functions over
 * memory buffers; no file I/O here. */
#pragma once

#include <glib.h>
#include <sodium.h>

G_BEGIN_DECLS

#define KIT_FORMAT_MAGIC          "KEEPINTOUCH\0REC\x1a"
#define KIT_FORMAT_MAGIC_LEN      16
#define KIT_FORMAT_VERSION        1
#define KIT_KEY_BYTES             32
#define KIT_SALT_BYTES            16
#define KIT_RECOVERY_KEY_BYTES    32

/* Bounds every reader applies before allocating or deriving anything. */
#define KIT_CHUNK_SIZE_DEFAULT    (64 * 1024)
#define KIT_CHUNK_SIZE_MIN        (4 * 1024)
#define KIT_CHUNK_SIZE_MAX        (1024 * 1024)
#define KIT_SLOTS_MAX             4
#define KIT_KDF_OPS_MIN           1
#define KIT_KDF_OPS_MAX           16
#define KIT_KDF_MEM_MIN           (8 * 1024 * 1024)
#define KIT_KDF_MEM_MAX           (512 * 1024 * 1024)
#define KIT_PLAINTEXT_MAX         ((guint64) 1024 * 1024 * 1024)

/* Creation targets (DESIGN §4). */
#define KIT_KDF_MEM_CREATE_MIN    (64 * 1024 * 1024)
#define KIT_KDF_MEM_CREATE_MAX    (256 * 1024 * 1024)

typedef enum {
  KIT_SLOT_PASSPHRASE = 1,
  KIT_SLOT_RECOVERY   = 2,
} KitSlotType;

typedef struct {
  guint32 opslimit;
  guint64 memlimit;  /* bytes */
} KitKdfParams;

typedef struct {
  KitSlotType type;
  KitKdfParams kdf;                 /* zero for recovery slots */
  guint8 salt[KIT_SALT_BYTES];
  guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  guint8 wrapped[KIT_KEY_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES];
} KitSlot;

typedef struct {
  guint16 version;
  guint32 chunk_size;
  guint64 plaintext_len;
  guint8 stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  guint n_slots;
  KitSlot slots[KIT_SLOTS_MAX];
} KitHeader;

/* The largest header there can be (KIT_SLOTS_MAX slots). */
#define KIT_HEADER_MAX_BYTES      (56 + KIT_SLOTS_MAX * 104 + 32)

/* Size in bytes of the serialized header with @n_slots slots. */
gsize kit_header_size (guint n_slots);
/* Size of the whole file for this header. */
guint64 kit_record_file_size (const KitHeader *header);

/* Parse and bound the header at the start of @data. On success fills @out and
 * returns its size in *header_len. Errors: NOT_A_RECORD, UNSUPPORTED_VERSION,
 * DAMAGED. @file_len is the size of the whole file, checked against the header. */
gboolean kit_header_parse (const guint8 *data, gsize data_len, guint64 file_len,
                           KitHeader *out, gsize *header_len, GError **error);

/* Lowest cost the bounds accept (for tests), and a cost tuned on this machine
 * to take about @target_seconds (memory 64–256 MiB). */
void kit_kdf_params_minimal (KitKdfParams *out);
void kit_kdf_params_tune (KitKdfParams *out, double target_seconds);

/* Key derivation, replaceable by tests (e.g. to memoise or to count calls). */
typedef gboolean (*KitKdfFunc) (guint8 *out_key, const char *passphrase,
                                const guint8 *salt, const KitKdfParams *params);
void kit_kdf_set_func (KitKdfFunc func);   /* NULL restores Argon2id */
gboolean kit_kdf_argon2id (guint8 *out_key, const char *passphrase,
                           const guint8 *salt, const KitKdfParams *params);

/* Slots. @data_key is KIT_KEY_BYTES. The slot's key comes from the NFC
 * passphrase (Argon2id) or the raw recovery key bytes (BLAKE2b). */
gboolean kit_slot_seal_passphrase (KitSlot *slot, const guint8 *data_key,
                                   const char *passphrase, const KitKdfParams *params);
void kit_slot_seal_recovery (KitSlot *slot, const guint8 *data_key,
                             const guint8 *recovery_key);
/* Returns TRUE and fills @data_key when the secret fits the slot. */
gboolean kit_slot_open_passphrase (const KitSlot *slot, const char *passphrase, guint8 *data_key);
/* The same, telling apart "the key derivation could not get its memory". */
gboolean kit_slot_open_passphrase_full (const KitSlot *slot, const char *passphrase,
                                        guint8 *data_key, gboolean *out_of_memory);
gboolean kit_slot_open_recovery (const KitSlot *slot, const guint8 *recovery_key, guint8 *data_key);

/* Recovery keys are printed as 14 groups of 4 characters: the 32 key bytes
 * in Crockford base32 (52 characters) and 4 check characters. Parsing ignores
 * case, spaces and dashes, and reads O as 0 and I or L as 1. */
char *kit_recovery_key_format (const guint8 *key);
gboolean kit_recovery_key_parse (const char *text, guint8 *key_out);

/* Build a whole record file in memory: header (with a fresh stream header)
 * and the encrypted body. The result is g_malloc'd (ciphertext only). */
GBytes *kit_record_encrypt (KitHeader *header, const guint8 *data_key,
                            const guint8 *plaintext, gsize plaintext_len);
/* The same into @out (resized to the file's length), so a caller that saves
 * often can reuse one buffer instead of faulting in a fresh one each time. */
void kit_record_encrypt_into (KitHeader *header, const guint8 *data_key,
                              const guint8 *plaintext, gsize plaintext_len, GByteArray *out);

/* Decrypt the body of a parsed record. @alloc is used for the plaintext
 * buffer (e.g. sqlite3_malloc64) and @free on failure. Errors: DAMAGED. */
typedef void *(*KitAllocFunc) (guint64 size);
typedef void  (*KitFreeFunc) (void *ptr);
gboolean kit_record_decrypt (const guint8 *file, gsize file_len, const KitHeader *header,
                             gsize header_len, const guint8 *data_key,
                             KitAllocFunc alloc, KitFreeFunc free_func,
                             guint8 **plaintext_out, GError **error);

/* Read a record back through @read_at (which fills @len bytes at @offset and
 * returns FALSE on error) and check it decrypts with @data_key to exactly
 * @plain. Streams chunk by chunk, so it needs no file-sized buffers. */
typedef gboolean (*KitReadAtFunc) (gpointer user_data, guint8 *buf, gsize len, guint64 offset);
gboolean kit_record_verify (KitReadAtFunc read_at, gpointer user_data, guint64 file_len,
                            const guint8 *data_key, const guint8 *plain, gsize plain_len);

G_END_DECLS
