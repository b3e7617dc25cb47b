/* kit-child-page.c — one child: contact now, the history, sessions and letters, dates that matter. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-child-page.h"

struct _KitChildPage
{
  GtkWidget parent_instance;

  KitStore *store;
  gint64 child_id;
};

G_DEFINE_FINAL_TYPE (KitChildPage, kit_child_page, GTK_TYPE_WIDGET)

static void
kit_child_page_dispose (GObject *object)
{
  KitChildPage *self = KIT_CHILD_PAGE (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_CHILD_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_child_page_parent_class)->dispose (object);
}

static void
kit_child_page_class_init (KitChildPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_child_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-child-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_child_page_init (KitChildPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_child_page_new (void)
{
  return g_object_new (KIT_TYPE_CHILD_PAGE, NULL);
}

void
kit_child_page_set_store (KitChildPage *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_CHILD_PAGE (self));
  g_set_object (&self->store, store);
}

void
kit_child_page_set_child (KitChildPage *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_CHILD_PAGE (self));
  self->child_id = child_id;
}

gint64
kit_child_page_get_child (KitChildPage *self)
{
  g_return_val_if_fail (KIT_IS_CHILD_PAGE (self), 0);
  return self->child_id;
}
