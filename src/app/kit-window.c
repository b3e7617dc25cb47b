/* kit-window.c — the main window: which page shows, the open record, saving and locking. */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-application.h"
#include "kit-create-page.h"
#include "kit-diary-editor.h"
#include "kit-due-notification.h"
#include "kit-letter-dialog.h"
#include "kit-lock-monitor.h"
#include "kit-main-page.h"
#include "kit-recent.h"
#include "kit-secure.h"
#include "kit-store.h"
#include "kit-recovery-key-page.h"
#include "kit-unlock-page.h"
#include "kit-welcome-page.h"
#include "kit-window.h"

#define SAVE_RETRY_SECONDS 30

struct _KitWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  KitWelcomePage *welcome_page;
  KitCreatePage *create_page;
  KitRecoveryKeyPage *recovery_key_page;
  KitUnlockPage *unlock_page;
  KitMainPage *main_page;

  GSettings *settings;
  KitLockMonitor *lock_monitor;
  KitVault *vault;
  KitStore *store;            /* over the vault's database while it is open */
  gulong store_changed_id;
  char *record_path;          /* the record shown on the unlock page */
  char *previous_page;        /* where "Back" goes from the create page */

  GCancellable *cancellable;
  gboolean saving;
  gboolean save_again;
  gboolean lock_after_save;
  guint save_retry_source;
  guint notify_source;
  guint open_tick_id;         /* waits for the opened record's first frame */
  guint open_ticks;
  GtkFileChooserNative *open_chooser;

  /* --measure-startup */
  gint64 measure_start_us;
  gint64 measure_child_us;
  gint64 key_derived_us;
  guint measure_ticks;
  char *measure_path;
  char *measure_passphrase;     /* sodium memory, until the first frame */
  gulong after_paint_id;
  GdkFrameClock *frame_clock;
};

G_DEFINE_FINAL_TYPE (KitWindow, kit_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_SETTINGS, N_PROPS };
static GParamSpec *properties[N_PROPS];

typedef struct
{
  KitWindow *window;
  KitVault *vault;
  gboolean overwrite;
} SaveData;

static void save_record (KitWindow *self, gboolean overwrite);

/* Pages */

static void
show_page (KitWindow *self, const char *name)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "create") == 0 && g_strcmp0 (current, "create") != 0)
    {
      g_free (self->previous_page);
      self->previous_page = g_strdup (current);
    }
  gtk_stack_set_visible_child_name (self->stack, name);
  if (g_strcmp0 (name, "unlock") == 0)
    kit_unlock_page_focus (self->unlock_page);
}

static void
update_recent (KitWindow *self)
{
  g_auto(GStrv) recent = kit_recent_list (self->settings);

  kit_welcome_page_set_recent (self->welcome_page, (const char * const *) recent);
}

static void
show_toast (KitWindow *self, const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_actions (KitWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", self->vault != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-remove-child",
                                 self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete-diary-entry",
                                 self->store != NULL);
}

/* The store */

static GApplication *
get_app (KitWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? G_APPLICATION (app) : NULL;
}

static void
on_store_changed (KitWindow *self, KitStore *store)
{
  save_record (self, FALSE);
}

/* Give the pages a store over the open record's database. */
static gboolean
attach_store (KitWindow *self, GError **error)
{
  g_autoptr(KitStore) store = kit_store_new (kit_vault_get_db (self->vault), error);

  if (store == NULL)
    return FALSE;
  self->store = g_steal_pointer (&store);
  self->store_changed_id = g_signal_connect_object (self->store, "changed",
                                                    G_CALLBACK (on_store_changed), self,
                                                    G_CONNECT_SWAPPED);
  kit_main_page_set_store (self->main_page, self->store);
  update_actions (self);
  return TRUE;
}

/* Removals still offered for undo become final, and what is being typed
 * in the diary is saved, so that the save that follows (on locking or
 * closing) holds them. */
static void
purge_removed (KitWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  g_signal_handler_block (self->store, self->store_changed_id);
  kit_diary_editor_save_all (GTK_WINDOW (self));
  if (!kit_store_purge_removed (self->store, &error))
    g_warning ("Removed children not yet deleted: %s", error->message);
  g_signal_handler_unblock (self->store, self->store_changed_id);
}

