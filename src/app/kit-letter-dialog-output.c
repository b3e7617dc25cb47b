/* kit-letter-dialog-output.c — what the letter dialog makes: the pages
 * printed through GtkPrintOperation (drawn by the same KitRenderer layout
 * as the preview) or saved as a PDF through a GtkFileChooserNative; each
 * letter made is kept in the record, so it can be printed again. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-date.h"
#include "kit-error.h"
#include "kit-letter-dialog-private.h"
#include "kit-renderer.h"

/* Each letter printed or saved is kept, so it can be printed again. */
static gboolean
keep_letter (KitLetterDialog *self, GError **error)
{
  g_autoptr(KitLetterRecord) record = NULL;
  g_autofree char *name = NULL;
  g_autofree char *xml = NULL;
  gboolean ok;

  /* Printed or saved: her wording is on paper now, so closing need not ask. */
  self->unsaved = FALSE;
  if (!self->is_letter)
    return TRUE;
  record = kit_letter_record_new ();
  name = g_strconcat (kit_letter_kind_to_string (self->request.kind),
                      self->request.easy_read ? "-easy" : "", NULL);
  xml = kit_document_to_xml (self->document);
  kit_letter_record_set_template (record, name);
  kit_letter_record_set_change_id (record, self->request.kind == KIT_LETTER_REVIEW
                                             ? 0 : self->request.change_id);
  kit_letter_record_set_child_id (record, self->child_id);
  kit_letter_record_set_sender_id (record, MAX (self->request.sender_id, 0));
  kit_letter_record_set_recipient_id (record, MAX (self->request.recipient_id, 0));
  kit_letter_record_set_final_text (record, xml);
  self->keeping = TRUE;
  ok = kit_store_save_letter (self->store, record, error);
  self->keeping = FALSE;
  return ok;
}

static void
say_not_kept (KitLetterDialog *self, const GError *error)
{
  g_warning ("Keeping a letter failed: %s", error->message);
  kit_letter_dialog_show_refusal (self, _("The letter was made, but it could not be kept in your record. "
                        "It will not be listed to print again."),
                FIX_NONE, 0);
}

/* Printing */

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page,
              gpointer user_data)
{
  KitRenderer *renderer = KIT_RENDERER (user_data);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width = kit_renderer_get_page_width (renderer);
  double page_height = kit_renderer_get_page_height (renderer);
  /* 1 on the paper chosen here; if another is picked in the print dialog,
   * the whole page still fits, footer included, centred across. */
  double scale = MIN (width / page_width, height / page_height);

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  kit_renderer_draw_page (renderer, cr, page);
  cairo_restore (cr);
}

static GtkPrintOperation *
make_print_operation (KitLetterDialog *self, KitRenderer *renderer)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *paper = gtk_paper_size_new (kit_document_get_paper (self->document) == KIT_PAPER_LETTER
                                              ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_paper_size_free (paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The renderer keeps its own 25 mm margins from the paper's edge. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) kit_renderer_get_n_pages (renderer));
  gtk_print_operation_set_job_name (operation, kit_document_get_title (self->document));
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_object_ref (renderer), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  return operation;
}

/* What came of a print: kept and said so, or the failure in plain words. */
static gboolean
printed (KitLetterDialog *self, GtkPrintOperationResult result, const GError *print_error,
         GError **error)
{
  g_autoptr(GError) local = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_warning ("Printing failed: %s", print_error != NULL ? print_error->message : "?");
      kit_letter_dialog_show_refusal (self, _("The letter could not be sent to the printer. "
                            "Check the printer is on, or save it as a PDF instead."),
                    FIX_NONE, 0);
      g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE,
                           gtk_label_get_label (self->refusal_label));
      return FALSE;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return FALSE;
  if (!keep_letter (self, &local))
    say_not_kept (self, local);
  else
    kit_letter_dialog_toast (self, _("Sent to the printer"));
  return TRUE;
}

static void
on_print_done (GtkPrintOperation *operation, GtkPrintOperationResult result, gpointer user_data)
{
  KitLetterDialog *self = KIT_LETTER_DIALOG (user_data);
  g_autoptr(GError) error = NULL;

  /* Disposed (closed as the record locked): nothing to show it in, nothing to keep. */
  if (self->document == NULL)
    return;
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  printed (self, result, error, NULL);
}

