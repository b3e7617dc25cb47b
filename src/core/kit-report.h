/* kit-report.h — documents that are not letters, drawn by the same renderer:
 * the contact history report of a child (for a review meeting or a
 * solicitor) and the one-page recovery sheet. */
#pragma once

#include "kit-document.h"
#include "kit-store.h"

G_BEGIN_DECLS

/* The arrangements now; every change, oldest first, with the date, what
 * changed, who decided, the reason as given (or "No reason was given"), how
 * she was told, follow-ups; the counts; and a closing statement that the
 * history's hash chain is intact (or, plainly, that it is not) with the
 * chain's final hash (kit_store_child_chain_tail ()). @today NULL: today.
 * KIT_LETTER_ERROR_NOT_FOUND for an unknown or removed child. */
KitDocument *kit_report_contact_history (KitStore *store, gint64 child_id, const char *today,
                                         GError **error);

/* One page: what the sheet is, the record's name, the key in large
 * monospace, where to keep it, and how to use it. */
KitDocument *kit_report_recovery_sheet (const char *record_name, const char *recovery_key,
                                        const char *today);

G_END_DECLS
