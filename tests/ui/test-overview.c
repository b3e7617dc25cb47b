/* test-overview.c — sessions, letters and dates that matter through the real
 * dialogs under Xvfb, as the sessions view, the dates view, "Coming up" and
 * the due notification show them. Today is fixed with KIT_TODAY. */
#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "kit-date-dialog.h"
#include "kit-date.h"
#include "kit-dates-view.h"
#include "kit-due-notification.h"
#include "kit-overview-page.h"
#include "kit-record-format.h"
#include "kit-session-dialog.h"
#include "kit-sessions-view.h"
#include "kit-store.h"
#include "kit-vault.h"
#include "kit-vocab.h"
#include "kit-ui-test.h"

#define TODAY "2027-05-20" /* a Thursday */
#define PASSPHRASE "blue kettle on a rainy tuesday"
#define OVERDUE_TEXT "A reply was expected by 1 May 2027; nothing has arrived yet."

static KitVault *vault;
static KitStore *store;
static gint64 child_id;
static GtkWidget *host;
static KitSessionsView *sessions_view;
static KitDatesView *dates_view;
static KitOverviewPage *overview;

/* Helpers */

static gboolean
contains_text (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && contains_text (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

static gboolean
dialog_gone (gpointer type)
{
  return find_dialog ((GType) GPOINTER_TO_SIZE (type)) == NULL;
}

static GtkWidget *
part (GtkWidget *dialog, GType type, const char *id)
{
  GObject *object = gtk_widget_get_template_child (dialog, type, id);

  ck_assert_msg (object != NULL, "no template child %s", id);
  return GTK_WIDGET (object);
}

static void
type_into (GtkWidget *dialog, GType type, const char *id, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, type, id)), text);
}

static GtkWidget *
open_session_dialog (void)
{
  GtkWidget *dialog;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (sessions_view), "sessions.add", NULL));
  dialog = find_dialog (KIT_TYPE_SESSION_DIALOG);
  ck_assert_msg (dialog != NULL, "sessions.add opened no dialog");
  return dialog;
}

static void
choose_kind (GtkWidget *dialog, const char *code)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (dialog, KIT_TYPE_SESSION_DIALOG, "kind_row")),
                              kit_vocab_index (KIT_VOCAB_SESSION_KIND, code));
}

static void
save (GtkWidget *dialog, GType type)
{
  g_signal_emit_by_name (part (dialog, type, "save_button"), "clicked");
  kit_ui_spin (0.1);
}

static void
save_and_wait (GtkWidget *dialog, GType type)
{
  save (dialog, type);
  ck_assert_msg (kit_ui_wait_until (dialog_gone, GSIZE_TO_POINTER (type), 10),
                 "the dialog stayed open after Save");
}

static guint
n_sessions (void)
{
  g_autoptr(GListModel) sessions = kit_store_list_sessions (store, child_id, 0);

  return g_list_model_get_n_items (sessions);
}

/* The index-th line of "Coming up", counting the list of what needs
 * attention first, then the one from today. */
static KitUpcoming *
upcoming_at (guint index)
{
  const char *ids[] = { "attention_list", "upcoming_list" };

  for (guint l = 0; l < G_N_ELEMENTS (ids); l++)
    {
      GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (overview),
                                                                      KIT_TYPE_OVERVIEW_PAGE,
                                                                      ids[l]));
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
      guint n = 0;

      if (row != NULL)
        return g_object_get_data (G_OBJECT (row), "kit-upcoming");
      while (gtk_list_box_get_row_at_index (list, n) != NULL)
        n++;
      index -= n;
    }
  return NULL;
}

static gboolean
overview_has (KitUpcomingKind kind, const char *date)
{
  KitUpcoming *item;

  for (guint i = 0; (item = upcoming_at (i)) != NULL; i++)
    if (kit_upcoming_get_kind (item) == kind
        && (date == NULL || g_strcmp0 (kit_upcoming_get_date (item), date) == 0))
      return TRUE;
  return FALSE;
}

