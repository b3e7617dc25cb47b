/* kit-change-row.c — one entry of a child's history, for the timeline's
 * GtkListView. A row is a handful of labels (GTK 4.8's list view builds up
 * to 200 rows at once, so each must be cheap to make), and its menu is only
 * built when opened. The menu activates the child page's actions with the
 * change's id: add a follow-up, edit one, correct the entry. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-change-row.h"
#include "kit-date.h"
#include "kit-vocab.h"

struct _KitChangeRow
{
  GtkWidget parent_instance;

  GtkLabel *heading_label;
  GtkMenuButton *menu_button;
  GtkLabel *fields_label;
  GtkLabel *reason_label;
  GtkLabel *more_label;

  KitChange *change;
};

G_DEFINE_FINAL_TYPE (KitChangeRow, kit_change_row, GTK_TYPE_WIDGET)

static void
set_optional (GtkLabel *label, const char *text)
{
  gboolean show = text != NULL && *text != '\0';

  gtk_label_set_label (label, show ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), show);
}

static void
append_line (GString *text, const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* For the markup of the last label: @line escaped, in bold when @strong. */
static void
append_markup_line (GString *markup, const char *line, gboolean strong)
{
  g_autofree char *escaped = NULL;

  if (line == NULL || *line == '\0')
    return;
  escaped = g_markup_escape_text (line, -1);
  if (strong)
    {
      g_autofree char *bold = g_strdup_printf ("<b>%s</b>", escaped);

      append_line (markup, bold);
    }
  else
    append_line (markup, escaped);
}

static char *
describe_told (KitChange *change)
{
  const char *how = kit_change_get_told_how (change);
  g_autofree char *date = kit_date_format (kit_change_get_told_date (change));

  if (kit_date_is_unset (how))
    return NULL;
  if (g_strcmp0 (how, "not-told") == 0 || *date == '\0')
    return g_strdup_printf (_("How you were told: %s"), kit_vocab_label (KIT_VOCAB_TOLD_HOW, how));
  /* Translators: "How you were told: By letter, on 3 May 2024" */
  return g_strdup_printf (_("How you were told: %s, on %s"),
                          kit_vocab_label (KIT_VOCAB_TOLD_HOW, how), date);
}

static char *
describe_follow_up (KitFollowUp *follow_up)
{
  g_autofree char *asked = kit_date_format (kit_follow_up_get_requested_date (follow_up));
  g_autofree char *answered = kit_date_format (kit_follow_up_get_answered_date (follow_up));
  const char *answer = kit_follow_up_get_answer (follow_up);
  GString *text = g_string_new (NULL);

  if (*asked != '\0')
    g_string_append_printf (text, _("Explanation asked for on %s"), asked);
  if (*answered != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " — ");
      if (answer != NULL && *answer != '\0')
        /* Translators: "Answer received 1 July 2025: …" */
        g_string_append_printf (text, _("Answer received %s: %s"), answered, answer);
      else
        g_string_append_printf (text, _("Answer received %s"), answered);
    }
  else if (*asked != '\0')
    g_string_append (text, _(" — no answer yet"));
  return g_string_free (text, FALSE);
}

