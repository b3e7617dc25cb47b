/* kit-welcome-page.c — the first page: create or open a record, and recent records. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-welcome-page.h"

struct _KitWelcomePage
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *recent_group;
  GtkListBox *recent_list;
};

G_DEFINE_FINAL_TYPE (KitWelcomePage, kit_welcome_page, GTK_TYPE_WIDGET)

static GtkWidget *
create_recent_row (const char *path)
{
  g_autofree char *name = kit_app_record_display_name (path);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *folder_display = g_filename_display_name (folder);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder_display);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-path");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_string (path));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, folder_display, -1);
  return row;
}

static void
kit_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_WELCOME_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_welcome_page_parent_class)->dispose (object);
}

static void
kit_welcome_page_class_init (KitWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, KitWelcomePage, recent_list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_welcome_page_init (KitWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_welcome_page_new (void)
{
  return g_object_new (KIT_TYPE_WELCOME_PAGE, NULL);
}

void
kit_welcome_page_set_recent (KitWelcomePage *self, const char * const *paths)
{
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (KIT_IS_WELCOME_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (; paths != NULL && paths[n] != NULL; n++)
    gtk_list_box_append (self->recent_list, create_recent_row (paths[n]));
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), n > 0);
}
