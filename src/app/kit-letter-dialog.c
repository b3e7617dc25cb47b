/* kit-letter-dialog.c — a letter to check, edit, print or save (DESIGN §5).
 *
 * The letter is composed from the record (kit_letter_compose ()); what she
 * types replaces its subject and body (kit_document_set_editable_text ())
 * and the preview is laid out again 300 ms after she stops. Printing and
 * the PDF use the same KitRenderer layout as the preview. Before either,
 * kit_letter_check_ready () may refuse: the reason is shown at the top of
 * the dialog with a button that puts it right (the recipient's details,
 * her own name and address, or the gap in the wording). Printing, the
 * PDF and keeping the letter are in kit-letter-dialog-output.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kit-app-util.h"
#include "kit-error.h"
#include "kit-form-helpers.h"
#include "kit-letter-dialog-private.h"
#include "kit-letter-me-dialog.h"
#include "kit-letter-preview.h"
#include "kit-person-dialog.h"

G_DEFINE_FINAL_TYPE (KitLetterDialog, kit_letter_dialog, ADW_TYPE_WINDOW)

/* How long after the last keystroke the pages are laid out again. */
#define RELAYOUT_MS 300

static void show_document (KitLetterDialog *self);

/* Small things */

static char *
buffer_text (KitLetterDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (KitLetterDialog *self, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* Not something Ctrl+Z should take back to an empty letter. */
  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading = FALSE;
}

static KitPaper
chosen_paper (KitLetterDialog *self)
{
  return gtk_drop_down_get_selected (self->paper_dropdown) == 1 ? KIT_PAPER_LETTER : KIT_PAPER_A4;
}

static void
show_note (KitLetterDialog *self, const char *note)
{
  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

void
kit_letter_dialog_toast (KitLetterDialog *self, const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static gboolean
me_is_complete (KitLetterDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;

  kit_store_get_me (self->store, &name, &address);
  return name != NULL && *g_strstrip (name) != '\0' && address != NULL &&
         *g_strstrip (address) != '\0';
}

static gboolean
person_has_address (KitLetterDialog *self, gint64 person_id)
{
  g_autoptr(KitPerson) person = kit_store_find_person (self->store, person_id);
  const char *address = person != NULL ? kit_person_get_address (person) : NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (address != NULL ? address : ""));

  return person == NULL || *trimmed != '\0';
}

/* The refusal */

static void
hide_refusal (KitLetterDialog *self)
{
  gtk_revealer_set_reveal_child (self->refusal_revealer, FALSE);
  self->fix = FIX_NONE;
}

void
kit_letter_dialog_show_refusal (KitLetterDialog *self, const char *message, FixKind fix, gint64 person_id)
{
  const char *labels[] = { NULL, N_("_Add the address"), N_("Add _your name and address"),
                           N_("_Show the gap"), N_("_Choose who it is to"),
                           N_("_Add someone to People") };

  self->fix = fix;
  self->fix_person = person_id;
  gtk_label_set_label (self->refusal_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->fix_button), fix != FIX_NONE);
  if (fix != FIX_NONE)
    gtk_button_set_label (self->fix_button, _(labels[fix]));
  gtk_revealer_set_reveal_child (self->refusal_revealer, TRUE);
}

/* What would put @error right: the person or the details it is about. */
static FixKind
fix_for (KitLetterDialog *self, const GError *error, gint64 *person_id)
{
  gint64 ids[] = { self->request.recipient_id, self->request.sender_id };
  g_autofree char *text = NULL;

  *person_id = 0;
  if (!self->is_letter || self->store == NULL)
    return FIX_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      if (ids[i] == KIT_LETTER_ME && !me_is_complete (self))
        return FIX_ME;
      if (ids[i] > 0 && !person_has_address (self, ids[i]))
        {
          *person_id = ids[i];
          return FIX_PERSON;
        }
    }
  text = buffer_text (self);
  if (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP) &&
      strstr (text, KIT_GAP_OPEN) != NULL)
    return FIX_GAP;
  return FIX_NONE;
}

/* Composing */

static void
update_title (KitLetterDialog *self)
{
  const char *title = self->document != NULL ? kit_document_get_title (self->document) : "";

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* The child's name, unless the title already says it. */
  adw_window_title_set_subtitle (self->window_title,
                                 self->child_name != NULL && strstr (title, self->child_name) == NULL
                                   ? self->child_name : NULL);
}

