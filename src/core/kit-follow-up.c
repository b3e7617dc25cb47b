/* kit-follow-up.c — What happened after a change: an explanation asked for, and the answer. Generated field plumbing
 * (properties, getters, setters, copy) first; hand-written behaviour after. */
#include "kit-follow-up.h"

#include <glib/gi18n-lib.h>
struct _KitFollowUp
{
  GObject parent_instance;
  gint64 id;
  gint64 change_id;
  char *requested_date;
  char *answered_date;
  char *answer;
};

G_DEFINE_FINAL_TYPE (KitFollowUp, kit_follow_up, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHANGE_ID,
  PROP_REQUESTED_DATE,
  PROP_ANSWERED_DATE,
  PROP_ANSWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_follow_up_finalize (GObject *object)
{
  KitFollowUp *self = (KitFollowUp *) object;

  g_free (self->requested_date);
  g_free (self->answered_date);
  g_free (self->answer);
  G_OBJECT_CLASS (kit_follow_up_parent_class)->finalize (object);
}

static void
kit_follow_up_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitFollowUp *self = (KitFollowUp *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHANGE_ID:
      g_value_set_int64 (value, self->change_id);
      break;
    case PROP_REQUESTED_DATE:
      g_value_set_string (value, self->requested_date);
      break;
    case PROP_ANSWERED_DATE:
      g_value_set_string (value, self->answered_date);
      break;
    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_follow_up_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KitFollowUp *self = (KitFollowUp *) object;

  switch (prop_id)
    {
    case PROP_ID:
      kit_follow_up_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CHANGE_ID:
      kit_follow_up_set_change_id (self, g_value_get_int64 (value));
      break;
    case PROP_REQUESTED_DATE:
      kit_follow_up_set_requested_date (self, g_value_get_string (value));
      break;
    case PROP_ANSWERED_DATE:
      kit_follow_up_set_answered_date (self, g_value_get_string (value));
      break;
    case PROP_ANSWER:
      kit_follow_up_set_answer (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_follow_up_class_init (KitFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_follow_up_finalize;
  object_class->get_property = kit_follow_up_get_property;
  object_class->set_property = kit_follow_up_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGE_ID] =
    g_param_spec_int64 ("change-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUESTED_DATE] =
    g_param_spec_string ("requested-date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWERED_DATE] =
    g_param_spec_string ("answered-date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWER] =
    g_param_spec_string ("answer", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kit_follow_up_init (KitFollowUp *self)
{
}

KitFollowUp *
kit_follow_up_new (gint64 change_id)
{
  KitFollowUp *self = g_object_new (KIT_TYPE_FOLLOW_UP, NULL);

  self->change_id = change_id;
  return self;
}

KitFollowUp *
kit_follow_up_copy (KitFollowUp *self)
{
  KitFollowUp *copy;

  g_return_val_if_fail (KIT_IS_FOLLOW_UP (self), NULL);
  copy = g_object_new (KIT_TYPE_FOLLOW_UP, NULL);
  copy->id = self->id;
  copy->change_id = self->change_id;
  g_free (copy->requested_date);
  copy->requested_date = g_strdup (self->requested_date);
  g_free (copy->answered_date);
  copy->answered_date = g_strdup (self->answered_date);
  g_free (copy->answer);
  copy->answer = g_strdup (self->answer);
  return copy;
}

gint64
kit_follow_up_get_id (KitFollowUp *self)
{
  g_return_val_if_fail (KIT_IS_FOLLOW_UP (self), 0);
  return self->id;
}

void
kit_follow_up_set_id (KitFollowUp *self, gint64 id)
{
  g_return_if_fail (KIT_IS_FOLLOW_UP (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kit_follow_up_get_change_id (KitFollowUp *self)
{
  g_return_val_if_fail (KIT_IS_FOLLOW_UP (self), 0);
  return self->change_id;
}

void
kit_follow_up_set_change_id (KitFollowUp *self, gint64 change_id)
{
  g_return_if_fail (KIT_IS_FOLLOW_UP (self));
  if (self->change_id == change_id)
    return;
  self->change_id = change_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE_ID]);
}

const char *
kit_follow_up_get_requested_date (KitFollowUp *self)
{
  g_return_val_if_fail (KIT_IS_FOLLOW_UP (self), NULL);
  return self->requested_date;
}

void
kit_follow_up_set_requested_date (KitFollowUp *self, const char *requested_date)
{
  g_return_if_fail (KIT_IS_FOLLOW_UP (self));
  if (g_strcmp0 (self->requested_date, requested_date) == 0)
    return;
  g_free (self->requested_date);
  self->requested_date = g_strdup (requested_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUESTED_DATE]);
}

const char *
kit_follow_up_get_answered_date (KitFollowUp *self)
{
  g_return_val_if_fail (KIT_IS_FOLLOW_UP (self), NULL);
  return self->answered_date;
}

void
kit_follow_up_set_answered_date (KitFollowUp *self, const char *answered_date)
{
  g_return_if_fail (KIT_IS_FOLLOW_UP (self));
  if (g_strcmp0 (self->answered_date, answered_date) == 0)
    return;
  g_free (self->answered_date);
  self->answered_date = g_strdup (answered_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED_DATE]);
}

const char *
kit_follow_up_get_answer (KitFollowUp *self)
{
  g_return_val_if_fail (KIT_IS_FOLLOW_UP (self), NULL);
  return self->answer;
}

void
kit_follow_up_set_answer (KitFollowUp *self, const char *answer)
{
  g_return_if_fail (KIT_IS_FOLLOW_UP (self));
  if (g_strcmp0 (self->answer, answer) == 0)
    return;
  g_free (self->answer);
  self->answer = g_strdup (answer);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
}

/* Behaviour */

gboolean
kit_follow_up_is_unanswered (KitFollowUp *self)
{
  g_return_val_if_fail (KIT_IS_FOLLOW_UP (self), FALSE);
  return self->requested_date != NULL && self->requested_date[0] != '\0' &&
         (self->answered_date == NULL || self->answered_date[0] == '\0');
}
