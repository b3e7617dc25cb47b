/* test-tamper.c — a damaged or tampered record never opens, never crashes,
 * and is reported as damage (exit 3) or, at worst, as a key that does not
 * fit (exit 2): single-byte flips everywhere, truncation, appended bytes, and
 * chunks swapped, duplicated or removed. A failed open never keeps the lock. */

#include "kit-test-common.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  char *dir;
  char *path;
  GBytes *good;       /* the record as saved */
  KitHeader header;
  gsize header_len;
} Fixture;

static void
fixture_init (Fixture *f, gboolean big)
{
  g_autofree char *recovery = NULL;
  g_autoptr (GError) error = NULL;
  KitVault *vault;

  kt_kdf_install_memo ();
  f->dir = kt_tmpdir ();
  f->path = g_build_filename (f->dir, "tampered.kit", NULL);
  /* With a recovery key, so that both kinds of key slot are in the header. */
  vault = kt_create (f->path, KT_PASSPHRASE, &recovery);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Amelia');");
  if (big)
    /* About 400 KB of incompressible text: the body spans several chunks. */
    kt_exec (vault,
             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)"
             " INSERT INTO people (name, notes) SELECT 'p' || i, hex(randomblob(1000)) FROM n;");
  ck_assert (kit_vault_save (vault, &error));
  kt_close (vault);
  f->good = kt_read_file (f->path);
  kt_parse_header (f->good, &f->header, &f->header_len);
}

static void
fixture_clear (Fixture *f)
{
  kt_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_bytes_unref (f->good);
}

static guint64
n_chunks (const Fixture *f)
{
  guint64 body = g_bytes_get_size (f->good) - f->header_len;
  guint64 full = f->header.chunk_size + KT_ABYTES;

  return (body + full - 1) / full;
}

/* Offset in the file of chunk @i. */
static gsize
chunk_offset (const Fixture *f, guint64 i)
{
  return f->header_len + i * (f->header.chunk_size + KT_ABYTES);
}

static gsize
chunk_len (const Fixture *f, guint64 i)
{
  gsize start = chunk_offset (f, i);
  gsize end = MIN (chunk_offset (f, i + 1), g_bytes_get_size (f->good));
  return end - start;
}

/* Opening the file now must fail with exit code 2 or 3 (or exactly @want). */
static void
assert_refused (const char *path, int want, const char *what)
{
  g_autoptr (GError) error = NULL;
  KitVault *vault = kit_vault_open (path, KT_PASSPHRASE, &error);
  int code;

  if (vault != NULL)
    {
      kit_vault_close (vault, TRUE, NULL);
      g_object_unref (vault);
      ck_abort_msg ("%s: the tampered record opened", what);
    }
  ck_assert_msg (error != NULL, "%s: no error", what);
  code = kit_record_error_exit_code (error);
  if (want != 0)
    ck_assert_msg (code == want, "%s: exit code %d, expected %d (%s)", what, code, want,
                   error->message);
  else
    ck_assert_msg (code == 2 || code == 3, "%s: exit code %d, expected 2 or 3 (%s)", what,
                   code, error->message);
}

static void
assert_refused_bytes (Fixture *f, const guint8 *data, gsize len, int want, const char *what)
{
  kt_write_file (f->path, data, len);
  assert_refused (f->path, want, what);
}

static void
restore_and_open (Fixture *f)
{
  kt_write_file (f->path, g_bytes_get_data (f->good, NULL), g_bytes_get_size (f->good));
  kt_close (kt_open (f->path, KT_PASSPHRASE));
}

/* Flip bytes of the file at @path in place, one at a time, for the offsets
 * @first, @first + @step, … below @end, trying each mask, and open it after
 * each flip. Returns a description of the first failure, or NULL. Counts the
 * refusals that said "wrong passphrase" in *n_wrong. */
