/* test-roundtrip.c — what goes into a record comes back out: content survives
 * save and reopen; passphrase change, recovery key and Unicode forms. */

#include "kit-test-common.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static const char *const sample_rows =
  "INSERT INTO children (id, name, other_names, date_of_birth, lives_with, legal_order, notes)"
  " VALUES (1, 'Amelia', 'Millie', '2016-03-04', 'foster-carers', 'care-order',"
  "         'Likes drawing; ''quotes'' and\nnew lines'),"
  "        (2, 'Ben', '', NULL, 'adoptive-family', 'adoption-order', 'Zoë — ünïcödé ✓');"
  "INSERT INTO people (id, name, role, organisation, address, phone, email, notes)"
  " VALUES (1, 'Sam Social Worker', 'social worker', 'County Council',"
  "         '1 High Street\nTown', '01234 567890', 'sam@example.org', ''),"
  "        (2, 'Letterbox Team', 'letterbox coordinator', 'Agency', '', '', '', 'x');"
  "INSERT INTO arrangements (id, child_id, kind, freq_count, freq_unit, next_due, venue,"
  "                          supervisor_id, coordinator_id, status)"
  " VALUES (1, 1, 'letterbox', 2, 'year', '2024-06-01', '', NULL, 2, 'active');";

/* Diary entries and their full-text index. The index is kept by the code
 * that writes entries, in the same transaction (kit-schema.c: no triggers,
 * as trusted_schema=OFF refuses them), so these statements do both. */
static const char *const diary_rows =
  "BEGIN;"
  "INSERT INTO diary_entries (id, date, child_id, title, body, feelings, feelings_text, shared)"
  " VALUES (1, '2024-01-02', 1, 'First letter', 'I wrote to Amelia today.', 'hopeful', '', 0),"
  "        (2, '2024-01-09', NULL, 'A hard week', 'Nothing came back.', 'sad,worried',"
  "         'tired', 1);"
  "INSERT INTO diary_fts (rowid, title, body, feelings_text)"
  " SELECT id, title, body, feelings_text FROM diary_entries;"
  "COMMIT;";

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->dir = kt_tmpdir ();
  f->path = g_build_filename (f->dir, "mine.kit", NULL);
}