static gboolean
is_over (GtkWindow *window, GtkWindow *parent)
{
  for (GtkWindow *w = gtk_window_get_transient_for (window); w != NULL;
       w = gtk_window_get_transient_for (w))
    if (w == parent)
      return TRUE;
  return FALSE;
}

/* Forms and questions open over the record go when it locks: nothing about
 * her may show while locked, and none of them may write to a closed record. */
static void
close_dialogs (KitWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  g_autoptr(GPtrArray) over = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = toplevels; l != NULL; l = l->next)
    /* A file chooser belongs to its GtkFileChooserNative, which closes it. */
    if (GTK_IS_WINDOW (l->data) && !GTK_IS_FILE_CHOOSER (l->data) &&
        is_over (l->data, GTK_WINDOW (self)))
      g_ptr_array_add (over, g_object_ref (l->data));
  for (guint i = 0; i < over->len; i++)
    {
      g_autoptr(GList) still = gtk_window_list_toplevels ();

      /* One may have gone with another. */
      if (g_list_find (still, g_ptr_array_index (over, i)) != NULL)
        gtk_window_destroy (g_ptr_array_index (over, i));
    }
}

/* Say plainly, once, when a history has been changed since it was written. */
static void
report_broken_histories (KitWindow *self)
{
  g_autoptr(GPtrArray) names = kit_store_get_broken_histories (self->store);
  g_autofree char *text = NULL;

  if (names->len == 0)
    return;
  if (names->len == 1)
    text = g_strdup_printf (_("Part of %s's history has been changed since it was written."),
                            (const char *) names->pdata[0]);
  else
    text = g_strdup (_("Part of some children's histories has been changed since it was written."));
  show_toast (self, text);
}

/* Once the window has drawn: every child's history is checked, and the
 * notification of what is due goes out. Neither is needed for the first frame. */
static gboolean
after_first_frame (gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (user_data);

  self->notify_source = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;
  report_broken_histories (self);
  if (get_app (self) != NULL)
    kit_due_notification_send (get_app (self), self->store);
  return G_SOURCE_REMOVE;
}

/* The first tick comes before the opened record's first frame is drawn, the
 * second after it: only then is the idle work queued, so that it cannot
 * delay that frame. */
static gboolean
on_open_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (widget);

  if (++self->open_ticks < 2)
    return G_SOURCE_CONTINUE;
  self->open_tick_id = 0;
  self->notify_source = g_idle_add_full (G_PRIORITY_LOW, after_first_frame, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_first_frame (KitWindow *self)
{
  g_clear_handle_id (&self->notify_source, g_source_remove);
  if (self->open_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->open_tick_id);
  self->open_tick_id = 0;
}

static void
wait_for_first_frame (KitWindow *self)
{
  stop_waiting_for_first_frame (self);
  self->open_ticks = 0;
  self->open_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_open_tick, NULL, NULL);
}

/* Drop the store (before the vault closes its database under it). */
static void
detach_store (KitWindow *self)
{
  GApplication *app = get_app (self);

  if (self->store == NULL)
    return;
  close_dialogs (self);
  stop_waiting_for_first_frame (self);
  kit_main_page_set_store (self->main_page, NULL);
  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  if (app != NULL)
    kit_due_notification_withdraw (app);
  update_actions (self);
}

/* The open record */

/* Once a record has opened: keep it, and read it. FALSE (having closed it
 * again and said why) when its contents can't be read. */
static gboolean
set_vault (KitWindow *self, KitVault *vault, gboolean remember)
{
  const char *path = kit_vault_get_path (vault);
  g_autoptr(GError) error = NULL;

  detach_store (self);
  g_set_object (&self->vault, vault);
  if (!attach_store (self, &error))
    {
      /* Plain words on screen; the store's own go to the log. */
      const char *message = _("This record opened, but what is in it couldn't be read, so it "
                              "was closed again. Nothing in it was changed.");

      g_warning ("Reading the record failed: %s", error->message);
      kit_vault_close (vault, TRUE, NULL);
      g_clear_object (&self->vault);
      update_actions (self);
      if (self->measure_start_us > 0)
        {
          GApplication *app = get_app (self);

          g_printerr ("%s\n", message);
          if (KIT_IS_APPLICATION (app))
            kit_application_set_exit_status (KIT_APPLICATION (app), 1);
          if (app != NULL)
            g_application_quit (app);
          return FALSE;
        }
      show_toast (self, message);
      return FALSE;
    }
  if (path != self->record_path)
    {
      g_free (self->record_path);
      self->record_path = g_strdup (path);
    }
  kit_vault_set_backups_to_keep (vault, g_settings_get_uint (self->settings, "backups-to-keep"));
  if (remember)
    {
      kit_recent_add (self->settings, path);
      update_recent (self);
    }
  kit_main_page_set_record_path (self->main_page, path);
  kit_lock_monitor_set_active (self->lock_monitor, TRUE);
  update_actions (self);
  wait_for_first_frame (self);
  return TRUE;
}

