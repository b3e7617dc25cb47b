/* kit-main-page.c — what she sees while a record is open: the children in a
 * sidebar (with "Coming up" above and "People" below), and the chosen page
 * beside it; when narrow, one at a time. Adding, editing and removing a
 * child (with undo) start here. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-child-dialog.h"
#include "kit-child-page.h"
#include "kit-child-row.h"
#include "kit-diary-page.h"
#include "kit-main-page.h"
#include "kit-overview-page.h"
#include "kit-people-page.h"
#include "kit-review-dialog.h"
#include "kit-window.h"

#define UNDO_SECONDS 10
/* libadwaita 1.2 crashes when a toast that replaced another is dismissed
 * before its 500 ms entrance ends (the exit, 300 ms, frees what the
 * entrance still uses), so a toast is never dismissed younger than this. */
#define TOAST_SETTLE_US (600 * G_TIME_SPAN_MILLISECOND)
#define TOAST_ADDED_KEY "kit-added-us"

struct _KitMainPage
{
  GtkWidget parent_instance;

  AdwLeaflet *leaflet;
  AdwWindowTitle *window_title;
  AdwWindowTitle *content_title;
  GtkButton *lock_button;
  GtkMenuButton *menu_button;
  GtkButton *add_child_button;
  GtkButton *back_button;
  GtkListBox *sidebar_list;
  GtkStack *content_stack;
  KitOverviewPage *overview_page;
  KitChildPage *child_page;
  KitPeoplePage *people_page;
  KitDiaryPage *diary_page;
  AdwStatusPage *empty_page;
  GtkToggleButton *review_button;

  KitStore *store;
  GListStore *sections;       /* of GListModel: the top row, the children, the bottom row */
  GListModel *sidebar_model;  /* the sections flattened */
  GListStore *no_children;    /* stands in for the children while locked */

  char *shown;                /* "overview", "child" or "people" (asked for) */
  gint64 shown_child;
  guint shown_position;       /* of the shown child among the children */
  gboolean syncing;           /* selecting a row to match the page */
  gboolean review_syncing;    /* setting the Review together button to match the record */

  GPtrArray *removal_toasts;  /* AdwToast offering an undo, oldest first */
  guint purge_source;
};

G_DEFINE_FINAL_TYPE (KitMainPage, kit_main_page, GTK_TYPE_WIDGET)

static void show (KitMainPage *self, const char *page, gint64 child_id, gboolean navigate);

/* The sidebar */

static GListModel *
children_model (KitMainPage *self)
{
  return self->store != NULL ? kit_store_get_children (self->store)
                             : G_LIST_MODEL (self->no_children);
}

static GtkWidget *
create_page_row (const char *page)
{
  gboolean people = g_strcmp0 (page, "people") == 0;
  gboolean diary = g_strcmp0 (page, "diary") == 0;
  const char *label = people ? _("People") : diary ? _("Diary") : _("Coming up");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (people ? "system-users-symbolic"
                                                   : diary ? "accessories-text-editor-symbolic"
                                                           : "x-office-calendar-symbolic");
  GtkWidget *text = gtk_label_new (label);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (image, 12);
  gtk_widget_set_margin_end (image, 12);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (row), "kit-page", g_strdup (page), g_free);
  return row;
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  if (KIT_IS_CHILD (item))
    return kit_child_row_new (KIT_CHILD (item));
  return create_page_row (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
}

static void
update_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  gboolean first_child = KIT_IS_CHILD_ROW (row) && before != NULL && !KIT_IS_CHILD_ROW (before);
  gboolean people = !KIT_IS_CHILD_ROW (row) && before != NULL &&
                    g_strcmp0 (g_object_get_data (G_OBJECT (row), "kit-page"), "people") == 0;
  GtkWidget *header = NULL;

  if (first_child)
    {
      header = gtk_label_new (_("Children"));
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_set_margin_start (header, 12);
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_bottom (header, 6);
      gtk_widget_add_css_class (header, "caption-heading");
      gtk_widget_add_css_class (header, "dim-label");
    }
  else if (people)
    header = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_list_box_row_set_header (row, header);
}

