/* test-diary.c — the diary through the real widgets under Xvfb: an entry
 * written in the real editor is saved as she types (a process killed two
 * seconds after the last keystroke still has it on disk); Review together
 * hides private entries from the list and shows its banner, a wrong
 * passphrase leaves it on, the right one turns it off, and it stays on
 * across a lock. Today is fixed with KIT_TODAY. */
#include "config.h"

#include <adwaita.h>
#include <check.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kit-arrangement.h"
#include "kit-change.h"
#include "kit-child.h"
#include "kit-diary-editor.h"
#include "kit-diary-model.h"
#include "kit-diary-page.h"
#include "kit-main-page.h"
#include "kit-review-dialog.h"
#include "kit-secure.h"
#include "kit-session.h"
#include "kit-store.h"
#include "kit-unlock-page.h"
#include "kit-vault.h"
#include "kit-window.h"
#include "kit-ui-test.h"

#define TODAY "2027-05-20"
#define PASSPHRASE "blue kettle on a rainy tuesday"
#define FIRST_PART "We played snap and she laughed at my bad cards."
#define LAST_WORDS "Before the bus she hugged me twice."

/* Helpers */

static void
create_record (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = NULL;
  KitKdfParams kdf;

  kit_kdf_params_minimal (&kdf);
  vault = kit_vault_create (path, PASSPHRASE, &kdf, NULL, &error);
  ck_assert_msg (vault != NULL, "create: %s", error ? error->message : "?");
  ck_assert (kit_vault_close (vault, TRUE, NULL));
}

static void
unlock_with_widgets (const char *path)
{
  GtkWidget *row, *button;

  kit_window_open_record (window, path);
  kit_ui_assert_page ("unlock");
  row = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "passphrase_row");
  button = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "unlock_button");
  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  g_signal_emit_by_name (button, "clicked");
  kit_ui_assert_page ("main");
}

static KitMainPage *
main_page (void)
{
  return KIT_MAIN_PAGE (kit_window_get_page (window, "main"));
}

static KitDiaryPage *
diary_page (void)
{
  return kit_main_page_get_diary_page (main_page ());
}

static void
show_diary (void)
{
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.show-diary", NULL));
  kit_ui_spin (0.2);
  ck_assert_str_eq (kit_main_page_get_shown (main_page ()), "diary");
  ck_assert_ptr_nonnull (kit_diary_page_get_model (diary_page ()));
}

static guint
n_listed (void)
{
  GListModel *model = kit_diary_page_get_model (diary_page ());

  ck_assert_ptr_nonnull (model);
  return kit_diary_model_get_n_entries (KIT_DIARY_MODEL (model));
}

static GtkWidget *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

static gboolean
window_gone (gpointer type)
{
  return find_window ((GType) GPOINTER_TO_SIZE (type)) == NULL;
}

static GtkWidget *
part (GtkWidget *widget, GType type, const char *id)
{
  GObject *object = gtk_widget_get_template_child (widget, type, id);

  ck_assert_msg (object != NULL, "no template child %s", id);
  return GTK_WIDGET (object);
}

static GtkWidget *
open_new_entry (void)
{
  GtkWidget *editor;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (diary_page ()), "diary.new-entry", NULL));
  editor = find_window (KIT_TYPE_DIARY_EDITOR);
  ck_assert_msg (editor != NULL, "diary.new-entry opened no editor");
  return editor;
}

/* Type @text at the end of the editor's text, as the keyboard would. */
static void
type_body (GtkWidget *editor, const char *text)
{
  GtkTextBuffer *buffer =
    gtk_text_view_get_buffer (GTK_TEXT_VIEW (part (editor, KIT_TYPE_DIARY_EDITOR, "body_view")));
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, text, -1, TRUE);
}

static void
type_row (GtkWidget *editor, const char *id, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (part (editor, KIT_TYPE_DIARY_EDITOR, id)), text);
}

static gboolean
editor_saved (gpointer editor)
{
  return g_strcmp0 (kit_diary_editor_get_state_text (editor), "Saved") == 0;
}

static GtkToggleButton *
feeling_button (GtkWidget *editor, const char *code)
{
  GtkWidget *box = part (editor, KIT_TYPE_DIARY_EDITOR, "feelings_box");

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "kit-code"), code) == 0)
        return GTK_TOGGLE_BUTTON (button);
    }
  ck_abort_msg ("no button for the feeling %s", code);
  return NULL;
}

