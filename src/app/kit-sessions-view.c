/* kit-sessions-view.c — a child's sessions and letterbox letters, newest
 * first: planned contact still to come under "Coming up", the rest under
 * "Before", with a reply that has not arrived said plainly. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-confirm.h"
#include "kit-date.h"
#include "kit-session-dialog.h"
#include "kit-sessions-view.h"
#include "kit-vocab.h"

struct _KitSessionsView
{
  GtkWidget parent_instance;

  GtkWidget *empty_page;
  GtkWidget *upcoming_heading;
  GtkListBox *upcoming_list;
  GtkWidget *past_heading;
  GtkListBox *past_list;
  GtkWidget *older_button;

  KitStore *store;
  gulong changed_id;
  gint64 child_id;
  GListStore *upcoming;  /* of KitSession, soonest first */
  GListStore *past;      /* of KitSession, newest first */
  GtkSliceListModel *past_shown;  /* the newest of them, a page at a time */
  char *today;
};

G_DEFINE_FINAL_TYPE (KitSessionsView, kit_sessions_view, GTK_TYPE_WIDGET)

/* Rows made at once; older ones on asking, so a long history opens quickly. */
#define PAGE_SIZE 40

static gboolean
is_coming_up (KitSession *session, const char *today)
{
  return g_strcmp0 (kit_session_get_status (session), "planned") == 0
         && kit_date_compare (kit_session_get_date (session), today) >= 0;
}

static GtkWidget *
row_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  KitSessionsView *self = user_data;
  KitSession *session = item;
  gint64 id = kit_session_get_id (session);
  g_autofree char *date = kit_date_format (kit_session_get_date (session));
  g_autofree char *what = kit_session_describe (session);
  g_autofree char *reply = kit_session_describe_reply (session, self->today);
  g_autofree char *accessible = NULL;
  const char *title = kit_session_get_arrangement_title (session);
  const char *notes = kit_session_get_notes (session);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *menu_button = kit_confirm_row_menu_button ("sessions", id);
  /* Her diary entry about it (the main page opens the editor). */
  GtkWidget *write_button = gtk_button_new_from_icon_name ("accessories-text-editor-symbolic");

  gtk_widget_add_css_class (write_button, "flat");
  gtk_widget_set_valign (write_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (write_button, _("Write about this session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (write_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Write about this session in your diary"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (write_button), "main.write-about-session");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (write_button),
                                          g_variant_new ("(xx)", self->child_id, id));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), row_label (date, "heading"));
  if (title != NULL && *title != '\0')
    gtk_box_append (GTK_BOX (text), row_label (title, "dim-label"));
  gtk_box_append (GTK_BOX (text), row_label (what, NULL));
  if (reply != NULL)
    gtk_box_append (GTK_BOX (text),
                    row_label (reply, kit_session_reply_overdue (session, self->today)
                                        ? "warning" : "dim-label"));
  /* A plan whose day has gone: ask, don't assume either way. */
  if (g_strcmp0 (kit_session_get_status (session), "planned") == 0
      && kit_date_compare (kit_session_get_date (session), self->today) < 0)
    gtk_box_append (GTK_BOX (text),
                    row_label (_("Did this happen? Open it to say how it went."), "dim-label"));
  if (notes != NULL && *notes != '\0')
    {
      GtkWidget *label = row_label (notes, "dim-label");

      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (text), label);
    }

  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), write_button);
  gtk_box_append (GTK_BOX (box), menu_button);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "kit-session", g_object_ref (session), g_object_unref);

  accessible = g_strjoin (". ", date, title != NULL ? title : "", what,
                          reply != NULL ? reply : "", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static void
reload (KitSessionsView *self)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GPtrArray) coming = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  guint n, upcoming, past;

  g_free (self->today);
  self->today = kit_date_today ();
  if (self->store != NULL && self->child_id != 0)
    sessions = kit_store_list_sessions (self->store, self->child_id, 0);
  n = sessions != NULL ? g_list_model_get_n_items (sessions) : 0;
  for (guint i = 0; i < n; i++)
    {
      KitSession *session = g_list_model_get_item (sessions, i);

      /* Newest first from the store; the soonest planned one goes first. */
      if (is_coming_up (session, self->today))
        g_ptr_array_insert (coming, 0, session);
      else
        g_ptr_array_add (before, session);
    }
  /* One change per list, so each list box rebuilds once. */
  g_list_store_splice (self->upcoming, 0, g_list_model_get_n_items (G_LIST_MODEL (self->upcoming)),
                       coming->pdata, coming->len);
  g_list_store_splice (self->past, 0, g_list_model_get_n_items (G_LIST_MODEL (self->past)),
                       before->pdata, before->len);

  upcoming = g_list_model_get_n_items (G_LIST_MODEL (self->upcoming));
  past = g_list_model_get_n_items (G_LIST_MODEL (self->past));
  gtk_widget_set_visible (self->empty_page, upcoming + past == 0);
  gtk_widget_set_visible (self->upcoming_heading, upcoming > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->upcoming_list), upcoming > 0);
  gtk_widget_set_visible (self->past_heading, past > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->past_list), past > 0);
  gtk_widget_set_visible (self->older_button,
                          past > gtk_slice_list_model_get_size (self->past_shown));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.add",
                                 self->store != NULL && self->child_id != 0);
}

