/* kit-child-page.h — one child: contact now, the history, sessions and letters, dates that matter. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_CHILD_PAGE (kit_child_page_get_type ())
G_DECLARE_FINAL_TYPE (KitChildPage, kit_child_page, KIT, CHILD_PAGE, GtkWidget)

GtkWidget *kit_child_page_new (void);
/* The open record's store, or NULL when the record locks (everything shown is dropped). */
void kit_child_page_set_store (KitChildPage *self, KitStore *store);
/* Show the child @child_id (0: nobody). */
void kit_child_page_set_child (KitChildPage *self, gint64 child_id);
gint64 kit_child_page_get_child (KitChildPage *self);
/* The store given with set_store (for tests). */
KitStore *kit_child_page_get_store (KitChildPage *self);

G_END_DECLS
