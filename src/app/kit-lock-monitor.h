/* kit-lock-monitor.h — decides when an open record should lock itself:
 * after idle time, when the screen locks, and before the machine sleeps. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KIT_TYPE_LOCK_MONITOR (kit_lock_monitor_get_type ())
G_DECLARE_FINAL_TYPE (KitLockMonitor, kit_lock_monitor, KIT, LOCK_MONITOR, GObject)

/* Emits "lock-requested" only while active. Local D-Bus only (session bus
 * screensaver signals, system bus logind PrepareForSleep); a missing bus is
 * skipped quietly. */
KitLockMonitor *kit_lock_monitor_new (void);

void kit_lock_monitor_set_active (KitLockMonitor *self, gboolean active);
gboolean kit_lock_monitor_get_active (KitLockMonitor *self);
/* 0 turns the idle lock off. */
void kit_lock_monitor_set_idle_minutes (KitLockMonitor *self, guint minutes);
/* The same in milliseconds, for tests that can't wait minutes. */
void kit_lock_monitor_set_idle_ms (KitLockMonitor *self, guint ms);
/* Call on every key press, click or pointer move: restarts the idle time. */
void kit_lock_monitor_note_activity (KitLockMonitor *self);

G_END_DECLS
