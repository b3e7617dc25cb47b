/* kit-change-dialog.c — the guided dialog for recording a change, a new
 * arrangement or a correction. Each question is a page of a GtkStack; the
 * pages asked depend on what changed (a pause needs no new details). Nothing
 * is written until Save, and then in one call to kit_store_record_change ():
 * an input error takes her back to the page of the field that is wrong and
 * shows the message beside it. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-change-dialog.h"
#include "kit-date.h"
#include "kit-error.h"
#include "kit-form-helpers.h"
#include "kit-letter-offer.h"
#include "kit-vocab.h"

typedef enum {
  MODE_NEW,
  MODE_CHANGE,
  MODE_CORRECT,
} Mode;

struct _KitChangeDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *correction_label;
  GtkStack *step_stack;
  GtkLabel *what_heading;
  GtkLabel *what_subtitle;
  GtkListBox *what_list;
  GtkLabel *what_error;
  GtkListBox *kind_list;
  GtkLabel *kind_error;
  GtkWidget *freq_box;
  GtkWidget *freq_count_row;
  GtkSpinButton *freq_spin;
  AdwComboRow *freq_unit_row;
  GtkLabel *freq_error;
  GtkWidget *kind_box;
  AdwComboRow *kind_row;
  GtkWidget *venue_box;
  AdwEntryRow *venue_row;
  GtkWidget *people_box;
  AdwComboRow *supervisor_row;
  AdwComboRow *coordinator_row;
  GtkWidget *start_box;
  AdwEntryRow *start_row;
  GtkLabel *start_error;
  AdwEntryRow *effective_row;
  GtkLabel *effective_error;
  GtkListBox *decided_list;
  GtkListBox *reason_list;
  GtkWidget *reason_details;
  GtkTextView *reason_view;
  AdwComboRow *category_row;
  GtkListBox *told_list;
  GtkWidget *told_date_box;
  AdwEntryRow *told_date_row;
  GtkLabel *told_error;
  GtkTextView *view_view;
  GtkLabel *summary_label;
  GtkLabel *save_error;
  GtkButton *back_button;
  GtkButton *next_button;

  KitStore *store;
  gint64 child_id;
  Mode mode;
  KitArrangement *arrangement;  /* the current one, NULL for a new arrangement */
  KitChange *corrects;
  GArray *people_ids;

  GPtrArray *what_checks;
  GPtrArray *kind_checks;
  GPtrArray *decided_checks;
  GPtrArray *reason_checks;
  GPtrArray *told_checks;

  /* The names of the pages asked, in order, and where she is. */
  GPtrArray *steps;
  guint step;

  gboolean loading;
  gboolean dirty;
  gboolean confirmed_close;
};

G_DEFINE_FINAL_TYPE (KitChangeDialog, kit_change_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void update_next (KitChangeDialog *self);

/* Choices */

static void
mark_dirty (KitChangeDialog *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

static void
on_choice_toggled (KitChangeDialog *self);

/* Radio rows for @list's items (except @skip), their check buttons kept in @checks. */
static void
build_choices (KitChangeDialog *self, GtkListBox *box, KitVocabList list, const char *skip,
               GPtrArray *checks)
{
  guint n = 0;
  const KitVocabItem *items = kit_vocab_items (list, &n);
  GtkCheckButton *group = NULL;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row, *check;
      const char *help = kit_vocab_help (list, items[i].code);

      if (g_strcmp0 (items[i].code, skip) == 0)
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      /* Plain text: a translation may well hold an "&". */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     kit_vocab_label (list, items[i].code));
      if (help != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), help);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kit_vocab_label (list, items[i].code), -1);
      g_object_set_data (G_OBJECT (check), "kit-code", (gpointer) items[i].code);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_choice_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (box, row);
      g_ptr_array_add (checks, check);
    }
}

static const char *
chosen (GPtrArray *checks)
{
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      return g_object_get_data (G_OBJECT (g_ptr_array_index (checks, i)), "kit-code");
  return NULL;
}

