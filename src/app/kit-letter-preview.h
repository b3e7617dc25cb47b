/* kit-letter-preview.h — the pages of a document as they will be printed:
 * KitRenderer's pages scaled to the widget's width, one under the other,
 * with a shadow and a gap between them. Put it in a GtkScrolledWindow. */
#pragma once

#include <gtk/gtk.h>

#include "kit-document.h"
#include "kit-renderer.h"

G_BEGIN_DECLS

#define KIT_TYPE_LETTER_PREVIEW (kit_letter_preview_get_type ())
G_DECLARE_FINAL_TYPE (KitLetterPreview, kit_letter_preview, KIT, LETTER_PREVIEW, GtkWidget)

GtkWidget *kit_letter_preview_new (void);
/* Lays out a copy of @document (NULL: nothing) and shows its pages. */
void kit_letter_preview_set_document (KitLetterPreview *self, KitDocument *document);
/* The layout shown, for printing what is seen (NULL when none). */
KitRenderer *kit_letter_preview_get_renderer (KitLetterPreview *self);
guint kit_letter_preview_get_n_pages (KitLetterPreview *self);

G_END_DECLS
