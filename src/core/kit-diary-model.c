/* kit-diary-model.c — the diary as a GListModel of month headings and
 * entries, newest first, for a GtkListView over 10,000 entries.
 *
 * The matching ids and their dates are read once (cheap: two columns of an
 * index); the month headings are worked out from the dates. Entries are read
 * only when the view asks for them, a page at a time, and at most
 * MAX_PAGES pages are kept; a page read long ago is dropped first.
 *
 * Positions: each month's heading, then its entries. The store applies
 * Review together in its queries; the model also reads its ids again the
 * moment review mode changes, so a private entry never stays on screen. */

#include "kit-diary-model.h"

#include <string.h>

#define PAGE_SIZE 50
#define MAX_PAGES 10

typedef struct {
  char year_month[8];   /* "2026-11" */
  guint first_entry;    /* index in ids */
  guint n_entries;
  guint position;       /* of the heading */
} Month;

struct _KitDiaryModel
{
  GObject parent_instance;

  KitStore *store;
  gulong review_handler;
  KitDiaryFilter filter;     /* strings owned */

  GArray *ids;               /* gint64, newest first */
  GArray *months;            /* Month */
  GPtrArray *headings;       /* KitDiaryMonth or NULL, one per month, made when asked */
  GHashTable *cache;         /* entry id (gint64 *) → KitDiaryEntry */
  GQueue pages;              /* page numbers with entries in the cache, most recent first */
};

static void kit_diary_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KitDiaryModel, kit_diary_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kit_diary_model_list_model_init))

static void
clear_filter (KitDiaryFilter *filter)
{
  g_free ((char *) filter->feeling);
  g_free ((char *) filter->from);
  g_free ((char *) filter->to);
  g_free ((char *) filter->search);
  memset (filter, 0, sizeof *filter);
}

