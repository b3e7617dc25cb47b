/* kit-day-words.c — dates said the way a person would say them. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kit-date.h"
#include "kit-day-words.h"

static GDateTime *
date_time_for (const char *iso)
{
  GDate date;

  if (!kit_date_parse (iso, &date))
    return NULL;
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
}

static char *
format (const char *iso, const char *pattern)
{
  g_autoptr(GDateTime) dt = date_time_for (iso);

  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, pattern);
}

static gboolean
same_year (const char *a, const char *b)
{
  return a != NULL && b != NULL && strncmp (a, b, 4) == 0;
}

char *
kit_day_words_day_month (const char *iso)
{
  /* Translators: a day and month without the year (strftime). */
  return format (iso, C_("date", "%-d %B"));
}

char *
kit_day_words_heading (const char *iso, const char *today)
{
  int days;

  if (!kit_date_parse (iso, NULL) || !kit_date_parse (today, NULL))
    return g_strdup ("");
  days = kit_date_days_between (today, iso);
  if (days == 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (days == -1)
    return g_strdup (_("Yesterday"));
  if (same_year (iso, today))
    /* Translators: a weekday, day and month (strftime). */
    return format (iso, C_("date", "%A %-d %B"));
  /* Translators: a weekday, day, month and year (strftime). */
  return format (iso, C_("date", "%A %-d %B %Y"));
}

char *
kit_day_words_distance (const char *iso, const char *today)
{
  int days;

  if (!kit_date_parse (iso, NULL) || !kit_date_parse (today, NULL))
    return g_strdup ("");
  days = kit_date_days_between (today, iso);
  if (days == 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days == -1)
    return g_strdup (_("yesterday"));
  if (days > 0 && days < 60)
    return g_strdup_printf (g_dngettext (NULL, "in %d day", "in %d days", days), days);
  if (days >= 60)
    return g_strdup_printf (g_dngettext (NULL, "in about %d month", "in about %d months",
                                         days / 30),
                            days / 30);
  return g_strdup_printf (g_dngettext (NULL, "%d day ago", "%d days ago", -days), -days);
}

char *
kit_day_words_when (const char *iso, const char *today)
{
  int days;

  if (!kit_date_parse (iso, NULL) || !kit_date_parse (today, NULL))
    return g_strdup ("");
  days = kit_date_days_between (today, iso);
  if (days == 0)
    return g_strdup (_("today"));
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days > 1 && days < 7)
    /* Translators: "on" and a weekday (strftime). */
    return format (iso, C_("date", "on %A"));
  /* Translators: "on", a day and month (strftime). */
  return format (iso, C_("date", "on %-d %B"));
}
