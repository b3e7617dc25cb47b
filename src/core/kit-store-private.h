/* kit-store-private.h — what the files of KitStore share (kit-store.c,
 * kit-store-changes.c, kit-store-sessions.c). Not for use outside the store. */
#pragma once

#include "kit-store.h"
#include "kit-vocab.h"

G_BEGIN_DECLS

struct _KitStore
{
  GObject parent_instance;

  sqlite3 *db;               /* not owned: the vault's */
  GListStore *children;      /* of KitChild, by name; live */
  GListStore *people;        /* of KitPerson, by name; live */
  GHashTable *broken;        /* child ids (gint64 *) whose chain does not verify */
  GHashTable *verified;      /* child ids (gint64 *) whose chain has been checked */
  gboolean all_verified;     /* every child's chain has been checked */
};

/* Sets KIT_INPUT_ERROR @code with @message (plain words) and returns FALSE. */
gboolean kit_store_input_error (GError **error, int code, const char *message);
/* Sets @error from the database's last message and returns FALSE. */
gboolean kit_store_sql_fail (KitStore *self, GError **error);
/* A prepared statement, or NULL with @error set. */
sqlite3_stmt *kit_store_prepare (KitStore *self, const char *sql, GError **error);
/* One transaction per edit: begin, then commit or roll back. */
gboolean kit_store_begin (KitStore *self, GError **error);
gboolean kit_store_commit (KitStore *self, GError **error);
void kit_store_rollback (KitStore *self);
/* Emit "changed" and refresh the live models (after a commit). */
void kit_store_emit_changed (KitStore *self);
/* Text of column @col, or NULL for SQL NULL. */
const char *kit_store_column_text (sqlite3_stmt *stmt, int col);
/* Bind @text, or NULL when it is NULL or "" (dates and optional text). */
void kit_store_bind_optional (sqlite3_stmt *stmt, int index, const char *text);

/* Bind @text, or "" when it is NULL (the NOT NULL DEFAULT '' columns). */
void kit_store_bind_text (sqlite3_stmt *stmt, int index, const char *text);

/* A statement finalized when it goes out of scope: kit_store_auto_stmt *s = …; */
void kit_store_finalize_stmt (sqlite3_stmt **stmt);
#define kit_store_auto_stmt __attribute__ ((cleanup (kit_store_finalize_stmt))) sqlite3_stmt

/* The first column of the first row of @sql with @id bound as ?1, as an
 * integer; 0 when there is no row (or the query fails). */
gint64 kit_store_query_int64 (KitStore *self, const char *sql, gint64 id);
/* Call @func for each row of @sql with @id bound as ?1. */
typedef void (*KitStoreRowFunc) (sqlite3_stmt *stmt, gpointer user_data);
gboolean kit_store_each_row (KitStore *self, const char *sql, gint64 id, KitStoreRowFunc func,
                             gpointer user_data, GError **error);
/* Step an INSERT (@id 0) or an UPDATE of row @id to its end; *out_id gets
 * the row's id. KIT_INPUT_ERROR_NOT_FOUND with @missing when the UPDATE
 * touched no row. The caller finalizes @stmt. */
gboolean kit_store_step_write (KitStore *self, sqlite3_stmt *stmt, gint64 id, gint64 *out_id,
                               const char *missing, GError **error);
/* End the edit begun with kit_store_begin (): commit when @ok, else roll back. */
gboolean kit_store_end (KitStore *self, gboolean ok, GError **error);
/* Run @sql with @id bound as ?1, inside the caller's transaction. */
gboolean kit_store_run_with_id (KitStore *self, const char *sql, gint64 id, GError **error);
/* A whole edit: @sql with @id bound as ?1 must change exactly one row
 * (else KIT_INPUT_ERROR_NOT_FOUND with @missing); in its own transaction,
 * then "changed". */
gboolean kit_store_edit_one (KitStore *self, const char *sql, gint64 id, const char *missing,
                             GError **error);

/* When contact is next due for @arrangement (see kit_arrangement_get_next_due ()),
 * from today @today; NULL when not due (paused, stopped, or not known).
 * Written in kit-store-sessions.c, used when arrangements and children load. */
char *kit_store_next_due_for (KitStore *self, KitArrangement *arrangement, const char *today);

/* Helpers of kit-store.c and kit-store-changes.c (added by core-store). */
/* Whether the child exists and is not removed; whether the person exists. */
gboolean kit_store_child_exists (KitStore *self, gint64 child_id);
gboolean kit_store_person_exists (KitStore *self, gint64 person_id);
/* Validation shared by the edits: @iso unset, or a real date (and not after
 * today unless @allow_future), else KIT_INPUT_ERROR @code with plain words;
 * @code a known code of @list, else KIT_INPUT_ERROR_KIND. */
gboolean kit_store_check_date (const char *iso, gboolean allow_future, int code, GError **error);
gboolean kit_store_check_code (KitVocabList list, const char *code, GError **error);
/* The columns kit_store_arrangement_from_row () reads, from "arrangements a"
 * with "LEFT JOIN people s" (supervisor) and "LEFT JOIN people c" (coordinator). */
#define KIT_STORE_ARRANGEMENT_COLUMNS \
  "a.id, a.child_id, a.kind, a.freq_count, a.freq_unit, a.next_due, a.venue, " \
  "a.supervisor_id, a.coordinator_id, a.start_date, a.status, a.last_reviewed, " \
  "a.next_review, a.notes, coalesce(s.name, ''), coalesce(c.name, '')"
#define KIT_STORE_ARRANGEMENT_PEOPLE \
  "LEFT JOIN people s ON s.id = a.supervisor_id LEFT JOIN people c ON c.id = a.coordinator_id "
KitArrangement *kit_store_arrangement_from_row (sqlite3_stmt *stmt);
/* Arrangements (KitArrangement) of @child_id (0: of every child not removed),
 * or the one with @arrangement_id (when not 0), with the people's names and
 * the next due date filled in; active first, then by kind. */
GPtrArray *kit_store_query_arrangements (KitStore *self, gint64 child_id, gint64 arrangement_id,
                                         GError **error);
/* Check @child_id's hash chain (0: every child's) into self->broken.
 * Chains are checked when first asked about (kit_store_child_history_intact,
 * kit_store_get_broken_histories), so that opening a big record does not wait
 * for children nobody has looked at yet; after a change, again. */
gboolean kit_store_verify_chains (KitStore *self, gint64 child_id, GError **error);

G_END_DECLS