static void
setup (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KitChild) child = kit_child_new ();
  g_autoptr(KitChange) change = NULL;
  g_autoptr(KitArrangement) arrangement = NULL;
  KitKdfParams kdf;
  GtkWidget *box;

  kit_ui_setup ("kit-overview-XXXXXX");
  path = g_build_filename (tmpdir, "Overview.kit", NULL);
  kit_kdf_params_minimal (&kdf);
  vault = kit_vault_create (path, PASSPHRASE, &kdf, NULL, &error);
  ck_assert_msg (vault != NULL, "create: %s", error ? error->message : "?");
  store = kit_store_new (kit_vault_get_db (vault), &error);
  ck_assert_msg (store != NULL, "store: %s", error ? error->message : "?");

  kit_child_set_name (child, "Mia Jones");
  kit_child_set_date_of_birth (child, "2020-06-01");
  ck_assert_msg (kit_store_save_child (store, child, &error), "child: %s", error ? error->message : "?");
  child_id = kit_child_get_id (child);

  arrangement = kit_arrangement_new (child_id);
  kit_arrangement_set_kind (arrangement, "letterbox");
  kit_arrangement_set_freq_count (arrangement, 1);
  kit_arrangement_set_freq_unit (arrangement, "year");
  kit_arrangement_set_start_date (arrangement, "2024-01-10");
  kit_arrangement_set_status (arrangement, "active");
  change = kit_change_new (child_id, 0);
  kit_change_set_what_changed (change, "started");
  kit_change_set_effective_date (change, "2024-01-10");
  kit_change_set_decided_by (change, "court");
  kit_change_set_reason_given (change, "yes");
  ck_assert_msg (kit_store_record_change (store, change, arrangement, &error),
                 "arrangement: %s", error ? error->message : "?");

  host = adw_window_new ();
  gtk_window_set_application (GTK_WINDOW (host), GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (host), 1200, 700);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  sessions_view = KIT_SESSIONS_VIEW (kit_sessions_view_new ());
  dates_view = KIT_DATES_VIEW (kit_dates_view_new ());
  overview = KIT_OVERVIEW_PAGE (kit_overview_page_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (sessions_view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dates_view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (overview));
  adw_window_set_content (ADW_WINDOW (host), box);
  kit_sessions_view_set_store (sessions_view, store);
  kit_sessions_view_set_child (sessions_view, child_id);
  kit_dates_view_set_store (dates_view, store);
  kit_dates_view_set_child (dates_view, child_id);
  kit_overview_page_set_store (overview, store);
  gtk_window_present (GTK_WINDOW (host));
  kit_ui_spin (0.2);
}

static void
teardown (void)
{
  if (host != NULL)
    gtk_window_destroy (GTK_WINDOW (host));
  host = NULL;
  kit_ui_spin (0.1);
  g_clear_object (&store);
  if (vault != NULL)
    kit_vault_close (vault, TRUE, NULL);
  g_clear_object (&vault);
  kit_ui_teardown ();
}

/* Tests */

