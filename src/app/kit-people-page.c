/* kit-people-page.c — the address book of people and organisations: a
 * list (over the store's live model, filtered by the search), adding one,
 * and opening one to edit or delete it. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-people-page.h"
#include "kit-person-dialog.h"

struct _KitPeoplePage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkListBox *people_list;

  KitStore *store;
  gboolean list_stale;      /* the list waits for the page to show */
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  char *search;   /* casefolded, or NULL */
};

G_DEFINE_FINAL_TYPE (KitPeoplePage, kit_people_page, GTK_TYPE_WIDGET)

static gboolean
contains_folded (const char *text, const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
match_person (gpointer item, gpointer user_data)
{
  KitPeoplePage *self = KIT_PEOPLE_PAGE (user_data);
  KitPerson *person = KIT_PERSON (item);

  if (self->search == NULL)
    return TRUE;
  return contains_folded (kit_person_get_name (person), self->search) ||
         contains_folded (kit_person_get_organisation (person), self->search) ||
         contains_folded (kit_person_get_role (person), self->search);
}

static char *
describe_role (KitPerson *person)
{
  const char *role = kit_person_get_role (person);
  const char *organisation = kit_person_get_organisation (person);
  gboolean has_role = role != NULL && *role != '\0';
  gboolean has_org = organisation != NULL && *organisation != '\0';

  if (has_role && has_org)
    /* Translators: a person's role and organisation, "Letterbox coordinator, Northshire Council". */
    return g_strdup_printf (_("%s, %s"), role, organisation);
  return g_strdup (has_role ? role : has_org ? organisation : "");
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  KitPerson *person = KIT_PERSON (item);
  g_autofree char *subtitle = describe_role (person);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kit_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "kit-person", g_object_ref (person), g_object_unref);
  {
    g_autofree char *accessible = *subtitle != '\0'
                                    ? g_strdup_printf ("%s, %s", kit_person_get_name (person),
                                                       subtitle)
                                    : g_strdup (kit_person_get_name (person));

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible, -1);
  }
  return row;
}

static void
update_stack (KitPeoplePage *self)
{
  gboolean any = self->store != NULL &&
                 g_list_model_get_n_items (kit_store_get_people (self->store)) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

static GtkWindow *
parent_window (KitPeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_dialog (KitPeoplePage *self, KitPerson *person)
{
  GtkWidget *dialog;

  if (self->store == NULL)
    return;
  dialog = kit_person_dialog_new (parent_window (self), self->store, person);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated (KitPeoplePage *self, GtkListBoxRow *row, GtkListBox *list)
{
  open_dialog (self, g_object_get_data (G_OBJECT (row), "kit-person"));
}

static void
on_search_changed (KitPeoplePage *self, GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->search, g_free);
  if (*text != '\0')
    self->search = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_dialog (KIT_PEOPLE_PAGE (widget), NULL);
}

/* The rows are made only once the page first shows, so that opening a
 * record doesn't pay for an address book nobody looked at. */
static void
update_list (KitPeoplePage *self)
{
  self->list_stale = FALSE;
  gtk_filter_list_model_set_model (self->filtered,
                                   self->store != NULL ? kit_store_get_people (self->store)
                                                       : NULL);
}

static void
kit_people_page_map (GtkWidget *widget)
{
  KitPeoplePage *self = KIT_PEOPLE_PAGE (widget);

  if (self->list_stale)
    update_list (self);
  GTK_WIDGET_CLASS (kit_people_page_parent_class)->map (widget);
}

static void
kit_people_page_dispose (GObject *object)
{
  KitPeoplePage *self = KIT_PEOPLE_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (kit_store_get_people (self->store), self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_PEOPLE_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (kit_people_page_parent_class)->dispose (object);
}

static void
kit_people_page_finalize (GObject *object)
{
  KitPeoplePage *self = KIT_PEOPLE_PAGE (object);

  g_free (self->search);
  G_OBJECT_CLASS (kit_people_page_parent_class)->finalize (object);
}

static void
kit_people_page_class_init (KitPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_people_page_dispose;
  object_class->finalize = kit_people_page_finalize;
  widget_class->map = kit_people_page_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, KitPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KitPeoplePage, people_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_people_page_init (KitPeoplePage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter = gtk_custom_filter_new (match_person, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->people_list, G_LIST_MODEL (self->filtered), create_row, NULL,
                           NULL);

  placeholder = gtk_label_new (_("Nobody here matches that search."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->people_list, placeholder);
  update_stack (self);
}

GtkWidget *
kit_people_page_new (void)
{
  return g_object_new (KIT_TYPE_PEOPLE_PAGE, NULL);
}

void
kit_people_page_set_store (KitPeoplePage *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_PEOPLE_PAGE (self));
  g_return_if_fail (store == NULL || KIT_IS_STORE (store));

  if (store == self->store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (kit_store_get_people (self->store), self);
  g_set_object (&self->store, store);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search, g_free);
  if (store == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_list (self);
  else
    self->list_stale = TRUE;
  if (store != NULL)
    g_signal_connect_object (kit_store_get_people (store), "items-changed",
                             G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  update_stack (self);
}
