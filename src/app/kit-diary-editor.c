/* kit-diary-editor.c — write or read one diary entry: date, child, session,
 * title, text, feelings (toggle buttons with icons) and her own words for
 * them, and whether it is shared in Review together. There is no Save
 * button: about a second after the last change the entry is saved; what
 * can't be saved yet (nothing written, a date in the future) is kept as a
 * draft, with the message beside the field, and taken up next time. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-confirm.h"
#include "kit-date.h"
#include "kit-diary-editor.h"
#include "kit-diary-row.h"
#include "kit-error.h"
#include "kit-form-helpers.h"
#include "kit-vocab.h"

#define AUTOSAVE_MS 1000

struct _KitDiaryEditor
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *delete_button;
  GtkLabel *general_error;
  AdwEntryRow *date_row;
  GtkLabel *date_error;
  AdwComboRow *child_row;
  AdwComboRow *session_row;
  AdwEntryRow *title_row;
  GtkTextView *body_view;
  GtkLabel *body_error;
  GtkFlowBox *feelings_box;
  AdwEntryRow *feelings_text_row;
  AdwActionRow *share_row;
  GtkSwitch *share_switch;

  KitStore *store;
  KitDiaryEntry *entry;     /* as last saved (or as it came); its id is the entry's */
  GPtrArray *feeling_buttons;
  GArray *child_ids;        /* gint64 per position of child_row (0: none) */
  GArray *session_ids;      /* gint64 per position of session_row (0: none) */
  guint save_source;
  gboolean filling;
  gboolean dirty;
  gboolean gone;            /* deleted: nothing more to save */
  const char *state;
};

G_DEFINE_FINAL_TYPE (KitDiaryEditor, kit_diary_editor, ADW_TYPE_WINDOW)

enum { SIGNAL_DELETED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_state (KitDiaryEditor *self, const char *state)
{
  self->state = state;
  adw_window_title_set_subtitle (self->window_title, state != NULL ? state : "");
}

static gint64
selected_id (AdwComboRow *row, GArray *ids)
{
  guint i = adw_combo_row_get_selected (row);

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static guint
position_of (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/* Filling the form */

static void
fill_sessions (KitDiaryEditor *self, gint64 child_id, gint64 session_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) sessions = NULL;
  gint64 none = 0;
  guint n = 0;

  g_array_set_size (self->session_ids, 0);
  gtk_string_list_append (labels, _("No session in particular"));
  g_array_append_val (self->session_ids, none);
  if (child_id != 0)
    {
      sessions = kit_store_list_sessions (self->store, child_id, 0);
      n = sessions != NULL ? g_list_model_get_n_items (sessions) : 0;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KitSession) session = g_list_model_get_item (sessions, i);
      g_autofree char *date = kit_date_format (kit_session_get_date (session));
      g_autofree char *what = kit_session_describe (session);
      g_autofree char *label = g_strdup_printf ("%s — %s", date, what);
      gint64 id = kit_session_get_id (session);

      gtk_string_list_append (labels, label);
      g_array_append_val (self->session_ids, id);
    }
  adw_combo_row_set_model (self->session_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->session_row, position_of (self->session_ids, session_id));
  gtk_widget_set_sensitive (GTK_WIDGET (self->session_row), n > 0);
}

static void
fill_children (KitDiaryEditor *self, gint64 child_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *children = kit_store_get_children (self->store);
  gint64 none = 0;

  g_array_set_size (self->child_ids, 0);
  gtk_string_list_append (names, _("No child in particular"));
  g_array_append_val (self->child_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(KitChild) child = g_list_model_get_item (children, i);
      gint64 id = kit_child_get_id (child);

      gtk_string_list_append (names, kit_child_get_name (child));
      g_array_append_val (self->child_ids, id);
    }
  adw_combo_row_set_model (self->child_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->child_row, position_of (self->child_ids, child_id));
}

static void
fill (KitDiaryEditor *self, KitDiaryEntry *entry)
{
  self->filling = TRUE;
  kit_form_set_date (self->date_row, kit_diary_entry_get_date (entry));
  fill_children (self, kit_diary_entry_get_child_id (entry));
  fill_sessions (self, kit_diary_entry_get_child_id (entry), kit_diary_entry_get_session_id (entry));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         kit_diary_entry_get_title (entry) != NULL
                           ? kit_diary_entry_get_title (entry) : "");
  kit_form_text_view_set (self->body_view, kit_diary_entry_get_body (entry));
  for (guint i = 0; i < self->feeling_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->feeling_buttons, i);
      const char *code = g_object_get_data (G_OBJECT (button), "kit-code");

