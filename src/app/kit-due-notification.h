/* kit-due-notification.h — the desktop notification at start-up for
 * anything due within 7 days (GNotification), and taking it back on lock. */
#pragma once

#include <gio/gio.h>

#include "kit-store.h"

G_BEGIN_DECLS

/* Send one notification summing up what is due in the next 7 days, or
 * nothing when nothing is. */
void kit_due_notification_send (GApplication *app, KitStore *store);
/* Withdraw it (when the record locks, so nothing about her shows while locked). */
void kit_due_notification_withdraw (GApplication *app);

/* The notification's body for @today (NULL: today): up to three items in
 * short words ("Mia: letter to write, on Friday"), and how many more; no
 * reasons, labels or notes. NULL when nothing is due within 7 days. */
char *kit_due_notification_build_body (KitStore *store, const char *today);
/* The notification kit_due_notification_send () sends, or NULL. */
GNotification *kit_due_notification_build (KitStore *store, const char *today);

G_END_DECLS
