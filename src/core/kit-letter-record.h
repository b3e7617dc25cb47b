/* kit-letter-record.h — one letter produced and kept in the record (the
 * letters table): which template, for which change, to whom, the final text
 * (kit_document_to_xml ()), when. So it can be printed again. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIT_TYPE_LETTER_RECORD (kit_letter_record_get_type ())
G_DECLARE_FINAL_TYPE (KitLetterRecord, kit_letter_record, KIT, LETTER_RECORD, GObject)

KitLetterRecord *kit_letter_record_new (void);

gint64 kit_letter_record_get_id (KitLetterRecord *self);           /* 0 until saved */
void kit_letter_record_set_id (KitLetterRecord *self, gint64 id);  /* store only */
/* "explanation", "request-easy", … (kind, plus "-easy" for easy read) */
const char *kit_letter_record_get_template (KitLetterRecord *self);
void kit_letter_record_set_template (KitLetterRecord *self, const char *name);
gint64 kit_letter_record_get_change_id (KitLetterRecord *self);    /* 0: none (a review) */
void kit_letter_record_set_change_id (KitLetterRecord *self, gint64 id);
gint64 kit_letter_record_get_child_id (KitLetterRecord *self);
void kit_letter_record_set_child_id (KitLetterRecord *self, gint64 id);
gint64 kit_letter_record_get_sender_id (KitLetterRecord *self);    /* 0: her, or nobody */
void kit_letter_record_set_sender_id (KitLetterRecord *self, gint64 id);
gint64 kit_letter_record_get_recipient_id (KitLetterRecord *self);
void kit_letter_record_set_recipient_id (KitLetterRecord *self, gint64 id);
const char *kit_letter_record_get_final_text (KitLetterRecord *self);  /* document XML */
void kit_letter_record_set_final_text (KitLetterRecord *self, const char *xml);
const char *kit_letter_record_get_produced_at (KitLetterRecord *self); /* UTC stamp, set by the store */
void kit_letter_record_set_produced_at (KitLetterRecord *self, const char *stamp);

/* For the list on the child's page: "Request for reasons", and "to Sarah
 * Hughes, 23 November 2026" (filled by the store when listing). */
const char *kit_letter_record_get_title (KitLetterRecord *self);
const char *kit_letter_record_get_recipient_name (KitLetterRecord *self);
void kit_letter_record_set_recipient_name (KitLetterRecord *self, const char *name);

G_END_DECLS
