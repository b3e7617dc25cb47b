/* kit-create-page.h — creating a new record: where, the passphrase, a recovery key. */
#pragma once

#include <gtk/gtk.h>

#include "kit-vault.h"

G_BEGIN_DECLS

#define KIT_TYPE_CREATE_PAGE (kit_create_page_get_type ())
G_DECLARE_FINAL_TYPE (KitCreatePage, kit_create_page, KIT, CREATE_PAGE, GtkWidget)

/* Emits "created" (KitVault *vault, const char *recovery_key or NULL) when
 * the record has been made and is open. */
GtkWidget *kit_create_page_new (void);

/* Empty the form and suggest "My record.kit" in the Documents folder. */
void kit_create_page_reset (KitCreatePage *self);
void kit_create_page_set_path (KitCreatePage *self, const char *path);
const char *kit_create_page_get_path (KitCreatePage *self);

G_END_DECLS
