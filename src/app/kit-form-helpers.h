/* kit-form-helpers.h — small pieces the child page's dialogs share: typed
 * dates with a message beside them, fixed-list and people choices for combo
 * rows, and text views. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"
#include "kit-vocab.h"

G_BEGIN_DECLS

/* Show @message under a field (NULL hides the label). */
void kit_form_show_error (GtkLabel *label, const char *message);

/* A field the store's KIT_INPUT_ERROR codes can name: the code, the label
 * beside the field, and the widget that takes the focus. */
typedef struct
{
  int code;
  GtkLabel *label;
  GtkWidget *field;
} KitFormField;

/* Put @error (from a save) beside the field of @fields its code names, with
 * the focus there; another input error goes in @general as it is. An error
 * that isn't about what she typed is logged, and said in plain words. */
void kit_form_show_save_error (const GError *error, const KitFormField *fields, guint n_fields,
                               GtkLabel *general);

/* Put @iso in @row as she would read it ("3 May 2024"). */
void kit_form_set_date (AdwEntryRow *row, const char *iso);
/* Read the date typed in @row into *@out_iso (NULL when empty). On a date
 * that is not real, or an empty one when @required, show a message in
 * @error_label, move the focus there and return FALSE. */
gboolean kit_form_read_date (AdwEntryRow *row, GtkLabel *error_label, gboolean required,
                             char **out_iso);

/* The labels of @list, in order (positions match kit_vocab_items ()). */
GtkStringList *kit_form_vocab_model (KitVocabList list);
/* The code at @position of @list (NULL when out of range). */
const char *kit_form_vocab_code (KitVocabList list, guint position);

/* "Nobody" then everyone in the address book; @ids receives the person id
 * of each position (0 for Nobody). */
GtkStringList *kit_form_people_model (KitStore *store, GArray *ids);
guint kit_form_people_position (GArray *ids, gint64 person_id);

/* What is typed in @row, trimmed; NULL when nothing is. */
char *kit_form_entry_text (AdwEntryRow *row);

char *kit_form_text_view_get (GtkTextView *view);
void kit_form_text_view_set (GtkTextView *view, const char *text);

/* Make @dialog no larger than @parent (a narrow window gets a narrow dialog). */
void kit_form_fit_to_parent (GtkWindow *dialog, GtkWindow *parent);

/* Show a toast with @title in the main window @widget belongs to (if any). */
void kit_form_toast (GtkWidget *widget, const char *title);

G_END_DECLS
