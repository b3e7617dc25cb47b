/* kit-people-page.c — the address book of people and organisations. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-people-page.h"

struct _KitPeoplePage
{
  GtkWidget parent_instance;

  KitStore *store;

};

G_DEFINE_FINAL_TYPE (KitPeoplePage, kit_people_page, GTK_TYPE_WIDGET)

static void
kit_people_page_dispose (GObject *object)
{
  KitPeoplePage *self = KIT_PEOPLE_PAGE (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_PEOPLE_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_people_page_parent_class)->dispose (object);
}

static void
kit_people_page_class_init (KitPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_people_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-people-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_people_page_init (KitPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_people_page_new (void)
{
  return g_object_new (KIT_TYPE_PEOPLE_PAGE, NULL);
}

void
kit_people_page_set_store (KitPeoplePage *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_PEOPLE_PAGE (self));
  g_set_object (&self->store, store);
}
