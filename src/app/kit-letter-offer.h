/* kit-letter-offer.h — the offer of a letter after a change is recorded. */
#pragma once

#include <adwaita.h>

#include "kit-change.h"
#include "kit-store.h"

G_BEGIN_DECLS

/* Asks, transient for @parent, whether to write a letter about @change
 * (Request for reasons suggested when no reason or only part of one was
 * given, else Explanation of a change; or Not now), and opens the one
 * chosen in a KitLetterDialog. */
void kit_letter_offer_show (GtkWindow *parent, KitStore *store, KitChange *change);

G_END_DECLS
