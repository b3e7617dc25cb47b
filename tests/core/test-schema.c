/* test-schema.c — the database inside a record: its settings, its tables
 * (DESIGN §2), the numbered migrations, refusal of newer or foreign
 * databases, and the hash chain over each child's changes. */

#include "kit-test-common.h"

#include <string.h>

static const char *const tables[] = {
  "children", "people", "arrangements", "changes", "follow_ups", "sessions",
  "diary_entries", "letters", "diary_fts", "meta",
};

static void
assert_configured (sqlite3 *db)
{
  int defensive = -1;

  ck_assert_int_eq (kt_query_int (db, "PRAGMA user_version"), kit_schema_latest_version ());
  ck_assert_int_eq (kt_query_int (db, "PRAGMA application_id"), KIT_APPLICATION_ID);
  ck_assert_int_eq (kt_query_int (db, "PRAGMA temp_store"), 2); /* MEMORY */
  ck_assert_int_eq (kt_query_int (db, "PRAGMA trusted_schema"), 0);
  ck_assert_int_eq (kt_query_int (db, "PRAGMA foreign_keys"), 1);
  ck_assert_int_eq (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive), SQLITE_OK);
  ck_assert_int_eq (defensive, 1);
}

static void
assert_tables (sqlite3 *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'", tables[i]);
      ck_assert_msg (kt_query_int (db, sql) == 1, "no table %s", tables[i]);
    }
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = "
                                      "'diary_fts' AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"),
                    1);
}

static char *
schema_dump (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT type, name, coalesce(sql, '') FROM "
                                            "sqlite_schema ORDER BY type, name", -1, &stmt, NULL),
                    SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s %s %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  g_string_append_printf (out, "v%" G_GINT64_FORMAT, kt_query_int (db, "PRAGMA user_version"));
  return g_string_free (out, FALSE);
}

START_TEST (test_new_record_settings)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.kit", NULL);
  KitVault *vault;

  ck_assert_int_ge (kit_schema_latest_version (), 1);
  vault = kt_create (path, KT_PASSPHRASE, NULL);
  assert_configured (kit_vault_get_db (vault));
  assert_tables (kit_vault_get_db (vault));
  kt_close (vault);

  /* The settings are per connection: a reopened record has them again. */
  vault = kt_open (path, KT_PASSPHRASE);
  assert_configured (kit_vault_get_db (vault));
  assert_tables (kit_vault_get_db (vault));
  {
    g_autofree char *check = kt_query_text (kit_vault_get_db (vault), "PRAGMA integrity_check");
    ck_assert_str_eq (check, "ok");
  }
  kt_close (vault);
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_foreign_keys_enforced)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fk.kit", NULL);
  g_autoptr (GError) error = NULL;
  KitVault *vault = kt_create (path, KT_PASSPHRASE, NULL);

  ck_assert (!kit_vault_exec (vault, "INSERT INTO arrangements (child_id, kind) VALUES (999, "
                                     "'letterbox');", &error));
  g_clear_error (&error);
  ck_assert (!kit_vault_exec (vault, "INSERT INTO children (name) VALUES ('   ');", &error));
  g_clear_error (&error);
  kt_exec (vault, "INSERT INTO children (id, name) VALUES (1, 'Amelia');"
                  "INSERT INTO arrangements (id, child_id, kind) VALUES (1, 1, 'letterbox');"
                  "INSERT INTO sessions (arrangement_id, date) VALUES (1, '2024-01-01');");
  /* Deleting a child removes its arrangements and their sessions. */
  kt_exec (vault, "DELETE FROM children WHERE id = 1;");
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (vault), "SELECT count(*) FROM sessions"), 0);
  kt_close (vault);
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_migrate_twice_is_noop)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "m.kit", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KitVault *vault = kt_create (path, KT_PASSPHRASE, NULL);
  sqlite3 *db = kit_vault_get_db (vault);

  kt_exec (vault, "INSERT INTO children (name) VALUES ('Amelia');");
  before = kt_dump_db (db);
  ck_assert_msg (kit_schema_migrate (db, &error), "%s", error ? error->message : "");
  ck_assert_msg (kit_schema_migrate (db, &error), "%s", error ? error->message : "");
  after = kt_dump_db (db);
  ck_assert_str_eq (after, before);
  assert_configured (db);
  kt_close (vault);

  /* On a bare connection: configure + migrate builds the latest schema, and
   * a second migration changes nothing. */
  {
    sqlite3 *raw = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    ck_assert_int_eq (sqlite3_open (":memory:", &raw), SQLITE_OK);
    ck_assert (kit_schema_configure (raw, &error));
    ck_assert (kit_schema_migrate (raw, &error));
    assert_configured (raw);
    assert_tables (raw);
    first = schema_dump (raw);
    ck_assert (kit_schema_migrate (raw, &error));
    second = schema_dump (raw);
    ck_assert_str_eq (first, second);
    sqlite3_close (raw);
  }
  kt_rmtree (dir);
}
END_TEST

