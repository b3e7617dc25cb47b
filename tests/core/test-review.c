/* test-review.c — Review together (DESIGN §6) applied in the store's
 * queries: with private and shared entries and drafts seeded, every path
 * that reads the diary (ids with and without search and filters, entries by
 * id, find, count, the list model, drafts, export, stats) shows no private
 * entry while it is on, and everything again once it is off. The state is
 * kept in the record. And the passphrase check that turning it off needs. */

#include "kit-test-common.h"

#include <string.h>

#include "kit-diary-model.h"
#include "kit-stats.h"
#include "kit-store.h"

#define TODAY "2026-11-23"
#define SECRET "secretword"

typedef struct {
  char *dir;
  char *path;
  KitVault *vault;
  KitStore *store;
  guint changed;
  guint notified;
} Fixture;

static void
on_changed (KitStore *store, gpointer user_data)
{
  ((Fixture *) user_data)->changed++;
}

static void
on_notify (KitStore *store, GParamSpec *pspec, gpointer user_data)
{
  ((Fixture *) user_data)->notified++;
}

static void
open_store (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  f->store = kit_store_new (kit_vault_get_db (f->vault), &error);
  ck_assert_msg (f->store != NULL, "kit_store_new: %s", error ? error->message : "?");
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->store, "notify::review-mode", G_CALLBACK (on_notify), f);
}

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->store);
  ck_assert (kit_vault_close (f->vault, FALSE, &error));
  g_clear_object (&f->vault);
  f->vault = kt_open (f->path, KT_PASSPHRASE);
  open_store (f);
}

static void
save_entry (Fixture *f, const char *date, gint64 child, const char *title, const char *body,
            const char *feelings, gboolean shared)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDiaryEntry) e = kit_diary_entry_new ();

  kit_diary_entry_set_date (e, date);
  kit_diary_entry_set_child_id (e, child);
  kit_diary_entry_set_title (e, title);
  kit_diary_entry_set_body (e, body);
  kit_diary_entry_set_feelings (e, feelings);
  kit_diary_entry_set_shared (e, shared);
  ck_assert_msg (kit_store_save_diary_entry (f->store, e, &error), "%s",
                 error ? error->message : "");
}

static void
save_draft (Fixture *f, gint64 entry_id, const char *body, gboolean shared)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDiaryEntry) d = kit_diary_entry_new ();

  kit_diary_entry_set_id (d, entry_id);
  kit_diary_entry_set_date (d, "2026-12-25");   /* in the future: why it is a draft */
  kit_diary_entry_set_body (d, body);
  kit_diary_entry_set_shared (d, shared);
  ck_assert (kit_store_save_diary_draft (f->store, d, &error));
}

/* Entries 1, 3 and 5 are private and say SECRET; 2 and 4 are shared. Drafts:
 * of a new entry (private), of entry 1 with "share" ticked but not saved (so
 * still private), of entry 2 (shared), of entry 4 with "share" unticked. */
