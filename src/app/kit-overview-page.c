/* kit-overview-page.c — "Coming up": what is due in the next 30 days for
 * every child, by day, overdue replies first; and "At a glance": the counts
 * of DESIGN §2 for all children and for each. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kit-app-util.h"
#include "kit-date.h"
#include "kit-day-words.h"
#include "kit-overview-page.h"

#define UPCOMING_DAYS 30
/* Things already due are shown a few at a time, so that a long list of
 * them doesn't push what is coming out of sight. */
#define ALREADY_DUE_SHOWN 5

enum {
  COUNT_CHANGES,
  COUNT_WITH_REASON,
  COUNT_PARTLY,
  COUNT_WITHOUT,
  COUNT_IN_WRITING,
  COUNT_UNANSWERED,
  N_COUNTS
};

struct _KitOverviewPage
{
  GtkWidget parent_instance;

  GtkWidget *empty_page;
  GtkListBox *attention_list;  /* replies that haven't arrived, things already due */
  GtkWidget *more_button;
  GtkListBox *upcoming_list;   /* from today */
  GtkWidget *glance_box;
  GtkFlowBox *totals_box;
  GtkListBox *children_list;
  GtkExpander *each_child_expander;
  GtkLabel *total_values[N_COUNTS];
  GtkLabel *total_captions[N_COUNTS];

  KitStore *store;
  gulong changed_id;
  char *today;
  guint day_timer;
  gboolean show_all_due;
};

G_DEFINE_FINAL_TYPE (KitOverviewPage, kit_overview_page, GTK_TYPE_WIDGET)

static void
counts_as_array (const KitCounts *counts, guint out[N_COUNTS])
{
  out[COUNT_CHANGES] = counts->changes;
  out[COUNT_WITH_REASON] = counts->with_reason;
  out[COUNT_PARTLY] = counts->partly_reason;
  out[COUNT_WITHOUT] = counts->without_reason;
  out[COUNT_IN_WRITING] = counts->told_in_writing;
  out[COUNT_UNANSWERED] = counts->requests_unanswered;
}

static const char *
count_caption (guint which, guint n)
{
  switch (which)
    {
    case COUNT_CHANGES:
      return g_dngettext (NULL, "change recorded", "changes recorded", n);
    case COUNT_WITH_REASON:
      return _("with a reason");
    case COUNT_PARTLY:
      return _("with part of a reason");
    case COUNT_WITHOUT:
      return _("with no reason");
    case COUNT_IN_WRITING:
      return _("told in writing");
    case COUNT_UNANSWERED:
    default:
      return g_dngettext (NULL, "request still unanswered", "requests still unanswered", n);
    }
}

/* "12 changes: 5 with a reason, 3 with part of a reason, 4 with no reason.
 * 6 told in writing. 2 requests still unanswered." */
static char *
describe_counts (const KitCounts *counts)
{
  if (counts->changes == 0)
    return g_strdup (_("No changes recorded yet."));
  return g_strdup_printf (_("%u %s: %u with a reason, %u with part of a reason, %u with no "
                            "reason. %u told in writing. %u %s."),
                          counts->changes, count_caption (COUNT_CHANGES, counts->changes),
                          counts->with_reason, counts->partly_reason, counts->without_reason,
                          counts->told_in_writing, counts->requests_unanswered,
                          count_caption (COUNT_UNANSWERED, counts->requests_unanswered));
}

static const char *
day_key (KitUpcoming *item, const char *today, char **heading)
{
  if (kit_upcoming_get_kind (item) == KIT_UPCOMING_REPLY_OVERDUE)
    {
      *heading = g_strdup (_("Replies that haven't arrived"));
      return "overdue";
    }
  if (kit_date_compare (kit_upcoming_get_date (item), today) < 0)
    {
      *heading = g_strdup (_("Due already"));
      return "past";
    }
  *heading = kit_day_words_heading (kit_upcoming_get_date (item), today);
  return kit_upcoming_get_date (item);
}

static void
update_header (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  KitOverviewPage *self = user_data;
  KitUpcoming *item = g_object_get_data (G_OBJECT (row), "kit-upcoming");
  KitUpcoming *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "kit-upcoming")
                                         : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *previous_heading = NULL;
  const char *key = day_key (item, self->today, &heading);
  GtkWidget *label;

  if (previous != NULL
      && g_strcmp0 (key, day_key (previous, self->today, &previous_heading)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "kit-day-heading");
  gtk_list_box_row_set_header (row, label);
}

