/* kit-important-date.h — a date that matters to her about a child (the day
 * the child was removed, for example), remembered every year or once. The
 * child's birthday is not stored here: it comes from the date of birth. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIT_TYPE_IMPORTANT_DATE (kit_important_date_get_type ())
G_DECLARE_FINAL_TYPE (KitImportantDate, kit_important_date, KIT, IMPORTANT_DATE, GObject)

KitImportantDate *kit_important_date_new (gint64 child_id);
KitImportantDate *kit_important_date_copy (KitImportantDate *self);
void kit_important_date_set_child_id (KitImportantDate *self, gint64 child_id);  /* store only */

gint64 kit_important_date_get_id (KitImportantDate *self);          /* 0 until saved */
void kit_important_date_set_id (KitImportantDate *self, gint64 id); /* store only */
gint64 kit_important_date_get_child_id (KitImportantDate *self);
const char *kit_important_date_get_date (KitImportantDate *self);   /* the original date */
void kit_important_date_set_date (KitImportantDate *self, const char *iso);
const char *kit_important_date_get_label (KitImportantDate *self);  /* "The day she was taken into care" */
void kit_important_date_set_label (KitImportantDate *self, const char *label);
gboolean kit_important_date_get_yearly (KitImportantDate *self);    /* remembered every year (default TRUE) */
void kit_important_date_set_yearly (KitImportantDate *self, gboolean yearly);

G_END_DECLS
