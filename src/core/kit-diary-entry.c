/* kit-diary-entry.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-diary-entry.h"

struct _KitDiaryEntry { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (KitDiaryEntry, kit_diary_entry, G_TYPE_OBJECT)
static void kit_diary_entry_class_init (KitDiaryEntryClass *klass) { }
static void kit_diary_entry_init (KitDiaryEntry *self) { }

struct _KitDiaryMonth { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (KitDiaryMonth, kit_diary_month, G_TYPE_OBJECT)
static void kit_diary_month_class_init (KitDiaryMonthClass *klass) { }
static void kit_diary_month_init (KitDiaryMonth *self) { }

KitDiaryEntry *
kit_diary_entry_new (void)
{
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

KitDiaryEntry *
kit_diary_entry_copy (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

gint64
kit_diary_entry_get_id (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

void
kit_diary_entry_set_id (KitDiaryEntry *self, gint64 id)
{
  (void) self;
  (void) id;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_diary_entry_get_date (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_diary_entry_set_date (KitDiaryEntry *self, const char *iso)
{
  (void) self;
  (void) iso;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gint64
kit_diary_entry_get_child_id (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

void
kit_diary_entry_set_child_id (KitDiaryEntry *self, gint64 id)
{
  (void) self;
  (void) id;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gint64
kit_diary_entry_get_session_id (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}

void
kit_diary_entry_set_session_id (KitDiaryEntry *self, gint64 id)
{
  (void) self;
  (void) id;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_diary_entry_get_title (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_diary_entry_set_title (KitDiaryEntry *self, const char *title)
{
  (void) self;
  (void) title;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_diary_entry_get_body (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_diary_entry_set_body (KitDiaryEntry *self, const char *body)
{
  (void) self;
  (void) body;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_diary_entry_get_feelings (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_diary_entry_set_feelings (KitDiaryEntry *self, const char *codes)
{
  (void) self;
  (void) codes;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_diary_entry_get_feelings_text (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_diary_entry_set_feelings_text (KitDiaryEntry *self, const char *text)
{
  (void) self;
  (void) text;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gboolean
kit_diary_entry_get_shared (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

void
kit_diary_entry_set_shared (KitDiaryEntry *self, gboolean shared)
{
  (void) self;
  (void) shared;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_diary_entry_get_updated_at (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_diary_entry_set_updated_at (KitDiaryEntry *self, const char *stamp)
{
  (void) self;
  (void) stamp;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_diary_entry_get_child_name (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_diary_entry_set_child_name (KitDiaryEntry *self, const char *name)
{
  (void) self;
  (void) name;
  g_warning ("%s: not written yet", G_STRFUNC);
}

const char *
kit_diary_entry_get_snippet_markup (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

void
kit_diary_entry_set_snippet_markup (KitDiaryEntry *self, const char *markup)
{
  (void) self;
  (void) markup;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gboolean
kit_diary_entry_has_feeling (KitDiaryEntry *self, const char *code)
{
  (void) self;
  (void) code;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

void
kit_diary_entry_toggle_feeling (KitDiaryEntry *self, const char *code, gboolean on)
{
  (void) self;
  (void) code;
  (void) on;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gboolean
kit_diary_entry_is_empty (KitDiaryEntry *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

KitDiaryMonth *
kit_diary_month_new (const char *year_month, guint n_entries)
{
  (void) year_month;
  (void) n_entries;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

const char *
kit_diary_month_get_year_month (KitDiaryMonth *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

const char *
kit_diary_month_get_label (KitDiaryMonth *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

guint
kit_diary_month_get_n_entries (KitDiaryMonth *self)
{
  (void) self;
  g_warning ("%s: not written yet", G_STRFUNC);
  return 0;
}