      gtk_toggle_button_set_active (button, kit_diary_entry_has_feeling (entry, code));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->feelings_text_row),
                         kit_diary_entry_get_feelings_text (entry) != NULL
                           ? kit_diary_entry_get_feelings_text (entry) : "");
  gtk_switch_set_active (self->share_switch, kit_diary_entry_get_shared (entry));
  self->filling = FALSE;
}

/* Reading the form: a copy of the entry with what is typed. FALSE in
 * @date_ok when the date typed is not a real one (the copy keeps the last). */
static KitDiaryEntry *
gather (KitDiaryEditor *self, gboolean *date_ok)
{
  KitDiaryEntry *entry = kit_diary_entry_copy (self->entry);
  g_autofree char *date = NULL;
  g_autofree char *title = kit_form_entry_text (self->title_row);
  g_autofree char *body = kit_form_text_view_get (self->body_view);
  g_autofree char *words = kit_form_entry_text (self->feelings_text_row);

  *date_ok = kit_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date) &&
             date != NULL;
  if (*date_ok)
    kit_diary_entry_set_date (entry, date);
  kit_diary_entry_set_child_id (entry, selected_id (self->child_row, self->child_ids));
  kit_diary_entry_set_session_id (entry, selected_id (self->session_row, self->session_ids));
  kit_diary_entry_set_title (entry, title != NULL ? title : "");
  kit_diary_entry_set_body (entry, body != NULL ? body : "");
  for (guint i = 0; i < self->feeling_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->feeling_buttons, i);

      kit_diary_entry_toggle_feeling (entry, g_object_get_data (G_OBJECT (button), "kit-code"),
                                      gtk_toggle_button_get_active (button));
    }
  kit_diary_entry_set_feelings_text (entry, words != NULL ? words : "");
  kit_diary_entry_set_shared (entry, gtk_switch_get_active (self->share_switch));
  return entry;
}

/* Saving */

static void
clear_errors (KitDiaryEditor *self)
{
  kit_form_show_error (self->general_error, NULL);
  kit_form_show_error (self->date_error, NULL);
  kit_form_show_error (self->body_error, NULL);
}

/* Beside the field, without moving the focus: she may be typing elsewhere. */
static void
show_error (KitDiaryEditor *self, const GError *error)
{
  if (error->domain != KIT_INPUT_ERROR)
    {
      g_warning ("Saving a diary entry failed: %s", error->message);
      kit_form_show_error (self->general_error,
                           _("This entry couldn't be saved just now. What you typed is still "
                             "here; it will be tried again as you go on."));
      return;
    }
  switch (error->code)
    {
    case KIT_INPUT_ERROR_DATE:
      kit_form_show_error (self->date_error, error->message);
      break;
    case KIT_INPUT_ERROR_EMPTY:
      kit_form_show_error (self->body_error, error->message);
      break;
    default:
      kit_form_show_error (self->general_error, error->message);
    }
}

static void
save_draft (KitDiaryEditor *self, KitDiaryEntry *draft)
{
  g_autoptr(GError) error = NULL;

  if (kit_store_save_diary_draft (self->store, draft, &error))
    {
      set_state (self, _("Kept as a draft, not yet in your diary"));
      return;
    }
  kit_form_show_error (self->general_error, error->message);
  set_state (self, _("Not saved"));
}

