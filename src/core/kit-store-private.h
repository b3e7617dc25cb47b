/* kit-store-private.h — what the files of KitStore share (kit-store.c,
 * kit-store-changes.c, kit-store-sessions.c). Not for use outside the store. */
#pragma once

#include "kit-store.h"

G_BEGIN_DECLS

struct _KitStore
{
  GObject parent_instance;

  sqlite3 *db;               /* not owned: the vault's */
  GListStore *children;      /* of KitChild, by name; live */
  GListStore *people;        /* of KitPerson, by name; live */
  GHashTable *broken;        /* child ids (gint64 *) whose chain does not verify */
};

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

/* When contact is next due for @arrangement (see kit_arrangement_get_next_due ()),
 * from today @today; NULL when not due (paused, stopped, or not known).
 * Written in kit-store-sessions.c, used when arrangements and children load. */
char *kit_store_next_due_for (KitStore *self, KitArrangement *arrangement, const char *today);

G_END_DECLS
