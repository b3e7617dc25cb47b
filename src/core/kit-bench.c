/* kit-bench.c — the benchmark record of DESIGN §8 (10 children, 60
 * arrangements, 2,000 changes, 3,000 sessions, 10,000 diary entries of about
 * 600 characters; "small" is a tenth), filled with generated but plausible
 * text from a fixed-seed generator so runs compare, and the timings that
 * `keep-in-touch-cli bench` prints. */

#include "kit-bench.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kit-chain.h"
#include "kit-error.h"
#include "kit-letter.h"
#include "kit-record-format.h"
#include "kit-renderer.h"
#include "kit-store.h"
#include "kit-vault.h"

#define BENCH_SEED       20240601
#define BENCH_SAVES      50
#define CHILD_PAGE_RUNS  9
#define LETTER_RUNS      9
#define LONG_REASON_CHARS 4000
#define DIARY_BODY_CHARS 600

typedef struct {
  guint people;
  guint children;
  guint arrangements;
  guint changes;
  guint sessions;
  guint diary;
} BenchCounts;

static const BenchCounts counts_large = { 30, 10, 60, 2000, 3000, 10000 };
static const BenchCounts counts_small = { 3, 1, 6, 200, 300, 1000 };

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, (gint32) G_N_ELEMENTS (list))])

/* People and organisations. */
static const char *const first_names[] = {
  "Sarah", "Priya", "Joanne", "Michael", "Aisha", "David", "Helen", "Tomasz", "Grace",
  "Rachel", "Imran", "Claire", "Nkechi", "Paul", "Lucy", "Gareth", "Fatima", "Siobhan",
};
static const char *const last_names[] = {
  "Hughes", "Patel", "Okafor", "Brennan", "Walsh", "Kowalski", "Ahmed", "Turner",
  "Davies", "MacLeod", "Robinson", "Begum", "Evans", "Nowak", "Campbell", "Shaw",
};
static const char *const roles[] = {
  "Social worker", "Letterbox coordinator", "Contact supervisor", "Foster carer",
  "Adoptive parent", "Special guardian", "Independent reviewing officer",
  "Family support worker", "Advocate", "Solicitor",
};
static const char *const organisations[] = {
  "Northshire Council Children's Services", "Riverside Adoption Agency",
  "Hillview Family Centre", "Oakfield Fostering", "Birth Parents Support Network",
  "Valley Regional Adoption Agency", "Brookside Children's Home",
};
static const char *const streets[] = {
  "Station Road", "Church Lane", "Victoria Street", "Mill Close", "Park View",
  "Orchard Way", "High Street", "Beech Avenue",
};
static const char *const towns[] = {
  "Northtown", "Riverside", "Ashford Green", "Millbrook", "Hillcrest", "Eastleigh Vale",
};

/* Children. */
static const char *const child_names[] = {
  "Amelia", "Jayden", "Lily", "Kai", "Olivia", "Tyler", "Maisie", "Riley", "Ava",
  "Mason", "Ruby", "Leo", "Evie", "Noah", "Poppy", "Alfie",
};
static const char *const lives_with[] = {
  "foster-carers", "kinship-carers", "special-guardians", "adoptive-family",
  "residential-home", "other-parent", "other", "not-known",
};
static const char *const legal_orders[] = {
  "care-order", "placement-order", "adoption-order", "special-guardianship-order",
  "child-arrangements-order", "none", "not-known",
};

/* Arrangements. */
static const char *const kinds[] = {
  "letterbox", "face-to-face-supervised", "face-to-face-unsupervised", "video-call",
  "phone-call", "cards-and-gifts", "sibling-contact", "farewell-contact", "other",
};
static const char *const freq_units[] = { "week", "month", "year", "one-off", "as-agreed" };
static const char *const statuses[] = { "proposed", "active", "active", "active", "paused", "stopped" };
static const char *const venues[] = {
  "Hillview Family Centre", "the contact room at the council offices", "the library café",
  "the park near the carers' home", "through the letterbox scheme", "online, on the agency's laptop",
  "the soft play in town", "the carers' home",
};

