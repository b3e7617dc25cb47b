/* kit-unlock-page.h — asks for the passphrase of one record and opens it. */
#pragma once

#include <gtk/gtk.h>

#include "kit-vault.h"

G_BEGIN_DECLS

#define KIT_TYPE_UNLOCK_PAGE (kit_unlock_page_get_type ())
G_DECLARE_FINAL_TYPE (KitUnlockPage, kit_unlock_page, KIT, UNLOCK_PAGE, GtkWidget)

/* Emits "unlocked" (KitVault *vault, gboolean from_backup) once the record,
 * or a backup of it, is open. */
GtkWidget *kit_unlock_page_new (void);

/* Show this record, with an empty passphrase field and no message. */
void kit_unlock_page_set_path (KitUnlockPage *self, const char *path);
const char *kit_unlock_page_get_path (KitUnlockPage *self);
/* Put the keyboard focus in the passphrase field. */
void kit_unlock_page_focus (KitUnlockPage *self);
/* Open the record with @passphrase as if she had typed it. */
void kit_unlock_page_unlock (KitUnlockPage *self, const char *passphrase);

G_END_DECLS
