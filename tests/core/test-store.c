/* test-store.c — KitStore's children and people: adding, editing, removing
 * with undo and purge, the live models and their items-changed, "changed"
 * once per edit and never for a refused one, and validation that leaves
 * nothing half saved (DESIGN §7). */

#include "kit-test-common.h"

#include "kit-store.h"

typedef struct {
  guint changed;          /* "changed" emissions */
  guint items_changed;    /* items-changed emissions on the watched model */
  guint position, removed, added;   /* of the last items-changed */
} Watch;

static void
on_changed (KitStore *store, Watch *w)
{
  w->changed++;
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Watch *w)
{
  w->items_changed++;
  w->position = position;
  w->removed = removed;
  w->added = added;
}

static sqlite3 *
new_db (void)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (":memory:", &db), SQLITE_OK);
  ck_assert_msg (kit_schema_configure (db, &error) && kit_schema_migrate (db, &error), "%s",
                 error ? error->message : "");
  return db;
}

static KitStore *
new_store (sqlite3 *db)
{
  g_autoptr (GError) error = NULL;
  KitStore *store = kit_store_new (db, &error);

  ck_assert_msg (store != NULL, "kit_store_new: %s", error ? error->message : "");
  return store;
}

static gint64
add_child (KitStore *store, const char *name, const char *dob)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitChild) child = kit_child_new ();

  kit_child_set_name (child, name);
  kit_child_set_date_of_birth (child, dob);
  ck_assert_msg (kit_store_save_child (store, child, &error), "save %s: %s", name,
                 error ? error->message : "");
  ck_assert_int_gt (kit_child_get_id (child), 0);
  return kit_child_get_id (child);
}

static const char *
name_at (GListModel *model, guint i)
{
  g_autoptr (GObject) item = g_list_model_get_item (model, i);
  /* Both kinds of item have a "name" property; the string lives in the item,
   * which the model keeps alive. */
  if (KIT_IS_CHILD (item))
    return kit_child_get_name (KIT_CHILD (item));
  return kit_person_get_name (KIT_PERSON (item));
}

static void
assert_input_error (GError **error, int code)
{
  ck_assert_msg (*error != NULL, "expected an input error %d, got none", code);
  ck_assert_msg ((*error)->domain == KIT_INPUT_ERROR, "not an input error: %s", (*error)->message);
  ck_assert_msg ((*error)->code == code, "expected code %d, got %d (%s)", code, (*error)->code,
                 (*error)->message);
  ck_assert_str_ne ((*error)->message, "");
  g_clear_error (error);
}

START_TEST (test_children_add_edit_sorted)
{
  sqlite3 *db = new_db ();
  g_autoptr (KitStore) store = new_store (db);
  GListModel *children = kit_store_get_children (store);
  Watch w = { 0 };
  gint64 mia, zac;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &w);
  g_signal_connect (children, "items-changed", G_CALLBACK (on_items_changed), &w);
  ck_assert_uint_eq (g_list_model_get_n_items (children), 0);

  zac = add_child (store, "Zac", "2015-06-01");
  ck_assert_uint_eq (w.changed, 1);
  ck_assert_uint_eq (w.items_changed, 1);
  ck_assert_uint_eq (w.position, 0);
  ck_assert_uint_eq (w.added, 1);
  mia = add_child (store, "mia Jones", NULL);
  ck_assert_uint_eq (w.changed, 2);
  /* Case-insensitive: "mia" before "Zac". */
  ck_assert_uint_eq (w.position, 0);
  ck_assert_uint_eq (w.removed, 0);
  ck_assert_uint_eq (w.added, 1);
  add_child (store, "Amelia", NULL);
  ck_assert_uint_eq (g_list_model_get_n_items (children), 3);
  ck_assert_str_eq (name_at (children, 0), "Amelia");
  ck_assert_str_eq (name_at (children, 1), "mia Jones");
  ck_assert_str_eq (name_at (children, 2), "Zac");

  /* Edit: renamed and moved; found again with its fields. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (KitChild) child = kit_store_find_child (store, zac);
    ck_assert_ptr_nonnull (child);
    ck_assert_str_eq (kit_child_get_date_of_birth (child), "2015-06-01");
    kit_child_set_name (child, "  Bea  ");
    kit_child_set_lives_with (child, "foster-carers");
    kit_child_set_notes (child, "Likes horses.");
    ck_assert (kit_store_save_child (store, child, &error));
    ck_assert_str_eq (kit_child_get_name (child), "Bea");
  }
  ck_assert_uint_eq (w.changed, 4);
  ck_assert_str_eq (name_at (children, 0), "Amelia");
  ck_assert_str_eq (name_at (children, 1), "Bea");
  ck_assert_str_eq (name_at (children, 2), "mia Jones");
  {
    g_autoptr (KitChild) child = kit_store_find_child (store, zac);
    g_autoptr (KitChild) other = kit_store_find_child (store, mia);
    ck_assert_str_eq (kit_child_get_lives_with (child), "foster-carers");
    ck_assert_str_eq (kit_child_get_notes (child), "Likes horses.");
    ck_assert_str_eq (kit_child_get_initials (other), "MJ");
  }
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM children"), 3);

  /* A second store over the same database sees the same. */
  {
    g_autoptr (KitStore) again = new_store (db);
    ck_assert_uint_eq (g_list_model_get_n_items (kit_store_get_children (again)), 3);
  }
  g_signal_handlers_disconnect_by_data (children, &w);
  g_clear_object (&store);
  sqlite3_close (db);
}
END_TEST

