/* make-vector.c — writes the format test vector of docs/record-format.md:
 * passphrase "correct horse", lowest KDF cost, one passphrase slot and one
 * recovery slot, 4 KiB chunks, and a 10,000-byte plaintext (i * 7 mod 256)
 * that spans three chunks. Run once; the output is committed. */

#include <stdio.h>

#include "kit-record-format.h"
#include "kit-secure.h"

int
main (int argc, char **argv)
{
  static const guint8 recovery[KIT_RECOVERY_KEY_BYTES] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
  guint8 key[KIT_KEY_BYTES];
  guint8 plain[10000];
  KitHeader header = { 0 };
  KitKdfParams kdf;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *rk = NULL;

  if (argc != 2 || !kit_secure_init (NULL))
    return 1;
  for (gsize i = 0; i < sizeof plain; i++)
    plain[i] = (guint8) (i * 7);
  randombytes_buf (key, sizeof key);
  kit_kdf_params_minimal (&kdf);
  header.chunk_size = KIT_CHUNK_SIZE_MIN;
  header.n_slots = 2;
  kit_slot_seal_passphrase (&header.slots[0], key, "correct horse", &kdf);
  kit_slot_seal_recovery (&header.slots[1], key, recovery);
  file = kit_record_encrypt (&header, key, plain, sizeof plain);
  rk = kit_recovery_key_format (recovery);
  printf ("recovery key: %s\n", rk);
  return g_file_set_contents (argv[1], g_bytes_get_data (file, NULL),
                              g_bytes_get_size (file), NULL) ? 0 : 1;
}
