/* kit-letter-offer.c — after a change is recorded, the question whether to
 * write a letter about it (DESIGN §5): a request for reasons comes first
 * when no reason or only part of one was given. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-letter-dialog.h"
#include "kit-letter-offer.h"

static void
on_offer_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  KitStore *store = g_object_get_data (G_OBJECT (dialog), "store");
  gint64 *change_id = g_object_get_data (G_OBJECT (dialog), "change-id");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  KitLetterKind kind;
  KitLetterRequest request;

  if (!kit_letter_kind_from_string (response, &kind) || store == NULL || change_id == NULL)
    return;
  kit_letter_request_init (&request, kind);
  request.change_id = *change_id;
  gtk_window_present (GTK_WINDOW (kit_letter_dialog_new (parent, store, &request)));
}

void
kit_letter_offer_show (GtkWindow *parent, KitStore *store, KitChange *change)
{
  const char *given = kit_change_get_reason_given (change);
  gboolean no_reason = g_strcmp0 (given, "no") == 0;
  gboolean short_of_reason = no_reason || g_strcmp0 (given, "partly") == 0;
  GtkWidget *dialog;

  g_return_if_fail (KIT_IS_STORE (store));
  g_return_if_fail (KIT_IS_CHANGE (change));

  dialog = adw_message_dialog_new (
    parent, _("Write a letter about this change?"),
    no_reason ? _("No reason was given. A request for reasons asks, in writing, "
                  "why contact changed. You can also write an explanation of the change to "
                  "keep.")
    : short_of_reason ? _("Only part of the reason was given. A request for reasons "
                          "asks, in writing, why contact changed. You can also write an "
                          "explanation of the change to keep.")
                      : _("An explanation of a change is a letter for you to keep, saying what "
                        "changed and why. You can write one now or later, from the history."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "not-now", _("_Not now"),
                                    "explanation", _("_Explanation of a change"),
                                    "request", _("_Request for reasons"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              short_of_reason ? "request" : "explanation",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           short_of_reason ? "request" : "explanation");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "not-now");
  g_object_set_data_full (G_OBJECT (dialog), "store", g_object_ref (store), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "change-id",
                          g_memdup2 (&(gint64) { kit_change_get_id (change) }, sizeof (gint64)),
                          g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_offer_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