static gint64
add_entry (KitStore *store, const char *title, const char *body, gboolean shared)
{
  g_autoptr(KitDiaryEntry) entry = kit_diary_entry_new ();
  g_autoptr(GError) error = NULL;

  kit_diary_entry_set_date (entry, "2027-05-01");
  kit_diary_entry_set_title (entry, title);
  kit_diary_entry_set_body (entry, body);
  kit_diary_entry_set_shared (entry, shared);
  ck_assert_msg (kit_store_save_diary_entry (store, entry, &error), "save: %s",
                 error ? error->message : "?");
  return kit_diary_entry_get_id (entry);
}

/* Whether the saved record at @path holds @text in an entry or a draft. */
static gboolean
record_holds (const char *path, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = kit_vault_open (path, PASSPHRASE, &error);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  ck_assert_msg (vault != NULL, "open: %s", error ? error->message : "?");
  ck_assert_int_eq (sqlite3_prepare_v2 (kit_vault_get_db (vault),
                                        "SELECT body FROM diary_entries "
                                        "UNION ALL SELECT body FROM diary_drafts",
                                        -1, &stmt, NULL), SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (strstr ((const char *) sqlite3_column_text (stmt, 0), text) != NULL)
      found = TRUE;
  sqlite3_finalize (stmt);
  kit_vault_close (vault, TRUE, NULL);
  return found;
}

/* The writer: a second process of this program (run with --writer RECORD)
 * opens the record in a real window, writes an entry in the real editor,
 * says "typed" after its last keystroke and goes on running until killed. */

/* Check's asserts only work inside a test, so the writer says what went
 * wrong on standard error and exits. */
static void
writer_check (gboolean ok, const char *what)
{
  if (!ok)
    {
      fprintf (stderr, "writer: %s\n", what);
      exit (3);
    }
}

static int
run_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *editor, *row, *title, *body;
  GtkTextIter end;
  GtkTextBuffer *buffer;

  writer_check (kit_secure_init (&error), "kit_secure_init");
  app = kit_application_new (0);
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  writer_check (g_application_register (G_APPLICATION (app), NULL, &error), "register");
  window = kit_window_new (GTK_APPLICATION (app), kit_application_get_settings (app));
  gtk_window_present (GTK_WINDOW (window));

  kit_window_open_record (window, path);
  writer_check (kit_ui_wait_until (kit_ui_page_is, (gpointer) "unlock", 60), "no unlock page");
  row = GTK_WIDGET (gtk_widget_get_template_child (kit_window_get_page (window, "unlock"),
                                                   KIT_TYPE_UNLOCK_PAGE, "passphrase_row"));
  gtk_editable_set_text (GTK_EDITABLE (row), PASSPHRASE);
  g_signal_emit_by_name (gtk_widget_get_template_child (kit_window_get_page (window, "unlock"),
                                                        KIT_TYPE_UNLOCK_PAGE, "unlock_button"),
                         "clicked");
  writer_check (kit_ui_wait_until (kit_ui_page_is, (gpointer) "main", 60), "not unlocked");
  writer_check (gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.show-diary", NULL),
                "no diary");
  kit_ui_spin (0.2);
  writer_check (gtk_widget_activate_action (GTK_WIDGET (diary_page ()), "diary.new-entry", NULL),
                "no new entry");
  editor = find_window (KIT_TYPE_DIARY_EDITOR);
  writer_check (editor != NULL, "no editor");
  title = GTK_WIDGET (gtk_widget_get_template_child (editor, KIT_TYPE_DIARY_EDITOR, "title_row"));
  body = GTK_WIDGET (gtk_widget_get_template_child (editor, KIT_TYPE_DIARY_EDITOR, "body_view"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));

  gtk_editable_set_text (GTK_EDITABLE (title), "Saturday at the park");
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, FIRST_PART, -1, TRUE);
  writer_check (kit_ui_wait_until (editor_saved, editor, 10), "not saved as typed");
  /* More, and then nothing more: the kill comes two seconds later. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, "\n" LAST_WORDS, -1, TRUE);
  printf ("typed\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

/* Fixtures */

static char *record;

