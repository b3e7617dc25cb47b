/* kit-lock-monitor.c — decides when an open record should lock itself:
 * after idle time, when the screen locks, and before the machine sleeps. */
#include "config.h"

#include <gio/gunixfdlist.h>
#include <unistd.h>

#include "kit-lock-monitor.h"

struct _KitLockMonitor
{
  GObject parent_instance;

  gboolean active;
  gint64 idle_ms;
  gint64 last_activity;
  guint idle_source;

  GCancellable *cancellable;
  GDBusConnection *session_bus;
  GDBusConnection *system_bus;
  guint gnome_saver_sub;
  guint fdo_saver_sub;
  guint sleep_sub;
  int sleep_inhibit_fd;
};

G_DEFINE_FINAL_TYPE (KitLockMonitor, kit_lock_monitor, G_TYPE_OBJECT)

enum { LOCK_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule_idle_check (KitLockMonitor *self);

static void
request_lock (KitLockMonitor *self, const char *reason)
{
  if (!self->active)
    return;
  g_debug ("Locking: %s", reason);
  g_signal_emit (self, signals[LOCK_REQUESTED], 0, reason);
}

static gboolean
on_idle_timeout (gpointer user_data)
{
  KitLockMonitor *self = user_data;
  self->idle_source = 0;
  if (g_get_monotonic_time () - self->last_activity >= self->idle_ms * 1000)
    request_lock (self, "idle");
  else
    schedule_idle_check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_idle_check (KitLockMonitor *self)
{
  gint64 deadline, remaining_ms;

  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (!self->active || self->idle_ms == 0)
    return;
  deadline = self->last_activity + self->idle_ms * 1000;
  remaining_ms = MAX (0, (deadline - g_get_monotonic_time ()) / 1000) + 50;
  self->idle_source = g_timeout_add ((guint) MIN (remaining_ms, G_MAXUINT), on_idle_timeout, self);
}

static void
set_idle_time (KitLockMonitor *self, gint64 ms)
{
  self->idle_ms = ms;
  schedule_idle_check (self);
}

static void
release_sleep_inhibitor (KitLockMonitor *self)
{
  if (self->sleep_inhibit_fd >= 0)
    {
      close (self->sleep_inhibit_fd);
      self->sleep_inhibit_fd = -1;
    }
}

static void
on_inhibit_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  KitLockMonitor *self;
  g_autoptr(GUnixFDList) fds = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), &fds,
                                                           result, &error);
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No sleep inhibitor: %s", error->message);
      return;
    }
  self = user_data;
  if (fds != NULL && g_unix_fd_list_get_length (fds) > 0)
    {
      int fd = g_unix_fd_list_get (fds, 0, NULL);

      if (self->active && self->sleep_inhibit_fd < 0)
        self->sleep_inhibit_fd = fd;
      else if (fd >= 0)
        close (fd);
    }
}

static void
take_sleep_inhibitor (KitLockMonitor *self)
{
  if (self->system_bus == NULL || self->sleep_inhibit_fd >= 0 || !self->active)
    return;
  /* A "delay" lock gives us a moment to save and lock before sleeping. */
  g_dbus_connection_call_with_unix_fd_list (self->system_bus, "org.freedesktop.login1",
                                            "/org/freedesktop/login1",
                                            "org.freedesktop.login1.Manager", "Inhibit",
                                            g_variant_new ("(ssss)", "sleep", "Keep in Touch",
                                                           "Lock the open record", "delay"),
                                            G_VARIANT_TYPE ("(h)"), G_DBUS_CALL_FLAGS_NONE,
                                            -1, NULL, self->cancellable, on_inhibit_done, self);
}

static void
on_screensaver_active_changed (GDBusConnection *connection, const char *sender,
                               const char *object_path, const char *interface_name,
                               const char *signal_name, GVariant *parameters,
                               gpointer user_data)
{
  gboolean active = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;
  g_variant_get (parameters, "(b)", &active);
  if (active)
    request_lock (user_data, "screen locked");
}

