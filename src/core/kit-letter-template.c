/* kit-letter-template.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-letter-template.h"

struct _KitLetterTemplate { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (KitLetterTemplate, kit_letter_template, G_TYPE_OBJECT)
static void kit_letter_template_class_init (KitLetterTemplateClass *klass) { }
static void kit_letter_template_init (KitLetterTemplate *self) { }

const char *
kit_letter_kind_to_string (KitLetterKind kind)
{
  (void) kind;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

gboolean
kit_letter_kind_from_string (const char *text, KitLetterKind *out)
{
  (void) text;
  (void) out;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

const char *
kit_letter_kind_title (KitLetterKind kind)
{
  (void) kind;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

char *
kit_letter_template_file_name (KitLetterKind kind, gboolean easy_read)
{
  (void) kind;
  (void) easy_read;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

KitLetterFields *
kit_letter_fields_new (void)
{
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_letter_fields_free (KitLetterFields *fields)
{
  (void) fields;
  g_warning ("%s: not written yet", G_STRFUNC);
}

void
kit_letter_fields_set (KitLetterFields *fields, const char *name, const char *value)
{
  (void) fields;
  (void) name;
  (void) value;
  g_warning ("%s: not written yet", G_STRFUNC);
}

void
kit_letter_fields_set_condition (KitLetterFields *fields, const char *name, gboolean value)
{
  (void) fields;
  (void) name;
  (void) value;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_letter_fields_get (KitLetterFields *fields, const char *name)
{
  (void) fields;
  (void) name;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

KitLetterTemplate *
kit_letter_template_load (KitLetterKind kind, gboolean easy_read, GError **warning)
{
  (void) kind;
  (void) easy_read;
  (void) warning;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

KitLetterTemplate *
kit_letter_template_load_file (const char *path, GError **error)
{
  (void) path;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

const char *
kit_letter_template_get_source (KitLetterTemplate *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

gboolean
kit_letter_template_get_easy_read (KitLetterTemplate *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

KitDocument *
kit_letter_template_expand (KitLetterTemplate *self, KitLetterFields *fields)
{
  (void) self;
  (void) fields;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}
