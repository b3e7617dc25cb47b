/* kit-letter-dialog-private.h — what kit-letter-dialog.c (composing,
 * editing, refusals) and kit-letter-dialog-output.c (printing, PDF, keeping
 * the letter) share. */
#pragma once

#include "kit-letter-dialog.h"
#include "kit-letter-preview.h"

G_BEGIN_DECLS

typedef enum
{
  FIX_NONE,
  FIX_PERSON,  /* add the address of fix_person */
  FIX_ME,      /* her own name and address */
  FIX_GAP,     /* a gap in the wording */
  FIX_CHOOSE,  /* nobody chosen under To */
  FIX_NEW,     /* nobody in People to write to yet */
} FixKind;

struct _KitLetterDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkRevealer *refusal_revealer;
  GtkBox *refusal_box;
  GtkLabel *refusal_label;
  GtkButton *fix_button;
  AdwLeaflet *leaflet;
  GtkWidget *edit_pane;
  AdwComboRow *from_row;
  AdwComboRow *to_row;
  GtkSwitch *easy_switch;
  GtkLabel *note_label;
  GtkTextView *text_view;
  KitLetterPreview *preview;
  GtkDropDown *paper_dropdown;
  GtkRevealer *switch_revealer;
  GtkToggleButton *show_edit_button;
  GtkToggleButton *show_preview_button;

  KitStore *store;
  gulong changed_id;
  gboolean is_letter;
  KitLetterRequest request;
  gint64 child_id;
  char *child_name;
  KitDocument *document;
  /* The sender or recipient id at each position of the From and To rows. */
  GArray *from_ids;
  GArray *to_ids;
  /* Set while the dialog itself fills its widgets: their signals are not hers. */
  gboolean loading;
  gboolean edited;
  /* Her wording changed since the letter was last printed or saved: closing asks first. */
  gboolean unsaved;
  /* Set while the letter is kept: the store's "changed" is ours. */
  gboolean keeping;
  guint relayout_id;
  /* Save as PDF's chooser while it is open. */
  GtkFileChooserNative *chooser;
  FixKind fix;
  gint64 fix_person;
};

/* kit-letter-dialog.c */
void kit_letter_dialog_show_refusal (KitLetterDialog *self, const char *message, FixKind fix,
                                     gint64 person_id);
void kit_letter_dialog_toast (KitLetterDialog *self, const char *title);
/* Her edits taken in, then kit_letter_check_ready () (or, for a fixed
 * document, that no gap is left); a refusal is shown with its way out. */
gboolean kit_letter_dialog_check_ready (KitLetterDialog *self, GError **error);

/* kit-letter-dialog-output.c */
void kit_letter_dialog_print_action (GtkWidget *widget, const char *name, GVariant *param);
void kit_letter_dialog_save_pdf_action (GtkWidget *widget, const char *name, GVariant *param);
void kit_letter_dialog_close_chooser (KitLetterDialog *self);

G_END_DECLS
