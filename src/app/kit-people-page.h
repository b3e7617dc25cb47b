/* kit-people-page.h — the address book of people and organisations. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_PEOPLE_PAGE (kit_people_page_get_type ())
G_DECLARE_FINAL_TYPE (KitPeoplePage, kit_people_page, KIT, PEOPLE_PAGE, GtkWidget)

GtkWidget *kit_people_page_new (void);
/* The open record's store, or NULL when the record locks (everything shown is dropped). */
void kit_people_page_set_store (KitPeoplePage *self, KitStore *store);

G_END_DECLS
