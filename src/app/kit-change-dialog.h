/* kit-change-dialog.h — the guided dialog that records a change to contact,
 * one question at a time: what changed, the new details, when and who
 * decided, whether a reason was given, how she was told, her view, then a
 * summary to save. Also records a new arrangement, and corrections. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_CHANGE_DIALOG (kit_change_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitChangeDialog, kit_change_dialog, KIT, CHANGE_DIALOG, AdwWindow)

/* With @arrangement: "Something changed" to it. With @corrects: "Correct
 * this entry" (prefilled from it; the new entry is linked to it). With
 * neither: a new arrangement for @child_id. On saving it records the change
 * through @store, shows a toast in @parent (when it is the main window) and
 * closes. */
GtkWidget *kit_change_dialog_new (GtkWindow *parent, KitStore *store, gint64 child_id,
                                  KitArrangement *arrangement, KitChange *corrects);

/* Signals:
 *   "recorded" (KitChange *change): after the change was saved. */

G_END_DECLS