static gboolean
row_matches (KitMainPage *self, GtkListBoxRow *row)
{
  const char *page;

  if (KIT_IS_CHILD_ROW (row))
    return g_strcmp0 (self->shown, "child") == 0 &&
           kit_child_get_id (kit_child_row_get_child (KIT_CHILD_ROW (row))) == self->shown_child;
  page = g_object_get_data (G_OBJECT (row), "kit-page");
  return g_strcmp0 (page, self->shown) == 0;
}

static void
sync_selection (KitMainPage *self)
{
  GtkListBoxRow *row;

  self->syncing = TRUE;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)) != NULL; i++)
    if (row_matches (self, row))
      {
        gtk_list_box_select_row (self->sidebar_list, row);
        break;
      }
  self->syncing = FALSE;
}

static void
show_row (KitMainPage *self, GtkListBoxRow *row, gboolean navigate)
{
  if (KIT_IS_CHILD_ROW (row))
    show (self, "child", kit_child_get_id (kit_child_row_get_child (KIT_CHILD_ROW (row))),
          navigate);
  else
    show (self, g_object_get_data (G_OBJECT (row), "kit-page"), 0, navigate);
}

static void
on_row_selected (KitMainPage *self, GtkListBoxRow *row, GtkListBox *list)
{
  if (self->syncing || row == NULL)
    return;
  show_row (self, row, FALSE);
}

static void
on_row_activated (KitMainPage *self, GtkListBoxRow *row, GtkListBox *list)
{
  show_row (self, row, TRUE);
}

/* Which page shows */

/* Position of @child_id among the children, or -1. */
static int
child_position (KitMainPage *self, gint64 child_id)
{
  GListModel *children = children_model (self);
  guint n = g_list_model_get_n_items (children);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KitChild) child = g_list_model_get_item (children, i);

      if (kit_child_get_id (child) == child_id)
        return (int) i;
    }
  return -1;
}

static void
update_actions (KitMainPage *self)
{
  gboolean open = self->store != NULL;
  guint n = g_list_model_get_n_items (children_model (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "main.add-child", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "main.edit-child", open && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "main.remove-child", open && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "main.show-child", open && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "main.previous-child", open && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "main.next-child", open && n > 0);
}

static void
update_title (KitMainPage *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->content_stack);
  g_autoptr(KitChild) child = NULL;
  const char *title = "";

  if (g_strcmp0 (visible, "child") == 0 && self->store != NULL &&
      (child = kit_store_find_child (self->store, self->shown_child)) != NULL)
    title = kit_child_get_name (child);
  else if (g_strcmp0 (visible, "overview") == 0)
    title = _("Coming up");
  else if (g_strcmp0 (visible, "people") == 0)
    title = _("People");
  else if (g_strcmp0 (visible, "diary") == 0)
    title = _("Diary");
  else if (g_strcmp0 (visible, "empty") == 0)
    title = _("Coming up");
  adw_window_title_set_title (self->content_title, title != NULL ? title : "");
}

/* Show @page ("overview", "child" with @child_id, "people"). With @navigate,
 * a folded leaflet moves on to the page. */
