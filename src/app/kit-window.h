/* kit-window.h — the main window: which page shows, the open record, saving and locking. */
#pragma once

#include <adwaita.h>

#include "kit-lock-monitor.h"
#include "kit-store.h"
#include "kit-vault.h"

G_BEGIN_DECLS

#define KIT_TYPE_WINDOW (kit_window_get_type ())
G_DECLARE_FINAL_TYPE (KitWindow, kit_window, KIT, WINDOW, AdwApplicationWindow)

KitWindow *kit_window_new (GtkApplication *app, GSettings *settings);

/* The unlock page of the last record if it still exists, else the welcome page. */
void kit_window_show_start (KitWindow *self);
/* Show the unlock page of @path (the main page if it is already open). */
void kit_window_open_record (KitWindow *self, const char *path);
/* Unlock @path with @passphrase straight away (for --passphrase-fd). With
 * @measure_start_us > 0, print startup-ms and after-unlock-ms when the main
 * page has been drawn, then quit the application. */
void kit_window_unlock_now (KitWindow *self, const char *path, const char *passphrase,
                            gint64 measure_start_us);

/* The open record, or NULL while locked. */
KitVault *kit_window_get_vault (KitWindow *self);
/* The open record's store, or NULL while locked. */
KitStore *kit_window_get_store (KitWindow *self);
/* The name of the visible page: welcome, create, recovery-key, unlock or main. */
const char *kit_window_get_page_name (KitWindow *self);
/* The page widget called @name (for tests). */
GtkWidget *kit_window_get_page (KitWindow *self, const char *name);
/* What decides when the record locks (for tests). */
KitLockMonitor *kit_window_get_lock_monitor (KitWindow *self);

/* Save the open record in the background; problems are shown to her. Call
 * after every edit. */
void kit_window_save (KitWindow *self);

/* Show @toast (taking ownership) in the window's toast overlay. Pages reach
 * the window with gtk_widget_get_root (). */
void kit_window_add_toast (KitWindow *self, AdwToast *toast);

G_END_DECLS
