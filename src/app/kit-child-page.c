/* kit-child-page.c — one child: who she or he is, whether the history is
 * intact, the counts, and four views: contact now (arrangement cards),
 * the history (a GtkListView of the store's changes, filterable by
 * arrangement), sessions and letters, and dates that matter.
 *
 * Everything shown is a snapshot re-queried on the store's "changed". Rows
 * are built lazily by the list widgets, so opening a child with hundreds of
 * changes stays fast (KIT_DEBUG_TIMING=1 prints how long set_child took). */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-arrangement-card.h"
#include "kit-arrangement-dialog.h"
#include "kit-change-dialog.h"
#include "kit-change-row.h"
#include "kit-child-page.h"
#include "kit-date.h"
#include "kit-dates-view.h"
#include "kit-follow-up-dialog.h"
#include "kit-form-helpers.h"
#include "kit-letter-dialog.h"
#include "kit-report.h"
#include "kit-sessions-view.h"
#include "kit-vocab.h"

struct _KitChildPage
{
  GtkWidget parent_instance;

  GtkLabel *name_label;
  GtkLabel *facts_label;
  GtkLabel *order_label;
  GtkButton *edit_button;
  GtkButton *diary_button;
  GtkButton *remove_button;
  GtkWidget *intact_box;
  AdwViewSwitcherTitle *switcher_title;
  GtkImage *intact_image;
  GtkLabel *intact_label;
  GtkLabel *counts_label;
  AdwViewStack *view_stack;
  GtkListBox *arrangements_list;
  GtkWidget *arrangements_box;
  GtkWidget *arrangements_empty;
  GtkDropDown *filter_dropdown;
  GtkListView *history_view;
  GtkNoSelection *history_selection;
  GtkWidget *history_scroller;
  GtkWidget *history_empty;
  GtkWidget *older_button;
  GtkSliceListModel *history_slice;
  KitSessionsView *sessions_view;
  KitDatesView *dates_view;
  GtkListBox *letters_list;
  GtkWidget *letters_empty;

  KitStore *store;
  gulong changed_id;
  gint64 child_id;

  GListModel *arrangements;
  /* The arrangement id at each position of the filter (0: all). */
  GArray *filter_ids;
  gint64 filter_id;
  gboolean updating_filter;
  /* id → KitChange of the history shown, to name corrected entries. */
  GHashTable *changes_by_id;
  GListModel *letters;
};

G_DEFINE_FINAL_TYPE (KitChildPage, kit_child_page, GTK_TYPE_WIDGET)

/* How many history entries are shown at first, and added each time she
 * scrolls to the end: GTK 4.8's list view makes a row for up to 200 items
 * at once, which would make opening a long history slow. */
#define HISTORY_PAGE 15

static void show_history (KitChildPage *self);

/* Summary */

static char *
describe_age (const char *date_of_birth)
{
  g_autofree char *today = kit_date_today ();
  int years = kit_date_age_years (date_of_birth, today);

  if (years < 0)
    return NULL;
  if (years == 0)
    return g_strdup (_("Under a year old"));
  return g_strdup_printf (ngettext ("%d year old", "%d years old", years), years);
}

static void
show_summary (KitChildPage *self, KitChild *child)
{
  g_autofree char *age = describe_age (kit_child_get_date_of_birth (child));
  const char *lives = kit_child_get_lives_with (child);
  const char *order = kit_child_get_legal_order (child);
  const char *order_help = kit_vocab_help (KIT_VOCAB_LEGAL_ORDER, order);
  g_autoptr(GString) facts = g_string_new (age);
  g_autofree char *order_text = NULL;

  gtk_label_set_label (self->name_label, kit_child_get_name (child));
  if (!kit_date_is_unset (lives))
    {
      if (facts->len > 0)
        g_string_append (facts, " · ");
      g_string_append (facts, kit_vocab_label (KIT_VOCAB_LIVES_WITH, lives));
    }
  gtk_label_set_label (self->facts_label, facts->str);
  gtk_widget_set_visible (GTK_WIDGET (self->facts_label), facts->len > 0);

  if (!kit_date_is_unset (order) && order_help != NULL)
    /* Translators: "Care order — The council shares parental responsibility" */
    order_text = g_strdup_printf (_("%s — %s"), kit_vocab_label (KIT_VOCAB_LEGAL_ORDER, order),
                                  order_help);
  else if (!kit_date_is_unset (order) && g_strcmp0 (order, "not-known") != 0)
    order_text = g_strdup (kit_vocab_label (KIT_VOCAB_LEGAL_ORDER, order));
  gtk_label_set_label (self->order_label, order_text != NULL ? order_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->order_label), order_text != NULL);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button),
                                          g_variant_new_int64 (self->child_id));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->diary_button),
                                          g_variant_new_int64 (self->child_id));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_button),
                                          g_variant_new_int64 (self->child_id));
}

