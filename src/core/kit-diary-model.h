/* kit-diary-model.h — a diary list for GtkListView: month headings
 * (KitDiaryMonth) and entries (KitDiaryEntry), newest first, that fetches
 * entries as they are shown, not all at once, so 10,000 entries stay smooth.
 * It asks the store for the matching ids once (cheap), then reads rows in
 * pages; the review filter is applied by the store's query, so this model
 * can never show a private entry while Review together is on. */
#pragma once

#include <gio/gio.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_DIARY_MODEL (kit_diary_model_get_type ())
G_DECLARE_FINAL_TYPE (KitDiaryModel, kit_diary_model, KIT, DIARY_MODEL, GObject)

/* @filter is copied; NULL: every entry. */
KitDiaryModel *kit_diary_model_new (KitStore *store, const KitDiaryFilter *filter);
void kit_diary_model_set_filter (KitDiaryModel *self, const KitDiaryFilter *filter);
/* Reads the ids again (after the store's "changed", or review mode turning
 * on or off) and emits items-changed for what moved. */
void kit_diary_model_refresh (KitDiaryModel *self);
/* Entries only, headings not counted. */
guint kit_diary_model_get_n_entries (KitDiaryModel *self);
/* The position of the entry, or G_MAXUINT when it is not listed. */
guint kit_diary_model_find (KitDiaryModel *self, gint64 entry_id);

G_END_DECLS
