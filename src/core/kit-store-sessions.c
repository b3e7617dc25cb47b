/* kit-store-sessions.c — sessions and letterbox exchanges, dates that
 * matter, what is coming up, when contact is next due, and the counts.
 * Everything here ignores children that are being removed (removed_at set). */

#include "kit-store-private.h"

#include <glib/gi18n-lib.h>

#include "kit-date.h"
#include "kit-error.h"
#include "kit-stats.h"
#include "kit-vocab.h"

#define SESSION_GONE N_("This session no longer exists. It may have been removed.")
#define DATE_GONE N_("This date no longer exists. It may have been removed.")

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* "Friday 5 December 2026". */
static char *
format_day (const char *iso)
{
  static const char *const weekdays[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
    N_("Friday"), N_("Saturday"), N_("Sunday"),
  };
  GDate d;
  g_date_clear (&d, 1);
  if (!kit_date_parse (iso, &d))
    return g_strdup ("");
  g_autofree char *date = kit_date_format (iso);
  /* Translators: a weekday and a date, "Friday 5 December 2026" */
  return g_strdup_printf (_("%s %s"), _(weekdays[g_date_get_weekday (&d) - 1]), date);
}

/* A letter counts as answered by any letter received on the same
 * arrangement on or after the day it was sent (not one only expected, or
 * that didn't come). */
#define REPLY_ARRIVED_SQL \
  "EXISTS (SELECT 1 FROM sessions r WHERE r.arrangement_id = s.arrangement_id" \
  " AND r.kind = 'letter-received' AND r.status = 'happened'" \
  " AND r.date >= s.date)"

/* Sessions */

GListModel *
kit_store_list_sessions (KitStore *self, gint64 child_id, gint64 arrangement_id)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);

  GListStore *list = g_list_store_new (KIT_TYPE_SESSION);
  g_autoptr(GError) error = NULL;
  kit_store_auto_stmt *stmt = kit_store_prepare (self,
    "SELECT s.id, s.arrangement_id, s.date, s.kind, s.status, s.cancelled_by,"
    " s.cancel_reason, s.reply_expected, s.notes, a.kind, " REPLY_ARRIVED_SQL
    " FROM sessions s JOIN arrangements a ON a.id = s.arrangement_id"
    " JOIN children c ON c.id = a.child_id"
    " WHERE c.removed_at IS NULL AND (?1 = 0 OR c.id = ?1)"
    " AND (?2 = 0 OR s.arrangement_id = ?2)"
    " ORDER BY s.date DESC, s.id DESC", &error);
  if (stmt == NULL)
    {
      g_warning ("Sessions could not be listed: %s", error->message);
      return G_LIST_MODEL (list);
    }
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, arrangement_id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(KitSession) s = kit_session_new (sqlite3_column_int64 (stmt, 1));
      kit_session_set_id (s, sqlite3_column_int64 (stmt, 0));
      kit_session_set_date (s, kit_store_column_text (stmt, 2));
      kit_session_set_kind (s, kit_store_column_text (stmt, 3));
      kit_session_set_status (s, kit_store_column_text (stmt, 4));
      kit_session_set_cancelled_by (s, kit_store_column_text (stmt, 5));
      kit_session_set_cancel_reason (s, kit_store_column_text (stmt, 6));
      kit_session_set_reply_expected (s, kit_store_column_text (stmt, 7));
      kit_session_set_notes (s, kit_store_column_text (stmt, 8));
      kit_session_set_arrangement_title (s, kit_vocab_label (KIT_VOCAB_KIND,
                                                             kit_store_column_text (stmt, 9)));
      kit_session_set_reply_arrived (s, sqlite3_column_int (stmt, 10) != 0);
      g_list_store_append (list, s);
    }
  return G_LIST_MODEL (list);
}

