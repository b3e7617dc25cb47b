/* kit-recovery-key-page.h — shows a new record's recovery key once, to write down. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIT_TYPE_RECOVERY_KEY_PAGE (kit_recovery_key_page_get_type ())
G_DECLARE_FINAL_TYPE (KitRecoveryKeyPage, kit_recovery_key_page, KIT, RECOVERY_KEY_PAGE, GtkWidget)

/* Emits "done" when she has confirmed and pressed Continue. */
GtkWidget *kit_recovery_key_page_new (void);
/* Show @key (NULL clears it) and untick the confirmation. */
void kit_recovery_key_page_set_key (KitRecoveryKeyPage *self, const char *key);

G_END_DECLS
