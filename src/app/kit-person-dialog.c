/* kit-person-dialog.c — add, edit or delete one person in the address book.
 * The store checks what she typed; the message goes beside the field. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-error.h"
#include "kit-form-helpers.h"
#include "kit-person-dialog.h"

struct _KitPersonDialog
{
  AdwWindow parent_instance;

  GtkLabel *general_error;
  AdwEntryRow *name_row;
  GtkLabel *name_error;
  AdwEntryRow *role_row;
  AdwEntryRow *organisation_row;
  GtkTextView *address_view;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  GtkLabel *email_error;
  GtkTextView *notes_view;
  GtkButton *delete_button;
  GtkButton *save_button;

  KitStore *store;
  KitPerson *person;   /* the copy being edited; id 0 when new */
};

G_DEFINE_FINAL_TYPE (KitPersonDialog, kit_person_dialog, ADW_TYPE_WINDOW)

enum { SAVED, DELETED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_errors (KitPersonDialog *self)
{
  kit_form_show_error (self->general_error, NULL);
  kit_form_show_error (self->name_error, NULL);
  kit_form_show_error (self->email_error, NULL);
}

static void
show_save_error (KitPersonDialog *self, const GError *error)
{
  const KitFormField fields[] = {
    { KIT_INPUT_ERROR_NAME, self->name_error, GTK_WIDGET (self->name_row) },
    { KIT_INPUT_ERROR_EMAIL, self->email_error, GTK_WIDGET (self->email_row) },
  };

  kit_form_show_save_error (error, fields, G_N_ELEMENTS (fields), self->general_error);
}

static void
set_entry_text (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitPersonDialog *self = KIT_PERSON_DIALOG (widget);
  g_autoptr(KitPerson) person = kit_person_copy (self->person);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = kit_form_entry_text (self->name_row);
  g_autofree char *role = kit_form_entry_text (self->role_row);
  g_autofree char *organisation = kit_form_entry_text (self->organisation_row);
  g_autofree char *address = kit_form_text_view_get (self->address_view);
  g_autofree char *phone = kit_form_entry_text (self->phone_row);
  g_autofree char *email = kit_form_entry_text (self->email_row);
  g_autofree char *notes = kit_form_text_view_get (self->notes_view);

  clear_errors (self);
  kit_person_set_name (person, name != NULL ? name : "");
  kit_person_set_role (person, role);
  kit_person_set_organisation (person, organisation);
  kit_person_set_address (person, *address != '\0' ? address : NULL);
  kit_person_set_phone (person, phone);
  kit_person_set_email (person, email);
  kit_person_set_notes (person, *notes != '\0' ? notes : NULL);
  if (!kit_store_save_person (self->store, person, &error))
    {
      show_save_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, kit_person_get_id (person));
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_later (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_delete_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  KitPersonDialog *self = KIT_PERSON_DIALOG (user_data);
  g_autoptr(GError) error = NULL;
  gint64 id = kit_person_get_id (self->person);

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!kit_store_remove_person (self->store, id, &error))
    {
      g_warning ("Deleting a person failed: %s", error->message);
      kit_form_show_error (self->general_error,
                           _("This couldn't be deleted. Nothing was changed. Please try again."));
      return;
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  /* Not while the question, which stands over this dialog, is still answering. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitPersonDialog *self = KIT_PERSON_DIALOG (widget);
  const char *name = kit_person_get_name (self->person);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (kit_person_get_id (self->person) == 0)
    return;
  /* Translators: %s is a person's name. */
  heading = g_strdup_printf (_("Delete %s from the address book?"), name);
  body = g_strdup_printf (_("Any contact arrangement that names %s as its coordinator or "
                            "supervisor will show nobody there instead. The arrangements "
                            "and their history stay as they are."),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_name_changed (KitPersonDialog *self)
{
  kit_form_show_error (self->name_error, NULL);
}

static void
on_email_changed (KitPersonDialog *self)
{
  kit_form_show_error (self->email_error, NULL);
}

static void
fill (KitPersonDialog *self)
{
  KitPerson *person = self->person;
  gboolean editing = kit_person_get_id (person) != 0;

  set_entry_text (self->name_row, kit_person_get_name (person));
  set_entry_text (self->role_row, kit_person_get_role (person));
  set_entry_text (self->organisation_row, kit_person_get_organisation (person));
  kit_form_text_view_set (self->address_view, kit_person_get_address (person));
  set_entry_text (self->phone_row, kit_person_get_phone (person));
  set_entry_text (self->email_row, kit_person_get_email (person));
  kit_form_text_view_set (self->notes_view, kit_person_get_notes (person));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.delete", editing);
  gtk_window_set_title (GTK_WINDOW (self), editing ? _("Edit Person")
                                                   : _("Add a Person"));
  clear_errors (self);
}

static void
kit_person_dialog_dispose (GObject *object)
{
  KitPersonDialog *self = KIT_PERSON_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->person);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_PERSON_DIALOG);
  G_OBJECT_CLASS (kit_person_dialog_parent_class)->dispose (object);
}

static void
kit_person_dialog_class_init (KitPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_person_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, address_view);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, email_error);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KitPersonDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_email_changed);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kit_person_dialog_init (KitPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kit_app_name_rows (GTK_WIDGET (self));
  kit_app_add_save_shortcut (GTK_WIDGET (self), "dialog.save");
}

GtkWidget *
kit_person_dialog_new (GtkWindow *parent, KitStore *store, KitPerson *person)
{
  KitPersonDialog *self;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || KIT_IS_PERSON (person), NULL);

  self = g_object_new (KIT_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->person = person != NULL ? kit_person_copy (person) : kit_person_new ();
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  return GTK_WIDGET (self);
}
