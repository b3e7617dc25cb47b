/* kit-vocab.h — the fixed lists of DESIGN §2 (where a child lives, kinds of
 * contact, who decided, …): the code stored in the record and the plain
 * words shown for it, translated. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KIT_VOCAB_LIVES_WITH,       /* foster-carers, kinship-carers, special-guardians, adoptive-family,
                                 residential-home, other-parent, other, not-known */
  KIT_VOCAB_LEGAL_ORDER,      /* care-order, placement-order, adoption-order,
                                 special-guardianship-order, child-arrangements-order, none, not-known */
  KIT_VOCAB_KIND,             /* letterbox, face-to-face-supervised, face-to-face-unsupervised,
                                 video-call, phone-call, cards-and-gifts, sibling-contact,
                                 farewell-contact, other */
  KIT_VOCAB_FREQ_UNIT,        /* week, month, year, one-off, as-agreed */
  KIT_VOCAB_STATUS,           /* proposed, active, paused, stopped */
  KIT_VOCAB_WHAT_CHANGED,     /* started, frequency, kind, venue, supervision, paused, stopped,
                                 restarted, other */
  KIT_VOCAB_DECIDED_BY,       /* agency, court, carers, child, mother, jointly, not-known */
  KIT_VOCAB_REASON_GIVEN,     /* yes, partly, no */
  KIT_VOCAB_REASON_CATEGORY,  /* childs-wishes, carers-request, safety-concern, practical-reasons,
                                 court-decision, sessions-missed, agency-resources, other, not-given */
  KIT_VOCAB_TOLD_HOW,         /* letter, email, phone, in-person, review-meeting, found-out, not-told */
  KIT_VOCAB_SESSION_KIND,     /* contact, letter-sent, letter-received */
  KIT_VOCAB_SESSION_STATUS,   /* planned, happened, cancelled, missed */
  KIT_VOCAB_FEELING,          /* happy, hopeful, calm, proud, sad, worried, angry, confused, tired, numb */
} KitVocabList;

typedef struct {
  const char *code;   /* stored in the record; never translated */
  const char *label;  /* untranslated msgid: use kit_vocab_label () */
  const char *help;   /* untranslated msgid or NULL: a short explanation for a tooltip or subtitle */
} KitVocabItem;

const KitVocabItem *kit_vocab_items (KitVocabList list, guint *n_items);
/* The translated label of @code, or @code itself when the list has no such code. */
const char *kit_vocab_label (KitVocabList list, const char *code);
/* The translated help text, or NULL. */
const char *kit_vocab_help (KitVocabList list, const char *code);
gboolean kit_vocab_has (KitVocabList list, const char *code);
/* Position of @code in the list (for a GtkDropDown), or 0 when unknown. */
guint kit_vocab_index (KitVocabList list, const char *code);

G_END_DECLS
