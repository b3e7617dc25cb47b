/* kit-error.c — the record error domain and its exit codes. */

#include "kit-error.h"

G_DEFINE_QUARK (kit-record-error-quark, kit_record_error)
G_DEFINE_QUARK (kit-input-error-quark, kit_input_error)
G_DEFINE_QUARK (kit-letter-error-quark, kit_letter_error)

int
kit_record_error_exit_code (const GError *error)
{
  if (error == NULL)
    return 0;
  if (error->domain != KIT_RECORD_ERROR)
    return 1;

  switch ((KitRecordError) error->code)
    {
    case KIT_RECORD_ERROR_WRONG_PASSPHRASE:
      return 2;
    case KIT_RECORD_ERROR_DAMAGED:
    case KIT_RECORD_ERROR_NOT_A_RECORD:
    case KIT_RECORD_ERROR_UNSUPPORTED_VERSION:
      return 3;
    case KIT_RECORD_ERROR_IN_USE:
      return 4;
    case KIT_RECORD_ERROR_CANNOT_WRITE:
    case KIT_RECORD_ERROR_CHANGED_ON_DISK:
      return 5;
    case KIT_RECORD_ERROR_FAILED:
    case KIT_RECORD_ERROR_NOT_FOUND:
    case KIT_RECORD_ERROR_INVALID:
    default:
      return 1;
    }
}
