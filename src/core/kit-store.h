/* kit-store.h — the record's contents as model objects: every query and
 * every edit of children, people, arrangements, changes, follow-ups,
 * sessions and important dates goes through here (DESIGN §2, §7).
 *
 * Each edit validates everything first and runs in one transaction, so a
 * refused or failed edit leaves nothing half saved. After every committed
 * edit the store emits "changed" (the window then saves the record) and
 * keeps its live models up to date. Lists other than children and people
 * are fresh snapshots: views ask again when "changed" is emitted. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "kit-arrangement.h"
#include "kit-change.h"
#include "kit-child.h"
#include "kit-diary-entry.h"
#include "kit-follow-up.h"
#include "kit-important-date.h"
#include "kit-letter-record.h"
#include "kit-person.h"
#include "kit-session.h"
#include "kit-upcoming.h"

G_BEGIN_DECLS

#define KIT_TYPE_STORE (kit_store_get_type ())
G_DECLARE_FINAL_TYPE (KitStore, kit_store, KIT, STORE, GObject)

/* Signals:
 *   "changed" (void): after every committed edit. */

/* A store over an open record's database (which must outlive it). Finishes
 * removals left pending by an earlier session and checks every child's hash
 * chain. */
KitStore *kit_store_new (sqlite3 *db, GError **error);
sqlite3 *kit_store_get_db (KitStore *self);

/* Children. The model (of KitChild, by name) stays up to date. */
GListModel *kit_store_get_children (KitStore *self);
/* A new reference to the child, or NULL. */
KitChild *kit_store_find_child (KitStore *self, gint64 child_id);
/* Inserts when the id is 0 (and sets it), updates otherwise. Refuses an empty
 * name (KIT_INPUT_ERROR_NAME), a date of birth that is not real or is in the
 * future (KIT_INPUT_ERROR_DATE_OF_BIRTH), unknown codes (KIT_INPUT_ERROR_KIND). */
gboolean kit_store_save_child (KitStore *self, KitChild *child, GError **error);
/* Hides the child and everything about it at once. Until
 * kit_store_purge_removed () (or the next kit_store_new ()), it can be brought
 * back with kit_store_undo_remove_child (). */
gboolean kit_store_remove_child (KitStore *self, gint64 child_id, GError **error);
gboolean kit_store_undo_remove_child (KitStore *self, gint64 child_id, GError **error);
/* Deletes for good every child removed and not brought back. */
gboolean kit_store_purge_removed (KitStore *self, GError **error);

/* People. The model (of KitPerson, by name) stays up to date. */
GListModel *kit_store_get_people (KitStore *self);
KitPerson *kit_store_find_person (KitStore *self, gint64 person_id);
/* Refuses an empty name and an email without '@'. */
gboolean kit_store_save_person (KitStore *self, KitPerson *person, GError **error);
/* Arrangements that named the person keep working and show nobody. */
gboolean kit_store_remove_person (KitStore *self, gint64 person_id, GError **error);

/* Arrangements of a child (KitArrangement), active first, then by kind. */
GListModel *kit_store_list_arrangements (KitStore *self, gint64 child_id);
KitArrangement *kit_store_find_arrangement (KitStore *self, gint64 arrangement_id);
/* Edit details that are not a change to contact itself (notes, coordinator,
 * supervisor, review dates, agreed next date). Changes to kind, frequency,
 * venue or status go through kit_store_record_change (). */
gboolean kit_store_save_arrangement_details (KitStore *self, KitArrangement *arrangement,
                                             GError **error);

/* Record a change (the dialog's "Save"): @after holds the arrangement as it
 * is from now on — a copy of the current one with the new details, or a new
 * arrangement (id 0) for "New arrangement". @after may be NULL when only the
 * reason or the telling is recorded (e.g. a correction). In one transaction:
 * validates (the effective date must be real and not before the arrangement
 * began, KIT_INPUT_ERROR_EFFECTIVE_DATE; a frequency must be at least once,
 * KIT_INPUT_ERROR_FREQUENCY; told date real, KIT_INPUT_ERROR_TOLD_DATE; a
 * correction must correct an entry of the same child), inserts the arrangement
 * when new, works out the before and after of every field, updates the
 * arrangement, appends the change to the child's hash chain and moves the
 * chain's anchor. Sets the change's id, seq, recorded-at and fields. */