/* After a record that was opened could not be read: back to its unlock page. */
static void
show_unreadable (KitWindow *self, const char *path)
{
  if (path != self->record_path)
    {
      g_free (self->record_path);
      self->record_path = g_strdup (path);
    }
  kit_unlock_page_set_path (self->unlock_page, self->record_path);
  show_page (self, "unlock");
}

static void
forget_vault (KitWindow *self)
{
  detach_store (self);
  g_clear_object (&self->vault);
  g_clear_handle_id (&self->save_retry_source, g_source_remove);
  self->save_again = FALSE;
  self->lock_after_save = FALSE;
  kit_lock_monitor_set_active (self->lock_monitor, FALSE);
  kit_recovery_key_page_set_key (self->recovery_key_page, NULL);
  update_actions (self);
}

/* Close the record now, saving it first. FALSE (with @error) when the save
 * failed; the record then stays open. */
static gboolean
close_vault (KitWindow *self, GError **error)
{
  if (self->vault == NULL)
    return TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->saving = FALSE;
  purge_removed (self);
  detach_store (self);
  if (!kit_vault_close (self->vault, FALSE, error))
    {
      /* Still open, so that nothing is lost: the pages get it back. */
      g_autoptr(GError) store_error = NULL;

      if (!attach_store (self, &store_error))
        g_warning ("The record stays open but can't be read: %s", store_error->message);
      return FALSE;
    }
  forget_vault (self);
  return TRUE;
}

static void
finish_lock (KitWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->lock_after_save = FALSE;
  if (!close_vault (self, &error))
    {
      g_autofree char *message = kit_app_save_error_message (error);

      show_toast (self, message);
      return;
    }
  kit_unlock_page_set_path (self->unlock_page, self->record_path);
  show_page (self, "unlock");
}

static void
lock_record (KitWindow *self)
{
  if (self->vault == NULL)
    return;
  self->lock_after_save = TRUE;
  purge_removed (self);
  save_record (self, FALSE);
}

/* Saving */

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->vault);
  g_free (data);
}

static gboolean
on_save_retry (gpointer user_data)
{
  KitWindow *self = user_data;

  self->save_retry_source = 0;
  save_record (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_changed_on_disk_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (user_data);

  if (g_strcmp0 (response, "overwrite") == 0)
    {
      save_record (self, TRUE);
      return;
    }
  if (self->lock_after_save)
    show_toast (self, _("Not saved yet, so the record stays open."));
  self->lock_after_save = FALSE;
}

static void
ask_changed_on_disk (KitWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("This record was changed by another program"),
                                              NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Since you opened it, the file was changed outside Keep in "
                                 "Touch — perhaps by a copy or sync program. Saving now would "
                                 "replace those changes with what you see here."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Not Now"),
                                    "overwrite", _("_Save Over It"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_on_disk_response), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SaveData *data = user_data;
  g_autoptr(KitWindow) self = g_object_ref (data->window);
  g_autoptr(GError) error = NULL;
  gboolean ok = kit_vault_save_finish (data->vault, result, &error);
  gboolean current = data->vault == self->vault;

  save_data_free (data);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !current)
    return;
  self->saving = FALSE;

  if (ok)
    {
      if (self->save_again)
        {
          self->save_again = FALSE;
          save_record (self, FALSE);
        }
      else if (self->lock_after_save)
        finish_lock (self);
      return;
    }

  self->save_again = FALSE;
  if (g_error_matches (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CHANGED_ON_DISK))
    {
      ask_changed_on_disk (self);
      return;
    }

  {
    g_autofree char *message = kit_app_save_error_message (error);

    g_warning ("Saving failed: %s", error->message);
    show_toast (self, message);
  }
  if (self->lock_after_save)
    show_toast (self, _("Because it isn't saved, the record stays open for now."));
  self->lock_after_save = FALSE;
  g_clear_handle_id (&self->save_retry_source, g_source_remove);
  self->save_retry_source = g_timeout_add_seconds (SAVE_RETRY_SECONDS, on_save_retry, self);
}

