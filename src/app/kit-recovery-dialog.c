/* kit-recovery-dialog.c — opens a record with its recovery key and sets a new passphrase. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-recovery-dialog.h"
#include "kit-secure.h"

struct _KitRecoveryDialog
{
  AdwWindow parent_instance;

  GtkButton *open_button;
  GtkWidget *form_box;
  AdwEntryRow *key_row;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel *message_label;
  GtkSpinner *spinner;

  char *path;
  gboolean busy;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (KitRecoveryDialog, kit_recovery_dialog, ADW_TYPE_WINDOW)

enum { RECOVERED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  char *path;
  KitSecret *key;
  KitSecret *passphrase;
} RecoverData;

static void
recover_data_free (RecoverData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->key, kit_secret_free);
  g_clear_pointer (&data->passphrase, kit_secret_free);
  g_free (data);
}

static void
recover_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RecoverData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = NULL;
  KitKdfParams kdf_buf;

  vault = kit_vault_open_with_recovery_key (data->path, data->key, &error);
  if (vault == NULL ||
      !kit_vault_change_passphrase (vault, data->passphrase, kit_app_kdf_params (&kdf_buf),
                                    &error))
    {
      if (vault != NULL)
        kit_vault_close (vault, TRUE, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&vault), g_object_unref);
}

static void
set_busy (KitRecoveryDialog *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->form_box, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), !busy);
}

static void
show_message (KitRecoveryDialog *self, const char *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static gboolean
is_ready (KitRecoveryDialog *self)
{
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  const char *pass = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));

  return *key != '\0' && *pass != '\0' && g_strcmp0 (pass, again) == 0;
}

static void
on_changed (KitRecoveryDialog *self)
{
  const char *pass = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));

  if (*again != '\0' && g_strcmp0 (pass, again) != 0)
    show_message (self, _("The two passphrases are not the same yet."));
  else
    show_message (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), is_ready (self) && !self->busy);
}

static void
on_recover_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  KitRecoveryDialog *self = KIT_RECOVERY_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (vault == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_WRONG_PASSPHRASE))
        message = g_strdup (_("That recovery key didn't open this record. "
                              "Please check it and try again."));
      else
        message = kit_app_open_error_message (error);
      show_message (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
      return;
    }
  g_signal_emit (self, signals[RECOVERED], 0, vault);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_open_clicked (KitRecoveryDialog *self)
{
  g_autoptr(GTask) task = NULL;
  RecoverData *data;

  if (self->busy || !is_ready (self))
    return;
  data = g_new0 (RecoverData, 1);
  data->path = g_strdup (self->path);
  data->key = kit_secret_new_normalized (gtk_editable_get_text (GTK_EDITABLE (self->key_row)));
  data->passphrase =
    kit_secret_new_normalized (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  if (data->key == NULL || data->passphrase == NULL)
    {
      recover_data_free (data);
      return;
    }
  show_message (self, NULL);
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_recover_done, NULL);
  g_task_set_source_tag (task, on_open_clicked);
  g_task_set_task_data (task, data, (GDestroyNotify) recover_data_free);
  g_task_run_in_thread (task, recover_thread);
}

static void
kit_recovery_dialog_dispose (GObject *object)
{
  KitRecoveryDialog *self = KIT_RECOVERY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_RECOVERY_DIALOG);
  G_OBJECT_CLASS (kit_recovery_dialog_parent_class)->dispose (object);
}

static void
kit_recovery_dialog_finalize (GObject *object)
{
  KitRecoveryDialog *self = KIT_RECOVERY_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->path);
  G_OBJECT_CLASS (kit_recovery_dialog_parent_class)->finalize (object);
}

static void
kit_recovery_dialog_class_init (KitRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_recovery_dialog_dispose;
  object_class->finalize = kit_recovery_dialog_finalize;

  signals[RECOVERED] = g_signal_new ("recovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, KIT_TYPE_VAULT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/keepintouch/KeepInTouch/kit-recovery-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kit_recovery_dialog_init (KitRecoveryDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_recovery_dialog_new (GtkWindow *parent, const char *path)
{
  KitRecoveryDialog *self = g_object_new (KIT_TYPE_RECOVERY_DIALOG, "transient-for", parent,
                                          NULL);

  self->path = g_strdup (path);
  return GTK_WIDGET (self);
}