/* Changes. */
static const char *const frequency_words[] = {
  "once a week", "once a fortnight", "once a month", "every six weeks", "every two months",
  "three times a year", "twice a year", "once a year",
};
static const char *const decided_by[] = {
  "agency", "court", "carers", "child", "mother", "jointly", "not-known",
};
static const char *const reason_given[] = { "yes", "partly", "no" };
static const char *const reason_categories[] = {
  "childs-wishes", "carers-request", "safety-concern", "practical-reasons",
  "court-decision", "sessions-missed", "agency-resources", "other", "not-given",
};
static const char *const reasons[] = {
  "The carers said the journey on a school night was too tiring for her.",
  "We were told the family centre has fewer supervisors this term.",
  "The social worker said he has been unsettled after the last few visits.",
  "The court decided this at the final hearing.",
  "They said it would help him settle in his new school.",
  "Two sessions were missed in the winter and the agency wants to review it.",
  "She asked to see her friends on Saturdays, so the day was moved.",
  "The adopters asked for a break over the summer holidays.",
  "No reason was written down; it was mentioned at the review.",
  "The supervisor is leaving and a new one has not been found yet.",
};
static const char *const told_how[] = {
  "letter", "email", "phone", "in-person", "review-meeting", "found-out", "not-told",
};
static const char *const her_views[] = {
  "I did not agree, and I said so at the meeting.",
  "I understand why, but I would like it looked at again in six months.",
  "Nobody asked me before it was decided.",
  "I was told by phone and asked for it in writing.",
  "I am glad of it, it was what I asked for.",
  "I think it was because I was late twice, and that was the buses.",
  "I accepted it for now so things can settle for him.",
  "I want to know who decided this and when.",
};
static const char *const answers[] = {
  "The social worker wrote back to say it will be reviewed at the next meeting.",
  "The agency replied that the carers' view was taken into account.",
  "I was sent the minutes of the review, which explain some of it.",
  "The team manager phoned and apologised for the delay in telling me.",
};

/* Sessions. */
static const char *const cancelled_by[] = { "carers", "agency", "the child", "me", "the supervisor" };
static const char *const cancel_reasons[] = {
  "She had a cold and the carers did not want her to travel.",
  "No supervisor was available that day.",
  "The room was double-booked.",
  "I could not get there because the trains were cancelled.",
  "He had a school trip that had been forgotten.",
};
static const char *const session_notes[] = {
  "We played cards and she won every game.",
  "He showed me his new trainers and talked about football.",
  "Quiet at first, then we drew pictures together.",
  "She read me a story she wrote at school.",
  "Short visit, but we had a good laugh at the end.",
  "I brought photos from when she was little; she wanted to keep one.",
  "The supervisor said it went well and she will write it up.",
  "Letter sent with a drawing and two photos of the dog.",
};

/* Diary. */
static const char *const openers[] = {
  "This morning", "After the visit", "Tonight", "On the bus home", "Before bed",
  "At the family centre", "Over a cup of tea", "While I was at work", "After the phone call",
  "Sitting in the park", "When the letter came", "First thing today",
};
static const char *const middles[] = {
  "I kept thinking about {}", "I read {}'s last letter again", "I looked at the photos of {}",
  "I wrote a few lines for {}'s next letter", "I wondered what {} is doing at school",
  "I remembered {}'s first birthday", "I talked to my sister about {}",
  "I tidied the box of things I keep for {}", "I practised what to say to {} next time",
  "I found a song {} used to love", "I bought a card for {}", "I told my counsellor about {}",
};
static const char *const endings[] = {
  "and it made me smile.", "and I had to stop for a while.", "so I wrote it down here.",
  "and I felt calmer afterwards.", "and I cried a bit, which is alright.",
  "and it gave me hope for the next visit.", "and I wished I could tell someone.",
  "and then I went for a walk to clear my head.", "and I felt proud of how I managed.",
  "and I know I need to be patient.",
};
static const char *const extra_sentences[] = {
  "The social worker has not replied to my email yet.",
  "I need to ask about the summer holidays at the next review.",
  "It has been a long week, but I kept all my appointments.",
  "My support worker says it is fine to feel like this.",
  "I want to keep this diary honest, even on the bad days.",
  "The weather was grey all day and I stayed in.",
  "I am going to write down my questions before the meeting.",
  "Mum rang and asked how the contact went.",
  "I have started the course at the college again.",
  "I saved some money for the birthday present.",
  "The letter took three weeks to come through the letterbox scheme.",
  "I slept better last night than I have for a while.",
};
static const char *const titles[] = {
  "After contact", "A hard day", "Good news", "Thinking of you", "The review meeting",
  "Letter day", "Birthday", "A quiet evening", "Questions for next time", "Small steps",
  "Missed visit", "Photos", "Phone call",
};
static const char *const feelings[] = {
  "hopeful", "sad", "angry", "worried", "calm", "proud", "tired", "relieved", "lonely", "grateful",
};
static const char *const feeling_texts[] = {
  "", "", "", "A bit all over the place.", "Lighter than yesterday.", "Heavy, but managing.",
  "Nervous about the next one.", "Happy for a while.",
};

static gboolean
sql_fail (sqlite3 *db, GError **error)
{
  g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
               "The benchmark record could not be filled: %s", sqlite3_errmsg (db));
  return FALSE;
}

/* @tmpl with each "{}" replaced by the next of @a, @b. */
static char *
fill_in (const char *tmpl, const char *a, const char *b)
{
  GString *text = g_string_new (NULL);
  const char *fills[] = { a, b };
  guint used = 0;
  const char *at;

  while ((at = strstr (tmpl, "{}")) != NULL)
    {
      g_string_append_len (text, tmpl, at - tmpl);
      if (used < G_N_ELEMENTS (fills) && fills[used] != NULL)
        g_string_append (text, fills[used]);
      used++;
      tmpl = at + 2;
    }
  g_string_append (text, tmpl);
  return g_string_free (text, FALSE);
}