/* A record of version 2 (before the diary's drafts) with diary entries in
 * it: migration 3 adds the drafts and indexes and keeps every entry, and
 * ends with the same schema as a new record. */
START_TEST (test_migrate_from_version_2)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *fresh = NULL, *old = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  ck_assert_int_eq (kit_schema_latest_version (), 3);
  ck_assert_int_eq (sqlite3_open (":memory:", &fresh), SQLITE_OK);
  ck_assert (kit_schema_configure (fresh, &error) && kit_schema_migrate (fresh, &error));
  want = schema_dump (fresh);
  sqlite3_close (fresh);

  ck_assert_int_eq (sqlite3_open (":memory:", &old), SQLITE_OK);
  ck_assert (kit_schema_configure (old, &error) && kit_schema_migrate (old, &error));
  /* Back to what version 2 had. */
  ck_assert_int_eq (sqlite3_exec (old,
    "DROP TABLE diary_drafts;"
    "PRAGMA user_version = 2;"
    "INSERT INTO children (id, name) VALUES (1, 'Mia');"
    "INSERT INTO diary_entries (id, date, child_id, title, body, shared) VALUES"
    " (1, '2026-01-02', 1, 'First', 'Private words', 0),"
    " (2, '2026-02-03', NULL, 'Second', 'Shared words', 1);",
    NULL, NULL, NULL), SQLITE_OK);

  ck_assert_msg (kit_schema_migrate (old, &error), "%s", error ? error->message : "");
  ck_assert_int_eq (kt_query_int (old, "PRAGMA user_version"), 3);
  ck_assert_int_eq (kt_query_int (old, "SELECT count(*) FROM diary_entries"), 2);
  ck_assert_int_eq (kt_query_int (old, "SELECT count(*) FROM diary_entries WHERE shared = 0 "
                                       "AND body = 'Private words'"), 1);
  ck_assert_int_eq (kt_query_int (old, "SELECT count(*) FROM diary_drafts"), 0);
  got = schema_dump (old);
  ck_assert_str_eq (got, want);
  sqlite3_close (old);
}
END_TEST

