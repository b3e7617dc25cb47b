/* main.c — starts Keep in Touch. */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "kit-application.h"
#include "kit-secure.h"

int
main (int argc, char *argv[])
{
  /* First of all, for --measure-startup. */
  gint64 start_us = g_get_monotonic_time ();
  g_autoptr(KitApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!kit_secure_init (&error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_set_application_name (_("Keep in Touch"));
  app = kit_application_new (start_us);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : kit_application_get_exit_status (app);
}