static void
setup (void)
{
  g_setenv ("KIT_TODAY", TODAY, TRUE);
  kit_ui_setup ("kit-diary-XXXXXX");
  record = g_build_filename (tmpdir, "diary.kit", NULL);
  create_record (record);
}

static void
teardown (void)
{
  g_clear_pointer (&record, g_free);
  kit_ui_teardown ();
}

/* Tests */

/* Written in the real editor, killed two seconds after the last keystroke:
 * the record on disk has every word. */
START_TEST (test_killed_while_writing)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self_exe, "--writer", record, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;
  int out_fd = -1;
  FILE *out;
  char line[64] = "";
  int status = 0;

  ck_assert_ptr_nonnull (self_exe);
  ck_assert_msg (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error),
                 "spawn: %s", error ? error->message : "?");
  out = fdopen (out_fd, "r");
  ck_assert_msg (fgets (line, sizeof line, out) != NULL && g_str_has_prefix (line, "typed"),
                 "the writer stopped before typing (got \"%s\")", line);
  g_usleep (2 * G_USEC_PER_SEC);
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
  fclose (out);
  g_spawn_close_pid (pid);
  ck_assert (WIFSIGNALED (status));

  ck_assert_msg (record_holds (record, FIRST_PART), "the saved entry is not in the record");
  ck_assert_msg (record_holds (record, LAST_WORDS),
                 "the last words, typed two seconds before the kill, are lost");
}
END_TEST

/* The editor saves as she types, with no Save button; a date in the future
 * is refused beside the field and what she wrote is kept as a draft. */
START_TEST (test_editor_saves_as_she_types)
{
  KitStore *store;
  GtkWidget *editor, *date_error;
  g_autoptr(GArray) drafts = NULL;

  unlock_with_widgets (record);
  store = kit_window_get_store (window);
  show_diary ();
  ck_assert_uint_eq (n_listed (), 0);

  editor = open_new_entry ();
  /* Nothing typed: nothing saved, not even a draft. */
  kit_ui_spin (1.5);
  ck_assert_uint_eq (kit_store_count_diary (store, NULL), 0);

  type_row (editor, "title_row", "After contact");
  type_body (editor, FIRST_PART);
  gtk_toggle_button_set_active (feeling_button (editor, "sad"), TRUE);
  ck_assert_msg (kit_ui_wait_until (editor_saved, editor, 10), "not saved as she typed");
  ck_assert_uint_eq (kit_store_count_diary (store, NULL), 1);
  ck_assert_uint_eq (n_listed (), 1);
  {
    g_autoptr(KitDiaryEntry) entry =
      kit_store_find_diary_entry (store, kit_diary_editor_get_entry_id (KIT_DIARY_EDITOR (editor)));

    ck_assert_ptr_nonnull (entry);
    ck_assert_str_eq (kit_diary_entry_get_body (entry), FIRST_PART);
    ck_assert_str_eq (kit_diary_entry_get_date (entry), TODAY);
    ck_assert (kit_diary_entry_has_feeling (entry, "sad"));
    ck_assert (!kit_diary_entry_get_shared (entry));
  }

  /* A date emptied: asked for, not called wrong. */
  date_error = part (editor, KIT_TYPE_DIARY_EDITOR, "date_error");
  type_row (editor, "date_row", "");
  kit_ui_spin (1.5);
  ck_assert (gtk_widget_get_visible (date_error));
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (date_error)), "Please type the date.");

  /* A date in the future: said beside the date, and kept as a draft. */
  type_row (editor, "date_row", "1/1/2030");
  type_body (editor, " More.");
  kit_ui_spin (1.8);
  ck_assert (gtk_widget_get_visible (date_error));
  drafts = kit_store_list_diary_drafts (store);
  ck_assert_uint_eq (drafts->len, 1);
  ck_assert_str_eq (kit_diary_editor_get_state_text (KIT_DIARY_EDITOR (editor)),
                    "Kept as a draft, not yet in your diary");

  /* Put right: saved, the message and the draft gone. */
  type_row (editor, "date_row", "19/5/2027");
  ck_assert (kit_ui_wait_until (editor_saved, editor, 10));
  ck_assert (!gtk_widget_get_visible (date_error));
  g_clear_pointer (&drafts, g_array_unref);
  drafts = kit_store_list_diary_drafts (store);
  ck_assert_uint_eq (drafts->len, 0);

  gtk_window_close (GTK_WINDOW (editor));
  ck_assert (kit_ui_wait_until (window_gone, GSIZE_TO_POINTER (KIT_TYPE_DIARY_EDITOR), 10));
  ck_assert_uint_eq (kit_store_count_diary (store, NULL), 1);

  /* Ctrl+N on the diary, listed in the shortcuts window. */
  ck_assert (kit_ui_has_shortcut (GTK_WIDGET (diary_page ()), "<Control>n"));
  ck_assert (kit_ui_help_lists ("<Control>n"));
  ck_assert (kit_ui_help_lists ("<Control>f"));
}
END_TEST

