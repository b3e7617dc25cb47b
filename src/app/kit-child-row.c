/* kit-child-row.c — one child in the sidebar: initials, name, age, next contact. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-child-row.h"
#include "kit-date.h"

struct _KitChildRow
{
  GtkListBoxRow parent_instance;

  AdwAvatar *avatar;
  GtkLabel *name_label;
  GtkLabel *age_label;
  GtkLabel *next_label;

  KitChild *child;
};

G_DEFINE_FINAL_TYPE (KitChildRow, kit_child_row, GTK_TYPE_LIST_BOX_ROW)

static void
set_optional_label (GtkLabel *label, const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update (KitChildRow *self)
{
  const char *name = kit_child_get_name (self->child);
  const char *next = kit_child_get_next_contact (self->child);
  g_autofree char *age = kit_app_age_text (kit_child_get_date_of_birth (self->child), NULL);
  g_autofree char *next_text = NULL;
  g_autofree char *accessible = NULL;

  if (!kit_date_is_unset (next))
    {
      g_autofree char *date = kit_date_format (next);
      g_autofree char *today = kit_date_today ();

      if (kit_date_compare (next, today) < 0)
        /* Translators: %s is a date such as "1 March 2027", already past. */
        next_text = g_strdup_printf (_("Contact was due %s"), date);
      else
        /* Translators: %s is a date such as "1 March 2027". */
        next_text = g_strdup_printf (_("Next contact %s"), date);
    }
  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name != NULL ? name : "");
  set_optional_label (self->age_label, age);
  set_optional_label (self->next_label, next_text);

  /* Only what is known: "Mia, 7 years old", not "Mia, , ". */
  {
    const char *parts[4] = { NULL };
    guint n = 0;

    if (name != NULL)
      parts[n++] = name;
    if (age != NULL)
      parts[n++] = age;
    if (next_text != NULL)
      parts[n++] = next_text;
    accessible = g_strjoinv (", ", (char **) parts);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
kit_child_row_dispose (GObject *object)
{
  KitChildRow *self = KIT_CHILD_ROW (object);

  if (self->child != NULL)
    g_signal_handlers_disconnect_by_data (self->child, self);
  g_clear_object (&self->child);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_CHILD_ROW);
  G_OBJECT_CLASS (kit_child_row_parent_class)->dispose (object);
}

static void
kit_child_row_class_init (KitChildRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_child_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-child-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KitChildRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, KitChildRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KitChildRow, age_label);
  gtk_widget_class_bind_template_child (widget_class, KitChildRow, next_label);
}

static void
kit_child_row_init (KitChildRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kit_child_row_new (KitChild *child)
{
  KitChildRow *self;

  g_return_val_if_fail (KIT_IS_CHILD (child), NULL);

  self = g_object_new (KIT_TYPE_CHILD_ROW, NULL);
  self->child = g_object_ref (child);
  /* The store may update its objects in place. */
  g_signal_connect_object (child, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

KitChild *
kit_child_row_get_child (KitChildRow *self)
{
  g_return_val_if_fail (KIT_IS_CHILD_ROW (self), NULL);
  return self->child;
}
