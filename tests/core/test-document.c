/* test-document.c — documents and the renderer (kit-document.h,
 * kit-renderer.h): the editable text, gaps refused, XML kept and read back
 * and bad XML refused, pages and page numbers, a long paragraph flowing
 * across pages with no word lost, a sign-off never split, A4 and US Letter,
 * PDFs written whole or not at all. PDFs are read back with poppler's
 * pdftotext and pdfinfo. */

#include "kit-test-common.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>

#include "kit-document.h"
#include "kit-renderer.h"
#include "kit-report.h"
#include "kit-schema.h"
#include "kit-store.h"

#define assert_str_owned(expr, expected)        \
  G_STMT_START {                                \
    g_autofree char *got_ = (expr);             \
    ck_assert_pstr_eq (got_, (expected));       \
  } G_STMT_END

/* Helpers */

static char *
run_tool (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error),
                 "%s could not run: %s", argv[0], error ? error->message : "");
  ck_assert_msg (g_spawn_check_wait_status (status, NULL), "%s failed", argv[0]);
  return out;
}

/* The text of page @page (from 1) of a PDF, or of every page with 0. */
static char *
pdf_text (const char *path, int page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  return run_tool (page > 0 ? one : all);
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  return run_tool (argv);
}

/* Every run of white space as one space, so lines broken by the layout
 * still match the words given. */
static char *
squeeze (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \n\t\f\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (out, FALSE);
}