static gboolean
review_is (gpointer on)
{
  KitStore *store = kit_window_get_store (window);

  return store != NULL && kit_store_get_review_mode (store) == GPOINTER_TO_INT (on);
}

static gboolean
dialog_has_error (gpointer dialog)
{
  return *kit_review_dialog_get_error (dialog) != '\0';
}

static void
search_for (const char *words)
{
  gtk_editable_set_text (GTK_EDITABLE (kit_diary_page_get_search_entry (diary_page ())), words);
  kit_ui_spin (0.6);
}

/* Review together hides private entries at once; turning it off asks for
 * the passphrase; it stays on across a lock. */
START_TEST (test_review_together)
{
  KitStore *store;
  GtkToggleButton *button;
  GtkWidget *dialog;

  unlock_with_widgets (record);
  store = kit_window_get_store (window);
  add_entry (store, "Private one", "A private thought about the meeting", FALSE);
  add_entry (store, "Private two", "Another private thought", FALSE);
  add_entry (store, "For the review", "Shared thought: contact went well", TRUE);
  show_diary ();
  kit_ui_spin (0.2);
  ck_assert_uint_eq (n_listed (), 3);
  ck_assert (!kit_diary_page_get_banner_shown (diary_page ()));

  /* What she searched her private diary for goes as Review together turns on. */
  search_for ("meeting");
  ck_assert_uint_eq (n_listed (), 1);
  button = kit_main_page_get_review_button (main_page ());
  gtk_toggle_button_set_active (button, TRUE);
  ck_assert (kit_ui_wait_until (review_is, GINT_TO_POINTER (TRUE), 5));
  kit_ui_spin (0.2);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (kit_diary_page_get_search_entry (
                      diary_page ()))), "");
  ck_assert_uint_eq (n_listed (), 1);
  ck_assert (kit_diary_page_get_banner_shown (diary_page ()));
  search_for ("private");
  ck_assert_uint_eq (n_listed (), 0);
  search_for ("thought");
  ck_assert_uint_eq (n_listed (), 1);
  search_for ("");

  /* Off asks first; a wrong passphrase leaves it on. */
  gtk_toggle_button_set_active (button, FALSE);
  kit_ui_spin (0.2);
  dialog = find_window (KIT_TYPE_REVIEW_DIALOG);
  ck_assert_msg (dialog != NULL, "turning it off asked for nothing");
  ck_assert (kit_store_get_review_mode (store));
  ck_assert (gtk_toggle_button_get_active (button));
  kit_review_dialog_submit (KIT_REVIEW_DIALOG (dialog), "not the passphrase");
  ck_assert (kit_ui_wait_until (dialog_has_error, dialog, 30));
  ck_assert (kit_store_get_review_mode (store));
  ck_assert_uint_eq (n_listed (), 1);

  kit_review_dialog_submit (KIT_REVIEW_DIALOG (dialog), PASSPHRASE);
  ck_assert (kit_ui_wait_until (review_is, GINT_TO_POINTER (FALSE), 30));
  ck_assert (kit_ui_wait_until (window_gone, GSIZE_TO_POINTER (KIT_TYPE_REVIEW_DIALOG), 5));
  kit_ui_spin (0.2);
  ck_assert (!gtk_toggle_button_get_active (button));
  ck_assert_uint_eq (n_listed (), 3);
  ck_assert (!kit_diary_page_get_banner_shown (diary_page ()));

  /* On again, then the record locks and unlocks: still on. */
  gtk_toggle_button_set_active (button, TRUE);
  ck_assert (kit_ui_wait_until (review_is, GINT_TO_POINTER (TRUE), 5));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  kit_ui_assert_page ("unlock");
  unlock_with_widgets (record);
  ck_assert (kit_store_get_review_mode (kit_window_get_store (window)));
  ck_assert (gtk_toggle_button_get_active (button));
  show_diary ();
  kit_ui_spin (0.2);
  ck_assert_uint_eq (n_listed (), 1);
  ck_assert (kit_diary_page_get_banner_shown (diary_page ()));
}
END_TEST

