/* kit-diary-page.c — her private diary: a search entry, filters (child,
 * feeling, dates typed the UK way), the entries newest first under month
 * headings in a list view that reads rows only as they are shown, an offer
 * to go on with an unfinished entry, and the banner of Review together.
 * The store leaves private entries out of every query while Review
 * together is on; this page only refreshes when it turns on or off. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-date.h"
#include "kit-diary-editor.h"
#include "kit-diary-entry.h"
#include "kit-diary-model.h"
#include "kit-diary-page.h"
#include "kit-diary-row.h"
#include "kit-form-helpers.h"
#include "kit-vocab.h"
#include "kit-window.h"

#define UNDO_SECONDS 10

struct _KitDiaryPage
{
  GtkWidget parent_instance;

  GtkRevealer *banner;
  GtkSearchEntry *search_entry;
  GtkToggleButton *filter_button;
  GtkDropDown *child_filter;
  GtkDropDown *feeling_filter;
  GtkEntry *from_entry;
  GtkLabel *from_error;
  GtkEntry *to_entry;
  GtkLabel *to_error;
  GtkRevealer *draft_revealer;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkListView *list_view;
  AdwStatusPage *empty_page;

  KitStore *store;
  KitDiaryModel *model;        /* made when first shown */
  GtkSliceListModel *slice;    /* the rows the list view is given so far */
  GtkNoSelection *selection;
  GArray *child_ids;           /* gint64 per position of child_filter (0: any) */
  char *from;                  /* ISO, or NULL */
  char *to;
  gint64 wanted_child;         /* asked for before the list of children was there */
  gboolean filling;
  gboolean drafts_dismissed;
  KitDiaryEntry *deleted;      /* the last deleted entry, for Undo */
};

G_DEFINE_FINAL_TYPE (KitDiaryPage, kit_diary_page, GTK_TYPE_WIDGET)

/* GTK 4.8's list view makes a widget for up to 200 rows as soon as it has
 * them, which took 200 ms and more when the diary opened. It is given the
 * newest rows first and more as she scrolls towards the end. */
#define FIRST_ROWS 40
#define MORE_ROWS  100

/* The filter as chosen */

static gint64
chosen_child (KitDiaryPage *self)
{
  guint i = gtk_drop_down_get_selected (self->child_filter);

  return i < self->child_ids->len ? g_array_index (self->child_ids, gint64, i) : 0;
}

static const char *
chosen_feeling (KitDiaryPage *self)
{
  guint i = gtk_drop_down_get_selected (self->feeling_filter);

  return i == 0 || i == GTK_INVALID_LIST_POSITION ? NULL
                                                   : kit_form_vocab_code (KIT_VOCAB_FEELING, i - 1);
}

static void
read_filter (KitDiaryPage *self, KitDiaryFilter *filter)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  filter->child_id = chosen_child (self);
  filter->feeling = chosen_feeling (self);
  filter->from = self->from;
  filter->to = self->to;
  filter->search = search != NULL && *search != '\0' ? search : NULL;
}

static gboolean
is_filtered (const KitDiaryFilter *filter)
{
  return filter->child_id != 0 || filter->feeling != NULL || filter->from != NULL ||
         filter->to != NULL || filter->search != NULL;
}

/* What shows */

static void
update_banner (KitDiaryPage *self)
{
  gboolean review = self->store != NULL && kit_store_get_review_mode (self->store);

  gtk_revealer_set_reveal_child (self->banner, review);
}

