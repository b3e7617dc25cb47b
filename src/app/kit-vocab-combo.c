/* kit-vocab-combo.c — an AdwComboRow over one of the fixed lists of
 * kit-vocab.h, with each item's help text beside it. */
#include "config.h"

#include "kit-form-helpers.h"
#include "kit-vocab-combo.h"

#define LIST_KEY "kit-vocab-list"

static KitVocabList
row_list (AdwComboRow *row)
{
  return (KitVocabList) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), LIST_KEY));
}

static void
update_subtitle (AdwComboRow *row)
{
  const char *code = kit_form_vocab_code (row_list (row), adw_combo_row_get_selected (row));
  const char *help = code != NULL ? kit_vocab_help (row_list (row), code) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), help != NULL ? help : "");
}

/* The tick beside the chosen item in the open list. */
static void
update_check (GtkListItem *list_item, GParamSpec *pspec, AdwComboRow *row)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (check, gtk_list_item_get_position (list_item) ==
                                   adw_combo_row_get_selected (row) ? 1 : 0);
}

static void
on_row_selected (AdwComboRow *row, GParamSpec *pspec, GtkListItem *list_item)
{
  update_check (list_item, NULL, row);
}

static void
setup_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *help = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (help), 0);
  gtk_label_set_wrap (GTK_LABEL (help), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (help), 40);
  gtk_widget_add_css_class (help, "caption");
  gtk_widget_add_css_class (help, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), help);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (outer), box);
  gtk_box_append (GTK_BOX (outer), check);
  gtk_list_item_set_child (list_item, outer);
}

static void
bind_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  AdwComboRow *row = ADW_COMBO_ROW (user_data);
  GtkWidget *box = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *help = gtk_widget_get_next_sibling (label);
  KitVocabList list = row_list (row);
  const char *code = kit_form_vocab_code (list, gtk_list_item_get_position (list_item));
  const char *help_text = code != NULL ? kit_vocab_help (list, code) : NULL;

  gtk_label_set_label (GTK_LABEL (label), code != NULL ? kit_vocab_label (list, code) : "");
  gtk_label_set_label (GTK_LABEL (help), help_text != NULL ? help_text : "");
  gtk_widget_set_visible (help, help_text != NULL);
  update_check (list_item, NULL, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_row_selected), list_item, 0);
}

static void
unbind_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (user_data, on_row_selected, list_item);
}

void
kit_vocab_combo_setup (AdwComboRow *row, KitVocabList list)
{
  g_autoptr(GtkStringList) model = kit_form_vocab_model (list);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_object_set_data (G_OBJECT (row), LIST_KEY, GINT_TO_POINTER (list));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_item), row, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_item), row, 0);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_list_factory (row, factory);
  adw_combo_row_set_use_subtitle (row, FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_signal_connect (row, "notify::selected", G_CALLBACK (update_subtitle), NULL);
  update_subtitle (row);
}

const char *
kit_vocab_combo_get_code (AdwComboRow *row)
{
  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);
  return kit_form_vocab_code (row_list (row), adw_combo_row_get_selected (row));
}

void
kit_vocab_combo_set_code (AdwComboRow *row, const char *code)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (row, code != NULL ? kit_vocab_index (row_list (row), code) : 0);
  update_subtitle (row);
}
