/* test-letters.c — drives the real widgets under Xvfb: a record, a child, a
 * coordinator with an address, an arrangement, then a change with no reason
 * through the real change dialog; the offered request for reasons opens in
 * the letter dialog with its pages and the child's name; it is refused until
 * her own name and address are given (through the dialog's own form), then
 * saved as a PDF that pdftotext reads, and listed on the child's page. A
 * recipient without an address is refused in the dialog and no file is
 * written. Also: printing through GtkPrintOperation, print again, easy
 * read, the review letter, nobody to write to, and the recovery sheet. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "kit-arrangement-card.h"
#include "kit-child-page.h"
#include "kit-change-dialog.h"
#include "kit-change-row.h"
#include "kit-create-page.h"
#include "kit-error.h"
#include "kit-letter-dialog.h"
#include "kit-letter-preview.h"
#include "kit-main-page.h"
#include "kit-person-dialog.h"
#include "kit-recovery-key-page.h"
#include "kit-store.h"
#include "kit-vocab.h"
#include "kit-window.h"
#include "kit-ui-test.h"

#define PASSPHRASE "blue kettle on a rainy tuesday"
#define WAIT_SECONDS 30

/* Helpers */

static void
click (GtkWidget *button)
{
  ck_assert_msg (gtk_widget_is_sensitive (button), "button '%s' is not sensitive",
                 GTK_IS_BUTTON (button) ? gtk_button_get_label (GTK_BUTTON (button)) : "?");
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
child_of (gpointer widget, GType type, const char *id)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, id);

  ck_assert_msg (found != NULL, "no template child '%s'", id);
  return GTK_WIDGET (found);
}

static char *pdf_text (const char *path);

/* The recovery key page offers the key on paper: a one-page sheet with the key. */
static void
print_recovery_sheet (void)
{
  const char *shown = gtk_label_get_label (GTK_LABEL (kit_ui_child ("recovery-key", KIT_TYPE_RECOVERY_KEY_PAGE,
                                                                    "key_label")));
  g_auto(GStrv) groups = g_strsplit_set (shown, " \n-", -1);
  g_autofree char *pdf = g_build_filename (tmpdir, "sheet.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *sheet;

  click (kit_ui_child ("recovery-key", KIT_TYPE_RECOVERY_KEY_PAGE, "print_button"));
  sheet = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (KIT_IS_LETTER_DIALOG (w))
          sheet = GTK_WIDGET (w);
      }
  }
  ck_assert_msg (sheet != NULL, "Print a recovery sheet opened nothing");
  ck_assert_uint_eq (kit_letter_preview_get_n_pages (
                       KIT_LETTER_PREVIEW (child_of (sheet, KIT_TYPE_LETTER_DIALOG, "preview"))), 1);
  ck_assert_msg (kit_letter_dialog_save_pdf (KIT_LETTER_DIALOG (sheet), pdf, &error),
                 "recovery sheet: %s", error ? error->message : "?");
  text = pdf_text (pdf);
  for (guint i = 0; groups[i] != NULL; i++)
    if (*groups[i] != '\0')
      ck_assert_msg (strstr (text, groups[i]) != NULL, "the sheet lacks '%s' of the key:\n%s",
                     groups[i], text);
  gtk_window_destroy (GTK_WINDOW (sheet));
}

static void
create_record_printing_sheet (gboolean print_sheet)
{
  g_autofree char *path = g_build_filename (tmpdir, "Letters.kit", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  kit_ui_assert_page ("create");
  kit_create_page_set_path (KIT_CREATE_PAGE (kit_window_get_page (window, "create")), path);
  gtk_editable_set_text (GTK_EDITABLE (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "passphrase_row")),
                         PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "confirm_row")),
                         PASSPHRASE);
  click (kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "create_button"));
  kit_ui_assert_page ("recovery-key");
  if (print_sheet)
    print_recovery_sheet ();
  gtk_check_button_set_active (
    GTK_CHECK_BUTTON (kit_ui_child ("recovery-key", KIT_TYPE_RECOVERY_KEY_PAGE, "saved_check")),
    TRUE);
  click (kit_ui_child ("recovery-key", KIT_TYPE_RECOVERY_KEY_PAGE, "continue_button"));
  kit_ui_assert_page ("main");
}

static void
create_record (void)
{
  create_record_printing_sheet (FALSE);
}

