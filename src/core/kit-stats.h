/* kit-stats.h — the counts shown at a glance and printed by `stats`. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* One JSON object of counts. With @review, only what Review together shows. */
char *kit_stats_json (sqlite3 *db, gboolean review, GError **error);

G_END_DECLS