/* Builds the letter again from the record. With @keep_text, what she has
 * typed is kept (the addresses, the date and the sign-off still follow the
 * choices of sender and recipient). */
static void
compose (KitLetterDialog *self, gboolean keep_text)
{
  g_autofree char *text = keep_text && self->edited ? buffer_text (self) : NULL;
  g_autofree char *warning = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KitDocument) document = NULL;

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  document = kit_letter_compose (self->store, &self->request, &warning, &error);
  if (document == NULL)
    {
      kit_letter_dialog_show_refusal (self, error != NULL ? error->message : _("This letter could not be written."),
                    FIX_NONE, 0);
      return;
    }
  if (text != NULL)
    kit_document_set_editable_text (document, text);
  kit_document_set_paper (document, chosen_paper (self));
  g_set_object (&self->document, document);
  if (text == NULL)
    {
      g_autofree char *editable = kit_document_get_editable_text (document);

      set_buffer_text (self, editable);
      self->edited = FALSE;
      self->unsaved = FALSE;
    }
  if (warning != NULL)
    show_note (self, warning);
  update_title (self);
  show_document (self);
}

static void
show_document (KitLetterDialog *self)
{
  kit_letter_preview_set_document (self->preview, self->document);
}

/* Her edits go into the document (and the preview) now, not in 300 ms. */
static void
apply_edits (KitLetterDialog *self)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  if (!self->is_letter || self->document == NULL || !self->edited)
    return;
  text = buffer_text (self);
  kit_document_set_editable_text (self->document, text);
  show_document (self);
}