static void
setup (Fixture *f)
{
  g_setenv ("KIT_TODAY", TODAY, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  f->dir = kt_tmpdir ();
  f->path = g_build_filename (f->dir, "r.kit", NULL);
  f->vault = kt_create (f->path, KT_PASSPHRASE, NULL);
  kt_exec (f->vault, "INSERT INTO children (id, name) VALUES (1, 'Mia'), (2, 'Sam');");
  open_store (f);
  save_entry (f, "2026-10-01", 1, "Private one", SECRET " about Mia, family", "sad", FALSE);
  save_entry (f, "2026-10-05", 1, "Shared one", "sharedword about Mia, family", "sad", TRUE);
  save_entry (f, "2026-11-02", 2, "Private two", SECRET " and family", "angry", FALSE);
  save_entry (f, "2026-11-10", 2, "Shared two", "sharedword and family", "hopeful", TRUE);
  save_entry (f, "2026-11-20", 0, "Private three", SECRET " again", "", FALSE);
  save_draft (f, 0, SECRET " in a new draft", FALSE);
  save_draft (f, 1, SECRET " in a draft of entry 1", TRUE);
  save_draft (f, 2, "sharedword in a draft of entry 2", TRUE);
  save_draft (f, 4, SECRET " in a draft of entry 4, unshared", FALSE);
  f->changed = 0;
}

static void
teardown (Fixture *f)
{
  g_clear_object (&f->store);
  ck_assert (kit_vault_close (f->vault, TRUE, NULL));
  g_object_unref (f->vault);
  kt_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gboolean
entry_is_clean (KitDiaryEntry *e)
{
  return kit_diary_entry_get_shared (e) &&
         strstr (kit_diary_entry_get_title (e), "Private") == NULL &&
         strstr (kit_diary_entry_get_body (e), SECRET) == NULL &&
         (kit_diary_entry_get_snippet_markup (e) == NULL ||
          strstr (kit_diary_entry_get_snippet_markup (e), SECRET) == NULL);
}

/* The ids listed for @filter, as "4,2", checked against the count. */
static char *
listed (Fixture *f, const KitDiaryFilter *filter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) dates = NULL;
  g_autoptr (GArray) ids = kit_store_list_diary_ids (f->store, filter, &dates, &error);
  GString *out = g_string_new (NULL);

  ck_assert_msg (ids != NULL, "%s", error ? error->message : "?");
  ck_assert_uint_eq (dates->len, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  ck_assert_uint_eq (kit_store_count_diary (f->store, filter), ids->len);
  return g_string_free (out, FALSE);
}

#define assert_listed(f, filter, expected)                                          \
  G_STMT_START {                                                                    \
    g_autofree char *got_ = listed ((f), (filter));                                 \
    ck_assert_msg (strcmp (got_, (expected)) == 0, "%s:%d: expected [%s], got [%s]", \
                   __FILE__, __LINE__, (expected), got_);                           \
  } G_STMT_END

static guint
model_entries_checked (KitDiaryModel *model, gboolean review)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model)), entries = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      if (!KIT_IS_DIARY_ENTRY (item))
        continue;
      entries++;
      if (review)
        ck_assert_msg (entry_is_clean (KIT_DIARY_ENTRY (item)), "private entry %" G_GINT64_FORMAT
                       " in the model", kit_diary_entry_get_id (KIT_DIARY_ENTRY (item)));
    }
  return entries;
}

static int
compare_int64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static char *
drafts_listed (Fixture *f)
{
  g_autoptr (GArray) ids = kit_store_list_diary_drafts (f->store);
  g_autoptr (GArray) sorted = g_array_copy (ids);
  GString *out = g_string_new (NULL);

  g_array_sort (sorted, compare_int64);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (sorted, gint64, i));
  return g_string_free (out, FALSE);
}

