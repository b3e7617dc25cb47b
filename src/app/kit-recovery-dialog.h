/* kit-recovery-dialog.h — opens a record with its recovery key and sets a new passphrase. */
#pragma once

#include <adwaita.h>

#include "kit-vault.h"

G_BEGIN_DECLS

#define KIT_TYPE_RECOVERY_DIALOG (kit_recovery_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitRecoveryDialog, kit_recovery_dialog, KIT, RECOVERY_DIALOG, AdwWindow)

/* Emits "recovered" (KitVault *vault) with the record open under its new
 * passphrase, then closes itself. */
GtkWidget *kit_recovery_dialog_new (GtkWindow *parent, const char *path);

G_END_DECLS
