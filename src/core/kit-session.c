/* kit-session.c — One occurrence of contact or one letterbox exchange. Generated field plumbing
 * (properties, getters, setters, copy) first; hand-written behaviour after. */
#include "kit-session.h"

#include <glib/gi18n-lib.h>

#include "kit-date.h"

struct _KitSession
{
  GObject parent_instance;
  gint64 id;
  gint64 arrangement_id;
  char *date;
  char *kind;
  char *status;
  char *cancelled_by;
  char *cancel_reason;
  char *reply_expected;
  char *notes;
  gboolean reply_arrived;
  char *arrangement_title;
};

G_DEFINE_FINAL_TYPE (KitSession, kit_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARRANGEMENT_ID,
  PROP_DATE,
  PROP_KIND,
  PROP_STATUS,
  PROP_CANCELLED_BY,
  PROP_CANCEL_REASON,
  PROP_REPLY_EXPECTED,
  PROP_NOTES,
  PROP_REPLY_ARRIVED,
  PROP_ARRANGEMENT_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_session_finalize (GObject *object)
{
  KitSession *self = (KitSession *) object;

  g_free (self->date);
  g_free (self->kind);
  g_free (self->status);
  g_free (self->cancelled_by);
  g_free (self->cancel_reason);
  g_free (self->reply_expected);
  g_free (self->notes);
  g_free (self->arrangement_title);
  G_OBJECT_CLASS (kit_session_parent_class)->finalize (object);
}

static void
kit_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitSession *self = (KitSession *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ARRANGEMENT_ID:
      g_value_set_int64 (value, self->arrangement_id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_CANCELLED_BY:
      g_value_set_string (value, self->cancelled_by);
      break;
    case PROP_CANCEL_REASON:
      g_value_set_string (value, self->cancel_reason);
      break;
    case PROP_REPLY_EXPECTED:
      g_value_set_string (value, self->reply_expected);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_REPLY_ARRIVED:
      g_value_set_boolean (value, self->reply_arrived);
      break;
    case PROP_ARRANGEMENT_TITLE:
      g_value_set_string (value, self->arrangement_title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_session_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KitSession *self = (KitSession *) object;

  switch (prop_id)
    {
    case PROP_ID:
      kit_session_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ARRANGEMENT_ID:
      kit_session_set_arrangement_id (self, g_value_get_int64 (value));
      break;
    case PROP_DATE:
      kit_session_set_date (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      kit_session_set_kind (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      kit_session_set_status (self, g_value_get_string (value));
      break;
    case PROP_CANCELLED_BY:
      kit_session_set_cancelled_by (self, g_value_get_string (value));
      break;
    case PROP_CANCEL_REASON:
      kit_session_set_cancel_reason (self, g_value_get_string (value));
      break;
    case PROP_REPLY_EXPECTED:
      kit_session_set_reply_expected (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      kit_session_set_notes (self, g_value_get_string (value));
      break;
    case PROP_REPLY_ARRIVED:
      kit_session_set_reply_arrived (self, g_value_get_boolean (value));
      break;
    case PROP_ARRANGEMENT_TITLE:
      kit_session_set_arrangement_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_session_class_init (KitSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_session_finalize;
  object_class->get_property = kit_session_get_property;
  object_class->set_property = kit_session_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARRANGEMENT_ID] =
    g_param_spec_int64 ("arrangement-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCELLED_BY] =
    g_param_spec_string ("cancelled-by", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCEL_REASON] =
    g_param_spec_string ("cancel-reason", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLY_EXPECTED] =
    g_param_spec_string ("reply-expected", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLY_ARRIVED] =
    g_param_spec_boolean ("reply-arrived", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARRANGEMENT_TITLE] =
    g_param_spec_string ("arrangement-title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kit_session_init (KitSession *self)
{
  self->kind = g_strdup ("contact");
  self->status = g_strdup ("planned");
}

KitSession *
kit_session_new (gint64 arrangement_id)
{
  KitSession *self = g_object_new (KIT_TYPE_SESSION, NULL);

  self->arrangement_id = arrangement_id;
  return self;
}

KitSession *
kit_session_copy (KitSession *self)
{
  KitSession *copy;

  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  copy = g_object_new (KIT_TYPE_SESSION, NULL);
  copy->id = self->id;
  copy->arrangement_id = self->arrangement_id;
  g_free (copy->date);
  copy->date = g_strdup (self->date);
  g_free (copy->kind);
  copy->kind = g_strdup (self->kind);
  g_free (copy->status);
  copy->status = g_strdup (self->status);
  g_free (copy->cancelled_by);
  copy->cancelled_by = g_strdup (self->cancelled_by);
  g_free (copy->cancel_reason);
  copy->cancel_reason = g_strdup (self->cancel_reason);
  g_free (copy->reply_expected);
  copy->reply_expected = g_strdup (self->reply_expected);
  g_free (copy->notes);
  copy->notes = g_strdup (self->notes);
  copy->reply_arrived = self->reply_arrived;
  g_free (copy->arrangement_title);
  copy->arrangement_title = g_strdup (self->arrangement_title);
  return copy;
}

gint64
kit_session_get_id (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), 0);
  return self->id;
}

void
kit_session_set_id (KitSession *self, gint64 id)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
kit_session_get_arrangement_id (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), 0);
  return self->arrangement_id;
}

void
kit_session_set_arrangement_id (KitSession *self, gint64 arrangement_id)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (self->arrangement_id == arrangement_id)
    return;
  self->arrangement_id = arrangement_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARRANGEMENT_ID]);
}

const char *
kit_session_get_date (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  return self->date;
}

void
kit_session_set_date (KitSession *self, const char *date)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
kit_session_get_kind (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  return self->kind;
}

void
kit_session_set_kind (KitSession *self, const char *kind)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (g_strcmp0 (self->kind, kind) == 0)
    return;
  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
kit_session_get_status (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  return self->status;
}

void
kit_session_set_status (KitSession *self, const char *status)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
kit_session_get_cancelled_by (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  return self->cancelled_by;
}

void
kit_session_set_cancelled_by (KitSession *self, const char *cancelled_by)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (g_strcmp0 (self->cancelled_by, cancelled_by) == 0)
    return;
  g_free (self->cancelled_by);
  self->cancelled_by = g_strdup (cancelled_by);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCELLED_BY]);
}

