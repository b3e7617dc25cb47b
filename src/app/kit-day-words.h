/* kit-day-words.h — dates said the way a person would say them on the
 * overview, the dates view and the notification ("Today", "in 12 days",
 * "Friday 5 December"). Pure functions over ISO dates. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "5 December" (no year). */
char *kit_day_words_day_month (const char *iso);
/* A heading for a day: "Today", "Tomorrow", "Friday 5 December", with the
 * year when it is not @today's year. */
char *kit_day_words_heading (const char *iso, const char *today);
/* How far away: "today", "tomorrow", "in 12 days", "in about 3 months",
 * "yesterday", "12 days ago". */
char *kit_day_words_distance (const char *iso, const char *today);
/* Short, for the notification: "today", "tomorrow", "on Friday" (within a
 * week), else "on 5 December". */
char *kit_day_words_when (const char *iso, const char *today);

G_END_DECLS