START_TEST (test_reply_overdue_then_arrives)
{
  GtkWidget *dialog, *reply_error;
  g_autofree char *body = NULL;

  ck_assert_msg (contains_text (GTK_WIDGET (sessions_view), "Nothing recorded yet"),
                 "no empty state before anything is recorded");

  /* A letter sent on 1 March; the suggested reply date is stated, 8 weeks on. */
  dialog = open_session_dialog ();
  ck_assert_msg (kit_ui_has_shortcut (dialog, "<Control>Return"), "no Ctrl+Return to save a session");
  ck_assert_msg (kit_ui_has_shortcut (dialog, "Escape"), "no Escape to cancel a session");
  choose_kind (dialog, "letter-sent");
  type_into (dialog, KIT_TYPE_SESSION_DIALOG, "date_row", "1/3/2027");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (part (dialog, KIT_TYPE_SESSION_DIALOG,
                                                               "reply_row"))),
                    "26 April 2027");
  type_into (dialog, KIT_TYPE_SESSION_DIALOG, "reply_row", "1 May 2027");
  save_and_wait (dialog, KIT_TYPE_SESSION_DIALOG);
  ck_assert_uint_eq (n_sessions (), 1);

  ck_assert_msg (contains_text (GTK_WIDGET (sessions_view), OVERDUE_TEXT),
                 "the sessions view does not say the reply is overdue");
  ck_assert_msg (contains_text (GTK_WIDGET (sessions_view), "Letter sent"),
                 "the sessions view does not show the letter");
  ck_assert_msg (upcoming_at (0) != NULL
                   && kit_upcoming_get_kind (upcoming_at (0)) == KIT_UPCOMING_REPLY_OVERDUE,
                 "the overdue reply is not first on the overview");
  ck_assert_msg (contains_text (GTK_WIDGET (overview), "Replies that haven't arrived"),
                 "the overdue reply has no heading of its own");

  body = kit_due_notification_build_body (store, TODAY);
  ck_assert_ptr_nonnull (body);
  ck_assert_msg (g_str_has_prefix (body, "Mia: a reply to your letter hasn't arrived yet"),
                 "notification body: '%s'", body);
  kit_due_notification_send (G_APPLICATION (app), store);

  /* A reply dated before the letter: the message beside the reply, nothing saved. */
  dialog = open_session_dialog ();
  choose_kind (dialog, "letter-sent");
  type_into (dialog, KIT_TYPE_SESSION_DIALOG, "date_row", "10/5/2027");
  type_into (dialog, KIT_TYPE_SESSION_DIALOG, "reply_row", "1/5/2027");
  save (dialog, KIT_TYPE_SESSION_DIALOG);
  reply_error = part (dialog, KIT_TYPE_SESSION_DIALOG, "reply_error");
  ck_assert_msg (gtk_widget_get_visible (reply_error), "no message beside the reply date");
  ck_assert_uint_gt (strlen (gtk_label_get_label (GTK_LABEL (reply_error))), 10);
  ck_assert (!gtk_widget_get_visible (part (dialog, KIT_TYPE_SESSION_DIALOG, "date_error")));
  ck_assert_ptr_eq (find_dialog (KIT_TYPE_SESSION_DIALOG), dialog);
  ck_assert_uint_eq (n_sessions (), 1);
  gtk_window_close (GTK_WINDOW (dialog));
  kit_ui_spin (0.1);

  /* A date that is not real: beside the date. */
  dialog = open_session_dialog ();
  type_into (dialog, KIT_TYPE_SESSION_DIALOG, "date_row", "31/2/2027");
  save (dialog, KIT_TYPE_SESSION_DIALOG);
  ck_assert (gtk_widget_get_visible (part (dialog, KIT_TYPE_SESSION_DIALOG, "date_error")));
  ck_assert_uint_eq (n_sessions (), 1);
  gtk_window_close (GTK_WINDOW (dialog));
  kit_ui_spin (0.1);

  /* The reply arrives. */
  dialog = open_session_dialog ();
  choose_kind (dialog, "letter-received");
  type_into (dialog, KIT_TYPE_SESSION_DIALOG, "date_row", "15/5/2027");
  save_and_wait (dialog, KIT_TYPE_SESSION_DIALOG);
  ck_assert_uint_eq (n_sessions (), 2);
  ck_assert_msg (!contains_text (GTK_WIDGET (sessions_view), OVERDUE_TEXT),
                 "the reply arrived but the sessions view still says it hasn't");
  ck_assert_msg (contains_text (GTK_WIDGET (sessions_view), "Letter received"),
                 "the received letter is not shown");
  ck_assert_msg (!overview_has (KIT_UPCOMING_REPLY_OVERDUE, NULL),
                 "the overview still lists the reply as overdue");
}
END_TEST

START_TEST (test_planned_contact_coming_up)
{
  GtkWidget *dialog;

  dialog = open_session_dialog ();
  choose_kind (dialog, "contact");
  type_into (dialog, KIT_TYPE_SESSION_DIALOG, "date_row", "28/5/2027");
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (dialog, KIT_TYPE_SESSION_DIALOG, "status_row")),
                              kit_vocab_index (KIT_VOCAB_SESSION_STATUS, "planned"));
  save_and_wait (dialog, KIT_TYPE_SESSION_DIALOG);
  ck_assert_msg (gtk_widget_get_visible (part (GTK_WIDGET (sessions_view), KIT_TYPE_SESSIONS_VIEW,
                                               "upcoming_list")),
                 "planned contact is not under Coming up");
  ck_assert_msg (contains_text (GTK_WIDGET (sessions_view), "Contact planned"), "not shown");
  ck_assert_msg (overview_has (KIT_UPCOMING_SESSION, "2027-05-28"),
                 "planned contact is not on the overview");
}
END_TEST

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

