/* kit-store-diary.c — her diary (DESIGN §2) and Review together (§6).
 *
 * Every query of diary entries and drafts is prepared by prepare_diary (),
 * which builds the WHERE: the filters she chose, the search, and — while
 * Review together is on — "shared entries only". No query here writes its
 * own WHERE for entries or drafts, so no list, search, count, draft, find or
 * export can forget the review filter.
 *
 * The full-text index (diary_fts, an external-content FTS5 table) is kept in
 * step by the code that writes entries, in the same transaction: the old
 * text leaves the index with FTS5's 'delete' command before the row changes,
 * and the new text enters it after. There are no triggers (trusted_schema
 * is off). */

#include "kit-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kit-date.h"
#include "kit-error.h"
#include "kit-vocab.h"

#define REVIEW_KEY "review-together"
#define ENTRY_GONE N_("This diary entry is no longer in the record.")
/* Far more than anyone writes in one go; keeps a runaway paste from
 * bloating the record. */
#define MAX_TEXT_CHARS 1000000
/* Rows read per statement when fetching by id. */
#define IDS_PER_QUERY 500
/* Tokens in a search snippet. */
#define SNIPPET_TOKENS 14

#define ENTRY_COLUMNS \
  "e.id, e.date, e.child_id, e.session_id, e.title, e.body, e.feelings, e.feelings_text, " \
  "e.shared, e.updated_at, ifnull(c.name, '')"
#define ENTRY_FROM \
  "diary_entries e LEFT JOIN children c ON c.id = e.child_id AND c.removed_at IS NULL "
#define DRAFT_COLUMNS \
  "d.entry_id, d.date, d.child_id, d.session_id, d.title, d.body, d.feelings, d.feelings_text, " \
  "d.shared, d.updated_at, ifnull(c.name, '')"
#define DRAFT_FROM \
  "diary_drafts d LEFT JOIN children c ON c.id = d.child_id AND c.removed_at IS NULL "

#define FTS_DELETE \
  "INSERT INTO diary_fts (diary_fts, rowid, title, body, feelings_text) " \
  "SELECT 'delete', id, title, body, feelings_text FROM diary_entries WHERE id = ?1"
#define FTS_INSERT \
  "INSERT INTO diary_fts (rowid, title, body, feelings_text) " \
  "SELECT id, title, body, feelings_text FROM diary_entries WHERE id = ?1"

/* --- Review together -------------------------------------------------------- */

gboolean
kit_store_get_review_mode (KitStore *self)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  return kit_store_query_int64 (self, "SELECT value = '1' FROM meta WHERE key = '" REVIEW_KEY "'",
                                0) != 0;
}

