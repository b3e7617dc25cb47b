/* kit-upcoming.h — one line of "Coming up": something due, overdue or worth
 * planning around in the next days, with plain words ready to show. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  KIT_UPCOMING_REPLY_OVERDUE,  /* a reply was expected and nothing has come */
  KIT_UPCOMING_SESSION,        /* planned contact */
  KIT_UPCOMING_CONTACT_DUE,    /* contact due by the frequency (none planned yet) */
  KIT_UPCOMING_LETTER_DUE,     /* a letterbox letter to write */
  KIT_UPCOMING_REVIEW_DUE,     /* an arrangement's next review, or no review ever recorded */
  KIT_UPCOMING_BIRTHDAY,
  KIT_UPCOMING_DATE_THAT_MATTERS,
} KitUpcomingKind;

#define KIT_TYPE_UPCOMING (kit_upcoming_get_type ())
G_DECLARE_FINAL_TYPE (KitUpcoming, kit_upcoming, KIT, UPCOMING, GObject)

KitUpcoming *kit_upcoming_new (KitUpcomingKind kind, const char *date, gint64 child_id,
                               const char *child_name, gint64 arrangement_id,
                               const char *title, const char *detail);

KitUpcomingKind kit_upcoming_get_kind (KitUpcoming *self);
const char *kit_upcoming_get_date (KitUpcoming *self);       /* ISO; for overdue, when it was expected */
gint64 kit_upcoming_get_child_id (KitUpcoming *self);
const char *kit_upcoming_get_child_name (KitUpcoming *self);
gint64 kit_upcoming_get_arrangement_id (KitUpcoming *self);  /* 0 when not about one */
const char *kit_upcoming_get_title (KitUpcoming *self);      /* "Mia's birthday", "Letter to write for Mia" */
const char *kit_upcoming_get_detail (KitUpcoming *self);     /* "Friday 5 December", "A reply was expected by 1 May; nothing has arrived yet." */
/* A symbolic icon name for the kind. */
const char *kit_upcoming_get_icon_name (KitUpcoming *self);

G_END_DECLS
