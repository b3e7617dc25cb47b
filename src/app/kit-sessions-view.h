/* kit-sessions-view.h — a child's sessions and letterbox letters, newest first. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_SESSIONS_VIEW (kit_sessions_view_get_type ())
G_DECLARE_FINAL_TYPE (KitSessionsView, kit_sessions_view, KIT, SESSIONS_VIEW, GtkWidget)

GtkWidget *kit_sessions_view_new (void);
/* The open record's store, or NULL when the record locks (everything shown is dropped). */
void kit_sessions_view_set_store (KitSessionsView *self, KitStore *store);
/* Show the child @child_id (0: nobody). */
void kit_sessions_view_set_child (KitSessionsView *self, gint64 child_id);
gint64 kit_sessions_view_get_child (KitSessionsView *self);

G_END_DECLS
