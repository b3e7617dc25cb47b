/* kit-application.c — the application: one instance, its options, app actions. */
#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "kit-application.h"
#include "kit-preferences-window.h"
#include "kit-secure.h"
#include "kit-window.h"

#define PASSPHRASE_MAX 4096

struct _KitApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gint64 start_us;
  int exit_status;
};

G_DEFINE_FINAL_TYPE (KitApplication, kit_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "open", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Start on the unlock page of RECORD"), N_("RECORD") },
  { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --open, unlock RECORD with the first line read from file descriptor N"),
    N_("N") },
  { "measure-startup", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --open and --passphrase-fd: unlock, draw the main window, print startup-ms "
       "(process start to first drawn frame) and after-unlock-ms (key derived to that "
       "frame), then child-page-ms, diary-page-ms (each page asked for to its first drawn "
       "frame) and peak-rss-kb, then quit"),
    NULL },
  { NULL }
};

/* The first line from @fd, in a g_malloc'd buffer to wipe with
 * kit_secure_free_string(); NULL on error. */
static char *
read_passphrase_fd (int fd)
{
  g_autofree char *buf = g_malloc0 (PASSPHRASE_MAX + 1);
  gsize len = 0;

  while (len < PASSPHRASE_MAX)
    {
      char c;
      ssize_t n = read (fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          kit_secure_free_string (g_steal_pointer (&buf));
          return NULL;
        }
      if (n == 0 || c == '\n')
        break;
      buf[len++] = c;
    }
  if (len > 0 && buf[len - 1] == '\r')
    buf[--len] = '\0';
  return g_steal_pointer (&buf);
}

static KitWindow *
get_window (KitApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (KIT_IS_WINDOW (window))
    return KIT_WINDOW (window);
  return kit_window_new (GTK_APPLICATION (self), self->settings);
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window saves and closes its record; one that can't save asks. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  KitApplication *self = KIT_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *prefs = kit_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
shortcuts_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", parent,
                "application-name", _("Keep in Touch"),
                "application-icon", APP_ID,
                "version", PACKAGE_VERSION,
                "comments", _("A private record of contact with your children: what was "
                              "agreed, what changed, and why. Everything stays on this "
                              "computer."),
                "license-type", GTK_LICENSE_GPL_3_0,
                "developer-name", _("The Keep in Touch contributors"),
                "copyright", "© 2024 The Keep in Touch contributors",
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
  { "shortcuts", shortcuts_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
};

static int
kit_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  /* Unlocking from a file descriptor only works in this process, so these
   * options never hand over to a running instance. */
  if (g_variant_dict_contains (options, "measure-startup") ||
      g_variant_dict_contains (options, "passphrase-fd"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static int
kit_application_command_line (GApplication *app, GApplicationCommandLine *cmdline)
{
  KitApplication *self = KIT_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *open_arg = NULL;
  g_autofree char *open_path = NULL;
  gboolean measure = g_variant_dict_contains (options, "measure-startup");
  int fd = -1;
  KitWindow *window;

  g_variant_dict_lookup (options, "open", "^ay", &open_arg);
  g_variant_dict_lookup (options, "passphrase-fd", "i", &fd);
  if (open_arg != NULL)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, open_arg);

      open_path = g_file_get_path (file);
    }

  if ((measure || fd >= 0) && (open_path == NULL || fd < 0))
    {
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("--passphrase-fd and --measure-startup need "
                                             "both --open RECORD and --passphrase-fd N."));
      return 1;
    }

  window = get_window (self);
  if (fd >= 0)
    {
      char *passphrase = read_passphrase_fd (fd);

      if (passphrase == NULL)
        {
          g_application_command_line_printerr (cmdline, "%s\n",
                                               _("The passphrase couldn't be read."));
          gtk_window_destroy (GTK_WINDOW (window));
          return 1;
        }
      gtk_window_present (GTK_WINDOW (window));
      kit_window_unlock_now (window, open_path, passphrase, measure ? self->start_us : 0);
      kit_secure_free_string (passphrase);
      return 0;
    }

  if (open_path != NULL)
    kit_window_open_record (window, open_path);
  else if (kit_window_get_page_name (window) == NULL || kit_window_get_vault (window) == NULL)
    kit_window_show_start (window);
  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

static void
kit_application_activate (GApplication *app)
{
  KitWindow *window = get_window (KIT_APPLICATION (app));

  if (kit_window_get_vault (window) == NULL)
    kit_window_show_start (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
kit_application_startup (GApplication *app)
{
  KitApplication *self = KIT_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *lock_accels[] = { "<Control>l", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };

  G_APPLICATION_CLASS (kit_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         prefs_accels);
  /* Shown in menus and the shortcuts window; the window binds them as well. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.lock", lock_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  /* The main page's shortcuts (Ctrl+Shift+N, Ctrl+E, Ctrl+1, …) are not set
   * here: application accels are activated on the window, which can't reach
   * actions installed on a page inside it. kit-main-page.c (add_shortcuts)
   * binds them, and ui/help-overlay.ui lists them by accelerator. */
}

static void
kit_application_finalize (GObject *object)
{
  KitApplication *self = KIT_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (kit_application_parent_class)->finalize (object);
}

static void
kit_application_class_init (KitApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kit_application_finalize;
  app_class->handle_local_options = kit_application_handle_local_options;
  app_class->command_line = kit_application_command_line;
  app_class->activate = kit_application_activate;
  app_class->startup = kit_application_startup;
}

static void
kit_application_init (KitApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("A private record of contact with your children, kept on this computer."));
  g_application_set_option_context_description (
    G_APPLICATION (self),
    _("Timing: keep-in-touch --open RECORD --passphrase-fd N --measure-startup\n"
      "unlocks RECORD with the passphrase read from file descriptor N, draws the main\n"
      "window, prints “startup-ms N” and “after-unlock-ms N” on standard output, then\n"
      "shows the busiest child's page and the diary, prints “child-page-ms N”,\n"
      "“diary-page-ms N” and “peak-rss-kb N”, and quits."));
}

KitApplication *
kit_application_new (gint64 start_us)
{
  KitApplication *self = g_object_new (KIT_TYPE_APPLICATION,
                                       "application-id", APP_ID,
                                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                                       NULL);

  self->start_us = start_us;
  return self;
}

GSettings *
kit_application_get_settings (KitApplication *self)
{
  g_return_val_if_fail (KIT_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
kit_application_set_exit_status (KitApplication *self, int status)
{
  g_return_if_fail (KIT_IS_APPLICATION (self));
  self->exit_status = status;
}

int
kit_application_get_exit_status (KitApplication *self)
{
  g_return_val_if_fail (KIT_IS_APPLICATION (self), 1);
  return self->exit_status;
}