static void
update_count (KitDiaryPage *self)
{
  KitDiaryFilter filter = { 0 };
  guint n = self->model != NULL ? kit_diary_model_get_n_entries (self->model) : 0;
  gboolean review = self->store != NULL && kit_store_get_review_mode (self->store);
  g_autofree char *count = NULL;

  read_filter (self, &filter);
  if (n == 0)
    {
      if (is_filtered (&filter))
        {
          adw_status_page_set_title (self->empty_page, _("Nothing matches"));
          adw_status_page_set_description (self->empty_page,
                                           _("Try other words, or clear the filters."));
        }
      else if (review)
        {
          adw_status_page_set_title (self->empty_page, _("Nothing shared in review"));
          adw_status_page_set_description (self->empty_page,
                                           _("Entries you mark “Share in review” show here "
                                             "while Review together is on. The rest of your "
                                             "diary is hidden."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("Your diary"));
          adw_status_page_set_description (self->empty_page,
                                           _("Write about a contact session, or any day. Only "
                                             "you see your diary: an entry stays private "
                                             "unless you share it in review."));
        }
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->model == NULL ? "list" : "empty");
  /* %'u: "10,000 entries" where the language groups digits. */
  if (n > 0 && is_filtered (&filter))
    count = g_strdup_printf (ngettext ("%'u entry matches", "%'u entries match", n), n);
  else if (n > 0 && review)
    count = g_strdup_printf (ngettext ("%'u entry shared in review",
                                       "%'u entries shared in review", n), n);
  else if (n > 0)
    count = g_strdup_printf (ngettext ("%'u entry", "%'u entries", n), n);
  /* Kept when empty: it holds New Entry at the end of its row. */
  gtk_label_set_text (self->count_label, count != NULL ? count : "");
}

static void
update_drafts (KitDiaryPage *self)
{
  g_autoptr(GArray) drafts = NULL;
  gboolean any = FALSE;

  if (self->store != NULL && !self->drafts_dismissed)
    {
      drafts = kit_store_list_diary_drafts (self->store);
      any = drafts != NULL && drafts->len > 0;
    }
  gtk_revealer_set_reveal_child (self->draft_revealer, any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.open-draft", any);
}

static void
apply_filter (KitDiaryPage *self)
{
  KitDiaryFilter filter = { 0 };

  if (self->store == NULL || self->filling)
    return;
  read_filter (self, &filter);
  if (self->model == NULL)
    {
      self->model = kit_diary_model_new (self->store, &filter);
      gtk_slice_list_model_set_size (self->slice, FIRST_ROWS);
      gtk_slice_list_model_set_model (self->slice, G_LIST_MODEL (self->model));
    }
  else
    {
      gtk_slice_list_model_set_size (self->slice, FIRST_ROWS);
      kit_diary_model_set_filter (self->model, &filter);
    }
  update_count (self);
}

/* The children in the filter, keeping the one chosen. */
static void
fill_children (KitDiaryPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *children = self->store != NULL ? kit_store_get_children (self->store) : NULL;
  gint64 chosen = self->wanted_child != 0 ? self->wanted_child : chosen_child (self);
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->child_ids, 0);
  gtk_string_list_append (names, _("Any child"));
  g_array_append_val (self->child_ids, none);
  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(KitChild) child = g_list_model_get_item (children, i);
      gint64 id = kit_child_get_id (child);

      gtk_string_list_append (names, kit_child_get_name (child));
      g_array_append_val (self->child_ids, id);
      if (id == chosen)
        selected = i + 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->child_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->child_filter, selected);
  self->filling = FALSE;
  self->wanted_child = 0;
}

/* Callbacks */

static void
on_search_changed (KitDiaryPage *self)
{
  apply_filter (self);
}

static void
on_filter_changed (KitDiaryPage *self)
{
  apply_filter (self);
}

static gboolean
read_date (GtkEntry *entry, GtkLabel *error, char **out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autofree char *iso = NULL;

  g_clear_pointer (out, g_free);
  if (*text == '\0')
    {
      kit_form_show_error (error, NULL);
      return TRUE;
    }
  if (!kit_date_from_user (text, &iso) || iso == NULL)
    {
      kit_form_show_error (error, _("Please type a real date, day first: for example "
                                    "5/12/2026 or 5 December 2026."));
      return FALSE;
    }
  kit_form_show_error (error, NULL);
  *out = g_steal_pointer (&iso);
  return TRUE;
}

static void
on_date_changed (KitDiaryPage *self)
{
  /* A half-typed date waits: the list keeps the last dates that made sense. */
  g_autofree char *from = g_strdup (self->from);
  g_autofree char *to = g_strdup (self->to);
  gboolean ok = read_date (self->from_entry, self->from_error, &self->from);

  ok = read_date (self->to_entry, self->to_error, &self->to) && ok;
  if (ok && self->from != NULL && self->to != NULL && kit_date_compare (self->to, self->from) < 0)
    {
      kit_form_show_error (self->to_error, _("This is before the “From” date. Please type a "
                                             "later one."));
      ok = FALSE;
    }
  if (!ok)
    {
      g_free (self->from);
      g_free (self->to);
      self->from = g_steal_pointer (&from);
      self->to = g_steal_pointer (&to);
      return;
    }
  apply_filter (self);
}

static void
on_draft_dismissed (KitDiaryPage *self)
{
  self->drafts_dismissed = TRUE;
  update_drafts (self);
}

