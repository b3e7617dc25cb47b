/* kit-letter.h — a letter built from the record at the moment of writing
 * (DESIGN §5): the fields of a change or an arrangement, the child, the
 * sender and the recipient, dates formatted for a UK letter
 * ("23 November 2026"), expanded through the chosen template. */
#pragma once

#include "kit-document.h"
#include "kit-letter-template.h"
#include "kit-store.h"

G_BEGIN_DECLS

/* Sender and recipient: a person's id, or one of these. */
#define KIT_LETTER_ME      ((gint64) 0)   /* the mother herself: kit_store_get_me () */
#define KIT_LETTER_DEFAULT ((gint64) -1)  /* let kit_letter_compose () choose */

typedef struct {
  KitLetterKind kind;
  gboolean easy_read;
  KitPaper paper;
  gint64 change_id;       /* explanation and request */
  gint64 arrangement_id;  /* review; 0 for the others (the change's arrangement is used) */
  gint64 sender_id;       /* a person, KIT_LETTER_ME or KIT_LETTER_DEFAULT */
  gint64 recipient_id;    /* same */
  const char *today;      /* ISO date, or NULL for today (KIT_TODAY in tests) */
} KitLetterRequest;

/* Defaults: an explanation is from and to her (for her to keep); a request
 * for reasons and a request for a review are from her to the arrangement's
 * coordinator, or its supervisor when there is no coordinator, or a gap. */
void kit_letter_request_init (KitLetterRequest *request, KitLetterKind kind);

/* The sender and recipient kit_letter_compose () would choose. */
void kit_letter_resolve_people (KitStore *store, const KitLetterRequest *request,
                                gint64 *sender_id, gint64 *recipient_id);

/* Builds the letter. KIT_LETTER_ERROR_NOT_FOUND for an unknown change,
 * arrangement or person. A missing address or an empty reason becomes a gap
 * in the document (not an error), so the preview can show it; @template_warning
 * (may be NULL) receives the message of a broken override template. */
KitDocument *kit_letter_compose (KitStore *store, const KitLetterRequest *request,
                                 char **template_warning, GError **error);

/* Whether the letter can be printed or saved: FALSE with
 * KIT_LETTER_ERROR_NO_ADDRESS when the recipient has no address ("Sarah
 * Hughes has no address yet. Add one in People, then try again."), and with
 * KIT_LETTER_ERROR_GAP when a gap is left. */
gboolean kit_letter_check_ready (KitStore *store, const KitLetterRequest *request,
                                 KitDocument *document, GError **error);

G_END_DECLS