static KitChildPage *
child_page (void)
{
  return KIT_CHILD_PAGE (kit_ui_child ("main", KIT_TYPE_MAIN_PAGE, "child_page"));
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        found = GTK_WIDGET (w);
    }
  return found;
}

/* A letter dialog other than @not. */
static GtkWidget *
other_letter_dialog (GtkWidget *not)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (KIT_IS_LETTER_DIALOG (w) && GTK_WIDGET (w) != not && gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static gboolean
change_dialog_gone (gpointer data)
{
  return find_toplevel (KIT_TYPE_CHANGE_DIALOG) == NULL;
}

static gboolean
question_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static const char *
step_of (GtkWidget *dialog)
{
  return gtk_stack_get_visible_child_name (
    GTK_STACK (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "step_stack")));
}

static void
choose_row (GtkWidget *dialog, const char *id, const char *title)
{
  GtkListBox *list = GTK_LIST_BOX (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, id));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      {
        adw_action_row_activate (ADW_ACTION_ROW (row));
        return;
      }
  ck_abort_msg ("no row '%s' in %s", title, id);
}

static void
next (GtkWidget *dialog, const char *expect_step)
{
  click (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "next_button"));
  if (expect_step != NULL)
    ck_assert_str_eq (step_of (dialog), expect_step);
}

static void
set_text (GtkWidget *dialog, const char *id, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, id)), text);
}

static gint64
save_person (KitStore *store, const char *name, const char *address)
{
  g_autoptr(KitPerson) person = kit_person_new ();
  g_autoptr(GError) error = NULL;

  kit_person_set_name (person, name);
  kit_person_set_role (person, "Letterbox coordinator");
  kit_person_set_address (person, address);
  ck_assert_msg (kit_store_save_person (store, person, &error), "save person: %s",
                 error ? error->message : "?");
  return kit_person_get_id (person);
}

/* A letterbox arrangement through the guided dialog, then its coordinator. */
static KitArrangement *
new_arrangement (KitStore *store, KitChildPage *page, gint64 child_id, gint64 coordinator_id)
{
  g_autoptr(GListModel) arrangements = NULL;
  g_autoptr(GError) error = NULL;
  KitArrangement *arrangement;
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (page), "child.new-arrangement", NULL);
  dialog = find_toplevel (KIT_TYPE_CHANGE_DIALOG);
  ck_assert_msg (dialog != NULL, "no change dialog");
  choose_row (dialog, "kind_list", kit_vocab_label (KIT_VOCAB_KIND, "letterbox"));
  next (dialog, "details");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "freq_spin")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "freq_unit_row")),
                              kit_vocab_index (KIT_VOCAB_FREQ_UNIT, "year"));
  set_text (dialog, "start_row", "1/3/2020");
  next (dialog, "when");
  set_text (dialog, "effective_row", "1/3/2020");
  choose_row (dialog, "decided_list", kit_vocab_label (KIT_VOCAB_DECIDED_BY, "court"));
  next (dialog, "reason");
  choose_row (dialog, "reason_list", kit_vocab_label (KIT_VOCAB_REASON_GIVEN, "yes"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "reason_view"))),
                            "The adoption plan says letters twice a year.", -1);
  next (dialog, "told");
  choose_row (dialog, "told_list", kit_vocab_label (KIT_VOCAB_TOLD_HOW, "letter"));
  next (dialog, "view");
  next (dialog, "summary");
  next (dialog, NULL);
  ck_assert_msg (kit_ui_wait_until (change_dialog_gone, NULL, WAIT_SECONDS),
                 "the change dialog stayed open after Save");
  /* A new arrangement is not a change to write about. */
  kit_ui_spin (0.2);
  ck_assert_msg (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL,
                 "a letter was offered for a new arrangement");

  arrangements = kit_store_list_arrangements (store, child_id);
  ck_assert_uint_eq (g_list_model_get_n_items (arrangements), 1);
  arrangement = g_list_model_get_item (arrangements, 0);
  kit_arrangement_set_coordinator_id (arrangement, coordinator_id);
  ck_assert_msg (kit_store_save_arrangement_details (store, arrangement, &error),
                 "save details: %s", error ? error->message : "?");
  return arrangement;
}

