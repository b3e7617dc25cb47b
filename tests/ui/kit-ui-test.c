/* kit-ui-test.c — the fixture and main-loop helpers the UI tests share. */
#include "config.h"

#include "kit-ui-test.h"

#include <check.h>
#include <glib/gstdio.h>

#include "kit-secure.h"

#define WAIT_SECONDS 60

KitApplication *app;
KitWindow *window;
char *tmpdir;

void
kit_ui_setup (const char *tmp_template)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (kit_secure_init (&error), "kit_secure_init: %s",
                 error ? error->message : "?");
  app = kit_application_new (0);
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error),
                 "register: %s", error ? error->message : "?");
  window = kit_window_new (GTK_APPLICATION (app), kit_application_get_settings (app));
  gtk_window_present (GTK_WINDOW (window));
  kit_window_show_start (window);

  tmpdir = g_dir_make_tmp (tmp_template, &error);
  ck_assert_msg (tmpdir != NULL, "tmpdir: %s", error ? error->message : "?");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

void
kit_ui_teardown (void)
{
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&app);
  if (tmpdir != NULL)
    remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

gboolean
kit_ui_wait_until (KitUiCondition cond, gpointer data, double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
kit_ui_spin (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
kit_ui_page_is (gpointer name)
{
  return g_strcmp0 (kit_window_get_page_name (window), name) == 0;
}

void
kit_ui_assert_page (const char *name)
{
  ck_assert_msg (kit_ui_wait_until (kit_ui_page_is, (gpointer) name, WAIT_SECONDS),
                 "expected page '%s', still on '%s'", name, kit_window_get_page_name (window));
}

GtkWidget *
kit_ui_child (const char *page_name, GType type, const char *id)
{
  GtkWidget *page = kit_window_get_page (window, page_name);
  GObject *object;

  ck_assert_ptr_nonnull (page);
  object = gtk_widget_get_template_child (page, type, id);
  ck_assert_msg (object != NULL, "no template child %s", id);
  return GTK_WIDGET (object);
}
