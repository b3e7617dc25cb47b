/* kit-letter.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-letter.h"

void
kit_letter_request_init (KitLetterRequest *request, KitLetterKind kind)
{
  (void) request;
  (void) kind;
  g_warning ("%s: not written yet", G_STRFUNC);
}

void
kit_letter_resolve_people (KitStore *store, const KitLetterRequest *request, gint64 *sender_id, gint64 *recipient_id)
{
  (void) store;
  (void) request;
  (void) sender_id;
  (void) recipient_id;
  g_warning ("%s: not written yet", G_STRFUNC);
}

KitDocument *
kit_letter_compose (KitStore *store, const KitLetterRequest *request, char **template_warning, GError **error)
{
  (void) store;
  (void) request;
  (void) template_warning;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return NULL;
}

gboolean
kit_letter_check_ready (KitStore *store, const KitLetterRequest *request, KitDocument *document, GError **error)
{
  (void) store;
  (void) request;
  (void) document;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}