START_TEST (test_children_validation)
{
  sqlite3 *db = new_db ();
  g_autoptr (KitStore) store = new_store (db);
  g_autoptr (GError) error = NULL;
  g_autoptr (KitChild) child = kit_child_new ();
  Watch w = { 0 };
  gint64 id;

  g_setenv ("KIT_TODAY", "2026-11-23", TRUE);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &w);

  kit_child_set_name (child, "   ");
  ck_assert (!kit_store_save_child (store, child, &error));
  ck_assert_str_eq (error->message, "Please write the name you use for your child.");
  assert_input_error (&error, KIT_INPUT_ERROR_NAME);
  kit_child_set_name (child, NULL);
  ck_assert (!kit_store_save_child (store, child, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NAME);

  kit_child_set_name (child, "Mia");
  kit_child_set_date_of_birth (child, "2019-02-30");
  ck_assert (!kit_store_save_child (store, child, &error));
  ck_assert_str_eq (error->message, "That date doesn't exist. Please check the day and month.");
  assert_input_error (&error, KIT_INPUT_ERROR_DATE_OF_BIRTH);
  kit_child_set_date_of_birth (child, "1/3/2019");   /* not ISO: the dialog parses first */
  ck_assert (!kit_store_save_child (store, child, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_DATE_OF_BIRTH);
  kit_child_set_date_of_birth (child, "2026-11-24");
  ck_assert (!kit_store_save_child (store, child, &error));
  ck_assert_str_eq (error->message, "That date hasn't happened yet. Please check the year.");
  assert_input_error (&error, KIT_INPUT_ERROR_DATE_OF_BIRTH);

  kit_child_set_date_of_birth (child, "2026-11-23");   /* born today is fine */
  kit_child_set_lives_with (child, "with-the-fairies");
  ck_assert (!kit_store_save_child (store, child, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_KIND);
  kit_child_set_lives_with (child, "kinship-carers");
  kit_child_set_legal_order (child, "made-up-order");
  ck_assert (!kit_store_save_child (store, child, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_KIND);

  /* Nothing saved, nothing announced. */
  ck_assert_uint_eq (w.changed, 0);
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM children"), 0);
  ck_assert_uint_eq (g_list_model_get_n_items (kit_store_get_children (store)), 0);
  ck_assert_int_eq (kit_child_get_id (child), 0);

  kit_child_set_legal_order (child, "care-order");
  ck_assert (kit_store_save_child (store, child, &error));
  id = kit_child_get_id (child);
  ck_assert_uint_eq (w.changed, 1);

  /* A refused edit of a saved child leaves it as it was. */
  kit_child_set_name (child, "");
  ck_assert (!kit_store_save_child (store, child, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NAME);
  {
    g_autofree char *name = kt_query_text (db, "SELECT name FROM children");
    ck_assert_str_eq (name, "Mia");
  }
  ck_assert_uint_eq (w.changed, 1);

  /* Editing a child that is not there. */
  {
    g_autoptr (KitChild) ghost = kit_child_new ();
    kit_child_set_id (ghost, id + 100);
    kit_child_set_name (ghost, "Ghost");
    ck_assert (!kit_store_save_child (store, ghost, &error));
    assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  }
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM children"), 1);
  g_unsetenv ("KIT_TODAY");
  g_clear_object (&store);
  sqlite3_close (db);
}
END_TEST

START_TEST (test_children_remove_undo_purge)
{
  sqlite3 *db = new_db ();
  g_autoptr (KitStore) store = new_store (db);
  g_autoptr (GError) error = NULL;
  GListModel *children = kit_store_get_children (store);
  Watch w = { 0 };
  gint64 amelia, ben;

  amelia = add_child (store, "Amelia", NULL);
  ben = add_child (store, "Ben", NULL);
  ck_assert_int_eq (sqlite3_exec (db, "INSERT INTO arrangements (child_id, kind) VALUES (1, 'letterbox');"
                                      "INSERT INTO important_dates (child_id, date, label) "
                                      "VALUES (1, '2020-01-01', 'Birthday');", NULL, NULL, NULL),
                    SQLITE_OK);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &w);
  g_signal_connect (children, "items-changed", G_CALLBACK (on_items_changed), &w);

  /* Removing hides her at once. */
  ck_assert (kit_store_remove_child (store, amelia, &error));
  ck_assert_uint_eq (w.changed, 1);
  ck_assert_uint_eq (w.items_changed, 1);
  ck_assert_uint_eq (w.position, 0);
  ck_assert_uint_eq (w.removed, 1);
  ck_assert_uint_eq (w.added, 0);
  ck_assert_uint_eq (g_list_model_get_n_items (children), 1);
  ck_assert_str_eq (name_at (children, 0), "Ben");
  ck_assert_ptr_null (kit_store_find_child (store, amelia));
  {
    g_autoptr (GListModel) arrangements = kit_store_list_arrangements (store, amelia);
    ck_assert_uint_eq (g_list_model_get_n_items (arrangements), 0);
  }
  /* Removing twice, or editing her meanwhile, is refused. */
  ck_assert (!kit_store_remove_child (store, amelia, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert (!kit_store_undo_remove_child (store, ben, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert_uint_eq (w.changed, 1);

  /* Undo brings her back, with everything about her. */
  ck_assert (kit_store_undo_remove_child (store, amelia, &error));
  ck_assert_uint_eq (w.changed, 2);
  ck_assert_uint_eq (w.position, 0);
  ck_assert_uint_eq (w.removed, 0);
  ck_assert_uint_eq (w.added, 1);
  ck_assert_str_eq (name_at (children, 0), "Amelia");
  {
    g_autoptr (GListModel) arrangements = kit_store_list_arrangements (store, amelia);
    ck_assert_uint_eq (g_list_model_get_n_items (arrangements), 1);
  }

  /* Removed again, then purged: gone for good, Ben untouched. */
  ck_assert (kit_store_remove_child (store, amelia, &error));
  ck_assert (kit_store_purge_removed (store, &error));
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM children"), 1);
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM arrangements"), 0);
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM important_dates"), 0);
  ck_assert (!kit_store_undo_remove_child (store, amelia, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);

  /* A removal pending when the store closes is final at the next opening. */
  ck_assert (kit_store_remove_child (store, ben, &error));
  g_signal_handlers_disconnect_by_data (children, &w);
  g_clear_object (&store);
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM children"), 1);
  store = new_store (db);
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM children"), 0);
  ck_assert_uint_eq (g_list_model_get_n_items (kit_store_get_children (store)), 0);
  g_clear_object (&store);
  sqlite3_close (db);
}
END_TEST

START_TEST (test_people)
{
  sqlite3 *db = new_db ();
  g_autoptr (KitStore) store = new_store (db);
  g_autoptr (GError) error = NULL;
  GListModel *people = kit_store_get_people (store);
  g_autoptr (KitPerson) jo = kit_person_new ();
  g_autoptr (KitPerson) al = kit_person_new ();
  Watch w = { 0 };
  gint64 child;

  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &w);
  g_signal_connect (people, "items-changed", G_CALLBACK (on_items_changed), &w);

  /* Refused: no name, an email without @. Nothing saved. */
  kit_person_set_name (jo, "");
  ck_assert (!kit_store_save_person (store, jo, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NAME);
  kit_person_set_name (jo, "Jo Smith");
  kit_person_set_email (jo, "jo.example.org");
  ck_assert (!kit_store_save_person (store, jo, &error));
  assert_input_error (&error, KIT_INPUT_ERROR_EMAIL);
  ck_assert_uint_eq (w.changed, 0);
  ck_assert_uint_eq (w.items_changed, 0);
  ck_assert_int_eq (kt_query_int (db, "SELECT count(*) FROM people"), 0);

  kit_person_set_email (jo, "jo@example.org");
  kit_person_set_role (jo, "Letterbox coordinator");
  ck_assert (kit_store_save_person (store, jo, &error));
  kit_person_set_name (al, "al Brown");
  ck_assert (kit_store_save_person (store, al, &error));
  ck_assert_uint_eq (w.changed, 2);
  ck_assert_uint_eq (g_list_model_get_n_items (people), 2);
  ck_assert_str_eq (name_at (people, 0), "al Brown");
  ck_assert_str_eq (name_at (people, 1), "Jo Smith");
  {
    g_autoptr (KitPerson) found = kit_store_find_person (store, kit_person_get_id (jo));
    ck_assert_str_eq (kit_person_get_role (found), "Letterbox coordinator");
    ck_assert_str_eq (kit_person_get_email (found), "jo@example.org");
  }

  /* Edited in place: one item replaced. */
  kit_person_set_phone (jo, "01632 960000");
  ck_assert (kit_store_save_person (store, jo, &error));
  ck_assert_uint_eq (w.position, 1);
  ck_assert_uint_eq (w.removed, 1);
  ck_assert_uint_eq (w.added, 1);

  /* Removing a person an arrangement names: the arrangement stays, with nobody. */
  child = add_child (store, "Mia", NULL);
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO arrangements (child_id, kind, coordinator_id, supervisor_id) "
      "VALUES (%" G_GINT64_FORMAT ", 'letterbox', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
      child, kit_person_get_id (jo), kit_person_get_id (jo));
    ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
  }
  {
    g_autoptr (GListModel) list = kit_store_list_arrangements (store, child);
    g_autoptr (KitArrangement) a = g_list_model_get_item (list, 0);
    ck_assert_str_eq (kit_arrangement_get_coordinator_name (a), "Jo Smith");
  }
  w.changed = 0;
  ck_assert (kit_store_remove_person (store, kit_person_get_id (jo), &error));
  ck_assert_uint_eq (w.changed, 1);
  ck_assert_uint_eq (g_list_model_get_n_items (people), 1);
  ck_assert_ptr_null (kit_store_find_person (store, kit_person_get_id (jo)));
  {
    g_autoptr (GListModel) list = kit_store_list_arrangements (store, child);
    g_autoptr (KitArrangement) a = NULL;
    ck_assert_uint_eq (g_list_model_get_n_items (list), 1);
    a = g_list_model_get_item (list, 0);
    ck_assert_int_eq (kit_arrangement_get_coordinator_id (a), 0);
    ck_assert_int_eq (kit_arrangement_get_supervisor_id (a), 0);
    ck_assert_str_eq (kit_arrangement_get_coordinator_name (a), "");
  }
  ck_assert (!kit_store_remove_person (store, kit_person_get_id (jo), &error));
  assert_input_error (&error, KIT_INPUT_ERROR_NOT_FOUND);
  ck_assert_uint_eq (w.changed, 1);
  g_signal_handlers_disconnect_by_data (people, &w);
  g_clear_object (&store);
  sqlite3_close (db);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("store");

  kt_init ();
  kt_add_test (s, "children", test_children_add_edit_sorted);
  kt_add_test (s, "children-validation", test_children_validation);
  kt_add_test (s, "children-remove-undo-purge", test_children_remove_undo_purge);
  kt_add_test (s, "people", test_people);
  return kt_run_suite (s);
}
