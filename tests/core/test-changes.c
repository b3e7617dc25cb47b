/* test-changes.c — arrangements and their history through KitStore: a new
 * arrangement and each change recorded with the before and after of every
 * field, the arrangement updated, the hash chain and its anchor, validation
 * that leaves nothing half saved, corrections, follow-ups, the counts, a
 * change altered behind the store's back, and a long history in order. */

#include "kit-test-common.h"

#include <string.h>

#include "kit-store.h"
#include "kit-vocab.h"

#define TODAY "2026-11-23"

typedef struct {
  sqlite3 *db;
  KitStore *store;
  gint64 child;
  gint64 jo;       /* a coordinator */
  guint changed;
} Fixture;

static void
on_changed (KitStore *store, Fixture *f)
{
  f->changed++;
}

static void
setup (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitChild) child = kit_child_new ();
  g_autoptr (KitPerson) jo = kit_person_new ();

  g_setenv ("KIT_TODAY", TODAY, TRUE);
  memset (f, 0, sizeof *f);
  ck_assert_int_eq (sqlite3_open (":memory:", &f->db), SQLITE_OK);
  ck_assert_msg (kit_schema_configure (f->db, &error) && kit_schema_migrate (f->db, &error), "%s",
                 error ? error->message : "");
  f->store = kit_store_new (f->db, &error);
  ck_assert_msg (f->store != NULL, "%s", error ? error->message : "");
  kit_child_set_name (child, "Mia");
  ck_assert (kit_store_save_child (f->store, child, &error));
  f->child = kit_child_get_id (child);
  kit_person_set_name (jo, "Jo Smith");
  ck_assert (kit_store_save_person (f->store, jo, &error));
  f->jo = kit_person_get_id (jo);
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
}

static void
teardown (Fixture *f)
{
  g_clear_object (&f->store);
  sqlite3_close (f->db);
  g_unsetenv ("KIT_TODAY");
}

static gint64
count (Fixture *f, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return kt_query_int (f->db, sql);
}

static void
assert_input_error (GError **error, int code)
{
  ck_assert_msg (*error != NULL, "expected input error %d, got none", code);
  ck_assert_msg ((*error)->domain == KIT_INPUT_ERROR && (*error)->code == code,
                 "expected input error %d, got %d: %s", code, (*error)->code, (*error)->message);
  g_clear_error (error);
}

/* "New arrangement": letters twice a year from 1 March 2020. */
static gint64
new_letterbox (Fixture *f, KitChange **out_change)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitChange) change = kit_change_new (f->child, 0);
  g_autoptr (KitArrangement) a = kit_arrangement_new (f->child);

  kit_arrangement_set_kind (a, "letterbox");
  kit_arrangement_set_freq_count (a, 2);
  kit_arrangement_set_freq_unit (a, "year");
  kit_arrangement_set_coordinator_id (a, f->jo);
  kit_arrangement_set_start_date (a, "2020-03-01");
  kit_change_set_what_changed (change, "started");
  kit_change_set_effective_date (change, "2020-03-01");
  kit_change_set_decided_by (change, "court");
  kit_change_set_reason_given (change, "yes");
  kit_change_set_reason_text (change, "Agreed in the placement plan.");
  ck_assert_msg (kit_store_record_change (f->store, change, a, &error), "%s",
                 error ? error->message : "");
  ck_assert_int_gt (kit_arrangement_get_id (a), 0);
  if (out_change != NULL)
    *out_change = g_object_ref (change);
  return kit_arrangement_get_id (a);
}

static const KitFieldChange *
field (KitChange *change, const char *name)
{
  GPtrArray *fields = kit_change_get_fields (change);

  for (guint i = 0; i < fields->len; i++)
    {
      const KitFieldChange *fc = g_ptr_array_index (fields, i);
      if (g_strcmp0 (fc->field, name) == 0)
        return fc;
    }
  return NULL;
}

static void
assert_chain_ok (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) broken = NULL;

  ck_assert (kit_chain_verify (f->db, &broken, &error));
  ck_assert_uint_eq (broken->len, 0);
  ck_assert (kit_store_child_history_intact (f->store, f->child));
}

