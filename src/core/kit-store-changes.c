/* kit-store-changes.c — a child's arrangements, the history of changes to
 * them (each child's entries a hash chain with its anchor, kit-chain.c) and
 * the follow-ups of each change. Entries are appended, never edited: a
 * mistake is put right by a correcting entry (DESIGN §2). */

#include "kit-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kit-chain.h"
#include "kit-date.h"
#include "kit-error.h"
#include "kit-vocab.h"

/* --- Arrangements ------------------------------------------------------------ */

KitArrangement *
kit_store_arrangement_from_row (sqlite3_stmt *stmt)
{
  KitArrangement *a = kit_arrangement_new (sqlite3_column_int64 (stmt, 1));

  kit_arrangement_set_id (a, sqlite3_column_int64 (stmt, 0));
  kit_arrangement_set_kind (a, kit_store_column_text (stmt, 2));
  kit_arrangement_set_freq_count (a, sqlite3_column_int (stmt, 3));
  kit_arrangement_set_freq_unit (a, kit_store_column_text (stmt, 4));
  kit_arrangement_set_agreed_next (a, kit_store_column_text (stmt, 5));
  kit_arrangement_set_venue (a, kit_store_column_text (stmt, 6));
  kit_arrangement_set_supervisor_id (a, sqlite3_column_int64 (stmt, 7));
  kit_arrangement_set_coordinator_id (a, sqlite3_column_int64 (stmt, 8));
  kit_arrangement_set_start_date (a, kit_store_column_text (stmt, 9));
  kit_arrangement_set_status (a, kit_store_column_text (stmt, 10));
  kit_arrangement_set_last_reviewed (a, kit_store_column_text (stmt, 11));
  kit_arrangement_set_next_review (a, kit_store_column_text (stmt, 12));
  kit_arrangement_set_notes (a, kit_store_column_text (stmt, 13));
  kit_arrangement_set_supervisor_name (a, kit_store_column_text (stmt, 14));
  kit_arrangement_set_coordinator_name (a, kit_store_column_text (stmt, 15));
  return a;
}

static int
compare_arrangements (gconstpointer pa, gconstpointer pb)
{
  KitArrangement *a = *(KitArrangement **) pa, *b = *(KitArrangement **) pb;
  gboolean a_active = g_strcmp0 (kit_arrangement_get_status (a), "active") == 0;
  gboolean b_active = g_strcmp0 (kit_arrangement_get_status (b), "active") == 0;
  guint a_kind = kit_vocab_index (KIT_VOCAB_KIND, kit_arrangement_get_kind (a));
  guint b_kind = kit_vocab_index (KIT_VOCAB_KIND, kit_arrangement_get_kind (b));

  if (a_active != b_active)
    return a_active ? -1 : 1;
  if (a_kind != b_kind)
    return a_kind < b_kind ? -1 : 1;
  return (kit_arrangement_get_id (a) > kit_arrangement_get_id (b)) -
         (kit_arrangement_get_id (a) < kit_arrangement_get_id (b));
}