static void
show (KitMainPage *self, const char *page, gint64 child_id, gboolean navigate)
{
  const char *visible;
  int position = -1;

  if (g_strcmp0 (page, "child") == 0 && (position = child_position (self, child_id)) < 0)
    page = "overview";
  if (g_strcmp0 (page, "child") != 0)
    child_id = 0;
  if (g_strcmp0 (page, "overview") == 0 && g_list_model_get_n_items (children_model (self)) == 0)
    visible = "empty";
  else
    visible = page;

  if (page != self->shown)
    {
      g_free (self->shown);
      self->shown = g_strdup (page);
    }
  self->shown_child = child_id;
  if (position >= 0)
    self->shown_position = (guint) position;
  /* The child page follows the store's changes itself; telling it again
   * would rebuild it (and lose her place) after every edit. */
  if (kit_child_page_get_child (self->child_page) != child_id)
    kit_child_page_set_child (self->child_page, child_id);
  gtk_stack_set_visible_child_name (self->content_stack, visible);
  update_title (self);
  sync_selection (self);
  if (navigate)
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* After the children change (added, renamed, removed, brought back), keep
 * showing the same child, or the one now in her place. */
static void
on_sidebar_items_changed (KitMainPage *self, guint position, guint removed, guint added,
                          GListModel *model)
{
  GListModel *children = children_model (self);
  guint n = g_list_model_get_n_items (children);

  update_actions (self);
  if (self->shown == NULL)
    return;
  if (g_strcmp0 (self->shown, "child") == 0 && child_position (self, self->shown_child) < 0)
    {
      if (n > 0)
        {
          g_autoptr(KitChild) next = g_list_model_get_item (children,
                                                            MIN (self->shown_position, n - 1));

          show (self, "child", kit_child_get_id (next), FALSE);
        }
      else
        show (self, "overview", 0, FALSE);
      return;
    }
  show (self, self->shown, self->shown_child, FALSE);
}

static void
on_store_changed (KitMainPage *self, KitStore *store)
{
  update_title (self);
}

/* Review together */

static void
sync_review_button (KitMainPage *self)
{
  gboolean on = self->store != NULL && kit_store_get_review_mode (self->store);

  self->review_syncing = TRUE;
  gtk_toggle_button_set_active (self->review_button, on);
  self->review_syncing = FALSE;
  if (on)
    gtk_widget_add_css_class (GTK_WIDGET (self->review_button), "kit-review-on");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->review_button), "kit-review-on");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->review_button),
                               on ? _("Review together is on: your private diary is hidden")
                                  : _("Review together: hide your private diary"));
}

/* Turning it on is at once; turning it off asks for the passphrase first
 * (the button stays on until the record says otherwise). */
static void
on_review_toggled (KitMainPage *self, GtkToggleButton *button)
{
  gboolean want = gtk_toggle_button_get_active (button);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  if (self->review_syncing)
    return;
  if (self->store == NULL || want == kit_store_get_review_mode (self->store))
    {
      sync_review_button (self);
      return;
    }
  if (want)
    {
      if (!kit_store_set_review_mode (self->store, TRUE, &error))
        {
          g_warning ("Turning Review together on failed: %s", error->message);
          if (KIT_IS_WINDOW (root))
            kit_window_add_toast (KIT_WINDOW (root),
                                  adw_toast_new (_("Review together couldn't be turned on "
                                                   "just now.")));
        }
      sync_review_button (self);
      return;
    }
  sync_review_button (self);
  if (KIT_IS_WINDOW (root) && kit_window_get_vault (KIT_WINDOW (root)) != NULL)
    gtk_window_present (GTK_WINDOW (kit_review_dialog_new (GTK_WINDOW (root),
                                                           kit_window_get_vault (KIT_WINDOW (root)),
                                                           self->store)));
}

/* Removing a child, with undo */