START_TEST (test_new_arrangement_and_changes)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (KitChange) started = NULL;
  g_autoptr (KitChange) change = NULL;
  g_autoptr (KitArrangement) after = NULL;
  gint64 id;

  setup (&f);
  id = new_letterbox (&f, &started);
  ck_assert_uint_eq (f.changed, 1);
  ck_assert_int_eq (kit_change_get_seq (started), 1);
  ck_assert_int_gt (kit_change_get_id (started), 0);
  ck_assert_int_eq (kit_change_get_arrangement_id (started), id);
  ck_assert_int_eq (strlen (kit_change_get_recorded_at (started)), 20);
  ck_assert (g_str_has_suffix (kit_change_get_recorded_at (started), "Z"));
  ck_assert_int_eq (strlen (kit_change_get_hash_hex (started)), 64);
  /* Every field of a new arrangement, from nothing. */
  ck_assert_str_eq (field (started, "kind")->before, "");
  ck_assert_str_eq (field (started, "kind")->after, kit_vocab_label (KIT_VOCAB_KIND, "letterbox"));
  ck_assert_str_eq (field (started, "frequency")->after, "twice a year");
  ck_assert_str_eq (field (started, "coordinator")->after, "Jo Smith");
  ck_assert_str_eq (field (started, "status")->after, kit_vocab_label (KIT_VOCAB_STATUS, "active"));
  ck_assert_str_eq (field (started, "start-date")->after, "1 March 2020");
  ck_assert_ptr_null (field (started, "venue"));   /* nothing there before or after */

  /* Once a year from 2024, nothing else. */
  after = kit_store_find_arrangement (f.store, id);
  ck_assert_ptr_nonnull (after);
  kit_arrangement_set_freq_count (after, 1);
  change = kit_change_new (f.child, id);
  kit_change_set_what_changed (change, "frequency");
  kit_change_set_effective_date (change, "2024-05-01");
  kit_change_set_decided_by (change, "agency");
  kit_change_set_reason_given (change, "no");
  kit_change_set_told_how (change, "letter");
  kit_change_set_told_date (change, "2024-04-20");
  kit_change_set_her_view (change, "Nobody asked me.");
  ck_assert_msg (kit_store_record_change (f.store, change, after, &error), "%s",
                 error ? error->message : "");
  ck_assert_uint_eq (f.changed, 2);
  ck_assert_int_eq (kit_change_get_seq (change), 2);
  ck_assert_uint_eq (kit_change_get_fields (change)->len, 1);
  ck_assert_str_eq (field (change, "frequency")->before, "twice a year");
  ck_assert_str_eq (field (change, "frequency")->after, "once a year");
  {
    g_autoptr (KitArrangement) now = kit_store_find_arrangement (f.store, id);
    ck_assert_int_eq (kit_arrangement_get_freq_count (now), 1);
    ck_assert_str_eq (kit_arrangement_get_coordinator_name (now), "Jo Smith");
  }
  /* The stored JSON holds the same, read back by SQLite. */
  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT json_extract(fields_json, '$[0].field') || '|' || "
      "json_extract(fields_json, '$[0].before') || '|' || json_extract(fields_json, '$[0].after') "
      "FROM changes WHERE id = %" G_GINT64_FORMAT, kit_change_get_id (change));
    g_autofree char *text = kt_query_text (f.db, sql);
    ck_assert_str_eq (text, "frequency|twice a year|once a year");
  }

  /* Paused, with no new details: the status follows what changed. */
  {
    g_autoptr (KitChange) pause = kit_change_new (f.child, id);
    g_autoptr (KitArrangement) now = NULL;
    kit_change_set_what_changed (pause, "paused");
    kit_change_set_effective_date (pause, "2025-01-10");
    ck_assert (kit_store_record_change (f.store, pause, NULL, &error));
    ck_assert_str_eq (field (pause, "status")->before, kit_vocab_label (KIT_VOCAB_STATUS, "active"));
    ck_assert_str_eq (field (pause, "status")->after, kit_vocab_label (KIT_VOCAB_STATUS, "paused"));
    now = kit_store_find_arrangement (f.store, id);
    ck_assert_str_eq (kit_arrangement_get_status (now), "paused");
    ck_assert_ptr_null (kit_arrangement_get_next_due (now));
  }
  /* Restarted: active again. */
  {
    g_autoptr (KitChange) restart = kit_change_new (f.child, id);
    g_autoptr (KitArrangement) now = kit_store_find_arrangement (f.store, id);
    g_autoptr (KitArrangement) later = NULL;
    kit_change_set_what_changed (restart, "restarted");
    kit_change_set_effective_date (restart, "2025-06-10");
    ck_assert (kit_store_record_change (f.store, restart, now, &error));
    later = kit_store_find_arrangement (f.store, id);
    ck_assert_str_eq (kit_arrangement_get_status (later), "active");
    ck_assert_int_eq (kit_change_get_seq (restart), 4);
  }

  ck_assert_int_eq (count (&f, "changes"), 4);
  ck_assert_int_eq (kt_query_int (f.db, "SELECT max(seq) FROM changes"), 4);
  assert_chain_ok (&f);
  /* The anchor names the last entry. */
  {
    g_autofree char *anchor = kt_query_text (f.db, "SELECT value FROM meta WHERE key = 'chain-tail:1'");
    g_autofree char *tail = kit_store_child_chain_tail (f.store, f.child);
    g_autofree char *expected = g_strdup_printf ("4:%s", tail);
    ck_assert_str_eq (anchor, expected);
  }

  /* The history, newest first, filled in. */
  {
    g_autoptr (GListModel) list = kit_store_list_changes (f.store, f.child, 0);
    g_autoptr (KitChange) newest = NULL;
    g_autoptr (KitChange) second = NULL;
    g_autoptr (KitChange) oldest = NULL;
    ck_assert_uint_eq (g_list_model_get_n_items (list), 4);
    newest = g_list_model_get_item (list, 0);
    second = g_list_model_get_item (list, 2);
    oldest = g_list_model_get_item (list, 3);
    ck_assert_str_eq (kit_change_get_what_changed (newest), "restarted");
    ck_assert_str_eq (kit_change_get_what_changed (oldest), "started");
    ck_assert_str_eq (kit_change_get_arrangement_title (oldest), kit_vocab_label (KIT_VOCAB_KIND, "letterbox"));
    ck_assert_str_eq (kit_change_get_her_view (second), "Nobody asked me.");
    ck_assert_str_eq (kit_change_get_told_date (second), "2024-04-20");
    ck_assert_str_eq (field (second, "frequency")->after, "once a year");
    ck_assert_str_eq (kit_change_get_hash_hex (second), kit_change_get_hash_hex (change));
  }
  {
    g_autoptr (KitChange) found = kit_store_find_change (f.store, kit_change_get_id (change));
    ck_assert_ptr_nonnull (found);
    ck_assert_int_eq (kit_change_get_seq (found), 2);
    ck_assert_str_eq (field (found, "frequency")->before, "twice a year");
  }
  teardown (&f);
}
END_TEST

