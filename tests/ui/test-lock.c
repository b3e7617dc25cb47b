/* test-lock.c — the record locks by itself: after the idle time, when the
 * screen locks (a ScreenSaver signal on the session bus) and before the
 * machine sleeps (logind PrepareForSleep, played here by the private session
 * bus standing in for the system bus); the window then saves, closes the
 * record and shows the unlock page. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kit-application.h"
#include "kit-lock-monitor.h"
#include "kit-secure.h"
#include "kit-unlock-page.h"
#include "kit-vault.h"
#include "kit-window.h"
#include "kit-ui-test.h"

#define PASSPHRASE "blue kettle on a rainy tuesday"
#define WAIT_SECONDS 30

typedef struct
{
  const char *path;
  const char *interface;
} Saver;

static const Saver savers[] = {
  { "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver" },
  { "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver" },
};

/* Helpers */

static GDBusConnection *
get_bus (GBusType type)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_sync (type, NULL, &error);

  ck_assert_msg (bus != NULL, "no bus: %s", error ? error->message : "?");
  return bus;
}

static void
emit (GDBusConnection *bus, const char *path, const char *interface, const char *member,
      gboolean value)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (g_dbus_connection_emit_signal (bus, NULL, path, interface, member,
                                                g_variant_new ("(b)", value), &error),
                 "emit %s.%s: %s", interface, member, error ? error->message : "?");
  ck_assert (g_dbus_connection_flush_sync (bus, NULL, NULL));
}

/* Counts "lock-requested". */
typedef struct
{
  guint count;
  char *reason;
} Locks;

static void
on_lock_requested (KitLockMonitor *monitor, const char *reason, Locks *locks)
{
  locks->count++;
  g_free (locks->reason);
  locks->reason = g_strdup (reason);
}

static gboolean
locked (gpointer data)
{
  return ((Locks *) data)->count > 0;
}

static KitLockMonitor *
new_monitor (Locks *locks)
{
  KitLockMonitor *monitor = kit_lock_monitor_new ();

  g_signal_connect (monitor, "lock-requested", G_CALLBACK (on_lock_requested), locks);
  return monitor;
}

static void
free_monitor (KitLockMonitor *monitor, Locks *locks)
{
  g_object_unref (monitor);
  /* Let the cancelled bus lookups finish before @locks goes. */
  kit_ui_spin (0.1);
  g_clear_pointer (&locks->reason, g_free);
}

/* The monitor subscribes once its own bus lookup has finished, which the
 * test can't see: send @value = TRUE again every 200 ms until it locks. */
static gboolean
emit_until_locked (GDBusConnection *bus, const char *path, const char *interface,
                   const char *member, Locks *locks)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      emit (bus, path, interface, member, TRUE);
      if (kit_ui_wait_until (locked, locks, 0.2))
        return TRUE;
    }
  return FALSE;
}

/* Monitor tests */

START_TEST (test_idle_fires)
{
  Locks locks = { 0 };
  KitLockMonitor *monitor = new_monitor (&locks);
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed_ms;

  kit_lock_monitor_set_idle_ms (monitor, 200);
  kit_lock_monitor_set_active (monitor, TRUE);
  ck_assert (kit_lock_monitor_get_active (monitor));
  ck_assert_msg (kit_ui_wait_until (locked, &locks, 2.0), "no lock after 2 s idle (idle 200 ms)");
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  ck_assert_uint_eq (locks.count, 1);
  ck_assert_str_eq (locks.reason, "idle");
  ck_assert_msg (elapsed_ms >= 200, "locked after %" G_GINT64_FORMAT " ms, before the idle time",
                 elapsed_ms);
  free_monitor (monitor, &locks);
}
END_TEST