static char *
flip_range (const char *path, const guint8 *good, gsize first, gsize step, gsize end,
            gboolean both_masks, guint *n_wrong)
{
  int fd = open (path, O_RDWR | O_CLOEXEC);

  if (fd < 0)
    return g_strdup_printf ("open %s: %s", path, g_strerror (errno));
  for (gsize off = first; off < end; off += step)
    for (guint m = 0; m < 2; m++)
      {
        /* Where only one mask is tried, alternate them along the file. */
        guint8 mask = (both_masks ? m : (off / step) % 2) == 0 ? 0x01 : 0xff;
        guint8 b = good[off] ^ mask;
        g_autoptr (GError) error = NULL;
        KitVault *vault;
        int code;

        if (!both_masks && m == 1)
          break;
        if (pwrite (fd, &b, 1, (off_t) off) != 1)
          return g_strdup_printf ("pwrite: %s", g_strerror (errno));
        vault = kit_vault_open (path, KT_PASSPHRASE, &error);
        if (vault != NULL)
          {
            kit_vault_close (vault, TRUE, NULL);
            g_object_unref (vault);
            close (fd);
            return g_strdup_printf ("flip 0x%02x at offset %zu: the record opened", mask, off);
          }
        code = kit_record_error_exit_code (error);
        if (code != 2 && code != 3)
          {
            close (fd);
            return g_strdup_printf ("flip 0x%02x at offset %zu: exit code %d (%s)", mask, off,
                                    code, error ? error->message : "no error");
          }
        if (code == 2)
          (*n_wrong)++;
        if (pwrite (fd, &good[off], 1, (off_t) off) != 1)
          return g_strdup_printf ("pwrite: %s", g_strerror (errno));
      }
  close (fd);
  /* The restored file opens: no failed attempt kept the lock. */
  {
    g_autoptr (GError) error = NULL;
    KitVault *vault = kit_vault_open (path, KT_PASSPHRASE, &error);
    if (vault == NULL)
      return g_strdup_printf ("the restored file does not open: %s",
                              error ? error->message : "?");
    kit_vault_close (vault, TRUE, NULL);
    g_object_unref (vault);
  }
  return NULL;
}