static void
choose (GPtrArray *checks, const char *code)
{
  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (g_ptr_array_index (checks, i)), "kit-code"),
                   code) == 0)
      gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
}

/* What she is recording */

static const char *
what_changed (KitChangeDialog *self)
{
  return self->mode == MODE_NEW ? "started" : chosen (self->what_checks);
}

static gboolean
reason_explained (KitChangeDialog *self)
{
  const char *reason = chosen (self->reason_checks);

  return g_strcmp0 (reason, "yes") == 0 || g_strcmp0 (reason, "partly") == 0;
}

static gboolean
unit_has_count (const char *unit)
{
  return g_strcmp0 (unit, "one-off") != 0 && g_strcmp0 (unit, "as-agreed") != 0;
}

static const char *
chosen_unit (KitChangeDialog *self)
{
  return kit_form_vocab_code (KIT_VOCAB_FREQ_UNIT, adw_combo_row_get_selected (self->freq_unit_row));
}

static gint64
chosen_person (KitChangeDialog *self, AdwComboRow *row)
{
  guint position = adw_combo_row_get_selected (row);

  return position < self->people_ids->len ? g_array_index (self->people_ids, gint64, position) : 0;
}

/* Which details the change needs on the details page. */
static void
show_detail_fields (KitChangeDialog *self)
{
  const char *what = what_changed (self);
  gboolean is_new = self->mode == MODE_NEW;
  gboolean other = g_strcmp0 (what, "other") == 0;
  gboolean supervision = g_strcmp0 (what, "supervision") == 0;

  gtk_widget_set_visible (self->freq_box,
                          is_new || other || g_strcmp0 (what, "frequency") == 0);
  gtk_widget_set_visible (self->kind_box, other || g_strcmp0 (what, "kind") == 0);
  gtk_widget_set_visible (self->venue_box, is_new || other || g_strcmp0 (what, "venue") == 0);
  gtk_widget_set_visible (self->people_box, is_new || other || supervision);
  gtk_widget_set_visible (GTK_WIDGET (self->coordinator_row), is_new || other);
  gtk_widget_set_visible (self->start_box, is_new);
  gtk_widget_set_visible (self->freq_count_row, unit_has_count (chosen_unit (self)));
}

static gboolean
needs_details (KitChangeDialog *self)
{
  const char *what = what_changed (self);

  if (self->mode == MODE_CORRECT)
    return FALSE;
  return self->mode == MODE_NEW || g_strcmp0 (what, "frequency") == 0 ||
         g_strcmp0 (what, "kind") == 0 || g_strcmp0 (what, "venue") == 0 ||
         g_strcmp0 (what, "supervision") == 0 || g_strcmp0 (what, "other") == 0;
}

static void
compute_steps (KitChangeDialog *self)
{
  g_ptr_array_set_size (self->steps, 0);
  g_ptr_array_add (self->steps, self->mode == MODE_NEW ? "kind" : "what");
  if (needs_details (self))
    g_ptr_array_add (self->steps, "details");
  g_ptr_array_add (self->steps, "when");
  g_ptr_array_add (self->steps, "reason");
  g_ptr_array_add (self->steps, "told");
  g_ptr_array_add (self->steps, "view");
  g_ptr_array_add (self->steps, "summary");
  if (self->step >= self->steps->len)
    self->step = self->steps->len - 1;
}

static const char *
current_step (KitChangeDialog *self)
{
  return g_ptr_array_index (self->steps, self->step);
}

/* Building what is saved */

static void apply_details (KitChangeDialog *self, KitArrangement *after);