/* TRUE when the arrangement exists and its child is not being removed. */
static gboolean
arrangement_exists (KitStore *self, gint64 arrangement_id, GError **error)
{
  return kit_store_query_int64 (self,
           "SELECT 1 FROM arrangements a JOIN children c ON c.id = a.child_id"
           " WHERE a.id = ?1 AND c.removed_at IS NULL", arrangement_id) != 0 ||
         kit_store_input_error (error, KIT_INPUT_ERROR_NOT_FOUND,
                                _("This contact arrangement no longer exists."));
}

static gboolean
validate_session (KitSession *session, GError **error)
{
  const char *date = kit_session_get_date (session);
  const char *reply = kit_session_get_reply_expected (session);
  g_autofree char *today = kit_date_today ();

  if (!is_set (date))
    return kit_store_input_error (error, KIT_INPUT_ERROR_DATE, _("Please give the date."));
  if (!kit_date_parse (date, NULL))
    return kit_store_input_error (error, KIT_INPUT_ERROR_DATE,
                                  _("That date doesn't exist. Please check the day and month."));
  if (!kit_vocab_has (KIT_VOCAB_SESSION_KIND, kit_session_get_kind (session)) ||
      !kit_vocab_has (KIT_VOCAB_SESSION_STATUS, kit_session_get_status (session)))
    return kit_store_input_error (error, KIT_INPUT_ERROR_KIND,
                                  _("Please choose what this was and whether it happened."));
  if (g_strcmp0 (kit_session_get_status (session), "happened") == 0 &&
      kit_date_compare (date, today) > 0)
    return kit_store_input_error (error, KIT_INPUT_ERROR_DATE,
                                  _("That date is in the future. Something that happened "
                                    "needs a date on or before today — or mark it as planned."));
  if (g_strcmp0 (kit_session_get_kind (session), "letter-sent") != 0 || !is_set (reply))
    return TRUE;
  if (!kit_date_parse (reply, NULL))
    return kit_store_input_error (error, KIT_INPUT_ERROR_REPLY_DATE,
                                  _("That date doesn't exist. Please check the day and month."));
  if (kit_date_compare (reply, date) < 0)
    return kit_store_input_error (error, KIT_INPUT_ERROR_REPLY_DATE,
                                  _("A reply can't be expected before the letter was sent."));
  return TRUE;
}

static gboolean
write_session (KitStore *self, KitSession *session, GError **error)
{
  gint64 id = kit_session_get_id (session);
  kit_store_auto_stmt *stmt = kit_store_prepare (self, id == 0
    ? "INSERT INTO sessions (arrangement_id, date, kind, status, cancelled_by, cancel_reason,"
      " reply_expected, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    : "UPDATE sessions SET arrangement_id = ?1, date = ?2, kind = ?3, status = ?4,"
      " cancelled_by = ?5, cancel_reason = ?6, reply_expected = ?7, notes = ?8 WHERE id = ?9",
    error);
  if (stmt == NULL)
    return FALSE;

  gboolean letter_sent = g_strcmp0 (kit_session_get_kind (session), "letter-sent") == 0;

  sqlite3_bind_int64 (stmt, 1, kit_session_get_arrangement_id (session));
  sqlite3_bind_text (stmt, 2, kit_session_get_date (session), -1, SQLITE_TRANSIENT);
  kit_store_bind_text (stmt, 3, kit_session_get_kind (session));
  kit_store_bind_text (stmt, 4, kit_session_get_status (session));
  kit_store_bind_text (stmt, 5, kit_session_get_cancelled_by (session));
  kit_store_bind_text (stmt, 6, kit_session_get_cancel_reason (session));
  /* Only a letter sent waits for a reply. */
  kit_store_bind_optional (stmt, 7, letter_sent ? kit_session_get_reply_expected (session) : NULL);
  kit_store_bind_text (stmt, 8, kit_session_get_notes (session));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 9, id);
  if (!kit_store_step_write (self, stmt, id, &id, _(SESSION_GONE), error))
    return FALSE;
  kit_session_set_id (session, id);
  return TRUE;
}

