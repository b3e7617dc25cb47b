/* test-changes.c — drives the real widgets under Xvfb: a new record, a child,
 * a new arrangement through the guided dialog, then a change with no reason;
 * the card, the history and the counts show them; a change dated before the
 * arrangement began is refused beside the date field and records nothing. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "kit-arrangement-card.h"
#include "kit-arrangement-dialog.h"
#include "kit-change-dialog.h"
#include "kit-change-row.h"
#include "kit-child-page.h"
#include "kit-create-page.h"
#include "kit-dates-view.h"
#include "kit-follow-up-dialog.h"
#include "kit-main-page.h"
#include "kit-recovery-key-page.h"
#include "kit-sessions-view.h"
#include "kit-store.h"
#include "kit-vocab.h"
#include "kit-window.h"
#include "kit-ui-test.h"

#define PASSPHRASE "blue kettle on a rainy tuesday"
#define WAIT_SECONDS 60

/* Helpers */

static void
click (GtkWidget *button)
{
  ck_assert_msg (gtk_widget_is_sensitive (button), "button '%s' is not sensitive",
                 GTK_IS_BUTTON (button) ? gtk_button_get_label (GTK_BUTTON (button)) : "?");
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
child_of (gpointer widget, GType type, const char *id)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, id);

  ck_assert_msg (found != NULL, "no template child '%s'", id);
  return GTK_WIDGET (found);
}

static void
create_record (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "Changes.kit", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  kit_ui_assert_page ("create");
  kit_create_page_set_path (KIT_CREATE_PAGE (kit_window_get_page (window, "create")), path);
  gtk_editable_set_text (GTK_EDITABLE (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "passphrase_row")),
                         PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "confirm_row")),
                         PASSPHRASE);
  click (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "create_button"));
  kit_ui_assert_page ("recovery-key");
  gtk_check_button_set_active (
    GTK_CHECK_BUTTON (kit_ui_child ("recovery-key", KIT_TYPE_RECOVERY_KEY_PAGE, "saved_check")),
    TRUE);
  click (kit_ui_child ("recovery-key", KIT_TYPE_RECOVERY_KEY_PAGE, "continue_button"));
  kit_ui_assert_page ("main");
}

static KitChildPage *
child_page (void)
{
  return KIT_CHILD_PAGE (kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "child_page"));
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (KIT_IS_CHANGE_DIALOG (w))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static GtkWidget *
find_follow_up_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (KIT_IS_FOLLOW_UP_DIALOG (w))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static AdwMessageDialog *
find_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
follow_up_dialog_gone (gpointer data)
{
  return find_follow_up_dialog () == NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static const char *
step_of (GtkWidget *dialog)
{
  return gtk_stack_get_visible_child_name (
    GTK_STACK (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "step_stack")));
}

/* Activate the radio row titled @title in the list @id of @dialog. */
static void
choose_row (GtkWidget *dialog, const char *id, const char *title)
{
  GtkListBox *list = GTK_LIST_BOX (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, id));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      {
        adw_action_row_activate (ADW_ACTION_ROW (row));
        return;
      }
  ck_abort_msg ("no row '%s' in %s", title, id);
}

static void
set_text (GtkWidget *dialog, const char *id, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, id)), text);
}

static void
next (GtkWidget *dialog, const char *expect_step)
{
  click (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "next_button"));
  if (expect_step != NULL)
    ck_assert_str_eq (step_of (dialog), expect_step);
}

static void
assert_next_disabled (GtkWidget *dialog)
{
  ck_assert_msg (!gtk_widget_is_sensitive (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "next_button")),
                 "Next is enabled on step '%s' before it is answered", step_of (dialog));
}

/* Save and Cancel from the keyboard, as the shortcuts window says. */
static void
assert_keys (GtkWidget *dialog)
{
  const char *keys[] = { "<Control>Return", "Escape" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      ck_assert_msg (kit_ui_has_shortcut (dialog, keys[i]), "%s: no %s",
                     G_OBJECT_TYPE_NAME (dialog), keys[i]);
      ck_assert_msg (kit_ui_help_lists (keys[i]), "the shortcuts window doesn't list %s", keys[i]);
    }
}

