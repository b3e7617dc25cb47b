/* kit-report.c — the documents that are not letters: a child's contact
 * history (for a review meeting or a solicitor), built from the record at
 * the moment of printing, and the one-page recovery sheet. Plain, calm
 * words (DESIGN §1): what happened and what was said, never blame. */
#include "kit-report.h"

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

/* A report has no gaps to fill: text from the record that holds the gap
 * brackets is printed with plain ones, or the report could never be saved
 * (and she cannot edit a report to take them out). */
static void
add (KitDocument *doc, KitBlockKind kind, const char *text)
{
  g_autofree char *plain = kit_document_no_gaps (text);
  kit_document_add (doc, kind, plain);
}

static void
add_printf (KitDocument *doc, KitBlockKind kind, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
add_printf (KitDocument *doc, KitBlockKind kind, const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  add (doc, kind, text);
}

/* 64 hex digits as two lines of four groups of eight, easy to read aloud
 * and to compare, and never broken in the middle of a group. */
static char *
group_hash (const char *hex)
{
  GString *out = g_string_new (NULL);
  size_t len = strlen (hex);

  for (size_t i = 0; i < len; i += 8)
    {
      if (i > 0)
        g_string_append_c (out, i % 32 == 0 ? '\n' : ' ');
      g_string_append_len (out, hex + i, MIN (8, len - i));
    }
  return g_string_free (out, FALSE);
}

/* The arrangements now */

static void
add_arrangements (KitDocument *doc, KitStore *store, gint64 child_id)
{
  g_autoptr (GListModel) arrangements = kit_store_list_arrangements (store, child_id);
  guint n = g_list_model_get_n_items (arrangements);

  add (doc, KIT_BLOCK_HEADING, _("The arrangements now"));
  if (n == 0)
    add (doc, KIT_BLOCK_PARAGRAPH, _("No contact arrangements are recorded."));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KitArrangement) arrangement = g_list_model_get_item (arrangements, i);
      g_autofree char *text = kit_arrangement_describe (arrangement);
      add (doc, KIT_BLOCK_BULLET, text);
    }
}

/* One change */

static char *
describe_reason (KitChange *change)
{
  const char *given = kit_change_get_reason_given (change);
  g_autofree char *text = g_strstrip (g_strdup (kit_change_get_reason_text (change) != NULL
                                                  ? kit_change_get_reason_text (change) : ""));

  /* The reason is quoted exactly as it was given, with nothing added. */
  if (g_strcmp0 (given, "yes") == 0 && text[0] != '\0')
    return g_strdup_printf (_("The reason given: %s"), text);
  if (g_strcmp0 (given, "yes") == 0)
    return g_strdup (_("A reason was given, but it was not written down."));
  if (g_strcmp0 (given, "partly") == 0 && text[0] != '\0')
    return g_strdup_printf (_("Part of a reason was given: %s"), text);
  if (g_strcmp0 (given, "partly") == 0)
    return g_strdup (_("Part of a reason was given, but it was not written down."));
  return g_strdup (_("No reason was given."));
}

static char *
describe_told (KitChange *change)
{
  const char *how = kit_change_get_told_how (change);
  g_autofree char *when = kit_date_format (kit_change_get_told_date (change));

  if (!is_set (how) && when[0] == '\0')
    return g_strdup (_("How I was told is not recorded."));
  if (g_strcmp0 (how, "not-told") == 0)
    return g_strdup (_("I wasn't told."));
  if (g_strcmp0 (how, "found-out") == 0)
    return when[0] != '\0' ? g_strdup_printf (_("I wasn't told: I found out on %s."), when)
                           : g_strdup (_("I wasn't told: I found out another way."));
  if (when[0] == '\0')
    return g_strdup_printf (_("How I was told: %s."), kit_vocab_label (KIT_VOCAB_TOLD_HOW, how));
  if (!is_set (how))
    return g_strdup_printf (_("I was told on %s."), when);
  /* Translators: "How I was told: By letter, on 3 March 2026." The report
   * is in her own voice, like the fixed lists ("Me", "My child"). */
  return g_strdup_printf (_("How I was told: %s, on %s."),
                          kit_vocab_label (KIT_VOCAB_TOLD_HOW, how), when);
}