gboolean
kit_store_save_session (KitStore *self, KitSession *session, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_SESSION (session), FALSE);

  if (!validate_session (session, error))
    return FALSE;
  if (!kit_store_begin (self, error) ||
      !kit_store_end (self, arrangement_exists (self, kit_session_get_arrangement_id (session),
                                                error) &&
                            write_session (self, session, error), error))
    return FALSE;
  kit_store_emit_changed (self);
  return TRUE;
}

gboolean
kit_store_remove_session (KitStore *self, gint64 session_id, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  return kit_store_edit_one (self,
    "DELETE FROM sessions WHERE id = ?1 AND arrangement_id IN"
    " (SELECT a.id FROM arrangements a JOIN children c ON c.id = a.child_id"
    "  WHERE c.removed_at IS NULL)",
    session_id, _(SESSION_GONE), error);
}

/* Dates that matter */

/* Where a date comes in "next coming round" order: its next anniversary,
 * or for a date remembered once, the date itself while it is still to come.
 * Once-only dates already past sort after all others, newest first. */
static char *
next_round (KitImportantDate *date, const char *today)
{
  const char *iso = kit_important_date_get_date (date);
  if (kit_important_date_get_yearly (date))
    return kit_date_next_anniversary (iso, today);
  return kit_date_compare (iso, today) >= 0 ? g_strdup (iso) : NULL;
}

static int
compare_dates (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const char *today = user_data;
  KitImportantDate *da = (KitImportantDate *) a, *db = (KitImportantDate *) b;
  g_autofree char *na = next_round (da, today);
  g_autofree char *nb = next_round (db, today);

  if (na != NULL && nb != NULL)
    return kit_date_compare (na, nb);
  if (na != NULL || nb != NULL)
    return na != NULL ? -1 : 1;
  return -kit_date_compare (kit_important_date_get_date (da), kit_important_date_get_date (db));
}

GListModel *
kit_store_list_important_dates (KitStore *self, gint64 child_id)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);

  GListStore *list = g_list_store_new (KIT_TYPE_IMPORTANT_DATE);
  g_autoptr(GError) error = NULL;
  kit_store_auto_stmt *stmt = kit_store_prepare (self,
    "SELECT d.id, d.child_id, d.date, d.label, d.yearly FROM important_dates d"
    " JOIN children c ON c.id = d.child_id"
    " WHERE c.removed_at IS NULL AND (?1 = 0 OR c.id = ?1)", &error);
  if (stmt == NULL)
    {
      g_warning ("Dates could not be listed: %s", error->message);
      return G_LIST_MODEL (list);
    }
  sqlite3_bind_int64 (stmt, 1, child_id);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(KitImportantDate) d = kit_important_date_new (sqlite3_column_int64 (stmt, 1));
      kit_important_date_set_id (d, sqlite3_column_int64 (stmt, 0));
      kit_important_date_set_date (d, kit_store_column_text (stmt, 2));
      kit_important_date_set_label (d, kit_store_column_text (stmt, 3));
      kit_important_date_set_yearly (d, sqlite3_column_int (stmt, 4) != 0);
      g_list_store_append (list, d);
    }

  g_autofree char *today = kit_date_today ();
  g_list_store_sort (list, compare_dates, today);
  return G_LIST_MODEL (list);
}

static gboolean
child_exists (KitStore *self, gint64 child_id, GError **error)
{
  return kit_store_child_exists (self, child_id) ||
         kit_store_input_error (error, KIT_INPUT_ERROR_NOT_FOUND,
                                _("This child is no longer in the record."));
}

static gboolean
write_important_date (KitStore *self, KitImportantDate *date, const char *label, GError **error)
{
  gint64 id = kit_important_date_get_id (date);
  kit_store_auto_stmt *stmt = kit_store_prepare (self, id == 0
    ? "INSERT INTO important_dates (child_id, date, label, yearly) VALUES (?1, ?2, ?3, ?4)"
    : "UPDATE important_dates SET child_id = ?1, date = ?2, label = ?3, yearly = ?4"
      " WHERE id = ?5",
    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, kit_important_date_get_child_id (date));
  sqlite3_bind_text (stmt, 2, kit_important_date_get_date (date), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, label, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, kit_important_date_get_yearly (date) ? 1 : 0);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 5, id);
  if (!kit_store_step_write (self, stmt, id, &id, _(DATE_GONE), error))
    return FALSE;
  kit_important_date_set_id (date, id);
  return TRUE;
}