gboolean kit_store_record_change (KitStore *self, KitChange *change, KitArrangement *after,
                                  GError **error);

/* A child's history, newest first (by effective date, then seq), with field
 * changes, follow-ups and corrected-by filled in. @arrangement_id 0: all. */
GListModel *kit_store_list_changes (KitStore *self, gint64 child_id, gint64 arrangement_id);
KitChange *kit_store_find_change (KitStore *self, gint64 change_id);

/* Follow-ups: inserted when the id is 0, updated otherwise. Refuses dates
 * that are not real, in the future, or an answer before the request
 * (KIT_INPUT_ERROR_FOLLOW_UP_DATE). */
gboolean kit_store_save_follow_up (KitStore *self, KitFollowUp *follow_up, GError **error);
gboolean kit_store_remove_follow_up (KitStore *self, gint64 follow_up_id, GError **error);

/* Sessions and letterbox exchanges of a child (@arrangement_id 0: all of
 * the child's), newest first. */
GListModel *kit_store_list_sessions (KitStore *self, gint64 child_id, gint64 arrangement_id);
/* Refuses a date that is not real (KIT_INPUT_ERROR_DATE), a session that
 * "happened" in the future (KIT_INPUT_ERROR_DATE), a reply expected before
 * the letter was sent (KIT_INPUT_ERROR_REPLY_DATE). */
gboolean kit_store_save_session (KitStore *self, KitSession *session, GError **error);
gboolean kit_store_remove_session (KitStore *self, gint64 session_id, GError **error);

/* Dates that matter for a child, in calendar order of their next coming round. */
GListModel *kit_store_list_important_dates (KitStore *self, gint64 child_id);
/* Refuses an empty label (KIT_INPUT_ERROR_LABEL) and a date that is not real. */
gboolean kit_store_save_important_date (KitStore *self, KitImportantDate *date, GError **error);
gboolean kit_store_remove_important_date (KitStore *self, gint64 date_id, GError **error);

/* Coming up: everything due or worth planning around from @today for @days
 * days, overdue replies first, then by date (KitUpcoming). @today NULL: today. */
GListModel *kit_store_list_upcoming (KitStore *self, const char *today, int days);

/* The counts of DESIGN §2, for one child or (@child_id 0) all. */
typedef struct {
  guint changes;              /* entries, corrections included */
  guint with_reason;          /* reason_given = yes */
  guint partly_reason;        /* reason_given = partly */
  guint without_reason;       /* reason_given = no */
  guint told_in_writing;      /* told by letter or email */
  guint requests_unanswered;  /* follow-ups asked for and not answered */
} KitCounts;
gboolean kit_store_get_counts (KitStore *self, gint64 child_id, KitCounts *out, GError **error);

/* Whether the child's history still verifies (as checked on opening and
 * after every change recorded). */
gboolean kit_store_child_history_intact (KitStore *self, gint64 child_id);
/* The names of children whose history does not verify (empty when none). */
GPtrArray *kit_store_get_broken_histories (KitStore *self);
/* The final hash of the child's chain as 64 hex digits, or NULL with no changes. */
char *kit_store_child_chain_tail (KitStore *self, gint64 child_id);

/* Letters (kit-store-letters.c). */

/* Her own name and address, used when a letter is from or to her (kept in
 * the record's meta). Empty strings when not set. */
void kit_store_get_me (KitStore *self, char **name, char **address);
gboolean kit_store_set_me (KitStore *self, const char *name, const char *address,
                           GError **error);
