/* kit-person-dialog.h — add, edit or delete one person in the address book. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_PERSON_DIALOG (kit_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitPersonDialog, kit_person_dialog, KIT, PERSON_DIALOG, AdwWindow)

/* A modal dialog to add a person (@person NULL) or edit @person (a copy is
 * edited; Delete is offered). Emits "saved" (gint64 person id) or "deleted"
 * (gint64 person id), then closes. */
GtkWidget *kit_person_dialog_new (GtkWindow *parent, KitStore *store, KitPerson *person);

G_END_DECLS
