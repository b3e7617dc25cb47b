/* test-letters.c — letter templates and letters composed from the record
 * (DESIGN §5): the built-in templates are valid; a broken override is
 * refused with its file and line and the built-in one used; fields and
 * conditions expand as docs/letters.md says; the reason goes in word for
 * word; what the record lacks becomes a gap; check_ready refuses a
 * recipient without an address and a gap left; letters are kept and listed.
 * Today is fixed at Monday 23 November 2026. */

#include "kit-test-common.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kit-document.h"
#include "kit-letter-template.h"
#include "kit-letter.h"
#include "kit-stats.h"
#include "kit-store.h"

#define TODAY "2026-11-23"
/* Spaces inside, a second line: all of it must reach the letter as it is. */
#define REASON "The  family centre has   fewer supervisors this term.\nWe will look again in the spring."

typedef struct {
  char *dir;
  char *data_home;
  KitVault *vault;
  sqlite3 *db;
  KitStore *store;
} Fixture;

/* Mia, and her arrangements:
 *   1 supervised visits at the family centre, once a month, coordinated by
 *     Sarah Hughes (no address) and supervised by Jo Smith (an address);
 *     never reviewed; started 1 March 2024
 *   2 letters through the agency, coordinated by Jo Smith; reviewed
 *     10 May 2025, next review 1 June 2027
 *   3 video calls with nobody named
 * Changes: 1 on arrangement 1 (twice a month → once a month, from 1 October
 * 2026, decided by the agency, REASON given, told by letter on 20 September
 * 2026); 2 on arrangement 2 (no reason given, not told); 3 on arrangement 3
 * (a reason said to be given, but empty). */
static void
fill (Fixture *f)
{
  kt_exec (f->vault,
    "INSERT INTO people (id, name, role, address, phone) VALUES"
    " (1, 'Sarah Hughes', 'Contact coordinator', '', '01632 960111'),"
    " (2, 'Jo Smith', 'Letterbox coordinator', '1 High Street\nNorthtown\nNT1 1AA', '');"
    "INSERT INTO children (id, name) VALUES (1, 'Mia');"
    "INSERT INTO arrangements (id, child_id, kind, freq_count, freq_unit, venue, supervisor_id,"
    " coordinator_id, start_date, status, last_reviewed, next_review) VALUES"
    " (1, 1, 'face-to-face-supervised', 1, 'month', 'the family centre', 2, 1, '2024-03-01',"
    "  'active', NULL, NULL),"
    " (2, 1, 'letterbox', 2, 'year', '', NULL, 2, '2023-01-01', 'active', '2025-05-10',"
    "  '2027-06-01'),"
    " (3, 1, 'video-call', 1, 'week', '', NULL, NULL, '2025-01-01', 'active', NULL, NULL);"
    "INSERT INTO changes (id, child_id, arrangement_id, seq, effective_date, recorded_at,"
    " what_changed, fields_json, decided_by, reason_given, reason_text, told_how, told_date,"
    " hash) VALUES"
    " (1, 1, 1, 1, '2026-10-01', '2026-10-02T10:00:00Z', 'frequency',"
    "  '[{\"field\":\"frequency\",\"before\":\"twice a month\",\"after\":\"once a month\"}]',"
    "  'agency', 'yes', '" REASON "', 'letter', '2026-09-20', zeroblob(32)),"
    " (2, 1, 2, 2, '2026-06-01', '2026-06-02T10:00:00Z', 'frequency',"
    "  '[{\"field\":\"frequency\",\"before\":\"three times a year\",\"after\":\"twice a year\"}]',"
    "  'not-known', 'no', '', 'not-told', NULL, zeroblob(32)),"
    " (3, 1, 3, 3, '2026-11-01', '2026-11-02T10:00:00Z', 'paused', '[]',"
    "  'carers', 'yes', '   ', 'phone', NULL, zeroblob(32));");
}

