/* kit-document.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-document.h"

struct _KitDocument { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (KitDocument, kit_document, G_TYPE_OBJECT)
static void kit_document_class_init (KitDocumentClass *klass) { }
static void kit_document_init (KitDocument *self) { }

KitDocument *
kit_document_new (const char *title)
{
  (void) title;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

KitDocument *
kit_document_copy (KitDocument *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

const char *
kit_document_get_title (KitDocument *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_document_set_title (KitDocument *self, const char *title)
{
  (void) self;
  (void) title;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gboolean
kit_document_get_easy_read (KitDocument *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

void
kit_document_set_easy_read (KitDocument *self, gboolean easy_read)
{
  (void) self;
  (void) easy_read;
  g_warning ("%s: not written yet", G_STRFUNC);
}

KitPaper
kit_document_get_paper (KitDocument *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return (KitPaper) 0;
}

void
kit_document_set_paper (KitDocument *self, KitPaper paper)
{
  (void) self;
  (void) paper;
  g_warning ("%s: not written yet", G_STRFUNC);
}

void
kit_document_add (KitDocument *self, KitBlockKind kind, const char *text)
{
  (void) self;
  (void) kind;
  (void) text;
  g_warning ("%s: not written yet", G_STRFUNC);
}

guint
kit_document_get_n_blocks (KitDocument *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

KitBlockKind
kit_document_get_block_kind (KitDocument *self, guint index)
{
  (void) self;
  (void) index;
  g_warning ("%s: not written yet", G_STRFUNC);
  return (KitBlockKind) 0;
}

const char *
kit_document_get_block_text (KitDocument *self, guint index)
{
  (void) self;
  (void) index;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_document_set_block_text (KitDocument *self, guint index, const char *text)
{
  (void) self;
  (void) index;
  (void) text;
  g_warning ("%s: not written yet", G_STRFUNC);
}

char *
kit_document_get_editable_text (KitDocument *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_document_set_editable_text (KitDocument *self, const char *text)
{
  (void) self;
  (void) text;
  g_warning ("%s: not written yet", G_STRFUNC);
}

char *
kit_document_gap (const char *what)
{
  (void) what;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

gboolean
kit_document_check_complete (KitDocument *self, GError **error)
{
  (void) self;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

char *
kit_document_to_plain_text (KitDocument *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

char *
kit_document_to_xml (KitDocument *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

KitDocument *
kit_document_from_xml (const char *xml, GError **error)
{
  (void) xml;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

const char *
kit_paper_to_string (KitPaper paper)
{
  (void) paper;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

gboolean
kit_paper_from_string (const char *text, KitPaper *out)
{
  (void) text;
  (void) out;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

void
kit_paper_get_size (KitPaper paper, double *width, double *height)
{
  (void) paper;
  (void) width;
  (void) height;
  g_warning ("%s: not written yet", G_STRFUNC);
}