static void
save_record (KitWindow *self, gboolean overwrite)
{
  SaveData *data;

  if (self->vault == NULL)
    return;
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }
  g_clear_handle_id (&self->save_retry_source, g_source_remove);
  self->saving = TRUE;
  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->vault = g_object_ref (self->vault);
  data->overwrite = overwrite;
  kit_vault_save_async (self->vault, overwrite, self->cancellable, on_save_done, data);
}

/* --measure-startup */

/* The child with the most changes: the page DESIGN §8 times. */
static gint64
busiest_child (KitStore *store)
{
  GListModel *children = kit_store_get_children (store);
  gint64 best = 0;
  guint most = 0;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(KitChild) child = g_list_model_get_item (children, i);
      KitCounts counts;

      if (kit_store_get_counts (store, kit_child_get_id (child), &counts, NULL) &&
          (best == 0 || counts.changes > most))
        {
          best = kit_child_get_id (child);
          most = counts.changes;
        }
    }
  return best;
}

/* The last figure: the most memory the process has held (its peak RSS). */
static void
measure_done (KitWindow *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    g_print ("peak-rss-kb %ld\n", usage.ru_maxrss);
  fflush (stdout);
  if (app != NULL)
    g_application_quit (app);
}

static void
on_diary_page_painted (GdkFrameClock *clock, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (user_data);

  g_clear_signal_handler (&self->after_paint_id, clock);
  g_clear_object (&self->frame_clock);
  g_print ("diary-page-ms %" G_GINT64_FORMAT "\n",
           (g_get_monotonic_time () - self->measure_child_us) / 1000);
  measure_done (self);
}

/* Show the diary (its model is made as it first shows) and time it to its
 * first drawn frame. */
static void
measure_diary_page (KitWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->store == NULL || clock == NULL)
    {
      measure_done (self);
      return;
    }
  self->measure_child_us = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (self->main_page), "main.show-diary", NULL);
  self->frame_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (on_diary_page_painted), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->main_page));
}

static void
on_child_page_painted (GdkFrameClock *clock, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (user_data);

  g_clear_signal_handler (&self->after_paint_id, clock);
  g_clear_object (&self->frame_clock);
  g_print ("child-page-ms %" G_GINT64_FORMAT "\n",
           (g_get_monotonic_time () - self->measure_child_us) / 1000);
  fflush (stdout);
  measure_diary_page (self);
}

/* After the first frame: show the busiest child's page and time it to its
 * first drawn frame. FALSE when there is no child to show. */
static gboolean
measure_child_page (KitWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gint64 child_id = self->store != NULL ? busiest_child (self->store) : 0;

  if (child_id == 0 || clock == NULL)
    return FALSE;
  self->measure_child_us = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (self->main_page), "main.show-child", "x", child_id);
  self->frame_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (on_child_page_painted), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->main_page));
  return TRUE;
}

static void
on_measure_after_paint (GdkFrameClock *clock, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (user_data);
  gint64 now = g_get_monotonic_time ();

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->main_page)))
    return;
  g_clear_signal_handler (&self->after_paint_id, clock);
  g_clear_object (&self->frame_clock);

  g_print ("startup-ms %" G_GINT64_FORMAT "\n", (now - self->measure_start_us) / 1000);
  g_print ("after-unlock-ms %" G_GINT64_FORMAT "\n", (now - self->key_derived_us) / 1000);
  fflush (stdout);
  self->measure_start_us = 0;
  if (!measure_child_page (self))
    measure_diary_page (self);
}

static void
start_measuring_frame (KitWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL)
    {
      g_warning ("No frame clock; the window is not shown");
      return;
    }
  self->frame_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (on_measure_after_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->main_page));
}

/* KIT_DEBUG_PAGE=letter-request|letter-explanation|letter-review: the letter
 * dialog for the newest change of the first child. */