static void
setup (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("KIT_TODAY", TODAY, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  f->dir = kt_tmpdir ();
  /* No user overrides unless a test writes one (GLib reads XDG_DATA_HOME
   * once per process, so main () sets it once and each test empties it). */
  f->data_home = g_strdup (g_get_user_data_dir ());
  g_autofree char *path = g_build_filename (f->dir, "r.kit", NULL);
  f->vault = kt_create (path, KT_PASSPHRASE, NULL);
  f->db = kit_vault_get_db (f->vault);
  fill (f);
  f->store = kit_store_new (f->db, &error);
  ck_assert_msg (f->store != NULL, "kit_store_new: %s", error ? error->message : "?");
}

static void
teardown (Fixture *f)
{
  g_clear_object (&f->store);
  ck_assert (kit_vault_close (f->vault, TRUE, NULL));
  g_object_unref (f->vault);
  kt_rmtree (f->dir);
  g_free (f->dir);
  g_autofree char *overrides = g_build_filename (f->data_home, "keep-in-touch", NULL);
  kt_rmtree (overrides);
  g_free (f->data_home);
}

static void
set_me (Fixture *f, const char *name, const char *address)
{
  g_autoptr(GError) error = NULL;
  ck_assert_msg (kit_store_set_me (f->store, name, address, &error), "%s",
                 error ? error->message : "");
}

static KitDocument *
compose (Fixture *f, KitLetterKind kind, gint64 change_id, gboolean easy)
{
  g_autoptr(GError) error = NULL;
  KitLetterRequest request;
  KitDocument *document;

  kit_letter_request_init (&request, kind);
  request.change_id = change_id;
  request.easy_read = easy;
  document = kit_letter_compose (f->store, &request, NULL, &error);
  ck_assert_msg (document != NULL, "compose: %s", error ? error->message : "");
  return document;
}

static char *
plain (KitDocument *document)
{
  return kit_document_to_plain_text (document);
}

#define assert_contains(haystack, needle) \
  ck_assert_msg (strstr ((haystack), (needle)) != NULL, "“%s” not found in:\n%s", (needle), (haystack))
#define assert_lacks(haystack, needle) \
  ck_assert_msg (strstr ((haystack), (needle)) == NULL, "“%s” found in:\n%s", (needle), (haystack))

/* The text of the first block of @kind, or NULL. */
static const char *
block_text (KitDocument *document, KitBlockKind kind)
{
  for (guint i = 0; i < kit_document_get_n_blocks (document); i++)
    if (kit_document_get_block_kind (document, i) == kind)
      return kit_document_get_block_text (document, i);
  return NULL;
}

static void
write_override (Fixture *f, const char *name, const char *text)
{
  g_autofree char *dir = g_build_filename (f->data_home, "keep-in-touch", "letters", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  ck_assert_int_eq (g_mkdir_with_parents (dir, 0700), 0);
  ck_assert (g_file_set_contents (path, text, -1, NULL));
}

/* Every built-in template loads, is valid, and the files in data/letters
 * are the same ones. */
START_TEST (test_templates_valid)
{
  Fixture f;
  setup (&f);
  for (int kind = KIT_LETTER_EXPLANATION; kind <= KIT_LETTER_REVIEW; kind++)
    for (int easy = 0; easy <= 1; easy++)
      {
        g_autoptr(GError) warning = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(KitLetterTemplate) t = kit_letter_template_load (kind, easy, &warning);
        g_autofree char *name = kit_letter_template_file_name (kind, easy);
        g_autofree char *path = g_build_filename (LETTERS_DIR, name, NULL);
        g_autoptr(KitLetterTemplate) from_file = kit_letter_template_load_file (path, &error);

        ck_assert_ptr_nonnull (t);
        ck_assert_ptr_null (warning);
        ck_assert_str_eq (kit_letter_template_get_source (t), "built-in");
        ck_assert_int_eq (kit_letter_template_get_easy_read (t), easy);
        ck_assert_msg (from_file != NULL, "%s: %s", name, error ? error->message : "");
        ck_assert_int_eq (kit_letter_template_get_easy_read (from_file), easy);
      }

  {
    g_autofree char *name = kit_letter_template_file_name (KIT_LETTER_REQUEST, TRUE);
    KitLetterKind kind;
    ck_assert_str_eq (name, "request-easy.xml");
    ck_assert (kit_letter_kind_from_string ("review", &kind));
    ck_assert_int_eq (kind, KIT_LETTER_REVIEW);
    ck_assert (!kit_letter_kind_from_string ("complaint", &kind));
    ck_assert_str_eq (kit_letter_kind_to_string (KIT_LETTER_EXPLANATION), "explanation");
    ck_assert_str_eq (kit_letter_kind_title (KIT_LETTER_REQUEST), "Request for reasons");
  }
  teardown (&f);
}
END_TEST

/* A user's template that breaks the schema: refused with its name and line,
 * and the built-in one used instead. The same for a field or condition
 * that does not exist, and for XML that is not well formed. */
START_TEST (test_override_broken)
{
  static const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "<?xml version=\"1.0\"?>\n<letter>\n  <paragraph>Hello</paragraph>\n\n"
      "  <table>not a block</table>\n</letter>\n", "request.xml, line 5" },
    { "<?xml version=\"1.0\"?>\n<letter>\n  <paragraph>Hello\n"
      "    <field name=\"child.shoe-size\"/></paragraph>\n</letter>\n", "request.xml, line 4" },
    { "<?xml version=\"1.0\"?>\n<letter>\n<if test=\"sunny\">\n"
      "  <paragraph>Hello</paragraph>\n</if>\n</letter>\n", "request.xml, line 3" },
    { "<?xml version=\"1.0\"?>\n<letter>\n  <paragraph>Hello\n</letter>\n", "request.xml, line 4" },
    { "<?xml version=\"1.0\"?>\n<letter>\n  <paragraph>Hello <field/></paragraph>\n</letter>\n",
      "request.xml, line 3" },
  };
  Fixture f;
  setup (&f);
  set_me (&f, "Anna Price", "12 Elm Road\nLeeds");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) warning = NULL;
      g_autoptr(KitLetterTemplate) t = NULL;
      g_autofree char *message = NULL;
      g_autoptr(KitDocument) document = NULL;
      g_autofree char *text = NULL;
      KitLetterRequest request;

      write_override (&f, "request.xml", cases[i].text);
      t = kit_letter_template_load (KIT_LETTER_REQUEST, FALSE, &warning);
      ck_assert_ptr_nonnull (t);
      ck_assert_str_eq (kit_letter_template_get_source (t), "built-in");
      ck_assert_msg (warning != NULL, "case %u: no warning", i);
      ck_assert (g_error_matches (warning, KIT_LETTER_ERROR, KIT_LETTER_ERROR_TEMPLATE));
      ck_assert_msg (g_str_has_prefix (warning->message, cases[i].expected),
                     "case %u: expected “%s…”, got “%s”", i, cases[i].expected, warning->message);

      /* Composing says so too, and the letter is the built-in one. */
      kit_letter_request_init (&request, KIT_LETTER_REQUEST);
      request.change_id = 2;
      document = kit_letter_compose (f.store, &request, &message, NULL);
      ck_assert_ptr_nonnull (document);
      ck_assert_ptr_nonnull (message);
      ck_assert (g_str_has_prefix (message, cases[i].expected));
      text = plain (document);
      assert_contains (text, "I was not given a reason for this change.");
    }

  /* A good override is used. */
  {
    g_autoptr(GError) warning = NULL;
    g_autoptr(KitLetterTemplate) t = NULL;
    g_autoptr(KitDocument) document = NULL;
    g_autofree char *text = NULL;

    write_override (&f, "request.xml",
                    "<?xml version=\"1.0\"?>\n<letter>\n  <subject>About <field name=\"child\"/></subject>\n"
                    "  <paragraph>My own words.</paragraph>\n</letter>\n");
    t = kit_letter_template_load (KIT_LETTER_REQUEST, FALSE, &warning);
    ck_assert_ptr_null (warning);
    ck_assert (g_str_has_suffix (kit_letter_template_get_source (t), "keep-in-touch/letters/request.xml"));
    document = compose (&f, KIT_LETTER_REQUEST, 2, FALSE);
    text = plain (document);
    assert_contains (text, "About Mia");
    assert_contains (text, "My own words.");
    /* Only request.xml is overridden. */
    g_autoptr(KitLetterTemplate) easy = kit_letter_template_load (KIT_LETTER_REQUEST, TRUE, NULL);
    ck_assert_str_eq (kit_letter_template_get_source (easy), "built-in");
  }
  teardown (&f);
}
END_TEST