static void
add_follow_ups (KitDocument *doc, KitChange *change)
{
  GPtrArray *follow_ups = kit_change_get_follow_ups (change);

  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      KitFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *asked = kit_date_format (kit_follow_up_get_requested_date (follow_up));
      g_autofree char *answered = kit_date_format (kit_follow_up_get_answered_date (follow_up));
      const char *answer = kit_follow_up_get_answer (follow_up);
      g_autofree char *asked_text = asked[0] != '\0'
        ? g_strdup_printf (_("An explanation was asked for on %s."), asked)
        : g_strdup (_("An explanation was asked for."));

      if (kit_follow_up_is_unanswered (follow_up))
        add_printf (doc, KIT_BLOCK_BULLET, "%s %s", asked_text, _("No answer has come yet."));
      else if (is_set (answer) && answered[0] != '\0')
        add_printf (doc, KIT_BLOCK_BULLET, _("%s The answer came on %s: %s"), asked_text,
                    answered, answer);
      else if (is_set (answer))
        add_printf (doc, KIT_BLOCK_BULLET, _("%s The answer: %s"), asked_text, answer);
      else
        add_printf (doc, KIT_BLOCK_BULLET, _("%s An answer came on %s."), asked_text,
                    answered[0] != '\0' ? answered : _("a date not recorded"));
    }
}

static void
add_notes (KitDocument *doc, KitStore *store, KitChange *change)
{
  g_autoptr (GString) note = g_string_new (NULL);
  const char *stamp = kit_change_get_recorded_at (change);

  if (is_set (stamp) && strlen (stamp) >= 10)
    {
      g_autofree char *day = g_strndup (stamp, 10);
      g_autofree char *when = kit_date_format (day);
      g_string_append_printf (note, _("Written down on %s."), when);
    }
  if (kit_change_get_corrects_id (change) != 0)
    {
      g_autoptr (KitChange) corrected = kit_store_find_change (store, kit_change_get_corrects_id (change));
      g_autofree char *when = corrected != NULL
        ? kit_date_format (kit_change_get_effective_date (corrected)) : g_strdup ("");
      if (note->len > 0)
        g_string_append_c (note, ' ');
      if (when[0] != '\0')
        g_string_append_printf (note, _("This entry puts right the entry for %s."), when);
      else
        g_string_append (note, _("This entry puts right an earlier entry."));
    }
  if (kit_change_get_corrected_by_id (change) != 0)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, _("A later entry puts this one right."));
    }
  if (note->len > 0)
    add (doc, KIT_BLOCK_NOTE, note->str);
}

static void
add_change (KitDocument *doc, KitStore *store, KitChange *change)
{
  g_autofree char *when = kit_date_format (kit_change_get_effective_date (change));
  g_autofree char *fields = kit_change_describe_fields (change);
  g_autofree char *reason = describe_reason (change);
  g_autofree char *told = describe_told (change);
  const char *what = kit_vocab_label (KIT_VOCAB_WHAT_CHANGED, kit_change_get_what_changed (change));
  const char *title = kit_change_get_arrangement_title (change);
  const char *category = kit_change_get_reason_category (change);
  const char *her_view = kit_change_get_her_view (change);

  /* Translators: "From 1 March 2026: Letters through the agency — How often changed" */
  add_printf (doc, KIT_BLOCK_SUBJECT, _("From %s: %s — %s"),
              when[0] != '\0' ? when : _("a date not recorded"),
              is_set (title) ? title : _("Contact"), what);
  add_notes (doc, store, change);
  /* What changed and who decided; the reason; the telling: three short
   * paragraphs, so a long history stays readable. */
  g_autoptr (GString) what_text = g_string_new (fields);
  if (what_text->len > 0)
    g_string_append_c (what_text, '\n');
  g_string_append_printf (what_text, _("Who decided: %s."),
                          kit_vocab_label (KIT_VOCAB_DECIDED_BY,
                                           is_set (kit_change_get_decided_by (change))
                                             ? kit_change_get_decided_by (change) : "not-known"));
  add (doc, KIT_BLOCK_PARAGRAPH, what_text->str);

  g_autoptr (GString) reason_text = g_string_new (reason);
  if (is_set (category) && g_strcmp0 (category, "not-given") != 0 &&
      g_strcmp0 (kit_change_get_reason_given (change), "no") != 0)
    {
      g_string_append_c (reason_text, '\n');
      g_string_append_printf (reason_text, _("Kind of reason: %s."),
                              kit_vocab_label (KIT_VOCAB_REASON_CATEGORY, category));
    }
  add (doc, KIT_BLOCK_PARAGRAPH, reason_text->str);

  g_autoptr (GString) told_text = g_string_new (told);
  if (is_set (her_view))
    {
      g_string_append_c (told_text, '\n');
      g_string_append_printf (told_text, _("My view at the time: %s"), her_view);
    }
  add (doc, KIT_BLOCK_PARAGRAPH, told_text->str);
  add_follow_ups (doc, change);
}

