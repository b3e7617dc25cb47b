/* kit-change-row.c — one entry of a child's history, for the timeline's
 * GtkListView. Binding is cheap: a few labels set from the change's strings
 * (the follow-ups, usually none or one, get a line each). Its menu activates
 * the child page's actions with the change's id. */
#include "config.h"

#include <glib/gi18n.h>

#include "kit-app-util.h"
#include "kit-change-row.h"
#include "kit-date.h"
#include "kit-vocab.h"

struct _KitChangeRow
{
  GtkWidget parent_instance;

  GtkLabel *date_label;
  GtkLabel *title_label;
  GtkMenuButton *menu_button;
  GtkLabel *what_label;
  GtkLabel *fields_label;
  GtkLabel *decided_label;
  GtkLabel *reason_label;
  GtkLabel *told_label;
  GtkLabel *view_label;
  GtkBox *follow_ups_box;
  GtkLabel *corrects_label;
  GtkLabel *corrected_label;

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

static char *
describe_told (KitChange *change)
{
  const char *how = kit_change_get_told_how (change);
  const char *when = kit_change_get_told_date (change);
  g_autofree char *date = kit_date_format (when);

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

static void
show_follow_ups (KitChangeRow *self)
{
  GPtrArray *follow_ups = kit_change_get_follow_ups (self->change);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->follow_ups_box))) != NULL)
    gtk_box_remove (self->follow_ups_box, child);
  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      KitFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *text = describe_follow_up (follow_up);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit"));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      if (kit_follow_up_is_unanswered (follow_up))
        gtk_widget_add_css_class (label, "kit-unanswered");
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "child.edit-follow-up");
      gtk_actionable_set_action_target_value (
        GTK_ACTIONABLE (edit),
        g_variant_new ("(xx)", kit_change_get_id (self->change), kit_follow_up_get_id (follow_up)));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit this follow-up"), -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), edit);
      gtk_box_append (self->follow_ups_box, box);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->follow_ups_box),
                          follow_ups != NULL && follow_ups->len > 0);
}

static GMenuModel *
build_menu (gint64 id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) follow_up = g_menu_item_new (_("_Add a follow-up"), NULL);
  g_autoptr(GMenuItem) correct = g_menu_item_new (_("_Correct this"), NULL);

  g_menu_item_set_action_and_target_value (follow_up, "child.add-follow-up",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (correct, "child.correct-change",
                                           g_variant_new_int64 (id));
  g_menu_append_item (menu, follow_up);
  g_menu_append_item (menu, correct);
  return G_MENU_MODEL (menu);
}

static void
show_reason (KitChangeRow *self)
{
  g_autofree char *reason = kit_change_describe_reason (self->change);
  gboolean none = g_strcmp0 (kit_change_get_reason_given (self->change), "no") == 0;

  gtk_label_set_label (self->reason_label, reason != NULL ? reason : "");
  if (none)
    gtk_widget_add_css_class (GTK_WIDGET (self->reason_label), "kit-no-reason");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reason_label), "kit-no-reason");
}

static void
show_corrections (KitChangeRow *self, const char *corrects_date, const char *corrected_on)
{
  g_autofree char *corrects = NULL;
  g_autofree char *corrected = NULL;

  if (kit_change_get_corrects_id (self->change) != 0)
    {
      g_autofree char *date = kit_date_format (corrects_date);

      corrects = *date != '\0' ? g_strdup_printf (_("This corrects the entry of %s"), date)
                               : g_strdup (_("This corrects an earlier entry"));
    }
  if (kit_change_get_corrected_by_id (self->change) != 0)
    {
      g_autofree char *date = kit_date_format (corrected_on);

      corrected = *date != '\0'
                    ? g_strdup_printf (_("Corrected on %s — see the correction"), date)
                    : g_strdup (_("This entry was corrected — see the correction"));
    }
  set_optional (self->corrects_label, corrects);
  set_optional (self->corrected_label, corrected);
}

static void
show_change (KitChangeRow *self, const char *corrects_date, const char *corrected_on)
{
  KitChange *c = self->change;
  g_autofree char *date = kit_date_format (kit_change_get_effective_date (c));
  g_autofree char *fields = kit_change_describe_fields (c);
  g_autofree char *decided = NULL;
  g_autofree char *told = describe_told (c);
  g_autofree char *view = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GMenuModel) menu = build_menu (kit_change_get_id (c));
  const char *what = kit_change_get_what_changed (c);
  const char *her_view = kit_change_get_her_view (c);

  gtk_label_set_label (self->date_label, date);
  set_optional (self->title_label, kit_change_get_arrangement_title (c));
  set_optional (self->what_label,
                kit_date_is_unset (what) ? NULL : kit_vocab_label (KIT_VOCAB_WHAT_CHANGED, what));
  set_optional (self->fields_label, fields);
  if (!kit_date_is_unset (kit_change_get_decided_by (c)))
    decided = g_strdup_printf (_("Decided by: %s"),
                               kit_vocab_label (KIT_VOCAB_DECIDED_BY, kit_change_get_decided_by (c)));
  set_optional (self->decided_label, decided);
  show_reason (self);
  set_optional (self->told_label, told);
  if (her_view != NULL && *her_view != '\0')
    view = g_strdup_printf (_("Your view: %s"), her_view);
  set_optional (self->view_label, view);
  show_follow_ups (self);
  show_corrections (self, corrects_date, corrected_on);
  gtk_menu_button_set_menu_model (self->menu_button, menu);

  /* Translators: the accessible name of a history entry: "3 May 2024, Letters through the agency" */
  accessible = g_strdup_printf (_("%s, %s"), date,
                                kit_change_get_arrangement_title (c) != NULL
                                  ? kit_change_get_arrangement_title (c) : "");
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
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, what_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, fields_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, decided_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, told_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, view_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, follow_ups_box);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, corrects_label);
  gtk_widget_class_bind_template_child (widget_class, KitChangeRow, corrected_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kit_change_row_init (KitChangeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