static guint
count_of (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
write_pdf (KitDocument *doc, const char *dir, const char *name, guint *n_pages)
{
  g_autoptr (KitRenderer) renderer = kit_renderer_new (doc);
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  ck_assert_msg (kit_renderer_write_pdf (renderer, path, &error), "write failed: %s",
                 error ? error->message : "");
  if (n_pages != NULL)
    *n_pages = kit_renderer_get_n_pages (renderer);
  return path;
}

static KitDocument *
make_letter (const char *body)
{
  KitDocument *doc = kit_document_new ("A letter about contact");

  kit_document_add (doc, KIT_BLOCK_SENDER, "Anna Smith\n12 Long Road\nLeeds LS1 2AB");
  kit_document_add (doc, KIT_BLOCK_DATE, "23 November 2026");
  kit_document_add (doc, KIT_BLOCK_RECIPIENT, "Jo Brown\nAdoption Agency\n1 High Street\nYork YO1 1AA");
  kit_document_add (doc, KIT_BLOCK_SUBJECT, "Contact with Mia");
  kit_document_add (doc, KIT_BLOCK_PARAGRAPH, "Dear Jo,");
  kit_document_add (doc, KIT_BLOCK_PARAGRAPH, body);
  kit_document_add (doc, KIT_BLOCK_BULLET, "Why was this decided?");
  kit_document_add (doc, KIT_BLOCK_BULLET, "When is the next review?");
  kit_document_add (doc, KIT_BLOCK_SIGN_OFF, "Yours sincerely,\n\n\nAnna Smith");
  return doc;
}

/* "w0001 w0002 …": words that each appear once and say where they were. */
static char *
numbered_words (guint n)
{
  GString *out = g_string_new (NULL);
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (out, i > 1 ? " w%04u" : "w%04u", i);
  return g_string_free (out, FALSE);
}

/* Documents */

START_TEST (test_blocks_and_copy)
{
  g_autoptr (KitDocument) doc = make_letter ("Body.");
  g_autoptr (KitDocument) copy = NULL;

  ck_assert_uint_eq (kit_document_get_n_blocks (doc), 9);
  ck_assert_int_eq (kit_document_get_paper (doc), KIT_PAPER_A4);
  ck_assert (!kit_document_get_easy_read (doc));
  ck_assert_int_eq (kit_document_get_block_kind (doc, 0), KIT_BLOCK_SENDER);
  ck_assert_int_eq (kit_document_get_block_kind (doc, 8), KIT_BLOCK_SIGN_OFF);
  ck_assert_str_eq (kit_document_get_block_text (doc, 5), "Body.");

  copy = kit_document_copy (doc);
  kit_document_set_block_text (doc, 5, "Changed.");
  kit_document_set_title (doc, "Another");
  ck_assert_str_eq (kit_document_get_block_text (copy, 5), "Body.");
  ck_assert_str_eq (kit_document_get_title (copy), "A letter about contact");

  assert_str_owned (kit_document_to_plain_text (copy),
                    "Anna Smith\n12 Long Road\nLeeds LS1 2AB\n\n23 November 2026\n\n"
                    "Jo Brown\nAdoption Agency\n1 High Street\nYork YO1 1AA\n\n"
                    "Contact with Mia\n\nDear Jo,\n\nBody.\n\n\u2022 Why was this decided?\n\n"
                    "\u2022 When is the next review?\n\nYours sincerely,\n\n\nAnna Smith");
}
END_TEST

START_TEST (test_editable_text)
{
  g_autoptr (KitDocument) doc = make_letter ("I am writing about the change.");
  const char *edited = "Contact with Mia: a question\n\nDear Jo,\n\nFirst paragraph,\nwith a "
                       "second line.\n\n\u2022 One\n\u2022 Two\n\nLast paragraph.";

  assert_str_owned (kit_document_get_editable_text (doc),
                    "Contact with Mia\n\nDear Jo,\n\nI am writing about the change.\n\n"
                    "\u2022 Why was this decided?\n\u2022 When is the next review?");

  kit_document_set_editable_text (doc, edited);
  assert_str_owned (kit_document_get_editable_text (doc), edited);
  /* The sender, date, recipient and sign-off are not part of it. */
  ck_assert_uint_eq (kit_document_get_n_blocks (doc), 10);
  ck_assert_int_eq (kit_document_get_block_kind (doc, 0), KIT_BLOCK_SENDER);
  ck_assert_int_eq (kit_document_get_block_kind (doc, 2), KIT_BLOCK_RECIPIENT);
  ck_assert_int_eq (kit_document_get_block_kind (doc, 3), KIT_BLOCK_SUBJECT);
  ck_assert_str_eq (kit_document_get_block_text (doc, 3), "Contact with Mia: a question");
  ck_assert_int_eq (kit_document_get_block_kind (doc, 5), KIT_BLOCK_PARAGRAPH);
  ck_assert_str_eq (kit_document_get_block_text (doc, 5), "First paragraph,\nwith a second line.");
  ck_assert_int_eq (kit_document_get_block_kind (doc, 6), KIT_BLOCK_BULLET);
  ck_assert_str_eq (kit_document_get_block_text (doc, 6), "One");
  ck_assert_int_eq (kit_document_get_block_kind (doc, 7), KIT_BLOCK_BULLET);
  ck_assert_int_eq (kit_document_get_block_kind (doc, 8), KIT_BLOCK_PARAGRAPH);
  ck_assert_int_eq (kit_document_get_block_kind (doc, 9), KIT_BLOCK_SIGN_OFF);
  ck_assert_str_eq (kit_document_get_block_text (doc, 9), "Yours sincerely,\n\n\nAnna Smith");

  /* Windows line ends and extra blank lines from a paste. */
  kit_document_set_editable_text (doc, "Subject\r\n\r\n\r\n\r\nOnly one.\r\n\r\n\r\n");
  assert_str_owned (kit_document_get_editable_text (doc), "Subject\n\nOnly one.");
  ck_assert_uint_eq (kit_document_get_n_blocks (doc), 6);
}
END_TEST

START_TEST (test_gaps)
{
  g_autofree char *gap = kit_document_gap ("the reason given");
  g_autoptr (KitDocument) doc = NULL;
  g_autoptr (KitRenderer) renderer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *body = NULL;
  g_autoptr (GPtrArray) left = NULL;

  ck_assert_str_eq (gap, "\u27E6the reason given\u27E7");
  body = g_strdup_printf ("The reason was: %s.", gap);
  doc = make_letter (body);

  ck_assert (!kit_document_check_complete (doc, &error));
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP));
  ck_assert_str_eq (error->message, "The letter still has a gap to fill: the reason given.");
  g_clear_error (&error);

  /* The preview still draws it; a PDF is refused and nothing is written. */
  renderer = kit_renderer_new (doc);
  ck_assert_uint_eq (kit_renderer_get_n_pages (renderer), 1);
  ck_assert (!kit_renderer_write_pdf (renderer, path, &error));
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_GAP));
  left = kt_list_dir (dir);
  ck_assert_uint_eq (left->len, 0);
  g_clear_error (&error);

  /* Filled in, it goes through. */
  kit_document_set_block_text (doc, 5, "The reason was: none.");
  ck_assert (kit_document_check_complete (doc, &error));
  g_clear_object (&renderer);
  renderer = kit_renderer_new (doc);
  ck_assert (kit_renderer_write_pdf (renderer, path, &error));
  ck_assert (g_file_test (path, G_FILE_TEST_EXISTS));
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_gap_drawn_highlighted)
{
  g_autofree char *gap = kit_document_gap ("an address");
  g_autoptr (KitDocument) plain = make_letter ("Nothing missing here at all.");
  g_autoptr (KitDocument) gapped = make_letter (gap);
  cairo_surface_t *surface;
  guint yellow = 0;

  /* The gap's box is pale yellow, a colour nothing else on a page uses. */
  for (int which = 0; which < 2; which++)
    {
      g_autoptr (KitRenderer) renderer = kit_renderer_new (which == 0 ? plain : gapped);
      cairo_t *cr;
      guint found = 0;

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
      cr = cairo_create (surface);
      kit_renderer_draw_page (renderer, cr, 0);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      for (int y = 0; y < 842; y++)
        {
          guint32 *row = (guint32 *) (cairo_image_surface_get_data (surface) +
                                      y * cairo_image_surface_get_stride (surface));
          for (int x = 0; x < 596; x++)
            {
              guint r = (row[x] >> 16) & 0xff, g = (row[x] >> 8) & 0xff, b = row[x] & 0xff;
              if (r > 240 && g > 225 && g < 250 && b > 130 && b < 190)
                found++;
            }
        }
      cairo_surface_destroy (surface);
      if (which == 0)
        ck_assert_uint_eq (found, 0);
      yellow = found;
    }
  ck_assert_uint_gt (yellow, 200);
}
END_TEST

