/* test-dates.c — calendar dates (kit-date.h): real dates only, what people
 * type, month arithmetic across month ends and leap years, when contact is
 * next due, anniversaries and ages; and the plain words of the model objects
 * that are built from them. */

#include "kit-test-common.h"

#include "kit-arrangement.h"
#include "kit-change.h"
#include "kit-child.h"
#include "kit-date.h"
#include "kit-session.h"
#include "kit-vocab.h"

#define assert_str_owned(expr, expected)        \
  G_STMT_START {                                \
    g_autofree char *got_ = (expr);             \
    ck_assert_pstr_eq (got_, (expected));       \
  } G_STMT_END

START_TEST (test_parse)
{
  GDate d;
  g_date_clear (&d, 1);

  ck_assert (kit_date_parse ("2024-02-29", &d));
  ck_assert_int_eq (g_date_get_day (&d), 29);
  ck_assert_int_eq (g_date_get_month (&d), 2);
  ck_assert_int_eq (g_date_get_year (&d), 2024);
  ck_assert (kit_date_parse ("2027-12-31", NULL));

  ck_assert (!kit_date_parse ("2023-02-29", NULL));
  ck_assert (!kit_date_parse ("2027-02-31", NULL));
  ck_assert (!kit_date_parse ("2027-04-31", NULL));
  ck_assert (!kit_date_parse ("2027-13-01", NULL));
  ck_assert (!kit_date_parse ("2027-00-10", NULL));
  ck_assert (!kit_date_parse ("2027-01-00", NULL));
  ck_assert (!kit_date_parse ("garbage", NULL));
  ck_assert (!kit_date_parse ("2027-1-5", NULL));
  ck_assert (!kit_date_parse ("2027-01-05x", NULL));
  ck_assert (!kit_date_parse (" 2027-01-05", NULL));
  ck_assert (!kit_date_parse ("+027-01-05", NULL));
  ck_assert (!kit_date_parse ("", NULL));
  ck_assert (!kit_date_parse (NULL, NULL));

  ck_assert (kit_date_is_unset (NULL));
  ck_assert (kit_date_is_unset (""));
  ck_assert (!kit_date_is_unset ("2027-01-05"));

  g_date_set_dmy (&d, 5, 1, 2027);
  assert_str_owned (kit_date_to_iso (&d), "2027-01-05");
}
END_TEST

static void
assert_from_user (const char *text, const char *expected)
{
  g_autofree char *iso = NULL;
  ck_assert_msg (kit_date_from_user (text, &iso), "'%s' was refused", text);
  ck_assert_msg (g_strcmp0 (iso, expected) == 0, "'%s' gave %s, not %s", text,
                 iso ? iso : "NULL", expected ? expected : "NULL");
}

static void
assert_refused (const char *text)
{
  /* The out value must be cleared, not left as it was. */
  g_autofree char *left_over = g_strdup ("left over");
  char *iso = left_over;
  gboolean accepted = kit_date_from_user (text, &iso);

  ck_assert_msg (!accepted, "'%s' was accepted as %s", text, iso);
  ck_assert_ptr_null (iso);
}