gboolean
kit_store_set_review_mode (KitStore *self, gboolean on, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  on = !!on;
  if (kit_store_get_review_mode (self) == on)
    return TRUE;

  if (!kit_store_begin (self, error))
    return FALSE;
  {
    kit_store_auto_stmt *stmt = kit_store_prepare (self,
      "INSERT INTO meta (key, value) VALUES ('" REVIEW_KEY "', ?1) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

    ok = stmt != NULL;
    if (ok)
      {
        sqlite3_bind_text (stmt, 1, on ? "1" : "0", -1, SQLITE_STATIC);
        ok = sqlite3_step (stmt) == SQLITE_DONE || kit_store_sql_fail (self, error);
      }
  }
  if (!kit_store_end (self, ok, error))
    return FALSE;

  /* Views hide (or show) private entries first, then the record is saved. */
  g_object_notify (G_OBJECT (self), "review-mode");
  kit_store_emit_changed (self);
  return TRUE;
}

/* --- Search: what she typed, as a safe FTS5 query ---------------------------- */

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

typedef struct {
  GPtrArray *terms;   /* each "w1 w2" (the words of one term) */
  GString *words;     /* the term being read */
  gboolean last_closed;  /* the last term was a "quoted phrase" she closed */
} Parse;

static void
end_term (Parse *parse, gboolean closed_quote)
{
  if (parse->words->len == 0)
    return;
  g_ptr_array_add (parse->terms, g_strdup (parse->words->str));
  g_string_truncate (parse->words, 0);
  parse->last_closed = closed_quote;
}

/* The words of @search as an FTS5 query that cannot be a syntax error: a
 * word is a run of letters and digits (and the accents on them); each term
 * is double-quoted, so FTS5 reads nothing in it as an operator (NEAR, AND,
 * OR, NOT, *, ^, :, parentheses). Words joined by punctuation without a space
 * ("mother-in-law", "don't") and words in "double quotes" are phrases. The
 * last term matches as a prefix (she may still be typing it) unless it is a
 * quoted phrase she closed. NULL when no word is left. */
static char *
search_to_match (const char *search)
{
  g_autofree char *valid = NULL;
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) words = g_string_new (NULL);
  Parse parse = { terms, words, FALSE };
  gboolean quoted = FALSE, in_word = FALSE;
  GString *match;

  if (search == NULL || *search == '\0')
    return NULL;
  valid = g_utf8_make_valid (search, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || (in_word && g_unichar_ismark (c)))
        {
          if (!in_word && words->len > 0)
            g_string_append_c (words, ' ');
          g_string_append_unichar (words, c);
          in_word = TRUE;
          continue;
        }
      in_word = FALSE;
      if (is_quote (c))
        {
          end_term (&parse, quoted);
          quoted = !quoted;
        }
      else if (!quoted && g_unichar_isspace (c))
        end_term (&parse, FALSE);
    }
  end_term (&parse, FALSE);
  if (terms->len == 0)
    return NULL;

  match = g_string_new (NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      /* Only letters, digits, accents and spaces are left: nothing to escape. */
      g_string_append_printf (match, "%s\"%s\"", i > 0 ? " " : "",
                              (const char *) g_ptr_array_index (terms, i));
    }
  if (!parse.last_closed)
    g_string_append_c (match, '*');
  return g_string_free (match, FALSE);
}

/* FTS5's snippet () marks the matching words with \1 and \2; everything else
 * is escaped, so the result is always valid Pango markup. Other control
 * characters (and line breaks: a snippet is one line) become spaces. */
static char *
snippet_to_markup (const char *raw)
{
  g_autofree char *valid = g_utf8_make_valid (raw != NULL ? raw : "", -1);
  GString *out = g_string_new (NULL);
  gboolean bold = FALSE;
  const char *run = valid, *p;

  for (p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      g_autofree char *escaped = NULL;

      if (c >= 0x20 && c != 0x7f)
        continue;
      escaped = g_markup_escape_text (run, p - run);
      g_string_append (out, escaped);
      run = p + 1;
      if (c == 1 && !bold)
        g_string_append (out, "<b>");
      else if (c == 2 && bold)
        g_string_append (out, "</b>");
      else if (c != 1 && c != 2)
        g_string_append_c (out, ' ');
      bold = c == 1 ? TRUE : c == 2 ? FALSE : bold;
    }
  {
    g_autofree char *escaped = g_markup_escape_text (run, p - run);
    g_string_append (out, escaped);
  }
  if (bold)
    g_string_append (out, "</b>");
  return g_string_free (out, FALSE);
}

/* --- The one WHERE ------------------------------------------------------------- */

typedef enum {
  DIARY_ENTRIES,  /* diary_entries AS e */
  DIARY_DRAFTS,   /* diary_drafts AS d */
} DiaryTable;

/* The conditions every query of @table must have: Review together's, then
 * those of @filter (NULL: none) and @match (an FTS5 query from
 * search_to_match (), or NULL). Values are named parameters, bound by
 * prepare_diary (). */