static void
show_intact (KitChildPage *self)
{
  gboolean intact = kit_store_child_history_intact (self->store, self->child_id);
  GtkWidget *label = GTK_WIDGET (self->intact_label);

  gtk_image_set_from_icon_name (self->intact_image,
                                intact ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_label_set_label (self->intact_label,
                       intact ? _("The history is complete and unchanged")
                              : _("Part of this history has been changed since it was written"));
  if (intact)
    {
      gtk_widget_remove_css_class (label, "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->intact_image), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->intact_image), "success");
    }
  else
    {
      gtk_widget_add_css_class (label, "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->intact_image), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->intact_image), "warning");
    }
}

static void
append_count (GString *text, char *part)
{
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
  g_free (part);
}

static void
show_counts (KitChildPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  KitCounts c = { 0 };

  if (!kit_store_get_counts (self->store, self->child_id, &c, &error))
    {
      g_warning ("Counting changes failed: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->counts_label), FALSE);
      return;
    }
  /* With nothing recorded, there is no history to vouch for. */
  gtk_widget_set_visible (self->intact_box, c.changes > 0);
  if (c.changes == 0)
    {
      gtk_label_set_label (self->counts_label, _("No changes recorded yet"));
      gtk_widget_set_visible (GTK_WIDGET (self->counts_label), TRUE);
      return;
    }
  append_count (text, g_strdup_printf (ngettext ("%u change", "%u changes", c.changes), c.changes));
  append_count (text, g_strdup_printf (_("%u with a reason"), c.with_reason));
  append_count (text, g_strdup_printf (_("%u with part of a reason"), c.partly_reason));
  append_count (text, g_strdup_printf (_("%u with no reason"), c.without_reason));
  append_count (text, g_strdup_printf (_("%u told in writing"), c.told_in_writing));
  append_count (text, g_strdup_printf (ngettext ("%u request still unanswered",
                                                 "%u requests still unanswered",
                                                 c.requests_unanswered),
                                       c.requests_unanswered));
  gtk_label_set_label (self->counts_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), TRUE);
}

/* Contact now */

static GtkWidget *
create_card (gpointer item, gpointer user_data)
{
  KitArrangement *arrangement = item;
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), kit_arrangement_card_new (arrangement));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kit_arrangement_get_title (arrangement), -1);
  return row;
}

static void
show_arrangements (KitChildPage *self)
{
  gboolean any;

  g_clear_object (&self->arrangements);
  if (self->store != NULL && self->child_id != 0)
    self->arrangements = kit_store_list_arrangements (self->store, self->child_id);
  gtk_list_box_bind_model (self->arrangements_list, self->arrangements, create_card, self, NULL);
  any = self->arrangements != NULL && g_list_model_get_n_items (self->arrangements) > 0;
  gtk_widget_set_visible (self->arrangements_box, any);
  gtk_widget_set_visible (self->arrangements_empty, !any);
}

/* History */

static void
update_filter (KitChildPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = self->arrangements != NULL ? g_list_model_get_n_items (self->arrangements) : 0;
  guint selected = 0;
  gint64 all = 0;

  g_array_set_size (self->filter_ids, 0);
  gtk_string_list_append (names, _("All arrangements"));
  g_array_append_val (self->filter_ids, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KitArrangement) a = g_list_model_get_item (self->arrangements, i);
      gint64 id = kit_arrangement_get_id (a);

      gtk_string_list_append (names, kit_arrangement_get_title (a));
      g_array_append_val (self->filter_ids, id);
      if (id == self->filter_id)
        selected = i + 1;
    }
  if (selected == 0)
    self->filter_id = 0;
  self->updating_filter = TRUE;
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->filter_dropdown, selected);
  self->updating_filter = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->filter_dropdown), n > 1);
}

static void
on_filter_selected (KitChildPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (self->updating_filter || selected >= self->filter_ids->len)
    return;
  self->filter_id = g_array_index (self->filter_ids, gint64, selected);
  gtk_slice_list_model_set_size (self->history_slice, HISTORY_PAGE);
  show_history (self);
}