/* Fields, conditions and white space, on a template of the test's own. */
START_TEST (test_fields_and_conditions)
{
  Fixture f;
  setup (&f);
  g_autofree char *path = g_build_filename (f.dir, "t.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KitLetterTemplate) t = NULL;
  g_autoptr(KitLetterFields) fields = kit_letter_fields_new ();
  g_autoptr(KitDocument) document = NULL;

  ck_assert (g_file_set_contents (path,
    "<?xml version=\"1.0\"?>\n"
    "<letter easy-read=\"true\">\n"
    "  <recipient><field name=\"recipient.name\"/><br/><field name=\"recipient.address\"/></recipient>\n"
    "  <subject>\n    About   <field name=\"child\"/>\n  </subject>\n"
    "  <paragraph>Reason: “<field name=\"change.reason\"/>”<if test=\"has-reason\">, given</if>"
    "<unless test=\"has-reason\">, not given</unless>.</paragraph>\n"
    "  <if test=\"no-reason\"><paragraph>Shown only without a reason.</paragraph></if>\n"
    "  <unless test=\"no-reason\"><bullet>A bullet <field name=\"change.date\"/></bullet></unless>\n"
    "  <paragraph><if test=\"to-self\">nothing at all</if></paragraph>\n"
    "  <sign-off>Yours,<br/><br/><field name=\"sender.name\"/></sign-off>\n"
    "</letter>\n", -1, NULL));
  t = kit_letter_template_load_file (path, &error);
  ck_assert_msg (t != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (kit_letter_template_get_source (t), path);
  ck_assert (kit_letter_template_get_easy_read (t));

  kit_letter_fields_set (fields, "recipient.name", "Jo Smith");
  kit_letter_fields_set (fields, "recipient.address", "1 High Street\nNorthtown");
  kit_letter_fields_set (fields, "child", "Mia");
  kit_letter_fields_set (fields, "change.reason", "  two  spaces\nand a line ");
  kit_letter_fields_set_condition (fields, "has-reason", TRUE);
  kit_letter_fields_set_condition (fields, "no-reason", FALSE);
  ck_assert_str_eq (kit_letter_fields_get (fields, "child"), "Mia");
  ck_assert_ptr_null (kit_letter_fields_get (fields, "change.date"));

  document = kit_letter_template_expand (t, fields);
  ck_assert (kit_document_get_easy_read (document));
  /* The empty paragraph is left out: five blocks. */
  ck_assert_uint_eq (kit_document_get_n_blocks (document), 5);
  ck_assert_int_eq (kit_document_get_block_kind (document, 0), KIT_BLOCK_RECIPIENT);
  ck_assert_str_eq (kit_document_get_block_text (document, 0), "Jo Smith\n1 High Street\nNorthtown");
  ck_assert_int_eq (kit_document_get_block_kind (document, 1), KIT_BLOCK_SUBJECT);
  ck_assert_str_eq (kit_document_get_block_text (document, 1), "About Mia");
  /* A value goes in exactly as it is; template spaces do not. */
  ck_assert_str_eq (kit_document_get_block_text (document, 2),
                    "Reason: “  two  spaces\nand a line ”, given.");
  ck_assert_int_eq (kit_document_get_block_kind (document, 3), KIT_BLOCK_BULLET);
  /* A field the template names and the letter lacks is a gap. */
  ck_assert_str_eq (kit_document_get_block_text (document, 3), "A bullet " KIT_GAP_OPEN "change.date" KIT_GAP_CLOSE);
  ck_assert_int_eq (kit_document_get_block_kind (document, 4), KIT_BLOCK_SIGN_OFF);
  ck_assert_str_eq (kit_document_get_block_text (document, 4),
                    "Yours,\n\n" KIT_GAP_OPEN "sender.name" KIT_GAP_CLOSE);

  /* The other way round. */
  {
    g_autoptr(KitDocument) other = NULL;
    kit_letter_fields_set_condition (fields, "has-reason", FALSE);
    kit_letter_fields_set_condition (fields, "no-reason", TRUE);
    other = kit_letter_template_expand (t, fields);
    ck_assert_uint_eq (kit_document_get_n_blocks (other), 5);
    ck_assert (g_str_has_suffix (kit_document_get_block_text (other, 2), "”, not given."));
    ck_assert_str_eq (kit_document_get_block_text (other, 3), "Shown only without a reason.");
  }
  teardown (&f);
}
END_TEST

/* The reason, word for word, in every letter about the change. */
START_TEST (test_reason_word_for_word)
{
  Fixture f;
  setup (&f);
  set_me (&f, "Anna Price", "12 Elm Road\nLeeds");

  for (int kind = KIT_LETTER_EXPLANATION; kind <= KIT_LETTER_REQUEST; kind++)
    for (int easy = 0; easy <= 1; easy++)
      {
        g_autoptr(KitDocument) document = compose (&f, kind, 1, easy);
        g_autofree char *text = plain (document);
        assert_contains (text, "“" REASON "”");
        assert_contains (text, "Mia");
        assert_contains (text, "1 October 2026");
        assert_contains (text, "once a month");
        ck_assert_int_eq (kit_document_get_easy_read (document), easy);
        ck_assert_int_eq (kit_document_get_paper (document), KIT_PAPER_A4);
        /* The request goes to Sarah Hughes, who has no address yet. */
        ck_assert_msg (kit_document_check_complete (document, NULL) == (kind == KIT_LETTER_EXPLANATION),
                       "%s", text);
      }

  /* The explanation: what it was, what it is, from when, who decided, how
   * she was told, what she can do, whom to contact. */
  {
    g_autoptr(KitDocument) document = compose (&f, KIT_LETTER_EXPLANATION, 1, FALSE);
    g_autofree char *text = plain (document);
    assert_contains (text, "What contact was: twice a month");
    assert_contains (text, "What it is now: once a month");
    assert_contains (text, "From: 1 October 2026");
    assert_contains (text, "Who decided: the agency");
    assert_contains (text, "You were told by letter on 20 September 2026.");
    assert_contains (text, "Ask for the reasons in writing.");
    assert_contains (text, "Ask for a review of contact");
    assert_contains (text, "solicitor");
    assert_contains (text, "contact Sarah Hughes (contact coordinator) on 01632 960111.");
    ck_assert_str_eq (block_text (document, KIT_BLOCK_DATE), "23 November 2026");
    /* From her to her: no sender block, no sign-off. */
    ck_assert_ptr_null (block_text (document, KIT_BLOCK_SENDER));
    ck_assert_str_eq (block_text (document, KIT_BLOCK_RECIPIENT), "Anna Price\n12 Elm Road\nLeeds");
    assert_contains (kit_document_get_title (document), "Mia");
  }

  /* From a practitioner to her: his address, "Dear", and his signature. */
  {
    g_autoptr(GError) error = NULL;
    KitLetterRequest request;
    kit_letter_request_init (&request, KIT_LETTER_EXPLANATION);
    request.change_id = 1;
    request.sender_id = 2;
    g_autoptr(KitDocument) document = kit_letter_compose (f.store, &request, NULL, &error);
    ck_assert_msg (document != NULL, "%s", error ? error->message : "");
    g_autofree char *text = plain (document);
    ck_assert_str_eq (block_text (document, KIT_BLOCK_SENDER), "Jo Smith\n1 High Street\nNorthtown\nNT1 1AA");
    ck_assert_str_eq (block_text (document, KIT_BLOCK_RECIPIENT), "Anna Price\n12 Elm Road\nLeeds");
    assert_contains (text, "Dear Anna Price,");
    ck_assert_str_eq (block_text (document, KIT_BLOCK_SIGN_OFF), "Yours sincerely,\n\n\nJo Smith");
    ck_assert (kit_letter_check_ready (f.store, &request, document, NULL));
  }
  teardown (&f);
}
END_TEST

/* A request for reasons when none was given, to the coordinator. */
START_TEST (test_request_no_reason)
{
  Fixture f;
  setup (&f);
  set_me (&f, "Anna Price", "12 Elm Road\nLeeds");

  g_autoptr(KitDocument) document = NULL;
  g_autofree char *text = NULL;

  /* Not asked before: nothing said about it. */
  {
    g_autoptr(KitDocument) first = compose (&f, KIT_LETTER_REQUEST, 2, FALSE);
    g_autofree char *first_text = plain (first);
    assert_lacks (first_text, "I first asked");
  }
  /* Asked on 1 July (answered), again on 1 August and 1 September: the
   * first request since the last answer counts. */
  kt_exec (f.vault, "INSERT INTO follow_ups (change_id, requested_date, answered_date, answer) VALUES"
                    " (2, '2026-07-01', '2026-07-10', 'We will write soon.'),"
                    " (2, '2026-08-01', NULL, ''), (2, '2026-09-01', NULL, '')");
  document = compose (&f, KIT_LETTER_REQUEST, 2, FALSE);
  text = plain (document);
  assert_contains (text, "I first asked for the reasons on 1 August 2026, and I have not had a reply yet.");
  assert_contains (text, "I was not given a reason for this change.");
  assert_contains (text, "the reasons for this change");
  assert_contains (text, "who made the decision");
  assert_contains (text, "the date of the next review");
  assert_contains (text, "letters through the agency");
  assert_contains (text, "Before, it was: three times a year. Now it is: twice a year.");
  ck_assert_str_eq (block_text (document, KIT_BLOCK_SENDER), "Anna Price\n12 Elm Road\nLeeds");
  ck_assert_str_eq (block_text (document, KIT_BLOCK_RECIPIENT), "Jo Smith\n1 High Street\nNorthtown\nNT1 1AA");
  ck_assert_str_eq (block_text (document, KIT_BLOCK_SIGN_OFF), "Yours sincerely,\n\n\nAnna Price");
  ck_assert (kit_document_check_complete (document, NULL));

  g_autoptr(GError) error = NULL;
  KitLetterRequest request;
  kit_letter_request_init (&request, KIT_LETTER_REQUEST);
  request.change_id = 2;
  ck_assert_msg (kit_letter_check_ready (f.store, &request, document, &error), "%s",
                 error ? error->message : "");
  teardown (&f);
}
END_TEST

/* The review letter: for an arrangement; how long it has been as it is,
 * and whether it was ever reviewed. */
START_TEST (test_review)
{
  Fixture f;
  setup (&f);
  set_me (&f, "Anna Price", "12 Elm Road\nLeeds");
  g_autoptr(GError) error = NULL;
  KitLetterRequest request;

  kit_letter_request_init (&request, KIT_LETTER_REVIEW);
  request.arrangement_id = 2;
  g_autoptr(KitDocument) reviewed = kit_letter_compose (f.store, &request, NULL, &error);
  ck_assert_msg (reviewed != NULL, "%s", error ? error->message : "");
  g_autofree char *text = plain (reviewed);
  assert_contains (text, "ask for a review of contact with my child, Mia");
  assert_contains (text, "twice a year");
  assert_contains (text, "since 1 June 2026, which is 5 months.");
  assert_contains (text, "last reviewed on 10 May 2025");
  assert_contains (text, "a review is planned for 1 June 2027");

  /* Never reviewed; from the change's arrangement. */
  kit_letter_request_init (&request, KIT_LETTER_REVIEW);
  request.change_id = 1;
  request.recipient_id = 2;
  g_autoptr(KitDocument) never = kit_letter_compose (f.store, &request, NULL, &error);
  ck_assert_msg (never != NULL, "%s", error ? error->message : "");
  g_autofree char *never_text = plain (never);
  assert_contains (never_text, "supervised visits");
  assert_contains (never_text, "once a month, at the family centre");
  assert_contains (never_text, "As far as I know, it has never been reviewed.");
  ck_assert_str_eq (block_text (never, KIT_BLOCK_RECIPIENT), "Jo Smith\n1 High Street\nNorthtown\nNT1 1AA");
  teardown (&f);
}
END_TEST

/* What the record lacks is a gap: her name and address, a person's
 * address, an empty reason said to be given, nobody to write to. */
START_TEST (test_gaps)
{
  Fixture f;
  setup (&f);
  g_autoptr(GError) error = NULL;
  KitLetterRequest request;

  /* No name or address for her yet. */
  {
    g_autoptr(KitDocument) document = compose (&f, KIT_LETTER_REQUEST, 2, FALSE);
    ck_assert_str_eq (block_text (document, KIT_BLOCK_SENDER),
                      KIT_GAP_OPEN "your name" KIT_GAP_CLOSE "\n" KIT_GAP_OPEN "your address" KIT_GAP_CLOSE);
    kit_letter_request_init (&request, KIT_LETTER_REQUEST);
    request.change_id = 2;
    ck_assert (!kit_letter_check_ready (f.store, &request, document, &error));
    ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP));
    assert_contains (error->message, "your name");
    g_clear_error (&error);
  }

  set_me (&f, "Anna Price", "12 Elm Road\nLeeds");

  /* The coordinator has no address: a gap, and check_ready says who and how. */
  {
    g_autoptr(KitDocument) document = compose (&f, KIT_LETTER_REQUEST, 1, FALSE);
    ck_assert_str_eq (block_text (document, KIT_BLOCK_RECIPIENT),
                      "Sarah Hughes\n" KIT_GAP_OPEN "Sarah Hughes's address" KIT_GAP_CLOSE);
    kit_letter_request_init (&request, KIT_LETTER_REQUEST);
    request.change_id = 1;
    ck_assert (!kit_letter_check_ready (f.store, &request, document, &error));
    ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NO_ADDRESS));
    ck_assert_str_eq (error->message,
                      "Sarah Hughes has no address yet. Add one in People, then try again.");
    g_clear_error (&error);
  }

  /* A reason said to be given but empty: a gap where the reason goes. */
  {
    g_autoptr(KitDocument) document = compose (&f, KIT_LETTER_EXPLANATION, 3, FALSE);
    g_autofree char *text = plain (document);
    assert_contains (text, "“" KIT_GAP_OPEN "the reason given" KIT_GAP_CLOSE "”");
    /* No fields: a pause says so. */
    assert_contains (text, "What it is now: contact is paused");
    /* Decided by the carers; nobody to contact is simply not mentioned. */
    assert_contains (text, "Who decided: the carers or adopters");
    assert_lacks (text, "If you have questions");
    kit_letter_request_init (&request, KIT_LETTER_EXPLANATION);
    request.change_id = 3;
    ck_assert (!kit_letter_check_ready (f.store, &request, document, &error));
    ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP));
    assert_contains (error->message, "the reason given");
    g_clear_error (&error);

    /* She fills the gap by editing the text; the blocks she cannot edit stay. */
    g_autofree char *editable = kit_document_get_editable_text (document);
    assert_contains (editable, KIT_GAP_OPEN "the reason given" KIT_GAP_CLOSE);
    assert_lacks (editable, "12 Elm Road");
    g_autoptr(GString) edited = g_string_new (editable);
    g_string_replace (edited, KIT_GAP_OPEN "the reason given" KIT_GAP_CLOSE,
                      "They said she needs a rest from screens.", 0);
    kit_document_set_editable_text (document, edited->str);
    ck_assert_msg (kit_letter_check_ready (f.store, &request, document, &error), "%s",
                   error ? error->message : "");
    ck_assert_str_eq (block_text (document, KIT_BLOCK_RECIPIENT), "Anna Price\n12 Elm Road\nLeeds");
    ck_assert_str_eq (block_text (document, KIT_BLOCK_DATE), "23 November 2026");
    g_autofree char *text_after = plain (document);
    assert_contains (text_after, "“They said she needs a rest from screens.”");
  }

  /* Nobody to write to (no coordinator or supervisor): gaps. */
  {
    g_autoptr(KitDocument) document = compose (&f, KIT_LETTER_REQUEST, 3, FALSE);
    assert_contains (block_text (document, KIT_BLOCK_RECIPIENT), KIT_GAP_OPEN "who the letter is to" KIT_GAP_CLOSE);
    kit_letter_request_init (&request, KIT_LETTER_REQUEST);
    request.change_id = 3;
    ck_assert (!kit_letter_check_ready (f.store, &request, document, &error));
    ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP));
    g_clear_error (&error);
  }

  /* Her own address missing, for a letter to her. */
  set_me (&f, "Anna Price", "");
  {
    g_autoptr(KitDocument) document = compose (&f, KIT_LETTER_EXPLANATION, 1, FALSE);
    kit_letter_request_init (&request, KIT_LETTER_EXPLANATION);
    request.change_id = 1;
    ck_assert (!kit_letter_check_ready (f.store, &request, document, &error));
    ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NO_ADDRESS));
    assert_contains (error->message, "Your address is missing");
    g_clear_error (&error);
  }
  teardown (&f);
}
END_TEST

