/* kit-letter.c — a letter built from the record at the moment of writing:
 * the fields of docs/letters.md filled from the change, its arrangement, the
 * child, the sender and the recipient, then expanded through the template.
 * What the record does not hold becomes a gap (⟦…⟧) for her to fill, never
 * a blank printed as if it were nothing. */

#include "kit-letter.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kit-date.h"
#include "kit-error.h"
#include "kit-vocab.h"

static gboolean
is_set (const char *text)
{
  return text != NULL && text[0] != '\0';
}

void
kit_letter_request_init (KitLetterRequest *request, KitLetterKind kind)
{
  g_return_if_fail (request != NULL);

  memset (request, 0, sizeof *request);
  request->kind = kind;
  request->paper = KIT_PAPER_A4;
  request->sender_id = KIT_LETTER_DEFAULT;
  request->recipient_id = KIT_LETTER_DEFAULT;
}

/* The arrangement the letter is about, or NULL with @error. */
static KitArrangement *
find_arrangement (KitStore *store, const KitLetterRequest *request, KitChange *change,
                  GError **error)
{
  gint64 id = request->arrangement_id;
  KitArrangement *arrangement;

  if (id == 0 && change != NULL)
    id = kit_change_get_arrangement_id (change);
  arrangement = id != 0 ? kit_store_find_arrangement (store, id) : NULL;
  if (arrangement == NULL)
    g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND,
                         _("This contact arrangement no longer exists. It may have been removed."));
  return arrangement;
}

static KitChange *
find_change (KitStore *store, const KitLetterRequest *request, GError **error)
{
  KitChange *change = request->change_id > 0 ? kit_store_find_change (store, request->change_id)
                                             : NULL;
  if (change == NULL)
    g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND,
                         _("This change no longer exists. It may have been removed."));
  return change;
}

/* Who the agency's letters go to: the coordinator, else the supervisor. */
static gint64
agency_contact (KitArrangement *arrangement)
{
  if (arrangement == NULL)
    return 0;
  if (kit_arrangement_get_coordinator_id (arrangement) != 0)
    return kit_arrangement_get_coordinator_id (arrangement);
  return kit_arrangement_get_supervisor_id (arrangement);
}

/* The arrangement of the request, quietly NULL when there is none. */
static KitArrangement *
request_arrangement (KitStore *store, const KitLetterRequest *request)
{
  g_autoptr(KitChange) change = NULL;

  if (request->arrangement_id == 0 && request->change_id > 0)
    change = kit_store_find_change (store, request->change_id);
  return find_arrangement (store, request, change, NULL);
}

void
kit_letter_resolve_people (KitStore *store, const KitLetterRequest *request,
                           gint64 *sender_id, gint64 *recipient_id)
{
  g_return_if_fail (KIT_IS_STORE (store));
  g_return_if_fail (request != NULL);

  gint64 sender = request->sender_id;
  gint64 recipient = request->recipient_id;

  if (sender == KIT_LETTER_DEFAULT)
    sender = KIT_LETTER_ME;
  if (recipient == KIT_LETTER_DEFAULT)
    {
      if (request->kind == KIT_LETTER_EXPLANATION)
        recipient = KIT_LETTER_ME;
      else
        {
          g_autoptr(KitArrangement) arrangement = request_arrangement (store, request);
          gint64 contact = agency_contact (arrangement);
          /* Nobody to write to: stays KIT_LETTER_DEFAULT, shown as a gap. */
          if (contact != 0)
            recipient = contact;
        }
    }
  if (sender_id != NULL)
    *sender_id = sender;
  if (recipient_id != NULL)
    *recipient_id = recipient;
}

/* Fields */

static void
set_gap (KitLetterFields *fields, const char *name, const char *what)
{
  g_autofree char *gap = kit_document_gap (what);
  kit_letter_fields_set (fields, name, gap);
}

/* Text from the record: the gap brackets in it are her words, not a gap
 * (or the letter could not be printed without changing them), so they
 * print as plain ones. */
static void
set_text (KitLetterFields *fields, const char *name, const char *value)
{
  g_autofree char *plain = kit_document_no_gaps (value);
  kit_letter_fields_set (fields, name, plain);
}

static void
set_or_gap (KitLetterFields *fields, const char *name, const char *value, const char *what)
{
  if (is_set (value))
    set_text (fields, name, value);
  else
    set_gap (fields, name, what);
}

static void
set_date (KitLetterFields *fields, const char *name, const char *iso, const char *what)
{
  g_autofree char *text = kit_date_format (iso);
  set_or_gap (fields, name, text, what);
}

