/* kit-renderer.h — lays out a KitDocument on pages with Pango and draws them
 * with Cairo. The same layout serves the on-screen preview, GtkPrintOperation
 * and the PDF export, so what is seen is what is printed (DESIGN §5).
 *
 * Layout is done once, in points, with a Pango font map of its own (72 dpi,
 * no hinting of metrics), so it does not depend on the screen or printer it
 * is drawn on. Page numbers ("Page 1 of 2") are drawn at the foot of every
 * page when there is more than one. Fonts: DejaVu Sans and DejaVu Sans Mono
 * (Debian's fonts-dejavu-core), embedded as subsets in the PDF. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "kit-document.h"

G_BEGIN_DECLS

#define KIT_TYPE_RENDERER (kit_renderer_get_type ())
G_DECLARE_FINAL_TYPE (KitRenderer, kit_renderer, KIT, RENDERER, GObject)

/* Lays out a copy of @document at once (later edits of @document are not seen). */
KitRenderer *kit_renderer_new (KitDocument *document);

/* Page size in points, from the document's paper. */
double kit_renderer_get_page_width (KitRenderer *self);
double kit_renderer_get_page_height (KitRenderer *self);
guint kit_renderer_get_n_pages (KitRenderer *self);

/* Draws page @page (from 0) with its top left at the origin of @cr, one unit
 * per point: the caller scales for the screen or the printer. Paints the
 * white paper first. */
void kit_renderer_draw_page (KitRenderer *self, cairo_t *cr, guint page);

/* Writes every page to a PDF at @path, through a temporary file renamed into
 * place, so a failure leaves no half-written file. Refuses a document with a
 * gap left (KIT_LETTER_ERROR_GAP); KIT_LETTER_ERROR_WRITE when the file
 * cannot be written, in plain words. */
gboolean kit_renderer_write_pdf (KitRenderer *self, const char *path, GError **error);

G_END_DECLS
