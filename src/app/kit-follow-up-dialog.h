/* kit-follow-up-dialog.h — what happened after a change: the day an
 * explanation was asked for, and the answer when it came. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_FOLLOW_UP_DIALOG (kit_follow_up_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitFollowUpDialog, kit_follow_up_dialog, KIT, FOLLOW_UP_DIALOG, AdwWindow)

/* Adds @follow_up (id 0) or edits it (a copy is edited; saved through @store). */
GtkWidget *kit_follow_up_dialog_new (GtkWindow *parent, KitStore *store, KitFollowUp *follow_up);

G_END_DECLS