START_TEST (test_newer_version_refused)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "newer.kit", NULL);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d;",
                                             kit_schema_latest_version () + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  KitVault *vault;

  /* Directly. */
  {
    sqlite3 *raw = NULL;
    ck_assert_int_eq (sqlite3_open (":memory:", &raw), SQLITE_OK);
    ck_assert_int_eq (sqlite3_exec (raw, pragma, NULL, NULL, NULL), SQLITE_OK);
    ck_assert (!kit_schema_migrate (raw, &error));
    kt_assert_error (error, KIT_RECORD_ERROR_UNSUPPORTED_VERSION, 3);
    sqlite3_close (raw);
  }

  /* A record written by a newer version (its database says so). */
  vault = kt_create (path, KT_PASSPHRASE, NULL);
  kt_exec (vault, "INSERT INTO children (name) VALUES ('Amelia');");
  ck_assert_int_eq (sqlite3_exec (kit_vault_get_db (vault), pragma, NULL, NULL, NULL), SQLITE_OK);
  ck_assert (kit_vault_save (vault, &error));
  kt_close (vault);
  bytes = kt_read_file (path);
  ck_assert_ptr_null (kit_vault_open (path, KT_PASSPHRASE, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_UNSUPPORTED_VERSION, 3);
  /* …and it is not touched. */
  ck_assert (kt_file_equals (path, bytes));
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_foreign_database_refused)
{
  sqlite3 *raw = NULL;
  g_autoptr (GError) error = NULL;

  ck_assert_int_eq (sqlite3_open (":memory:", &raw), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (raw, "PRAGMA user_version = 1; PRAGMA application_id = 1234;",
                                  NULL, NULL, NULL),
                    SQLITE_OK);
  ck_assert (!kit_schema_migrate (raw, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_NOT_A_RECORD, 3);
  sqlite3_close (raw);
}
END_TEST

/* Write a record file whose (correctly encrypted) content is @plain. */
static void
write_record_with_plaintext (const char *path, const guint8 *plain, gsize len)
{
  KitHeader header;
  KitKdfParams kdf;
  guint8 key[KIT_KEY_BYTES];
  g_autoptr (GBytes) file = NULL;

  memset (&header, 0, sizeof header);
  kit_kdf_params_minimal (&kdf);
  randombytes_buf (key, sizeof key);
  header.n_slots = 1;
  header.chunk_size = KIT_CHUNK_SIZE_DEFAULT;
  ck_assert (kit_slot_seal_passphrase (&header.slots[0], key, KT_PASSPHRASE, &kdf));
  file = kit_record_encrypt (&header, key, plain, len);
  kt_write_file (path, g_bytes_get_data (file, NULL), g_bytes_get_size (file));
}

static gint64 children_root_page;

/* A good database image with the latest schema and a few rows (sqlite3_malloc'd). */
static guint8 *
good_image (sqlite3_int64 *size)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *raw = NULL;
  guint8 *image;

  ck_assert_int_eq (sqlite3_open (":memory:", &raw), SQLITE_OK);
  ck_assert (kit_schema_configure (raw, &error));
  ck_assert (kit_schema_migrate (raw, &error));
  ck_assert_int_eq (sqlite3_exec (raw, "INSERT INTO children (name) SELECT 'c' || value FROM "
                                       "json_each('[1,2,3,4,5,6,7,8,9,10]');", NULL, NULL, NULL),
                    SQLITE_OK);
  children_root_page = kt_query_int (raw, "SELECT rootpage FROM sqlite_schema WHERE name = "
                                          "'children'");
  ck_assert_int_eq (kt_query_int (raw, "PRAGMA page_size"), 4096);
  image = sqlite3_serialize (raw, "main", size, 0);
  ck_assert_ptr_nonnull (image);
  sqlite3_close (raw);
  return image;
}

/* Correctly encrypted, but the database inside is damaged: reported as
 * damage (exit 3), not as some other failure. */
static void
check_damaged_inside (void (*damage) (guint8 *image, sqlite3_int64 size), const char *what)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "inside.kit", NULL);
  g_autoptr (GError) error = NULL;
  sqlite3_int64 size = 0;
  guint8 *image = good_image (&size);

  /* The good image opens (so the file built here is a fair record). */
  write_record_with_plaintext (path, image, (gsize) size);
  kt_close (kt_open (path, KT_PASSPHRASE));

  damage (image, size);
  write_record_with_plaintext (path, image, (gsize) size);
  sqlite3_free (image);
  ck_assert_ptr_null (kit_vault_open (path, KT_PASSPHRASE, &error));
  ck_assert_msg (error != NULL && error->code == KIT_RECORD_ERROR_DAMAGED &&
                   kit_record_error_exit_code (error) == 3,
                 "%s: error %d, exit %d: %s", what, error ? error->code : -1,
                 kit_record_error_exit_code (error), error ? error->message : "none");
  kt_rmtree (dir);
}

static void
damage_pages (guint8 *image, sqlite3_int64 size)
{
  /* Garbage all through the pages after the first. */
  for (sqlite3_int64 i = 4096 + 100; i < size; i += 997)
    image[i] ^= 0x55;
}

static void
damage_all (guint8 *image, sqlite3_int64 size)
{
  memset (image, 'x', (size_t) size);
}

