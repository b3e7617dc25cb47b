/* kit-arrangement-dialog.h — the details of an arrangement that are not a
 * change to contact itself: who coordinates and supervises, reviews, an
 * agreed next date, notes. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_ARRANGEMENT_DIALOG (kit_arrangement_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitArrangementDialog, kit_arrangement_dialog, KIT, ARRANGEMENT_DIALOG,
                      AdwWindow)

/* Edits a copy of @arrangement; Save writes it through @store. */
GtkWidget *kit_arrangement_dialog_new (GtkWindow *parent, KitStore *store,
                                       KitArrangement *arrangement);

G_END_DECLS
