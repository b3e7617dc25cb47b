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

/* Check every child's chain and its anchor. On return *broken holds the
 * names of children whose history does not verify (empty when all is
 * intact): a row altered, removed or reordered, a child with entries but no
 * anchor or an anchor that is not its last entry, or an anchor with no
 * entries. */
gboolean kit_chain_verify (sqlite3 *db, GPtrArray **broken, GError **error);

/* The chain's anchor, outside the rows: meta 'chain-tail:<child_id>' holds
 * '<seq>:<64 hex digits of the last hash>', so that removing the newest
 * entries shows too. Written after each change appended (in the same
 * transaction); deleted when the child is deleted for good. */
gboolean kit_chain_write_anchor (sqlite3 *db, gint64 child_id, gint64 seq, const guint8 *hash,
                                 GError **error);
gboolean kit_chain_delete_anchor (sqlite3 *db, gint64 child_id, GError **error);

/* Like kit_chain_verify (), for one child (@child_id) or all (0), giving the
 * ids (gint64) of the children whose history does not verify. */
gboolean kit_chain_verify_ids (sqlite3 *db, gint64 child_id, GArray **broken_ids, GError **error);

G_END_DECLS
