/* kit-child.h — one child (DESIGN §2). Model objects are plain values read
 * from the record: change one, then hand it to kit_store_save_child(). Every
 * field is also a GObject property of the same name (with '-' for '_'), so
 * lists can bind to them. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIT_TYPE_CHILD (kit_child_get_type ())
G_DECLARE_FINAL_TYPE (KitChild, kit_child, KIT, CHILD, GObject)

KitChild *kit_child_new (void);
KitChild *kit_child_copy (KitChild *self);

gint64 kit_child_get_id (KitChild *self);              /* 0 until saved */
const char *kit_child_get_name (KitChild *self);       /* the name she uses */
void kit_child_set_name (KitChild *self, const char *name);
const char *kit_child_get_other_names (KitChild *self);
void kit_child_set_other_names (KitChild *self, const char *other_names);
const char *kit_child_get_date_of_birth (KitChild *self);  /* ISO or NULL */
void kit_child_set_date_of_birth (KitChild *self, const char *iso);
const char *kit_child_get_lives_with (KitChild *self);     /* KIT_VOCAB_LIVES_WITH code */
void kit_child_set_lives_with (KitChild *self, const char *code);
const char *kit_child_get_legal_order (KitChild *self);    /* KIT_VOCAB_LEGAL_ORDER code */
void kit_child_set_legal_order (KitChild *self, const char *code);
const char *kit_child_get_notes (KitChild *self);
void kit_child_set_notes (KitChild *self, const char *notes);

/* Read-only, filled in by the store. */
/* "MJ" for "Mia Jones", "M" for "Mia"; up to two letters, upper case. */
const char *kit_child_get_initials (KitChild *self);
/* The earliest next-due date of the child's active arrangements, or NULL. */
const char *kit_child_get_next_contact (KitChild *self);

/* Used by the store only. */
void kit_child_set_id (KitChild *self, gint64 id);
void kit_child_set_next_contact (KitChild *self, const char *iso);
void kit_child_set_initials (KitChild *self, const char *initials);

G_END_DECLS
