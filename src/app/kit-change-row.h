/* kit-change-row.h — one entry of a child's history: what changed (before →
 * after), who decided, the reason or plainly that none was given, how she
 * was told, her view, the follow-ups and any correction. */
#pragma once

#include <adwaita.h>

#include "kit-change.h"

G_BEGIN_DECLS

#define KIT_TYPE_CHANGE_ROW (kit_change_row_get_type ())
G_DECLARE_FINAL_TYPE (KitChangeRow, kit_change_row, KIT, CHANGE_ROW, GtkWidget)

GtkWidget *kit_change_row_new (void);
/* Show @change (NULL: nothing). @corrects_date is the effective date of the
 * entry it corrects, @corrected_on the day the correction of it was
 * recorded (NULL when unknown). */
void kit_change_row_set_change (KitChangeRow *self, KitChange *change,
                                const char *corrects_date, const char *corrected_on);
KitChange *kit_change_row_get_change (KitChangeRow *self);

G_END_DECLS
