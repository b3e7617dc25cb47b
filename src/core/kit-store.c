/* kit-store.c — KitStore's life cycle, its "changed" signal, the helpers the
 * store's files share, and the two live models: children and people.
 * Arrangements, changes and follow-ups are in kit-store-changes.c; sessions,
 * dates that matter, what is coming up and the counts in kit-store-sessions.c.
 *
 * A child is removed in two steps (DESIGN §7): children.removed_at hides it
 * at once, everything about it included, and undo clears it again; the rows
 * are deleted for good by kit_store_purge_removed (), which the next
 * kit_store_new () also runs. */

#include "kit-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kit-chain.h"
#include "kit-date.h"
#include "kit-error.h"
#include "kit-vocab.h"

G_DEFINE_FINAL_TYPE (KitStore, kit_store, G_TYPE_OBJECT)

#define CHILD_GONE N_("This child is no longer in the record.")
#define PERSON_GONE N_("This person is no longer in the address book.")

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_REVIEW_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kit_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_REVIEW_MODE:
      g_value_set_boolean (value, kit_store_get_review_mode (KIT_STORE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_store_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  g_autoptr (GError) error = NULL;

  switch (prop_id)
    {
    case PROP_REVIEW_MODE:
      if (!kit_store_set_review_mode (KIT_STORE (object), g_value_get_boolean (value), &error))
        g_warning ("Review together could not be changed: %s", error->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kit_store_finalize (GObject *object)
{
  KitStore *self = (KitStore *) object;

  g_clear_object (&self->children);
  g_clear_object (&self->people);
  g_clear_pointer (&self->broken, g_hash_table_unref);
  g_clear_pointer (&self->verified, g_hash_table_unref);
  G_OBJECT_CLASS (kit_store_parent_class)->finalize (object);
}

static void
kit_store_class_init (KitStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kit_store_finalize;
  object_class->get_property = kit_store_get_property;
  object_class->set_property = kit_store_set_property;

  /* Review together (kit-store-diary.c): kept in the record's meta. */
  properties[PROP_REVIEW_MODE] =
    g_param_spec_boolean ("review-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kit_store_init (KitStore *self)
{
  self->children = g_list_store_new (KIT_TYPE_CHILD);
  self->people = g_list_store_new (KIT_TYPE_PERSON);
  self->broken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->verified = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static gboolean
not_found (GError **error, const char *missing)
{
  return kit_store_input_error (error, KIT_INPUT_ERROR_NOT_FOUND, missing);
}

/* By name (case-insensitive), then by id, so the order is stable. */
static int
compare_named (const char *a, gint64 a_id, const char *b, gint64 b_id)
{
  g_autofree char *fa = g_utf8_casefold (a != NULL ? a : "", -1);
  g_autofree char *fb = g_utf8_casefold (b != NULL ? b : "", -1);
  int by_name = g_utf8_collate (fa, fb);

  if (by_name != 0)
    return by_name;
  return (a_id > b_id) - (a_id < b_id);
}

typedef gint64 (*IdFunc) (gpointer item);

/* The item of @model with @id (a new reference), or NULL. */
static gpointer
find_in_model (GListStore *model, gint64 id, IdFunc get_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (G_LIST_MODEL (model), i);
      if (get_id (item) == id)
        return item;
      g_object_unref (item);
    }
  return NULL;
}

typedef gpointer (*FromRowFunc) (sqlite3_stmt *stmt);

typedef struct {
  GPtrArray *items;
  FromRowFunc from_row;
} Rows;

static void
add_row (sqlite3_stmt *stmt, gpointer user_data)
{
  Rows *rows = user_data;

  g_ptr_array_add (rows->items, rows->from_row (stmt));
}

/* The objects made by @from_row from each row of @sql, sorted by @compare. */
static GPtrArray *
load_sorted (KitStore *self, const char *sql, FromRowFunc from_row, GCompareFunc compare,
             GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  Rows rows = { items, from_row };

  if (!kit_store_each_row (self, sql, 0, add_row, &rows, error))
    return NULL;
  g_ptr_array_sort (items, compare);
  return g_steal_pointer (&items);
}

/* --- Children -------------------------------------------------------------- */

/* The earliest next-due date of the child's active arrangements. */
static char *
next_contact_of (KitStore *self, gint64 child_id)
{
  g_autoptr (GPtrArray) arrangements = NULL;
  g_autoptr (GError) error = NULL;
  char *earliest = NULL;

  arrangements = kit_store_query_arrangements (self, child_id, 0, &error);
  if (arrangements == NULL)
    {
      g_warning ("Next contact of child %" G_GINT64_FORMAT ": %s", child_id, error->message);
      return NULL;
    }
  for (guint i = 0; i < arrangements->len; i++)
    {
      KitArrangement *arrangement = g_ptr_array_index (arrangements, i);
      const char *due = kit_arrangement_get_next_due (arrangement);

      if (g_strcmp0 (kit_arrangement_get_status (arrangement), "active") != 0 ||
          kit_date_is_unset (due))
        continue;
      if (earliest == NULL || kit_date_compare (due, earliest) < 0)
        {
          g_free (earliest);
          earliest = g_strdup (due);
        }
    }
  return earliest;
}

static KitChild *
child_from_row (sqlite3_stmt *stmt)
{
  KitChild *child = kit_child_new ();

  kit_child_set_id (child, sqlite3_column_int64 (stmt, 0));
  kit_child_set_name (child, kit_store_column_text (stmt, 1));
  kit_child_set_other_names (child, kit_store_column_text (stmt, 2));
  kit_child_set_date_of_birth (child, kit_store_column_text (stmt, 3));
  kit_child_set_lives_with (child, kit_store_column_text (stmt, 4));
  kit_child_set_legal_order (child, kit_store_column_text (stmt, 5));
  kit_child_set_notes (child, kit_store_column_text (stmt, 6));
  return child;
}

static int
compare_children (gconstpointer a, gconstpointer b)
{
  KitChild *x = *(KitChild **) a, *y = *(KitChild **) b;

  return compare_named (kit_child_get_name (x), kit_child_get_id (x),
                        kit_child_get_name (y), kit_child_get_id (y));
}

static GPtrArray *
load_children (KitStore *self, GError **error)
{
  GPtrArray *children = load_sorted (self, "SELECT id, name, other_names, date_of_birth, "
                                           "lives_with, legal_order, notes FROM children "
                                           "WHERE removed_at IS NULL",
                                     (FromRowFunc) child_from_row, compare_children, error);

  for (guint i = 0; children != NULL && i < children->len; i++)
    {
      KitChild *child = g_ptr_array_index (children, i);
      g_autofree char *next = next_contact_of (self, kit_child_get_id (child));
      kit_child_set_next_contact (child, next);
    }
  return children;
}

static gboolean
children_equal (KitChild *a, KitChild *b)
{
  return kit_child_get_id (a) == kit_child_get_id (b) &&
         g_strcmp0 (kit_child_get_name (a), kit_child_get_name (b)) == 0 &&
         g_strcmp0 (kit_child_get_other_names (a), kit_child_get_other_names (b)) == 0 &&
         g_strcmp0 (kit_child_get_date_of_birth (a), kit_child_get_date_of_birth (b)) == 0 &&
         g_strcmp0 (kit_child_get_lives_with (a), kit_child_get_lives_with (b)) == 0 &&
         g_strcmp0 (kit_child_get_legal_order (a), kit_child_get_legal_order (b)) == 0 &&
         g_strcmp0 (kit_child_get_notes (a), kit_child_get_notes (b)) == 0 &&
         g_strcmp0 (kit_child_get_next_contact (a), kit_child_get_next_contact (b)) == 0;
}

static gboolean
people_equal (KitPerson *a, KitPerson *b)
{
  return kit_person_get_id (a) == kit_person_get_id (b) &&
         g_strcmp0 (kit_person_get_name (a), kit_person_get_name (b)) == 0 &&
         g_strcmp0 (kit_person_get_role (a), kit_person_get_role (b)) == 0 &&
         g_strcmp0 (kit_person_get_organisation (a), kit_person_get_organisation (b)) == 0 &&
         g_strcmp0 (kit_person_get_address (a), kit_person_get_address (b)) == 0 &&
         g_strcmp0 (kit_person_get_phone (a), kit_person_get_phone (b)) == 0 &&
         g_strcmp0 (kit_person_get_email (a), kit_person_get_email (b)) == 0 &&
         g_strcmp0 (kit_person_get_notes (a), kit_person_get_notes (b)) == 0;
}

/* Bring @model in line with @items, replacing only the run that differs, so
 * that views keep their rows (and selection) for everything else and get
 * one precise items-changed. */
static void
update_model (GListStore *model, GPtrArray *items, GEqualFunc equal)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint new_n = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n)
    {
      g_autoptr (GObject) old = g_list_model_get_item (G_LIST_MODEL (model), prefix);
      if (!equal (old, g_ptr_array_index (items, prefix)))
        break;
      prefix++;
    }
  while (suffix < old_n - prefix && suffix < new_n - prefix)
    {
      g_autoptr (GObject) old = g_list_model_get_item (G_LIST_MODEL (model), old_n - 1 - suffix);
      if (!equal (old, g_ptr_array_index (items, new_n - 1 - suffix)))
        break;
      suffix++;
    }
  if (prefix + suffix == old_n && prefix + suffix == new_n)
    return;
  g_list_store_splice (model, prefix, old_n - prefix - suffix,
                       items->pdata + prefix, new_n - prefix - suffix);
}

static gboolean
refresh_children (KitStore *self, GError **error)
{
  g_autoptr (GPtrArray) children = load_children (self, error);

  if (children == NULL)
    return FALSE;
  update_model (self->children, children, (GEqualFunc) children_equal);
  return TRUE;
}

/* --- People ------------------------------------------------------------------ */

static KitPerson *
person_from_row (sqlite3_stmt *stmt)
{
  KitPerson *person = kit_person_new ();

  kit_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  kit_person_set_name (person, kit_store_column_text (stmt, 1));
  kit_person_set_role (person, kit_store_column_text (stmt, 2));
  kit_person_set_organisation (person, kit_store_column_text (stmt, 3));
  kit_person_set_address (person, kit_store_column_text (stmt, 4));
  kit_person_set_phone (person, kit_store_column_text (stmt, 5));
  kit_person_set_email (person, kit_store_column_text (stmt, 6));
  kit_person_set_notes (person, kit_store_column_text (stmt, 7));
  return person;
}

static int
compare_people (gconstpointer a, gconstpointer b)
{
  KitPerson *x = *(KitPerson **) a, *y = *(KitPerson **) b;

  return compare_named (kit_person_get_name (x), kit_person_get_id (x),
                        kit_person_get_name (y), kit_person_get_id (y));
}

static gboolean
refresh_people (KitStore *self, GError **error)
{
  g_autoptr (GPtrArray) people = load_sorted (self, "SELECT id, name, role, organisation, "
                                                    "address, phone, email, notes FROM people",
                                              (FromRowFunc) person_from_row, compare_people,
                                              error);

  if (people == NULL)
    return FALSE;
  update_model (self->people, people, (GEqualFunc) people_equal);
  return TRUE;
}

/* --- Life cycle and signal ------------------------------------------------- */

void
kit_store_emit_changed (KitStore *self)
{
  g_autoptr (GError) error = NULL;

  /* The edit is committed already: a failure here only leaves a model stale. */
  if (!refresh_children (self, &error) || !refresh_people (self, &error))
    g_warning ("The lists could not be brought up to date: %s", error->message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Check one child's chain (0: every child) and keep the broken set in step. */
gboolean
kit_store_verify_chains (KitStore *self, gint64 child_id, GError **error)
{
  g_autoptr (GArray) ids = NULL;

  if (!kit_chain_verify_ids (self->db, child_id, &ids, error))
    return FALSE;
  if (child_id == 0)
    {
      g_hash_table_remove_all (self->broken);
      self->all_verified = TRUE;
    }
  else
    {
      g_hash_table_remove (self->broken, &child_id);
      g_hash_table_add (self->verified, g_memdup2 (&child_id, sizeof child_id));
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->broken, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  return TRUE;
}

KitStore *
kit_store_new (sqlite3 *db, GError **error)
{
  g_autoptr (KitStore) self = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  self = g_object_new (KIT_TYPE_STORE, NULL);
  self->db = db;
  /* Removals left pending when the app last closed are final now. */
  if (!kit_store_purge_removed (self, error) ||
      !refresh_children (self, error) ||
      !refresh_people (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

sqlite3 *
kit_store_get_db (KitStore *self)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  return self->db;
}

/* --- Children: public API ---------------------------------------------------- */

GListModel *
kit_store_get_children (KitStore *self)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->children);
}

KitChild *
kit_store_find_child (KitStore *self, gint64 child_id)
{
  g_autoptr (KitChild) child = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  child = find_in_model (self->children, child_id, (IdFunc) kit_child_get_id);
  return child != NULL ? kit_child_copy (child) : NULL;
}

gboolean
kit_store_child_exists (KitStore *self, gint64 child_id)
{
  return kit_store_query_int64 (self, "SELECT 1 FROM children WHERE id = ?1 "
                                      "AND removed_at IS NULL", child_id) != 0;
}

/* @text without the spaces around it ("" for NULL). */
static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
name_is_empty (const char *name)
{
  g_autofree char *name_only = trimmed (name);
  return *name_only == '\0';
}

static gboolean
validate_child (KitStore *self, KitChild *child, GError **error)
{
  if (name_is_empty (kit_child_get_name (child)))
    {
      g_set_error_literal (error, KIT_INPUT_ERROR, KIT_INPUT_ERROR_NAME,
                           _("Please write the name you use for your child."));
      return FALSE;
    }
  if (!kit_store_check_date (kit_child_get_date_of_birth (child), FALSE,
                             KIT_INPUT_ERROR_DATE_OF_BIRTH, error) ||
      !kit_store_check_code (KIT_VOCAB_LIVES_WITH, kit_child_get_lives_with (child), error) ||
      !kit_store_check_code (KIT_VOCAB_LEGAL_ORDER, kit_child_get_legal_order (child), error))
    return FALSE;
  if (kit_child_get_id (child) != 0 && !kit_store_child_exists (self, kit_child_get_id (child)))
    return not_found (error, _(CHILD_GONE));
  return TRUE;
}

/* Insert (*id 0, which then gets the new id) or update the child's row. */
static gboolean
write_child (KitStore *self, KitChild *child, const char *name, gint64 *id, GError **error)
{
  kit_store_auto_stmt *stmt = kit_store_prepare (self, *id == 0
    ? "INSERT INTO children (name, other_names, date_of_birth, lives_with, legal_order, notes) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    : "UPDATE children SET name = ?1, other_names = ?2, date_of_birth = ?3, lives_with = ?4, "
      "legal_order = ?5, notes = ?6 WHERE id = ?7 AND removed_at IS NULL",
    error);

  if (stmt == NULL)
    return FALSE;
  kit_store_bind_text (stmt, 1, name);
  kit_store_bind_text (stmt, 2, kit_child_get_other_names (child));
  kit_store_bind_optional (stmt, 3, kit_child_get_date_of_birth (child));
  kit_store_bind_text (stmt, 4, kit_child_get_lives_with (child));
  kit_store_bind_text (stmt, 5, kit_child_get_legal_order (child));
  kit_store_bind_text (stmt, 6, kit_child_get_notes (child));
  if (*id != 0)
    sqlite3_bind_int64 (stmt, 7, *id);
  return kit_store_step_write (self, stmt, *id, id, _(CHILD_GONE), error);
}

gboolean
kit_store_save_child (KitStore *self, KitChild *child, GError **error)
{
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_CHILD (child), FALSE);

  if (!validate_child (self, child, error))
    return FALSE;
  name = trimmed (kit_child_get_name (child));
  id = kit_child_get_id (child);
  if (!kit_store_begin (self, error) ||
      !kit_store_end (self, write_child (self, child, name, &id, error), error))
    return FALSE;

  kit_child_set_id (child, id);
  kit_child_set_name (child, name);
  kit_store_emit_changed (self);
  return TRUE;
}

gboolean
kit_store_remove_child (KitStore *self, gint64 child_id, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  return kit_store_edit_one (self, "UPDATE children SET removed_at = "
                                   "strftime('%Y-%m-%dT%H:%M:%SZ','now') "
                                   "WHERE id = ?1 AND removed_at IS NULL",
                             child_id, _(CHILD_GONE), error);
}

gboolean
kit_store_undo_remove_child (KitStore *self, gint64 child_id, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  return kit_store_edit_one (self, "UPDATE children SET removed_at = NULL "
                                   "WHERE id = ?1 AND removed_at IS NOT NULL",
                             child_id, _("This child can no longer be brought back."), error);
}

static void
add_id (sqlite3_stmt *stmt, gpointer ids)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  g_array_append_val ((GArray *) ids, id);
}

/* Everything about the child goes by foreign key, and the chain's anchor. */
static gboolean
delete_child (KitStore *self, gint64 child_id, GError **error)
{
  /* Corrections point at the entries they correct without ON DELETE:
   * unhook them first so the cascade can take the whole history. */
  return kit_store_run_with_id (self, "UPDATE changes SET corrects_id = NULL WHERE child_id = ?1",
                                child_id, error) &&
         kit_chain_delete_anchor (self->db, child_id, error) &&
         kit_store_run_with_id (self, "DELETE FROM children WHERE id = ?1", child_id, error);
}

gboolean
kit_store_purge_removed (KitStore *self, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean ok = TRUE;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);

  if (!kit_store_each_row (self, "SELECT id FROM children WHERE removed_at IS NOT NULL", 0,
                           add_id, ids, error))
    return FALSE;
  if (ids->len == 0)
    return TRUE;
  if (!kit_store_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < ids->len; i++)
    ok = delete_child (self, g_array_index (ids, gint64, i), error);
  if (!kit_store_end (self, ok, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_hash_table_remove (self->broken, &g_array_index (ids, gint64, i));
      g_hash_table_remove (self->verified, &g_array_index (ids, gint64, i));
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

/* --- People: public API ------------------------------------------------------ */

GListModel *
kit_store_get_people (KitStore *self)
{
  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->people);
}

KitPerson *
kit_store_find_person (KitStore *self, gint64 person_id)
{
  g_autoptr (KitPerson) person = NULL;

  g_return_val_if_fail (KIT_IS_STORE (self), NULL);
  person = find_in_model (self->people, person_id, (IdFunc) kit_person_get_id);
  return person != NULL ? kit_person_copy (person) : NULL;
}

gboolean
kit_store_person_exists (KitStore *self, gint64 person_id)
{
  return kit_store_query_int64 (self, "SELECT 1 FROM people WHERE id = ?1", person_id) != 0;
}

static gboolean
validate_person (KitStore *self, KitPerson *person, GError **error)
{
  g_autofree char *email = trimmed (kit_person_get_email (person));

  if (name_is_empty (kit_person_get_name (person)))
    {
      g_set_error_literal (error, KIT_INPUT_ERROR, KIT_INPUT_ERROR_NAME,
                           _("Please write a name, of the person or of the organisation."));
      return FALSE;
    }
  if (*email != '\0' && strchr (email, '@') == NULL)
    {
      g_set_error_literal (error, KIT_INPUT_ERROR, KIT_INPUT_ERROR_EMAIL,
                           _("An email address has an @ in it. Please check it, or leave it empty."));
      return FALSE;
    }
  if (kit_person_get_id (person) != 0 && !kit_store_person_exists (self, kit_person_get_id (person)))
    return not_found (error, _(PERSON_GONE));
  return TRUE;
}

/* Insert (*id 0, which then gets the new id) or update the person's row. */
static gboolean
write_person (KitStore *self, KitPerson *person, const char *name, const char *email,
              gint64 *id, GError **error)
{
  kit_store_auto_stmt *stmt = kit_store_prepare (self, *id == 0
    ? "INSERT INTO people (name, role, organisation, address, phone, email, notes) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    : "UPDATE people SET name = ?1, role = ?2, organisation = ?3, address = ?4, phone = ?5, "
      "email = ?6, notes = ?7 WHERE id = ?8",
    error);

  if (stmt == NULL)
    return FALSE;
  kit_store_bind_text (stmt, 1, name);
  kit_store_bind_text (stmt, 2, kit_person_get_role (person));
  kit_store_bind_text (stmt, 3, kit_person_get_organisation (person));
  kit_store_bind_text (stmt, 4, kit_person_get_address (person));
  kit_store_bind_text (stmt, 5, kit_person_get_phone (person));
  kit_store_bind_text (stmt, 6, email);
  kit_store_bind_text (stmt, 7, kit_person_get_notes (person));
  if (*id != 0)
    sqlite3_bind_int64 (stmt, 8, *id);
  return kit_store_step_write (self, stmt, *id, id, _(PERSON_GONE), error);
}

gboolean
kit_store_save_person (KitStore *self, KitPerson *person, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  gint64 id;

  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (KIT_IS_PERSON (person), FALSE);

  if (!validate_person (self, person, error))
    return FALSE;
  name = trimmed (kit_person_get_name (person));
  email = trimmed (kit_person_get_email (person));
  id = kit_person_get_id (person);
  if (!kit_store_begin (self, error) ||
      !kit_store_end (self, write_person (self, person, name, email, &id, error), error))
    return FALSE;

  kit_person_set_id (person, id);
  kit_person_set_name (person, name);
  kit_person_set_email (person, email);
  kit_store_emit_changed (self);
  return TRUE;
}

gboolean
kit_store_remove_person (KitStore *self, gint64 person_id, GError **error)
{
  g_return_val_if_fail (KIT_IS_STORE (self), FALSE);
  /* The foreign keys set the arrangements' supervisor and coordinator to
   * NULL: they keep working and show nobody. */
  return kit_store_edit_one (self, "DELETE FROM people WHERE id = ?1", person_id,
                             _(PERSON_GONE), error);
}
