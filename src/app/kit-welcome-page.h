/* kit-welcome-page.h — the first page: create or open a record, and recent records. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIT_TYPE_WELCOME_PAGE (kit_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (KitWelcomePage, kit_welcome_page, KIT, WELCOME_PAGE, GtkWidget)

GtkWidget *kit_welcome_page_new (void);
/* Show these records (most recent first) as rows activating win.open-path. */
void kit_welcome_page_set_recent (KitWelcomePage *self, const char * const *paths);

G_END_DECLS