static void
show_debug_letter (KitWindow *self, const char *kind_name)
{
  g_autoptr(KitChild) child = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(KitChange) change = NULL;
  KitLetterRequest request;
  KitLetterKind kind;

  if (self->store == NULL || !kit_letter_kind_from_string (kind_name, &kind) ||
      g_list_model_get_n_items (kit_store_get_children (self->store)) == 0)
    return;
  child = g_list_model_get_item (kit_store_get_children (self->store), 0);
  changes = kit_store_list_changes (self->store, kit_child_get_id (child), 0);
  if (g_list_model_get_n_items (changes) == 0)
    return;
  change = g_list_model_get_item (changes, 0);
  kit_letter_request_init (&request, kind);
  request.change_id = kit_change_get_id (change);
  request.arrangement_id = kit_change_get_arrangement_id (change);
  gtk_window_present (GTK_WINDOW (kit_letter_dialog_new (GTK_WINDOW (self), self->store,
                                                         &request)));
}

/* Undocumented, for screenshots (with --passphrase-fd): KIT_DEBUG_PAGE=diary
 * shows the diary, diary-child the first child's entries (with the filters
 * shown), diary-editor opens a new entry over it, review turns
 * Review together on first; KIT_DEBUG_SEARCH=WORDS searches the diary. */
static void
show_debug_page (KitWindow *self)
{
  const char *page = g_getenv ("KIT_DEBUG_PAGE");

  if (g_str_has_prefix (page != NULL ? page : "", "letter-"))
    {
      show_debug_letter (self, page + strlen ("letter-"));
      return;
    }
  if (page == NULL || (!g_str_has_prefix (page, "diary") && g_strcmp0 (page, "review") != 0))
    return;
  if (g_strcmp0 (page, "review") == 0 && self->store != NULL)
    kit_store_set_review_mode (self->store, TRUE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (self->main_page), "main.show-diary", NULL);
  if (g_strcmp0 (page, "diary-child") == 0 && self->store != NULL &&
      g_list_model_get_n_items (kit_store_get_children (self->store)) > 0)
    {
      g_autoptr(KitChild) child = g_list_model_get_item (kit_store_get_children (self->store), 0);

      gtk_widget_activate_action (GTK_WIDGET (self->main_page), "main.show-child-diary", "x",
                                  kit_child_get_id (child));
    }
  if (g_strcmp0 (page, "diary-editor") == 0)
    gtk_widget_activate_action (GTK_WIDGET (kit_main_page_get_diary_page (self->main_page)),
                                "diary.new-entry", NULL);
  if (g_getenv ("KIT_DEBUG_SEARCH") != NULL)
    gtk_editable_set_text (GTK_EDITABLE (kit_diary_page_get_search_entry (
                             kit_main_page_get_diary_page (self->main_page))),
                           g_getenv ("KIT_DEBUG_SEARCH"));
}

static void
on_unlock_now_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(KitWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KitVault) vault = kit_vault_open_finish (result, &error);

  if (vault == NULL)
    {
      g_autofree char *message = kit_app_open_error_message (error);
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self->measure_start_us > 0)
        {
          g_printerr ("%s\n", message);
          if (KIT_IS_APPLICATION (app))
            kit_application_set_exit_status (KIT_APPLICATION (app),
                                             MAX (1, kit_record_error_exit_code (error)));
          g_application_quit (G_APPLICATION (app));
          return;
        }
      show_toast (self, message);
      return;
    }

  if (self->measure_start_us > 0)
    self->key_derived_us = kit_vault_get_key_ready_time (vault);
  if (!set_vault (self, vault, TRUE))
    {
      if (self->measure_start_us == 0)
        show_unreadable (self, kit_vault_get_path (vault));
      return;
    }
  show_page (self, "main");
  if (self->measure_start_us > 0)
    start_measuring_frame (self);
  else
    show_debug_page (self);
}

static void
start_unlock (KitWindow *self, const char *path, const char *passphrase)
{
  kit_vault_open_async (path, passphrase, self->cancellable, on_unlock_now_done,
                        g_object_ref (self));
}

/* Tick callbacks run as each frame begins: the second one means the first
 * frame has been drawn. */
