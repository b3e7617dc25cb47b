/* kit-main-page.c — what she sees while a record is open. */
#include "config.h"

#include <adwaita.h>

#include "kit-app-util.h"
#include "kit-main-page.h"

struct _KitMainPage
{
  GtkWidget parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *lock_button;
  GtkMenuButton *menu_button;
  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (KitMainPage, kit_main_page, GTK_TYPE_WIDGET)

static void
kit_main_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_MAIN_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_main_page_parent_class)->dispose (object);
}

static void
kit_main_page_class_init (KitMainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_main_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-main-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, lock_button);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KitMainPage, status_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_main_page_init (KitMainPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_main_page_new (void)
{
  return g_object_new (KIT_TYPE_MAIN_PAGE, NULL);
}

void
kit_main_page_set_record_path (KitMainPage *self, const char *path)
{
  g_autofree char *name = kit_app_record_display_name (path);

  g_return_if_fail (KIT_IS_MAIN_PAGE (self));
  adw_window_title_set_subtitle (self->window_title, name);
}
