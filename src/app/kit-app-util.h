/* kit-app-util.h — small helpers the pages share: KDF cost for tests,
 * record display names and plain-words messages for record errors. */
#pragma once

#include <gtk/gtk.h>

#include <glib.h>

#include "kit-record-format.h"
#include "kit-store.h"

G_BEGIN_DECLS

/* NULL (tune on this machine), or the lowest cost when the test-only
 * environment variable KIT_KDF_MINIMAL=1 is set; @buf holds the result. */
const KitKdfParams *kit_app_kdf_params (KitKdfParams *buf);

/* "My record" for "/home/x/Documents/My record.kit". */
char *kit_app_record_display_name (const char *path);

/* A short, plain sentence for an error from opening a record. */
char *kit_app_open_error_message (const GError *error);

/* A short, plain sentence for an error from saving a record. */
char *kit_app_save_error_message (const GError *error);

/* "6 years old", "10 months old", "Under a month old" for a child born on
 * @birth (ISO) as of @today (ISO, NULL: today); NULL when not known. */
char *kit_app_age_text (const char *birth, const char *today);

/* Give every AdwPreferencesRow under @widget its title as its accessible
 * name (GTK 4.8 names a row only when told). */
void kit_app_name_rows (GtkWidget *widget);

/* Ctrl+Return (and Ctrl+Enter on the keypad) activate @action_name on
 * @dialog wherever the focus is, even in a multi-line text view, which
 * would otherwise take the key first. */
void kit_app_add_save_shortcut (GtkWidget *dialog, const char *action_name);

/* Make @page follow @store: let go of the store in *@store_slot and of its
 * "changed" handler *@changed_id, then keep @store (NULL: none) and call
 * @on_changed (@page) on each of its "changed". */
void kit_app_follow_store (gpointer page, KitStore **store_slot, gulong *changed_id,
                           KitStore *store, GCallback on_changed);

/* For the dispose of a page whose template's top widget has no id:
 * gtk_widget_dispose_template () leaves it, so unparent what is left. */
void kit_app_unparent_children (GtkWidget *widget);

G_END_DECLS
