/* test-hostile.c — a hostile header (impossible KDF cost, sizes, slot count,
 * version, magic) is refused quickly, as damage, not-a-record or unsupported
 * version, and WITHOUT deriving a key: a counting KDF must not be called.
 * The header carries a BLAKE2b checksum, so each edited field is followed by
 * a recomputed checksum: the bounds themselves are under test. */

#include "kit-test-common.h"

#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

typedef struct {
  char *dir;
  char *path;
  GBytes *good;
  KitHeader header;
  gsize header_len;
} Fixture;

static void
fixture_init (Fixture *f, gboolean with_recovery)
{
  g_autofree char *recovery = NULL;
  KitVault *vault;

  kt_kdf_install_counting ();
  f->dir = kt_tmpdir ();
  f->path = g_build_filename (f->dir, "hostile.kit", NULL);
  vault = kt_create (f->path, KT_PASSPHRASE, with_recovery ? &recovery : NULL);
  kt_close (vault);
  f->good = kt_read_file (f->path);
  kt_parse_header (f->good, &f->header, &f->header_len);
  ck_assert_uint_eq (f->header.n_slots, with_recovery ? 2 : 1);
}

static void
fixture_clear (Fixture *f)
{
  kit_kdf_set_func (NULL);
  kt_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_bytes_unref (f->good);
}

static GByteArray *
good_copy (Fixture *f)
{
  GByteArray *data = g_byte_array_new ();
  g_byte_array_append (data, g_bytes_get_data (f->good, NULL), g_bytes_get_size (f->good));
  return data;
}

/* Write @data as the record, open it, and check it is refused with @code,
 * quickly, without any key derivation. */
