/* kit-arrangement.h — one kind of contact with one child (DESIGN §2). Every
 * field is also a GObject property. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIT_TYPE_ARRANGEMENT (kit_arrangement_get_type ())
G_DECLARE_FINAL_TYPE (KitArrangement, kit_arrangement, KIT, ARRANGEMENT, GObject)

KitArrangement *kit_arrangement_new (gint64 child_id);
KitArrangement *kit_arrangement_copy (KitArrangement *self);

gint64 kit_arrangement_get_id (KitArrangement *self);        /* 0 until saved */
gint64 kit_arrangement_get_child_id (KitArrangement *self);
const char *kit_arrangement_get_kind (KitArrangement *self); /* KIT_VOCAB_KIND code */
void kit_arrangement_set_kind (KitArrangement *self, const char *code);
/* N in "N times per unit"; 0 for one-off and as-agreed. */
int kit_arrangement_get_freq_count (KitArrangement *self);
void kit_arrangement_set_freq_count (KitArrangement *self, int count);
const char *kit_arrangement_get_freq_unit (KitArrangement *self); /* KIT_VOCAB_FREQ_UNIT code */
void kit_arrangement_set_freq_unit (KitArrangement *self, const char *code);
const char *kit_arrangement_get_venue (KitArrangement *self);
void kit_arrangement_set_venue (KitArrangement *self, const char *venue);
gint64 kit_arrangement_get_supervisor_id (KitArrangement *self);   /* 0: nobody */
void kit_arrangement_set_supervisor_id (KitArrangement *self, gint64 person_id);
gint64 kit_arrangement_get_coordinator_id (KitArrangement *self);  /* 0: nobody */
void kit_arrangement_set_coordinator_id (KitArrangement *self, gint64 person_id);
const char *kit_arrangement_get_start_date (KitArrangement *self);
void kit_arrangement_set_start_date (KitArrangement *self, const char *iso);
const char *kit_arrangement_get_status (KitArrangement *self);     /* KIT_VOCAB_STATUS code */
void kit_arrangement_set_status (KitArrangement *self, const char *code);
const char *kit_arrangement_get_last_reviewed (KitArrangement *self);
void kit_arrangement_set_last_reviewed (KitArrangement *self, const char *iso);
const char *kit_arrangement_get_next_review (KitArrangement *self);
void kit_arrangement_set_next_review (KitArrangement *self, const char *iso);
/* A date agreed for the next contact, for one-off and as-agreed contact
 * (stored; the computed date is kit_arrangement_get_next_due ()). */
const char *kit_arrangement_get_agreed_next (KitArrangement *self);
void kit_arrangement_set_agreed_next (KitArrangement *self, const char *iso);
const char *kit_arrangement_get_notes (KitArrangement *self);
void kit_arrangement_set_notes (KitArrangement *self, const char *notes);

/* Read-only, filled in by the store when it loads the arrangement. */
/* When contact is next due: the earliest planned session from today, else
 * kit_date_next_due () from the last session that took place (or the start
 * date), else the agreed date. NULL for paused and stopped arrangements. */
const char *kit_arrangement_get_next_due (KitArrangement *self);
const char *kit_arrangement_get_supervisor_name (KitArrangement *self);   /* "" for nobody */
const char *kit_arrangement_get_coordinator_name (KitArrangement *self);  /* "" for nobody */

/* Plain words for the card: "Letters through the agency — twice a year,
 * next due 1 March 2027, coordinated by Jo Smith". */
char *kit_arrangement_describe (KitArrangement *self);
/* The short title: "Letters through the agency" (the kind's label). */
const char *kit_arrangement_get_title (KitArrangement *self);

/* Used by the store only. */
void kit_arrangement_set_id (KitArrangement *self, gint64 id);
void kit_arrangement_set_child_id (KitArrangement *self, gint64 child_id);
void kit_arrangement_set_next_due (KitArrangement *self, const char *iso);
void kit_arrangement_set_supervisor_name (KitArrangement *self, const char *name);
void kit_arrangement_set_coordinator_name (KitArrangement *self, const char *name);

/* "twice a year", "once a month", "3 times a week", "one-off", "as agreed". */
char *kit_describe_frequency (int count, const char *unit);
/* "at the family centre"; a venue that already says how ("online", "through
 * the agency", "at home") is kept as typed. "" for none. */
char *kit_describe_venue (const char *venue);

G_END_DECLS
