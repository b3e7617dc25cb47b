/* kit-main-page.h — what she sees while a record is open. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIT_TYPE_MAIN_PAGE (kit_main_page_get_type ())
G_DECLARE_FINAL_TYPE (KitMainPage, kit_main_page, KIT, MAIN_PAGE, GtkWidget)

GtkWidget *kit_main_page_new (void);
/* The open record's file name, shown under the title. */
void kit_main_page_set_record_path (KitMainPage *self, const char *path);

G_END_DECLS
