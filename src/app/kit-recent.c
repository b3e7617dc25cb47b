/* kit-recent.c — the list of recently opened records kept in GSettings. */
#include "config.h"

#include "kit-recent.h"

GStrv
kit_recent_list (GSettings *settings)
{
  g_auto(GStrv) stored = g_settings_get_strv (settings, "recent-records");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; stored[i] != NULL && n < KIT_RECENT_MAX; i++)
    {
      if (!g_file_test (stored[i], G_FILE_TEST_IS_REGULAR))
        continue;
      g_strv_builder_add (builder, stored[i]);
      n++;
    }
  return g_strv_builder_end (builder);
}

void
kit_recent_add (GSettings *settings, const char *path)
{
  g_auto(GStrv) old = kit_recent_list (settings);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  guint n = 1;

  g_return_if_fail (path != NULL);

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < KIT_RECENT_MAX; i++)
    {
      if (g_strcmp0 (old[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  list = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-records", (const char * const *) list);
  g_settings_set_string (settings, "last-record", path);
}

char *
kit_recent_get_last (GSettings *settings)
{
  g_autofree char *last = g_settings_get_string (settings, "last-record");

  if (last[0] == '\0' || !g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&last);
}
