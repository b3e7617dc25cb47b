/* kit-session-dialog.c — add or edit one contact session or letterbox letter:
 * which arrangement, what, when, how it went (who cancelled and why), when a
 * reply is expected, notes. The store validates; its message goes beside
 * the field it names and nothing is saved. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-date.h"
#include "kit-error.h"
#include "kit-form-helpers.h"
#include "kit-session-dialog.h"
#include "kit-vocab.h"

/* A reply to a letterbox letter is suggested this many days after sending. */
#define REPLY_SUGGESTED_DAYS 56

struct _KitSessionDialog
{
  AdwWindow parent_instance;

  GtkLabel *general_error;
  AdwComboRow *arrangement_row;
  AdwComboRow *kind_row;
  AdwEntryRow *date_row;
  GtkLabel *date_error;
  GtkWidget *status_list;
  AdwComboRow *status_row;
  GtkWidget *cancelled_list;
  AdwEntryRow *cancelled_by_row;
  AdwEntryRow *cancel_reason_row;
  GtkWidget *reply_box;
  AdwEntryRow *reply_row;
  GtkLabel *reply_error;
  GtkTextView *notes_view;
  GtkWidget *save_button;

  KitStore *store;
  KitSession *session;     /* the one edited, or a new one */
  GArray *arrangement_ids; /* gint64, in the order of arrangement_row */
  gboolean reply_suggested; /* the reply date is ours, not typed: follow the date */
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (KitSessionDialog, kit_session_dialog, ADW_TYPE_WINDOW)

static const char *
selected_code (AdwComboRow *row, KitVocabList list)
{
  const char *code = kit_form_vocab_code (list, adw_combo_row_get_selected (row));

  return code != NULL ? code : kit_form_vocab_code (list, 0);
}

static gboolean
is_letter (KitSessionDialog *self)
{
  return g_str_has_prefix (selected_code (self->kind_row, KIT_VOCAB_SESSION_KIND), "letter");
}

static gboolean
is_letter_sent (KitSessionDialog *self)
{
  return g_strcmp0 (selected_code (self->kind_row, KIT_VOCAB_SESSION_KIND), "letter-sent") == 0;
}

static void
clear_errors (KitSessionDialog *self)
{
  kit_form_show_error (self->general_error, NULL);
  kit_form_show_error (self->date_error, NULL);
  kit_form_show_error (self->reply_error, NULL);
}

static void
set_entry (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The suggested reply date follows the date typed, until she types her own. */
static void
suggest_reply (KitSessionDialog *self)
{
  g_autofree char *date = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *shown = NULL;
  gboolean filling;

  if (!self->reply_suggested || !is_letter_sent (self))
    return;
  if (!kit_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date)
      || date == NULL)
    return;
  reply = kit_date_add_days (date, REPLY_SUGGESTED_DAYS);
  shown = kit_date_format (reply);
  filling = self->filling;
  self->filling = TRUE;
  set_entry (self->reply_row, shown);
  self->filling = filling;
}

static void
update_visibility (KitSessionDialog *self)
{
  gboolean letter = is_letter (self);
  gboolean cancelled =
    !letter && g_strcmp0 (selected_code (self->status_row, KIT_VOCAB_SESSION_STATUS),
                          "cancelled") == 0;

  gtk_widget_set_visible (self->status_list, !letter);
  gtk_widget_set_visible (self->cancelled_list, cancelled);
  gtk_widget_set_visible (self->reply_box, is_letter_sent (self));
}

static void
on_kind_selected (KitSessionDialog *self)
{
  update_visibility (self);
  suggest_reply (self);
}

static void
on_status_selected (KitSessionDialog *self)
{
  update_visibility (self);
}

static void
on_arrangement_selected (KitSessionDialog *self)
{
  kit_form_show_error (self->general_error, NULL);
}

static void
on_date_changed (KitSessionDialog *self)
{
  kit_form_show_error (self->date_error, NULL);
  suggest_reply (self);
}

static void
on_reply_changed (KitSessionDialog *self)
{
  kit_form_show_error (self->reply_error, NULL);
  if (!self->filling)
    self->reply_suggested = FALSE;
}

static void
cancelled_by_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitSessionDialog *self = KIT_SESSION_DIALOG (widget);

