/* kit-chain.h — the hash chain over each child's changes, so the history can
 * be shown not to have been altered since it was written. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define KIT_CHAIN_HASH_BYTES 32

/* The hash of change row @change_id given the previous hash in its child's
 * chain (@prev NULL for the first). Fills @out (KIT_CHAIN_HASH_BYTES). */
gboolean kit_chain_hash_change (sqlite3 *db, gint64 change_id, const guint8 *prev,
                                guint8 *out, GError **error);

/* Check every child's chain. On return *broken holds the names of children
 * whose history does not verify (empty when all is intact). */
gboolean kit_chain_verify (sqlite3 *db, GPtrArray **broken, GError **error);

G_END_DECLS
