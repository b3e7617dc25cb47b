/* kit-schema.h — the database schema, built by numbered migrations. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "KITR" — lets a deserialized database prove it is one of ours. */
#define KIT_APPLICATION_ID 0x4b495452

/* The newest schema version this build knows. */
int kit_schema_latest_version (void);

/* Bring @db up to the latest version in one transaction per migration.
 * Refuses a database newer than this build (UNSUPPORTED_VERSION). */
gboolean kit_schema_migrate (sqlite3 *db, GError **error);

/* Apply the connection settings every record uses: temp_store=MEMORY,
 * defensive mode, trusted_schema=OFF, foreign keys. */
gboolean kit_schema_configure (sqlite3 *db, GError **error);

G_END_DECLS