static gboolean
purge_now (gpointer user_data)
{
  KitMainPage *self = KIT_MAIN_PAGE (user_data);
  g_autoptr(GError) error = NULL;

  self->purge_source = 0;
  if (self->store == NULL || self->removal_toasts->len > 0)
    return G_SOURCE_REMOVE;
  if (!kit_store_purge_removed (self->store, &error))
    g_warning ("Removed children not yet deleted: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* The toast went, by itself or after Undo: once no removal is offered for
 * undo any more, the removals become final. Later in the main loop, so that
 * an Undo clicked as the toast went is seen first. */
static void
on_removal_toast_dismissed (KitMainPage *self, AdwToast *toast)
{
  g_ptr_array_remove (self->removal_toasts, toast);
  if (self->purge_source == 0)
    self->purge_source = g_idle_add (purge_now, self);
}

static gboolean
dismiss_later (gpointer user_data)
{
  adw_toast_dismiss (ADW_TOAST (user_data));
  return G_SOURCE_REMOVE;
}

static void
dismiss_toast (AdwToast *toast)
{
  gint64 *added = g_object_get_data (G_OBJECT (toast), TOAST_ADDED_KEY);
  gint64 age = added != NULL ? g_get_monotonic_time () - *added : TOAST_SETTLE_US;

  if (age >= TOAST_SETTLE_US)
    adw_toast_dismiss (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) ((TOAST_SETTLE_US - age) / 1000) + 1,
                        dismiss_later, g_object_ref (toast), g_object_unref);
}

static void
remove_child (KitMainPage *self, gint64 child_id)
{
  g_autoptr(KitChild) child = kit_store_find_child (self->store, child_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 *added;

  if (child == NULL)
    return;
  if (!kit_store_remove_child (self->store, child_id, &error))
    {
      g_warning ("Removing a child failed: %s", error->message);
      /* Translators: %s is the child's name. */
      text = g_strdup_printf (_("%s couldn't be removed just now. Nothing was changed."),
                              kit_child_get_name (child));
      if (KIT_IS_WINDOW (root))
        kit_window_add_toast (KIT_WINDOW (root), adw_toast_new (text));
      return;
    }

  /* Translators: %s is the child's name. */
  text = g_strdup_printf (_("%s was removed"), kit_child_get_name (child));
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, UNDO_SECONDS);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-remove-child");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (child_id));
  added = g_new (gint64, 1);
  *added = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (toast), TOAST_ADDED_KEY, added, g_free);
  g_ptr_array_add (self->removal_toasts, g_object_ref (toast));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_removal_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  if (KIT_IS_WINDOW (root))
    kit_window_add_toast (KIT_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static void
on_remove_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  KitMainPage *self = KIT_MAIN_PAGE (user_data);
  gint64 child_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "kit-child-id");

  if (g_strcmp0 (response, "remove") == 0 && self->store != NULL)
    remove_child (self, child_id);
}

static void
ask_remove_child (KitMainPage *self, gint64 child_id)
{
  g_autoptr(KitChild) child = kit_store_find_child (self->store, child_id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  gint64 *id;

  if (child == NULL)
    return;
  /* Translators: %s is the child's name. */
  heading = g_strdup_printf (_("Remove %s from this record?"), kit_child_get_name (child));
  body = g_strdup_printf (_("Everything kept about %s goes with it: the contact "
                            "arrangements, the history of changes, sessions and letters, "
                            "and dates that matter. You can undo this for a few seconds "
                            "afterwards."),
                          kit_child_get_name (child));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  id = g_new (gint64, 1);
  *id = child_id;
  g_object_set_data_full (G_OBJECT (dialog), "kit-child-id", id, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dismiss_removal_toasts (KitMainPage *self)
{
  g_autoptr(GPtrArray) toasts = g_steal_pointer (&self->removal_toasts);

  self->removal_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < toasts->len; i++)
    {
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (toasts, i), self);
      dismiss_toast (g_ptr_array_index (toasts, i));
    }
}

/* Actions */

static gint64
child_or_shown (KitMainPage *self, GVariant *parameter)
{
  gint64 id = parameter != NULL ? g_variant_get_int64 (parameter) : 0;

  if (id == 0 && g_strcmp0 (self->shown, "child") == 0)
    id = self->shown_child;
  return id;
}

static void
on_child_saved (KitMainPage *self, gint64 child_id, KitChildDialog *dialog)
{
  show (self, "child", child_id, TRUE);
}

static void
open_child_dialog (KitMainPage *self, KitChild *child)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = kit_child_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            self->store, child);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_child_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_child_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitMainPage *self = KIT_MAIN_PAGE (widget);

  if (self->store != NULL)
    open_child_dialog (self, NULL);
}

static void
edit_child_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitMainPage *self = KIT_MAIN_PAGE (widget);
  g_autoptr(KitChild) child = NULL;

  if (self->store == NULL)
    return;
  child = kit_store_find_child (self->store, child_or_shown (self, parameter));
  if (child != NULL)
    open_child_dialog (self, child);
}

