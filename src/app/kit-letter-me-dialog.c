/* kit-letter-me-dialog.c — asks for her own name and address, which letters
 * from or to her need (kept in the record: kit_store_set_me ()). Save is
 * offered only once a name is typed. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-confirm.h"
#include "kit-letter-me-dialog.h"

static void
on_me_name_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

static void
on_me_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  KitStore *store = KIT_STORE (user_data);
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "name-entry");
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "address-view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "save") != 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  address = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  /* The letter asks again when it is next printed or saved; she is told now. */
  if (!kit_store_set_me (store, name, address, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

      g_warning ("Her name and address could not be kept: %s", error->message);
      if (parent != NULL)
        kit_confirm_show_error (GTK_WIDGET (parent),
                                _("Your name and address couldn't be kept just now. Please "
                                  "try again."));
    }
}

static GtkWidget *
me_form (AdwMessageDialog *dialog, const char *name, const char *address)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name_label = gtk_label_new_with_mnemonic (_("Your _name"));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *address_label = gtk_label_new_with_mnemonic (_("Your _address"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_xalign (GTK_LABEL (address_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (name_label), entry);
  gtk_label_set_mnemonic_widget (GTK_LABEL (address_label), view);
  gtk_editable_set_text (GTK_EDITABLE (entry), name != NULL ? name : "");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  name_label, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  address_label, NULL, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 90);
  g_object_set (view, "top-margin", 6, "bottom-margin", 6, "left-margin", 6, "right-margin", 6,
                NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            address != NULL ? address : "", -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), address_label);
  gtk_box_append (GTK_BOX (box), frame);
  g_object_set_data (G_OBJECT (dialog), "name-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "address-view", view);
  g_signal_connect (entry, "changed", G_CALLBACK (on_me_name_changed), dialog);
  return box;
}

GtkWidget *
kit_letter_me_dialog_new (GtkWindow *parent, KitStore *store)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;
  GtkWidget *dialog = adw_message_dialog_new (
    parent, _("Your name and address"),
    _("They go on letters from you, so the reply comes back to you. "
      "They are kept only in this record."));

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);

  kit_store_get_me (store, &name, &address);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      me_form (ADW_MESSAGE_DIALOG (dialog), name, address));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save",
                                           name != NULL && *name != '\0');
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_me_response), store, 0);
  return dialog;
}