GPtrArray *
kit_store_query_arrangements (KitStore *self, gint64 child_id, gint64 arrangement_id,
                              GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = kit_date_today ();
  kit_store_auto_stmt *stmt = NULL;
  int rc;

  stmt = kit_store_prepare (self,
                            "SELECT " KIT_STORE_ARRANGEMENT_COLUMNS " FROM arrangements a "
                            "JOIN children ch ON ch.id = a.child_id AND ch.removed_at IS NULL "
                            KIT_STORE_ARRANGEMENT_PEOPLE
                            "WHERE (?1 = 0 OR a.child_id = ?1) AND (?2 = 0 OR a.id = ?2)",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, arrangement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, kit_store_arrangement_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      kit_store_sql_fail (self, error);
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    {
      KitArrangement *a = g_ptr_array_index (list, i);
      g_autofree char *due = kit_store_next_due_for (self, a, today);
      kit_arrangement_set_next_due (a, due);
    }
  g_ptr_array_sort (list, compare_arrangements);
  return g_steal_pointer (&list);
}

/* A fresh snapshot model of @items; empty, with a warning, when they could
 * not be read (@items NULL). */
static GListModel *
snapshot (GType type, GPtrArray *items, const GError *error)
{
  GListStore *model = g_list_store_new (type);

  if (items != NULL)
    g_list_store_splice (model, 0, 0, items->pdata, items->len);
  else if (error != NULL)
    g_warning ("%s could not be read: %s", g_type_name (type), error->message);
  return G_LIST_MODEL (model);
}

/* The first of @items (a new reference), or NULL. */
static gpointer
first_item (GType type, GPtrArray *items, const GError *error)
{
  if (items == NULL && error != NULL)
    g_warning ("%s could not be read: %s", g_type_name (type), error->message);
  return items != NULL && items->len > 0 ? g_object_ref (g_ptr_array_index (items, 0)) : NULL;
}

GListModel *
kit_store_list_arrangements (KitStore *self, gint64 child_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  if (child_id != 0)
    list = kit_store_query_arrangements (self, child_id, 0, &error);
  return snapshot (KIT_TYPE_ARRANGEMENT, list, error);
}

KitArrangement *
kit_store_find_arrangement (KitStore *self, gint64 arrangement_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  if (arrangement_id != 0)
    list = kit_store_query_arrangements (self, 0, arrangement_id, &error);
  return first_item (KIT_TYPE_ARRANGEMENT, list, error);
}

#define ARRANGEMENT_GONE N_("This arrangement is no longer in the record.")
#define FOLLOW_UP_GONE N_("This follow-up is no longer in the record.")

static gboolean
not_found (GError **error, const char *message)
{
  return kit_store_input_error (error, KIT_INPUT_ERROR_NOT_FOUND, message);
}

static gboolean
check_person (KitStore *self, gint64 person_id, GError **error)
{
  if (person_id == 0 || kit_store_person_exists (self, person_id))
    return TRUE;
  return not_found (error, _("That person is no longer in the address book. "
                             "Please choose someone else."));
}

/* What every arrangement must be, new or changed. */
static gboolean
validate_arrangement (KitStore *self, KitArrangement *a, GError **error)
{
  const char *unit = kit_arrangement_get_freq_unit (a);
  int count = kit_arrangement_get_freq_count (a);
  gboolean counted = g_strcmp0 (unit, "week") == 0 || g_strcmp0 (unit, "month") == 0 ||
                     g_strcmp0 (unit, "year") == 0;
  int most = g_strcmp0 (unit, "week") == 0 ? 7 : g_strcmp0 (unit, "month") == 0 ? 31 : 366;

  if (!kit_store_check_code (KIT_VOCAB_KIND, kit_arrangement_get_kind (a), error) ||
      !kit_store_check_code (KIT_VOCAB_FREQ_UNIT, unit, error) ||
      !kit_store_check_code (KIT_VOCAB_STATUS, kit_arrangement_get_status (a), error))
    return FALSE;
  if (counted && count < 1)
    {
      g_set_error_literal (error, KIT_INPUT_ERROR, KIT_INPUT_ERROR_FREQUENCY,
                           _("How often must be at least once."));
      return FALSE;
    }
  if (counted && count > most)
    {
      g_set_error_literal (error, KIT_INPUT_ERROR, KIT_INPUT_ERROR_FREQUENCY,
                           _("That is more than once a day. Please check the number."));
      return FALSE;
    }
  if (!kit_store_check_date (kit_arrangement_get_start_date (a), TRUE,
                             KIT_INPUT_ERROR_START_DATE, error) ||
      !kit_store_check_date (kit_arrangement_get_agreed_next (a), TRUE,
                             KIT_INPUT_ERROR_DATE, error) ||
      !kit_store_check_date (kit_arrangement_get_last_reviewed (a), FALSE,
                             KIT_INPUT_ERROR_DATE, error) ||
      !kit_store_check_date (kit_arrangement_get_next_review (a), TRUE,
                             KIT_INPUT_ERROR_DATE, error))
    return FALSE;
  return check_person (self, kit_arrangement_get_supervisor_id (a), error) &&
         check_person (self, kit_arrangement_get_coordinator_id (a), error);
}

/* Bind the id of a row, or NULL for 0 (none). */
static void
bind_id (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

/* Insert (@a's id 0) or update every column of @a; *out_id gets its id. */
static gboolean
write_arrangement (KitStore *self, KitArrangement *a, gint64 *out_id, GError **error)
{
  gint64 id = kit_arrangement_get_id (a);
  const char *unit = kit_arrangement_get_freq_unit (a);
  gboolean counted = g_strcmp0 (unit, "week") == 0 || g_strcmp0 (unit, "month") == 0 ||
                     g_strcmp0 (unit, "year") == 0;
  kit_store_auto_stmt *stmt = NULL;

  stmt = kit_store_prepare (self, id == 0
                            ? "INSERT INTO arrangements (kind, freq_count, freq_unit, next_due, "
                              "venue, supervisor_id, coordinator_id, start_date, status, "
                              "last_reviewed, next_review, notes, child_id) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                            : "UPDATE arrangements SET kind = ?1, freq_count = ?2, freq_unit = ?3, "
                              "next_due = ?4, venue = ?5, supervisor_id = ?6, coordinator_id = ?7, "
                              "start_date = ?8, status = ?9, last_reviewed = ?10, "
                              "next_review = ?11, notes = ?12 WHERE child_id = ?13 AND id = ?14",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kit_arrangement_get_kind (a), -1, SQLITE_TRANSIENT);
  if (counted)
    sqlite3_bind_int (stmt, 2, kit_arrangement_get_freq_count (a));
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, unit, -1, SQLITE_TRANSIENT);
  kit_store_bind_optional (stmt, 4, kit_arrangement_get_agreed_next (a));
  kit_store_bind_text (stmt, 5, kit_arrangement_get_venue (a));
  bind_id (stmt, 6, kit_arrangement_get_supervisor_id (a));
  bind_id (stmt, 7, kit_arrangement_get_coordinator_id (a));
  kit_store_bind_optional (stmt, 8, kit_arrangement_get_start_date (a));
  sqlite3_bind_text (stmt, 9, kit_arrangement_get_status (a), -1, SQLITE_TRANSIENT);
  kit_store_bind_optional (stmt, 10, kit_arrangement_get_last_reviewed (a));
  kit_store_bind_optional (stmt, 11, kit_arrangement_get_next_review (a));
  kit_store_bind_text (stmt, 12, kit_arrangement_get_notes (a));
  sqlite3_bind_int64 (stmt, 13, kit_arrangement_get_child_id (a));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 14, id);
  return kit_store_step_write (self, stmt, id, out_id, _(ARRANGEMENT_GONE), error);
}

