/* kit-vocab.c — the fixed lists of DESIGN §2: codes stored, plain words shown. */

#include "kit-vocab.h"

#include <glib/gi18n-lib.h>

static const KitVocabItem lives_with[] = {
  { "foster-carers", N_("With foster carers"), N_("Carers looking after the child for the council") },
  { "kinship-carers", N_("With family or friends"), N_("Relatives or friends caring for the child (kinship care)") },
  { "special-guardians", N_("With special guardians"), N_("People a court has made the child's special guardians") },
  { "adoptive-family", N_("With an adoptive family"), NULL },
  { "residential-home", N_("In a children's home"), N_("A residential home run for children in care") },
  { "other-parent", N_("With the other parent"), NULL },
  { "other", N_("Somewhere else"), NULL },
  { "not-known", N_("I don't know"), NULL },
};

static const KitVocabItem legal_order[] = {
  { "care-order", N_("Care order"), N_("The council shares parental responsibility") },
  { "placement-order", N_("Placement order"), N_("The council may place the child for adoption") },
  { "adoption-order", N_("Adoption order"), N_("The child has been adopted") },
  { "special-guardianship-order", N_("Special guardianship order"), N_("Special guardians make most decisions for the child") },
  { "child-arrangements-order", N_("Child arrangements order"), N_("A court order saying who the child lives with or sees") },
  { "none", N_("No order"), NULL },
  { "not-known", N_("I don't know"), NULL },
};

static const KitVocabItem kind[] = {
  { "letterbox", N_("Letters through the agency"), N_("Letters passed on by the adoption agency") },
  { "face-to-face-supervised", N_("Supervised visits"), N_("Seeing each other with a contact supervisor there") },
  { "face-to-face-unsupervised", N_("Visits without a supervisor"), N_("Seeing each other with nobody supervising") },
  { "video-call", N_("Video calls"), NULL },
  { "phone-call", N_("Phone calls"), NULL },
  { "cards-and-gifts", N_("Cards and presents"), N_("Cards or presents for birthdays and special days") },
  { "sibling-contact", N_("Contact with brothers and sisters"), NULL },
  { "farewell-contact", N_("A goodbye meeting"), N_("A last meeting before the child moves on") },
  { "other", N_("Other contact"), NULL },
};

static const KitVocabItem freq_unit[] = {
  { "week", N_("A week"), NULL },
  { "month", N_("A month"), NULL },
  { "year", N_("A year"), NULL },
  { "one-off", N_("Just once"), NULL },
  { "as-agreed", N_("As agreed"), N_("No fixed timetable; arranged each time") },
};

static const KitVocabItem status[] = {
  { "proposed", N_("Proposed"), N_("Suggested but not started yet") },
  { "active", N_("Happening now"), NULL },
  { "paused", N_("Paused"), N_("Stopped for now, expected to start again") },
  { "stopped", N_("Stopped"), NULL },
};

static const KitVocabItem what_changed[] = {
  { "started", N_("It started"), NULL },
  { "frequency", N_("How often"), NULL },
  { "kind", N_("The kind of contact"), NULL },
  { "venue", N_("Where it happens"), NULL },
  { "supervision", N_("Who supervises"), NULL },
  { "paused", N_("It was paused"), NULL },
  { "stopped", N_("It was stopped"), NULL },
  { "restarted", N_("It started again"), NULL },
  { "other", N_("Something else"), NULL },
};

static const KitVocabItem decided_by[] = {
  { "agency", N_("The agency"), N_("The council or adoption agency") },
  { "court", N_("The court"), NULL },
  { "carers", N_("The carers or adopters"), NULL },
  { "child", N_("My child"), NULL },
  { "mother", N_("Me"), NULL },
  { "jointly", N_("Decided together"), NULL },
  { "not-known", N_("I don't know"), NULL },
};

static const KitVocabItem reason_given[] = {
  { "yes", N_("Yes"), N_("I was told why") },
  { "partly", N_("Partly"), N_("I was told some of the reason") },
  { "no", N_("No"), N_("No reason was given") },
};