  set_entry (self->cancelled_by_row, g_variant_get_string (parameter, NULL));
}

static void
show_save_error (KitSessionDialog *self, const GError *error)
{
  const KitFormField fields[] = {
    { KIT_INPUT_ERROR_DATE, self->date_error, GTK_WIDGET (self->date_row) },
    { KIT_INPUT_ERROR_REPLY_DATE, self->reply_error, GTK_WIDGET (self->reply_row) },
  };

  kit_form_show_save_error (error, fields, G_N_ELEMENTS (fields), self->general_error);
}

static void
on_save_clicked (KitSessionDialog *self)
{
  g_autoptr(KitSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *notes = NULL;
  guint arrangement = adw_combo_row_get_selected (self->arrangement_row);
  gboolean letter = is_letter (self);
  const char *status;

  /* With no arrangement at all, the message saying so stays. */
  if (self->arrangement_ids->len == 0)
    return;
  clear_errors (self);
  if (arrangement >= self->arrangement_ids->len)
    {
      kit_form_show_error (self->general_error,
                           _("Please choose which arrangement this was part of."));
      return;
    }
  if (!kit_form_read_date (self->date_row, self->date_error, TRUE, &date))
    return;
  if (is_letter_sent (self) &&
      !kit_form_read_date (self->reply_row, self->reply_error, FALSE, &reply))
    return;

  /* A letter is sent or received; one planned elsewhere keeps its status. */
  status = selected_code (self->status_row, KIT_VOCAB_SESSION_STATUS);
  if (letter)
    {
      const char *was = kit_session_get_status (self->session);

      status = was == NULL || g_strcmp0 (was, "cancelled") == 0 ? "happened" : was;
    }
  session = kit_session_copy (self->session);
  kit_session_set_arrangement_id (session,
                                  g_array_index (self->arrangement_ids, gint64, arrangement));
  kit_session_set_kind (session, selected_code (self->kind_row, KIT_VOCAB_SESSION_KIND));
  kit_session_set_date (session, date);
  kit_session_set_status (session, status);
  if (g_strcmp0 (status, "cancelled") == 0)
    {
      g_autofree char *by = kit_form_entry_text (self->cancelled_by_row);
      g_autofree char *why = kit_form_entry_text (self->cancel_reason_row);

      kit_session_set_cancelled_by (session, by);
      kit_session_set_cancel_reason (session, why);
    }
  else
    {
      kit_session_set_cancelled_by (session, NULL);
      kit_session_set_cancel_reason (session, NULL);
    }
  kit_session_set_reply_expected (session, is_letter_sent (self) ? reply : NULL);
  notes = kit_form_text_view_get (self->notes_view);
  kit_session_set_notes (session, *notes != '\0' ? notes : NULL);

  if (!kit_store_save_session (self->store, session, &error))
    {
      show_save_error (self, error);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill_arrangements (KitSessionDialog *self, gint64 child_id, gint64 selected_id)
{
  g_autoptr(GListModel) arrangements = kit_store_list_arrangements (self->store, child_id);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (arrangements);
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KitArrangement) arrangement = g_list_model_get_item (arrangements, i);
      gint64 id = kit_arrangement_get_id (arrangement);

      gtk_string_list_append (titles, kit_arrangement_get_title (arrangement));
      g_array_append_val (self->arrangement_ids, id);
      if (id == selected_id)
        selected = i;
    }
  adw_combo_row_set_model (self->arrangement_row, G_LIST_MODEL (titles));
  if (n > 0)
    adw_combo_row_set_selected (self->arrangement_row, selected);
  else
    {
      /* Not her mistake, so not in red: a note on what to do first. */
      gtk_widget_remove_css_class (GTK_WIDGET (self->general_error), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->general_error), "dim-label");
      kit_form_show_error (self->general_error,
                           _("There is no contact arrangement for this child yet. Add one "
                             "under “Contact now” first, then sessions and letters can be "
                             "recorded here."));
      gtk_widget_set_sensitive (self->save_button, FALSE);
    }
}

