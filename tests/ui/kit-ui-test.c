/* kit-ui-test.c — the fixture and main-loop helpers the UI tests share. */
#include "config.h"

#include "kit-ui-test.h"

#include <check.h>
#include <glib/gstdio.h>
#include <string.h>
#include <adwaita.h>

#include "kit-secure.h"

#define WAIT_SECONDS 60

KitApplication *app;
KitWindow *window;
char *tmpdir;

void
kit_ui_setup (const char *tmp_template)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (kit_secure_init (&error), "kit_secure_init: %s",
                 error ? error->message : "?");
  app = kit_application_new (0);
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  ck_assert_msg (g_application_register (G_APPLICATION (app), NULL, &error),
                 "register: %s", error ? error->message : "?");
  window = kit_window_new (GTK_APPLICATION (app), kit_application_get_settings (app));
  gtk_window_present (GTK_WINDOW (window));
  kit_window_show_start (window);

  tmpdir = g_dir_make_tmp (tmp_template, &error);
  ck_assert_msg (tmpdir != NULL, "tmpdir: %s", error ? error->message : "?");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

void
kit_ui_teardown (void)
{
  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  window = NULL;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&app);
  if (tmpdir != NULL)
    remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

gboolean
kit_ui_wait_until (KitUiCondition cond, gpointer data, double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
kit_ui_spin (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
kit_ui_page_is (gpointer name)
{
  return g_strcmp0 (kit_window_get_page_name (window), name) == 0;
}

void
kit_ui_assert_page (const char *name)
{
  ck_assert_msg (kit_ui_wait_until (kit_ui_page_is, (gpointer) name, WAIT_SECONDS),
                 "expected page '%s', still on '%s'", name, kit_window_get_page_name (window));
}

GtkWidget *
kit_ui_child (const char *page_name, GType type, const char *id)
{
  GtkWidget *page = kit_window_get_page (window, page_name);
  GObject *object;

  ck_assert_ptr_nonnull (page);
  object = gtk_widget_get_template_child (page, type, id);
  ck_assert_msg (object != NULL, "no template child %s", id);
  return GTK_WIDGET (object);
}

static char *
text_in_model (GListModel *model, const char *needle)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (GTK_IS_STRING_OBJECT (item) &&
          strstr (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), needle) != NULL)
        return g_strdup_printf ("item %u of a list: '%s'", i,
                                gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
    }
  return NULL;
}

/* What in @widget (a label, an entry, a text view, a drop-down's list)
 * shows @needle, as "TYPE: 'text'"; NULL when nothing does. */
char *
kit_ui_find_text (GtkWidget *widget, const char *needle)
{
  const char *text = NULL;
  g_autofree char *owned = NULL;
  char *found = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_EDITABLE (widget))
    text = gtk_editable_get_text (GTK_EDITABLE (widget));
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = owned = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else if (GTK_IS_DROP_DOWN (widget))
    found = text_in_model (gtk_drop_down_get_model (GTK_DROP_DOWN (widget)), needle);
  else if (ADW_IS_COMBO_ROW (widget))
    found = text_in_model (adw_combo_row_get_model (ADW_COMBO_ROW (widget)), needle);
  else if (ADW_IS_WINDOW_TITLE (widget))
    {
      text = adw_window_title_get_title (ADW_WINDOW_TITLE (widget));
      if (text == NULL || strstr (text, needle) == NULL)
        text = adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget));
    }
  if (found != NULL)
    return g_strdup_printf ("%s: %s", G_OBJECT_TYPE_NAME (widget), found);
  if (text != NULL && strstr (text, needle) != NULL)
    return g_strdup_printf ("%s: '%s'", G_OBJECT_TYPE_NAME (widget), text);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if ((found = kit_ui_find_text (c, needle)) != NULL)
      return found;
  return NULL;
}

/* Whether @accel is one of @controller's triggers ("a|b" for alternatives). */
static gboolean
controller_has (GtkShortcutController *controller, const char *accel)
{
  GListModel *model = G_LIST_MODEL (controller);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (model, i);
      g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
      g_auto(GStrv) parts = g_strsplit (text, "|", -1);

      if (g_strv_contains ((const char * const *) parts, accel))
        return TRUE;
    }
  return FALSE;
}

gboolean
kit_ui_has_shortcut (GtkWidget *widget, const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          controller_has (GTK_SHORTCUT_CONTROLLER (controller), accel))
        return TRUE;
    }
  return FALSE;
}

gboolean
kit_ui_help_lists (const char *accel)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/keepintouch/KeepInTouch/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  gboolean found = FALSE;

  for (GSList *l = objects; l != NULL && !found; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *listed = NULL;
        g_auto(GStrv) parts = NULL;

        g_object_get (l->data, "accelerator", &listed, NULL);
        parts = g_strsplit (listed != NULL ? listed : "", " ", -1);
        found = g_strv_contains ((const char * const *) parts, accel);
      }
  /* The window it builds is ours to destroy. */
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_WINDOW (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
  return found;
}