START_TEST (test_xml_round_trip)
{
  g_autoptr (KitDocument) doc = kit_document_new ("Title with \"quotes\" & <angles>");
  g_autoptr (KitDocument) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *again = NULL;
  const char *texts[] = {
    "Anna\n12 Long Road", "Jo & Co <agency>", "1 March 2027", "Subject: \u201cquoted\u201d",
    "Heading", "  Leading and trailing spaces  ", "Bullet \u27E6gap\u27E7", "Yours,\n\n\nAnna",
    "ABCD-EFGH", "Zo\u00eb's note ]]> end",
  };

  kit_document_set_paper (doc, KIT_PAPER_LETTER);
  kit_document_set_easy_read (doc, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    kit_document_add (doc, (KitBlockKind) i, texts[i]);
  kit_document_add (doc, KIT_BLOCK_PARAGRAPH, "");

  xml = kit_document_to_xml (doc);
  back = kit_document_from_xml (xml, &error);
  ck_assert_msg (back != NULL, "refused: %s", error ? error->message : "");
  ck_assert_str_eq (kit_document_get_title (back), "Title with \"quotes\" & <angles>");
  ck_assert_int_eq (kit_document_get_paper (back), KIT_PAPER_LETTER);
  ck_assert (kit_document_get_easy_read (back));
  ck_assert_uint_eq (kit_document_get_n_blocks (back), G_N_ELEMENTS (texts) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      ck_assert_int_eq (kit_document_get_block_kind (back, i), (KitBlockKind) i);
      ck_assert_str_eq (kit_document_get_block_text (back, i), texts[i]);
    }
  ck_assert_str_eq (kit_document_get_block_text (back, G_N_ELEMENTS (texts)), "");
  again = kit_document_to_xml (back);
  ck_assert_str_eq (again, xml);

  /* A control character is dropped and bytes that are not UTF-8 replaced,
   * so what is kept can always be read back (and drawn). */
  g_autoptr (KitDocument) odd = kit_document_new ("Odd");
  g_autoptr (KitDocument) odd_back = NULL;
  g_autofree char *odd_xml = NULL;
  g_autofree char *dir = kt_tmpdir ();
  kit_document_add (odd, KIT_BLOCK_PARAGRAPH, "bell\a here, bad \xff byte");
  odd_xml = kit_document_to_xml (odd);
  odd_back = kit_document_from_xml (odd_xml, &error);
  ck_assert_msg (odd_back != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (kit_document_get_block_text (odd_back, 0), "bell here, bad \uFFFD byte");
  g_free (write_pdf (odd, dir, "odd.pdf", NULL));
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_bad_xml_refused)
{
  const char *bad[] = {
    "",
    "not xml at all",
    "<document><block kind=\"paragraph\">unclosed</document>",
    "<letter/>",
    "<document paper=\"a3\"/>",
    "<document easy-read=\"maybe\"/>",
    "<document><block kind=\"shouting\">x</block></document>",
    "<document><block>no kind</block></document>",
    "<document><para kind=\"paragraph\">x</para></document>",
    "<document><block kind=\"paragraph\"><b>bold</b></block></document>",
    ("<?xml version=\"1.0\"?>\n<!DOCTYPE document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
     "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<document><block kind=\"paragraph\">&b;</block></document>"),
    "<?xml version=\"1.0\"?>\n<!DOCTYPE document SYSTEM \"file:///etc/passwd\">\n<document/>",
    "<document>\n\n<block kind=\"paragraph\">fine</block>\n<block kind=\"paragraph\">broken</blok>\n</document>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (KitDocument) doc = kit_document_from_xml (bad[i], &error);
      ck_assert_msg (doc == NULL, "accepted: %s", bad[i]);
      ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_TEMPLATE));
      ck_assert (g_str_has_prefix (error->message, "This letter could not be read"));
    }

  /* The message says where the damage is. */
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDocument) doc = kit_document_from_xml (bad[G_N_ELEMENTS (bad) - 1], &error);
  ck_assert_ptr_null (doc);
  ck_assert_msg (strstr (error->message, "line 4") != NULL, "%s", error->message);

  /* Not XML-ish but fine: an empty document. */
  g_autoptr (KitDocument) empty = kit_document_from_xml ("<document/>", NULL);
  ck_assert_ptr_nonnull (empty);
  ck_assert_uint_eq (kit_document_get_n_blocks (empty), 0);
}
END_TEST