static void
damage_one_table_page (guint8 *image, sqlite3_int64 size)
{
  /* Only the b-tree page header of the page holding the children's rows
   * (not the schema): its cell count and first-cell offset. */
  guint8 *page = image + (children_root_page - 1) * 4096;

  ck_assert_int_gt (children_root_page, 1);
  ck_assert_int_eq (page[0], 0x0d); /* a table leaf */
  page[3] ^= 0x40;
  page[5] ^= 0x0f;
}

START_TEST (test_damaged_pages_inside)
{
  check_damaged_inside (damage_pages, "pages garbled");
}
END_TEST

START_TEST (test_not_a_database_inside)
{
  check_damaged_inside (damage_all, "not a database at all");
}
END_TEST

START_TEST (test_damaged_table_page_inside)
{
  check_damaged_inside (damage_one_table_page, "one table page garbled");
}
END_TEST

/* --- The hash chain ---------------------------------------------------------- */

/* Append a change for @child, chained with kit_chain_hash_change. */
static gint64
append_change (sqlite3 *db, gint64 child, gint64 arrangement, const char *what)
{
  g_autoptr (GError) error = NULL;
  guint8 prev[KIT_CHAIN_HASH_BYTES], hash[KIT_CHAIN_HASH_BYTES];
  gboolean have_prev = FALSE;
  sqlite3_stmt *stmt = NULL;
  gint64 seq, id;

  {
    g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(seq), 0) FROM changes WHERE "
                                            "child_id = %" G_GINT64_FORMAT, child);
    seq = kt_query_int (db, sql) + 1;
  }
  if (seq > 1)
    {
      ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT hash FROM changes WHERE child_id = ? AND "
                                                "seq = ?", -1, &stmt, NULL), SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, child);
      sqlite3_bind_int64 (stmt, 2, seq - 1);
      ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
      ck_assert_int_eq (sqlite3_column_bytes (stmt, 0), KIT_CHAIN_HASH_BYTES);
      memcpy (prev, sqlite3_column_blob (stmt, 0), KIT_CHAIN_HASH_BYTES);
      sqlite3_finalize (stmt);
      have_prev = TRUE;
    }

  ck_assert_int_eq (sqlite3_prepare_v2 (db,
                                        "INSERT INTO changes (child_id, arrangement_id, seq, "
                                        "effective_date, recorded_at, what_changed, fields_json, "
                                        "decided_by, reason_given, reason_text, reason_category, "
                                        "told_how, told_date, her_view, prev_hash, hash) "
                                        "VALUES (?, ?, ?, '2024-02-01', '2024-02-03T10:00:00Z', ?, "
                                        "'[{\"field\":\"freq\",\"before\":\"monthly\",\"after\":"
                                        "\"yearly\"}]', 'agency', 'partly', 'resources', "
                                        "'agency-resources', 'letter', NULL, 'I was not asked.', "
                                        "?, x'')",
                                        -1, &stmt, NULL),
                    SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, child);
  sqlite3_bind_int64 (stmt, 2, arrangement);
  sqlite3_bind_int64 (stmt, 3, seq);
  sqlite3_bind_text (stmt, 4, what, -1, SQLITE_TRANSIENT);
  if (have_prev)
    sqlite3_bind_blob (stmt, 5, prev, sizeof prev, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  ck_assert_msg (sqlite3_step (stmt) == SQLITE_DONE, "insert change: %s", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  id = sqlite3_last_insert_rowid (db);

  ck_assert_msg (kit_chain_hash_change (db, id, have_prev ? prev : NULL, hash, &error), "%s",
                 error ? error->message : "");
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "UPDATE changes SET hash = ? WHERE id = ?", -1, &stmt,
                                        NULL), SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_DONE);
  sqlite3_finalize (stmt);
  ck_assert_msg (kit_chain_write_anchor (db, child, seq, hash, &error), "%s",
                 error ? error->message : "");
  return id;
}

static GPtrArray *
verify (sqlite3 *db)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *broken = NULL;

  ck_assert_msg (kit_chain_verify (db, &broken, &error), "verify: %s",
                 error ? error->message : "");
  ck_assert_ptr_nonnull (broken);
  return broken;
}

static gboolean
names_contain (GPtrArray *names, const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (names->pdata[i], name) == 0)
      return TRUE;
  return FALSE;
}

