/* kit-secure.c — process-wide protection for records: libsodium set-up, an
 * SQLite allocator that wipes what it frees, no core dumps, and passphrase
 * buffers in locked memory. */

#include "kit-secure.h"

#include <glib/gi18n-lib.h>

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "kit-error.h"

/* Each block carries its size in front so xFree can wipe all of it, and a
 * mark saying whether it was mapped directly. */
#define HEADER_BYTES 16
#define BIG_BYTES    (1024 * 1024)

/* The whole database image is one block of many megabytes. Mapped with
 * MAP_POPULATE, its pages arrive in one call instead of one fault each,
 * which on a virtual machine is most of the cost of opening a record. */
static void *
big_alloc (size_t n)
{
  void *p = mmap (NULL, n, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

static void *
zero_malloc (int n)
{
  guint8 *p;
  int mapped;

  if (n <= 0)
    return NULL;
  mapped = n >= BIG_BYTES;
  p = mapped ? big_alloc ((size_t) n + HEADER_BYTES) : malloc ((size_t) n + HEADER_BYTES);
  if (p == NULL)
    return NULL;
  memcpy (p, &n, sizeof n);
  memcpy (p + sizeof n, &mapped, sizeof mapped);
  return p + HEADER_BYTES;
}

static int
zero_size (void *ptr)
{
  int n;

  if (ptr == NULL)
    return 0;
  memcpy (&n, (guint8 *) ptr - HEADER_BYTES, sizeof n);
  return n;
}

static void
zero_free (void *ptr)
{
  guint8 *block;
  int n, mapped;

  if (ptr == NULL)
    return;
  block = (guint8 *) ptr - HEADER_BYTES;
  n = zero_size (ptr);
  memcpy (&mapped, block + sizeof n, sizeof mapped);
  sodium_memzero (ptr, (size_t) n);
  if (mapped)
    munmap (block, (size_t) n + HEADER_BYTES);
  else
    free (block);
}

static void *
zero_realloc (void *ptr, int n)
{
  void *fresh;
  int old;

  if (ptr == NULL)
    return zero_malloc (n);
  if (n <= 0)
    {
      zero_free (ptr);
      return NULL;
    }
  /* Never realloc in place: the old block would be freed unwiped. */
  fresh = zero_malloc (n);
  if (fresh == NULL)
    return NULL;
  old = zero_size (ptr);
  memcpy (fresh, ptr, (size_t) MIN (old, n));
  zero_free (ptr);
  return fresh;
}

static int
zero_roundup (int n)
{
  return (n + 7) & ~7;
}

static int
zero_init (void *unused)
{
  return SQLITE_OK;
}

static void
zero_shutdown (void *unused)
{
}

static const sqlite3_mem_methods zero_methods = {
  zero_malloc, zero_free, zero_realloc, zero_size, zero_roundup,
  zero_init, zero_shutdown, NULL,
};

static gboolean
init_once (void)
{
  struct rlimit no_core = { 0, 0 };

  if (sodium_init () < 0)
    return FALSE;
  /* Must precede sqlite3_initialize(); fails if SQLite is already in use. */
  if (sqlite3_config (SQLITE_CONFIG_MALLOC, &zero_methods) != SQLITE_OK)
    return FALSE;
  if (sqlite3_initialize () != SQLITE_OK)
    return FALSE;
  if (setrlimit (RLIMIT_CORE, &no_core) != 0)
    return FALSE;
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    return FALSE;
  return TRUE;
}

gboolean
kit_secure_init (GError **error)
{
  static gsize done = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&done))
    {
      ok = init_once ();
      g_once_init_leave (&done, 1);
    }
  if (!ok)
    g_set_error (error, KIT_RECORD_ERROR, KIT_RECORD_ERROR_FAILED,
                 _("Keep in Touch could not set up its protected memory."));
  return ok;
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

char *
kit_secret_new_normalized (const char *text)
{
  g_autofree char *nfc = NULL;
  char *secret;
  size_t len;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  /* ASCII is already NFC. g_utf8_normalize frees a working copy it does not
   * wipe, so it is only used when the passphrase needs it. */
  if (is_ascii (text))
    nfc = g_strdup (text);
  else
    nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;
  len = strlen (nfc);
  secret = sodium_malloc (len + 1);
  if (secret != NULL)
    memcpy (secret, nfc, len + 1);
  sodium_memzero (nfc, len);
  return secret;
}

void
kit_secret_free (char *secret)
{
  /* sodium_free wipes the whole allocation before releasing it. */
  if (secret != NULL)
    sodium_free (secret);
}

void
kit_secure_free_string (char *text)
{
  if (text == NULL)
    return;
  sodium_memzero (text, strlen (text));
  g_free (text);
}
