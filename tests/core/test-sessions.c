/* test-sessions.c — KitStore's sessions and letterbox exchanges, dates that
 * matter, when contact is next due, what is coming up and the counts, on a
 * real record, with today fixed at Monday 23 November 2026. Removed children
 * and everything about them never appear. */

#include "kit-test-common.h"

#include <string.h>

#include "kit-date.h"
#include "kit-store-private.h"
#include "kit-store.h"

#define TODAY "2026-11-23"

typedef struct {
  char *dir;
  KitVault *vault;
  sqlite3 *db;
  KitStore *store;
  guint changed;
} Fixture;

static void
on_changed (KitStore *store, gpointer user_data)
{
  ((Fixture *) user_data)->changed++;
}

/* Mia (born 5 December 2019) and her arrangements:
 *   1 letterbox, twice a year: letters sent 1 Nov 2025 (answered 15 Dec 2025)
 *     and 20 May 2026 (reply expected 1 Jul 2026, none yet)
 *   2 supervised meetings, once a month, at the family centre: planned on
 *     1 Dec 2026; review due 10 Dec 2026
 *   3 video calls, weekly, paused
 *   4 phone calls, once a year: last happened 10 Dec 2025
 *   5 as agreed, agreed next date 15 Dec 2026
 * and dates that matter: the day she went into care (1 Dec 2023, yearly),
 * a hearing (30 Nov 2026, once), a later one (1 Jun 2027, once).
 * Sam (child 2) is being removed: his birthday, letters, meetings and dates
 * would all be due, and must not show. */
static void
fill (Fixture *f)
{
  kt_exec (f->vault,
    "INSERT INTO children (id, name, date_of_birth) VALUES"
    " (1, 'Mia', '2019-12-05'), (2, 'Sam', '2018-11-25');"
    "INSERT INTO arrangements (id, child_id, kind, freq_count, freq_unit, start_date, status,"
    " venue, next_review, next_due) VALUES"
    " (1, 1, 'letterbox', 2, 'year', '2025-01-10', 'active', '', NULL, NULL),"
    " (2, 1, 'face-to-face-supervised', 1, 'month', '2026-01-01', 'active',"
    "  'the family centre', '2026-12-10', NULL),"
    " (3, 1, 'video-call', 1, 'week', '2026-11-01', 'paused', '', NULL, NULL),"
    " (4, 1, 'phone-call', 1, 'year', '2024-12-10', 'active', '', NULL, NULL),"
    " (5, 1, 'other', NULL, 'as-agreed', '2024-01-01', 'active', '', NULL, '2026-12-15'),"
    " (6, 2, 'letterbox', 1, 'year', '2020-01-01', 'active', '', '2026-11-30', NULL),"
    " (7, 2, 'phone-call', 1, 'month', '2020-01-01', 'active', '', NULL, NULL);"
    "INSERT INTO sessions (id, arrangement_id, date, kind, status, reply_expected) VALUES"
    " (1, 1, '2025-11-01', 'letter-sent', 'happened', '2025-12-01'),"
    " (2, 1, '2025-12-15', 'letter-received', 'happened', NULL),"
    " (3, 1, '2026-05-20', 'letter-sent', 'happened', '2026-07-01'),"
    " (4, 2, '2026-12-01', 'contact', 'planned', NULL),"
    " (5, 4, '2025-12-10', 'contact', 'happened', NULL),"
    " (6, 6, '2026-01-05', 'letter-sent', 'happened', '2026-02-01'),"
    " (7, 7, '2026-11-25', 'contact', 'planned', NULL);"
    "INSERT INTO important_dates (id, child_id, date, label, yearly) VALUES"
    " (1, 1, '2023-12-01', 'The day she went into care', 1),"
    " (2, 1, '2026-11-30', 'The court hearing', 0),"
    " (3, 1, '2027-06-01', 'Moving school', 0),"
    " (4, 2, '2022-11-28', 'The day he went into care', 1);");
}

