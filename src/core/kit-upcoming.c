/* kit-upcoming.c — one line of "Coming up", with plain words ready to show.
 * Values are set once, at construction; the properties are read-only so
 * that list rows can bind to them. */

#include "kit-upcoming.h"

struct _KitUpcoming
{
  GObject parent_instance;
  KitUpcomingKind kind;
  char *date;
  gint64 child_id;
  char *child_name;
  gint64 arrangement_id;
  char *title;
  char *detail;
};

G_DEFINE_FINAL_TYPE (KitUpcoming, kit_upcoming, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DATE,
  PROP_CHILD_ID,
  PROP_CHILD_NAME,
  PROP_ARRANGEMENT_ID,
  PROP_TITLE,
  PROP_DETAIL,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_upcoming_finalize (GObject *object)
{
  KitUpcoming *self = (KitUpcoming *) object;

  g_free (self->date);
  g_free (self->child_name);
  g_free (self->title);
  g_free (self->detail);
  G_OBJECT_CLASS (kit_upcoming_parent_class)->finalize (object);
}

static void
kit_upcoming_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitUpcoming *self = (KitUpcoming *) object;

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_CHILD_NAME:
      g_value_set_string (value, self->child_name);
      break;
    case PROP_ARRANGEMENT_ID:
      g_value_set_int64 (value, self->arrangement_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, kit_upcoming_get_icon_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_upcoming_class_init (KitUpcomingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kit_upcoming_finalize;
  object_class->get_property = kit_upcoming_get_property;

  /* An int rather than an enum type: KitUpcomingKind has no GType. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, KIT_UPCOMING_DATE_THAT_MATTERS, 0, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_CHILD_ID] = g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CHILD_NAME] = g_param_spec_string ("child-name", NULL, NULL, NULL, flags);
  properties[PROP_ARRANGEMENT_ID] =
    g_param_spec_int64 ("arrangement-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kit_upcoming_init (KitUpcoming *self)
{
}

KitUpcoming *
kit_upcoming_new (KitUpcomingKind kind, const char *date, gint64 child_id,
                  const char *child_name, gint64 arrangement_id,
                  const char *title, const char *detail)
{
  KitUpcoming *self = g_object_new (KIT_TYPE_UPCOMING, NULL);

  self->kind = kind;
  self->date = g_strdup (date);
  self->child_id = child_id;
  self->child_name = g_strdup (child_name);
  self->arrangement_id = arrangement_id;
  self->title = g_strdup (title);
  self->detail = g_strdup (detail);
  return self;
}

KitUpcomingKind
kit_upcoming_get_kind (KitUpcoming *self)
{
  g_return_val_if_fail (KIT_IS_UPCOMING (self), KIT_UPCOMING_SESSION);
  return self->kind;
}

const char *
kit_upcoming_get_date (KitUpcoming *self)
{
  g_return_val_if_fail (KIT_IS_UPCOMING (self), NULL);
  return self->date;
}

gint64
kit_upcoming_get_child_id (KitUpcoming *self)
{
  g_return_val_if_fail (KIT_IS_UPCOMING (self), 0);
  return self->child_id;
}

const char *
kit_upcoming_get_child_name (KitUpcoming *self)
{
  g_return_val_if_fail (KIT_IS_UPCOMING (self), NULL);
  return self->child_name;
}

gint64
kit_upcoming_get_arrangement_id (KitUpcoming *self)
{
  g_return_val_if_fail (KIT_IS_UPCOMING (self), 0);
  return self->arrangement_id;
}

const char *
kit_upcoming_get_title (KitUpcoming *self)
{
  g_return_val_if_fail (KIT_IS_UPCOMING (self), NULL);
  return self->title;
}

const char *
kit_upcoming_get_detail (KitUpcoming *self)
{
  g_return_val_if_fail (KIT_IS_UPCOMING (self), NULL);
  return self->detail;
}

/* All from the Adwaita symbolic set shipped with Debian 12. */
const char *
kit_upcoming_get_icon_name (KitUpcoming *self)
{
  g_return_val_if_fail (KIT_IS_UPCOMING (self), NULL);

  switch (self->kind)
    {
    case KIT_UPCOMING_REPLY_OVERDUE:
      return "mail-unread-symbolic";
    case KIT_UPCOMING_SESSION:
      return "x-office-calendar-symbolic";
    case KIT_UPCOMING_CONTACT_DUE:
      return "alarm-symbolic";
    case KIT_UPCOMING_LETTER_DUE:
      return "mail-message-new-symbolic";
    case KIT_UPCOMING_REVIEW_DUE:
      return "document-edit-symbolic";
    case KIT_UPCOMING_BIRTHDAY:
      return "starred-symbolic";
    case KIT_UPCOMING_DATE_THAT_MATTERS:
      return "emblem-favorite-symbolic";
    default:
      return "x-office-calendar-symbolic";
    }
}
