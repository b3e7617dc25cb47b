/* kit-application.h — the application: one instance, its options, app actions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KIT_TYPE_APPLICATION (kit_application_get_type ())
G_DECLARE_FINAL_TYPE (KitApplication, kit_application, KIT, APPLICATION, AdwApplication)

/* @start_us: g_get_monotonic_time() taken first thing in main(), for
 * --measure-startup. */
KitApplication *kit_application_new (gint64 start_us);

GSettings *kit_application_get_settings (KitApplication *self);

/* The exit status main() returns once the application has quit (for
 * --measure-startup failures, which happen after the command line returned). */
void kit_application_set_exit_status (KitApplication *self, int status);
int kit_application_get_exit_status (KitApplication *self);

G_END_DECLS