/* Who letters are from and to unless she chooses; unknown things refused. */
/* A field the record cannot fill is a gap, never a blank, even in a
 * template of her own that uses it without its condition: change 3 (a
 * pause) has nothing "before". */
START_TEST (test_empty_field_is_gap)
{
  Fixture f;
  setup (&f);
  set_me (&f, "Anna Price", "12 Elm Road\nLeeds");
  write_override (&f, "explanation.xml",
                  "<?xml version=\"1.0\"?>\n<letter>\n"
                  "  <paragraph>Contact was: <field name=\"change.before\"/>.</paragraph>\n"
                  "</letter>\n");
  {
    g_autoptr(KitDocument) document = compose (&f, KIT_LETTER_EXPLANATION, 3, FALSE);
    g_autofree char *text = plain (document);
    g_autoptr(GError) error = NULL;

    assert_lacks (text, "Contact was: .");
    assert_contains (text, "Contact was: " KIT_GAP_OPEN);
    ck_assert (!kit_document_check_complete (document, &error));
    ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP));
    assert_contains (error->message, "what contact was");
  }
  teardown (&f);
}
END_TEST

/* What the record holds is text, never a gap: a reason typed with the gap
 * brackets prints (with plain ones) and does not hold the letter back. */
START_TEST (test_record_text_not_a_gap)
{
  Fixture f;
  setup (&f);
  set_me (&f, "Anna Price", "12 Elm Road\nLeeds");
  kt_exec (f.vault, "UPDATE changes SET reason_text = 'The " KIT_GAP_OPEN "rota" KIT_GAP_CLOSE
                    " was full.' WHERE id = 1;");
  {
    g_autoptr(KitDocument) document = compose (&f, KIT_LETTER_EXPLANATION, 1, FALSE);
    g_autofree char *text = plain (document);
    g_autoptr(GError) error = NULL;

    assert_contains (text, "The [rota] was full.");
    ck_assert_msg (kit_document_check_complete (document, &error), "%s", error ? error->message : "");
  }
  teardown (&f);
}
END_TEST

