/* kit-session.h — one occurrence of contact (planned, happened, cancelled,
 * missed) or one letterbox exchange (letter sent, letter received). Every
 * field is also a GObject property. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIT_TYPE_SESSION (kit_session_get_type ())
G_DECLARE_FINAL_TYPE (KitSession, kit_session, KIT, SESSION, GObject)

KitSession *kit_session_new (gint64 arrangement_id);
KitSession *kit_session_copy (KitSession *self);

gint64 kit_session_get_id (KitSession *self);          /* 0 until saved */
void kit_session_set_id (KitSession *self, gint64 id); /* store only */
gint64 kit_session_get_arrangement_id (KitSession *self);
void kit_session_set_arrangement_id (KitSession *self, gint64 arrangement_id);
const char *kit_session_get_date (KitSession *self);
void kit_session_set_date (KitSession *self, const char *iso);
const char *kit_session_get_kind (KitSession *self);    /* KIT_VOCAB_SESSION_KIND code */
void kit_session_set_kind (KitSession *self, const char *code);
const char *kit_session_get_status (KitSession *self);  /* KIT_VOCAB_SESSION_STATUS code */
void kit_session_set_status (KitSession *self, const char *code);
const char *kit_session_get_cancelled_by (KitSession *self);   /* free text */
void kit_session_set_cancelled_by (KitSession *self, const char *who);
const char *kit_session_get_cancel_reason (KitSession *self);
void kit_session_set_cancel_reason (KitSession *self, const char *why);
/* For a letter sent: when a reply is expected, or NULL. */
const char *kit_session_get_reply_expected (KitSession *self);
void kit_session_set_reply_expected (KitSession *self, const char *iso);
const char *kit_session_get_notes (KitSession *self);
void kit_session_set_notes (KitSession *self, const char *notes);

/* Read-only, filled in by the store. */
/* A letter was received on the same arrangement on or after this letter was sent. */
gboolean kit_session_get_reply_arrived (KitSession *self);
void kit_session_set_reply_arrived (KitSession *self, gboolean arrived);  /* store only */
const char *kit_session_get_arrangement_title (KitSession *self);
void kit_session_set_arrangement_title (KitSession *self, const char *title);  /* store only */

/* A letter sent whose reply was expected before @today and has not arrived. */
gboolean kit_session_reply_overdue (KitSession *self, const char *today);
/* "A reply was expected by 1 May; nothing has arrived yet." or NULL. */
char *kit_session_describe_reply (KitSession *self, const char *today);
/* "Contact happened", "Cancelled by the carers: …", "Letter sent". */
char *kit_session_describe (KitSession *self);

G_END_DECLS
