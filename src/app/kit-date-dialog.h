/* kit-date-dialog.h — add or edit one date that matters about a child. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_DATE_DIALOG (kit_date_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitDateDialog, kit_date_dialog, KIT, DATE_DIALOG, AdwWindow)

/* A new date for the child @child_id when @date is NULL, else an edit of
 * (a copy of) @date. Saves through @store and closes; on bad input it stays
 * open with the message beside the field. */
GtkWidget *kit_date_dialog_new (GtkWindow *parent, KitStore *store, gint64 child_id,
                                KitImportantDate *date);

G_END_DECLS
