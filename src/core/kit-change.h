/* kit-change.h — one entry in an arrangement's history (DESIGN §2). Entries
 * are never edited once recorded: a mistake is put right by a new entry whose
 * corrects-id points at the old one. Every field is also a GObject property. */
#pragma once

#include <glib-object.h>

#include "kit-follow-up.h"

G_BEGIN_DECLS

/* One field's before and after, as kept in changes.fields_json. The field
 * names are the arrangement's: "kind", "frequency", "venue", "supervisor",
 * "coordinator", "status", "start-date", "agreed-next", "notes". Values are
 * the plain words shown to her at the time ("twice a year", "Jo Smith"). */
typedef struct {
  char *field;
  char *before;   /* "" when there was nothing before (a new arrangement) */
  char *after;
} KitFieldChange;

void kit_field_change_free (KitFieldChange *fc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KitFieldChange, kit_field_change_free)
/* The translated name of a field: "How often", "Where", "Who supervises". */
const char *kit_field_change_label (const char *field);

#define KIT_TYPE_CHANGE (kit_change_get_type ())
G_DECLARE_FINAL_TYPE (KitChange, kit_change, KIT, CHANGE, GObject)

/* A draft for the change dialog to fill in. */
KitChange *kit_change_new (gint64 child_id, gint64 arrangement_id);
KitChange *kit_change_copy (KitChange *self);

gint64 kit_change_get_id (KitChange *self);          /* 0 until recorded */
gint64 kit_change_get_child_id (KitChange *self);
gint64 kit_change_get_arrangement_id (KitChange *self);  /* 0 for a new arrangement */
gint64 kit_change_get_seq (KitChange *self);         /* place in the child's chain, from 1 */
const char *kit_change_get_what_changed (KitChange *self);  /* KIT_VOCAB_WHAT_CHANGED code */
void kit_change_set_what_changed (KitChange *self, const char *code);
const char *kit_change_get_effective_date (KitChange *self);
void kit_change_set_effective_date (KitChange *self, const char *iso);
const char *kit_change_get_recorded_at (KitChange *self);   /* UTC "YYYY-MM-DDTHH:MM:SSZ", set by the store */
const char *kit_change_get_decided_by (KitChange *self);    /* KIT_VOCAB_DECIDED_BY code */
void kit_change_set_decided_by (KitChange *self, const char *code);
const char *kit_change_get_reason_given (KitChange *self);  /* yes, partly, no */
void kit_change_set_reason_given (KitChange *self, const char *code);
const char *kit_change_get_reason_text (KitChange *self);   /* in the words used */
void kit_change_set_reason_text (KitChange *self, const char *text);
const char *kit_change_get_reason_category (KitChange *self);
void kit_change_set_reason_category (KitChange *self, const char *code);
const char *kit_change_get_told_how (KitChange *self);      /* KIT_VOCAB_TOLD_HOW code */
void kit_change_set_told_how (KitChange *self, const char *code);
const char *kit_change_get_told_date (KitChange *self);
void kit_change_set_told_date (KitChange *self, const char *iso);
const char *kit_change_get_her_view (KitChange *self);
void kit_change_set_her_view (KitChange *self, const char *text);
gint64 kit_change_get_corrects_id (KitChange *self);  /* 0 unless this entry corrects another */
void kit_change_set_corrects_id (KitChange *self, gint64 change_id);

/* Read-only, filled in by the store. */
/* The field changes, in order (element type KitFieldChange). */
GPtrArray *kit_change_get_fields (KitChange *self);
/* The id of the newest entry that corrects this one, or 0. */
gint64 kit_change_get_corrected_by_id (KitChange *self);
/* Follow-ups, oldest first (element type KitFollowUp). */
GPtrArray *kit_change_get_follow_ups (KitChange *self);
/* The arrangement's title at the time of loading ("Letters through the agency"). */
const char *kit_change_get_arrangement_title (KitChange *self);
/* The hash that chains this entry, as 64 lowercase hex digits. */
const char *kit_change_get_hash_hex (KitChange *self);

/* Plain words: "How often: twice a year → once a year", one line per field. */
char *kit_change_describe_fields (KitChange *self);
/* "No reason was given", "Part of a reason was given: …", or the reason. */
char *kit_change_describe_reason (KitChange *self);
/* TRUE when told_how is letter or email. */
gboolean kit_change_told_in_writing (KitChange *self);

/* Used by the store only. */
void kit_change_set_id (KitChange *self, gint64 id);
void kit_change_set_child_id (KitChange *self, gint64 child_id);
void kit_change_set_arrangement_id (KitChange *self, gint64 arrangement_id);
void kit_change_set_seq (KitChange *self, gint64 seq);
void kit_change_set_recorded_at (KitChange *self, const char *stamp);
void kit_change_take_fields (KitChange *self, GPtrArray *fields);
void kit_change_set_corrected_by_id (KitChange *self, gint64 change_id);
void kit_change_take_follow_ups (KitChange *self, GPtrArray *follow_ups);
void kit_change_set_arrangement_title (KitChange *self, const char *title);
void kit_change_set_hash_hex (KitChange *self, const char *hex);

G_END_DECLS
