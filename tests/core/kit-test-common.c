/* kit-test-common.c — helpers shared by the core test suites. */

#include "kit-test-common.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* All the folders a run makes live in one, made before the tests fork and
 * removed when they are done, even after a failed test left its own. */
static char *run_dir;

void
kt_init (void)
{
  g_autoptr (GError) error = NULL;

  if (!kit_secure_init (&error))
    g_error ("kit_secure_init failed: %s", error ? error->message : "?");
  if (run_dir == NULL)
    {
      run_dir = g_dir_make_tmp ("kit-core-tests-XXXXXX", &error);
      if (run_dir == NULL)
        g_error ("cannot make a temporary folder: %s", error->message);
    }
}

char *
kt_tmpdir (void)
{
  char *dir = g_build_filename (run_dir, "t-XXXXXX", NULL);

  ck_assert_msg (g_mkdtemp (dir) != NULL, "g_mkdtemp %s: %s", dir, g_strerror (errno));
  return dir;
}

void
kt_rmtree (const char *path)
{
  GDir *dir;
  const char *name;
  struct stat st;

  if (path == NULL || lstat (path, &st) != 0)
    return;
  if (!S_ISDIR (st.st_mode))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          kt_rmtree (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

GBytes *
kt_read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  ck_assert_msg (g_file_get_contents (path, &data, &len, &error),
                 "reading %s: %s", path, error ? error->message : "?");
  return g_bytes_new_take (data, len);
}

void
kt_write_file (const char *path, const void *data, gsize len)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const guint8 *p = data;

  ck_assert_msg (fd >= 0, "open %s: %s", path, g_strerror (errno));
  while (len > 0)
    {
      ssize_t n = write (fd, p, len);
      ck_assert_msg (n > 0, "write %s: %s", path, g_strerror (errno));
      p += n;
      len -= (gsize) n;
    }
  ck_assert_int_eq (close (fd), 0);
}

gboolean
kt_file_equals (const char *path, GBytes *expected)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return FALSE;
  return len == g_bytes_get_size (expected) &&
         memcmp (data, g_bytes_get_data (expected, NULL), len) == 0;
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
kt_list_dir (const char *path)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return names;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);
  g_ptr_array_sort (names, compare_strings);
  return names;
}

gboolean
kt_dir_is_clean (const char *dir, const char *record, char **unexpected)
{
  g_autofree char *base = g_path_get_basename (record);
  g_autofree char *lock = g_strconcat (base, ".lock", NULL);
  g_autofree char *backups = g_strconcat (base, ".backups", NULL);
  g_autoptr (GPtrArray) names = kt_list_dir (dir);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      if (g_strcmp0 (name, base) != 0 && g_strcmp0 (name, lock) != 0 &&
          g_strcmp0 (name, backups) != 0)
        {
          if (unexpected != NULL)
            *unexpected = g_strdup (name);
          return FALSE;
        }
    }
  return TRUE;
}

static void
append_value (GString *out, sqlite3_stmt *stmt, int col)
{
  switch (sqlite3_column_type (stmt, col))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "i:%" G_GINT64_FORMAT,
                              (gint64) sqlite3_column_int64 (stmt, col));
      break;
    case SQLITE_FLOAT:
      g_string_append_printf (out, "r:%.17g", sqlite3_column_double (stmt, col));
      break;
    case SQLITE_TEXT:
      g_string_append_printf (out, "t:%d:", sqlite3_column_bytes (stmt, col));
      g_string_append_len (out, (const char *) sqlite3_column_text (stmt, col),
                           sqlite3_column_bytes (stmt, col));
      break;
    case SQLITE_BLOB:
      {
        const guint8 *b = sqlite3_column_blob (stmt, col);
        int n = sqlite3_column_bytes (stmt, col);
        g_string_append (out, "b:");
        for (int i = 0; i < n; i++)
          g_string_append_printf (out, "%02x", b[i]);
      }
      break;
    default:
      g_string_append (out, "?");
    }
}

