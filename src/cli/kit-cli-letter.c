/* kit-cli-letter.c — `keep-in-touch-cli letter RECORD --change ID
 * --template explanation|request|review [--easy-read] [--paper a4|letter]
 * OUT.pdf`: composes the letter from the record with the default sender and
 * recipient, writes the PDF, and keeps the letter in the record. Everything
 * that can be checked is checked before anything is written. Prints nothing
 * on success, except that a broken override template is named on stderr. */

#include "config.h"

#include <glib/gi18n.h>

#include "kit-cli.h"
#include "kit-error.h"
#include "kit-letter.h"
#include "kit-renderer.h"
#include "kit-store.h"

/* The options, checked before the record is opened. */
static int
read_request (const KitCliArgs *args, KitLetterRequest *request)
{
  KitLetterKind kind;
  KitPaper paper = KIT_PAPER_A4;
  guint64 change_id = 0;

  if (args->template_name == NULL)
    return kit_cli_refuse (_("Please say which letter to write: --template explanation, request or review."));
  if (!kit_letter_kind_from_string (args->template_name, &kind))
    {
      g_autofree char *message = g_strdup_printf (_("There is no letter called “%s”. "
                                                    "Use explanation, request or review."),
                                                  args->template_name);
      return kit_cli_refuse (message);
    }
  if (args->change == NULL)
    return kit_cli_refuse (_("Please say which change the letter is about: --change and its number."));
  if (!g_ascii_string_to_unsigned (args->change, 10, 1, G_MAXINT64, &change_id, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a change number."), args->change);
      return kit_cli_refuse (message);
    }
  if (args->paper != NULL && !kit_paper_from_string (args->paper, &paper))
    {
      g_autofree char *message = g_strdup_printf (_("There is no paper size called “%s”. "
                                                    "Use a4 or letter."), args->paper);
      return kit_cli_refuse (message);
    }
  if (args->output == NULL)
    return kit_cli_refuse (_("Please say where to save the letter, for example letter.pdf."));

  kit_letter_request_init (request, kind);
  request->change_id = (gint64) change_id;
  request->easy_read = args->easy_read;
  request->paper = paper;
  return KIT_CLI_EXIT_OK;
}

/* The letter as it will be kept in the record. */
static KitLetterRecord *
letter_record (KitStore *store, const KitLetterRequest *request, KitDocument *document)
{
  g_autoptr(KitChange) change = kit_store_find_change (store, request->change_id);
  KitLetterRecord *letter = kit_letter_record_new ();
  g_autofree char *name = g_strconcat (kit_letter_kind_to_string (request->kind),
                                       request->easy_read ? "-easy" : "", NULL);
  g_autofree char *xml = kit_document_to_xml (document);
  gint64 sender_id, recipient_id;

  kit_letter_resolve_people (store, request, &sender_id, &recipient_id);
  kit_letter_record_set_template (letter, name);
  /* A review is about the arrangement, not the change. */
  if (request->kind != KIT_LETTER_REVIEW)
    kit_letter_record_set_change_id (letter, request->change_id);
  kit_letter_record_set_child_id (letter, change != NULL ? kit_change_get_child_id (change) : 0);
  kit_letter_record_set_sender_id (letter, MAX (sender_id, 0));
  kit_letter_record_set_recipient_id (letter, MAX (recipient_id, 0));
  kit_letter_record_set_final_text (letter, xml);
  return letter;
}

/* Compose, check, write and keep; the exit code. */
static int
write_letter (KitVault *vault, const KitLetterRequest *request, const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KitStore) store = NULL;
  g_autoptr(KitDocument) document = NULL;
  g_autoptr(KitRenderer) renderer = NULL;
  g_autoptr(KitLetterRecord) letter = NULL;
  g_autofree char *warning = NULL;

  store = kit_store_new (kit_vault_get_db (vault), &error);
  if (store == NULL)
    return kit_cli_fail (error);
  {
    g_autoptr(KitChange) change = kit_store_find_change (store, request->change_id);
    if (change == NULL)
      {
        g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, request->change_id);
        g_autofree char *message = g_strdup_printf (_("There is no change number %s in this record."),
                                                    number);
        return kit_cli_refuse (message);
      }
  }
  document = kit_letter_compose (store, request, &warning, &error);
  if (warning != NULL)
    /* Translators: after a message naming a broken letter template and its line */
    g_printerr ("%s\n%s\n", warning, _("The built-in letter was used instead."));
  if (document == NULL || !kit_letter_check_ready (store, request, document, &error))
    return kit_cli_fail (error);

  renderer = kit_renderer_new (document);
  if (!kit_renderer_write_pdf (renderer, output, &error))
    return kit_cli_fail (error);

  letter = letter_record (store, request, document);
  if (!kit_store_save_letter (store, letter, &error))
    return kit_cli_fail (error);
  return KIT_CLI_EXIT_OK;
}

int
kit_cli_letter (const KitCliArgs *args)
{
  KitLetterRequest request;
  int exit_code = read_request (args, &request);
  g_autoptr(KitVault) vault = NULL;

  if (exit_code != KIT_CLI_EXIT_OK)
    return exit_code;

  vault = kit_cli_open_record (args, &exit_code);
  if (vault == NULL)
    return exit_code;

  exit_code = write_letter (vault, &request, args->output);
  if (exit_code != KIT_CLI_EXIT_OK)
    {
      kit_cli_close_reading (vault);
      return exit_code;
    }
  return kit_cli_close_saving (vault);
}
