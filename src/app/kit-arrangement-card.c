/* kit-arrangement-card.c — one contact arrangement in plain words. Its
 * buttons activate the child page's actions (child.record-change,
 * child.edit-arrangement, child.show-history, child.write-letter for a
 * request for a review) with the arrangement's id. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-arrangement-card.h"
#include "kit-date.h"
#include "kit-vocab.h"

struct _KitArrangementCard
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  GtkLabel *status_label;
  GtkLabel *body_label;
  GtkLabel *start_label;
  GtkWidget *never_box;
  GtkLabel *review_label;
  GtkLabel *notes_label;
  GtkButton *change_button;
  GtkButton *review_button;
  GtkMenuButton *menu_button;

  KitArrangement *arrangement;
};

G_DEFINE_FINAL_TYPE (KitArrangementCard, kit_arrangement_card, GTK_TYPE_WIDGET)

static void
show_status (KitArrangementCard *self)
{
  static const char *const classes[] = { "kit-status-proposed", "kit-status-active",
                                         "kit-status-paused", "kit-status-stopped" };
  const char *status = kit_arrangement_get_status (self->arrangement);
  g_autofree char *css = g_strdup_printf ("kit-status-%s", status != NULL ? status : "active");

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), css);
  gtk_label_set_label (self->status_label, kit_vocab_label (KIT_VOCAB_STATUS, status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label),
                               kit_vocab_help (KIT_VOCAB_STATUS, status));
}

static void
show_review (KitArrangementCard *self)
{
  const char *last = kit_arrangement_get_last_reviewed (self->arrangement);
  const char *next = kit_arrangement_get_next_review (self->arrangement);
  g_autofree char *last_text = kit_date_format (last);
  g_autofree char *next_text = kit_date_format (next);
  g_autofree char *text = NULL;
  gboolean never = kit_date_is_unset (last);

  gtk_widget_set_visible (self->never_box, never);
  if (!never && !kit_date_is_unset (next))
    /* Translators: "Last reviewed 3 May 2024 · next review due 3 May 2025" */
    text = g_strdup_printf (_("Last reviewed %s · next review due %s"), last_text, next_text);
  else if (!never)
    text = g_strdup_printf (_("Last reviewed %s"), last_text);
  else if (!kit_date_is_unset (next))
    text = g_strdup_printf (_("A first review is due %s"), next_text);
  gtk_label_set_label (self->review_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->review_label), text != NULL);
}

/* Built when the menu is first opened (cards are remade on every change). */
static void
create_menu (GtkMenuButton *button, gpointer user_data)
{
  KitArrangementCard *self = KIT_ARRANGEMENT_CARD (user_data);
  gint64 id = kit_arrangement_get_id (self->arrangement);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit details"), NULL);
  g_autoptr(GMenuItem) history = g_menu_item_new (_("_Show its history"), NULL);
  /* Most arrangements are never reviewed; she can ask at any time. */
  g_autoptr(GMenuItem) review = g_menu_item_new (_("_Request a review of contact…"), NULL);

  g_menu_item_set_action_and_target_value (edit, "child.edit-arrangement",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (history, "child.show-history",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (review, "child.write-letter",
                                           g_variant_new ("(sx)", "review", id));
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, history);
  g_menu_append_item (menu, review);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
show_arrangement (KitArrangementCard *self)
{
  KitArrangement *a = self->arrangement;
  gint64 id = kit_arrangement_get_id (a);
  g_autofree char *body = kit_arrangement_describe (a);
  g_autofree char *start = kit_date_format (kit_arrangement_get_start_date (a));
  g_autofree char *start_text = NULL;
  const char *notes = kit_arrangement_get_notes (a);
  const char *title = kit_arrangement_get_title (a);
  g_autofree char *more_label = g_strdup_printf (_("More about %s"), title);

  gtk_label_set_label (self->title_label, title);
  show_status (self);
  gtk_label_set_label (self->body_label, body != NULL ? body : "");
  if (*start != '\0')
    start_text = g_strdup_printf (_("Started %s"), start);
  gtk_label_set_label (self->start_label, start_text != NULL ? start_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->start_label), start_text != NULL);
  show_review (self);
  gtk_label_set_label (self->notes_label, notes != NULL ? notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes != NULL && *notes != '\0');
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->change_button),
                                          g_variant_new_int64 (id));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->review_button),
                                          g_variant_new ("(sx)", "review", id));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, more_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
kit_arrangement_card_dispose (GObject *object)
{
  KitArrangementCard *self = KIT_ARRANGEMENT_CARD (object);

  g_clear_object (&self->arrangement);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_ARRANGEMENT_CARD);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_arrangement_card_parent_class)->dispose (object);
}

static void
kit_arrangement_card_class_init (KitArrangementCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_arrangement_card_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/keepintouch/KeepInTouch/kit-arrangement-card.ui");
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, body_label);
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, start_label);
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, never_box);
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, review_label);
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, notes_label);
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, change_button);
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, review_button);
  gtk_widget_class_bind_template_child (widget_class, KitArrangementCard, menu_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kit_arrangement_card_init (KitArrangementCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_arrangement_card_new (KitArrangement *arrangement)
{
  KitArrangementCard *self;

  g_return_val_if_fail (KIT_IS_ARRANGEMENT (arrangement), NULL);
  self = g_object_new (KIT_TYPE_ARRANGEMENT_CARD, NULL);
  self->arrangement = g_object_ref (arrangement);
  show_arrangement (self);
  return GTK_WIDGET (self);
}