START_TEST (test_paper)
{
  double w, h;
  KitPaper paper;

  kit_paper_get_size (KIT_PAPER_A4, &w, &h);
  ck_assert_double_eq_tol (w, 595.28, 0.01);
  ck_assert_double_eq_tol (h, 841.89, 0.01);
  kit_paper_get_size (KIT_PAPER_LETTER, &w, &h);
  ck_assert_double_eq (w, 612.0);
  ck_assert_double_eq (h, 792.0);
  ck_assert_str_eq (kit_paper_to_string (KIT_PAPER_A4), "a4");
  ck_assert_str_eq (kit_paper_to_string (KIT_PAPER_LETTER), "letter");
  ck_assert (kit_paper_from_string ("letter", &paper) && paper == KIT_PAPER_LETTER);
  ck_assert (kit_paper_from_string ("A4", &paper) && paper == KIT_PAPER_A4);
  ck_assert (!kit_paper_from_string ("a3", &paper));
  ck_assert (!kit_paper_from_string (NULL, &paper));
}
END_TEST

/* Rendering */

START_TEST (test_pdf_sizes_and_title)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autoptr (KitDocument) doc = make_letter ("A short letter.");
  g_autofree char *a4 = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *info = NULL;
  guint pages = 0;

  a4 = write_pdf (doc, dir, "a4.pdf", &pages);
  ck_assert_uint_eq (pages, 1);
  info = pdf_info (a4);
  ck_assert_msg (strstr (info, "Page size:       595.28 x 841.89 pts (A4)") != NULL, "%s", info);
  ck_assert_msg (strstr (info, "Pages:           1\n") != NULL, "%s", info);
  ck_assert_msg (strstr (info, "Title:           A letter about contact\n") != NULL, "%s", info);
  g_free (info);

  kit_document_set_paper (doc, KIT_PAPER_LETTER);
  letter = write_pdf (doc, dir, "letter.pdf", NULL);
  info = pdf_info (letter);
  ck_assert_msg (strstr (info, "Page size:       612 x 792 pts (letter)") != NULL, "%s", info);

  g_autoptr (KitRenderer) renderer = kit_renderer_new (doc);
  ck_assert_double_eq (kit_renderer_get_page_width (renderer), 612.0);
  ck_assert_double_eq (kit_renderer_get_page_height (renderer), 792.0);
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_one_page_has_no_page_number)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autoptr (KitDocument) doc = make_letter ("A short letter.");
  g_autofree char *path = write_pdf (doc, dir, "one.pdf", NULL);
  g_autofree char *text = pdf_text (path, 0);
  g_autofree char *flat = squeeze (text);

  ck_assert_msg (strstr (flat, "Page 1") == NULL, "%s", flat);
  /* Everything is there, in order. */
  ck_assert_msg (strstr (flat, "Anna Smith 12 Long Road Leeds LS1 2AB") != NULL, "%s", flat);
  ck_assert_msg (strstr (flat, "Jo Brown Adoption Agency 1 High Street York YO1 1AA") != NULL, "%s", flat);
  ck_assert_msg (strstr (flat, "Contact with Mia Dear Jo, A short letter.") != NULL, "%s", flat);
  ck_assert_msg (strstr (flat, "Yours sincerely, Anna Smith") != NULL, "%s", flat);
  kt_rmtree (dir);
}
END_TEST

