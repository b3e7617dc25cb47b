/* kit-app-util.c — small helpers the pages share: KDF cost for tests,
 * record display names and plain-words messages for record errors. */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-date.h"
#include "kit-error.h"

const KitKdfParams *
kit_app_kdf_params (KitKdfParams *buf)
{
  if (g_strcmp0 (g_getenv ("KIT_KDF_MINIMAL"), "1") != 0)
    return NULL;
  kit_kdf_params_minimal (buf);
  return buf;
}

char *
kit_app_record_display_name (const char *path)
{
  g_autofree char *base = NULL;

  if (path == NULL || *path == '\0')
    return g_strdup ("");
  base = g_filename_display_basename (path);
  if (g_str_has_suffix (base, ".kit") && strlen (base) > 4)
    base[strlen (base) - 4] = '\0';
  return g_steal_pointer (&base);
}

char *
kit_app_open_error_message (const GError *error)
{
  if (error == NULL)
    return g_strdup ("");
  if (error->domain == KIT_RECORD_ERROR)
    {
      switch ((KitRecordError) error->code)
        {
        case KIT_RECORD_ERROR_WRONG_PASSPHRASE:
          return g_strdup (_("That passphrase didn't open this record. Please try again."));
        case KIT_RECORD_ERROR_DAMAGED:
          return g_strdup (_("This record file is damaged, so it can't be opened. "
                             "Your passphrase is not the problem."));
        case KIT_RECORD_ERROR_NOT_A_RECORD:
          return g_strdup (_("This file is not a Keep in Touch record."));
        case KIT_RECORD_ERROR_UNSUPPORTED_VERSION:
          return g_strdup (_("This record was made by a newer version of Keep in Touch. "
                             "Please update the app to open it."));
        case KIT_RECORD_ERROR_IN_USE:
          return g_strdup (_("This record is open in another program. Close it there first."));
        case KIT_RECORD_ERROR_NOT_FOUND:
          return g_strdup (_("This record can't be found. It may have been moved or deleted."));
        case KIT_RECORD_ERROR_INVALID:
          return g_strdup (_("Please type your passphrase."));
        case KIT_RECORD_ERROR_CANNOT_WRITE:
        case KIT_RECORD_ERROR_CHANGED_ON_DISK:
        case KIT_RECORD_ERROR_FAILED:
        default:
          break;
        }
    }
  return g_strdup_printf (_("This record couldn't be opened. %s"), error->message);
}

char *
kit_app_save_error_message (const GError *error)
{
  if (error != NULL && error->domain == KIT_RECORD_ERROR &&
      error->code == KIT_RECORD_ERROR_CANNOT_WRITE)
    return g_strdup (_("Your record couldn't be saved — the disk may be full or the folder "
                       "may be missing. Your changes are kept here and will be saved again."));
  return g_strdup_printf (_("Your record couldn't be saved. Your changes are kept here "
                            "and will be saved again. %s"),
                          error != NULL ? error->message : "");
}

char *
kit_app_age_text (const char *birth, const char *today)
{
  g_autofree char *now = today != NULL ? g_strdup (today) : kit_date_today ();
  GDate b, t;
  int years, months;

  if (!kit_date_parse (birth, &b) || !kit_date_parse (now, &t) || g_date_compare (&t, &b) < 0)
    return NULL;
  years = kit_date_age_years (birth, now);
  if (years >= 1)
    return g_strdup_printf (ngettext ("%d year old", "%d years old", years), years);
  months = (g_date_get_year (&t) - g_date_get_year (&b)) * 12
           + (int) g_date_get_month (&t) - (int) g_date_get_month (&b)
           - (g_date_get_day (&t) < g_date_get_day (&b) ? 1 : 0);
  if (months < 1)
    return g_strdup (_("Under a month old"));
  return g_strdup_printf (ngettext ("%d month old", "%d months old", months), months);
}

void
kit_app_name_rows (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                                        -1);
      else
        kit_app_name_rows (child);
    }
}

void
kit_app_add_save_shortcut (GtkWidget *dialog, const char *action_name)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger =
    gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                 gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new (action_name)));
  gtk_widget_add_controller (dialog, controller);
}

void
kit_app_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

void
kit_app_follow_store (gpointer page, KitStore **store_slot, gulong *changed_id, KitStore *store,
                      GCallback on_changed)
{
  if (*store_slot != NULL && *changed_id != 0)
    g_signal_handler_disconnect (*store_slot, *changed_id);
  *changed_id = 0;
  g_set_object (store_slot, store);
  if (store != NULL)
    *changed_id = g_signal_connect_swapped (store, "changed", on_changed, page);
}
