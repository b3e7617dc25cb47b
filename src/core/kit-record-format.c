/* kit-record-format.c — reading and writing the record file's bytes: the
 * header with its key slots and checksum, and the body as a chunked
 * XChaCha20-Poly1305 secretstream. Layout: docs/record-format.md. */

#include "kit-record-format.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "kit-error.h"

#define FIXED_BYTES     56   /* magic, version, slots, chunk size, length, stream header */
#define SLOT_BYTES      104
#define SLOT_AD_BYTES   32   /* type, reserved, ops, mem, salt */
#define CHECKSUM_BYTES  32
#define ABYTES          crypto_secretstream_xchacha20poly1305_ABYTES

G_STATIC_ASSERT (KIT_KEY_BYTES == crypto_secretstream_xchacha20poly1305_KEYBYTES);
G_STATIC_ASSERT (KIT_HEADER_MAX_BYTES == FIXED_BYTES + KIT_SLOTS_MAX * SLOT_BYTES + CHECKSUM_BYTES);
G_STATIC_ASSERT (KIT_KEY_BYTES == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

static KitKdfFunc kdf_func = kit_kdf_argon2id;

/* Little-endian helpers. */

static void
put_u16 (guint8 *p, guint16 v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

static void
put_u32 (guint8 *p, guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static void
put_u64 (guint8 *p, guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static guint16
get_u16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 v = 0;

  for (int i = 3; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static gboolean
damaged (GError **error, const char *detail)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_DAMAGED,
               _("This record file is damaged (%s). It cannot be opened as it is."), detail);
  return FALSE;
}

/* Sizes. */

gsize
kit_header_size (guint n_slots)
{
  return FIXED_BYTES + (gsize) n_slots * SLOT_BYTES + CHECKSUM_BYTES;
}

static guint64
chunk_count (guint64 plaintext_len, guint32 chunk_size)
{
  if (plaintext_len == 0)
    return 1;
  return (plaintext_len + chunk_size - 1) / chunk_size;
}

guint64
kit_record_file_size (const KitHeader *header)
{
  return kit_header_size (header->n_slots) + header->plaintext_len +
         chunk_count (header->plaintext_len, header->chunk_size) * ABYTES;
}

/* Slots. */

static void
slot_write_ad (const KitSlot *slot, guint8 *p)
{
  memset (p, 0, SLOT_AD_BYTES);
  p[0] = (guint8) slot->type;
  put_u32 (p + 4, slot->kdf.opslimit);
  put_u64 (p + 8, slot->kdf.memlimit);
  memcpy (p + 16, slot->salt, KIT_SALT_BYTES);
}

static void
slot_write (const KitSlot *slot, guint8 *p)
{
  slot_write_ad (slot, p);
  memcpy (p + SLOT_AD_BYTES, slot->nonce, sizeof slot->nonce);
  memcpy (p + SLOT_AD_BYTES + sizeof slot->nonce, slot->wrapped, sizeof slot->wrapped);
}

static gboolean
slot_read (const guint8 *p, KitSlot *slot, GError **error)
{
  slot->type = p[0];
  if (p[1] != 0 || p[2] != 0 || p[3] != 0)
    return damaged (error, _("a key slot has unknown flags"));
  slot->kdf.opslimit = get_u32 (p + 4);
  slot->kdf.memlimit = get_u64 (p + 8);
  memcpy (slot->salt, p + 16, KIT_SALT_BYTES);
  memcpy (slot->nonce, p + SLOT_AD_BYTES, sizeof slot->nonce);
  memcpy (slot->wrapped, p + SLOT_AD_BYTES + sizeof slot->nonce, sizeof slot->wrapped);

  switch (slot->type)
    {
    case KIT_SLOT_PASSPHRASE:
      if (slot->kdf.opslimit < KIT_KDF_OPS_MIN || slot->kdf.opslimit > KIT_KDF_OPS_MAX ||
          slot->kdf.memlimit < KIT_KDF_MEM_MIN || slot->kdf.memlimit > KIT_KDF_MEM_MAX)
        return damaged (error, _("a key slot asks for an impossible key cost"));
      return TRUE;
    case KIT_SLOT_RECOVERY:
      if (slot->kdf.opslimit != 0 || slot->kdf.memlimit != 0)
        return damaged (error, _("a recovery key slot is malformed"));
      return TRUE;
    default:
      return damaged (error, _("a key slot is of an unknown kind"));
    }
}

static void
slot_seal (KitSlot *slot, const guint8 *wrap_key, const guint8 *data_key)
{
  guint8 ad[SLOT_AD_BYTES];

  randombytes_buf (slot->nonce, sizeof slot->nonce);
  slot_write_ad (slot, ad);
  crypto_aead_xchacha20poly1305_ietf_encrypt (slot->wrapped, NULL, data_key, KIT_KEY_BYTES,
                                              ad, sizeof ad, NULL, slot->nonce, wrap_key);
}

static gboolean
slot_unseal (const KitSlot *slot, const guint8 *wrap_key, guint8 *data_key)
{
  guint8 ad[SLOT_AD_BYTES];

  slot_write_ad (slot, ad);
  return crypto_aead_xchacha20poly1305_ietf_decrypt (data_key, NULL, NULL, slot->wrapped,
                                                     sizeof slot->wrapped, ad, sizeof ad,
                                                     slot->nonce, wrap_key) == 0;
}

static void
recovery_wrap_key (const guint8 *recovery_key, const guint8 *salt, guint8 *out)
{
  /* The recovery key is 256 random bits, so a keyed hash is enough. */
  crypto_generichash (out, KIT_KEY_BYTES, recovery_key, KIT_RECOVERY_KEY_BYTES,
                      salt, KIT_SALT_BYTES);
}

gboolean
kit_slot_seal_passphrase (KitSlot *slot, const guint8 *data_key,
                          const char *passphrase, const KitKdfParams *params)
{
  guint8 *wrap_key = sodium_malloc (KIT_KEY_BYTES);
  gboolean ok;

  if (wrap_key == NULL)
    return FALSE;
  memset (slot, 0, sizeof *slot);
  slot->type = KIT_SLOT_PASSPHRASE;
  slot->kdf = *params;
  randombytes_buf (slot->salt, sizeof slot->salt);
  ok = kdf_func (wrap_key, passphrase, slot->salt, &slot->kdf);
  if (ok)
    slot_seal (slot, wrap_key, data_key);
  sodium_free (wrap_key);
  return ok;
}

void
kit_slot_seal_recovery (KitSlot *slot, const guint8 *data_key, const guint8 *recovery_key)
{
  guint8 *wrap_key = sodium_malloc (KIT_KEY_BYTES);

  g_assert (wrap_key != NULL);
  memset (slot, 0, sizeof *slot);
  slot->type = KIT_SLOT_RECOVERY;
  randombytes_buf (slot->salt, sizeof slot->salt);
  recovery_wrap_key (recovery_key, slot->salt, wrap_key);
  slot_seal (slot, wrap_key, data_key);
  sodium_free (wrap_key);
}

gboolean
kit_slot_open_passphrase_full (const KitSlot *slot, const char *passphrase, guint8 *data_key,
                               gboolean *out_of_memory)
{
  guint8 *wrap_key;
  gboolean ok = FALSE;

  if (out_of_memory != NULL)
    *out_of_memory = FALSE;
  if (slot->type != KIT_SLOT_PASSPHRASE)
    return FALSE;
  wrap_key = sodium_malloc (KIT_KEY_BYTES);
  if (wrap_key != NULL && kdf_func (wrap_key, passphrase, slot->salt, &slot->kdf))
    ok = slot_unseal (slot, wrap_key, data_key);
  else if (out_of_memory != NULL)
    *out_of_memory = TRUE;   /* Argon2id fails only when it cannot get its memory */
  if (wrap_key != NULL)
    sodium_free (wrap_key);
  return ok;
}

gboolean
kit_slot_open_passphrase (const KitSlot *slot, const char *passphrase, guint8 *data_key)
{
  return kit_slot_open_passphrase_full (slot, passphrase, data_key, NULL);
}

gboolean
kit_slot_open_recovery (const KitSlot *slot, const guint8 *recovery_key, guint8 *data_key)
{
  guint8 *wrap_key;
  gboolean ok;

  if (slot->type != KIT_SLOT_RECOVERY)
    return FALSE;
  wrap_key = sodium_malloc (KIT_KEY_BYTES);
  if (wrap_key == NULL)
    return FALSE;
  recovery_wrap_key (recovery_key, slot->salt, wrap_key);
  ok = slot_unseal (slot, wrap_key, data_key);
  sodium_free (wrap_key);
  return ok;
}

/* Key derivation. */

gboolean
kit_kdf_argon2id (guint8 *out_key, const char *passphrase, const guint8 *salt,
                  const KitKdfParams *params)
{
  return crypto_pwhash (out_key, KIT_KEY_BYTES, passphrase, strlen (passphrase), salt,
                        params->opslimit, (size_t) params->memlimit,
                        crypto_pwhash_ALG_ARGON2ID13) == 0;
}

void
kit_kdf_set_func (KitKdfFunc func)
{
  kdf_func = func != NULL ? func : kit_kdf_argon2id;
}

void
kit_kdf_params_minimal (KitKdfParams *out)
{
  out->opslimit = KIT_KDF_OPS_MIN;
  out->memlimit = KIT_KDF_MEM_MIN;
}

static double
time_kdf (const KitKdfParams *params)
{
  guint8 key[KIT_KEY_BYTES];
  guint8 salt[KIT_SALT_BYTES] = { 0 };
  gint64 start = g_get_monotonic_time ();

  kit_kdf_argon2id (key, "tuning", salt, params);
  sodium_memzero (key, sizeof key);
  return (g_get_monotonic_time () - start) / 1e6;
}

void
kit_kdf_params_tune (KitKdfParams *out, double target_seconds)
{
  KitKdfParams probe = { 1, KIT_KDF_MEM_CREATE_MAX };
  double t = MAX (time_kdf (&probe), 1e-3);

  /* Argon2 time grows linearly with memory × passes. Prefer memory (it
   * costs an attacker most), then add passes to reach the target. */
  if (t >= target_seconds)
    {
      guint64 mem = (guint64) (KIT_KDF_MEM_CREATE_MAX * (target_seconds / t));
      out->opslimit = 1;
      out->memlimit = CLAMP (mem, KIT_KDF_MEM_CREATE_MIN, KIT_KDF_MEM_CREATE_MAX) & ~(guint64) 1023;
      return;
    }
  out->memlimit = KIT_KDF_MEM_CREATE_MAX;
  out->opslimit = CLAMP ((guint32) (target_seconds / t + 0.5), 1, KIT_KDF_OPS_MAX);
}

/* Recovery keys. */

static const char b32_alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
#define RK_DATA_CHARS  52
#define RK_CHECK_CHARS 4
#define RK_CHARS       (RK_DATA_CHARS + RK_CHECK_CHARS)

static void
b32_encode (const guint8 *in, gsize in_len, char *out, gsize out_chars)
{
  guint64 acc = 0;
  int bits = 0;
  gsize o = 0;

  for (gsize i = 0; i < in_len && o < out_chars; i++)
    {
      acc = (acc << 8) | in[i];
      bits += 8;
      while (bits >= 5 && o < out_chars)
        {
          out[o++] = b32_alphabet[(acc >> (bits - 5)) & 31];
          bits -= 5;
        }
    }
  if (bits > 0 && o < out_chars)
    out[o++] = b32_alphabet[(acc << (5 - bits)) & 31];
}

static void
recovery_check (const guint8 *key, char *out)
{
  guint8 digest[crypto_generichash_BYTES];

  crypto_generichash (digest, sizeof digest, key, KIT_RECOVERY_KEY_BYTES, NULL, 0);
  b32_encode (digest, sizeof digest, out, RK_CHECK_CHARS);
}

char *
kit_recovery_key_format (const guint8 *key)
{
  char plain[RK_CHARS];
  GString *out = g_string_sized_new (RK_CHARS + RK_CHARS / 4);

  b32_encode (key, KIT_RECOVERY_KEY_BYTES, plain, RK_DATA_CHARS);
  recovery_check (key, plain + RK_DATA_CHARS);
  for (int i = 0; i < RK_CHARS; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, '-');
      g_string_append_c (out, plain[i]);
    }
  sodium_memzero (plain, sizeof plain);
  return g_string_free (out, FALSE);
}

static int
b32_value (char c)
{
  c = g_ascii_toupper (c);
  if (c == 'O')
    c = '0';
  else if (c == 'I' || c == 'L')
    c = '1';
  for (int i = 0; i < 32; i++)
    if (b32_alphabet[i] == c)
      return i;
  return -1;
}

gboolean
kit_recovery_key_parse (const char *text, guint8 *key_out)
{
  char plain[RK_CHARS];
  char check[RK_CHECK_CHARS];
  guint64 acc = 0;
  int bits = 0, n = 0, o = 0;
  gboolean ok = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '\t' || *p == '\n' || *p == '\r')
        continue;
      if (n == RK_CHARS || b32_value (*p) < 0)
        goto out;
      plain[n++] = b32_alphabet[b32_value (*p)];
    }
  if (n != RK_CHARS)
    goto out;

  for (int i = 0; i < RK_DATA_CHARS; i++)
    {
      acc = (acc << 5) | (guint64) b32_value (plain[i]);
      bits += 5;
      if (bits >= 8)
        {
          key_out[o++] = (acc >> (bits - 8)) & 0xff;
          bits -= 8;
        }
    }
  /* 52 characters carry 260 bits: the last 4 must be zero. */
  if ((acc & ((1u << bits) - 1)) != 0)
    goto out;
  recovery_check (key_out, check);
  ok = memcmp (check, plain + RK_DATA_CHARS, RK_CHECK_CHARS) == 0;

out:
  sodium_memzero (plain, sizeof plain);
  sodium_memzero (check, sizeof check);
  sodium_memzero (&acc, sizeof acc);
  if (!ok)
    sodium_memzero (key_out, KIT_RECOVERY_KEY_BYTES);
  return ok;
}

