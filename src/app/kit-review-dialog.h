/* kit-review-dialog.h — turning Review together off asks for the record's
 * passphrase, so that the person she sits with can't bring the private
 * diary back with a click. */
#pragma once

#include <adwaita.h>

#include "kit-store.h"
#include "kit-vault.h"

G_BEGIN_DECLS

#define KIT_TYPE_REVIEW_DIALOG (kit_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KitReviewDialog, kit_review_dialog, KIT, REVIEW_DIALOG, AdwWindow)

GtkWidget *kit_review_dialog_new (GtkWindow *parent, KitVault *vault, KitStore *store);

/* For tests: type @passphrase and ask, as the Turn Off button does. */
void kit_review_dialog_submit (KitReviewDialog *self, const char *passphrase);
/* The message shown after a wrong passphrase ("" when none). */
const char *kit_review_dialog_get_error (KitReviewDialog *self);

G_END_DECLS