static char *
diary_where (KitStore *self, DiaryTable table, const KitDiaryFilter *filter, const char *match)
{
  const char *t = table == DIARY_ENTRIES ? "e" : "d";
  GString *where = g_string_new ("1");

  if (kit_store_get_review_mode (self))
    {
      if (table == DIARY_ENTRIES)
        g_string_append (where, " AND e.shared = 1");
      else
        /* A draft shows only when it is shared and so is the entry it edits. */
        g_string_append (where, " AND d.shared = 1 AND (d.entry_id = 0 OR d.entry_id IN "
                                "(SELECT id FROM diary_entries WHERE shared = 1))");
    }
  if (filter != NULL && filter->child_id != 0)
    g_string_append_printf (where, " AND %s.child_id = :child", t);
  if (filter != NULL && filter->feeling != NULL && *filter->feeling != '\0')
    g_string_append_printf (where, " AND instr(',' || %s.feelings || ',', ',' || :feeling || ',') > 0",
                            t);
  if (filter != NULL && !kit_date_is_unset (filter->from))
    g_string_append_printf (where, " AND %s.date >= :from", t);
  if (filter != NULL && !kit_date_is_unset (filter->to))
    g_string_append_printf (where, " AND %s.date <= :to", t);
  /* "+": walk the entries in date order and look each up among the
   * matches, rather than look up every match and sort (twice as fast for a
   * common word; a few tenths of a millisecond slower for a rare one). */
  if (match != NULL && table == DIARY_ENTRIES)
    g_string_append (where, " AND +e.id IN (SELECT rowid FROM diary_fts WHERE diary_fts MATCH :match)");
  return g_string_free (where, FALSE);
}

static void
bind_named (sqlite3_stmt *stmt, const char *name, const char *text)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* @sql with its one "{where}" replaced by the WHERE of diary_where (), prepared,
 * and the filter's values bound. Other parameters are the caller's. */
static sqlite3_stmt *
prepare_diary (KitStore *self, const char *sql, DiaryTable table, const KitDiaryFilter *filter,
               GError **error)
{
  g_autofree char *match = filter != NULL ? search_to_match (filter->search) : NULL;
  g_autofree char *where = diary_where (self, table, filter, match);
  const char *slot = strstr (sql, "{where}");
  g_autofree char *full = NULL;
  sqlite3_stmt *stmt;
  int index;

  g_return_val_if_fail (slot != NULL, NULL);
  full = g_strdup_printf ("%.*s%s%s", (int) (slot - sql), sql, where, slot + strlen ("{where}"));
  stmt = kit_store_prepare (self, full, error);
  if (stmt == NULL)
    return NULL;
  if (filter != NULL && (index = sqlite3_bind_parameter_index (stmt, ":child")) > 0)
    sqlite3_bind_int64 (stmt, index, filter->child_id);
  if (filter != NULL)
    {
      bind_named (stmt, ":feeling", filter->feeling);
      bind_named (stmt, ":from", filter->from);
      bind_named (stmt, ":to", filter->to);
    }
  bind_named (stmt, ":match", match);
  return stmt;
}

static void
bind_id (sqlite3_stmt *stmt, gint64 id)
{
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
}

/* --- Reading ------------------------------------------------------------------- */

/* A row of ENTRY_COLUMNS or DRAFT_COLUMNS. */
static KitDiaryEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  KitDiaryEntry *entry = g_object_new (KIT_TYPE_DIARY_ENTRY, NULL);

  kit_diary_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
  kit_diary_entry_set_date (entry, kit_store_column_text (stmt, 1));
  kit_diary_entry_set_child_id (entry, sqlite3_column_int64 (stmt, 2));
  kit_diary_entry_set_session_id (entry, sqlite3_column_int64 (stmt, 3));
  kit_diary_entry_set_title (entry, kit_store_column_text (stmt, 4));
  kit_diary_entry_set_body (entry, kit_store_column_text (stmt, 5));
  kit_diary_entry_set_feelings (entry, kit_store_column_text (stmt, 6));
  kit_diary_entry_set_feelings_text (entry, kit_store_column_text (stmt, 7));
  kit_diary_entry_set_shared (entry, sqlite3_column_int (stmt, 8) != 0);
  kit_diary_entry_set_updated_at (entry, kit_store_column_text (stmt, 9));
  kit_diary_entry_set_child_name (entry, kit_store_column_text (stmt, 10));
  return entry;
}

/* Step @stmt to its end, calling @func on each row. */
static gboolean
step_rows (KitStore *self, sqlite3_stmt *stmt, KitStoreRowFunc func, gpointer user_data,
           GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (stmt, user_data);
  return rc == SQLITE_DONE || kit_store_sql_fail (self, error);
}

typedef struct {
  GArray *ids;
  GPtrArray *dates;
} IdRows;

static void
add_id_row (sqlite3_stmt *stmt, gpointer user_data)
{
  IdRows *rows = user_data;
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val (rows->ids, id);
  if (rows->dates != NULL)
    g_ptr_array_add (rows->dates, g_strdup (kit_store_column_text (stmt, 1)));
}

