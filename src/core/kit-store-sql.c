/* kit-store-sql.c — what KitStore's files share: statements prepared,
 * stepped and finalized, one transaction per edit, and the checks every
 * edit makes of dates and codes. */

#include "kit-store-private.h"

#include <glib/gi18n-lib.h>

#include "kit-date.h"
#include "kit-error.h"

gboolean
kit_store_input_error (GError **error, int code, const char *message)
{
  g_set_error_literal (error, KIT_INPUT_ERROR, code, message);
  return FALSE;
}

gboolean
kit_store_sql_fail (KitStore *self, GError **error)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
               _("The record could not be read or changed: %s"), sqlite3_errmsg (self->db));
  return FALSE;
}

sqlite3_stmt *
kit_store_prepare (KitStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      kit_store_sql_fail (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

gboolean
kit_store_begin (KitStore *self, GError **error)
{
  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE;", NULL, NULL, NULL) != SQLITE_OK)
    return kit_store_sql_fail (self, error);
  return TRUE;
}

gboolean
kit_store_commit (KitStore *self, GError **error)
{
  if (sqlite3_exec (self->db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
    {
      kit_store_sql_fail (self, error);
      kit_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
kit_store_rollback (KitStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
}

const char *
kit_store_column_text (sqlite3_stmt *stmt, int col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return (const char *) sqlite3_column_text (stmt, col);
}

void
kit_store_bind_optional (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
kit_store_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
kit_store_finalize_stmt (sqlite3_stmt **stmt)
{
  g_clear_pointer (stmt, sqlite3_finalize);
}

gint64
kit_store_query_int64 (KitStore *self, const char *sql, gint64 id)
{
  kit_store_auto_stmt *stmt = kit_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

gboolean
kit_store_each_row (KitStore *self, const char *sql, gint64 id, KitStoreRowFunc func,
                    gpointer user_data, GError **error)
{
  kit_store_auto_stmt *stmt = kit_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* A query without ?1 refuses the binding, which is harmless. */
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, user_data);
  if (rc != SQLITE_DONE)
    return kit_store_sql_fail (self, error);
  return TRUE;
}

static gboolean
not_found (GError **error, const char *missing)
{
  return kit_store_input_error (error, KIT_INPUT_ERROR_NOT_FOUND, missing);
}

gboolean
kit_store_step_write (KitStore *self, sqlite3_stmt *stmt, gint64 id, gint64 *out_id,
                      const char *missing, GError **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return kit_store_sql_fail (self, error);
  if (id != 0 && sqlite3_changes (self->db) != 1)
    return not_found (error, missing);
  *out_id = id != 0 ? id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gboolean
kit_store_end (KitStore *self, gboolean ok, GError **error)
{
  if (ok)
    return kit_store_commit (self, error);
  kit_store_rollback (self);
  return FALSE;
}

gboolean
kit_store_run_with_id (KitStore *self, const char *sql, gint64 id, GError **error)
{
  kit_store_auto_stmt *stmt = kit_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_DONE || kit_store_sql_fail (self, error);
}

gboolean
kit_store_edit_one (KitStore *self, const char *sql, gint64 id, const char *missing,
                    GError **error)
{
  gboolean ok;

  if (!kit_store_begin (self, error))
    return FALSE;
  ok = kit_store_run_with_id (self, sql, id, error) &&
       (sqlite3_changes (self->db) == 1 || not_found (error, missing));
  if (!kit_store_end (self, ok, error))
    return FALSE;
  kit_store_emit_changed (self);
  return TRUE;
}

gboolean
kit_store_check_date (const char *iso, gboolean allow_future, int code, GError **error)
{
  g_autofree char *today = NULL;

  if (kit_date_is_unset (iso))
    return TRUE;
  if (!kit_date_parse (iso, NULL))
    {
      g_set_error_literal (error, KIT_INPUT_ERROR, code,
                           _("That date doesn't exist. Please check the day and month."));
      return FALSE;
    }
  today = kit_date_today ();
  if (!allow_future && kit_date_compare (iso, today) > 0)
    {
      g_set_error_literal (error, KIT_INPUT_ERROR, code,
                           _("That date hasn't happened yet. Please check the year."));
      return FALSE;
    }
  return TRUE;
}

gboolean
kit_store_check_code (KitVocabList list, const char *code, GError **error)
{
  if (code != NULL && kit_vocab_has (list, code))
    return TRUE;
  g_set_error_literal (error, KIT_INPUT_ERROR, KIT_INPUT_ERROR_KIND,
                       _("Please choose one of the options in the list."));
  return FALSE;
}
