/* kit-letter-me-dialog.h — her own name and address for letters, asked for
 * when a letter from or to her lacks them. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

/* A message dialog with her name and address to fill in (prefilled with
 * what the record holds), transient for @parent; "save" keeps them with
 * kit_store_set_me (), which emits the store's "changed". The caller
 * presents it. The fields are reachable for tests as the dialog's data
 * "name-entry" (GtkEntry) and "address-view" (GtkTextView). */
GtkWidget *kit_letter_me_dialog_new (GtkWindow *parent, KitStore *store);

G_END_DECLS