/* Every reading path, with Review together on. */
static void
assert_private_hidden (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  KitDiaryFilter search_secret = { .search = SECRET };
  KitDiaryFilter search_private = { .search = "private" };
  KitDiaryFilter search_family = { .search = "family" };
  KitDiaryFilter search_prefix = { .search = "secr" };
  KitDiaryFilter phrase = { .search = "\"" SECRET " about\"" };
  KitDiaryFilter child1 = { .child_id = 1 };
  KitDiaryFilter child2_search = { .child_id = 2, .search = "family" };
  KitDiaryFilter sad = { .feeling = "sad" };
  KitDiaryFilter angry = { .feeling = "angry" };
  KitDiaryFilter range = { .from = "2026-01-01", .to = TODAY };
  KitDiaryFilter late = { .from = "2026-11-15" };
  gint64 all[5] = { 1, 2, 3, 4, 5 };

  ck_assert (kit_store_get_review_mode (f->store));

  /* Lists of ids, with and without search and filters, and counts. */
  assert_listed (f, NULL, "4,2");
  assert_listed (f, &search_secret, "");
  assert_listed (f, &search_private, "");
  assert_listed (f, &search_prefix, "");
  assert_listed (f, &phrase, "");
  assert_listed (f, &search_family, "4,2");
  assert_listed (f, &child1, "2");
  assert_listed (f, &child2_search, "4");
  assert_listed (f, &sad, "2");
  assert_listed (f, &angry, "");
  assert_listed (f, &range, "4,2");
  assert_listed (f, &late, "");

  /* Entries by id, with and without a search: private ids are skipped. */
  {
    g_autoptr (GPtrArray) entries = kit_store_get_diary_entries (f->store, all, 5, SECRET, &error);
    g_autoptr (GPtrArray) plain = kit_store_get_diary_entries (f->store, all, 5, NULL, &error);
    ck_assert_uint_eq (entries->len, 2);
    ck_assert_uint_eq (plain->len, 2);
    for (guint i = 0; i < 2; i++)
      {
        ck_assert (entry_is_clean (g_ptr_array_index (entries, i)));
        ck_assert (entry_is_clean (g_ptr_array_index (plain, i)));
      }
  }

  /* Find. */
  for (gint64 id = 1; id <= 5; id++)
    {
      g_autoptr (KitDiaryEntry) e = kit_store_find_diary_entry (f->store, id);
      if (id == 2 || id == 4)
        ck_assert (e != NULL && entry_is_clean (e));
      else
        ck_assert_ptr_null (e);
    }

  /* The list model, plain and searched. */
  {
    g_autoptr (KitDiaryModel) model = kit_diary_model_new (f->store, NULL);
    g_autoptr (KitDiaryModel) searched = kit_diary_model_new (f->store, &search_secret);
    ck_assert_uint_eq (model_entries_checked (model, TRUE), 2);
    ck_assert_uint_eq (kit_diary_model_get_n_entries (model), 2);
    ck_assert_uint_eq (kit_diary_model_find (model, 1), G_MAXUINT);
    ck_assert_uint_eq (model_entries_checked (searched, TRUE), 0);
    kit_diary_model_set_filter (searched, &search_family);
    ck_assert_uint_eq (model_entries_checked (searched, TRUE), 2);
  }

  /* Drafts: only the shared entry's. */
  {
    g_autofree char *drafts = drafts_listed (f);
    g_autoptr (KitDiaryEntry) shared = kit_store_get_diary_draft (f->store, 2);
    ck_assert_str_eq (drafts, "2");
    ck_assert_ptr_null (kit_store_get_diary_draft (f->store, 0));
    ck_assert_ptr_null (kit_store_get_diary_draft (f->store, 1));
    ck_assert_ptr_null (kit_store_get_diary_draft (f->store, 4));
    ck_assert_ptr_nonnull (shared);
    ck_assert (strstr (kit_diary_entry_get_body (shared), SECRET) == NULL);
  }

  /* Export. */
  {
    g_autofree char *text = kit_store_export_diary_text (f->store, &error);
    ck_assert_ptr_nonnull (text);
    ck_assert_msg (strstr (text, SECRET) == NULL && strstr (text, "Private") == NULL, "%s", text);
    ck_assert (strstr (text, "Shared one") != NULL && strstr (text, "Shared two") != NULL);
  }

  /* Stats as `stats --review` prints them. */
  {
    g_autofree char *json = kit_stats_json (kit_vault_get_db (f->vault), TRUE, &error);
    ck_assert_ptr_nonnull (json);
    ck_assert_msg (strstr (json, "\"diary_entries\": 2,") != NULL, "%s", json);
    ck_assert_msg (strstr (json, "\"diary_private\": 0,") != NULL, "%s", json);
    ck_assert_msg (strstr (json, "\"diary_shared\": 2,") != NULL, "%s", json);
  }

  /* Nor can a private entry be changed or removed, nor its draft discarded,
   * from review mode. */
  {
    g_autoptr (KitDiaryEntry) e = kit_diary_entry_new ();
    kit_diary_entry_set_id (e, 1);
    kit_diary_entry_set_body (e, "overwritten");
    kit_diary_entry_set_shared (e, TRUE);
    ck_assert (!kit_store_save_diary_entry (f->store, e, &error));
    ck_assert (error->domain == KIT_INPUT_ERROR && error->code == KIT_INPUT_ERROR_NOT_FOUND);
    g_clear_error (&error);
    ck_assert (!kit_store_remove_diary_entry (f->store, 3, &error));
    g_clear_error (&error);
    ck_assert (kit_store_discard_diary_draft (f->store, 0, &error));
  }
}