static void
on_prepare_for_sleep (GDBusConnection *connection, const char *sender,
                      const char *object_path, const char *interface_name,
                      const char *signal_name, GVariant *parameters, gpointer user_data)
{
  KitLockMonitor *self = user_data;
  gboolean sleeping = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;
  g_variant_get (parameters, "(b)", &sleeping);
  if (sleeping)
    {
      request_lock (self, "sleep");
      release_sleep_inhibitor (self);
    }
  else
    take_sleep_inhibitor (self);
}

static void
on_session_bus (GObject *source, GAsyncResult *result, gpointer user_data)
{
  KitLockMonitor *self;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No session bus, screen lock not followed: %s", error->message);
      return;
    }
  self = user_data;
  self->session_bus = bus;
  self->gnome_saver_sub =
    g_dbus_connection_signal_subscribe (bus, NULL, "org.gnome.ScreenSaver", "ActiveChanged",
                                        NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_screensaver_active_changed, self, NULL);
  self->fdo_saver_sub =
    g_dbus_connection_signal_subscribe (bus, NULL, "org.freedesktop.ScreenSaver",
                                        "ActiveChanged", NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                        on_screensaver_active_changed, self, NULL);
}

static void
on_system_bus (GObject *source, GAsyncResult *result, gpointer user_data)
{
  KitLockMonitor *self;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, sleep not followed: %s", error->message);
      return;
    }
  self = user_data;
  self->system_bus = bus;
  self->sleep_sub =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, on_prepare_for_sleep, self,
                                        NULL);
  take_sleep_inhibitor (self);
}

static void
kit_lock_monitor_dispose (GObject *object)
{
  KitLockMonitor *self = KIT_LOCK_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  release_sleep_inhibitor (self);
  if (self->session_bus != NULL)
    {
      g_dbus_connection_signal_unsubscribe (self->session_bus, self->gnome_saver_sub);
      g_dbus_connection_signal_unsubscribe (self->session_bus, self->fdo_saver_sub);
      g_clear_object (&self->session_bus);
    }
  if (self->system_bus != NULL)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_sub);
      g_clear_object (&self->system_bus);
    }
  G_OBJECT_CLASS (kit_lock_monitor_parent_class)->dispose (object);
}

static void
kit_lock_monitor_class_init (KitLockMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kit_lock_monitor_dispose;

  /* The argument says why, for debugging only. */
  signals[LOCK_REQUESTED] = g_signal_new ("lock-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
kit_lock_monitor_init (KitLockMonitor *self)
{
  self->idle_ms = (gint64) 10 * 60 * 1000;
  self->sleep_inhibit_fd = -1;
  self->last_activity = g_get_monotonic_time ();
  self->cancellable = g_cancellable_new ();
  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, on_session_bus, self);
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, on_system_bus, self);
}

KitLockMonitor *
kit_lock_monitor_new (void)
{
  return g_object_new (KIT_TYPE_LOCK_MONITOR, NULL);
}

void
kit_lock_monitor_set_active (KitLockMonitor *self, gboolean active)
{
  g_return_if_fail (KIT_IS_LOCK_MONITOR (self));

  active = !!active;
  if (self->active == active)
    return;
  self->active = active;
  if (active)
    {
      self->last_activity = g_get_monotonic_time ();
      take_sleep_inhibitor (self);
    }
  else
    release_sleep_inhibitor (self);
  schedule_idle_check (self);
}

gboolean
kit_lock_monitor_get_active (KitLockMonitor *self)
{
  g_return_val_if_fail (KIT_IS_LOCK_MONITOR (self), FALSE);
  return self->active;
}

void
kit_lock_monitor_set_idle_minutes (KitLockMonitor *self, guint minutes)
{
  g_return_if_fail (KIT_IS_LOCK_MONITOR (self));
  set_idle_time (self, (gint64) minutes * 60 * 1000);
}

void
kit_lock_monitor_set_idle_ms (KitLockMonitor *self, guint ms)
{
  g_return_if_fail (KIT_IS_LOCK_MONITOR (self));
  set_idle_time (self, ms);
}

void
kit_lock_monitor_note_activity (KitLockMonitor *self)
{
  g_return_if_fail (KIT_IS_LOCK_MONITOR (self));
  /* The timeout re-checks the time when it fires, so no rescheduling here. */
  self->last_activity = g_get_monotonic_time ();
}
