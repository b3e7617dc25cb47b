/* kit-cli-secret.h — reading passphrases and recovery keys for the
 * command-line companion: the first line of a file descriptor, or a prompt on
 * the terminal with echo off. Secrets end up in sodium memory (KitSecret). */
#pragma once

#include <glib.h>

#include "kit-secure.h"

G_BEGIN_DECLS

/* Longest secret line accepted, in bytes (without the newline). */
#define KIT_CLI_SECRET_MAX 4096

/* The first line of @fd, without its line ending, normalised (NFC) into
 * sodium memory. Reads one byte at a time so nothing after the first line is
 * consumed. Errors (G_IO_ERROR) say what went wrong in plain words. */
KitSecret *kit_cli_secret_from_fd (int fd, GError **error);

/* Ask on the terminal (/dev/tty) with echo off. With @confirm_prompt non-NULL
 * the secret is asked a second time and both must match. */
KitSecret *kit_cli_secret_from_tty (const char *prompt, const char *confirm_prompt,
                                    GError **error);

/* From @fd when it is >= 0, else from the terminal as above. */
KitSecret *kit_cli_secret_get (int fd, const char *prompt, const char *confirm_prompt,
                               GError **error);

G_END_DECLS