/* Every reading path, with Review together off: all of it again. */
static void
assert_all_visible (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  KitDiaryFilter search_secret = { .search = SECRET };
  KitDiaryFilter child1 = { .child_id = 1 };
  KitDiaryFilter angry = { .feeling = "angry" };
  gint64 all[5] = { 1, 2, 3, 4, 5 };

  ck_assert (!kit_store_get_review_mode (f->store));
  assert_listed (f, NULL, "5,4,3,2,1");
  assert_listed (f, &search_secret, "5,3,1");
  assert_listed (f, &child1, "2,1");
  assert_listed (f, &angry, "3");
  {
    g_autoptr (GPtrArray) entries = kit_store_get_diary_entries (f->store, all, 5, SECRET, &error);
    ck_assert_uint_eq (entries->len, 5);
    ck_assert (strstr (kit_diary_entry_get_snippet_markup (g_ptr_array_index (entries, 0)),
                       "<b>" SECRET "</b>") != NULL);
  }
  for (gint64 id = 1; id <= 5; id++)
    {
      g_autoptr (KitDiaryEntry) e = kit_store_find_diary_entry (f->store, id);
      ck_assert_ptr_nonnull (e);
    }
  {
    g_autoptr (KitDiaryModel) model = kit_diary_model_new (f->store, NULL);
    ck_assert_uint_eq (model_entries_checked (model, FALSE), 5);
  }
  {
    g_autofree char *drafts = drafts_listed (f);
    g_autoptr (KitDiaryEntry) d = kit_store_get_diary_draft (f->store, 0);
    ck_assert_str_eq (drafts, "0,1,2,4");
    ck_assert_ptr_nonnull (d);
  }
  {
    g_autofree char *text = kit_store_export_diary_text (f->store, &error);
    ck_assert (strstr (text, "Private one") != NULL && strstr (text, SECRET) != NULL);
  }
  {
    g_autofree char *json = kit_stats_json (kit_vault_get_db (f->vault), FALSE, &error);
    ck_assert_msg (strstr (json, "\"diary_entries\": 5,") != NULL, "%s", json);
    ck_assert_msg (strstr (json, "\"diary_private\": 3,") != NULL, "%s", json);
    ck_assert_msg (strstr (json, "\"diary_shared\": 2,") != NULL, "%s", json);
  }
}

START_TEST (test_review_hides_private)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDiaryModel) open_model = NULL;
  gboolean on = FALSE;

  setup (&f);
  assert_all_visible (&f);

  /* A list already on screen when it is turned on. */
  open_model = kit_diary_model_new (f.store, NULL);
  ck_assert_uint_eq (model_entries_checked (open_model, FALSE), 5);

  ck_assert (kit_store_set_review_mode (f.store, TRUE, &error));
  ck_assert_uint_eq (f.notified, 1);
  ck_assert_uint_eq (f.changed, 1);
  g_object_get (f.store, "review-mode", &on, NULL);
  ck_assert (on);
  /* The open list hid its private entries at once, without being asked. */
  ck_assert_uint_eq (kit_diary_model_get_n_entries (open_model), 2);
  ck_assert_uint_eq (model_entries_checked (open_model, TRUE), 2);
  /* Turning it on again changes nothing. */
  ck_assert (kit_store_set_review_mode (f.store, TRUE, &error));
  ck_assert_uint_eq (f.notified, 1);
  ck_assert_uint_eq (f.changed, 1);

  assert_private_hidden (&f);

  /* Off: everything again, the open list included. */
  ck_assert (kit_store_set_review_mode (f.store, FALSE, &error));
  ck_assert_uint_eq (f.notified, 2);
  ck_assert_uint_eq (kit_diary_model_get_n_entries (open_model), 5);
  assert_all_visible (&f);

  /* Through the property too. */
  g_object_set (f.store, "review-mode", TRUE, NULL);
  ck_assert (kit_store_get_review_mode (f.store));
  ck_assert_uint_eq (kit_diary_model_get_n_entries (open_model), 2);
  g_clear_object (&open_model);
  teardown (&f);
}
END_TEST

/* The state is in the record: it survives a lock and a restart. */
START_TEST (test_review_kept_in_record)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;

  setup (&f);
  ck_assert (kit_store_set_review_mode (f.store, TRUE, &error));
  reopen (&f);
  ck_assert (kit_store_get_review_mode (f.store));
  assert_private_hidden (&f);
  ck_assert_int_eq (kt_query_int (kit_vault_get_db (f.vault),
                                  "SELECT value = '1' FROM meta WHERE key = 'review-together'"), 1);

  ck_assert (kit_store_set_review_mode (f.store, FALSE, &error));
  reopen (&f);
  assert_all_visible (&f);
  teardown (&f);
}
END_TEST

/* Entries and drafts written while it is on are hidden or shown as they
 * are; what is hidden is not lost. */