/* The arrangement as stored, or NULL with KIT_INPUT_ERROR_NOT_FOUND. */
static KitArrangement *
load_arrangement (KitStore *self, gint64 arrangement_id, gint64 child_id, GError **error)
{
  g_autoptr (KitArrangement) a = kit_store_find_arrangement (self, arrangement_id);

  if (a == NULL || kit_arrangement_get_child_id (a) != child_id)
    {
      not_found (error, _(ARRANGEMENT_GONE));
      return NULL;
    }
  return g_steal_pointer (&a);
}

gboolean
kit_store_save_arrangement_details (KitStore *self, KitArrangement *arrangement, GError **error)
{
  g_autoptr (KitArrangement) stored = NULL;
  g_autoptr (KitArrangement) next = NULL;
  gint64 id;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (arrangement), FALSE);

  stored = load_arrangement (self, kit_arrangement_get_id (arrangement),
                             kit_arrangement_get_child_id (arrangement), error);
  if (stored == NULL)
    return FALSE;
  /* Only the details: contact itself changes through a recorded change. */
  next = kit_arrangement_copy (stored);
  kit_arrangement_set_notes (next, kit_arrangement_get_notes (arrangement));
  kit_arrangement_set_supervisor_id (next, kit_arrangement_get_supervisor_id (arrangement));
  kit_arrangement_set_coordinator_id (next, kit_arrangement_get_coordinator_id (arrangement));
  kit_arrangement_set_last_reviewed (next, kit_arrangement_get_last_reviewed (arrangement));
  kit_arrangement_set_next_review (next, kit_arrangement_get_next_review (arrangement));
  kit_arrangement_set_agreed_next (next, kit_arrangement_get_agreed_next (arrangement));
  if (!validate_arrangement (self, next, error))
    return FALSE;

  if (!kit_store_begin (self, error) ||
      !kit_store_end (self, write_arrangement (self, next, &id, error), error))
    return FALSE;
  kit_store_emit_changed (self);
  return TRUE;
}

/* --- Working out what changed ---------------------------------------------- */

static char *
person_name (KitStore *self, gint64 person_id)
{
  g_autoptr (KitPerson) person = NULL;

  if (person_id == 0)
    return g_strdup ("");
  person = kit_store_find_person (self, person_id);
  return g_strdup (person != NULL ? kit_person_get_name (person) : "");
}

/* The plain words for @field of @a ("" for a missing arrangement). */
static char *
field_words (KitStore *self, KitArrangement *a, const char *field)
{
  if (a == NULL)
    return g_strdup ("");
  if (strcmp (field, "kind") == 0)
    return g_strdup (kit_vocab_label (KIT_VOCAB_KIND, kit_arrangement_get_kind (a)));
  if (strcmp (field, "frequency") == 0)
    return kit_describe_frequency (kit_arrangement_get_freq_count (a),
                                   kit_arrangement_get_freq_unit (a));
  if (strcmp (field, "venue") == 0)
    return g_strdup (kit_arrangement_get_venue (a) ? kit_arrangement_get_venue (a) : "");
  if (strcmp (field, "supervisor") == 0)
    return person_name (self, kit_arrangement_get_supervisor_id (a));
  if (strcmp (field, "coordinator") == 0)
    return person_name (self, kit_arrangement_get_coordinator_id (a));
  if (strcmp (field, "status") == 0)
    return g_strdup (kit_vocab_label (KIT_VOCAB_STATUS, kit_arrangement_get_status (a)));
  if (strcmp (field, "start-date") == 0)
    return kit_date_format (kit_arrangement_get_start_date (a));
  g_return_val_if_reached (g_strdup (""));
}

/* The fields that differ between @before (NULL: a new arrangement) and
 * @after, in the order the timeline shows them. */
static GPtrArray *
fields_between (KitStore *self, KitArrangement *before, KitArrangement *after)
{
  static const char *const names[] = {
    "kind", "frequency", "venue", "supervisor", "coordinator", "status", "start-date",
  };
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) kit_field_change_free);

  if (after == NULL)
    return fields;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *was = field_words (self, before, names[i]);
      g_autofree char *now = field_words (self, after, names[i]);
      KitFieldChange *fc;

      if (strcmp (was, now) == 0)
        continue;
      fc = g_new0 (KitFieldChange, 1);
      fc->field = g_strdup (names[i]);
      fc->before = g_steal_pointer (&was);
      fc->after = g_steal_pointer (&now);
      g_ptr_array_add (fields, fc);
    }
  return fields;
}

/* --- Recording a change -------------------------------------------------- */

/* The hash of the child's last entry and its seq (0 and no hash when none). */
static gboolean
chain_tail (KitStore *self, gint64 child_id, gint64 *seq, guint8 *hash, GError **error)
{
  kit_store_auto_stmt *stmt = NULL;
  int rc;

  stmt = kit_store_prepare (self, "SELECT seq, hash FROM changes WHERE child_id = ? "
                                  "ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_id);
  *seq = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *seq = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_bytes (stmt, 1) == KIT_CHAIN_HASH_BYTES)
        memcpy (hash, sqlite3_column_blob (stmt, 1), KIT_CHAIN_HASH_BYTES);
      else
        memset (hash, 0, KIT_CHAIN_HASH_BYTES);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return kit_store_sql_fail (self, error);
  return TRUE;
}

