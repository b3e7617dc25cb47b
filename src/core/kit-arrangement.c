/* kit-arrangement.c — One kind of contact with one child. Generated field plumbing
 * (properties, getters, setters, copy) first; hand-written behaviour after. */
#include "kit-arrangement.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kit-date.h"
#include "kit-vocab.h"
struct _KitArrangement
{
  GObject parent_instance;
  gint64 id;
  gint64 child_id;
  char *kind;
  int freq_count;
  char *freq_unit;
  char *venue;
  gint64 supervisor_id;
  gint64 coordinator_id;
  char *start_date;
  char *status;
  char *last_reviewed;
  char *next_review;
  char *agreed_next;
  char *notes;
  char *next_due;
  char *supervisor_name;
  char *coordinator_name;
};

G_DEFINE_FINAL_TYPE (KitArrangement, kit_arrangement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CHILD_ID,
  PROP_KIND,
  PROP_FREQ_COUNT,
  PROP_FREQ_UNIT,
  PROP_VENUE,
  PROP_SUPERVISOR_ID,
  PROP_COORDINATOR_ID,
  PROP_START_DATE,
  PROP_STATUS,
  PROP_LAST_REVIEWED,
  PROP_NEXT_REVIEW,
  PROP_AGREED_NEXT,
  PROP_NOTES,
  PROP_NEXT_DUE,
  PROP_SUPERVISOR_NAME,
  PROP_COORDINATOR_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_arrangement_finalize (GObject *object)
{
  KitArrangement *self = (KitArrangement *) object;

  g_free (self->kind);
  g_free (self->freq_unit);
  g_free (self->venue);
  g_free (self->start_date);
  g_free (self->status);
  g_free (self->last_reviewed);
  g_free (self->next_review);
  g_free (self->agreed_next);
  g_free (self->notes);
  g_free (self->next_due);
  g_free (self->supervisor_name);
  g_free (self->coordinator_name);
  G_OBJECT_CLASS (kit_arrangement_parent_class)->finalize (object);
}

static void
kit_arrangement_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitArrangement *self = (KitArrangement *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_FREQ_COUNT:
      g_value_set_int (value, self->freq_count);
      break;
    case PROP_FREQ_UNIT:
      g_value_set_string (value, self->freq_unit);
      break;
    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;
    case PROP_SUPERVISOR_ID:
      g_value_set_int64 (value, self->supervisor_id);
      break;
    case PROP_COORDINATOR_ID:
      g_value_set_int64 (value, self->coordinator_id);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_LAST_REVIEWED:
      g_value_set_string (value, self->last_reviewed);
      break;
    case PROP_NEXT_REVIEW:
      g_value_set_string (value, self->next_review);
      break;
    case PROP_AGREED_NEXT:
      g_value_set_string (value, self->agreed_next);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_NEXT_DUE:
      g_value_set_string (value, self->next_due);
      break;
    case PROP_SUPERVISOR_NAME:
      g_value_set_string (value, self->supervisor_name);
      break;
    case PROP_COORDINATOR_NAME:
      g_value_set_string (value, self->coordinator_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_arrangement_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KitArrangement *self = (KitArrangement *) object;

  switch (prop_id)
    {
    case PROP_ID:
      kit_arrangement_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_CHILD_ID:
      kit_arrangement_set_child_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      kit_arrangement_set_kind (self, g_value_get_string (value));
      break;
    case PROP_FREQ_COUNT:
      kit_arrangement_set_freq_count (self, g_value_get_int (value));
      break;
    case PROP_FREQ_UNIT:
      kit_arrangement_set_freq_unit (self, g_value_get_string (value));
      break;
    case PROP_VENUE:
      kit_arrangement_set_venue (self, g_value_get_string (value));
      break;
    case PROP_SUPERVISOR_ID:
      kit_arrangement_set_supervisor_id (self, g_value_get_int64 (value));
      break;
    case PROP_COORDINATOR_ID:
      kit_arrangement_set_coordinator_id (self, g_value_get_int64 (value));
      break;
    case PROP_START_DATE:
      kit_arrangement_set_start_date (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      kit_arrangement_set_status (self, g_value_get_string (value));
      break;
    case PROP_LAST_REVIEWED:
      kit_arrangement_set_last_reviewed (self, g_value_get_string (value));
      break;
    case PROP_NEXT_REVIEW:
      kit_arrangement_set_next_review (self, g_value_get_string (value));
      break;
    case PROP_AGREED_NEXT:
      kit_arrangement_set_agreed_next (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      kit_arrangement_set_notes (self, g_value_get_string (value));
      break;
    case PROP_NEXT_DUE:
      kit_arrangement_set_next_due (self, g_value_get_string (value));
      break;
    case PROP_SUPERVISOR_NAME:
      kit_arrangement_set_supervisor_name (self, g_value_get_string (value));
      break;
    case PROP_COORDINATOR_NAME:
      kit_arrangement_set_coordinator_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_arrangement_class_init (KitArrangementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_arrangement_finalize;
  object_class->get_property = kit_arrangement_get_property;
  object_class->set_property = kit_arrangement_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILD_ID] =
    g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FREQ_COUNT] =
    g_param_spec_int ("freq-count", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FREQ_UNIT] =
    g_param_spec_string ("freq-unit", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VENUE] =
    g_param_spec_string ("venue", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPERVISOR_ID] =
    g_param_spec_int64 ("supervisor-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COORDINATOR_ID] =
    g_param_spec_int64 ("coordinator-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_REVIEWED] =
    g_param_spec_string ("last-reviewed", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_REVIEW] =
    g_param_spec_string ("next-review", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREED_NEXT] =
    g_param_spec_string ("agreed-next", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_DUE] =
    g_param_spec_string ("next-due", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPERVISOR_NAME] =
    g_param_spec_string ("supervisor-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COORDINATOR_NAME] =
    g_param_spec_string ("coordinator-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kit_arrangement_init (KitArrangement *self)
{
  self->kind = g_strdup ("letterbox");
  self->freq_unit = g_strdup ("as-agreed");
  self->status = g_strdup ("active");
}

KitArrangement *
kit_arrangement_new (gint64 child_id)
{
  KitArrangement *self = g_object_new (KIT_TYPE_ARRANGEMENT, NULL);

  self->child_id = child_id;
  return self;
}

KitArrangement *
kit_arrangement_copy (KitArrangement *self)
{
  KitArrangement *copy;

  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  copy = g_object_new (KIT_TYPE_ARRANGEMENT, NULL);
  copy->id = self->id;
  copy->child_id = self->child_id;
  g_free (copy->kind);
  copy->kind = g_strdup (self->kind);
  copy->freq_count = self->freq_count;
  g_free (copy->freq_unit);
  copy->freq_unit = g_strdup (self->freq_unit);
  g_free (copy->venue);
  copy->venue = g_strdup (self->venue);
  copy->supervisor_id = self->supervisor_id;
  copy->coordinator_id = self->coordinator_id;
  g_free (copy->start_date);
  copy->start_date = g_strdup (self->start_date);
  g_free (copy->status);
  copy->status = g_strdup (self->status);
  g_free (copy->last_reviewed);
  copy->last_reviewed = g_strdup (self->last_reviewed);
  g_free (copy->next_review);
  copy->next_review = g_strdup (self->next_review);
  g_free (copy->agreed_next);
  copy->agreed_next = g_strdup (self->agreed_next);
  g_free (copy->notes);
  copy->notes = g_strdup (self->notes);
  g_free (copy->next_due);
  copy->next_due = g_strdup (self->next_due);
  g_free (copy->supervisor_name);
  copy->supervisor_name = g_strdup (self->supervisor_name);
  g_free (copy->coordinator_name);
  copy->coordinator_name = g_strdup (self->coordinator_name);
  return copy;
}

gint64
kit_arrangement_get_id (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), 0);
  return self->id;
}

void
kit_arrangement_set_id (KitArrangement *self, gint64 id)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kit_arrangement_get_child_id (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), 0);
  return self->child_id;
}

void
kit_arrangement_set_child_id (KitArrangement *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (self->child_id == child_id)
    return;
  self->child_id = child_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD_ID]);
}

const char *
kit_arrangement_get_kind (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->kind;
}

void
kit_arrangement_set_kind (KitArrangement *self, const char *kind)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->kind, kind) == 0)
    return;
  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

int
kit_arrangement_get_freq_count (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), 0);
  return self->freq_count;
}

