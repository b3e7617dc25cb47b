/* test-diary.c — her diary through KitStore and KitDiaryModel, on a real
 * record with today fixed at Monday 23 November 2026: entries saved and
 * refused (empty, a date in the future), 100,000 characters intact, search
 * (words, phrases, prefixes, accents; punctuation she types never an error),
 * filters, snippets as valid markup, the full-text index kept in step,
 * drafts, and the lazy list with its month headings. */

#include "kit-test-common.h"

#include <pango/pango.h>
#include <string.h>

#include "kit-diary-model.h"
#include "kit-store.h"

#define TODAY "2026-11-23"

typedef struct {
  char *dir;
  char *path;
  KitVault *vault;
  sqlite3 *db;
  KitStore *store;
  guint changed;
  guint reads;       /* statements that read entries' text */
} Fixture;

static void
on_changed (KitStore *store, gpointer user_data)
{
  ((Fixture *) user_data)->changed++;
}

/* Counts the statements that read whole entries (the paged reads). */
static int
on_trace (unsigned type, void *user_data, void *p, void *x)
{
  const char *sql = sqlite3_sql (p);

  if (sql != NULL && strstr (sql, "e.body") != NULL)
    ((Fixture *) user_data)->reads++;
  return 0;
}

static void
setup (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_setenv ("KIT_TODAY", TODAY, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  f->dir = kt_tmpdir ();
  f->path = g_build_filename (f->dir, "r.kit", NULL);
  f->vault = kt_create (f->path, KT_PASSPHRASE, NULL);
  f->db = kit_vault_get_db (f->vault);
  kt_exec (f->vault,
    "INSERT INTO children (id, name) VALUES (1, 'Mia'), (2, 'Sam');"
    "INSERT INTO arrangements (id, child_id, kind) VALUES (1, 1, 'letterbox');"
    "INSERT INTO sessions (id, arrangement_id, date, status) VALUES (1, 1, '2026-11-01', 'happened');");
  f->store = kit_store_new (f->db, &error);
  ck_assert_msg (f->store != NULL, "kit_store_new: %s", error ? error->message : "?");
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
  sqlite3_trace_v2 (f->db, SQLITE_TRACE_STMT, on_trace, f);
}

static void
teardown (Fixture *f)
{
  sqlite3_trace_v2 (f->db, 0, NULL, NULL);
  g_clear_object (&f->store);
  ck_assert (kit_vault_close (f->vault, TRUE, NULL));
  g_object_unref (f->vault);
  kt_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->path);
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

static KitDiaryEntry *
entry (const char *date, gint64 child_id, const char *title, const char *body,
       const char *feelings, gboolean shared)
{
  KitDiaryEntry *e = kit_diary_entry_new ();

  kit_diary_entry_set_date (e, date);
  kit_diary_entry_set_child_id (e, child_id);
  kit_diary_entry_set_title (e, title);
  kit_diary_entry_set_body (e, body);
  kit_diary_entry_set_feelings (e, feelings);
  kit_diary_entry_set_shared (e, shared);
  return e;
}

static gint64
save (Fixture *f, const char *date, gint64 child_id, const char *title, const char *body,
      const char *feelings)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDiaryEntry) e = entry (date, child_id, title, body, feelings, FALSE);

  ck_assert_msg (kit_store_save_diary_entry (f->store, e, &error), "save: %s",
                 error ? error->message : "?");
  ck_assert_int_gt (kit_diary_entry_get_id (e), 0);
  return kit_diary_entry_get_id (e);
}

/* The ids found for @search (asserting no error), as "3,1". */
static char *
found (Fixture *f, const char *search)
{
  g_autoptr (GError) error = NULL;
  KitDiaryFilter filter = { .search = search };
  g_autoptr (GArray) ids = kit_store_list_diary_ids (f->store, &filter, NULL, &error);
  GString *out = g_string_new (NULL);

  ck_assert_msg (ids != NULL, "search '%s': %s", search, error ? error->message : "?");
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  ck_assert_uint_eq (kit_store_count_diary (f->store, &filter), ids->len);
  return g_string_free (out, FALSE);
}

#define assert_found(f, search, expected)                                        \
  G_STMT_START {                                                                 \
    g_autofree char *got_ = found ((f), (search));                               \
    ck_assert_msg (g_strcmp0 (got_, (expected)) == 0,                            \
                   "search '%s': expected [%s], got [%s]", (search), (expected), got_); \
  } G_STMT_END

static void
assert_index_intact (Fixture *f)
{
  ck_assert_int_eq (sqlite3_exec (f->db, "INSERT INTO diary_fts (diary_fts, rank) "
                                         "VALUES ('integrity-check', 1)", NULL, NULL, NULL),
                    SQLITE_OK);
}