START_TEST (test_every_byte_flip)
{
  Fixture f;
  gsize len;
  const guint8 *good;
  guint n_wrong = 0;
  g_autofree char *failure = NULL;

  fixture_init (&f, FALSE);
  good = g_bytes_get_data (f.good, &len);
  ck_assert_uint_eq (f.header.n_slots, 2);
  ck_assert_uint_gt (len, f.header_len);

  /* The header (magic, sizes, both key slots, checksum): every byte, both
   * masks. */
  failure = flip_range (f.path, good, 0, 1, f.header_len, TRUE, &n_wrong);
  ck_assert_msg (failure == NULL, "header: %s", failure);

  /* The body: every byte, one flip each (0x01 and 0xff alternating along
   * the file; any change fails the chunk's authentication, whatever the bits).
   * Both masks everywhere would double the run time: each open costs a few
   * system calls for locked key memory, slow on some virtual machines. */
  failure = flip_range (f.path, good, f.header_len, 1, len, FALSE, &n_wrong);
  ck_assert_msg (failure == NULL, "body: %s", failure);

  /* The header checksum covers the key slots, so damage is never mistaken for
   * a wrong passphrase. */
  ck_assert_msg (n_wrong == 0, "%u flips were reported as a wrong passphrase", n_wrong);
  ck_assert (kt_file_equals (f.path, f.good));
  restore_and_open (&f);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_truncation)
{
  Fixture f;
  gsize len;
  const guint8 *good;
  g_autoptr (GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize fixed[] = { 0, 1, 2, 15, 16, 17, KT_FIXED_BYTES - 1, KT_FIXED_BYTES,
                    KT_FIXED_BYTES + 1 };

  fixture_init (&f, TRUE);
  good = g_bytes_get_data (f.good, &len);
  ck_assert_uint_ge (n_chunks (&f), 3);

  g_array_append_vals (lengths, fixed, G_N_ELEMENTS (fixed));
  {
    gsize more[] = { f.header_len - 1, f.header_len, f.header_len + 1,
                     f.header_len + KT_ABYTES - 1, f.header_len + KT_ABYTES,
                     f.header_len + KT_ABYTES + 1, (f.header_len + len) / 2,
                     len - KT_ABYTES, len - 2, len - 1 };
    g_array_append_vals (lengths, more, G_N_ELEMENTS (more));
  }
  for (guint64 i = 1; i <= n_chunks (&f); i++)
    {
      gsize b = MIN (chunk_offset (&f, i), len);
      gsize around[] = { b - 1, b, b + 1 };
      for (guint k = 0; k < 3; k++)
        if (around[k] < len)
          g_array_append_val (lengths, around[k]);
    }

  for (guint i = 0; i < lengths->len; i++)
    {
      gsize cut = g_array_index (lengths, gsize, i);
      g_autofree char *what = g_strdup_printf ("truncated to %zu of %zu bytes", cut, len);
      ck_assert_uint_lt (cut, len);
      assert_refused_bytes (&f, good, cut, 3, what);
    }
  restore_and_open (&f);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_appended)
{
  Fixture f;
  gsize len;
  const guint8 *good;
  gsize extra[] = { 1, 2, KT_ABYTES, 4096, 0 /* a copy of the last chunk */,
                    1 /* the whole file again */ };

  fixture_init (&f, TRUE);
  good = g_bytes_get_data (f.good, &len);

  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      g_autoptr (GByteArray) data = g_byte_array_new ();
      g_autofree char *what = NULL;

      g_byte_array_append (data, good, len);
      if (i == 4)
        {
          guint64 last = n_chunks (&f) - 1;
          g_byte_array_append (data, good + chunk_offset (&f, last), chunk_len (&f, last));
          what = g_strdup ("a copy of the final chunk appended");
        }
      else if (i == 5)
        {
          g_byte_array_append (data, good, len);
          what = g_strdup ("the whole file appended to itself");
        }
      else
        {
          for (gsize k = 0; k < extra[i]; k++)
            {
              guint8 b = (guint8) (k * 7);
              g_byte_array_append (data, &b, 1);
            }
          what = g_strdup_printf ("%zu bytes appended", extra[i]);
        }
      assert_refused_bytes (&f, data->data, data->len, 3, what);
    }
  restore_and_open (&f);
  fixture_clear (&f);
}
END_TEST

/* Build a file from the header and the chunks in @order (indices into the
 * good file's chunks). */
static GByteArray *
reassemble (Fixture *f, const guint64 *order, guint n)
{
  GByteArray *out = g_byte_array_new ();
  const guint8 *good = g_bytes_get_data (f->good, NULL);

  g_byte_array_append (out, good, f->header_len);
  for (guint i = 0; i < n; i++)
    g_byte_array_append (out, good + chunk_offset (f, order[i]), chunk_len (f, order[i]));
  return out;
}