static GtkWidget *
create_upcoming_row (gpointer data, gpointer user_data)
{
  KitOverviewPage *self = user_data;
  KitUpcoming *item = data;
  gboolean overdue = kit_upcoming_get_kind (item) == KIT_UPCOMING_REPLY_OVERDUE;
  g_autofree char *heading = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (kit_upcoming_get_icon_name (item));
  const char *title = kit_upcoming_get_title (item);
  const char *detail = kit_upcoming_get_detail (item);
  const char *name = kit_upcoming_get_child_name (item);
  g_autofree char *subtitle = NULL;

  day_key (item, self->today, &heading);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* The child's name is said once: the store's words usually hold it already. */
  if (name != NULL && strstr (title, name) == NULL && strstr (detail, name) == NULL)
    subtitle = g_strdup_printf ("%s · %s", name, detail);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : detail);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  /* Only a missing reply is marked; birthdays and hard dates stay quiet. */
  if (overdue)
    gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  g_object_set_data_full (G_OBJECT (row), "kit-upcoming", g_object_ref (item), g_object_unref);
  accessible = g_strdup_printf ("%s. %s. %s", heading, title,
                                subtitle != NULL ? subtitle : detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static GtkWidget *
create_child_row (gpointer data, gpointer user_data)
{
  KitOverviewPage *self = user_data;
  KitChild *child = data;
  KitCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (!kit_store_get_counts (self->store, kit_child_get_id (child), &counts, &error))
    g_warning ("Counting changes: %s", error->message);
  text = describe_counts (&counts);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kit_child_get_name (child));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "kit-child", g_object_ref (child), g_object_unref);
  return row;
}

static void
update_totals (KitOverviewPage *self)
{
  KitCounts counts = { 0 };
  g_autoptr(GError) error = NULL;
  guint values[N_COUNTS];

  if (self->store != NULL && !kit_store_get_counts (self->store, 0, &counts, &error))
    g_warning ("Counting changes: %s", error->message);
  counts_as_array (&counts, values);
  for (guint i = 0; i < N_COUNTS; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", values[i]);
      g_autofree char *accessible = NULL;

      gtk_label_set_label (self->total_values[i], value);
      gtk_label_set_label (self->total_captions[i], count_caption (i, values[i]));
      accessible = g_strdup_printf ("%u %s", values[i], count_caption (i, values[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (
                                        gtk_widget_get_parent (GTK_WIDGET (self->total_values[i])))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
}

/* Splits @upcoming into what needs attention (replies that haven't arrived,
 * things already due: a few unless all are asked for) and what is to come. */
static guint
split_upcoming (KitOverviewPage *self, GListModel *upcoming, GListStore *attention,
                GListStore *coming)
{
  guint n = upcoming != NULL ? g_list_model_get_n_items (upcoming) : 0;
  guint already_due = 0, hidden = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KitUpcoming) item = g_list_model_get_item (upcoming, i);

      if (kit_upcoming_get_kind (item) == KIT_UPCOMING_REPLY_OVERDUE)
        g_list_store_append (attention, item);
      else if (kit_date_compare (kit_upcoming_get_date (item), self->today) < 0)
        {
          if (self->show_all_due || already_due++ < ALREADY_DUE_SHOWN)
            g_list_store_append (attention, item);
          else
            hidden++;
        }
      else
        g_list_store_append (coming, item);
    }
  return hidden;
}

/* The counts of each child are only built while she has them open: a row of
 * wrapped text per child is the costliest thing to lay out on this page. */
static void
bind_each_child (KitOverviewPage *self)
{
  GListModel *children = NULL;

  if (self->store != NULL && gtk_expander_get_expanded (self->each_child_expander))
    children = kit_store_get_children (self->store);
  gtk_list_box_bind_model (self->children_list, children, create_child_row, self, NULL);
}

static void
on_each_child_expanded (KitOverviewPage *self)
{
  bind_each_child (self);
}

static void
reload (KitOverviewPage *self)
{
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(GListStore) attention = g_list_store_new (KIT_TYPE_UPCOMING);
  g_autoptr(GListStore) coming = g_list_store_new (KIT_TYPE_UPCOMING);
  GListModel *children = NULL;
  guint n_attention, n_coming, n_children, hidden;

  g_free (self->today);
  self->today = kit_date_today ();
  if (self->store != NULL)
    {
      upcoming = kit_store_list_upcoming (self->store, self->today, UPCOMING_DAYS);
      children = kit_store_get_children (self->store);
    }
  hidden = split_upcoming (self, upcoming, attention, coming);
  n_attention = g_list_model_get_n_items (G_LIST_MODEL (attention));
  n_coming = g_list_model_get_n_items (G_LIST_MODEL (coming));
  n_children = children != NULL ? g_list_model_get_n_items (children) : 0;

  gtk_list_box_bind_model (self->attention_list, G_LIST_MODEL (attention), create_upcoming_row,
                           self, NULL);
  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (coming), create_upcoming_row,
                           self, NULL);
  bind_each_child (self);
  gtk_widget_set_visible (GTK_WIDGET (self->attention_list), n_attention > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->upcoming_list), n_coming > 0);
  gtk_widget_set_visible (self->more_button, hidden > 0);
  if (hidden > 0)
    {
      g_autofree char *label =
        g_strdup_printf (g_dngettext (NULL, "Show _%u more already due", "Show _%u more already due",
                                      hidden),
                         hidden);

      gtk_button_set_label (GTK_BUTTON (self->more_button), label);
    }
  gtk_widget_set_visible (self->empty_page, n_attention + n_coming == 0);
  gtk_widget_set_visible (self->glance_box, n_children > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->each_child_expander), n_children > 1);
  update_totals (self);
}

