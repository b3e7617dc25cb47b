/* kit-passphrase-strength.c — a plain-words hint about how strong a passphrase is. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-passphrase-strength.h"

KitStrength
kit_passphrase_strength (const char *passphrase)
{
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  guint words = 0, length = 0, distinct = 0, variety;
  gboolean in_word = FALSE;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (passphrase == NULL || *passphrase == '\0')
    return KIT_STRENGTH_EMPTY;

  for (const char *p = passphrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      length++;
      if (!g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
        {
          g_hash_table_add (seen, GUINT_TO_POINTER (c));
          distinct++;
        }
      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        words++;
      in_word = TRUE;
      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }

  variety = lower + upper + digit + other;
  if (length < 10 || distinct < 5)
    return KIT_STRENGTH_SHORT;
  if (length >= 20 || (length >= 14 && (words >= 3 || variety >= 3)))
    return KIT_STRENGTH_STRONG;
  return KIT_STRENGTH_GOOD;
}

const char *
kit_passphrase_strength_hint (KitStrength strength)
{
  switch (strength)
    {
    case KIT_STRENGTH_SHORT:
      return _("Short — try a few more words");
    case KIT_STRENGTH_GOOD:
      return _("Good — one more word would make it strong");
    case KIT_STRENGTH_STRONG:
      return _("Strong");
    case KIT_STRENGTH_EMPTY:
    default:
      return "";
    }
}
