/* kit-date.h — calendar dates as the record keeps them: ISO "YYYY-MM-DD"
 * strings, NULL or "" meaning "not known". Everything here is pure and
 * testable; "today" can be fixed for tests with KIT_TODAY=YYYY-MM-DD. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @iso is a real calendar date in YYYY-MM-DD form (so not
 * 2027-02-31); fills @out when non-NULL. */
gboolean kit_date_parse (const char *iso, GDate *out);
/* TRUE for NULL and "" (not known). */
gboolean kit_date_is_unset (const char *iso);
char *kit_date_to_iso (const GDate *date);

/* Today in local time, or KIT_TODAY when set (tests only). */
char *kit_date_today (void);

/* What a person typed: "1/3/2027", "01/03/2027", "1 March 2027", "1 Mar 2027",
 * "2027-03-01" (day before month, as in the UK). Empty text gives TRUE with
 * *out_iso NULL. FALSE for anything else, including 31/2/2027. */
gboolean kit_date_from_user (const char *text, char **out_iso);

/* For people: "1 March 2027"; "" for unset. */
char *kit_date_format (const char *iso);
/* For people, short: "1 Mar 2027". */
char *kit_date_format_short (const char *iso);
/* A month for people: "November 2026" for "2026-11" (or any date in it);
 * NULL when @year_month is neither. */
char *kit_date_format_month (const char *year_month);

/* Arithmetic on valid dates (NULL when @iso is not one). Adding months keeps
 * the day, or the month's last day when it has fewer (31 Jan + 1 = 28/29 Feb). */
char *kit_date_add_days (const char *iso, int days);
char *kit_date_add_months (const char *iso, int months);
/* strcmp-like; unset sorts before everything. */
int kit_date_compare (const char *a, const char *b);
/* @to minus @from in days. */
int kit_date_days_between (const char *from, const char *to);
/* Completed years from @birth to @on; -1 when either is unset or @on < @birth. */
int kit_date_age_years (const char *birth, const char *on);
/* The next time @month_day's month and day come round on or after @from
 * (29 February falls on 28 February in other years). */
char *kit_date_next_anniversary (const char *month_day, const char *from);

/* When contact is next due after @last, for @count times per @unit
 * ("week", "month", "year"). Whole months where they divide evenly
 * (12/N months per year, 1 month for once a month), days otherwise
 * (7/N per week, 30/N per month, 365/N per year, at least 1). NULL for
 * "one-off", "as-agreed", a count below 1, or an unset @last. */
char *kit_date_next_due (const char *last, int count, const char *unit);

G_END_DECLS