static KitArrangementCard *
first_card (KitChildPage *page)
{
  GtkListBox *list = GTK_LIST_BOX (child_of (page, KIT_TYPE_CHILD_PAGE, "arrangements_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  ck_assert_msg (row != NULL, "no arrangement card");
  return KIT_ARRANGEMENT_CARD (gtk_list_box_row_get_child (row));
}

static const char *
card_body (KitChildPage *page)
{
  return gtk_label_get_label (
    GTK_LABEL (child_of (first_card (page), KIT_TYPE_ARRANGEMENT_CARD, "body_label")));
}

static KitChangeRow *
find_change_row (GtkWidget *widget, gint64 change_id)
{
  if (KIT_IS_CHANGE_ROW (widget))
    {
      KitChange *change = kit_change_row_get_change (KIT_CHANGE_ROW (widget));

      return change != NULL && kit_change_get_id (change) == change_id ? KIT_CHANGE_ROW (widget)
                                                                     : NULL;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      KitChangeRow *row = find_change_row (c, change_id);

      if (row != NULL)
        return row;
    }
  return NULL;
}

typedef struct {
  GtkWidget *list;
  gint64 change_id;
} RowWait;

static gboolean
row_shown (gpointer data)
{
  RowWait *wait = data;

  return find_change_row (wait->list, wait->change_id) != NULL;
}

static void
on_recorded (GtkWidget *dialog, KitChange *change, gpointer user_data)
{
  *(gint64 *) user_data = kit_change_get_id (change);
}

static void
setup (void)
{
  kit_ui_setup ("kit-ui-changes-XXXXXX");
}

/* Tests */

START_TEST (test_arrangement_and_change_without_reason)
{
  g_autoptr(KitChild) child = kit_child_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) arrangements = NULL;
  g_autoptr(KitArrangement) arrangement = NULL;
  g_autofree char *twice = kit_describe_frequency (2, "year");
  g_autofree char *once = kit_describe_frequency (1, "year");
  g_autofree char *fields = NULL;
  KitChildPage *page;
  KitStore *store;
  GtkWidget *dialog, *main_page, *reason_label, *fields_label, *error_label;
  const char *counts;
  gint64 change_id = 0;
  RowWait wait;
  KitCounts c;

  create_record ();
  main_page = kit_window_get_page (window, "main");
  page = child_page ();
  store = kit_child_page_get_store (page);
  ck_assert_msg (store != NULL, "the child page has no store while the record is open");

  kit_child_set_name (child, "Mia");
  kit_child_set_date_of_birth (child, "2016-04-02");
  kit_child_set_lives_with (child, "adoptive-family");
  kit_child_set_legal_order (child, "adoption-order");
  ck_assert_msg (kit_store_save_child (store, child, &error), "save child: %s",
                 error ? error->message : "?");
  gtk_widget_activate_action (main_page, "main.show-child", "x", kit_child_get_id (child));
  ck_assert_int_eq (kit_child_page_get_child (page), kit_child_get_id (child));
  ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (child_of (page, KIT_TYPE_CHILD_PAGE, "name_label"))),
                    "Mia");
  ck_assert (gtk_widget_get_visible (child_of (page, KIT_TYPE_CHILD_PAGE, "arrangements_empty")));

  /* A new arrangement, through the guided dialog. */
  gtk_widget_activate_action (GTK_WIDGET (page), "child.new-arrangement", NULL);
  dialog = find_dialog ();
  ck_assert_msg (dialog != NULL, "no change dialog");
  ck_assert_str_eq (step_of (dialog), "kind");
  assert_keys (dialog);
  ck_assert_msg (kit_ui_has_shortcut (dialog, "<Alt>Left"), "Alt+Left doesn't go back a step");
  ck_assert_msg (kit_ui_help_lists ("<Alt>Left"), "the shortcuts window doesn't list Alt+Left");
  assert_next_disabled (dialog);
  choose_row (dialog, "kind_list", kit_vocab_label (KIT_VOCAB_KIND, "letterbox"));
  next (dialog, "details");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "freq_spin")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "freq_unit_row")),
                              kit_vocab_index (KIT_VOCAB_FREQ_UNIT, "year"));
  set_text (dialog, "venue_row", "Northshire letterbox service");
  set_text (dialog, "start_row", "1/3/2020");
  next (dialog, "when");
  set_text (dialog, "effective_row", "1/3/2020");
  assert_next_disabled (dialog);
  choose_row (dialog, "decided_list", kit_vocab_label (KIT_VOCAB_DECIDED_BY, "court"));
  next (dialog, "reason");
  assert_next_disabled (dialog);
  choose_row (dialog, "reason_list", kit_vocab_label (KIT_VOCAB_REASON_GIVEN, "yes"));
  ck_assert (gtk_widget_get_visible (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "reason_details")));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "reason_view"))),
                            "The adoption plan says letters twice a year.", -1);
  next (dialog, "told");
  choose_row (dialog, "told_list", kit_vocab_label (KIT_VOCAB_TOLD_HOW, "letter"));
  next (dialog, "view");
  next (dialog, "summary");
  next (dialog, NULL);
  ck_assert_msg (kit_ui_wait_until (dialog_gone, NULL, WAIT_SECONDS),
                 "the dialog stayed open after Save: %s",
                 gtk_label_get_label (GTK_LABEL (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "save_error"))));

  arrangements = kit_store_list_arrangements (store, kit_child_get_id (child));
  ck_assert_uint_eq (g_list_model_get_n_items (arrangements), 1);
  arrangement = g_list_model_get_item (arrangements, 0);
  ck_assert_msg (strstr (card_body (page), twice) != NULL, "card says '%s', not '%s'",
                 card_body (page), twice);
  ck_assert_msg (gtk_widget_get_visible (child_of (first_card (page), KIT_TYPE_ARRANGEMENT_CARD, "never_box")),
                 "a new arrangement does not say it was never reviewed");

  /* The details dialog: Save and Cancel from the keyboard too. */
  gtk_widget_activate_action (GTK_WIDGET (page), "child.edit-arrangement", "x",
                              kit_arrangement_get_id (arrangement));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */
    GtkWidget *details = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (KIT_IS_ARRANGEMENT_DIALOG (w))
          details = GTK_WIDGET (w);
      }
    ck_assert_msg (details != NULL, "no details dialog");
    assert_keys (details);
    gtk_window_destroy (GTK_WINDOW (details));
  }

  /* Something changed: once a year, and no reason given. */
  gtk_widget_activate_action (GTK_WIDGET (page), "child.record-change", "x",
                              kit_arrangement_get_id (arrangement));
  dialog = find_dialog ();
  ck_assert_msg (dialog != NULL, "no change dialog for Something changed");
  g_signal_connect (dialog, "recorded", G_CALLBACK (on_recorded), &change_id);
  ck_assert_str_eq (step_of (dialog), "what");
  assert_next_disabled (dialog);
  choose_row (dialog, "what_list", kit_vocab_label (KIT_VOCAB_WHAT_CHANGED, "frequency"));
  next (dialog, "details");
  ck_assert (!gtk_widget_get_visible (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "venue_box")));
  /* Typed, as she would, and not yet taken in by the spin button. */
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "freq_spin")), "1");
  next (dialog, "when");
  set_text (dialog, "effective_row", "1/6/2024");
  choose_row (dialog, "decided_list", kit_vocab_label (KIT_VOCAB_DECIDED_BY, "agency"));
  next (dialog, "reason");
  choose_row (dialog, "reason_list", kit_vocab_label (KIT_VOCAB_REASON_GIVEN, "no"));
  ck_assert (!gtk_widget_get_visible (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "reason_details")));
  next (dialog, "told");
  choose_row (dialog, "told_list", kit_vocab_label (KIT_VOCAB_TOLD_HOW, "not-told"));
  ck_assert (!gtk_widget_get_visible (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "told_date_box")));
  next (dialog, "view");
  next (dialog, "summary");
  next (dialog, NULL);
  ck_assert_msg (kit_ui_wait_until (dialog_gone, NULL, WAIT_SECONDS),
                 "the dialog stayed open after Save: %s",
                 gtk_label_get_label (GTK_LABEL (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "save_error"))));
  ck_assert_int_ne (change_id, 0);

  /* The card, the history and the counts. */
  ck_assert_msg (strstr (card_body (page), once) != NULL, "card says '%s', not '%s'",
                 card_body (page), once);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child_of (page, KIT_TYPE_CHILD_PAGE, "view_stack")),
                                         "history");
  wait.list = child_of (page, KIT_TYPE_CHILD_PAGE, "history_view");
  wait.change_id = change_id;
  ck_assert_msg (kit_ui_wait_until (row_shown, &wait, WAIT_SECONDS), "the change is not in the history");
  {
    KitChangeRow *row = find_change_row (wait.list, change_id);
    g_autofree char *expect = g_strdup_printf ("%s → %s", twice, once);

    fields_label = child_of (row, KIT_TYPE_CHANGE_ROW, "fields_label");
    reason_label = child_of (row, KIT_TYPE_CHANGE_ROW, "reason_label");
    fields = g_strdup (gtk_label_get_label (GTK_LABEL (fields_label)));
    ck_assert_msg (strstr (fields, expect) != NULL, "history row says '%s', not '%s'", fields, expect);
    ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (reason_label)), "No reason was given");
    ck_assert (gtk_widget_has_css_class (reason_label, "kit-no-reason"));
  }
  counts = gtk_label_get_label (GTK_LABEL (child_of (page, KIT_TYPE_CHILD_PAGE, "counts_label")));
  ck_assert_msg (strstr (counts, "2 changes") != NULL && strstr (counts, "1 with no reason") != NULL,
                 "counts say '%s'", counts);

  /* A change dated before the arrangement began: refused beside the date. */
  gtk_widget_activate_action (GTK_WIDGET (page), "child.record-change", "x",
                              kit_arrangement_get_id (arrangement));
  dialog = find_dialog ();
  choose_row (dialog, "what_list", kit_vocab_label (KIT_VOCAB_WHAT_CHANGED, "frequency"));
  next (dialog, "details");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "freq_spin")), 3);
  next (dialog, "when");
  set_text (dialog, "effective_row", "1/1/2019");
  choose_row (dialog, "decided_list", kit_vocab_label (KIT_VOCAB_DECIDED_BY, "agency"));
  next (dialog, "reason");
  choose_row (dialog, "reason_list", kit_vocab_label (KIT_VOCAB_REASON_GIVEN, "no"));
  next (dialog, "told");
  choose_row (dialog, "told_list", kit_vocab_label (KIT_VOCAB_TOLD_HOW, "not-told"));
  next (dialog, "view");
  next (dialog, "summary");
  next (dialog, "when");
  error_label = child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "effective_error");
  ck_assert_msg (gtk_widget_get_visible (error_label), "no message beside the date");
  ck_assert_msg (strlen (gtk_label_get_label (GTK_LABEL (error_label))) > 0, "empty message");
  ck_assert (find_dialog () == dialog);
  ck_assert (kit_store_get_counts (store, kit_child_get_id (child), &c, NULL));
  ck_assert_uint_eq (c.changes, 2);
  ck_assert_uint_eq (c.without_reason, 1);
  ck_assert_msg (strstr (card_body (page), once) != NULL, "the refused change altered the card: '%s'",
                 card_body (page));

  /* Cancelling after typing asks first; leaving closes without saving. */
  gtk_widget_activate_action (dialog, "change.cancel", NULL);
  ck_assert_msg (find_dialog () == dialog, "closed without asking");
  {
    GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */
    AdwMessageDialog *question = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (w))
          question = ADW_MESSAGE_DIALOG (w);
      }
    ck_assert_msg (question != NULL, "no question before closing");
    adw_message_dialog_response (question, "discard");
  }
  ck_assert_msg (kit_ui_wait_until (dialog_gone, NULL, WAIT_SECONDS), "still open after Leave");
  ck_assert (kit_store_get_counts (store, kit_child_get_id (child), &c, NULL));
  ck_assert_uint_eq (c.changes, 2);

  /* Locked: nothing she wrote stays in the (hidden) pages, in any view. */
  gtk_widget_activate_action (GTK_WIDGET (page), "child.show-history", "x",
                              kit_arrangement_get_id (arrangement));
  {
    g_autofree char *name = kit_ui_find_text (GTK_WIDGET (window), "Mia");
    g_autofree char *venue = kit_ui_find_text (GTK_WIDGET (window), "Northshire");

    ck_assert_msg (name != NULL && venue != NULL, "the page doesn't show what it should");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  kit_ui_assert_page ("unlock");
  {
    const char *needles[] = { "Mia", "Northshire", "adoption plan" };

    for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
      {
        g_autofree char *where = kit_ui_find_text (GTK_WIDGET (window), needles[i]);

        ck_assert_msg (where == NULL, "'%s' still shows after locking, in %s", needles[i], where);
      }
  }
}
END_TEST


