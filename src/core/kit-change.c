/* kit-change.c — One entry in an arrangement's history. Generated field plumbing
 * (properties, getters, setters, copy) first; hand-written behaviour after. */
#include "kit-change.h"

#include <glib/gi18n-lib.h>
struct _KitChange
{
  GObject parent_instance;
  gint64 id;
  gint64 child_id;
  gint64 arrangement_id;
  gint64 seq;
  char *what_changed;
  char *effective_date;
  char *recorded_at;
  char *decided_by;
  char *reason_given;
  char *reason_text;
  char *reason_category;
  char *told_how;
  char *told_date;
  char *her_view;
  gint64 corrects_id;
  gint64 corrected_by_id;
  char *arrangement_title;
  char *hash_hex;
  GPtrArray *fields;      /* KitFieldChange */
  GPtrArray *follow_ups;  /* KitFollowUp */
};

G_DEFINE_FINAL_TYPE (KitChange, kit_change, G_TYPE_OBJECT)

static KitFieldChange *kit_field_change_copy (const KitFieldChange *fc);

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_ARRANGEMENT_ID,
  PROP_SEQ,
  PROP_WHAT_CHANGED,
  PROP_EFFECTIVE_DATE,
  PROP_RECORDED_AT,
  PROP_DECIDED_BY,
  PROP_REASON_GIVEN,
  PROP_REASON_TEXT,
  PROP_REASON_CATEGORY,
  PROP_TOLD_HOW,
  PROP_TOLD_DATE,
  PROP_HER_VIEW,
  PROP_CORRECTS_ID,
  PROP_CORRECTED_BY_ID,
  PROP_ARRANGEMENT_TITLE,
  PROP_HASH_HEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_change_finalize (GObject *object)
{
  KitChange *self = (KitChange *) object;

  g_free (self->what_changed);
  g_free (self->effective_date);
  g_free (self->recorded_at);
  g_free (self->decided_by);
  g_free (self->reason_given);
  g_free (self->reason_text);
  g_free (self->reason_category);
  g_free (self->told_how);
  g_free (self->told_date);
  g_free (self->her_view);
  g_free (self->arrangement_title);
  g_free (self->hash_hex);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);
  G_OBJECT_CLASS (kit_change_parent_class)->finalize (object);
}