const char *
kit_session_get_cancel_reason (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  return self->cancel_reason;
}

void
kit_session_set_cancel_reason (KitSession *self, const char *cancel_reason)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (g_strcmp0 (self->cancel_reason, cancel_reason) == 0)
    return;
  g_free (self->cancel_reason);
  self->cancel_reason = g_strdup (cancel_reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANCEL_REASON]);
}

const char *
kit_session_get_reply_expected (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  return self->reply_expected;
}

void
kit_session_set_reply_expected (KitSession *self, const char *reply_expected)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (g_strcmp0 (self->reply_expected, reply_expected) == 0)
    return;
  g_free (self->reply_expected);
  self->reply_expected = g_strdup (reply_expected);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLY_EXPECTED]);
}

const char *
kit_session_get_notes (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  return self->notes;
}

void
kit_session_set_notes (KitSession *self, const char *notes)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (g_strcmp0 (self->notes, notes) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
kit_session_get_reply_arrived (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), FALSE);
  return self->reply_arrived;
}

void
kit_session_set_reply_arrived (KitSession *self, gboolean reply_arrived)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  reply_arrived = !!reply_arrived;
  if (self->reply_arrived == reply_arrived)
    return;
  self->reply_arrived = reply_arrived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLY_ARRIVED]);
}

const char *
kit_session_get_arrangement_title (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  return self->arrangement_title;
}

void
kit_session_set_arrangement_title (KitSession *self, const char *arrangement_title)
{
  g_return_if_fail (KIT_IS_SESSION (self));
  if (g_strcmp0 (self->arrangement_title, arrangement_title) == 0)
    return;
  g_free (self->arrangement_title);
  self->arrangement_title = g_strdup (arrangement_title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARRANGEMENT_TITLE]);
}

/* Behaviour */

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* A letter that was sent (not one only planned, cancelled or that didn't go)
 * waiting for a reply. */
static gboolean
awaits_reply (KitSession *self)
{
  return g_strcmp0 (self->kind, "letter-sent") == 0 &&
         g_strcmp0 (self->status, "happened") == 0 &&
         kit_date_parse (self->reply_expected, NULL);
}

gboolean
kit_session_reply_overdue (KitSession *self, const char *today)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), FALSE);
  return awaits_reply (self) && !self->reply_arrived &&
         kit_date_compare (self->reply_expected, today) < 0;
}

char *
kit_session_describe_reply (KitSession *self, const char *today)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);
  if (!awaits_reply (self))
    return NULL;

  g_autofree char *expected = kit_date_format (self->reply_expected);
  if (self->reply_arrived)
    return g_strdup (_("A reply has arrived."));
  if (kit_session_reply_overdue (self, today))
    return g_strdup_printf (_("A reply was expected by %s; nothing has arrived yet."), expected);
  return g_strdup_printf (_("A reply is expected by %s."), expected);
}

static char *
describe_cancelled (KitSession *self)
{
  gboolean by = is_set (self->cancelled_by), why = is_set (self->cancel_reason);
  if (by && why)
    /* Translators: "Cancelled by the carers: illness" */
    return g_strdup_printf (_("Cancelled by %s: %s"), self->cancelled_by, self->cancel_reason);
  if (by)
    return g_strdup_printf (_("Cancelled by %s"), self->cancelled_by);
  if (why)
    return g_strdup_printf (_("Cancelled: %s"), self->cancel_reason);
  return g_strdup (_("Cancelled"));
}

static const char *
describe_letter_sent (const char *status)
{
  if (g_strcmp0 (status, "planned") == 0)
    return _("Letter to send");
  if (g_strcmp0 (status, "missed") == 0)
    return _("Letter didn't go");
  return _("Letter sent");
}

static const char *
describe_letter_received (const char *status)
{
  if (g_strcmp0 (status, "planned") == 0)
    return _("Letter expected");
  if (g_strcmp0 (status, "missed") == 0)
    return _("Letter didn't arrive");
  return _("Letter received");
}

static const char *
describe_contact (const char *status)
{
  if (g_strcmp0 (status, "planned") == 0)
    return _("Contact planned");
  if (g_strcmp0 (status, "missed") == 0)
    return _("Contact didn't happen");
  return _("Contact happened");
}

char *
kit_session_describe (KitSession *self)
{
  g_return_val_if_fail (KIT_IS_SESSION (self), NULL);

  if (g_strcmp0 (self->status, "cancelled") == 0)
    return describe_cancelled (self);
  if (g_strcmp0 (self->kind, "letter-sent") == 0)
    return g_strdup (describe_letter_sent (self->status));
  if (g_strcmp0 (self->kind, "letter-received") == 0)
    return g_strdup (describe_letter_received (self->status));
  return g_strdup (describe_contact (self->status));
}
