/* kit-form-helpers.c — small pieces the child page's dialogs share. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-date.h"
#include "kit-error.h"
#include "kit-form-helpers.h"
#include "kit-window.h"

void
kit_form_show_error (GtkLabel *label, const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

void
kit_form_show_save_error (const GError *error, const KitFormField *fields, guint n_fields,
                          GtkLabel *general)
{
  if (error->domain != KIT_INPUT_ERROR)
    {
      g_warning ("Saving failed: %s", error->message);
      kit_form_show_error (general, _("This couldn't be saved. Nothing was changed. "
                                      "Please try again."));
      return;
    }
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].code == error->code)
      {
        kit_form_show_error (fields[i].label, error->message);
        if (fields[i].field != NULL)
          gtk_widget_grab_focus (fields[i].field);
        return;
      }
  kit_form_show_error (general, error->message);
}

void
kit_form_set_date (AdwEntryRow *row, const char *iso)
{
  g_autofree char *text = kit_date_is_unset (iso) ? g_strdup ("") : kit_date_format (iso);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

gboolean
kit_form_read_date (AdwEntryRow *row, GtkLabel *error_label, gboolean required,
                    char **out_iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *iso = NULL;

  if (!kit_date_from_user (text, &iso))
    {
      kit_form_show_error (error_label,
                           _("That doesn't look like a real date. Please type it like "
                             "3/5/2024 or 3 May 2024."));
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return FALSE;
    }
  if (iso == NULL && required)
    {
      kit_form_show_error (error_label, _("Please type the date."));
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return FALSE;
    }
  kit_form_show_error (error_label, NULL);
  *out_iso = g_steal_pointer (&iso);
  return TRUE;
}

GtkStringList *
kit_form_vocab_model (KitVocabList list)
{
  guint n = 0;
  const KitVocabItem *items = kit_vocab_items (list, &n);
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, kit_vocab_label (list, items[i].code));
  return model;
}

const char *
kit_form_vocab_code (KitVocabList list, guint position)
{
  guint n = 0;
  const KitVocabItem *items = kit_vocab_items (list, &n);

  return position < n ? items[position].code : NULL;
}

GtkStringList *
kit_form_people_model (KitStore *store, GArray *ids)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  GListModel *people = store != NULL ? kit_store_get_people (store) : NULL;
  gint64 nobody = 0;
  guint n = people != NULL ? g_list_model_get_n_items (people) : 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (model, _("Nobody"));
  g_array_append_val (ids, nobody);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KitPerson) person = g_list_model_get_item (people, i);
      gint64 id = kit_person_get_id (person);

      gtk_string_list_append (model, kit_person_get_name (person));
      g_array_append_val (ids, id);
    }
  return model;
}

guint
kit_form_people_position (GArray *ids, gint64 person_id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == person_id)
      return i;
  return 0;
}

char *
kit_form_entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char *
kit_form_text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  return g_steal_pointer (&text);
}

void
kit_form_text_view_set (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

void
kit_form_toast (GtkWidget *widget, const char *title)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  if (KIT_IS_WINDOW (root))
    kit_window_add_toast (KIT_WINDOW (root), adw_toast_new (title));
}

void
kit_form_fit_to_parent (GtkWindow *dialog, GtkWindow *parent)
{
  int width = 0, height = 0;
  int parent_width = parent != NULL ? gtk_widget_get_width (GTK_WIDGET (parent)) : 0;
  int parent_height = parent != NULL ? gtk_widget_get_height (GTK_WIDGET (parent)) : 0;

  gtk_window_get_default_size (dialog, &width, &height);
  if (parent_width > 0 && parent_width < width)
    width = parent_width;
  if (parent_height > 0 && parent_height < height)
    height = parent_height;
  gtk_window_set_default_size (dialog, width, height);
}
