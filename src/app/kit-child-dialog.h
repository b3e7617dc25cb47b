/* kit-child-dialog.h — add or edit a child: names, date of birth, where the
 * child lives, the legal order, notes. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_CHILD_DIALOG (kit_child_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitChildDialog, kit_child_dialog, KIT, CHILD_DIALOG, AdwWindow)

/* A modal dialog to add a child (@child NULL) or edit @child (a copy is
 * edited). Emits "saved" (gint64 child id) once the store has saved her,
 * then closes; it stays open while something needs putting right. */
GtkWidget *kit_child_dialog_new (GtkWindow *parent, KitStore *store, KitChild *child);

G_END_DECLS