void
kit_arrangement_set_freq_count (KitArrangement *self, int freq_count)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (self->freq_count == freq_count)
    return;
  self->freq_count = freq_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREQ_COUNT]);
}

const char *
kit_arrangement_get_freq_unit (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->freq_unit;
}

void
kit_arrangement_set_freq_unit (KitArrangement *self, const char *freq_unit)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->freq_unit, freq_unit) == 0)
    return;
  g_free (self->freq_unit);
  self->freq_unit = g_strdup (freq_unit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREQ_UNIT]);
}

const char *
kit_arrangement_get_venue (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->venue;
}

void
kit_arrangement_set_venue (KitArrangement *self, const char *venue)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->venue, venue) == 0)
    return;
  g_free (self->venue);
  self->venue = g_strdup (venue);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE]);
}

gint64
kit_arrangement_get_supervisor_id (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), 0);
  return self->supervisor_id;
}

void
kit_arrangement_set_supervisor_id (KitArrangement *self, gint64 supervisor_id)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (self->supervisor_id == supervisor_id)
    return;
  self->supervisor_id = supervisor_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPERVISOR_ID]);
}

gint64
kit_arrangement_get_coordinator_id (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), 0);
  return self->coordinator_id;
}

void
kit_arrangement_set_coordinator_id (KitArrangement *self, gint64 coordinator_id)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (self->coordinator_id == coordinator_id)
    return;
  self->coordinator_id = coordinator_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COORDINATOR_ID]);
}

