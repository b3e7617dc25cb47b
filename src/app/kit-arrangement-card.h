/* kit-arrangement-card.h — one contact arrangement in plain words, with
 * "Something changed" and a menu to edit its details or show its history. */
#pragma once

#include <adwaita.h>

#include "kit-arrangement.h"

G_BEGIN_DECLS

#define KIT_TYPE_ARRANGEMENT_CARD (kit_arrangement_card_get_type ())
G_DECLARE_FINAL_TYPE (KitArrangementCard, kit_arrangement_card, KIT, ARRANGEMENT_CARD, GtkWidget)

GtkWidget *kit_arrangement_card_new (KitArrangement *arrangement);

G_END_DECLS
