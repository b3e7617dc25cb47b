/* kit-child.c — One child (DESIGN §2): a plain value object read from the record. Generated field plumbing
 * (properties, getters, setters, copy) first; hand-written behaviour after. */
#include "kit-child.h"

#include <glib/gi18n-lib.h>
struct _KitChild
{
  GObject parent_instance;
  gint64 id;
  char *name;
  char *other_names;
  char *date_of_birth;
  char *lives_with;
  char *legal_order;
  char *notes;
  char *initials;
  char *next_contact;
};

G_DEFINE_FINAL_TYPE (KitChild, kit_child, G_TYPE_OBJECT)

static char *initials_of (const char *name);

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_OTHER_NAMES,
  PROP_DATE_OF_BIRTH,
  PROP_LIVES_WITH,
  PROP_LEGAL_ORDER,
  PROP_NOTES,
  PROP_INITIALS,
  PROP_NEXT_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_child_finalize (GObject *object)
{
  KitChild *self = (KitChild *) object;

  g_free (self->name);
  g_free (self->other_names);
  g_free (self->date_of_birth);
  g_free (self->lives_with);
  g_free (self->legal_order);
  g_free (self->notes);
  g_free (self->initials);
  g_free (self->next_contact);
  G_OBJECT_CLASS (kit_child_parent_class)->finalize (object);
}