static char *
now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
hex_of (const guint8 *hash)
{
  GString *hex = g_string_sized_new (KIT_CHAIN_HASH_BYTES * 2);

  for (int i = 0; i < KIT_CHAIN_HASH_BYTES; i++)
    g_string_append_printf (hex, "%02x", hash[i]);
  return g_string_free (hex, FALSE);
}

/* The fields as JSON, built by SQLite: json_array(json_object(…), …). */
static char *
fields_sql (GPtrArray *fields)
{
  GString *sql = g_string_new ("json_array(");

  for (guint i = 0; i < fields->len; i++)
    g_string_append_printf (sql, "%sjson_object('field', ?, 'before', ?, 'after', ?)",
                            i > 0 ? ", " : "");
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

typedef struct {
  gint64 id;
  gint64 seq;
  char *recorded_at;
  char *hash_hex;
} Appended;

static void
appended_clear (Appended *a)
{
  g_free (a->recorded_at);
  g_free (a->hash_hex);
}

/* Insert the entry as the child's @seq-th, after @prev (NULL: the first),
 * with its hash still zero. */
static gboolean
insert_change (KitStore *self, KitChange *change, gint64 arrangement_id, GPtrArray *fields,
               gint64 seq, const guint8 *prev, const char *recorded_at, gint64 *out_id,
               GError **error)
{
  g_autofree char *json = fields_sql (fields);
  g_autofree char *sql = NULL;
  kit_store_auto_stmt *stmt = NULL;
  int col = 1;

  /* Only placeholders are put into the SQL text; every value is bound. */
  sql = g_strdup_printf ("INSERT INTO changes (child_id, arrangement_id, seq, effective_date, "
                         "recorded_at, what_changed, decided_by, reason_given, reason_text, "
                         "reason_category, told_how, told_date, her_view, corrects_id, prev_hash, "
                         "hash, fields_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                         "zeroblob(32), %s)", json);
  stmt = kit_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, col++, kit_change_get_child_id (change));
  bind_id (stmt, col++, arrangement_id);
  sqlite3_bind_int64 (stmt, col++, seq);
  kit_store_bind_text (stmt, col++, kit_change_get_effective_date (change));
  kit_store_bind_text (stmt, col++, recorded_at);
  kit_store_bind_text (stmt, col++, kit_change_get_what_changed (change));
  kit_store_bind_text (stmt, col++, kit_change_get_decided_by (change));
  kit_store_bind_text (stmt, col++, kit_change_get_reason_given (change));
  kit_store_bind_text (stmt, col++, kit_change_get_reason_text (change));
  kit_store_bind_text (stmt, col++, kit_change_get_reason_category (change));
  kit_store_bind_text (stmt, col++, kit_change_get_told_how (change));
  kit_store_bind_optional (stmt, col++, kit_change_get_told_date (change));
  kit_store_bind_text (stmt, col++, kit_change_get_her_view (change));
  bind_id (stmt, col++, kit_change_get_corrects_id (change));
  if (prev != NULL)
    sqlite3_bind_blob (stmt, col++, prev, KIT_CHAIN_HASH_BYTES, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col++);
  for (guint i = 0; i < fields->len; i++)
    {
      KitFieldChange *fc = g_ptr_array_index (fields, i);
      kit_store_bind_text (stmt, col++, fc->field);
      kit_store_bind_text (stmt, col++, fc->before);
      kit_store_bind_text (stmt, col++, fc->after);
    }
  return kit_store_step_write (self, stmt, 0, out_id, NULL, error);
}