START_TEST (test_from_user)
{
  assert_from_user ("1/3/2027", "2027-03-01");
  assert_from_user ("01/03/2027", "2027-03-01");
  assert_from_user ("1.3.2027", "2027-03-01");
  assert_from_user ("1-3-2027", "2027-03-01");
  assert_from_user ("1 March 2027", "2027-03-01");
  assert_from_user ("1 march 2027", "2027-03-01");
  assert_from_user ("1 Mar 2027", "2027-03-01");
  assert_from_user ("1st March 2027", "2027-03-01");
  assert_from_user ("29 Feb 2028", "2028-02-29");
  assert_from_user ("5 Sept 2026", "2026-09-05");
  assert_from_user ("2027-03-01", "2027-03-01");
  assert_from_user ("  12/11/2026  ", "2026-11-12");
  /* Day before month, as in the UK: 3/1 is the 3rd of January. */
  assert_from_user ("3/1/2027", "2027-01-03");

  assert_from_user ("", NULL);
  assert_from_user ("   ", NULL);
  assert_from_user (NULL, NULL);

  assert_refused ("31/2/2027");
  assert_refused ("29/2/2027");
  assert_refused ("2027-02-31");
  assert_refused ("31 April 2027");
  assert_refused ("1/13/2027");
  assert_refused ("1/3/27");
  assert_refused ("1 Marchember 2027");
  assert_refused ("1 Ma 2027");
  assert_refused ("next Tuesday");
  assert_refused ("1/3");
  assert_refused ("garbage");
  assert_refused ("1//2027");
  /* Only st, nd, rd and th follow a day. */
  assert_from_user ("2nd March 2027", "2027-03-02");
  assert_from_user ("23rd March 2027", "2027-03-23");
  assert_from_user ("4TH March 2027", "2027-03-04");
  assert_refused ("1xx March 2027");
  assert_refused ("1am March 2027");
}
END_TEST

START_TEST (test_format)
{
  assert_str_owned (kit_date_format ("2027-03-01"), "1 March 2027");
  assert_str_owned (kit_date_format ("2026-12-25"), "25 December 2026");
  assert_str_owned (kit_date_format_short ("2027-05-01"), "1 May 2027");
  assert_str_owned (kit_date_format_month ("2026-11"), "November 2026");
  assert_str_owned (kit_date_format_month ("2028-02-29"), "February 2028");
  ck_assert_ptr_null (kit_date_format_month ("2026-13"));
  ck_assert_ptr_null (kit_date_format_month ("soon"));
  assert_str_owned (kit_date_format_short ("2027-09-10"), "10 Sep 2027");
  assert_str_owned (kit_date_format (NULL), "");
  assert_str_owned (kit_date_format ("2027-02-31"), "");
}
END_TEST

START_TEST (test_add_months)
{
  assert_str_owned (kit_date_add_months ("2027-01-31", 1), "2027-02-28");
  assert_str_owned (kit_date_add_months ("2028-01-31", 1), "2028-02-29");
  assert_str_owned (kit_date_add_months ("2027-12-15", 1), "2028-01-15");
  assert_str_owned (kit_date_add_months ("2027-03-31", 1), "2027-04-30");
  assert_str_owned (kit_date_add_months ("2028-02-29", 12), "2029-02-28");
  assert_str_owned (kit_date_add_months ("2027-03-31", -1), "2027-02-28");
  assert_str_owned (kit_date_add_months ("2027-08-31", 6), "2028-02-29");
  ck_assert_ptr_null (kit_date_add_months ("2027-02-31", 1));
  ck_assert_ptr_null (kit_date_add_months (NULL, 1));

  assert_str_owned (kit_date_add_days ("2027-12-31", 1), "2028-01-01");
  assert_str_owned (kit_date_add_days ("2028-02-28", 1), "2028-02-29");
  assert_str_owned (kit_date_add_days ("2028-03-01", -1), "2028-02-29");
  ck_assert_ptr_null (kit_date_add_days ("garbage", 1));
  /* Outside years 1 to 9999 there is no date, and no GLib warning either. */
  ck_assert_ptr_null (kit_date_add_days ("0001-01-01", -1));
  ck_assert_ptr_null (kit_date_add_days ("9999-12-31", 1));
  ck_assert_ptr_null (kit_date_add_days ("2026-01-01", G_MAXINT));
  ck_assert_ptr_null (kit_date_add_days ("2026-01-01", G_MININT));
  ck_assert_ptr_null (kit_date_add_months ("0001-01-01", -1));
  ck_assert_ptr_null (kit_date_add_months ("9999-12-01", 1));
  ck_assert_ptr_null (kit_date_add_months ("2026-01-01", G_MAXINT));
  ck_assert_ptr_null (kit_date_add_months ("2026-01-01", G_MININT));
  assert_str_owned (kit_date_add_months ("0001-02-28", -1), "0001-01-28");
  assert_str_owned (kit_date_add_days ("9999-12-30", 1), "9999-12-31");

  ck_assert_int_eq (kit_date_days_between ("2028-02-28", "2028-03-01"), 2);
  ck_assert_int_eq (kit_date_days_between ("2027-03-01", "2027-02-28"), -1);
  ck_assert_int_lt (kit_date_compare ("2027-01-01", "2027-01-02"), 0);
  ck_assert_int_gt (kit_date_compare ("2027-01-02", "2027-01-01"), 0);
  ck_assert_int_eq (kit_date_compare ("2027-01-02", "2027-01-02"), 0);
  ck_assert_int_lt (kit_date_compare (NULL, "2027-01-01"), 0);
  ck_assert_int_lt (kit_date_compare ("", "2027-01-01"), 0);
  ck_assert_int_eq (kit_date_compare (NULL, ""), 0);
}
END_TEST