static void
on_store_changed (KitDiaryPage *self)
{
  if (self->model != NULL)
    kit_diary_model_refresh (self->model);
  fill_children (self);
  update_count (self);
  update_banner (self);
}

/* The words she searched her private diary for are hers too: they go
 * when Review together turns on, before anyone sits beside her. */
static void
clear_search (KitDiaryPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (search == NULL || *search == '\0')
    return;
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->filling = FALSE;
  apply_filter (self);
}

static void
on_review_mode (KitDiaryPage *self)
{
  if (self->store != NULL && kit_store_get_review_mode (self->store))
    clear_search (self);
  update_banner (self);
  if (self->model != NULL)
    kit_diary_model_refresh (self->model);
  update_count (self);
  update_drafts (self);
}

static void
on_activate (KitDiaryPage *self, guint position, GtkListView *view)
{
  g_autoptr(GObject) item = self->model != NULL
                              ? g_list_model_get_item (G_LIST_MODEL (self->model), position)
                              : NULL;

  if (KIT_IS_DIARY_ENTRY (item))
    kit_diary_page_open_entry (self, kit_diary_entry_get_id (KIT_DIARY_ENTRY (item)));
}

/* Within a page of the end of the rows given so far: give more. */
static void
on_scrolled (KitDiaryPage *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  guint size = gtk_slice_list_model_get_size (self->slice);
  double page = gtk_adjustment_get_page_size (adj);

  if (self->model == NULL || page <= 0 ||
      size >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return;
  if (gtk_adjustment_get_value (adj) + 2 * page >= gtk_adjustment_get_upper (adj))
    gtk_slice_list_model_set_size (self->slice, size + MORE_ROWS);
}

static void
on_map (KitDiaryPage *self)
{
  if (self->store == NULL)
    return;
  if (self->model == NULL)
    apply_filter (self);
  update_drafts (self);
}

/* The list's rows */

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  gtk_list_item_set_child (item, kit_diary_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GObject *thing = gtk_list_item_get_item (item);

  gtk_list_item_set_activatable (item, KIT_IS_DIARY_ENTRY (thing));
  kit_diary_row_set_item (KIT_DIARY_ROW (gtk_list_item_get_child (item)), thing);
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  kit_diary_row_set_item (KIT_DIARY_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The editor */

static void
undo_toast (KitDiaryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *toast;

  if (!KIT_IS_WINDOW (root))
    return;
  toast = adw_toast_new (_("The diary entry was deleted"));
  adw_toast_set_timeout (toast, UNDO_SECONDS);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete-diary-entry");
  kit_window_add_toast (KIT_WINDOW (root), toast);
}

static void
on_entry_deleted (KitDiaryPage *self, KitDiaryEntry *entry, KitDiaryEditor *editor)
{
  g_set_object (&self->deleted, entry);
  undo_toast (self);
}

static void
on_editor_destroyed (KitDiaryPage *self, GtkWidget *editor)
{
  self->drafts_dismissed = FALSE;
  update_drafts (self);
}

static void
open_editor (KitDiaryPage *self, gint64 entry_id, gint64 child_id, gint64 session_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  if (self->store == NULL)
    return;
  editor = kit_diary_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 entry_id, child_id, session_id);
  g_signal_connect_object (editor, "deleted", G_CALLBACK (on_entry_deleted), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "destroy", G_CALLBACK (on_editor_destroyed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Actions */

static void
new_entry_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitDiaryPage *self = KIT_DIARY_PAGE (widget);

  kit_diary_page_new_entry (self, chosen_child (self), 0);
}

static void
open_draft_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitDiaryPage *self = KIT_DIARY_PAGE (widget);
  g_autoptr(GArray) drafts = self->store != NULL ? kit_store_list_diary_drafts (self->store)
                                                 : NULL;

  if (drafts == NULL || drafts->len == 0)
    return;
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  open_editor (self, g_array_index (drafts, gint64, 0), 0, 0);
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitDiaryPage *self = KIT_DIARY_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+N and Ctrl+F belong to the diary while it shows (the window's own
 * Ctrl+N, a new record, applies elsewhere): caught before the window's. */
static void
add_shortcuts (KitDiaryPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                      gtk_named_action_new ("diary.new-entry")));
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                      gtk_named_action_new ("diary.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GObject */

static void
kit_diary_page_dispose (GObject *object)
{
  KitDiaryPage *self = KIT_DIARY_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_DIARY_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->model);
  g_clear_object (&self->deleted);
  G_OBJECT_CLASS (kit_diary_page_parent_class)->dispose (object);
}

static void
kit_diary_page_finalize (GObject *object)
{
  KitDiaryPage *self = KIT_DIARY_PAGE (object);

  g_array_unref (self->child_ids);
  g_free (self->from);
  g_free (self->to);
  G_OBJECT_CLASS (kit_diary_page_parent_class)->finalize (object);
}

static void
kit_diary_page_class_init (KitDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_diary_page_dispose;
  object_class->finalize = kit_diary_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-diary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, banner);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, child_filter);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, feeling_filter);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, from_error);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, to_error);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_draft_dismissed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  gtk_widget_class_install_action (widget_class, "diary.new-entry", NULL, new_entry_action);
  gtk_widget_class_install_action (widget_class, "diary.open-draft", NULL, open_draft_action);
  gtk_widget_class_install_action (widget_class, "diary.search", NULL, search_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_diary_page_init (KitDiaryPage *self)
{
  g_autoptr(GtkStringList) feelings = kit_form_vocab_model (KIT_VOCAB_FEELING);
  g_autoptr(GtkStringList) feeling_names = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->child_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (feeling_names, _("Any feeling"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (feelings)); i++)
    gtk_string_list_append (feeling_names,
                            gtk_string_list_get_string (feelings, i));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->feeling_filter, G_LIST_MODEL (feeling_names));
  self->filling = FALSE;
  fill_children (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  self->slice = gtk_slice_list_model_new (NULL, 0, FIRST_ROWS);
  self->selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->slice)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  add_shortcuts (self);
  update_banner (self);
  update_drafts (self);
}