static const char *
row_label (KitChildPage *page, gint64 change_id, const char *id)
{
  RowWait wait = { child_of (page, KIT_TYPE_CHILD_PAGE, "history_view"), change_id };

  ck_assert_msg (kit_ui_wait_until (row_shown, &wait, WAIT_SECONDS),
                 "change %" G_GINT64_FORMAT " is not in the history", change_id);
  return gtk_label_get_label (
    GTK_LABEL (child_of (find_change_row (wait.list, change_id), KIT_TYPE_CHANGE_ROW, id)));
}

START_TEST (test_follow_up_and_correction)
{
  g_autoptr(KitChild) child = kit_child_new ();
  g_autoptr(KitArrangement) after = NULL;
  g_autoptr(KitChange) change = NULL;
  g_autoptr(GError) error = NULL;
  KitChildPage *page;
  KitStore *store;
  GtkWidget *dialog, *main_page;
  const char *text;
  gint64 correction_id = 0;
  KitCounts c;

  create_record ();
  main_page = kit_window_get_page (window, "main");
  page = child_page ();
  store = kit_child_page_get_store (page);
  ck_assert (store != NULL);

  /* Set up through the store: a child whose letters stopped with no reason. */
  kit_child_set_name (child, "Sam");
  ck_assert (kit_store_save_child (store, child, &error));
  after = kit_arrangement_new (kit_child_get_id (child));
  kit_arrangement_set_kind (after, "letterbox");
  kit_arrangement_set_freq_count (after, 2);
  kit_arrangement_set_freq_unit (after, "year");
  kit_arrangement_set_start_date (after, "2019-01-10");
  kit_arrangement_set_status (after, "active");
  change = kit_change_new (kit_child_get_id (child), 0);
  kit_change_set_what_changed (change, "started");
  kit_change_set_effective_date (change, "2019-01-10");
  kit_change_set_decided_by (change, "court");
  kit_change_set_reason_given (change, "no");
  kit_change_set_reason_category (change, "not-given");
  kit_change_set_told_how (change, "not-told");
  ck_assert_msg (kit_store_record_change (store, change, after, &error), "record: %s",
                 error ? error->message : "?");
  gtk_widget_activate_action (main_page, "main.show-child", "x", kit_child_get_id (child));

  /* The sessions and dates tabs are filled when shown, for this child. */
  {
    KitSessionsView *sessions = KIT_SESSIONS_VIEW (child_of (page, KIT_TYPE_CHILD_PAGE, "sessions_view"));
    KitDatesView *dates = KIT_DATES_VIEW (child_of (page, KIT_TYPE_CHILD_PAGE, "dates_view"));
    AdwViewStack *views = ADW_VIEW_STACK (child_of (page, KIT_TYPE_CHILD_PAGE, "view_stack"));

    ck_assert_int_eq (kit_sessions_view_get_child (sessions), 0);
    ck_assert_int_eq (kit_dates_view_get_child (dates), 0);
    adw_view_stack_set_visible_child_name (views, "sessions");
    ck_assert_int_eq (kit_sessions_view_get_child (sessions), kit_child_get_id (child));
    adw_view_stack_set_visible_child_name (views, "dates");
    ck_assert_int_eq (kit_dates_view_get_child (dates), kit_child_get_id (child));
  }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child_of (page, KIT_TYPE_CHILD_PAGE, "view_stack")),
                                         "history");

  /* A follow-up: an explanation asked for, no answer yet. */
  gtk_widget_activate_action (GTK_WIDGET (page), "child.add-follow-up", "x", kit_change_get_id (change));
  dialog = find_follow_up_dialog ();
  ck_assert_msg (dialog != NULL, "no follow-up dialog");
  assert_keys (dialog);
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, KIT_TYPE_FOLLOW_UP_DIALOG, "requested_row")),
                         "3/6/2025");
  gtk_widget_activate_action (dialog, "follow-up.save", NULL);
  ck_assert_msg (find_follow_up_dialog () == NULL, "the follow-up dialog stayed open: %s",
                 gtk_label_get_label (GTK_LABEL (child_of (dialog, KIT_TYPE_FOLLOW_UP_DIALOG, "requested_error"))));
  text = row_label (page, kit_change_get_id (change), "more_label");
  ck_assert_msg (strstr (text, "Explanation asked for on 3 June 2025 — no answer yet") != NULL,
                 "history row says '%s'", text);
  ck_assert (kit_store_get_counts (store, kit_child_get_id (child), &c, NULL));
  ck_assert_uint_eq (c.requests_unanswered, 1);

  /* An answer dated before the request is refused beside the answer's date. */
  {
    g_autoptr(KitChange) reloaded = kit_store_find_change (store, kit_change_get_id (change));
    KitFollowUp *f = g_ptr_array_index (kit_change_get_follow_ups (reloaded), 0);
    GtkWidget *answered_error;

    gtk_widget_activate_action (GTK_WIDGET (page), "child.edit-follow-up", "(xx)",
                                kit_change_get_id (change), kit_follow_up_get_id (f));
    dialog = find_follow_up_dialog ();
    ck_assert_msg (dialog != NULL, "no dialog to edit the follow-up");
    gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, KIT_TYPE_FOLLOW_UP_DIALOG, "answered_row")),
                           "1/5/2025");
    gtk_widget_activate_action (dialog, "follow-up.save", NULL);
    answered_error = child_of (dialog, KIT_TYPE_FOLLOW_UP_DIALOG, "answered_error");
    ck_assert_msg (find_follow_up_dialog () == dialog, "saved an answer dated before the request");
    ck_assert (gtk_widget_get_visible (answered_error));
    gtk_window_destroy (GTK_WINDOW (dialog));
    ck_assert (kit_store_get_counts (store, kit_child_get_id (child), &c, NULL));
    ck_assert_uint_eq (c.requests_unanswered, 1);
  }

  /* Removing the follow-up asks first; keeping it keeps it. */
  {
    g_autoptr(KitChange) reloaded = kit_store_find_change (store, kit_change_get_id (change));
    KitFollowUp *f = g_ptr_array_index (kit_change_get_follow_ups (reloaded), 0);
    AdwMessageDialog *question;

    gtk_widget_activate_action (GTK_WIDGET (page), "child.edit-follow-up", "(xx)",
                                kit_change_get_id (change), kit_follow_up_get_id (f));
    dialog = find_follow_up_dialog ();
    gtk_widget_activate_action (dialog, "follow-up.remove", NULL);
    question = find_question ();
    ck_assert_msg (question != NULL, "the follow-up went without asking");
    adw_message_dialog_response (question, "cancel");
    kit_ui_spin (0.2);
    ck_assert (kit_store_get_counts (store, kit_child_get_id (child), &c, NULL));
    ck_assert_uint_eq (c.requests_unanswered, 1);
    ck_assert (find_follow_up_dialog () == dialog);
    gtk_widget_activate_action (dialog, "follow-up.remove", NULL);
    question = find_question ();
    ck_assert (question != NULL);
    adw_message_dialog_response (question, "remove");
    ck_assert_msg (kit_ui_wait_until (follow_up_dialog_gone, NULL, WAIT_SECONDS),
                   "the follow-up dialog stayed open after removing");
    ck_assert (kit_store_get_counts (store, kit_child_get_id (child), &c, NULL));
    ck_assert_uint_eq (c.requests_unanswered, 0);
  }

  /* Correct the entry: the original stays, the correction is linked to it. */
  gtk_widget_activate_action (GTK_WIDGET (page), "child.correct-change", "x", kit_change_get_id (change));
  dialog = find_dialog ();
  ck_assert_msg (dialog != NULL, "no dialog to correct the entry");
  g_signal_connect (dialog, "recorded", G_CALLBACK (on_recorded), &correction_id);
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (dialog)), "Correct this entry");
  ck_assert (gtk_widget_get_visible (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "correction_label")));
  ck_assert_str_eq (step_of (dialog), "what");
  next (dialog, "when");   /* prefilled from the original, so each step is answered */
  next (dialog, "reason");
  choose_row (dialog, "reason_list", kit_vocab_label (KIT_VOCAB_REASON_GIVEN, "partly"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "reason_view"))),
                            "The court said contact would be reviewed.", -1);
  next (dialog, "told");
  next (dialog, "view");
  next (dialog, "summary");
  next (dialog, NULL);
  ck_assert_msg (kit_ui_wait_until (dialog_gone, NULL, WAIT_SECONDS), "the correction was not saved: %s",
                 gtk_label_get_label (GTK_LABEL (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "save_error"))));
  ck_assert_int_ne (correction_id, 0);
  text = row_label (page, correction_id, "more_label");
  ck_assert_msg (strstr (text, "This corrects the entry of 10 January 2019") != NULL,
                 "the correction says '%s'", text);
  text = row_label (page, correction_id, "reason_label");
  ck_assert_msg (strstr (text, "The court said contact would be reviewed.") != NULL,
                 "the correction's reason says '%s'", text);
  text = row_label (page, kit_change_get_id (change), "more_label");
  ck_assert_msg (strstr (text, "Corrected on") != NULL, "the original says '%s'", text);
  ck_assert_str_eq (row_label (page, kit_change_get_id (change), "reason_label"), "No reason was given");
}
END_TEST


