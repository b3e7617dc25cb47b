/* kit-child-dialog.c — add or edit a child. The store checks what she typed;
 * its answer names the field, and the message goes beside that field. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-child-dialog.h"
#include "kit-date.h"
#include "kit-error.h"
#include "kit-form-helpers.h"
#include "kit-vocab-combo.h"

struct _KitChildDialog
{
  AdwWindow parent_instance;

  GtkLabel *general_error;
  AdwEntryRow *name_row;
  GtkLabel *name_error;
  AdwEntryRow *other_names_row;
  AdwEntryRow *dob_row;
  GtkLabel *dob_error;
  AdwComboRow *lives_row;
  AdwComboRow *order_row;
  GtkLabel *kind_error;
  GtkLabel *order_help;
  GtkTextView *notes_view;
  GtkButton *save_button;

  KitStore *store;
  KitChild *child;   /* the copy being edited; id 0 when new */
};

G_DEFINE_FINAL_TYPE (KitChildDialog, kit_child_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_errors (KitChildDialog *self)
{
  kit_form_show_error (self->general_error, NULL);
  kit_form_show_error (self->name_error, NULL);
  kit_form_show_error (self->dob_error, NULL);
  kit_form_show_error (self->kind_error, NULL);
}

/* Put @error beside the field it names, and the focus there. */
static void
show_input_error (KitChildDialog *self, const GError *error)
{
  const KitFormField fields[] = {
    { KIT_INPUT_ERROR_NAME, self->name_error, GTK_WIDGET (self->name_row) },
    { KIT_INPUT_ERROR_DATE_OF_BIRTH, self->dob_error, GTK_WIDGET (self->dob_row) },
    { KIT_INPUT_ERROR_KIND, self->kind_error, GTK_WIDGET (self->lives_row) },
  };

  kit_form_show_save_error (error, fields, G_N_ELEMENTS (fields), self->general_error);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitChildDialog *self = KIT_CHILD_DIALOG (widget);
  g_autoptr(KitChild) child = kit_child_copy (self->child);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = kit_form_entry_text (self->name_row);
  g_autofree char *other = kit_form_entry_text (self->other_names_row);
  g_autofree char *dob = NULL;
  g_autofree char *notes = kit_form_text_view_get (self->notes_view);

  clear_errors (self);
  if (!kit_form_read_date (self->dob_row, self->dob_error, FALSE, &dob))
    return;
  kit_child_set_name (child, name != NULL ? name : "");
  kit_child_set_other_names (child, other);
  kit_child_set_date_of_birth (child, dob);
  kit_child_set_lives_with (child, kit_vocab_combo_get_code (self->lives_row));
  kit_child_set_legal_order (child, kit_vocab_combo_get_code (self->order_row));
  kit_child_set_notes (child, *notes != '\0' ? notes : NULL);

  if (!kit_store_save_child (self->store, child, &error))
    {
      show_input_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, kit_child_get_id (child));
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_name_changed (KitChildDialog *self)
{
  kit_form_show_error (self->name_error, NULL);
}

static void
on_dob_changed (KitChildDialog *self)
{
  kit_form_show_error (self->dob_error, NULL);
}

static void
fill (KitChildDialog *self)
{
  KitChild *child = self->child;
  g_autofree char *dob = kit_date_format (kit_child_get_date_of_birth (child));
  const char *name = kit_child_get_name (child);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->other_names_row),
                         kit_child_get_other_names (child) != NULL
                           ? kit_child_get_other_names (child) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->dob_row), dob != NULL ? dob : "");
  kit_vocab_combo_set_code (self->lives_row, kit_child_get_lives_with (child) != NULL
                                               ? kit_child_get_lives_with (child)
                                               : "not-known");
  kit_vocab_combo_set_code (self->order_row, kit_child_get_legal_order (child) != NULL
                                               ? kit_child_get_legal_order (child)
                                               : "not-known");
  kit_form_text_view_set (self->notes_view, kit_child_get_notes (child));
  if (kit_child_get_id (child) == 0)
    gtk_window_set_title (GTK_WINDOW (self), _("Add a Child"));
  else
    {
      /* Translators: the title of the dialog editing the child called %s. */
      g_autofree char *title = g_strdup_printf (_("Edit %s"), name);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  clear_errors (self);
}

static void
kit_child_dialog_dispose (GObject *object)
{
  KitChildDialog *self = KIT_CHILD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->child);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_CHILD_DIALOG);
  G_OBJECT_CLASS (kit_child_dialog_parent_class)->dispose (object);
}

static void
kit_child_dialog_class_init (KitChildDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_child_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-child-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, other_names_row);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, dob_row);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, dob_error);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, lives_row);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, kind_error);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, order_help);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KitChildDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dob_changed);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kit_child_dialog_init (KitChildDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kit_app_name_rows (GTK_WIDGET (self));
  kit_app_add_save_shortcut (GTK_WIDGET (self), "dialog.save");
  kit_vocab_combo_setup (self->lives_row, KIT_VOCAB_LIVES_WITH);
  kit_vocab_combo_setup (self->order_row, KIT_VOCAB_LEGAL_ORDER);
  {
    /* Translators: %s is the choice for "not known", such as "I don't know". */
    g_autofree char *help = g_strdup_printf (
      _("A legal order is the court's decision about who looks after the child and who "
        "makes decisions, such as a care order or an adoption order. If you aren't sure, "
        "choose “%s”."),
      kit_vocab_label (KIT_VOCAB_LEGAL_ORDER, "not-known"));

    gtk_label_set_label (self->order_help, help);
  }
}

GtkWidget *
kit_child_dialog_new (GtkWindow *parent, KitStore *store, KitChild *child)
{
  KitChildDialog *self;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  g_return_val_if_fail (child == NULL || KIT_IS_CHILD (child), NULL);

  self = g_object_new (KIT_TYPE_CHILD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->child = child != NULL ? kit_child_copy (child) : kit_child_new ();
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  return GTK_WIDGET (self);
}
