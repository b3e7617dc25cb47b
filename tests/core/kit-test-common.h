/* kit-test-common.h — helpers shared by the core test suites: temporary
 * folders, whole-file reads, table dumps, KDF replacements and error checks. */
#pragma once

#include <check.h>
#include <glib.h>
#include <sqlite3.h>

#include "kit-chain.h"
#include "kit-error.h"
#include "kit-io.h"
#include "kit-record-format.h"
#include "kit-schema.h"
#include "kit-secure.h"
#include "kit-vault.h"

#define KT_PASSPHRASE "correct horse battery staple"

/* kit_secure_init(), asserting it works. */
void kt_init (void);

/* A fresh empty folder under $TMPDIR, and its recursive removal. */
char *kt_tmpdir (void);
void kt_rmtree (const char *path);

/* Whole-file helpers (asserting success). */
GBytes *kt_read_file (const char *path);
void kt_write_file (const char *path, const void *data, gsize len);
gboolean kt_file_equals (const char *path, GBytes *expected);

/* Sorted names in @dir (empty array when it does not exist). */
GPtrArray *kt_list_dir (const char *dir);
/* TRUE when @dir holds nothing but @record's basename, its ".lock" and its
 * ".backups"; otherwise FALSE and *unexpected names the first stray file. */
gboolean kt_dir_is_clean (const char *dir, const char *record, char **unexpected);

/* A textual dump of every table of @db (schema and rows), for comparisons. */
char *kt_dump_db (sqlite3 *db);
gint64 kt_query_int (sqlite3 *db, const char *sql);
char *kt_query_text (sqlite3 *db, const char *sql);
void kt_exec (KitVault *vault, const char *sql);

/* Create a record at @path with the lowest KDF cost. */
KitVault *kt_create (const char *path, const char *passphrase, char **out_recovery_key);
KitVault *kt_open (const char *path, const char *passphrase);
void kt_close (KitVault *vault);

/* Assert @error is set, in the record domain, with @code, and that it maps
 * to @exit_code; then clear it. */
#define kt_assert_error(error, code, exit_code) \
  kt_assert_error_impl (&(error), (code), (exit_code), __FILE__, __LINE__)
void kt_assert_error_impl (GError **error, int code, int exit_code,
                           const char *file, int line);
/* Assert @error is set and maps to one of the exit codes (a or b). */
#define kt_assert_exit_code_in(error, a, b) \
  kt_assert_exit_code_in_impl (&(error), (a), (b), __FILE__, __LINE__)
void kt_assert_exit_code_in_impl (GError **error, int a, int b, const char *file, int line);

/* KDF replacements. The memoising one caches Argon2id results keyed by
 * passphrase, salt and cost; the counting one counts calls (and derives). */
void kt_kdf_install_memo (void);
void kt_kdf_install_counting (void);
guint kt_kdf_calls (void);
void kt_kdf_reset_calls (void);

/* Run an SRunner over @suite and return a process exit status. */
int kt_run_suite (Suite *suite);
/* A test case with a generous timeout. */
TCase *kt_tcase (const char *name);
/* Add @test to @suite in a test case of its own (CK_RUN_CASE=name runs it alone). */
#define kt_add_test(suite, name, test) kt_add_test_impl ((suite), (name), (test))
void kt_add_test_impl (Suite *suite, const char *name, const TTest *test);

/* The record layout (docs/record-format.md, src/core/kit-record-format.c):
 * a fixed part, key slots, a BLAKE2b-256 checksum, then the secretstream
 * chunks of chunk_size + ABYTES bytes each (the last one shorter). */
#define KT_FIXED_BYTES    56
#define KT_SLOT_BYTES     104
#define KT_CHECKSUM_BYTES 32
#define KT_ABYTES         crypto_secretstream_xchacha20poly1305_ABYTES
#define KT_OFF_VERSION    16
#define KT_OFF_SLOTS      18
#define KT_OFF_CHUNK_SIZE 20
#define KT_OFF_PLAIN_LEN  24
#define KT_SLOT_OFF_TYPE  0
#define KT_SLOT_OFF_OPS   4
#define KT_SLOT_OFF_MEM   8

/* Parse the header of a good record (asserting success). */
void kt_parse_header (GBytes *file, KitHeader *header, gsize *header_len);
/* Recompute the header checksum over the first @header_len - 32 bytes. */
void kt_fix_checksum (guint8 *data, gsize header_len);
/* Little-endian stores. */
void kt_put_u16 (guint8 *p, guint16 v);
void kt_put_u32 (guint8 *p, guint32 v);
void kt_put_u64 (guint8 *p, guint64 v);
