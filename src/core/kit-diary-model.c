/* kit-diary-model.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-diary-model.h"

struct _KitDiaryModel { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (KitDiaryModel, kit_diary_model, G_TYPE_OBJECT)
static void kit_diary_model_class_init (KitDiaryModelClass *klass) { }
static void kit_diary_model_init (KitDiaryModel *self) { }

KitDiaryModel *
kit_diary_model_new (KitStore *store, const KitDiaryFilter *filter)
{
  (void) store;
  (void) filter;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_diary_model_set_filter (KitDiaryModel *self, const KitDiaryFilter *filter)
{
  (void) self;
  (void) filter;
  g_warning ("%s: not written yet", G_STRFUNC);
}

void
kit_diary_model_refresh (KitDiaryModel *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
}

guint
kit_diary_model_get_n_entries (KitDiaryModel *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

guint
kit_diary_model_find (KitDiaryModel *self, gint64 entry_id)
{
  (void) self;
  (void) entry_id;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}