static void
kit_diary_model_dispose (GObject *object)
{
  KitDiaryModel *self = (KitDiaryModel *) object;

  g_clear_signal_handler (&self->review_handler, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (kit_diary_model_parent_class)->dispose (object);
}

static void
kit_diary_model_finalize (GObject *object)
{
  KitDiaryModel *self = (KitDiaryModel *) object;

  clear_filter (&self->filter);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_queue_clear (&self->pages);
  G_OBJECT_CLASS (kit_diary_model_parent_class)->finalize (object);
}

static void
kit_diary_model_class_init (KitDiaryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kit_diary_model_dispose;
  object_class->finalize = kit_diary_model_finalize;
}

static void
unref_heading (gpointer heading)
{
  if (heading != NULL)
    g_object_unref (heading);
}

static GHashTable *
new_cache (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static void
kit_diary_model_init (KitDiaryModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->months = g_array_new (FALSE, FALSE, sizeof (Month));
  self->headings = g_ptr_array_new_with_free_func (unref_heading);
  self->cache = new_cache ();
  g_queue_init (&self->pages);
}

/* --- Positions ----------------------------------------------------------------- */

static guint
n_items (KitDiaryModel *self)
{
  return self->ids->len + self->months->len;
}

/* The last month whose heading's position (or, @by_entry, whose first
 * entry's index) is at or before @value. */
static guint
month_search (GArray *months, guint value, gboolean by_entry)
{
  guint lo = 0, hi = months->len;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      Month *month = &g_array_index (months, Month, mid);
      if ((by_entry ? month->first_entry : month->position) <= value)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* The month whose heading is at or before @position. */
static guint
month_at (GArray *months, guint position)
{
  return month_search (months, position, FALSE);
}

/* The month holding entry @index. */
static guint
month_of_entry (GArray *months, guint index)
{
  return month_search (months, index, TRUE);
}

static guint
position_of_entry (GArray *months, guint index)
{
  return index + month_of_entry (months, index) + 1;
}

/* Month headings from the entries' dates (newest first). */
static GArray *
months_from_dates (GPtrArray *dates)
{
  GArray *months = g_array_new (FALSE, FALSE, sizeof (Month));

  for (guint i = 0; i < dates->len; i++)
    {
      const char *date = g_ptr_array_index (dates, i);
      Month *last = months->len > 0 ? &g_array_index (months, Month, months->len - 1) : NULL;
      char ym[8] = { 0 };

      if (date != NULL)
        g_strlcpy (ym, date, sizeof ym);
      if (last == NULL || strcmp (last->year_month, ym) != 0)
        {
          Month month = { { 0 }, i, 0, i + months->len };
          memcpy (month.year_month, ym, sizeof ym);
          g_array_append_val (months, month);
          last = &g_array_index (months, Month, months->len - 1);
        }
      last->n_entries++;
    }
  return months;
}

/* --- The cache ------------------------------------------------------------------- */

static void
touch_page (KitDiaryModel *self, guint page)
{
  g_queue_remove (&self->pages, GUINT_TO_POINTER (page));
  g_queue_push_head (&self->pages, GUINT_TO_POINTER (page));
}

static void
evict_pages (KitDiaryModel *self)
{
  while (g_queue_get_length (&self->pages) > MAX_PAGES)
    {
      guint page = GPOINTER_TO_UINT (g_queue_pop_tail (&self->pages));
      guint end = MIN ((page + 1) * PAGE_SIZE, self->ids->len);

      for (guint i = page * PAGE_SIZE; i < end; i++)
        g_hash_table_remove (self->cache, &g_array_index (self->ids, gint64, i));
    }
}

static void
cache_entry (GHashTable *cache, KitDiaryEntry *entry)
{
  gint64 *key = g_new (gint64, 1);

  *key = kit_diary_entry_get_id (entry);
  g_hash_table_replace (cache, key, g_object_ref (entry));
}

/* Read the page holding entry @index. An id the store no longer gives (gone,
 * or hidden by Review together until the next refresh) gets an empty entry,
 * so the position still holds something. */
static void
load_page (KitDiaryModel *self, guint index)
{
  guint page = index / PAGE_SIZE;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);
  const gint64 *ids = &g_array_index (self->ids, gint64, start);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = kit_store_get_diary_entries (self->store, ids, n,
                                                               self->filter.search, &error);

  if (entries == NULL)
    g_warning ("Diary entries could not be read: %s", error->message);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    cache_entry (self->cache, g_ptr_array_index (entries, i));
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (self->cache, &ids[i]))
      {
        g_autoptr (KitDiaryEntry) missing = g_object_new (KIT_TYPE_DIARY_ENTRY, NULL);
        kit_diary_entry_set_id (missing, ids[i]);
        cache_entry (self->cache, missing);
      }
  touch_page (self, page);
  evict_pages (self);
}

static KitDiaryEntry *
entry_at (KitDiaryModel *self, guint index)
{
  gint64 id = g_array_index (self->ids, gint64, index);
  KitDiaryEntry *entry = g_hash_table_lookup (self->cache, &id);

  if (entry == NULL)
    {
      load_page (self, index);
      entry = g_hash_table_lookup (self->cache, &id);
    }
  else
    touch_page (self, index / PAGE_SIZE);
  return g_object_ref (entry);
}

/* --- GListModel ------------------------------------------------------------------ */

static GType
kit_diary_model_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;   /* KitDiaryMonth and KitDiaryEntry */
}

static guint
kit_diary_model_get_n_items (GListModel *model)
{
  return n_items (KIT_DIARY_MODEL (model));
}

static gpointer
kit_diary_model_get_item (GListModel *model, guint position)
{
  KitDiaryModel *self = KIT_DIARY_MODEL (model);
  guint m;
  Month *month;

  if (position >= n_items (self))
    return NULL;
  m = month_at (self->months, position);
  month = &g_array_index (self->months, Month, m);
  if (position > month->position)
    return entry_at (self, month->first_entry + (position - month->position - 1));
  if (g_ptr_array_index (self->headings, m) == NULL)
    g_ptr_array_index (self->headings, m) = kit_diary_month_new (month->year_month,
                                                                 month->n_entries);
  return g_object_ref (g_ptr_array_index (self->headings, m));
}

static void
kit_diary_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kit_diary_model_get_item_type;
  iface->get_n_items = kit_diary_model_get_n_items;
  iface->get_item = kit_diary_model_get_item;
}

