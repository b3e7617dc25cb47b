/* test-children.c — children and people through the real widgets under
 * Xvfb: adding a child through the dialog (and being told, beside the
 * field, what is wrong), seeing her in the sidebar, editing her, removing
 * her with the confirmation, undoing that from the toast, and a removal
 * becoming final when the toast goes or the record locks; the address book. */
#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "kit-app-util.h"
#include "kit-application.h"
#include "kit-child-dialog.h"
#include "kit-child-page.h"
#include "kit-child-row.h"
#include "kit-create-page.h"
#include "kit-date-dialog.h"
#include "kit-main-page.h"
#include "kit-people-page.h"
#include "kit-person-dialog.h"
#include "kit-recovery-key-page.h"
#include "kit-session-dialog.h"
#include "kit-unlock-page.h"
#include "kit-vault.h"
#include "kit-window.h"
#include "kit-ui-test.h"

#define PASSPHRASE "blue kettle on a rainy tuesday"
#define WAIT_SECONDS 60
#define TODAY "2026-06-15"

/* Helpers */

static void
setup (void)
{
  kit_ui_setup ("kit-children-XXXXXX");
}

static void
click (GtkWidget *button)
{
  ck_assert_msg (gtk_widget_is_sensitive (button), "button is not sensitive");
  g_signal_emit_by_name (button, "clicked");
}

/* Create a record through the real pages and arrive on the main page. */
static char *
create_record (void)
{
  char *path = g_build_filename (tmpdir, "Children.kit", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  kit_ui_assert_page ("create");
  kit_create_page_set_path (KIT_CREATE_PAGE (kit_window_get_page (window, "create")), path);
  gtk_switch_set_active (GTK_SWITCH (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE,
                                                   "recovery_switch")), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE,
                                                     "passphrase_row")), PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE,
                                                     "confirm_row")), PASSPHRASE);
  click (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "create_button"));
  kit_ui_assert_page ("main");
  return path;
}

static KitMainPage *
main_page (void)
{
  return KIT_MAIN_PAGE (kit_window_get_page (window, "main"));
}

static gboolean
has_toplevel_of (gpointer type)
{
  g_autoptr(GList) list = gtk_window_list_toplevels ();

  for (GList *l = list; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, GPOINTER_TO_SIZE (type)) &&
        gtk_widget_get_visible (l->data))
      return TRUE;
  return FALSE;
}

static gboolean
no_toplevel_of (gpointer type)
{
  return !has_toplevel_of (type);
}

/* The visible toplevel of @type, waiting for it to appear. */
static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GList) list = NULL;

  ck_assert_msg (kit_ui_wait_until (has_toplevel_of, GSIZE_TO_POINTER (type), WAIT_SECONDS),
                 "no %s appeared", g_type_name (type));
  list = gtk_window_list_toplevels ();
  for (GList *l = list; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
assert_closed (GType type)
{
  ck_assert_msg (kit_ui_wait_until (no_toplevel_of, GSIZE_TO_POINTER (type), WAIT_SECONDS),
                 "%s is still open", g_type_name (type));
}

static GtkWidget *
dialog_child (GtkWidget *dialog, GType type, const char *id)
{
  GObject *object = gtk_widget_get_template_child (dialog, type, id);

  ck_assert_msg (object != NULL, "no template child %s", id);
  return GTK_WIDGET (object);
}

static void
set_text (GtkWidget *dialog, GType type, const char *id, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, type, id)), text);
}

static gboolean
label_shows (GtkWidget *dialog, GType type, const char *id)
{
  GtkWidget *label = dialog_child (dialog, type, id);

  return gtk_widget_get_visible (label) && *gtk_label_get_label (GTK_LABEL (label)) != '\0';
}

static guint
n_children (void)
{
  GtkListBox *list = GTK_LIST_BOX (kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "sidebar_list"));
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    n += KIT_IS_CHILD_ROW (row);
  return n;
}

/* The sidebar row of the child called @name, or NULL. */
static KitChildRow *
child_row (const char *name)
{
  GtkListBox *list = GTK_LIST_BOX (kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "sidebar_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (KIT_IS_CHILD_ROW (row) &&
        g_strcmp0 (kit_child_get_name (kit_child_row_get_child (KIT_CHILD_ROW (row))), name) == 0)
      return KIT_CHILD_ROW (row);
  return NULL;
}