const char *
kit_arrangement_get_start_date (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->start_date;
}

void
kit_arrangement_set_start_date (KitArrangement *self, const char *start_date)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->start_date, start_date) == 0)
    return;
  g_free (self->start_date);
  self->start_date = g_strdup (start_date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

const char *
kit_arrangement_get_status (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->status;
}

void
kit_arrangement_set_status (KitArrangement *self, const char *status)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
kit_arrangement_get_last_reviewed (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->last_reviewed;
}

void
kit_arrangement_set_last_reviewed (KitArrangement *self, const char *last_reviewed)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->last_reviewed, last_reviewed) == 0)
    return;
  g_free (self->last_reviewed);
  self->last_reviewed = g_strdup (last_reviewed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REVIEWED]);
}

const char *
kit_arrangement_get_next_review (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->next_review;
}

void
kit_arrangement_set_next_review (KitArrangement *self, const char *next_review)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->next_review, next_review) == 0)
    return;
  g_free (self->next_review);
  self->next_review = g_strdup (next_review);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_REVIEW]);
}

const char *
kit_arrangement_get_agreed_next (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->agreed_next;
}

void
kit_arrangement_set_agreed_next (KitArrangement *self, const char *agreed_next)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->agreed_next, agreed_next) == 0)
    return;
  g_free (self->agreed_next);
  self->agreed_next = g_strdup (agreed_next);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREED_NEXT]);
}

const char *
kit_arrangement_get_notes (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->notes;
}

void
kit_arrangement_set_notes (KitArrangement *self, const char *notes)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->notes, notes) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
kit_arrangement_get_next_due (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->next_due;
}

void
kit_arrangement_set_next_due (KitArrangement *self, const char *next_due)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->next_due, next_due) == 0)
    return;
  g_free (self->next_due);
  self->next_due = g_strdup (next_due);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_DUE]);
}

const char *
kit_arrangement_get_supervisor_name (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->supervisor_name;
}

