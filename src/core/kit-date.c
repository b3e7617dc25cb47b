/* kit-date.c — calendar dates as ISO "YYYY-MM-DD" strings. */

#include "kit-date.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

gboolean
kit_date_is_unset (const char *iso)
{
  return iso == NULL || iso[0] == '\0';
}

static gboolean
all_digits (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
date_from_parts (int year, int month, int day, GDate *out)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

gboolean
kit_date_parse (const char *iso, GDate *out)
{
  if (kit_date_is_unset (iso) || strlen (iso) != 10)
    return FALSE;
  if (!all_digits (iso, 4) || iso[4] != '-' || !all_digits (iso + 5, 2) ||
      iso[7] != '-' || !all_digits (iso + 8, 2))
    return FALSE;
  return date_from_parts (atoi (iso), atoi (iso + 5), atoi (iso + 8), out);
}

char *
kit_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

char *
kit_date_today (void)
{
  const char *fixed = g_getenv ("KIT_TODAY");
  if (fixed != NULL && kit_date_parse (fixed, NULL))
    return g_strdup (fixed);

  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* English month names and abbreviations, matched case-insensitively, plus
 * the translated full names so a person typing in her language is understood. */
static int
month_from_word (const char *word)
{
  static const char *const names[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize len = strlen (lower);
  if (len > 0 && lower[len - 1] == '.')
    lower[--len] = '\0';
  if (len < 3)
    return 0;

  for (int i = 0; i < 12; i++)
    {
      if (g_str_has_prefix (names[i], lower))
        return i + 1;
    }

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      g_autofree char *full = g_date_time_format (dt, "%B");
      g_autofree char *full_lower = full ? g_utf8_strdown (full, -1) : NULL;
      if (full_lower != NULL && strcmp (full_lower, lower) == 0)
        return m;
    }
  return 0;
}

static gboolean
parse_number (const char *s, int max_digits, int *out)
{
  gsize n = strlen (s);
  if (n == 0 || n > (gsize) max_digits || !all_digits (s, n))
    return FALSE;
  *out = atoi (s);
  return TRUE;
}

static gboolean
parse_numeric (const char *text, int *y, int *m, int *d)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[/.\\-]", text, 0, 0);
  if (g_strv_length (parts) != 3)
    return FALSE;
  if (strlen (parts[0]) == 4)   /* 2027-03-01 */
    return parse_number (parts[0], 4, y) && parse_number (parts[1], 2, m) &&
           parse_number (parts[2], 2, d);
  return parse_number (parts[0], 2, d) && parse_number (parts[1], 2, m) &&
         strlen (parts[2]) == 4 && parse_number (parts[2], 4, y);
}

static gboolean
parse_words (const char *text, int *y, int *m, int *d)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s,]+", text, 0, 0);
  guint n = g_strv_length (parts);
  if (n != 3)
    return FALSE;
  /* "1st" and "2nd" are how people write days too. */
  g_autofree char *day = g_ascii_strdown (parts[0], -1);
  gsize len = strlen (day);
  if (len > 2 && (g_str_has_suffix (day, "st") || g_str_has_suffix (day, "nd") ||
                  g_str_has_suffix (day, "rd") || g_str_has_suffix (day, "th")))
    day[len - 2] = '\0';
  *m = month_from_word (parts[1]);
  return *m != 0 && parse_number (day, 2, d) && strlen (parts[2]) == 4 &&
         parse_number (parts[2], 4, y);
}

gboolean
kit_date_from_user (const char *text, char **out_iso)
{
  g_return_val_if_fail (out_iso != NULL, FALSE);
  *out_iso = NULL;

  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  if (t[0] == '\0')
    return TRUE;

  int y = 0, m = 0, d = 0;
  if (!parse_numeric (t, &y, &m, &d) && !parse_words (t, &y, &m, &d))
    return FALSE;

  GDate date;
  g_date_clear (&date, 1);
  if (!date_from_parts (y, m, d, &date))
    return FALSE;
  *out_iso = kit_date_to_iso (&date);
  return TRUE;
}

static const char *
month_name (int month)
{
  static const char *const names[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
    N_("December"),
  };
  return _(names[month - 1]);
}

static const char *
month_short (int month)
{
  static const char *const names[] = {
    /* Translators: short month names, as in "1 Mar 2027" */
    NC_("short month", "Jan"), NC_("short month", "Feb"), NC_("short month", "Mar"),
    NC_("short month", "Apr"), NC_("short month", "May"), NC_("short month", "Jun"),
    NC_("short month", "Jul"), NC_("short month", "Aug"), NC_("short month", "Sep"),
    NC_("short month", "Oct"), NC_("short month", "Nov"), NC_("short month", "Dec"),
  };
  return g_dpgettext2 (GETTEXT_PACKAGE, "short month", names[month - 1]);
}

char *
kit_date_format (const char *iso)
{
  GDate d;
  g_date_clear (&d, 1);
  if (!kit_date_parse (iso, &d))
    return g_strdup ("");
  /* Translators: a date: day, month name, year, e.g. "1 March 2027" */
  return g_strdup_printf (_("%u %s %u"), (guint) g_date_get_day (&d),
                          month_name (g_date_get_month (&d)), (guint) g_date_get_year (&d));
}

