/* kit-report.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-report.h"

KitDocument *
kit_report_contact_history (KitStore *store, gint64 child_id, const char *today, GError **error)
{
  (void) store;
  (void) child_id;
  (void) today;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

KitDocument *
kit_report_recovery_sheet (const char *record_name, const char *recovery_key, const char *today)
{
  (void) record_name;
  (void) recovery_key;
  (void) today;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}