static gboolean
store_hash (KitStore *self, gint64 change_id, const guint8 *hash, GError **error)
{
  kit_store_auto_stmt *stmt = kit_store_prepare (self, "UPDATE changes SET hash = ?2 "
                                                       "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change_id);
  sqlite3_bind_blob (stmt, 2, hash, KIT_CHAIN_HASH_BYTES, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_DONE || kit_store_sql_fail (self, error);
}

/* Insert the entry at the end of its child's chain, hash it and move the
 * anchor. Inside the caller's transaction. */
static gboolean
append_change (KitStore *self, KitChange *change, gint64 arrangement_id, GPtrArray *fields,
               Appended *out, GError **error)
{
  gint64 child_id = kit_change_get_child_id (change);
  guint8 prev[KIT_CHAIN_HASH_BYTES], hash[KIT_CHAIN_HASH_BYTES];
  const guint8 *after = NULL;
  gint64 last_seq;

  if (!chain_tail (self, child_id, &last_seq, prev, error))
    return FALSE;
  if (last_seq > 0)
    after = prev;
  out->seq = last_seq + 1;
  out->recorded_at = now_utc ();
  if (!insert_change (self, change, arrangement_id, fields, out->seq, after, out->recorded_at,
                      &out->id, error) ||
      !kit_chain_hash_change (self->db, out->id, after, hash, error) ||
      !store_hash (self, out->id, hash, error))
    return FALSE;
  out->hash_hex = hex_of (hash);
  return kit_chain_write_anchor (self->db, child_id, out->seq, hash, error);
}

/* The child of change @change_id, or 0 when there is no such entry. */
static gint64
child_of_change (KitStore *self, gint64 change_id)
{
  return kit_store_query_int64 (self, "SELECT child_id FROM changes WHERE id = ?1", change_id);
}

static gboolean
validate_change (KitStore *self, KitChange *change, KitArrangement *before,
                 KitArrangement *after, GError **error)
{
  const char *effective = kit_change_get_effective_date (change);
  const char *began = before != NULL ? kit_arrangement_get_start_date (before)
                    : after != NULL ? kit_arrangement_get_start_date (after) : NULL;
  gint64 corrects = kit_change_get_corrects_id (change);

  if (kit_date_is_unset (effective))
    {
      g_set_error_literal (error, KIT_INPUT_ERROR, KIT_INPUT_ERROR_EFFECTIVE_DATE,
                           _("Please write the date this takes effect."));
      return FALSE;
    }
  if (!kit_store_check_date (effective, TRUE, KIT_INPUT_ERROR_EFFECTIVE_DATE, error))
    return FALSE;
  if (!kit_date_is_unset (began) && kit_date_compare (effective, began) < 0)
    {
      g_autofree char *words = kit_date_format (began);
      g_set_error (error, KIT_INPUT_ERROR, KIT_INPUT_ERROR_EFFECTIVE_DATE,
                   _("This change can't take effect before the arrangement began on %s."), words);
      return FALSE;
    }
  if (!kit_store_check_code (KIT_VOCAB_WHAT_CHANGED, kit_change_get_what_changed (change), error) ||
      !kit_store_check_code (KIT_VOCAB_DECIDED_BY, kit_change_get_decided_by (change), error) ||
      !kit_store_check_code (KIT_VOCAB_REASON_GIVEN, kit_change_get_reason_given (change), error) ||
      !kit_store_check_code (KIT_VOCAB_REASON_CATEGORY, kit_change_get_reason_category (change), error) ||
      !kit_store_check_code (KIT_VOCAB_TOLD_HOW, kit_change_get_told_how (change), error) ||
      !kit_store_check_date (kit_change_get_told_date (change), FALSE,
                             KIT_INPUT_ERROR_TOLD_DATE, error))
    return FALSE;
  if (corrects != 0 && child_of_change (self, corrects) != kit_change_get_child_id (change))
    return not_found (error, _("The entry being corrected is not in this child's history."));
  return after == NULL || validate_arrangement (self, after, error);
}

/* The arrangement as it is from now on: @after, or when the dialog gave none
 * and the change is a pause, stop or restart, the current one; with the
 * status the change implies unless the dialog set one. */
static KitArrangement *
arrangement_from_now (KitChange *change, KitArrangement *before, KitArrangement *after)
{
  const char *what = kit_change_get_what_changed (change);
  const char *status = g_strcmp0 (what, "paused") == 0 ? "paused"
                     : g_strcmp0 (what, "stopped") == 0 ? "stopped"
                     : g_strcmp0 (what, "restarted") == 0 ? "active" : NULL;
  KitArrangement *next;

  if (after != NULL)
    next = kit_arrangement_copy (after);
  else if (before != NULL && status != NULL)
    next = kit_arrangement_copy (before);
  else
    return NULL;
  if (status != NULL && before != NULL &&
      g_strcmp0 (kit_arrangement_get_status (next), kit_arrangement_get_status (before)) == 0)
    kit_arrangement_set_status (next, status);
  if (before == NULL && kit_date_is_unset (kit_arrangement_get_start_date (next)))
    kit_arrangement_set_start_date (next, kit_change_get_effective_date (change));
  return next;
}

static gboolean
says_something (KitChange *change, GPtrArray *fields)
{
  const char *reason = kit_change_get_reason_text (change);
  const char *view = kit_change_get_her_view (change);

  return fields->len > 0 || kit_change_get_corrects_id (change) != 0 ||
         (reason != NULL && *reason != '\0') || (view != NULL && *view != '\0');
}

gboolean
kit_store_record_change (KitStore *self, KitChange *change, KitArrangement *after,
                         GError **error)
{
  gint64 child_id, arrangement_id;
  g_autoptr (KitArrangement) before = NULL;
  g_autoptr (KitArrangement) next = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  Appended appended = { 0 };
  gboolean ok;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_CHANGE (change), FALSE);
  g_return_val_if_fail (after == NULL || KIT_IS_ARRANGEMENT (after), FALSE);

  child_id = kit_change_get_child_id (change);
  if (!kit_store_child_exists (self, child_id))
    return not_found (error, _("This child is no longer in the record."));
  arrangement_id = after != NULL ? kit_arrangement_get_id (after)
                                 : kit_change_get_arrangement_id (change);
  if (after != NULL && arrangement_id == 0)
    kit_arrangement_set_child_id (after, child_id);
  if (after != NULL && kit_arrangement_get_child_id (after) != child_id)
    return not_found (error, _("This arrangement is no longer in the record."));
  if (arrangement_id != 0)
    {
      before = load_arrangement (self, arrangement_id, child_id, error);
      if (before == NULL)
        return FALSE;
    }

  next = arrangement_from_now (change, before, after);
  if (!validate_change (self, change, before, next, error))
    return FALSE;
  fields = fields_between (self, before, next);
  if (!says_something (change, fields))
    {
      g_set_error_literal (error, KIT_INPUT_ERROR, KIT_INPUT_ERROR_NOTHING_CHANGED,
                           _("Nothing has changed yet. Please say what changed, or why."));
      return FALSE;
    }

  if (!kit_store_begin (self, error))
    return FALSE;
  ok = (next == NULL || write_arrangement (self, next, &arrangement_id, error)) &&
       append_change (self, change, arrangement_id, fields, &appended, error);
  if (!kit_store_end (self, ok, error))
    {
      appended_clear (&appended);
      return FALSE;
    }

  if (after != NULL)
    {
      kit_arrangement_set_id (after, arrangement_id);
      kit_arrangement_set_status (after, kit_arrangement_get_status (next));
      kit_arrangement_set_start_date (after, kit_arrangement_get_start_date (next));
    }
  kit_change_set_id (change, appended.id);
  kit_change_set_arrangement_id (change, arrangement_id);
  kit_change_set_seq (change, appended.seq);
  kit_change_set_recorded_at (change, appended.recorded_at);
  kit_change_set_hash_hex (change, appended.hash_hex);
  kit_change_take_fields (change, g_steal_pointer (&fields));
  if (next != NULL || before != NULL)
    kit_change_set_arrangement_title (change, kit_arrangement_get_title (next != NULL ? next : before));
  appended_clear (&appended);

  {
    g_autoptr (GError) verify_error = NULL;
    if (!kit_store_verify_chains (self, child_id, &verify_error))
      g_warning ("The history could not be checked: %s", verify_error->message);
  }
  kit_store_emit_changed (self);
  return TRUE;
}

/* --- Reading the history ----------------------------------------------------- */

#define CHANGE_COLUMNS \
  "c.id, c.child_id, c.arrangement_id, c.seq, c.effective_date, c.recorded_at, " \
  "c.what_changed, c.decided_by, c.reason_given, c.reason_text, c.reason_category, " \
  "c.told_how, c.told_date, c.her_view, c.corrects_id, lower(hex(c.hash)), a.kind"

static KitChange *
change_from_row (sqlite3_stmt *stmt)
{
  KitChange *c = kit_change_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2));
  const char *kind = kit_store_column_text (stmt, 16);

  kit_change_set_id (c, sqlite3_column_int64 (stmt, 0));
  kit_change_set_seq (c, sqlite3_column_int64 (stmt, 3));
  kit_change_set_effective_date (c, kit_store_column_text (stmt, 4));
  kit_change_set_recorded_at (c, kit_store_column_text (stmt, 5));
  kit_change_set_what_changed (c, kit_store_column_text (stmt, 6));
  kit_change_set_decided_by (c, kit_store_column_text (stmt, 7));
  kit_change_set_reason_given (c, kit_store_column_text (stmt, 8));
  kit_change_set_reason_text (c, kit_store_column_text (stmt, 9));
  kit_change_set_reason_category (c, kit_store_column_text (stmt, 10));
  kit_change_set_told_how (c, kit_store_column_text (stmt, 11));
  kit_change_set_told_date (c, kit_store_column_text (stmt, 12));
  kit_change_set_her_view (c, kit_store_column_text (stmt, 13));
  kit_change_set_corrects_id (c, sqlite3_column_int64 (stmt, 14));
  kit_change_set_hash_hex (c, kit_store_column_text (stmt, 15));
  kit_change_set_arrangement_title (c, kind != NULL ? kit_vocab_label (KIT_VOCAB_KIND, kind) : "");
  return c;
}