/* Records a change for a new child called @name through the store. */
static gint64
child_with_history (KitStore *store, const char *name)
{
  g_autoptr(KitChild) child = kit_child_new ();
  g_autoptr(KitArrangement) after = NULL;
  g_autoptr(KitChange) change = NULL;
  g_autoptr(GError) error = NULL;

  kit_child_set_name (child, name);
  ck_assert (kit_store_save_child (store, child, &error));
  after = kit_arrangement_new (kit_child_get_id (child));
  kit_arrangement_set_kind (after, "video-call");
  kit_arrangement_set_freq_count (after, 1);
  kit_arrangement_set_freq_unit (after, "month");
  kit_arrangement_set_start_date (after, "2021-05-01");
  change = kit_change_new (kit_child_get_id (child), 0);
  kit_change_set_what_changed (change, "started");
  kit_change_set_effective_date (change, "2021-05-01");
  ck_assert_msg (kit_store_record_change (store, change, after, &error), "record: %s",
                 error ? error->message : "?");
  return kit_child_get_id (child);
}

static const char *
intact_text_for (gint64 child_id)
{
  KitChildPage *page = child_page ();

  gtk_widget_activate_action (kit_window_get_page (window, "main"), "main.show-child", "x", child_id);
  ck_assert (gtk_widget_get_visible (child_of (page, KIT_TYPE_CHILD_PAGE, "intact_box")));
  return gtk_label_get_label (GTK_LABEL (child_of (page, KIT_TYPE_CHILD_PAGE, "intact_label")));
}