/* --- Refresh --------------------------------------------------------------------- */

/* What a position shows, to tell which positions changed. */
typedef struct {
  gint64 id;            /* an entry's id, 0 for a heading */
  guint n_entries;      /* a heading's count */
  const char *year_month;
} Key;

static Key
key_at (GArray *ids, GArray *months, guint position)
{
  Month *month = &g_array_index (months, Month, month_at (months, position));
  Key key = { 0, 0, NULL };

  if (position > month->position)
    key.id = g_array_index (ids, gint64, month->first_entry + (position - month->position - 1));
  else
    {
      key.n_entries = month->n_entries;
      key.year_month = month->year_month;
    }
  return key;
}

static gboolean
keys_equal (Key a, Key b)
{
  return a.id == b.id && a.n_entries == b.n_entries && g_strcmp0 (a.year_month, b.year_month) == 0;
}

static gboolean
entries_equal (KitDiaryEntry *a, KitDiaryEntry *b)
{
  return kit_diary_entry_get_id (a) == kit_diary_entry_get_id (b) &&
         kit_diary_entry_get_child_id (a) == kit_diary_entry_get_child_id (b) &&
         kit_diary_entry_get_session_id (a) == kit_diary_entry_get_session_id (b) &&
         kit_diary_entry_get_shared (a) == kit_diary_entry_get_shared (b) &&
         g_strcmp0 (kit_diary_entry_get_date (a), kit_diary_entry_get_date (b)) == 0 &&
         g_strcmp0 (kit_diary_entry_get_title (a), kit_diary_entry_get_title (b)) == 0 &&
         g_strcmp0 (kit_diary_entry_get_body (a), kit_diary_entry_get_body (b)) == 0 &&
         g_strcmp0 (kit_diary_entry_get_feelings (a), kit_diary_entry_get_feelings (b)) == 0 &&
         g_strcmp0 (kit_diary_entry_get_feelings_text (a),
                    kit_diary_entry_get_feelings_text (b)) == 0 &&
         g_strcmp0 (kit_diary_entry_get_updated_at (a), kit_diary_entry_get_updated_at (b)) == 0 &&
         g_strcmp0 (kit_diary_entry_get_child_name (a), kit_diary_entry_get_child_name (b)) == 0 &&
         g_strcmp0 (kit_diary_entry_get_snippet_markup (a),
                    kit_diary_entry_get_snippet_markup (b)) == 0;
}

/* The entries of the old cache that are still listed, read again into a new
 * cache; [*lo, *hi) gets the (new) positions of those whose contents
 * changed. Pages are tracked again by their new places. */
static GHashTable *
reread_cached (KitDiaryModel *self, GArray *ids, GArray *months, guint *lo, guint *hi)
{
  GHashTable *fresh_cache = new_cache ();
  g_autoptr (GHashTable) index_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) fresh = NULL;
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->cache) == 0)
    return fresh_cache;
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (index_of, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i + 1));
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (index_of, key))
      g_array_append_val (wanted, *(gint64 *) key);

  fresh = kit_store_get_diary_entries (self->store, (const gint64 *) (gpointer) wanted->data,
                                       wanted->len, self->filter.search, &error);
  if (fresh == NULL)
    {
      g_warning ("Diary entries could not be read again: %s", error->message);
      return fresh_cache;
    }
  for (guint i = 0; i < fresh->len; i++)
    {
      KitDiaryEntry *entry = g_ptr_array_index (fresh, i);
      gint64 id = kit_diary_entry_get_id (entry);
      KitDiaryEntry *old = g_hash_table_lookup (self->cache, &id);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, &id)) - 1;
      guint page = index / PAGE_SIZE;

      if (old != NULL && !entries_equal (old, entry))
        {
          guint position = position_of_entry (months, index);
          *lo = MIN (*lo, position);
          *hi = MAX (*hi, position + 1);
        }
      cache_entry (fresh_cache, entry);
      if (g_queue_find (&self->pages, GUINT_TO_POINTER (page)) == NULL)
        g_queue_push_tail (&self->pages, GUINT_TO_POINTER (page));
    }
  return fresh_cache;
}