static const char *
change_date (KitChildPage *self, gint64 change_id, gboolean recorded)
{
  KitChange *change = g_hash_table_lookup (self->changes_by_id, &change_id);
  const char *date;

  if (change == NULL && self->store != NULL && change_id != 0)
    {
      /* Not shown under the current filter: ask once and keep it. */
      change = kit_store_find_change (self->store, change_id);
      if (change == NULL)
        return NULL;
      g_hash_table_insert (self->changes_by_id, g_memdup2 (&change_id, sizeof change_id), change);
    }
  if (change == NULL)
    return NULL;
  if (!recorded)
    return kit_change_get_effective_date (change);
  date = kit_change_get_recorded_at (change);
  /* The stamp is "YYYY-MM-DDTHH:MM:SSZ"; the row shows its day. */
  return date;
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, kit_change_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  KitChildPage *self = KIT_CHILD_PAGE (user_data);
  KitChange *change = gtk_list_item_get_item (item);
  const char *corrects = change_date (self, kit_change_get_corrects_id (change), FALSE);
  const char *corrected_at = change_date (self, kit_change_get_corrected_by_id (change), TRUE);
  char corrected_on[11] = "";

  if (corrected_at != NULL && strlen (corrected_at) >= 10)
    g_strlcpy (corrected_on, corrected_at, sizeof corrected_on);
  kit_change_row_set_change (KIT_CHANGE_ROW (gtk_list_item_get_child (item)), change, corrects,
                             corrected_on);
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  kit_change_row_set_change (KIT_CHANGE_ROW (gtk_list_item_get_child (item)), NULL, NULL, NULL);
}

static void
update_older_button (KitChildPage *self)
{
  GListModel *all = gtk_slice_list_model_get_model (self->history_slice);
  guint n = all != NULL ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->history_slice));

  gtk_widget_set_visible (self->older_button, shown < n);
}

static void
show_older (KitChildPage *self)
{
  guint size = gtk_slice_list_model_get_size (self->history_slice);

  gtk_slice_list_model_set_size (self->history_slice, size + HISTORY_PAGE);
  update_older_button (self);
}

static void
on_history_edge (KitChildPage *self, GtkPositionType pos)
{
  if (pos == GTK_POS_BOTTOM && gtk_widget_get_visible (self->older_button))
    show_older (self);
}

static void
show_history (KitChildPage *self)
{
  g_autoptr(GListModel) changes = NULL;
  guint n = 0;

  g_hash_table_remove_all (self->changes_by_id);
  if (self->store != NULL && self->child_id != 0)
    changes = kit_store_list_changes (self->store, self->child_id, self->filter_id);
  if (changes != NULL)
    n = g_list_model_get_n_items (changes);
  for (guint i = 0; i < n; i++)
    {
      KitChange *change = g_list_model_get_item (changes, i);
      gint64 id = kit_change_get_id (change);

      g_hash_table_insert (self->changes_by_id, g_memdup2 (&id, sizeof id), change);
    }
  /* Keep what she has already scrolled through when the store changes. */
  if (gtk_slice_list_model_get_size (self->history_slice) < HISTORY_PAGE)
    gtk_slice_list_model_set_size (self->history_slice, HISTORY_PAGE);
  gtk_slice_list_model_set_model (self->history_slice, changes);
  gtk_widget_set_visible (self->history_scroller, n > 0);
  gtk_widget_set_visible (self->history_empty, n == 0);
  update_older_button (self);
}

/* Letters and reports */