START_TEST (test_entry_object)
{
  g_autoptr (KitDiaryEntry) e = NULL;
  g_autoptr (KitDiaryEntry) copy = NULL;
  g_autoptr (KitDiaryMonth) month = NULL;
  gboolean shared = FALSE;

  g_setenv ("KIT_TODAY", TODAY, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  e = kit_diary_entry_new ();
  ck_assert_str_eq (kit_diary_entry_get_date (e), TODAY);
  ck_assert (!kit_diary_entry_get_shared (e));
  ck_assert_int_eq (kit_diary_entry_get_id (e), 0);
  ck_assert (kit_diary_entry_is_empty (e));
  kit_diary_entry_set_title (e, "  \t ");
  kit_diary_entry_set_body (e, "\n \n");
  ck_assert (kit_diary_entry_is_empty (e));
  kit_diary_entry_set_body (e, " a ");
  ck_assert (!kit_diary_entry_is_empty (e));

  kit_diary_entry_toggle_feeling (e, "sad", TRUE);
  kit_diary_entry_toggle_feeling (e, "hopeful", TRUE);
  kit_diary_entry_toggle_feeling (e, "sad", TRUE);
  ck_assert_str_eq (kit_diary_entry_get_feelings (e), "sad,hopeful");
  ck_assert (kit_diary_entry_has_feeling (e, "hopeful"));
  ck_assert (!kit_diary_entry_has_feeling (e, "hope"));
  kit_diary_entry_toggle_feeling (e, "sad", FALSE);
  ck_assert_str_eq (kit_diary_entry_get_feelings (e), "hopeful");

  g_object_set (e, "shared", TRUE, "child-id", (gint64) 4, "feelings-text", "mixed", NULL);
  g_object_get (e, "shared", &shared, NULL);
  ck_assert (shared);
  copy = kit_diary_entry_copy (e);
  ck_assert_int_eq (kit_diary_entry_get_child_id (copy), 4);
  ck_assert_str_eq (kit_diary_entry_get_feelings_text (copy), "mixed");
  ck_assert_str_eq (kit_diary_entry_get_body (copy), " a ");
  ck_assert (kit_diary_entry_get_shared (copy));

  month = kit_diary_month_new ("2026-11", 3);
  ck_assert_str_eq (kit_diary_month_get_label (month), "November 2026");
  ck_assert_str_eq (kit_diary_month_get_year_month (month), "2026-11");
  ck_assert_uint_eq (kit_diary_month_get_n_entries (month), 3);
}
END_TEST

START_TEST (test_refusals)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDiaryEntry) e = NULL;

  setup (&f);
  e = entry (TODAY, 0, "  ", " \n ", "", FALSE);
  ck_assert (!kit_store_save_diary_entry (f.store, e, &error));
  assert_input_error (error, KIT_INPUT_ERROR_EMPTY);

  kit_diary_entry_set_body (e, "Tomorrow's visit");
  kit_diary_entry_set_date (e, "2026-11-24");
  ck_assert (!kit_store_save_diary_entry (f.store, e, &error));
  ck_assert_str_eq (error->message, "This date is in the future. Choose today or a day before.");
  assert_input_error (error, KIT_INPUT_ERROR_DATE);

  kit_diary_entry_set_date (e, "2026-02-30");
  ck_assert (!kit_store_save_diary_entry (f.store, e, &error));
  assert_input_error (error, KIT_INPUT_ERROR_DATE);
  kit_diary_entry_set_date (e, NULL);
  ck_assert (!kit_store_save_diary_entry (f.store, e, &error));
  assert_input_error (error, KIT_INPUT_ERROR_DATE);

  kit_diary_entry_set_date (e, TODAY);
  kit_diary_entry_set_feelings (e, "sad,elated");
  ck_assert (!kit_store_save_diary_entry (f.store, e, &error));
  assert_input_error (error, KIT_INPUT_ERROR_KIND);

  kit_diary_entry_set_feelings (e, "sad");
  kit_diary_entry_set_child_id (e, 99);
  ck_assert (!kit_store_save_diary_entry (f.store, e, &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);
  kit_diary_entry_set_child_id (e, 1);
  kit_diary_entry_set_session_id (e, 42);
  ck_assert (!kit_store_save_diary_entry (f.store, e, &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);

  /* Nothing was kept, nothing half way, and no "changed". */
  ck_assert_int_eq (kt_query_int (f.db, "SELECT count(*) FROM diary_entries"), 0);
  ck_assert_int_eq (kt_query_int (f.db, "SELECT count(*) FROM diary_fts"), 0);
  ck_assert_uint_eq (f.changed, 0);
  ck_assert_int_eq (kit_diary_entry_get_id (e), 0);

  /* Fixed, it saves: today, a child, a session, a title only. */
  kit_diary_entry_set_session_id (e, 1);
  kit_diary_entry_set_body (e, "");
  kit_diary_entry_set_title (e, "Only a title");
  ck_assert_msg (kit_store_save_diary_entry (f.store, e, &error), "%s", error ? error->message : "");
  ck_assert_int_gt (kit_diary_entry_get_id (e), 0);
  ck_assert_ptr_nonnull (kit_diary_entry_get_updated_at (e));
  ck_assert_uint_eq (f.changed, 1);

  /* An entry removed meanwhile can't be updated, and nothing is written. */
  ck_assert (kit_store_remove_diary_entry (f.store, kit_diary_entry_get_id (e), &error));
  kit_diary_entry_set_body (e, "Again");
  ck_assert (!kit_store_save_diary_entry (f.store, e, &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert (!kit_store_remove_diary_entry (f.store, kit_diary_entry_get_id (e), &error));
  assert_input_error (error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert_int_eq (kt_query_int (f.db, "SELECT count(*) FROM diary_entries"), 0);
  assert_index_intact (&f);
  teardown (&f);
}
END_TEST

START_TEST (test_long_entry)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (KitDiaryEntry) e = NULL;
  g_autoptr (KitDiaryEntry) back = NULL;
  g_autoptr (KitVault) reopened = NULL;
  g_autoptr (KitStore) store = NULL;
  g_autoptr (KitDiaryEntry) again = NULL;
  gint64 id;

  setup (&f);
  /* 100,000 characters: accents, emoji, line breaks, markup-like text. */
  for (guint i = 0; g_utf8_strlen (body->str, -1) < 100000; i++)
    g_string_append_printf (body, "Line %u: café ☕ <b>&amp; 'quoted' \"text\" 😊\n", i);
  while (g_utf8_strlen (body->str, -1) > 100000)
    g_string_truncate (body, g_utf8_offset_to_pointer (body->str, 100000) - body->str);
  ck_assert_int_eq (g_utf8_strlen (body->str, -1), 100000);

  e = entry (TODAY, 1, "A long one", body->str, "sad,hopeful", FALSE);
  ck_assert (kit_store_save_diary_entry (f.store, e, &error));
  id = kit_diary_entry_get_id (e);
  back = kit_store_find_diary_entry (f.store, id);
  ck_assert_ptr_nonnull (back);
  ck_assert (strcmp (kit_diary_entry_get_body (back), body->str) == 0);
  ck_assert_str_eq (kit_diary_entry_get_child_name (back), "Mia");
  assert_found (&f, "Line 2000", "1");

  /* Saved and read back from the file. */
  g_clear_object (&f.store);
  ck_assert (kit_vault_close (f.vault, FALSE, &error));
  g_clear_object (&f.vault);
  reopened = kt_open (f.path, KT_PASSPHRASE);
  store = kit_store_new (kit_vault_get_db (reopened), &error);
  again = kit_store_find_diary_entry (store, id);
  ck_assert_ptr_nonnull (again);
  ck_assert (strcmp (kit_diary_entry_get_body (again), body->str) == 0);
  ck_assert_int_eq (g_utf8_strlen (kit_diary_entry_get_body (again), -1), 100000);
  g_clear_object (&store);
  ck_assert (kit_vault_close (reopened, TRUE, NULL));
  kt_rmtree (f.dir);
  g_free (f.dir);
  g_free (f.path);
}
END_TEST

static void
fill_for_search (Fixture *f)
{
  save (f, "2026-01-10", 1, "After contact", "We played cards and she won every game.", "happy");
  save (f, "2026-02-14", 2, "Letter day", "The letter from the family centre came today.", "hopeful");
  save (f, "2026-03-01", 0, "Café", "Coffee at the café with my sister; I felt naïve.", "calm");
  save (f, "2026-03-20", 1, "Review", "The review meeting was hard. Family support helped.", "sad,worried");
  save (f, "2026-04-02", 2, "Questions", "Why did they (the agency) say \"no\"? NEAR the end, OR not?", "angry");
}

START_TEST (test_search)
{
  Fixture f = { 0 };

  setup (&f);
  fill_for_search (&f);
  /* Words, in any order, any case; several words must all be there. */
  assert_found (&f, "cards", "1");
  assert_found (&f, "GAME CARDS", "1");
  assert_found (&f, "family", "4,2");
  assert_found (&f, "family letter", "2");
  /* The last word as a prefix, as she types. */
  assert_found (&f, "fam", "4,2");
  assert_found (&f, "the revi", "4");
  /* Only the last one. */
  assert_found (&f, "fam letter", "");
  /* "A phrase": the words next to each other, in that order. */
  assert_found (&f, "\"family centre\"", "2");
  assert_found (&f, "\"centre family\"", "");
  assert_found (&f, "\"family support\"", "4");
  assert_found (&f, "\xe2\x80\x9c" "family centre" "\xe2\x80\x9d", "2");   /* “curly” */
  assert_found (&f, "\"family", "4,2");   /* unclosed: still typing */
  /* Accents ignored both ways. */
  assert_found (&f, "cafe", "3");
  assert_found (&f, "CAFÉ", "3");
  assert_found (&f, "naive", "3");
  /* FTS5 operators typed as words are words. */
  assert_found (&f, "NEAR", "5");
  assert_found (&f, "OR not", "5");
  assert_found (&f, "AND", "1");   /* "cards and she won" */
  /* Nothing left to search for: everything. */
  assert_found (&f, "", "5,4,3,2,1");
  assert_found (&f, "  ***  ", "5,4,3,2,1");
  teardown (&f);
}
END_TEST

/* Whatever she types: never an SQL or FTS error, from any path. */
START_TEST (test_hostile_search)
{
  static const char *const typed[] = {
    "\"", "\"\"", "\"\"\"", "*", "**", "(", ")", "()", "(cards", "cards)", "NEAR", "NEAR(",
    "NEAR(a b, 2)", "a NEAR b", "'", "''", "'; DROP TABLE diary_entries; --", "-", "--", "-cards",
    ":", "title:", "title:cards", "body : game", "^", "^cards", "+", "cards AND", "OR", "NOT",
    "cards NOT game", "AND OR NOT", "\\", "%", "_", "%cards%", "cards*", "*cards", "c*a*r*d*s",
    "{title body}: cards", "{", "}", "[", "]", ",", ".", ";", "\"unclosed phrase", "\"fam",
    "she said \"yes", "don't", "mother-in-law", "e-mail", "5:30", "1/2/2026", "#hash",
    "@at", "`tick`", "~", "|", "&", "<b>", "</b>", "&amp;", "\t", "\n", "\r\n",
    "\xe2\x80\x9c" "curly quotes" "\xe2\x80\x9d", "\xc2\xab" "guillemets", "\xcc\x81",
    "e\xcc\x81", "\xf0\x9f\x98\x8a", "\xe2\x80\x8b", "\xff\xfe invalid", "caf\xc3",
    "\xef\xbb\xbf" "bom", "0", "00", "-1", "1e10", "NULL", "null", "x'00'", "?", "?1", ":match",
    "@match", "$x",
  };
  Fixture f = { 0 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  static const char alphabet[] = "\"'*()-:^+,.;{}[]%_\\ NEARORNOTANDcardsfamily\xc3\xa9";

  setup (&f);
  fill_for_search (&f);
  for (guint i = 0; i < G_N_ELEMENTS (typed) + 300; i++)
    {
      g_autoptr (GError) error = NULL;
      char random[24];
      const char *search = typed[i % G_N_ELEMENTS (typed)];
      g_autoptr (GArray) ids = NULL;
      g_autoptr (GPtrArray) entries = NULL;
      gint64 all[5] = { 1, 2, 3, 4, 5 };
      KitDiaryFilter filter = { 0 };

      if (i >= G_N_ELEMENTS (typed))
        {
          guint n = (guint) g_rand_int_range (rand, 1, sizeof random);
          for (guint j = 0; j < n - 1; j++)
            random[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          random[n - 1] = '\0';
          search = random;
        }
      filter.search = search;
      ids = kit_store_list_diary_ids (f.store, &filter, NULL, &error);
      ck_assert_msg (ids != NULL && error == NULL, "search '%s': %s", search,
                     error ? error->message : "?");
      entries = kit_store_get_diary_entries (f.store, all, 5, search, &error);
      ck_assert_msg (entries != NULL && error == NULL, "snippets '%s': %s", search,
                     error ? error->message : "?");
      ck_assert_uint_eq (entries->len, 5);
      (void) kit_store_count_diary (f.store, &filter);
      for (guint j = 0; j < entries->len; j++)
        {
          const char *markup = kit_diary_entry_get_snippet_markup (g_ptr_array_index (entries, j));
          ck_assert_msg (markup == NULL || pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL),
                         "snippet for '%s' is not valid markup: %s", search, markup);
        }
      {
        g_autoptr (KitDiaryModel) model = kit_diary_model_new (f.store, &filter);
        ck_assert_uint_eq (kit_diary_model_get_n_entries (model), ids->len);
      }
    }
  teardown (&f);
}
END_TEST

START_TEST (test_snippets)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) plain = NULL;
  gint64 id, ids[2];
  const char *markup;

  setup (&f);
  id = save (&f, TODAY, 0, "Tom & Jerry <3",
             "Before. We went to the <park> & the café, then home.\nAfter.", "");
  ids[0] = id;
  ids[1] = save (&f, TODAY, 0, "Other", "Nothing to see.", "");
  entries = kit_store_get_diary_entries (f.store, ids, 2, "cafe", &error);
  ck_assert_ptr_nonnull (entries);
  ck_assert_uint_eq (entries->len, 2);
  markup = kit_diary_entry_get_snippet_markup (g_ptr_array_index (entries, 0));
  ck_assert_ptr_nonnull (markup);
  ck_assert_msg (strstr (markup, "<b>café</b>") != NULL, "snippet: %s", markup);
  ck_assert_msg (strstr (markup, "&lt;park&gt; &amp; the") != NULL, "snippet: %s", markup);
  ck_assert (strchr (markup, '\n') == NULL);
  ck_assert (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  /* The entry that doesn't match has no snippet; without a search, none. */
  ck_assert_ptr_null (kit_diary_entry_get_snippet_markup (g_ptr_array_index (entries, 1)));
  plain = kit_store_get_diary_entries (f.store, ids, 2, NULL, &error);
  ck_assert_ptr_null (kit_diary_entry_get_snippet_markup (g_ptr_array_index (plain, 0)));
  ck_assert_str_eq (kit_diary_entry_get_title (g_ptr_array_index (plain, 0)), "Tom & Jerry <3");

  /* Read in the order given; unknown ids are skipped. */
  {
    gint64 order[3] = { ids[1], 999, ids[0] };
    g_autoptr (GPtrArray) got = kit_store_get_diary_entries (f.store, order, 3, "", &error);
    ck_assert_uint_eq (got->len, 2);
    ck_assert_int_eq (kit_diary_entry_get_id (g_ptr_array_index (got, 0)), ids[1]);
    ck_assert_int_eq (kit_diary_entry_get_id (g_ptr_array_index (got, 1)), ids[0]);
  }
  teardown (&f);
}
END_TEST

START_TEST (test_index_in_step)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDiaryEntry) e = NULL;
  gint64 id;

  setup (&f);
  fill_for_search (&f);
  id = 1;
  e = kit_store_find_diary_entry (f.store, id);
  kit_diary_entry_set_body (e, "We played dominoes instead.");
  kit_diary_entry_set_title (e, "Dominoes");
  ck_assert (kit_store_save_diary_entry (f.store, e, &error));
  ck_assert_int_eq (kit_diary_entry_get_id (e), id);
  assert_found (&f, "cards", "");
  assert_found (&f, "dominoes", "1");
  assert_index_intact (&f);

  ck_assert (kit_store_remove_diary_entry (f.store, 2, &error));
  assert_found (&f, "letter", "");
  assert_found (&f, "family", "4");
  ck_assert_ptr_null (kit_store_find_diary_entry (f.store, 2));
  assert_index_intact (&f);
  ck_assert_int_eq (kt_query_int (f.db, "SELECT count(*) FROM diary_entries"), 4);
  teardown (&f);
}
END_TEST

START_TEST (test_filters)
{
  Fixture f = { 0 };

  setup (&f);
  fill_for_search (&f);
  {
    KitDiaryFilter by_child = { .child_id = 1 };
    KitDiaryFilter by_feeling = { .feeling = "sad" };
    KitDiaryFilter hopeful = { .feeling = "hope" };
    KitDiaryFilter range = { .from = "2026-02-14", .to = "2026-03-20" };
    KitDiaryFilter from_only = { .from = "2026-03-02" };
    KitDiaryFilter all = { .child_id = 2, .feeling = "angry", .from = "2026-04-01", .to = TODAY,
                           .search = "agency" };
    KitDiaryFilter none = { .child_id = 2, .search = "cards" };
    g_autoptr (GPtrArray) dates = NULL;
    g_autoptr (GArray) ids = kit_store_list_diary_ids (f.store, &by_child, &dates, NULL);

    ck_assert_uint_eq (ids->len, 2);
    ck_assert_int_eq (g_array_index (ids, gint64, 0), 4);
    ck_assert_int_eq (g_array_index (ids, gint64, 1), 1);
    ck_assert_str_eq (g_ptr_array_index (dates, 0), "2026-03-20");
    ck_assert_str_eq (g_ptr_array_index (dates, 1), "2026-01-10");
    ck_assert_uint_eq (kit_store_count_diary (f.store, &by_feeling), 1);
    ck_assert_uint_eq (kit_store_count_diary (f.store, &hopeful), 0);
    ck_assert_uint_eq (kit_store_count_diary (f.store, &range), 3);
    ck_assert_uint_eq (kit_store_count_diary (f.store, &from_only), 2);
    ck_assert_uint_eq (kit_store_count_diary (f.store, &all), 1);
    ck_assert_uint_eq (kit_store_count_diary (f.store, &none), 0);
    ck_assert_uint_eq (kit_store_count_diary (f.store, NULL), 5);
  }
  teardown (&f);
}
END_TEST

START_TEST (test_drafts)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDiaryEntry) fresh = NULL;
  g_autoptr (KitDiaryEntry) back = NULL;
  g_autoptr (KitDiaryEntry) edit = NULL;
  g_autoptr (GArray) drafts = NULL;
  gint64 id;

  setup (&f);
  id = save (&f, "2026-11-01", 1, "Saved", "The entry as it was.", "");
  ck_assert_ptr_null (kit_store_get_diary_draft (f.store, 0));

  /* A new entry dated tomorrow can't be saved: its draft is kept instead. */
  fresh = entry ("2026-11-24", 1, "Tomorrow", "Half written", "sad", FALSE);
  ck_assert (!kit_store_save_diary_entry (f.store, fresh, &error));
  g_clear_error (&error);
  f.changed = 0;
  ck_assert (kit_store_save_diary_draft (f.store, fresh, &error));
  ck_assert_uint_eq (f.changed, 1);
  kit_diary_entry_set_body (fresh, "Half written, and a bit more");
  ck_assert (kit_store_save_diary_draft (f.store, fresh, &error));
  back = kit_store_get_diary_draft (f.store, 0);
  ck_assert_ptr_nonnull (back);
  ck_assert_int_eq (kit_diary_entry_get_id (back), 0);
  ck_assert_str_eq (kit_diary_entry_get_date (back), "2026-11-24");
  ck_assert_str_eq (kit_diary_entry_get_body (back), "Half written, and a bit more");
  ck_assert_str_eq (kit_diary_entry_get_feelings (back), "sad");
  ck_assert_str_eq (kit_diary_entry_get_child_name (back), "Mia");

  /* An existing entry emptied: its draft, the entry itself untouched. */
  edit = kit_store_find_diary_entry (f.store, id);
  kit_diary_entry_set_title (edit, "");
  kit_diary_entry_set_body (edit, "");
  ck_assert (kit_store_save_diary_draft (f.store, edit, &error));
  drafts = kit_store_list_diary_drafts (f.store);
  ck_assert_uint_eq (drafts->len, 2);
  {
    g_autoptr (KitDiaryEntry) kept = kit_store_find_diary_entry (f.store, id);
    g_autoptr (KitDiaryEntry) d = kit_store_get_diary_draft (f.store, id);
    ck_assert_str_eq (kit_diary_entry_get_body (kept), "The entry as it was.");
    ck_assert_str_eq (kit_diary_entry_get_body (d), "");
  }

  /* Saving the entry deletes its draft; the new one's stays. */
  kit_diary_entry_set_body (edit, "Written again");
  ck_assert (kit_store_save_diary_entry (f.store, edit, &error));
  ck_assert_ptr_null (kit_store_get_diary_draft (f.store, id));
  {
    g_autoptr (KitDiaryEntry) still = kit_store_get_diary_draft (f.store, 0);
    ck_assert_ptr_nonnull (still);
  }
  /* Saving the new entry (dated today now) deletes the new one's draft. */
  kit_diary_entry_set_date (fresh, TODAY);
  ck_assert (kit_store_save_diary_entry (f.store, fresh, &error));
  ck_assert_ptr_null (kit_store_get_diary_draft (f.store, 0));
  g_clear_pointer (&drafts, g_array_unref);
  drafts = kit_store_list_diary_drafts (f.store);
  ck_assert_uint_eq (drafts->len, 0);

  /* Discarded on request; discarding nothing is fine. */
  ck_assert (kit_store_save_diary_draft (f.store, edit, &error));
  ck_assert (kit_store_discard_diary_draft (f.store, id, &error));
  ck_assert_ptr_null (kit_store_get_diary_draft (f.store, id));
  ck_assert (kit_store_discard_diary_draft (f.store, id, &error));

  /* A draft survives closing and opening the record. */
  ck_assert (kit_store_save_diary_draft (f.store, edit, &error));
  g_clear_object (&f.store);
  ck_assert (kit_vault_close (f.vault, FALSE, &error));
  g_clear_object (&f.vault);
  f.vault = kt_open (f.path, KT_PASSPHRASE);
  f.db = kit_vault_get_db (f.vault);
  f.store = kit_store_new (f.db, &error);
  {
    g_autoptr (KitDiaryEntry) d = kit_store_get_diary_draft (f.store, id);
    ck_assert_ptr_nonnull (d);
    ck_assert_str_eq (kit_diary_entry_get_body (d), "Written again");
  }
  teardown (&f);
}
END_TEST

