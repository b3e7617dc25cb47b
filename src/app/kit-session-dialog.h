/* kit-session-dialog.h — add or edit one contact session or letterbox letter. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_SESSION_DIALOG (kit_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitSessionDialog, kit_session_dialog, KIT, SESSION_DIALOG, AdwWindow)

/* A dialog for the child @child_id's sessions: a new one when @session is
 * NULL, else an edit of (a copy of) @session. Saves through @store and
 * closes; on bad input it stays open with the message beside the field. */
GtkWidget *kit_session_dialog_new (GtkWindow *parent, KitStore *store, gint64 child_id,
                                   KitSession *session);

G_END_DECLS