/* Keeps a letter produced: sets its id and produced-at. Emits "changed". */
gboolean kit_store_save_letter (KitStore *self, KitLetterRecord *letter, GError **error);
/* The letters kept for a child (KitLetterRecord), newest first, with titles
 * and recipient names filled in. */
GListModel *kit_store_list_letters (KitStore *self, gint64 child_id);
KitLetterRecord *kit_store_find_letter (KitStore *self, gint64 letter_id);

/* The diary (kit-store-diary.c), DESIGN §2 and §6. */

/* Review together. While on, every diary query, list, search, count and
 * export of the store leaves out private entries (shared = 0): the filter is
 * in the SQL, so no view can forget it. The state is kept in the record
 * (meta 'review-together'), so it survives a lock and a restart. Setting it
 * emits "changed" and notify::review-mode. Turning it off is the window's
 * business (it asks for the passphrase first). */
gboolean kit_store_get_review_mode (KitStore *self);
gboolean kit_store_set_review_mode (KitStore *self, gboolean on, GError **error);

typedef struct {
  gint64 child_id;      /* 0: any */
  const char *feeling;  /* a KIT_VOCAB_FEELING code, or NULL: any */
  const char *from;     /* ISO date or NULL */
  const char *to;       /* ISO date or NULL, inclusive */
  const char *search;   /* words as she typed them, or NULL / "": no search */
} KitDiaryFilter;

/* The ids of matching entries, newest first (date, then id), as gint64
 * values, with each entry's date in @dates (may be NULL) for month headings.
 * Punctuation typed by a user never causes an SQL or FTS error: the words are
 * quoted, a trailing word matches as a prefix, "quoted words" match as a
 * phrase, accents are ignored. */
GArray *kit_store_list_diary_ids (KitStore *self, const KitDiaryFilter *filter,
                                  GPtrArray **dates, GError **error);
/* Reads entries by id (in the order given), with child names, and with a
 * snippet when @search is not empty. Ids hidden by Review together are
 * skipped. */
GPtrArray *kit_store_get_diary_entries (KitStore *self, const gint64 *ids, guint n_ids,
                                        const char *search, GError **error);
/* NULL when there is no such entry, or it is private and Review together is on. */
KitDiaryEntry *kit_store_find_diary_entry (KitStore *self, gint64 entry_id);
guint kit_store_count_diary (KitStore *self, const KitDiaryFilter *filter);
/* Inserts (id 0) or updates the entry and its full-text index row, and
 * deletes any draft of it, in one transaction. Refuses an empty entry
 * (KIT_INPUT_ERROR_EMPTY), a date that is not real or in the future
 * (KIT_INPUT_ERROR_DATE), a child or session that does not exist
 * (KIT_INPUT_ERROR_NOT_FOUND), an unknown feeling (KIT_INPUT_ERROR_KIND). */
gboolean kit_store_save_diary_entry (KitStore *self, KitDiaryEntry *entry, GError **error);
gboolean kit_store_remove_diary_entry (KitStore *self, gint64 entry_id, GError **error);

/* Drafts: what the editor holds when it cannot be saved as an entry yet (a
 * date in the future, an existing entry emptied). One per entry id (0 for a
 * new entry). Not validated beyond size; emits "changed" so the record is
 * saved. Drafts of private entries are hidden by Review together too. */
gboolean kit_store_save_diary_draft (KitStore *self, KitDiaryEntry *draft, GError **error);
/* The draft of @entry_id (0: of a new entry), or NULL. */
KitDiaryEntry *kit_store_get_diary_draft (KitStore *self, gint64 entry_id);
/* The entry ids that have drafts (gint64, 0 for a new entry). */
GArray *kit_store_list_diary_drafts (KitStore *self);
gboolean kit_store_discard_diary_draft (KitStore *self, gint64 entry_id, GError **error);

/* Every entry Review together allows, as plain text (date, child, title,
 * feelings, text), oldest first: the diary's export. */
char *kit_store_export_diary_text (KitStore *self, GError **error);

G_END_DECLS
