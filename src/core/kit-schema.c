/* kit-schema.c — the record's tables (DESIGN §2), created by numbered
 * migrations tracked in PRAGMA user_version. Later work appends a migration;
 * it never edits one that has shipped. */

#include "kit-schema.h"

#include <glib/gi18n-lib.h>

#include "kit-error.h"

static const char *const migrations[] = {
  /* 1: the first schema. */
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  role TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
  ");"
  "CREATE TABLE children ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  other_names TEXT NOT NULL DEFAULT '',"
  "  date_of_birth TEXT,"                       /* YYYY-MM-DD or NULL */
  "  lives_with TEXT NOT NULL DEFAULT 'not-known'," /* foster-carers, kinship-carers, … */
  "  legal_order TEXT NOT NULL DEFAULT 'not-known',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
  ");"
  "CREATE TABLE arrangements ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"                       /* letterbox, face-to-face-supervised, … */
  "  freq_count INTEGER,"                       /* N in 'N times per unit' */
  "  freq_unit TEXT NOT NULL DEFAULT 'as-agreed'," /* week, month, year, one-off, as-agreed */
  "  next_due TEXT,"
  "  venue TEXT NOT NULL DEFAULT '',"
  "  supervisor_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  coordinator_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  start_date TEXT,"
  "  status TEXT NOT NULL DEFAULT 'active',"   /* proposed, active, paused, stopped */
  "  last_reviewed TEXT,"
  "  next_review TEXT,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  CHECK (freq_count IS NULL OR freq_count > 0)"
  ");"
  "CREATE INDEX arrangements_child ON arrangements (child_id);"
  /* Changes are append-only: corrections are new rows pointing at the old. */
  "CREATE TABLE changes ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  arrangement_id INTEGER REFERENCES arrangements (id) ON DELETE SET NULL,"
  "  seq INTEGER NOT NULL,"                     /* position in the child's chain */
  "  effective_date TEXT NOT NULL,"
  "  recorded_at TEXT NOT NULL,"
  "  what_changed TEXT NOT NULL DEFAULT '',"
  "  fields_json TEXT NOT NULL DEFAULT '[]',"   /* [{field, before, after}, …] */
  "  decided_by TEXT NOT NULL DEFAULT 'not-known',"
  "  reason_given TEXT NOT NULL DEFAULT 'no',"  /* yes, partly, no */
  "  reason_text TEXT NOT NULL DEFAULT '',"
  "  reason_category TEXT NOT NULL DEFAULT 'not-given',"
  "  told_how TEXT NOT NULL DEFAULT 'not-told',"
  "  told_date TEXT,"
  "  her_view TEXT NOT NULL DEFAULT '',"
  "  corrects_id INTEGER REFERENCES changes (id),"
  "  prev_hash BLOB,"
  "  hash BLOB NOT NULL,"
  "  UNIQUE (child_id, seq)"
  ");"
  "CREATE INDEX changes_arrangement ON changes (arrangement_id);"
  "CREATE TABLE follow_ups ("
  "  id INTEGER PRIMARY KEY,"
  "  change_id INTEGER NOT NULL REFERENCES changes (id) ON DELETE CASCADE,"
  "  requested_date TEXT,"
  "  answered_date TEXT,"
  "  answer TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX follow_ups_change ON follow_ups (change_id);"
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  arrangement_id INTEGER NOT NULL REFERENCES arrangements (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'contact',"     /* contact, letter-sent, letter-received */
  "  status TEXT NOT NULL DEFAULT 'planned',"   /* planned, happened, cancelled, missed */
  "  cancelled_by TEXT NOT NULL DEFAULT '',"
  "  cancel_reason TEXT NOT NULL DEFAULT '',"
  "  reply_expected TEXT,"
  "  notes TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX sessions_arrangement ON sessions (arrangement_id, date);"
  "CREATE TABLE diary_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  date TEXT NOT NULL,"
  "  child_id INTEGER REFERENCES children (id) ON DELETE SET NULL,"
  "  session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  feelings TEXT NOT NULL DEFAULT '',"        /* comma-separated fixed words */
  "  feelings_text TEXT NOT NULL DEFAULT '',"
  "  shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),"
  "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
  ");"
  "CREATE INDEX diary_date ON diary_entries (date);"
  /* The full-text index is kept up to date by the code that writes diary
   * entries, in the same transaction: with trusted_schema=OFF SQLite refuses
   * triggers that write to a virtual table. */
  "CREATE VIRTUAL TABLE diary_fts USING fts5 ("
  "  title, body, feelings_text, content='diary_entries', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2'"
  ");"
  "CREATE TABLE letters ("
  "  id INTEGER PRIMARY KEY,"
  "  template TEXT NOT NULL,"
  "  change_id INTEGER REFERENCES changes (id) ON DELETE SET NULL,"
  "  child_id INTEGER REFERENCES children (id) ON DELETE SET NULL,"
  "  sender_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  recipient_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  final_text TEXT NOT NULL,"
  "  produced_at TEXT NOT NULL"
  ");"
  /* Small settings that belong to the record, not the machine. */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;",
  /* 2: removal that can be undone, dates that matter, sessions by date. */
  "ALTER TABLE children ADD COLUMN removed_at TEXT;"  /* set while a removal can be undone */
  "CREATE TABLE important_dates ("
  "  id INTEGER PRIMARY KEY,"
  "  child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
  "  yearly INTEGER NOT NULL DEFAULT 1 CHECK (yearly IN (0, 1))"
  ");"
  "CREATE INDEX important_dates_child ON important_dates (child_id);"
  "CREATE INDEX sessions_date ON sessions (date);",
  /* 3: the diary's drafts (what the editor holds when it cannot be saved as
   * an entry yet; entry_id 0 for a new entry). No new indexes: the diary's
   * lists walk diary_date, and two more indexes on diary_entries cost 6 ms
   * on every save and 15 ms or more on opening the benchmark record while
   * making no list or search faster. */
  "CREATE TABLE diary_drafts ("
  "  entry_id INTEGER PRIMARY KEY,"
  "  date TEXT,"
  "  child_id INTEGER,"
  "  session_id INTEGER,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  feelings TEXT NOT NULL DEFAULT '',"
  "  feelings_text TEXT NOT NULL DEFAULT '',"
  "  shared INTEGER NOT NULL DEFAULT 0,"
  "  updated_at TEXT NOT NULL"
  ");",
};

static gboolean
set_sqlite_error (sqlite3 *db, GError **error)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
               _("Database error: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (sqlite3 *db, const char *sql, GError **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (db, error);
  return TRUE;
}

static gboolean
query_int (sqlite3 *db, const char *sql, int *out, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (db, error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  else
    set_sqlite_error (db, error);
  sqlite3_finalize (stmt);
  return ok;
}

int
kit_schema_latest_version (void)
{
  return (int) G_N_ELEMENTS (migrations);
}

gboolean
kit_schema_configure (sqlite3 *db, GError **error)
{
  int unused;

  /* Without this, Debian's SQLite spills big sorts and temp tables of an
   * in-memory database to an unlinked file in /var/tmp, in clear. */
  if (!exec (db, "PRAGMA temp_store=MEMORY;", error))
    return FALSE;
  if (sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused) != SQLITE_OK)
    return set_sqlite_error (db, error);
  return exec (db,
               "PRAGMA trusted_schema=OFF;"
               "PRAGMA foreign_keys=ON;"
               "PRAGMA journal_mode=MEMORY;"
               "PRAGMA synchronous=OFF;",
               error);
}

gboolean
kit_schema_migrate (sqlite3 *db, GError **error)
{
  int version = 0;
  int app_id = 0;

  if (!query_int (db, "PRAGMA user_version;", &version, error) ||
      !query_int (db, "PRAGMA application_id;", &app_id, error))
    return FALSE;

  if (version > kit_schema_latest_version ())
    {
      g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_UNSUPPORTED_VERSION,
                   _("This record was made by a newer version of Keep in Touch. "
                   "Please update Keep in Touch to open it."));
      return FALSE;
    }
  if (version > 0 && app_id != KIT_APPLICATION_ID)
    {
      g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_NOT_A_RECORD,
                   _("This file is not a Keep in Touch record."));
      return FALSE;
    }

  for (int v = version; v < kit_schema_latest_version (); v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version=%d;"
                                               "PRAGMA application_id=%d;",
                                               v + 1, KIT_APPLICATION_ID);
      if (!exec (db, "BEGIN IMMEDIATE;", error))
        return FALSE;
      if (!exec (db, migrations[v], error) || !exec (db, bump, error))
        {
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
      if (!exec (db, "COMMIT;", error))
        return FALSE;
    }
  return TRUE;
}
