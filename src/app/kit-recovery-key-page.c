/* kit-recovery-key-page.c — shows a new record's recovery key once, to write down. */
#include "config.h"

#include "kit-app-util.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "kit-letter-dialog.h"
#include "kit-recovery-key-page.h"
#include "kit-report.h"
#include "kit-secure.h"
#include "kit-window.h"

#define GROUPS_PER_LINE 4

struct _KitRecoveryKeyPage
{
  GtkWidget parent_instance;

  GtkLabel *key_label;
  GtkButton *copy_button;
  GtkCheckButton *saved_check;
  GtkButton *continue_button;
  GtkButton *print_button;

  char *key;
};

G_DEFINE_FINAL_TYPE (KitRecoveryKeyPage, kit_recovery_key_page, GTK_TYPE_WIDGET)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_copy_clicked (KitRecoveryKeyPage *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GtkWidget *overlay;

  if (self->key == NULL)
    return;
  gdk_clipboard_set_text (clipboard, self->key);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (_("Recovery key copied")));
}

/* The same key on paper, drawn by the letters' renderer (DESIGN §5). */
static void
on_print_clicked (KitRecoveryKeyPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  KitVault *vault = KIT_IS_WINDOW (root) ? kit_window_get_vault (KIT_WINDOW (root)) : NULL;
  g_autofree char *name = vault != NULL ? kit_app_record_display_name (kit_vault_get_path (vault))
                                        : NULL;
  g_autoptr(KitDocument) sheet = NULL;

  if (self->key == NULL)
    return;
  sheet = kit_report_recovery_sheet (name != NULL ? name : "", self->key, NULL);
  if (sheet != NULL)
    gtk_window_present (GTK_WINDOW (kit_letter_dialog_new_for_document (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, sheet)));
}

static void
on_saved_toggled (KitRecoveryKeyPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->continue_button),
                            gtk_check_button_get_active (self->saved_check));
}

static void
on_continue_clicked (KitRecoveryKeyPage *self)
{
  if (!gtk_check_button_get_active (self->saved_check))
    return;
  g_signal_emit (self, signals[DONE], 0);
}

/* "AAAA-BBBB-…" laid out four groups to a line, so it reads and copies
 * onto paper easily at any width. */
static char *
format_for_display (const char *key)
{
  g_auto(GStrv) groups = g_strsplit (key, "-", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, i % GROUPS_PER_LINE == 0 ? "\n" : "-");
      g_string_append (text, groups[i]);
    }
  for (guint i = 0; groups[i] != NULL; i++)
    sodium_memzero (groups[i], strlen (groups[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_map (KitRecoveryKeyPage *self)
{
  /* Not the key label: focusing a selectable label selects all of it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->saved_check));
}

static void
kit_recovery_key_page_dispose (GObject *object)
{
  KitRecoveryKeyPage *self = KIT_RECOVERY_KEY_PAGE (object);

  g_clear_pointer (&self->key, kit_secure_free_string);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_RECOVERY_KEY_PAGE);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_recovery_key_page_parent_class)->dispose (object);
}

static void
kit_recovery_key_page_class_init (KitRecoveryKeyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_recovery_key_page_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/keepintouch/KeepInTouch/kit-recovery-key-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryKeyPage, key_label);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryKeyPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryKeyPage, saved_check);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryKeyPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, KitRecoveryKeyPage, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_saved_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_continue_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kit_recovery_key_page_init (KitRecoveryKeyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

GtkWidget *
kit_recovery_key_page_new (void)
{
  return g_object_new (KIT_TYPE_RECOVERY_KEY_PAGE, NULL);
}

void
kit_recovery_key_page_set_key (KitRecoveryKeyPage *self, const char *key)
{

  g_autofree char *display = NULL;

  g_return_if_fail (KIT_IS_RECOVERY_KEY_PAGE (self));

  g_clear_pointer (&self->key, kit_secure_free_string);
  self->key = g_strdup (key);
  display = key != NULL ? format_for_display (key) : NULL;
  gtk_label_set_label (self->key_label, display != NULL ? display : "");
  if (display != NULL)
    sodium_memzero (display, strlen (display));
  gtk_check_button_set_active (self->saved_check, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->continue_button), FALSE);
}