static const char *
row_label (KitChildRow *row, const char *id)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row),
                                                                         KIT_TYPE_CHILD_ROW,
                                                                         id)));
}

static gint64
child_id (const char *name)
{
  KitChildRow *row = child_row (name);

  ck_assert_msg (row != NULL, "%s is not in the sidebar", name);
  return kit_child_get_id (kit_child_row_get_child (row));
}

/* Rows in the children table for @id, removed or not. */
static int
rows_in_db (sqlite3 *db, gint64 id)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  ck_assert_int_eq (sqlite3_prepare_v2 (db, "SELECT count(*) FROM children WHERE id = ?", -1,
                                        &stmt, NULL), SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

#define TECHNICAL "disk I/O error (code 10)"

/* Make every change to @table fail with a technical message (or not). */
static void
fail_writes (const char *table, gboolean fail)
{
  sqlite3 *db = kit_vault_get_db (kit_window_get_vault (window));
  g_autofree char *sql = NULL;

  if (fail)
    sql = g_strdup_printf ("CREATE TEMP TRIGGER kit_test_fail_%s BEFORE UPDATE ON %s "
                           "BEGIN SELECT RAISE (ABORT, '" TECHNICAL "'); END;"
                           "CREATE TEMP TRIGGER kit_test_fail_del_%s BEFORE DELETE ON %s "
                           "BEGIN SELECT RAISE (ABORT, '" TECHNICAL "'); END;",
                           table, table, table, table);
  else
    sql = g_strdup_printf ("DROP TRIGGER temp.kit_test_fail_%s; DROP TRIGGER temp.kit_test_fail_del_%s;",
                           table, table);
  ck_assert_int_eq (sqlite3_exec (db, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* A message she sees doesn't repeat the database's words. */
static void
assert_plain (GtkWidget *label)
{
  const char *text = gtk_label_get_label (GTK_LABEL (label));

  ck_assert_msg (strstr (text, "I/O") == NULL && strstr (text, "code 10") == NULL,
                 "the message shows the technical error: '%s'", text);
}

/* Add a child through the real dialog. */
static void
add_child (const char *name, const char *dob)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.add-child", NULL);
  dialog = find_toplevel (KIT_TYPE_CHILD_DIALOG);
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "name_row", name);
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "dob_row", dob);
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  assert_closed (KIT_TYPE_CHILD_DIALOG);
}

static void
answer_message_dialog (const char *response)
{
  GtkWidget *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  /* What clicking a response button does: respond, then close. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (GTK_WINDOW (dialog));
  assert_closed (ADW_TYPE_MESSAGE_DIALOG);
}

static void
unlock (void)
{
  gtk_editable_set_text (GTK_EDITABLE (kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE,
                                                     "passphrase_row")), PASSPHRASE);
  click (kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "unlock_button"));
  kit_ui_assert_page ("main");
}

/* Tests */

START_TEST (test_add_child_with_errors)
{
  GtkWidget *dialog;
  KitChildRow *row;
  gint64 id;

  g_free (create_record ());

  ck_assert_str_eq (kit_main_page_get_shown (main_page ()), "empty");
  ck_assert_uint_eq (n_children (), 0);

  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.add-child", NULL);
  dialog = find_toplevel (KIT_TYPE_CHILD_DIALOG);

  /* No name: the message is beside the name, and nothing is added. */
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "dob_row", "14/3/2019");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  kit_ui_spin (0.2);
  ck_assert_msg (label_shows (dialog, KIT_TYPE_CHILD_DIALOG, "name_error"),
                 "no message beside the name");
  ck_assert (!label_shows (dialog, KIT_TYPE_CHILD_DIALOG, "dob_error"));
  ck_assert (has_toplevel_of (GSIZE_TO_POINTER (KIT_TYPE_CHILD_DIALOG)));
  ck_assert_uint_eq (n_children (), 0);

  /* Born in the future: beside the date of birth. */
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "name_row", "Mia Jones");
  ck_assert (!label_shows (dialog, KIT_TYPE_CHILD_DIALOG, "name_error"));
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "dob_row", "1/1/2030");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  kit_ui_spin (0.2);
  ck_assert_msg (label_shows (dialog, KIT_TYPE_CHILD_DIALOG, "dob_error"),
                 "no message beside the date of birth for a future date");
  ck_assert (!label_shows (dialog, KIT_TYPE_CHILD_DIALOG, "name_error"));
  ck_assert_uint_eq (n_children (), 0);

  /* Not a real date. */
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "dob_row", "31/2/2019");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  kit_ui_spin (0.2);
  ck_assert (label_shows (dialog, KIT_TYPE_CHILD_DIALOG, "dob_error"));
  ck_assert_uint_eq (n_children (), 0);

  /* Right: she is in the sidebar with her initials and age, and shown. */
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "dob_row", "14/3/2019");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  assert_closed (KIT_TYPE_CHILD_DIALOG);
  ck_assert_uint_eq (n_children (), 1);
  row = child_row ("Mia Jones");
  ck_assert_ptr_nonnull (row);
  ck_assert_str_eq (kit_child_get_initials (kit_child_row_get_child (row)), "MJ");
  ck_assert_str_eq (adw_avatar_get_text (ADW_AVATAR (gtk_widget_get_template_child (
                      GTK_WIDGET (row), KIT_TYPE_CHILD_ROW, "avatar"))), "Mia Jones");
  ck_assert (adw_avatar_get_show_initials (ADW_AVATAR (gtk_widget_get_template_child (
               GTK_WIDGET (row), KIT_TYPE_CHILD_ROW, "avatar"))));
  ck_assert_str_eq (row_label (row, "age_label"), "7 years old");
  id = kit_child_get_id (kit_child_row_get_child (row));
  ck_assert_str_eq (kit_main_page_get_shown (main_page ()), "child");
  ck_assert_int_eq (kit_main_page_get_shown_child (main_page ()), id);

  /* A baby's age is in months. */
  add_child ("Sam", "1/9/2025");
  ck_assert_uint_eq (n_children (), 2);
  ck_assert_str_eq (row_label (child_row ("Sam"), "age_label"), "9 months old");
  ck_assert_int_eq (kit_main_page_get_shown_child (main_page ()), child_id ("Sam"));

  /* Edit the child shown. */
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.show-child", "x", id);
  ck_assert_int_eq (kit_main_page_get_shown_child (main_page ()), id);
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.edit-child", "x", (gint64) 0);
  dialog = find_toplevel (KIT_TYPE_CHILD_DIALOG);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (dialog_child (
                      dialog, KIT_TYPE_CHILD_DIALOG, "name_row"))), "Mia Jones");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (dialog_child (
                      dialog, KIT_TYPE_CHILD_DIALOG, "dob_row"))), "14 March 2019");
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "name_row", "Mia");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  assert_closed (KIT_TYPE_CHILD_DIALOG);
  ck_assert_ptr_null (child_row ("Mia Jones"));
  ck_assert_ptr_nonnull (child_row ("Mia"));
  ck_assert_int_eq (child_id ("Mia"), id);
  ck_assert_str_eq (row_label (child_row ("Mia"), "name_label"), "Mia");
  ck_assert_int_eq (kit_main_page_get_shown_child (main_page ()), id);
  ck_assert_uint_eq (n_children (), 2);

  /* Cancel leaves everything as it was. */
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.edit-child", "x", id);
  dialog = find_toplevel (KIT_TYPE_CHILD_DIALOG);
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "name_row", "Nobody");
  gtk_widget_activate_action (dialog, "window.close", NULL);
  assert_closed (KIT_TYPE_CHILD_DIALOG);
  ck_assert_ptr_nonnull (child_row ("Mia"));
  ck_assert_ptr_null (child_row ("Nobody"));

  /* A save that fails for a reason that isn't hers: said plainly, without
   * the database's own words, and the dialog stays open with what she typed. */
  fail_writes ("children", TRUE);
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.edit-child", "x", id);
  dialog = find_toplevel (KIT_TYPE_CHILD_DIALOG);
  set_text (dialog, KIT_TYPE_CHILD_DIALOG, "name_row", "Mia Rose");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  kit_ui_spin (0.2);
  ck_assert_msg (label_shows (dialog, KIT_TYPE_CHILD_DIALOG, "general_error"), "no message");
  assert_plain (dialog_child (dialog, KIT_TYPE_CHILD_DIALOG, "general_error"));
  ck_assert (has_toplevel_of (GSIZE_TO_POINTER (KIT_TYPE_CHILD_DIALOG)));
  fail_writes ("children", FALSE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ck_assert_ptr_nonnull (child_row ("Mia"));
}
END_TEST