/* A paragraph of 1,500 words runs over several pages: every word is on
 * exactly one page, in order, and each page says "Page N of M". */
static void
check_long_paragraph (gboolean easy_read, KitPaper paper)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *words = numbered_words (1500);
  g_autoptr (KitDocument) doc = make_letter (words);
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  guint pages = 0;
  guint next = 1;

  kit_document_set_easy_read (doc, easy_read);
  kit_document_set_paper (doc, paper);
  path = write_pdf (doc, dir, "long.pdf", &pages);
  ck_assert_uint_ge (pages, easy_read ? 5 : 3);

  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *text = pdf_text (path, (int) page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, pages);
      g_autofree char *flat = squeeze (text);
      g_auto (GStrv) tokens = g_strsplit (flat, " ", -1);

      ck_assert_msg (strstr (flat, footer) != NULL, "no '%s' on page %u", footer, page);
      for (guint i = 0; tokens[i] != NULL; i++)
        {
          guint n;
          if (tokens[i][0] != 'w' || strlen (tokens[i]) != 5)
            continue;
          n = (guint) g_ascii_strtoull (tokens[i] + 1, NULL, 10);
          ck_assert_msg (n == next, "page %u: expected w%04u, found %s", page, next, tokens[i]);
          next++;
        }
    }
  ck_assert_msg (next == 1501, "only %u of 1500 words were printed", next - 1);

  all = pdf_text (path, 0);
  ck_assert_uint_eq (count_of (all, "Yours sincerely"), 1);
  ck_assert_uint_eq (count_of (all, "Why was this decided?"), 1);
  kt_rmtree (dir);
}

START_TEST (test_long_paragraph_across_pages)
{
  check_long_paragraph (FALSE, KIT_PAPER_A4);
}
END_TEST

START_TEST (test_long_paragraph_easy_read_letter)
{
  check_long_paragraph (TRUE, KIT_PAPER_LETTER);
}
END_TEST

START_TEST (test_easy_read_is_larger)
{
  g_autofree char *words = numbered_words (250);
  g_autoptr (KitDocument) doc = make_letter (words);
  g_autoptr (KitRenderer) normal = kit_renderer_new (doc);
  g_autoptr (KitRenderer) easy = NULL;

  kit_document_set_easy_read (doc, TRUE);
  easy = kit_renderer_new (doc);
  ck_assert_uint_eq (kit_renderer_get_n_pages (normal), 1);
  ck_assert_uint_ge (kit_renderer_get_n_pages (easy), 3);
}
END_TEST

/* However long the paragraph before it, the sign-off is never split: its
 * first and last lines are always on the same page. */
START_TEST (test_sign_off_kept_together)
{
  g_autofree char *dir = kt_tmpdir ();
  gboolean moved = FALSE;

  for (guint n = 360; n <= 620; n += 9)
    {
      g_autofree char *words = numbered_words (n);
      g_autoptr (KitDocument) doc = make_letter (words);
      g_autofree char *path = NULL;
      g_autofree char *last = NULL;
      guint pages;

      kit_document_set_block_text (doc, 8, "Yours sincerely,\n\n\n\n\nAnna Smith (signed)");
      path = write_pdf (doc, dir, "sign.pdf", &pages);
      last = pdf_text (path, (int) pages);
      ck_assert_msg (strstr (last, "Yours sincerely,") != NULL && strstr (last, "Anna Smith (signed)") != NULL,
                     "%u words: the sign-off is split", n);
      if (pages == 2)
        {
          g_autofree char *first = pdf_text (path, 1);
          g_autofree char *flat = squeeze (last);
          /* When the sign-off moved on its own, the words all stayed on page 1. */
          if (strstr (flat, "w0") == NULL && strstr (flat, "When is the next review?") == NULL)
            moved = TRUE;
          ck_assert (strstr (first, "Yours sincerely") == NULL);
        }
    }
  ck_assert_msg (moved, "no length made the sign-off move to a page of its own");
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_write_failures)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "a-folder.pdf", NULL);
  g_autoptr (KitDocument) doc = make_letter ("A short letter.");
  g_autoptr (KitRenderer) renderer = kit_renderer_new (doc);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) left = NULL;

  ck_assert (!kit_renderer_write_pdf (renderer, missing, &error));
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE));
  ck_assert_msg (strstr (error->message, "does not exist") != NULL, "%s", error->message);
  g_clear_error (&error);

  /* The rename fails at the end: the temporary file is removed again. */
  ck_assert_int_eq (g_mkdir (folder, 0700), 0);
  ck_assert (!kit_renderer_write_pdf (renderer, folder, &error));
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE));
  ck_assert (g_file_test (folder, G_FILE_TEST_IS_DIR));
  left = kt_list_dir (dir);
  ck_assert_uint_eq (left->len, 1);
  ck_assert_str_eq (g_ptr_array_index (left, 0), "a-folder.pdf");
  kt_rmtree (dir);
}
END_TEST