START_TEST (test_long_history_pages)
{
  g_autoptr(GListModel) arrangements = kit_store_list_arrangements (store, child_id);
  g_autoptr(KitArrangement) arrangement = g_list_model_get_item (arrangements, 0);
  GtkWidget *past_list = part (GTK_WIDGET (sessions_view), KIT_TYPE_SESSIONS_VIEW, "past_list");
  GtkWidget *older = part (GTK_WIDGET (sessions_view), KIT_TYPE_SESSIONS_VIEW, "older_button");

  for (int i = 0; i < 45; i++)
    {
      g_autoptr(KitSession) session = kit_session_new (kit_arrangement_get_id (arrangement));
      g_autoptr(GError) error = NULL;
      g_autofree char *date = kit_date_add_days ("2026-01-01", i);

      kit_session_set_date (session, date);
      kit_session_set_kind (session, "letter-received");
      kit_session_set_status (session, "happened");
      ck_assert_msg (kit_store_save_session (store, session, &error), "save: %s",
                     error ? error->message : "?");
    }
  /* The newest first, a page at a time. */
  ck_assert_uint_eq (n_rows (past_list), 40);
  ck_assert (gtk_widget_get_visible (older));
  ck_assert (has_label (past_list, "14 February 2026"));
  ck_assert (has_label (past_list, "6 January 2026"));
  ck_assert (!has_label (past_list, "5 January 2026"));
  g_signal_emit_by_name (older, "clicked");
  ck_assert_uint_eq (n_rows (past_list), 45);
  ck_assert (!gtk_widget_get_visible (older));
  ck_assert (has_label (past_list, "1 January 2026"));
}
END_TEST

static guint
count_kind (KitUpcomingKind kind)
{
  KitUpcoming *item;
  guint n = 0;

  for (guint i = 0; (item = upcoming_at (i)) != NULL; i++)
    n += kit_upcoming_get_kind (item) == kind;
  return n;
}

START_TEST (test_already_due_a_few_at_a_time)
{
  GtkWidget *more = part (GTK_WIDGET (overview), KIT_TYPE_OVERVIEW_PAGE, "more_button");

  /* Seven monthly video calls that never took place: all due already. */
  for (int i = 0; i < 7; i++)
    {
      g_autoptr(KitArrangement) arrangement = kit_arrangement_new (child_id);
      g_autoptr(KitChange) change = kit_change_new (child_id, 0);
      g_autoptr(GError) error = NULL;

      kit_arrangement_set_kind (arrangement, "video-call");
      kit_arrangement_set_freq_count (arrangement, 1);
      kit_arrangement_set_freq_unit (arrangement, "month");
      kit_arrangement_set_start_date (arrangement, "2025-01-01");
      kit_arrangement_set_status (arrangement, "active");
      kit_change_set_what_changed (change, "started");
      kit_change_set_effective_date (change, "2025-01-01");
      kit_change_set_decided_by (change, "agency");
      kit_change_set_reason_given (change, "no");
      ck_assert_msg (kit_store_record_change (store, change, arrangement, &error),
                     "arrangement: %s", error ? error->message : "?");
    }
  ck_assert_uint_eq (count_kind (KIT_UPCOMING_CONTACT_DUE) + count_kind (KIT_UPCOMING_LETTER_DUE),
                     5);
  ck_assert (gtk_widget_get_visible (more));
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (more)), "Show _3 more already due");
  ck_assert_msg (overview_has (KIT_UPCOMING_BIRTHDAY, "2027-06-01"),
                 "what is coming is hidden behind what is already due");
  g_signal_emit_by_name (more, "clicked");
  ck_assert_uint_eq (count_kind (KIT_UPCOMING_CONTACT_DUE) + count_kind (KIT_UPCOMING_LETTER_DUE),
                     8);
  ck_assert (!gtk_widget_get_visible (more));
}
END_TEST