/* A new arrangement for @child_id, agreed next on @next_due. */
static void
add_arrangement (gint64 child_id, const char *next_due)
{
  g_autoptr(KitChange) change = kit_change_new (child_id, 0);
  g_autoptr(KitArrangement) arrangement = kit_arrangement_new (child_id);
  g_autoptr(GError) error = NULL;

  kit_arrangement_set_kind (arrangement, "letterbox");
  kit_arrangement_set_status (arrangement, "active");
  kit_arrangement_set_agreed_next (arrangement, next_due);
  kit_change_set_what_changed (change, "started");
  kit_change_set_effective_date (change, "2026-01-10");
  kit_change_set_reason_given (change, "no");
  ck_assert_msg (kit_store_record_change (kit_window_get_store (window), change, arrangement,
                                          &error),
                 "record_change: %s", error ? error->message : "?");
}

START_TEST (test_next_contact)
{
  const char *next;

  g_free (create_record ());

  add_child ("Mia", "14/3/2019");
  ck_assert (!gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
               GTK_WIDGET (child_row ("Mia")), KIT_TYPE_CHILD_ROW, "next_label"))));
  add_arrangement (child_id ("Mia"), "2026-09-01");
  next = row_label (child_row ("Mia"), "next_label");
  ck_assert_msg (g_strcmp0 (next, "Next contact 1 September 2026") == 0,
                 "next contact: '%s'", next);
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
               GTK_WIDGET (child_row ("Mia")), KIT_TYPE_CHILD_ROW, "next_label"))));
  /* Still her page, after the sidebar caught up. */
  ck_assert_int_eq (kit_main_page_get_shown_child (main_page ()), child_id ("Mia"));
}
END_TEST

