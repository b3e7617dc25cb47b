/* kit-stats.h — the counts shown at a glance and printed by `stats`. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "kit-store.h"

G_BEGIN_DECLS

/* One JSON object of counts. With @review, only what Review together shows. */
char *kit_stats_json (sqlite3 *db, gboolean review, GError **error);

/* The counts of DESIGN §2 (see KitCounts) for one child or (@child_id 0)
 * all, ignoring children being removed. kit_store_get_counts () and `stats`
 * both use it, so the window and the CLI always agree. */
gboolean kit_stats_get_counts (sqlite3 *db, gint64 child_id, KitCounts *out, GError **error);

G_END_DECLS