START_TEST (test_idle_activity_postpones)
{
  Locks locks = { 0 };
  KitLockMonitor *monitor = new_monitor (&locks);
  gint64 end;

  kit_lock_monitor_set_idle_ms (monitor, 200);
  kit_lock_monitor_set_active (monitor, TRUE);
  end = g_get_monotonic_time () + 600 * 1000;
  while (g_get_monotonic_time () < end)
    {
      kit_lock_monitor_note_activity (monitor);
      kit_ui_spin (0.05);
    }
  ck_assert_msg (locks.count == 0, "locked (%s) while there was activity every 50 ms",
                 locks.reason);
  /* Once the activity stops, it locks. */
  ck_assert_msg (kit_ui_wait_until (locked, &locks, 2.0), "no lock after the activity stopped");
  ck_assert_str_eq (locks.reason, "idle");
  free_monitor (monitor, &locks);
}
END_TEST

START_TEST (test_idle_inactive)
{
  Locks locks = { 0 };
  KitLockMonitor *monitor = new_monitor (&locks);

  /* Never made active. */
  kit_lock_monitor_set_idle_ms (monitor, 200);
  ck_assert (!kit_lock_monitor_get_active (monitor));
  kit_ui_spin (1.0);
  ck_assert_msg (locks.count == 0, "an inactive monitor locked (%s)", locks.reason);

  /* Made active, then inactive again before the idle time. */
  kit_lock_monitor_set_active (monitor, TRUE);
  kit_ui_spin (0.05);
  kit_lock_monitor_set_active (monitor, FALSE);
  kit_ui_spin (1.0);
  ck_assert_msg (locks.count == 0, "locked (%s) after being made inactive", locks.reason);

  /* The idle time set in minutes goes the same way: 0 is off. */
  kit_lock_monitor_set_idle_minutes (monitor, 0);
  kit_lock_monitor_set_active (monitor, TRUE);
  kit_ui_spin (1.0);
  ck_assert_msg (locks.count == 0, "locked (%s) with the idle lock off", locks.reason);
  free_monitor (monitor, &locks);
}
END_TEST

START_TEST (test_screensaver)
{
  const Saver *saver = &savers[_i];
  g_autoptr(GDBusConnection) bus = get_bus (G_BUS_TYPE_SESSION);
  Locks locks = { 0 };
  KitLockMonitor *monitor = new_monitor (&locks);

  kit_lock_monitor_set_active (monitor, TRUE);
  ck_assert_msg (emit_until_locked (bus, saver->path, saver->interface, "ActiveChanged", &locks),
                 "%s ActiveChanged (true) didn't lock", saver->interface);
  ck_assert_str_eq (locks.reason, "screen locked");

  /* The screen unlocking doesn't lock; the monitor is listening (the next
   * true locks again). */
  locks.count = 0;
  emit (bus, saver->path, saver->interface, "ActiveChanged", FALSE);
  kit_ui_spin (0.5);
  ck_assert_msg (locks.count == 0, "ActiveChanged (false) locked (%s)", locks.reason);
  emit (bus, saver->path, saver->interface, "ActiveChanged", TRUE);
  ck_assert_msg (kit_ui_wait_until (locked, &locks, 5.0), "the second ActiveChanged (true) didn't lock");
  ck_assert_uint_eq (locks.count, 1);

  /* Another signal on the same interface doesn't lock. */
  locks.count = 0;
  emit (bus, saver->path, saver->interface, "WakeUpScreen", TRUE);
  kit_ui_spin (0.5);
  ck_assert_msg (locks.count == 0, "WakeUpScreen locked (%s)", locks.reason);

  /* Inactive: the screen locking doesn't lock. */
  kit_lock_monitor_set_active (monitor, FALSE);
  emit (bus, saver->path, saver->interface, "ActiveChanged", TRUE);
  kit_ui_spin (0.5);
  ck_assert_msg (locks.count == 0, "an inactive monitor locked (%s)", locks.reason);
  free_monitor (monitor, &locks);
}
END_TEST