GArray *
kit_store_list_diary_ids (KitStore *self, const KitDiaryFilter *filter, GPtrArray **dates,
                          GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) found_dates = dates != NULL ? g_ptr_array_new_with_free_func (g_free)
                                                    : NULL;
  IdRows rows = { ids, found_dates };
  kit_store_auto_stmt *stmt = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  stmt = prepare_diary (self, "SELECT e.id, e.date FROM diary_entries e WHERE {where} "
                              "ORDER BY e.date DESC, e.id DESC",
                        DIARY_ENTRIES, filter, error);
  if (stmt == NULL || !step_rows (self, stmt, add_id_row, &rows, error))
    return NULL;
  if (dates != NULL)
    *dates = g_steal_pointer (&found_dates);
  return g_steal_pointer (&ids);
}

/* "?1, ?2, …, ?n". Named parameters must come after them in the SQL, or
 * they would take the same numbers. */
static char *
id_placeholders (guint n)
{
  GString *list = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (list, "%s?%u", i > 1 ? ", " : "", i);
  return g_string_free (list, FALSE);
}

static void
bind_ids (sqlite3_stmt *stmt, const gint64 *ids, guint n)
{
  for (guint i = 0; i < n; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, ids[i]);
}

static void
add_entry_to_table (sqlite3_stmt *stmt, gpointer table)
{
  KitDiaryEntry *entry = entry_from_row (stmt);
  gint64 *key = g_new (gint64, 1);

  *key = kit_diary_entry_get_id (entry);
  g_hash_table_replace (table, key, entry);
}

static void
add_snippet (sqlite3_stmt *stmt, gpointer table)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  KitDiaryEntry *entry = g_hash_table_lookup (table, &id);
  g_autofree char *markup = NULL;

  if (entry == NULL)
    return;
  markup = snippet_to_markup (kit_store_column_text (stmt, 1));
  kit_diary_entry_set_snippet_markup (entry, markup);
}

/* The entries of @ids (at most IDS_PER_QUERY) into @table, with snippets. */
static gboolean
read_entries (KitStore *self, const gint64 *ids, guint n, const char *search, GHashTable *table,
              GError **error)
{
  g_autofree char *list = id_placeholders (n);
  g_autofree char *sql = g_strdup_printf ("SELECT " ENTRY_COLUMNS " FROM " ENTRY_FROM
                                          "WHERE e.id IN (%s) AND {where}", list);
  kit_store_auto_stmt *stmt = prepare_diary (self, sql, DIARY_ENTRIES, NULL, error);
  kit_store_auto_stmt *snippets = NULL;
  g_autofree char *snippet_sql = NULL;
  g_autofree char *match = NULL;
  gint64 low = G_MAXINT64, high = G_MININT64;

  if (stmt == NULL)
    return FALSE;
  bind_ids (stmt, ids, n);
  if (!step_rows (self, stmt, add_entry_to_table, table, error))
    return FALSE;
  match = search_to_match (search);
  if (match == NULL)
    return TRUE;
  /* FTS5 would run the whole search again for each id of an IN list it is
   * given (slow for common words), so it gets a range of rowids instead and
   * the list is checked apart ("+" keeps it from FTS5). */
  snippet_sql = g_strdup_printf ("SELECT diary_fts.rowid, snippet (diary_fts, -1, char (1), "
                                 "char (2), '…', %d) FROM diary_fts "
                                 "WHERE +diary_fts.rowid IN (%s) "
                                 "AND diary_fts.rowid BETWEEN :low AND :high "
                                 "AND diary_fts MATCH :match AND EXISTS (SELECT 1 FROM "
                                 "diary_entries e WHERE e.id = diary_fts.rowid AND {where})",
                                 SNIPPET_TOKENS, list);
  snippets = prepare_diary (self, snippet_sql, DIARY_ENTRIES, NULL, error);
  if (snippets == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      low = MIN (low, ids[i]);
      high = MAX (high, ids[i]);
    }
  sqlite3_bind_int64 (snippets, sqlite3_bind_parameter_index (snippets, ":low"), low);
  sqlite3_bind_int64 (snippets, sqlite3_bind_parameter_index (snippets, ":high"), high);
  bind_named (snippets, ":match", match);
  bind_ids (snippets, ids, n);
  return step_rows (self, snippets, add_snippet, table, error);
}

