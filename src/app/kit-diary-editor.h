/* kit-diary-editor.h — write or read one diary entry. It saves as she
 * types (about a second after the last change), at once when it closes,
 * and when the record locks or the window closes (kit_diary_editor_save_all). */
#pragma once

#include <adwaita.h>

#include "kit-diary-entry.h"
#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_DIARY_EDITOR (kit_diary_editor_get_type ())
G_DECLARE_FINAL_TYPE (KitDiaryEditor, kit_diary_editor, KIT, DIARY_EDITOR, AdwWindow)

/* The entry @entry_id (0: a new one, about @child_id and @session_id when
 * not 0). What was left unfinished of it (its draft) is taken up again. */
GtkWidget *kit_diary_editor_new (GtkWindow *parent, KitStore *store, gint64 entry_id,
                                 gint64 child_id, gint64 session_id);
/* Save what is typed now: as the entry when it can be, else as a draft. */
void kit_diary_editor_save_now (KitDiaryEditor *self);
/* Save every editor open over @parent now (before a lock or a close). */
void kit_diary_editor_save_all (GtkWindow *parent);

/* The entry's id (0 until first saved). */
gint64 kit_diary_editor_get_entry_id (KitDiaryEditor *self);
/* "Saved", "Not saved yet", … as shown in the header. */
const char *kit_diary_editor_get_state_text (KitDiaryEditor *self);

G_END_DECLS
