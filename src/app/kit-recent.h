/* kit-recent.h — the list of recently opened records kept in GSettings. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KIT_RECENT_MAX 10

/* Recent records that still exist, most recent first. */
GStrv kit_recent_list (GSettings *settings);
/* Put @path first (at most KIT_RECENT_MAX kept, missing files dropped) and
 * make it the last record. */
void kit_recent_add (GSettings *settings, const char *path);
/* The last record if it still exists, else NULL. */
char *kit_recent_get_last (GSettings *settings);

G_END_DECLS
