/* kit-cli-report.c — `keep-in-touch-cli report RECORD --child NAME
 * [--paper a4|letter] OUT.pdf`: a child's contact history as a PDF, drawn
 * by the same renderer as the app. Nothing is kept in the record. */

#include "config.h"

#include <glib/gi18n.h>

#include "kit-cli.h"
#include "kit-error.h"
#include "kit-renderer.h"
#include "kit-report.h"
#include "kit-store.h"

static gboolean
same_name (const char *a, const char *b)
{
  g_autofree char *a_trimmed = g_strstrip (g_strdup (a));
  g_autofree char *b_trimmed = g_strstrip (g_strdup (b));
  g_autofree char *a_folded = g_utf8_casefold (a_trimmed, -1);
  g_autofree char *b_folded = g_utf8_casefold (b_trimmed, -1);
  g_autofree char *a_normal = g_utf8_normalize (a_folded, -1, G_NORMALIZE_ALL);
  g_autofree char *b_normal = g_utf8_normalize (b_folded, -1, G_NORMALIZE_ALL);

  return g_strcmp0 (a_normal, b_normal) == 0;
}

/* The one child (not removed) called @name, or 0 after saying why not. */
static gint64
find_child (KitStore *store, const char *name)
{
  GListModel *children = kit_store_get_children (store);
  gint64 found = 0;
  guint matches = 0;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr (KitChild) child = g_list_model_get_item (children, i);
      if (same_name (kit_child_get_name (child), name))
        {
          found = kit_child_get_id (child);
          matches++;
        }
    }
  if (matches == 0)
    g_printerr (_("There is no child called “%s” in this record. Check the name as it is "
                  "written in the app.\n"), name);
  else if (matches > 1)
    g_printerr (_("More than one child in this record is called “%s”, so the report cannot "
                  "tell which one is meant. Give one of them a different name in the app "
                  "first.\n"), name);
  return matches == 1 ? found : 0;
}

static int
write_report (KitStore *store, gint64 child_id, KitPaper paper, const char *output)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitDocument) document = NULL;
  g_autoptr (KitRenderer) renderer = NULL;

  document = kit_report_contact_history (store, child_id, NULL, &error);
  if (document == NULL)
    return kit_cli_fail (error);
  kit_document_set_paper (document, paper);
  renderer = kit_renderer_new (document);
  if (!kit_renderer_write_pdf (renderer, output, &error))
    return kit_cli_fail (error);
  return KIT_CLI_EXIT_OK;
}

int
kit_cli_report (const KitCliArgs *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KitVault) vault = NULL;
  g_autoptr (KitStore) store = NULL;
  KitPaper paper = KIT_PAPER_A4;
  int exit_code = KIT_CLI_EXIT_USAGE;
  gint64 child_id;

  if (args->child == NULL || args->child[0] == '\0')
    return kit_cli_refuse (_("Please say whose history to print, with --child NAME."));
  if (args->output == NULL || args->output[0] == '\0')
    return kit_cli_refuse (_("Please say where to save the report, for example report.pdf."));
  if (args->paper != NULL && !kit_paper_from_string (args->paper, &paper))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a paper size this can print on: use a4 or letter."),
                         args->paper);
      return kit_cli_refuse (message);
    }

  vault = kit_cli_open_record (args, &exit_code);
  if (vault == NULL)
    return exit_code;

  store = kit_store_new (kit_vault_get_db (vault), &error);
  if (store == NULL)
    exit_code = kit_cli_fail (error);
  else if ((child_id = find_child (store, args->child)) == 0)
    exit_code = KIT_CLI_EXIT_USAGE;
  else
    exit_code = write_report (store, child_id, paper, args->output);

  /* Only read: a failed final save loses nothing. */
  g_clear_object (&store);
  kit_vault_close (vault, TRUE, NULL);
  return exit_code;
}
