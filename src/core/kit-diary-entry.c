/* kit-diary-entry.c — one entry of her private diary, and a month heading of
 * a diary list. Generated field plumbing (properties, getters, setters, copy)
 * first; hand-written behaviour after. */
#include "kit-diary-entry.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kit-date.h"

struct _KitDiaryEntry
{
  GObject parent_instance;
  gint64 id;
  char *date;
  gint64 child_id;
  gint64 session_id;
  char *title;
  char *body;
  char *feelings;
  char *feelings_text;
  gboolean shared;
  char *updated_at;
  char *child_name;
  char *snippet_markup;
};

G_DEFINE_FINAL_TYPE (KitDiaryEntry, kit_diary_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_CHILD_ID,
  PROP_SESSION_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_FEELINGS,
  PROP_FEELINGS_TEXT,
  PROP_SHARED,
  PROP_UPDATED_AT,
  PROP_CHILD_NAME,
  PROP_SNIPPET_MARKUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_diary_entry_finalize (GObject *object)
{
  KitDiaryEntry *self = (KitDiaryEntry *) object;

  g_free (self->date);
  g_free (self->title);
  g_free (self->body);
  g_free (self->feelings);
  g_free (self->feelings_text);
  g_free (self->updated_at);
  g_free (self->child_name);
  g_free (self->snippet_markup);
  G_OBJECT_CLASS (kit_diary_entry_parent_class)->finalize (object);
}

static void
kit_diary_entry_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitDiaryEntry *self = (KitDiaryEntry *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_CHILD_ID:
      g_value_set_int64 (value, self->child_id);
      break;
    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_FEELINGS:
      g_value_set_string (value, self->feelings);
      break;
    case PROP_FEELINGS_TEXT:
      g_value_set_string (value, self->feelings_text);
      break;
    case PROP_SHARED:
      g_value_set_boolean (value, self->shared);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    case PROP_CHILD_NAME:
      g_value_set_string (value, self->child_name);
      break;
    case PROP_SNIPPET_MARKUP:
      g_value_set_string (value, self->snippet_markup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_diary_entry_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KitDiaryEntry *self = (KitDiaryEntry *) object;

  switch (prop_id)
    {
    case PROP_ID:
      kit_diary_entry_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_DATE:
      kit_diary_entry_set_date (self, g_value_get_string (value));
      break;
    case PROP_CHILD_ID:
      kit_diary_entry_set_child_id (self, g_value_get_int64 (value));
      break;
    case PROP_SESSION_ID:
      kit_diary_entry_set_session_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      kit_diary_entry_set_title (self, g_value_get_string (value));
      break;
    case PROP_BODY:
      kit_diary_entry_set_body (self, g_value_get_string (value));
      break;
    case PROP_FEELINGS:
      kit_diary_entry_set_feelings (self, g_value_get_string (value));
      break;
    case PROP_FEELINGS_TEXT:
      kit_diary_entry_set_feelings_text (self, g_value_get_string (value));
      break;
    case PROP_SHARED:
      kit_diary_entry_set_shared (self, g_value_get_boolean (value));
      break;
    case PROP_UPDATED_AT:
      kit_diary_entry_set_updated_at (self, g_value_get_string (value));
      break;
    case PROP_CHILD_NAME:
      kit_diary_entry_set_child_name (self, g_value_get_string (value));
      break;
    case PROP_SNIPPET_MARKUP:
      kit_diary_entry_set_snippet_markup (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_diary_entry_class_init (KitDiaryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_diary_entry_finalize;
  object_class->get_property = kit_diary_entry_get_property;
  object_class->set_property = kit_diary_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILD_ID] =
    g_param_spec_int64 ("child-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEELINGS] =
    g_param_spec_string ("feelings", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEELINGS_TEXT] =
    g_param_spec_string ("feelings-text", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHARED] =
    g_param_spec_boolean ("shared", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHILD_NAME] =
    g_param_spec_string ("child-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNIPPET_MARKUP] =
    g_param_spec_string ("snippet-markup", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kit_diary_entry_init (KitDiaryEntry *self)
{
  self->title = g_strdup ("");
  self->body = g_strdup ("");
  self->feelings = g_strdup ("");
  self->feelings_text = g_strdup ("");
  self->child_name = g_strdup ("");
}

KitDiaryEntry *
kit_diary_entry_new (void)
{
  KitDiaryEntry *self = g_object_new (KIT_TYPE_DIARY_ENTRY, NULL);

  self->date = kit_date_today ();
  return self;
}

KitDiaryEntry *
kit_diary_entry_copy (KitDiaryEntry *self)
{
  KitDiaryEntry *copy;

  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), NULL);
  copy = g_object_new (KIT_TYPE_DIARY_ENTRY, NULL);
  copy->id = self->id;
  g_free (copy->date);
  copy->date = g_strdup (self->date);
  copy->child_id = self->child_id;
  copy->session_id = self->session_id;
  g_free (copy->title);
  copy->title = g_strdup (self->title);
  g_free (copy->body);
  copy->body = g_strdup (self->body);
  g_free (copy->feelings);
  copy->feelings = g_strdup (self->feelings);
  g_free (copy->feelings_text);
  copy->feelings_text = g_strdup (self->feelings_text);
  copy->shared = self->shared;
  g_free (copy->updated_at);
  copy->updated_at = g_strdup (self->updated_at);
  g_free (copy->child_name);
  copy->child_name = g_strdup (self->child_name);
  g_free (copy->snippet_markup);
  copy->snippet_markup = g_strdup (self->snippet_markup);
  return copy;
}

gint64
kit_diary_entry_get_id (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), 0);
  return self->id;
}

void
kit_diary_entry_set_id (KitDiaryEntry *self, gint64 id)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
kit_diary_entry_get_date (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), NULL);
  return self->date;
}

void
kit_diary_entry_set_date (KitDiaryEntry *self, const char *date)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gint64
kit_diary_entry_get_child_id (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), 0);
  return self->child_id;
}

