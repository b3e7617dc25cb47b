/* kit-overview-page.c — "Coming up" and the counts at a glance, for all children. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-overview-page.h"

struct _KitOverviewPage
{
  GtkWidget parent_instance;

  KitStore *store;

};

G_DEFINE_FINAL_TYPE (KitOverviewPage, kit_overview_page, GTK_TYPE_WIDGET)

static void
kit_overview_page_dispose (GObject *object)
{
  KitOverviewPage *self = KIT_OVERVIEW_PAGE (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_OVERVIEW_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_overview_page_parent_class)->dispose (object);
}

static void
kit_overview_page_class_init (KitOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_overview_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-overview-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_overview_page_init (KitOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_overview_page_new (void)
{
  return g_object_new (KIT_TYPE_OVERVIEW_PAGE, NULL);
}

void
kit_overview_page_set_store (KitOverviewPage *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_OVERVIEW_PAGE (self));
  g_set_object (&self->store, store);
}