static void
fixture_clear (Fixture *f)
{
  kt_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
create_with (const char *path, const char *passphrase, char **recovery_key, gboolean diary)
{
  KitVault *vault = kt_create (path, passphrase, recovery_key);
  g_autoptr (GError) error = NULL;
  char *dump;

  kt_exec (vault, sample_rows);
  if (diary)
    kt_exec (vault, diary_rows);
  ck_assert_msg (kit_vault_save (vault, &error), "save: %s", error ? error->message : "?");
  dump = kt_dump_db (kit_vault_get_db (vault));
  kt_close (vault);
  return dump;
}

/* Tests of other features use the plain tables only, so that each one speaks
 * only of its own feature. */
static char *
create_with_rows (const char *path, const char *passphrase, char **recovery_key)
{
  return create_with (path, passphrase, recovery_key, FALSE);
}

static void
assert_opens_with_dump (const char *path, const char *passphrase, const char *expected)
{
  KitVault *vault = kt_open (path, passphrase);
  g_autofree char *dump = kt_dump_db (kit_vault_get_db (vault));

  ck_assert_str_eq (dump, expected);
  kt_close (vault);
}

START_TEST (test_roundtrip_identical)
{
  Fixture f;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KitVault *vault;

  fixture_init (&f);
  before = create_with (f.path, KT_PASSPHRASE, NULL, TRUE);
  /* The dump really holds the rows (guards against comparing two empties). */
  ck_assert_ptr_nonnull (strstr (before, "Amelia"));
  ck_assert_ptr_nonnull (strstr (before, "Zoë — ünïcödé ✓"));
  ck_assert_ptr_nonnull (strstr (before, "I wrote to Amelia today."));

  vault = kt_open (f.path, KT_PASSPHRASE);
  after = kt_dump_db (kit_vault_get_db (vault));
  ck_assert_str_eq (after, before);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM children"), 2);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM people"), 2);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM diary_entries"),
                    2);
  /* Full-text search works on the reopened record. */
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault),
                                  "SELECT rowid FROM diary_fts WHERE diary_fts MATCH 'letter'"),
                    1);
  ck_assert_str_eq (kit_vault_get_path (vault), f.path);
  kt_close (vault);

  /* A second round trip (save of a reopened record) keeps it identical too. */
  vault = kt_open (f.path, KT_PASSPHRASE);
  {
    g_autoptr (GError) error = NULL;
    ck_assert_msg (kit_vault_save (vault, &error), "save: %s", error ? error->message : "?");
  }
  kt_close (vault);
  assert_opens_with_dump (f.path, KT_PASSPHRASE, before);

  /* Editing and deleting diary entries keeps the index in step, also after
   * a round trip. */
  vault = kt_open (f.path, KT_PASSPHRASE);
  kt_exec (vault,
           "BEGIN;"
           "INSERT INTO diary_fts (diary_fts, rowid, title, body, feelings_text)"
           " SELECT 'delete', id, title, body, feelings_text FROM diary_entries WHERE id IN (1, 2);"
           "UPDATE diary_entries SET body = 'A reply came, with a drawing.' WHERE id = 2;"
           "DELETE FROM diary_entries WHERE id = 1;"
           "INSERT INTO diary_fts (rowid, title, body, feelings_text)"
           " SELECT id, title, body, feelings_text FROM diary_entries WHERE id = 2;"
           "COMMIT;");
  kt_close (vault);
  vault = kt_open (f.path, KT_PASSPHRASE);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault),
                                  "SELECT count(*) FROM diary_fts WHERE diary_fts MATCH 'letter'"),
                    0);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault),
                                  "SELECT rowid FROM diary_fts WHERE diary_fts MATCH 'drawing'"),
                    2);
  kt_exec (vault, "INSERT INTO diary_fts (diary_fts) VALUES ('integrity-check');");
  kt_close (vault);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_roundtrip_edits_after_reopen)
{
  Fixture f;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GError) error = NULL;
  KitVault *vault;

  fixture_init (&f);
  first = create_with_rows (f.path, KT_PASSPHRASE, NULL);
  vault = kt_open (f.path, KT_PASSPHRASE);
  kt_exec (vault, "UPDATE children SET notes = 'changed' WHERE id = 2;"
                  "DELETE FROM arrangements WHERE id = 1;"
                  "INSERT INTO people (name) VALUES ('New person');");
  ck_assert (kit_vault_save (vault, &error));
  second = kt_dump_db (kit_vault_get_db (vault));
  ck_assert_str_ne (first, second);
  kt_close (vault);
  assert_opens_with_dump (f.path, KT_PASSPHRASE, second);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_close_saves)
{
  Fixture f;
  KitVault *vault;
  g_autofree char *dump = NULL;

  fixture_init (&f);
  vault = kt_create (f.path, KT_PASSPHRASE, NULL);
  kt_exec (vault, sample_rows);
  kt_exec (vault, diary_rows);
  dump = kt_dump_db (kit_vault_get_db (vault));
  /* No explicit save: kit_vault_close() saves. */
  kt_close (vault);
  assert_opens_with_dump (f.path, KT_PASSPHRASE, dump);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_wrong_passphrase)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autoptr (GBytes) bytes = NULL;

  fixture_init (&f);
  dump = create_with_rows (f.path, KT_PASSPHRASE, NULL);
  bytes = kt_read_file (f.path);

  ck_assert_ptr_null (kit_vault_open (f.path, "correct horse battery stapl", &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);
  ck_assert_ptr_null (kit_vault_open (f.path, "Correct horse battery staple", &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);
  ck_assert_ptr_null (kit_vault_open (f.path, "", &error));
  ck_assert (error != NULL);
  ck_assert_int_ne (kit_record_error_exit_code (error), 0);
  g_clear_error (&error);

  /* Failed attempts neither change the file nor keep the lock. */
  ck_assert (kt_file_equals (f.path, bytes));
  assert_opens_with_dump (f.path, KT_PASSPHRASE, dump);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_open_missing)
{
  Fixture f;
  g_autoptr (GError) error = NULL;

  fixture_init (&f);
  ck_assert_ptr_null (kit_vault_open (f.path, KT_PASSPHRASE, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_NOT_FOUND, 1);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_change_passphrase)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = NULL;
  KitKdfParams kdf;
  KitVault *vault;

  fixture_init (&f);
  dump = create_with_rows (f.path, "old passphrase", NULL);
  vault = kt_open (f.path, "old passphrase");
  kit_kdf_params_minimal (&kdf);
  ck_assert_msg (kit_vault_change_passphrase (vault, "new passphrase", &kdf, &error),
                 "change: %s", error ? error->message : "?");
  /* Still open and usable after the change. */
  ck_assert (kit_vault_is_open (vault));
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM children"), 2);
  kt_close (vault);

  ck_assert_ptr_null (kit_vault_open (f.path, "old passphrase", &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);
  assert_opens_with_dump (f.path, "new passphrase", dump);

  /* Empty new passphrase refused; the current one keeps working. */
  vault = kt_open (f.path, "new passphrase");
  ck_assert (!kit_vault_change_passphrase (vault, "", &kdf, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_INVALID, 1);
  kt_close (vault);
  assert_opens_with_dump (f.path, "new passphrase", dump);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_change_passphrase_unsaved_edit_kept)
{
  /* Changing the passphrase saves: an edit made before it is in the file. */
  Fixture f;
  g_autoptr (GError) error = NULL;
  KitKdfParams kdf;
  KitVault *vault;
  g_autoptr (GBytes) bytes = NULL;

  fixture_init (&f);
  vault = kt_create (f.path, "old passphrase", NULL);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Cara');");
  kit_kdf_params_minimal (&kdf);
  ck_assert (kit_vault_change_passphrase (vault, "new passphrase", &kdf, &error));
  /* Read what is on disk now, while still open, by copying the file. */
  bytes = kt_read_file (f.path);
  {
    g_autofree char *copy = g_build_filename (f.dir, "copy.kit", NULL);
    KitVault *other;
    kt_write_file (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    other = kt_open (copy, "new passphrase");
    ck_assert_int_eq (kt_query_int (kit_vault_get_db (other),
                                    "SELECT count(*) FROM children WHERE name = 'Cara'"),
                      1);
    kt_close (other);
    g_unlink (copy);
    g_autofree char *copy_lock = g_strconcat (copy, ".lock", NULL);
    g_unlink (copy_lock);
  }
  kt_close (vault);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_recovery_key)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *recovery = NULL;
  KitKdfParams kdf;
  KitVault *vault;

  fixture_init (&f);
  dump = create_with_rows (f.path, "a passphrase she will forget", &recovery);
  ck_assert_ptr_nonnull (recovery);
  ck_assert_int_gt (strlen (recovery), 20);

  /* The passphrase is forgotten; the recovery key opens the record. */
  vault = kit_vault_open_with_recovery_key (f.path, recovery, &error);
  ck_assert_msg (vault != NULL, "recovery open: %s", error ? error->message : "?");
  ck_assert (kit_vault_has_recovery_key (vault));
  {
    g_autofree char *got = kt_dump_db (kit_vault_get_db (vault));
    ck_assert_str_eq (got, dump);
  }
  /* …and she sets a new passphrase (what `recover` does). */
  kit_kdf_params_minimal (&kdf);
  ck_assert_msg (kit_vault_change_passphrase (vault, "a new one", &kdf, &error), "change: %s",
                 error ? error->message : "?");
  kt_close (vault);

  assert_opens_with_dump (f.path, "a new one", dump);
  ck_assert_ptr_null (kit_vault_open (f.path, "a passphrase she will forget", &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);
  /* The recovery key still works after the passphrase change. */
  vault = kit_vault_open_with_recovery_key (f.path, recovery, &error);
  ck_assert_msg (vault != NULL, "recovery open after change: %s", error ? error->message : "?");
  kt_close (vault);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_no_recovery_key_by_default)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  KitVault *vault;
  guint8 key[KIT_RECOVERY_KEY_BYTES];
  g_autofree char *someone_elses = NULL;

  fixture_init (&f);
  vault = kt_create (f.path, KT_PASSPHRASE, NULL);
  ck_assert (!kit_vault_has_recovery_key (vault));
  kt_close (vault);

  randombytes_buf (key, sizeof key);
  someone_elses = kit_recovery_key_format (key);
  ck_assert_ptr_null (kit_vault_open_with_recovery_key (f.path, someone_elses, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);
  fixture_clear (&f);
}
END_TEST

static char *
mangle_recovery_key (const char *key, int style)
{
  GString *out = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    {
      char c = *p;
      gboolean separator = !g_ascii_isalnum (c);

      switch (style)
        {
        case 0: /* lower case */
          g_string_append_c (out, g_ascii_tolower (c));
          break;
        case 1: /* spaces instead of separators */
          g_string_append_c (out, separator ? ' ' : c);
          break;
        case 2: /* no separators at all */
          if (!separator)
            g_string_append_c (out, c);
          break;
        case 3: /* surrounding white space, lower case, double spaces */
          if (p == key)
            g_string_append (out, "  ");
          if (separator)
            g_string_append (out, "  ");
          else
            g_string_append_c (out, g_ascii_tolower (c));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (style == 3)
    g_string_append (out, " \n");
  return g_string_free (out, FALSE);
}

START_TEST (test_recovery_key_typed_variants)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *recovery = NULL;
  guint8 parsed[KIT_RECOVERY_KEY_BYTES];
  guint8 variant_key[KIT_RECOVERY_KEY_BYTES];
  KitVault *vault;

  fixture_init (&f);
  vault = kt_create (f.path, KT_PASSPHRASE, &recovery);
  kt_close (vault);
  ck_assert (kit_recovery_key_parse (recovery, parsed));

  for (int style = 0; style < 4; style++)
    {
      g_autofree char *typed = mangle_recovery_key (recovery, style);

      ck_assert_msg (kit_recovery_key_parse (typed, variant_key),
                     "recovery key typed as '%s' (style %d) not accepted", typed, style);
      ck_assert_mem_eq (variant_key, parsed, sizeof parsed);
      vault = kit_vault_open_with_recovery_key (f.path, typed, &error);
      ck_assert_msg (vault != NULL, "open with '%s': %s", typed, error ? error->message : "?");
      kt_close (vault);
    }
  fixture_clear (&f);
}
END_TEST

START_TEST (test_recovery_key_format_parse)
{
  for (int i = 0; i < 200; i++)
    {
      guint8 key[KIT_RECOVERY_KEY_BYTES];
      guint8 back[KIT_RECOVERY_KEY_BYTES];
      g_autofree char *text = NULL;
      g_autofree char *typo = NULL;
      gsize len;
      gsize pos;

      randombytes_buf (key, sizeof key);
      if (i == 0)
        memset (key, 0, sizeof key);
      if (i == 1)
        memset (key, 0xff, sizeof key);
      text = kit_recovery_key_format (key);
      ck_assert_ptr_nonnull (text);
      ck_assert (g_str_is_ascii (text));
      ck_assert (kit_recovery_key_parse (text, back));
      ck_assert_mem_eq (back, key, sizeof key);

      /* A one-character typo never parses to the same key (the check
       * characters catch it, or at worst it is a different key). */
      len = strlen (text);
      typo = g_strdup (text);
      pos = (gsize) g_random_int_range (0, (gint32) len);
      while (!g_ascii_isalnum (typo[pos]))
        pos = (pos + 1) % len;
      typo[pos] = typo[pos] == 'A' ? 'B' : 'A';
      if (kit_recovery_key_parse (typo, back))
        ck_assert_msg (memcmp (back, key, sizeof key) != 0, "typo '%s' parsed to the same key",
                       typo);
    }

  {
    guint8 out[KIT_RECOVERY_KEY_BYTES];
    ck_assert (!kit_recovery_key_parse ("", out));
    ck_assert (!kit_recovery_key_parse ("not a key", out));
    ck_assert (!kit_recovery_key_parse ("AAAAAAA-AAAAAAA", out));
  }
}
END_TEST

START_TEST (test_wrong_recovery_key)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autofree char *recovery = NULL;
  g_autofree char *other = NULL;
  guint8 key[KIT_RECOVERY_KEY_BYTES];
  KitVault *vault;

  fixture_init (&f);
  vault = kt_create (f.path, KT_PASSPHRASE, &recovery);
  kt_close (vault);

  /* A well-formed key that is not this record's. */
  do
    {
      randombytes_buf (key, sizeof key);
      g_free (other);
      other = kit_recovery_key_format (key);
    }
  while (g_strcmp0 (other, recovery) == 0);
  ck_assert_ptr_null (kit_vault_open_with_recovery_key (f.path, other, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);

  /* The passphrase is not a recovery key either. */
  ck_assert_ptr_null (kit_vault_open_with_recovery_key (f.path, KT_PASSPHRASE, &error));
  ck_assert (error != NULL);
  ck_assert_int_ne (kit_record_error_exit_code (error), 0);
  ck_assert_int_ne (kit_record_error_exit_code (error), 3);
  g_clear_error (&error);

  /* Nor is the recovery key a passphrase. */
  ck_assert_ptr_null (kit_vault_open (f.path, recovery, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);

  vault = kt_open (f.path, KT_PASSPHRASE);
  kt_close (vault);
  fixture_clear (&f);
}
END_TEST

START_TEST (test_unicode_forms)
{
  Fixture f;
  KitVault *vault;
  const char *nfc = "caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9";          /* café crème brûlé */
  const char *nfd = "cafe\xcc\x81 cre\xcc\x80me bru\xcc\x82le\xcc\x81"; /* same, decomposed */
  g_autofree char *path2 = NULL;

  ck_assert_str_ne (nfc, nfd);
  fixture_init (&f);

  /* Created with the composed form: both forms open it. */
  vault = kt_create (f.path, nfc, NULL);
  kt_close (vault);
  kt_close (kt_open (f.path, nfc));
  kt_close (kt_open (f.path, nfd));

  /* Created with the decomposed form: both forms open it. */
  path2 = g_build_filename (f.dir, "other.kit", NULL);
  vault = kt_create (path2, nfd, NULL);
  kt_close (vault);
  kt_close (kt_open (path2, nfc));
  kt_close (kt_open (path2, nfd));

  /* Passphrase changed to the decomposed form: the composed one opens it. */
  {
    g_autoptr (GError) error = NULL;
    KitKdfParams kdf;
    kit_kdf_params_minimal (&kdf);
    vault = kt_open (f.path, nfc);
    ck_assert (kit_vault_change_passphrase (vault, "na\xc3\xafve", &kdf, &error)); /* naïve */
    kt_close (vault);
    kt_close (kt_open (f.path, "nai\xcc\x88ve"));
    /* But a different word (no accent) does not. */
    ck_assert_ptr_null (kit_vault_open (f.path, "naive", &error));
    kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);
  }
  fixture_clear (&f);
}
END_TEST

START_TEST (test_empty_passphrase_refused)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  KitKdfParams kdf;

  fixture_init (&f);
  kit_kdf_params_minimal (&kdf);
  ck_assert_ptr_null (kit_vault_create (f.path, "", &kdf, NULL, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_INVALID, 1);
  ck_assert (!g_file_test (f.path, G_FILE_TEST_EXISTS));
  {
    char *stray = NULL;
    ck_assert_msg (kt_dir_is_clean (f.dir, f.path, &stray), "left behind: %s", stray);
  }
  fixture_clear (&f);
}
END_TEST

START_TEST (test_create_refuses_existing)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  KitKdfParams kdf;

  fixture_init (&f);
  kt_write_file (f.path, "something precious", 18);
  bytes = kt_read_file (f.path);
  kit_kdf_params_minimal (&kdf);
  ck_assert_ptr_null (kit_vault_create (f.path, KT_PASSPHRASE, &kdf, NULL, &error));
  ck_assert (error != NULL);
  ck_assert_int_ne (kit_record_error_exit_code (error), 0);
  g_clear_error (&error);
  ck_assert (kt_file_equals (f.path, bytes));
  fixture_clear (&f);
}
END_TEST

START_TEST (test_file_mode_private)
{
  Fixture f;
  GStatBuf st;
  KitVault *vault;
  g_autoptr (GError) error = NULL;

  fixture_init (&f);
  vault = kt_create (f.path, KT_PASSPHRASE, NULL);
  ck_assert_int_eq (g_stat (f.path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Dan');");
  ck_assert (kit_vault_save (vault, &error));
  ck_assert_int_eq (g_stat (f.path, &st), 0);
  ck_assert_int_eq (st.st_mode & 0777, 0600);
  kt_close (vault);
  fixture_clear (&f);
}
END_TEST

/* --- The asynchronous API (what the app uses) ------------------------------- */

typedef struct {
  GAsyncResult *result;
} Waiter;

static void
got_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Waiter *w = user_data;
  w->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Waiter *w)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (w->result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_msg (w->result != NULL, "the asynchronous call never finished");
  return w->result;
}

static gint64
count_named (KitVault *vault, const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM children WHERE name = '%s'", name);
  return kt_query_int (kit_vault_get_db (vault), sql);
}

/* What the file on disk holds now, opened from a copy (the record is ours). */
static KitVault *
open_copy_of (const char *path, const char *dir)
{
  g_autoptr (GBytes) bytes = kt_read_file (path);
  g_autofree char *copy = g_build_filename (dir, "copy.kit", NULL);
  g_autofree char *lock = g_strconcat (copy, ".lock", NULL);

  g_unlink (copy);
  g_unlink (lock);
  kt_write_file (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return kt_open (copy, KT_PASSPHRASE);
}

START_TEST (test_async_open_create)
{
  Fixture f;
  Waiter w = { NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *recovery = NULL;
  KitKdfParams kdf;
  KitVault *vault;

  fixture_init (&f);
  kit_kdf_params_minimal (&kdf);
  kit_vault_create_async (f.path, KT_PASSPHRASE, &kdf, TRUE, NULL, got_result, &w);
  vault = kit_vault_create_finish (wait_for (&w), &recovery, &error);
  g_clear_object (&w.result);
  ck_assert_msg (vault != NULL, "create_async: %s", error ? error->message : "");
  ck_assert_ptr_nonnull (recovery);
  ck_assert (kit_vault_has_recovery_key (vault));
  kt_exec (vault, sample_rows);
  kt_close (vault);

  kit_vault_open_async (f.path, "not it", NULL, got_result, &w);
  ck_assert_ptr_null (kit_vault_open_finish (wait_for (&w), &error));
  g_clear_object (&w.result);
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);

  kit_vault_open_async (f.path, KT_PASSPHRASE, NULL, got_result, &w);
  vault = kit_vault_open_finish (wait_for (&w), &error);
  g_clear_object (&w.result);
  ck_assert_msg (vault != NULL, "open_async: %s", error ? error->message : "");
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM children"), 2);
  kt_close (vault);
  kt_close (kit_vault_open_with_recovery_key (f.path, recovery, &error));
  fixture_clear (&f);
}
END_TEST

START_TEST (test_async_save_with_edits_during)
{
  Fixture f;
  Waiter w1 = { NULL }, w2 = { NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *copy_dir = kt_tmpdir ();
  KitVault *vault, *copy;

  fixture_init (&f);
  vault = kt_create (f.path, KT_PASSPHRASE, NULL);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('A');");
  kit_vault_save_async (vault, FALSE, NULL, got_result, &w1);
  /* Edited while the save runs: the save writes the state when it was asked. */
  kt_exec (vault, "INSERT INTO children (name) VALUES ('B');");
  ck_assert_msg (kit_vault_save_finish (vault, wait_for (&w1), &error), "save_async: %s",
                 error ? error->message : "");
  g_clear_object (&w1.result);
  copy = open_copy_of (f.path, copy_dir);
  ck_assert_int_eq (count_named (copy, "A"), 1);
  ck_assert_int_eq (count_named (copy, "B"), 0);
  kt_close (copy);

  /* Two saves in flight with an edit between them: the file ends with the
   * newer state, whichever finishes first. */
  kit_vault_save_async (vault, FALSE, NULL, got_result, &w1);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('C');");
  kit_vault_save_async (vault, FALSE, NULL, got_result, &w2);
  ck_assert (kit_vault_save_finish (vault, wait_for (&w1), &error));
  ck_assert (kit_vault_save_finish (vault, wait_for (&w2), &error));
  copy = open_copy_of (f.path, copy_dir);
  ck_assert_int_eq (count_named (copy, "B"), 1);
  ck_assert_int_eq (count_named (copy, "C"), 1);
  kt_close (copy);

  /* An edit after the last save is saved by close. */
  kt_exec (vault, "INSERT INTO children (name) VALUES ('D');");
  kt_close (vault);
  vault = kt_open (f.path, KT_PASSPHRASE);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM children"), 4);
  kt_close (vault);
  g_clear_object (&w1.result);
  g_clear_object (&w2.result);
  kt_rmtree (copy_dir);
  fixture_clear (&f);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("roundtrip");
  TCase *tc = kt_tcase ("roundtrip");

  kt_init ();
  tcase_add_test (tc, test_roundtrip_identical);
  tcase_add_test (tc, test_roundtrip_edits_after_reopen);
  tcase_add_test (tc, test_close_saves);
  tcase_add_test (tc, test_wrong_passphrase);
  tcase_add_test (tc, test_open_missing);
  tcase_add_test (tc, test_change_passphrase);
  tcase_add_test (tc, test_change_passphrase_unsaved_edit_kept);
  tcase_add_test (tc, test_recovery_key);
  tcase_add_test (tc, test_no_recovery_key_by_default);
  tcase_add_test (tc, test_recovery_key_typed_variants);
  tcase_add_test (tc, test_recovery_key_format_parse);
  tcase_add_test (tc, test_wrong_recovery_key);
  tcase_add_test (tc, test_unicode_forms);
  tcase_add_test (tc, test_empty_passphrase_refused);
  tcase_add_test (tc, test_create_refuses_existing);
  tcase_add_test (tc, test_file_mode_private);
  tcase_add_test (tc, test_async_open_create);
  tcase_add_test (tc, test_async_save_with_edits_during);
  suite_add_tcase (s, tc);
  return kt_run_suite (s);
}