static void
kit_child_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitChild *self = (KitChild *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_OTHER_NAMES:
      g_value_set_string (value, self->other_names);
      break;
    case PROP_DATE_OF_BIRTH:
      g_value_set_string (value, self->date_of_birth);
      break;
    case PROP_LIVES_WITH:
      g_value_set_string (value, self->lives_with);
      break;
    case PROP_LEGAL_ORDER:
      g_value_set_string (value, self->legal_order);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_INITIALS:
      g_value_set_string (value, self->initials);
      break;
    case PROP_NEXT_CONTACT:
      g_value_set_string (value, self->next_contact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_child_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KitChild *self = (KitChild *) object;

  switch (prop_id)
    {
    case PROP_ID:
      kit_child_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      kit_child_set_name (self, g_value_get_string (value));
      break;
    case PROP_OTHER_NAMES:
      kit_child_set_other_names (self, g_value_get_string (value));
      break;
    case PROP_DATE_OF_BIRTH:
      kit_child_set_date_of_birth (self, g_value_get_string (value));
      break;
    case PROP_LIVES_WITH:
      kit_child_set_lives_with (self, g_value_get_string (value));
      break;
    case PROP_LEGAL_ORDER:
      kit_child_set_legal_order (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      kit_child_set_notes (self, g_value_get_string (value));
      break;
    case PROP_INITIALS:
      kit_child_set_initials (self, g_value_get_string (value));
      break;
    case PROP_NEXT_CONTACT:
      kit_child_set_next_contact (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_child_class_init (KitChildClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_child_finalize;
  object_class->get_property = kit_child_get_property;
  object_class->set_property = kit_child_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OTHER_NAMES] =
    g_param_spec_string ("other-names", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_OF_BIRTH] =
    g_param_spec_string ("date-of-birth", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIVES_WITH] =
    g_param_spec_string ("lives-with", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEGAL_ORDER] =
    g_param_spec_string ("legal-order", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIALS] =
    g_param_spec_string ("initials", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_CONTACT] =
    g_param_spec_string ("next-contact", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kit_child_init (KitChild *self)
{
  self->lives_with = g_strdup ("not-known");
  self->legal_order = g_strdup ("not-known");
}

KitChild *
kit_child_new (void)
{
  KitChild *self = g_object_new (KIT_TYPE_CHILD, NULL);

  return self;
}

KitChild *
kit_child_copy (KitChild *self)
{
  KitChild *copy;

  g_return_val_if_fail (KIT_IS_CHILD (self), NULL);
  copy = g_object_new (KIT_TYPE_CHILD, NULL);
  copy->id = self->id;
  g_free (copy->name);
  copy->name = g_strdup (self->name);
  g_free (copy->other_names);
  copy->other_names = g_strdup (self->other_names);
  g_free (copy->date_of_birth);
  copy->date_of_birth = g_strdup (self->date_of_birth);
  g_free (copy->lives_with);
  copy->lives_with = g_strdup (self->lives_with);
  g_free (copy->legal_order);
  copy->legal_order = g_strdup (self->legal_order);
  g_free (copy->notes);
  copy->notes = g_strdup (self->notes);
  g_free (copy->initials);
  copy->initials = g_strdup (self->initials);
  g_free (copy->next_contact);
  copy->next_contact = g_strdup (self->next_contact);
  return copy;
}

gint64
kit_child_get_id (KitChild *self)
{
  g_return_val_if_fail (KIT_IS_CHILD (self), 0);
  return self->id;
}

void
kit_child_set_id (KitChild *self, gint64 id)
{
  g_return_if_fail (KIT_IS_CHILD (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
kit_child_get_name (KitChild *self)
{
  g_return_val_if_fail (KIT_IS_CHILD (self), NULL);
  return self->name;
}

void
kit_child_set_name (KitChild *self, const char *name)
{
  g_return_if_fail (KIT_IS_CHILD (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);

  g_autofree char *initials = initials_of (name);
  kit_child_set_initials (self, initials);
}

const char *
kit_child_get_other_names (KitChild *self)
{
  g_return_val_if_fail (KIT_IS_CHILD (self), NULL);
  return self->other_names;
}

void
kit_child_set_other_names (KitChild *self, const char *other_names)
{
  g_return_if_fail (KIT_IS_CHILD (self));
  if (g_strcmp0 (self->other_names, other_names) == 0)
    return;
  g_free (self->other_names);
  self->other_names = g_strdup (other_names);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OTHER_NAMES]);
}

const char *
kit_child_get_date_of_birth (KitChild *self)
{
  g_return_val_if_fail (KIT_IS_CHILD (self), NULL);
  return self->date_of_birth;
}

void
kit_child_set_date_of_birth (KitChild *self, const char *date_of_birth)
{
  g_return_if_fail (KIT_IS_CHILD (self));
  if (g_strcmp0 (self->date_of_birth, date_of_birth) == 0)
    return;
  g_free (self->date_of_birth);
  self->date_of_birth = g_strdup (date_of_birth);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_OF_BIRTH]);
}

const char *
kit_child_get_lives_with (KitChild *self)
{
  g_return_val_if_fail (KIT_IS_CHILD (self), NULL);
  return self->lives_with;
}

void
kit_child_set_lives_with (KitChild *self, const char *lives_with)
{
  g_return_if_fail (KIT_IS_CHILD (self));
  if (g_strcmp0 (self->lives_with, lives_with) == 0)
    return;
  g_free (self->lives_with);
  self->lives_with = g_strdup (lives_with);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIVES_WITH]);
}

const char *
kit_child_get_legal_order (KitChild *self)
{
  g_return_val_if_fail (KIT_IS_CHILD (self), NULL);
  return self->legal_order;
}

void
kit_child_set_legal_order (KitChild *self, const char *legal_order)
{
  g_return_if_fail (KIT_IS_CHILD (self));
  if (g_strcmp0 (self->legal_order, legal_order) == 0)
    return;
  g_free (self->legal_order);
  self->legal_order = g_strdup (legal_order);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEGAL_ORDER]);
}

const char *
kit_child_get_notes (KitChild *self)
{
  g_return_val_if_fail (KIT_IS_CHILD (self), NULL);
  return self->notes;
}

void
kit_child_set_notes (KitChild *self, const char *notes)
{
  g_return_if_fail (KIT_IS_CHILD (self));
  if (g_strcmp0 (self->notes, notes) == 0)
    return;
  g_free (self->notes);
  self->notes = g_strdup (notes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
kit_child_get_initials (KitChild *self)
{
  g_return_val_if_fail (KIT_IS_CHILD (self), NULL);
  return self->initials;
}

void
kit_child_set_initials (KitChild *self, const char *initials)
{
  g_return_if_fail (KIT_IS_CHILD (self));
  if (g_strcmp0 (self->initials, initials) == 0)
    return;
  g_free (self->initials);
  self->initials = g_strdup (initials);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
}

const char *
kit_child_get_next_contact (KitChild *self)
{
  g_return_val_if_fail (KIT_IS_CHILD (self), NULL);
  return self->next_contact;
}

void
kit_child_set_next_contact (KitChild *self, const char *next_contact)
{
  g_return_if_fail (KIT_IS_CHILD (self));
  if (g_strcmp0 (self->next_contact, next_contact) == 0)
    return;
  g_free (self->next_contact);
  self->next_contact = g_strdup (next_contact);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_CONTACT]);
}

/* Behaviour */

/* The first letter of the first word and of the last word, upper case: "Mia
 * Jones" → "MJ", "mia" → "M", "Zoë-Anne Łukasz" → "ZŁ". Words are split on
 * white space; a word starting with something other than a letter (an
 * opening bracket, say) gives its first letter. */
static gunichar
first_letter (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        return g_unichar_toupper (c);
    }
  return 0;
}

static char *
initials_of (const char *name)
{
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  g_auto(GStrv) words = g_regex_split_simple ("\\s+", name, 0, 0);
  gunichar first = 0, last = 0;
  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar c = first_letter (words[i]);
      if (c == 0)
        continue;
      if (first == 0)
        first = c;
      else
        last = c;
    }

  GString *out = g_string_new (NULL);
  if (first != 0)
    g_string_append_unichar (out, first);
  if (last != 0)
    g_string_append_unichar (out, last);
  return g_string_free (out, FALSE);
}