/* Something at that name that is not a file (a pipe, a device such as
 * /dev/null): refused in plain words and left as it was, never replaced by
 * the rename. */
START_TEST (test_not_a_file_refused)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *pipe_path = g_build_filename (dir, "pipe.pdf", NULL);
  g_autoptr (KitDocument) doc = make_letter ("A short letter.");
  g_autoptr (KitRenderer) renderer = kit_renderer_new (doc);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) left = NULL;
  GStatBuf st;

  ck_assert_int_eq (mkfifo (pipe_path, 0600), 0);
  ck_assert (!kit_renderer_write_pdf (renderer, pipe_path, &error));
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_WRITE));
  ck_assert_msg (strstr (error->message, "not a file") != NULL, "%s", error->message);
  ck_assert_int_eq (g_lstat (pipe_path, &st), 0);
  ck_assert (S_ISFIFO (st.st_mode));
  left = kt_list_dir (dir);
  ck_assert_uint_eq (left->len, 1);
  kt_rmtree (dir);
}
END_TEST

/* A name as long as the folder allows (255 bytes) still saves: the
 * temporary file's name must not be longer than the one she chose. */
START_TEST (test_longest_name_saves)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *stem = g_strnfill (251, 'a');
  g_autofree char *name = g_strconcat (stem, ".pdf", NULL);
  g_autoptr (KitDocument) doc = make_letter ("A letter with a long file name.");
  g_autofree char *written = NULL;
  g_autoptr (GPtrArray) left = NULL;

  ck_assert_uint_eq (strlen (name), 255);
  written = write_pdf (doc, dir, name, NULL);
  ck_assert (g_file_test (written, G_FILE_TEST_IS_REGULAR));
  left = kt_list_dir (dir);
  ck_assert_uint_eq (left->len, 1);
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_replaces_existing_file)
{
  g_autofree char *dir = kt_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autoptr (KitDocument) doc = make_letter ("The new letter.");
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) left = NULL;

  kt_write_file (path, "old", 3);
  written = write_pdf (doc, dir, "letter.pdf", NULL);
  text = pdf_text (written, 0);
  ck_assert (strstr (text, "The new letter.") != NULL);
  left = kt_list_dir (dir);
  ck_assert_uint_eq (left->len, 1);
  kt_rmtree (dir);
}
END_TEST