START_TEST (test_next_due)
{
  /* Years: whole months where 12 divides evenly. */
  assert_str_owned (kit_date_next_due ("2026-08-31", 2, "year"), "2027-02-28");
  assert_str_owned (kit_date_next_due ("2027-08-31", 2, "year"), "2028-02-29");
  assert_str_owned (kit_date_next_due ("2026-03-01", 1, "year"), "2027-03-01");
  assert_str_owned (kit_date_next_due ("2028-02-29", 1, "year"), "2029-02-28");
  assert_str_owned (kit_date_next_due ("2026-01-31", 4, "year"), "2026-04-30");
  assert_str_owned (kit_date_next_due ("2026-01-15", 12, "year"), "2026-02-15");
  /* 5 a year does not divide 12: every 73 days. */
  assert_str_owned (kit_date_next_due ("2026-01-01", 5, "year"), "2026-03-15");
  /* Months. */
  assert_str_owned (kit_date_next_due ("2028-01-31", 1, "month"), "2028-02-29");
  assert_str_owned (kit_date_next_due ("2027-01-31", 1, "month"), "2027-02-28");
  assert_str_owned (kit_date_next_due ("2027-12-15", 1, "month"), "2028-01-15");
  assert_str_owned (kit_date_next_due ("2027-02-01", 2, "month"), "2027-02-16");
  assert_str_owned (kit_date_next_due ("2027-02-01", 4, "month"), "2027-02-08");
  assert_str_owned (kit_date_next_due ("2027-02-01", 60, "month"), "2027-02-02");
  /* Weeks. */
  assert_str_owned (kit_date_next_due ("2027-12-29", 1, "week"), "2028-01-05");
  assert_str_owned (kit_date_next_due ("2028-02-26", 3, "week"), "2028-02-28");
  assert_str_owned (kit_date_next_due ("2027-03-01", 7, "week"), "2027-03-02");
  assert_str_owned (kit_date_next_due ("2027-03-01", 14, "week"), "2027-03-02");
  /* Not due by a frequency. */
  ck_assert_ptr_null (kit_date_next_due ("2027-03-01", 1, "one-off"));
  ck_assert_ptr_null (kit_date_next_due ("2027-03-01", 0, "as-agreed"));
  ck_assert_ptr_null (kit_date_next_due ("2027-03-01", 0, "year"));
  ck_assert_ptr_null (kit_date_next_due ("2027-03-01", -2, "month"));
  ck_assert_ptr_null (kit_date_next_due (NULL, 2, "year"));
  ck_assert_ptr_null (kit_date_next_due ("2027-02-31", 2, "year"));
  ck_assert_ptr_null (kit_date_next_due ("2027-03-01", 2, "fortnight"));
}
END_TEST