static void
assert_refused_without_kdf (Fixture *f, const guint8 *data, gsize len, int code,
                            const char *what)
{
  g_autoptr (GError) error = NULL;
  gint64 start;
  double seconds;
  KitVault *vault;

  kt_write_file (f->path, data, len);
  kt_kdf_reset_calls ();
  start = g_get_monotonic_time ();
  vault = kit_vault_open (f->path, KT_PASSPHRASE, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (vault != NULL)
    {
      kit_vault_close (vault, TRUE, NULL);
      g_object_unref (vault);
      ck_abort_msg ("%s: the hostile record opened", what);
    }
  ck_assert_msg (error != NULL, "%s: no error", what);
  ck_assert_msg (error->domain == KIT_RECORD_ERROR && error->code == code,
                 "%s: error %d (%s), expected %d", what, error->code, error->message, code);
  ck_assert_msg (kit_record_error_exit_code (error) == 3, "%s: exit code %d", what,
                 kit_record_error_exit_code (error));
  ck_assert_msg (kt_kdf_calls () == 0, "%s: the key was derived %u times before refusing", what,
                 kt_kdf_calls ());
  ck_assert_msg (seconds < 2.0, "%s: took %.2f s to refuse", what, seconds);
}

/* Edit the good header with @edit, fix the checksum, and check the refusal. */
typedef void (*EditFunc) (guint8 *data, gsize header_len, guint64 value);

static void
check_edit (Fixture *f, EditFunc edit, guint64 value, int code, const char *what)
{
  g_autoptr (GByteArray) data = good_copy (f);
  g_autofree char *label = g_strdup_printf ("%s = %" G_GUINT64_FORMAT, what, value);

  edit (data->data, f->header_len, value);
  kt_fix_checksum (data->data, f->header_len);
  assert_refused_without_kdf (f, data->data, data->len, code, label);

  /* And the same edit without fixing the checksum is refused too. */
  g_byte_array_set_size (data, 0);
  g_byte_array_append (data, g_bytes_get_data (f->good, NULL), g_bytes_get_size (f->good));
  edit (data->data, f->header_len, value);
  if (memcmp (data->data, g_bytes_get_data (f->good, NULL), f->header_len) != 0)
    {
      g_autoptr (GError) error = NULL;
      kt_write_file (f->path, data->data, data->len);
      kt_kdf_reset_calls ();
      ck_assert_ptr_null (kit_vault_open (f->path, KT_PASSPHRASE, &error));
      ck_assert_msg (kit_record_error_exit_code (error) == 3, "%s (checksum not fixed): %s",
                     label, error ? error->message : "?");
      ck_assert_uint_eq (kt_kdf_calls (), 0);
    }
}

static void
edit_ops (guint8 *d, gsize hl, guint64 v)
{
  kt_put_u32 (d + KT_FIXED_BYTES + KT_SLOT_OFF_OPS, (guint32) v);
}

static void
edit_mem (guint8 *d, gsize hl, guint64 v)
{
  kt_put_u64 (d + KT_FIXED_BYTES + KT_SLOT_OFF_MEM, v);
}

static void
edit_chunk_size (guint8 *d, gsize hl, guint64 v)
{
  kt_put_u32 (d + KT_OFF_CHUNK_SIZE, (guint32) v);
}

static void
edit_plain_len (guint8 *d, gsize hl, guint64 v)
{
  kt_put_u64 (d + KT_OFF_PLAIN_LEN, v);
}

static void
edit_slot_type (guint8 *d, gsize hl, guint64 v)
{
  d[KT_FIXED_BYTES + KT_SLOT_OFF_TYPE] = (guint8) v;
}

static void
edit_slot_flags (guint8 *d, gsize hl, guint64 v)
{
  d[KT_FIXED_BYTES + 1 + (v % 3)] = 0x80;
}

static void
edit_recovery_ops (guint8 *d, gsize hl, guint64 v)
{
  kt_put_u32 (d + KT_FIXED_BYTES + KT_SLOT_BYTES + KT_SLOT_OFF_OPS, (guint32) v);
}

static void
edit_recovery_mem (guint8 *d, gsize hl, guint64 v)
{
  kt_put_u64 (d + KT_FIXED_BYTES + KT_SLOT_BYTES + KT_SLOT_OFF_MEM, v);
}

START_TEST (test_kdf_cost_bounds)
{
  Fixture f;
  guint64 bad_ops[] = { 0, KIT_KDF_OPS_MAX + 1, 1000, G_MAXUINT32 };
  guint64 bad_mem[] = { 0, 1024, KIT_KDF_MEM_MIN - 1, KIT_KDF_MEM_MAX + 1,
                        (guint64) 64 * 1024 * 1024 * 1024, G_MAXUINT64 };

  fixture_init (&f, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (bad_ops); i++)
    check_edit (&f, edit_ops, bad_ops[i], KIT_RECORD_ERROR_DAMAGED, "KDF opslimit");
  for (guint i = 0; i < G_N_ELEMENTS (bad_mem); i++)
    check_edit (&f, edit_mem, bad_mem[i], KIT_RECORD_ERROR_DAMAGED, "KDF memlimit");

  /* The good file still opens (and that does derive, once). */
  kt_write_file (f.path, g_bytes_get_data (f.good, NULL), g_bytes_get_size (f.good));
  kt_kdf_reset_calls ();
  kt_close (kt_open (f.path, KT_PASSPHRASE));
  ck_assert_uint_eq (kt_kdf_calls (), 1);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_size_bounds)
{
  Fixture f;
  guint64 bad_chunk[] = { 0, 1, KIT_CHUNK_SIZE_MIN - 1, KIT_CHUNK_SIZE_MAX + 1, G_MAXUINT32 };
  guint64 bad_len[] = { KIT_PLAINTEXT_MAX + 1, (guint64) 1 << 40, G_MAXUINT64 - 16,
                        G_MAXUINT64 };

  fixture_init (&f, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (bad_chunk); i++)
    check_edit (&f, edit_chunk_size, bad_chunk[i], KIT_RECORD_ERROR_DAMAGED, "chunk size");
  for (guint i = 0; i < G_N_ELEMENTS (bad_len); i++)
    check_edit (&f, edit_plain_len, bad_len[i], KIT_RECORD_ERROR_DAMAGED, "plaintext length");

  /* Within the bounds but not matching the file's length. */
  check_edit (&f, edit_plain_len, f.header.plaintext_len + 1, KIT_RECORD_ERROR_DAMAGED,
              "plaintext length (one more than the file holds)");
  check_edit (&f, edit_plain_len, f.header.plaintext_len - 1, KIT_RECORD_ERROR_DAMAGED,
              "plaintext length (one less than the file holds)");
  check_edit (&f, edit_plain_len, 0, KIT_RECORD_ERROR_DAMAGED, "plaintext length");
  check_edit (&f, edit_plain_len, KIT_PLAINTEXT_MAX, KIT_RECORD_ERROR_DAMAGED,
              "plaintext length (the maximum, in a small file)");
  check_edit (&f, edit_chunk_size, KIT_CHUNK_SIZE_MIN, KIT_RECORD_ERROR_DAMAGED,
              "chunk size (valid, but the file was written with another)");
  fixture_clear (&f);
}
END_TEST

START_TEST (test_slot_bounds)
{
  Fixture f;
  guint64 bad_types[] = { 0, 3, 0x7f, 0xff };

  fixture_init (&f, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (bad_types); i++)
    check_edit (&f, edit_slot_type, bad_types[i], KIT_RECORD_ERROR_DAMAGED, "slot type");
  for (guint i = 0; i < 3; i++)
    check_edit (&f, edit_slot_flags, i, KIT_RECORD_ERROR_DAMAGED, "slot flag byte");
  /* A recovery slot carries no KDF cost. */
  check_edit (&f, edit_recovery_ops, 1, KIT_RECORD_ERROR_DAMAGED, "recovery slot opslimit");
  check_edit (&f, edit_recovery_mem, KIT_KDF_MEM_MAX, KIT_RECORD_ERROR_DAMAGED,
              "recovery slot memlimit");
  fixture_clear (&f);
}
END_TEST

START_TEST (test_slot_count)
{
  Fixture f;
  guint16 counts[] = { 0, KIT_SLOTS_MAX + 1, 255, 0xffff, 2 /* one more than present */ };

  fixture_init (&f, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr (GByteArray) data = good_copy (&f);
      g_autofree char *what = g_strdup_printf ("slot count %u", counts[i]);
      gsize claimed_len = kit_header_size (MIN (counts[i], KIT_SLOTS_MAX));

      kt_put_u16 (data->data + KT_OFF_SLOTS, counts[i]);
      /* Put a correct checksum where a header of that many slots would end. */
      if (claimed_len <= data->len)
        kt_fix_checksum (data->data, claimed_len);
      assert_refused_without_kdf (&f, data->data, data->len, KIT_RECORD_ERROR_DAMAGED, what);
    }
  fixture_clear (&f);
}
END_TEST

START_TEST (test_version_and_magic)
{
  Fixture f;
  guint16 versions[] = { 0, KIT_FORMAT_VERSION + 1, 0x100, 0xffff };

  fixture_init (&f, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autoptr (GByteArray) data = good_copy (&f);
      g_autoptr (GByteArray) unfixed = good_copy (&f);
      g_autofree char *what = g_strdup_printf ("version %u", versions[i]);
      g_autofree char *what2 = g_strdup_printf ("version %u (checksum not fixed)", versions[i]);

      kt_put_u16 (data->data + KT_OFF_VERSION, versions[i]);
      kt_fix_checksum (data->data, f.header_len);
      assert_refused_without_kdf (&f, data->data, data->len,
                                  KIT_RECORD_ERROR_UNSUPPORTED_VERSION, what);
      /* A file of a newer version is never rewritten by a failed open. */
      {
        g_autoptr (GBytes) after = kt_read_file (f.path);
        ck_assert_uint_eq (g_bytes_get_size (after), data->len);
        ck_assert_mem_eq (g_bytes_get_data (after, NULL), data->data, data->len);
      }
      kt_put_u16 (unfixed->data + KT_OFF_VERSION, versions[i]);
      assert_refused_without_kdf (&f, unfixed->data, unfixed->len,
                                  KIT_RECORD_ERROR_UNSUPPORTED_VERSION, what2);
    }
  for (guint i = 0; i < KIT_FORMAT_MAGIC_LEN; i++)
    {
      g_autoptr (GByteArray) data = good_copy (&f);
      g_autofree char *what = g_strdup_printf ("magic byte %u changed", i);

      data->data[i] ^= 0x20;
      assert_refused_without_kdf (&f, data->data, data->len, KIT_RECORD_ERROR_NOT_A_RECORD,
                                  what);
    }
  fixture_clear (&f);
}
END_TEST

START_TEST (test_short_files)
{
  Fixture f;
  const guint8 *good;

  fixture_init (&f, TRUE);
  good = g_bytes_get_data (f.good, NULL);
  for (gsize len = 0; len <= f.header_len + KT_ABYTES; len++)
    {
      g_autofree char *what = g_strdup_printf ("file of %zu bytes", len);
      g_autoptr (GError) error = NULL;

      kt_write_file (f.path, good, len);
      kt_kdf_reset_calls ();
      ck_assert_ptr_null (kit_vault_open (f.path, KT_PASSPHRASE, &error));
      ck_assert_msg (error != NULL && kit_record_error_exit_code (error) == 3, "%s: %s", what,
                     error ? error->message : "no error");
      if (len < KIT_FORMAT_MAGIC_LEN)
        ck_assert_msg (error->code == KIT_RECORD_ERROR_NOT_A_RECORD, "%s: %s", what,
                       error->message);
      ck_assert_msg (kt_kdf_calls () == 0, "%s: derived a key", what);
    }
  fixture_clear (&f);
}
END_TEST

START_TEST (test_big_sparse_file)
{
  /* A large file that is not a record (512 MiB of holes, costing nothing on
   * disk) is refused quickly and without reading it all into memory. */
  Fixture f;
  g_autoptr (GError) error = NULL;
  struct rusage before, after;
  gint64 start;
  double seconds;
  long grown_mib;
  int fd;

  fixture_init (&f, FALSE);
  fd = open (f.path, O_WRONLY | O_TRUNC | O_CLOEXEC);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (write (fd, "Not a record at all", 19), 19);
  ck_assert_int_eq (ftruncate (fd, (off_t) 512 * 1024 * 1024), 0);
  close (fd);

  getrusage (RUSAGE_SELF, &before);
  kt_kdf_reset_calls ();
  start = g_get_monotonic_time ();
  ck_assert_ptr_null (kit_vault_open (f.path, KT_PASSPHRASE, &error));
  seconds = (g_get_monotonic_time () - start) / 1e6;
  getrusage (RUSAGE_SELF, &after);
  grown_mib = (after.ru_maxrss - before.ru_maxrss) / 1024;
  kt_assert_error (error, KIT_RECORD_ERROR_NOT_A_RECORD, 3);
  ck_assert_uint_eq (kt_kdf_calls (), 0);
  ck_assert_msg (grown_mib < 64,
                 "opening a 512 MiB non-record grew the process by %ld MiB: the file is read "
                 "whole before its header is checked", grown_mib);
  ck_assert_msg (seconds < 2.0, "took %.2f s to refuse", seconds);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_huge_file_refused_by_size)
{
  /* Larger than any record can be (sparse, 4 GiB): refused before reading. */
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) data = NULL;
  gint64 start;
  int fd;

  fixture_init (&f, FALSE);
  data = good_copy (&f);
  fd = open (f.path, O_WRONLY | O_TRUNC | O_CLOEXEC);
  ck_assert_int_ge (fd, 0);
  ck_assert_int_eq (write (fd, data->data, data->len), (ssize_t) data->len);
  ck_assert_int_eq (ftruncate (fd, (off_t) 4 * 1024 * 1024 * 1024), 0);
  close (fd);

  kt_kdf_reset_calls ();
  start = g_get_monotonic_time ();
  ck_assert_ptr_null (kit_vault_open (f.path, KT_PASSPHRASE, &error));
  ck_assert_int_eq (kit_record_error_exit_code (error), 3);
  ck_assert_uint_eq (kt_kdf_calls (), 0);
  ck_assert_msg (g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC, "slow refusal");
  fixture_clear (&f);
}
END_TEST