START_TEST (test_people_and_not_found)
{
  Fixture f;
  setup (&f);
  g_autoptr(GError) error = NULL;
  KitLetterRequest request;
  gint64 sender, recipient;

  kit_letter_request_init (&request, KIT_LETTER_EXPLANATION);
  ck_assert_int_eq (request.sender_id, KIT_LETTER_DEFAULT);
  ck_assert_int_eq (request.paper, KIT_PAPER_A4);
  request.change_id = 1;
  kit_letter_resolve_people (f.store, &request, &sender, &recipient);
  ck_assert_int_eq (sender, KIT_LETTER_ME);
  ck_assert_int_eq (recipient, KIT_LETTER_ME);

  kit_letter_request_init (&request, KIT_LETTER_REQUEST);
  request.change_id = 1;  /* coordinated by Sarah Hughes (1) */
  kit_letter_resolve_people (f.store, &request, &sender, &recipient);
  ck_assert_int_eq (sender, KIT_LETTER_ME);
  ck_assert_int_eq (recipient, 1);
  request.change_id = 3;  /* nobody named */
  kit_letter_resolve_people (f.store, &request, &sender, &recipient);
  ck_assert_int_eq (recipient, KIT_LETTER_DEFAULT);
  /* No coordinator: the supervisor. */
  kt_exec (f.vault, "UPDATE arrangements SET coordinator_id = NULL WHERE id = 1");
  kit_letter_request_init (&request, KIT_LETTER_REVIEW);
  request.arrangement_id = 1;
  kit_letter_resolve_people (f.store, &request, &sender, &recipient);
  ck_assert_int_eq (recipient, 2);
  /* Her choice stands. */
  request.sender_id = 2;
  request.recipient_id = KIT_LETTER_ME;
  kit_letter_resolve_people (f.store, &request, &sender, &recipient);
  ck_assert_int_eq (sender, 2);
  ck_assert_int_eq (recipient, KIT_LETTER_ME);

  kit_letter_request_init (&request, KIT_LETTER_EXPLANATION);
  request.change_id = 99;
  ck_assert_ptr_null (kit_letter_compose (f.store, &request, NULL, &error));
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND));
  g_clear_error (&error);
  kit_letter_request_init (&request, KIT_LETTER_REVIEW);
  request.arrangement_id = 99;
  ck_assert_ptr_null (kit_letter_compose (f.store, &request, NULL, &error));
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND));
  g_clear_error (&error);
  kit_letter_request_init (&request, KIT_LETTER_REQUEST);
  request.change_id = 1;
  request.recipient_id = 42;
  ck_assert_ptr_null (kit_letter_compose (f.store, &request, NULL, &error));
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND));
  g_clear_error (&error);
  teardown (&f);
}
END_TEST