START_TEST (test_anniversary_and_age)
{
  /* 29 February falls on 28 February in other years. */
  assert_str_owned (kit_date_next_anniversary ("2024-02-29", "2026-11-23"), "2027-02-28");
  assert_str_owned (kit_date_next_anniversary ("2024-02-29", "2027-03-01"), "2028-02-29");
  assert_str_owned (kit_date_next_anniversary ("2024-02-29", "2028-02-29"), "2028-02-29");
  assert_str_owned (kit_date_next_anniversary ("2020-12-05", "2026-12-05"), "2026-12-05");
  assert_str_owned (kit_date_next_anniversary ("2020-12-05", "2026-12-06"), "2027-12-05");
  assert_str_owned (kit_date_next_anniversary ("2020-01-01", "2026-12-31"), "2027-01-01");
  ck_assert_ptr_null (kit_date_next_anniversary ("2020-02-30", "2026-12-31"));

  ck_assert_int_eq (kit_date_age_years ("2019-12-05", "2026-12-04"), 6);
  ck_assert_int_eq (kit_date_age_years ("2019-12-05", "2026-12-05"), 7);
  ck_assert_int_eq (kit_date_age_years ("2019-12-05", "2026-12-06"), 7);
  ck_assert_int_eq (kit_date_age_years ("2020-02-29", "2027-02-28"), 6);
  ck_assert_int_eq (kit_date_age_years ("2020-02-29", "2027-03-01"), 7);
  ck_assert_int_eq (kit_date_age_years ("2020-02-29", "2028-02-29"), 8);
  ck_assert_int_eq (kit_date_age_years ("2026-11-23", "2026-11-23"), 0);
  ck_assert_int_eq (kit_date_age_years ("2026-11-24", "2026-11-23"), -1);
  ck_assert_int_eq (kit_date_age_years (NULL, "2026-11-23"), -1);
}
END_TEST

START_TEST (test_today)
{
  g_setenv ("KIT_TODAY", "2027-02-28", TRUE);
  assert_str_owned (kit_date_today (), "2027-02-28");
  g_unsetenv ("KIT_TODAY");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today = kit_date_today ();
  /* Without KIT_TODAY it is the real local date (a run across midnight aside). */
  ck_assert_str_eq (today, expected);
}
END_TEST

START_TEST (test_vocab)
{
  ck_assert_str_eq (kit_vocab_label (KIT_VOCAB_KIND, "letterbox"), "Letters through the agency");
  ck_assert_str_eq (kit_vocab_help (KIT_VOCAB_KIND, "letterbox"),
                    "Letters passed on by the adoption agency");
  ck_assert_str_eq (kit_vocab_label (KIT_VOCAB_STATUS, "active"), "Happening now");
  ck_assert_str_eq (kit_vocab_label (KIT_VOCAB_SESSION_STATUS, "missed"), "Didn't happen");
  ck_assert_str_eq (kit_vocab_label (KIT_VOCAB_WHAT_CHANGED, "started"), "It started");
  ck_assert_str_eq (kit_vocab_label (KIT_VOCAB_TOLD_HOW, "not-told"), "I wasn't told");
  ck_assert_str_eq (kit_vocab_label (KIT_VOCAB_KIND, "no-such-code"), "no-such-code");
  ck_assert (kit_vocab_has (KIT_VOCAB_DECIDED_BY, "jointly"));
  ck_assert (!kit_vocab_has (KIT_VOCAB_DECIDED_BY, "the-mother"));
  ck_assert_uint_eq (kit_vocab_index (KIT_VOCAB_FREQ_UNIT, "year"), 2);
  ck_assert_uint_eq (kit_vocab_index (KIT_VOCAB_FREQ_UNIT, "nonsense"), 0);

  /* Every list: codes unique, every label present. */
  for (int list = KIT_VOCAB_LIVES_WITH; list <= KIT_VOCAB_SESSION_STATUS; list++)
    {
      guint n = 0;
      const KitVocabItem *items = kit_vocab_items (list, &n);
      ck_assert_uint_gt (n, 1);
      for (guint i = 0; i < n; i++)
        {
          ck_assert (items[i].label != NULL && items[i].label[0] != '\0');
          ck_assert_uint_eq (kit_vocab_index (list, items[i].code), i);
        }
    }
}
END_TEST