static GtkWidget *
first_of_type (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

START_TEST (test_remove_asks_first)
{
  GtkWidget *dialog, *past_list, *menu_button, *ask;
  GMenuModel *menu;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(KitSession) session = NULL;

  dialog = open_session_dialog ();
  choose_kind (dialog, "letter-received");
  type_into (dialog, KIT_TYPE_SESSION_DIALOG, "date_row", "15/5/2027");
  save_and_wait (dialog, KIT_TYPE_SESSION_DIALOG);
  ck_assert_uint_eq (n_sessions (), 1);

  /* The row's menu offers Edit and Remove. */
  past_list = part (GTK_WIDGET (sessions_view), KIT_TYPE_SESSIONS_VIEW, "past_list");
  menu_button = first_of_type (past_list, GTK_TYPE_MENU_BUTTON);
  ck_assert_ptr_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  kit_ui_spin (0.1);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  ck_assert_ptr_nonnull (menu);
  ck_assert_int_eq (g_menu_model_get_n_items (menu), 2);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  /* Activating the row edits it, starting from what was saved. */
  g_signal_emit_by_name (past_list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (past_list), 0));
  dialog = find_dialog (KIT_TYPE_SESSION_DIALOG);
  ck_assert_msg (dialog != NULL, "activating the row opened nothing");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (part (dialog, KIT_TYPE_SESSION_DIALOG,
                                                               "date_row"))),
                    "15 May 2027");
  type_into (dialog, KIT_TYPE_SESSION_DIALOG, "date_row", "16/5/2027");
  save_and_wait (dialog, KIT_TYPE_SESSION_DIALOG);
  ck_assert_uint_eq (n_sessions (), 1);
  ck_assert (has_label (past_list, "16 May 2027"));
  ck_assert (contains_text (past_list, "Letter received"));

  /* Remove asks first: keeping it keeps it, removing removes it. */
  sessions = kit_store_list_sessions (store, child_id, 0);
  session = g_list_model_get_item (sessions, 0);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (sessions_view), "sessions.remove", "x",
                                         kit_session_get_id (session)));
  ask = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_msg (ask != NULL, "Remove did not ask first");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "cancel");
  kit_ui_spin (0.2);
  ck_assert_uint_eq (n_sessions (), 1);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (sessions_view), "sessions.remove", "x",
                                         kit_session_get_id (session)));
  ask = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  ck_assert_ptr_nonnull (ask);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "remove");
  kit_ui_spin (0.2);
  ck_assert_uint_eq (n_sessions (), 0);
  ck_assert_msg (contains_text (GTK_WIDGET (sessions_view), "Nothing recorded yet"),
                 "no empty state once the last one is removed");
}
END_TEST

START_TEST (test_date_that_matters)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  ck_assert_msg (contains_text (GTK_WIDGET (dates_view), "Birthday — 1 June (turns 7 this year)"),
                 "the birthday is not shown");

  /* A label is needed: the message beside it, nothing saved. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (dates_view), "dates.add", NULL));
  dialog = find_dialog (KIT_TYPE_DATE_DIALOG);
  ck_assert_ptr_nonnull (dialog);
  ck_assert_msg (kit_ui_has_shortcut (dialog, "<Control>Return"), "no Ctrl+Return to save a date");
  ck_assert_msg (kit_ui_has_shortcut (dialog, "Escape"), "no Escape to cancel a date");
  type_into (dialog, KIT_TYPE_DATE_DIALOG, "date_row", "25/5/2019");
  save (dialog, KIT_TYPE_DATE_DIALOG);
  ck_assert (gtk_widget_get_visible (part (dialog, KIT_TYPE_DATE_DIALOG, "label_error")));
  ck_assert_ptr_eq (find_dialog (KIT_TYPE_DATE_DIALOG), dialog);
  {
    g_autoptr(GListModel) dates = kit_store_list_important_dates (store, child_id);
    ck_assert_uint_eq (g_list_model_get_n_items (dates), 0);
  }

  type_into (dialog, KIT_TYPE_DATE_DIALOG, "label_row", "The day she went into care");
  save_and_wait (dialog, KIT_TYPE_DATE_DIALOG);

  ck_assert_msg (contains_text (GTK_WIDGET (dates_view), "The day she went into care"),
                 "the new date is not in the dates view");
  ck_assert_msg (contains_text (GTK_WIDGET (dates_view), "in 5 days"),
                 "the dates view does not say how far away it is");
  ck_assert_msg (overview_has (KIT_UPCOMING_DATE_THAT_MATTERS, "2027-05-25"),
                 "the date is not on the overview");
  ck_assert_msg (overview_has (KIT_UPCOMING_BIRTHDAY, "2027-06-01"),
                 "the birthday is not on the overview");

  /* The notification names the child and the kind of day, never its label. */
  body = kit_due_notification_build_body (store, TODAY);
  ck_assert_ptr_nonnull (body);
  ck_assert_msg (strstr (body, "Mia: a date that matters, on Tuesday") != NULL,
                 "notification body: '%s'", body);
  ck_assert_msg (strstr (body, "care") == NULL, "the notification shows the label: '%s'", body);

  /* As when the record locks: without a store, nothing of hers is left shown. */
  kit_sessions_view_set_store (sessions_view, NULL);
  kit_dates_view_set_store (dates_view, NULL);
  kit_overview_page_set_store (overview, NULL);
  kit_ui_spin (0.1);
  {
    const char *needles[] = { "Mia", "she went into care", "turns 7" };

    for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
      {
        g_autofree char *where = kit_ui_find_text (host, needles[i]);

        ck_assert_msg (where == NULL, "'%s' still shows without a store, in %s", needles[i],
                       where);
      }
  }
}
END_TEST