/* Locking while she types saves what she typed, before the record closes. */
START_TEST (test_lock_saves_at_once)
{
  GtkWidget *editor;
  KitStore *store;
  g_autoptr(KitDiaryEntry) entry = NULL;
  g_autoptr(GArray) ids = NULL;

  unlock_with_widgets (record);
  show_diary ();
  editor = open_new_entry ();
  type_row (editor, "title_row", "Just before the lock");
  type_body (editor, LAST_WORDS);
  /* No time for the autosave. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  kit_ui_assert_page ("unlock");
  ck_assert (window_gone (GSIZE_TO_POINTER (KIT_TYPE_DIARY_EDITOR)));
  ck_assert (record_holds (record, LAST_WORDS));

  unlock_with_widgets (record);
  store = kit_window_get_store (window);
  ids = kit_store_list_diary_ids (store, NULL, NULL, NULL);
  ck_assert_uint_eq (ids->len, 1);
  entry = kit_store_find_diary_entry (store, g_array_index (ids, gint64, 0));
  ck_assert_str_eq (kit_diary_entry_get_body (entry), LAST_WORDS);
}
END_TEST

static AdwMessageDialog *
find_question (void)
{
  return ADW_MESSAGE_DIALOG (find_window (ADW_TYPE_MESSAGE_DIALOG));
}

/* Deleting asks first, and can be undone from the toast. */
START_TEST (test_delete_and_undo)
{
  KitStore *store;
  GtkWidget *editor;
  AdwMessageDialog *question;
  gint64 id;

  unlock_with_widgets (record);
  store = kit_window_get_store (window);
  id = add_entry (store, "To be deleted", "Words that come back", FALSE);
  show_diary ();
  kit_diary_page_open_entry (diary_page (), id);
  editor = find_window (KIT_TYPE_DIARY_EDITOR);
  ck_assert_ptr_nonnull (editor);
  ck_assert (gtk_widget_activate_action (editor, "editor.delete", NULL));
  kit_ui_spin (0.2);
  question = find_question ();
  ck_assert_msg (question != NULL, "deleting asked nothing");
  adw_message_dialog_response (question, "cancel");
  kit_ui_spin (0.2);
  ck_assert_uint_eq (kit_store_count_diary (store, NULL), 1);

  ck_assert (gtk_widget_activate_action (editor, "editor.delete", NULL));
  kit_ui_spin (0.2);
  adw_message_dialog_response (find_question (), "remove");
  ck_assert (kit_ui_wait_until (window_gone, GSIZE_TO_POINTER (KIT_TYPE_DIARY_EDITOR), 5));
  ck_assert_uint_eq (kit_store_count_diary (store, NULL), 0);
  kit_ui_spin (0.2);
  ck_assert_uint_eq (n_listed (), 0);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-diary-entry",
                                         NULL));
  kit_ui_spin (0.2);
  ck_assert_uint_eq (kit_store_count_diary (store, NULL), 1);
  ck_assert_uint_eq (n_listed (), 1);
}
END_TEST

/* "Write about this session" opens a new entry about that child and
 * session; "Diary entries" on the child page shows only that child's. */
