/* kit-review-dialog.c — asks for the record's passphrase before Review
 * together turns off. The check runs off the main thread (it derives the
 * key); a wrong passphrase leaves Review together on and says so plainly. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-error.h"
#include "kit-form-helpers.h"
#include "kit-review-dialog.h"

struct _KitReviewDialog
{
  AdwWindow parent_instance;

  GtkWidget *entry;
  GtkLabel *error;
  GtkWidget *off_button;
  GtkWidget *spinner;

  KitVault *vault;
  KitStore *store;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (KitReviewDialog, kit_review_dialog, ADW_TYPE_WINDOW)

static void
set_busy (KitReviewDialog *self, gboolean busy)
{
  gtk_widget_set_sensitive (self->entry, !busy);
  gtk_widget_set_sensitive (self->off_button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
on_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(KitReviewDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;

  if (!kit_vault_check_passphrase_finish (KIT_VAULT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      if (!g_error_matches (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_WRONG_PASSPHRASE))
        g_warning ("Checking the passphrase failed: %s", error->message);
      kit_form_show_error (self->error,
                           g_error_matches (error, KIT_RECORD_ERROR,
                                            KIT_RECORD_ERROR_WRONG_PASSPHRASE)
                             ? _("That isn't the passphrase of this record, so Review together "
                                 "stays on.")
                             : _("The passphrase couldn't be checked just now, so Review "
                                 "together stays on."));
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      gtk_widget_grab_focus (self->entry);
      return;
    }
  if (self->store == NULL)
    return;
  if (!kit_store_set_review_mode (self->store, FALSE, &store_error))
    {
      set_busy (self, FALSE);
      g_warning ("Turning Review together off failed: %s", store_error->message);
      kit_form_show_error (self->error, _("Review together couldn't be turned off just now."));
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
submit (KitReviewDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (self->vault == NULL || gtk_widget_get_visible (self->spinner))
    return;
  if (text == NULL || *text == '\0')
    {
      kit_form_show_error (self->error, _("Please type the passphrase of this record."));
      return;
    }
  kit_form_show_error (self->error, NULL);
  set_busy (self, TRUE);
  kit_vault_check_passphrase_async (self->vault, text, self->cancellable, on_checked,
                                    g_object_ref (self));
}

static void
on_off_clicked (GtkButton *button, KitReviewDialog *self)
{
  submit (self);
}

static void
on_entry_activate (GtkWidget *entry, KitReviewDialog *self)
{
  submit (self);
}

static void
kit_review_dialog_dispose (GObject *object)
{
  KitReviewDialog *self = KIT_REVIEW_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->vault);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (kit_review_dialog_parent_class)->dispose (object);
}

static void
kit_review_dialog_class_init (KitReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_review_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kit_review_dialog_init (KitReviewDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new (_("Turn off Review together?"));
  GtkWidget *body = gtk_label_new (_("Your private diary shows again. Type the passphrase of "
                                     "this record, so that only you can do this."));
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->cancellable = g_cancellable_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Turn Off Review Together"));
  gtk_window_set_default_size (GTK_WINDOW (self), 440, -1);

  self->off_button = gtk_button_new_with_mnemonic (_("_Turn Off"));
  gtk_widget_add_css_class (self->off_button, "suggested-action");
  g_signal_connect (self->off_button, "clicked", G_CALLBACK (on_off_clicked), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->off_button);
  /* The heading below says it, and at 360 px there is no room beside two buttons. */
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("", NULL));

  gtk_widget_add_css_class (heading, "title-3");
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_xalign (GTK_LABEL (body), 0);

  self->entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (self->entry), TRUE);
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrase"), -1);
  g_object_set (self->entry, "placeholder-text", _("Passphrase"), NULL);
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_box_append (GTK_BOX (row), self->entry);
  gtk_box_append (GTK_BOX (row), self->spinner);

  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);

  gtk_box_append (GTK_BOX (content), heading);
  gtk_box_append (GTK_BOX (content), body);
  gtk_box_append (GTK_BOX (content), row);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error));
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 24);
  gtk_widget_set_margin_start (clamp, 18);
  gtk_widget_set_margin_end (clamp, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->off_button);
}

GtkWidget *
kit_review_dialog_new (GtkWindow *parent, KitVault *vault, KitStore *store)
{
  KitReviewDialog *self;

  g_return_val_if_fail (KIT_IS_VAULT (vault), NULL);
  g_return_val_if_fail (KIT_IS_STORE (store), NULL);

  self = g_object_new (KIT_TYPE_REVIEW_DIALOG, "transient-for", parent, NULL);
  self->vault = g_object_ref (vault);
  self->store = g_object_ref (store);
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  gtk_widget_grab_focus (self->entry);
  return GTK_WIDGET (self);
}

void
kit_review_dialog_submit (KitReviewDialog *self, const char *passphrase)
{
  g_return_if_fail (KIT_IS_REVIEW_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), passphrase);
  submit (self);
}

const char *
kit_review_dialog_get_error (KitReviewDialog *self)
{
  g_return_val_if_fail (KIT_IS_REVIEW_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error)
                                                          : "";
}