/* Something changed: once a year, with no reason given. */
static void
change_without_reason (KitChildPage *page, KitArrangement *arrangement)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (page), "child.record-change", "x",
                              kit_arrangement_get_id (arrangement));
  dialog = find_toplevel (KIT_TYPE_CHANGE_DIALOG);
  ck_assert_msg (dialog != NULL, "no change dialog for Something changed");
  choose_row (dialog, "what_list", kit_vocab_label (KIT_VOCAB_WHAT_CHANGED, "frequency"));
  next (dialog, "details");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child_of (dialog, KIT_TYPE_CHANGE_DIALOG, "freq_spin")), 1);
  next (dialog, "when");
  set_text (dialog, "effective_row", "1/6/2024");
  choose_row (dialog, "decided_list", kit_vocab_label (KIT_VOCAB_DECIDED_BY, "agency"));
  next (dialog, "reason");
  choose_row (dialog, "reason_list", kit_vocab_label (KIT_VOCAB_REASON_GIVEN, "no"));
  next (dialog, "told");
  choose_row (dialog, "told_list", kit_vocab_label (KIT_VOCAB_TOLD_HOW, "not-told"));
  next (dialog, "view");
  next (dialog, "summary");
  next (dialog, NULL);
  ck_assert_msg (kit_ui_wait_until (change_dialog_gone, NULL, WAIT_SECONDS),
                 "the change dialog stayed open after Save");
}

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
refused (GtkWidget *dialog)
{
  return gtk_revealer_get_reveal_child (
    GTK_REVEALER (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "refusal_revealer")));
}

static const char *
refusal_text (GtkWidget *dialog)
{
  return gtk_label_get_label (GTK_LABEL (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "refusal_label")));
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error),
                 "pdftotext: %s", error ? error->message : "?");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "pdftotext failed on %s", path);
  return out;
}

/* Her own name and address, through the form the refusal's button opens. */
static void
give_my_details (GtkWidget *dialog)
{
  AdwMessageDialog *form;
  GtkWidget *entry;
  GtkTextView *address;

  gtk_widget_activate_action (dialog, "letter.fix", NULL);
  ck_assert_msg (kit_ui_wait_until (question_shown, NULL, WAIT_SECONDS), "no form for her details");
  form = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  entry = g_object_get_data (G_OBJECT (form), "name-entry");
  address = g_object_get_data (G_OBJECT (form), "address-view");
  ck_assert_msg (entry != NULL && address != NULL, "the form has no name or address field");
  ck_assert_msg (!adw_message_dialog_get_response_enabled (form, "save"),
                 "Save is offered with no name");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Jane Wilson");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (address), "4 Mill Lane\nLeeds\nLS6 2AB", -1);
  ck_assert (adw_message_dialog_get_response_enabled (form, "save"));
  adw_message_dialog_response (form, "save");
}

static KitChangeRow *
first_change_row (GtkWidget *widget)
{
  if (KIT_IS_CHANGE_ROW (widget) && kit_change_row_get_change (KIT_CHANGE_ROW (widget)) != NULL)
    return KIT_CHANGE_ROW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      KitChangeRow *row = first_change_row (c);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static gboolean
change_row_shown (gpointer data)
{
  return first_change_row (GTK_WIDGET (data)) != NULL;
}

/* The kinds of letter @model (and its sections) offers for @change_id. */
static void
collect_letters (GMenuModel *model, gint64 change_id, GString *kinds)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        collect_letters (section, change_id, kinds);
      if (!g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) ||
          g_strcmp0 (action, "child.write-letter") != 0)
        continue;
      target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE ("(sx)"));
      if (target != NULL)
        {
          const char *kind;
          gint64 id;

          g_variant_get (target, "(&sx)", &kind, &id);
          if (id == change_id)
            g_string_append_printf (kinds, "%s ", kind);
        }
    }
}

static void
setup (void)
{
  kit_ui_setup ("kit-ui-letters-XXXXXX");
}

/* Tests */

typedef struct {
  KitLetterPreview *preview;
  KitRenderer *before;
} RendererWait;

static gboolean
renderer_replaced (gpointer data)
{
  RendererWait *wait = data;

  return kit_letter_preview_get_renderer (wait->preview) != wait->before;
}

