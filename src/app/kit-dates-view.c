/* kit-dates-view.c — a child's birthday and the other dates that matter to
 * her, in the order they next come round, each with how far away it is. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kit-app-util.h"
#include "kit-confirm.h"
#include "kit-date-dialog.h"
#include "kit-date.h"
#include "kit-dates-view.h"
#include "kit-day-words.h"

struct _KitDatesView
{
  GtkWidget parent_instance;

  GtkListBox *list;
  GtkWidget *empty_label;

  KitStore *store;
  gulong changed_id;
  gint64 child_id;
  /* KitImportantDate, by when they next come round; the birthday is the
   * one with id 0. */
  GListStore *dates;
  char *today;
};

G_DEFINE_FINAL_TYPE (KitDatesView, kit_dates_view, GTK_TYPE_WIDGET)

/* When @date next comes round from @today, or NULL when it has passed for good. */
static char *
next_time (KitImportantDate *date, const char *today)
{
  const char *iso = kit_important_date_get_date (date);

  if (kit_important_date_get_yearly (date))
    return kit_date_next_anniversary (iso, today);
  if (kit_date_compare (iso, today) >= 0)
    return g_strdup (iso);
  return NULL;
}

/* For g_ptr_array_sort_with_data (): @pa and @pb point at the elements. */
static int
compare_dates (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  KitImportantDate *a = *(KitImportantDate * const *) pa;
  KitImportantDate *b = *(KitImportantDate * const *) pb;
  const char *today = user_data;
  g_autofree char *next_a = next_time (a, today);
  g_autofree char *next_b = next_time (b, today);

  /* Dates gone for good last, the most recent first. */
  if (next_a == NULL && next_b == NULL)
    return kit_date_compare (kit_important_date_get_date (b), kit_important_date_get_date (a));
  if (next_a == NULL || next_b == NULL)
    return next_a == NULL ? 1 : -1;
  return kit_date_compare (next_a, next_b);
}

static char *
birthday_title (KitImportantDate *birthday, const char *today)
{
  const char *dob = kit_important_date_get_date (birthday);
  g_autofree char *next = kit_date_next_anniversary (dob, today);
  g_autofree char *day = kit_day_words_day_month (dob);
  int age = kit_date_age_years (dob, next);

  if (age <= 0)
    /* Translators: "Birthday — 5 December" */
    return g_strdup_printf (_("Birthday — %s"), day);
  if (g_strcmp0 (next, today) == 0)
    /* Translators: "Birthday — 5 December (turns 7 today)" */
    return g_strdup_printf (_("Birthday — %s (turns %d today)"), day, age);
  if (strncmp (next, today, 4) == 0)
    return g_strdup_printf (_("Birthday — %s (turns %d this year)"), day, age);
  return g_strdup_printf (_("Birthday — %s (turns %d next year)"), day, age);
}

static char *
date_subtitle (KitImportantDate *date, const char *today)
{
  const char *iso = kit_important_date_get_date (date);
  g_autofree char *next = next_time (date, today);
  g_autofree char *distance = next != NULL ? kit_day_words_distance (next, today) : NULL;

  if (kit_important_date_get_yearly (date))
    {
      g_autofree char *day = kit_day_words_day_month (iso);
      int year = 0;

      if (kit_important_date_get_id (date) == 0)
        return g_strdup (distance);
      sscanf (iso, "%d", &year);
      /* Translators: "14 March, every year since 2021 — in 12 days" */
      return g_strdup_printf (_("%s, every year since %d — %s"), day, year, distance);
    }
  else
    {
      g_autofree char *day = kit_date_format (iso);

      if (distance == NULL)
        return g_steal_pointer (&day);
      /* Translators: "14 March 2027 — in 12 days" */
      return g_strdup_printf (_("%s — %s"), day, distance);
    }
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  KitDatesView *self = user_data;
  KitImportantDate *date = item;
  gint64 id = kit_important_date_get_id (date);
  g_autofree char *title = id == 0 ? birthday_title (date, self->today)
                                   : g_markup_escape_text (kit_important_date_get_label (date), -1);
  g_autofree char *subtitle = date_subtitle (date, self->today);
  g_autofree char *accessible = g_strdup_printf ("%s. %s", title, subtitle);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (id == 0 ? "emblem-favorite-symbolic"
                                                          : "x-office-calendar-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), id != 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  if (id != 0)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), kit_confirm_row_menu_button ("dates", id));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  g_object_set_data_full (G_OBJECT (row), "kit-date", g_object_ref (date), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static void
reload (KitDatesView *self)
{
  g_autoptr(GListModel) dates = NULL;
  g_autoptr(KitChild) child = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_free (self->today);
  self->today = kit_date_today ();
  if (self->store != NULL && self->child_id != 0)
    {
      child = kit_store_find_child (self->store, self->child_id);
      dates = kit_store_list_important_dates (self->store, self->child_id);
    }
  if (child != NULL && kit_date_parse (kit_child_get_date_of_birth (child), NULL))
    {
      KitImportantDate *birthday = kit_important_date_new (self->child_id);

      kit_important_date_set_date (birthday, kit_child_get_date_of_birth (child));
      kit_important_date_set_yearly (birthday, TRUE);
      g_ptr_array_add (items, birthday);
    }
  for (guint i = 0; dates != NULL && i < g_list_model_get_n_items (dates); i++)
    g_ptr_array_add (items, g_list_model_get_item (dates, i));
  g_ptr_array_sort_with_data (items, compare_dates, self->today);

  g_list_store_splice (self->dates, 0, g_list_model_get_n_items (G_LIST_MODEL (self->dates)),
                       items->pdata, items->len);
  gtk_widget_set_visible (GTK_WIDGET (self->list), items->len > 0);
  gtk_widget_set_visible (self->empty_label, items->len == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dates.add",
                                 self->store != NULL && self->child_id != 0);
}

static KitImportantDate *
find_date (KitDatesView *self, gint64 id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->dates)); i++)
    {
      g_autoptr(KitImportantDate) date = g_list_model_get_item (G_LIST_MODEL (self->dates), i);

      if (id != 0 && kit_important_date_get_id (date) == id)
        return g_steal_pointer (&date);
    }
  return NULL;
}