static void
remove_child_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitMainPage *self = KIT_MAIN_PAGE (widget);
  gint64 id;

  if (self->store == NULL)
    return;
  id = child_or_shown (self, parameter);
  if (id != 0)
    ask_remove_child (self, id);
}

static void
show_child_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show (KIT_MAIN_PAGE (widget), "child", g_variant_get_int64 (parameter), TRUE);
}

static void
show_overview_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show (KIT_MAIN_PAGE (widget), "overview", 0, TRUE);
}

static void
show_people_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show (KIT_MAIN_PAGE (widget), "people", 0, TRUE);
}

static void
show_diary_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show (KIT_MAIN_PAGE (widget), "diary", 0, TRUE);
}

/* The child page's "Diary entries": the diary, about that child only. */
static void
show_child_diary_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitMainPage *self = KIT_MAIN_PAGE (widget);

  kit_diary_page_show_child (self->diary_page, g_variant_get_int64 (parameter));
  show (self, "diary", 0, TRUE);
}

/* A session row's "Write about this session": a new entry about it. */
static void
write_about_session_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitMainPage *self = KIT_MAIN_PAGE (widget);
  gint64 child_id = 0, session_id = 0;

  g_variant_get (parameter, "(xx)", &child_id, &session_id);
  kit_diary_page_new_entry (self->diary_page, child_id, session_id);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitMainPage *self = KIT_MAIN_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar_list));
}

/* The child before or after the shown one (the first or last from elsewhere). */
static void
step_child (KitMainPage *self, int step)
{
  GListModel *children = children_model (self);
  int n = (int) g_list_model_get_n_items (children);
  int position = g_strcmp0 (self->shown, "child") == 0
                   ? child_position (self, self->shown_child) : -1;
  g_autoptr(KitChild) child = NULL;

  if (n == 0)
    return;
  if (position < 0)
    position = step > 0 ? 0 : n - 1;
  else
    position = CLAMP (position + step, 0, n - 1);
  child = g_list_model_get_item (children, (guint) position);
  show (self, "child", kit_child_get_id (child), TRUE);
}

static void
previous_child_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_child (KIT_MAIN_PAGE (widget), -1);
}

static void
next_child_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  step_child (KIT_MAIN_PAGE (widget), 1);
}

/* Keyboard shortcuts work wherever the focus is in the window, but only
 * while the main page shows (the controller needs it mapped). The window's
 * application accels could not reach actions of a page inside it. */
static void
add_shortcut (GtkShortcutController *controller, const char *accel, const char *action,
              GVariant *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                            gtk_named_action_new (action));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_shortcuts (KitMainPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (shortcuts, "<Control><Shift>n", "main.add-child", NULL);
  add_shortcut (shortcuts, "<Control>e", "main.edit-child", g_variant_new_int64 (0));
  add_shortcut (shortcuts, "<Control>Delete", "main.remove-child", g_variant_new_int64 (0));
  add_shortcut (shortcuts, "<Control>1", "main.show-overview", NULL);
  add_shortcut (shortcuts, "<Control>2", "main.show-people", NULL);
  add_shortcut (shortcuts, "<Control>3", "main.show-diary", NULL);
  add_shortcut (shortcuts, "<Alt>Up", "main.previous-child", NULL);
  add_shortcut (shortcuts, "<Alt>Down", "main.next-child", NULL);
  add_shortcut (shortcuts, "<Control>Page_Up", "main.previous-child", NULL);
  add_shortcut (shortcuts, "<Control>Page_Down", "main.next-child", NULL);
  add_shortcut (shortcuts, "F9", "main.back", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GObject */

static void
kit_main_page_dispose (GObject *object)
{
  KitMainPage *self = KIT_MAIN_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->purge_source, g_source_remove);
  if (self->removal_toasts != NULL)
    for (guint i = 0; i < self->removal_toasts->len; i++)
      g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->removal_toasts, i), self);
  g_clear_pointer (&self->removal_toasts, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_MAIN_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->sidebar_model);
  g_clear_object (&self->sections);
  g_clear_object (&self->no_children);
  G_OBJECT_CLASS (kit_main_page_parent_class)->dispose (object);
}