static const KitVocabItem reason_category[] = {
  { "childs-wishes", N_("What my child wanted"), NULL },
  { "carers-request", N_("The carers asked"), NULL },
  { "safety-concern", N_("A worry about safety"), NULL },
  { "practical-reasons", N_("Practical reasons"), N_("Such as travel, timing or money") },
  { "court-decision", N_("A court decision"), NULL },
  { "sessions-missed", N_("Sessions that didn't happen"), NULL },
  { "agency-resources", N_("The agency's staff or money"), NULL },
  { "other", N_("Another reason"), NULL },
  { "not-given", N_("No reason given"), NULL },
};

static const KitVocabItem told_how[] = {
  { "letter", N_("By letter"), NULL },
  { "email", N_("By email"), NULL },
  { "phone", N_("By phone"), NULL },
  { "in-person", N_("In person"), NULL },
  { "review-meeting", N_("At a review meeting"), NULL },
  { "found-out", N_("I found out another way"), NULL },
  { "not-told", N_("I wasn't told"), NULL },
};

static const KitVocabItem session_kind[] = {
  { "contact", N_("Contact"), N_("A meeting or call") },
  { "letter-sent", N_("Letter sent"), N_("A letter I sent") },
  { "letter-received", N_("Letter received"), N_("A letter that came back") },
};

static const KitVocabItem session_status[] = {
  { "planned", N_("Planned"), NULL },
  { "happened", N_("Happened"), NULL },
  { "cancelled", N_("Cancelled"), NULL },
  { "missed", N_("Didn't happen"), NULL },
};

/* How she felt: a small fixed set, chosen with a click (the diary). */
static const KitVocabItem feeling[] = {
  { "happy", N_("Happy"), NULL },
  { "hopeful", N_("Hopeful"), NULL },
  { "calm", N_("Calm"), NULL },
  { "proud", N_("Proud"), NULL },
  { "sad", N_("Sad"), NULL },
  { "worried", N_("Worried"), NULL },
  { "angry", N_("Angry"), NULL },
  { "confused", N_("Confused"), NULL },
  { "tired", N_("Tired"), NULL },
  { "numb", N_("Numb"), NULL },
};

typedef struct {
  const KitVocabItem *items;
  guint n_items;
} List;

#define LIST(a) { a, G_N_ELEMENTS (a) }

static const List lists[] = {
  [KIT_VOCAB_LIVES_WITH] = LIST (lives_with),
  [KIT_VOCAB_LEGAL_ORDER] = LIST (legal_order),
  [KIT_VOCAB_KIND] = LIST (kind),
  [KIT_VOCAB_FREQ_UNIT] = LIST (freq_unit),
  [KIT_VOCAB_STATUS] = LIST (status),
  [KIT_VOCAB_WHAT_CHANGED] = LIST (what_changed),
  [KIT_VOCAB_DECIDED_BY] = LIST (decided_by),
  [KIT_VOCAB_REASON_GIVEN] = LIST (reason_given),
  [KIT_VOCAB_REASON_CATEGORY] = LIST (reason_category),
  [KIT_VOCAB_TOLD_HOW] = LIST (told_how),
  [KIT_VOCAB_SESSION_KIND] = LIST (session_kind),
  [KIT_VOCAB_SESSION_STATUS] = LIST (session_status),
  [KIT_VOCAB_FEELING] = LIST (feeling),
};

const KitVocabItem *
kit_vocab_items (KitVocabList list, guint *n_items)
{
  g_return_val_if_fail ((guint) list < G_N_ELEMENTS (lists), NULL);
  if (n_items != NULL)
    *n_items = lists[list].n_items;
  return lists[list].items;
}

static const KitVocabItem *
find (KitVocabList list, const char *code, guint *position)
{
  guint n = 0;
  const KitVocabItem *items = kit_vocab_items (list, &n);
  if (items == NULL || code == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (items[i].code, code) == 0)
      {
        if (position != NULL)
          *position = i;
        return &items[i];
      }
  return NULL;
}

const char *
kit_vocab_label (KitVocabList list, const char *code)
{
  const KitVocabItem *item = find (list, code, NULL);
  return item != NULL ? _(item->label) : code;
}

const char *
kit_vocab_help (KitVocabList list, const char *code)
{
  const KitVocabItem *item = find (list, code, NULL);
  return item != NULL && item->help != NULL ? _(item->help) : NULL;
}

gboolean
kit_vocab_has (KitVocabList list, const char *code)
{
  return find (list, code, NULL) != NULL;
}

guint
kit_vocab_index (KitVocabList list, const char *code)
{
  guint position = 0;
  return find (list, code, &position) != NULL ? position : 0;
}