START_TEST (test_nothing_due)
{
  g_autofree char *path = g_build_filename (tmpdir, "Empty.kit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) empty_vault = NULL;
  g_autoptr(KitStore) empty_store = NULL;
  g_autofree char *body = NULL;
  KitKdfParams kdf;

  kit_kdf_params_minimal (&kdf);
  empty_vault = kit_vault_create (path, PASSPHRASE, &kdf, NULL, &error);
  ck_assert_msg (empty_vault != NULL, "create: %s", error ? error->message : "?");
  empty_store = kit_store_new (kit_vault_get_db (empty_vault), &error);
  ck_assert_msg (empty_store != NULL, "store: %s", error ? error->message : "?");
  body = kit_due_notification_build_body (empty_store, TODAY);
  ck_assert_ptr_null (body);
  ck_assert_ptr_null (kit_due_notification_build (empty_store, TODAY));

  kit_overview_page_set_store (overview, empty_store);
  ck_assert_msg (contains_text (GTK_WIDGET (overview), "Nothing is due in the next 30 days."),
                 "no empty state on the overview");
  kit_overview_page_set_store (overview, store);
  g_clear_object (&empty_store);
  kit_vault_close (empty_vault, TRUE, NULL);
}
END_TEST

/* The counts of each child: built when "For each child" is opened, and right. */
START_TEST (test_counts_for_each_child)
{
  g_autoptr(KitChild) sam = kit_child_new ();
  g_autoptr(GError) error = NULL;
  GtkExpander *expander;

  kit_child_set_name (sam, "Sam");
  ck_assert (kit_store_save_child (store, sam, &error));
  kit_ui_spin (0.2);
  expander = GTK_EXPANDER (gtk_widget_get_template_child (GTK_WIDGET (overview), KIT_TYPE_OVERVIEW_PAGE,
                                                          "each_child_expander"));
  ck_assert (gtk_widget_get_visible (GTK_WIDGET (expander)));
  ck_assert (!gtk_expander_get_expanded (expander));
  ck_assert_msg (!contains_text (GTK_WIDGET (overview), "No changes recorded yet."),
                 "each child's counts shown before they were asked for");

  gtk_expander_set_expanded (expander, TRUE);
  kit_ui_spin (0.2);
  ck_assert_msg (contains_text (GTK_WIDGET (overview), "No changes recorded yet."),
                 "Sam's counts are not shown");
  ck_assert_msg (contains_text (GTK_WIDGET (overview), "1 change recorded: 1 with a reason, 0 with part "
                                                       "of a reason, 0 with no reason."),
                 "Mia's counts are not shown");
}
END_TEST

static Suite *
overview_suite (void)
{
  Suite *suite = suite_create ("overview");
  TCase *tc = tcase_create ("overview");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_reply_overdue_then_arrives);
  tcase_add_test (tc, test_planned_contact_coming_up);
  tcase_add_test (tc, test_long_history_pages);
  tcase_add_test (tc, test_already_due_a_few_at_a_time);
  tcase_add_test (tc, test_remove_asks_first);
  tcase_add_test (tc, test_date_that_matters);
  tcase_add_test (tc, test_nothing_due);
  tcase_add_test (tc, test_counts_for_each_child);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  /* Before anything reads the date. */
  g_setenv ("KIT_TODAY", TODAY, TRUE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "test-overview: no display (DISPLAY is not set). Run it under "
                       "xvfb-run -a, as `meson test --suite ui` does; it is not skipped.\n");
      return EXIT_FAILURE;
    }
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("KIT_KDF_MINIMAL", "1", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  /* GTK 4 ignores NO_AT_BRIDGE; without this a test can fail when another
   * session's accessibility bus has just gone (a Gtk-CRITICAL in setup). */
  g_setenv ("GTK_A11Y", "none", FALSE);

  runner = srunner_create (overview_suite ());
  /* CK_FORK=no in the environment runs the tests in one process, for gdb. */
  if (g_getenv ("CK_FORK") == NULL)
    srunner_set_fork_status (runner, CK_FORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
