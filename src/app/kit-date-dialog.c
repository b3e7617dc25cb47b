/* kit-date-dialog.c — add or edit one date that matters about a child: what
 * it is, when, and whether it comes round every year. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-date-dialog.h"
#include "kit-date.h"
#include "kit-error.h"
#include "kit-form-helpers.h"

struct _KitDateDialog
{
  AdwWindow parent_instance;

  GtkLabel *general_error;
  AdwEntryRow *label_row;
  GtkLabel *label_error;
  AdwEntryRow *date_row;
  GtkLabel *date_error;
  GtkSwitch *yearly_switch;
  GtkWidget *save_button;

  KitStore *store;
  KitImportantDate *date;
};

G_DEFINE_FINAL_TYPE (KitDateDialog, kit_date_dialog, ADW_TYPE_WINDOW)

static void
on_label_changed (KitDateDialog *self)
{
  kit_form_show_error (self->label_error, NULL);
}

static void
on_date_changed (KitDateDialog *self)
{
  kit_form_show_error (self->date_error, NULL);
}

static void
show_save_error (KitDateDialog *self, const GError *error)
{
  const KitFormField fields[] = {
    { KIT_INPUT_ERROR_LABEL, self->label_error, GTK_WIDGET (self->label_row) },
    { KIT_INPUT_ERROR_DATE, self->date_error, GTK_WIDGET (self->date_row) },
  };

  kit_form_show_save_error (error, fields, G_N_ELEMENTS (fields), self->general_error);
}

static void
on_save_clicked (KitDateDialog *self)
{
  g_autoptr(KitImportantDate) date = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));

  kit_form_show_error (self->general_error, NULL);
  kit_form_show_error (self->label_error, NULL);
  kit_form_show_error (self->date_error, NULL);
  if (*label == '\0')
    {
      kit_form_show_error (self->label_error, _("Please say what this date is, in a few words."));
      gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
      return;
    }
  if (!kit_form_read_date (self->date_row, self->date_error, TRUE, &iso))
    return;

  date = kit_important_date_copy (self->date);
  kit_important_date_set_label (date, label);
  kit_important_date_set_date (date, iso);
  kit_important_date_set_yearly (date, gtk_switch_get_active (self->yearly_switch));
  if (!kit_store_save_important_date (self->store, date, &error))
    {
      show_save_error (self, error);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  on_save_clicked (KIT_DATE_DIALOG (widget));
}

static void
kit_date_dialog_dispose (GObject *object)
{
  KitDateDialog *self = KIT_DATE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->date);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_DATE_DIALOG);
  G_OBJECT_CLASS (kit_date_dialog_parent_class)->dispose (object);
}

static void
kit_date_dialog_class_init (KitDateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_date_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-date-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KitDateDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, KitDateDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, KitDateDialog, label_error);
  gtk_widget_class_bind_template_child (widget_class, KitDateDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KitDateDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, KitDateDialog, yearly_switch);
  gtk_widget_class_bind_template_child (widget_class, KitDateDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_label_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kit_date_dialog_init (KitDateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kit_app_add_save_shortcut (GTK_WIDGET (self), "dialog.save");
  kit_app_name_rows (GTK_WIDGET (self));
}

GtkWidget *
kit_date_dialog_new (GtkWindow *parent, KitStore *store, gint64 child_id, KitImportantDate *date)
{
  KitDateDialog *self;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  g_return_val_if_fail (date == NULL || KIT_IS_IMPORTANT_DATE (date), NULL);

  self = g_object_new (KIT_TYPE_DATE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (date != NULL)
    {
      g_autofree char *shown = kit_date_format (kit_important_date_get_date (date));

      self->date = kit_important_date_copy (date);
      gtk_editable_set_text (GTK_EDITABLE (self->label_row),
                             kit_important_date_get_label (date) != NULL
                               ? kit_important_date_get_label (date) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), shown);
      gtk_switch_set_active (self->yearly_switch, kit_important_date_get_yearly (date));
    }
  else
    {
      self->date = kit_important_date_new (child_id);
      gtk_window_set_title (GTK_WINDOW (self), _("New Date That Matters"));
    }
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  return GTK_WIDGET (self);
}