/* Public API */

void
kit_diary_page_set_store (KitDiaryPage *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_DIARY_PAGE (self));
  g_return_if_fail (store == NULL || KIT_IS_STORE (store));

  if (store == self->store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_slice_list_model_set_model (self->slice, NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->deleted);
  g_set_object (&self->store, store);
  self->drafts_dismissed = FALSE;
  /* Nothing of one record's diary stays for the next, or for the lock. */
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_drop_down_set_selected (self->feeling_filter, 0);
  gtk_toggle_button_set_active (self->filter_button, FALSE);
  self->filling = FALSE;
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  kit_form_show_error (self->from_error, NULL);
  kit_form_show_error (self->to_error, NULL);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::review-mode", G_CALLBACK (on_review_mode), self,
                               G_CONNECT_SWAPPED);
    }
  fill_children (self);
  if (store != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    apply_filter (self);
  update_banner (self);
  update_count (self);
  update_drafts (self);
}

void
kit_diary_page_show_child (KitDiaryPage *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_DIARY_PAGE (self));

  self->wanted_child = child_id;
  fill_children (self);
  if (child_id != 0)
    gtk_toggle_button_set_active (self->filter_button, TRUE);
  apply_filter (self);
}

void
kit_diary_page_new_entry (KitDiaryPage *self, gint64 child_id, gint64 session_id)
{
  g_return_if_fail (KIT_IS_DIARY_PAGE (self));
  open_editor (self, 0, child_id, session_id);
}

void
kit_diary_page_open_entry (KitDiaryPage *self, gint64 entry_id)
{
  g_return_if_fail (KIT_IS_DIARY_PAGE (self));
  open_editor (self, entry_id, 0, 0);
}

void
kit_diary_page_undo_delete (KitDiaryPage *self)
{
  g_autoptr(KitDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KIT_IS_DIARY_PAGE (self));

  if (self->deleted == NULL || self->store == NULL)
    return;
  entry = g_steal_pointer (&self->deleted);
  /* Saved again as a new entry: the old id has gone with the old row. */
  kit_diary_entry_set_id (entry, 0);
  if (!kit_store_save_diary_entry (self->store, entry, &error))
    {
      g_warning ("Bringing back a diary entry failed: %s", error->message);
      kit_form_toast (GTK_WIDGET (self), _("Sorry, the entry couldn't be brought back."));
    }
}

GListModel *
kit_diary_page_get_model (KitDiaryPage *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_PAGE (self), NULL);
  return self->model != NULL ? G_LIST_MODEL (self->model) : NULL;
}

gboolean
kit_diary_page_get_banner_shown (KitDiaryPage *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_PAGE (self), FALSE);
  return gtk_revealer_get_reveal_child (self->banner);
}

GtkWidget *
kit_diary_page_get_search_entry (KitDiaryPage *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_PAGE (self), NULL);
  return GTK_WIDGET (self->search_entry);
}