static void
save (KitDiaryEditor *self)
{
  g_autoptr(KitDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gboolean date_ok;
  gboolean is_new = kit_diary_entry_get_id (self->entry) == 0;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->gone || self->store == NULL)
    return;
  self->dirty = FALSE;
  entry = gather (self, &date_ok);
  clear_errors (self);

  if (is_new && kit_diary_entry_is_empty (entry))
    {
      /* Nothing written yet: nothing to keep, and no old draft either. */
      kit_store_discard_diary_draft (self->store, 0, NULL);
      set_state (self, NULL);
      return;
    }
  if (!date_ok)
    {
      g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (
                                 GTK_EDITABLE (self->date_row))));

      /* An emptied date is not a wrong one: she is asked for it, as other forms do. */
      kit_form_show_error (self->date_error,
                           *typed == '\0' ? _("Please type the date.")
                                           : _("That doesn't look like a real date. Please type "
                                               "it like 3/5/2024 or 3 May 2024."));
      save_draft (self, entry);
      return;
    }
  if (kit_store_save_diary_entry (self->store, entry, &error))
    {
      g_set_object (&self->entry, entry);
      if (is_new)
        kit_store_discard_diary_draft (self->store, 0, NULL);
      gtk_widget_set_sensitive (self->delete_button, TRUE);
      set_state (self, _("Saved"));
      return;
    }
  show_error (self, error);
  if (error->domain == KIT_INPUT_ERROR)
    save_draft (self, entry);
  else
    {
      self->dirty = TRUE;
      set_state (self, _("Not saved yet"));
    }
}

static gboolean
on_save_timeout (gpointer user_data)
{
  KitDiaryEditor *self = KIT_DIARY_EDITOR (user_data);

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed (KitDiaryEditor *self)
{
  if (self->filling || self->gone)
    return;
  self->dirty = TRUE;
  set_state (self, _("Editing…"));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (AUTOSAVE_MS, on_save_timeout, self);
}

static void
on_child_selected (KitDiaryEditor *self)
{
  gint64 session = selected_id (self->session_row, self->session_ids);
  gboolean filling = self->filling;

  self->filling = TRUE;
  fill_sessions (self, selected_id (self->child_row, self->child_ids), session);
  self->filling = filling;
  on_changed (self);
}

/* Deleting */

static void
delete_confirmed (GtkWidget *widget, gint64 id)
{
  KitDiaryEditor *self = KIT_DIARY_EDITOR (widget);
  g_autoptr(KitDiaryEntry) copy = NULL;
  g_autoptr(GError) error = NULL;
  gboolean date_ok;

  if (self->store == NULL || self->gone)
    return;
  copy = gather (self, &date_ok);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!kit_store_remove_diary_entry (self->store, id, &error))
    {
      g_warning ("Deleting a diary entry failed: %s", error->message);
      kit_form_show_error (self->general_error,
                           _("This entry couldn't be deleted just now. Nothing was changed."));
      return;
    }
  kit_store_discard_diary_draft (self->store, id, NULL);
  self->gone = TRUE;
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, copy);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitDiaryEditor *self = KIT_DIARY_EDITOR (widget);
  gint64 id = kit_diary_entry_get_id (self->entry);

  if (id == 0)
    {
      /* Never saved: only a draft to let go of. */
      self->gone = TRUE;
      g_clear_handle_id (&self->save_source, g_source_remove);
      kit_store_discard_diary_draft (self->store, 0, NULL);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  kit_confirm_remove (widget, _("Delete this diary entry?"),
                      _("It goes from your diary. You can undo this for a few seconds."),
                      delete_confirmed, id);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  kit_diary_editor_save_now (KIT_DIARY_EDITOR (widget));
}

/* The feelings */

static GtkWidget *
feeling_button (KitDiaryEditor *self, const KitVocabItem *item)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *content = adw_button_content_new ();
  const char *label = kit_vocab_label (KIT_VOCAB_FEELING, item->code);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                    kit_diary_feeling_icon (item->code));
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "kit-feeling");
  g_object_set_data (G_OBJECT (button), "kit-code", (gpointer) item->code);
  g_signal_connect_object (button, "toggled", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  return button;
}

/* GObject */

static gboolean
kit_diary_editor_close_request (GtkWindow *window)
{
  save (KIT_DIARY_EDITOR (window));
  return GTK_WINDOW_CLASS (kit_diary_editor_parent_class)->close_request (window);
}

