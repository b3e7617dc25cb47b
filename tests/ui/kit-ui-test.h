/* kit-ui-test.h — what the UI tests share: one application and window per
 * test, a scratch folder, and waiting on the main loop with a deadline. */
#pragma once

#include <gtk/gtk.h>

#include "kit-application.h"
#include "kit-window.h"

G_BEGIN_DECLS

/* Set by kit_ui_setup (), cleared by kit_ui_teardown (). */
extern KitApplication *app;
extern KitWindow *window;
extern char *tmpdir;

/* Check fixtures: a registered, non-unique application with its window on
 * the start page, and a fresh folder made from @tmp_template. */
void kit_ui_setup (const char *tmp_template);
void kit_ui_teardown (void);

typedef gboolean (*KitUiCondition) (gpointer data);

/* Spin the main loop until @cond holds (TRUE) or @seconds pass (FALSE). */
gboolean kit_ui_wait_until (KitUiCondition cond, gpointer data, double seconds);
/* Spin for a while so that anything that would happen, happens. */
void kit_ui_spin (double seconds);

gboolean kit_ui_page_is (gpointer name);
/* Fails the test unless the window reaches page @name within a minute. */
void kit_ui_assert_page (const char *name);
/* The template child @id of page @page_name (whose type is @type). */
GtkWidget *kit_ui_child (const char *page_name, GType type, const char *id);

/* What in @widget or below shows @needle (a label, an entry, a text view, a
 * drop-down's or combo row's list), described; NULL when nothing does. */
char *kit_ui_find_text (GtkWidget *widget, const char *needle);

/* Whether a shortcut controller of @widget (its class's bindings too) is
 * triggered by @accel, written as gtk_accelerator_name () does ("<Control>Return"). */
gboolean kit_ui_has_shortcut (GtkWidget *widget, const char *accel);
/* Whether the shortcuts window (ui/help-overlay.ui) lists @accel. */
gboolean kit_ui_help_lists (const char *accel);

G_END_DECLS
