/* kit-stats.c — the counts shown at a glance and printed by `stats`. */

#include "kit-stats.h"

#include <glib/gi18n-lib.h>

#include "kit-error.h"

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
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}
