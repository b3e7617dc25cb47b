/* kit-follow-up.h — what happened after a change: an explanation was
 * asked for on a date, and an answer came (or has not yet). Follow-ups are
 * not part of the hash chain and can be edited. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIT_TYPE_FOLLOW_UP (kit_follow_up_get_type ())
G_DECLARE_FINAL_TYPE (KitFollowUp, kit_follow_up, KIT, FOLLOW_UP, GObject)

KitFollowUp *kit_follow_up_new (gint64 change_id);
KitFollowUp *kit_follow_up_copy (KitFollowUp *self);
void kit_follow_up_set_change_id (KitFollowUp *self, gint64 change_id);  /* store only */

gint64 kit_follow_up_get_id (KitFollowUp *self);          /* 0 until saved */
void kit_follow_up_set_id (KitFollowUp *self, gint64 id); /* store only */
gint64 kit_follow_up_get_change_id (KitFollowUp *self);
const char *kit_follow_up_get_requested_date (KitFollowUp *self);
void kit_follow_up_set_requested_date (KitFollowUp *self, const char *iso);
const char *kit_follow_up_get_answered_date (KitFollowUp *self);  /* NULL: no answer yet */
void kit_follow_up_set_answered_date (KitFollowUp *self, const char *iso);
const char *kit_follow_up_get_answer (KitFollowUp *self);
void kit_follow_up_set_answer (KitFollowUp *self, const char *text);

/* An explanation was asked for and no answer has come. */
gboolean kit_follow_up_is_unanswered (KitFollowUp *self);

G_END_DECLS
