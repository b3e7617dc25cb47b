/* kit-cli-report.c — NOT WRITTEN YET: `keep-in-touch-cli report`. */

#include "config.h"

#include <glib/gi18n.h>

#include "kit-cli.h"

int
kit_cli_report (const KitCliArgs *args)
{
  (void) args;
  g_printerr ("%s\n", _("This command is not written yet."));
  return 1;
}