/* Header. */

static void
header_write (const KitHeader *header, guint8 *p)
{
  gsize len = kit_header_size (header->n_slots) - CHECKSUM_BYTES;

  memcpy (p, KIT_FORMAT_MAGIC, KIT_FORMAT_MAGIC_LEN);
  put_u16 (p + 16, header->version);
  put_u16 (p + 18, (guint16) header->n_slots);
  put_u32 (p + 20, header->chunk_size);
  put_u64 (p + 24, header->plaintext_len);
  memcpy (p + 32, header->stream_header, sizeof header->stream_header);
  for (guint i = 0; i < header->n_slots; i++)
    slot_write (&header->slots[i], p + FIXED_BYTES + i * SLOT_BYTES);
  crypto_generichash (p + len, CHECKSUM_BYTES, p, len, NULL, 0);
}

gboolean
kit_header_parse (const guint8 *data, gsize data_len, guint64 file_len,
                  KitHeader *out, gsize *header_len, GError **error)
{
  guint8 sum[CHECKSUM_BYTES];
  gsize len;

  if (data_len < KIT_FORMAT_MAGIC_LEN ||
      memcmp (data, KIT_FORMAT_MAGIC, KIT_FORMAT_MAGIC_LEN) != 0)
    {
      g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_NOT_A_RECORD,
                   _("This file is not a Keep in Touch record."));
      return FALSE;
    }
  if (data_len < FIXED_BYTES)
    return damaged (error, _("it ends too early"));

  memset (out, 0, sizeof *out);
  out->version = get_u16 (data + 16);
  if (out->version != KIT_FORMAT_VERSION)
    {
      g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_UNSUPPORTED_VERSION,
                   _("This record was made by a different version of Keep in Touch "
                   "(format %u), which this version cannot read. It has not been changed."),
                   out->version);
      return FALSE;
    }
  out->n_slots = get_u16 (data + 18);
  if (out->n_slots < 1 || out->n_slots > KIT_SLOTS_MAX)
    return damaged (error, _("the number of keys is impossible"));
  len = kit_header_size (out->n_slots);
  if (data_len < len || file_len < len)
    return damaged (error, _("it ends too early"));

  crypto_generichash (sum, sizeof sum, data, len - CHECKSUM_BYTES, NULL, 0);
  if (sodium_memcmp (sum, data + len - CHECKSUM_BYTES, CHECKSUM_BYTES) != 0)
    return damaged (error, _("its header does not match its checksum"));

  out->chunk_size = get_u32 (data + 20);
  out->plaintext_len = get_u64 (data + 24);
  memcpy (out->stream_header, data + 32, sizeof out->stream_header);
  if (out->chunk_size < KIT_CHUNK_SIZE_MIN || out->chunk_size > KIT_CHUNK_SIZE_MAX)
    return damaged (error, _("its block size is impossible"));
  if (out->plaintext_len > KIT_PLAINTEXT_MAX)
    return damaged (error, _("it claims to be far too large"));
  for (guint i = 0; i < out->n_slots; i++)
    if (!slot_read (data + FIXED_BYTES + i * SLOT_BYTES, &out->slots[i], error))
      return FALSE;
  if (kit_record_file_size (out) != file_len)
    return damaged (error, _("it is not the length it should be"));

  *header_len = len;
  return TRUE;
}

