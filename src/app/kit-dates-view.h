/* kit-dates-view.h — a child's birthday and the other dates that matter to her. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"

G_BEGIN_DECLS

#define KIT_TYPE_DATES_VIEW (kit_dates_view_get_type ())
G_DECLARE_FINAL_TYPE (KitDatesView, kit_dates_view, KIT, DATES_VIEW, GtkWidget)

GtkWidget *kit_dates_view_new (void);
/* The open record's store, or NULL when the record locks (everything shown is dropped). */
void kit_dates_view_set_store (KitDatesView *self, KitStore *store);
/* Show the child @child_id (0: nobody). */
void kit_dates_view_set_child (KitDatesView *self, gint64 child_id);
gint64 kit_dates_view_get_child (KitDatesView *self);

G_END_DECLS