static void
kit_change_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitChange *self = (KitChange *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_ARRANGEMENT_ID:
      g_value_set_int64 (value, self->arrangement_id);
      break;
    case PROP_SEQ:
      g_value_set_int64 (value, self->seq);
      break;
    case PROP_WHAT_CHANGED:
      g_value_set_string (value, self->what_changed);
      break;
    case PROP_EFFECTIVE_DATE:
      g_value_set_string (value, self->effective_date);
      break;
    case PROP_RECORDED_AT:
      g_value_set_string (value, self->recorded_at);
      break;
    case PROP_DECIDED_BY:
      g_value_set_string (value, self->decided_by);
      break;
    case PROP_REASON_GIVEN:
      g_value_set_string (value, self->reason_given);
      break;
    case PROP_REASON_TEXT:
      g_value_set_string (value, self->reason_text);
      break;
    case PROP_REASON_CATEGORY:
      g_value_set_string (value, self->reason_category);
      break;
    case PROP_TOLD_HOW:
      g_value_set_string (value, self->told_how);
      break;
    case PROP_TOLD_DATE:
      g_value_set_string (value, self->told_date);
      break;
    case PROP_HER_VIEW:
      g_value_set_string (value, self->her_view);
      break;
    case PROP_CORRECTS_ID:
      g_value_set_int64 (value, self->corrects_id);
      break;
    case PROP_CORRECTED_BY_ID:
      g_value_set_int64 (value, self->corrected_by_id);
      break;
    case PROP_ARRANGEMENT_TITLE:
      g_value_set_string (value, self->arrangement_title);
      break;
    case PROP_HASH_HEX:
      g_value_set_string (value, self->hash_hex);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_change_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KitChange *self = (KitChange *) object;

  switch (prop_id)
    {
    case PROP_ID:
      kit_change_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CHILD_ID:
      kit_change_set_child_id (self, g_value_get_int64 (value));
      break;
    case PROP_ARRANGEMENT_ID:
      kit_change_set_arrangement_id (self, g_value_get_int64 (value));
      break;
    case PROP_SEQ:
      kit_change_set_seq (self, g_value_get_int64 (value));
      break;
    case PROP_WHAT_CHANGED:
      kit_change_set_what_changed (self, g_value_get_string (value));
      break;
    case PROP_EFFECTIVE_DATE:
      kit_change_set_effective_date (self, g_value_get_string (value));
      break;
    case PROP_RECORDED_AT:
      kit_change_set_recorded_at (self, g_value_get_string (value));
      break;
    case PROP_DECIDED_BY:
      kit_change_set_decided_by (self, g_value_get_string (value));
      break;
    case PROP_REASON_GIVEN:
      kit_change_set_reason_given (self, g_value_get_string (value));
      break;
    case PROP_REASON_TEXT:
      kit_change_set_reason_text (self, g_value_get_string (value));
      break;
    case PROP_REASON_CATEGORY:
      kit_change_set_reason_category (self, g_value_get_string (value));
      break;
    case PROP_TOLD_HOW:
      kit_change_set_told_how (self, g_value_get_string (value));
      break;
    case PROP_TOLD_DATE:
      kit_change_set_told_date (self, g_value_get_string (value));
      break;
    case PROP_HER_VIEW:
      kit_change_set_her_view (self, g_value_get_string (value));
      break;
    case PROP_CORRECTS_ID:
      kit_change_set_corrects_id (self, g_value_get_int64 (value));
      break;
    case PROP_CORRECTED_BY_ID:
      kit_change_set_corrected_by_id (self, g_value_get_int64 (value));
      break;
    case PROP_ARRANGEMENT_TITLE:
      kit_change_set_arrangement_title (self, g_value_get_string (value));
      break;
    case PROP_HASH_HEX:
      kit_change_set_hash_hex (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_change_class_init (KitChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_change_finalize;
  object_class->get_property = kit_change_get_property;
  object_class->set_property = kit_change_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILD_ID] =
    g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARRANGEMENT_ID] =
    g_param_spec_int64 ("arrangement-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEQ] =
    g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHAT_CHANGED] =
    g_param_spec_string ("what-changed", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EFFECTIVE_DATE] =
    g_param_spec_string ("effective-date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDED_AT] =
    g_param_spec_string ("recorded-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECIDED_BY] =
    g_param_spec_string ("decided-by", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON_GIVEN] =
    g_param_spec_string ("reason-given", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON_TEXT] =
    g_param_spec_string ("reason-text", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON_CATEGORY] =
    g_param_spec_string ("reason-category", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOLD_HOW] =
    g_param_spec_string ("told-how", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOLD_DATE] =
    g_param_spec_string ("told-date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HER_VIEW] =
    g_param_spec_string ("her-view", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CORRECTS_ID] =
    g_param_spec_int64 ("corrects-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CORRECTED_BY_ID] =
    g_param_spec_int64 ("corrected-by-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARRANGEMENT_TITLE] =
    g_param_spec_string ("arrangement-title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HASH_HEX] =
    g_param_spec_string ("hash-hex", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kit_change_init (KitChange *self)
{
  self->what_changed = g_strdup ("other");
  self->decided_by = g_strdup ("not-known");
  self->reason_given = g_strdup ("no");
  self->reason_category = g_strdup ("not-given");
  self->told_how = g_strdup ("not-told");
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) kit_field_change_free);
  self->follow_ups = g_ptr_array_new_with_free_func (g_object_unref);
}

KitChange *
kit_change_new (gint64 child_id, gint64 arrangement_id)
{
  KitChange *self = g_object_new (KIT_TYPE_CHANGE, NULL);

  self->child_id = child_id;
  self->arrangement_id = arrangement_id;
  return self;
}

KitChange *
kit_change_copy (KitChange *self)
{
  KitChange *copy;

  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  copy = g_object_new (KIT_TYPE_CHANGE, NULL);
  copy->id = self->id;
  copy->child_id = self->child_id;
  copy->arrangement_id = self->arrangement_id;
  copy->seq = self->seq;
  g_free (copy->what_changed);
  copy->what_changed = g_strdup (self->what_changed);
  g_free (copy->effective_date);
  copy->effective_date = g_strdup (self->effective_date);
  g_free (copy->recorded_at);
  copy->recorded_at = g_strdup (self->recorded_at);
  g_free (copy->decided_by);
  copy->decided_by = g_strdup (self->decided_by);
  g_free (copy->reason_given);
  copy->reason_given = g_strdup (self->reason_given);
  g_free (copy->reason_text);
  copy->reason_text = g_strdup (self->reason_text);
  g_free (copy->reason_category);
  copy->reason_category = g_strdup (self->reason_category);
  g_free (copy->told_how);
  copy->told_how = g_strdup (self->told_how);
  g_free (copy->told_date);
  copy->told_date = g_strdup (self->told_date);
  g_free (copy->her_view);
  copy->her_view = g_strdup (self->her_view);
  copy->corrects_id = self->corrects_id;
  copy->corrected_by_id = self->corrected_by_id;
  g_free (copy->arrangement_title);
  copy->arrangement_title = g_strdup (self->arrangement_title);
  g_free (copy->hash_hex);
  copy->hash_hex = g_strdup (self->hash_hex);
  for (guint i = 0; i < self->fields->len; i++)
    g_ptr_array_add (copy->fields, kit_field_change_copy (g_ptr_array_index (self->fields, i)));
  for (guint i = 0; i < self->follow_ups->len; i++)
    g_ptr_array_add (copy->follow_ups, kit_follow_up_copy (g_ptr_array_index (self->follow_ups, i)));
  return copy;
}

gint64
kit_change_get_id (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), 0);
  return self->id;
}

void
kit_change_set_id (KitChange *self, gint64 id)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kit_change_get_child_id (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), 0);
  return self->child_id;
}

void
kit_change_set_child_id (KitChange *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (self->child_id == child_id)
    return;
  self->child_id = child_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD_ID]);
}

gint64
kit_change_get_arrangement_id (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), 0);
  return self->arrangement_id;
}