START_TEST (test_child_initials)
{
  g_autoptr(KitChild) child = kit_child_new ();

  kit_child_set_name (child, "Mia Jones");
  ck_assert_str_eq (kit_child_get_initials (child), "MJ");
  kit_child_set_name (child, "mia");
  ck_assert_str_eq (kit_child_get_initials (child), "M");
  kit_child_set_name (child, "  élodie  rose  łukasiewicz ");
  ck_assert_str_eq (kit_child_get_initials (child), "ÉŁ");
  kit_child_set_name (child, "");
  ck_assert_str_eq (kit_child_get_initials (child), "");

  g_autoptr(KitChild) copy = (kit_child_set_name (child, "Sam Lee"), kit_child_copy (child));
  ck_assert_str_eq (kit_child_get_initials (copy), "SL");
}
END_TEST

START_TEST (test_describe_arrangement)
{
  assert_str_owned (kit_describe_frequency (1, "year"), "once a year");
  assert_str_owned (kit_describe_frequency (2, "year"), "twice a year");
  assert_str_owned (kit_describe_frequency (3, "year"), "3 times a year");
  assert_str_owned (kit_describe_frequency (1, "month"), "once a month");
  assert_str_owned (kit_describe_frequency (1, "week"), "once a week");
  assert_str_owned (kit_describe_frequency (0, "one-off"), "one-off");
  assert_str_owned (kit_describe_frequency (0, "as-agreed"), "as agreed");
  assert_str_owned (kit_describe_venue ("the family centre"), "at the family centre");
  assert_str_owned (kit_describe_venue ("online"), "online");
  assert_str_owned (kit_describe_venue ("Online, on the agency's laptop"), "Online, on the agency's laptop");
  assert_str_owned (kit_describe_venue ("through the letterbox scheme"), "through the letterbox scheme");
  assert_str_owned (kit_describe_venue (""), "");

  g_autoptr(KitArrangement) a = kit_arrangement_new (1);
  kit_arrangement_set_kind (a, "letterbox");
  kit_arrangement_set_freq_count (a, 2);
  kit_arrangement_set_freq_unit (a, "year");
  kit_arrangement_set_next_due (a, "2027-03-01");
  kit_arrangement_set_coordinator_name (a, "Jo Smith");
  ck_assert_str_eq (kit_arrangement_get_title (a), "Letters through the agency");
  assert_str_owned (kit_arrangement_describe (a),
                    "Letters through the agency — twice a year, next due 1 March 2027, "
                    "coordinated by Jo Smith");

  kit_arrangement_set_kind (a, "face-to-face-supervised");
  kit_arrangement_set_status (a, "paused");
  kit_arrangement_set_next_due (a, NULL);
  kit_arrangement_set_venue (a, "the family centre");
  kit_arrangement_set_supervisor_name (a, "Ann Lee");
  kit_arrangement_set_coordinator_name (a, "");
  g_autofree char *text = kit_arrangement_describe (a);
  ck_assert_msg (strstr (text, "Paused") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "at the family centre") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "supervised by Ann Lee") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "coordinated") == NULL, "%s", text);
}
END_TEST

static void
add_field (GPtrArray *fields, const char *field, const char *before, const char *after)
{
  KitFieldChange *fc = g_new0 (KitFieldChange, 1);
  fc->field = g_strdup (field);
  fc->before = g_strdup (before);
  fc->after = g_strdup (after);
  g_ptr_array_add (fields, fc);
}

