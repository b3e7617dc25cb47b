/* kit-vocab-combo.h — an AdwComboRow over one of the fixed lists of
 * kit-vocab.h: plain words in the list with their help text beneath, the
 * chosen item's help as the row's subtitle, and codes in and out. */
#pragma once

#include <adwaita.h>

#include "kit-vocab.h"

G_BEGIN_DECLS

void kit_vocab_combo_setup (AdwComboRow *row, KitVocabList list);
/* The code of the chosen item. */
const char *kit_vocab_combo_get_code (AdwComboRow *row);
/* Choose @code (the first item when @code is NULL or unknown). */
void kit_vocab_combo_set_code (AdwComboRow *row, const char *code);

G_END_DECLS
