/* kit-sessions-view.c — a child's sessions and letterbox letters, newest first. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-sessions-view.h"

struct _KitSessionsView
{
  GtkWidget parent_instance;

  KitStore *store;
  gint64 child_id;
};

G_DEFINE_FINAL_TYPE (KitSessionsView, kit_sessions_view, GTK_TYPE_WIDGET)

static void
kit_sessions_view_dispose (GObject *object)
{
  KitSessionsView *self = KIT_SESSIONS_VIEW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_SESSIONS_VIEW);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_sessions_view_parent_class)->dispose (object);
}

static void
kit_sessions_view_class_init (KitSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_sessions_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-sessions-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_sessions_view_init (KitSessionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_sessions_view_new (void)
{
  return g_object_new (KIT_TYPE_SESSIONS_VIEW, NULL);
}

void
kit_sessions_view_set_store (KitSessionsView *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_SESSIONS_VIEW (self));
  g_set_object (&self->store, store);
}

void
kit_sessions_view_set_child (KitSessionsView *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_SESSIONS_VIEW (self));
  self->child_id = child_id;
}

gint64
kit_sessions_view_get_child (KitSessionsView *self)
{
  g_return_val_if_fail (KIT_IS_SESSIONS_VIEW (self), 0);
  return self->child_id;
}
