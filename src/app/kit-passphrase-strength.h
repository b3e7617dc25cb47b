/* kit-passphrase-strength.h — a plain-words hint about how strong a passphrase is. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KIT_STRENGTH_EMPTY,
  KIT_STRENGTH_SHORT,
  KIT_STRENGTH_GOOD,
  KIT_STRENGTH_STRONG,
} KitStrength;

/* Based on length, number of words and variety of characters. */
KitStrength kit_passphrase_strength (const char *passphrase);
/* A short sentence for the strength (empty for KIT_STRENGTH_EMPTY). */
const char *kit_passphrase_strength_hint (KitStrength strength);

G_END_DECLS
