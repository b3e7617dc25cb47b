/* kit-document.h — a printable document (a letter, the contact history
 * report, the recovery sheet) as a list of blocks of plain text, ready for
 * KitRenderer. Letters are kept in the record as kit_document_to_xml ().
 *
 * Text inside a block may hold several lines ("\n"). A gap — something the
 * letter needs that the record does not hold, like a missing address or an
 * empty reason — is written inside ⟦ and ⟧ (U+27E6, U+27E7); the renderer
 * draws it as a highlighted box and kit_document_check_complete () refuses
 * to print or save a document that still has one. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KIT_BLOCK_SENDER,     /* name and address lines, top right */
  KIT_BLOCK_RECIPIENT,  /* name and address lines, left */
  KIT_BLOCK_DATE,       /* "23 November 2026", right */
  KIT_BLOCK_SUBJECT,    /* bold line above the body */
  KIT_BLOCK_HEADING,    /* bold, larger: sections of the report, the sheet's title */
  KIT_BLOCK_PARAGRAPH,
  KIT_BLOCK_BULLET,     /* one item of a list, drawn with a bullet */
  KIT_BLOCK_SIGN_OFF,   /* "Yours sincerely,\n\n\nName": kept on one page */
  KIT_BLOCK_MONO,       /* monospace, large: the recovery key, a hash */
  KIT_BLOCK_NOTE,       /* smaller grey text */
} KitBlockKind;

typedef enum {
  KIT_PAPER_A4,
  KIT_PAPER_LETTER,
} KitPaper;

#define KIT_GAP_OPEN  "\u27E6"
#define KIT_GAP_CLOSE "\u27E7"

#define KIT_TYPE_DOCUMENT (kit_document_get_type ())
G_DECLARE_FINAL_TYPE (KitDocument, kit_document, KIT, DOCUMENT, GObject)

KitDocument *kit_document_new (const char *title);
KitDocument *kit_document_copy (KitDocument *self);

/* The title is the PDF's title and the print job's name. */
const char *kit_document_get_title (KitDocument *self);
void kit_document_set_title (KitDocument *self, const char *title);
/* Easy read: larger type and more space (DESIGN §5). */
gboolean kit_document_get_easy_read (KitDocument *self);
void kit_document_set_easy_read (KitDocument *self, gboolean easy_read);
KitPaper kit_document_get_paper (KitDocument *self);   /* A4 by default */
void kit_document_set_paper (KitDocument *self, KitPaper paper);

void kit_document_add (KitDocument *self, KitBlockKind kind, const char *text);
guint kit_document_get_n_blocks (KitDocument *self);
KitBlockKind kit_document_get_block_kind (KitDocument *self, guint index);
const char *kit_document_get_block_text (KitDocument *self, guint index);
void kit_document_set_block_text (KitDocument *self, guint index, const char *text);

/* The part she can edit before printing: the subject line, a blank line,
 * then the body (paragraphs and bullets, between the subject and the
 * sign-off) with a blank line between paragraphs and bullets as "• text".
 * Setting it replaces the subject and the body blocks from that text. */
char *kit_document_get_editable_text (KitDocument *self);
void kit_document_set_editable_text (KitDocument *self, const char *text);

/* "⟦what⟧" */
char *kit_document_gap (const char *what);
/* @text (from the record) with the gap brackets made plain "[" and "]", so
 * that her own words are never read as a gap to fill. */
char *kit_document_no_gaps (const char *text);
/* FALSE with KIT_LETTER_ERROR_GAP naming the first gap ("The letter still
 * has a gap to fill: the reason given.") when one is left. */
gboolean kit_document_check_complete (KitDocument *self, GError **error);

/* Every block's text, one block per paragraph, for tests and search. */
char *kit_document_to_plain_text (KitDocument *self);

/* <document title="…" paper="a4|letter" easy-read="0|1"><block kind="…">text</block>…</document> */
char *kit_document_to_xml (KitDocument *self);
KitDocument *kit_document_from_xml (const char *xml, GError **error);

const char *kit_paper_to_string (KitPaper paper);            /* "a4", "letter" */
gboolean kit_paper_from_string (const char *text, KitPaper *out);
/* Page size in points (1/72 inch). */
void kit_paper_get_size (KitPaper paper, double *width, double *height);

G_END_DECLS