static KitLetterRecord *
kept (const char *template_name, gint64 change_id, gint64 recipient_id, const char *xml)
{
  KitLetterRecord *letter = kit_letter_record_new ();
  kit_letter_record_set_template (letter, template_name);
  kit_letter_record_set_change_id (letter, change_id);
  kit_letter_record_set_recipient_id (letter, recipient_id);
  kit_letter_record_set_final_text (letter, xml);
  return letter;
}

/* Letters kept, listed newest first with title and recipient, found again;
 * her own details kept in the record. */
START_TEST (test_letters_kept)
{
  Fixture f;
  setup (&f);
  g_autoptr(GError) error = NULL;
  g_autoptr(KitDocument) document = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *name = NULL;
  g_autofree char *address = NULL;

  kit_store_get_me (f.store, &name, &address);
  ck_assert_str_eq (name, "");
  ck_assert_str_eq (address, "");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&address, g_free);
  set_me (&f, "  Anna Price ", "12 Elm Road\nLeeds\n");
  kit_store_get_me (f.store, &name, &address);
  ck_assert_str_eq (name, "Anna Price");
  ck_assert_str_eq (address, "12 Elm Road\nLeeds");

  document = compose (&f, KIT_LETTER_REQUEST, 2, FALSE);
  xml = kit_document_to_xml (document);

  g_autoptr(KitLetterRecord) first = kept ("request", 2, 2, xml);
  ck_assert_str_eq (kit_letter_record_get_title (first), "Request for reasons");
  ck_assert_msg (kit_store_save_letter (f.store, first, &error), "%s", error ? error->message : "");
  ck_assert_int_gt (kit_letter_record_get_id (first), 0);
  ck_assert_int_eq (kit_letter_record_get_child_id (first), 1);
  ck_assert_int_eq (strlen (kit_letter_record_get_produced_at (first)), 20);

  /* An explanation to keep: to her (recipient 0). */
  g_autoptr(KitDocument) to_me = compose (&f, KIT_LETTER_EXPLANATION, 1, TRUE);
  g_autofree char *to_me_xml = kit_document_to_xml (to_me);
  ck_assert_str_eq (block_text (to_me, KIT_BLOCK_RECIPIENT), "Anna Price\n12 Elm Road\nLeeds");
  g_autoptr(KitLetterRecord) second = kept ("explanation-easy", 1, 0, to_me_xml);
  ck_assert (kit_store_save_letter (f.store, second, NULL));
  ck_assert_int_gt (kit_letter_record_get_id (second), kit_letter_record_get_id (first));

  /* Refused: an unknown template, an empty text, an unknown change. */
  g_autoptr(KitLetterRecord) bad = kept ("complaint", 1, 0, xml);
  ck_assert (!kit_store_save_letter (f.store, bad, &error));
  g_clear_error (&error);
  g_autoptr(KitLetterRecord) empty = kept ("request", 1, 0, "");
  ck_assert (!kit_store_save_letter (f.store, empty, &error));
  g_clear_error (&error);
  g_autoptr(KitLetterRecord) gone = kept ("request", 77, 0, xml);
  ck_assert (!kit_store_save_letter (f.store, gone, &error));
  g_clear_error (&error);
  ck_assert_int_eq (kt_query_int (f.db, "SELECT count(*) FROM letters"), 2);

  g_autoptr(GListModel) list = kit_store_list_letters (f.store, 1);
  ck_assert_uint_eq (g_list_model_get_n_items (list), 2);
  g_autoptr(KitLetterRecord) newest = g_list_model_get_item (list, 0);
  g_autoptr(KitLetterRecord) oldest = g_list_model_get_item (list, 1);
  ck_assert_int_eq (kit_letter_record_get_id (newest), kit_letter_record_get_id (second));
  ck_assert_str_eq (kit_letter_record_get_title (newest), "Explanation of a change (easy read)");
  ck_assert_str_eq (kit_letter_record_get_recipient_name (newest), "Anna Price");
  ck_assert_str_eq (kit_letter_record_get_title (oldest), "Request for reasons");
  {
    g_autofree char *title = NULL;
    g_object_get (oldest, "title", &title, NULL);
    ck_assert_str_eq (title, "Request for reasons");
  }
  ck_assert_str_eq (kit_letter_record_get_recipient_name (oldest), "Jo Smith");
  ck_assert_str_eq (kit_letter_record_get_final_text (oldest), xml);
  ck_assert_int_eq (kit_letter_record_get_change_id (oldest), 2);

  g_autoptr(GListModel) none = kit_store_list_letters (f.store, 2);
  ck_assert_uint_eq (g_list_model_get_n_items (none), 0);

  g_autoptr(KitLetterRecord) found = kit_store_find_letter (f.store, kit_letter_record_get_id (first));
  ck_assert_ptr_nonnull (found);
  ck_assert_str_eq (kit_letter_record_get_template (found), "request");
  ck_assert_int_eq (kit_letter_record_get_recipient_id (found), 2);
  ck_assert_ptr_null (kit_store_find_letter (f.store, 999));

  /* The kept text prints the same letter again. */
  g_autoptr(KitDocument) again = kit_document_from_xml (kit_letter_record_get_final_text (found), &error);
  ck_assert_msg (again != NULL, "%s", error ? error->message : "");
  g_autofree char *a = plain (document);
  g_autofree char *b = plain (again);
  ck_assert_str_eq (a, b);

  /* Jo Smith leaves People: the letter was still to her, not to Anna. */
  ck_assert (kit_store_remove_person (f.store, 2, NULL));
  {
    g_autoptr(GListModel) after = kit_store_list_letters (f.store, 1);
    g_autoptr(KitLetterRecord) to_jo = g_list_model_get_item (after, 1);
    g_autoptr(KitLetterRecord) to_anna = g_list_model_get_item (after, 0);
    ck_assert_int_eq (kit_letter_record_get_recipient_id (to_jo), 0);
    ck_assert_str_eq (kit_letter_record_get_recipient_name (to_jo), "Jo Smith");
    ck_assert_str_eq (kit_letter_record_get_recipient_name (to_anna), "Anna Price");
  }

  g_autofree char *stats = kit_stats_json (f.db, FALSE, NULL);
  ck_assert_msg (strstr (stats, "\"letters\": 2") != NULL || strstr (stats, "\"letters\":2") != NULL,
                 "%s", stats);
  teardown (&f);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("letters");

  kt_init ();
  g_autofree char *data_home = g_dir_make_tmp ("kit-letters-data-XXXXXX", NULL);
  g_assert (data_home != NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  kt_add_test (s, "templates-valid", test_templates_valid);
  kt_add_test (s, "override-broken", test_override_broken);
  kt_add_test (s, "fields-and-conditions", test_fields_and_conditions);
  kt_add_test (s, "reason-word-for-word", test_reason_word_for_word);
  kt_add_test (s, "request-no-reason", test_request_no_reason);
  kt_add_test (s, "review", test_review);
  kt_add_test (s, "gaps", test_gaps);
  kt_add_test (s, "empty-field-is-gap", test_empty_field_is_gap);
  kt_add_test (s, "record-text-not-a-gap", test_record_text_not_a_gap);
  kt_add_test (s, "people-and-not-found", test_people_and_not_found);
  kt_add_test (s, "letters-kept", test_letters_kept);
  int status = kt_run_suite (s);
  kt_rmtree (data_home);
  return status;
}