START_TEST (test_request_letter_after_a_change)
{
  g_autoptr(KitChild) child = kit_child_new ();
  g_autoptr(KitArrangement) arrangement = NULL;
  g_autoptr(GListModel) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (tmpdir, "request.pdf", NULL);
  g_autofree char *refused_pdf = g_build_filename (tmpdir, "refused.pdf", NULL);
  g_autofree char *wording = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file_name = NULL;
  AdwMessageDialog *offer;
  GtkWidget *dialog, *to_row;
  GListModel *to_model;
  KitChildPage *page;
  KitStore *store;
  gint64 coordinator_id;
  gsize length = 0;
  guint nobody_at = G_MAXUINT;

  create_record ();
  page = child_page ();
  store = kit_child_page_get_store (page);
  ck_assert (store != NULL);
  coordinator_id = save_person (store, "Sarah Hughes", "Northshire Adoption Agency\n1 High Street\nNorthtown\nNT1 1AA");
  save_person (store, "Dee Nowhere", "");
  kit_child_set_name (child, "Amelia");
  kit_child_set_date_of_birth (child, "2016-04-02");
  ck_assert_msg (kit_store_save_child (store, child, &error), "save child: %s",
                 error ? error->message : "?");
  gtk_widget_activate_action (kit_window_get_page (window, "main"), "main.show-child", "x",
                              kit_child_get_id (child));
  arrangement = new_arrangement (store, page, kit_child_get_id (child), coordinator_id);

  /* A change with no reason: the request for reasons is offered first. */
  change_without_reason (page, arrangement);
  ck_assert_msg (kit_ui_wait_until (question_shown, NULL, WAIT_SECONDS), "no letter was offered");
  offer = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  ck_assert_str_eq (adw_message_dialog_get_default_response (offer), "request");
  ck_assert_msg (g_str_has_prefix (adw_message_dialog_get_body (offer),
                                   "No reason was given."),
                 "the offer says: %s", adw_message_dialog_get_body (offer));
  ck_assert_int_eq (adw_message_dialog_get_response_appearance (offer, "request"),
                    ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_response (offer, "request");
  dialog = find_toplevel (KIT_TYPE_LETTER_DIALOG);
  ck_assert_msg (dialog != NULL, "accepting the offer opened no letter");

  /* The pages, and the child's name in the words she can edit. */
  kit_ui_spin (0.2);
  ck_assert_uint_gt (kit_letter_preview_get_n_pages (
                       KIT_LETTER_PREVIEW (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "preview"))), 0);
  wording = text_view_text (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "text_view"));
  ck_assert_msg (strstr (wording, "Amelia") != NULL, "the wording has no child's name: %s", wording);
  file_name = kit_letter_dialog_default_file_name (KIT_LETTER_DIALOG (dialog));
  ck_assert_msg (g_str_has_prefix (file_name, "Request for reasons – Amelia – ") &&
                 g_str_has_suffix (file_name, ".pdf"), "file name '%s'", file_name);
  ck_assert_msg (kit_ui_has_shortcut (dialog, "<Control>p"), "no Ctrl+P in the letter dialog");
  ck_assert_msg (kit_ui_help_lists ("<Control>p"), "the shortcuts window doesn't list Ctrl+P");

  /* What she types reaches the pages after a pause. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                              child_of (dialog, KIT_TYPE_LETTER_DIALOG, "text_view")));
    KitLetterPreview *preview = KIT_LETTER_PREVIEW (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "preview"));
    /* Held, so a new renderer cannot be given the old one's address. */
    g_autoptr(KitRenderer) before = g_object_ref (kit_letter_preview_get_renderer (preview));
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, "\n\nPlease also send the minutes of the meeting.", -1);
    ck_assert_msg (kit_letter_preview_get_renderer (preview) == before,
                   "the pages were laid out again at once, not after a pause");
    ck_assert_msg (kit_ui_wait_until (renderer_replaced,
                                      &(RendererWait) { preview, before }, 10),
                   "the pages were not laid out again after she typed");
  }

  /* From her, and her name and address are not known yet: refused, and she can give them. */
  ck_assert (!kit_letter_dialog_save_pdf (KIT_LETTER_DIALOG (dialog), pdf, &error));
  ck_assert_msg (error != NULL && error->domain == KIT_LETTER_ERROR, "refused without a letter error");
  g_clear_error (&error);
  ck_assert_msg (refused (dialog), "the refusal is not shown in the dialog");
  ck_assert_msg (gtk_widget_get_visible (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "fix_button")),
                 "the refusal '%s' offers no way to put it right", refusal_text (dialog));
  ck_assert (!g_file_test (pdf, G_FILE_TEST_EXISTS));
  give_my_details (dialog);
  kit_ui_spin (0.2);

  /* Saved as a PDF: a real PDF with the child's name, and kept. */
  ck_assert_msg (kit_letter_dialog_save_pdf (KIT_LETTER_DIALOG (dialog), pdf, &error),
                 "save as PDF: %s", error ? error->message : "?");
  ck_assert_msg (!refused (dialog), "a refusal is still shown: %s", refusal_text (dialog));
  ck_assert (g_file_get_contents (pdf, &contents, &length, NULL));
  ck_assert_msg (length > 4 && memcmp (contents, "%PDF", 4) == 0, "not a PDF");
  text = pdf_text (pdf);
  ck_assert_msg (strstr (text, "Amelia") != NULL, "pdftotext shows no child's name:\n%s", text);
  ck_assert_msg (strstr (text, "Jane Wilson") != NULL, "pdftotext shows no sender:\n%s", text);
  ck_assert_msg (strstr (text, "minutes of the meeting") != NULL,
                 "what she typed is not in the PDF:\n%s", text);
  kept = kit_store_list_letters (store, kit_child_get_id (child));
  ck_assert_uint_eq (g_list_model_get_n_items (kept), 1);

  /* Printed through GtkPrintOperation (to a file: there is no printer here) on US Letter. */
  {
    g_autofree char *printed = g_build_filename (tmpdir, "printed.pdf", NULL);
    g_autofree char *printed_text = NULL;
    g_autofree char *info = NULL;
    const char *argv[] = { "pdfinfo", printed, NULL };

    gtk_drop_down_set_selected (GTK_DROP_DOWN (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "paper_dropdown")), 1);
    ck_assert_int_eq (kit_document_get_paper (kit_letter_dialog_get_document (KIT_LETTER_DIALOG (dialog))),
                      KIT_PAPER_LETTER);
    ck_assert_msg (kit_letter_dialog_print_to_file (KIT_LETTER_DIALOG (dialog), printed, &error),
                   "print: %s", error ? error->message : "?");
    printed_text = pdf_text (printed);
    ck_assert_msg (strstr (printed_text, "Amelia") != NULL && strstr (printed_text, "minutes of the meeting") != NULL,
                   "the printed letter says:\n%s", printed_text);
    ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info,
                             NULL, NULL, NULL));
    ck_assert_msg (strstr (info, "612 x 792") != NULL, "not printed on US Letter:\n%s", info);
    g_clear_object (&kept);
    kept = kit_store_list_letters (store, kit_child_get_id (child));
    ck_assert_uint_eq (g_list_model_get_n_items (kept), 2);
  }

  /* The child's page lists it, to print again. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child_of (page, KIT_TYPE_CHILD_PAGE, "view_stack")),
                                         "letters");
  {
    GtkListBox *list = GTK_LIST_BOX (child_of (page, KIT_TYPE_CHILD_PAGE, "letters_list"));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

    ck_assert_msg (row != NULL && gtk_widget_get_visible (GTK_WIDGET (list)),
                   "the child's page lists no letter");
    ck_assert_msg (ADW_IS_ACTION_ROW (row) &&
                   strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Request") != NULL,
                   "the letter listed is not the request");
    ck_assert_msg (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "To Sarah Hughes") != NULL,
                   "the letter listed doesn't say to whom: %s",
                   adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
    ck_assert (!gtk_widget_get_visible (child_of (page, KIT_TYPE_CHILD_PAGE, "letters_empty")));
  }

  /* Print again: the letter as it was kept, in a dialog of its own; nothing new is kept. */
  {
    g_autoptr(KitLetterRecord) letter = g_list_model_get_item (kept, 0);
    g_autofree char *again_pdf = g_build_filename (tmpdir, "again.pdf", NULL);
    g_autofree char *again_text = NULL;
    g_autoptr(GListModel) still = NULL;
    GtkWidget *again;

    gtk_widget_activate_action (GTK_WIDGET (page), "child.print-again", "x",
                                kit_letter_record_get_id (letter));
    again = other_letter_dialog (dialog);
    ck_assert_msg (again != NULL, "Print again opened nothing");
    ck_assert (!gtk_widget_get_visible (child_of (again, KIT_TYPE_LETTER_DIALOG, "edit_pane")));
    g_free (file_name);
    file_name = kit_letter_dialog_default_file_name (KIT_LETTER_DIALOG (again));
    ck_assert_msg (g_str_has_prefix (file_name, "Request for reasons – Amelia – ") &&
                   strchr (file_name, ':') == NULL, "file name '%s'", file_name);
    ck_assert_msg (kit_letter_dialog_save_pdf (KIT_LETTER_DIALOG (again), again_pdf, &error),
                   "print again as PDF: %s", error ? error->message : "?");
    again_text = pdf_text (again_pdf);
    ck_assert_msg (strstr (again_text, "minutes of the meeting") != NULL,
                   "the letter printed again is not the one kept:\n%s", again_text);
    still = kit_store_list_letters (store, kit_child_get_id (child));
    ck_assert_uint_eq (g_list_model_get_n_items (still), 2);
    gtk_window_destroy (GTK_WINDOW (again));
  }

  /* To someone with no address: refused in plain words, naming her, and no file. */
  to_row = child_of (dialog, KIT_TYPE_LETTER_DIALOG, "to_row");
  to_model = adw_combo_row_get_model (ADW_COMBO_ROW (to_row));
  for (guint i = 0; i < g_list_model_get_n_items (to_model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (to_model), i), "Dee Nowhere"))
      nobody_at = i;
  ck_assert_msg (nobody_at != G_MAXUINT, "Dee Nowhere is not in the To list");
  adw_combo_row_set_selected (ADW_COMBO_ROW (to_row), nobody_at);
  ck_assert (!kit_letter_dialog_save_pdf (KIT_LETTER_DIALOG (dialog), refused_pdf, &error));
  ck_assert_msg (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NO_ADDRESS),
                 "not refused for the address: %s", error ? error->message : "?");
  ck_assert_msg (refused (dialog), "the refusal is not shown in the dialog");
  ck_assert_msg (strstr (refusal_text (dialog), "Dee Nowhere") != NULL,
                 "the refusal doesn't name her: %s", refusal_text (dialog));
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "fix_button"))),
                    "_Add the address");
  ck_assert (!g_file_test (refused_pdf, G_FILE_TEST_EXISTS));
  g_clear_object (&kept);
  kept = kit_store_list_letters (store, kit_child_get_id (child));
  ck_assert_uint_eq (g_list_model_get_n_items (kept), 2);

  /* Easy read is another wording: her edits would go, so she is asked first. */
  gtk_switch_set_active (GTK_SWITCH (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "easy_switch")), TRUE);
  {
    GtkWidget *question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    ck_assert_msg (question != NULL &&
                   strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)),
                           "easy read") != NULL,
                   "easy read was about to drop her edits without asking");
    ck_assert (!gtk_switch_get_active (GTK_SWITCH (child_of (dialog, KIT_TYPE_LETTER_DIALOG,
                                                             "easy_switch"))));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
    g_free (wording);
    wording = text_view_text (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "text_view"));
    ck_assert_msg (strstr (wording, "minutes of the meeting") != NULL,
                   "her edit went though she kept it");
    ck_assert (!kit_document_get_easy_read (kit_letter_dialog_get_document (KIT_LETTER_DIALOG (dialog))));
    kit_ui_spin (0.2);
    gtk_switch_set_active (GTK_SWITCH (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "easy_switch")),
                           TRUE);
    question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    ck_assert (question != NULL);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "rewrite");
    kit_ui_spin (0.2);
  }
  ck_assert (gtk_switch_get_active (GTK_SWITCH (child_of (dialog, KIT_TYPE_LETTER_DIALOG,
                                                          "easy_switch"))));
  g_free (wording);
  wording = text_view_text (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "text_view"));
  ck_assert_msg (strstr (wording, "minutes of the meeting") == NULL, "her edit is still there");
  ck_assert_msg (gtk_widget_get_visible (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "note_label")),
                 "switching to easy read dropped her edits without saying so");
  ck_assert (kit_document_get_easy_read (kit_letter_dialog_get_document (KIT_LETTER_DIALOG (dialog))));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Each entry of the history offers both letters in its menu. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child_of (page, KIT_TYPE_CHILD_PAGE, "view_stack")),
                                         "history");
  {
    GtkWidget *history = child_of (page, KIT_TYPE_CHILD_PAGE, "history_view");
    g_autoptr(GString) kinds = g_string_new (NULL);
    KitChangeRow *row;
    GtkMenuButton *menu;

    ck_assert_msg (kit_ui_wait_until (change_row_shown, history, WAIT_SECONDS), "no history entry shown");
    row = first_change_row (history);
    menu = GTK_MENU_BUTTON (child_of (row, KIT_TYPE_CHANGE_ROW, "menu_button"));
    gtk_menu_button_popup (menu);
    ck_assert (gtk_menu_button_get_menu_model (menu) != NULL);
    collect_letters (gtk_menu_button_get_menu_model (menu),
                     kit_change_get_id (kit_change_row_get_change (row)), kinds);
    gtk_menu_button_popdown (menu);
    ck_assert_str_eq (kinds->str, "request explanation ");
  }

  /* An arrangement never reviewed offers, on its card, to ask for a review. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child_of (page, KIT_TYPE_CHILD_PAGE, "view_stack")),
                                         "now");
  {
    GtkListBox *cards = GTK_LIST_BOX (child_of (page, KIT_TYPE_CHILD_PAGE, "arrangements_list"));
    GtkListBoxRow *card_row = gtk_list_box_get_row_at_index (cards, 0);
    GtkWidget *review;

    ck_assert_msg (card_row != NULL, "no arrangement card");
    review = child_of (gtk_list_box_row_get_child (card_row), KIT_TYPE_ARRANGEMENT_CARD, "review_button");
    ck_assert_msg (gtk_widget_is_visible (review), "the card doesn't offer to ask for a review");
    click (review);
  }
  dialog = find_toplevel (KIT_TYPE_LETTER_DIALOG);
  ck_assert_msg (dialog != NULL, "no letter asking for a review");
  g_free (wording);
  wording = text_view_text (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "text_view"));
  ck_assert_msg (strstr (wording, "review") != NULL && strstr (wording, "Amelia") != NULL,
                 "the review letter says: %s", wording);

  /* Locking closes the letter and its Save as PDF chooser: nothing of hers stays on screen. */
  gtk_widget_activate_action (dialog, "letter.save-pdf", NULL);
  kit_ui_spin (0.3);
  ck_assert_msg (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL, "Save as PDF showed no chooser");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  kit_ui_assert_page ("unlock");
  kit_ui_spin (0.3);
  ck_assert_msg (find_toplevel (KIT_TYPE_LETTER_DIALOG) == NULL, "the letter stayed open when locked");
  ck_assert_msg (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL,
                 "the chooser stayed open when locked");
}
END_TEST