START_TEST (test_chunks_reordered)
{
  Fixture f;
  guint64 n;
  guint64 *order;

  fixture_init (&f, TRUE);
  n = n_chunks (&f);
  ck_assert_uint_ge (n, 3);
  order = g_new (guint64, n + 1);

  /* Sanity: reassembling in the right order gives the good file. */
  for (guint64 i = 0; i < n; i++)
    order[i] = i;
  {
    g_autoptr (GByteArray) same = reassemble (&f, order, (guint) n);
    ck_assert_uint_eq (same->len, g_bytes_get_size (f.good));
    ck_assert_mem_eq (same->data, g_bytes_get_data (f.good, NULL), same->len);
  }

  /* Swaps of two full chunks (the file keeps its length). */
  {
    guint64 pairs[][2] = { { 0, 1 }, { 1, 2 }, { 0, 2 }, { 0, n - 2 } };
    for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
      {
        g_autoptr (GByteArray) data = NULL;
        g_autofree char *what = NULL;

        if (pairs[p][0] == pairs[p][1])
          continue;
        for (guint64 i = 0; i < n; i++)
          order[i] = i;
        order[pairs[p][0]] = pairs[p][1];
        order[pairs[p][1]] = pairs[p][0];
        data = reassemble (&f, order, (guint) n);
        ck_assert_uint_eq (data->len, g_bytes_get_size (f.good));
        what = g_strdup_printf ("chunks %" G_GUINT64_FORMAT " and %" G_GUINT64_FORMAT
                                " swapped", pairs[p][0], pairs[p][1]);
        assert_refused_bytes (&f, data->data, data->len, 3, what);
      }
  }

  /* The final chunk moved before the one preceding it. */
  {
    g_autoptr (GByteArray) data = NULL;
    for (guint64 i = 0; i < n; i++)
      order[i] = i;
    order[n - 2] = n - 1;
    order[n - 1] = n - 2;
    data = reassemble (&f, order, (guint) n);
    assert_refused_bytes (&f, data->data, data->len, 3, "final chunk moved back one place");
  }

  /* Duplicates: chunk 1 in place of chunk 2 (same length), and chunk 1 twice
   * (longer file). */
  {
    g_autoptr (GByteArray) data = NULL;
    for (guint64 i = 0; i < n; i++)
      order[i] = i;
    order[2] = 1;
    data = reassemble (&f, order, (guint) n);
    ck_assert_uint_eq (data->len, g_bytes_get_size (f.good));
    assert_refused_bytes (&f, data->data, data->len, 3, "chunk 1 in place of chunk 2");
  }
  {
    g_autoptr (GByteArray) data = NULL;
    guint64 k = 0;
    for (guint64 i = 0; i < n; i++)
      {
        order[k++] = i;
        if (i == 1)
          order[k++] = 1;
      }
    data = reassemble (&f, order, (guint) k);
    assert_refused_bytes (&f, data->data, data->len, 3, "chunk 1 duplicated");
  }
  {
    g_autoptr (GByteArray) data = NULL;
    for (guint64 i = 0; i < n; i++)
      order[i] = i;
    order[n - 2] = n - 1; /* the final chunk twice, its predecessor gone */
    data = reassemble (&f, order, (guint) n);
    assert_refused_bytes (&f, data->data, data->len, 3, "final chunk duplicated");
  }

  /* Removals: a middle chunk, the first chunk, the final chunk. */
  {
    guint64 removed[] = { 1, 0, n - 1 };
    for (guint r = 0; r < G_N_ELEMENTS (removed); r++)
      {
        g_autoptr (GByteArray) data = NULL;
        g_autofree char *what = NULL;
        guint64 k = 0;
        for (guint64 i = 0; i < n; i++)
          if (i != removed[r])
            order[k++] = i;
        data = reassemble (&f, order, (guint) k);
        what = g_strdup_printf ("chunk %" G_GUINT64_FORMAT " removed", removed[r]);
        assert_refused_bytes (&f, data->data, data->len, 3, what);
      }
  }

  /* Removal with the header's length fixed up (checksum recomputed), so only
   * the stream itself can tell. */
  {
    g_autoptr (GByteArray) data = NULL;
    guint64 k = 0;
    for (guint64 i = 0; i < n; i++)
      if (i != 1)
        order[k++] = i;
    data = reassemble (&f, order, (guint) k);
    kt_put_u64 (data->data + KT_OFF_PLAIN_LEN, f.header.plaintext_len - f.header.chunk_size);
    kt_fix_checksum (data->data, f.header_len);
    assert_refused_bytes (&f, data->data, data->len, 3,
                          "chunk 1 removed, header length and checksum fixed up");
  }
  {
    /* The final chunk removed and the one before it claimed as the last. */
    g_autoptr (GByteArray) data = NULL;
    for (guint64 i = 0; i < n - 1; i++)
      order[i] = i;
    data = reassemble (&f, order, (guint) (n - 1));
    kt_put_u64 (data->data + KT_OFF_PLAIN_LEN, (n - 1) * (guint64) f.header.chunk_size);
    kt_fix_checksum (data->data, f.header_len);
    assert_refused_bytes (&f, data->data, data->len, 3,
                          "final chunk removed, header length and checksum fixed up");
  }

  g_free (order);
  restore_and_open (&f);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_mixed_saves)
{
  /* Two saves of the same record (same data key): a file made of pieces of
   * both is refused. */
  Fixture f;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  KitHeader h2;
  gsize h2_len;
  KitVault *vault;
  const guint8 *a, *b;
  gsize len;

  fixture_init (&f, TRUE);
  vault = kt_open (f.path, KT_PASSPHRASE);
  ck_assert (kit_vault_save (vault, &error)); /* same content, fresh stream */
  kt_close (vault);
  second = kt_read_file (f.path);
  kt_parse_header (second, &h2, &h2_len);
  ck_assert_uint_eq (h2_len, f.header_len);
  a = g_bytes_get_data (f.good, &len);
  b = g_bytes_get_data (second, NULL);
  ck_assert_uint_eq (g_bytes_get_size (second), len);
  ck_assert (memcmp (a, b, len) != 0);

  {
    /* Header of the second, body of the first. */
    g_autoptr (GByteArray) data = g_byte_array_new ();
    g_byte_array_append (data, b, f.header_len);
    g_byte_array_append (data, a + f.header_len, len - f.header_len);
    assert_refused_bytes (&f, data->data, data->len, 3, "header of one save, body of another");
  }
  {
    /* Chunk 1 taken from the other save. */
    g_autoptr (GByteArray) data = g_byte_array_new ();
    gsize c1 = chunk_offset (&f, 1), c2 = chunk_offset (&f, 2);
    g_byte_array_append (data, a, c1);
    g_byte_array_append (data, b + c1, c2 - c1);
    g_byte_array_append (data, a + c2, len - c2);
    assert_refused_bytes (&f, data->data, data->len, 3, "one chunk from another save");
  }
  {
    /* The final chunk taken from the other save. */
    g_autoptr (GByteArray) data = g_byte_array_new ();
    gsize last = chunk_offset (&f, n_chunks (&f) - 1);
    g_byte_array_append (data, a, last);
    g_byte_array_append (data, b + last, len - last);
    assert_refused_bytes (&f, data->data, data->len, 3, "final chunk from another save");
  }
  restore_and_open (&f);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_not_a_record)
{
  Fixture f;
  g_autofree char *dir_path = NULL;
  g_autofree char *link_path = NULL;
  g_autoptr (GError) error = NULL;
  guint8 junk[70000];

  fixture_init (&f, FALSE);

  /* Random bytes, a plain SQLite file and text: not records. */
  randombytes_buf (junk, sizeof junk);
  assert_refused_bytes (&f, junk, sizeof junk, 3, "random bytes");
  {
    const char sqlite_header[] = "SQLite format 3";
    memcpy (junk, sqlite_header, sizeof sqlite_header);
    assert_refused_bytes (&f, junk, 4096, 3, "an SQLite file");
  }
  assert_refused_bytes (&f, (const guint8 *) "hello\n", 6, 3, "a text file");
  restore_and_open (&f);

  /* A folder and a symbolic link are refused without following them. */
  dir_path = g_build_filename (f.dir, "folder.kit", NULL);
  ck_assert_int_eq (g_mkdir (dir_path, 0700), 0);
  ck_assert_ptr_null (kit_vault_open (dir_path, KT_PASSPHRASE, &error));
  ck_assert (error != NULL);
  ck_assert_int_ne (kit_record_error_exit_code (error), 0);
  g_clear_error (&error);

  link_path = g_build_filename (f.dir, "link.kit", NULL);
  ck_assert_int_eq (symlink (f.path, link_path), 0);
  ck_assert_ptr_null (kit_vault_open (link_path, KT_PASSPHRASE, &error));
  ck_assert (error != NULL);
  ck_assert_int_ne (kit_record_error_exit_code (error), 0);
  g_clear_error (&error);
  fixture_clear (&f);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("tamper");

  kt_init ();
  kt_add_test (s, "flips", test_every_byte_flip);
  kt_add_test (s, "truncation", test_truncation);
  kt_add_test (s, "appended", test_appended);
  kt_add_test (s, "chunks", test_chunks_reordered);
  kt_add_test (s, "mixed", test_mixed_saves);
  kt_add_test (s, "not-a-record", test_not_a_record);
  return kt_run_suite (s);
}