START_TEST (test_remove_and_undo)
{
  g_autofree char *path = create_record ();
  g_autoptr(KitVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  GVariant *target;
  gint64 mia, sam;

  add_child ("Mia", "14/3/2019");
  add_child ("Sam", "1/9/2025");
  mia = child_id ("Mia");
  sam = child_id ("Sam");

  /* Asked first; Cancel keeps her. */
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.remove-child", "x", mia);
  answer_message_dialog ("cancel");
  ck_assert_uint_eq (n_children (), 2);
  ck_assert_ptr_null (kit_main_page_get_removal_toast (main_page ()));

  /* Remove, then Undo from the toast. */
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.show-child", "x", mia);
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.remove-child", "x", mia);
  answer_message_dialog ("remove");
  ck_assert_uint_eq (n_children (), 1);
  ck_assert_ptr_null (child_row ("Mia"));
  ck_assert_int_eq (kit_main_page_get_shown_child (main_page ()), sam);
  toast = kit_main_page_get_removal_toast (main_page ());
  ck_assert_ptr_nonnull (toast);
  ck_assert_str_eq (adw_toast_get_title (toast), "Mia was removed");
  ck_assert_str_eq (adw_toast_get_action_name (toast), "win.undo-remove-child");
  target = adw_toast_get_action_target_value (toast);
  ck_assert_ptr_nonnull (target);
  ck_assert_int_eq (g_variant_get_int64 (target), mia);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), adw_toast_get_action_name (toast),
                                      target);
  kit_ui_spin (0.3);
  ck_assert_uint_eq (n_children (), 2);
  ck_assert_int_eq (child_id ("Mia"), mia);
  ck_assert_int_eq (kit_main_page_get_shown_child (main_page ()), mia);
  ck_assert_ptr_null (kit_main_page_get_removal_toast (main_page ()));
  ck_assert_int_eq (rows_in_db (kit_vault_get_db (kit_window_get_vault (window)), mia), 1);

  /* Remove again and let the toast go: gone for good, even from the database. */
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.remove-child", "x", mia);
  answer_message_dialog ("remove");
  toast = kit_main_page_get_removal_toast (main_page ());
  ck_assert_ptr_nonnull (toast);
  ck_assert_int_eq (rows_in_db (kit_vault_get_db (kit_window_get_vault (window)), mia), 1);
  /* As a person would: not while it is still coming in (libadwaita 1.2
   * crashes when a toast is dismissed during its entrance). */
  kit_ui_spin (1.5);
  adw_toast_dismiss (toast);
  kit_ui_spin (0.3);
  ck_assert_int_eq (rows_in_db (kit_vault_get_db (kit_window_get_vault (window)), mia), 0);
  ck_assert_uint_eq (n_children (), 1);

  /* Remove Sam and lock while the toast still offers the undo: the saved
   * file no longer holds him, and after unlocking he is gone. */
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.remove-child", "x", sam);
  answer_message_dialog ("remove");
  ck_assert_ptr_nonnull (kit_main_page_get_removal_toast (main_page ()));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  kit_ui_assert_page ("unlock");
  ck_assert_ptr_null (kit_main_page_get_removal_toast (main_page ()));
  vault = kit_vault_open (path, PASSPHRASE, &error);
  ck_assert_msg (vault != NULL, "open: %s", error ? error->message : "?");
  ck_assert_int_eq (rows_in_db (kit_vault_get_db (vault), sam), 0);
  ck_assert_int_eq (rows_in_db (kit_vault_get_db (vault), mia), 0);
  ck_assert (kit_vault_close (vault, TRUE, NULL));
  g_clear_object (&vault);

  unlock ();
  ck_assert_uint_eq (n_children (), 0);
  ck_assert_str_eq (kit_main_page_get_shown (main_page ()), "empty");

  /* A form open when the record locks goes with it. */
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.add-child", NULL);
  find_toplevel (KIT_TYPE_CHILD_DIALOG);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  kit_ui_assert_page ("unlock");
  assert_closed (KIT_TYPE_CHILD_DIALOG);
}
END_TEST