static void
kit_main_page_finalize (GObject *object)
{
  KitMainPage *self = KIT_MAIN_PAGE (object);

  g_free (self->shown);
  G_OBJECT_CLASS (kit_main_page_parent_class)->finalize (object);
}

static void
kit_main_page_class_init (KitMainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_main_page_dispose;
  object_class->finalize = kit_main_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-main-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, content_title);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, lock_button);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, add_child_button);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, overview_page);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, child_page);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, people_page);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, diary_page);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, review_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_review_toggled);

  gtk_widget_class_install_action (widget_class, "main.show-child", "x", show_child_action);
  gtk_widget_class_install_action (widget_class, "main.show-overview", NULL,
                                   show_overview_action);
  gtk_widget_class_install_action (widget_class, "main.show-people", NULL, show_people_action);
  gtk_widget_class_install_action (widget_class, "main.show-diary", NULL, show_diary_action);
  gtk_widget_class_install_action (widget_class, "main.show-child-diary", "x",
                                   show_child_diary_action);
  gtk_widget_class_install_action (widget_class, "main.write-about-session", "(xx)",
                                   write_about_session_action);
  gtk_widget_class_install_action (widget_class, "main.add-child", NULL, add_child_action);
  gtk_widget_class_install_action (widget_class, "main.edit-child", "x", edit_child_action);
  gtk_widget_class_install_action (widget_class, "main.remove-child", "x", remove_child_action);
  gtk_widget_class_install_action (widget_class, "main.previous-child", NULL,
                                   previous_child_action);
  gtk_widget_class_install_action (widget_class, "main.next-child", NULL, next_child_action);
  gtk_widget_class_install_action (widget_class, "main.back", NULL, back_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (KIT_TYPE_OVERVIEW_PAGE);
  g_type_ensure (KIT_TYPE_CHILD_PAGE);
  g_type_ensure (KIT_TYPE_PEOPLE_PAGE);
  g_type_ensure (KIT_TYPE_DIARY_PAGE);
}

static void
kit_main_page_init (KitMainPage *self)
{
  g_autoptr(GListStore) top = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GListStore) bottom = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkStringObject) overview = gtk_string_object_new ("overview");
  g_autoptr(GtkStringObject) people = gtk_string_object_new ("people");
  g_autoptr(GtkStringObject) diary = gtk_string_object_new ("diary");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->removal_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  self->no_children = g_list_store_new (KIT_TYPE_CHILD);

  g_list_store_append (top, overview);
  g_list_store_append (top, diary);
  g_list_store_append (bottom, people);
  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->sections, top);
  g_list_store_append (self->sections, self->no_children);
  g_list_store_append (self->sections, bottom);
  self->sidebar_model = G_LIST_MODEL (gtk_flatten_list_model_new (
    G_LIST_MODEL (g_object_ref (self->sections))));
  gtk_list_box_bind_model (self->sidebar_list, self->sidebar_model, create_row, NULL, NULL);
  gtk_list_box_set_header_func (self->sidebar_list, update_header, NULL, NULL);
  /* Connected after the list box's own handler, so the rows are there. */
  g_signal_connect_object (self->sidebar_model, "items-changed",
                           G_CALLBACK (on_sidebar_items_changed), self, G_CONNECT_SWAPPED);

  add_shortcuts (self);
  show (self, "overview", 0, FALSE);
  update_actions (self);
}

/* Public API */

GtkWidget *
kit_main_page_new (void)
{
  return g_object_new (KIT_TYPE_MAIN_PAGE, NULL);
}

