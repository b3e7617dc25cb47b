/* kit-vault-check.c — whether a passphrase is the open record's own, for
 * turning Review together off (DESIGN §6). The passphrase goes through the
 * record's own key derivation (each passphrase slot's salt and cost) to
 * unwrap a data key, which is compared in constant time with the key the
 * open record holds. Secrets live only in sodium memory. */

#include "kit-vault.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kit-secure.h"
#include "kit-vault-private.h"

static gboolean
wrong (GError **error)
{
  return kit_vault_fail (error, KIT_RECORD_ERROR_WRONG_PASSPHRASE,
                         _("That isn't the passphrase of this record. Please try again."));
}

/* The passphrase slots as they are now (a passphrase change may rewrite
 * them while the key derivation runs). */
static guint
copy_slots (KitVault *self, KitSlot *slots)
{
  guint n = 0;

  g_mutex_lock (&self->write_lock);
  for (guint i = 0; i < self->header.n_slots; i++)
    if (self->header.slots[i].type == KIT_SLOT_PASSPHRASE)
      slots[n++] = self->header.slots[i];
  g_mutex_unlock (&self->write_lock);
  return n;
}

/* Whether @key is the open record's data key; FALSE once it is closed. */
static gboolean
is_open_key (KitVault *self, const guint8 *key)
{
  gboolean same;

  g_mutex_lock (&self->write_lock);
  same = self->db != NULL && self->key != NULL &&
         sodium_memcmp (key, self->key, KIT_KEY_BYTES) == 0;
  g_mutex_unlock (&self->write_lock);
  return same;
}

/* @normal: the NFC passphrase, in sodium memory. */
static gboolean
check_normalized (KitVault *self, const char *normal, GError **error)
{
  KitSlot slots[KIT_SLOTS_MAX];
  guint n = copy_slots (self, slots);
  guint8 *key = sodium_malloc (KIT_KEY_BYTES);
  gboolean fits = FALSE, out_of_memory = FALSE;

  if (key == NULL)
    return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
                           _("There is not enough free memory to check the passphrase."));
  for (guint i = 0; i < n && !fits; i++)
    {
      gboolean no_memory = FALSE;

      if (kit_slot_open_passphrase_full (&slots[i], normal, key, &no_memory))
        fits = is_open_key (self, key);
      out_of_memory |= no_memory;
    }
  sodium_free (key);
  sodium_memzero (slots, sizeof slots);
  if (!fits && out_of_memory)
    return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED,
                           _("There is not enough free memory to check the passphrase. "
                             "Close some other programs, then try again."));
  return fits || wrong (error);
}

gboolean
kit_vault_check_passphrase (KitVault *self, const char *passphrase, GError **error)
{
  g_autoptr (KitSecret) normal = NULL;

  g_return_val_if_fail (KIT_IS_VAULT (self), FALSE);
  if (!kit_vault_is_open (self))
    return kit_vault_fail (error, KIT_RECORD_ERROR_FAILED, _("The record is locked."));
  if (passphrase == NULL || *passphrase == '\0')
    return wrong (error);
  normal = kit_secret_new_normalized (passphrase);
  if (normal == NULL)
    return wrong (error);
  return check_normalized (self, normal, error);
}

/* The async form: the key derivation (slow by design) on a worker thread. */

static void
check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (kit_vault_check_passphrase (KIT_VAULT (source), task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
kit_vault_check_passphrase_async (KitVault *self, const char *passphrase,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  gsize len = passphrase != NULL ? strlen (passphrase) : 0;
  char *copy;

  g_return_if_fail (KIT_IS_VAULT (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kit_vault_check_passphrase_async);
  /* Copied into locked memory at once: the caller may wipe its own. */
  copy = sodium_malloc (len + 1);
  if (copy == NULL)
    {
      g_task_return_new_error (task, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED, "%s",
                               _("There is not enough free memory to check the passphrase."));
      return;
    }
  memcpy (copy, passphrase != NULL ? passphrase : "", len + 1);
  g_task_set_task_data (task, copy, (GDestroyNotify) kit_secret_free);
  g_task_run_in_thread (task, check_thread);
}

gboolean
kit_vault_check_passphrase_finish (KitVault *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
