/* kit-letter-dialog.h — a letter (DESIGN §5) or another printable document
 * (the contact history report, the recovery sheet, a kept letter printed
 * again), with the pages shown as they will be printed, then printed
 * (GtkPrintOperation) or saved as a PDF. */
#pragma once

#include <adwaita.h>

#include "kit-document.h"
#include "kit-letter.h"
#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_LETTER_DIALOG (kit_letter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitLetterDialog, kit_letter_dialog, KIT, LETTER_DIALOG, AdwWindow)

/* A letter built from @request (its today is ignored: today is used): From,
 * To, Easy read, Paper and the wording can be changed. Each letter printed
 * or saved is kept in the record (kit_store_save_letter ()). */
GtkWidget *kit_letter_dialog_new (GtkWindow *parent, KitStore *store,
                                  const KitLetterRequest *request);
/* A document that is not edited, only printed or saved (the paper can be
 * changed); nothing is kept in the record. */
GtkWidget *kit_letter_dialog_new_for_document (GtkWindow *parent, KitDocument *document);

/* What Save as PDF does once a file is chosen: refuses (FALSE, and the
 * reason shown in the dialog, with a way to put it right) a letter that is
 * not ready — a recipient without an address, a gap left — and writes
 * nothing then; otherwise writes the PDF, keeps the letter and says so. */
gboolean kit_letter_dialog_save_pdf (KitLetterDialog *self, const char *path, GError **error);

/* What Print does, with the same GtkPrintOperation, but written to the PDF
 * @path instead of a printer (GTK_PRINT_OPERATION_ACTION_EXPORT): for
 * tests, which have no printer. Refuses as kit_letter_dialog_save_pdf ()
 * does; keeps the letter when printed. */
gboolean kit_letter_dialog_print_to_file (KitLetterDialog *self, const char *path,
                                          GError **error);

/* The document as it stands, with her edits (for tests). */
KitDocument *kit_letter_dialog_get_document (KitLetterDialog *self);
/* A name for the PDF: "Request for reasons – Amelia – 23 November 2026.pdf". */
char *kit_letter_dialog_default_file_name (KitLetterDialog *self);

G_END_DECLS