START_TEST (test_describe_change)
{
  g_autoptr(KitChange) change = kit_change_new (1, 1);
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) kit_field_change_free);
  add_field (fields, "frequency", "twice a year", "once a year");
  add_field (fields, "venue", "", "The library");
  kit_change_take_fields (change, fields);

  GPtrArray *follow_ups = g_ptr_array_new_with_free_func (g_object_unref);
  KitFollowUp *f = kit_follow_up_new (1);
  kit_follow_up_set_requested_date (f, "2027-01-10");
  g_ptr_array_add (follow_ups, f);
  kit_change_take_follow_ups (change, follow_ups);
  ck_assert (kit_follow_up_is_unanswered (f));

  g_autoptr(KitChange) copy = kit_change_copy (change);
  g_clear_object (&change);
  ck_assert_uint_eq (kit_change_get_fields (copy)->len, 2);
  ck_assert_uint_eq (kit_change_get_follow_ups (copy)->len, 1);
  assert_str_owned (kit_change_describe_fields (copy),
                    "How often: twice a year → once a year\nWhere: The library");

  assert_str_owned (kit_change_describe_reason (copy), "No reason was given");
  kit_change_set_reason_given (copy, "partly");
  kit_change_set_reason_text (copy, "The carers asked");
  assert_str_owned (kit_change_describe_reason (copy), "Part of a reason was given: The carers asked");
  kit_change_set_reason_given (copy, "yes");
  assert_str_owned (kit_change_describe_reason (copy), "The carers asked");
  kit_change_set_reason_text (copy, "  ");
  g_autofree char *empty = kit_change_describe_reason (copy);
  ck_assert_str_ne (empty, "");
  ck_assert_str_ne (empty, "No reason was given");

  ck_assert (!kit_change_told_in_writing (copy));
  kit_change_set_told_how (copy, "email");
  ck_assert (kit_change_told_in_writing (copy));

  KitFollowUp *answered = g_ptr_array_index (kit_change_get_follow_ups (copy), 0);
  kit_follow_up_set_answered_date (answered, "2027-02-01");
  ck_assert (!kit_follow_up_is_unanswered (answered));
}
END_TEST

START_TEST (test_describe_session)
{
  g_autoptr(KitSession) s = kit_session_new (1);
  kit_session_set_kind (s, "letter-sent");
  kit_session_set_status (s, "happened");
  kit_session_set_date (s, "2027-03-01");
  kit_session_set_reply_expected (s, "2027-05-01");

  ck_assert (!kit_session_reply_overdue (s, "2027-05-01"));
  ck_assert (kit_session_reply_overdue (s, "2027-05-02"));
  assert_str_owned (kit_session_describe_reply (s, "2027-05-02"),
                    "A reply was expected by 1 May 2027; nothing has arrived yet.");
  assert_str_owned (kit_session_describe (s), "Letter sent");
  kit_session_set_reply_arrived (s, TRUE);
  ck_assert (!kit_session_reply_overdue (s, "2027-05-02"));

  kit_session_set_kind (s, "contact");
  ck_assert_ptr_null (kit_session_describe_reply (s, "2027-05-02"));
  assert_str_owned (kit_session_describe (s), "Contact happened");
  kit_session_set_status (s, "missed");
  assert_str_owned (kit_session_describe (s), "Contact didn't happen");
  kit_session_set_status (s, "cancelled");
  kit_session_set_cancelled_by (s, "the carers");
  kit_session_set_cancel_reason (s, "Mia was ill");
  assert_str_owned (kit_session_describe (s), "Cancelled by the carers: Mia was ill");
  kit_session_set_kind (s, "letter-received");
  kit_session_set_status (s, "happened");
  assert_str_owned (kit_session_describe (s), "Letter received");
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("dates");

  /* English words regardless of the machine's language. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  kt_add_test (s, "parse", test_parse);
  kt_add_test (s, "from-user", test_from_user);
  kt_add_test (s, "format", test_format);
  kt_add_test (s, "add-months", test_add_months);
  kt_add_test (s, "next-due", test_next_due);
  kt_add_test (s, "anniversary-and-age", test_anniversary_and_age);
  kt_add_test (s, "today", test_today);
  kt_add_test (s, "vocab", test_vocab);
  kt_add_test (s, "child-initials", test_child_initials);
  kt_add_test (s, "describe-arrangement", test_describe_arrangement);
  kt_add_test (s, "describe-change", test_describe_change);
  kt_add_test (s, "describe-session", test_describe_session);
  return kt_run_suite (s);
}