static void
setup (Fixture *f, gboolean filled)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("KIT_TODAY", TODAY, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  f->dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (f->dir, "r.kit", NULL);
  f->vault = kt_create (path, KT_PASSPHRASE, NULL);
  f->db = kit_vault_get_db (f->vault);
  if (filled)
    fill (f);
  f->store = kit_store_new (f->db, &error);
  ck_assert_msg (f->store != NULL, "kit_store_new: %s", error ? error->message : "?");
  /* Removed now, in this session (kit_store_new finishes older removals). */
  if (filled)
    kt_exec (f->vault, "UPDATE children SET removed_at = '2026-11-22T10:00:00Z' WHERE id = 2");
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
teardown (Fixture *f)
{
  g_clear_object (&f->store);
  ck_assert (kit_vault_close (f->vault, TRUE, NULL));
  g_object_unref (f->vault);
  kt_rmtree (f->dir);
  g_free (f->dir);
}

#define assert_input_error(error, code_)                                             \
  G_STMT_START {                                                                     \
    ck_assert_msg ((error) != NULL, "expected input error %d, got success", (code_)); \
    ck_assert_msg ((error)->domain == KIT_INPUT_ERROR && (error)->code == (code_),    \
                   "expected input error %d, got %d: %s", (code_), (error)->code,    \
                   (error)->message);                                                \
    ck_assert ((error)->message[0] != '\0');                                         \
    g_clear_error (&(error));                                                        \
  } G_STMT_END

static char *
sessions_dump (sqlite3 *db)
{
  return kt_query_text (db, "SELECT ifnull(group_concat(id || ',' || arrangement_id || ','"
                            " || date || ',' || kind || ',' || status || ','"
                            " || ifnull(reply_expected, '-'), ';'), '') FROM"
                            " (SELECT * FROM sessions ORDER BY id)");
}

static KitSession *
session (gint64 arrangement_id, const char *date, const char *kind, const char *status)
{
  KitSession *s = kit_session_new (arrangement_id);
  kit_session_set_date (s, date);
  kit_session_set_kind (s, kind);
  kit_session_set_status (s, status);
  return s;
}

static KitSession *
find_session (GListModel *list, gint64 id)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KitSession) s = g_list_model_get_item (list, i);
      if (kit_session_get_id (s) == id)
        return s;   /* the list still holds a reference */
    }
  return NULL;
}