static void
add_changes (KitDocument *doc, KitStore *store, gint64 child_id)
{
  g_autoptr (GListModel) changes = kit_store_list_changes (store, child_id, 0);
  guint n = g_list_model_get_n_items (changes);

  add (doc, KIT_BLOCK_HEADING, _("Every change, oldest first"));
  if (n == 0)
    add (doc, KIT_BLOCK_PARAGRAPH, _("No changes to contact have been recorded."));
  /* The store lists newest first. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (KitChange) change = g_list_model_get_item (changes, i - 1);
      add_change (doc, store, change);
    }
}

/* The counts and the closing statement */

/* A macro so the plural forms stay string literals the compiler can check. */
#define ADD_COUNT(doc, n, one, many) \
  add_printf ((doc), KIT_BLOCK_BULLET, g_dngettext (GETTEXT_PACKAGE, one, many, (n)), (n))

static gboolean
add_counts (KitDocument *doc, KitStore *store, gint64 child_id, GError **error)
{
  KitCounts counts;

  if (!kit_store_get_counts (store, child_id, &counts, error))
    return FALSE;
  add (doc, KIT_BLOCK_HEADING, _("In numbers"));
  ADD_COUNT (doc, counts.changes, "%u change recorded", "%u changes recorded");
  ADD_COUNT (doc, counts.with_reason, "%u with a reason given", "%u with a reason given");
  ADD_COUNT (doc, counts.partly_reason, "%u with part of a reason given",
             "%u with part of a reason given");
  ADD_COUNT (doc, counts.without_reason, "%u with no reason given", "%u with no reason given");
  ADD_COUNT (doc, counts.told_in_writing, "%u told in writing (by letter or email)",
             "%u told in writing (by letter or email)");
  ADD_COUNT (doc, counts.requests_unanswered, "%u request for an explanation not answered yet",
             "%u requests for an explanation not answered yet");
  return TRUE;
}

static void
add_closing (KitDocument *doc, KitStore *store, gint64 child_id)
{
  g_autofree char *tail = kit_store_child_chain_tail (store, child_id);
  const char *how = _("This history is kept as a chain of entries, each sealed with a code "
                      "made from the one before.");

  add (doc, KIT_BLOCK_HEADING, _("Is this history complete?"));
  if (tail == NULL)
    {
      add (doc, KIT_BLOCK_PARAGRAPH,
           _("No changes have been recorded yet, so there is no chain of entries "
             "to check."));
      return;
    }
  if (kit_store_child_history_intact (store, child_id))
    {
      add_printf (doc, KIT_BLOCK_PARAGRAPH, "%s %s", how,
                  _("The chain is complete and unchanged."));
      add (doc, KIT_BLOCK_NOTE, _("The code of the last entry:"));
    }
  else
    {
      add_printf (doc, KIT_BLOCK_PARAGRAPH, "%s %s", how,
                  _("Part of this history has been changed since it was written, so the "
                    "chain does not check out. The entries above are shown as they are now."));
      add (doc, KIT_BLOCK_NOTE, _("The code of the last entry, as it is now:"));
    }
  g_autofree char *grouped = group_hash (tail);
  add (doc, KIT_BLOCK_MONO, grouped);
}

KitDocument *
kit_report_contact_history (KitStore *store, gint64 child_id, const char *today, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (KitChild) child = kit_store_find_child (store, child_id);
  g_autofree char *now = today != NULL ? g_strdup (today) : kit_date_today ();
  g_autofree char *date = kit_date_format (now);
  g_autofree char *title = NULL;
  g_autoptr (KitDocument) doc = NULL;

  if (child == NULL)
    {
      g_set_error_literal (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND,
                           _("That child is not in this record."));
      return NULL;
    }

  /* Translators: the report's title, with the child's name */
  title = g_strdup_printf (_("Contact history: %s"), kit_child_get_name (child));
  doc = kit_document_new (title);
  add (doc, KIT_BLOCK_DATE, date);
  add (doc, KIT_BLOCK_HEADING, title);
  if (is_set (kit_child_get_date_of_birth (child)))
    {
      g_autofree char *born = kit_date_format (kit_child_get_date_of_birth (child));
      add_printf (doc, KIT_BLOCK_PARAGRAPH, _("%s was born on %s."), kit_child_get_name (child), born);
    }
  add_printf (doc, KIT_BLOCK_PARAGRAPH,
              _("This report shows the contact arrangements for %s as they are now, and every "
                "change to contact that has been recorded, oldest first, with who decided and "
                "the reason exactly as it was given."),
              kit_child_get_name (child));

  add_arrangements (doc, store, child_id);
  add_changes (doc, store, child_id);
  if (!add_counts (doc, store, child_id, error))
    return NULL;
  add_closing (doc, store, child_id);
  return g_steal_pointer (&doc);
}

/* The recovery sheet */

/* Four groups to a line, so the key is never broken inside a group. */
static char *
key_lines (const char *key)
{
  g_auto (GStrv) groups = g_strsplit (key, "-", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, i % 4 == 0 ? "\n" : "-");
      g_string_append (out, groups[i]);
    }
  return g_string_free (out, FALSE);
}

