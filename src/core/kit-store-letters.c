/* kit-store-letters.c — her own name and address (meta 'me-name' and
 * 'me-address'), and the letters kept in the record: saved when printed or
 * saved as a PDF, listed on the child's page, found to be printed again. */

#include "kit-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kit-document.h"
#include "kit-error.h"
#include "kit-letter-template.h"

#define LETTER_COLUMNS \
  "l.id, l.template, coalesce(l.change_id, 0), coalesce(l.child_id, 0)," \
  " coalesce(l.sender_id, 0), coalesce(l.recipient_id, 0), l.final_text, l.produced_at," \
  " coalesce(p.name, (SELECT value FROM meta WHERE key = 'me-name'), '')"

/* Me */

static char *
meta_value (KitStore *self, const char *key)
{
  g_autoptr(GError) error = NULL;
  kit_store_auto_stmt *stmt = kit_store_prepare (self, "SELECT value FROM meta WHERE key = ?1",
                                                 &error);
  if (stmt == NULL)
    {
      g_warning ("Your details could not be read: %s", error->message);
      return g_strdup ("");
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup (kit_store_column_text (stmt, 0) ? kit_store_column_text (stmt, 0) : "");
  return g_strdup ("");
}

void
kit_store_get_me (KitStore *self, char **name, char **address)
{
  g_return_if_fail (KIT_IS_STORE (self));

  if (name != NULL)
    *name = meta_value (self, "me-name");
  if (address != NULL)
    *address = meta_value (self, "me-address");
}

static gboolean
write_meta (KitStore *self, const char *key, const char *value, GError **error)
{
  kit_store_auto_stmt *stmt = kit_store_prepare (self,
    "INSERT INTO meta (key, value) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  kit_store_bind_text (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return kit_store_sql_fail (self, error);
  return TRUE;
}

gboolean
kit_store_set_me (KitStore *self, const char *name, const char *address, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);

  g_autofree char *clean_name = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *clean_address = g_strstrip (g_strdup (address != NULL ? address : ""));

  if (!kit_store_begin (self, error) ||
      !kit_store_end (self, write_meta (self, "me-name", clean_name, error) &&
                            write_meta (self, "me-address", clean_address, error), error))
    return FALSE;
  kit_store_emit_changed (self);
  return TRUE;
}

/* Letters */

static gboolean
template_name_known (const char *name)
{
  g_autofree char *kind = g_strdup (name != NULL ? name : "");

  if (g_str_has_suffix (kind, "-easy"))
    kind[strlen (kind) - strlen ("-easy")] = '\0';
  return kit_letter_kind_from_string (kind, NULL);
}

static gboolean
insert_letter (KitStore *self, KitLetterRecord *letter, const char *stamp, gint64 *out_id,
               GError **error)
{
  gint64 change_id = kit_letter_record_get_change_id (letter);
  gint64 child_id = kit_letter_record_get_child_id (letter);

  if (change_id != 0 && kit_store_query_int64 (self, "SELECT id FROM changes WHERE id = ?1",
                                               change_id) == 0)
    return kit_store_input_error (error, KIT_INPUT_ERROR_NOT_FOUND,
                                  _("This change no longer exists. It may have been removed."));
  if (child_id == 0 && change_id != 0)
    child_id = kit_store_query_int64 (self, "SELECT child_id FROM changes WHERE id = ?1", change_id);

  kit_store_auto_stmt *stmt = kit_store_prepare (self,
    "INSERT INTO letters (template, change_id, child_id, sender_id, recipient_id,"
    " final_text, produced_at) VALUES (?1, nullif(?2, 0), nullif(?3, 0), nullif(?4, 0),"
    " nullif(?5, 0), ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  kit_store_bind_text (stmt, 1, kit_letter_record_get_template (letter));
  sqlite3_bind_int64 (stmt, 2, change_id);
  sqlite3_bind_int64 (stmt, 3, child_id);
  sqlite3_bind_int64 (stmt, 4, kit_letter_record_get_sender_id (letter));
  sqlite3_bind_int64 (stmt, 5, kit_letter_record_get_recipient_id (letter));
  kit_store_bind_text (stmt, 6, kit_letter_record_get_final_text (letter));
  kit_store_bind_text (stmt, 7, stamp);
  if (!kit_store_step_write (self, stmt, 0, out_id, NULL, error))
    return FALSE;
  kit_letter_record_set_child_id (letter, child_id);
  return TRUE;
}

gboolean
kit_store_save_letter (KitStore *self, KitLetterRecord *letter, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_LETTER_RECORD (letter), FALSE);
  g_return_val_if_fail (kit_letter_record_get_id (letter) == 0, FALSE);

  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  gint64 id = 0;

  if (!template_name_known (kit_letter_record_get_template (letter)))
    return kit_store_input_error (error, KIT_INPUT_ERROR_KIND,
                                  _("That is not one of the letters this app can write."));
  if (kit_letter_record_get_final_text (letter)[0] == '\0')
    return kit_store_input_error (error, KIT_INPUT_ERROR_EMPTY, _("The letter is empty."));

  if (!kit_store_begin (self, error) ||
      !kit_store_end (self, insert_letter (self, letter, stamp, &id, error), error))
    return FALSE;
  kit_letter_record_set_id (letter, id);
  kit_letter_record_set_produced_at (letter, stamp);
  kit_store_emit_changed (self);
  return TRUE;
}

/* The first line of the recipient block the letter was printed with, or
 * NULL. A recipient id of 0 is either her or someone since removed from
 * People (the foreign key set it to NULL): the letter itself says which. */
static char *
printed_recipient (const char *final_text)
{
  g_autoptr(KitDocument) document = kit_document_from_xml (final_text, NULL);

  for (guint i = 0; document != NULL && i < kit_document_get_n_blocks (document); i++)
    if (kit_document_get_block_kind (document, i) == KIT_BLOCK_RECIPIENT)
      {
        const char *text = kit_document_get_block_text (document, i);
        const char *end = strchr (text, '\n');
        char *name = g_strstrip (g_strndup (text, end != NULL ? (gsize) (end - text) : strlen (text)));

        if (name[0] != '\0' && strstr (name, KIT_GAP_OPEN) == NULL)
          return name;
        g_free (name);
        return NULL;
      }
  return NULL;
}

static KitLetterRecord *
letter_from_row (sqlite3_stmt *stmt)
{
  KitLetterRecord *letter = kit_letter_record_new ();

  kit_letter_record_set_id (letter, sqlite3_column_int64 (stmt, 0));
  kit_letter_record_set_template (letter, kit_store_column_text (stmt, 1));
  kit_letter_record_set_change_id (letter, sqlite3_column_int64 (stmt, 2));
  kit_letter_record_set_child_id (letter, sqlite3_column_int64 (stmt, 3));
  kit_letter_record_set_sender_id (letter, sqlite3_column_int64 (stmt, 4));
  kit_letter_record_set_recipient_id (letter, sqlite3_column_int64 (stmt, 5));
  kit_letter_record_set_final_text (letter, kit_store_column_text (stmt, 6));
  kit_letter_record_set_produced_at (letter, kit_store_column_text (stmt, 7));
  if (sqlite3_column_int64 (stmt, 5) == 0)
    {
      g_autofree char *printed = printed_recipient (kit_store_column_text (stmt, 6));
      kit_letter_record_set_recipient_name (letter, printed != NULL ? printed
                                                                    : kit_store_column_text (stmt, 8));
    }
  else
    kit_letter_record_set_recipient_name (letter, kit_store_column_text (stmt, 8));
  return letter;
}

static void
append_letter (sqlite3_stmt *stmt, gpointer user_data)
{
  g_autoptr(KitLetterRecord) letter = letter_from_row (stmt);
  g_list_store_append (G_LIST_STORE (user_data), letter);
}

GListModel *
kit_store_list_letters (KitStore *self, gint64 child_id)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);

  GListStore *list = g_list_store_new (KIT_TYPE_LETTER_RECORD);
  g_autoptr(GError) error = NULL;

  if (!kit_store_each_row (self,
        "SELECT " LETTER_COLUMNS " FROM letters l LEFT JOIN people p ON p.id = l.recipient_id"
        " WHERE l.child_id = ?1 ORDER BY l.produced_at DESC, l.id DESC",
        child_id, append_letter, list, &error))
    g_warning ("Letters could not be listed: %s", error->message);
  return G_LIST_MODEL (list);
}

KitLetterRecord *
kit_store_find_letter (KitStore *self, gint64 letter_id)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);

  g_autoptr(GError) error = NULL;
  kit_store_auto_stmt *stmt = kit_store_prepare (self,
    "SELECT " LETTER_COLUMNS " FROM letters l LEFT JOIN people p ON p.id = l.recipient_id"
    " WHERE l.id = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("A letter could not be read: %s", error->message);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, letter_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return letter_from_row (stmt);
}