static gboolean
relayout_cb (gpointer user_data)
{
  KitLetterDialog *self = KIT_LETTER_DIALOG (user_data);

  self->relayout_id = 0;
  apply_edits (self);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed (KitLetterDialog *self)
{
  if (self->loading)
    return;
  self->edited = TRUE;
  self->unsaved = TRUE;
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  self->relayout_id = g_timeout_add (RELAYOUT_MS, relayout_cb, self);
}

/* From and To */

static char *
me_label (KitLetterDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;

  kit_store_get_me (self->store, &name, &address);
  if (name != NULL && *g_strstrip (name) != '\0')
    /* Translators: the mother herself in the From and To lists: "Me (Jane Smith)" */
    return g_strdup_printf (_("Me (%s)"), name);
  return g_strdup (_("Me"));
}

/* Me, then everyone in People; "Nobody chosen yet" first when @current is nobody. */
static void
fill_people_row (KitLetterDialog *self, AdwComboRow *row, GArray *ids, gint64 current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *people = kit_store_get_people (self->store);
  g_autofree char *me = me_label (self);
  gint64 me_id = KIT_LETTER_ME;
  guint selected = 0;

  g_array_set_size (ids, 0);
  if (current < 0)
    {
      gint64 nobody = current;

      gtk_string_list_append (names, _("Nobody chosen yet"));
      g_array_append_val (ids, nobody);
    }
  if (current == KIT_LETTER_ME)
    selected = ids->len;
  gtk_string_list_append (names, me);
  g_array_append_val (ids, me_id);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(KitPerson) person = g_list_model_get_item (people, i);
      gint64 id = kit_person_get_id (person);
      const char *role = kit_person_get_role (person);
      g_autofree char *label = role != NULL && *role != '\0'
                                 /* Translators: "Sarah Hughes, Letterbox coordinator" */
                                 ? g_strdup_printf (_("%s, %s"), kit_person_get_name (person), role)
                                 : g_strdup (kit_person_get_name (person));

      if (id == current)
        selected = ids->len;
      gtk_string_list_append (names, label);
      g_array_append_val (ids, id);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

static void
fill_people (KitLetterDialog *self)
{
  self->loading = TRUE;
  fill_people_row (self, self->from_row, self->from_ids, self->request.sender_id);
  fill_people_row (self, self->to_row, self->to_ids, self->request.recipient_id);
  self->loading = FALSE;
}

static gint64
chosen_id (AdwComboRow *row, GArray *ids, gint64 fallback)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : fallback;
}

static void
on_people_chosen (KitLetterDialog *self)
{
  if (self->loading || !self->is_letter)
    return;
  self->request.sender_id = chosen_id (self->from_row, self->from_ids, self->request.sender_id);
  self->request.recipient_id = chosen_id (self->to_row, self->to_ids, self->request.recipient_id);
  hide_refusal (self);
  if (self->edited)
    show_note (self, _("Your wording was kept. Check that the names in it are still right."));
  compose (self, TRUE);
}

/* Easy read and paper */

/* The easy-read wording is another letter: her edits cannot carry over. */
static void
write_again (KitLetterDialog *self, gboolean easy)
{
  gboolean was_edited = self->edited;

  self->loading = TRUE;
  gtk_switch_set_active (self->easy_switch, easy);
  self->loading = FALSE;
  self->request.easy_read = easy;
  compose (self, FALSE);
  if (was_edited)
    show_note (self, easy ? _("The letter was written again in easy read. "
                              "Your changes to the wording were not kept.")
                          : _("The letter was written again in the usual wording. "
                              "Your changes to the wording were not kept."));
  else
    show_note (self, NULL);
}

static void
on_write_again_answered (AdwMessageDialog *question, const char *response, KitLetterDialog *self)
{
  if (g_strcmp0 (response, "rewrite") == 0)
    write_again (self, !self->request.easy_read);
}

static void
on_easy_read (KitLetterDialog *self)
{
  gboolean easy = gtk_switch_get_active (self->easy_switch);
  GtkWidget *question;

  if (self->loading || !self->is_letter || easy == self->request.easy_read)
    return;
  if (!self->edited)
    {
      write_again (self, easy);
      return;
    }
  /* Her wording would go: the switch waits for her answer. */
  self->loading = TRUE;
  gtk_switch_set_active (self->easy_switch, self->request.easy_read);
  self->loading = FALSE;
  question = adw_message_dialog_new (GTK_WINDOW (self),
                                     easy ? _("Write the letter again in easy read?")
                                          : _("Write the letter again in the usual wording?"),
                                     _("Your changes to the wording will not be kept."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question), "keep",
                                    _("_Keep My Wording"), "rewrite", _("_Write It Again"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "rewrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "keep");
  g_signal_connect_object (question, "response", G_CALLBACK (on_write_again_answered), self, 0);
  gtk_window_present (GTK_WINDOW (question));
}

static void
on_paper_chosen (KitLetterDialog *self)
{
  if (self->loading || self->document == NULL)
    return;
  self->request.paper = chosen_paper (self);
  apply_edits (self);
  kit_document_set_paper (self->document, self->request.paper);
  show_document (self);
}

/* Narrow: one pane at a time */

static void
on_switch_toggled (KitLetterDialog *self)
{
  gboolean preview = gtk_toggle_button_get_active (self->show_preview_button);

  if (preview)
    apply_edits (self);
  adw_leaflet_set_visible_child_name (self->leaflet, preview ? "preview" : "edit");
}

static void
on_folded (KitLetterDialog *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_revealer_set_reveal_child (self->switch_revealer, folded && self->is_letter);
  /* Narrow, the button goes under the message, which would be squeezed beside it. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->refusal_box),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  if (self->is_letter)
    on_switch_toggled (self);
}

/* The store */

static void
on_store_changed (KitLetterDialog *self)
{
  gboolean refused = gtk_revealer_get_reveal_child (self->refusal_revealer);

  if (self->keeping || !self->is_letter)
    return;
  /* A person's address or her own details may have been added: show them. */
  fill_people (self);
  compose (self, TRUE);
  if (refused && kit_letter_check_ready (self->store, &self->request, self->document, NULL))
    hide_refusal (self);
}

/* Checking */

gboolean
kit_letter_dialog_check_ready (KitLetterDialog *self, GError **error)
{
  g_autoptr(GError) local = NULL;
  gboolean ready;
  gint64 person_id;
  FixKind fix;

  apply_edits (self);
  if (self->document == NULL)
    {
      g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND,
                           _("This letter could not be written."));
      return FALSE;
    }
  if (self->is_letter && self->request.recipient_id < 0)
    {
      GListModel *people = kit_store_get_people (self->store);
      gboolean anyone = people != NULL && g_list_model_get_n_items (people) > 0;

      g_set_error_literal (&local, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP,
                           anyone ? _("Choose who the letter is to, under To.")
                                  : _("There is nobody to send it to yet. Add the agency's contact "
                                      "to People, then choose them under To."));
      kit_letter_dialog_show_refusal (self, local->message, anyone ? FIX_CHOOSE : FIX_NEW, 0);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  ready = self->is_letter
            ? kit_letter_check_ready (self->store, &self->request, self->document, &local)
            : kit_document_check_complete (self->document, &local);
  if (ready)
    {
      hide_refusal (self);
      return TRUE;
    }
  fix = fix_for (self, local, &person_id);
  kit_letter_dialog_show_refusal (self, local->message, fix, person_id);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Putting a refusal right */

static void
ask_for_me (KitLetterDialog *self)
{
  gtk_window_present (GTK_WINDOW (kit_letter_me_dialog_new (GTK_WINDOW (self), self->store)));
}

/* Selects the first gap in the wording, for her to type over. */
static void
show_gap (KitLetterDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, open_start, open_end, close_start, close_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, KIT_GAP_OPEN, 0, &open_start, &open_end, NULL))
    return;
  if (!gtk_text_iter_forward_search (&open_end, KIT_GAP_CLOSE, 0, &close_start, &close_end, NULL))
    close_end = open_end;
  gtk_toggle_button_set_active (self->show_edit_button, TRUE);
  gtk_text_buffer_select_range (buffer, &open_start, &close_end);
  gtk_text_view_scroll_to_iter (self->text_view, &open_start, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Someone new in People becomes the recipient. */
static void
on_person_added (KitLetterDialog *self, gint64 person_id)
{
  self->request.recipient_id = person_id;
  fill_people (self);
  hide_refusal (self);
  compose (self, TRUE);
}

static void
choose_recipient (KitLetterDialog *self)
{
  gtk_toggle_button_set_active (self->show_edit_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->to_row));
}

static void
fix_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitLetterDialog *self = KIT_LETTER_DIALOG (widget);

  switch (self->fix)
    {
    case FIX_PERSON:
      {
        g_autoptr(KitPerson) person = kit_store_find_person (self->store, self->fix_person);

        if (person != NULL)
          gtk_window_present (GTK_WINDOW (kit_person_dialog_new (GTK_WINDOW (self), self->store,
                                                                 person)));
        break;
      }
    case FIX_ME:
      ask_for_me (self);
      break;
    case FIX_GAP:
      show_gap (self);
      break;
    case FIX_CHOOSE:
      choose_recipient (self);
      break;
    case FIX_NEW:
      {
        GtkWidget *dialog = kit_person_dialog_new (GTK_WINDOW (self), self->store, NULL);

        g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_added), self,
                                 G_CONNECT_SWAPPED);
        gtk_window_present (GTK_WINDOW (dialog));
        break;
      }
    case FIX_NONE:
    default:
      break;
    }
}

/* Closing */

static gboolean
destroy_later (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_close_answered (AdwMessageDialog *question, const char *response, KitLetterDialog *self)
{
  if (g_strcmp0 (response, "leave") != 0)
    return;
  self->unsaved = FALSE;
  /* Later: the question, transient for this dialog, still closes itself after "response". */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_later, g_object_ref (self), g_object_unref);
}

/* A letter is kept only when printed or saved: her own wording, not yet
 * either, would go with a stray Escape. She is asked first, as the change
 * dialog asks. (Locking the record destroys the dialog without asking:
 * nothing of hers may stay on screen.) */
static gboolean
kit_letter_dialog_close_request (GtkWindow *window)
{
  KitLetterDialog *self = KIT_LETTER_DIALOG (window);
  GtkWidget *question;

  if (!self->unsaved)
    return GTK_WINDOW_CLASS (kit_letter_dialog_parent_class)->close_request (window);
  question = adw_message_dialog_new (window, _("Leave without saving?"),
                                     _("Your changes to the wording will not be kept. A letter "
                                       "is kept when you print it or save it as a PDF."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (question), "keep", _("_Keep Writing"),
                                    "leave", _("_Leave"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (question), "leave",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (question), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (question), "keep");
  g_signal_connect_object (question, "response", G_CALLBACK (on_close_answered), self, 0);
  gtk_window_present (GTK_WINDOW (question));
  return TRUE;
}

/* Overrides */

static void
kit_letter_dialog_dispose (GObject *object)
{
  KitLetterDialog *self = KIT_LETTER_DIALOG (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  /* Closed with the dialog (when the record locks, say): nothing is written after. */
  kit_letter_dialog_close_chooser (self);
  if (self->store != NULL && self->changed_id != 0)
    g_signal_handler_disconnect (self->store, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->store);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_LETTER_DIALOG);
  G_OBJECT_CLASS (kit_letter_dialog_parent_class)->dispose (object);
}

static void
kit_letter_dialog_finalize (GObject *object)
{
  KitLetterDialog *self = KIT_LETTER_DIALOG (object);

  g_array_unref (self->from_ids);
  g_array_unref (self->to_ids);
  g_free (self->child_name);
  G_OBJECT_CLASS (kit_letter_dialog_parent_class)->finalize (object);
}

static void
kit_letter_dialog_class_init (KitLetterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_letter_dialog_dispose;
  object_class->finalize = kit_letter_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = kit_letter_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-letter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, refusal_revealer);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, refusal_box);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, fix_button);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, edit_pane);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, easy_switch);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, switch_revealer);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, show_edit_button);
  gtk_widget_class_bind_template_child (widget_class, KitLetterDialog, show_preview_button);
  gtk_widget_class_bind_template_callback (widget_class, on_people_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_easy_read);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_folded);
  gtk_widget_class_bind_template_callback (widget_class, on_switch_toggled);

  gtk_widget_class_install_action (widget_class, "letter.print", NULL, kit_letter_dialog_print_action);
  gtk_widget_class_install_action (widget_class, "letter.save-pdf", NULL, kit_letter_dialog_save_pdf_action);
  gtk_widget_class_install_action (widget_class, "letter.fix", NULL, fix_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (KIT_TYPE_LETTER_PREVIEW);
}

