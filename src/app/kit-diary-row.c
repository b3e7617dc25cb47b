/* kit-diary-row.c — one row of the diary list: a month heading, or an entry
 * with its date, title, child, feelings, a line of its text (or the search
 * extract, its matches in bold) and a "Shared in review" tag. Built in code
 * and kept cheap: GTK 4.8's list view makes some 200 of these when the diary
 * opens, so the long texts are GtkInscriptions (which don't measure their
 * text) and a feeling icon is made only when a row first needs it, then
 * kept and changed as the row shows other entries. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-date.h"
#include "kit-diary-entry.h"
#include "kit-diary-row.h"
#include "kit-vocab.h"

#define MAX_FEELINGS 10   /* as many as KIT_VOCAB_FEELING has */

struct _KitDiaryRow
{
  GtkWidget parent_instance;

  GtkWidget *month;      /* the heading */
  GtkWidget *entry_box;  /* everything of an entry */
  GtkWidget *date;
  GtkWidget *title;
  GtkWidget *child;
  GtkWidget *feelings;   /* box of icons */
  GtkWidget *feeling_images[MAX_FEELINGS];  /* the first n_images made */
  guint n_images;
  GtkWidget *shared;
  GtkWidget *text;
};

G_DEFINE_FINAL_TYPE (KitDiaryRow, kit_diary_row, GTK_TYPE_WIDGET)

static const struct
{
  const char *code;
  const char *icon;
} feeling_icons[] = {
  { "happy", "face-smile-big-symbolic" },
  { "hopeful", "face-smile-symbolic" },
  { "calm", "face-plain-symbolic" },
  { "proud", "face-cool-symbolic" },
  { "sad", "face-sad-symbolic" },
  { "worried", "face-worried-symbolic" },
  { "angry", "face-angry-symbolic" },
  { "confused", "face-confused-symbolic" },
  { "tired", "face-tired-symbolic" },
  { "numb", "face-shutmouth-symbolic" },
};

const char *
kit_diary_feeling_icon (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (feeling_icons); i++)
    if (g_strcmp0 (feeling_icons[i].code, code) == 0)
      return feeling_icons[i].icon;
  return "face-plain-symbolic";
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The first line of @body that has something on it, shortened. */
static char *
first_line (const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", 0);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        return g_utf8_substring (lines[i], 0, MIN (g_utf8_strlen (lines[i], -1), 240));
    }
  return g_strdup ("");
}

static GtkWidget *
new_inscription (const char *css_class)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (text), 1);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (text, css_class);
  return text;
}

static void
clear_feelings (KitDiaryRow *self)
{
  for (guint i = 0; i < self->n_images; i++)
    gtk_widget_set_visible (self->feeling_images[i], FALSE);
}

static GtkWidget *
feeling_image (KitDiaryRow *self, guint i)
{
  while (self->n_images <= i)
    {
      /* The row's own label says the feelings. */
      GtkWidget *image = g_object_new (GTK_TYPE_IMAGE, "accessible-role",
                                       GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      gtk_box_append (GTK_BOX (self->feelings), image);
      self->feeling_images[self->n_images++] = image;
    }
  return self->feeling_images[i];
}

static void
show_feelings (KitDiaryRow *self, KitDiaryEntry *entry, GString *accessible)
{
  g_auto(GStrv) codes = g_strsplit (kit_diary_entry_get_feelings (entry) != NULL
                                      ? kit_diary_entry_get_feelings (entry) : "", ",", 0);
  guint shown = 0;

  for (guint i = 0; codes[i] != NULL && shown < MAX_FEELINGS; i++)
    {
      GtkWidget *image;
      const char *label;

      if (*codes[i] == '\0')
        continue;
      image = feeling_image (self, shown);
      label = kit_vocab_label (KIT_VOCAB_FEELING, codes[i]);
      gtk_image_set_from_icon_name (GTK_IMAGE (image), kit_diary_feeling_icon (codes[i]));
      gtk_widget_set_tooltip_text (image, label);
      gtk_widget_set_visible (image, TRUE);
      g_string_append_printf (accessible, "%s%s", shown > 0 ? ", " : ". ", label);
      shown++;
    }
  for (guint i = shown; i < self->n_images; i++)
    gtk_widget_set_visible (self->feeling_images[i], FALSE);
  gtk_widget_set_visible (self->feelings, shown > 0);
}

/* The list view's own row around this one is what a screen reader lands
 * on, and GTK 4.8 names it from nothing: it gets the same label. */
static void
set_accessible_label (KitDiaryRow *self, const char *label)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
}