KitDocument *
kit_report_recovery_sheet (const char *record_name, const char *recovery_key, const char *today)
{
  g_autofree char *now = today != NULL ? g_strdup (today) : kit_date_today ();
  g_autofree char *date = kit_date_format (now);
  g_autofree char *key = key_lines (recovery_key != NULL ? recovery_key : "");
  KitDocument *doc = kit_document_new (_("Recovery sheet"));

  add (doc, KIT_BLOCK_DATE, date);
  add (doc, KIT_BLOCK_HEADING, _("Recovery sheet for Keep in Touch"));
  add_printf (doc, KIT_BLOCK_PARAGRAPH,
              _("This sheet holds the recovery key for the record “%s”. If the passphrase is "
                "ever forgotten, this key opens the record, and then a new passphrase can be "
                "chosen."),
              record_name != NULL ? record_name : "");
  add (doc, KIT_BLOCK_SUBJECT, _("The recovery key"));
  add (doc, KIT_BLOCK_MONO, key);

  add (doc, KIT_BLOCK_SUBJECT, _("Where to keep it"));
  add (doc, KIT_BLOCK_BULLET,
       _("Somewhere safe and private, away from the computer — with other "
         "important papers, for example."));
  add (doc, KIT_BLOCK_BULLET,
       _("Not in a photo on a phone, and not in an email or a message."));
  add (doc, KIT_BLOCK_BULLET,
       _("Anyone who has this sheet and a copy of the record can open it, so keep "
         "it as carefully as a bank card."));

  add (doc, KIT_BLOCK_SUBJECT, _("How to use it"));
  add (doc, KIT_BLOCK_BULLET, _("Open Keep in Touch and choose the record."));
  add (doc, KIT_BLOCK_BULLET, _("Choose “Use a recovery key instead”."));
  add (doc, KIT_BLOCK_BULLET,
       _("Type the key exactly as it is above. Capital or small letters, spaces "
         "and dashes do not matter."));
  add (doc, KIT_BLOCK_BULLET,
       _("Choose a new passphrase. The record opens with everything in it."));
  add (doc, KIT_BLOCK_NOTE,
       _("Nobody else can open the record without the passphrase or this key — "
         "not even the people who made the app."));
  return doc;
}
