/* kit-confirm.h — asking before removing something, and telling her
 * plainly when an edit could not be made. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*KitConfirmFunc) (GtkWidget *widget, gint64 id);

/* Ask "@heading" with @body; on "Remove", call @func (@widget, @id). */
void kit_confirm_remove (GtkWidget *widget, const char *heading, const char *body,
                         KitConfirmFunc func, gint64 id);
/* A flat "⋯" button for a row whose menu offers Edit and Remove, activating
 * "@group.edit" and "@group.remove" (@group: a static string) with @id. */
GtkWidget *kit_confirm_row_menu_button (const char *group, gint64 id);

/* Show @message as a toast in the window, or in a message dialog when the
 * widget is not in the main window. */
void kit_confirm_show_error (GtkWidget *widget, const char *message);

G_END_DECLS