START_TEST (test_validation_saves_nothing)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  gint64 id, changes, arrangements;
  guint changed;
  g_autofree char *before = NULL;

  setup (&f);
  id = new_letterbox (&f, NULL);
  changes = count (&f, "changes");
  arrangements = count (&f, "arrangements");
  changed = f.changed;
  before = kt_dump_db (f.db);

  /* Before the arrangement began. */
  {
    g_autoptr (KitChange) change = kit_change_new (f.child, id);
    g_autoptr (KitArrangement) a = kit_store_find_arrangement (f.store, id);
    kit_arrangement_set_freq_count (a, 1);
    kit_change_set_what_changed (change, "frequency");
    kit_change_set_effective_date (change, "2020-02-29");
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    ck_assert_str_eq (error->message,
                      "This change can't take effect before the arrangement began on 1 March 2020.");
    assert_input_error (&error, KIT_INPUT_ERROR_EFFECTIVE_DATE);
    /* Missing, or not a real date. */
    kit_change_set_effective_date (change, NULL);
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_EFFECTIVE_DATE);
    kit_change_set_effective_date (change, "2023-02-29");
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_EFFECTIVE_DATE);
    ck_assert_int_eq (kit_change_get_id (change), 0);
  }
  /* A frequency of zero, or below. */
  {
    g_autoptr (KitChange) change = kit_change_new (f.child, id);
    g_autoptr (KitArrangement) a = kit_store_find_arrangement (f.store, id);
    kit_arrangement_set_freq_count (a, 0);
    kit_change_set_what_changed (change, "frequency");
    kit_change_set_effective_date (change, "2024-01-01");
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    ck_assert_str_eq (error->message, "How often must be at least once.");
    assert_input_error (&error, KIT_INPUT_ERROR_FREQUENCY);
    kit_arrangement_set_freq_count (a, -3);
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_FREQUENCY);
    kit_arrangement_set_freq_count (a, 40);
    kit_arrangement_set_freq_unit (a, "week");
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_FREQUENCY);
  }
  /* Told in the future, or on a day that does not exist. */
  {
    g_autoptr (KitChange) change = kit_change_new (f.child, id);
    g_autoptr (KitArrangement) a = kit_store_find_arrangement (f.store, id);
    kit_arrangement_set_venue (a, "The family centre");
    kit_change_set_what_changed (change, "venue");
    kit_change_set_effective_date (change, "2024-01-01");
    kit_change_set_told_how (change, "letter");
    kit_change_set_told_date (change, "2026-11-24");
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_TOLD_DATE);
    kit_change_set_told_date (change, "2024-13-01");
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_TOLD_DATE);
    /* Unknown codes. */
    kit_change_set_told_date (change, NULL);
    kit_change_set_what_changed (change, "everything");
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_KIND);
    kit_change_set_what_changed (change, "venue");
    kit_arrangement_set_kind (a, "carrier-pigeon");
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_KIND);
  }
  /* A change that changes and says nothing. */
  {
    g_autoptr (KitChange) change = kit_change_new (f.child, id);
    g_autoptr (KitArrangement) a = kit_store_find_arrangement (f.store, id);
    kit_change_set_what_changed (change, "other");
    kit_change_set_effective_date (change, "2024-01-01");
    ck_assert (!kit_store_record_change (f.store, change, a, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_NOTHING_CHANGED);
  }
  /* A correction of another child's entry. */
  {
    g_autoptr (KitChild) other = kit_child_new ();
    g_autoptr (KitChange) change = NULL;
    g_autoptr (KitChange) theirs = NULL;
    g_autoptr (KitArrangement) a = kit_arrangement_new (0);
    g_autofree char *with_ben = NULL;
    kit_child_set_name (other, "Ben");
    ck_assert (kit_store_save_child (f.store, other, &error));
    theirs = kit_change_new (kit_child_get_id (other), 0);
    kit_change_set_what_changed (theirs, "started");
    kit_change_set_effective_date (theirs, "2022-01-01");
    ck_assert (kit_store_record_change (f.store, theirs, a, &error));
    with_ben = kt_dump_db (f.db);
    change = kit_change_new (f.child, id);
    kit_change_set_corrects_id (change, kit_change_get_id (theirs));
    kit_change_set_effective_date (change, "2022-01-01");
    kit_change_set_reason_text (change, "Wrong date.");
    ck_assert (!kit_store_record_change (f.store, change, NULL, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
    {
      g_autofree char *after = kt_dump_db (f.db);
      ck_assert_str_eq (after, with_ben);
    }
    changes += 1;
    arrangements += 1;
    changed += 2;
    g_free (before);
    before = g_steal_pointer (&with_ben);
  }

  ck_assert_int_eq (count (&f, "changes"), changes);
  ck_assert_int_eq (count (&f, "arrangements"), arrangements);
  ck_assert_uint_eq (f.changed, changed);
  {
    g_autofree char *after = kt_dump_db (f.db);
    ck_assert_str_eq (after, before);
  }
  {
    g_autoptr (KitArrangement) a = kit_store_find_arrangement (f.store, id);
    ck_assert_int_eq (kit_arrangement_get_freq_count (a), 2);
    ck_assert_str_eq (kit_arrangement_get_venue (a), "");
  }
  assert_chain_ok (&f);
  teardown (&f);
}
END_TEST

START_TEST (test_correction_and_follow_ups)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (KitChange) started = NULL;
  g_autoptr (KitChange) fix = NULL;
  g_autoptr (KitChange) fix2 = NULL;
  g_autoptr (KitFollowUp) asked = NULL;
  KitCounts counts;
  gint64 id;

  setup (&f);
  id = new_letterbox (&f, &started);

  /* "Correct this": a new entry pointing at the old one, which is unchanged. */
  fix = kit_change_new (f.child, id);
  kit_change_set_corrects_id (fix, kit_change_get_id (started));
  kit_change_set_effective_date (fix, "2020-03-01");
  kit_change_set_reason_given (fix, "partly");
  kit_change_set_reason_text (fix, "It was the agency, not the court, that decided.");
  kit_change_set_told_how (fix, "email");
  kit_change_set_told_date (fix, "2020-03-05");
  ck_assert_msg (kit_store_record_change (f.store, fix, NULL, &error), "%s",
                 error ? error->message : "");
  ck_assert_int_eq (kit_change_get_seq (fix), 2);
  ck_assert_uint_eq (kit_change_get_fields (fix)->len, 0);
  {
    g_autoptr (KitChange) old = kit_store_find_change (f.store, kit_change_get_id (started));
    ck_assert_int_eq (kit_change_get_corrected_by_id (old), kit_change_get_id (fix));
    ck_assert_str_eq (kit_change_get_decided_by (old), "court");
  }
  /* A second correction: the newest is the one shown. */
  fix2 = kit_change_copy (fix);
  kit_change_set_id (fix2, 0);
  kit_change_set_reason_text (fix2, "Decided jointly, in fact.");
  ck_assert (kit_store_record_change (f.store, fix2, NULL, &error));
  {
    g_autoptr (KitChange) old = kit_store_find_change (f.store, kit_change_get_id (started));
    ck_assert_int_eq (kit_change_get_corrected_by_id (old), kit_change_get_id (fix2));
  }

  /* Follow-ups: validated, then saved and listed with their change. */
  asked = kit_follow_up_new (kit_change_get_id (started));
  ck_assert (!kit_store_save_follow_up (f.store, asked, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_FOLLOW_UP_DATE);
  kit_follow_up_set_requested_date (asked, "2026-12-01");
  ck_assert (!kit_store_save_follow_up (f.store, asked, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_FOLLOW_UP_DATE);
  kit_follow_up_set_requested_date (asked, "2021-02-30");
  ck_assert (!kit_store_save_follow_up (f.store, asked, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_FOLLOW_UP_DATE);
  kit_follow_up_set_requested_date (asked, "2021-03-01");
  kit_follow_up_set_answered_date (asked, "2021-02-01");
  kit_follow_up_set_answer (asked, "Because.");
  ck_assert (!kit_store_save_follow_up (f.store, asked, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_FOLLOW_UP_DATE);
  ck_assert_int_eq (count (&f, "follow_ups"), 0);

  kit_follow_up_set_answered_date (asked, NULL);
  kit_follow_up_set_answer (asked, NULL);
  ck_assert (kit_store_save_follow_up (f.store, asked, &error));
  ck_assert_int_gt (kit_follow_up_get_id (asked), 0);
  {
    g_autoptr (KitFollowUp) second = kit_follow_up_new (kit_change_get_id (started));
    kit_follow_up_set_requested_date (second, "2022-01-01");
    ck_assert (kit_store_save_follow_up (f.store, second, &error));
  }
  ck_assert (kit_store_get_counts (f.store, f.child, &counts, &error));
  ck_assert_uint_eq (counts.requests_unanswered, 2);
  ck_assert_uint_eq (counts.changes, 3);
  ck_assert_uint_eq (counts.with_reason, 1);
  ck_assert_uint_eq (counts.partly_reason, 2);
  ck_assert_uint_eq (counts.told_in_writing, 2);
  {
    g_autoptr (KitChange) old = kit_store_find_change (f.store, kit_change_get_id (started));
    GPtrArray *follow_ups = kit_change_get_follow_ups (old);
    ck_assert_uint_eq (follow_ups->len, 2);
    ck_assert_str_eq (kit_follow_up_get_requested_date (g_ptr_array_index (follow_ups, 0)), "2021-03-01");
  }

  /* The answer came: one fewer unanswered. */
  kit_follow_up_set_answered_date (asked, "2021-04-01");
  kit_follow_up_set_answer (asked, "The court order says so.");
  ck_assert (kit_store_save_follow_up (f.store, asked, &error));
  ck_assert (kit_store_get_counts (f.store, f.child, &counts, &error));
  ck_assert_uint_eq (counts.requests_unanswered, 1);
  ck_assert_int_eq (count (&f, "follow_ups"), 2);

  ck_assert (kit_store_remove_follow_up (f.store, kit_follow_up_get_id (asked), &error));
  ck_assert (!kit_store_remove_follow_up (f.store, kit_follow_up_get_id (asked), &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert_int_eq (count (&f, "follow_ups"), 1);
  /* Follow-ups are outside the chain. */
  assert_chain_ok (&f);
  teardown (&f);
}
END_TEST

START_TEST (test_tampering_seen_on_opening)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (KitStore) again = NULL;
  g_autoptr (GPtrArray) names = NULL;
  gint64 id;

  setup (&f);
  id = new_letterbox (&f, NULL);
  {
    g_autoptr (KitChange) change = kit_change_new (f.child, id);
    kit_change_set_what_changed (change, "stopped");
    kit_change_set_effective_date (change, "2025-01-01");
    ck_assert (kit_store_record_change (f.store, change, NULL, &error));
  }
  ck_assert (kit_store_child_history_intact (f.store, f.child));
  names = kit_store_get_broken_histories (f.store);
  ck_assert_uint_eq (names->len, 0);
  g_clear_pointer (&names, g_ptr_array_unref);

  ck_assert_int_eq (sqlite3_exec (f.db, "UPDATE changes SET reason_given = 'no' WHERE seq = 1",
                                  NULL, NULL, NULL), SQLITE_OK);
  again = kit_store_new (f.db, &error);
  ck_assert_ptr_nonnull (again);
  ck_assert (!kit_store_child_history_intact (again, f.child));
  names = kit_store_get_broken_histories (again);
  ck_assert_uint_eq (names->len, 1);
  ck_assert_str_eq (g_ptr_array_index (names, 0), "Mia");
  g_clear_pointer (&names, g_ptr_array_unref);
  g_clear_object (&again);

  /* Put back, then the newest entry deleted: the anchor shows it. */
  ck_assert_int_eq (sqlite3_exec (f.db, "UPDATE changes SET reason_given = 'yes' WHERE seq = 1",
                                  NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (f.db, "DELETE FROM changes WHERE seq = 2", NULL, NULL, NULL),
                    SQLITE_OK);
  again = kit_store_new (f.db, &error);
  ck_assert (!kit_store_child_history_intact (again, f.child));
  g_clear_object (&again);
  teardown (&f);
}
END_TEST

START_TEST (test_long_history_in_order)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = NULL;
  gint64 id;

  setup (&f);
  id = new_letterbox (&f, NULL);
  /* 199 more: alternately once and twice a year, a day apart, some on the
   * same day (then the later entry comes first). */
  for (int i = 1; i < 200; i++)
    {
      g_autoptr (KitChange) change = kit_change_new (f.child, id);
      g_autoptr (KitArrangement) a = kit_store_find_arrangement (f.store, id);
      g_autofree char *day = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_MARCH, 2020);
      g_date_add_days (&date, (guint) (i - i % 2));
      day = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date));
      kit_arrangement_set_freq_count (a, i % 2 == 0 ? 2 : 1);
      kit_change_set_what_changed (change, "frequency");
      kit_change_set_effective_date (change, day);
      ck_assert_msg (kit_store_record_change (f.store, change, a, &error), "%d: %s", i,
                     error ? error->message : "");
      ck_assert_int_eq (kit_change_get_seq (change), i + 1);
    }
  ck_assert_uint_eq (f.changed, 200);
  list = kit_store_list_changes (f.store, f.child, 0);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 200);
  for (guint i = 0; i + 1 < 200; i++)
    {
      g_autoptr (KitChange) a = g_list_model_get_item (list, i);
      g_autoptr (KitChange) b = g_list_model_get_item (list, i + 1);
      int by_date = strcmp (kit_change_get_effective_date (a), kit_change_get_effective_date (b));
      ck_assert_msg (by_date > 0 || (by_date == 0 && kit_change_get_seq (a) > kit_change_get_seq (b)),
                     "entries %u and %u out of order", i, i + 1);
    }
  {
    g_autoptr (KitChange) newest = g_list_model_get_item (list, 0);
    ck_assert_int_eq (kit_change_get_seq (newest), 200);
    ck_assert_str_eq (field (newest, "frequency")->before, "twice a year");
    ck_assert_str_eq (field (newest, "frequency")->after, "once a year");
  }
  /* The filter by arrangement: another arrangement's entries are left out. */
  {
    g_autoptr (GListModel) none = kit_store_list_changes (f.store, f.child, id + 1);
    ck_assert_uint_eq (g_list_model_get_n_items (none), 0);
  }
  assert_chain_ok (&f);
  teardown (&f);
}
END_TEST

START_TEST (test_arrangement_details)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (KitArrangement) a = NULL;
  gint64 id, changes;
  guint changed;

  setup (&f);
  id = new_letterbox (&f, NULL);
  changes = count (&f, "changes");
  changed = f.changed;

  /* Details are saved without a change in the history; contact itself is not. */
  a = kit_store_find_arrangement (f.store, id);
  kit_arrangement_set_notes (a, "Letters go via the agency's Leeds office.");
  kit_arrangement_set_last_reviewed (a, "2025-09-01");
  kit_arrangement_set_next_review (a, "2027-09-01");
  kit_arrangement_set_agreed_next (a, "2027-03-01");
  kit_arrangement_set_coordinator_id (a, 0);
  kit_arrangement_set_freq_count (a, 12);   /* ignored: that is a change */
  ck_assert_msg (kit_store_save_arrangement_details (f.store, a, &error), "%s",
                 error ? error->message : "");
  ck_assert_uint_eq (f.changed, changed + 1);
  ck_assert_int_eq (count (&f, "changes"), changes);
  g_clear_object (&a);
  a = kit_store_find_arrangement (f.store, id);
  ck_assert_str_eq (kit_arrangement_get_notes (a), "Letters go via the agency's Leeds office.");
  ck_assert_str_eq (kit_arrangement_get_last_reviewed (a), "2025-09-01");
  ck_assert_str_eq (kit_arrangement_get_next_review (a), "2027-09-01");
  ck_assert_str_eq (kit_arrangement_get_agreed_next (a), "2027-03-01");
  ck_assert_int_eq (kit_arrangement_get_coordinator_id (a), 0);
  ck_assert_str_eq (kit_arrangement_get_coordinator_name (a), "");
  ck_assert_int_eq (kit_arrangement_get_freq_count (a), 2);

  /* Refused: a review in the future said to have happened, a date that does
   * not exist, someone not in the address book. Nothing saved. */
  kit_arrangement_set_last_reviewed (a, "2027-01-01");
  ck_assert (!kit_store_save_arrangement_details (f.store, a, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_DATE);
  kit_arrangement_set_last_reviewed (a, NULL);
  kit_arrangement_set_next_review (a, "2027-02-30");
  ck_assert (!kit_store_save_arrangement_details (f.store, a, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_DATE);
  kit_arrangement_set_next_review (a, NULL);
  kit_arrangement_set_supervisor_id (a, f.jo + 50);
  ck_assert (!kit_store_save_arrangement_details (f.store, a, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert_uint_eq (f.changed, changed + 1);
  g_clear_object (&a);
  a = kit_store_find_arrangement (f.store, id);
  ck_assert_str_eq (kit_arrangement_get_last_reviewed (a), "2025-09-01");

  /* A new arrangement whose start date does not exist. */
  {
    g_autoptr (KitChange) change = kit_change_new (f.child, 0);
    g_autoptr (KitArrangement) b = kit_arrangement_new (f.child);
    kit_arrangement_set_kind (b, "video-call");
    kit_arrangement_set_start_date (b, "2021-04-31");
    kit_change_set_what_changed (change, "started");
    kit_change_set_effective_date (change, "2021-05-01");
    ck_assert (!kit_store_record_change (f.store, change, b, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_START_DATE);
    ck_assert_int_eq (count (&f, "arrangements"), 1);
    ck_assert_int_eq (kit_arrangement_get_id (b), 0);
  }
  teardown (&f);
}
END_TEST

/* While a child is removed (undo still possible) nothing about her can be
 * edited or seen; undo brings everything back; purging deletes it all,
 * corrections, follow-ups, sessions, dates and the chain's anchor included. */
START_TEST (test_removed_child_untouched_then_purged)
{
  Fixture f;
  g_autoptr (GError) error = NULL;
  g_autoptr (KitChange) started = NULL;
  g_autoptr (KitChange) fix = NULL;
  g_autoptr (KitFollowUp) asked = NULL;
  g_autoptr (KitSession) session = NULL;
  g_autoptr (KitImportantDate) day = NULL;
  g_autoptr (GListModel) upcoming = NULL;
  KitCounts counts;
  gint64 id;

  setup (&f);
  id = new_letterbox (&f, &started);
  fix = kit_change_new (f.child, id);
  kit_change_set_corrects_id (fix, kit_change_get_id (started));
  kit_change_set_effective_date (fix, "2020-03-01");
  kit_change_set_reason_text (fix, "The agency decided.");
  ck_assert (kit_store_record_change (f.store, fix, NULL, &error));
  asked = kit_follow_up_new (kit_change_get_id (started));
  kit_follow_up_set_requested_date (asked, "2021-03-01");
  ck_assert (kit_store_save_follow_up (f.store, asked, &error));
  session = kit_session_new (id);
  kit_session_set_date (session, "2026-11-25");
  ck_assert_msg (kit_store_save_session (f.store, session, &error), "%s",
                 error ? error->message : "");
  day = kit_important_date_new (f.child);
  kit_important_date_set_date (day, "2019-11-24");
  kit_important_date_set_label (day, "The day she went");
  ck_assert (kit_store_save_important_date (f.store, day, &error));

  ck_assert (kit_store_remove_child (f.store, f.child, &error));
  f.changed = 0;
  ck_assert (!kit_store_remove_follow_up (f.store, kit_follow_up_get_id (asked), &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert (!kit_store_save_follow_up (f.store, asked, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert (!kit_store_save_session (f.store, session, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert (!kit_store_remove_session (f.store, kit_session_get_id (session), &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert (!kit_store_remove_important_date (f.store, kit_important_date_get_id (day), &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert_uint_eq (f.changed, 0);
  ck_assert_ptr_null (kit_store_find_change (f.store, kit_change_get_id (started)));
  ck_assert_ptr_null (kit_store_find_arrangement (f.store, id));
  ck_assert_ptr_null (kit_store_child_chain_tail (f.store, f.child));
  ck_assert (kit_store_get_counts (f.store, 0, &counts, &error));
  ck_assert_uint_eq (counts.changes, 0);
  ck_assert_uint_eq (counts.requests_unanswered, 0);
  upcoming = kit_store_list_upcoming (f.store, NULL, 30);
  ck_assert_uint_eq (g_list_model_get_n_items (upcoming), 0);

  /* Undo: all of it is back, untouched. */
  ck_assert (kit_store_undo_remove_child (f.store, f.child, &error));
  ck_assert_int_eq (count (&f, "follow_ups"), 1);
  {
    g_autoptr (GListModel) sessions = kit_store_list_sessions (f.store, f.child, 0);
    g_autoptr (GListModel) changes = kit_store_list_changes (f.store, f.child, 0);
    ck_assert_uint_eq (g_list_model_get_n_items (sessions), 1);
    ck_assert_uint_eq (g_list_model_get_n_items (changes), 2);
  }
  assert_chain_ok (&f);

  /* Removed and purged: nothing left, not even the anchor. */
  ck_assert (kit_store_remove_child (f.store, f.child, &error));
  ck_assert (kit_store_purge_removed (f.store, &error));
  ck_assert_int_eq (count (&f, "changes"), 0);
  ck_assert_int_eq (count (&f, "follow_ups"), 0);
  ck_assert_int_eq (count (&f, "sessions"), 0);
  ck_assert_int_eq (count (&f, "important_dates"), 0);
  ck_assert_int_eq (count (&f, "arrangements"), 0);
  ck_assert_int_eq (kt_query_int (f.db, "SELECT count(*) FROM meta WHERE key LIKE 'chain-tail:%'"), 0);
  ck_assert_int_eq (count (&f, "people"), 1);
  {
    g_autoptr (GPtrArray) broken = NULL;
    ck_assert (kit_chain_verify (f.db, &broken, &error));
    ck_assert_uint_eq (broken->len, 0);
  }
  teardown (&f);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("changes");

  kt_init ();
  kt_add_test (s, "new-arrangement-and-changes", test_new_arrangement_and_changes);
  kt_add_test (s, "validation-saves-nothing", test_validation_saves_nothing);
  kt_add_test (s, "correction-and-follow-ups", test_correction_and_follow_ups);
  kt_add_test (s, "tampering-seen-on-opening", test_tampering_seen_on_opening);
  kt_add_test (s, "long-history-in-order", test_long_history_in_order);
  kt_add_test (s, "arrangement-details", test_arrangement_details);
  kt_add_test (s, "removed-child", test_removed_child_untouched_then_purged);
  return kt_run_suite (s);
}