START_TEST (test_review_new_entries)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  KitDiaryFilter search = { .search = "written" };

  setup (&f);
  ck_assert (kit_store_set_review_mode (f.store, TRUE, &error));
  save_entry (&f, TODAY, 0, "Shared now", "written together", "", TRUE);
  save_entry (&f, TODAY, 0, "Private now", SECRET " written alone", "", FALSE);
  assert_listed (&f, &search, "6");
  /* The hidden draft of a new entry is neither deleted by saving a new
   * entry nor overwritten by a new draft while it is out of sight; the new
   * draft is refused in words, so she knows it was not kept. */
  {
    g_autoptr (KitDiaryEntry) d = kit_diary_entry_new ();
    kit_diary_entry_set_date (d, "2026-12-25");
    kit_diary_entry_set_body (d, "sharedword drafted in review");
    kit_diary_entry_set_shared (d, TRUE);
    ck_assert (!kit_store_save_diary_draft (f.store, d, &error));
    ck_assert (error->domain == KIT_INPUT_ERROR && error->code == KIT_INPUT_ERROR_DATE);
    ck_assert_msg (strstr (error->message, "Review together") != NULL, "%s", error->message);
    g_clear_error (&error);
  }
  ck_assert_ptr_null (kit_store_get_diary_draft (f.store, 0));
  ck_assert (kit_store_set_review_mode (f.store, FALSE, &error));
  assert_listed (&f, &search, "7,6");
  {
    g_autoptr (KitDiaryEntry) d = kit_store_get_diary_draft (f.store, 0);
    ck_assert_ptr_nonnull (d);
    ck_assert_str_eq (kit_diary_entry_get_body (d), SECRET " in a new draft");
  }
  /* Removing an entry takes its draft, hidden or not. */
  ck_assert (kit_store_set_review_mode (f.store, TRUE, &error));
  ck_assert (kit_store_remove_diary_entry (f.store, 4, &error));
  ck_assert (kit_store_set_review_mode (f.store, FALSE, &error));
  ck_assert_ptr_null (kit_store_get_diary_draft (f.store, 4));
  teardown (&f);
}
END_TEST

/* kit_vault_check_passphrase: the record's own passphrase, and no other. */

typedef struct {
  GMainLoop *loop;
  gboolean ok;
  GError *error;
} Async;

static void
on_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Async *a = user_data;

  a->ok = kit_vault_check_passphrase_finish (KIT_VAULT (source), result, &a->error);
  g_main_loop_quit (a->loop);
}

static gboolean
check_async (KitVault *vault, const char *passphrase, GError **error)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Async a = { loop, FALSE, NULL };
  char *copy = g_strdup (passphrase);

  kit_vault_check_passphrase_async (vault, copy, NULL, on_checked, &a);
  /* The caller may wipe its copy at once. */
  memset (copy, 'x', strlen (copy));
  g_free (copy);
  g_main_loop_run (loop);
  if (a.error != NULL)
    g_propagate_error (error, a.error);
  return a.ok;
}

START_TEST (test_check_passphrase)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.kit", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.kit", NULL);
  g_autoptr (GError) error = NULL;
  /* Composed when made, typed decomposed later: the same passphrase. */
  const char *composed = "caf\xc3\xa9 au lait";
  const char *decomposed = "cafe\xcc\x81 au lait";
  KitVault *vault = kt_create (path, composed, NULL);
  KitVault *other = kt_create (other_path, "another record", NULL);
  KitKdfParams kdf;

  ck_assert (kit_vault_check_passphrase (vault, composed, &error));
  ck_assert (kit_vault_check_passphrase (vault, decomposed, &error));
  ck_assert (!kit_vault_check_passphrase (vault, "cafe au lait", &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);
  ck_assert (!kit_vault_check_passphrase (vault, "", &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);
  ck_assert (!kit_vault_check_passphrase (vault, NULL, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);
  /* Another record's passphrase opens another key. */
  ck_assert (!kit_vault_check_passphrase (vault, "another record", &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);

  ck_assert (check_async (vault, composed, &error));
  ck_assert (error == NULL);
  ck_assert (!check_async (vault, "wrong", &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);

  /* After a change of passphrase, only the new one. */
  kit_kdf_params_minimal (&kdf);
  ck_assert (kit_vault_change_passphrase (vault, "new words here", &kdf, &error));
  ck_assert (kit_vault_check_passphrase (vault, "new words here", &error));
  ck_assert (!kit_vault_check_passphrase (vault, composed, &error));
  kt_assert_error (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE, 2);

  /* A locked record checks nothing. */
  ck_assert (kit_vault_close (vault, TRUE, NULL));
  ck_assert (!kit_vault_check_passphrase (vault, "new words here", &error));
  ck_assert (error != NULL && error->code != KIT_RECORD_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_object_unref (vault);
  kt_close (other);
  kt_rmtree (dir);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("review");

  kt_init ();
  kt_add_test (s, "hides-private", test_review_hides_private);
  kt_add_test (s, "kept-in-record", test_review_kept_in_record);
  kt_add_test (s, "new-entries", test_review_new_entries);
  kt_add_test (s, "check-passphrase", test_check_passphrase);
  return kt_run_suite (s);
}