/* 130 entries over three months: October 2026 (30), September (60),
 * August (40); ids 1–40 in August, 41–100 September, 101–130 October. */
static void
fill_months (Fixture *f)
{
  g_autoptr (GString) sql = g_string_new ("BEGIN;");

  for (guint i = 1; i <= 130; i++)
    {
      const char *month = i <= 40 ? "08" : i <= 100 ? "09" : "10";
      g_string_append_printf (sql, "INSERT INTO diary_entries (id, date, title, body) VALUES "
                              "(%u, '2026-%s-%02u', 'Entry %u', 'Text of entry %u');",
                              i, month, 1 + i % 28, i, i);
      g_string_append_printf (sql, "INSERT INTO diary_fts (rowid, title, body, feelings_text) "
                              "VALUES (%u, 'Entry %u', 'Text of entry %u', '');", i, i, i);
    }
  g_string_append (sql, "COMMIT;");
  kt_exec (f->vault, sql->str);
}

typedef struct {
  guint position, removed, added, calls;
} Changed;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Changed *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
  c->calls++;
}

START_TEST (test_model)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDiaryModel) model = NULL;
  Changed changed = { 0 };
  guint n;

  setup (&f);
  fill_months (&f);
  f.reads = 0;
  model = kit_diary_model_new (f.store, NULL);
  /* Ids only: no entry read yet. */
  ck_assert_uint_eq (f.reads, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  ck_assert_uint_eq (n, 133);
  ck_assert_uint_eq (kit_diary_model_get_n_entries (model), 130);

  /* Headings at 0, 31 and 92, newest month first. */
  {
    g_autoptr (GObject) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr (GObject) sept = g_list_model_get_item (G_LIST_MODEL (model), 31);
    g_autoptr (GObject) aug = g_list_model_get_item (G_LIST_MODEL (model), 92);
    ck_assert (KIT_IS_DIARY_MONTH (first));
    ck_assert_str_eq (kit_diary_month_get_label (KIT_DIARY_MONTH (first)), "October 2026");
    ck_assert_uint_eq (kit_diary_month_get_n_entries (KIT_DIARY_MONTH (first)), 30);
    ck_assert (KIT_IS_DIARY_MONTH (sept));
    ck_assert_str_eq (kit_diary_month_get_year_month (KIT_DIARY_MONTH (sept)), "2026-09");
    ck_assert_uint_eq (kit_diary_month_get_n_entries (KIT_DIARY_MONTH (sept)), 60);
    ck_assert (KIT_IS_DIARY_MONTH (aug));
    ck_assert_uint_eq (kit_diary_month_get_n_entries (KIT_DIARY_MONTH (aug)), 40);
    ck_assert_uint_eq (f.reads, 0);
  }

  /* The first entry is read with its page: the next entries cost nothing. */
  {
    g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), 1);
    ck_assert (KIT_IS_DIARY_ENTRY (item));
    ck_assert_uint_eq (f.reads, 1);
    for (guint i = 2; i < 30; i++)
      {
        g_autoptr (GObject) next = g_list_model_get_item (G_LIST_MODEL (model), i);
        ck_assert (KIT_IS_DIARY_ENTRY (next));
      }
    ck_assert_uint_eq (f.reads, 1);
  }

  /* Every position: headings where they should be, entries newest first. */
  {
    char last_date[11] = "9999-99-99";
    guint entries = 0;
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
        ck_assert_ptr_nonnull (item);
        if (KIT_IS_DIARY_ENTRY (item))
          {
            const char *date = kit_diary_entry_get_date (KIT_DIARY_ENTRY (item));
            ck_assert_str_le (date, last_date);
            g_strlcpy (last_date, date, sizeof last_date);
            ck_assert_uint_eq (kit_diary_model_find (model, kit_diary_entry_get_id (KIT_DIARY_ENTRY (item))), i);
            entries++;
          }
        else
          ck_assert (i == 0 || i == 31 || i == 92);
      }
    ck_assert_uint_eq (entries, 130);
    ck_assert_ptr_null (g_list_model_get_item (G_LIST_MODEL (model), n));
    ck_assert_uint_eq (kit_diary_model_find (model, 999), G_MAXUINT);
    /* 130 entries are three pages. */
    ck_assert_uint_le (f.reads, 3);
  }

  /* A new entry in October: one heading replaced and one row added. */
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
  save (&f, "2026-10-30", 0, "Newest", "Newest text", "");
  kit_diary_model_refresh (model);
  ck_assert_uint_eq (changed.calls, 1);
  ck_assert_uint_eq (changed.position, 0);
  ck_assert_uint_eq (changed.removed, 1);
  ck_assert_uint_eq (changed.added, 2);
  ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (model)), 134);
  ck_assert_uint_eq (kit_diary_model_find (model, 131), 1);

  /* Nothing changed: nothing emitted. */
  kit_diary_model_refresh (model);
  ck_assert_uint_eq (changed.calls, 1);

  /* An entry edited in place: its row changes, only its row. */
  {
    g_autoptr (KitDiaryEntry) e = kit_store_find_diary_entry (f.store, 70);
    guint at = kit_diary_model_find (model, 70);
    g_autoptr (GObject) before = g_list_model_get_item (G_LIST_MODEL (model), at);
    ck_assert_str_eq (kit_diary_entry_get_title (KIT_DIARY_ENTRY (before)), "Entry 70");
    kit_diary_entry_set_title (e, "Edited title");
    ck_assert (kit_store_save_diary_entry (f.store, e, &error));
    kit_diary_model_refresh (model);
    ck_assert_uint_eq (changed.calls, 2);
    ck_assert_uint_eq (changed.position, at);
    ck_assert_uint_eq (changed.removed, 1);
    ck_assert_uint_eq (changed.added, 1);
    {
      g_autoptr (GObject) after = g_list_model_get_item (G_LIST_MODEL (model), at);
      ck_assert_str_eq (kit_diary_entry_get_title (KIT_DIARY_ENTRY (after)), "Edited title");
    }
  }

  /* A filter: only what matches, with its own headings. */
  {
    KitDiaryFilter filter = { .search = "entry 12" };
    kit_diary_model_set_filter (model, &filter);
    /* "12" as a prefix: 12 and 120–129, all in October apart from 12. */
    ck_assert_uint_eq (kit_diary_model_get_n_entries (model), 11);
    ck_assert_uint_eq (g_list_model_get_n_items (G_LIST_MODEL (model)), 13);
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), 1);
      const char *markup = kit_diary_entry_get_snippet_markup (KIT_DIARY_ENTRY (item));
      ck_assert_ptr_nonnull (markup);
      ck_assert_msg (strstr (markup, "<b>") != NULL, "%s", markup);
    }
  }
  teardown (&f);
}
END_TEST

