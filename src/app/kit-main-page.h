/* kit-main-page.h — what she sees while a record is open: the children in a
 * sidebar, and the chosen page (Coming up, the diary, a child, People)
 * beside it; the Review together button in its header bar. */
#pragma once

#include <adwaita.h>

#include "kit-diary-page.h"
#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_MAIN_PAGE (kit_main_page_get_type ())
G_DECLARE_FINAL_TYPE (KitMainPage, kit_main_page, KIT, MAIN_PAGE, GtkWidget)

GtkWidget *kit_main_page_new (void);
/* The open record's file name, shown under the title. */
void kit_main_page_set_record_path (KitMainPage *self, const char *path);
/* The open record's store, or NULL when the record locks (everything shown
 * is dropped, and a removal still offered for undo is no longer offered). */
void kit_main_page_set_store (KitMainPage *self, KitStore *store);

/* Bring back the child whose removal the toast offers to undo
 * (the window's win.undo-remove-child action). */
void kit_main_page_undo_remove_child (KitMainPage *self, gint64 child_id);

/* Bring back the diary entry deleted last (win.undo-delete-diary-entry). */
void kit_main_page_undo_delete_diary_entry (KitMainPage *self);

/* What is shown: "overview", "child", "people", "diary" or "empty"; and which child. */
const char *kit_main_page_get_shown (KitMainPage *self);
gint64 kit_main_page_get_shown_child (KitMainPage *self);
/* The toast offering to undo the latest removal, or NULL (for tests). */
AdwToast *kit_main_page_get_removal_toast (KitMainPage *self);
/* The diary page, and the Review together button of the header bar (for tests). */
KitDiaryPage *kit_main_page_get_diary_page (KitMainPage *self);
GtkToggleButton *kit_main_page_get_review_button (KitMainPage *self);

G_END_DECLS
