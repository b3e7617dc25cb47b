/* kit-bench.h — the benchmark record (DESIGN §8) and its timings. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum {
  KIT_BENCH_SMALL,
  KIT_BENCH_LARGE,
} KitBenchSize;

/* Fill an empty, migrated database with generated but realistic rows. */
gboolean kit_bench_fill (sqlite3 *db, KitBenchSize size, GError **error);

/* Build the benchmark record in @dir as bench.kit with @passphrase, time it
 * and print one "name value unit" line per figure to @out. */
gboolean kit_bench_run (KitBenchSize size, const char *dir, const char *passphrase,
                        GString *out, GError **error);

G_END_DECLS
