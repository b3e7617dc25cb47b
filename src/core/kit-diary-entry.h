/* kit-diary-entry.h — one entry of her private diary (DESIGN §2): a date,
 * optionally a child and a session, a title, the text, how she felt (codes of
 * KIT_VOCAB_FEELING, comma-separated, plus her own words) and whether it is
 * shared in Review together. Private by default. Every field is also a
 * GObject property. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIT_TYPE_DIARY_ENTRY (kit_diary_entry_get_type ())
G_DECLARE_FINAL_TYPE (KitDiaryEntry, kit_diary_entry, KIT, DIARY_ENTRY, GObject)

KitDiaryEntry *kit_diary_entry_new (void);     /* dated today, private */
KitDiaryEntry *kit_diary_entry_copy (KitDiaryEntry *self);

gint64 kit_diary_entry_get_id (KitDiaryEntry *self);           /* 0 until saved */
void kit_diary_entry_set_id (KitDiaryEntry *self, gint64 id);  /* store only */
const char *kit_diary_entry_get_date (KitDiaryEntry *self);    /* ISO */
void kit_diary_entry_set_date (KitDiaryEntry *self, const char *iso);
gint64 kit_diary_entry_get_child_id (KitDiaryEntry *self);     /* 0: none */
void kit_diary_entry_set_child_id (KitDiaryEntry *self, gint64 id);
gint64 kit_diary_entry_get_session_id (KitDiaryEntry *self);   /* 0: none */
void kit_diary_entry_set_session_id (KitDiaryEntry *self, gint64 id);
const char *kit_diary_entry_get_title (KitDiaryEntry *self);
void kit_diary_entry_set_title (KitDiaryEntry *self, const char *title);
const char *kit_diary_entry_get_body (KitDiaryEntry *self);
void kit_diary_entry_set_body (KitDiaryEntry *self, const char *body);
const char *kit_diary_entry_get_feelings (KitDiaryEntry *self);  /* "sad,hopeful" */
void kit_diary_entry_set_feelings (KitDiaryEntry *self, const char *codes);
const char *kit_diary_entry_get_feelings_text (KitDiaryEntry *self);
void kit_diary_entry_set_feelings_text (KitDiaryEntry *self, const char *text);
gboolean kit_diary_entry_get_shared (KitDiaryEntry *self);     /* "share in review" */
void kit_diary_entry_set_shared (KitDiaryEntry *self, gboolean shared);
const char *kit_diary_entry_get_updated_at (KitDiaryEntry *self);  /* set by the store */
void kit_diary_entry_set_updated_at (KitDiaryEntry *self, const char *stamp);

/* Filled by the store when listing, for display. */
const char *kit_diary_entry_get_child_name (KitDiaryEntry *self);  /* "" when none */
void kit_diary_entry_set_child_name (KitDiaryEntry *self, const char *name);
/* With a search: a short extract with the matching words in <b>…</b>, as
 * Pango markup (everything else escaped). NULL otherwise. */
const char *kit_diary_entry_get_snippet_markup (KitDiaryEntry *self);
void kit_diary_entry_set_snippet_markup (KitDiaryEntry *self, const char *markup);

/* Behaviour */
gboolean kit_diary_entry_has_feeling (KitDiaryEntry *self, const char *code);
void kit_diary_entry_toggle_feeling (KitDiaryEntry *self, const char *code, gboolean on);
/* Neither title nor text (spaces only count as nothing). */
gboolean kit_diary_entry_is_empty (KitDiaryEntry *self);

/* A month heading in a diary list: "November 2026", and how many entries. */
#define KIT_TYPE_DIARY_MONTH (kit_diary_month_get_type ())
G_DECLARE_FINAL_TYPE (KitDiaryMonth, kit_diary_month, KIT, DIARY_MONTH, GObject)

KitDiaryMonth *kit_diary_month_new (const char *year_month, guint n_entries);
const char *kit_diary_month_get_year_month (KitDiaryMonth *self);  /* "2026-11" */
const char *kit_diary_month_get_label (KitDiaryMonth *self);       /* "November 2026" */
guint kit_diary_month_get_n_entries (KitDiaryMonth *self);

G_END_DECLS