static char *
names_joined (GPtrArray *names)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", (char *) names->pdata[i]);
  return g_string_free (s, FALSE);
}

static void
build_chains (KitVault *vault)
{
  sqlite3 *db = kit_vault_get_db (vault);

  kt_exec (vault, "INSERT INTO children (id, name) VALUES (1, 'Amelia'), (2, 'Ben'), (3, 'Cara');"
                  "INSERT INTO arrangements (id, child_id, kind) VALUES (1, 1, 'letterbox'),"
                  " (2, 2, 'video-call'), (3, 1, 'face-to-face-supervised');");
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *a = g_strdup_printf ("Amelia change %d", i);
      g_autofree char *b = g_strdup_printf ("Ben change %d", i);
      append_change (db, 1, 1, a);
      append_change (db, 2, 2, b);
    }
}

START_TEST (test_chain_intact)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chain.kit", NULL);
  KitVault *vault = kt_create (path, KT_PASSPHRASE, NULL);
  g_autoptr (GPtrArray) empty = verify (kit_vault_get_db (vault));

  ck_assert_uint_eq (empty->len, 0);
  build_chains (vault);
  {
    g_autoptr (GPtrArray) broken = verify (kit_vault_get_db (vault));
    g_autofree char *joined = names_joined (broken);
    ck_assert_msg (broken->len == 0, "intact chains reported broken: %s", joined);
  }
  kt_close (vault);

  /* Still intact after a round trip through the file. */
  vault = kt_open (path, KT_PASSPHRASE);
  {
    g_autoptr (GPtrArray) broken = verify (kit_vault_get_db (vault));
    ck_assert_uint_eq (broken->len, 0);
  }
  kt_close (vault);
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_chain_detects_alteration)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chain.kit", NULL);
  KitVault *vault = kt_create (path, KT_PASSPHRASE, NULL);
  sqlite3 *db = kit_vault_get_db (vault);
  sqlite3_stmt *cols = NULL;
  gint64 target;
  guint altered = 0;

  build_chains (vault);
  /* Amelia's second change (seq 2). */
  target = kt_query_int (db, "SELECT id FROM changes WHERE child_id = 1 AND seq = 2");

  /* Every stored column of a change except its id, one at a time. */
  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info('changes') "
                                            "WHERE name <> 'id'", -1, &cols, NULL), SQLITE_OK);
  while (sqlite3_step (cols) == SQLITE_ROW)
    {
      const char *col = (const char *) sqlite3_column_text (cols, 0);
      g_autofree char *update = NULL;
      g_autoptr (GPtrArray) broken = NULL;
      g_autofree char *joined = NULL;

      if (g_str_equal (col, "child_id"))
        update = g_strdup ("child_id = 3");   /* moved to Cara's history */
      else if (g_str_equal (col, "arrangement_id"))
        update = g_strdup ("arrangement_id = 3");
      else if (g_str_equal (col, "seq"))
        update = g_strdup ("seq = 99");
      else if (g_str_equal (col, "corrects_id"))
        update = g_strdup_printf ("corrects_id = %" G_GINT64_FORMAT, target - 1);
      else if (g_str_equal (col, "told_date"))
        update = g_strdup ("told_date = '2024-02-05'");
      else if (g_str_equal (col, "prev_hash") || g_str_equal (col, "hash"))
        update = g_strdup_printf ("%s = randomblob(32)", col);
      else
        update = g_strdup_printf ("\"%s\" = \"%s\" || ' (edited)'", col, col);

      kt_exec (vault, "SAVEPOINT alter_one;");
      {
        g_autofree char *sql = g_strdup_printf ("UPDATE changes SET %s WHERE id = %" G_GINT64_FORMAT,
                                                update, target);
        kt_exec (vault, sql);
      }
      broken = verify (db);
      joined = names_joined (broken);
      ck_assert_msg (names_contain (broken, "Amelia"),
                     "altering changes.%s was not noticed (broken: [%s])", col, joined);
      ck_assert_msg (!names_contain (broken, "Ben"),
                     "altering Amelia's changes.%s blamed Ben (broken: [%s])", col, joined);
      kt_exec (vault, "ROLLBACK TO alter_one; RELEASE alter_one;");
      altered++;
      {
        g_autoptr (GPtrArray) again = verify (db);
        ck_assert_uint_eq (again->len, 0);
      }
    }
  sqlite3_finalize (cols);
  ck_assert_uint_ge (altered, 17);

  /* A change removed from the middle, and two swapped. */
  kt_exec (vault, "SAVEPOINT s;");
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM changes WHERE id = %" G_GINT64_FORMAT,
                                            target);
    g_autoptr (GPtrArray) broken = NULL;
    kt_exec (vault, sql);
    broken = verify (db);
    ck_assert (names_contain (broken, "Amelia"));
    ck_assert (!names_contain (broken, "Ben"));
  }
  kt_exec (vault, "ROLLBACK TO s; RELEASE s;");
  kt_exec (vault, "SAVEPOINT s;");
  {
    g_autoptr (GPtrArray) broken = NULL;
    kt_exec (vault, "UPDATE changes SET seq = -seq WHERE child_id = 2 AND seq IN (2, 3);"
                    "UPDATE changes SET seq = 5 WHERE child_id = 2 AND seq = -2;"
                    "UPDATE changes SET seq = 2 WHERE child_id = 2 AND seq = -3;"
                    "UPDATE changes SET seq = 3 WHERE child_id = 2 AND seq = 5;");
    broken = verify (db);
    ck_assert (names_contain (broken, "Ben"));
    ck_assert (!names_contain (broken, "Amelia"));
  }
  kt_exec (vault, "ROLLBACK TO s; RELEASE s;");

  /* The newest entry removed: the anchor still names it. */
  kt_exec (vault, "SAVEPOINT s;");
  {
    g_autoptr (GPtrArray) broken = NULL;
    kt_exec (vault, "DELETE FROM changes WHERE child_id = 1 AND seq = 4;");
    broken = verify (db);
    ck_assert (names_contain (broken, "Amelia"));
    ck_assert (!names_contain (broken, "Ben"));
  }
  kt_exec (vault, "ROLLBACK TO s; RELEASE s;");
  /* Every entry removed: the anchor is left with nothing. */
  kt_exec (vault, "SAVEPOINT s;");
  {
    g_autoptr (GPtrArray) broken = NULL;
    kt_exec (vault, "DELETE FROM changes WHERE child_id = 2;");
    broken = verify (db);
    ck_assert (names_contain (broken, "Ben"));
    ck_assert (!names_contain (broken, "Amelia"));
  }
  kt_exec (vault, "ROLLBACK TO s; RELEASE s;");
  /* The anchor removed, or pointing at an earlier entry. */
  kt_exec (vault, "SAVEPOINT s;");
  {
    g_autoptr (GPtrArray) broken = NULL;
    kt_exec (vault, "DELETE FROM meta WHERE key = 'chain-tail:1';"
                    "UPDATE meta SET value = '3' || substr(value, 2) WHERE key = 'chain-tail:2';");
    broken = verify (db);
    ck_assert (names_contain (broken, "Amelia"));
    ck_assert (names_contain (broken, "Ben"));
  }
  kt_exec (vault, "ROLLBACK TO s; RELEASE s;");
  {
    g_autoptr (GPtrArray) again = verify (db);
    ck_assert_uint_eq (again->len, 0);
  }
  kt_close (vault);
  kt_rmtree (dir);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("schema");

  kt_init ();
  kt_add_test (s, "settings", test_new_record_settings);
  kt_add_test (s, "foreign-keys", test_foreign_keys_enforced);
  kt_add_test (s, "migrate-twice", test_migrate_twice_is_noop);
  kt_add_test (s, "migrate-from-version-2", test_migrate_from_version_2);
  kt_add_test (s, "newer-version", test_newer_version_refused);
  kt_add_test (s, "foreign-database", test_foreign_database_refused);
  kt_add_test (s, "damaged-pages-inside", test_damaged_pages_inside);
  kt_add_test (s, "not-a-database-inside", test_not_a_database_inside);
  kt_add_test (s, "damaged-table-page-inside", test_damaged_table_page_inside);
  kt_add_test (s, "chain-intact", test_chain_intact);
  kt_add_test (s, "chain-altered", test_chain_detects_alteration);
  return kt_run_suite (s);
}