char *
kit_date_format_month (const char *year_month)
{
  g_autofree char *first = NULL;
  GDate d;

  if (year_month == NULL || strlen (year_month) < 7)
    return NULL;
  first = g_strdup_printf ("%.7s-01", year_month);
  g_date_clear (&d, 1);
  if (!kit_date_parse (first, &d))
    return NULL;
  /* Translators: a month and its year, e.g. "November 2026" */
  return g_strdup_printf (C_("month", "%s %u"), month_name (g_date_get_month (&d)),
                          (guint) g_date_get_year (&d));
}

char *
kit_date_format_short (const char *iso)
{
  GDate d;
  g_date_clear (&d, 1);
  if (!kit_date_parse (iso, &d))
    return g_strdup ("");
  /* Translators: a short date, e.g. "1 Mar 2027" */
  return g_strdup_printf (_("%u %s %u"), (guint) g_date_get_day (&d),
                          month_short (g_date_get_month (&d)), (guint) g_date_get_year (&d));
}

/* The last day a date can be (kit_date_parse () takes years 1 to 9999). */
static guint32
last_julian_day (void)
{
  GDate last;
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, 9999);
  return g_date_get_julian (&last);
}

/* Worked out in 64 bits before GDate sees it, which would warn and leave the
 * date unchanged outside its range. */
char *
kit_date_add_days (const char *iso, int days)
{
  GDate d;
  g_date_clear (&d, 1);
  if (!kit_date_parse (iso, &d))
    return NULL;
  gint64 julian = (gint64) g_date_get_julian (&d) + days;
  if (julian < 1 || julian > last_julian_day ())
    return NULL;
  g_date_set_julian (&d, (guint32) julian);
  return kit_date_to_iso (&d);
}

/* Keeps the day, or the month's last day when it has fewer. */
char *
kit_date_add_months (const char *iso, int months)
{
  GDate d;
  g_date_clear (&d, 1);
  if (!kit_date_parse (iso, &d))
    return NULL;
  gint64 index = (gint64) g_date_get_year (&d) * 12 + (g_date_get_month (&d) - 1) + months;
  gint64 year = index / 12;
  GDateMonth month = (GDateMonth) (index % 12 + 1);
  if (year < 1 || year > 9999)
    return NULL;
  GDateDay day = MIN (g_date_get_day (&d), g_date_get_days_in_month (month, (GDateYear) year));
  g_date_set_dmy (&d, day, month, (GDateYear) year);
  return kit_date_to_iso (&d);
}

int
kit_date_compare (const char *a, const char *b)
{
  gboolean ua = kit_date_is_unset (a), ub = kit_date_is_unset (b);
  if (ua || ub)
    return ua == ub ? 0 : (ua ? -1 : 1);
  int c = strcmp (a, b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int
kit_date_days_between (const char *from, const char *to)
{
  GDate a, b;
  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  if (!kit_date_parse (from, &a) || !kit_date_parse (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

int
kit_date_age_years (const char *birth, const char *on)
{
  GDate b, o;
  g_date_clear (&b, 1);
  g_date_clear (&o, 1);
  if (!kit_date_parse (birth, &b) || !kit_date_parse (on, &o) || g_date_compare (&o, &b) < 0)
    return -1;
  int years = (int) g_date_get_year (&o) - (int) g_date_get_year (&b);
  int om = g_date_get_month (&o), bm = g_date_get_month (&b);
  int od = g_date_get_day (&o), bd = g_date_get_day (&b);
  if (om < bm || (om == bm && od < bd))
    years--;
  return years;
}

/* @month_day's day in @year, falling on the last day of the month when the
 * year has no such day (29 February). */
static void
anniversary_in (const GDate *month_day, GDateYear year, GDate *out)
{
  GDateMonth m = g_date_get_month (month_day);
  GDateDay d = g_date_get_day (month_day);
  GDateDay last = g_date_get_days_in_month (m, year);
  g_date_set_dmy (out, MIN (d, last), m, year);
}

char *
kit_date_next_anniversary (const char *month_day, const char *from)
{
  GDate md, f, a;
  g_date_clear (&md, 1);
  g_date_clear (&f, 1);
  g_date_clear (&a, 1);
  if (!kit_date_parse (month_day, &md) || !kit_date_parse (from, &f))
    return NULL;
  anniversary_in (&md, g_date_get_year (&f), &a);
  if (g_date_compare (&a, &f) < 0)
    {
      if (g_date_get_year (&f) >= 9999)
        return NULL;
      anniversary_in (&md, g_date_get_year (&f) + 1, &a);
    }
  return kit_date_to_iso (&a);
}

char *
kit_date_next_due (const char *last, int count, const char *unit)
{
  if (count < 1 || unit == NULL || !kit_date_parse (last, NULL))
    return NULL;

  if (g_strcmp0 (unit, "year") == 0)
    return 12 % count == 0 ? kit_date_add_months (last, 12 / count)
                           : kit_date_add_days (last, MAX (1, 365 / count));
  if (g_strcmp0 (unit, "month") == 0)
    return count == 1 ? kit_date_add_months (last, 1)
                      : kit_date_add_days (last, MAX (1, 30 / count));
  if (g_strcmp0 (unit, "week") == 0)
    return kit_date_add_days (last, MAX (1, 7 / count));
  return NULL;
}
