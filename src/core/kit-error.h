/* kit-error.h — the errors a record can report, and how they map to exit codes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KIT_RECORD_ERROR (kit_record_error_quark ())

typedef enum {
  KIT_RECORD_ERROR_FAILED,              /* anything else (exit 1) */
  KIT_RECORD_ERROR_NOT_FOUND,           /* no file at that place (exit 1) */
  KIT_RECORD_ERROR_WRONG_PASSPHRASE,    /* passphrase or recovery key did not fit (exit 2) */
  KIT_RECORD_ERROR_DAMAGED,             /* checksum, authentication or database check failed (exit 3) */
  KIT_RECORD_ERROR_NOT_A_RECORD,        /* not a Keep in Touch file at all (exit 3) */
  KIT_RECORD_ERROR_UNSUPPORTED_VERSION, /* made by a newer version (exit 3) */
  KIT_RECORD_ERROR_IN_USE,              /* another process holds RECORD.lock (exit 4) */
  KIT_RECORD_ERROR_CANNOT_WRITE,        /* disk full, permission, folder gone (exit 5) */
  KIT_RECORD_ERROR_CHANGED_ON_DISK,     /* another program changed the file since it was opened (exit 5) */
  KIT_RECORD_ERROR_INVALID,             /* bad input from the user, e.g. empty passphrase (exit 1) */
} KitRecordError;

GQuark kit_record_error_quark (void);

/* The command-line exit code for an error (0 for NULL). */
int kit_record_error_exit_code (const GError *error);

G_END_DECLS