char *
kt_dump_db (sqlite3 *db)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (db,
                                        "SELECT name, type, coalesce(sql, '') FROM sqlite_schema "
                                        "ORDER BY type, name",
                                        -1, &tables, NULL),
                    SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      const char *type = (const char *) sqlite3_column_text (tables, 1);
      sqlite3_stmt *rows = NULL;
      char *sql;

      g_string_append_printf (out, "== %s %s\n%s\n", type, name,
                              (const char *) sqlite3_column_text (tables, 2));
      if (g_strcmp0 (type, "table") != 0)
        continue;
      sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", name);
      ck_assert_msg (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) == SQLITE_OK,
                     "dump %s: %s", name, sqlite3_errmsg (db));
      sqlite3_free (sql);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              if (c > 0)
                g_string_append_c (out, '|');
              append_value (out, rows, c);
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  return g_string_free (out, FALSE);
}

gint64
kt_query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  ck_assert_msg (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK,
                 "%s: %s", sql, sqlite3_errmsg (db));
  ck_assert_msg (sqlite3_step (stmt) == SQLITE_ROW, "%s: no row (%s)", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
kt_query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  ck_assert_msg (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK,
                 "%s: %s", sql, sqlite3_errmsg (db));
  ck_assert_msg (sqlite3_step (stmt) == SQLITE_ROW, "%s: no row (%s)", sql, sqlite3_errmsg (db));
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

void
kt_exec (KitVault *vault, const char *sql)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (kit_vault_exec (vault, sql, &error), "%s: %s", sql,
                 error ? error->message : "?");
}

KitVault *
kt_create (const char *path, const char *passphrase, char **out_recovery_key)
{
  g_autoptr (GError) error = NULL;
  KitKdfParams kdf;
  KitVault *vault;

  kit_kdf_params_minimal (&kdf);
  vault = kit_vault_create (path, passphrase, &kdf, out_recovery_key, &error);
  ck_assert_msg (vault != NULL, "kit_vault_create %s: %s", path, error ? error->message : "?");
  ck_assert (error == NULL);
  ck_assert (kit_vault_is_open (vault));
  return vault;
}

KitVault *
kt_open (const char *path, const char *passphrase)
{
  g_autoptr (GError) error = NULL;
  KitVault *vault = kit_vault_open (path, passphrase, &error);

  ck_assert_msg (vault != NULL, "kit_vault_open %s: %s", path, error ? error->message : "?");
  ck_assert (kit_vault_is_open (vault));
  return vault;
}

void
kt_close (KitVault *vault)
{
  g_autoptr (GError) error = NULL;

  ck_assert_msg (kit_vault_close (vault, FALSE, &error), "kit_vault_close: %s",
                 error ? error->message : "?");
  g_object_unref (vault);
}

void
kt_assert_error_impl (GError **error, int code, int exit_code, const char *file, int line)
{
  ck_assert_msg (*error != NULL, "%s:%d: expected error code %d, got success", file, line, code);
  ck_assert_msg ((*error)->domain == KIT_RECORD_ERROR,
                 "%s:%d: error not in the record domain: %s", file, line, (*error)->message);
  ck_assert_msg ((*error)->code == code, "%s:%d: expected error code %d, got %d (%s)", file,
                 line, code, (*error)->code, (*error)->message);
  ck_assert_msg (kit_record_error_exit_code (*error) == exit_code,
                 "%s:%d: expected exit code %d, got %d (%s)", file, line, exit_code,
                 kit_record_error_exit_code (*error), (*error)->message);
  ck_assert_msg ((*error)->message != NULL && (*error)->message[0] != '\0',
                 "%s:%d: error without a message", file, line);
  g_clear_error (error);
}

void
kt_assert_exit_code_in_impl (GError **error, int a, int b, const char *file, int line)
{
  int code;

  ck_assert_msg (*error != NULL, "%s:%d: expected an error, got success", file, line);
  code = kit_record_error_exit_code (*error);
  ck_assert_msg (code == a || code == b, "%s:%d: expected exit code %d or %d, got %d (%s)",
                 file, line, a, b, code, (*error)->message);
  g_clear_error (error);
}

/* --- KDF replacements --------------------------------------------------- */

static GMutex kdf_lock;
static GHashTable *kdf_cache;
static guint kdf_call_count;

