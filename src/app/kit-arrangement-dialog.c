/* kit-arrangement-dialog.c — edits the details of an arrangement that are
 * not a change to contact (kit_store_save_arrangement_details): coordinator,
 * supervisor, last and next review, an agreed next date, notes. Changes to
 * how often, the kind, the place or the status go through "Something
 * changed" so that they enter the history. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-arrangement-dialog.h"
#include "kit-date.h"
#include "kit-app-util.h"
#include "kit-form-helpers.h"

struct _KitArrangementDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwComboRow *coordinator_row;
  AdwComboRow *supervisor_row;
  AdwEntryRow *last_reviewed_row;
  GtkLabel *last_reviewed_error;
  AdwEntryRow *next_review_row;
  GtkLabel *next_review_error;
  AdwEntryRow *agreed_next_row;
  GtkLabel *agreed_next_error;
  GtkTextView *notes_view;
  GtkLabel *save_error;

  KitStore *store;
  KitArrangement *arrangement;
  GArray *people_ids;
};

G_DEFINE_FINAL_TYPE (KitArrangementDialog, kit_arrangement_dialog, ADW_TYPE_WINDOW)

static gint64
chosen_person (KitArrangementDialog *self, AdwComboRow *row)
{
  guint position = adw_combo_row_get_selected (row);

  return position < self->people_ids->len ? g_array_index (self->people_ids, gint64, position) : 0;
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitArrangementDialog *self = KIT_ARRANGEMENT_DIALOG (widget);
  g_autoptr(KitArrangement) edited = kit_arrangement_copy (self->arrangement);
  g_autofree char *last = NULL;
  g_autofree char *next = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *notes = kit_form_text_view_get (self->notes_view);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *today = kit_date_today ();

  kit_form_show_error (self->save_error, NULL);
  if (!kit_form_read_date (self->last_reviewed_row, self->last_reviewed_error, FALSE, &last) ||
      !kit_form_read_date (self->next_review_row, self->next_review_error, FALSE, &next) ||
      !kit_form_read_date (self->agreed_next_row, self->agreed_next_error, FALSE, &agreed))
    return;
  if (last != NULL && kit_date_compare (last, today) > 0)
    {
      kit_form_show_error (self->last_reviewed_error,
                           _("This date is in the future. When was it last reviewed?"));
      gtk_widget_grab_focus (GTK_WIDGET (self->last_reviewed_row));
      return;
    }
  kit_arrangement_set_coordinator_id (edited, chosen_person (self, self->coordinator_row));
  kit_arrangement_set_supervisor_id (edited, chosen_person (self, self->supervisor_row));
  kit_arrangement_set_last_reviewed (edited, last);
  kit_arrangement_set_next_review (edited, next);
  kit_arrangement_set_agreed_next (edited, agreed);
  kit_arrangement_set_notes (edited, notes);
  if (!kit_store_save_arrangement_details (self->store, edited, &error))
    {
      kit_form_show_save_error (error, NULL, 0, self->save_error);
      return;
    }
  kit_form_toast (parent != NULL ? GTK_WIDGET (parent) : NULL, _("Details saved"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_entry_activated (KitArrangementDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "details.save", NULL);
}

static void
kit_arrangement_dialog_dispose (GObject *object)
{
  KitArrangementDialog *self = KIT_ARRANGEMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->arrangement);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_ARRANGEMENT_DIALOG);
  G_OBJECT_CLASS (kit_arrangement_dialog_parent_class)->dispose (object);
}

static void
kit_arrangement_dialog_finalize (GObject *object)
{
  KitArrangementDialog *self = KIT_ARRANGEMENT_DIALOG (object);

  g_array_unref (self->people_ids);
  G_OBJECT_CLASS (kit_arrangement_dialog_parent_class)->finalize (object);
}

static void
kit_arrangement_dialog_class_init (KitArrangementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_arrangement_dialog_dispose;
  object_class->finalize = kit_arrangement_dialog_finalize;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/keepintouch/KeepInTouch/kit-arrangement-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KitArrangementDialog, name)
  BIND (window_title);
  BIND (coordinator_row);
  BIND (supervisor_row);
  BIND (last_reviewed_row);
  BIND (last_reviewed_error);
  BIND (next_review_row);
  BIND (next_review_error);
  BIND (agreed_next_row);
  BIND (agreed_next_error);
  BIND (notes_view);
  BIND (save_error);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_install_action (widget_class, "details.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "details.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "details.cancel", NULL);
}

static void
kit_arrangement_dialog_init (KitArrangementDialog *self)
{
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  kit_app_add_save_shortcut (GTK_WIDGET (self), "details.save");
  kit_app_name_rows (GTK_WIDGET (self));
}

GtkWidget *
kit_arrangement_dialog_new (GtkWindow *parent, KitStore *store, KitArrangement *arrangement)
{
  KitArrangementDialog *self;
  g_autoptr(GtkStringList) coordinators = NULL;
  g_autoptr(GtkStringList) supervisors = NULL;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (arrangement), NULL);

  self = g_object_new (KIT_TYPE_ARRANGEMENT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->arrangement = kit_arrangement_copy (arrangement);
  coordinators = kit_form_people_model (store, self->people_ids);
  supervisors = kit_form_people_model (store, self->people_ids);
  adw_combo_row_set_model (self->coordinator_row, G_LIST_MODEL (coordinators));
  adw_combo_row_set_model (self->supervisor_row, G_LIST_MODEL (supervisors));
  adw_combo_row_set_selected (self->coordinator_row,
                              kit_form_people_position (self->people_ids,
                                                        kit_arrangement_get_coordinator_id (arrangement)));
  adw_combo_row_set_selected (self->supervisor_row,
                              kit_form_people_position (self->people_ids,
                                                        kit_arrangement_get_supervisor_id (arrangement)));
  kit_form_set_date (self->last_reviewed_row, kit_arrangement_get_last_reviewed (arrangement));
  kit_form_set_date (self->next_review_row, kit_arrangement_get_next_review (arrangement));
  kit_form_set_date (self->agreed_next_row, kit_arrangement_get_agreed_next (arrangement));
  kit_form_text_view_set (self->notes_view, kit_arrangement_get_notes (arrangement));
  adw_window_title_set_subtitle (self->window_title, kit_arrangement_get_title (arrangement));
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  return GTK_WIDGET (self);
}