static void
open_dialog (KitDatesView *self, KitImportantDate *date)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->store == NULL || self->child_id == 0)
    return;
  dialog = kit_date_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                self->child_id, date);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated (KitDatesView *self, GtkListBoxRow *row)
{
  KitImportantDate *date = g_object_get_data (G_OBJECT (row), "kit-date");

  if (date == NULL)
    return;
  /* The birthday comes from the date of birth, edited with the child. */
  if (kit_important_date_get_id (date) == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "main.edit-child", "x", self->child_id);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "dates.edit", "x",
                                kit_important_date_get_id (date));
}

static void
on_store_changed (KitDatesView *self)
{
  reload (self);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_dialog (KIT_DATES_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitDatesView *self = KIT_DATES_VIEW (widget);
  g_autoptr(KitImportantDate) date = find_date (self, g_variant_get_int64 (parameter));

  if (date != NULL)
    open_dialog (self, date);
}

static void
remove_confirmed (GtkWidget *widget, gint64 id)
{
  KitDatesView *self = KIT_DATES_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!kit_store_remove_important_date (self->store, id, &error))
    {
      g_warning ("Removing date %" G_GINT64_FORMAT ": %s", id, error->message);
      kit_confirm_show_error (widget, _("That could not be removed. Nothing was changed."));
    }
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitDatesView *self = KIT_DATES_VIEW (widget);
  g_autoptr(KitImportantDate) date = find_date (self, g_variant_get_int64 (parameter));
  g_autofree char *body = NULL;

  if (date == NULL)
    return;
  body = g_strdup_printf (_("“%s” will no longer be shown here or on “Coming up”."),
                          kit_important_date_get_label (date));
  kit_confirm_remove (widget, _("Remove This Date?"), body, remove_confirmed,
                      kit_important_date_get_id (date));
}

static void
kit_dates_view_dispose (GObject *object)
{
  KitDatesView *self = KIT_DATES_VIEW (object);

  kit_app_follow_store (self, &self->store, &self->changed_id, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_DATES_VIEW);
  kit_app_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->dates);
  G_OBJECT_CLASS (kit_dates_view_parent_class)->dispose (object);
}

static void
kit_dates_view_finalize (GObject *object)
{
  KitDatesView *self = KIT_DATES_VIEW (object);

  g_free (self->today);
  G_OBJECT_CLASS (kit_dates_view_parent_class)->finalize (object);
}

static void
kit_dates_view_class_init (KitDatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_dates_view_dispose;
  object_class->finalize = kit_dates_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-dates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KitDatesView, list);
  gtk_widget_class_bind_template_child (widget_class, KitDatesView, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "dates.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "dates.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "dates.remove", "x", remove_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_dates_view_init (KitDatesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dates = g_list_store_new (KIT_TYPE_IMPORTANT_DATE);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->dates), create_row, self, NULL);
  reload (self);
}

GtkWidget *
kit_dates_view_new (void)
{
  return g_object_new (KIT_TYPE_DATES_VIEW, NULL);
}

void
kit_dates_view_set_store (KitDatesView *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_DATES_VIEW (self));

  if (store == self->store)
    return;
  kit_app_follow_store (self, &self->store, &self->changed_id, store,
                        G_CALLBACK (on_store_changed));
  reload (self);
}

void
kit_dates_view_set_child (KitDatesView *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_DATES_VIEW (self));
  self->child_id = child_id;
  reload (self);
}

gint64
kit_dates_view_get_child (KitDatesView *self)
{
  g_return_val_if_fail (KIT_IS_DATES_VIEW (self), 0);
  return self->child_id;
}