/* What belongs to the changes being filled in, gathered row by row. */
typedef struct {
  GHashTable *by_id;        /* change id (gint64 *) -> KitChange */
  GHashTable *fields;       /* KitChange -> GPtrArray of KitFieldChange */
  GHashTable *follow_ups;   /* KitChange -> GPtrArray of KitFollowUp */
} Filling;

static void
filling_init (Filling *filling, GPtrArray *changes)
{
  filling->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  filling->fields = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  filling->follow_ups = g_hash_table_new_full (NULL, NULL, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < changes->len; i++)
    {
      KitChange *c = g_ptr_array_index (changes, i);
      g_hash_table_insert (filling->by_id,
                           g_memdup2 (&(gint64) { kit_change_get_id (c) }, sizeof (gint64)), c);
    }
}

static void
filling_clear (Filling *filling)
{
  g_hash_table_unref (filling->by_id);
  g_hash_table_unref (filling->fields);
  g_hash_table_unref (filling->follow_ups);
}

/* Append @item to the list @groups keeps for the change in column @col, if
 * that change is being filled in (else free it). */
static void
add_to_change (Filling *filling, GHashTable *groups, sqlite3_stmt *stmt, int col,
               gpointer item, GDestroyNotify free_item)
{
  gint64 id = sqlite3_column_int64 (stmt, col);
  KitChange *c = g_hash_table_lookup (filling->by_id, &id);
  GPtrArray *list;

  if (c == NULL)
    {
      free_item (item);
      return;
    }
  list = g_hash_table_lookup (groups, c);
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (free_item);
      g_hash_table_insert (groups, c, list);
    }
  g_ptr_array_add (list, item);
}

static char *
column_or_empty (sqlite3_stmt *stmt, int col)
{
  const char *text = kit_store_column_text (stmt, col);
  return g_strdup (text != NULL ? text : "");
}