/* "Sarah Hughes" and her address, or her own, or gaps. */
static gboolean
set_party (KitStore *store, KitLetterFields *fields, const char *prefix, gint64 id,
           GError **error)
{
  g_autofree char *name_field = g_strconcat (prefix, ".name", NULL);
  g_autofree char *address_field = g_strconcat (prefix, ".address", NULL);

  if (id == KIT_LETTER_ME)
    {
      g_autofree char *name = NULL;
      g_autofree char *address = NULL;
      kit_store_get_me (store, &name, &address);
      set_or_gap (fields, name_field, g_strstrip (name), _("your name"));
      set_or_gap (fields, address_field, g_strstrip (address), _("your address"));
      return TRUE;
    }
  if (id == KIT_LETTER_DEFAULT)
    {
      set_gap (fields, name_field, _("who the letter is to"));
      set_gap (fields, address_field, _("their address"));
      return TRUE;
    }

  g_autoptr(KitPerson) person = kit_store_find_person (store, id);
  if (person == NULL)
    {
      g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND,
                           _("This person is no longer in People. Choose someone else."));
      return FALSE;
    }
  g_autofree char *address = g_strstrip (g_strdup (kit_person_get_address (person) ?: ""));
  /* Translators: a gap in a letter: "Sarah Hughes's address" */
  g_autofree char *what = g_strdup_printf (_("%s's address"), kit_person_get_name (person));
  set_text (fields, name_field, kit_person_get_name (person));
  set_or_gap (fields, address_field, address, what);
  return TRUE;
}