void
kit_main_page_set_record_path (KitMainPage *self, const char *path)
{
  g_autofree char *name = kit_app_record_display_name (path);

  g_return_if_fail (KIT_IS_MAIN_PAGE (self));
  /* The record's name alone: "Keep in Touch" is the window's title, and
   * beside three buttons there is little room at 360 px. */
  adw_window_title_set_title (self->window_title, name);
}

void
kit_main_page_set_store (KitMainPage *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_MAIN_PAGE (self));
  g_return_if_fail (store == NULL || KIT_IS_STORE (store));

  if (store == self->store)
    return;
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->store, self);
      dismiss_removal_toasts (self);
      g_clear_handle_id (&self->purge_source, g_source_remove);
    }
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::review-mode", G_CALLBACK (sync_review_button),
                               self, G_CONNECT_SWAPPED);
    }
  sync_review_button (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->review_button), store != NULL);

  kit_overview_page_set_store (self->overview_page, store);
  kit_child_page_set_store (self->child_page, store);
  kit_people_page_set_store (self->people_page, store);
  kit_diary_page_set_store (self->diary_page, store);
  /* Start on "Coming up", with the list in front when narrow (or, with no
   * children yet, the page that says how to add one). */
  g_free (self->shown);
  self->shown = g_strdup ("overview");
  self->shown_child = 0;
  {
    GListModel *children = children_model (self);

    g_list_store_splice (self->sections, 1, 1, (gpointer *) &children, 1);
  }
  show (self, "overview", 0, FALSE);
  adw_leaflet_set_visible_child_name (self->leaflet,
                                      store != NULL &&
                                      g_list_model_get_n_items (children_model (self)) == 0
                                        ? "content" : "sidebar");
  update_actions (self);
}

void
kit_main_page_undo_remove_child (KitMainPage *self, gint64 child_id)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  g_return_if_fail (KIT_IS_MAIN_PAGE (self));

  if (self->store == NULL)
    return;
  for (guint i = 0; i < self->removal_toasts->len; i++)
    {
      AdwToast *toast = g_ptr_array_index (self->removal_toasts, i);
      GVariant *target = adw_toast_get_action_target_value (toast);

      if (target != NULL && g_variant_get_int64 (target) == child_id)
        {
          g_object_ref (toast);
          g_ptr_array_remove_index (self->removal_toasts, i);
          dismiss_toast (toast);
          g_object_unref (toast);
          break;
        }
    }
  if (kit_store_undo_remove_child (self->store, child_id, &error))
    {
      show (self, "child", child_id, FALSE);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (KIT_IS_WINDOW (root))
    {
      g_warning ("Undoing a removal failed: %s", error->message);
      kit_window_add_toast (KIT_WINDOW (root),
                            adw_toast_new (_("Sorry, the child couldn't be brought back.")));
    }
}

const char *
kit_main_page_get_shown (KitMainPage *self)
{
  g_return_val_if_fail (KIT_IS_MAIN_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

gint64
kit_main_page_get_shown_child (KitMainPage *self)
{
  g_return_val_if_fail (KIT_IS_MAIN_PAGE (self), 0);
  return self->shown_child;
}

AdwToast *
kit_main_page_get_removal_toast (KitMainPage *self)
{
  g_return_val_if_fail (KIT_IS_MAIN_PAGE (self), NULL);
  if (self->removal_toasts->len == 0)
    return NULL;
  return g_ptr_array_index (self->removal_toasts, self->removal_toasts->len - 1);
}

void
kit_main_page_undo_delete_diary_entry (KitMainPage *self)
{
  g_return_if_fail (KIT_IS_MAIN_PAGE (self));
  kit_diary_page_undo_delete (self->diary_page);
}

KitDiaryPage *
kit_main_page_get_diary_page (KitMainPage *self)
{
  g_return_val_if_fail (KIT_IS_MAIN_PAGE (self), NULL);
  return self->diary_page;
}

GtkToggleButton *
kit_main_page_get_review_button (KitMainPage *self)
{
  g_return_val_if_fail (KIT_IS_MAIN_PAGE (self), NULL);
  return self->review_button;
}