static void
add_field_row (sqlite3_stmt *stmt, gpointer user_data)
{
  Filling *filling = user_data;
  KitFieldChange *fc = g_new0 (KitFieldChange, 1);

  fc->field = column_or_empty (stmt, 1);
  fc->before = column_or_empty (stmt, 2);
  fc->after = column_or_empty (stmt, 3);
  add_to_change (filling, filling->fields, stmt, 0, fc, (GDestroyNotify) kit_field_change_free);
}

static void
add_follow_up_row (sqlite3_stmt *stmt, gpointer user_data)
{
  Filling *filling = user_data;
  KitFollowUp *f = kit_follow_up_new (sqlite3_column_int64 (stmt, 1));

  kit_follow_up_set_id (f, sqlite3_column_int64 (stmt, 0));
  kit_follow_up_set_requested_date (f, kit_store_column_text (stmt, 2));
  kit_follow_up_set_answered_date (f, kit_store_column_text (stmt, 3));
  kit_follow_up_set_answer (f, kit_store_column_text (stmt, 4));
  add_to_change (filling, filling->follow_ups, stmt, 1, f, g_object_unref);
}

/* Corrected by: rows come by seq, so the newest entry pointing here wins. */
static void
add_corrected_by_row (sqlite3_stmt *stmt, gpointer user_data)
{
  Filling *filling = user_data;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  KitChange *c = g_hash_table_lookup (filling->by_id, &id);

  if (c != NULL)
    kit_change_set_corrected_by_id (c, sqlite3_column_int64 (stmt, 1));
}

/* Fields, follow-ups and corrected-by of @changes, all of child @child_id,
 * in three queries whatever their number. */
static gboolean
fill_in_changes (KitStore *self, gint64 child_id, GPtrArray *changes, GError **error)
{
  Filling filling;
  gboolean ok;

  filling_init (&filling, changes);
  /* Field changes are read back with json_each in their stored order. */
  ok = kit_store_each_row (self,
                           "SELECT c.id, json_extract(j.value, '$.field'), "
                           "  json_extract(j.value, '$.before'), json_extract(j.value, '$.after') "
                           "FROM changes c, json_each(c.fields_json) j "
                           "WHERE c.child_id = ?1 ORDER BY c.id, j.key",
                           child_id, add_field_row, &filling, error) &&
       kit_store_each_row (self,
                           "SELECT f.id, f.change_id, f.requested_date, f.answered_date, f.answer "
                           "FROM follow_ups f JOIN changes c ON c.id = f.change_id "
                           "WHERE c.child_id = ?1 "
                           "ORDER BY coalesce(f.requested_date, f.answered_date), f.id",
                           child_id, add_follow_up_row, &filling, error) &&
       kit_store_each_row (self,
                           "SELECT corrects_id, id FROM changes WHERE child_id = ?1 "
                           "AND corrects_id IS NOT NULL ORDER BY seq",
                           child_id, add_corrected_by_row, &filling, error);
  for (guint i = 0; ok && i < changes->len; i++)
    {
      KitChange *c = g_ptr_array_index (changes, i);
      GPtrArray *list;

      if ((list = g_hash_table_lookup (filling.fields, c)) != NULL)
        kit_change_take_fields (c, g_ptr_array_ref (list));
      if ((list = g_hash_table_lookup (filling.follow_ups, c)) != NULL)
        kit_change_take_follow_ups (c, g_ptr_array_ref (list));
    }
  filling_clear (&filling);
  return ok;
}

/* Changes of @child_id (only those of @arrangement_id unless 0; only
 * @change_id unless 0), newest first, filled in. */