static char *
kdf_cache_key (const char *passphrase, const guint8 *salt, const KitKdfParams *params)
{
  guint8 digest[crypto_generichash_BYTES];
  g_autofree char *salt_hex = NULL;
  g_autofree char *pass_hex = NULL;

  crypto_generichash (digest, sizeof digest, (const guint8 *) passphrase, strlen (passphrase),
                      NULL, 0);
  pass_hex = g_malloc (sizeof digest * 2 + 1);
  sodium_bin2hex (pass_hex, sizeof digest * 2 + 1, digest, sizeof digest);
  salt_hex = g_malloc (KIT_SALT_BYTES * 2 + 1);
  sodium_bin2hex (salt_hex, KIT_SALT_BYTES * 2 + 1, salt, KIT_SALT_BYTES);
  return g_strdup_printf ("%s/%s/%u/%" G_GUINT64_FORMAT, pass_hex, salt_hex, params->opslimit,
                          params->memlimit);
}

static gboolean
memo_kdf (guint8 *out_key, const char *passphrase, const guint8 *salt,
          const KitKdfParams *params)
{
  g_autofree char *key = kdf_cache_key (passphrase, salt, params);
  const guint8 *cached;
  gboolean ok;

  g_mutex_lock (&kdf_lock);
  kdf_call_count++;
  if (kdf_cache == NULL)
    kdf_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cached = g_hash_table_lookup (kdf_cache, key);
  if (cached != NULL)
    {
      memcpy (out_key, cached, KIT_KEY_BYTES);
      g_mutex_unlock (&kdf_lock);
      return TRUE;
    }
  g_mutex_unlock (&kdf_lock);

  ok = kit_kdf_argon2id (out_key, passphrase, salt, params);
  if (ok)
    {
      g_mutex_lock (&kdf_lock);
      g_hash_table_replace (kdf_cache, g_steal_pointer (&key), g_memdup2 (out_key, KIT_KEY_BYTES));
      g_mutex_unlock (&kdf_lock);
    }
  return ok;
}

static gboolean
counting_kdf (guint8 *out_key, const char *passphrase, const guint8 *salt,
              const KitKdfParams *params)
{
  g_mutex_lock (&kdf_lock);
  kdf_call_count++;
  g_mutex_unlock (&kdf_lock);
  return kit_kdf_argon2id (out_key, passphrase, salt, params);
}

void
kt_kdf_install_memo (void)
{
  kit_kdf_set_func (memo_kdf);
}

void
kt_kdf_install_counting (void)
{
  kit_kdf_set_func (counting_kdf);
}

guint
kt_kdf_calls (void)
{
  guint n;

  g_mutex_lock (&kdf_lock);
  n = kdf_call_count;
  g_mutex_unlock (&kdf_lock);
  return n;
}

void
kt_kdf_reset_calls (void)
{
  g_mutex_lock (&kdf_lock);
  kdf_call_count = 0;
  g_mutex_unlock (&kdf_lock);
}

/* --- Check plumbing ------------------------------------------------------ */

int
kt_run_suite (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  if (run_dir != NULL)
    {
      /* A test that failed part-way may have left a read-only folder or a
       * lock behind: nothing stops the removal. */
      kt_rmtree (run_dir);
      g_clear_pointer (&run_dir, g_free);
    }
  return failed == 0 ? 0 : 1;
}

TCase *
kt_tcase (const char *name)
{
  TCase *tc = tcase_create (name);

  tcase_set_timeout (tc, 600);
  return tc;
}

/* --- Record layout -------------------------------------------------------- */

void
kt_parse_header (GBytes *file, KitHeader *header, gsize *header_len)
{
  g_autoptr (GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (file, &len);

  ck_assert_msg (kit_header_parse (data, len, len, header, header_len, &error),
                 "header of a good record: %s", error ? error->message : "?");
  ck_assert_uint_eq (*header_len, kit_header_size (header->n_slots));
  ck_assert_uint_eq (kit_record_file_size (header), len);
}

void
kt_fix_checksum (guint8 *data, gsize header_len)
{
  crypto_generichash (data + header_len - KT_CHECKSUM_BYTES, KT_CHECKSUM_BYTES, data,
                      header_len - KT_CHECKSUM_BYTES, NULL, 0);
}

void
kt_put_u16 (guint8 *p, guint16 v)
{
  p[0] = v & 0xff;
  p[1] = v >> 8;
}

void
kt_put_u32 (guint8 *p, guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

void
kt_put_u64 (guint8 *p, guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

void
kt_add_test_impl (Suite *suite, const char *name, const TTest *test)
{
  TCase *tc = kt_tcase (name);

  tcase_add_test (tc, test);
  suite_add_tcase (suite, tc);
}