/* Read the ids again and tell the view what changed (@everything: every
 * position, as when the search changes and so does every snippet). */
static void
refresh (KitDiaryModel *self, gboolean everything)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) dates = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GArray) months = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0, lo, hi, edited_lo = G_MAXUINT, edited_hi = 0;

  ids = kit_store_list_diary_ids (self->store, &self->filter, &dates, &error);
  if (ids == NULL)
    {
      /* Show nothing rather than what may no longer be allowed. */
      g_warning ("The diary could not be listed: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      dates = g_ptr_array_new ();
    }
  months = months_from_dates (dates);

  old_n = n_items (self);
  new_n = ids->len + months->len;
  while (prefix < old_n && prefix < new_n &&
         keys_equal (key_at (self->ids, self->months, prefix), key_at (ids, months, prefix)))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         keys_equal (key_at (self->ids, self->months, old_n - 1 - suffix),
                     key_at (ids, months, new_n - 1 - suffix)))
    suffix++;
  lo = everything ? 0 : prefix;
  hi = everything ? new_n : new_n - suffix;

  {
    GHashTable *fresh_cache;

    g_queue_clear (&self->pages);
    fresh_cache = reread_cached (self, ids, months, &edited_lo, &edited_hi);
    g_hash_table_unref (self->cache);
    self->cache = fresh_cache;
  }
  g_ptr_array_set_size (self->headings, 0);
  g_ptr_array_set_size (self->headings, (int) months->len);
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_array_unref (self->months);
  self->months = g_steal_pointer (&months);
  evict_pages (self);

  if (edited_lo < edited_hi && hi == lo && old_n == new_n)
    {
      lo = edited_lo;
      hi = edited_hi;
    }
  else if (edited_lo < edited_hi)
    {
      lo = MIN (lo, edited_lo);
      hi = MAX (hi, edited_hi);
    }
  if (hi > lo || old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), lo, (hi - lo + old_n) - new_n, hi - lo);
}

void
kit_diary_model_refresh (KitDiaryModel *self)
{
  g_return_if_fail (KIT_IS_DIARY_MODEL (self));
  refresh (self, FALSE);
}

/* --- Public API ------------------------------------------------------------------ */

static void
on_review_mode (KitStore *store, GParamSpec *pspec, KitDiaryModel *self)
{
  kit_diary_model_refresh (self);
}

static void
copy_filter (KitDiaryFilter *to, const KitDiaryFilter *from)
{
  clear_filter (to);
  if (from == NULL)
    return;
  to->child_id = from->child_id;
  to->feeling = g_strdup (from->feeling);
  to->from = g_strdup (from->from);
  to->to = g_strdup (from->to);
  to->search = g_strdup (from->search);
}

KitDiaryModel *
kit_diary_model_new (KitStore *store, const KitDiaryFilter *filter)
{
  KitDiaryModel *self;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  self = g_object_new (KIT_TYPE_DIARY_MODEL, NULL);
  self->store = g_object_ref (store);
  self->review_handler = g_signal_connect (store, "notify::review-mode",
                                           G_CALLBACK (on_review_mode), self);
  copy_filter (&self->filter, filter);
  refresh (self, FALSE);
  return self;
}

void
kit_diary_model_set_filter (KitDiaryModel *self, const KitDiaryFilter *filter)
{
  g_return_if_fail (KIT_IS_DIARY_MODEL (self));
  copy_filter (&self->filter, filter);
  /* Snippets depend on the search: every entry is read again. */
  g_hash_table_remove_all (self->cache);
  g_queue_clear (&self->pages);
  refresh (self, TRUE);
}

guint
kit_diary_model_get_n_entries (KitDiaryModel *self)
{
  g_return_val_if_fail (KIT_IS_DIARY_MODEL (self), 0);
  return self->ids->len;
}

guint
kit_diary_model_find (KitDiaryModel *self, gint64 entry_id)
{
  g_return_val_if_fail (KIT_IS_DIARY_MODEL (self), G_MAXUINT);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == entry_id)
      return position_of_entry (self->months, i);
  return G_MAXUINT;
}
