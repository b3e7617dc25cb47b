/* kit-due-notification.c — the desktop notification at start-up for
 * anything due within 7 days. A notification can show on a locked screen
 * or to someone passing by, so it says little: the child's first name and
 * what kind of thing is due, never a reason, a label or a note. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kit-date.h"
#include "kit-day-words.h"
#include "kit-due-notification.h"

#define NOTIFICATION_ID "due"
#define DUE_DAYS 7
#define MAX_ITEMS 3

static char *
first_name (const char *name)
{
  const char *space = name != NULL ? strchr (name, ' ') : NULL;

  if (name == NULL)
    return g_strdup ("");
  return space != NULL ? g_strndup (name, space - name) : g_strdup (name);
}

/* "Mia: letter to write, on Friday" */
static char *
describe_item (KitUpcoming *item, const char *today)
{
  g_autofree char *name = first_name (kit_upcoming_get_child_name (item));
  const char *date = kit_upcoming_get_date (item);
  g_autofree char *when = kit_date_compare (date, today) < 0
                            ? g_strdup (_("already due"))
                            : kit_day_words_when (date, today);

  switch (kit_upcoming_get_kind (item))
    {
    case KIT_UPCOMING_REPLY_OVERDUE:
      return g_strdup_printf (_("%s: a reply to your letter hasn't arrived yet"), name);
    case KIT_UPCOMING_SESSION:
      return g_strdup_printf (_("%s: contact %s"), name, when);
    case KIT_UPCOMING_CONTACT_DUE:
      return g_strdup_printf (_("%s: contact due %s"), name, when);
    case KIT_UPCOMING_LETTER_DUE:
      return g_strdup_printf (_("%s: letter to write, %s"), name, when);
    case KIT_UPCOMING_REVIEW_DUE:
      return g_strdup_printf (_("%s: a review of contact, %s"), name, when);
    case KIT_UPCOMING_BIRTHDAY:
      return g_strdup_printf (_("%s: birthday %s"), name, when);
    case KIT_UPCOMING_DATE_THAT_MATTERS:
    default:
      return g_strdup_printf (_("%s: a date that matters, %s"), name, when);
    }
}

char *
kit_due_notification_build_body (KitStore *store, const char *today)
{
  g_autofree char *day = today != NULL ? g_strdup (today) : kit_date_today ();
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(GString) body = NULL;
  guint n;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);

  upcoming = kit_store_list_upcoming (store, day, DUE_DAYS);
  n = upcoming != NULL ? g_list_model_get_n_items (upcoming) : 0;
  if (n == 0)
    return NULL;

  body = g_string_new (NULL);
  for (guint i = 0; i < n && i < MAX_ITEMS; i++)
    {
      g_autoptr(KitUpcoming) item = g_list_model_get_item (upcoming, i);
      g_autofree char *line = describe_item (item, day);

      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, line);
    }
  if (n > MAX_ITEMS)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (NULL, "and %u more", "and %u more",
                                                 n - MAX_ITEMS),
                              n - MAX_ITEMS);
    }
  return g_string_free (g_steal_pointer (&body), FALSE);
}

GNotification *
kit_due_notification_build (KitStore *store, const char *today)
{
  g_autofree char *body = kit_due_notification_build_body (store, today);
  GNotification *notification;

  if (body == NULL)
    return NULL;
  notification = g_notification_new (_("Coming up this week"));
  g_notification_set_body (notification, body);
  /* With no default action, clicking it activates the application, which
   * presents the window (still asking for the passphrase if locked). */
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  return notification;
}

void
kit_due_notification_send (GApplication *app, KitStore *store)
{
  g_autoptr(GNotification) notification = NULL;

  g_return_if_fail (G_IS_APPLICATION (app));
  g_return_if_fail (KIT_IS_STORE (store));

  notification = kit_due_notification_build (store, NULL);
  if (notification == NULL)
    {
      g_application_withdraw_notification (app, NOTIFICATION_ID);
      return;
    }
  g_application_send_notification (app, NOTIFICATION_ID, notification);
}

void
kit_due_notification_withdraw (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));
  g_application_withdraw_notification (app, NOTIFICATION_ID);
}