START_TEST (test_sessions_validation)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;

  setup (&f, TRUE);
  g_autofree char *before = sessions_dump (f.db);

  g_autoptr(KitSession) bad_date = session (2, "2027-02-31", "contact", "planned");
  ck_assert (!kit_store_save_session (f.store, bad_date, &error));
  ck_assert_str_eq (error->message, "That date doesn't exist. Please check the day and month.");
  assert_input_error (error, KIT_INPUT_ERROR_DATE);

  g_autoptr(KitSession) no_date = session (2, NULL, "contact", "planned");
  ck_assert (!kit_store_save_session (f.store, no_date, &error));
  assert_input_error (error, KIT_INPUT_ERROR_DATE);

  g_autoptr(KitSession) future = session (2, "2026-11-24", "contact", "happened");
  ck_assert (!kit_store_save_session (f.store, future, &error));
  assert_input_error (error, KIT_INPUT_ERROR_DATE);

  g_autoptr(KitSession) early_reply = session (1, "2026-11-20", "letter-sent", "happened");
  kit_session_set_reply_expected (early_reply, "2026-11-19");
  ck_assert (!kit_store_save_session (f.store, early_reply, &error));
  ck_assert_str_eq (error->message, "A reply can't be expected before the letter was sent.");
  assert_input_error (error, KIT_INPUT_ERROR_REPLY_DATE);

  kit_session_set_reply_expected (early_reply, "2026-13-01");
  ck_assert (!kit_store_save_session (f.store, early_reply, &error));
  assert_input_error (error, KIT_INPUT_ERROR_REPLY_DATE);

  g_autoptr(KitSession) bad_kind = session (2, "2026-11-20", "picnic", "happened");
  ck_assert (!kit_store_save_session (f.store, bad_kind, &error));
  assert_input_error (error, KIT_INPUT_ERROR_KIND);

  g_autoptr(KitSession) removed_child = session (6, "2026-11-20", "contact", "happened");
  ck_assert (!kit_store_save_session (f.store, removed_child, &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);

  g_autoptr(KitSession) no_arrangement = session (99, "2026-11-20", "contact", "happened");
  ck_assert (!kit_store_save_session (f.store, no_arrangement, &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);

  g_autoptr(KitSession) gone = session (2, "2026-11-20", "contact", "happened");
  kit_session_set_id (gone, 999);
  ck_assert (!kit_store_save_session (f.store, gone, &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);

  ck_assert (!kit_store_remove_session (f.store, 999, &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert (!kit_store_remove_session (f.store, 6, &error));   /* Sam's */
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);

  g_autofree char *after = sessions_dump (f.db);
  ck_assert_str_eq (after, before);
  ck_assert_uint_eq (f.changed, 0);

  /* Good ones are saved, updated and removed, each announced. */
  g_autoptr(KitSession) good = session (2, "2026-11-20", "contact", "happened");
  ck_assert_msg (kit_store_save_session (f.store, good, &error), "%s", error ? error->message : "");
  ck_assert_int_gt (kit_session_get_id (good), 0);
  ck_assert_uint_eq (f.changed, 1);
  kit_session_set_status (good, "cancelled");
  kit_session_set_cancelled_by (good, "the carers");
  kit_session_set_cancel_reason (good, "Mia was ill");
  ck_assert (kit_store_save_session (f.store, good, &error));
  ck_assert_uint_eq (f.changed, 2);
  {
    g_autoptr(GListModel) list = kit_store_list_sessions (f.store, 1, 2);
    KitSession *saved = find_session (list, kit_session_get_id (good));
    ck_assert_ptr_nonnull (saved);
    ck_assert_str_eq (kit_session_get_status (saved), "cancelled");
    g_autofree char *text = kit_session_describe (saved);
    ck_assert_str_eq (text, "Cancelled by the carers: Mia was ill");
    ck_assert_str_eq (kit_session_get_arrangement_title (saved), "Supervised visits");
  }
  ck_assert (kit_store_remove_session (f.store, kit_session_get_id (good), &error));
  ck_assert_uint_eq (f.changed, 3);
  g_autofree char *end = sessions_dump (f.db);
  ck_assert_str_eq (end, before);

  teardown (&f);
}
END_TEST

START_TEST (test_sessions_listed)
{
  Fixture f = { 0 };
  setup (&f, TRUE);

  /* Newest first, the child's only, reply state filled in. */
  g_autoptr(GListModel) all = kit_store_list_sessions (f.store, 1, 0);
  ck_assert_uint_eq (g_list_model_get_n_items (all), 5);
  const char *expected[] = { "2026-12-01", "2026-05-20", "2025-12-15", "2025-12-10", "2025-11-01" };
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(KitSession) s = g_list_model_get_item (all, i);
      ck_assert_str_eq (kit_session_get_date (s), expected[i]);
    }

  g_autoptr(GListModel) letters = kit_store_list_sessions (f.store, 1, 1);
  ck_assert_uint_eq (g_list_model_get_n_items (letters), 3);
  KitSession *answered = find_session (letters, 1);
  KitSession *waiting = find_session (letters, 3);
  ck_assert (kit_session_get_reply_arrived (answered));
  ck_assert (!kit_session_reply_overdue (answered, TODAY));
  ck_assert (!kit_session_get_reply_arrived (waiting));
  ck_assert (kit_session_reply_overdue (waiting, TODAY));
  g_autofree char *reply = kit_session_describe_reply (waiting, TODAY);
  ck_assert_str_eq (reply, "A reply was expected by 1 July 2026; nothing has arrived yet.");

  /* Sam is being removed: nothing of his. */
  g_autoptr(GListModel) sams = kit_store_list_sessions (f.store, 2, 0);
  ck_assert_uint_eq (g_list_model_get_n_items (sams), 0);

  /* A reply comes: the letter is no longer waiting. */
  g_autoptr(GError) error = NULL;
  g_autoptr(KitSession) came = session (1, "2026-11-22", "letter-received", "happened");
  ck_assert (kit_store_save_session (f.store, came, &error));
  g_autoptr(GListModel) again = kit_store_list_sessions (f.store, 1, 1);
  ck_assert (kit_session_get_reply_arrived (find_session (again, 3)));
  ck_assert (!kit_session_reply_overdue (find_session (again, 3), TODAY));

  teardown (&f);
}
END_TEST

static char *
next_due (Fixture *f, gint64 arrangement_id)
{
  g_autoptr(KitArrangement) a = kit_arrangement_new (1);
  sqlite3_stmt *stmt = NULL;

  ck_assert_int_eq (sqlite3_prepare_v2 (f->db,
    "SELECT kind, ifnull(freq_count, 0), freq_unit, start_date, status, next_due"
    " FROM arrangements WHERE id = ?", -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, arrangement_id);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  kit_arrangement_set_id (a, arrangement_id);
  kit_arrangement_set_kind (a, (const char *) sqlite3_column_text (stmt, 0));
  kit_arrangement_set_freq_count (a, sqlite3_column_int (stmt, 1));
  kit_arrangement_set_freq_unit (a, (const char *) sqlite3_column_text (stmt, 2));
  kit_arrangement_set_start_date (a, (const char *) sqlite3_column_text (stmt, 3));
  kit_arrangement_set_status (a, (const char *) sqlite3_column_text (stmt, 4));
  kit_arrangement_set_agreed_next (a, (const char *) sqlite3_column_text (stmt, 5));
  sqlite3_finalize (stmt);
  return kit_store_next_due_for (f->store, a, TODAY);
}

#define assert_due(f, id, expected)                    \
  G_STMT_START {                                       \
    g_autofree char *due_ = next_due ((f), (id));      \
    ck_assert_pstr_eq (due_, (expected));              \
  } G_STMT_END

START_TEST (test_next_due)
{
  Fixture f = { 0 };
  setup (&f, TRUE);

  /* Six months after the last letter sent, even though that is past. */
  assert_due (&f, 1, "2026-11-20");
  /* The planned meeting. */
  assert_due (&f, 2, "2026-12-01");
  /* Paused: not due. */
  assert_due (&f, 3, NULL);
  /* A year after the last call. */
  assert_due (&f, 4, "2026-12-10");
  /* As agreed: the agreed date. */
  assert_due (&f, 5, "2026-12-15");

  /* No session yet: one interval after the start date, even long past. */
  kt_exec (f.vault, "UPDATE arrangements SET start_date = '2020-01-31' WHERE id = 4;"
                    "DELETE FROM sessions WHERE arrangement_id = 4");
  assert_due (&f, 4, "2021-01-31");
  /* A planned session in the past doesn't count; one from today does. */
  kt_exec (f.vault, "INSERT INTO sessions (arrangement_id, date, kind, status) VALUES"
                    " (4, '2026-11-01', 'contact', 'planned')");
  assert_due (&f, 4, "2021-01-31");
  kt_exec (f.vault, "INSERT INTO sessions (arrangement_id, date, kind, status) VALUES"
                    " (4, '" TODAY "', 'contact', 'planned')");
  assert_due (&f, 4, TODAY);
  /* Cancelled and missed contact doesn't move the date on. */
  kt_exec (f.vault, "DELETE FROM sessions WHERE arrangement_id = 4;"
                    "INSERT INTO sessions (arrangement_id, date, kind, status) VALUES"
                    " (4, '2026-01-31', 'contact', 'cancelled'), (4, '2026-02-28', 'contact', 'missed'),"
                    " (4, '2025-01-31', 'contact', 'happened')");
  assert_due (&f, 4, "2026-01-31");
  /* Proposed and stopped: not due. */
  kt_exec (f.vault, "UPDATE arrangements SET status = 'proposed' WHERE id = 4");
  assert_due (&f, 4, NULL);
  kt_exec (f.vault, "UPDATE arrangements SET status = 'stopped' WHERE id = 4");
  assert_due (&f, 4, NULL);
  /* Leap years: monthly from 31 January 2028. */
  kt_exec (f.vault, "UPDATE arrangements SET status = 'active', freq_unit = 'month',"
                    " freq_count = 1, start_date = '2028-01-31' WHERE id = 4;"
                    "DELETE FROM sessions WHERE arrangement_id = 4");
  assert_due (&f, 4, "2028-02-29");

  teardown (&f);
}
END_TEST

START_TEST (test_upcoming)
{
  Fixture f = { 0 };
  setup (&f, TRUE);

  static const struct {
    KitUpcomingKind kind;
    const char *date;
    const char *title;
    const char *detail;   /* NULL: not checked exactly */
    gint64 arrangement_id;
  } expected[] = {
    { KIT_UPCOMING_REPLY_OVERDUE, "2026-07-01", "Waiting for a reply about Mia",
      "A reply was expected by 1 July 2026; nothing has arrived yet.", 1 },
    { KIT_UPCOMING_LETTER_DUE, "2026-11-20", "Letter to write for Mia",
      "Letters through the agency — this was due on 20 November 2026", 1 },
    { KIT_UPCOMING_DATE_THAT_MATTERS, "2026-11-30", "The court hearing",
      "Monday 30 November 2026 · Mia", 0 },
    { KIT_UPCOMING_SESSION, "2026-12-01", "Contact with Mia",
      "Tuesday 1 December 2026 · Supervised visits, at the family centre", 2 },
    { KIT_UPCOMING_DATE_THAT_MATTERS, "2026-12-01", "The day she went into care", NULL, 0 },
    { KIT_UPCOMING_BIRTHDAY, "2026-12-05", "Mia's birthday",
      "Mia turns 7 on Saturday 5 December 2026", 0 },
    { KIT_UPCOMING_CONTACT_DUE, "2026-12-10", "Contact due for Mia",
      "Phone calls — due by Thursday 10 December 2026", 4 },
    { KIT_UPCOMING_REVIEW_DUE, "2026-12-10", "Review due for Mia", NULL, 2 },
    { KIT_UPCOMING_CONTACT_DUE, "2026-12-15", "Contact due for Mia", NULL, 5 },
  };

  g_autoptr(GListModel) list = kit_store_list_upcoming (f.store, NULL, 30);
  guint n = g_list_model_get_n_items (list);
  /* On a mismatch, show what came so the failure can be read. */
  for (guint i = 0; n != G_N_ELEMENTS (expected) && i < n; i++)
    {
      g_autoptr(KitUpcoming) u = g_list_model_get_item (list, i);
      fprintf (stderr, "%u: %d %s %s | %s\n", i, kit_upcoming_get_kind (u),
               kit_upcoming_get_date (u), kit_upcoming_get_title (u), kit_upcoming_get_detail (u));
    }
  ck_assert_uint_eq (n, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KitUpcoming) u = g_list_model_get_item (list, i);
      ck_assert_int_eq (kit_upcoming_get_kind (u), expected[i].kind);
      ck_assert_str_eq (kit_upcoming_get_date (u), expected[i].date);
      ck_assert_str_eq (kit_upcoming_get_title (u), expected[i].title);
      if (expected[i].detail != NULL)
        ck_assert_str_eq (kit_upcoming_get_detail (u), expected[i].detail);
      ck_assert_int_eq (kit_upcoming_get_child_id (u), 1);
      ck_assert_str_eq (kit_upcoming_get_child_name (u), "Mia");
      ck_assert_int_eq (kit_upcoming_get_arrangement_id (u), expected[i].arrangement_id);
      ck_assert (g_str_has_suffix (kit_upcoming_get_icon_name (u), "-symbolic"));
    }

  /* A shorter window: the overdue reply and the letter to write stay,
   * the rest is further away. */
  g_autoptr(GListModel) week = kit_store_list_upcoming (f.store, TODAY, 6);
  ck_assert_uint_eq (g_list_model_get_n_items (week), 2);

  /* The reply comes and a letter is planned: both lines go, the planned
   * letter shows instead. */
  g_autoptr(GError) error = NULL;
  g_autoptr(KitSession) came = session (1, "2026-11-22", "letter-received", "happened");
  ck_assert (kit_store_save_session (f.store, came, &error));
  g_autoptr(KitSession) planned = session (1, "2026-11-27", "letter-sent", "planned");
  ck_assert (kit_store_save_session (f.store, planned, &error));
  g_autoptr(GListModel) later = kit_store_list_upcoming (f.store, TODAY, 6);
  ck_assert_uint_eq (g_list_model_get_n_items (later), 1);
  g_autoptr(KitUpcoming) first = g_list_model_get_item (later, 0);
  ck_assert_int_eq (kit_upcoming_get_kind (first), KIT_UPCOMING_SESSION);
  ck_assert_str_eq (kit_upcoming_get_title (first), "Letter to send for Mia");
  ck_assert_str_eq (kit_upcoming_get_date (first), "2026-11-27");

  teardown (&f);
}
END_TEST

START_TEST (test_important_dates)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  setup (&f, TRUE);

  /* Next coming round first; once-only dates already past at the end. */
  kt_exec (f.vault, "INSERT INTO important_dates (child_id, date, label, yearly) VALUES"
                    " (1, '2026-01-10', 'A day gone by', 0)");
  g_autoptr(GListModel) list = kit_store_list_important_dates (f.store, 1);
  const char *order[] = { "The court hearing", "The day she went into care", "Moving school",
                          "A day gone by" };
  ck_assert_uint_eq (g_list_model_get_n_items (list), G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(KitImportantDate) d = g_list_model_get_item (list, i);
      ck_assert_str_eq (kit_important_date_get_label (d), order[i]);
    }
  g_autoptr(GListModel) sams = kit_store_list_important_dates (f.store, 2);
  ck_assert_uint_eq (g_list_model_get_n_items (sams), 0);

  gint64 count = kt_query_int (f.db, "SELECT count(*) FROM important_dates");
  g_autoptr(KitImportantDate) d = kit_important_date_new (1);
  kit_important_date_set_date (d, "2027-03-01");
  kit_important_date_set_label (d, "   ");
  ck_assert (!kit_store_save_important_date (f.store, d, &error));
  assert_input_error (error, KIT_INPUT_ERROR_LABEL);
  kit_important_date_set_label (d, " Her first day at school ");
  kit_important_date_set_date (d, "2027-02-29");
  ck_assert (!kit_store_save_important_date (f.store, d, &error));
  assert_input_error (error, KIT_INPUT_ERROR_DATE);
  kit_important_date_set_date (d, NULL);
  ck_assert (!kit_store_save_important_date (f.store, d, &error));
  assert_input_error (error, KIT_INPUT_ERROR_DATE);
  g_autoptr(KitImportantDate) sam = kit_important_date_new (2);
  kit_important_date_set_date (sam, "2027-03-01");
  kit_important_date_set_label (sam, "Sam's day");
  ck_assert (!kit_store_save_important_date (f.store, sam, &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert_int_eq (kt_query_int (f.db, "SELECT count(*) FROM important_dates"), count);
  ck_assert_uint_eq (f.changed, 0);

  kit_important_date_set_date (d, "2027-03-01");
  ck_assert (kit_store_save_important_date (f.store, d, &error));
  ck_assert_int_gt (kit_important_date_get_id (d), 0);
  ck_assert_str_eq (kit_important_date_get_label (d), "Her first day at school");
  ck_assert_int_eq (kt_query_int (f.db, "SELECT count(*) FROM important_dates"), count + 1);
  ck_assert (kit_store_remove_important_date (f.store, kit_important_date_get_id (d), &error));
  ck_assert (!kit_store_remove_important_date (f.store, kit_important_date_get_id (d), &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert (!kit_store_remove_important_date (f.store, 4, &error));   /* Sam's */
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert_uint_eq (f.changed, 2);

  teardown (&f);
}
END_TEST

START_TEST (test_counts)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  setup (&f, TRUE);

  /* Rows written by hand (not a real chain: only the counts matter here). */
  kt_exec (f.vault,
    "INSERT INTO children (id, name) VALUES (3, 'Ben');"
    "INSERT INTO changes (id, child_id, seq, effective_date, recorded_at, reason_given,"
    " told_how, hash) VALUES"
    " (1, 1, 1, '2024-01-01', '2024-01-02T10:00:00Z', 'yes', 'letter', zeroblob(32)),"
    " (2, 1, 2, '2024-06-01', '2024-06-02T10:00:00Z', 'partly', 'email', zeroblob(32)),"
    " (3, 1, 3, '2025-01-01', '2025-01-02T10:00:00Z', 'no', 'phone', zeroblob(32)),"
    " (4, 1, 4, '2025-06-01', '2025-06-02T10:00:00Z', 'no', 'not-told', zeroblob(32)),"
    " (5, 3, 1, '2025-06-01', '2025-06-02T10:00:00Z', 'yes', 'in-person', zeroblob(32)),"
    " (6, 2, 1, '2025-06-01', '2025-06-02T10:00:00Z', 'no', 'letter', zeroblob(32));"
    "INSERT INTO follow_ups (change_id, requested_date, answered_date) VALUES"
    " (1, '2024-02-01', NULL), (2, '2024-07-01', '2024-08-01'), (3, '2025-02-01', NULL),"
    " (5, '2025-07-01', NULL), (6, '2025-07-01', NULL), (4, NULL, NULL);");

  KitCounts mia = { 99, 99, 99, 99, 99, 99 };
  ck_assert (kit_store_get_counts (f.store, 1, &mia, &error));
  ck_assert_uint_eq (mia.changes, 4);
  ck_assert_uint_eq (mia.with_reason, 1);
  ck_assert_uint_eq (mia.partly_reason, 1);
  ck_assert_uint_eq (mia.without_reason, 2);
  ck_assert_uint_eq (mia.told_in_writing, 2);
  ck_assert_uint_eq (mia.requests_unanswered, 2);

  KitCounts all = { 0 };
  ck_assert (kit_store_get_counts (f.store, 0, &all, &error));
  ck_assert_uint_eq (all.changes, 5);
  ck_assert_uint_eq (all.with_reason, 2);
  ck_assert_uint_eq (all.partly_reason, 1);
  ck_assert_uint_eq (all.without_reason, 2);
  ck_assert_uint_eq (all.told_in_writing, 2);
  ck_assert_uint_eq (all.requests_unanswered, 3);

  /* Sam is being removed: nothing. */
  KitCounts sam = { 99, 99, 99, 99, 99, 99 };
  ck_assert (kit_store_get_counts (f.store, 2, &sam, &error));
  ck_assert_uint_eq (sam.changes, 0);
  ck_assert_uint_eq (sam.without_reason, 0);
  ck_assert_uint_eq (sam.requests_unanswered, 0);

  teardown (&f);
}
END_TEST

START_TEST (test_empty_record)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  setup (&f, FALSE);

  g_autoptr(GListModel) upcoming = kit_store_list_upcoming (f.store, NULL, 30);
  ck_assert_uint_eq (g_list_model_get_n_items (upcoming), 0);
  g_autoptr(GListModel) sessions = kit_store_list_sessions (f.store, 0, 0);
  ck_assert_uint_eq (g_list_model_get_n_items (sessions), 0);
  KitCounts counts = { 99, 99, 99, 99, 99, 99 };
  ck_assert (kit_store_get_counts (f.store, 0, &counts, &error));
  ck_assert_uint_eq (counts.changes, 0);
  ck_assert_uint_eq (counts.requests_unanswered, 0);

  teardown (&f);
}
END_TEST

/* Through the store's own edits (a real chain): the counts and next due
 * follow what is recorded, and the history stays intact. */
START_TEST (test_recorded_through_store)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  setup (&f, FALSE);

  g_autoptr(KitChild) mia = kit_child_new ();
  kit_child_set_name (mia, "Mia Jones");
  kit_child_set_date_of_birth (mia, "2019-12-05");
  ck_assert_msg (kit_store_save_child (f.store, mia, &error), "%s", error ? error->message : "");
  gint64 child_id = kit_child_get_id (mia);

  g_autoptr(KitArrangement) letters = kit_arrangement_new (child_id);
  kit_arrangement_set_kind (letters, "letterbox");
  kit_arrangement_set_freq_count (letters, 2);
  kit_arrangement_set_freq_unit (letters, "year");
  kit_arrangement_set_start_date (letters, "2026-03-01");
  g_autoptr(KitChange) started = kit_change_new (child_id, 0);
  kit_change_set_what_changed (started, "started");
  kit_change_set_effective_date (started, "2026-03-01");
  kit_change_set_reason_given (started, "no");
  ck_assert_msg (kit_store_record_change (f.store, started, letters, &error), "%s",
                 error ? error->message : "");
  gint64 arrangement_id = kit_arrangement_get_id (letters);
  ck_assert_int_gt (arrangement_id, 0);

  /* Never sent yet: due six months after the start, already past. */
  g_autoptr(KitArrangement) loaded = kit_store_find_arrangement (f.store, arrangement_id);
  ck_assert_pstr_eq (kit_arrangement_get_next_due (loaded), "2026-09-01");

  g_autoptr(KitSession) sent = session (arrangement_id, "2026-09-10", "letter-sent", "happened");
  kit_session_set_reply_expected (sent, "2026-10-10");
  ck_assert (kit_store_save_session (f.store, sent, &error));
  g_autoptr(KitArrangement) reloaded = kit_store_find_arrangement (f.store, arrangement_id);
  ck_assert_pstr_eq (kit_arrangement_get_next_due (reloaded), "2027-03-10");

  g_autoptr(KitChange) cut = kit_change_new (child_id, arrangement_id);
  g_autoptr(KitArrangement) after = kit_arrangement_copy (reloaded);
  kit_arrangement_set_freq_count (after, 1);
  kit_change_set_what_changed (cut, "frequency");
  kit_change_set_effective_date (cut, "2026-11-01");
  kit_change_set_reason_given (cut, "partly");
  kit_change_set_reason_text (cut, "The adopters asked");
  kit_change_set_told_how (cut, "letter");
  ck_assert_msg (kit_store_record_change (f.store, cut, after, &error), "%s",
                 error ? error->message : "");

  KitCounts counts = { 0 };
  ck_assert (kit_store_get_counts (f.store, child_id, &counts, &error));
  ck_assert_uint_eq (counts.changes, 2);
  ck_assert_uint_eq (counts.without_reason, 1);
  ck_assert_uint_eq (counts.partly_reason, 1);
  ck_assert_uint_eq (counts.told_in_writing, 1);
  ck_assert (kit_store_child_history_intact (f.store, child_id));

  /* Now once a year: due a year after the letter. */
  g_autoptr(KitArrangement) yearly = kit_store_find_arrangement (f.store, arrangement_id);
  ck_assert_pstr_eq (kit_arrangement_get_next_due (yearly), "2027-09-10");

  /* The reply is overdue, and shows first. */
  g_autoptr(GListModel) upcoming = kit_store_list_upcoming (f.store, TODAY, 30);
  ck_assert_uint_ge (g_list_model_get_n_items (upcoming), 2);
  g_autoptr(KitUpcoming) first = g_list_model_get_item (upcoming, 0);
  ck_assert_int_eq (kit_upcoming_get_kind (first), KIT_UPCOMING_REPLY_OVERDUE);
  ck_assert_str_eq (kit_upcoming_get_title (first), "Waiting for a reply about Mia Jones");
  g_autoptr(KitUpcoming) second = g_list_model_get_item (upcoming, 1);
  ck_assert_int_eq (kit_upcoming_get_kind (second), KIT_UPCOMING_BIRTHDAY);

  teardown (&f);
}
END_TEST

static guint
count_kind (GListModel *list, KitUpcomingKind kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(KitUpcoming) item = g_list_model_get_item (list, i);
      n += kit_upcoming_get_kind (item) == kind;
    }
  return n;
}

/* Only a letter that went waits for a reply, and only a letter that came is
 * one: a reply only planned ("Letter expected") must not hide the one that
 * is missing, and a letter only planned is not waiting for anything. */
START_TEST (test_replies_only_from_letters_that_went)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;

  setup (&f, TRUE);
  g_autoptr(KitSession) expected = session (1, "2026-11-30", "letter-received", "planned");
  ck_assert (kit_store_save_session (f.store, expected, &error));
  g_autoptr(KitSession) unsent = session (1, "2026-10-01", "letter-sent", "planned");
  kit_session_set_reply_expected (unsent, "2026-10-20");
  ck_assert (kit_store_save_session (f.store, unsent, &error));

  g_autoptr(GListModel) list = kit_store_list_sessions (f.store, 1, 1);
  KitSession *sent = find_session (list, 3);
  ck_assert (!kit_session_get_reply_arrived (sent));
  ck_assert (kit_session_reply_overdue (sent, TODAY));
  KitSession *planned = find_session (list, kit_session_get_id (unsent));
  ck_assert (!kit_session_reply_overdue (planned, TODAY));
  g_autofree char *words = kit_session_describe_reply (planned, TODAY);
  ck_assert_ptr_null (words);

  /* Only the letter of 20 May is waiting for its reply. */
  g_autoptr(GListModel) upcoming = kit_store_list_upcoming (f.store, TODAY, 30);
  ck_assert_uint_eq (count_kind (upcoming, KIT_UPCOMING_REPLY_OVERDUE), 1);
  g_autoptr(KitUpcoming) first = g_list_model_get_item (upcoming, 0);
  ck_assert_str_eq (kit_upcoming_get_date (first), "2026-07-01");
  teardown (&f);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("sessions");

  kt_init ();
  kt_add_test (s, "validation", test_sessions_validation);
  kt_add_test (s, "listed", test_sessions_listed);
  kt_add_test (s, "next-due", test_next_due);
  kt_add_test (s, "upcoming", test_upcoming);
  kt_add_test (s, "replies", test_replies_only_from_letters_that_went);
  kt_add_test (s, "important-dates", test_important_dates);
  kt_add_test (s, "counts", test_counts);
  kt_add_test (s, "empty", test_empty_record);
  kt_add_test (s, "recorded-through-store", test_recorded_through_store);
  return kt_run_suite (s);
}