void
kit_diary_entry_set_child_id (KitDiaryEntry *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (self->child_id == child_id)
    return;
  self->child_id = child_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD_ID]);
}

gint64
kit_diary_entry_get_session_id (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), 0);
  return self->session_id;
}

void
kit_diary_entry_set_session_id (KitDiaryEntry *self, gint64 session_id)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (self->session_id == session_id)
    return;
  self->session_id = session_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

const char *
kit_diary_entry_get_title (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), NULL);
  return self->title;
}

void
kit_diary_entry_set_title (KitDiaryEntry *self, const char *title)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (g_strcmp0 (self->title, title != NULL ? title : "") == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
kit_diary_entry_get_body (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), NULL);
  return self->body;
}

void
kit_diary_entry_set_body (KitDiaryEntry *self, const char *body)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (g_strcmp0 (self->body, body != NULL ? body : "") == 0)
    return;
  g_free (self->body);
  self->body = g_strdup (body != NULL ? body : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
kit_diary_entry_get_feelings (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), NULL);
  return self->feelings;
}

void
kit_diary_entry_set_feelings (KitDiaryEntry *self, const char *feelings)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (g_strcmp0 (self->feelings, feelings != NULL ? feelings : "") == 0)
    return;
  g_free (self->feelings);
  self->feelings = g_strdup (feelings != NULL ? feelings : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEELINGS]);
}

const char *
kit_diary_entry_get_feelings_text (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), NULL);
  return self->feelings_text;
}

void
kit_diary_entry_set_feelings_text (KitDiaryEntry *self, const char *feelings_text)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (g_strcmp0 (self->feelings_text, feelings_text != NULL ? feelings_text : "") == 0)
    return;
  g_free (self->feelings_text);
  self->feelings_text = g_strdup (feelings_text != NULL ? feelings_text : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEELINGS_TEXT]);
}

gboolean
kit_diary_entry_get_shared (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), FALSE);
  return self->shared;
}

void
kit_diary_entry_set_shared (KitDiaryEntry *self, gboolean shared)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  shared = !!shared;
  if (self->shared == shared)
    return;
  self->shared = shared;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED]);
}

const char *
kit_diary_entry_get_updated_at (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), NULL);
  return self->updated_at;
}

void
kit_diary_entry_set_updated_at (KitDiaryEntry *self, const char *updated_at)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (g_strcmp0 (self->updated_at, updated_at) == 0)
    return;
  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

const char *
kit_diary_entry_get_child_name (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), NULL);
  return self->child_name;
}

void
kit_diary_entry_set_child_name (KitDiaryEntry *self, const char *child_name)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (g_strcmp0 (self->child_name, child_name != NULL ? child_name : "") == 0)
    return;
  g_free (self->child_name);
  self->child_name = g_strdup (child_name != NULL ? child_name : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD_NAME]);
}

const char *
kit_diary_entry_get_snippet_markup (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), NULL);
  return self->snippet_markup;
}

void
kit_diary_entry_set_snippet_markup (KitDiaryEntry *self, const char *snippet_markup)
{
  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (g_strcmp0 (self->snippet_markup, snippet_markup) == 0)
    return;
  g_free (self->snippet_markup);
  self->snippet_markup = g_strdup (snippet_markup);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNIPPET_MARKUP]);
}