/* With many entries, the model keeps a bounded number of them. */
START_TEST (test_model_bounded)
{
  Fixture f = { 0 };
  g_autoptr (KitDiaryModel) model = NULL;
  g_autoptr (GString) sql = g_string_new ("BEGIN;");
  guint n, reads_after_all;

  setup (&f);
  for (guint i = 1; i <= 3000; i++)
    g_string_append_printf (sql, "INSERT INTO diary_entries (id, date, body) VALUES "
                            "(%u, date('2026-11-01', '-%u days'), 'Entry %u');", i, i / 3, i);
  g_string_append (sql, "COMMIT;");
  kt_exec (f.vault, sql->str);
  model = kit_diary_model_new (f.store, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  ck_assert_uint_gt (n, 3000);
  f.reads = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      ck_assert_ptr_nonnull (item);
    }
  /* 3,000 entries in pages of about 50. */
  ck_assert_uint_ge (f.reads, 40);
  ck_assert_uint_le (f.reads, 80);
  reads_after_all = f.reads;
  /* The first page was dropped long ago: reading it again asks the store. */
  {
    g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), 1);
    ck_assert (KIT_IS_DIARY_ENTRY (item));
    ck_assert_uint_eq (f.reads, reads_after_all + 1);
  }
  /* The last page is still kept. */
  {
    g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
    ck_assert (KIT_IS_DIARY_ENTRY (item));
    ck_assert_uint_eq (f.reads, reads_after_all + 1);
  }
  teardown (&f);
}
END_TEST

