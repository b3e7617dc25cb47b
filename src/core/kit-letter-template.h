/* kit-letter-template.h — letter templates (DESIGN §5): XML files validated
 * with libxml2 against data/letters/letter.rng when loaded. The built-in ones
 * are compiled into the program (GResource
 * /org/keepintouch/KeepInTouch/letters/); a file of the same name in
 * $XDG_DATA_HOME/keep-in-touch/letters/ overrides one. Names:
 * explanation.xml, request.xml, review.xml and explanation-easy.xml,
 * request-easy.xml, review-easy.xml.
 *
 * A template holds blocks (see KitBlockKind) whose text has fields such as
 * <field name="change.reason"/> and conditional parts such as
 * <if test="no-reason">…</if>; the field and condition names are listed in
 * docs/letters.md. Expanding a template with a KitLetterFields gives a
 * KitDocument. */
#pragma once

#include <glib-object.h>

#include "kit-document.h"

G_BEGIN_DECLS

typedef enum {
  KIT_LETTER_EXPLANATION,  /* Explanation of a change: for the mother to keep */
  KIT_LETTER_REQUEST,      /* Request for reasons: from the mother to the agency */
  KIT_LETTER_REVIEW,       /* Request a review of contact: for an arrangement */
} KitLetterKind;

const char *kit_letter_kind_to_string (KitLetterKind kind);  /* "explanation", "request", "review" */
gboolean kit_letter_kind_from_string (const char *text, KitLetterKind *out);
/* Translated, for menus and titles: "Explanation of a change", … */
const char *kit_letter_kind_title (KitLetterKind kind);
/* "explanation.xml", "request-easy.xml", … */
char *kit_letter_template_file_name (KitLetterKind kind, gboolean easy_read);

/* Values for a template: field name → text (a gap ⟦…⟧ where the record has
 * nothing), condition name → true or false. */
typedef struct _KitLetterFields KitLetterFields;
KitLetterFields *kit_letter_fields_new (void);
void kit_letter_fields_free (KitLetterFields *fields);
void kit_letter_fields_set (KitLetterFields *fields, const char *name, const char *value);
void kit_letter_fields_set_condition (KitLetterFields *fields, const char *name, gboolean value);
const char *kit_letter_fields_get (KitLetterFields *fields, const char *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KitLetterFields, kit_letter_fields_free)

#define KIT_TYPE_LETTER_TEMPLATE (kit_letter_template_get_type ())
G_DECLARE_FINAL_TYPE (KitLetterTemplate, kit_letter_template, KIT, LETTER_TEMPLATE, GObject)

/* The template for @kind: the user's override if there is one and it is
 * valid, else the built-in one. When an override is broken, @warning is set
 * (KIT_LETTER_ERROR_TEMPLATE, naming the file and line) and the built-in
 * template is returned all the same. Never NULL. */
KitLetterTemplate *kit_letter_template_load (KitLetterKind kind, gboolean easy_read,
                                             GError **warning);
/* Loads and validates one file. KIT_LETTER_ERROR_TEMPLATE names the file and
 * the line: "request.xml, line 12: …". */
KitLetterTemplate *kit_letter_template_load_file (const char *path, GError **error);

/* Where the template came from: a file path, or "built-in". */
const char *kit_letter_template_get_source (KitLetterTemplate *self);
gboolean kit_letter_template_get_easy_read (KitLetterTemplate *self);

/* Expands fields and conditions. A field the template names but @fields does
 * not hold becomes a gap. */
KitDocument *kit_letter_template_expand (KitLetterTemplate *self, KitLetterFields *fields);

G_END_DECLS
