/* test-vector.c — the committed format-1 test vector (docs/record-format.md)
 * must keep opening, with the passphrase and with the recovery key, to the
 * same bytes: a guard against changing the format by accident. */

#include <check.h>
#include <string.h>

#include "kit-record-format.h"
#include "kit-secure.h"

static GBytes *
load_vector (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("KIT_SOURCE_DIR"), "tests", "vectors",
                                            "v1-small.kit", NULL);
  char *contents = NULL;
  gsize len = 0;

  ck_assert_msg (g_file_get_contents (path, &contents, &len, NULL), "cannot read %s", path);
  return g_bytes_new_take (contents, len);
}

static void *
plain_alloc (guint64 size)
{
  return g_malloc (size);
}

static void
check_plaintext (GBytes *file, const KitHeader *header, gsize header_len, const guint8 *key)
{
  guint8 *plain = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (file, &len);

  ck_assert (kit_record_decrypt (data, len, header, header_len, key, plain_alloc, g_free,
                                 &plain, NULL));
  for (gsize i = 0; i < 10000; i++)
    ck_assert_uint_eq (plain[i], (guint8) (i * 7));
  g_free (plain);
}

START_TEST (test_vector_layout)
{
  g_autoptr(GBytes) file = load_vector ();
  KitHeader header;
  gsize header_len, len;
  const guint8 *data = g_bytes_get_data (file, &len);

  ck_assert (kit_header_parse (data, len, len, &header, &header_len, NULL));
  ck_assert_uint_eq (header.version, 1);
  ck_assert_uint_eq (header.n_slots, 2);
  ck_assert_uint_eq (header_len, 56 + 2 * 104 + 32);
  ck_assert_uint_eq (header.chunk_size, 4096);
  ck_assert_uint_eq (header.plaintext_len, 10000);
  ck_assert_uint_eq (len, header_len + 10000 + 3 * 17);
  ck_assert_int_eq (header.slots[0].type, KIT_SLOT_PASSPHRASE);
  ck_assert_uint_eq (header.slots[0].kdf.opslimit, 1);
  ck_assert_uint_eq (header.slots[0].kdf.memlimit, 8 * 1024 * 1024);
  ck_assert_int_eq (header.slots[1].type, KIT_SLOT_RECOVERY);
}
END_TEST

START_TEST (test_vector_passphrase)
{
  g_autoptr(GBytes) file = load_vector ();
  KitHeader header;
  gsize header_len, len;
  guint8 key[KIT_KEY_BYTES];
  const guint8 *data = g_bytes_get_data (file, &len);

  ck_assert (kit_header_parse (data, len, len, &header, &header_len, NULL));
  ck_assert (!kit_slot_open_passphrase (&header.slots[0], "correct horse!", key));
  ck_assert (kit_slot_open_passphrase (&header.slots[0], "correct horse", key));
  check_plaintext (file, &header, header_len, key);
}
END_TEST

START_TEST (test_vector_recovery)
{
  g_autoptr(GBytes) file = load_vector ();
  KitHeader header;
  gsize header_len, len;
  guint8 key[KIT_KEY_BYTES], rk[KIT_RECOVERY_KEY_BYTES];
  const guint8 *data = g_bytes_get_data (file, &len);

  ck_assert (kit_header_parse (data, len, len, &header, &header_len, NULL));
  /* Typed in lower case, with spaces and an O for a 0, it still reads. */
  ck_assert (kit_recovery_key_parse ("o410 6105 0r3g g28a 0000 0000 0000 0000 0000 0000 "
                                     "0000 0000 0000 1wv2", rk));
  ck_assert (kit_slot_open_recovery (&header.slots[1], rk, key));
  check_plaintext (file, &header, header_len, key);
  /* One wrong character is caught by the check characters. */
  ck_assert (!kit_recovery_key_parse ("0410-6105-0R3G-G28A-0000-0000-0000-0000-0000-0000-"
                                      "0000-0000-0010-1WV2", rk));
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("vector");
  TCase *tc = tcase_create ("v1");
  SRunner *sr;
  int failed;

  kit_secure_init (NULL);
  tcase_add_test (tc, test_vector_layout);
  tcase_add_test (tc, test_vector_passphrase);
  tcase_add_test (tc, test_vector_recovery);
  suite_add_tcase (s, tc);
  sr = srunner_create (s);
  srunner_run_all (sr, CK_NORMAL);
  failed = srunner_ntests_failed (sr);
  srunner_free (sr);
  return failed == 0 ? 0 : 1;
}