static KitArrangement *
build_after (KitChangeDialog *self)
{
  const char *what = what_changed (self);
  g_autoptr(KitArrangement) after = NULL;
  g_autofree char *start = NULL;

  if (self->mode == MODE_CORRECT)
    return NULL;
  if (self->mode == MODE_NEW)
    {
      after = kit_arrangement_new (self->child_id);
      kit_arrangement_set_kind (after, chosen (self->kind_checks));
      kit_arrangement_set_status (after, "active");
      if (kit_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), &start))
        kit_arrangement_set_start_date (after, start);
    }
  else
    after = kit_arrangement_copy (self->arrangement);

  if (needs_details (self))
    apply_details (self, after);
  if (g_strcmp0 (what, "paused") == 0)
    kit_arrangement_set_status (after, "paused");
  else if (g_strcmp0 (what, "stopped") == 0)
    kit_arrangement_set_status (after, "stopped");
  else if (g_strcmp0 (what, "restarted") == 0)
    kit_arrangement_set_status (after, "active");
  return g_steal_pointer (&after);
}

/* The details page's fields into @after (only those the change asked for). */
static void
apply_details (KitChangeDialog *self, KitArrangement *after)
{
  const char *unit = chosen_unit (self);

  show_detail_fields (self);
  if (gtk_widget_get_visible (self->freq_box))
    {
      kit_arrangement_set_freq_unit (after, unit);
      kit_arrangement_set_freq_count (after, unit_has_count (unit)
                                               ? gtk_spin_button_get_value_as_int (self->freq_spin)
                                               : 0);
    }
  if (gtk_widget_get_visible (self->kind_box))
    kit_arrangement_set_kind (after, kit_form_vocab_code (KIT_VOCAB_KIND,
                                                          adw_combo_row_get_selected (self->kind_row)));
  if (gtk_widget_get_visible (self->venue_box))
    kit_arrangement_set_venue (after, gtk_editable_get_text (GTK_EDITABLE (self->venue_row)));
  if (gtk_widget_get_visible (self->people_box))
    {
      kit_arrangement_set_supervisor_id (after, chosen_person (self, self->supervisor_row));
      if (gtk_widget_get_visible (GTK_WIDGET (self->coordinator_row)))
        kit_arrangement_set_coordinator_id (after, chosen_person (self, self->coordinator_row));
    }
}

static KitChange *
build_change (KitChangeDialog *self)
{
  gint64 arrangement_id = 0;
  g_autoptr(KitChange) change = NULL;
  g_autofree char *effective = NULL;
  g_autofree char *told_date = NULL;
  g_autofree char *reason_text = kit_form_text_view_get (self->reason_view);
  g_autofree char *her_view = kit_form_text_view_get (self->view_view);
  const char *told = chosen (self->told_checks);

  if (self->arrangement != NULL)
    arrangement_id = kit_arrangement_get_id (self->arrangement);
  else if (self->corrects != NULL)
    arrangement_id = kit_change_get_arrangement_id (self->corrects);
  change = kit_change_new (self->child_id, arrangement_id);
  kit_change_set_what_changed (change, what_changed (self));
  if (kit_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->effective_row)), &effective))
    kit_change_set_effective_date (change, effective);
  kit_change_set_decided_by (change, chosen (self->decided_checks));
  kit_change_set_reason_given (change, chosen (self->reason_checks));
  if (reason_explained (self))
    {
      kit_change_set_reason_text (change, reason_text);
      kit_change_set_reason_category (change,
                                      kit_form_vocab_code (KIT_VOCAB_REASON_CATEGORY,
                                                           adw_combo_row_get_selected (self->category_row)));
    }
  else
    kit_change_set_reason_category (change, "not-given");
  kit_change_set_told_how (change, told);
  if (g_strcmp0 (told, "not-told") != 0 &&
      kit_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->told_date_row)), &told_date))
    kit_change_set_told_date (change, told_date);
  kit_change_set_her_view (change, her_view);
  if (self->corrects != NULL)
    kit_change_set_corrects_id (change, kit_change_get_id (self->corrects));
  return g_steal_pointer (&change);
}

/* The summary */