static void
kit_diary_editor_dispose (GObject *object)
{
  KitDiaryEditor *self = KIT_DIARY_EDITOR (object);

  /* No saving here: when the record locks, this goes after its database. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->entry);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_DIARY_EDITOR);
  G_OBJECT_CLASS (kit_diary_editor_parent_class)->dispose (object);
}

static void
kit_diary_editor_finalize (GObject *object)
{
  KitDiaryEditor *self = KIT_DIARY_EDITOR (object);

  g_ptr_array_unref (self->feeling_buttons);
  g_array_unref (self->child_ids);
  g_array_unref (self->session_ids);
  G_OBJECT_CLASS (kit_diary_editor_parent_class)->finalize (object);
}

static void
kit_diary_editor_class_init (KitDiaryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kit_diary_editor_dispose;
  object_class->finalize = kit_diary_editor_finalize;
  window_class->close_request = kit_diary_editor_close_request;

  /* The entry as it was just before it was deleted (for an Undo). */
  signals[SIGNAL_DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, KIT_TYPE_DIARY_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-diary-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, date_error);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, child_row);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, session_row);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, body_error);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, feelings_box);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, feelings_text_row);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, share_row);
  gtk_widget_class_bind_template_child (widget_class, KitDiaryEditor, share_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_child_selected);

  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
kit_diary_editor_init (KitDiaryEditor *self)
{
  guint n = 0;
  const KitVocabItem *items = kit_vocab_items (KIT_VOCAB_FEELING, &n);

  self->feeling_buttons = g_ptr_array_new ();
  self->child_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  kit_app_name_rows (GTK_WIDGET (self));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = feeling_button (self, &items[i]);

      g_ptr_array_add (self->feeling_buttons, button);
      gtk_flow_box_append (self->feelings_box, button);
    }
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
kit_diary_editor_new (GtkWindow *parent, KitStore *store, gint64 entry_id, gint64 child_id,
                      gint64 session_id)
{
  KitDiaryEditor *self;
  g_autoptr(KitDiaryEntry) draft = NULL;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);

  self = g_object_new (KIT_TYPE_DIARY_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (entry_id != 0)
    self->entry = kit_store_find_diary_entry (store, entry_id);
  if (self->entry == NULL)
    {
      self->entry = kit_diary_entry_new ();
      kit_diary_entry_set_child_id (self->entry, child_id);
      kit_diary_entry_set_session_id (self->entry, session_id);
    }
  /* Written while Review together is on, it is written in front of the
   * person she sits with: shared, and it stays so until she turns it off
   * (a private entry would vanish from under her as she typed). */
  if (kit_store_get_review_mode (store))
    {
      if (kit_diary_entry_get_id (self->entry) == 0)
        kit_diary_entry_set_shared (self->entry, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->share_row), FALSE);
      adw_action_row_set_subtitle (self->share_row,
                                   _("While Review together is on, what you write here is "
                                     "shared in review. Turn Review together off to change "
                                     "this."));
    }
  /* What was left unfinished of it is taken up again. */
  draft = kit_store_get_diary_draft (store, kit_diary_entry_get_id (self->entry));
  if (draft != NULL)
    {
      if (kit_diary_entry_get_id (self->entry) == 0 && kit_diary_entry_get_child_id (draft) == 0 &&
          child_id != 0)
        {
          kit_diary_entry_set_child_id (draft, child_id);
          kit_diary_entry_set_session_id (draft, session_id);
        }
      fill (self, draft);
      self->dirty = TRUE;
      set_state (self, _("Not finished last time"));
    }
  else
    fill (self, self->entry);
  gtk_widget_set_sensitive (self->delete_button, kit_diary_entry_get_id (self->entry) != 0 ||
                                                   draft != NULL);
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  if (entry_id == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

void
kit_diary_editor_save_now (KitDiaryEditor *self)
{
  g_return_if_fail (KIT_IS_DIARY_EDITOR (self));
  save (self);
}

void
kit_diary_editor_save_all (GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (KIT_IS_DIARY_EDITOR (l->data) &&
        gtk_window_get_transient_for (GTK_WINDOW (l->data)) == parent)
      save (KIT_DIARY_EDITOR (l->data));
}

gint64
kit_diary_editor_get_entry_id (KitDiaryEditor *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_EDITOR (self), 0);
  return kit_diary_entry_get_id (self->entry);
}

const char *
kit_diary_editor_get_state_text (KitDiaryEditor *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_EDITOR (self), NULL);
  return self->state != NULL ? self->state : "";
}