static void
on_more_clicked (KitOverviewPage *self)
{
  self->show_all_due = TRUE;
  reload (self);
}

static void
on_upcoming_activated (KitOverviewPage *self, GtkListBoxRow *row)
{
  KitUpcoming *item = g_object_get_data (G_OBJECT (row), "kit-upcoming");

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "main.show-child", "x",
                                kit_upcoming_get_child_id (item));
}

static void
on_child_activated (KitOverviewPage *self, GtkListBoxRow *row)
{
  KitChild *child = g_object_get_data (G_OBJECT (row), "kit-child");

  if (child != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "main.show-child", "x",
                                kit_child_get_id (child));
}

static void
on_store_changed (KitOverviewPage *self)
{
  reload (self);
}

/* "Today" and "Tomorrow" move on at midnight, even with the window left open. */
static gboolean
check_day (gpointer user_data)
{
  KitOverviewPage *self = user_data;
  g_autofree char *today = kit_date_today ();

  if (g_strcmp0 (today, self->today) != 0)
    reload (self);
  return G_SOURCE_CONTINUE;
}

static void
build_totals (KitOverviewPage *self)
{
  for (guint i = 0; i < N_COUNTS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *value = gtk_label_new ("0");
      GtkWidget *caption = gtk_label_new (NULL);

      gtk_widget_add_css_class (value, "title-2");
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 12);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "kit-count");
      gtk_flow_box_append (self->totals_box, box);
      gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
      self->total_values[i] = GTK_LABEL (value);
      self->total_captions[i] = GTK_LABEL (caption);
    }
}

static void
kit_overview_page_dispose (GObject *object)
{
  KitOverviewPage *self = KIT_OVERVIEW_PAGE (object);

  kit_app_follow_store (self, &self->store, &self->changed_id, NULL, NULL);
  g_clear_handle_id (&self->day_timer, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_OVERVIEW_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_overview_page_parent_class)->dispose (object);
}

static void
kit_overview_page_finalize (GObject *object)
{
  KitOverviewPage *self = KIT_OVERVIEW_PAGE (object);

  g_free (self->today);
  G_OBJECT_CLASS (kit_overview_page_parent_class)->finalize (object);
}

static void
kit_overview_page_class_init (KitOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_overview_page_dispose;
  object_class->finalize = kit_overview_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitOverviewPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KitOverviewPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, KitOverviewPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, KitOverviewPage, upcoming_list);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);
  gtk_widget_class_bind_template_child (widget_class, KitOverviewPage, glance_box);
  gtk_widget_class_bind_template_child (widget_class, KitOverviewPage, totals_box);
  gtk_widget_class_bind_template_child (widget_class, KitOverviewPage, children_list);
  gtk_widget_class_bind_template_child (widget_class, KitOverviewPage, each_child_expander);
  gtk_widget_class_bind_template_callback (widget_class, on_each_child_expanded);
  gtk_widget_class_bind_template_callback (widget_class, on_upcoming_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_overview_page_init (KitOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->attention_list, update_header, self, NULL);
  gtk_list_box_set_header_func (self->upcoming_list, update_header, self, NULL);
  build_totals (self);
  reload (self);
  self->day_timer = g_timeout_add_seconds (60, check_day, self);
}

GtkWidget *
kit_overview_page_new (void)
{
  return g_object_new (KIT_TYPE_OVERVIEW_PAGE, NULL);
}

void
kit_overview_page_set_store (KitOverviewPage *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_OVERVIEW_PAGE (self));

  if (store == self->store)
    return;
  kit_app_follow_store (self, &self->store, &self->changed_id, store,
                        G_CALLBACK (on_store_changed));
  reload (self);
}