START_TEST (test_people)
{
  GtkWidget *people_page, *dialog, *list, *search, *stack;
  GtkListBoxRow *row;

  g_free (create_record ());

  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.show-people", NULL);
  ck_assert_str_eq (kit_main_page_get_shown (main_page ()), "people");
  people_page = kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "people_page");
  list = dialog_child (people_page, KIT_TYPE_PEOPLE_PAGE, "people_list");
  search = dialog_child (people_page, KIT_TYPE_PEOPLE_PAGE, "search_entry");
  stack = dialog_child (people_page, KIT_TYPE_PEOPLE_PAGE, "stack");
  ck_assert_str_eq (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "empty");

  gtk_widget_activate_action (people_page, "people.add", NULL);
  dialog = find_toplevel (KIT_TYPE_PERSON_DIALOG);
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  kit_ui_spin (0.2);
  ck_assert_msg (label_shows (dialog, KIT_TYPE_PERSON_DIALOG, "name_error"),
                 "no message beside an empty name");
  set_text (dialog, KIT_TYPE_PERSON_DIALOG, "name_row", "Jo Smith");
  set_text (dialog, KIT_TYPE_PERSON_DIALOG, "role_row", "Letterbox coordinator");
  set_text (dialog, KIT_TYPE_PERSON_DIALOG, "organisation_row", "Northshire Council");
  set_text (dialog, KIT_TYPE_PERSON_DIALOG, "email_row", "jo.smith");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  kit_ui_spin (0.2);
  ck_assert_msg (label_shows (dialog, KIT_TYPE_PERSON_DIALOG, "email_error"),
                 "no message beside an email without @");
  ck_assert (!label_shows (dialog, KIT_TYPE_PERSON_DIALOG, "name_error"));
  ck_assert_ptr_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  set_text (dialog, KIT_TYPE_PERSON_DIALOG, "email_row", "jo.smith@northshire.example");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  assert_closed (KIT_TYPE_PERSON_DIALOG);

  ck_assert_str_eq (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "list");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  ck_assert_ptr_nonnull (row);
  ck_assert_ptr_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  ck_assert_str_eq (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Jo Smith");
  ck_assert_str_eq (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                    "Letterbox coordinator, Northshire Council");

  /* The search finds by organisation, and hides who doesn't match. */
  gtk_editable_set_text (GTK_EDITABLE (search), "northshire");
  g_signal_emit_by_name (search, "search-changed");
  kit_ui_spin (0.2);
  ck_assert_ptr_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  gtk_editable_set_text (GTK_EDITABLE (search), "Westshire");
  g_signal_emit_by_name (search, "search-changed");
  kit_ui_spin (0.2);
  ck_assert_ptr_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  kit_ui_spin (0.2);

  /* A save that fails, not because of her: plain words, still open. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_signal_emit_by_name (list, "row-activated", row);
  dialog = find_toplevel (KIT_TYPE_PERSON_DIALOG);
  fail_writes ("people", TRUE);
  set_text (dialog, KIT_TYPE_PERSON_DIALOG, "role_row", "Social worker");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  kit_ui_spin (0.2);
  ck_assert (label_shows (dialog, KIT_TYPE_PERSON_DIALOG, "general_error"));
  assert_plain (dialog_child (dialog, KIT_TYPE_PERSON_DIALOG, "general_error"));
  ck_assert (has_toplevel_of (GSIZE_TO_POINTER (KIT_TYPE_PERSON_DIALOG)));
  fail_writes ("people", FALSE);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Open, delete (asked first). */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  ck_assert_ptr_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  dialog = find_toplevel (KIT_TYPE_PERSON_DIALOG);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (dialog_child (
                      dialog, KIT_TYPE_PERSON_DIALOG, "organisation_row"))),
                    "Northshire Council");
  ck_assert (gtk_widget_get_visible (dialog_child (dialog, KIT_TYPE_PERSON_DIALOG,
                                                   "delete_button")));
  gtk_widget_activate_action (dialog, "dialog.delete", NULL);
  answer_message_dialog ("delete");
  assert_closed (KIT_TYPE_PERSON_DIALOG);
  ck_assert_ptr_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  ck_assert_str_eq (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "empty");

  /* Locked while searching: neither the people nor the search stay shown. */
  {
    g_autoptr(KitPerson) ann = kit_person_new ();
    g_autofree char *where = NULL;

    kit_person_set_name (ann, "Ann Baker");
    ck_assert (kit_store_save_person (kit_window_get_store (window), ann, NULL));
    kit_ui_spin (0.2);
    gtk_editable_set_text (GTK_EDITABLE (search), "Baker");
    g_signal_emit_by_name (search, "search-changed");
    kit_ui_spin (0.2);
    where = kit_ui_find_text (GTK_WIDGET (window), "Baker");
    ck_assert_msg (where != NULL, "Ann isn't shown before locking");
    g_clear_pointer (&where, g_free);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
    kit_ui_assert_page ("unlock");
    where = kit_ui_find_text (GTK_WIDGET (window), "Baker");
    ck_assert_msg (where == NULL, "still shown after locking, in %s", where);
  }
}
END_TEST

