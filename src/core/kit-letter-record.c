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

/* Read-only properties, for lists that bind to them (the child's page). */
enum {
  PROP_0,
  PROP_ID,
  PROP_TEMPLATE,
  PROP_TITLE,
  PROP_CHANGE_ID,
  PROP_CHILD_ID,
  PROP_RECIPIENT_NAME,
  PROP_PRODUCED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_letter_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitLetterRecord *self = KIT_LETTER_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TEMPLATE:
      g_value_set_string (value, self->template_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CHANGE_ID:
      g_value_set_int64 (value, self->change_id);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_RECIPIENT_NAME:
      g_value_set_string (value, self->recipient_name);
      break;
    case PROP_PRODUCED_AT:
      g_value_set_string (value, self->produced_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kit_letter_record_finalize;
  object_class->get_property = kit_letter_record_get_property;
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TEMPLATE] = g_param_spec_string ("template", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_CHANGE_ID] = g_param_spec_int64 ("change-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RECIPIENT_NAME] = g_param_spec_string ("recipient-name", NULL, NULL, "", flags);
  properties[PROP_PRODUCED_AT] = g_param_spec_string ("produced-at", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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
