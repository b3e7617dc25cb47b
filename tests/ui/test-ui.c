/* test-ui.c — drives the real widgets under Xvfb: create a record, lock it,
 * unlock with a wrong then the right passphrase; a damaged file says so
 * and its latest backup opens. */
#include "config.h"

#include <check.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "kit-application.h"
#include "kit-create-page.h"
#include "kit-passphrase-strength.h"
#include "kit-recovery-key-page.h"
#include "kit-secure.h"
#include "kit-unlock-page.h"
#include "kit-vault.h"
#include "kit-window.h"
#include "kit-ui-test.h"

#define PASSPHRASE "blue kettle on a rainy tuesday"
#define WAIT_SECONDS 60

/* Helpers */

static gboolean
widget_visible (gpointer widget)
{
  return gtk_widget_get_visible (GTK_WIDGET (widget));
}

static void
click (GtkWidget *button)
{
  ck_assert_msg (gtk_widget_is_sensitive (button), "button is not sensitive");
  g_signal_emit_by_name (button, "clicked");
}

static void
setup (void)
{
  kit_ui_setup ("kit-ui-XXXXXX");
}

/* Tests */

START_TEST (test_create_lock_unlock)
{
  g_autofree char *path = g_build_filename (tmpdir, "Test record.kit", NULL);
  GtkWidget *pass_row, *confirm_row, *create_button, *match_label, *recovery_switch;
  GtkWidget *key_label, *saved_check, *continue_button;
  GtkWidget *unlock_row, *unlock_button, *message_label, *damaged_box;

  ck_assert_str_eq (kit_window_get_page_name (window), "welcome");

  /* Create */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  kit_ui_assert_page ("create");
  kit_create_page_set_path (KIT_CREATE_PAGE (kit_window_get_page (window, "create")), path);

  pass_row = kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "passphrase_row");
  confirm_row = kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "confirm_row");
  create_button = kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "create_button");
  match_label = kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "match_label");
  recovery_switch = kit_ui_child ("create", KIT_TYPE_CREATE_PAGE, "recovery_switch");

  ck_assert (!gtk_widget_is_sensitive (create_button));
  ck_assert (gtk_switch_get_active (GTK_SWITCH (recovery_switch)));
  gtk_editable_set_text (GTK_EDITABLE (pass_row), PASSPHRASE);
  gtk_editable_set_text (GTK_EDITABLE (confirm_row), "blue kettle");
  ck_assert_msg (!gtk_widget_is_sensitive (create_button), "Create allowed with a mismatch");
  ck_assert (gtk_widget_get_visible (match_label));
  gtk_editable_set_text (GTK_EDITABLE (confirm_row), PASSPHRASE);
  ck_assert (!gtk_widget_get_visible (match_label));
  click (create_button);

  /* Recovery key */
  kit_ui_assert_page ("recovery-key");
  ck_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  key_label = kit_ui_child ("recovery-key", KIT_TYPE_RECOVERY_KEY_PAGE, "key_label");
  saved_check = kit_ui_child ("recovery-key", KIT_TYPE_RECOVERY_KEY_PAGE, "saved_check");
  continue_button = kit_ui_child ("recovery-key", KIT_TYPE_RECOVERY_KEY_PAGE, "continue_button");
  ck_assert_msg (strlen (gtk_label_get_label (GTK_LABEL (key_label))) >= 40,
                 "recovery key too short: '%s'", gtk_label_get_label (GTK_LABEL (key_label)));
  ck_assert_msg (!gtk_widget_is_sensitive (continue_button),
                 "Continue enabled before the checkbox");
  g_signal_emit_by_name (continue_button, "clicked");
  kit_ui_spin (0.2);
  ck_assert_str_eq (kit_window_get_page_name (window), "recovery-key");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (saved_check), TRUE);
  ck_assert (gtk_widget_is_sensitive (continue_button));
  click (continue_button);

  /* Main page, then lock */
  kit_ui_assert_page ("main");
  ck_assert_ptr_nonnull (kit_window_get_vault (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  kit_ui_assert_page ("unlock");
  ck_assert_ptr_null (kit_window_get_vault (window));

  /* Wrong passphrase */
  unlock_row = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "passphrase_row");
  unlock_button = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "unlock_button");
  message_label = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "message_label");
  damaged_box = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "damaged_box");
  gtk_editable_set_text (GTK_EDITABLE (unlock_row), "red kettle on a sunny monday");
  click (unlock_button);
  ck_assert_msg (kit_ui_wait_until (widget_visible, message_label, WAIT_SECONDS),
                 "no message after a wrong passphrase");
  ck_assert_str_eq (gtk_label_get_label (GTK_LABEL (message_label)),
                    "That passphrase didn't open this record. Please try again.");
  ck_assert (!gtk_widget_get_visible (damaged_box));
  kit_ui_spin (0.2);
  ck_assert_str_eq (kit_window_get_page_name (window), "unlock");
  ck_assert_ptr_null (kit_window_get_vault (window));

  /* Right passphrase */
  gtk_editable_set_text (GTK_EDITABLE (unlock_row), PASSPHRASE);
  click (unlock_button);
  kit_ui_assert_page ("main");
  ck_assert_ptr_nonnull (kit_window_get_vault (window));
  ck_assert_str_eq (kit_vault_get_path (kit_window_get_vault (window)), path);
}
END_TEST

