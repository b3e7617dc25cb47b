/* kit-unlock-page.c — asks for the passphrase of one record and opens it. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-recovery-dialog.h"
#include "kit-secure.h"
#include "kit-unlock-page.h"

struct _KitUnlockPage
{
  GtkWidget parent_instance;

  GtkLabel *name_label;
  AdwPasswordEntryRow *passphrase_row;
  GtkLabel *message_label;
  GtkWidget *damaged_box;
  GtkLabel *damaged_label;
  GtkButton *backup_button;
  GtkButton *unlock_button;
  GtkSpinner *spinner;
  GtkButton *recovery_button;

  char *path;
  gboolean busy;
  GCancellable *cancellable;

  /* While trying backups, newest first. */
  GPtrArray *backups;
  guint next_backup;
  KitSecret *backup_passphrase;
};

G_DEFINE_FINAL_TYPE (KitUnlockPage, kit_unlock_page, GTK_TYPE_WIDGET)

enum { UNLOCKED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void try_next_backup (KitUnlockPage *self);

static void
set_busy (KitUnlockPage *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recovery_button), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_row), !busy);
}

static void
show_message (KitUnlockPage *self, const char *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
clear_backups (KitUnlockPage *self)
{
  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_clear_pointer (&self->backup_passphrase, kit_secret_free);
  self->next_backup = 0;
}

static void
select_passphrase (KitUnlockPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
  gtk_editable_select_region (GTK_EDITABLE (self->passphrase_row), 0, -1);
}

static void
show_open_error (KitUnlockPage *self, const GError *error)
{
  g_autofree char *message = kit_app_open_error_message (error);

  if (g_error_matches (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_DAMAGED))
    {
      g_autoptr(GPtrArray) backups = kit_vault_list_backups (self->path);
      gboolean have_backups = backups != NULL && backups->len > 0;

      show_message (self, NULL);
      gtk_label_set_label (self->damaged_label,
                           have_backups ? message
                                        : _("This record file is damaged, so it can't be "
                                            "opened. Your passphrase is not the problem. "
                                            "There is no backup of it yet."));
      gtk_widget_set_visible (GTK_WIDGET (self->backup_button), have_backups);
      gtk_widget_set_visible (self->damaged_box, TRUE);
      return;
    }

  gtk_widget_set_visible (self->damaged_box, FALSE);
  show_message (self, message);
  select_passphrase (self);
}

static void
on_open_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(KitUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = kit_vault_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (vault == NULL)
    {
      show_open_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  show_message (self, NULL);
  gtk_widget_set_visible (self->damaged_box, FALSE);
  g_signal_emit (self, signals[UNLOCKED], 0, vault, FALSE);
}

static void
start_open (KitUnlockPage *self, const char *path, const char *passphrase,
            GAsyncReadyCallback callback)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  /* The core copies the passphrase into locked memory at once. */
  kit_vault_open_async (path, passphrase, self->cancellable, callback, g_object_ref (self));
}

static void
on_backup_open_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(KitUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = kit_vault_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (vault == NULL)
    {
      g_debug ("Backup did not open: %s", error->message);
      try_next_backup (self);
      return;
    }

  clear_backups (self);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_widget_set_visible (self->damaged_box, FALSE);
  g_signal_emit (self, signals[UNLOCKED], 0, vault, TRUE);
}

static void
try_next_backup (KitUnlockPage *self)
{
  const char *backup;

  if (self->backups == NULL || self->next_backup >= self->backups->len)
    {
      clear_backups (self);
      gtk_widget_set_visible (GTK_WIDGET (self->backup_button), FALSE);
      gtk_label_set_label (self->damaged_label,
                           _("This record file is damaged, and none of its backups "
                             "opened with this passphrase. If the passphrase was "
                             "changed, try the older one."));
      select_passphrase (self);
      return;
    }
  backup = g_ptr_array_index (self->backups, self->next_backup);
  self->next_backup++;
  start_open (self, backup, self->backup_passphrase, on_backup_open_done);
}

/* The passphrase in the entry, or NULL (having asked for one) when there is
 * nothing to try yet. */
static const char *
typed_passphrase (KitUnlockPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));

  if (self->busy || self->path == NULL)
    return NULL;
  if (*text == '\0')
    {
      show_message (self, _("Please type your passphrase."));
      select_passphrase (self);
      return NULL;
    }
  return text;
}

