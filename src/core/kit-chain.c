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

gboolean
kit_chain_verify (sqlite3 *db, GPtrArray **broken, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 child = -1;
  gint64 expect_seq = 0;
  gboolean child_ok = TRUE, have_prev = FALSE;
  guint8 prev[KIT_CHAIN_HASH_BYTES];
  int rc;
  const int n_cols = 16;

  /* The child's name is read alongside so a broken chain can be named. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT " CHAIN_COLUMNS ", prev_hash, hash, "
                          "  (SELECT name FROM children WHERE children.id = changes.child_id) "
                          "FROM changes ORDER BY child_id, seq", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite_fail (db, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_child = sqlite3_column_int64 (stmt, 1);
      guint8 hash[KIT_CHAIN_HASH_BYTES];

      if (row_child != child)
        {
          child = row_child;
          child_ok = TRUE;
          have_prev = FALSE;
          expect_seq = 1;
        }
      if (!child_ok)
        continue;
      hash_row (stmt, n_cols, have_prev ? prev : NULL, hash);
      if (sqlite3_column_int64 (stmt, 3) != expect_seq ||
          !blob_equals (stmt, n_cols, have_prev ? prev : NULL) ||
          !blob_equals (stmt, n_cols + 1, hash))
        {
          const char *name = (const char *) sqlite3_column_text (stmt, n_cols + 2);
          child_ok = FALSE;
          g_ptr_array_add (names, g_strdup (name != NULL ? name : "(a child no longer listed)"));
          continue;
        }
      memcpy (prev, hash, sizeof prev);
      have_prev = TRUE;
      expect_seq++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sqlite_fail (db, error);
  if (broken != NULL)
    *broken = g_steal_pointer (&names);
  return TRUE;
}