START_TEST (test_from_session_and_child)
{
  KitStore *store;
  g_autoptr(KitChild) child = kit_child_new ();
  g_autoptr(KitArrangement) arrangement = NULL;
  g_autoptr(KitChange) change = NULL;
  g_autoptr(KitSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KitDiaryEntry) entry = NULL;
  gint64 child_id, session_id;
  GtkWidget *editor;

  unlock_with_widgets (record);
  store = kit_window_get_store (window);
  kit_child_set_name (child, "Mia Jones");
  kit_child_set_date_of_birth (child, "2020-06-01");
  ck_assert_msg (kit_store_save_child (store, child, &error), "child: %s",
                 error ? error->message : "?");
  child_id = kit_child_get_id (child);
  arrangement = kit_arrangement_new (child_id);
  kit_arrangement_set_kind (arrangement, "video-call");
  kit_arrangement_set_freq_count (arrangement, 1);
  kit_arrangement_set_freq_unit (arrangement, "month");
  kit_arrangement_set_start_date (arrangement, "2025-01-01");
  kit_arrangement_set_status (arrangement, "active");
  change = kit_change_new (child_id, 0);
  kit_change_set_what_changed (change, "started");
  kit_change_set_effective_date (change, "2025-01-01");
  kit_change_set_decided_by (change, "court");
  kit_change_set_reason_given (change, "yes");
  ck_assert_msg (kit_store_record_change (store, change, arrangement, &error),
                 "arrangement: %s", error ? error->message : "?");
  session = kit_session_new (kit_arrangement_get_id (arrangement));
  kit_session_set_kind (session, "contact");
  kit_session_set_date (session, "2027-05-18");
  kit_session_set_status (session, "happened");
  ck_assert_msg (kit_store_save_session (store, session, &error), "session: %s",
                 error ? error->message : "?");
  session_id = kit_session_get_id (session);
  add_entry (store, "Not about Mia", "Another day", FALSE);

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.write-about-session",
                                         "(xx)", child_id, session_id));
  editor = find_window (KIT_TYPE_DIARY_EDITOR);
  ck_assert_ptr_nonnull (editor);
  type_body (editor, "She showed me her drawings.");
  ck_assert (kit_ui_wait_until (editor_saved, editor, 10));
  entry = kit_store_find_diary_entry (store, kit_diary_editor_get_entry_id (KIT_DIARY_EDITOR (editor)));
  ck_assert_int_eq (kit_diary_entry_get_child_id (entry), child_id);
  ck_assert_int_eq (kit_diary_entry_get_session_id (entry), session_id);
  gtk_window_close (GTK_WINDOW (editor));
  ck_assert (kit_ui_wait_until (window_gone, GSIZE_TO_POINTER (KIT_TYPE_DIARY_EDITOR), 5));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (main_page ()), "main.show-child-diary", "x",
                                         child_id));
  kit_ui_spin (0.3);
  ck_assert_str_eq (kit_main_page_get_shown (main_page ()), "diary");
  ck_assert_uint_eq (n_listed (), 1);
  ck_assert_uint_eq (kit_store_count_diary (store, NULL), 2);
}
END_TEST

/* An entry left unfinished is offered when the diary opens, and opens
 * where she left it. */
START_TEST (test_draft_offered)
{
  KitStore *store;
  g_autoptr(KitDiaryEntry) draft = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *revealer, *editor, *title;

  unlock_with_widgets (record);
  store = kit_window_get_store (window);
  draft = kit_diary_entry_new ();
  kit_diary_entry_set_date (draft, "2027-05-19");
  kit_diary_entry_set_title (draft, "Half written");
  ck_assert_msg (kit_store_save_diary_draft (store, draft, &error), "draft: %s",
                 error ? error->message : "?");
  show_diary ();
  revealer = part (GTK_WIDGET (diary_page ()), KIT_TYPE_DIARY_PAGE, "draft_revealer");
  ck_assert (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (diary_page ()), "diary.open-draft", NULL));
  editor = find_window (KIT_TYPE_DIARY_EDITOR);
  ck_assert_ptr_nonnull (editor);
  title = part (editor, KIT_TYPE_DIARY_EDITOR, "title_row");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (title)), "Half written");
  type_body (editor, FIRST_PART);
  ck_assert (kit_ui_wait_until (editor_saved, editor, 10));
  gtk_window_close (GTK_WINDOW (editor));
  ck_assert (kit_ui_wait_until (window_gone, GSIZE_TO_POINTER (KIT_TYPE_DIARY_EDITOR), 5));
  kit_ui_spin (0.3);
  ck_assert (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  ck_assert_uint_eq (n_listed (), 1);

  /* Dates typed the UK way filter; nonsense is said beside the field. */
  {
    GtkWidget *page = GTK_WIDGET (diary_page ());
    GtkWidget *from = part (page, KIT_TYPE_DIARY_PAGE, "from_entry");
    GtkWidget *to = part (page, KIT_TYPE_DIARY_PAGE, "to_entry");
    GtkWidget *to_error = part (page, KIT_TYPE_DIARY_PAGE, "to_error");

    gtk_editable_set_text (GTK_EDITABLE (from), "20/5/2027");
    kit_ui_spin (0.2);
    ck_assert_uint_eq (n_listed (), 0);
    gtk_editable_set_text (GTK_EDITABLE (from), "1/5/2027");
    gtk_editable_set_text (GTK_EDITABLE (to), "31/4/2027");
    kit_ui_spin (0.2);
    ck_assert (gtk_widget_get_visible (to_error));
    gtk_editable_set_text (GTK_EDITABLE (to), "30/4/2027");
    kit_ui_spin (0.2);
    ck_assert (gtk_widget_get_visible (to_error));
    gtk_editable_set_text (GTK_EDITABLE (to), "19/5/2027");
    kit_ui_spin (0.2);
    ck_assert (!gtk_widget_get_visible (to_error));
    ck_assert_uint_eq (n_listed (), 1);
  }
}
END_TEST