static void
show_entry (KitDiaryRow *self, KitDiaryEntry *entry)
{
  g_autofree char *date = kit_date_format (kit_diary_entry_get_date (entry));
  g_autofree char *line = NULL;
  g_autoptr(GString) accessible = g_string_new (date);
  const char *title = kit_diary_entry_get_title (entry);
  const char *child = kit_diary_entry_get_child_name (entry);
  const char *snippet = kit_diary_entry_get_snippet_markup (entry);
  gboolean has_title = title != NULL && *title != '\0';

  gtk_label_set_text (GTK_LABEL (self->date), date != NULL ? date : "");
  gtk_inscription_set_text (GTK_INSCRIPTION (self->title), has_title ? title : _("Untitled"));
  gtk_widget_set_opacity (self->title, has_title ? 1.0 : 0.6);
  g_string_append_printf (accessible, ". %s", has_title ? title : _("Untitled"));
  gtk_label_set_text (GTK_LABEL (self->child), child != NULL ? child : "");
  gtk_widget_set_visible (self->child, child != NULL && *child != '\0');
  if (child != NULL && *child != '\0')
    g_string_append_printf (accessible, ". %s", child);
  show_feelings (self, entry, accessible);
  gtk_widget_set_visible (self->shared, kit_diary_entry_get_shared (entry));
  if (kit_diary_entry_get_shared (entry))
    g_string_append_printf (accessible, ". %s", _("Shared in review"));

  if (snippet != NULL && *snippet != '\0')
    {
      gtk_inscription_set_markup (GTK_INSCRIPTION (self->text), snippet);
      gtk_widget_set_visible (self->text, TRUE);
    }
  else
    {
      line = first_line (kit_diary_entry_get_body (entry));
      gtk_inscription_set_text (GTK_INSCRIPTION (self->text), line);
      gtk_widget_set_visible (self->text, *line != '\0');
    }
  set_accessible_label (self, accessible->str);
}

static void
kit_diary_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (kit_diary_row_parent_class)->dispose (object);
}

static void
kit_diary_row_class_init (KitDiaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_diary_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kitdiaryrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kit_diary_row_init (KitDiaryRow *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->month = new_label ("heading");
  gtk_widget_add_css_class (self->month, "kit-diary-month");
  gtk_widget_set_parent (self->month, GTK_WIDGET (self));

  self->entry_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_add_css_class (self->entry_box, "kit-diary-entry");
  self->title = new_inscription ("heading");
  self->date = new_label ("dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (self->date), PANGO_ELLIPSIZE_NONE);
  gtk_widget_add_css_class (self->date, "caption");
  gtk_widget_add_css_class (self->date, "numeric");
  gtk_box_append (GTK_BOX (top), self->title);
  gtk_box_append (GTK_BOX (top), self->date);

  self->child = new_label ("caption-heading");
  self->feelings = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (self->feelings, "dim-label");
  self->shared = gtk_label_new (_("Shared in review"));
  gtk_widget_add_css_class (self->shared, "kit-pill");
  gtk_widget_add_css_class (self->shared, "kit-diary-shared");
  gtk_widget_set_valign (self->shared, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (middle), self->child);
  gtk_box_append (GTK_BOX (middle), self->feelings);
  gtk_box_append (GTK_BOX (middle), self->shared);

  self->text = new_inscription ("dim-label");

  gtk_box_append (GTK_BOX (self->entry_box), top);
  gtk_box_append (GTK_BOX (self->entry_box), middle);
  gtk_box_append (GTK_BOX (self->entry_box), self->text);
  gtk_widget_set_parent (self->entry_box, GTK_WIDGET (self));
  kit_diary_row_set_item (self, NULL);
}

GtkWidget *
kit_diary_row_new (void)
{
  return g_object_new (KIT_TYPE_DIARY_ROW, NULL);
}

void
kit_diary_row_set_item (KitDiaryRow *self, GObject *item)
{
  g_return_if_fail (KIT_IS_DIARY_ROW (self));

  gtk_widget_set_visible (self->month, KIT_IS_DIARY_MONTH (item));
  gtk_widget_set_visible (self->entry_box, !KIT_IS_DIARY_MONTH (item));
  if (KIT_IS_DIARY_MONTH (item))
    {
      const char *label = kit_diary_month_get_label (KIT_DIARY_MONTH (item));

      gtk_label_set_text (GTK_LABEL (self->month), label);
      set_accessible_label (self, label);
    }
  else if (KIT_IS_DIARY_ENTRY (item))
    show_entry (self, KIT_DIARY_ENTRY (item));
  else
    {
      /* Not read yet: an empty row of the same height, filled when bound again.
       * Nor does it keep the name of the entry it last showed (a private one,
       * perhaps, before Review together turned on) for a screen reader. */
      set_accessible_label (self, "");
      gtk_inscription_set_text (GTK_INSCRIPTION (self->title), " ");
      gtk_label_set_text (GTK_LABEL (self->date), "");
      gtk_widget_set_visible (self->child, FALSE);
      clear_feelings (self);
      gtk_widget_set_visible (self->shared, FALSE);
      gtk_inscription_set_text (GTK_INSCRIPTION (self->text), " ");
    }
}