static void
kit_letter_dialog_init (KitLetterDialog *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->from_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->to_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  kit_app_name_rows (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_text_changed), self);
  /* Ctrl+P prints from anywhere in the dialog, the text view included. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p,
                                                                                  GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("letter.print")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Public API */

static void
find_child (KitLetterDialog *self)
{
  g_autoptr(KitChange) change = NULL;
  g_autoptr(KitArrangement) arrangement = NULL;
  g_autoptr(KitChild) child = NULL;

  if (self->request.change_id != 0)
    change = kit_store_find_change (self->store, self->request.change_id);
  if (change != NULL)
    self->child_id = kit_change_get_child_id (change);
  if (self->request.arrangement_id != 0)
    arrangement = kit_store_find_arrangement (self->store, self->request.arrangement_id);
  if (self->child_id == 0 && arrangement != NULL)
    self->child_id = kit_arrangement_get_child_id (arrangement);
  child = self->child_id != 0 ? kit_store_find_child (self->store, self->child_id) : NULL;
  self->child_name = g_strdup (child != NULL ? kit_child_get_name (child) : NULL);
}

GtkWidget *
kit_letter_dialog_new (GtkWindow *parent, KitStore *store, const KitLetterRequest *request)
{
  KitLetterDialog *self;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  self = g_object_new (KIT_TYPE_LETTER_DIALOG, "transient-for", parent, NULL);
  self->is_letter = TRUE;
  self->store = g_object_ref (store);
  self->request = *request;
  self->request.today = NULL;
  kit_letter_resolve_people (store, &self->request, &self->request.sender_id,
                             &self->request.recipient_id);
  find_child (self);
  self->loading = TRUE;
  gtk_switch_set_active (self->easy_switch, request->easy_read);
  gtk_drop_down_set_selected (self->paper_dropdown, request->paper == KIT_PAPER_LETTER ? 1 : 0);
  self->loading = FALSE;
  fill_people (self);
  compose (self, FALSE);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed),
                                               self);
  /* No bigger than the window: on a small screen the switch between the
   * words and the preview, under the buttons, would be off its bottom. */
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  on_folded (self);
  return GTK_WIDGET (self);
}

GtkWidget *
kit_letter_dialog_new_for_document (GtkWindow *parent, KitDocument *document)
{
  KitLetterDialog *self;

  g_return_val_if_fail (KIT_IS_DOCUMENT (document), NULL);

  self = g_object_new (KIT_TYPE_LETTER_DIALOG, "transient-for", parent, NULL);
  self->document = kit_document_copy (document);
  self->loading = TRUE;
  gtk_drop_down_set_selected (self->paper_dropdown,
                              kit_document_get_paper (document) == KIT_PAPER_LETTER ? 1 : 0);
  self->loading = FALSE;
  gtk_widget_set_visible (self->edit_pane, FALSE);
  adw_leaflet_set_visible_child_name (self->leaflet, "preview");
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 800);
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  update_title (self);
  show_document (self);
  on_folded (self);
  return GTK_WIDGET (self);
}

KitDocument *
kit_letter_dialog_get_document (KitLetterDialog *self)
{
  g_return_val_if_fail (KIT_IS_LETTER_DIALOG (self), NULL);

  apply_edits (self);
  return self->document;
}
