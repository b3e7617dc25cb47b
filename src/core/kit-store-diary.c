/* kit-store-diary.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-store.h"


gboolean
kit_store_get_review_mode (KitStore *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

gboolean
kit_store_set_review_mode (KitStore *self, gboolean on, GError **error)
{
  (void) self;
  (void) on;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

GArray *
kit_store_list_diary_ids (KitStore *self, const KitDiaryFilter *filter, GPtrArray **dates, GError **error)
{
  (void) self;
  (void) filter;
  (void) dates;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

GPtrArray *
kit_store_get_diary_entries (KitStore *self, const gint64 *ids, guint n_ids, const char *search, GError **error)
{
  (void) self;
  (void) ids;
  (void) n_ids;
  (void) search;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

KitDiaryEntry *
kit_store_find_diary_entry (KitStore *self, gint64 entry_id)
{
  (void) self;
  (void) entry_id;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

guint
kit_store_count_diary (KitStore *self, const KitDiaryFilter *filter)
{
  (void) self;
  (void) filter;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

gboolean
kit_store_save_diary_entry (KitStore *self, KitDiaryEntry *entry, GError **error)
{
  (void) self;
  (void) entry;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

gboolean
kit_store_remove_diary_entry (KitStore *self, gint64 entry_id, GError **error)
{
  (void) self;
  (void) entry_id;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

gboolean
kit_store_save_diary_draft (KitStore *self, KitDiaryEntry *draft, GError **error)
{
  (void) self;
  (void) draft;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

KitDiaryEntry *
kit_store_get_diary_draft (KitStore *self, gint64 entry_id)
{
  (void) self;
  (void) entry_id;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

GArray *
kit_store_list_diary_drafts (KitStore *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

gboolean
kit_store_discard_diary_draft (KitStore *self, gint64 entry_id, GError **error)
{
  (void) self;
  (void) entry_id;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

char *
kit_store_export_diary_text (KitStore *self, GError **error)
{
  (void) self;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}
