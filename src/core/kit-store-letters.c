/* kit-store-letters.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-store.h"


void
kit_store_get_me (KitStore *self, char **name, char **address)
{
  (void) self;
  (void) name;
  (void) address;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gboolean
kit_store_set_me (KitStore *self, const char *name, const char *address, GError **error)
{
  (void) self;
  (void) name;
  (void) address;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

gboolean
kit_store_save_letter (KitStore *self, KitLetterRecord *letter, GError **error)
{
  (void) self;
  (void) letter;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

GListModel *
kit_store_list_letters (KitStore *self, gint64 child_id)
{
  (void) self;
  (void) child_id;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

KitLetterRecord *
kit_store_find_letter (KitStore *self, gint64 letter_id)
{
  (void) self;
  (void) letter_id;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}