START_TEST (test_recovery_sheet)
{
  g_autofree char *dir = kt_tmpdir ();
  const char *key = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD-EFGH-JKMN-PQRS-TVWX-YZ01";
  g_autoptr (KitDocument) doc = kit_report_recovery_sheet ("Family record", key, "2026-11-23");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr (GString) joined = NULL;
  guint pages = 0;

  ck_assert (kit_document_check_complete (doc, NULL));
  path = write_pdf (doc, dir, "sheet.pdf", &pages);
  ck_assert_uint_eq (pages, 1);
  kit_document_set_paper (doc, KIT_PAPER_LETTER);
  g_free (write_pdf (doc, dir, "sheet-letter.pdf", &pages));
  ck_assert_uint_eq (pages, 1);

  text = pdf_text (path, 0);
  flat = squeeze (text);
  ck_assert_msg (strstr (flat, "23 November 2026") != NULL, "%s", flat);
  ck_assert_msg (strstr (flat, "\u201cFamily record\u201d") != NULL, "%s", flat);
  /* The key, group by group, in order (lines break between groups). */
  joined = g_string_new (NULL);
  for (const char *p = flat; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (joined, *p);
  ck_assert_msg (strstr (joined->str, "ABCD-EFGH-JKMN-PQRSTVWX-YZ01-2345-6789ABCD-EFGH-JKMN-PQRSTVWX-YZ01") != NULL,
                 "%s", flat);
  kt_rmtree (dir);
}
END_TEST

/* The contact history report, built from a store: everything in order,
 * the reasons as given, the counts and the chain's final hash. */
START_TEST (test_contact_history)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitStore) store = NULL;
  g_autoptr (KitChild) child = kit_child_new ();
  g_autoptr (KitChange) start = NULL;
  g_autoptr (KitChange) less = NULL;
  g_autoptr (KitArrangement) letters = NULL;
  g_autoptr (KitArrangement) after = NULL;
  g_autoptr (KitFollowUp) asked = NULL;
  g_autoptr (KitDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tail = NULL;
  g_autofree char *grouped = NULL;
  const char *reason = "The carers said Mia was upset after letters; \"for now\" & <maybe> later.";
  const char *order[] = {
    "Contact history: Mia", "The arrangements now", "Letters through the agency",
    "Every change, oldest first", "From 1 March 2020:", "Who decided: The court.",
    reason, "From 1 June 2026:", "How often: twice a year \u2192 once a year",
    "No reason was given.", "An explanation was asked for on 10 June 2026. No answer has come yet.",
    "In numbers", "2 changes recorded", "1 with a reason given", "1 with no reason given",
    "1 request for an explanation not answered yet", "Is this history complete?",
    "The chain is complete and unchanged.",
  };
  sqlite3 *db = NULL;
  const char *p;

  ck_assert_int_eq (sqlite3_open (":memory:", &db), SQLITE_OK);
  ck_assert (kit_schema_configure (db, &error) && kit_schema_migrate (db, &error));
  store = kit_store_new (db, &error);
  ck_assert_ptr_nonnull (store);
  kit_child_set_name (child, "Mia");
  ck_assert (kit_store_save_child (store, child, &error));

  start = kit_change_new (kit_child_get_id (child), 0);
  letters = kit_arrangement_new (kit_child_get_id (child));
  kit_arrangement_set_kind (letters, "letterbox");
  kit_arrangement_set_freq_count (letters, 2);
  kit_arrangement_set_freq_unit (letters, "year");
  kit_arrangement_set_start_date (letters, "2020-03-01");
  kit_change_set_what_changed (start, "started");
  kit_change_set_effective_date (start, "2020-03-01");
  kit_change_set_decided_by (start, "court");
  kit_change_set_reason_given (start, "yes");
  kit_change_set_reason_text (start, reason);
  ck_assert_msg (kit_store_record_change (store, start, letters, &error), "%s", error ? error->message : "");

  less = kit_change_new (kit_child_get_id (child), kit_arrangement_get_id (letters));
  after = kit_arrangement_copy (letters);
  kit_arrangement_set_freq_count (after, 1);
  kit_change_set_what_changed (less, "frequency");
  kit_change_set_effective_date (less, "2026-06-01");
  kit_change_set_decided_by (less, "agency");
  kit_change_set_reason_given (less, "no");
  kit_change_set_told_how (less, "letter");
  kit_change_set_told_date (less, "2026-06-03");
  ck_assert_msg (kit_store_record_change (store, less, after, &error), "%s", error ? error->message : "");
  asked = kit_follow_up_new (kit_change_get_id (less));
  kit_follow_up_set_requested_date (asked, "2026-06-10");
  ck_assert_msg (kit_store_save_follow_up (store, asked, &error), "%s", error ? error->message : "");

  doc = kit_report_contact_history (store, kit_child_get_id (child), "2026-11-23", &error);
  ck_assert_msg (doc != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (kit_document_get_title (doc), "Contact history: Mia");
  ck_assert (kit_document_check_complete (doc, NULL));
  text = kit_document_to_plain_text (doc);
  p = text;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *found = strstr (p, order[i]);
      ck_assert_msg (found != NULL, "'%s' missing or out of order in:\n%s", order[i], text);
      p = found + strlen (order[i]);
    }
  ck_assert (strstr (text, "23 November 2026") != NULL);
  ck_assert (strstr (text, "How I was told: By letter, on 3 June 2026.") != NULL);

  /* The final hash, in a monospace block, two lines of four groups. */
  tail = kit_store_child_chain_tail (store, kit_child_get_id (child));
  ck_assert_uint_eq (strlen (tail), 64);
  grouped = g_strdup_printf ("%.8s %.8s %.8s %.8s\n%.8s %.8s %.8s %.8s", tail, tail + 8, tail + 16,
                             tail + 24, tail + 32, tail + 40, tail + 48, tail + 56);
  guint last = kit_document_get_n_blocks (doc) - 1;
  ck_assert_int_eq (kit_document_get_block_kind (doc, last), KIT_BLOCK_MONO);
  ck_assert_str_eq (kit_document_get_block_text (doc, last), grouped);

  /* An unknown child, and one removed. */
  g_clear_object (&doc);
  doc = kit_report_contact_history (store, 999, NULL, &error);
  ck_assert_ptr_null (doc);
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND));
  g_clear_error (&error);
  ck_assert (kit_store_remove_child (store, kit_child_get_id (child), &error));
  doc = kit_report_contact_history (store, kit_child_get_id (child), NULL, &error);
  ck_assert_ptr_null (doc);
  ck_assert (g_error_matches (error, KIT_LETTER_ERROR, KIT_LETTER_ERROR_NOT_FOUND));

  g_clear_object (&store);
  sqlite3_close (db);
}
END_TEST