static gboolean
on_measure_first_frame (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (widget);

  if (++self->measure_ticks < 2)
    return G_SOURCE_CONTINUE;
  start_unlock (self, self->measure_path, self->measure_passphrase);
  g_clear_pointer (&self->measure_path, g_free);
  g_clear_pointer (&self->measure_passphrase, kit_secret_free);
  return G_SOURCE_REMOVE;
}

/* Page signals */

static void
on_created (KitWindow *self, KitVault *vault, const char *recovery_key, KitCreatePage *page)
{
  if (!set_vault (self, vault, TRUE))
    {
      show_unreadable (self, kit_vault_get_path (vault));
      return;
    }
  if (recovery_key != NULL)
    {
      kit_recovery_key_page_set_key (self->recovery_key_page, recovery_key);
      show_page (self, "recovery-key");
    }
  else
    show_page (self, "main");
}

static void
on_recovery_key_done (KitWindow *self, KitRecoveryKeyPage *page)
{
  kit_recovery_key_page_set_key (self->recovery_key_page, NULL);
  show_page (self, self->vault != NULL ? "main" : "welcome");
}

static void
on_unlocked (KitWindow *self, KitVault *vault, gboolean from_backup, KitUnlockPage *page)
{
  if (!set_vault (self, vault, !from_backup))
    {
      show_unreadable (self, kit_vault_get_path (vault));
      return;
    }
  show_page (self, "main");
  if (from_backup)
    show_toast (self, _("The record file was damaged, so its latest backup that works is open."));
}

static void
on_lock_requested (KitWindow *self, const char *reason, KitLockMonitor *monitor)
{
  lock_record (self);
}

static gboolean
on_capture_event (GtkEventControllerLegacy *controller, GdkEvent *event, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (user_data);

  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
      kit_lock_monitor_note_activity (self->lock_monitor);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_settings_changed (GSettings *settings, const char *key, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (user_data);

  if (g_strcmp0 (key, "idle-lock-minutes") == 0)
    kit_lock_monitor_set_idle_minutes (self->lock_monitor,
                                       g_settings_get_uint (settings, "idle-lock-minutes"));
  else if (g_strcmp0 (key, "backups-to-keep") == 0 && self->vault != NULL)
    kit_vault_set_backups_to_keep (self->vault, g_settings_get_uint (settings, key));
}

/* Actions */

static gboolean
leave_open_record (KitWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (close_vault (self, &error))
    return TRUE;
  {
    g_autofree char *message = kit_app_save_error_message (error);

    show_toast (self, message);
  }
  return FALSE;
}

static void
new_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitWindow *self = KIT_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "create") == 0)
    return;
  if (!leave_open_record (self))
    return;
  kit_create_page_reset (self->create_page);
  show_page (self, "create");
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitWindow *self = KIT_WINDOW (widget);
  const char *target = self->previous_page;

  if (g_strcmp0 (target, "main") == 0 && self->vault == NULL)
    target = self->record_path != NULL ? "unlock" : "welcome";
  if (target == NULL || g_strcmp0 (target, "create") == 0 ||
      g_strcmp0 (target, "recovery-key") == 0)
    target = "welcome";
  if (g_strcmp0 (target, "unlock") == 0)
    kit_unlock_page_set_path (self->unlock_page, self->record_path);
  show_page (self, target);
}

static void
on_open_chooser_response (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        kit_window_open_record (self, path);
    }
  g_clear_object (&self->open_chooser);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitWindow *self = KIT_WINDOW (widget);
  g_autoptr(GtkFileFilter) records = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->open_chooser != NULL)
    return;
  self->open_chooser = gtk_file_chooser_native_new (_("Open a Record"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_chooser), TRUE);
  gtk_file_filter_set_name (records, _("Keep in Touch records"));
  gtk_file_filter_add_pattern (records, "*.kit");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), records);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->open_chooser), all);
  g_signal_connect_object (self->open_chooser, "response",
                           G_CALLBACK (on_open_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_chooser));
}

static void
open_path_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  kit_window_open_record (KIT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
lock_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  lock_record (KIT_WINDOW (widget));
}

/* The Undo of the toast after removing a child (the toast lives in the
 * window, outside the main page). */
static void
undo_remove_child_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  KitWindow *self = KIT_WINDOW (widget);

  kit_main_page_undo_remove_child (self->main_page, g_variant_get_int64 (parameter));
}