/* "Letters through the agency" → "letters through the agency". */
static char *
lower_first (const char *text)
{
  if (!is_set (text))
    return g_strdup ("");
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };
  g_unichar_to_utf8 (g_unichar_tolower (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/* "twice a year, at the family centre"; "paused" and "stopped" as such. */
static char *
describe_now (KitArrangement *arrangement)
{
  const char *status = kit_arrangement_get_status (arrangement);

  if (g_strcmp0 (status, "stopped") == 0)
    return g_strdup (_("stopped"));
  if (g_strcmp0 (status, "paused") == 0)
    return g_strdup (_("paused"));

  g_autofree char *frequency = kit_describe_frequency (kit_arrangement_get_freq_count (arrangement),
                                                       kit_arrangement_get_freq_unit (arrangement));
  g_autofree char *venue = kit_describe_venue (kit_arrangement_get_venue (arrangement));
  if (!is_set (venue))
    return g_steal_pointer (&frequency);
  /* Translators: how often and where: "twice a year, at the family centre" */
  return g_strdup_printf (_("%s, %s"), frequency, venue);
}

/* "2 years and 3 months", "5 months", "less than a month". */
static char *
describe_duration (const char *from, const char *to)
{
  GDate a, b;
  int months;

  if (!kit_date_parse (from, &a) || !kit_date_parse (to, &b) || g_date_compare (&a, &b) > 0)
    return NULL;
  months = (g_date_get_year (&b) - g_date_get_year (&a)) * 12 +
           (g_date_get_month (&b) - g_date_get_month (&a));
  if (g_date_get_day (&b) < g_date_get_day (&a))
    months--;
  if (months < 1)
    return g_strdup (_("less than a month"));

  int years = months / 12;
  months %= 12;
  g_autofree char *y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", years), years);
  g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", months), months);
  if (years == 0)
    return g_steal_pointer (&m);
  if (months == 0)
    return g_steal_pointer (&y);
  /* Translators: "2 years and 3 months" */
  return g_strdup_printf (_("%s and %s"), y, m);
}

/* When the arrangement became as it is: its newest change, else its start. */
static char *
arrangement_since (KitStore *store, KitArrangement *arrangement)
{
  g_autoptr(GListModel) changes = kit_store_list_changes (store,
                                                          kit_arrangement_get_child_id (arrangement),
                                                          kit_arrangement_get_id (arrangement));
  g_autofree char *since = g_strdup (kit_arrangement_get_start_date (arrangement));

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(KitChange) c = g_list_model_get_item (changes, i);
      const char *date = kit_change_get_effective_date (c);
      if (kit_date_parse (date, NULL) && kit_date_compare (date, since) > 0)
        {
          g_free (since);
          since = g_strdup (date);
        }
    }
  return g_steal_pointer (&since);
}

static void
set_arrangement_fields (KitStore *store, KitLetterFields *fields, KitArrangement *arrangement,
                        const char *today)
{
  const char *title = kit_arrangement_get_title (arrangement);
  g_autofree char *lower = lower_first (title);
  g_autofree char *now = describe_now (arrangement);
  g_autofree char *since = arrangement_since (store, arrangement);
  g_autofree char *duration = describe_duration (since, today);
  const char *status = kit_arrangement_get_status (arrangement);

  set_text (fields, "arrangement", title);
  set_text (fields, "arrangement.lower", lower);
  set_text (fields, "arrangement.now", now);
  set_date (fields, "arrangement.start", kit_arrangement_get_start_date (arrangement),
            _("when it started"));
  set_date (fields, "arrangement.since", since, _("since when"));
  set_or_gap (fields, "arrangement.duration", duration, _("how long"));
  kit_letter_fields_set_condition (fields, "duration-known", duration != NULL);
  set_date (fields, "arrangement.last-reviewed", kit_arrangement_get_last_reviewed (arrangement),
            _("when it was last reviewed"));
  kit_letter_fields_set_condition (fields, "ever-reviewed",
                                   kit_date_parse (kit_arrangement_get_last_reviewed (arrangement), NULL));
  set_date (fields, "arrangement.next-review", kit_arrangement_get_next_review (arrangement),
            _("the date of the next review"));
  /* A review date already past is overdue, not planned. */
  const char *next_review = kit_arrangement_get_next_review (arrangement);
  gboolean next_known = kit_date_parse (next_review, NULL);
  kit_letter_fields_set_condition (fields, "next-review-known",
                                   next_known && kit_date_compare (next_review, today) >= 0);
  kit_letter_fields_set_condition (fields, "review-overdue",
                                   next_known && kit_date_compare (next_review, today) < 0);
  kit_letter_fields_set_condition (fields, "arrangement-paused", g_strcmp0 (status, "paused") == 0);
  kit_letter_fields_set_condition (fields, "arrangement-stopped", g_strcmp0 (status, "stopped") == 0);
}

/* The before or after values of the change's fields: "twice a year", or
 * "How often: twice a year; Where: at the family centre" for several. */
static char *
describe_side (KitChange *change, gboolean after)
{
  GPtrArray *list = kit_change_get_fields (change);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      KitFieldChange *fc = g_ptr_array_index (list, i);
      if (after || is_set (fc->before))
        n++;
    }
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      KitFieldChange *fc = g_ptr_array_index (list, i);
      const char *value = after ? fc->after : fc->before;

      if (!after && !is_set (value))
        continue;
      if (!is_set (value))
        value = _("nothing");
      if (out->len > 0)
        g_string_append (out, "; ");
      if (n > 1)
        /* Translators: a field and its value in a letter: "How often: twice a year" */
        g_string_append_printf (out, _("%s: %s"), kit_field_change_label (fc->field), value);
      else
        g_string_append (out, value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What it is now when the change lists no fields (a pause, a stop). */
static const char *
what_now (const char *what_changed)
{
  static const struct { const char *code; const char *words; } now[] = {
    { "started", N_("contact has started") },
    { "paused", N_("contact is paused") },
    { "stopped", N_("contact has stopped") },
    { "restarted", N_("contact has started again") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (now); i++)
    if (g_strcmp0 (now[i].code, what_changed) == 0)
      return _(now[i].words);
  return NULL;
}

static const char *
decided_by_words (const char *code, const char *child)
{
  static const struct { const char *code; const char *words; } table[] = {
    { "agency", N_("the agency (the council or adoption agency)") },
    { "court", N_("the court") },
    { "carers", N_("the carers or adopters") },
    { "mother", N_("you") },
    { "jointly", N_("everyone together") },
  };
  if (g_strcmp0 (code, "child") == 0)
    return child;
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (table[i].code, code) == 0)
      return _(table[i].words);
  return NULL;
}

static const char *
told_how_words (const char *code)
{
  static const struct { const char *code; const char *words; } table[] = {
    { "letter", N_("by letter") },
    { "email", N_("by email") },
    { "phone", N_("by phone") },
    { "in-person", N_("in person") },
    { "review-meeting", N_("at a review meeting") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_strcmp0 (table[i].code, code) == 0)
      return _(table[i].words);
  return NULL;
}

static void
set_change_fields (KitLetterFields *fields, KitChange *change, const char *child)
{
  g_autofree char *before = describe_side (change, FALSE);
  g_autofree char *after = describe_side (change, TRUE);
  const char *what = kit_change_get_what_changed (change);
  const char *given = kit_change_get_reason_given (change);
  const char *decided = decided_by_words (kit_change_get_decided_by (change), child);
  const char *told = told_how_words (kit_change_get_told_how (change));

  kit_letter_fields_set_condition (fields, "has-change", TRUE);
  kit_letter_fields_set (fields, "change.what", kit_vocab_label (KIT_VOCAB_WHAT_CHANGED, what));
  set_or_gap (fields, "change.before", before, _("what contact was"));
  kit_letter_fields_set_condition (fields, "has-before", is_set (before));
  if (!is_set (after) && what_now (what) != NULL)
    kit_letter_fields_set (fields, "change.after", what_now (what));
  else
    set_or_gap (fields, "change.after", after, _("what contact is now"));
  set_date (fields, "change.date", kit_change_get_effective_date (change),
            _("the date of the change"));

  set_or_gap (fields, "change.decided-by", decided, _("who decided"));
  kit_letter_fields_set_condition (fields, "decided-by-known", decided != NULL);
  kit_letter_fields_set_condition (fields, "decided-by-me",
                                   g_strcmp0 (kit_change_get_decided_by (change), "mother") == 0);

  /* The reason exactly as it was given: only the ends are tidied. */
  kit_letter_fields_set_condition (fields, "reason-given", g_strcmp0 (given, "yes") == 0);
  kit_letter_fields_set_condition (fields, "reason-partly", g_strcmp0 (given, "partly") == 0);
  kit_letter_fields_set_condition (fields, "no-reason",
                                   g_strcmp0 (given, "yes") != 0 && g_strcmp0 (given, "partly") != 0);
  kit_letter_fields_set_condition (fields, "has-reason",
                                   g_strcmp0 (given, "yes") == 0 || g_strcmp0 (given, "partly") == 0);
  g_autofree char *reason = g_strstrip (g_strdup (kit_change_get_reason_text (change) ?: ""));
  set_or_gap (fields, "change.reason", reason, _("the reason given"));

  kit_letter_fields_set_condition (fields, "was-told", told != NULL);
  kit_letter_fields_set_condition (fields, "found-out",
                                   g_strcmp0 (kit_change_get_told_how (change), "found-out") == 0);
  kit_letter_fields_set_condition (fields, "not-told",
                                   g_strcmp0 (kit_change_get_told_how (change), "not-told") == 0);
  set_or_gap (fields, "change.told-how", told, _("how you were told"));
  set_date (fields, "change.told-date", kit_change_get_told_date (change), _("when you were told"));
  kit_letter_fields_set_condition (fields, "told-date-known",
                                   kit_date_parse (kit_change_get_told_date (change), NULL));
}

/* Whether she has already asked and had no answer: the first unanswered
 * request's date (follow-ups come oldest first). */
static void
set_follow_up_fields (KitLetterFields *fields, KitChange *change)
{
  GPtrArray *follow_ups = kit_change_get_follow_ups (change);
  const char *asked = NULL;

  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      KitFollowUp *f = g_ptr_array_index (follow_ups, i);
      if (kit_date_parse (kit_follow_up_get_answered_date (f), NULL))
        {
          asked = NULL;  /* answered: later requests start again */
          continue;
        }
      if (asked == NULL && kit_date_parse (kit_follow_up_get_requested_date (f), NULL))
        asked = kit_follow_up_get_requested_date (f);
    }
  kit_letter_fields_set_condition (fields, "asked-before", asked != NULL);
  set_date (fields, "change.asked-date", asked, _("when you asked"));
}

static void
set_contact_fields (KitStore *store, KitLetterFields *fields, KitArrangement *arrangement)
{
  gint64 id = agency_contact (arrangement);
  g_autoptr(KitPerson) person = id != 0 ? kit_store_find_person (store, id) : NULL;

  kit_letter_fields_set_condition (fields, "has-contact", person != NULL);
  if (person == NULL)
    {
      set_gap (fields, "contact.name", _("who to contact"));
      set_gap (fields, "contact.role", _("their role"));
      set_gap (fields, "contact.phone", _("their phone number"));
      return;
    }
  /* "Family support worker" in the middle of a sentence, but "NSPCC worker" as it is. */
  const char *role = kit_person_get_role (person);
  g_autofree char *role_lower = is_set (role) && g_unichar_islower (g_utf8_get_char (g_utf8_next_char (role)))
                                ? lower_first (role) : g_strdup (role);
  set_text (fields, "contact.name", kit_person_get_name (person));
  set_or_gap (fields, "contact.role", role_lower, _("their role"));
  set_or_gap (fields, "contact.phone", kit_person_get_phone (person), _("their phone number"));
  kit_letter_fields_set_condition (fields, "contact-has-role", is_set (kit_person_get_role (person)));
  kit_letter_fields_set_condition (fields, "contact-has-phone", is_set (kit_person_get_phone (person)));
}

KitDocument *
kit_letter_compose (KitStore *store, const KitLetterRequest *request,
                    char **template_warning, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  g_autoptr(KitChange) change = NULL;
  g_autoptr(KitArrangement) arrangement = NULL;
  g_autoptr(KitChild) child = NULL;
  g_autoptr(KitLetterFields) fields = kit_letter_fields_new ();
  g_autoptr(KitLetterTemplate) template = NULL;
  g_autoptr(GError) warning = NULL;
  g_autofree char *today = is_set (request->today) ? g_strdup (request->today) : kit_date_today ();
  gint64 sender_id, recipient_id;

  if (request->kind != KIT_LETTER_REVIEW || request->arrangement_id == 0)
    {
      change = find_change (store, request, error);
      if (change == NULL)
        return NULL;
    }
  arrangement = find_arrangement (store, request, change, error);
  if (arrangement == NULL)
    return NULL;
  child = kit_store_find_child (store, kit_arrangement_get_child_id (arrangement));
  if (child == NULL)
    {
      g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND,
                           _("This child is no longer in the record."));
      return NULL;
    }

  kit_letter_resolve_people (store, request, &sender_id, &recipient_id);
  if (!set_party (store, fields, "sender", sender_id, error) ||
      !set_party (store, fields, "recipient", recipient_id, error))
    return NULL;
  kit_letter_fields_set_condition (fields, "from-me", sender_id == KIT_LETTER_ME);
  kit_letter_fields_set_condition (fields, "to-me", recipient_id == KIT_LETTER_ME);
  kit_letter_fields_set_condition (fields, "to-self",
                                   sender_id == KIT_LETTER_ME && recipient_id == KIT_LETTER_ME);

  set_date (fields, "today", today, _("today's date"));
  set_text (fields, "child", kit_child_get_name (child));
  set_arrangement_fields (store, fields, arrangement, today);
  set_contact_fields (store, fields, arrangement);
  if (change != NULL)
    {
      set_change_fields (fields, change, kit_child_get_name (child));
      set_follow_up_fields (fields, change);
    }

  template = kit_letter_template_load (request->kind, request->easy_read, &warning);
  /* The caller shows it in plain words; nobody asked, it goes to the log. */
  if (warning != NULL && template_warning != NULL)
    *template_warning = g_strdup (warning->message);
  else if (warning != NULL)
    g_warning ("%s", warning->message);

  KitDocument *document = kit_letter_template_expand (template, fields);
  /* Translators: a letter's title: its kind and the child, "Request for reasons: Mia" */
  g_autofree char *title = g_strdup_printf (_("%s: %s"), kit_letter_kind_title (request->kind),
                                            kit_child_get_name (child));
  kit_document_set_title (document, title);
  kit_document_set_paper (document, request->paper);
  kit_document_set_easy_read (document, request->easy_read);
  return document;
}

static gboolean
no_address (GError **error, const char *message)
{
  g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NO_ADDRESS, message);
  return FALSE;
}

gboolean
kit_letter_check_ready (KitStore *store, const KitLetterRequest *request,
                        KitDocument *document, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (KIT_IS_DOCUMENT (document), FALSE);

  gint64 recipient_id;
  kit_letter_resolve_people (store, request, NULL, &recipient_id);

  if (recipient_id == KIT_LETTER_ME)
    {
      g_autofree char *address = NULL;
      kit_store_get_me (store, NULL, &address);
      if (!is_set (g_strstrip (address)))
        return no_address (error, _("Your address is missing. Add your address, then try again."));
    }
  else if (recipient_id > 0)
    {
      g_autoptr(KitPerson) person = kit_store_find_person (store, recipient_id);
      g_autofree char *address = person != NULL
        ? g_strstrip (g_strdup (kit_person_get_address (person) ?: "")) : NULL;
      if (person != NULL && !is_set (address))
        {
          /* Translators: a letter cannot be printed yet: "Sarah Hughes has no address yet. …" */
          g_autofree char *message = g_strdup_printf (_("%s has no address yet. Add one in People, "
                                                        "then try again."),
                                                      kit_person_get_name (person));
          return no_address (error, message);
        }
    }
  return kit_document_check_complete (document, error);
}
