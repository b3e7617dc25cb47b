/* kit-diary-row.h — one row of the diary list: a month heading or an entry
 * (date, title, child, feelings, the first line or the search extract, and
 * whether it is shared in Review together). One widget for both, so the
 * list view needs one factory. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIT_TYPE_DIARY_ROW (kit_diary_row_get_type ())
G_DECLARE_FINAL_TYPE (KitDiaryRow, kit_diary_row, KIT, DIARY_ROW, GtkWidget)

GtkWidget *kit_diary_row_new (void);
/* @item: a KitDiaryMonth, a KitDiaryEntry, or NULL (an entry not read yet). */
void kit_diary_row_set_item (KitDiaryRow *self, GObject *item);

/* The symbolic icon shown for a KIT_VOCAB_FEELING code. */
const char *kit_diary_feeling_icon (const char *code);

G_END_DECLS
