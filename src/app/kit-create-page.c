/* kit-create-page.c — creating a new record: where, the passphrase, a recovery key. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-create-page.h"
#include "kit-passphrase-strength.h"
#include "kit-secure.h"

struct _KitCreatePage
{
  GtkWidget parent_instance;

  AdwActionRow *path_row;
  GtkButton *choose_button;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLevelBar *strength_bar;
  GtkLabel *strength_label;
  GtkLabel *match_label;
  GtkSwitch *recovery_switch;
  GtkLabel *error_label;
  GtkButton *create_button;
  GtkSpinner *spinner;
  GtkWidget *form_box;

  char *path;
  gboolean busy;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (KitCreatePage, kit_create_page, GTK_TYPE_WIDGET)

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_state (KitCreatePage *self)
{
  const char *pass = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  KitStrength strength = kit_passphrase_strength (pass);
  gboolean same = g_strcmp0 (pass, again) == 0;
  gboolean ready = strength != KIT_STRENGTH_EMPTY && same && self->path != NULL;

  gtk_label_set_label (self->strength_label, kit_passphrase_strength_hint (strength));
  gtk_level_bar_set_value (self->strength_bar, (double) strength);
  gtk_widget_set_visible (GTK_WIDGET (self->strength_bar), strength != KIT_STRENGTH_EMPTY);
  gtk_widget_set_visible (GTK_WIDGET (self->strength_label), strength != KIT_STRENGTH_EMPTY);
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), !same && *again != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), ready && !self->busy);
  gtk_widget_set_sensitive (self->form_box, !self->busy);
}

static void
set_busy (KitCreatePage *self, gboolean busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update_state (self);
}

static void
show_error (KitCreatePage *self, const char *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
suggest_path (void)
{
  const char *docs = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *folder = NULL;

  if (docs != NULL && g_file_test (docs, G_FILE_TEST_IS_DIR))
    folder = g_strdup (docs);
  else
    folder = g_build_filename (g_get_home_dir (), "Documents", NULL);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_free (folder);
      folder = g_strdup (g_get_home_dir ());
    }

  for (guint i = 1; i < 100; i++)
    {
      /* Translators: the default file name of a new record; %u is 2, 3… */
      g_autofree char *name = i == 1 ? g_strdup (_("My record.kit"))
                                     : g_strdup_printf (_("My record %u.kit"), i);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  return g_build_filename (folder, _("My record.kit"), NULL);
}

static void
on_passphrase_changed (KitCreatePage *self)
{
  show_error (self, NULL);
  update_state (self);
}

static void
on_chooser_response (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  KitCreatePage *self = KIT_CREATE_PAGE (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          if (!g_str_has_suffix (path, ".kit"))
            {
              char *with_suffix = g_strconcat (path, ".kit", NULL);

              g_free (path);
              path = with_suffix;
            }
          kit_create_page_set_path (self, path);
        }
    }
  g_clear_object (&self->chooser);
  g_object_unref (self);
}

static void
on_choose_clicked (KitCreatePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  g_autofree char *base = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Where to Keep the Record"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Keep in Touch records"));
  gtk_file_filter_add_pattern (filter, "*.kit");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (self->path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      folder = g_file_new_for_path (dir);
      base = g_path_get_basename (self->path);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), base);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_create_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(KitCreatePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery_key = NULL;
  g_autoptr(KitVault) vault = kit_vault_create_finish (result, &recovery_key, &error);

  set_busy (self, FALSE);
  if (vault == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_CANNOT_WRITE))
        message = g_strdup (_("The record couldn't be saved there. Please choose another "
                              "place, or check that the disk is not full."));
      else if (g_error_matches (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_INVALID))
        message = g_strdup (_("Please choose a passphrase."));
      else
        message = g_strdup_printf (_("The record couldn't be created. %s"), error->message);
      show_error (self, message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  g_signal_emit (self, signals[CREATED], 0, vault, recovery_key);
  if (recovery_key != NULL)
    kit_secure_free_string (g_steal_pointer (&recovery_key));
}

static void
on_create_clicked (KitCreatePage *self)
{
  const char *pass = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->confirm_row));
  KitKdfParams kdf_buf;

  if (self->busy || self->path == NULL)
    return;
  if (*pass == '\0' || g_strcmp0 (pass, again) != 0)
    {
      update_state (self);
      return;
    }
  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (self->path);
      g_autofree char *message =
        g_strdup_printf (_("There is already a file called “%s” there. "
                           "Please choose another name."), name);

      show_error (self, message);
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* The core copies the passphrase into locked memory at once. */
  kit_vault_create_async (self->path, pass, kit_app_kdf_params (&kdf_buf),
                          gtk_switch_get_active (self->recovery_switch), self->cancellable,
                          on_create_done, g_object_ref (self));
}

static void
kit_create_page_dispose (GObject *object)
{
  KitCreatePage *self = KIT_CREATE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_CREATE_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_create_page_parent_class)->dispose (object);
}

static void
kit_create_page_finalize (GObject *object)
{
  KitCreatePage *self = KIT_CREATE_PAGE (object);

  g_free (self->path);
  G_OBJECT_CLASS (kit_create_page_parent_class)->finalize (object);
}

static void
kit_create_page_class_init (KitCreatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_create_page_dispose;
  object_class->finalize = kit_create_page_finalize;

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, KIT_TYPE_VAULT,
                                   G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-create-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, path_row);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, choose_button);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, strength_bar);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, strength_label);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, match_label);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, recovery_switch);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, create_button);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, KitCreatePage, form_box);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_create_page_init (KitCreatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_LOW, 1.0);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 2.0);
  gtk_level_bar_add_offset_value (self->strength_bar, GTK_LEVEL_BAR_OFFSET_FULL, 3.0);
  /* Enter in the second field presses Create. */
  g_signal_connect_swapped (self->confirm_row, "entry-activated",
                            G_CALLBACK (on_create_clicked), self);
  kit_create_page_reset (self);
}

GtkWidget *
kit_create_page_new (void)
{
  return g_object_new (KIT_TYPE_CREATE_PAGE, NULL);
}

void
kit_create_page_reset (KitCreatePage *self)
{
  g_autofree char *path = suggest_path ();

  g_return_if_fail (KIT_IS_CREATE_PAGE (self));

  if (self->busy)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
  gtk_switch_set_active (self->recovery_switch, TRUE);
  show_error (self, NULL);
  kit_create_page_set_path (self, path);
}

void
kit_create_page_set_path (KitCreatePage *self, const char *path)
{
  g_autofree char *display = NULL;

  g_return_if_fail (KIT_IS_CREATE_PAGE (self));

  if (path != self->path)
    {
      g_free (self->path);
      self->path = g_strdup (path);
    }
  display = path != NULL ? g_filename_display_name (path) : g_strdup ("");
  adw_action_row_set_subtitle (self->path_row, display);
  show_error (self, NULL);
  update_state (self);
}

const char *
kit_create_page_get_path (KitCreatePage *self)
{
  g_return_val_if_fail (KIT_IS_CREATE_PAGE (self), NULL);
  return self->path;
}
