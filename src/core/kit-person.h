/* kit-person.h — one person or organisation in the address book: social
 * workers, letterbox coordinators, supervisors, carers, the practitioner,
 * and later the senders and recipients of letters. Every field is also a
 * GObject property. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KIT_TYPE_PERSON (kit_person_get_type ())
G_DECLARE_FINAL_TYPE (KitPerson, kit_person, KIT, PERSON, GObject)

KitPerson *kit_person_new (void);
KitPerson *kit_person_copy (KitPerson *self);

gint64 kit_person_get_id (KitPerson *self);           /* 0 until saved */
void kit_person_set_id (KitPerson *self, gint64 id);  /* store only */
const char *kit_person_get_name (KitPerson *self);
void kit_person_set_name (KitPerson *self, const char *name);
const char *kit_person_get_role (KitPerson *self);    /* free text: "Letterbox coordinator" */
void kit_person_set_role (KitPerson *self, const char *role);
const char *kit_person_get_organisation (KitPerson *self);
void kit_person_set_organisation (KitPerson *self, const char *organisation);
const char *kit_person_get_address (KitPerson *self); /* several lines */
void kit_person_set_address (KitPerson *self, const char *address);
const char *kit_person_get_phone (KitPerson *self);
void kit_person_set_phone (KitPerson *self, const char *phone);
const char *kit_person_get_email (KitPerson *self);
void kit_person_set_email (KitPerson *self, const char *email);
const char *kit_person_get_notes (KitPerson *self);
void kit_person_set_notes (KitPerson *self, const char *notes);

/* "Jo Smith, Letterbox coordinator, Northshire Council" without the empty parts. */
char *kit_person_describe (KitPerson *self);

G_END_DECLS