GPtrArray *
kit_store_get_diary_entries (KitStore *self, const gint64 *ids, guint n_ids, const char *search,
                             GError **error)
{
  g_autoptr (GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_object_unref);
  GPtrArray *entries;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint start = 0; start < n_ids; start += IDS_PER_QUERY)
    if (!read_entries (self, ids + start, MIN (IDS_PER_QUERY, n_ids - start), search, table,
                       error))
      return NULL;

  entries = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      KitDiaryEntry *entry = g_hash_table_lookup (table, &ids[i]);
      if (entry != NULL)
        g_ptr_array_add (entries, g_object_ref (entry));
    }
  return entries;
}

/* The one row of @sql (with :id bound to @id), or NULL. */
static KitDiaryEntry *
find_one (KitStore *self, const char *sql, DiaryTable table, gint64 id)
{
  g_autoptr (GError) error = NULL;
  kit_store_auto_stmt *stmt = prepare_diary (self, sql, table, NULL, &error);

  if (stmt == NULL)
    {
      g_warning ("A diary entry could not be read: %s", error->message);
      return NULL;
    }
  bind_id (stmt, id);
  return sqlite3_step (stmt) == SQLITE_ROW ? entry_from_row (stmt) : NULL;
}

KitDiaryEntry *
kit_store_find_diary_entry (KitStore *self, gint64 entry_id)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  return find_one (self, "SELECT " ENTRY_COLUMNS " FROM " ENTRY_FROM "WHERE e.id = :id AND {where}",
                   DIARY_ENTRIES, entry_id);
}

guint
kit_store_count_diary (KitStore *self, const KitDiaryFilter *filter)
{
  g_autoptr (GError) error = NULL;
  kit_store_auto_stmt *stmt = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), 0);
  stmt = prepare_diary (self, "SELECT count(*) FROM diary_entries e WHERE {where}", DIARY_ENTRIES,
                        filter, &error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("The diary could not be counted: %s",
                 error != NULL ? error->message : sqlite3_errmsg (self->db));
      return 0;
    }
  return (guint) sqlite3_column_int64 (stmt, 0);
}

/* --- Writing ------------------------------------------------------------------- */

static gboolean
text_too_long (const char *text)
{
  return text != NULL && g_utf8_strlen (text, -1) > MAX_TEXT_CHARS;
}

/* Only what any draft must be: not too big to keep. The text field's code,
 * so the message shows beside the text. */
static gboolean
check_size (KitDiaryEntry *entry, GError **error)
{
  if (text_too_long (kit_diary_entry_get_title (entry)) ||
      text_too_long (kit_diary_entry_get_body (entry)) ||
      text_too_long (kit_diary_entry_get_feelings_text (entry)))
    return kit_store_input_error (error, KIT_INPUT_ERROR_EMPTY,
                                  _("This entry is too long to keep in one piece. "
                                    "Please split it into two entries."));
  return TRUE;
}

static gboolean
check_entry_date (const char *date, GError **error)
{
  g_autofree char *today = NULL;

  if (kit_date_is_unset (date))
    return kit_store_input_error (error, KIT_INPUT_ERROR_DATE,
                                  _("Please choose the day this entry is about."));
  if (!kit_date_parse (date, NULL))
    return kit_store_input_error (error, KIT_INPUT_ERROR_DATE,
                                  _("That date doesn't exist. Please check the day and month."));
  today = kit_date_today ();
  if (kit_date_compare (date, today) > 0)
    return kit_store_input_error (error, KIT_INPUT_ERROR_DATE,
                                  _("This date is in the future. Choose today or a day before."));
  return TRUE;
}

