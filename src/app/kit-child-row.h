/* kit-child-row.h — one child in the sidebar: initials, name, age, next contact. */
#pragma once

#include <adwaita.h>

#include "kit-child.h"

G_BEGIN_DECLS

#define KIT_TYPE_CHILD_ROW (kit_child_row_get_type ())
G_DECLARE_FINAL_TYPE (KitChildRow, kit_child_row, KIT, CHILD_ROW, GtkListBoxRow)

GtkWidget *kit_child_row_new (KitChild *child);
KitChild *kit_child_row_get_child (KitChildRow *self);

G_END_DECLS