/* Markup: how she was told, her view, follow-ups and corrections. */
static char *
describe_more (KitChange *c, const char *corrects_date, const char *corrected_on)
{
  GString *text = g_string_new (NULL);
  GPtrArray *follow_ups = kit_change_get_follow_ups (c);
  const char *her_view = kit_change_get_her_view (c);
  g_autofree char *told = describe_told (c);

  append_markup_line (text, told, FALSE);
  if (her_view != NULL && *her_view != '\0')
    {
      g_autofree char *view = g_strdup_printf (_("Your view: %s"), her_view);

      append_markup_line (text, view, FALSE);
    }
  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      KitFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *line = describe_follow_up (follow_up);

      /* An explanation still awaited should not be missed. */
      append_markup_line (text, line, kit_follow_up_is_unanswered (follow_up));
    }
  if (kit_change_get_corrects_id (c) != 0)
    {
      g_autofree char *date = kit_date_format (corrects_date);
      g_autofree char *line = *date != '\0'
                                ? g_strdup_printf (_("This corrects the entry of %s"), date)
                                : g_strdup (_("This corrects an earlier entry"));

      append_markup_line (text, line, FALSE);
    }
  if (kit_change_get_corrected_by_id (c) != 0)
    {
      g_autofree char *date = kit_date_format (corrected_on);
      g_autofree char *line = *date != '\0'
                                ? g_strdup_printf (_("Corrected on %s — see the correction"), date)
                                : g_strdup (_("This entry was corrected — see the correction"));

      append_markup_line (text, line, TRUE);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_fields (KitChange *c)
{
  GString *text = g_string_new (NULL);
  g_autofree char *fields = kit_change_describe_fields (c);
  const char *what = kit_change_get_what_changed (c);
  const char *decided = kit_change_get_decided_by (c);

  if (fields == NULL || *fields == '\0')
    append_line (text, kit_date_is_unset (what) ? NULL
                                                : kit_vocab_label (KIT_VOCAB_WHAT_CHANGED, what));
  append_line (text, fields);
  if (!kit_date_is_unset (decided))
    {
      g_autofree char *line = g_strdup_printf (_("Decided by: %s"),
                                               kit_vocab_label (KIT_VOCAB_DECIDED_BY, decided));

      append_line (text, line);
    }
  return g_string_free (text, FALSE);
}

/* The two letters any change can have, at any time (DESIGN §5). */
static GMenu *
letters_menu (gint64 change_id)
{
  GMenu *letters = g_menu_new ();
  g_autoptr(GMenuItem) request = g_menu_item_new (_("Write a _request for reasons…"), NULL);
  g_autoptr(GMenuItem) explanation = g_menu_item_new (_("Write an _explanation of this change…"),
                                                      NULL);

  g_menu_item_set_action_and_target_value (request, "child.write-letter",
                                           g_variant_new ("(sx)", "request", change_id));
  g_menu_item_set_action_and_target_value (explanation, "child.write-letter",
                                           g_variant_new ("(sx)", "explanation", change_id));
  g_menu_append_item (letters, request);
  g_menu_append_item (letters, explanation);
  return letters;
}

/* Built when the menu is opened, for the change shown then. */
static void
create_menu (GtkMenuButton *button, gpointer user_data)
{
  KitChangeRow *self = KIT_CHANGE_ROW (user_data);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) follow_up = g_menu_item_new (_("_Add a follow-up"), NULL);
  g_autoptr(GMenuItem) correct = g_menu_item_new (_("_Correct this"), NULL);
  g_autoptr(GMenu) letters = NULL;
  gint64 id;
  GPtrArray *follow_ups;

  if (self->change == NULL)
    return;
  id = kit_change_get_id (self->change);
  follow_ups = kit_change_get_follow_ups (self->change);
  g_menu_item_set_action_and_target_value (follow_up, "child.add-follow-up",
                                           g_variant_new_int64 (id));
  g_menu_append_item (menu, follow_up);
  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      KitFollowUp *f = g_ptr_array_index (follow_ups, i);
      g_autofree char *date = kit_date_format (kit_follow_up_get_requested_date (f));
      g_autofree char *label = *date != '\0'
                                 ? g_strdup_printf (_("Edit the follow-up of %s"), date)
                                 : g_strdup (_("Edit the follow-up"));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "child.edit-follow-up",
                                               g_variant_new ("(xx)", id,
                                                              kit_follow_up_get_id (f)));
      g_menu_append_item (menu, item);
    }
  g_menu_item_set_action_and_target_value (correct, "child.correct-change",
                                           g_variant_new_int64 (id));
  g_menu_append_item (menu, correct);
  letters = letters_menu (id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (letters));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
show_change (KitChangeRow *self, const char *corrects_date, const char *corrected_on)
{
  KitChange *c = self->change;
  const char *title = kit_change_get_arrangement_title (c);
  g_autofree char *date = kit_date_format (kit_change_get_effective_date (c));
  g_autofree char *heading = NULL;
  g_autofree char *fields = describe_fields (c);
  g_autofree char *reason = kit_change_describe_reason (c);
  g_autofree char *reason_text = NULL;
  g_autofree char *more = describe_more (c, corrects_date, corrected_on);
  g_autofree char *accessible = NULL;
  gboolean none = g_strcmp0 (kit_change_get_reason_given (c), "no") == 0;

  if (title == NULL)
    title = "";
  heading = g_markup_printf_escaped ("<span size='large' weight='bold'>%s</span>\n%s", date, title);
  gtk_label_set_markup (self->heading_label, heading);
  set_optional (self->fields_label, fields);
  if (g_strcmp0 (kit_change_get_reason_given (c), "yes") == 0 && kit_change_get_reason_text (c) != NULL &&
      *kit_change_get_reason_text (c) != '\0')
    /* Translators: the reason as she was told it */
    reason_text = g_strdup_printf (_("Reason given: %s"), reason);
  gtk_label_set_label (self->reason_label, reason_text != NULL ? reason_text : reason != NULL ? reason : "");
  if (none)
    gtk_widget_add_css_class (GTK_WIDGET (self->reason_label), "kit-no-reason");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reason_label), "kit-no-reason");
  gtk_label_set_markup (self->more_label, more);
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), *more != '\0');
  /* The menu of the change shown before is dropped; create_menu makes the new one. */
  gtk_menu_button_set_menu_model (self->menu_button, NULL);

  /* Translators: the accessible name of a history entry: "3 May 2024, Letters through the agency" */
  accessible = g_strdup_printf (_("%s, %s"), date, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
kit_change_row_dispose (GObject *object)
{
  KitChangeRow *self = KIT_CHANGE_ROW (object);

  g_clear_object (&self->change);
  gtk_widget_dispose_template (GTK_WIDGET (object), KIT_TYPE_CHANGE_ROW);
  kit_app_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (kit_change_row_parent_class)->dispose (object);
}

static void
kit_change_row_class_init (KitChangeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kit_change_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/keepintouch/KeepInTouch/kit-change-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, fields_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, more_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kit_change_row_init (KitChangeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
}

GtkWidget *
kit_change_row_new (void)
{
  return g_object_new (KIT_TYPE_CHANGE_ROW, NULL);
}

void
kit_change_row_set_change (KitChangeRow *self, KitChange *change, const char *corrects_date,
                           const char *corrected_on)
{
  g_return_if_fail (KIT_IS_CHANGE_ROW (self));

  g_set_object (&self->change, change);
  if (change != NULL)
    show_change (self, corrects_date, corrected_on);
}

KitChange *
kit_change_row_get_change (KitChangeRow *self)
{
  g_return_val_if_fail (KIT_IS_CHANGE_ROW (self), NULL);
  return self->change;
}