/* The recovery sheet; then an arrangement with nobody to write to: refused,
 * and she is helped to add someone. */
START_TEST (test_nobody_to_write_to)
{
  g_autoptr(KitChild) child = kit_child_new ();
  g_autoptr(KitArrangement) arrangement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (tmpdir, "review.pdf", NULL);
  GtkWidget *dialog, *person_dialog;
  KitChildPage *page;
  KitStore *store;

  create_record_printing_sheet (TRUE);
  page = child_page ();
  store = kit_child_page_get_store (page);
  kit_child_set_name (child, "Noah");
  ck_assert (kit_store_save_child (store, child, NULL));
  ck_assert (kit_store_set_me (store, "Jane Wilson", "4 Mill Lane\nLeeds", NULL));
  gtk_widget_activate_action (kit_window_get_page (window, "main"), "main.show-child", "x",
                              kit_child_get_id (child));
  arrangement = new_arrangement (store, page, kit_child_get_id (child), 0);

  gtk_widget_activate_action (GTK_WIDGET (page), "child.write-letter", "(sx)", "review",
                              kit_arrangement_get_id (arrangement));
  dialog = find_toplevel (KIT_TYPE_LETTER_DIALOG);
  ck_assert_msg (dialog != NULL, "no letter asking for a review");
  ck_assert (!kit_letter_dialog_save_pdf (KIT_LETTER_DIALOG (dialog), pdf, &error));
  ck_assert (!g_file_test (pdf, G_FILE_TEST_EXISTS));
  ck_assert_msg (refused (dialog) && strstr (refusal_text (dialog), "nobody") != NULL,
                 "the refusal says: %s", refusal_text (dialog));
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "fix_button"))),
                    "_Add someone to People");
  gtk_widget_activate_action (dialog, "letter.fix", NULL);
  person_dialog = find_toplevel (KIT_TYPE_PERSON_DIALOG);
  ck_assert_msg (person_dialog != NULL, "the button opened no way to add someone");
  gtk_window_destroy (GTK_WINDOW (person_dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

/* In a window 360 px wide, on a screen no taller than it, the letter and the
 * report open no bigger than the window: the switch between the words and
 * the preview (under the buttons) is on screen, and shows the preview.
 * Closing a letter whose wording she changed asks first. */
START_TEST (test_narrow_letter)
{
  g_autoptr(KitChild) child = kit_child_new ();
  g_autoptr(KitArrangement) arrangement = NULL;
  GtkWidget *dialog, *question;
  KitChildPage *page;
  KitStore *store;
  gint64 coordinator_id;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  create_record ();
  page = child_page ();
  store = kit_child_page_get_store (page);
  coordinator_id = save_person (store, "Sarah Hughes", "1 High Street\nNorthtown");
  kit_child_set_name (child, "Noah");
  ck_assert (kit_store_save_child (store, child, NULL));
  gtk_widget_activate_action (kit_window_get_page (window, "main"), "main.show-child", "x",
                              kit_child_get_id (child));
  arrangement = new_arrangement (store, page, kit_child_get_id (child), coordinator_id);
  kit_ui_spin (0.3);

  for (guint i = 0; i < 2; i++)
    {
      int width = 0, height = 0;

      if (i == 0)
        gtk_widget_activate_action (GTK_WIDGET (page), "child.write-letter", "(sx)", "review",
                                    kit_arrangement_get_id (arrangement));
      else
        gtk_widget_activate_action (GTK_WIDGET (page), "child.history-report", NULL);
      dialog = find_toplevel (KIT_TYPE_LETTER_DIALOG);
      ck_assert_msg (dialog != NULL, "nothing opened (%u)", i);
      gtk_window_get_default_size (GTK_WINDOW (dialog), &width, &height);
      ck_assert_msg (width <= 360 && height <= 640,
                     "the %s opens %d x %d px over a 360 x 640 px window",
                     i == 0 ? "letter" : "report", width, height);
      if (i == 0)
        {
          kit_ui_spin (0.3);
          ck_assert (gtk_revealer_get_reveal_child (
                       GTK_REVEALER (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "switch_revealer"))));
          gtk_toggle_button_set_active (
            GTK_TOGGLE_BUTTON (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "show_preview_button")),
            TRUE);
          ck_assert_str_eq (adw_leaflet_get_visible_child_name (
                              ADW_LEAFLET (child_of (dialog, KIT_TYPE_LETTER_DIALOG, "leaflet"))),
                            "preview");
          /* Her own wording, not yet printed or saved: closing asks first. */
          gtk_text_buffer_insert_at_cursor (
            gtk_text_view_get_buffer (GTK_TEXT_VIEW (child_of (dialog, KIT_TYPE_LETTER_DIALOG,
                                                               "text_view"))),
            "Please reply by Friday. ", -1);
          gtk_window_close (GTK_WINDOW (dialog));
          kit_ui_spin (0.2);
          ck_assert_msg (find_toplevel (KIT_TYPE_LETTER_DIALOG) == dialog,
                         "the letter closed with her changes, without asking");
          question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
          ck_assert_msg (question != NULL, "closing the edited letter asked nothing");
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "keep");
          kit_ui_spin (0.2);
          ck_assert (find_toplevel (KIT_TYPE_LETTER_DIALOG) == dialog);
          gtk_window_close (GTK_WINDOW (dialog));
          question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
          ck_assert (question != NULL);
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "leave");
        }
      else
        /* Nothing of hers to lose: it closes at once. */
        gtk_window_close (GTK_WINDOW (dialog));
      kit_ui_spin (0.2);
      ck_assert_msg (find_toplevel (KIT_TYPE_LETTER_DIALOG) == NULL, "the %s did not close",
                     i == 0 ? "letter" : "report");
    }
}
END_TEST

static Suite *
letters_suite (void)
{
  Suite *suite = suite_create ("letters");
  TCase *tc = tcase_create ("dialog");

  tcase_add_checked_fixture (tc, setup, kit_ui_teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_request_letter_after_a_change);
  tcase_add_test (tc, test_nobody_to_write_to);
  tcase_add_test (tc, test_narrow_letter);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "test-letters: no display (DISPLAY is not set). Run it under "
                       "xvfb-run -a, as `meson test --suite ui` does; it is not skipped.\n");
      return EXIT_FAILURE;
    }
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("KIT_KDF_MINIMAL", "1", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  g_setenv ("KIT_TODAY", "2026-11-23", FALSE);

  runner = srunner_create (letters_suite ());
  srunner_set_fork_status (runner, g_getenv ("CK_FORK") != NULL ? CK_FORK_GETENV : CK_FORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
