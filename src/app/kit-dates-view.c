/* kit-dates-view.c — a child's birthday and the other dates that matter to her. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-dates-view.h"

struct _KitDatesView
{
  GtkWidget parent_instance;

  KitStore *store;
  gint64 child_id;
};

G_DEFINE_FINAL_TYPE (KitDatesView, kit_dates_view, GTK_TYPE_WIDGET)

static void
kit_dates_view_dispose (GObject *object)
{
  KitDatesView *self = KIT_DATES_VIEW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_DATES_VIEW);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_dates_view_parent_class)->dispose (object);
}

static void
kit_dates_view_class_init (KitDatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_dates_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-dates-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_dates_view_init (KitDatesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_dates_view_new (void)
{
  return g_object_new (KIT_TYPE_DATES_VIEW, NULL);
}

void
kit_dates_view_set_store (KitDatesView *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_DATES_VIEW (self));
  g_set_object (&self->store, store);
}

void
kit_dates_view_set_child (KitDatesView *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_DATES_VIEW (self));
  self->child_id = child_id;
}

gint64
kit_dates_view_get_child (KitDatesView *self)
{
  g_return_val_if_fail (KIT_IS_DATES_VIEW (self), 0);
  return self->child_id;
}