/* Prints through GtkPrintOperation: with @export_path, straight to that
 * PDF file (GTK_PRINT_OPERATION_ACTION_EXPORT, for tests) before returning;
 * else through the system's print dialog, without waiting: the dialog may
 * be closed under it when the record locks, and "done" then never comes. */
static gboolean
run_print (KitLetterDialog *self, const char *export_path, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) local = NULL;
  KitRenderer *renderer;
  GtkPrintOperationResult result;

  if (!kit_letter_dialog_check_ready (self, error))
    return FALSE;
  renderer = kit_letter_preview_get_renderer (self->preview);
  if (renderer == NULL || kit_renderer_get_n_pages (renderer) == 0)
    {
      g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND,
                           _("There is nothing to print."));
      return FALSE;
    }
  operation = make_print_operation (self, renderer);
  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                        GTK_WINDOW (self), &local);
      return printed (self, result, local, error);
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &local);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return printed (self, result, local, error);
  return TRUE;
}

void
kit_letter_dialog_print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  run_print (KIT_LETTER_DIALOG (widget), NULL, NULL);
}

/* Save as PDF */

void
kit_letter_dialog_close_chooser (KitLetterDialog *self)
{
  if (self->chooser == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->chooser, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

static void
on_file_chosen (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  KitLetterDialog *self = KIT_LETTER_DIALOG (user_data);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  kit_letter_dialog_close_chooser (self);
  if (path != NULL)
    kit_letter_dialog_save_pdf (self, path, NULL);
}

void
kit_letter_dialog_save_pdf_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitLetterDialog *self = KIT_LETTER_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  /* Refused before she picks a file, so she is not asked for nothing. */
  if (!kit_letter_dialog_check_ready (self, NULL))
    return;
  chooser = gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  file_name = kit_letter_dialog_default_file_name (self);
  {
    /* Her Documents folder, or her home: never wherever the program was started. */
    gboolean has_documents = documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR);
    g_autoptr(GFile) folder = g_file_new_for_path (has_documents ? documents : g_get_home_dir ());

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  kit_letter_dialog_close_chooser (self);
  self->chooser = chooser;
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Public API */

gboolean
kit_letter_dialog_save_pdf (KitLetterDialog *self, const char *path, GError **error)
{
  g_autoptr(GError) local = NULL;
  KitRenderer *renderer;

  g_return_val_if_fail (KIT_IS_LETTER_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!kit_letter_dialog_check_ready (self, error))
    return FALSE;
  renderer = kit_letter_preview_get_renderer (self->preview);
  if (renderer == NULL || !kit_renderer_write_pdf (renderer, path, &local))
    {
      if (local == NULL)
        g_set_error_literal (&local, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE,
                             _("The PDF could not be made."));
      kit_letter_dialog_show_refusal (self, local->message, FIX_NONE, 0);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!keep_letter (self, &local))
    {
      say_not_kept (self, local);
      return TRUE;
    }
  kit_letter_dialog_toast (self, self->is_letter ? _("Letter saved") : _("Saved as a PDF"));
  return TRUE;
}

gboolean
kit_letter_dialog_print_to_file (KitLetterDialog *self, const char *path, GError **error)
{
  g_return_val_if_fail (KIT_IS_LETTER_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return run_print (self, path, error);
}

char *
kit_letter_dialog_default_file_name (KitLetterDialog *self)
{
  g_autofree char *today = kit_date_today ();
  g_autofree char *date = kit_date_format (today);
  const char *title = self->document != NULL ? kit_document_get_title (self->document) : NULL;
  GString *name = g_string_new (NULL);

  if (self->is_letter)
    title = kit_letter_kind_title (self->request.kind);
  g_string_append (name, title != NULL && *title != '\0' ? title : _("Letter"));
  if (self->is_letter && self->child_name != NULL && *self->child_name != '\0')
    g_string_append_printf (name, " – %s", self->child_name);
  g_string_append_printf (name, " – %s.pdf", date);
  /* "Contact history: Amelia" reads as "Contact history – Amelia" in a file name. */
  g_string_replace (name, ": ", " – ", 0);
  /* A name, not a path. */
  g_strdelimit (name->str, "/\\:", '-');
  return g_string_free (name, FALSE);
}