gboolean
kit_store_save_important_date (KitStore *self, KitImportantDate *date, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_IMPORTANT_DATE (date), FALSE);

  const char *label_in = kit_important_date_get_label (date);
  g_autofree char *label = g_strstrip (g_strdup (label_in ? label_in : ""));
  const char *iso = kit_important_date_get_date (date);

  if (label[0] == '\0')
    return kit_store_input_error (error, KIT_INPUT_ERROR_LABEL,
                                  _("Please give this date a name, so you know what it is."));
  if (!is_set (iso))
    return kit_store_input_error (error, KIT_INPUT_ERROR_DATE, _("Please give the date."));
  if (!kit_date_parse (iso, NULL))
    return kit_store_input_error (error, KIT_INPUT_ERROR_DATE,
                                  _("That date doesn't exist. Please check the day and month."));

  if (!kit_store_begin (self, error) ||
      !kit_store_end (self, child_exists (self, kit_important_date_get_child_id (date), error) &&
                            write_important_date (self, date, label, error), error))
    return FALSE;
  kit_important_date_set_label (date, label);
  kit_store_emit_changed (self);
  return TRUE;
}

gboolean
kit_store_remove_important_date (KitStore *self, gint64 date_id, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  return kit_store_edit_one (self,
    "DELETE FROM important_dates WHERE id = ?1 AND child_id IN"
    " (SELECT id FROM children WHERE removed_at IS NULL)",
    date_id, _(DATE_GONE), error);
}

/* Next due */

static char *
query_date (KitStore *self, const char *sql, gint64 arrangement_id, const char *today)
{
  g_autoptr(GError) error = NULL;
  kit_store_auto_stmt *stmt = kit_store_prepare (self, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Next due date could not be read: %s", error->message);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, arrangement_id);
  if (today != NULL)
    sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (kit_store_column_text (stmt, 0));
}

/* Contact is due one interval after the later of the last time it took
 * place and the date the arrangement (re)started. A date in the past stays:
 * it is overdue, and the overview shows that. */
static char *
due_by_frequency (KitStore *self, KitArrangement *arrangement)
{
  int count = kit_arrangement_get_freq_count (arrangement);
  const char *unit = kit_arrangement_get_freq_unit (arrangement);
  const char *start = kit_arrangement_get_start_date (arrangement);
  g_autofree char *last = NULL;

  if (kit_arrangement_get_id (arrangement) != 0)
    last = query_date (self,
      "SELECT max(date) FROM sessions WHERE arrangement_id = ?1 AND status = 'happened'",
      kit_arrangement_get_id (arrangement), NULL);

  const char *base = last;
  if (kit_date_parse (start, NULL) && kit_date_compare (start, base) > 0)
    base = start;
  if (!kit_date_parse (base, NULL))
    return NULL;

  char *due = kit_date_next_due (base, count, unit);
  /* Step forward (a guard: a start date far before the last session). */
  for (int i = 0; due != NULL && last != NULL && kit_date_compare (due, last) <= 0 && i < 10000; i++)
    {
      char *next = kit_date_next_due (due, count, unit);
      g_free (due);
      due = next;
    }
  return due;
}

char *
kit_store_next_due_for (KitStore *self, KitArrangement *arrangement, const char *today)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (arrangement), NULL);

  if (g_strcmp0 (kit_arrangement_get_status (arrangement), "active") != 0)
    return NULL;

  g_autofree char *now = today != NULL ? g_strdup (today) : kit_date_today ();
  if (kit_arrangement_get_id (arrangement) != 0)
    {
      char *planned = query_date (self,
        "SELECT min(date) FROM sessions WHERE arrangement_id = ?1 AND status = 'planned'"
        " AND date >= ?2", kit_arrangement_get_id (arrangement), now);
      if (planned != NULL)
        return planned;
    }

  char *due = due_by_frequency (self, arrangement);
  if (due != NULL)
    return due;

  const char *agreed = kit_arrangement_get_agreed_next (arrangement);
  return kit_date_parse (agreed, NULL) ? g_strdup (agreed) : NULL;
}