static gboolean
check_feelings (const char *feelings, GError **error)
{
  g_auto (GStrv) codes = g_strsplit (feelings != NULL ? feelings : "", ",", -1);

  for (guint i = 0; codes[i] != NULL; i++)
    if (codes[i][0] != '\0' && !kit_store_check_code (KIT_VOCAB_FEELING, codes[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
session_exists (KitStore *self, gint64 session_id)
{
  return kit_store_query_int64 (self, "SELECT 1 FROM sessions s "
                                      "JOIN arrangements a ON a.id = s.arrangement_id "
                                      "JOIN children c ON c.id = a.child_id "
                                      "WHERE s.id = ?1 AND c.removed_at IS NULL",
                                session_id) != 0;
}

static gboolean
validate_entry (KitStore *self, KitDiaryEntry *entry, GError **error)
{
  gint64 child_id = kit_diary_entry_get_child_id (entry);
  gint64 session_id = kit_diary_entry_get_session_id (entry);

  if (kit_diary_entry_is_empty (entry))
    return kit_store_input_error (error, KIT_INPUT_ERROR_EMPTY,
                                  _("There is nothing to keep yet. Write a title or a few words."));
  if (!check_size (entry, error) ||
      !check_entry_date (kit_diary_entry_get_date (entry), error) ||
      !check_feelings (kit_diary_entry_get_feelings (entry), error))
    return FALSE;
  if (child_id != 0 && !kit_store_child_exists (self, child_id))
    return kit_store_input_error (error, KIT_INPUT_ERROR_NOT_FOUND,
                                  _("This child is no longer in the record."));
  if (session_id != 0 && !session_exists (self, session_id))
    return kit_store_input_error (error, KIT_INPUT_ERROR_NOT_FOUND,
                                  _("This session is no longer in the record."));
  return TRUE;
}

static void
bind_optional_id (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* ?1 date, ?2 child, ?3 session, ?4 title, ?5 body, ?6 feelings,
 * ?7 feelings_text, ?8 shared. */
static void
bind_fields (sqlite3_stmt *stmt, KitDiaryEntry *entry)
{
  kit_store_bind_optional (stmt, 1, kit_diary_entry_get_date (entry));
  bind_optional_id (stmt, 2, kit_diary_entry_get_child_id (entry));
  bind_optional_id (stmt, 3, kit_diary_entry_get_session_id (entry));
  kit_store_bind_text (stmt, 4, kit_diary_entry_get_title (entry));
  kit_store_bind_text (stmt, 5, kit_diary_entry_get_body (entry));
  kit_store_bind_text (stmt, 6, kit_diary_entry_get_feelings (entry));
  kit_store_bind_text (stmt, 7, kit_diary_entry_get_feelings_text (entry));
  sqlite3_bind_int (stmt, 8, kit_diary_entry_get_shared (entry) ? 1 : 0);
}

/* Whether entry @id exists and Review together lets it be seen. */
static gboolean
entry_visible (KitStore *self, gint64 id, GError **error)
{
  kit_store_auto_stmt *stmt = prepare_diary (self, "SELECT 1 FROM diary_entries e "
                                                   "WHERE e.id = :id AND {where}",
                                             DIARY_ENTRIES, NULL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return kit_store_sql_fail (self, error);
  return kit_store_input_error (error, KIT_INPUT_ERROR_NOT_FOUND, _(ENTRY_GONE));
}

/* Insert (*id 0, which then gets the new id) or update the row, with the
 * full-text index kept in step; inside the caller's transaction. */
static gboolean
write_entry (KitStore *self, KitDiaryEntry *entry, gint64 *id, GError **error)
{
  gboolean update = *id != 0;
  kit_store_auto_stmt *stmt = NULL;

  if (update && (!entry_visible (self, *id, error) ||
                 !kit_store_run_with_id (self, FTS_DELETE, *id, error)))
    return FALSE;
  stmt = kit_store_prepare (self, !update
    ? "INSERT INTO diary_entries (date, child_id, session_id, title, body, feelings, "
      "feelings_text, shared) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    : "UPDATE diary_entries SET date = ?1, child_id = ?2, session_id = ?3, title = ?4, "
      "body = ?5, feelings = ?6, feelings_text = ?7, shared = ?8, "
      "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?9",
    error);
  if (stmt == NULL)
    return FALSE;
  bind_fields (stmt, entry);
  if (update)
    sqlite3_bind_int64 (stmt, 9, *id);
  return kit_store_step_write (self, stmt, *id, id, _(ENTRY_GONE), error) &&
         kit_store_run_with_id (self, FTS_INSERT, *id, error);
}

/* The draft of @entry_id, unless Review together hides it: a private draft
 * is never lost to something done while it is out of sight. */
static gboolean
delete_draft (KitStore *self, gint64 entry_id, GError **error)
{
  kit_store_auto_stmt *stmt = prepare_diary (self, "DELETE FROM diary_drafts AS d "
                                                   "WHERE d.entry_id = :id AND {where}",
                                             DIARY_DRAFTS, NULL, error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, entry_id);
  return sqlite3_step (stmt) == SQLITE_DONE || kit_store_sql_fail (self, error);
}

gboolean
kit_store_save_diary_entry (KitStore *self, KitDiaryEntry *entry, GError **error)
{
  gint64 old_id, id;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (entry), FALSE);

  if (!validate_entry (self, entry, error))
    return FALSE;
  old_id = id = kit_diary_entry_get_id (entry);
  if (!kit_store_begin (self, error) ||
      !kit_store_end (self, write_entry (self, entry, &id, error) &&
                            delete_draft (self, old_id, error), error))
    return FALSE;

  {
    kit_store_auto_stmt *stmt = kit_store_prepare (self, "SELECT updated_at FROM diary_entries "
                                                         "WHERE id = ?1", NULL);
    if (stmt != NULL)
      {
        sqlite3_bind_int64 (stmt, 1, id);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          stamp = g_strdup (kit_store_column_text (stmt, 0));
      }
  }
  kit_diary_entry_set_id (entry, id);
  kit_diary_entry_set_updated_at (entry, stamp);
  kit_store_emit_changed (self);
  return TRUE;
}

gboolean
kit_store_remove_diary_entry (KitStore *self, gint64 entry_id, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  if (!kit_store_begin (self, error))
    return FALSE;
  ok = entry_visible (self, entry_id, error) &&
       kit_store_run_with_id (self, FTS_DELETE, entry_id, error) &&
       kit_store_run_with_id (self, "DELETE FROM diary_entries WHERE id = ?1", entry_id, error) &&
       /* Its draft goes with it, seen or not: it could never be saved now. */
       kit_store_run_with_id (self, "DELETE FROM diary_drafts WHERE entry_id = ?1", entry_id,
                              error);
  if (!kit_store_end (self, ok, error))
    return FALSE;
  kit_store_emit_changed (self);
  return TRUE;
}

/* --- Drafts -------------------------------------------------------------------- */

gboolean
kit_store_save_diary_draft (KitStore *self, KitDiaryEntry *draft, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_DIARY_ENTRY (draft), FALSE);

  if (!check_size (draft, error) || !kit_store_begin (self, error))
    return FALSE;
  {
    /* A draft hidden by Review together is left as it is. */
    kit_store_auto_stmt *stmt = prepare_diary (self,
      "INSERT INTO diary_drafts AS d (date, child_id, session_id, title, body, feelings, "
      "feelings_text, shared, entry_id, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
      "strftime('%Y-%m-%dT%H:%M:%SZ','now')) ON CONFLICT (entry_id) DO UPDATE SET "
      "date = excluded.date, child_id = excluded.child_id, session_id = excluded.session_id, "
      "title = excluded.title, body = excluded.body, feelings = excluded.feelings, "
      "feelings_text = excluded.feelings_text, shared = excluded.shared, "
      "updated_at = excluded.updated_at WHERE {where}", DIARY_DRAFTS, NULL, error);

    ok = stmt != NULL;
    if (ok)
      {
        bind_fields (stmt, draft);
        sqlite3_bind_int64 (stmt, 9, kit_diary_entry_get_id (draft));
        ok = sqlite3_step (stmt) == SQLITE_DONE || kit_store_sql_fail (self, error);
        /* Nothing written: a hidden private draft holds the place. Say so,
         * rather than let her think this one was kept. */
        if (ok && sqlite3_changes (self->db) == 0)
          ok = kit_store_input_error (error, KIT_INPUT_ERROR_DATE,
                                      _("This can't be kept as an unfinished entry while "
                                        "Review together is on. Choose today or a day "
                                        "before, and it will be saved."));
      }
  }
  if (!kit_store_end (self, ok, error))
    return FALSE;
  kit_store_emit_changed (self);
  return TRUE;
}

KitDiaryEntry *
kit_store_get_diary_draft (KitStore *self, gint64 entry_id)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  return find_one (self, "SELECT " DRAFT_COLUMNS " FROM " DRAFT_FROM
                         "WHERE d.entry_id = :id AND {where}",
                   DIARY_DRAFTS, entry_id);
}

GArray *
kit_store_list_diary_drafts (KitStore *self)
{
  g_autoptr (GError) error = NULL;
  GArray *ids = NULL;
  IdRows rows = { NULL, NULL };
  kit_store_auto_stmt *stmt = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  rows.ids = ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = prepare_diary (self, "SELECT d.entry_id FROM diary_drafts d WHERE {where} "
                              "ORDER BY d.updated_at DESC, d.entry_id",
                        DIARY_DRAFTS, NULL, &error);
  if (stmt == NULL || !step_rows (self, stmt, add_id_row, &rows, &error))
    g_warning ("The diary's drafts could not be listed: %s", error->message);
  return ids;
}

gboolean
kit_store_discard_diary_draft (KitStore *self, gint64 entry_id, GError **error)
{
  gboolean ok;
  int changes = 0;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  if (!kit_store_begin (self, error))
    return FALSE;
  {
    kit_store_auto_stmt *stmt = prepare_diary (self, "DELETE FROM diary_drafts AS d "
                                                     "WHERE d.entry_id = :id AND {where}",
                                               DIARY_DRAFTS, NULL, error);
    ok = stmt != NULL;
    if (ok)
      {
        bind_id (stmt, entry_id);
        ok = sqlite3_step (stmt) == SQLITE_DONE || kit_store_sql_fail (self, error);
        changes = sqlite3_changes (self->db);
      }
  }
  if (!kit_store_end (self, ok, error))
    return FALSE;
  if (changes > 0)
    kit_store_emit_changed (self);
  return TRUE;
}

/* --- Export -------------------------------------------------------------------- */

static void
append_feelings (GString *out, KitDiaryEntry *entry)
{
  g_auto (GStrv) codes = g_strsplit (kit_diary_entry_get_feelings (entry), ",", -1);
  g_autoptr (GString) words = g_string_new (NULL);
  const char *own = kit_diary_entry_get_feelings_text (entry);

  for (guint i = 0; codes[i] != NULL; i++)
    if (codes[i][0] != '\0')
      g_string_append_printf (words, "%s%s", words->len > 0 ? ", " : "",
                              kit_vocab_label (KIT_VOCAB_FEELING, codes[i]));
  if (*own != '\0')
    g_string_append_printf (words, "%s%s", words->len > 0 ? ". " : "", own);
  if (words->len > 0)
    /* Translators: in the diary's export, how she felt */
    g_string_append_printf (out, _("How I felt: %s\n"), words->str);
}

static void
append_entry (sqlite3_stmt *stmt, gpointer user_data)
{
  GString *out = user_data;
  g_autoptr (KitDiaryEntry) entry = entry_from_row (stmt);
  g_autofree char *date = kit_date_format (kit_diary_entry_get_date (entry));
  const char *child = kit_diary_entry_get_child_name (entry);

  if (out->len > 0)
    g_string_append (out, "\n* * *\n\n");
  g_string_append_printf (out, "%s\n", date);
  if (*child != '\0')
    /* Translators: in the diary's export, the child an entry is about */
    g_string_append_printf (out, _("About: %s\n"), child);
  if (*kit_diary_entry_get_title (entry) != '\0')
    g_string_append_printf (out, "%s\n", kit_diary_entry_get_title (entry));
  append_feelings (out, entry);
  g_string_append_printf (out, "\n%s\n", kit_diary_entry_get_body (entry));
}

char *
kit_store_export_diary_text (KitStore *self, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  kit_store_auto_stmt *stmt = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  stmt = prepare_diary (self, "SELECT " ENTRY_COLUMNS " FROM " ENTRY_FROM "WHERE {where} "
                              "ORDER BY e.date, e.id",
                        DIARY_ENTRIES, NULL, error);
  if (stmt == NULL || !step_rows (self, stmt, append_entry, out, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