/* "23 November 2026", the local day of the UTC stamp the store keeps. */
static char *
letter_day (const char *stamp)
{
  g_autoptr(GDateTime) utc = stamp != NULL ? g_date_time_new_from_iso8601 (stamp, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *iso = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;

  return kit_date_format (iso);
}

static GtkWidget *
create_letter_row (gpointer item, gpointer user_data)
{
  KitLetterRecord *letter = item;
  const char *stamp = kit_letter_record_get_produced_at (letter);
  const char *to = kit_letter_record_get_recipient_name (letter);
  const char *title = kit_letter_record_get_title (letter);
  g_autofree char *date = letter_day (stamp);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Print _again…"));

  if (to != NULL && *to != '\0')
    /* Translators: "To Sarah Hughes · 23 November 2026" */
    subtitle = g_strdup_printf (_("To %s · %s"), to, date);
  else if (kit_letter_record_get_recipient_id (letter) == 0)
    /* Translators: a letter to herself (an explanation to keep): "To you · 23 November 2026" */
    subtitle = g_strdup_printf (_("To you · %s"), date);
  else
    subtitle = g_strdup (date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : _("Letter"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "child.print-again");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (kit_letter_record_get_id (letter)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  /* Each row has one: a screen reader says which letter it prints. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  title != NULL ? title : _("Letter"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Letter"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  return row;
}

static void
show_letters (KitChildPage *self)
{
  gboolean any;

  g_clear_object (&self->letters);
  if (self->store != NULL && self->child_id != 0)
    self->letters = kit_store_list_letters (self->store, self->child_id);
  gtk_list_box_bind_model (self->letters_list, self->letters, create_letter_row, self, NULL);
  any = self->letters != NULL && g_list_model_get_n_items (self->letters) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->letters_list), any);
  gtk_widget_set_visible (self->letters_empty, !any);
}

static gboolean
letters_shown (KitChildPage *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "letters") == 0;
}

/* Everything */

static void
clear_page (KitChildPage *self)
{
  gtk_label_set_label (self->name_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->facts_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->order_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), FALSE);
  g_clear_object (&self->arrangements);
  gtk_list_box_bind_model (self->arrangements_list, NULL, NULL, NULL, NULL);
  g_hash_table_remove_all (self->changes_by_id);
  gtk_slice_list_model_set_model (self->history_slice, NULL);
  gtk_widget_set_visible (self->older_button, FALSE);
  g_clear_object (&self->letters);
  gtk_list_box_bind_model (self->letters_list, NULL, NULL, NULL, NULL);
}

static void
refresh (KitChildPage *self)
{
  g_autoptr(KitChild) child = NULL;

  if (self->store != NULL && self->child_id != 0)
    child = kit_store_find_child (self->store, self->child_id);
  if (child == NULL)
    {
      clear_page (self);
      return;
    }
  show_summary (self, child);
  show_intact (self);
  show_counts (self);
  show_arrangements (self);
  update_filter (self);
  show_history (self);
  if (letters_shown (self))
    show_letters (self);
}

static void
on_store_changed (KitChildPage *self)
{
  refresh (self);
}

/* Actions */

static GtkWindow *
parent_window (KitChildPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
present (GtkWidget *dialog)
{
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_arrangement_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);

  if (self->store == NULL || self->child_id == 0)
    return;
  present (kit_change_dialog_new (parent_window (self), self->store, self->child_id, NULL, NULL));
}

static void
record_change_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);
  g_autoptr(KitArrangement) arrangement = NULL;

  if (self->store == NULL)
    return;
  arrangement = kit_store_find_arrangement (self->store, g_variant_get_int64 (param));
  if (arrangement != NULL)
    present (kit_change_dialog_new (parent_window (self), self->store, self->child_id,
                                    arrangement, NULL));
}

static void
edit_arrangement_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);
  g_autoptr(KitArrangement) arrangement = NULL;

  if (self->store == NULL)
    return;
  arrangement = kit_store_find_arrangement (self->store, g_variant_get_int64 (param));
  if (arrangement != NULL)
    present (kit_arrangement_dialog_new (parent_window (self), self->store, arrangement));
}

static void
show_history_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);

  for (guint i = 0; i < self->filter_ids->len; i++)
    if (g_array_index (self->filter_ids, gint64, i) == id)
      gtk_drop_down_set_selected (self->filter_dropdown, i);
  adw_view_stack_set_visible_child_name (self->view_stack, "history");
}

static void
add_follow_up_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);
  g_autoptr(KitFollowUp) follow_up = kit_follow_up_new (g_variant_get_int64 (param));

  if (self->store != NULL)
    present (kit_follow_up_dialog_new (parent_window (self), self->store, follow_up));
}

static void
edit_follow_up_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);
  g_autoptr(KitChange) change = NULL;
  gint64 change_id, follow_up_id;
  GPtrArray *follow_ups;

  g_variant_get (param, "(xx)", &change_id, &follow_up_id);
  if (self->store == NULL)
    return;
  change = kit_store_find_change (self->store, change_id);
  follow_ups = change != NULL ? kit_change_get_follow_ups (change) : NULL;
  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      KitFollowUp *follow_up = g_ptr_array_index (follow_ups, i);

      if (kit_follow_up_get_id (follow_up) == follow_up_id)
        present (kit_follow_up_dialog_new (parent_window (self), self->store, follow_up));
    }
}