static void
undo_delete_diary_entry_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  kit_main_page_undo_delete_diary_entry (KIT_WINDOW (widget)->main_page);
}

/* Closing */

static void
on_close_anyway_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  KitWindow *self = KIT_WINDOW (user_data);

  if (g_strcmp0 (response, "overwrite") == 0 && self->vault != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!kit_vault_save_overwrite (self->vault, &error))
        {
          g_autofree char *message = kit_app_save_error_message (error);

          show_toast (self, message);
          return;
        }
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (g_strcmp0 (response, "discard") == 0 && self->vault != NULL)
    {
      detach_store (self);
      kit_vault_close (self->vault, TRUE, NULL);
      forget_vault (self);
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
ask_close_anyway (KitWindow *self, const GError *error)
{
  g_autofree char *body = kit_app_save_error_message (error);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Your record couldn't be saved"), body);
  gboolean changed = g_error_matches (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CHANGED_ON_DISK);

  if (changed)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("This record was changed by another program since you "
                                   "opened it. Save over those changes, or keep the window "
                                   "open for now?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Open"),
                                    "discard", _("_Close Without Saving"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  if (changed)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                       _("_Save Over It"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_anyway_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
kit_window_close_request (GtkWindow *window)
{
  KitWindow *self = KIT_WINDOW (window);
  g_autoptr(GError) error = NULL;
  int width = 0, height = 0;

  gtk_window_get_default_size (window, &width, &height);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (!close_vault (self, &error))
    {
      ask_close_anyway (self, error);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (kit_window_parent_class)->close_request (window);
}

/* GObject */

static void
kit_window_constructed (GObject *object)
{
  KitWindow *self = KIT_WINDOW (object);

  G_OBJECT_CLASS (kit_window_parent_class)->constructed (object);

  g_return_if_fail (G_IS_SETTINGS (self->settings));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  kit_lock_monitor_set_idle_minutes (self->lock_monitor,
                                     g_settings_get_uint (self->settings, "idle-lock-minutes"));
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
  update_recent (self);
}

static void
kit_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KitWindow *self = KIT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KitWindow *self = KIT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_window_dispose (GObject *object)
{
  KitWindow *self = KIT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    {
      /* Forms hold the store; none may outlive the record they write to. */
      close_dialogs (self);
      g_clear_signal_handler (&self->store_changed_id, self->store);
      if (self->main_page != NULL)
        kit_main_page_set_store (self->main_page, NULL);
      g_clear_object (&self->store);
    }
  if (self->vault != NULL)
    kit_vault_close (self->vault, TRUE, NULL);
  g_clear_object (&self->vault);
  g_clear_handle_id (&self->save_retry_source, g_source_remove);
  stop_waiting_for_first_frame (self);
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  g_clear_pointer (&self->measure_path, g_free);
  g_clear_pointer (&self->measure_passphrase, kit_secret_free);
  if (self->open_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_chooser));
  g_clear_object (&self->open_chooser);
  g_clear_object (&self->lock_monitor);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_WINDOW);
  G_OBJECT_CLASS (kit_window_parent_class)->dispose (object);
}

static void
kit_window_finalize (GObject *object)
{
  KitWindow *self = KIT_WINDOW (object);

  g_clear_object (&self->settings);
  g_free (self->record_path);
  g_free (self->previous_page);
  G_OBJECT_CLASS (kit_window_parent_class)->finalize (object);
}

static void
kit_window_class_init (KitWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kit_window_constructed;
  object_class->set_property = kit_window_set_property;
  object_class->get_property = kit_window_get_property;
  object_class->dispose = kit_window_dispose;
  object_class->finalize = kit_window_finalize;
  window_class->close_request = kit_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KIT_TYPE_WELCOME_PAGE);
  g_type_ensure (KIT_TYPE_CREATE_PAGE);
  g_type_ensure (KIT_TYPE_RECOVERY_KEY_PAGE);
  g_type_ensure (KIT_TYPE_UNLOCK_PAGE);
  g_type_ensure (KIT_TYPE_MAIN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KitWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KitWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KitWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, KitWindow, create_page);
  gtk_widget_class_bind_template_child (widget_class, KitWindow, recovery_key_page);
  gtk_widget_class_bind_template_child (widget_class, KitWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, KitWindow, main_page);
  gtk_widget_class_bind_template_callback (widget_class, on_created);
  gtk_widget_class_bind_template_callback (widget_class, on_recovery_key_done);
  gtk_widget_class_bind_template_callback (widget_class, on_unlocked);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-path", "s", open_path_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.undo-remove-child", "x",
                                   undo_remove_child_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-diary-entry", NULL,
                                   undo_delete_diary_entry_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.lock", NULL);
}

static void
kit_window_init (KitWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->lock_monitor = kit_lock_monitor_new ();
  g_signal_connect_object (self->lock_monitor, "lock-requested",
                           G_CALLBACK (on_lock_requested), self, G_CONNECT_SWAPPED);

  /* Any key, click or pointer move in the window restarts the idle time. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_capture_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_actions (self);
}

/* Public API */

KitWindow *
kit_window_new (GtkApplication *app, GSettings *settings)
{
  return g_object_new (KIT_TYPE_WINDOW, "application", app, "settings", settings, NULL);
}

void
kit_window_show_start (KitWindow *self)
{
  g_autofree char *last = NULL;
  const char *debug_page = g_getenv ("KIT_DEBUG_PAGE");

  g_return_if_fail (KIT_IS_WINDOW (self));

  /* Undocumented, for screenshots: show one page with sample content. */
  if (g_strcmp0 (debug_page, "create") == 0)
    {
      kit_create_page_reset (self->create_page);
      show_page (self, "create");
      return;
    }
  if (g_strcmp0 (debug_page, "recovery-key") == 0)
    {
      kit_recovery_key_page_set_key (self->recovery_key_page,
                                     "59FR-VCG3-A3JF-PJYE-K4DJ-QZ9Q-KF2P-4BJ1-7NXB-GG8V-6C3Y-D64Q-C4NG-TGD1");
      show_page (self, "recovery-key");
      return;
    }
  if (g_strcmp0 (debug_page, "welcome") != 0)
    last = kit_recent_get_last (self->settings);
  if (last != NULL)
    kit_window_open_record (self, last);
  else
    show_page (self, "welcome");
}

void
kit_window_open_record (KitWindow *self, const char *path)
{
  g_return_if_fail (KIT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->vault != NULL && g_strcmp0 (kit_vault_get_path (self->vault), path) == 0)
    {
      show_page (self, "main");
      return;
    }
  if (!leave_open_record (self))
    return;
  if (path != self->record_path)
    {
      g_free (self->record_path);
      self->record_path = g_strdup (path);
    }
  kit_unlock_page_set_path (self->unlock_page, path);
  show_page (self, "unlock");
}

void
kit_window_unlock_now (KitWindow *self, const char *path, const char *passphrase,
                       gint64 measure_start_us)
{
  g_return_if_fail (KIT_IS_WINDOW (self));
  g_return_if_fail (path != NULL && passphrase != NULL);

  kit_window_open_record (self, path);
  if (self->vault != NULL)
    return;
  self->measure_start_us = measure_start_us;
  if (measure_start_us == 0)
    {
      start_unlock (self, path, passphrase);
      return;
    }
  /* A person types the passphrase into a window that is already drawn, so
   * the timing starts the unlock only once the first frame is on screen. */
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_NONE);
  self->measure_path = g_strdup (path);
  self->measure_passphrase = kit_secret_new_normalized (passphrase);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), on_measure_first_frame, NULL, NULL);
}

KitVault *
kit_window_get_vault (KitWindow *self)
{
  g_return_val_if_fail (KIT_IS_WINDOW (self), NULL);
  return self->vault;
}

KitStore *
kit_window_get_store (KitWindow *self)
{
  g_return_val_if_fail (KIT_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
kit_window_get_page_name (KitWindow *self)
{
  g_return_val_if_fail (KIT_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
kit_window_get_page (KitWindow *self, const char *name)
{
  g_return_val_if_fail (KIT_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

KitLockMonitor *
kit_window_get_lock_monitor (KitWindow *self)
{
  g_return_val_if_fail (KIT_IS_WINDOW (self), NULL);
  return self->lock_monitor;
}

void
kit_window_save (KitWindow *self)
{
  g_return_if_fail (KIT_IS_WINDOW (self));
  save_record (self, FALSE);
}

void
kit_window_add_toast (KitWindow *self, AdwToast *toast)
{
  g_return_if_fail (KIT_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