/* Coming up */

typedef struct {
  const char *today;
  const char *end;       /* today + days */
  GPtrArray *items;      /* KitUpcoming */
} Upcoming;

static gboolean
in_window (Upcoming *up, const char *iso)
{
  return kit_date_compare (iso, up->today) >= 0 && kit_date_compare (iso, up->end) <= 0;
}

static void
add_item (Upcoming *up, KitUpcomingKind kind, const char *date, gint64 child_id,
          const char *child_name, gint64 arrangement_id, const char *title, const char *detail)
{
  g_ptr_array_add (up->items, kit_upcoming_new (kind, date, child_id, child_name,
                                                arrangement_id, title, detail));
}

static sqlite3_stmt *
prepare_upcoming (KitStore *self, const char *sql, Upcoming *up)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = kit_store_prepare (self, sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Coming up could not be read: %s", error->message);
      return NULL;
    }
  /* Not every query uses both; binding an unused index is harmless. */
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_text (stmt, 1, up->today, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, up->end, -1, SQLITE_TRANSIENT);
  return stmt;
}

static void
add_overdue_replies (KitStore *self, Upcoming *up)
{
  kit_store_auto_stmt *stmt = prepare_upcoming (self,
    "SELECT s.reply_expected, c.id, c.name, a.id FROM sessions s"
    " JOIN arrangements a ON a.id = s.arrangement_id JOIN children c ON c.id = a.child_id"
    " WHERE c.removed_at IS NULL AND s.kind = 'letter-sent'"
    " AND s.status = 'happened'"
    " AND s.reply_expected IS NOT NULL AND s.reply_expected < ?1"
    " AND NOT " REPLY_ARRIVED_SQL, up);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *expected = kit_store_column_text (stmt, 0);
      const char *name = kit_store_column_text (stmt, 2);
      g_autofree char *when = kit_date_format (expected);
      g_autofree char *title = g_strdup_printf (_("Waiting for a reply about %s"), name);
      g_autofree char *detail =
        g_strdup_printf (_("A reply was expected by %s; nothing has arrived yet."), when);
      add_item (up, KIT_UPCOMING_REPLY_OVERDUE, expected, sqlite3_column_int64 (stmt, 1), name,
                sqlite3_column_int64 (stmt, 3), title, detail);
    }
}

static char *
session_title (const char *kind, const char *name)
{
  if (g_strcmp0 (kind, "letter-sent") == 0)
    return g_strdup_printf (_("Letter to send for %s"), name);
  if (g_strcmp0 (kind, "letter-received") == 0)
    return g_strdup_printf (_("Letter expected for %s"), name);
  return g_strdup_printf (_("Contact with %s"), name);
}

static void
add_planned_sessions (KitStore *self, Upcoming *up)
{
  kit_store_auto_stmt *stmt = prepare_upcoming (self,
    "SELECT s.date, s.kind, c.id, c.name, a.id, a.kind, a.venue FROM sessions s"
    " JOIN arrangements a ON a.id = s.arrangement_id JOIN children c ON c.id = a.child_id"
    " WHERE c.removed_at IS NULL AND s.status = 'planned' AND s.date BETWEEN ?1 AND ?2", up);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *date = kit_store_column_text (stmt, 0);
      const char *name = kit_store_column_text (stmt, 3);
      const char *kind_label = kit_vocab_label (KIT_VOCAB_KIND, kit_store_column_text (stmt, 5));
      const char *venue = kit_store_column_text (stmt, 6);
      g_autofree char *day = format_day (date);
      g_autofree char *title = session_title (kit_store_column_text (stmt, 1), name);
      g_autofree char *where = kit_describe_venue (venue);
      g_autofree char *detail = is_set (venue)
        /* Translators: "Friday 5 December 2026 · Supervised visits, at the family centre" */
        ? g_strdup_printf (_("%s · %s, %s"), day, kind_label, where)
        /* Translators: "Friday 5 December 2026 · Video calls" */
        : g_strdup_printf (_("%s · %s"), day, kind_label);
      add_item (up, KIT_UPCOMING_SESSION, date, sqlite3_column_int64 (stmt, 2), name,
                sqlite3_column_int64 (stmt, 4), title, detail);
    }
}