void
kit_arrangement_set_supervisor_name (KitArrangement *self, const char *supervisor_name)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->supervisor_name, supervisor_name) == 0)
    return;
  g_free (self->supervisor_name);
  self->supervisor_name = g_strdup (supervisor_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPERVISOR_NAME]);
}

const char *
kit_arrangement_get_coordinator_name (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return self->coordinator_name;
}

void
kit_arrangement_set_coordinator_name (KitArrangement *self, const char *coordinator_name)
{
  g_return_if_fail (KIT_IS_ARRANGEMENT (self));
  if (g_strcmp0 (self->coordinator_name, coordinator_name) == 0)
    return;
  g_free (self->coordinator_name);
  self->coordinator_name = g_strdup (coordinator_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COORDINATOR_NAME]);
}

/* Behaviour */

char *
kit_describe_frequency (int count, const char *unit)
{
  if (g_strcmp0 (unit, "one-off") == 0)
    return g_strdup (_("one-off"));
  if (count < 1)
    return g_strdup (_("as agreed"));

  if (g_strcmp0 (unit, "week") == 0)
    {
      if (count == 1)
        return g_strdup (_("once a week"));
      if (count == 2)
        return g_strdup (_("twice a week"));
      return g_strdup_printf (ngettext ("%d time a week", "%d times a week", count), count);
    }
  if (g_strcmp0 (unit, "month") == 0)
    {
      if (count == 1)
        return g_strdup (_("once a month"));
      if (count == 2)
        return g_strdup (_("twice a month"));
      return g_strdup_printf (ngettext ("%d time a month", "%d times a month", count), count);
    }
  if (g_strcmp0 (unit, "year") == 0)
    {
      if (count == 1)
        return g_strdup (_("once a year"));
      if (count == 2)
        return g_strdup (_("twice a year"));
      return g_strdup_printf (ngettext ("%d time a year", "%d times a year", count), count);
    }
  return g_strdup (_("as agreed"));
}

const char *
kit_arrangement_get_title (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);
  return kit_vocab_label (KIT_VOCAB_KIND, self->kind);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

char *
kit_describe_venue (const char *venue)
{
  static const char *const already[] = {
    "at ", "in ", "on ", "by ", "via ", "over ", "through ", "from ", "online",
  };

  if (venue == NULL || *venue == '\0')
    return g_strdup ("");
  /* Venues are typed freely: "online" or "through the agency" must not
   * become "at online". */
  for (guint i = 0; i < G_N_ELEMENTS (already); i++)
    if (g_ascii_strncasecmp (venue, already[i], strlen (already[i])) == 0)
      return g_strdup (venue);
  /* Translators: where contact happens, "at the family centre" */
  return g_strdup_printf (_("at %s"), venue);
}

char *
kit_arrangement_describe (KitArrangement *self)
{
  g_return_val_if_fail (KIT_IS_ARRANGEMENT (self), NULL);

  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  if (g_strcmp0 (self->status, "active") != 0 && is_set (self->status))
    g_ptr_array_add (parts, g_strdup (kit_vocab_label (KIT_VOCAB_STATUS, self->status)));
  g_ptr_array_add (parts, kit_describe_frequency (self->freq_count, self->freq_unit));
  if (is_set (self->venue))
    g_ptr_array_add (parts, kit_describe_venue (self->venue));
  if (is_set (self->supervisor_name))
    g_ptr_array_add (parts, g_strdup_printf (_("supervised by %s"), self->supervisor_name));
  if (is_set (self->next_due))
    {
      g_autofree char *due = kit_date_format (self->next_due);
      g_ptr_array_add (parts, g_strdup_printf (_("next due %s"), due));
    }
  if (is_set (self->coordinator_name))
    g_ptr_array_add (parts, g_strdup_printf (_("coordinated by %s"), self->coordinator_name));
  g_ptr_array_add (parts, NULL);

  g_autofree char *details = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: an arrangement's kind, then its details:
   * "Letters through the agency — twice a year, next due 1 March 2027" */
  return g_strdup_printf (_("%s — %s"), kit_arrangement_get_title (self), details);
}
