/* make-seed.c — writes seed records for the fuzzer: a real record made with
 * the same cheap key derivation the fuzz target uses, so mutations of it
 * reach the body decryption. */

#include <stdio.h>
#include <string.h>

#include "kit-record-format.h"
#include "kit-secure.h"

static gboolean
cheap_kdf (guint8 *out, const char *passphrase, const guint8 *salt, const KitKdfParams *params)
{
  crypto_generichash (out, KIT_KEY_BYTES, (const guint8 *) passphrase, strlen (passphrase),
                      salt, KIT_SALT_BYTES);
  return TRUE;
}

static gboolean
write_seed (const char *dir, const char *name, gsize plain_len, gboolean recovery)
{
  guint8 key[KIT_KEY_BYTES], rk[KIT_RECOVERY_KEY_BYTES];
  KitHeader header = { 0 };
  KitKdfParams kdf;
  g_autofree guint8 *plain = g_malloc0 (MAX (plain_len, 1));
  g_autoptr(GBytes) file = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  kit_kdf_params_minimal (&kdf);
  randombytes_buf (key, sizeof key);
  for (gsize i = 0; i < plain_len; i++)
    plain[i] = (guint8) (i * 7);
  header.chunk_size = KIT_CHUNK_SIZE_MIN;
  header.n_slots = 1;
  kit_slot_seal_passphrase (&header.slots[0], key, "fuzz", &kdf);
  if (recovery)
    {
      randombytes_buf (rk, sizeof rk);
      kit_slot_seal_recovery (&header.slots[1], key, rk);
      header.n_slots = 2;
    }
  file = kit_record_encrypt (&header, key, plain, plain_len);
  return g_file_set_contents (path, g_bytes_get_data (file, NULL), g_bytes_get_size (file), NULL);
}

int
main (int argc, char **argv)
{
  if (argc != 2 || !kit_secure_init (NULL))
    return 1;
  kit_kdf_set_func (cheap_kdf);
  if (g_mkdir_with_parents (argv[1], 0700) != 0 ||
      !write_seed (argv[1], "small", 100, FALSE) ||
      !write_seed (argv[1], "three-chunks", 3 * KIT_CHUNK_SIZE_MIN - 5, TRUE) ||
      !write_seed (argv[1], "empty", 0, FALSE))
    return 1;
  return 0;
}