static void
add_contact_due (KitStore *self, Upcoming *up, KitArrangement *a, const char *name)
{
  gint64 id = kit_arrangement_get_id (a);
  g_autofree char *planned = query_date (self,
    "SELECT min(date) FROM sessions WHERE arrangement_id = ?1 AND status = 'planned'"
    " AND date >= ?2", id, up->today);
  if (planned != NULL)
    return;   /* shown as the planned session itself */

  g_autofree char *due = kit_store_next_due_for (self, a, up->today);
  if (due == NULL || kit_date_compare (due, up->end) > 0)
    return;

  gboolean letter = g_strcmp0 (kit_arrangement_get_kind (a), "letterbox") == 0;
  gboolean past = kit_date_compare (due, up->today) < 0;
  g_autofree char *day = past ? kit_date_format (due) : format_day (due);
  g_autofree char *title = letter ? g_strdup_printf (_("Letter to write for %s"), name)
                                  : g_strdup_printf (_("Contact due for %s"), name);
  g_autofree char *detail = past
    /* Translators: "Video calls — this was due on 1 March 2027" */
    ? g_strdup_printf (_("%s — this was due on %s"), kit_arrangement_get_title (a), day)
    /* Translators: "Video calls — due by Friday 5 December 2026" */
    : g_strdup_printf (_("%s — due by %s"), kit_arrangement_get_title (a), day);
  add_item (up, letter ? KIT_UPCOMING_LETTER_DUE : KIT_UPCOMING_CONTACT_DUE, due,
            kit_arrangement_get_child_id (a), name, id, title, detail);
}

static void
add_review_due (Upcoming *up, KitArrangement *a, const char *name)
{
  const char *review = kit_arrangement_get_next_review (a);
  if (!kit_date_parse (review, NULL) || kit_date_compare (review, up->end) > 0 ||
      g_strcmp0 (kit_arrangement_get_status (a), "stopped") == 0)
    return;

  gboolean past = kit_date_compare (review, up->today) < 0;
  g_autofree char *day = past ? kit_date_format (review) : format_day (review);
  g_autofree char *title = g_strdup_printf (_("Review due for %s"), name);
  g_autofree char *detail = past
    /* Translators: "Video calls — the review was due on 1 March 2027" */
    ? g_strdup_printf (_("%s — the review was due on %s"), kit_arrangement_get_title (a), day)
    : g_strdup_printf (_("%s — review by %s"), kit_arrangement_get_title (a), day);
  add_item (up, KIT_UPCOMING_REVIEW_DUE, review, kit_arrangement_get_child_id (a), name,
            kit_arrangement_get_id (a), title, detail);
}

static void
add_arrangements_due (KitStore *self, Upcoming *up)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  {
    kit_store_auto_stmt *stmt = prepare_upcoming (self,
      "SELECT " KIT_STORE_ARRANGEMENT_COLUMNS ", ch.name FROM arrangements a"
      " JOIN children ch ON ch.id = a.child_id " KIT_STORE_ARRANGEMENT_PEOPLE
      " WHERE ch.removed_at IS NULL AND a.status <> 'stopped'", up);
    while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_ptr_array_add (rows, kit_store_arrangement_from_row (stmt));
        g_ptr_array_add (names, g_strdup (kit_store_column_text (stmt, 16)));
      }
  }
  for (guint i = 0; i < rows->len; i++)
    {
      add_contact_due (self, up, g_ptr_array_index (rows, i), g_ptr_array_index (names, i));
      add_review_due (up, g_ptr_array_index (rows, i), g_ptr_array_index (names, i));
    }
}