/* A new session's kind follows its arrangement: letters for the letterbox. */
static const char *
default_kind (KitSessionDialog *self)
{
  g_autoptr(KitArrangement) arrangement = NULL;

  if (self->arrangement_ids->len == 0)
    return "contact";
  arrangement = kit_store_find_arrangement (self->store,
                                            g_array_index (self->arrangement_ids, gint64, 0));
  if (arrangement != NULL && g_strcmp0 (kit_arrangement_get_kind (arrangement), "letterbox") == 0)
    return "letter-sent";
  return "contact";
}

static void
fill (KitSessionDialog *self, gint64 child_id, KitSession *session)
{
  g_autofree char *date = NULL;
  g_autofree char *reply = NULL;

  fill_arrangements (self, child_id, session != NULL ? kit_session_get_arrangement_id (session) : 0);
  if (session == NULL)
    {
      g_autofree char *today = kit_date_today ();

      self->session = kit_session_new (0);
      kit_session_set_date (self->session, today);
      kit_session_set_kind (self->session, default_kind (self));
      kit_session_set_status (self->session, "happened");
      self->reply_suggested = TRUE;
    }
  else
    self->session = kit_session_copy (session);

  date = kit_date_format (kit_session_get_date (self->session));
  reply = kit_date_format (kit_session_get_reply_expected (self->session));
  self->filling = TRUE;
  adw_combo_row_set_selected (self->kind_row,
                              kit_vocab_index (KIT_VOCAB_SESSION_KIND,
                                               kit_session_get_kind (self->session)));
  adw_combo_row_set_selected (self->status_row,
                              kit_vocab_index (KIT_VOCAB_SESSION_STATUS,
                                               kit_session_get_status (self->session)));
  set_entry (self->date_row, date);
  set_entry (self->reply_row, reply);
  set_entry (self->cancelled_by_row, kit_session_get_cancelled_by (self->session));
  set_entry (self->cancel_reason_row, kit_session_get_cancel_reason (self->session));
  kit_form_text_view_set (self->notes_view, kit_session_get_notes (self->session));
  self->filling = FALSE;
  update_visibility (self);
  suggest_reply (self);
  if (self->arrangement_ids->len > 0)
    clear_errors (self);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  on_save_clicked (KIT_SESSION_DIALOG (widget));
}

static void
kit_session_dialog_dispose (GObject *object)
{
  KitSessionDialog *self = KIT_SESSION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_SESSION_DIALOG);
  G_OBJECT_CLASS (kit_session_dialog_parent_class)->dispose (object);
}

static void
kit_session_dialog_finalize (GObject *object)
{
  KitSessionDialog *self = KIT_SESSION_DIALOG (object);

  g_array_unref (self->arrangement_ids);
  G_OBJECT_CLASS (kit_session_dialog_parent_class)->finalize (object);
}

static void
kit_session_dialog_class_init (KitSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_session_dialog_dispose;
  object_class->finalize = kit_session_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, arrangement_row);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, status_list);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, cancelled_list);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, cancelled_by_row);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, cancel_reason_row);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, reply_box);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, reply_row);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, reply_error);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KitSessionDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_arrangement_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reply_changed);

  gtk_widget_class_install_action (widget_class, "session.cancelled-by", "s",
                                   cancelled_by_action);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kit_session_dialog_init (KitSessionDialog *self)
{
  g_autoptr(GtkStringList) kinds = kit_form_vocab_model (KIT_VOCAB_SESSION_KIND);
  g_autoptr(GtkStringList) statuses = kit_form_vocab_model (KIT_VOCAB_SESSION_STATUS);

  self->arrangement_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  kit_app_add_save_shortcut (GTK_WIDGET (self), "dialog.save");
  kit_app_name_rows (GTK_WIDGET (self));
  self->filling = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->filling = FALSE;
}

GtkWidget *
kit_session_dialog_new (GtkWindow *parent, KitStore *store, gint64 child_id, KitSession *session)
{
  KitSessionDialog *self;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  g_return_val_if_fail (session == NULL || KIT_IS_SESSION (session), NULL);

  self = g_object_new (KIT_TYPE_SESSION_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill (self, child_id, session);
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  return GTK_WIDGET (self);
}