START_TEST (test_narrow)
{
  g_autofree char *path = NULL;
  AdwLeaflet *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  path = create_record ();
  add_child ("Mia", "14/3/2019");
  leaflet = ADW_LEAFLET (kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "leaflet"));
  kit_ui_spin (0.5);
  ck_assert_msg (adw_leaflet_get_folded (leaflet), "not folded at 360 px");
  /* Adding her moved on to her page; Back goes to the list. */
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet), "content");
  ck_assert (gtk_widget_get_visible (kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "back_button")));
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.back", NULL);
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet), "sidebar");
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.show-people", NULL);
  ck_assert_str_eq (adw_leaflet_get_visible_child_name (leaflet), "content");

  /* Forms are no wider than the window. */
  {
    GtkWidget *child_page = kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "child_page");
    /* The child page's tabs are filled when shown, so each is shown first. */
    struct { GtkWidget *widget; const char *action; GType type; const char *tab; } forms[] = {
      { GTK_WIDGET (main_page ()), "main.add-child", KIT_TYPE_CHILD_DIALOG, NULL },
      { kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "people_page"), "people.add",
        KIT_TYPE_PERSON_DIALOG, NULL },
      { dialog_child (child_page, KIT_TYPE_CHILD_PAGE, "sessions_view"), "sessions.add",
        KIT_TYPE_SESSION_DIALOG, "sessions" },
      { dialog_child (child_page, KIT_TYPE_CHILD_PAGE, "dates_view"), "dates.add",
        KIT_TYPE_DATE_DIALOG, "dates" },
    };
    AdwViewStack *tabs = ADW_VIEW_STACK (dialog_child (child_page, KIT_TYPE_CHILD_PAGE,
                                                       "view_stack"));

    gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.show-child", "x",
                                child_id ("Mia"));
    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      {
        GtkWidget *dialog;
        int width = 0, height = 0;

        if (forms[i].tab != NULL)
          adw_view_stack_set_visible_child_name (tabs, forms[i].tab);
        gtk_widget_activate_action (forms[i].widget, forms[i].action, NULL);
        dialog = find_toplevel (forms[i].type);
        gtk_window_get_default_size (GTK_WINDOW (dialog), &width, &height);
        ck_assert_msg (width <= 360, "%s opens %d px wide in a 360 px window",
                       g_type_name (forms[i].type), width);
        kit_ui_spin (0.3);
        ck_assert_msg (gtk_widget_get_width (dialog) <= 360, "%s is %d px wide at 360 px",
                       g_type_name (forms[i].type), gtk_widget_get_width (dialog));
        gtk_window_destroy (GTK_WINDOW (dialog));
        assert_closed (forms[i].type);
      }
  }
}
END_TEST