/* Behaviour */

gboolean
kit_diary_entry_has_feeling (KitDiaryEntry *self, const char *code)
{
  g_auto (GStrv) codes = NULL;

  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), FALSE);
  if (code == NULL || *code == '\0')
    return FALSE;
  codes = g_strsplit (self->feelings, ",", -1);
  return g_strv_contains ((const char *const *) codes, code);
}

/* The codes are kept in the order they were chosen, without repeats. */
void
kit_diary_entry_toggle_feeling (KitDiaryEntry *self, const char *code, gboolean on)
{
  g_auto (GStrv) codes = NULL;
  g_autoptr (GStrvBuilder) kept = NULL;
  g_auto (GStrv) result = NULL;
  g_autofree char *joined = NULL;

  g_return_if_fail (KIT_IS_DIARY_ENTRY (self));
  if (code == NULL || *code == '\0' || strchr (code, ',') != NULL ||
      kit_diary_entry_has_feeling (self, code) == !!on)
    return;

  codes = g_strsplit (self->feelings, ",", -1);
  kept = g_strv_builder_new ();
  for (guint i = 0; codes[i] != NULL; i++)
    if (codes[i][0] != '\0' && g_strcmp0 (codes[i], code) != 0)
      g_strv_builder_add (kept, codes[i]);
  if (on)
    g_strv_builder_add (kept, code);
  result = g_strv_builder_end (kept);
  joined = g_strjoinv (",", result);
  kit_diary_entry_set_feelings (self, joined);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
kit_diary_entry_is_empty (KitDiaryEntry *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (self), TRUE);
  return is_blank (self->title) && is_blank (self->body);
}

/* --- KitDiaryMonth ------------------------------------------------------------ */

struct _KitDiaryMonth
{
  GObject parent_instance;
  char *year_month;
  char *label;
  guint n_entries;
};

G_DEFINE_FINAL_TYPE (KitDiaryMonth, kit_diary_month, G_TYPE_OBJECT)

enum {
  MONTH_PROP_0,
  MONTH_PROP_YEAR_MONTH,
  MONTH_PROP_LABEL,
  MONTH_PROP_N_ENTRIES,
  MONTH_N_PROPS
};

static GParamSpec *month_properties[MONTH_N_PROPS];

static void
kit_diary_month_finalize (GObject *object)
{
  KitDiaryMonth *self = (KitDiaryMonth *) object;

  g_free (self->year_month);
  g_free (self->label);
  G_OBJECT_CLASS (kit_diary_month_parent_class)->finalize (object);
}

static void
kit_diary_month_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitDiaryMonth *self = (KitDiaryMonth *) object;

  switch (prop_id)
    {
    case MONTH_PROP_YEAR_MONTH:
      g_value_set_string (value, self->year_month);
      break;
    case MONTH_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case MONTH_PROP_N_ENTRIES:
      g_value_set_uint (value, self->n_entries);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_diary_month_class_init (KitDiaryMonthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_diary_month_finalize;
  object_class->get_property = kit_diary_month_get_property;

  month_properties[MONTH_PROP_YEAR_MONTH] =
    g_param_spec_string ("year-month", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  month_properties[MONTH_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  month_properties[MONTH_PROP_N_ENTRIES] =
    g_param_spec_uint ("n-entries", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, MONTH_N_PROPS, month_properties);
}

static void
kit_diary_month_init (KitDiaryMonth *self)
{
}

/* "November 2026" for "2026-11"; the text itself when it is not a month. */
static char *
month_label (const char *year_month)
{
  char *label = kit_date_format_month (year_month);

  return label != NULL ? label : g_strdup (year_month);
}

KitDiaryMonth *
kit_diary_month_new (const char *year_month, guint n_entries)
{
  KitDiaryMonth *self = g_object_new (KIT_TYPE_DIARY_MONTH, NULL);

  self->year_month = g_strdup (year_month != NULL ? year_month : "");
  self->label = month_label (self->year_month);
  self->n_entries = n_entries;
  return self;
}

const char *
kit_diary_month_get_year_month (KitDiaryMonth *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_MONTH (self), NULL);
  return self->year_month;
}

const char *
kit_diary_month_get_label (KitDiaryMonth *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_MONTH (self), NULL);
  return self->label;
}

guint
kit_diary_month_get_n_entries (KitDiaryMonth *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_MONTH (self), 0);
  return self->n_entries;
}
