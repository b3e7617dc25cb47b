/* kit-due-notification.c — the desktop notification at start-up for
 * anything due within 7 days. NOT BUILT YET. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-due-notification.h"

void
kit_due_notification_send (GApplication *app, KitStore *store)
{
  (void) app;
  (void) store;
}

void
kit_due_notification_withdraw (GApplication *app)
{
  (void) app;
}