static void
correct_change_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);
  g_autoptr(KitChange) original = NULL;

  if (self->store == NULL)
    return;
  original = kit_store_find_change (self->store, g_variant_get_int64 (param));
  if (original != NULL)
    present (kit_change_dialog_new (parent_window (self), self->store, self->child_id, NULL,
                                    original));
}

static void
write_letter_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);
  const char *kind_name;
  gint64 id;
  KitLetterKind kind;
  KitLetterRequest request;

  g_variant_get (param, "(&sx)", &kind_name, &id);
  if (self->store == NULL || !kit_letter_kind_from_string (kind_name, &kind))
    return;
  kit_letter_request_init (&request, kind);
  if (kind == KIT_LETTER_REVIEW)
    request.arrangement_id = id;
  else
    request.change_id = id;
  present (kit_letter_dialog_new (parent_window (self), self->store, &request));
}

static void
print_again_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);
  g_autoptr(KitLetterRecord) letter = NULL;
  g_autoptr(KitDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  letter = kit_store_find_letter (self->store, g_variant_get_int64 (param));
  if (letter != NULL)
    document = kit_document_from_xml (kit_letter_record_get_final_text (letter), &error);
  if (document == NULL)
    {
      g_warning ("A kept letter could not be read: %s", error != NULL ? error->message : "not found");
      kit_form_toast (widget, _("This letter could not be opened"));
      return;
    }
  present (kit_letter_dialog_new_for_document (parent_window (self), document));
}

static void
history_report_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChildPage *self = KIT_CHILD_PAGE (widget);
  g_autoptr(KitDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->child_id == 0)
    return;
  document = kit_report_contact_history (self->store, self->child_id, NULL, &error);
  if (document == NULL)
    {
      g_warning ("The contact history report failed: %s", error != NULL ? error->message : "?");
      kit_form_toast (widget, _("The report could not be made"));
      return;
    }
  present (kit_letter_dialog_new_for_document (parent_window (self), document));
}

/* The sessions and dates views are filled when their tab is shown, not
 * when the child is: the page opens on "Contact now", and filling them
 * would double the time the page takes to open. */
static void
fill_shown_view (KitChildPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean sessions = g_strcmp0 (name, "sessions") == 0;
  gboolean dates = g_strcmp0 (name, "dates") == 0;
  gint64 child_id = self->child_id;

  if (kit_sessions_view_get_child (self->sessions_view) != (sessions ? child_id : 0))
    kit_sessions_view_set_child (self->sessions_view, sessions ? child_id : 0);
  if (kit_dates_view_get_child (self->dates_view) != (dates ? child_id : 0))
    kit_dates_view_set_child (self->dates_view, dates ? child_id : 0);
  if (letters_shown (self))
    show_letters (self);
}

/* When narrow, the switcher moves to the bottom bar and its place names the view shown. */
static void
on_view_changed (KitChildPage *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);
  AdwViewStackPage *page = child != NULL ? adw_view_stack_get_page (self->view_stack, child) : NULL;

  adw_view_switcher_title_set_title (self->switcher_title,
                                     page != NULL ? adw_view_stack_page_get_title (page) : "");
  fill_shown_view (self);
}

/* Timing */

/* Runs once layout and drawing (which have a higher priority) are done. */
static gboolean
report_ready (gpointer user_data)
{
  gint64 *start = user_data;

  g_printerr ("child-page-ready-ms: %.1f\n", (g_get_monotonic_time () - *start) / 1000.0);
  return G_SOURCE_REMOVE;
}

/* @own_us: the summary, cards and history, without the sessions and dates views. */
static void
report_timing (KitChildPage *self, gint64 start, gint64 own_us)
{
  GListModel *all = gtk_slice_list_model_get_model (self->history_slice);
  guint n = all != NULL ? g_list_model_get_n_items (all) : 0;

  g_printerr ("child-page-set-child-ms: %.1f (%u changes; %.1f without sessions and dates)\n",
              (g_get_monotonic_time () - start) / 1000.0, n, own_us / 1000.0);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, report_ready, g_memdup2 (&start, sizeof start),
                   g_free);
}

/* Overrides */

