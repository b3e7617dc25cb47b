/* kit-preferences-window.c — settings: when to lock, how many backups to keep. */
#include "config.h"

#include "kit-preferences-window.h"

struct _KitPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkSpinButton *idle_spin;
  GtkSpinButton *backups_spin;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (KitPreferencesWindow, kit_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
kit_preferences_window_dispose (GObject *object)
{
  KitPreferencesWindow *self = KIT_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (kit_preferences_window_parent_class)->dispose (object);
}

static void
kit_preferences_window_class_init (KitPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/keepintouch/KeepInTouch/kit-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KitPreferencesWindow, idle_spin);
  gtk_widget_class_bind_template_child (widget_class, KitPreferencesWindow, backups_spin);
}

static void
kit_preferences_window_init (KitPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  KitPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KIT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "idle-lock-minutes", self->idle_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backups-to-keep", self->backups_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}
