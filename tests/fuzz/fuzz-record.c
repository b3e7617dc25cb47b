/* fuzz-record.c — libFuzzer target for the record file parser: header
 * bounds, key slots and the chunked body. A cheap stand-in key derivation
 * keeps each run fast, so the fuzzer reaches the decryption code with the
 * seed record made by make-seed.c. Without -fsanitize=fuzzer a small main()
 * replays files given on the command line, for the regression suite. */

#include <stdio.h>
#include <string.h>

#include "kit-record-format.h"
#include "kit-secure.h"

#define FUZZ_PASSPHRASE "fuzz"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static gboolean
cheap_kdf (guint8 *out, const char *passphrase, const guint8 *salt, const KitKdfParams *params)
{
  crypto_generichash (out, KIT_KEY_BYTES, (const guint8 *) passphrase, strlen (passphrase),
                      salt, KIT_SALT_BYTES);
  return TRUE;
}

static void *
plain_alloc (guint64 size)
{
  return g_malloc (size);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  KitHeader header;
  gsize header_len = 0;
  guint8 key[KIT_KEY_BYTES];
  guint8 *plain = NULL;
  gboolean opened = FALSE;

  kit_secure_init (NULL);
  kit_kdf_set_func (cheap_kdf);
  if (!kit_header_parse (data, size, size, &header, &header_len, NULL))
    return 0;
  g_assert (header_len <= size);
  g_assert (header.n_slots >= 1 && header.n_slots <= KIT_SLOTS_MAX);
  g_assert (kit_record_file_size (&header) == size);

  for (guint i = 0; i < header.n_slots && !opened; i++)
    opened = kit_slot_open_passphrase (&header.slots[i], FUZZ_PASSPHRASE, key);
  if (opened && kit_record_decrypt (data, size, &header, header_len, key, plain_alloc, g_free,
                                    &plain, NULL))
    g_free (plain);

  /* Recovery keys are typed by people: any text must parse or fail cleanly. */
  {
    g_autofree char *text = g_strndup ((const char *) data, MIN (size, 200));
    guint8 rk[KIT_RECOVERY_KEY_BYTES];
    if (kit_recovery_key_parse (text, rk))
      {
        g_autofree char *again = kit_recovery_key_format (rk);
        guint8 rk2[KIT_RECOVERY_KEY_BYTES];
        g_assert (kit_recovery_key_parse (again, rk2));
        g_assert (memcmp (rk, rk2, sizeof rk) == 0);
      }
  }
  return 0;
}

#ifndef KIT_LIBFUZZER
int
main (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (argv[i], &contents, &len, NULL))
        {
          fprintf (stderr, "cannot read %s\n", argv[i]);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const guint8 *) contents, len);
    }
  return 0;
}
#endif