void
kit_change_set_arrangement_id (KitChange *self, gint64 arrangement_id)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (self->arrangement_id == arrangement_id)
    return;
  self->arrangement_id = arrangement_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARRANGEMENT_ID]);
}

gint64
kit_change_get_seq (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), 0);
  return self->seq;
}

void
kit_change_set_seq (KitChange *self, gint64 seq)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (self->seq == seq)
    return;
  self->seq = seq;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQ]);
}

const char *
kit_change_get_what_changed (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->what_changed;
}

void
kit_change_set_what_changed (KitChange *self, const char *what_changed)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->what_changed, what_changed) == 0)
    return;
  g_free (self->what_changed);
  self->what_changed = g_strdup (what_changed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHAT_CHANGED]);
}

const char *
kit_change_get_effective_date (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->effective_date;
}

void
kit_change_set_effective_date (KitChange *self, const char *effective_date)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->effective_date, effective_date) == 0)
    return;
  g_free (self->effective_date);
  self->effective_date = g_strdup (effective_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE_DATE]);
}

const char *
kit_change_get_recorded_at (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->recorded_at;
}

void
kit_change_set_recorded_at (KitChange *self, const char *recorded_at)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->recorded_at, recorded_at) == 0)
    return;
  g_free (self->recorded_at);
  self->recorded_at = g_strdup (recorded_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDED_AT]);
}

const char *
kit_change_get_decided_by (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->decided_by;
}

void
kit_change_set_decided_by (KitChange *self, const char *decided_by)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->decided_by, decided_by) == 0)
    return;
  g_free (self->decided_by);
  self->decided_by = g_strdup (decided_by);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECIDED_BY]);
}

const char *
kit_change_get_reason_given (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->reason_given;
}

void
kit_change_set_reason_given (KitChange *self, const char *reason_given)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->reason_given, reason_given) == 0)
    return;
  g_free (self->reason_given);
  self->reason_given = g_strdup (reason_given);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON_GIVEN]);
}

const char *
kit_change_get_reason_text (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->reason_text;
}

void
kit_change_set_reason_text (KitChange *self, const char *reason_text)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->reason_text, reason_text) == 0)
    return;
  g_free (self->reason_text);
  self->reason_text = g_strdup (reason_text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON_TEXT]);
}

const char *
kit_change_get_reason_category (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->reason_category;
}

void
kit_change_set_reason_category (KitChange *self, const char *reason_category)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->reason_category, reason_category) == 0)
    return;
  g_free (self->reason_category);
  self->reason_category = g_strdup (reason_category);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON_CATEGORY]);
}

const char *
kit_change_get_told_how (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->told_how;
}

void
kit_change_set_told_how (KitChange *self, const char *told_how)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->told_how, told_how) == 0)
    return;
  g_free (self->told_how);
  self->told_how = g_strdup (told_how);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOLD_HOW]);
}

const char *
kit_change_get_told_date (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->told_date;
}

void
kit_change_set_told_date (KitChange *self, const char *told_date)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->told_date, told_date) == 0)
    return;
  g_free (self->told_date);
  self->told_date = g_strdup (told_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOLD_DATE]);
}

const char *
kit_change_get_her_view (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->her_view;
}

void
kit_change_set_her_view (KitChange *self, const char *her_view)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->her_view, her_view) == 0)
    return;
  g_free (self->her_view);
  self->her_view = g_strdup (her_view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HER_VIEW]);
}

gint64
kit_change_get_corrects_id (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), 0);
  return self->corrects_id;
}

void
kit_change_set_corrects_id (KitChange *self, gint64 corrects_id)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (self->corrects_id == corrects_id)
    return;
  self->corrects_id = corrects_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRECTS_ID]);
}