START_TEST (test_header_parse_direct)
{
  Fixture f;
  const guint8 *good;
  gsize len;
  KitHeader h;
  gsize hl = 0;
  g_autoptr (GError) error = NULL;

  fixture_init (&f, TRUE);
  good = g_bytes_get_data (f.good, &len);

  /* The good header parses, and says what the file holds. */
  ck_assert (kit_header_parse (good, len, len, &h, &hl, &error));
  ck_assert_uint_eq (h.version, KIT_FORMAT_VERSION);
  ck_assert_uint_eq (h.n_slots, 2);
  ck_assert_uint_eq (h.slots[0].type, KIT_SLOT_PASSPHRASE);
  ck_assert_uint_eq (h.slots[1].type, KIT_SLOT_RECOVERY);
  ck_assert_uint_eq (h.slots[0].kdf.opslimit, KIT_KDF_OPS_MIN);
  ck_assert_uint_eq (h.slots[0].kdf.memlimit, KIT_KDF_MEM_MIN);
  ck_assert_uint_eq (h.chunk_size, KIT_CHUNK_SIZE_DEFAULT);
  ck_assert_uint_eq (hl, kit_header_size (2));

  /* Every prefix of the header, in a buffer of exactly that size (so that a
   * read past its end shows under AddressSanitizer). */
  for (gsize n = 0; n < hl; n++)
    {
      guint8 *copy = g_malloc (MAX (n, 1));
      memcpy (copy, good, n);
      ck_assert_msg (!kit_header_parse (copy, n, len, &h, &hl, &error), "prefix %zu parsed", n);
      ck_assert_msg (kit_record_error_exit_code (error) == 3, "prefix %zu: %s", n,
                     error->message);
      g_clear_error (&error);
      g_free (copy);
    }
  hl = kit_header_size (2);

  /* The whole header but the wrong file length. */
  {
    guint64 lens[] = { 0, hl - 1, hl, len - 1, len + 1, G_MAXUINT64 };
    for (guint i = 0; i < G_N_ELEMENTS (lens); i++)
      {
        ck_assert (!kit_header_parse (good, len, lens[i], &h, &hl, &error));
        ck_assert_int_eq (kit_record_error_exit_code (error), 3);
        g_clear_error (&error);
      }
  }

  /* Garbage of every length up to a few headers, plain and with the magic. */
  for (gsize n = 0; n < 3 * hl; n++)
    for (int with_magic = 0; with_magic < 2; with_magic++)
      {
        guint8 *junk = g_malloc (MAX (n, 1));
        randombytes_buf (junk, n);
        if (with_magic)
          memcpy (junk, KIT_FORMAT_MAGIC, MIN (n, (gsize) KIT_FORMAT_MAGIC_LEN));
        if (with_magic && n >= KT_FIXED_BYTES)
          {
            /* A plausible version and slot count, so parsing goes deeper. */
            kt_put_u16 (junk + KT_OFF_VERSION, KIT_FORMAT_VERSION);
            kt_put_u16 (junk + KT_OFF_SLOTS, (guint16) (1 + n % KIT_SLOTS_MAX));
            if (n >= kit_header_size (1 + n % KIT_SLOTS_MAX))
              kt_fix_checksum (junk, kit_header_size (1 + n % KIT_SLOTS_MAX));
          }
        ck_assert_msg (!kit_header_parse (junk, n, n, &h, &hl, &error), "garbage %zu parsed", n);
        ck_assert_msg (error != NULL && kit_record_error_exit_code (error) == 3,
                       "garbage of %zu bytes: %s", n, error ? error->message : "no error");
        g_clear_error (&error);
        g_free (junk);
      }
  fixture_clear (&f);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("hostile");

  kt_init ();
  kt_add_test (s, "kdf-cost", test_kdf_cost_bounds);
  kt_add_test (s, "sizes", test_size_bounds);
  kt_add_test (s, "slots", test_slot_bounds);
  kt_add_test (s, "slot-count", test_slot_count);
  kt_add_test (s, "version-magic", test_version_and_magic);
  kt_add_test (s, "short-files", test_short_files);
  kt_add_test (s, "huge-file", test_huge_file_refused_by_size);
  kt_add_test (s, "big-sparse-file", test_big_sparse_file);
  kt_add_test (s, "header-parse", test_header_parse_direct);
  return kt_run_suite (s);
}
