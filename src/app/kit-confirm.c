/* kit-confirm.c — asking before removing something, and telling her
 * plainly when an edit could not be made. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-confirm.h"
#include "kit-window.h"

typedef struct {
  GtkWidget *widget;
  KitConfirmFunc func;
  gint64 id;
} Pending;

static void
pending_free (gpointer data, GClosure *closure)
{
  Pending *pending = data;

  g_object_unref (pending->widget);
  g_free (pending);
}

static void
on_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  Pending *pending = user_data;

  if (g_strcmp0 (response, "remove") == 0)
    pending->func (pending->widget, pending->id);
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
kit_confirm_remove (GtkWidget *widget, const char *heading, const char *body,
                    KitConfirmFunc func, gint64 id)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (widget), heading, body);
  Pending *pending = g_new0 (Pending, 1);

  pending->widget = g_object_ref (widget);
  pending->func = func;
  pending->id = id;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep It"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), pending,
                         pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kit_confirm_show_error (GtkWidget *widget, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (KIT_IS_WINDOW (root))
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      kit_window_add_toast (KIT_WINDOW (root), toast);
      return;
    }
  dialog = adw_message_dialog_new (parent_window (widget), _("That didn't work"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  const char *group;
  gint64 id;
} RowMenu;

/* The menu is made when first opened: a popover for each of hundreds of
 * rows would cost more than the rows themselves. */
static void
create_row_menu (GtkMenuButton *button, gpointer user_data)
{
  RowMenu *row_menu = user_data;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) remove = NULL;
  g_autofree char *edit_action = NULL;
  g_autofree char *remove_action = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  menu = g_menu_new ();
  edit = g_menu_item_new (_("_Edit"), NULL);
  remove = g_menu_item_new (_("_Remove"), NULL);
  edit_action = g_strconcat (row_menu->group, ".edit", NULL);
  remove_action = g_strconcat (row_menu->group, ".remove", NULL);
  g_menu_item_set_action_and_target_value (edit, edit_action, g_variant_new_int64 (row_menu->id));
  g_menu_item_set_action_and_target_value (remove, remove_action,
                                           g_variant_new_int64 (row_menu->id));
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, remove);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

GtkWidget *
kit_confirm_row_menu_button (const char *group, gint64 id)
{
  GtkWidget *button = gtk_menu_button_new ();
  RowMenu *row_menu = g_new (RowMenu, 1);

  row_menu->group = group;
  row_menu->id = id;
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_row_menu, row_menu,
                                         g_free);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Edit or remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit or remove"), -1);
  return button;
}
