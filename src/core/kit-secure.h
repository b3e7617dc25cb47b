/* kit-secure.h — process-wide protection: libsodium, a zeroing SQLite
 * allocator, no core dumps, and passphrase handling in locked memory. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call once before any record is touched (safe to call again). Initialises
 * libsodium, gives SQLite an allocator that wipes memory it frees, and makes
 * the process non-dumpable with no core files. Returns FALSE on failure. */
gboolean kit_secure_init (GError **error);

/* A NUL-terminated copy of @text in sodium_malloc memory, Unicode-normalised
 * to NFC so the same words typed on another keyboard give the same bytes.
 * Free with kit_secret_free(). Returns NULL if @text is not valid UTF-8. */
char *kit_secret_new_normalized (const char *text);
void  kit_secret_free (char *secret);

/* Wipe and free a g_malloc'd string (for GTK entry copies and the like). */
void kit_secure_free_string (char *text);

typedef char KitSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KitSecret, kit_secret_free)

G_END_DECLS