static void
kit_child_page_dispose (GObject *object)
{
  KitChildPage *self = KIT_CHILD_PAGE (object);

  kit_app_follow_store (self, &self->store, &self->changed_id, NULL, NULL);
  g_clear_object (&self->arrangements);
  g_clear_object (&self->letters);
  g_clear_pointer (&self->changes_by_id, g_hash_table_unref);
  g_clear_object (&self->history_slice);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_CHILD_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_child_page_parent_class)->dispose (object);
}

static void
kit_child_page_finalize (GObject *object)
{
  KitChildPage *self = KIT_CHILD_PAGE (object);

  g_array_unref (self->filter_ids);
  G_OBJECT_CLASS (kit_child_page_parent_class)->finalize (object);
}

static void
kit_child_page_class_init (KitChildPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_child_page_dispose;
  object_class->finalize = kit_child_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-child-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, facts_label);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, order_label);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, diary_button);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, intact_box);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, intact_image);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, intact_label);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, arrangements_list);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, arrangements_box);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, arrangements_empty);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, history_selection);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, history_scroller);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, history_empty);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, older_button);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, sessions_view);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, dates_view);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, letters_list);
  gtk_widget_class_bind_template_child (widget_class, KitChildPage, letters_empty);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_history_edge);
  gtk_widget_class_bind_template_callback (widget_class, show_older);

  gtk_widget_class_install_action (widget_class, "child.new-arrangement", NULL,
                                   new_arrangement_action);
  gtk_widget_class_install_action (widget_class, "child.record-change", "x",
                                   record_change_action);
  gtk_widget_class_install_action (widget_class, "child.edit-arrangement", "x",
                                   edit_arrangement_action);
  gtk_widget_class_install_action (widget_class, "child.show-history", "x", show_history_action);
  gtk_widget_class_install_action (widget_class, "child.add-follow-up", "x",
                                   add_follow_up_action);
  gtk_widget_class_install_action (widget_class, "child.edit-follow-up", "(xx)",
                                   edit_follow_up_action);
  gtk_widget_class_install_action (widget_class, "child.correct-change", "x",
                                   correct_change_action);
  gtk_widget_class_install_action (widget_class, "child.write-letter", "(sx)",
                                   write_letter_action);
  gtk_widget_class_install_action (widget_class, "child.print-again", "x", print_again_action);
  gtk_widget_class_install_action (widget_class, "child.history-report", NULL,
                                   history_report_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (KIT_TYPE_SESSIONS_VIEW);
  g_type_ensure (KIT_TYPE_DATES_VIEW);
}

static void
kit_child_page_init (KitChildPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->filter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->changes_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->history_view, factory);
  g_object_unref (factory);
  self->history_slice = gtk_slice_list_model_new (NULL, 0, HISTORY_PAGE);
  gtk_no_selection_set_model (self->history_selection, G_LIST_MODEL (self->history_slice));
  on_view_changed (self);
}

/* Public API */

GtkWidget *
kit_child_page_new (void)
{
  return g_object_new (KIT_TYPE_CHILD_PAGE, NULL);
}

void
kit_child_page_set_store (KitChildPage *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_CHILD_PAGE (self));

  if (store == self->store)
    return;
  kit_app_follow_store (self, &self->store, &self->changed_id, store,
                        G_CALLBACK (on_store_changed));
  kit_sessions_view_set_store (self->sessions_view, store);
  kit_dates_view_set_store (self->dates_view, store);
  if (store == NULL)
    self->child_id = 0;
  refresh (self);
}

void
kit_child_page_set_child (KitChildPage *self, gint64 child_id)
{
  gint64 start = g_get_monotonic_time ();
  gint64 own_us;

  g_return_if_fail (KIT_IS_CHILD_PAGE (self));

  if (child_id != self->child_id)
    {
      self->filter_id = 0;
      gtk_slice_list_model_set_size (self->history_slice, HISTORY_PAGE);
      adw_view_stack_set_visible_child_name (self->view_stack, "now");
    }
  self->child_id = child_id;
  refresh (self);
  own_us = g_get_monotonic_time () - start;
  fill_shown_view (self);
  if (g_strcmp0 (g_getenv ("KIT_DEBUG_TIMING"), "1") == 0)
    report_timing (self, start, own_us);
}

gint64
kit_child_page_get_child (KitChildPage *self)
{
  g_return_val_if_fail (KIT_IS_CHILD_PAGE (self), 0);
  return self->child_id;
}

KitStore *
kit_child_page_get_store (KitChildPage *self)
{
  g_return_val_if_fail (KIT_IS_CHILD_PAGE (self), NULL);
  return self->store;
}