/* A stand-in for logind on the private bus: owns org.freedesktop.login1 and
 * answers Inhibit with the write end of a pipe, so the test sees (EOF on the
 * read end) when the monitor lets go of its delay lock. */
typedef struct
{
  guint calls;
  char *what;
  char *mode;
  int read_fd[4];
} FakeLogind;

static const char logind_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.login1.Manager'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='h' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
on_logind_call (GDBusConnection *connection, const char *sender, const char *object_path,
                const char *interface_name, const char *method_name, GVariant *parameters,
                GDBusMethodInvocation *invocation, gpointer user_data)
{
  FakeLogind *logind = user_data;
  g_autoptr(GUnixFDList) fds = g_unix_fd_list_new ();
  int pipe_fds[2];
  int index;

  ck_assert_str_eq (method_name, "Inhibit");
  ck_assert_uint_lt (logind->calls, G_N_ELEMENTS (logind->read_fd));
  ck_assert_int_eq (pipe2 (pipe_fds, O_CLOEXEC), 0);
  index = g_unix_fd_list_append (fds, pipe_fds[1], NULL);
  close (pipe_fds[1]);
  ck_assert_int_ge (index, 0);
  logind->read_fd[logind->calls++] = pipe_fds[0];
  g_free (logind->what);
  g_free (logind->mode);
  g_variant_get (parameters, "(s&s&ss)", &logind->what, NULL, NULL, &logind->mode);
  g_dbus_method_invocation_return_value_with_unix_fd_list (invocation,
                                                           g_variant_new ("(h)", index), fds);
}

static gboolean
logind_called (gpointer data)
{
  return ((FakeLogind *) data)->calls > 0;
}

static gboolean
logind_called_twice (gpointer data)
{
  return ((FakeLogind *) data)->calls > 1;
}

/* TRUE once every write end of the pipe is closed. */
static gboolean
fd_hung_up (gpointer data)
{
  struct pollfd pfd = { .fd = GPOINTER_TO_INT (data), .events = POLLIN };

  return poll (&pfd, 1, 0) == 1 && (pfd.revents & POLLHUP) != 0;
}

