/* kit-preferences-window.h — settings: when to lock, how many backups to keep. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KIT_TYPE_PREFERENCES_WINDOW (kit_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KitPreferencesWindow, kit_preferences_window, KIT, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The controls are bound to @settings and change it directly. */
GtkWidget *kit_preferences_window_new (GtkWindow *parent, GSettings *settings);

G_END_DECLS