/* A long diary is given to the list view a part at a time, newest first, and
 * more as she scrolls; every entry can be reached. */
START_TEST (test_long_diary_grows_as_she_scrolls)
{
  KitStore *store;
  GtkWidget *list, *scroller;
  GListModel *shown;
  GtkAdjustment *adj;
  guint before;

  unlock_with_widgets (record);
  store = kit_window_get_store (window);
  for (int i = 0; i < 300; i++)
    {
      g_autoptr(KitDiaryEntry) entry = kit_diary_entry_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", 1 + i / 28, 1 + i % 28);
      g_autofree char *title = g_strdup_printf ("Entry %d", i);

      kit_diary_entry_set_date (entry, date);
      kit_diary_entry_set_title (entry, title);
      ck_assert_msg (kit_store_save_diary_entry (store, entry, &error), "save: %s",
                     error ? error->message : "?");
    }
  show_diary ();
  ck_assert_uint_eq (n_listed (), 300);
  list = part (GTK_WIDGET (diary_page ()), KIT_TYPE_DIARY_PAGE, "list_view");
  scroller = part (GTK_WIDGET (diary_page ()), KIT_TYPE_DIARY_PAGE, "scroller");
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  before = g_list_model_get_n_items (shown);
  ck_assert_uint_lt (before, 100);
  {
    g_autoptr(GObject) first = g_list_model_get_item (shown, 1);
    ck_assert (KIT_IS_DIARY_ENTRY (first));
    ck_assert_str_eq (kit_diary_entry_get_title (KIT_DIARY_ENTRY (first)), "Entry 299");
  }

  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  for (int round = 0; round < 20; round++)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      kit_ui_spin (0.1);
    }
  ck_assert_uint_gt (g_list_model_get_n_items (shown), before);
  ck_assert_uint_eq (g_list_model_get_n_items (shown),
                     g_list_model_get_n_items (kit_diary_page_get_model (diary_page ())));

  /* A new search starts from the newest rows again. */
  gtk_editable_set_text (GTK_EDITABLE (part (GTK_WIDGET (diary_page ()), KIT_TYPE_DIARY_PAGE,
                                             "search_entry")), "Entry");
  kit_ui_spin (0.6);
  ck_assert_uint_lt (g_list_model_get_n_items (shown), 100);
}
END_TEST

static Suite *
diary_suite (void)
{
  Suite *suite = suite_create ("diary");
  TCase *tc = tcase_create ("diary");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_killed_while_writing);
  tcase_add_test (tc, test_editor_saves_as_she_types);
  tcase_add_test (tc, test_review_together);
  tcase_add_test (tc, test_lock_saves_at_once);
  tcase_add_test (tc, test_delete_and_undo);
  tcase_add_test (tc, test_from_session_and_child);
  tcase_add_test (tc, test_draft_offered);
  tcase_add_test (tc, test_long_diary_grows_as_she_scrolls);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (int argc, char *argv[])
{
  SRunner *runner;
  int failed;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "test-diary: no display (DISPLAY is not set). Run it under "
                       "xvfb-run -a, as `meson test --suite ui` does; it is not skipped.\n");
      return EXIT_FAILURE;
    }
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("KIT_KDF_MINIMAL", "1", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);
  if (argc == 3 && g_strcmp0 (argv[1], "--writer") == 0)
    return run_writer (argv[2]);

  runner = srunner_create (diary_suite ());
  srunner_set_fork_status (runner, CK_FORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
