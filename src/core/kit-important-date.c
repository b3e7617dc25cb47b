/* kit-important-date.c — A date that matters to her about a child. Generated field plumbing
 * (properties, getters, setters, copy) first; hand-written behaviour after. */
#include "kit-important-date.h"

#include <glib/gi18n-lib.h>
struct _KitImportantDate
{
  GObject parent_instance;
  gint64 id;
  gint64 child_id;
  char *date;
  char *label;
  gboolean yearly;
};

G_DEFINE_FINAL_TYPE (KitImportantDate, kit_important_date, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_DATE,
  PROP_LABEL,
  PROP_YEARLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_important_date_finalize (GObject *object)
{
  KitImportantDate *self = (KitImportantDate *) object;

  g_free (self->date);
  g_free (self->label);
  G_OBJECT_CLASS (kit_important_date_parent_class)->finalize (object);
}

static void
kit_important_date_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitImportantDate *self = (KitImportantDate *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_YEARLY:
      g_value_set_boolean (value, self->yearly);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_important_date_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KitImportantDate *self = (KitImportantDate *) object;

  switch (prop_id)
    {
    case PROP_ID:
      kit_important_date_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CHILD_ID:
      kit_important_date_set_child_id (self, g_value_get_int64 (value));
      break;
    case PROP_DATE:
      kit_important_date_set_date (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      kit_important_date_set_label (self, g_value_get_string (value));
      break;
    case PROP_YEARLY:
      kit_important_date_set_yearly (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_important_date_class_init (KitImportantDateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_important_date_finalize;
  object_class->get_property = kit_important_date_get_property;
  object_class->set_property = kit_important_date_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILD_ID] =
    g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEARLY] =
    g_param_spec_boolean ("yearly", NULL, NULL, TRUE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kit_important_date_init (KitImportantDate *self)
{
  self->yearly = TRUE;
}

KitImportantDate *
kit_important_date_new (gint64 child_id)
{
  KitImportantDate *self = g_object_new (KIT_TYPE_IMPORTANT_DATE, NULL);

  self->child_id = child_id;
  return self;
}

KitImportantDate *
kit_important_date_copy (KitImportantDate *self)
{
  KitImportantDate *copy;

  g_return_val_if_fail (KIT_IS_IMPORTANT_DATE (self), NULL);
  copy = g_object_new (KIT_TYPE_IMPORTANT_DATE, NULL);
  copy->id = self->id;
  copy->child_id = self->child_id;
  g_free (copy->date);
  copy->date = g_strdup (self->date);
  g_free (copy->label);
  copy->label = g_strdup (self->label);
  copy->yearly = self->yearly;
  return copy;
}

gint64
kit_important_date_get_id (KitImportantDate *self)
{
  g_return_val_if_fail (KIT_IS_IMPORTANT_DATE (self), 0);
  return self->id;
}

void
kit_important_date_set_id (KitImportantDate *self, gint64 id)
{
  g_return_if_fail (KIT_IS_IMPORTANT_DATE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kit_important_date_get_child_id (KitImportantDate *self)
{
  g_return_val_if_fail (KIT_IS_IMPORTANT_DATE (self), 0);
  return self->child_id;
}

void
kit_important_date_set_child_id (KitImportantDate *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_IMPORTANT_DATE (self));
  if (self->child_id == child_id)
    return;
  self->child_id = child_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD_ID]);
}

const char *
kit_important_date_get_date (KitImportantDate *self)
{
  g_return_val_if_fail (KIT_IS_IMPORTANT_DATE (self), NULL);
  return self->date;
}

void
kit_important_date_set_date (KitImportantDate *self, const char *date)
{
  g_return_if_fail (KIT_IS_IMPORTANT_DATE (self));
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
kit_important_date_get_label (KitImportantDate *self)
{
  g_return_val_if_fail (KIT_IS_IMPORTANT_DATE (self), NULL);
  return self->label;
}

void
kit_important_date_set_label (KitImportantDate *self, const char *label)
{
  g_return_if_fail (KIT_IS_IMPORTANT_DATE (self));
  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
kit_important_date_get_yearly (KitImportantDate *self)
{
  g_return_val_if_fail (KIT_IS_IMPORTANT_DATE (self), FALSE);
  return self->yearly;
}

void
kit_important_date_set_yearly (KitImportantDate *self, gboolean yearly)
{
  g_return_if_fail (KIT_IS_IMPORTANT_DATE (self));
  yearly = !!yearly;
  if (self->yearly == yearly)
    return;
  self->yearly = yearly;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEARLY]);
}

/* Behaviour */