static void
append_line (GString *markup, const char *title, const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;
  line = g_markup_printf_escaped ("<b>%s</b>\n%s\n\n", title, value);
  g_string_append (markup, line);
}

static char *
describe_details (KitChangeDialog *self, KitArrangement *after)
{
  GString *text = g_string_new (NULL);
  const char *venue = kit_arrangement_get_venue (after);

  if (self->mode == MODE_NEW || gtk_widget_get_visible (self->kind_box))
    g_string_append_printf (text, "%s\n", kit_arrangement_get_title (after));
  if (gtk_widget_get_visible (self->freq_box))
    {
      g_autofree char *freq = kit_describe_frequency (kit_arrangement_get_freq_count (after),
                                                      kit_arrangement_get_freq_unit (after));
      g_string_append_printf (text, _("How often: %s\n"), freq);
    }
  if (gtk_widget_get_visible (self->venue_box) && venue != NULL && *venue != '\0')
    g_string_append_printf (text, _("Where: %s\n"), venue);
  if (gtk_widget_get_visible (self->people_box))
    {
      GtkStringObject *sup = adw_combo_row_get_selected_item (self->supervisor_row);

      g_string_append_printf (text, _("Who supervises: %s\n"), gtk_string_object_get_string (sup));
      if (gtk_widget_get_visible (GTK_WIDGET (self->coordinator_row)))
        {
          GtkStringObject *co = adw_combo_row_get_selected_item (self->coordinator_row);

          g_string_append_printf (text, _("Who coordinates: %s\n"),
                                  gtk_string_object_get_string (co));
        }
    }
  if (self->mode == MODE_NEW && !kit_date_is_unset (kit_arrangement_get_start_date (after)))
    {
      g_autofree char *start = kit_date_format (kit_arrangement_get_start_date (after));

      g_string_append_printf (text, _("Started: %s\n"), start);
    }
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

static void
show_summary (KitChangeDialog *self)
{
  g_autoptr(KitChange) change = build_change (self);
  g_autoptr(KitArrangement) after = build_after (self);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *effective = kit_date_format (kit_change_get_effective_date (change));
  g_autofree char *told_date = kit_date_format (kit_change_get_told_date (change));
  g_autofree char *details = after != NULL && needs_details (self)
                              ? describe_details (self, after) : NULL;
  g_autofree char *reason = kit_change_describe_reason (change);
  g_autofree char *told = NULL;
  const char *told_how = kit_change_get_told_how (change);

  if (self->mode != MODE_NEW)
    append_line (markup, _("What changed"),
                 kit_vocab_label (KIT_VOCAB_WHAT_CHANGED, what_changed (self)));
  append_line (markup, self->mode == MODE_NEW ? _("The arrangement") : _("The new details"),
               details);
  append_line (markup, _("It takes effect on"), effective);
  append_line (markup, _("Who decided"),
               kit_vocab_label (KIT_VOCAB_DECIDED_BY, kit_change_get_decided_by (change)));
  append_line (markup, _("The reason"), reason);
  if (*told_date != '\0')
    told = g_strdup_printf (_("%s, on %s"), kit_vocab_label (KIT_VOCAB_TOLD_HOW, told_how),
                            told_date);
  else
    told = g_strdup (kit_vocab_label (KIT_VOCAB_TOLD_HOW, told_how));
  append_line (markup, _("How you were told"), told);
  append_line (markup, _("Your view"), kit_change_get_her_view (change));
  if (markup->len > 2)
    g_string_truncate (markup, markup->len - 2);
  gtk_label_set_markup (self->summary_label, markup->str);
}

/* Moving between steps */

static gboolean
step_answered (KitChangeDialog *self, const char *step)
{
  if (g_str_equal (step, "what"))
    return chosen (self->what_checks) != NULL;
  if (g_str_equal (step, "kind"))
    return chosen (self->kind_checks) != NULL;
  if (g_str_equal (step, "when"))
    return chosen (self->decided_checks) != NULL;
  if (g_str_equal (step, "reason"))
    return chosen (self->reason_checks) != NULL;
  if (g_str_equal (step, "told"))
    return chosen (self->told_checks) != NULL;
  return TRUE;
}

static void
update_next (KitChangeDialog *self)
{
  gboolean last = self->step + 1 == self->steps->len;

  gtk_button_set_label (self->next_button, last ? _("_Save") : _("_Next"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "change.next",
                                 step_answered (self, current_step (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "change.back", self->step > 0);
}

static void
show_step (KitChangeDialog *self)
{
  const char *step = current_step (self);
  g_autofree char *subtitle = g_strdup_printf (_("Step %u of %u"), self->step + 1,
                                               self->steps->len);

  if (g_str_equal (step, "details"))
    show_detail_fields (self);
  if (g_str_equal (step, "summary"))
    show_summary (self);
  gtk_stack_set_visible_child_name (self->step_stack, step);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  update_next (self);
}

static void
on_choice_toggled (KitChangeDialog *self)
{
  const char *told = chosen (self->told_checks);

  mark_dirty (self);
  gtk_widget_set_visible (self->reason_details, reason_explained (self));
  gtk_widget_set_visible (self->told_date_box, told != NULL && g_strcmp0 (told, "not-told") != 0);
  compute_steps (self);
  update_next (self);
}

/* Checks what can be checked before saving; FALSE (with a message beside the field) when not. */
static gboolean
check_step (KitChangeDialog *self, const char *step)
{
  g_autofree char *iso = NULL;

  if (g_str_equal (step, "details") && gtk_widget_get_visible (self->start_box))
    return kit_form_read_date (self->start_row, self->start_error, FALSE, &iso);
  if (g_str_equal (step, "when"))
    return kit_form_read_date (self->effective_row, self->effective_error, TRUE, &iso);
  if (g_str_equal (step, "told") && gtk_widget_get_visible (self->told_date_box))
    return kit_form_read_date (self->told_date_row, self->told_error, FALSE, &iso);
  return TRUE;
}

static gboolean
go_to_step (KitChangeDialog *self, const char *name)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (g_str_equal (g_ptr_array_index (self->steps, i), name))
      {
        self->step = i;
        show_step (self);
        return TRUE;
      }
  return FALSE;
}

/* Where an input error from the store is shown. */
static void
show_save_error (KitChangeDialog *self, const GError *error)
{
  const char *step = NULL;
  GtkLabel *label = NULL;
  GtkWidget *focus = NULL;

  if (error->domain == KIT_INPUT_ERROR)
    switch ((KitInputError) error->code)
      {
      case KIT_INPUT_ERROR_EFFECTIVE_DATE:
        step = "when", label = self->effective_error, focus = GTK_WIDGET (self->effective_row);
        break;
      case KIT_INPUT_ERROR_FREQUENCY:
        step = "details", label = self->freq_error, focus = GTK_WIDGET (self->freq_spin);
        break;
      case KIT_INPUT_ERROR_START_DATE:
        step = "details", label = self->start_error, focus = GTK_WIDGET (self->start_row);
        break;
      case KIT_INPUT_ERROR_TOLD_DATE:
        step = "told", label = self->told_error, focus = GTK_WIDGET (self->told_date_row);
        break;
      case KIT_INPUT_ERROR_KIND:
        if (self->mode == MODE_NEW)
          step = "kind", label = self->kind_error;
        else
          step = "what", label = self->what_error;
        break;
      default:
        break;
      }
  if (step == NULL || !go_to_step (self, step))
    {
      kit_form_show_error (self->save_error,
                           error->domain == KIT_INPUT_ERROR
                             ? error->message
                             : _("This change could not be saved. Nothing was changed. "
                                 "Please try again."));
      if (error->domain != KIT_INPUT_ERROR)
        g_warning ("Recording a change failed: %s", error->message);
      return;
    }
  kit_form_show_error (label, error->message);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
save (KitChangeDialog *self)
{
  g_autoptr(KitChange) change = build_change (self);
  g_autoptr(KitArrangement) after = build_after (self);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  kit_form_show_error (self->save_error, NULL);
  if (!kit_store_record_change (self->store, change, after, &error))
    {
      show_save_error (self, error);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0, change);
  kit_form_toast (parent != NULL ? GTK_WIDGET (parent) : NULL,
                  self->mode == MODE_NEW ? _("Arrangement added") : _("Change recorded"));
  self->confirmed_close = TRUE;
  /* A change to contact may call for a letter (DESIGN §5); a new arrangement or a correction does not. */
  if (self->mode == MODE_CHANGE && parent != NULL)
    kit_letter_offer_show (parent, self->store, change);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
next_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChangeDialog *self = KIT_CHANGE_DIALOG (widget);
  const char *step = current_step (self);

  /* A number typed but not yet taken in (Ctrl+Return leaves the focus there). */
  gtk_spin_button_update (self->freq_spin);
  if (!step_answered (self, step) || !check_step (self, step))
    return;
  if (self->step + 1 == self->steps->len)
    {
      save (self);
      return;
    }
  self->step++;
  show_step (self);
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KitChangeDialog *self = KIT_CHANGE_DIALOG (widget);

  if (self->step == 0)
    return;
  self->step--;
  show_step (self);
}

static gboolean
destroy_later (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  KitChangeDialog *self = KIT_CHANGE_DIALOG (user_data);

  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->confirmed_close = TRUE;
  /* Not now: the question, transient for this dialog, still closes itself after "response". */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_later, g_object_ref (self), g_object_unref);
}

static void
ask_discard (KitChangeDialog *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Leave without saving?"),
                                              _("What you have written here will not be kept."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep Writing"),
                                    "discard", _("_Leave"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
kit_change_dialog_close_request (GtkWindow *window)
{
  KitChangeDialog *self = KIT_CHANGE_DIALOG (window);

  if (self->dirty && !self->confirmed_close)
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (kit_change_dialog_parent_class)->close_request (window);
}

static void
on_entry_activated (KitChangeDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "change.next", NULL);
}

static void
on_field_changed (KitChangeDialog *self)
{
  mark_dirty (self);
  if (gtk_widget_get_visible (self->freq_box))
    gtk_widget_set_visible (self->freq_count_row, unit_has_count (chosen_unit (self)));
}

/* Setting up */

static void
fill_models (KitChangeDialog *self)
{
  g_autoptr(GtkStringList) units = kit_form_vocab_model (KIT_VOCAB_FREQ_UNIT);
  g_autoptr(GtkStringList) kinds = kit_form_vocab_model (KIT_VOCAB_KIND);
  g_autoptr(GtkStringList) categories = kit_form_vocab_model (KIT_VOCAB_REASON_CATEGORY);
  g_autoptr(GtkStringList) supervisors = kit_form_people_model (self->store, self->people_ids);
  g_autoptr(GtkStringList) coordinators = kit_form_people_model (self->store, self->people_ids);

  adw_combo_row_set_model (self->freq_unit_row, G_LIST_MODEL (units));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  adw_combo_row_set_model (self->supervisor_row, G_LIST_MODEL (supervisors));
  adw_combo_row_set_model (self->coordinator_row, G_LIST_MODEL (coordinators));

  build_choices (self, self->what_list, KIT_VOCAB_WHAT_CHANGED,
                 self->mode == MODE_CHANGE ? "started" : NULL, self->what_checks);
  build_choices (self, self->kind_list, KIT_VOCAB_KIND, NULL, self->kind_checks);
  build_choices (self, self->decided_list, KIT_VOCAB_DECIDED_BY, NULL, self->decided_checks);
  build_choices (self, self->reason_list, KIT_VOCAB_REASON_GIVEN, NULL, self->reason_checks);
  build_choices (self, self->told_list, KIT_VOCAB_TOLD_HOW, NULL, self->told_checks);
}

static void
prefill_arrangement (KitChangeDialog *self, KitArrangement *a)
{
  int count = kit_arrangement_get_freq_count (a);
  const char *unit = kit_arrangement_get_freq_unit (a);

  adw_combo_row_set_selected (self->freq_unit_row,
                              kit_vocab_index (KIT_VOCAB_FREQ_UNIT, unit != NULL ? unit : "year"));
  gtk_spin_button_set_value (self->freq_spin, count > 0 ? count : 1);
  adw_combo_row_set_selected (self->kind_row,
                              kit_vocab_index (KIT_VOCAB_KIND, kit_arrangement_get_kind (a)));
  gtk_editable_set_text (GTK_EDITABLE (self->venue_row),
                         kit_arrangement_get_venue (a) != NULL ? kit_arrangement_get_venue (a) : "");
  adw_combo_row_set_selected (self->supervisor_row,
                              kit_form_people_position (self->people_ids,
                                                        kit_arrangement_get_supervisor_id (a)));
  adw_combo_row_set_selected (self->coordinator_row,
                              kit_form_people_position (self->people_ids,
                                                        kit_arrangement_get_coordinator_id (a)));
  kit_form_set_date (self->start_row, kit_arrangement_get_start_date (a));
}

static void
prefill_correction (KitChangeDialog *self, KitChange *c)
{
  const char *category = kit_change_get_reason_category (c);

  choose (self->what_checks, kit_change_get_what_changed (c));
  kit_form_set_date (self->effective_row, kit_change_get_effective_date (c));
  choose (self->decided_checks, kit_change_get_decided_by (c));
  choose (self->reason_checks, kit_change_get_reason_given (c));
  kit_form_text_view_set (self->reason_view, kit_change_get_reason_text (c));
  if (!kit_date_is_unset (category) && g_strcmp0 (category, "not-given") != 0)
    adw_combo_row_set_selected (self->category_row,
                                kit_vocab_index (KIT_VOCAB_REASON_CATEGORY, category));
  choose (self->told_checks, kit_change_get_told_how (c));
  kit_form_set_date (self->told_date_row, kit_change_get_told_date (c));
  kit_form_text_view_set (self->view_view, kit_change_get_her_view (c));
}

static void
prefill (KitChangeDialog *self)
{
  g_autofree char *today = kit_date_today ();
  g_autoptr(KitArrangement) blank = kit_arrangement_new (self->child_id);
  const char *title = NULL;

  self->loading = TRUE;
  fill_models (self);
  kit_arrangement_set_freq_unit (blank, "year");
  kit_arrangement_set_freq_count (blank, 1);
  kit_arrangement_set_kind (blank, "letterbox");
  prefill_arrangement (self, self->arrangement != NULL ? self->arrangement : blank);
  kit_form_set_date (self->effective_row, today);
  if (self->mode == MODE_NEW)
    kit_form_set_date (self->start_row, today);

  switch (self->mode)
    {
    case MODE_NEW:
      title = _("New arrangement");
      break;
    case MODE_CHANGE:
      title = _("Something changed");
      gtk_label_set_label (self->what_subtitle, kit_arrangement_get_title (self->arrangement));
      break;
    case MODE_CORRECT:
      title = _("Correct this entry");
      gtk_label_set_label (self->what_heading, _("What changed, in this entry?"));
      gtk_label_set_label (self->what_subtitle, kit_change_get_arrangement_title (self->corrects));
      prefill_correction (self, self->corrects);
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->what_subtitle),
                          *gtk_label_get_label (self->what_subtitle) != '\0');
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_widget_set_visible (self->correction_label, self->mode == MODE_CORRECT);
  on_choice_toggled (self);
  self->loading = FALSE;
  self->dirty = FALSE;
  self->step = 0;
  compute_steps (self);
  show_step (self);
}

/* Overrides */

static void
kit_change_dialog_dispose (GObject *object)
{
  KitChangeDialog *self = KIT_CHANGE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->arrangement);
  g_clear_object (&self->corrects);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_CHANGE_DIALOG);
  G_OBJECT_CLASS (kit_change_dialog_parent_class)->dispose (object);
}

static void
kit_change_dialog_finalize (GObject *object)
{
  KitChangeDialog *self = KIT_CHANGE_DIALOG (object);

  g_array_unref (self->people_ids);
  g_ptr_array_unref (self->what_checks);
  g_ptr_array_unref (self->kind_checks);
  g_ptr_array_unref (self->decided_checks);
  g_ptr_array_unref (self->reason_checks);
  g_ptr_array_unref (self->told_checks);
  g_ptr_array_unref (self->steps);
  G_OBJECT_CLASS (kit_change_dialog_parent_class)->finalize (object);
}

static void
kit_change_dialog_class_init (KitChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kit_change_dialog_dispose;
  object_class->finalize = kit_change_dialog_finalize;
  window_class->close_request = kit_change_dialog_close_request;

  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, KIT_TYPE_CHANGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-change-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KitChangeDialog, name)
  BIND (window_title);
  BIND (correction_label);
  BIND (step_stack);
  BIND (what_heading);
  BIND (what_subtitle);
  BIND (what_list);
  BIND (what_error);
  BIND (kind_list);
  BIND (kind_error);
  BIND (freq_box);
  BIND (freq_count_row);
  BIND (freq_spin);
  BIND (freq_unit_row);
  BIND (freq_error);
  BIND (kind_box);
  BIND (kind_row);
  BIND (venue_box);
  BIND (venue_row);
  BIND (people_box);
  BIND (supervisor_row);
  BIND (coordinator_row);
  BIND (start_box);
  BIND (start_row);
  BIND (start_error);
  BIND (effective_row);
  BIND (effective_error);
  BIND (decided_list);
  BIND (reason_list);
  BIND (reason_details);
  BIND (reason_view);
  BIND (category_row);
  BIND (told_list);
  BIND (told_date_box);
  BIND (told_date_row);
  BIND (told_error);
  BIND (view_view);
  BIND (summary_label);
  BIND (save_error);
  BIND (back_button);
  BIND (next_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "change.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "change.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "change.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "change.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "change.cancel", NULL);
}

static void
kit_change_dialog_init (KitChangeDialog *self)
{
  self->people_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->what_checks = g_ptr_array_new ();
  self->kind_checks = g_ptr_array_new ();
  self->decided_checks = g_ptr_array_new ();
  self->reason_checks = g_ptr_array_new ();
  self->told_checks = g_ptr_array_new ();
  self->steps = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Return answers each step as Next does, and saves on the last. */
  kit_app_add_save_shortcut (GTK_WIDGET (self), "change.next");
  kit_app_name_rows (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->reason_view), "changed",
                            G_CALLBACK (mark_dirty), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view_view), "changed",
                            G_CALLBACK (mark_dirty), self);
}

/* Public API */

GtkWidget *
kit_change_dialog_new (GtkWindow *parent, KitStore *store, gint64 child_id,
                       KitArrangement *arrangement, KitChange *corrects)
{
  KitChangeDialog *self;

  g_return_val_if_fail (KIT_IS_STORE (store), NULL);
  self = g_object_new (KIT_TYPE_CHANGE_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->child_id = child_id;
  if (corrects != NULL)
    {
      self->mode = MODE_CORRECT;
      self->corrects = g_object_ref (corrects);
    }
  else if (arrangement != NULL)
    {
      self->mode = MODE_CHANGE;
      self->arrangement = g_object_ref (arrangement);
    }
  else
    self->mode = MODE_NEW;
  prefill (self);
  kit_form_fit_to_parent (GTK_WINDOW (self), parent);
  return GTK_WIDGET (self);
}
