/* kit-renderer.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-renderer.h"

struct _KitRenderer { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (KitRenderer, kit_renderer, G_TYPE_OBJECT)
static void kit_renderer_class_init (KitRendererClass *klass) { }
static void kit_renderer_init (KitRenderer *self) { }

KitRenderer *
kit_renderer_new (KitDocument *document)
{
  (void) document;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

double
kit_renderer_get_page_width (KitRenderer *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

double
kit_renderer_get_page_height (KitRenderer *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

guint
kit_renderer_get_n_pages (KitRenderer *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

void
kit_renderer_draw_page (KitRenderer *self, cairo_t *cr, guint page)
{
  (void) self;
  (void) cr;
  (void) page;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gboolean
kit_renderer_write_pdf (KitRenderer *self, const char *path, GError **error)
{
  (void) self;
  (void) path;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}
