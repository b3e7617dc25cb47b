/* kit-stats.c — the counts shown at a glance and printed by `stats`. */

#include "kit-stats.h"

#include <glib/gi18n-lib.h>

#include "kit-chain.h"
#include "kit-error.h"

static gboolean
counts_fail (sqlite3 *db, GError **error)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
               _("The counts could not be read: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/* One row of numbers from @sql, binding @child_id as ?1. */
static gboolean
query_counts (sqlite3 *db, const char *sql, gint64 child_id, gint64 *values, int n,
              GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return counts_fail (db, error);
  sqlite3_bind_int64 (stmt, 1, child_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return counts_fail (db, error);
    }
  for (int i = 0; i < n; i++)
    values[i] = sqlite3_column_int64 (stmt, i);
  sqlite3_finalize (stmt);
  return TRUE;
}

gboolean
kit_stats_get_counts (sqlite3 *db, gint64 child_id, KitCounts *out, GError **error)
{
  gint64 changes[5] = { 0 }, unanswered = 0;

  g_return_val_if_fail (db != NULL && out != NULL, FALSE);
  if (!query_counts (db,
        "SELECT count(*), ifnull(sum(ch.reason_given = 'yes'), 0),"
        " ifnull(sum(ch.reason_given = 'partly'), 0), ifnull(sum(ch.reason_given = 'no'), 0),"
        " ifnull(sum(ch.told_how IN ('letter', 'email')), 0)"
        " FROM changes ch JOIN children c ON c.id = ch.child_id"
        " WHERE c.removed_at IS NULL AND (?1 = 0 OR c.id = ?1)",
        child_id, changes, 5, error) ||
      !query_counts (db,
        "SELECT count(*) FROM follow_ups f JOIN changes ch ON ch.id = f.change_id"
        " JOIN children c ON c.id = ch.child_id"
        " WHERE c.removed_at IS NULL AND (?1 = 0 OR c.id = ?1)"
        " AND ifnull(f.requested_date, '') <> '' AND ifnull(f.answered_date, '') = ''",
        child_id, &unanswered, 1, error))
    return FALSE;

  out->changes = (guint) changes[0];
  out->with_reason = (guint) changes[1];
  out->partly_reason = (guint) changes[2];
  out->without_reason = (guint) changes[3];
  out->told_in_writing = (guint) changes[4];
  out->requests_unanswered = (guint) unanswered;
  return TRUE;
}

typedef struct {
  const char *name;
  const char *sql;
  const char *review_sql;   /* when Review together hides something; NULL: same */
} Count;

static const Count counts[] = {
  { "children", "SELECT count(*) FROM children", NULL },
  { "people", "SELECT count(*) FROM people", NULL },
  { "arrangements", "SELECT count(*) FROM arrangements", NULL },
  { "changes", "SELECT count(*) FROM changes", NULL },
  { "sessions", "SELECT count(*) FROM sessions", NULL },
  { "diary_entries", "SELECT count(*) FROM diary_entries",
    "SELECT count(*) FROM diary_entries WHERE shared = 1" },
  /* Private entries are exactly what Review together hides. */
  { "diary_private", "SELECT count(*) FROM diary_entries WHERE shared = 0",
    "SELECT 0" },
  { "diary_shared", "SELECT count(*) FROM diary_entries WHERE shared = 1", NULL },
  { "letters", "SELECT count(*) FROM letters", NULL },
};

char *
kit_stats_json (sqlite3 *db, gboolean review, GError **error)
{
  g_autoptr(GString) out = g_string_new ("{");

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      const char *sql = review && counts[i].review_sql != NULL ? counts[i].review_sql
                                                               : counts[i].sql;
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
          sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
                       _("The counts could not be read: %s"), sqlite3_errmsg (db));
          sqlite3_finalize (stmt);
          return NULL;
        }
      g_string_append_printf (out, "%s\"%s\": %" G_GINT64_FORMAT, i > 0 ? ", " : "",
                              counts[i].name, (gint64) sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
    }

  KitCounts c;
  if (!kit_stats_get_counts (db, 0, &c, error))
    return NULL;
  g_string_append_printf (out,
                          ", \"changes_with_reason\": %u, \"changes_partly_reason\": %u"
                          ", \"changes_without_reason\": %u, \"told_in_writing\": %u"
                          ", \"requests_unanswered\": %u",
                          c.with_reason, c.partly_reason, c.without_reason,
                          c.told_in_writing, c.requests_unanswered);

  g_autoptr(GPtrArray) broken = NULL;
  if (!kit_chain_verify (db, &broken, error))
    return NULL;
  g_string_append_printf (out, ", \"history_intact\": %s",
                          broken != NULL && broken->len > 0 ? "false" : "true");

  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
