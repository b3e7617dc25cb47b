/* kit-vault-check.c — NOT WRITTEN YET: stubs so the tree builds; replaced by the real code. */
#include "kit-vault.h"


gboolean
kit_vault_check_passphrase (KitVault *self, const char *passphrase, GError **error)
{
  (void) self;
  (void) passphrase;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}

void
kit_vault_check_passphrase_async (KitVault *self, const char *passphrase, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  (void) self;
  (void) passphrase;
  (void) cancellable;
  (void) callback;
  (void) user_data;
  g_warning ("%s: not written yet", G_STRFUNC);
}

gboolean
kit_vault_check_passphrase_finish (KitVault *self, GAsyncResult *result, GError **error)
{
  (void) self;
  (void) result;
  (void) error;
  g_warning ("%s: not written yet", G_STRFUNC);
  return FALSE;
}
