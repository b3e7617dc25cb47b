/* kit-follow-up-dialog.c — adds or edits a follow-up of a change: the day an
 * explanation was asked for, the day the answer came and what it said. Dates
 * are typed; a date that is not real, or an answer before the request, gets a
 * message beside the field and nothing is saved. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-confirm.h"
#include "kit-date.h"
#include "kit-error.h"
#include "kit-follow-up-dialog.h"
#include "kit-form-helpers.h"

struct _KitFollowUpDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *requested_row;
  GtkLabel *requested_error;
  AdwEntryRow *answered_row;
  GtkLabel *answered_error;
  GtkTextView *answer_view;
  GtkLabel *save_error;
  GtkButton *remove_button;

  KitStore *store;
  KitFollowUp *follow_up;
};

G_DEFINE_FINAL_TYPE (KitFollowUpDialog, kit_follow_up_dialog, ADW_TYPE_WINDOW)

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitFollowUpDialog *self = KIT_FOLLOW_UP_DIALOG (widget);
  g_autofree char *requested = NULL;
  g_autofree char *answered = NULL;
  g_autofree char *answer = kit_form_text_view_get (self->answer_view);
  g_autoptr(KitFollowUp) follow_up = kit_follow_up_copy (self->follow_up);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  kit_form_show_error (self->save_error, NULL);
  if (!kit_form_read_date (self->requested_row, self->requested_error, FALSE, &requested) ||
      !kit_form_read_date (self->answered_row, self->answered_error, FALSE, &answered))
    return;
  if (requested == NULL && answered == NULL)
    {
      kit_form_show_error (self->requested_error,
                           _("Please type the day you asked for an explanation, or the day an "
                             "answer came."));
      gtk_widget_grab_focus (GTK_WIDGET (self->requested_row));
      return;
    }
  kit_follow_up_set_requested_date (follow_up, requested);
  kit_follow_up_set_answered_date (follow_up, answered);
  kit_follow_up_set_answer (follow_up, answer);
  if (!kit_store_save_follow_up (self->store, follow_up, &error))
    {
      /* The store says which date is wrong in its words; put it under the answer's
       * date when there is one, since that is the one compared. */
      const KitFormField fields[] = {
        { KIT_INPUT_ERROR_FOLLOW_UP_DATE,
          answered != NULL ? self->answered_error : self->requested_error,
          GTK_WIDGET (answered != NULL ? self->answered_row : self->requested_row) },
      };

      kit_form_show_save_error (error, fields, G_N_ELEMENTS (fields), self->save_error);
      return;
    }
  kit_form_toast (parent != NULL ? GTK_WIDGET (parent) : NULL, _("Follow-up saved"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
destroy_later (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
remove_confirmed (GtkWidget *widget, gint64 id)
{
  KitFollowUpDialog *self = KIT_FOLLOW_UP_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!kit_store_remove_follow_up (self->store, id, &error))
    {
      g_warning ("Removing a follow-up failed: %s", error->message);
      kit_form_show_error (self->save_error, _("This could not be removed. Please try again."));
      return;
    }
  /* Not while the question, which stands over this dialog, is still answering. */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_later, g_object_ref (self), g_object_unref);
}

/* What she wrote about asking for an explanation goes for good: ask first. */
static void
remove_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitFollowUpDialog *self = KIT_FOLLOW_UP_DIALOG (widget);

  kit_confirm_remove (widget, _("Remove This Follow-up?"),
                      _("The request and any answer noted here will be taken out of the "
                        "record. The change itself stays as it is."),
                      remove_confirmed, kit_follow_up_get_id (self->follow_up));
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
on_entry_activated (KitFollowUpDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "follow-up.save", NULL);
}

static void
kit_follow_up_dialog_dispose (GObject *object)
{
  KitFollowUpDialog *self = KIT_FOLLOW_UP_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->follow_up);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_FOLLOW_UP_DIALOG);
  G_OBJECT_CLASS (kit_follow_up_dialog_parent_class)->dispose (object);
}

static void
kit_follow_up_dialog_class_init (KitFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_follow_up_dialog_dispose;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/keepintouch/KeepInTouch/kit-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KitFollowUpDialog, requested_row);
  gtk_widget_class_bind_template_child (widget_class, KitFollowUpDialog, requested_error);
  gtk_widget_class_bind_template_child (widget_class, KitFollowUpDialog, answered_row);
  gtk_widget_class_bind_template_child (widget_class, KitFollowUpDialog, answered_error);
  gtk_widget_class_bind_template_child (widget_class, KitFollowUpDialog, answer_view);
  gtk_widget_class_bind_template_child (widget_class, KitFollowUpDialog, save_error);
  gtk_widget_class_bind_template_child (widget_class, KitFollowUpDialog, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_install_action (widget_class, "follow-up.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "follow-up.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "follow-up.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "follow-up.cancel", NULL);
}

static void
kit_follow_up_dialog_init (KitFollowUpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kit_app_add_save_shortcut (GTK_WIDGET (self), "follow-up.save");
  kit_app_name_rows (GTK_WIDGET (self));
}

GtkWidget *
kit_follow_up_dialog_new (GtkWindow *parent, KitStore *store, KitFollowUp *follow_up)
{
  KitFollowUpDialog *self;
  gboolean is_new;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  g_return_val_if_fail (KIT_IS_FOLLOW_UP (follow_up), NULL);

  self = g_object_new (KIT_TYPE_FOLLOW_UP_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->follow_up = kit_follow_up_copy (follow_up);
  is_new = kit_follow_up_get_id (follow_up) == 0;
  if (is_new && kit_date_is_unset (kit_follow_up_get_requested_date (follow_up)))
    {
      g_autofree char *today = kit_date_today ();

      kit_form_set_date (self->requested_row, today);
    }
  else
    kit_form_set_date (self->requested_row, kit_follow_up_get_requested_date (follow_up));
  kit_form_set_date (self->answered_row, kit_follow_up_get_answered_date (follow_up));
  kit_form_text_view_set (self->answer_view, kit_follow_up_get_answer (follow_up));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), !is_new);
  gtk_window_set_title (GTK_WINDOW (self), is_new ? _("Add a follow-up") : _("Edit the follow-up"));
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  return GTK_WIDGET (self);
}
