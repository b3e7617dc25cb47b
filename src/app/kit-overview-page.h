/* kit-overview-page.h — "Coming up" and the counts at a glance, for all children. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_OVERVIEW_PAGE (kit_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (KitOverviewPage, kit_overview_page, KIT, OVERVIEW_PAGE, GtkWidget)

GtkWidget *kit_overview_page_new (void);
/* The open record's store, or NULL when the record locks (everything shown is dropped). */
void kit_overview_page_set_store (KitOverviewPage *self, KitStore *store);

G_END_DECLS
