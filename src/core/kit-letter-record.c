/* kit-letter-record.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-letter-record.h"

struct _KitLetterRecord { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (KitLetterRecord, kit_letter_record, G_TYPE_OBJECT)
static void kit_letter_record_class_init (KitLetterRecordClass *klass) { }
static void kit_letter_record_init (KitLetterRecord *self) { }

KitLetterRecord *
kit_letter_record_new (void)
{
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

gint64
kit_letter_record_get_id (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

void
kit_letter_record_set_id (KitLetterRecord *self, gint64 id)
{
  (void) self;
  (void) id;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_letter_record_get_template (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_letter_record_set_template (KitLetterRecord *self, const char *name)
{
  (void) self;
  (void) name;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gint64
kit_letter_record_get_change_id (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

void
kit_letter_record_set_change_id (KitLetterRecord *self, gint64 id)
{
  (void) self;
  (void) id;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gint64
kit_letter_record_get_child_id (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

void
kit_letter_record_set_child_id (KitLetterRecord *self, gint64 id)
{
  (void) self;
  (void) id;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gint64
kit_letter_record_get_sender_id (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

void
kit_letter_record_set_sender_id (KitLetterRecord *self, gint64 id)
{
  (void) self;
  (void) id;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gint64
kit_letter_record_get_recipient_id (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

void
kit_letter_record_set_recipient_id (KitLetterRecord *self, gint64 id)
{
  (void) self;
  (void) id;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_letter_record_get_final_text (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_letter_record_set_final_text (KitLetterRecord *self, const char *xml)
{
  (void) self;
  (void) xml;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_letter_record_get_produced_at (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_letter_record_set_produced_at (KitLetterRecord *self, const char *stamp)
{
  (void) self;
  (void) stamp;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_letter_record_get_title (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

const char *
kit_letter_record_get_recipient_name (KitLetterRecord *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_letter_record_set_recipient_name (KitLetterRecord *self, const char *name)
{
  (void) self;
  (void) name;
  g_warning ("%s: not written yet", G_STRFUNC);
}