static KitSession *
find_session (KitSessionsView *self, gint64 id)
{
  GListModel *models[] = { G_LIST_MODEL (self->upcoming), G_LIST_MODEL (self->past) };

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; i < g_list_model_get_n_items (models[m]); i++)
      {
        g_autoptr(KitSession) session = g_list_model_get_item (models[m], i);

        if (kit_session_get_id (session) == id)
          return g_steal_pointer (&session);
      }
  return NULL;
}

static void
open_dialog (KitSessionsView *self, KitSession *session)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->store == NULL || self->child_id == 0)
    return;
  dialog = kit_session_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->store, self->child_id, session);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated (KitSessionsView *self, GtkListBoxRow *row)
{
  KitSession *session = g_object_get_data (G_OBJECT (row), "kit-session");

  if (session != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "sessions.edit", "x",
                                kit_session_get_id (session));
}

static void
on_older_clicked (KitSessionsView *self)
{
  gtk_slice_list_model_set_size (self->past_shown,
                                 gtk_slice_list_model_get_size (self->past_shown) + PAGE_SIZE);
  gtk_widget_set_visible (self->older_button,
                          g_list_model_get_n_items (G_LIST_MODEL (self->past))
                            > gtk_slice_list_model_get_size (self->past_shown));
}

static void
on_store_changed (KitSessionsView *self)
{
  reload (self);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_dialog (KIT_SESSIONS_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitSessionsView *self = KIT_SESSIONS_VIEW (widget);
  g_autoptr(KitSession) session = find_session (self, g_variant_get_int64 (parameter));

  if (session != NULL)
    open_dialog (self, session);
}

static void
remove_confirmed (GtkWidget *widget, gint64 id)
{
  KitSessionsView *self = KIT_SESSIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!kit_store_remove_session (self->store, id, &error))
    {
      g_warning ("Removing session %" G_GINT64_FORMAT ": %s", id, error->message);
      kit_confirm_show_error (widget, _("That could not be removed. Nothing was changed."));
    }
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitSessionsView *self = KIT_SESSIONS_VIEW (widget);
  g_autoptr(KitSession) session = find_session (self, g_variant_get_int64 (parameter));
  g_autofree char *what = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;

  if (session == NULL)
    return;
  what = kit_session_describe (session);
  date = kit_date_format (kit_session_get_date (session));
  /* Translators: "Letter sent, 5 December 2026 will be removed …" */
  body = g_strdup_printf (_("“%s” on %s will be taken out of the record."), what, date);
  kit_confirm_remove (widget, _("Remove This Session?"), body, remove_confirmed,
                      kit_session_get_id (session));
}

static void
kit_sessions_view_dispose (GObject *object)
{
  KitSessionsView *self = KIT_SESSIONS_VIEW (object);

  kit_app_follow_store (self, &self->store, &self->changed_id, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_SESSIONS_VIEW);
  kit_app_unparent_children (GTK_WIDGET (object));
  g_clear_object (&self->upcoming);
  g_clear_object (&self->past_shown);
  g_clear_object (&self->past);
  G_OBJECT_CLASS (kit_sessions_view_parent_class)->dispose (object);
}

static void
kit_sessions_view_finalize (GObject *object)
{
  KitSessionsView *self = KIT_SESSIONS_VIEW (object);

  g_free (self->today);
  G_OBJECT_CLASS (kit_sessions_view_parent_class)->finalize (object);
}

static void
kit_sessions_view_class_init (KitSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_sessions_view_dispose;
  object_class->finalize = kit_sessions_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-sessions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KitSessionsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KitSessionsView, upcoming_heading);
  gtk_widget_class_bind_template_child (widget_class, KitSessionsView, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, KitSessionsView, past_heading);
  gtk_widget_class_bind_template_child (widget_class, KitSessionsView, past_list);
  gtk_widget_class_bind_template_child (widget_class, KitSessionsView, older_button);
  gtk_widget_class_bind_template_callback (widget_class, on_older_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "sessions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "sessions.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "sessions.remove", "x", remove_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_sessions_view_init (KitSessionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->upcoming = g_list_store_new (KIT_TYPE_SESSION);
  self->past = g_list_store_new (KIT_TYPE_SESSION);
  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (self->upcoming),
                           create_row, self, NULL);
  self->past_shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->past)), 0,
                                               PAGE_SIZE);
  gtk_list_box_bind_model (self->past_list, G_LIST_MODEL (self->past_shown), create_row, self,
                           NULL);
  reload (self);
}

GtkWidget *
kit_sessions_view_new (void)
{
  return g_object_new (KIT_TYPE_SESSIONS_VIEW, NULL);
}

void
kit_sessions_view_set_store (KitSessionsView *self, KitStore *store)
{
  g_return_if_fail (KIT_IS_SESSIONS_VIEW (self));

  if (store == self->store)
    return;
  kit_app_follow_store (self, &self->store, &self->changed_id, store,
                        G_CALLBACK (on_store_changed));
  reload (self);
}

void
kit_sessions_view_set_child (KitSessionsView *self, gint64 child_id)
{
  g_return_if_fail (KIT_IS_SESSIONS_VIEW (self));
  self->child_id = child_id;
  gtk_slice_list_model_set_size (self->past_shown, PAGE_SIZE);
  reload (self);
}

gint64
kit_sessions_view_get_child (KitSessionsView *self)
{
  g_return_val_if_fail (KIT_IS_SESSIONS_VIEW (self), 0);
  return self->child_id;
}