static void
add_birthdays (KitStore *self, Upcoming *up)
{
  kit_store_auto_stmt *stmt = prepare_upcoming (self,
    "SELECT id, name, date_of_birth FROM children"
    " WHERE removed_at IS NULL AND date_of_birth IS NOT NULL", up);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = kit_store_column_text (stmt, 1);
      const char *born = kit_store_column_text (stmt, 2);
      g_autofree char *next = kit_date_next_anniversary (born, up->today);
      int age = kit_date_age_years (born, next);
      if (next == NULL || age < 1 || !in_window (up, next))
        continue;

      g_autofree char *day = format_day (next);
      /* Translators: "Mia's birthday" */
      g_autofree char *title = g_strdup_printf (_("%s's birthday"), name);
      /* Translators: "Mia turns 7 on Friday 5 December 2026" */
      g_autofree char *detail = g_strdup_printf (_("%s turns %d on %s"), name, age, day);
      add_item (up, KIT_UPCOMING_BIRTHDAY, next, sqlite3_column_int64 (stmt, 0), name, 0,
                title, detail);
    }
}

static void
add_dates_that_matter (KitStore *self, Upcoming *up)
{
  kit_store_auto_stmt *stmt = prepare_upcoming (self,
    "SELECT d.date, d.label, d.yearly, c.id, c.name FROM important_dates d"
    " JOIN children c ON c.id = d.child_id WHERE c.removed_at IS NULL", up);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *date = kit_store_column_text (stmt, 0);
      gboolean yearly = sqlite3_column_int (stmt, 2) != 0;
      g_autofree char *when = yearly ? kit_date_next_anniversary (date, up->today)
                                     : g_strdup (date);
      if (when == NULL || !in_window (up, when))
        continue;

      const char *name = kit_store_column_text (stmt, 4);
      g_autofree char *day = format_day (when);
      /* Translators: "Friday 5 December 2026 · Mia" */
      g_autofree char *detail = g_strdup_printf (_("%s · %s"), day, name);
      add_item (up, KIT_UPCOMING_DATE_THAT_MATTERS, when, sqlite3_column_int64 (stmt, 3), name, 0,
                kit_store_column_text (stmt, 1), detail);
    }
}

static int
compare_upcoming (gconstpointer pa, gconstpointer pb)
{
  KitUpcoming *a = *(KitUpcoming **) pa, *b = *(KitUpcoming **) pb;
  gboolean oa = kit_upcoming_get_kind (a) == KIT_UPCOMING_REPLY_OVERDUE;
  gboolean ob = kit_upcoming_get_kind (b) == KIT_UPCOMING_REPLY_OVERDUE;
  if (oa != ob)
    return oa ? -1 : 1;

  int c = kit_date_compare (kit_upcoming_get_date (a), kit_upcoming_get_date (b));
  if (c != 0)
    return c;
  if (kit_upcoming_get_kind (a) != kit_upcoming_get_kind (b))
    return (int) kit_upcoming_get_kind (a) - (int) kit_upcoming_get_kind (b);
  return g_utf8_collate (kit_upcoming_get_title (a), kit_upcoming_get_title (b));
}

GListModel *
kit_store_list_upcoming (KitStore *self, const char *today, int days)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);

  g_autofree char *now = kit_date_parse (today, NULL) ? g_strdup (today) : kit_date_today ();
  g_autofree char *end = kit_date_add_days (now, MAX (days, 0));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Upcoming up = { now, end != NULL ? end : now, items };

  add_overdue_replies (self, &up);
  add_planned_sessions (self, &up);
  add_arrangements_due (self, &up);
  add_birthdays (self, &up);
  add_dates_that_matter (self, &up);
  g_ptr_array_sort (items, compare_upcoming);

  GListStore *list = g_list_store_new (KIT_TYPE_UPCOMING);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (list);
}

/* Counts */

gboolean
kit_store_get_counts (KitStore *self, gint64 child_id, KitCounts *out, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  return kit_stats_get_counts (self->db, child_id, out, error);
}