static GPtrArray *
query_changes (KitStore *self, gint64 child_id, gint64 arrangement_id, gint64 change_id,
               GError **error)
{
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (g_object_unref);
  kit_store_auto_stmt *stmt = NULL;
  int rc;

  stmt = kit_store_prepare (self,
                            "SELECT " CHANGE_COLUMNS " FROM changes c "
                            "JOIN children ch ON ch.id = c.child_id AND ch.removed_at IS NULL "
                            "LEFT JOIN arrangements a ON a.id = c.arrangement_id "
                            "WHERE c.child_id = ?1 AND (?2 = 0 OR c.arrangement_id = ?2) "
                            "AND (?3 = 0 OR c.id = ?3) "
                            "ORDER BY c.effective_date DESC, c.seq DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, arrangement_id);
  sqlite3_bind_int64 (stmt, 3, change_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (changes, change_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      kit_store_sql_fail (self, error);
      return NULL;
    }
  if (changes->len > 0 && !fill_in_changes (self, child_id, changes, error))
    return NULL;
  return g_steal_pointer (&changes);
}

GListModel *
kit_store_list_changes (KitStore *self, gint64 child_id, gint64 arrangement_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) changes = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  changes = query_changes (self, child_id, arrangement_id, 0, &error);
  return snapshot (KIT_TYPE_CHANGE, changes, error);
}

KitChange *
kit_store_find_change (KitStore *self, gint64 change_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  gint64 child_id;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  if (change_id != 0 && (child_id = child_of_change (self, change_id)) != 0)
    changes = query_changes (self, child_id, 0, change_id, &error);
  return first_item (KIT_TYPE_CHANGE, changes, error);
}

/* --- Follow-ups ---------------------------------------------------------- */

static gboolean
follow_up_date_error (GError **error, const char *message)
{
  return kit_store_input_error (error, KIT_INPUT_ERROR_FOLLOW_UP_DATE, message);
}

static gboolean
validate_follow_up (KitStore *self, KitFollowUp *f, GError **error)
{
  const char *asked = kit_follow_up_get_requested_date (f);
  const char *answered = kit_follow_up_get_answered_date (f);
  const char *answer = kit_follow_up_get_answer (f);
  gint64 child_id = child_of_change (self, kit_follow_up_get_change_id (f));

  if (child_id == 0 || !kit_store_child_exists (self, child_id))
    return not_found (error, _("This entry is no longer in the record."));
  if (!kit_store_check_date (asked, FALSE, KIT_INPUT_ERROR_FOLLOW_UP_DATE, error) ||
      !kit_store_check_date (answered, FALSE, KIT_INPUT_ERROR_FOLLOW_UP_DATE, error))
    return FALSE;
  if (kit_date_is_unset (asked) && kit_date_is_unset (answered))
    return follow_up_date_error (error, _("Please write the date you asked for an explanation."));
  if (kit_date_is_unset (answered) && answer != NULL && *answer != '\0')
    return follow_up_date_error (error, _("Please write the date the answer came."));
  if (!kit_date_is_unset (asked) && !kit_date_is_unset (answered) &&
      kit_date_compare (answered, asked) < 0)
    return follow_up_date_error (error, _("The answer can't have come before you asked. "
                                          "Please check the dates."));
  return TRUE;
}

static gboolean
write_follow_up (KitStore *self, KitFollowUp *follow_up, gint64 *id, GError **error)
{
  kit_store_auto_stmt *stmt = kit_store_prepare (self, *id == 0
    ? "INSERT INTO follow_ups (change_id, requested_date, answered_date, answer) "
      "VALUES (?1, ?2, ?3, ?4)"
    : "UPDATE follow_ups SET requested_date = ?2, answered_date = ?3, answer = ?4 "
      "WHERE change_id = ?1 AND id = ?5",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, kit_follow_up_get_change_id (follow_up));
  kit_store_bind_optional (stmt, 2, kit_follow_up_get_requested_date (follow_up));
  kit_store_bind_optional (stmt, 3, kit_follow_up_get_answered_date (follow_up));
  kit_store_bind_text (stmt, 4, kit_follow_up_get_answer (follow_up));
  if (*id != 0)
    sqlite3_bind_int64 (stmt, 5, *id);
  return kit_store_step_write (self, stmt, *id, id, _(FOLLOW_UP_GONE), error);
}

gboolean
kit_store_save_follow_up (KitStore *self, KitFollowUp *follow_up, GError **error)
{
  gint64 id;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_FOLLOW_UP (follow_up), FALSE);

  if (!validate_follow_up (self, follow_up, error))
    return FALSE;
  id = kit_follow_up_get_id (follow_up);
  if (!kit_store_begin (self, error) ||
      !kit_store_end (self, write_follow_up (self, follow_up, &id, error), error))
    return FALSE;
  kit_follow_up_set_id (follow_up, id);
  kit_store_emit_changed (self);
  return TRUE;
}

gboolean
kit_store_remove_follow_up (KitStore *self, gint64 follow_up_id, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  /* Not while the child is removed: undo must bring back all of it. */
  return kit_store_edit_one (self, "DELETE FROM follow_ups WHERE id = ?1 AND change_id IN "
                                   "(SELECT c.id FROM changes c JOIN children ch "
                                   "ON ch.id = c.child_id WHERE ch.removed_at IS NULL)",
                             follow_up_id, _(FOLLOW_UP_GONE), error);
}

/* --- The chain, as the pages see it ---------------------------------------- */

/* A chain that cannot be read at all is reported as not intact. */
static void
ensure_verified (KitStore *self, gint64 child_id)
{
  g_autoptr (GError) error = NULL;

  if (self->all_verified || (child_id != 0 && g_hash_table_contains (self->verified, &child_id)))
    return;
  if (!kit_store_verify_chains (self, child_id, &error))
    {
      g_warning ("The history could not be checked: %s", error->message);
      if (child_id != 0)
        g_hash_table_add (self->broken, g_memdup2 (&child_id, sizeof child_id));
    }
}

gboolean
kit_store_child_history_intact (KitStore *self, gint64 child_id)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  ensure_verified (self, child_id);
  return !g_hash_table_contains (self->broken, &child_id);
}

GPtrArray *
kit_store_get_broken_histories (KitStore *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (KIT_IS_STORE (self), names);
  ensure_verified (self, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->children));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KitChild) child = g_list_model_get_item (G_LIST_MODEL (self->children), i);
      gint64 id = kit_child_get_id (child);

      if (g_hash_table_contains (self->broken, &id))
        g_ptr_array_add (names, g_strdup (kit_child_get_name (child)));
    }
  return names;
}

char *
kit_store_child_chain_tail (KitStore *self, gint64 child_id)
{
  guint8 hash[KIT_CHAIN_HASH_BYTES];
  gint64 seq = 0;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  if (!kit_store_child_exists (self, child_id) ||
      !chain_tail (self, child_id, &seq, hash, NULL) || seq == 0)
    return NULL;
  return hex_of (hash);
}
