/* kit-letter-preview.c — draws KitRenderer's pages scaled to the width it is
 * given. The layout is done once per document (in points, by the renderer);
 * drawing only scales it, so resizing the window is cheap and the lines
 * break where they will break on paper. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-letter-preview.h"

struct _KitLetterPreview
{
  GtkWidget parent_instance;

  KitRenderer *renderer;
};

G_DEFINE_FINAL_TYPE (KitLetterPreview, kit_letter_preview, GTK_TYPE_WIDGET)

/* Space around and between pages, in pixels. */
#define GAP 18
/* A page is never drawn wider than this, so a wide window keeps it readable. */
#define MAX_PAGE_WIDTH 760

static double
page_scale (KitLetterPreview *self, int width)
{
  double page_width = kit_renderer_get_page_width (self->renderer);
  double shown = MIN (width - 2 * GAP, MAX_PAGE_WIDTH);

  if (page_width <= 0)
    return 0;
  return MAX (shown, 40) / page_width;
}

static guint
n_pages (KitLetterPreview *self)
{
  return self->renderer != NULL ? kit_renderer_get_n_pages (self->renderer) : 0;
}

static void
kit_letter_preview_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                            int *minimum, int *natural, int *minimum_baseline,
                            int *natural_baseline)
{
  KitLetterPreview *self = KIT_LETTER_PREVIEW (widget);
  guint n = n_pages (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = MAX_PAGE_WIDTH + 2 * GAP;
      return;
    }
  if (n == 0)
    {
      *minimum = *natural = 0;
      return;
    }
  {
    int width = for_size > 0 ? for_size : MAX_PAGE_WIDTH + 2 * GAP;
    double height = kit_renderer_get_page_height (self->renderer) * page_scale (self, width);

    *minimum = *natural = (int) (n * (height + GAP) + GAP);
  }
}

static GtkSizeRequestMode
kit_letter_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
snapshot_page (KitLetterPreview *self, GtkSnapshot *snapshot, guint page, double x, double y,
               double scale)
{
  double w = kit_renderer_get_page_width (self->renderer) * scale;
  double h = kit_renderer_get_page_height (self->renderer) * scale;
  GskRoundedRect outline;
  GdkRGBA shadow = { 0, 0, 0, 0.25 };
  cairo_t *cr;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, w, h), 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 2, 1, 6);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, w, h));
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  kit_renderer_draw_page (self->renderer, cr, page);
  cairo_destroy (cr);
}

static void
kit_letter_preview_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  KitLetterPreview *self = KIT_LETTER_PREVIEW (widget);
  int width = gtk_widget_get_width (widget);
  guint n = n_pages (self);
  double scale, w, h;

  if (n == 0)
    return;
  scale = page_scale (self, width);
  w = kit_renderer_get_page_width (self->renderer) * scale;
  h = kit_renderer_get_page_height (self->renderer) * scale;
  for (guint i = 0; i < n; i++)
    /* Whole pixels, so the page edge stays sharp (and no libm for floor ()). */
    snapshot_page (self, snapshot, i, (int) ((width - w) / 2), GAP + i * (h + GAP), scale);
}

static void
kit_letter_preview_dispose (GObject *object)
{
  KitLetterPreview *self = KIT_LETTER_PREVIEW (object);

  g_clear_object (&self->renderer);
  G_OBJECT_CLASS (kit_letter_preview_parent_class)->dispose (object);
}

static void
kit_letter_preview_class_init (KitLetterPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_letter_preview_dispose;
  widget_class->measure = kit_letter_preview_measure;
  widget_class->get_request_mode = kit_letter_preview_get_request_mode;
  widget_class->snapshot = kit_letter_preview_snapshot;
  gtk_widget_class_set_css_name (widget_class, "kit-letter-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kit_letter_preview_init (KitLetterPreview *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the pages as they will be printed"), -1);
}

GtkWidget *
kit_letter_preview_new (void)
{
  return g_object_new (KIT_TYPE_LETTER_PREVIEW, NULL);
}

void
kit_letter_preview_set_document (KitLetterPreview *self, KitDocument *document)
{
  g_return_if_fail (KIT_IS_LETTER_PREVIEW (self));

  g_clear_object (&self->renderer);
  if (document != NULL)
    self->renderer = kit_renderer_new (document);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

KitRenderer *
kit_letter_preview_get_renderer (KitLetterPreview *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_PREVIEW (self), NULL);
  return self->renderer;
}

guint
kit_letter_preview_get_n_pages (KitLetterPreview *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_PREVIEW (self), 0);
  return n_pages (self);
}
