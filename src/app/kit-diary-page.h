/* kit-diary-page.h — her private diary: search, filters, the entries newest
 * first under month headings, drafts to go on with, and the banner that
 * says Review together is hiding the private diary. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_DIARY_PAGE (kit_diary_page_get_type ())
G_DECLARE_FINAL_TYPE (KitDiaryPage, kit_diary_page, KIT, DIARY_PAGE, GtkWidget)

void kit_diary_page_set_store (KitDiaryPage *self, KitStore *store);
/* Show only the entries about @child_id (0: every child). */
void kit_diary_page_show_child (KitDiaryPage *self, gint64 child_id);
/* Open the editor on a new entry (about @child_id, @session_id when not 0). */
void kit_diary_page_new_entry (KitDiaryPage *self, gint64 child_id, gint64 session_id);
void kit_diary_page_open_entry (KitDiaryPage *self, gint64 entry_id);
/* Bring back the entry deleted last (the toast's Undo). */
void kit_diary_page_undo_delete (KitDiaryPage *self);

/* For tests and timing: the list's model (NULL until first shown), whether
 * the Review together banner shows, and the search entry. */
GListModel *kit_diary_page_get_model (KitDiaryPage *self);
gboolean kit_diary_page_get_banner_shown (KitDiaryPage *self);
GtkWidget *kit_diary_page_get_search_entry (KitDiaryPage *self);

G_END_DECLS
