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

/* Input that cannot be saved, DESIGN §7. The code says which field is wrong,
 * so the window can show the message beside it; the message is plain words
 * for her. Nothing is saved when this is returned. */
#define KIT_INPUT_ERROR (kit_input_error_quark ())

typedef enum {
  KIT_INPUT_ERROR_NAME,            /* a child's or person's name is empty */
  KIT_INPUT_ERROR_DATE_OF_BIRTH,   /* not a real date, or in the future */
  KIT_INPUT_ERROR_KIND,            /* an unknown kind of contact (or other fixed-list field) */
  KIT_INPUT_ERROR_FREQUENCY,       /* zero or negative times, or too many */
  KIT_INPUT_ERROR_START_DATE,      /* arrangement start date not a real date */
  KIT_INPUT_ERROR_EFFECTIVE_DATE,  /* missing, not real, or before the arrangement began */
  KIT_INPUT_ERROR_TOLD_DATE,       /* not real, or before ... see message */
  KIT_INPUT_ERROR_DATE,            /* a session's or an important date's date */
  KIT_INPUT_ERROR_REPLY_DATE,      /* reply expected before the letter was sent */
  KIT_INPUT_ERROR_FOLLOW_UP_DATE,  /* answer dated before the request, or in the future */
  KIT_INPUT_ERROR_LABEL,           /* an important date without a name */
  KIT_INPUT_ERROR_EMAIL,           /* an email address without an @ */
  KIT_INPUT_ERROR_NOT_FOUND,       /* the thing edited no longer exists */
  KIT_INPUT_ERROR_NOTHING_CHANGED, /* a change that changes nothing and says nothing */
  KIT_INPUT_ERROR_EMPTY,           /* a diary entry with neither title nor text */
} KitInputError;

GQuark kit_input_error_quark (void);

/* Letters, reports and their templates (DESIGN §5). Messages are plain
 * words for her; template errors name the file and the line. */
#define KIT_LETTER_ERROR (kit_letter_error_quark ())

typedef enum {
  KIT_LETTER_ERROR_TEMPLATE,    /* a template file that is not well formed or breaks letter.rng */
  KIT_LETTER_ERROR_NO_ADDRESS,  /* the recipient (or sender) has no address */
  KIT_LETTER_ERROR_GAP,         /* a gap (⟦…⟧) is still to be filled */
  KIT_LETTER_ERROR_NOT_FOUND,   /* no such change, arrangement, child or person */
  KIT_LETTER_ERROR_WRITE,       /* the PDF could not be written */
} KitLetterError;

GQuark kit_letter_error_quark (void);

/* The command-line exit code for an error (0 for NULL). */
int kit_record_error_exit_code (const GError *error);

G_END_DECLS