START_TEST (test_export)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  setup (&f);
  fill_for_search (&f);
  text = kit_store_export_diary_text (f.store, &error);
  ck_assert_ptr_nonnull (text);
  /* Oldest first, with the date in words, the child, title, feelings, text. */
  ck_assert_msg (strstr (text, "10 January 2026\nAbout: Mia\nAfter contact\nHow I felt: Happy\n\n"
                               "We played cards and she won every game.\n") == text, "%s", text);
  ck_assert (strstr (text, "How I felt: Sad, Worried") != NULL);
  ck_assert (strstr (text, "Why did they (the agency) say \"no\"?") != NULL);
  ck_assert (strstr (text, "Letter day") < strstr (text, "Questions"));
  teardown (&f);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("diary");

  kt_init ();
  kt_add_test (s, "entry-object", test_entry_object);
  kt_add_test (s, "refusals", test_refusals);
  kt_add_test (s, "long-entry", test_long_entry);
  kt_add_test (s, "search", test_search);
  kt_add_test (s, "hostile-search", test_hostile_search);
  kt_add_test (s, "snippets", test_snippets);
  kt_add_test (s, "index-in-step", test_index_in_step);
  kt_add_test (s, "filters", test_filters);
  kt_add_test (s, "drafts", test_drafts);
  kt_add_test (s, "model", test_model);
  kt_add_test (s, "model-bounded", test_model_bounded);
  kt_add_test (s, "export", test_export);
  return kt_run_suite (s);
}