/* A history altered while the record was closed: the page of that child says
 * so plainly when the record is next opened; another child's is unaffected. */
START_TEST (test_altered_history_shows)
{
  g_autofree char *path = g_build_filename (tmpdir, "Changes.kit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = NULL;
  g_autofree char *sql = NULL;
  gint64 mia, sam;

  create_record ();
  mia = child_with_history (kit_child_page_get_store (child_page ()), "Mia");
  sam = child_with_history (kit_child_page_get_store (child_page ()), "Sam");
  ck_assert_str_eq (intact_text_for (mia), "The history is complete and unchanged");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  kit_ui_assert_page ("unlock");
  vault = kit_vault_open (path, PASSPHRASE, &error);
  ck_assert_msg (vault != NULL, "open: %s", error ? error->message : "?");
  sql = g_strdup_printf ("UPDATE changes SET her_view = 'written in later' WHERE child_id = %"
                         G_GINT64_FORMAT, mia);
  ck_assert (kit_vault_exec (vault, sql, NULL));
  ck_assert (kit_vault_close (vault, FALSE, NULL));

  kit_window_unlock_now (window, path, PASSPHRASE, 0);
  kit_ui_assert_page ("main");
  ck_assert_str_eq (intact_text_for (sam), "The history is complete and unchanged");
  ck_assert_msg (strstr (intact_text_for (mia), "has been changed since it was written") != NULL,
                 "Mia's page says: %s", intact_text_for (mia));
}
END_TEST

static Suite *
changes_suite (void)
{
  Suite *suite = suite_create ("changes");
  TCase *tc = tcase_create ("pages");

  tcase_add_checked_fixture (tc, setup, kit_ui_teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_arrangement_and_change_without_reason);
  tcase_add_test (tc, test_follow_up_and_correction);
  tcase_add_test (tc, test_altered_history_shows);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "test-changes: no display (DISPLAY is not set). Run it under "
                       "xvfb-run -a, as `meson test --suite ui` does; it is not skipped.\n");
      return EXIT_FAILURE;
    }
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("KIT_KDF_MINIMAL", "1", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  g_setenv ("KIT_TODAY", "2025-11-01", FALSE);

  runner = srunner_create (changes_suite ());
  srunner_set_fork_status (runner, g_getenv ("CK_FORK") != NULL ? CK_FORK_GETENV : CK_FORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