/* A date @days after (or before, when negative) 2018-01-01, as YYYY-MM-DD. */
static char *
date_after (int days)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2018);
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          (guint) g_date_get_month (&date), g_date_get_day (&date));
}

static void
bind_text (sqlite3_stmt *stmt, int col, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

/* Step a bound INSERT/UPDATE and reset it for the next row. */
static gboolean
step_reset (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return sql_fail (db, error);
  return TRUE;
}

static char *
diary_body (GRand *rand, const char *child, guint target)
{
  GString *body = g_string_new (NULL);

  while (body->len < target)
    {
      if (body->len > 0)
        g_string_append_c (body, ' ');
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append (body, PICK (rand, extra_sentences));
      else
        {
          g_autofree char *middle = fill_in (PICK (rand, middles), child, NULL);
          g_string_append_printf (body, "%s %s %s", PICK (rand, openers), middle,
                                  PICK (rand, endings));
        }
    }
  return g_string_free (body, FALSE);
}

static gboolean
fill_people (sqlite3 *db, GRand *rand, const BenchCounts *n, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO people (name, role, organisation, address, phone, "
                          "email, notes) VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &stmt, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  for (guint i = 0; ok && i < n->people; i++)
    {
      const char *first = PICK (rand, first_names);
      const char *last = PICK (rand, last_names);
      g_autofree char *name = g_strdup_printf ("%s %s", first, last);
      g_autofree char *address = g_strdup_printf ("%d %s, %s", g_rand_int_range (rand, 1, 120),
                                                  PICK (rand, streets), PICK (rand, towns));
      g_autofree char *phone = g_strdup_printf ("01632 960%03d", g_rand_int_range (rand, 0, 1000));
      g_autofree char *email = g_ascii_strdown (first, -1);
      g_autofree char *email_full = g_strdup_printf ("%s.%d@example.org", email, i + 1);

      bind_text (stmt, 1, name);
      bind_text (stmt, 2, PICK (rand, roles));
      bind_text (stmt, 3, PICK (rand, organisations));
      bind_text (stmt, 4, address);
      bind_text (stmt, 5, phone);
      bind_text (stmt, 6, email_full);
      bind_text (stmt, 7, g_rand_boolean (rand) ? "" : "Best to ring in the morning.");
      ok = step_reset (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
fill_children (sqlite3 *db, GRand *rand, const BenchCounts *n, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO children (name, other_names, date_of_birth, "
                          "lives_with, legal_order, notes) VALUES (?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  for (guint i = 0; ok && i < n->children; i++)
    {
      g_autofree char *dob = date_after (g_rand_int_range (rand, -2500, 1500));

      bind_text (stmt, 1, child_names[i % G_N_ELEMENTS (child_names)]);
      bind_text (stmt, 2, g_rand_int_range (rand, 0, 4) == 0 ? PICK (rand, child_names) : "");
      bind_text (stmt, 3, dob);
      bind_text (stmt, 4, PICK (rand, lives_with));
      bind_text (stmt, 5, PICK (rand, legal_orders));
      bind_text (stmt, 6, "Loves drawing and animals. Gets anxious before long journeys.");
      ok = step_reset (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
fill_arrangements (sqlite3 *db, GRand *rand, const BenchCounts *n, guint *kind_of,
                   GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO arrangements (child_id, kind, freq_count, freq_unit, "
                          "next_due, venue, supervisor_id, coordinator_id, start_date, status, "
                          "last_reviewed, next_review, notes) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  for (guint i = 0; ok && i < n->arrangements; i++)
    {
      guint kind = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds));
      const char *unit = PICK (rand, freq_units);
      int start = g_rand_int_range (rand, 0, 400);
      g_autofree char *start_date = date_after (start);
      g_autofree char *next_due = date_after (2200 + g_rand_int_range (rand, 0, 90));
      g_autofree char *reviewed = date_after (1900 + g_rand_int_range (rand, 0, 200));
      g_autofree char *next_review = date_after (2300 + g_rand_int_range (rand, 0, 200));

      kind_of[i] = kind;
      sqlite3_bind_int64 (stmt, 1, i % n->children + 1);
      bind_text (stmt, 2, kinds[kind]);
      if (strcmp (unit, "one-off") == 0 || strcmp (unit, "as-agreed") == 0)
        sqlite3_bind_null (stmt, 3);
      else
        sqlite3_bind_int (stmt, 3, g_rand_int_range (rand, 1, 4));
      bind_text (stmt, 4, unit);
      bind_text (stmt, 5, next_due);
      bind_text (stmt, 6, PICK (rand, venues));
      sqlite3_bind_int64 (stmt, 7, g_rand_int_range (rand, 1, (gint32) n->people + 1));
      sqlite3_bind_int64 (stmt, 8, g_rand_int_range (rand, 1, (gint32) n->people + 1));
      bind_text (stmt, 9, start_date);
      bind_text (stmt, 10, PICK (rand, statuses));
      bind_text (stmt, 11, reviewed);
      bind_text (stmt, 12, next_review);
      bind_text (stmt, 13, g_rand_boolean (rand) ? "" : "Agreed at the looked-after review.");
      ok = step_reset (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Changes, interleaved across children as they would be recorded over the
 * years, each child's rows forming its own hash chain. */
/* About 4,000 characters of reasons, one after another. */
static char *
long_reason_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; text->len < LONG_REASON_CHARS; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, reasons[i % G_N_ELEMENTS (reasons)]);
    }
  return g_string_free (text, FALSE);
}

static gboolean
fill_changes (sqlite3 *db, GRand *rand, const BenchCounts *n,
              GError **error)
{
  sqlite3_stmt *insert = NULL, *update = NULL, *follow = NULL;
  g_autofree guint8 *prev = g_malloc0 ((gsize) n->children * KIT_CHAIN_HASH_BYTES);
  g_autofree gint64 *seq = g_new0 (gint64, n->children);
  g_autofree gint64 *last_id = g_new0 (gint64, n->children);
  guint per_child_arrangements = n->arrangements / n->children;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO changes (child_id, arrangement_id, seq, effective_date, "
                          "recorded_at, what_changed, fields_json, decided_by, reason_given, "
                          "reason_text, reason_category, told_how, told_date, her_view, "
                          "corrects_id, prev_hash, hash) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, zeroblob(32))",
                          -1, &insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "UPDATE changes SET hash = ? WHERE id = ?", -1, &update, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO follow_ups (change_id, requested_date, answered_date, "
                          "answer) VALUES (?, ?, ?, ?)", -1, &follow, NULL) != SQLITE_OK)
    {
      ok = sql_fail (db, error);
      goto out;
    }

  for (guint i = 0; ok && i < n->changes; i++)
    {
      guint child = i % n->children;
      guint arrangement = child + n->children * (guint) g_rand_int_range (rand, 0, (gint32) per_child_arrangements);
      int day = (int) ((guint64) i * 2190 / n->changes) + g_rand_int_range (rand, 0, 3);
      g_autofree char *effective = date_after (day);
      g_autofree char *recorded_day = date_after (day + g_rand_int_range (rand, 0, 15));
      g_autofree char *recorded = g_strdup_printf ("%sT%02d:%02d:00Z", recorded_day,
                                                   g_rand_int_range (rand, 8, 22),
                                                   g_rand_int_range (rand, 0, 60));
      /* frequency_words runs from most to least often: two different ones,
       * one before the other as the change goes. */
      int often = g_rand_int_range (rand, 0, G_N_ELEMENTS (frequency_words) - 1);
      int rarely = g_rand_int_range (rand, often + 1, G_N_ELEMENTS (frequency_words));
      gboolean more_often = g_rand_boolean (rand);
      const char *before = frequency_words[more_often ? rarely : often];
      const char *after = frequency_words[more_often ? often : rarely];
      g_autofree char *fields = g_strdup_printf ("[{\"field\":\"frequency\",\"before\":\"%s\","
                                                 "\"after\":\"%s\"}]", before, after);
      const char *given = PICK (rand, reason_given);
      const char *how = PICK (rand, told_how);
      g_autofree char *told = strcmp (how, "not-told") == 0 ? NULL
                              : date_after (day + g_rand_int_range (rand, 0, 30));
      guint8 hash[KIT_CHAIN_HASH_BYTES];
      guint8 *child_prev = prev + (gsize) child * KIT_CHAIN_HASH_BYTES;
      gint64 id;

      sqlite3_bind_int64 (insert, 1, child + 1);
      sqlite3_bind_int64 (insert, 2, arrangement + 1);
      sqlite3_bind_int64 (insert, 3, ++seq[child]);
      bind_text (insert, 4, effective);
      bind_text (insert, 5, recorded);
      bind_text (insert, 6, "frequency");   /* a KIT_VOCAB_WHAT_CHANGED code */
      bind_text (insert, 7, fields);
      bind_text (insert, 8, PICK (rand, decided_by));
      bind_text (insert, 9, given);
      bind_text (insert, 10, strcmp (given, "no") == 0 ? "" : PICK (rand, reasons));
      bind_text (insert, 11, strcmp (given, "no") == 0 ? "not-given" : PICK (rand, reason_categories));
      bind_text (insert, 12, how);
      bind_text (insert, 13, told);
      bind_text (insert, 14, PICK (rand, her_views));
      if (last_id[child] != 0 && g_rand_int_range (rand, 0, 50) == 0)
        sqlite3_bind_int64 (insert, 15, last_id[child]);
      else
        sqlite3_bind_null (insert, 15);
      if (seq[child] == 1)
        sqlite3_bind_null (insert, 16);
      else
        sqlite3_bind_blob (insert, 16, child_prev, KIT_CHAIN_HASH_BYTES, SQLITE_TRANSIENT);
      if (!step_reset (db, insert, error))
        {
          ok = FALSE;
          break;
        }
      id = sqlite3_last_insert_rowid (db);

      if (!kit_chain_hash_change (db, id, seq[child] == 1 ? NULL : child_prev, hash, error))
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_blob (update, 1, hash, KIT_CHAIN_HASH_BYTES, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 2, id);
      if (!step_reset (db, update, error))
        {
          ok = FALSE;
          break;
        }
      memcpy (child_prev, hash, KIT_CHAIN_HASH_BYTES);
      last_id[child] = id;

      if (g_rand_int_range (rand, 0, 7) == 0)
        {
          g_autofree char *requested = date_after (day + g_rand_int_range (rand, 1, 20));
          gboolean answered = g_rand_boolean (rand);
          g_autofree char *answered_on = answered ? date_after (day + g_rand_int_range (rand, 21, 80)) : NULL;

          sqlite3_bind_int64 (follow, 1, id);
          bind_text (follow, 2, requested);
          bind_text (follow, 3, answered_on);
          bind_text (follow, 4, answered ? PICK (rand, answers) : "");
          ok = step_reset (db, follow, error);
        }
    }

  /* Each chain's anchor, as the store writes it after every change. */
  for (guint child = 0; ok && child < n->children; child++)
    if (seq[child] > 0)
      ok = kit_chain_write_anchor (db, child + 1, seq[child],
                                   prev + (gsize) child * KIT_CHAIN_HASH_BYTES, error);

out:
  sqlite3_finalize (insert);
  sqlite3_finalize (update);
  sqlite3_finalize (follow);
  return ok;
}

static gboolean
fill_sessions (sqlite3 *db, GRand *rand, const BenchCounts *n, const guint *kind_of,
               GError **error)
{
  sqlite3_stmt *stmt = NULL;
  guint per_arrangement = MAX (n->sessions / n->arrangements, 1);
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO sessions (arrangement_id, date, kind, status, "
                          "cancelled_by, cancel_reason, reply_expected, notes) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1, &stmt, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  for (guint i = 0; ok && i < n->sessions; i++)
    {
      guint arrangement = i % n->arrangements;
      guint nth = i / n->arrangements;
      int day = (int) (nth * 2300 / per_arrangement) + g_rand_int_range (rand, 0, 10);
      g_autofree char *date = date_after (day);
      gboolean letterbox = strcmp (kinds[kind_of[arrangement]], "letterbox") == 0;
      const char *kind = !letterbox ? "contact" : (nth % 2 == 0 ? "letter-sent" : "letter-received");
      int roll = g_rand_int_range (rand, 0, 20);
      const char *status = day > 2190 ? "planned" : roll < 14 ? "happened" : roll < 17 ? "cancelled" : roll < 18 ? "missed" : "happened";
      gboolean cancelled = strcmp (status, "cancelled") == 0;
      g_autofree char *reply = strcmp (kind, "letter-sent") == 0 ? date_after (day + 42) : NULL;

      sqlite3_bind_int64 (stmt, 1, arrangement + 1);
      bind_text (stmt, 2, date);
      bind_text (stmt, 3, kind);
      bind_text (stmt, 4, status);
      bind_text (stmt, 5, cancelled ? PICK (rand, cancelled_by) : "");
      bind_text (stmt, 6, cancelled ? PICK (rand, cancel_reasons) : "");
      bind_text (stmt, 7, reply);
      bind_text (stmt, 8, strcmp (status, "happened") == 0 ? PICK (rand, session_notes) : "");
      ok = step_reset (db, stmt, error);
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Diary entries, each added to the full-text index as the app does (the
 * schema has no triggers for it: trusted_schema=OFF forbids them). */
static gboolean
fill_diary (sqlite3 *db, GRand *rand, const BenchCounts *n, GError **error)
{
  sqlite3_stmt *stmt = NULL, *index = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO diary_entries (date, child_id, session_id, title, body, "
                          "feelings, feelings_text, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO diary_fts (rowid, title, body, feelings_text) "
                          "SELECT id, title, body, feelings_text FROM diary_entries WHERE id = ?",
                          -1, &index, NULL) != SQLITE_OK)
    {
      ok = sql_fail (db, error);
      goto out;
    }
  for (guint i = 0; ok && i < n->diary; i++)
    {
      guint child = (guint) g_rand_int_range (rand, 0, (gint32) n->children);
      gboolean about_child = g_rand_int_range (rand, 0, 5) != 0;
      g_autofree char *date = date_after ((int) ((guint64) i * 2300 / n->diary));
      g_autofree char *body = diary_body (rand, about_child ? child_names[child % G_N_ELEMENTS (child_names)]
                                                            : "the children",
                                          DIARY_BODY_CHARS - 80 + (guint) g_rand_int_range (rand, 0, 60));
      const char *feeling = PICK (rand, feelings);
      const char *second = PICK (rand, feelings);
      g_autofree char *feeling_list = strcmp (feeling, second) == 0 || g_rand_boolean (rand)
                                      ? g_strdup (feeling) : g_strdup_printf ("%s,%s", feeling, second);

      bind_text (stmt, 1, date);
      if (about_child)
        sqlite3_bind_int64 (stmt, 2, child + 1);
      else
        sqlite3_bind_null (stmt, 2);
      if (g_rand_int_range (rand, 0, 3) == 0)
        sqlite3_bind_int64 (stmt, 3, g_rand_int_range (rand, 1, (gint32) n->sessions + 1));
      else
        sqlite3_bind_null (stmt, 3);
      bind_text (stmt, 4, PICK (rand, titles));
      bind_text (stmt, 5, body);
      bind_text (stmt, 6, feeling_list);
      bind_text (stmt, 7, PICK (rand, feeling_texts));
      sqlite3_bind_int (stmt, 8, g_rand_int_range (rand, 0, 5) == 0);
      if (!step_reset (db, stmt, error))
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (index, 1, sqlite3_last_insert_rowid (db));
      ok = step_reset (db, index, error);
    }

out:
  sqlite3_finalize (stmt);
  sqlite3_finalize (index);
  return ok;
}

gboolean
kit_bench_fill (sqlite3 *db, KitBenchSize size, GError **error)
{
  const BenchCounts *n = size == KIT_BENCH_LARGE ? &counts_large : &counts_small;
  g_autoptr (GRand) rand = g_rand_new_with_seed (BENCH_SEED);
  g_autofree guint *kind_of = g_new0 (guint, n->arrangements);

  if (sqlite3_exec (db, "BEGIN IMMEDIATE;", NULL, NULL, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  if (sqlite3_exec (db, "INSERT INTO meta (key, value) VALUES ('me-name', 'Anna Price'),"
                    " ('me-address', '12 Elm Road\nLeeds\nLS1 2AB')", NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_fail (db, error);
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }
  if (!fill_people (db, rand, n, error) ||
      !fill_children (db, rand, n, error) ||
      !fill_arrangements (db, rand, n, kind_of, error) ||
      !fill_changes (db, rand, n, error) ||
      !fill_sessions (db, rand, n, kind_of, error) ||
      !fill_diary (db, rand, n, error))
    {
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }
  if (sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_fail (db, error);
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
append_figure (GString *out, const char *name, double value, const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Always a dot for the decimal point, whatever the locale. */
  g_string_append_printf (out, "%s %s %s\n", name,
                          g_ascii_formatd (buf, sizeof buf, "%.1f", value), unit);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The first thing the app does after opening: list the children. */
static gboolean
first_query (sqlite3 *db, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT id, name FROM children ORDER BY name", -1, &stmt, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sql_fail (db, error);
  return TRUE;
}

/* One single-row edit of a diary entry, as the app makes after typing: the
 * old text leaves the full-text index, the row changes, the new text enters
 * it, in one transaction. */
static gboolean
edit_one_entry (sqlite3 *db, GRand *rand, guint n_entries, guint round, GError **error)
{
  static const char *const steps[] = {
    "INSERT INTO diary_fts (diary_fts, rowid, title, body, feelings_text) "
    "SELECT 'delete', id, title, body, feelings_text FROM diary_entries WHERE id = ?1",
    "UPDATE diary_entries SET body = ?2, "
    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1",
    "INSERT INTO diary_fts (rowid, title, body, feelings_text) "
    "SELECT id, title, body, feelings_text FROM diary_entries WHERE id = ?1",
  };
  g_autofree char *body = diary_body (rand, "her", DIARY_BODY_CHARS);
  g_autofree char *edited = g_strdup_printf ("%s (Edited, round %u.)", body, round);
  gint64 id = g_rand_int_range (rand, 1, (gint32) n_entries + 1);

  if (sqlite3_exec (db, "BEGIN IMMEDIATE;", NULL, NULL, NULL) != SQLITE_OK)
    return sql_fail (db, error);
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, steps[i], -1, &stmt, NULL) != SQLITE_OK)
        {
          sql_fail (db, error);
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        bind_text (stmt, 2, edited);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          sql_fail (db, error);
          sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
    }
  if (sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_fail (db, error);
      sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Compose, lay out and write the request for reasons about the change with
 * the longest reason, LETTER_RUNS times; the median in ms. */
static double
time_letter_runs (sqlite3 *db, const char *dir, GError **error)
{
  g_autoptr (KitStore) store = kit_store_new (db, error);
  g_autofree char *pdf = g_build_filename (dir, "letter.pdf", NULL);
  double runs[LETTER_RUNS];
  KitLetterRequest request;
  sqlite3_stmt *stmt = NULL;

  if (store == NULL)
    return -1;
  kit_letter_request_init (&request, KIT_LETTER_REQUEST);
  if (sqlite3_prepare_v2 (db, "SELECT id FROM changes ORDER BY length(reason_text) DESC, id LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_fail (db, error);
      return -1;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    request.change_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  for (guint i = 0; i < LETTER_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (KitDocument) document = kit_letter_compose (store, &request, NULL, error);
      g_autoptr (KitRenderer) renderer = NULL;

      if (document == NULL)
        return -1;
      renderer = kit_renderer_new (document);
      if (!kit_renderer_write_pdf (renderer, pdf, error))
        return -1;
      runs[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (kit_renderer_get_n_pages (renderer) < 2)
        {
          g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
                       "The benchmark letter came out on one page, not two.");
          g_unlink (pdf);
          return -1;
        }
    }
  g_unlink (pdf);
  qsort (runs, LETTER_RUNS, sizeof runs[0], compare_doubles);
  return runs[LETTER_RUNS / 2];
}

/* A request for reasons about a change of the benchmark record whose
 * reason is made long enough for two pages for the time of the timing (in
 * a savepoint rolled back after, so the record and its hash chain are left
 * as they were): composed from the record, laid out and written as a PDF
 * in @dir. The median of LETTER_RUNS, in ms; -1 with @error set on failure. */
static double
time_letter_pdf (sqlite3 *db, const char *dir, GError **error)
{
  g_autofree char *reason = long_reason_text ();
  sqlite3_stmt *stmt = NULL;
  double ms;
  gboolean ok;

  ok = sqlite3_exec (db, "SAVEPOINT letter_bench;", NULL, NULL, NULL) == SQLITE_OK &&
       sqlite3_prepare_v2 (db, "UPDATE changes SET reason_text = ?1 WHERE id ="
                           " (SELECT min(id) FROM changes WHERE reason_given <> 'no')",
                           -1, &stmt, NULL) == SQLITE_OK;
  if (ok)
    {
      bind_text (stmt, 1, reason);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  if (!ok)
    {
      sql_fail (db, error);
      sqlite3_exec (db, "ROLLBACK TO letter_bench; RELEASE letter_bench;", NULL, NULL, NULL);
      return -1;
    }
  ms = time_letter_runs (db, dir, error);
  sqlite3_exec (db, "ROLLBACK TO letter_bench; RELEASE letter_bench;", NULL, NULL, NULL);
  return ms;
}

/* Everything the child page shows, for the child with the most changes:
 * the child, arrangements, the history with fields and follow-ups, sessions,
 * dates that matter, counts and whether the history is intact. The median
 * of CHILD_PAGE_RUNS loads, in ms; -1 with @error set on failure. */
static double
time_child_page (sqlite3 *db, GError **error)
{
  g_autoptr (KitStore) store = kit_store_new (db, error);
  double runs[CHILD_PAGE_RUNS];
  sqlite3_stmt *stmt = NULL;
  gint64 child_id = 0;

  if (store == NULL)
    return -1;
  if (sqlite3_prepare_v2 (db, "SELECT child_id FROM changes GROUP BY child_id "
                          "ORDER BY count(*) DESC, child_id LIMIT 1", -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_fail (db, error);
      return -1;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    child_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  for (guint i = 0; i < CHILD_PAGE_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (KitChild) child = kit_store_find_child (store, child_id);
      g_autoptr (GListModel) arrangements = kit_store_list_arrangements (store, child_id);
      g_autoptr (GListModel) changes = kit_store_list_changes (store, child_id, 0);
      g_autoptr (GListModel) sessions = kit_store_list_sessions (store, child_id, 0);
      g_autoptr (GListModel) dates = kit_store_list_important_dates (store, child_id);
      KitCounts counts;

      if (!kit_store_get_counts (store, child_id, &counts, error))
        return -1;
      (void) kit_store_child_history_intact (store, child_id);
      runs[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (child == NULL || g_list_model_get_n_items (changes) == 0 ||
          g_list_model_get_n_items (arrangements) == 0 ||
          g_list_model_get_n_items (sessions) == 0 || dates == NULL)
        {
          g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
                       "The benchmark record's child page came up empty.");
          return -1;
        }
    }
  qsort (runs, CHILD_PAGE_RUNS, sizeof runs[0], compare_doubles);
  return runs[CHILD_PAGE_RUNS / 2];
}

/* The key derivation is timed in a child process, so that Argon2id's
 * working memory (up to 256 MiB) does not count in the bench's peak RSS:
 * that figure is meant to show what the record itself costs. */
static double
time_tuned_kdf_in_child (gboolean minimal)
{
  int fds[2];
  double ms = -1;
  pid_t pid;

  if (pipe (fds) != 0)
    return -1;
  pid = fork ();
  if (pid == 0)
    {
      KitKdfParams params;
      guint8 key[KIT_KEY_BYTES], salt[KIT_SALT_BYTES] = { 0 };
      gint64 start;

      close (fds[0]);
      if (minimal)
        kit_kdf_params_minimal (&params);
      else
        kit_kdf_params_tune (&params, 0.5);
      start = g_get_monotonic_time ();
      kit_kdf_argon2id (key, "benchmark", salt, &params);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      if (write (fds[1], &ms, sizeof ms) != sizeof ms)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (pid > 0 && read (fds[0], &ms, sizeof ms) != sizeof ms)
    ms = -1;
  close (fds[0]);
  if (pid > 0)
    waitpid (pid, NULL, 0);
  return ms;
}

static void
close_quietly (KitVault *vault)
{
  kit_vault_close (vault, TRUE, NULL);
  g_object_unref (vault);
}

gboolean
kit_bench_run (KitBenchSize size, const char *dir, const char *passphrase,
               GString *out, GError **error)
{
  const BenchCounts *n = size == KIT_BENCH_LARGE ? &counts_large : &counts_small;
  g_autofree char *path = g_build_filename (dir, "bench.kit", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (BENCH_SEED + 1);
  KitKdfParams minimal;
  double saves[BENCH_SAVES];
  double kdf_ms, open_ms, child_page_ms, letter_pdf_ms;
  KitVault *vault;
  GStatBuf st;
  struct rusage usage;
  gint64 start;

  /* The record itself uses the lowest cost; the real cost is timed apart. */
  kdf_ms = time_tuned_kdf_in_child (g_strcmp0 (g_getenv ("KIT_KDF_MINIMAL"), "1") == 0);
  kit_kdf_params_minimal (&minimal);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;
      g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CANNOT_WRITE,
                   "The old benchmark record %s could not be removed (%s).",
                   path, g_strerror (saved));
      return FALSE;
    }

  /* Build it. */
  vault = kit_vault_create (path, passphrase, &minimal, NULL, error);
  if (vault == NULL)
    return FALSE;
  if (!kit_bench_fill (kit_vault_get_db (vault), size, error) ||
      !kit_vault_save (vault, error))
    {
      close_quietly (vault);
      return FALSE;
    }
  if (!kit_vault_close (vault, FALSE, error))
    {
      close_quietly (vault);
      return FALSE;
    }
  g_object_unref (vault);

  /* Open: key derivation, decryption, deserialising, integrity check and the
   * first query; the key derivation is reported on its own. */
  start = g_get_monotonic_time ();
  vault = kit_vault_open (path, passphrase, error);
  if (vault == NULL)
    return FALSE;
  if (!first_query (kit_vault_get_db (vault), error))
    {
      close_quietly (vault);
      return FALSE;
    }
  open_ms = (g_get_monotonic_time () - start) / 1000.0 - kit_vault_get_kdf_ms (vault);

  /* Saves after single-row edits. */
  for (guint i = 0; i < BENCH_SAVES; i++)
    {
      if (!edit_one_entry (kit_vault_get_db (vault), rand, n->diary, i + 1, error))
        {
          close_quietly (vault);
          return FALSE;
        }
      start = g_get_monotonic_time ();
      if (!kit_vault_save (vault, error))
        {
          close_quietly (vault);
          return FALSE;
        }
      saves[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  child_page_ms = time_child_page (kit_vault_get_db (vault), error);
  letter_pdf_ms = child_page_ms < 0 ? -1 : time_letter_pdf (kit_vault_get_db (vault), dir, error);
  if (child_page_ms < 0 || letter_pdf_ms < 0)
    {
      close_quietly (vault);
      return FALSE;
    }
  if (!kit_vault_close (vault, FALSE, error))
    {
      close_quietly (vault);
      return FALSE;
    }
  g_object_unref (vault);
  qsort (saves, BENCH_SAVES, sizeof saves[0], compare_doubles);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
                   "The benchmark record could not be looked at (%s).", g_strerror (saved));
      return FALSE;
    }
  getrusage (RUSAGE_SELF, &usage);

  append_figure (out, "kdf-ms", kdf_ms, "ms");
  append_figure (out, "open-ms", open_ms, "ms");
  append_figure (out, "save-median-ms", (saves[BENCH_SAVES / 2 - 1] + saves[BENCH_SAVES / 2]) / 2, "ms");
  /* Nearest rank: the 48th of 50. */
  append_figure (out, "save-p95-ms", saves[(BENCH_SAVES * 95 + 99) / 100 - 1], "ms");
  append_figure (out, "child-page-ms", child_page_ms, "ms");
  append_figure (out, "letter-pdf-ms", letter_pdf_ms, "ms");
  g_string_append_printf (out, "file-bytes %" G_GINT64_FORMAT " bytes\n", (gint64) st.st_size);
  g_string_append_printf (out, "peak-rss-kb %ld kB\n", usage.ru_maxrss);
  return TRUE;
}