START_TEST (test_damaged_record)
{
  g_autofree char *path = g_build_filename (tmpdir, "Damaged.kit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  KitKdfParams kdf;
  GtkWidget *unlock_row, *unlock_button, *message_label, *damaged_box, *damaged_label;

  kit_kdf_params_minimal (&kdf);
  vault = kit_vault_create (path, PASSPHRASE, &kdf, NULL, &error);
  ck_assert_msg (vault != NULL, "create: %s", error ? error->message : "?");
  ck_assert (kit_vault_close (vault, TRUE, NULL));
  g_clear_object (&vault);

  /* Overwrite one byte in the middle of the file. */
  ck_assert (g_file_get_contents (path, &data, &len, NULL));
  ck_assert_uint_gt (len, 100);
  data[len / 2] ^= 0x5a;
  ck_assert (g_file_set_contents (path, data, len, NULL));

  kit_window_open_record (window, path);
  kit_ui_assert_page ("unlock");
  unlock_row = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "passphrase_row");
  unlock_button = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "unlock_button");
  message_label = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "message_label");
  damaged_box = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "damaged_box");
  damaged_label = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "damaged_label");

  gtk_editable_set_text (GTK_EDITABLE (unlock_row), PASSPHRASE);
  click (unlock_button);
  ck_assert_msg (kit_ui_wait_until (widget_visible, damaged_box, WAIT_SECONDS),
                 "no damaged message (message shown: '%s')",
                 gtk_label_get_label (GTK_LABEL (message_label)));
  ck_assert_msg (!gtk_widget_get_visible (message_label),
                 "a second message is shown: '%s'",
                 gtk_label_get_label (GTK_LABEL (message_label)));
  ck_assert_ptr_nonnull (strstr (gtk_label_get_label (GTK_LABEL (damaged_label)), "damaged"));
  ck_assert_ptr_null (strstr (gtk_label_get_label (GTK_LABEL (damaged_label)), "didn't open"));
  kit_ui_spin (0.2);
  ck_assert_str_eq (kit_window_get_page_name (window), "unlock");
  ck_assert_ptr_null (kit_window_get_vault (window));
}
END_TEST

START_TEST (test_damaged_record_opens_backup)
{
  g_autofree char *path = g_build_filename (tmpdir, "With backup.kit", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  KitKdfParams kdf;
  GtkWidget *unlock_row, *unlock_button, *damaged_box, *backup_button;
  KitVault *opened;

  kit_kdf_params_minimal (&kdf);
  vault = kit_vault_create (path, PASSPHRASE, &kdf, NULL, &error);
  ck_assert_msg (vault != NULL, "create: %s", error ? error->message : "?");
  /* A second save keeps the first file as today's backup. */
  ck_assert_msg (kit_vault_save (vault, &error), "save: %s", error ? error->message : "?");
  ck_assert (kit_vault_close (vault, TRUE, NULL));
  g_clear_object (&vault);
  backups = kit_vault_list_backups (path);
  ck_assert_msg (backups != NULL && backups->len > 0, "no backup was kept");

  ck_assert (g_file_get_contents (path, &data, &len, NULL));
  data[len / 2] ^= 0x5a;
  ck_assert (g_file_set_contents (path, data, len, NULL));

  kit_window_open_record (window, path);
  kit_ui_assert_page ("unlock");
  unlock_row = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "passphrase_row");
  unlock_button = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "unlock_button");
  damaged_box = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "damaged_box");
  backup_button = kit_ui_child ("unlock", KIT_TYPE_UNLOCK_PAGE, "backup_button");

  gtk_editable_set_text (GTK_EDITABLE (unlock_row), PASSPHRASE);
  click (unlock_button);
  ck_assert (kit_ui_wait_until (widget_visible, damaged_box, WAIT_SECONDS));
  ck_assert_msg (gtk_widget_get_visible (backup_button), "no backup offered");
  click (backup_button);
  kit_ui_assert_page ("main");
  opened = kit_window_get_vault (window);
  ck_assert_ptr_nonnull (opened);
  ck_assert_str_eq (kit_vault_get_path (opened), g_ptr_array_index (backups, 0));
}
END_TEST

START_TEST (test_strength_hint)
{
  ck_assert_int_eq (kit_passphrase_strength (""), KIT_STRENGTH_EMPTY);
  ck_assert_int_eq (kit_passphrase_strength ("cat"), KIT_STRENGTH_SHORT);
  ck_assert_int_eq (kit_passphrase_strength ("aaaaaaaaaaaaaaaa"), KIT_STRENGTH_SHORT);
  ck_assert_int_eq (kit_passphrase_strength ("kettle rain"), KIT_STRENGTH_GOOD);
  ck_assert_int_eq (kit_passphrase_strength (PASSPHRASE), KIT_STRENGTH_STRONG);
  ck_assert_str_eq (kit_passphrase_strength_hint (KIT_STRENGTH_SHORT),
                    "Short — try a few more words");
}
END_TEST

static Suite *
ui_suite (void)
{
  Suite *suite = suite_create ("ui");
  TCase *tc = tcase_create ("pages");
  TCase *pure = tcase_create ("pure");

  tcase_add_checked_fixture (tc, setup, kit_ui_teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_create_lock_unlock);
  tcase_add_test (tc, test_damaged_record);
  tcase_add_test (tc, test_damaged_record_opens_backup);
  suite_add_tcase (suite, tc);
  tcase_add_test (pure, test_strength_hint);
  suite_add_tcase (suite, pure);
  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "test-ui: no display (DISPLAY is not set). Run it under "
                       "xvfb-run -a, as `meson test --suite ui` does; it is not skipped.\n");
      return EXIT_FAILURE;
    }
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("KIT_KDF_MINIMAL", "1", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);

  runner = srunner_create (ui_suite ());
  srunner_set_fork_status (runner, CK_FORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