START_TEST (test_age_text)
{
  struct { const char *birth, *today, *text; } cases[] = {
    { "2019-03-14", "2026-06-15", "7 years old" },
    { "2019-06-16", "2026-06-15", "6 years old" },
    { "2025-06-15", "2026-06-15", "1 year old" },
    { "2025-06-16", "2026-06-15", "11 months old" },
    { "2025-09-01", "2026-06-15", "9 months old" },
    { "2026-05-15", "2026-06-15", "1 month old" },
    { "2026-05-16", "2026-06-15", "Under a month old" },
    { "2026-06-15", "2026-06-15", "Under a month old" },
    { "2024-02-29", "2025-02-28", "11 months old" },
    { "2024-02-29", "2025-03-01", "1 year old" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kit_app_age_text (cases[i].birth, cases[i].today);

      ck_assert_msg (g_strcmp0 (text, cases[i].text) == 0, "%s on %s: '%s', not '%s'",
                     cases[i].birth, cases[i].today, text, cases[i].text);
    }
  ck_assert_ptr_null (kit_app_age_text ("2027-01-01", "2026-06-15"));
  ck_assert_ptr_null (kit_app_age_text (NULL, "2026-06-15"));
  ck_assert_ptr_null (kit_app_age_text ("", "2026-06-15"));
}
END_TEST

/* The window going (not closed by her, e.g. destroyed) takes its forms
 * with it: none may stay open over a record that has closed. */
START_TEST (test_forms_go_with_window)
{
  g_free (create_record ());

  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.add-child", NULL);
  find_toplevel (KIT_TYPE_CHILD_DIALOG);
  gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.show-people", NULL);
  gtk_widget_activate_action (kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "people_page"),
                              "people.add", NULL);
  find_toplevel (KIT_TYPE_PERSON_DIALOG);
  gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  assert_closed (KIT_TYPE_CHILD_DIALOG);
  assert_closed (KIT_TYPE_PERSON_DIALOG);
}
END_TEST

static void
add_case (Suite *suite, const char *name, const TTest *test)
{
  TCase *tc = tcase_create (name);

  tcase_add_checked_fixture (tc, setup, kit_ui_teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test);
  suite_add_tcase (suite, tc);
}

/* One case each, so that CK_RUN_CASE=remove CK_FORK=no runs one under a debugger. */
static Suite *
children_suite (void)
{
  Suite *suite = suite_create ("children");

  add_case (suite, "add", test_add_child_with_errors);
  add_case (suite, "next", test_next_contact);
  add_case (suite, "remove", test_remove_and_undo);
  add_case (suite, "people", test_people);
  add_case (suite, "narrow", test_narrow);
  add_case (suite, "window", test_forms_go_with_window);
  {
    TCase *pure = tcase_create ("pure");

    tcase_add_test (pure, test_age_text);
    suite_add_tcase (suite, pure);
  }
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "test-children: no display (DISPLAY is not set). Run it under "
                       "xvfb-run -a, as `meson test --suite ui` does; it is not skipped.\n");
      return EXIT_FAILURE;
    }
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("KIT_KDF_MINIMAL", "1", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  /* GTK 4 ignores NO_AT_BRIDGE; without this, the forked tests after the
   * first one sometimes fail to reach the accessibility bus (a critical). */
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("KIT_TODAY", TODAY, TRUE);

  runner = srunner_create (children_suite ());
  if (g_getenv ("CK_FORK") == NULL)
    srunner_set_fork_status (runner, CK_FORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