/* What she typed is printed, never read as a gap: a reason holding the
 * gap brackets must not stop the report (she cannot edit a report). */
START_TEST (test_report_gap_brackets_in_text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitStore) store = NULL;
  g_autoptr (KitChild) child = kit_child_new ();
  g_autoptr (KitChange) start = NULL;
  g_autoptr (KitArrangement) letters = NULL;
  g_autoptr (KitDocument) doc = NULL;
  g_autofree char *text = NULL;
  sqlite3 *db = NULL;

  ck_assert_int_eq (sqlite3_open (":memory:", &db), SQLITE_OK);
  ck_assert (kit_schema_configure (db, &error) && kit_schema_migrate (db, &error));
  store = kit_store_new (db, &error);
  kit_child_set_name (child, "Mia");
  ck_assert (kit_store_save_child (store, child, &error));
  start = kit_change_new (kit_child_get_id (child), 0);
  letters = kit_arrangement_new (kit_child_get_id (child));
  kit_arrangement_set_kind (letters, "letterbox");
  kit_arrangement_set_start_date (letters, "2020-03-01");
  kit_change_set_what_changed (start, "started");
  kit_change_set_effective_date (start, "2020-03-01");
  kit_change_set_decided_by (start, "court");
  kit_change_set_reason_given (start, "yes");
  kit_change_set_reason_text (start, "The " KIT_GAP_OPEN "rota" KIT_GAP_CLOSE " was full.");
  ck_assert_msg (kit_store_record_change (store, start, letters, &error), "%s",
                 error ? error->message : "");

  doc = kit_report_contact_history (store, kit_child_get_id (child), "2026-11-23", &error);
  ck_assert_ptr_nonnull (doc);
  ck_assert_msg (kit_document_check_complete (doc, &error), "%s", error ? error->message : "");
  text = kit_document_to_plain_text (doc);
  ck_assert_msg (strstr (text, "The [rota] was full.") != NULL, "%s", text);

  g_clear_object (&store);
  sqlite3_close (db);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("document");

  /* English words regardless of the machine's language. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  kt_init ();
  kt_add_test (s, "blocks-and-copy", test_blocks_and_copy);
  kt_add_test (s, "editable-text", test_editable_text);
  kt_add_test (s, "gaps", test_gaps);
  kt_add_test (s, "gap-drawn-highlighted", test_gap_drawn_highlighted);
  kt_add_test (s, "xml-round-trip", test_xml_round_trip);
  kt_add_test (s, "bad-xml-refused", test_bad_xml_refused);
  kt_add_test (s, "paper", test_paper);
  kt_add_test (s, "pdf-sizes-and-title", test_pdf_sizes_and_title);
  kt_add_test (s, "one-page-has-no-page-number", test_one_page_has_no_page_number);
  kt_add_test (s, "long-paragraph-across-pages", test_long_paragraph_across_pages);
  kt_add_test (s, "long-paragraph-easy-read-letter", test_long_paragraph_easy_read_letter);
  kt_add_test (s, "easy-read-is-larger", test_easy_read_is_larger);
  kt_add_test (s, "sign-off-kept-together", test_sign_off_kept_together);
  kt_add_test (s, "write-failures", test_write_failures);
  kt_add_test (s, "replaces-existing-file", test_replaces_existing_file);
  kt_add_test (s, "not-a-file-refused", test_not_a_file_refused);
  kt_add_test (s, "longest-name-saves", test_longest_name_saves);
  kt_add_test (s, "recovery-sheet", test_recovery_sheet);
  kt_add_test (s, "contact-history", test_contact_history);
  kt_add_test (s, "report-gap-brackets-in-text", test_report_gap_brackets_in_text);
  return kt_run_suite (s);
}
