/* kit-chain.c — each child's changes form a hash chain: every row's hash
 * covers its own content and the previous row's hash, so an altered, removed
 * or reordered entry shows. */

#include "kit-chain.h"

#include <glib/gi18n-lib.h>

#include <sodium.h>
#include <string.h>

#include "kit-error.h"

/* The columns that a change's hash covers, in a fixed order. */
#define CHAIN_COLUMNS \
  "id, child_id, arrangement_id, seq, effective_date, recorded_at, what_changed, " \
  "fields_json, decided_by, reason_given, reason_text, reason_category, told_how, " \
  "told_date, her_view, corrects_id"

static gboolean
sqlite_fail (sqlite3 *db, GError **error)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
               _("Database error: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/* Feed one column into the hash with its type and length, so that no two
 * different rows can serialise to the same bytes. */
static void
hash_column (crypto_generichash_state *st, sqlite3_stmt *stmt, int col)
{
  guint8 type = (guint8) sqlite3_column_type (stmt, col);
  guint8 len_bytes[8];
  sqlite3_int64 number;
  gsize len = 0;
  const void *data = NULL;

  crypto_generichash_update (st, &type, 1);
  if (type == SQLITE_INTEGER)
    {
      /* Little-endian on every machine, so a chain verifies anywhere. */
      number = GINT64_TO_LE (sqlite3_column_int64 (stmt, col));
      data = &number;
      len = sizeof number;
    }
  else if (type != SQLITE_NULL)
    {
      data = sqlite3_column_blob (stmt, col);
      len = (gsize) sqlite3_column_bytes (stmt, col);
    }
  for (int i = 0; i < 8; i++)
    len_bytes[i] = ((guint64) len >> (8 * i)) & 0xff;
  crypto_generichash_update (st, len_bytes, sizeof len_bytes);
  if (len > 0)
    crypto_generichash_update (st, data, len);
}

static void
hash_row (sqlite3_stmt *stmt, int n_cols, const guint8 *prev, guint8 *out)
{
  crypto_generichash_state st;
  static const guint8 zero[KIT_CHAIN_HASH_BYTES];

  crypto_generichash_init (&st, (const guint8 *) "kit-change-v1", 13, KIT_CHAIN_HASH_BYTES);
  crypto_generichash_update (&st, prev != NULL ? prev : zero, KIT_CHAIN_HASH_BYTES);
  for (int col = 0; col < n_cols; col++)
    hash_column (&st, stmt, col);
  crypto_generichash_final (&st, out, KIT_CHAIN_HASH_BYTES);
}

gboolean
kit_chain_hash_change (sqlite3 *db, gint64 change_id, const guint8 *prev,
                       guint8 *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT " CHAIN_COLUMNS " FROM changes WHERE id = ?", -1,
                          &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (db, error);
  sqlite3_bind_int64 (stmt, 1, change_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      hash_row (stmt, sqlite3_column_count (stmt), prev, out);
      ok = TRUE;
    }
  else
    g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
                 _("That change could not be found."));
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
blob_equals (sqlite3_stmt *stmt, int col, const guint8 *expected)
{
  if (expected == NULL)
    return sqlite3_column_type (stmt, col) == SQLITE_NULL;
  return sqlite3_column_bytes (stmt, col) == KIT_CHAIN_HASH_BYTES &&
         memcmp (sqlite3_column_blob (stmt, col), expected, KIT_CHAIN_HASH_BYTES) == 0;
}

/* The anchor's text: "<seq>:<hex of hash>". */
static char *
anchor_text (gint64 seq, const guint8 *hash)
{
  g_autofree char *hex = g_malloc (KIT_CHAIN_HASH_BYTES * 2 + 1);

  for (int i = 0; i < KIT_CHAIN_HASH_BYTES; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", hash[i]);
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", seq, hex);
}

static char *
anchor_key (gint64 child_id)
{
  return g_strdup_printf ("chain-tail:%" G_GINT64_FORMAT, child_id);
}

gboolean
kit_chain_write_anchor (sqlite3 *db, gint64 child_id, gint64 seq, const guint8 *hash,
                        GError **error)
{
  g_autofree char *key = anchor_key (child_id);
  g_autofree char *value = anchor_text (seq, hash);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "INSERT INTO meta (key, value) VALUES (?, ?) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (db, error);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_fail (db, error);
  return TRUE;
}

gboolean
kit_chain_delete_anchor (sqlite3 *db, gint64 child_id, GError **error)
{
  g_autofree char *key = anchor_key (child_id);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "DELETE FROM meta WHERE key = ?", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (db, error);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_fail (db, error);
  return TRUE;
}

/* Child id -> anchor text, for @child_id or (0) every child. */
static GHashTable *
load_anchors (sqlite3 *db, gint64 child_id, GError **error)
{
  g_autoptr (GHashTable) anchors = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* ';' sorts right after ':', so the range is every 'chain-tail:' key. */
  if (sqlite3_prepare_v2 (db, "SELECT key, value FROM meta WHERE key >= 'chain-tail:' "
                          "AND key < 'chain-tail;'", -1, &stmt, NULL) != SQLITE_OK)
    {
      sqlite_fail (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      gint64 id = 0;

      if (!g_ascii_string_to_signed (key + strlen ("chain-tail:"), 10, 1, G_MAXINT64,
                                     &id, NULL) ||
          (child_id != 0 && id != child_id))
        continue;
      g_hash_table_insert (anchors, g_memdup2 (&id, sizeof id), g_strdup (value ? value : ""));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite_fail (db, error);
      return NULL;
    }
  return g_steal_pointer (&anchors);
}

typedef struct {
  GArray *ids;        /* gint64 */
  GPtrArray *names;
} Broken;

static void
add_broken (Broken *broken, gint64 child_id, const char *name)
{
  g_array_append_val (broken->ids, child_id);
  g_ptr_array_add (broken->names, g_strdup (name != NULL ? name : "(a child no longer listed)"));
}

static char *
child_name (sqlite3 *db, gint64 child_id)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM children WHERE id = ?", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return name;
}

/* The last row of a child checked out: its anchor must name it. */
static gboolean
anchor_matches (GHashTable *anchors, gint64 child_id, gint64 seq, const guint8 *hash)
{
  const char *anchor = g_hash_table_lookup (anchors, &child_id);
  g_autofree char *expected = anchor_text (seq, hash);

  return anchor != NULL && strcmp (anchor, expected) == 0;
}

static gboolean
verify (sqlite3 *db, gint64 only_child, Broken *broken, GError **error)
{
  g_autoptr (GHashTable) anchors = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *name = NULL;
  gint64 child = -1;
  gint64 expect_seq = 0;
  gboolean child_ok = TRUE, have_prev = FALSE;
  guint8 prev[KIT_CHAIN_HASH_BYTES];
  GHashTableIter iter;
  gpointer key;
  int rc;
  const int n_cols = 16;

  anchors = load_anchors (db, only_child, error);
  if (anchors == NULL)
    return FALSE;

  /* The child's name is read alongside so a broken chain can be named. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT " CHAIN_COLUMNS ", prev_hash, hash, "
                          "  (SELECT name FROM children WHERE children.id = changes.child_id) "
                          "FROM changes WHERE ?1 = 0 OR child_id = ?1 "
                          "ORDER BY child_id, seq", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (db, error);
  sqlite3_bind_int64 (stmt, 1, only_child);

  for (;;)
    {
      gint64 row_child;
      guint8 hash[KIT_CHAIN_HASH_BYTES];

      rc = sqlite3_step (stmt);
      row_child = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : -1;
      if (rc != SQLITE_ROW || row_child != child)
        {
          /* The previous child's rows all verified: check where they end. */
          if (child != -1 && child_ok &&
              !anchor_matches (anchors, child, expect_seq - 1, prev))
            add_broken (broken, child, name);
          if (child != -1)
            g_hash_table_remove (anchors, &child);
          if (rc != SQLITE_ROW)
            break;
          child = row_child;
          child_ok = TRUE;
          have_prev = FALSE;
          expect_seq = 1;
          g_free (name);
          name = g_strdup ((const char *) sqlite3_column_text (stmt, n_cols + 2));
        }
      if (!child_ok)
        continue;
      hash_row (stmt, n_cols, have_prev ? prev : NULL, hash);
      if (sqlite3_column_int64 (stmt, 3) != expect_seq ||
          !blob_equals (stmt, n_cols, have_prev ? prev : NULL) ||
          !blob_equals (stmt, n_cols + 1, hash))
        {
          child_ok = FALSE;
          add_broken (broken, child, name);
          continue;
        }
      memcpy (prev, hash, sizeof prev);
      have_prev = TRUE;
      expect_seq++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_fail (db, error);

  /* An anchor left over: its child's entries have all gone. */
  g_hash_table_iter_init (&iter, anchors);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = *(gint64 *) key;
      g_autofree char *missing = child_name (db, id);
      add_broken (broken, id, missing);
    }
  return TRUE;
}

gboolean
kit_chain_verify (sqlite3 *db, GPtrArray **broken_names, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Broken broken = { ids, names };

  if (!verify (db, 0, &broken, error))
    return FALSE;
  if (broken_names != NULL)
    *broken_names = g_steal_pointer (&names);
  return TRUE;
}

gboolean
kit_chain_verify_ids (sqlite3 *db, gint64 child_id, GArray **broken_ids, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Broken broken = { ids, names };

  if (!verify (db, child_id, &broken, error))
    return FALSE;
  if (broken_ids != NULL)
    *broken_ids = g_steal_pointer (&ids);
  return TRUE;
}