gint64
kit_change_get_corrected_by_id (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), 0);
  return self->corrected_by_id;
}

void
kit_change_set_corrected_by_id (KitChange *self, gint64 corrected_by_id)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (self->corrected_by_id == corrected_by_id)
    return;
  self->corrected_by_id = corrected_by_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRECTED_BY_ID]);
}

const char *
kit_change_get_arrangement_title (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->arrangement_title;
}

void
kit_change_set_arrangement_title (KitChange *self, const char *arrangement_title)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->arrangement_title, arrangement_title) == 0)
    return;
  g_free (self->arrangement_title);
  self->arrangement_title = g_strdup (arrangement_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARRANGEMENT_TITLE]);
}

const char *
kit_change_get_hash_hex (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->hash_hex;
}

void
kit_change_set_hash_hex (KitChange *self, const char *hash_hex)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  if (g_strcmp0 (self->hash_hex, hash_hex) == 0)
    return;
  g_free (self->hash_hex);
  self->hash_hex = g_strdup (hash_hex);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HASH_HEX]);
}

/* Behaviour */

void
kit_field_change_free (KitFieldChange *fc)
{
  if (fc == NULL)
    return;
  g_free (fc->field);
  g_free (fc->before);
  g_free (fc->after);
  g_free (fc);
}

static KitFieldChange *
kit_field_change_copy (const KitFieldChange *fc)
{
  KitFieldChange *copy = g_new0 (KitFieldChange, 1);
  copy->field = g_strdup (fc->field);
  copy->before = g_strdup (fc->before);
  copy->after = g_strdup (fc->after);
  return copy;
}

const char *
kit_field_change_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "kind", N_("The kind of contact") },
    { "frequency", N_("How often") },
    { "venue", N_("Where") },
    { "supervisor", N_("Who supervises") },
    { "coordinator", N_("Who coordinates") },
    { "status", N_("Status") },
    { "start-date", N_("Started") },
    { "agreed-next", N_("Next agreed date") },
    { "notes", N_("Notes") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);
  return field != NULL ? field : "";
}

GPtrArray *
kit_change_get_fields (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->fields;
}

/* Takes ownership of @fields, whose elements are KitFieldChange and which
 * must free them (g_ptr_array_new_with_free_func). NULL empties the list. */
void
kit_change_take_fields (KitChange *self, GPtrArray *fields)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  g_ptr_array_unref (self->fields);
  self->fields = fields != NULL ? fields
                                : g_ptr_array_new_with_free_func ((GDestroyNotify) kit_field_change_free);
}

GPtrArray *
kit_change_get_follow_ups (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);
  return self->follow_ups;
}

/* Takes ownership of @follow_ups, whose elements are KitFollowUp and which
 * must unref them. NULL empties the list. */
void
kit_change_take_follow_ups (KitChange *self, GPtrArray *follow_ups)
{
  g_return_if_fail (KIT_IS_CHANGE (self));
  g_ptr_array_unref (self->follow_ups);
  self->follow_ups = follow_ups != NULL ? follow_ups
                                        : g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

char *
kit_change_describe_fields (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);

  GString *out = g_string_new (NULL);
  for (guint i = 0; i < self->fields->len; i++)
    {
      KitFieldChange *fc = g_ptr_array_index (self->fields, i);
      const char *label = kit_field_change_label (fc->field);
      const char *after = is_set (fc->after) ? fc->after : _("nothing");

      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (is_set (fc->before))
        /* Translators: a field's before and after, "How often: twice a year → once a year" */
        g_string_append_printf (out, _("%s: %s → %s"), label, fc->before, after);
      else
        /* Translators: a field that had no value before, "How often: twice a year" */
        g_string_append_printf (out, _("%s: %s"), label, after);
    }
  return g_string_free (out, FALSE);
}

char *
kit_change_describe_reason (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), NULL);

  g_autofree char *text = g_strstrip (g_strdup (self->reason_text ? self->reason_text : ""));
  if (g_strcmp0 (self->reason_given, "yes") == 0)
    return text[0] != '\0' ? g_steal_pointer (&text)
                            : g_strdup (_("A reason was given, but it wasn't written down"));
  if (g_strcmp0 (self->reason_given, "partly") == 0)
    return text[0] != '\0' ? g_strdup_printf (_("Part of a reason was given: %s"), text)
                            : g_strdup (_("Part of a reason was given, but it wasn't written down"));
  return g_strdup (_("No reason was given"));
}

gboolean
kit_change_told_in_writing (KitChange *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE (self), FALSE);
  return g_strcmp0 (self->told_how, "letter") == 0 || g_strcmp0 (self->told_how, "email") == 0;
}