static gboolean
name_owned (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_name_acquired (GDBusConnection *connection, const char *name, gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

START_TEST (test_sleep)
{
  static const GDBusInterfaceVTable vtable = { on_logind_call, NULL, NULL, { 0 } };
  const char *session_address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");
  g_autoptr(GDBusConnection) system = NULL;
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;
  FakeLogind logind = { 0 };
  gboolean owned = FALSE;
  Locks locks = { 0 };
  KitLockMonitor *monitor;
  guint owner_id, object_id;

  /* Only this forked test sees the session bus as the system bus. */
  ck_assert_msg (session_address != NULL, "not run under dbus-run-session");
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", session_address, TRUE);
  system = get_bus (G_BUS_TYPE_SYSTEM);
  session = get_bus (G_BUS_TYPE_SESSION);
  ck_assert_ptr_ne (system, session);
  node = g_dbus_node_info_new_for_xml (logind_xml, &error);
  ck_assert_msg (node != NULL, "%s", error ? error->message : "?");
  object_id = g_dbus_connection_register_object (system, "/org/freedesktop/login1",
                                                 node->interfaces[0], &vtable, &logind, NULL,
                                                 &error);
  ck_assert_msg (object_id != 0, "register: %s", error ? error->message : "?");
  owner_id = g_bus_own_name_on_connection (system, "org.freedesktop.login1",
                                           G_BUS_NAME_OWNER_FLAGS_NONE, on_name_acquired, NULL,
                                           &owned, NULL);
  ck_assert (kit_ui_wait_until (name_owned, &owned, 5.0));

  monitor = new_monitor (&locks);
  kit_lock_monitor_set_active (monitor, TRUE);

  /* Active: it takes a delay lock and keeps it. */
  ck_assert_msg (kit_ui_wait_until (logind_called, &logind, 5.0), "no Inhibit call");
  ck_assert_str_eq (logind.what, "sleep");
  ck_assert_str_eq (logind.mode, "delay");
  kit_ui_spin (0.3);
  ck_assert_msg (!fd_hung_up (GINT_TO_POINTER (logind.read_fd[0])),
                 "the delay lock was let go before sleeping");

  /* The same signal from someone who isn't logind does nothing. */
  emit (session, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
        "PrepareForSleep", TRUE);
  kit_ui_spin (0.5);
  ck_assert_msg (locks.count == 0, "PrepareForSleep from another sender locked (%s)",
                 locks.reason);

  /* Going to sleep: lock, then let go of the delay lock. */
  emit (system, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        TRUE);
  ck_assert_msg (kit_ui_wait_until (locked, &locks, 5.0), "PrepareForSleep (true) didn't lock");
  ck_assert_uint_eq (locks.count, 1);
  ck_assert_str_eq (locks.reason, "sleep");
  ck_assert_msg (kit_ui_wait_until (fd_hung_up, GINT_TO_POINTER (logind.read_fd[0]), 5.0),
                 "the delay lock is still held after PrepareForSleep (true)");

  /* Waking up: no lock, a new delay lock. */
  locks.count = 0;
  emit (system, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        FALSE);
  ck_assert_msg (kit_ui_wait_until (logind_called_twice, &logind, 5.0),
                 "no new Inhibit call after waking up");
  kit_ui_spin (0.3);
  ck_assert_msg (locks.count == 0, "PrepareForSleep (false) locked (%s)", locks.reason);
  ck_assert (!fd_hung_up (GINT_TO_POINTER (logind.read_fd[1])));

  /* Inactive (the record is locked): the delay lock goes. */
  kit_lock_monitor_set_active (monitor, FALSE);
  ck_assert_msg (kit_ui_wait_until (fd_hung_up, GINT_TO_POINTER (logind.read_fd[1]), 5.0),
                 "the delay lock is still held while inactive");

  free_monitor (monitor, &locks);
  g_bus_unown_name (owner_id);
  g_dbus_connection_unregister_object (system, object_id);
  for (guint i = 0; i < logind.calls; i++)
    close (logind.read_fd[i]);
  g_free (logind.what);
  g_free (logind.mode);
}
END_TEST

/* Window tests */

static void
setup (void)
{
  kit_ui_setup ("kit-lock-XXXXXX");
}


/* Unlock @path with the widgets of the unlock page, up to the main page. */
static void
unlock_with_widgets (const char *path)
{
  GtkWidget *row, *button;

  kit_window_open_record (window, path);
  kit_ui_assert_page ("unlock");
  row = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "passphrase_row");
  button = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "unlock_button");
  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  ck_assert (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  kit_ui_assert_page ("main");
  ck_assert_ptr_nonnull (kit_window_get_vault (window));
}

static void
create_record (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = NULL;
  KitKdfParams kdf;

  kit_kdf_params_minimal (&kdf);
  vault = kit_vault_create (path, PASSPHRASE, &kdf, NULL, &error);
  ck_assert_msg (vault != NULL, "create: %s", error ? error->message : "?");
  ck_assert (kit_vault_close (vault, TRUE, NULL));
}

/* How many people called @name the record on disk holds. */
static int
count_people_on_disk (const char *path, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = kit_vault_open (path, PASSPHRASE, &error);
  sqlite3_stmt *stmt = NULL;
  int count;

  ck_assert_msg (vault != NULL, "reopen: %s", error ? error->message : "?");
  ck_assert_int_eq (sqlite3_prepare_v2 (kit_vault_get_db (vault),
                                        "SELECT count(*) FROM people WHERE name = ?1", -1,
                                        &stmt, NULL),
                    SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  ck_assert (kit_vault_close (vault, TRUE, NULL));
  return count;
}

static gboolean
record_closed (gpointer data)
{
  return kit_window_get_vault (window) == NULL;
}

START_TEST (test_window_screen_lock)
{
  g_autofree char *path = g_build_filename (tmpdir, "Screen lock.kit", NULL);
  g_autoptr(GDBusConnection) bus = get_bus (G_BUS_TYPE_SESSION);
  g_autoptr(GError) error = NULL;
  gint64 deadline;

  create_record (path);
  unlock_with_widgets (path);
  ck_assert (kit_lock_monitor_get_active (kit_window_get_lock_monitor (window)));
  ck_assert_msg (kit_vault_exec (kit_window_get_vault (window),
                                 "INSERT INTO people (name) VALUES ('Saved by locking');",
                                 &error),
                 "insert: %s", error ? error->message : "?");

  /* The screen unlocking leaves the record open. */
  emit (bus, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", FALSE);
  kit_ui_spin (0.5);
  ck_assert_str_eq (kit_window_get_page_name (window), "main");
  ck_assert_ptr_nonnull (kit_window_get_vault (window));

  /* The screen locking locks the record. */
  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (kit_window_get_vault (window) != NULL && g_get_monotonic_time () < deadline)
    {
      emit (bus, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", TRUE);
     kit_ui_wait_until (record_closed, NULL, 0.2);
    }
  ck_assert_msg (kit_window_get_vault (window) == NULL,
                 "the record is still open after the screen locked");
  kit_ui_assert_page ("unlock");
  ck_assert (!kit_lock_monitor_get_active (kit_window_get_lock_monitor (window)));
  ck_assert_msg (count_people_on_disk (path, "Saved by locking") == 1,
                 "the edit made before locking isn't in the file");
}
END_TEST

START_TEST (test_window_idle_lock)
{
  g_autofree char *path = g_build_filename (tmpdir, "Idle.kit", NULL);
  g_autoptr(GError) error = NULL;

  create_record (path);
  for (int round = 0; round < 2; round++)
    {
      g_autofree char *name = g_strdup_printf ("Round %d", round);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO people (name) VALUES ('%s');",
                                              name);

      /* The second round checks that unlocking again re-arms the idle lock. */
      unlock_with_widgets (path);
      ck_assert (kit_vault_exec (kit_window_get_vault (window), sql, &error));
      kit_lock_monitor_set_idle_ms (kit_window_get_lock_monitor (window), 300);
      ck_assert_msg (kit_ui_wait_until (record_closed, NULL, WAIT_SECONDS),
                     "round %d: the record is still open after the idle time", round);
      kit_ui_assert_page ("unlock");
      ck_assert_msg (count_people_on_disk (path, name) == 1,
                     "round %d: the edit made before the idle lock isn't in the file", round);
    }
}
END_TEST

static Suite *
lock_suite (void)
{
  Suite *suite = suite_create ("lock");
  TCase *monitor = tcase_create ("monitor");
  TCase *win = tcase_create ("window");

  tcase_set_timeout (monitor, 120);
  tcase_add_test (monitor, test_idle_fires);
  tcase_add_test (monitor, test_idle_activity_postpones);
  tcase_add_test (monitor, test_idle_inactive);
  tcase_add_loop_test (monitor, test_screensaver, 0, G_N_ELEMENTS (savers));
  tcase_add_test (monitor, test_sleep);
  suite_add_tcase (suite, monitor);

  tcase_add_checked_fixture (win, setup, kit_ui_teardown);
  tcase_set_timeout (win, 240);
  tcase_add_test (win, test_window_screen_lock);
  tcase_add_test (win, test_window_idle_lock);
  suite_add_tcase (suite, win);
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "test-lock: no display (DISPLAY is not set). Run it under "
                       "xvfb-run -a, as `meson test --suite ui` does; it is not skipped.\n");
      return EXIT_FAILURE;
    }
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("KIT_KDF_MINIMAL", "1", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);

  runner = srunner_create (lock_suite ());
  srunner_set_fork_status (runner, CK_FORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