static void
on_backup_clicked (KitUnlockPage *self)
{
  const char *text = typed_passphrase (self);

  if (text == NULL)
    return;
  clear_backups (self);
  self->backups = kit_vault_list_backups (self->path);
  self->backup_passphrase = kit_secret_new_normalized (text);
  if (self->backup_passphrase == NULL)
    {
      clear_backups (self);
      return;
    }
  try_next_backup (self);
}

static void
on_unlock_clicked (KitUnlockPage *self)
{
  const char *text = typed_passphrase (self);

  if (text == NULL)
    return;
  kit_unlock_page_unlock (self, text);
}

static void
on_passphrase_changed (KitUnlockPage *self)
{
  if (!self->busy)
    show_message (self, NULL);
}

static void
on_recovered (KitRecoveryDialog *dialog, KitVault *vault, gpointer user_data)
{
  KitUnlockPage *self = KIT_UNLOCK_PAGE (user_data);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  show_message (self, NULL);
  gtk_widget_set_visible (self->damaged_box, FALSE);
  g_signal_emit (self, signals[UNLOCKED], 0, vault, FALSE);
}

static void
on_recovery_clicked (KitUnlockPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->busy || self->path == NULL)
    return;
  dialog = kit_recovery_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->path);
  g_signal_connect_object (dialog, "recovered", G_CALLBACK (on_recovered), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kit_unlock_page_dispose (GObject *object)
{
  KitUnlockPage *self = KIT_UNLOCK_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_backups (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_UNLOCK_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_unlock_page_parent_class)->dispose (object);
}

static void
kit_unlock_page_finalize (GObject *object)
{
  KitUnlockPage *self = KIT_UNLOCK_PAGE (object);

  g_free (self->path);
  G_OBJECT_CLASS (kit_unlock_page_parent_class)->finalize (object);
}

static void
kit_unlock_page_class_init (KitUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_unlock_page_dispose;
  object_class->finalize = kit_unlock_page_finalize;

  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, KIT_TYPE_VAULT,
                                    G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitUnlockPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KitUnlockPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, KitUnlockPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, KitUnlockPage, damaged_box);
  gtk_widget_class_bind_template_child (widget_class, KitUnlockPage, damaged_label);
  gtk_widget_class_bind_template_child (widget_class, KitUnlockPage, backup_button);
  gtk_widget_class_bind_template_child (widget_class, KitUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, KitUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KitUnlockPage, recovery_button);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_recovery_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_unlock_page_init (KitUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_unlock_page_new (void)
{
  return g_object_new (KIT_TYPE_UNLOCK_PAGE, NULL);
}

void
kit_unlock_page_set_path (KitUnlockPage *self, const char *path)
{
  g_autofree char *name = NULL;

  g_return_if_fail (KIT_IS_UNLOCK_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  set_busy (self, FALSE);
  clear_backups (self);
  if (path != self->path)
    {
      g_free (self->path);
      self->path = g_strdup (path);
    }
  name = kit_app_record_display_name (path);
  gtk_label_set_label (self->name_label, name);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  show_message (self, NULL);
  gtk_widget_set_visible (self->damaged_box, FALSE);
}

const char *
kit_unlock_page_get_path (KitUnlockPage *self)
{
  g_return_val_if_fail (KIT_IS_UNLOCK_PAGE (self), NULL);
  return self->path;
}

void
kit_unlock_page_focus (KitUnlockPage *self)
{
  g_return_if_fail (KIT_IS_UNLOCK_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
}

void
kit_unlock_page_unlock (KitUnlockPage *self, const char *passphrase)
{
  g_return_if_fail (KIT_IS_UNLOCK_PAGE (self));
  g_return_if_fail (passphrase != NULL);

  if (self->busy || self->path == NULL)
    return;
  show_message (self, NULL);
  gtk_widget_set_visible (self->damaged_box, FALSE);
  start_open (self, self->path, passphrase, on_open_done);
}
