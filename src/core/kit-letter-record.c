/* kit-letter-record.c — one letter kept in the record: a plain value object. */

#include "kit-letter-record.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kit-letter-template.h"

struct _KitLetterRecord
{
  GObject parent_instance;

  gint64 id;
  char *template_name;
  gint64 change_id;
  gint64 child_id;
  gint64 sender_id;
  gint64 recipient_id;
  char *final_text;
  char *produced_at;
  char *recipient_name;
  char *title;
};

G_DEFINE_FINAL_TYPE (KitLetterRecord, kit_letter_record, G_TYPE_OBJECT)

static void
kit_letter_record_finalize (GObject *object)
{
  KitLetterRecord *self = KIT_LETTER_RECORD (object);

  g_free (self->template_name);
  g_free (self->final_text);
  g_free (self->produced_at);
  g_free (self->recipient_name);
  g_free (self->title);
  G_OBJECT_CLASS (kit_letter_record_parent_class)->finalize (object);
}

static void
kit_letter_record_class_init (KitLetterRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kit_letter_record_finalize;
}

static void
kit_letter_record_init (KitLetterRecord *self)
{
  self->template_name = g_strdup ("");
  self->final_text = g_strdup ("");
  self->produced_at = g_strdup ("");
  self->recipient_name = g_strdup ("");
  self->title = g_strdup ("");
}

KitLetterRecord *
kit_letter_record_new (void)
{
  return g_object_new (KIT_TYPE_LETTER_RECORD, NULL);
}

static void
replace (char **field, const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");
  g_free (*field);
  *field = copy;
}

gint64
kit_letter_record_get_id (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), 0);
  return self->id;
}

void
kit_letter_record_set_id (KitLetterRecord *self, gint64 id)
{
  g_return_if_fail (KIT_IS_LETTER_RECORD (self));
  self->id = id;
}

const char *
kit_letter_record_get_template (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), NULL);
  return self->template_name;
}

/* "Request for reasons", "Request for reasons (easy read)". */
static char *
title_for (const char *name)
{
  gboolean easy = g_str_has_suffix (name, "-easy");
  g_autofree char *kind_name = easy ? g_strndup (name, strlen (name) - strlen ("-easy"))
                                    : g_strdup (name);
  KitLetterKind kind;

  if (!kit_letter_kind_from_string (kind_name, &kind))
    return g_strdup (name);
  if (easy)
    /* Translators: a letter's title and that it is the easy-read version */
    return g_strdup_printf (_("%s (easy read)"),
                            kit_letter_kind_title (kind));
  return g_strdup (kit_letter_kind_title (kind));
}

void
kit_letter_record_set_template (KitLetterRecord *self, const char *name)
{
  g_return_if_fail (KIT_IS_LETTER_RECORD (self));
  replace (&self->template_name, name);
  g_free (self->title);
  self->title = title_for (self->template_name);
}

gint64
kit_letter_record_get_change_id (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), 0);
  return self->change_id;
}

void
kit_letter_record_set_change_id (KitLetterRecord *self, gint64 id)
{
  g_return_if_fail (KIT_IS_LETTER_RECORD (self));
  self->change_id = id;
}

gint64
kit_letter_record_get_child_id (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), 0);
  return self->child_id;
}

void
kit_letter_record_set_child_id (KitLetterRecord *self, gint64 id)
{
  g_return_if_fail (KIT_IS_LETTER_RECORD (self));
  self->child_id = id;
}

gint64
kit_letter_record_get_sender_id (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), 0);
  return self->sender_id;
}

void
kit_letter_record_set_sender_id (KitLetterRecord *self, gint64 id)
{
  g_return_if_fail (KIT_IS_LETTER_RECORD (self));
  self->sender_id = id;
}

gint64
kit_letter_record_get_recipient_id (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), 0);
  return self->recipient_id;
}

void
kit_letter_record_set_recipient_id (KitLetterRecord *self, gint64 id)
{
  g_return_if_fail (KIT_IS_LETTER_RECORD (self));
  self->recipient_id = id;
}

const char *
kit_letter_record_get_final_text (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), NULL);
  return self->final_text;
}

void
kit_letter_record_set_final_text (KitLetterRecord *self, const char *xml)
{
  g_return_if_fail (KIT_IS_LETTER_RECORD (self));
  replace (&self->final_text, xml);
}

const char *
kit_letter_record_get_produced_at (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), NULL);
  return self->produced_at;
}

void
kit_letter_record_set_produced_at (KitLetterRecord *self, const char *stamp)
{
  g_return_if_fail (KIT_IS_LETTER_RECORD (self));
  replace (&self->produced_at, stamp);
}

const char *
kit_letter_record_get_title (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), NULL);
  return self->title;
}

const char *
kit_letter_record_get_recipient_name (KitLetterRecord *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (self), NULL);
  return self->recipient_name;
}

void
kit_letter_record_set_recipient_name (KitLetterRecord *self, const char *name)
{
  g_return_if_fail (KIT_IS_LETTER_RECORD (self));
  replace (&self->recipient_name, name);
}
