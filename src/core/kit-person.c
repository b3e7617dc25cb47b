/* kit-person.c — One person or organisation in the address book. Generated field plumbing
 * (properties, getters, setters, copy) first; hand-written behaviour after. */
#include "kit-person.h"

#include <glib/gi18n-lib.h>
struct _KitPerson
{
  GObject parent_instance;
  gint64 id;
  char *name;
  char *role;
  char *organisation;
  char *address;
  char *phone;
  char *email;
  char *notes;
};

G_DEFINE_FINAL_TYPE (KitPerson, kit_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_ORGANISATION,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_person_finalize (GObject *object)
{
  KitPerson *self = (KitPerson *) object;

  g_free (self->name);
  g_free (self->role);
  g_free (self->organisation);
  g_free (self->address);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->notes);
  G_OBJECT_CLASS (kit_person_parent_class)->finalize (object);
}

static void
kit_person_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitPerson *self = (KitPerson *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_person_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KitPerson *self = (KitPerson *) object;

  switch (prop_id)
    {
    case PROP_ID:
      kit_person_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      kit_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      kit_person_set_role (self, g_value_get_string (value));
      break;
    case PROP_ORGANISATION:
      kit_person_set_organisation (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      kit_person_set_address (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      kit_person_set_phone (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      kit_person_set_email (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      kit_person_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_person_class_init (KitPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_person_finalize;
  object_class->get_property = kit_person_get_property;
  object_class->set_property = kit_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kit_person_init (KitPerson *self)
{
}

KitPerson *
kit_person_new (void)
{
  KitPerson *self = g_object_new (KIT_TYPE_PERSON, NULL);

  return self;
}

KitPerson *
kit_person_copy (KitPerson *self)
{
  KitPerson *copy;

  g_return_val_if_fail (KIT_IS_PERSON (self), NULL);
  copy = g_object_new (KIT_TYPE_PERSON, NULL);
  copy->id = self->id;
  g_free (copy->name);
  copy->name = g_strdup (self->name);
  g_free (copy->role);
  copy->role = g_strdup (self->role);
  g_free (copy->organisation);
  copy->organisation = g_strdup (self->organisation);
  g_free (copy->address);
  copy->address = g_strdup (self->address);
  g_free (copy->phone);
  copy->phone = g_strdup (self->phone);
  g_free (copy->email);
  copy->email = g_strdup (self->email);
  g_free (copy->notes);
  copy->notes = g_strdup (self->notes);
  return copy;
}

gint64
kit_person_get_id (KitPerson *self)
{
  g_return_val_if_fail (KIT_IS_PERSON (self), 0);
  return self->id;
}

void
kit_person_set_id (KitPerson *self, gint64 id)
{
  g_return_if_fail (KIT_IS_PERSON (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
kit_person_get_name (KitPerson *self)
{
  g_return_val_if_fail (KIT_IS_PERSON (self), NULL);
  return self->name;
}

void
kit_person_set_name (KitPerson *self, const char *name)
{
  g_return_if_fail (KIT_IS_PERSON (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
kit_person_get_role (KitPerson *self)
{
  g_return_val_if_fail (KIT_IS_PERSON (self), NULL);
  return self->role;
}

void
kit_person_set_role (KitPerson *self, const char *role)
{
  g_return_if_fail (KIT_IS_PERSON (self));
  if (g_strcmp0 (self->role, role) == 0)
    return;
  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
kit_person_get_organisation (KitPerson *self)
{
  g_return_val_if_fail (KIT_IS_PERSON (self), NULL);
  return self->organisation;
}

void
kit_person_set_organisation (KitPerson *self, const char *organisation)
{
  g_return_if_fail (KIT_IS_PERSON (self));
  if (g_strcmp0 (self->organisation, organisation) == 0)
    return;
  g_free (self->organisation);
  self->organisation = g_strdup (organisation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANISATION]);
}

const char *
kit_person_get_address (KitPerson *self)
{
  g_return_val_if_fail (KIT_IS_PERSON (self), NULL);
  return self->address;
}

void
kit_person_set_address (KitPerson *self, const char *address)
{
  g_return_if_fail (KIT_IS_PERSON (self));
  if (g_strcmp0 (self->address, address) == 0)
    return;
  g_free (self->address);
  self->address = g_strdup (address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
kit_person_get_phone (KitPerson *self)
{
  g_return_val_if_fail (KIT_IS_PERSON (self), NULL);
  return self->phone;
}

void
kit_person_set_phone (KitPerson *self, const char *phone)
{
  g_return_if_fail (KIT_IS_PERSON (self));
  if (g_strcmp0 (self->phone, phone) == 0)
    return;
  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

const char *
kit_person_get_email (KitPerson *self)
{
  g_return_val_if_fail (KIT_IS_PERSON (self), NULL);
  return self->email;
}

void
kit_person_set_email (KitPerson *self, const char *email)
{
  g_return_if_fail (KIT_IS_PERSON (self));
  if (g_strcmp0 (self->email, email) == 0)
    return;
  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

const char *
kit_person_get_notes (KitPerson *self)
{
  g_return_val_if_fail (KIT_IS_PERSON (self), NULL);
  return self->notes;
}

void
kit_person_set_notes (KitPerson *self, const char *notes)
{
  g_return_if_fail (KIT_IS_PERSON (self));
  if (g_strcmp0 (self->notes, notes) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/* Behaviour */

static void
append_part (GString *out, const char *part)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (part ? part : ""));
  if (trimmed[0] == '\0')
    return;
  if (out->len > 0)
    /* Translators: separates a person's name, role and organisation */
    g_string_append (out, _(", "));
  g_string_append (out, trimmed);
}

char *
kit_person_describe (KitPerson *self)
{
  g_return_val_if_fail (KIT_IS_PERSON (self), NULL);

  GString *out = g_string_new (NULL);
  append_part (out, self->name);
  append_part (out, self->role);
  append_part (out, self->organisation);
  return g_string_free (out, FALSE);
}