/* Body. */

void
kit_record_encrypt_into (KitHeader *header, const guint8 *data_key,
                         const guint8 *plaintext, gsize plaintext_len, GByteArray *out)
{
  crypto_secretstream_xchacha20poly1305_state state;
  gsize header_len = kit_header_size (header->n_slots);
  guint64 n_chunks;
  guint8 *c;

  header->version = KIT_FORMAT_VERSION;
  header->plaintext_len = plaintext_len;
  if (header->chunk_size == 0)
    header->chunk_size = KIT_CHUNK_SIZE_DEFAULT;
  crypto_secretstream_xchacha20poly1305_init_push (&state, header->stream_header, data_key);

  g_byte_array_set_size (out, kit_record_file_size (header));
  n_chunks = chunk_count (plaintext_len, header->chunk_size);
  header_write (header, out->data);
  c = out->data + header_len;

  for (guint64 i = 0; i < n_chunks; i++)
    {
      gsize offset = i * header->chunk_size;
      gsize len = MIN ((gsize) header->chunk_size, plaintext_len - offset);
      gboolean last = i + 1 == n_chunks;

      /* The header is the first chunk's additional data, binding the two. */
      crypto_secretstream_xchacha20poly1305_push (
        &state, c, NULL, plaintext + offset, len,
        i == 0 ? out->data : NULL, i == 0 ? header_len : 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
             : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      c += len + ABYTES;
    }
  sodium_memzero (&state, sizeof state);
  g_assert ((gsize) (c - out->data) == out->len);
}

GBytes *
kit_record_encrypt (KitHeader *header, const guint8 *data_key,
                    const guint8 *plaintext, gsize plaintext_len)
{
  GByteArray *out = g_byte_array_new ();

  kit_record_encrypt_into (header, data_key, plaintext, plaintext_len, out);
  return g_byte_array_free_to_bytes (out);
}

gboolean
kit_record_decrypt (const guint8 *file, gsize file_len, const KitHeader *header,
                    gsize header_len, const guint8 *data_key,
                    KitAllocFunc alloc, KitFreeFunc free_func,
                    guint8 **plaintext_out, GError **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint64 n_chunks = chunk_count (header->plaintext_len, header->chunk_size);
  const guint8 *c = file + header_len;
  guint8 *plain;
  gboolean ok = TRUE;

  if (kit_record_file_size (header) != file_len)
    return damaged (error, _("it is not the length it should be"));
  if (crypto_secretstream_xchacha20poly1305_init_pull (&state, header->stream_header,
                                                       data_key) != 0)
    return damaged (error, _("its contents cannot be read"));
  plain = alloc (MAX (header->plaintext_len, 1));
  if (plain == NULL)
    {
      g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
                   _("There is not enough memory to open this record."));
      return FALSE;
    }

  for (guint64 i = 0; i < n_chunks && ok; i++)
    {
      gsize offset = i * header->chunk_size;
      gsize len = MIN ((gsize) header->chunk_size, header->plaintext_len - offset);
      gboolean last = i + 1 == n_chunks;
      unsigned char tag = 0;

      ok = crypto_secretstream_xchacha20poly1305_pull (&state, plain + offset, NULL, &tag,
                                                       c, len + ABYTES,
                                                       i == 0 ? file : NULL,
                                                       i == 0 ? header_len : 0) == 0 &&
           (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) == last &&
           (last || tag == crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      c += len + ABYTES;
    }
  sodium_memzero (&state, sizeof state);

  if (!ok)
    {
      sodium_memzero (plain, MAX (header->plaintext_len, 1));
      free_func (plain);
      return damaged (error, _("some of its contents have been changed or lost"));
    }
  *plaintext_out = plain;
  return TRUE;
}

gboolean
kit_record_verify (KitReadAtFunc read_at, gpointer user_data, guint64 file_len,
                   const guint8 *data_key, const guint8 *plain, gsize plain_len)
{
  crypto_secretstream_xchacha20poly1305_state state;
  guint8 head[KIT_HEADER_MAX_BYTES];
  g_autofree guint8 *cipher = NULL;
  guint8 *out = NULL;
  KitHeader header;
  gsize header_len;
  guint64 offset, n_chunks;
  gboolean ok = TRUE;

  if (file_len < FIXED_BYTES || !read_at (user_data, head, FIXED_BYTES, 0))
    return FALSE;
  header_len = kit_header_size (MIN (get_u16 (head + 18), KIT_SLOTS_MAX));
  if (file_len < header_len ||
      !read_at (user_data, head + FIXED_BYTES, header_len - FIXED_BYTES, FIXED_BYTES) ||
      !kit_header_parse (head, header_len, file_len, &header, &header_len, NULL) ||
      header.plaintext_len != plain_len ||
      crypto_secretstream_xchacha20poly1305_init_pull (&state, header.stream_header, data_key) != 0)
    return FALSE;

  cipher = g_malloc (header.chunk_size + ABYTES);
  out = sodium_malloc (header.chunk_size);
  if (out == NULL)
    return FALSE;
  n_chunks = chunk_count (plain_len, header.chunk_size);
  offset = header_len;
  for (guint64 i = 0; i < n_chunks && ok; i++)
    {
      gsize start = i * header.chunk_size;
      gsize len = MIN ((gsize) header.chunk_size, plain_len - start);
      gboolean last = i + 1 == n_chunks;
      unsigned char tag = 0;

      ok = read_at (user_data, cipher, len + ABYTES, offset) &&
           crypto_secretstream_xchacha20poly1305_pull (&state, out, NULL, &tag, cipher,
                                                       len + ABYTES, i == 0 ? head : NULL,
                                                       i == 0 ? header_len : 0) == 0 &&
           (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) == last &&
           memcmp (out, plain + start, len) == 0;
      offset += len + ABYTES;
    }
  sodium_memzero (&state, sizeof state);
  sodium_free (out);
  return ok && offset == file_len;
}
