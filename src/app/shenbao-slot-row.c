/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-slot-row"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao-slot-row.h"

struct _ShenbaoSlotRow
{
  AdwActionRow parent_instance;

  GtkStack *preview_stack;
  GtkSpinner *spinner;
  GtkImage *thumbnail;
  GtkImage *state_icon;
  GtkWidget *fix_button;
  GtkWidget *choose_button;
  GtkWidget *remove_button;

  char *slot_name;
};

G_DEFINE_FINAL_TYPE (ShenbaoSlotRow, shenbao_slot_row, ADW_TYPE_ACTION_ROW)

const char *
shenbao_slot_row_get_slot_name (ShenbaoSlotRow *self)
{
  g_return_val_if_fail (SHENBAO_IS_SLOT_ROW (self), NULL);

  return self->slot_name;
}

/* text is plain, markup (may be NULL) what the row shows of it. */
static void
show_state_markup (ShenbaoSlotRow *self,
                   const char     *icon_name,
                   const char     *style,
                   const char     *text,
                   const char     *markup)
{
  g_autofree char *escaped = markup == NULL ? g_markup_escape_text (text, -1) : NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "error");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), style);
  gtk_widget_set_visible (GTK_WIDGET (self->state_icon), icon_name != NULL);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (self->state_icon, icon_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), markup != NULL ? markup : escaped);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->choose_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
show_state (ShenbaoSlotRow *self,
            const char     *icon_name,
            const char     *style,
            const char     *text)
{
  show_state_markup (self, icon_name, style, text, NULL);
}

/* The findings as a short list, worst first: an error in bold behind a
 * cross, a warning behind a warning sign. */
static void
append_findings (GString         *text,
                 GString         *markup,
                 GPtrArray       *findings,
                 ShenbaoSeverity  severity)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);
      const char *mark = severity == SHENBAO_SEVERITY_ERROR ? "✗" : "⚠";
      g_autofree char *line = NULL;

      if (finding->severity != severity)
        continue;
      g_string_append_printf (text, "\n%s %s", mark, finding->message);
      line = severity == SHENBAO_SEVERITY_ERROR
        ? g_markup_printf_escaped ("\n%s <b>%s</b>", mark, finding->message)
        : g_markup_printf_escaped ("\n%s %s", mark, finding->message);
      g_string_append (markup, line);
    }
}

/* The advice under the list, dimmed, each piece once: several findings
 * often share one (the photo fixer mends size and shape alike). */
static void
append_advice (GString   *text,
               GString   *markup,
               GPtrArray *findings)
{
  g_autoptr(GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *line = NULL;

      if (finding->severity == SHENBAO_SEVERITY_INFO || finding->suggestion == NULL
          || !g_hash_table_add (given, finding->suggestion))
        continue;
      g_string_append_printf (text, "\n%s", finding->suggestion);
      line = g_markup_printf_escaped ("\n<span alpha=\"70%%\">%s</span>", finding->suggestion);
      g_string_append (markup, line);
    }
}

void
shenbao_slot_row_show (ShenbaoSlotRow           *self,
                       const ShenbaoAttachment  *attachment,
                       ShenbaoAttachmentChecker *checker)
{
  GPtrArray *findings = NULL;
  GdkPixbuf *thumbnail = NULL;
  gboolean pending = FALSE;
  gboolean has_data;

  g_return_if_fail (SHENBAO_IS_SLOT_ROW (self));

  if (attachment != NULL)
    {
      pending = shenbao_attachment_checker_is_pending (checker, self->slot_name);
      findings = shenbao_attachment_checker_get_findings (checker, self->slot_name);
      thumbnail = shenbao_attachment_checker_get_thumbnail (checker, self->slot_name);
    }
  gtk_spinner_set_spinning (self->spinner, pending);
  gtk_widget_set_visible (self->remove_button, attachment != NULL);
  /* There is nothing to crop before a photo is chosen. The action would
   * make the button sensitive again, so it goes with the photo. */
  has_data = attachment != NULL && attachment->data != NULL;
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->fix_button), has_data ? "uploads.fix" : NULL);
  gtk_widget_set_sensitive (self->fix_button, has_data);
  if (findings != NULL && shenbao_findings_worst (findings) == SHENBAO_SEVERITY_ERROR)
    gtk_widget_add_css_class (self->fix_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->fix_button, "suggested-action");
  /* No mnemonic: every row has these buttons, Enter on the row chooses. */
  gtk_button_set_label (GTK_BUTTON (self->choose_button), attachment != NULL ? _("Replace…") : _("Choose…"));

  if (thumbnail != NULL)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (thumbnail);

      gtk_image_set_from_paintable (self->thumbnail, GDK_PAINTABLE (texture));
    }
  gtk_stack_set_visible_child_name (self->preview_stack,
                                    pending ? "checking" : thumbnail != NULL ? "thumbnail" : "empty");

  if (attachment == NULL)
    show_state (self, NULL, NULL, _("Not attached yet: choose a file or drop it here"));
  else if (attachment->data == NULL)
    show_state (self, "dialog-error-symbolic", "error", _("The file could not be read: choose it again"));
  else if (pending)
    show_state (self, NULL, NULL, _("Checking…"));
  else
    {
      ShenbaoSeverity worst = findings != NULL ? shenbao_findings_worst (findings) : SHENBAO_SEVERITY_INFO;
      g_autofree char *size = g_format_size (g_bytes_get_size (attachment->data));
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) markup = NULL;
      g_autofree char *escaped = NULL;

      /* One finding a line: a photo can fail on size, shape and background at once. */
      if (worst <= SHENBAO_SEVERITY_INFO)
        g_string_printf (text, _("%s, %s: passes the checks"), attachment->filename, size);
      else
        g_string_printf (text, "%s, %s", attachment->filename, size);
      escaped = g_markup_escape_text (text->str, -1);
      markup = g_string_new (escaped);
      append_findings (text, markup, findings, SHENBAO_SEVERITY_ERROR);
      append_findings (text, markup, findings, SHENBAO_SEVERITY_WARNING);
      append_advice (text, markup, findings);
      show_state_markup (self,
                         worst == SHENBAO_SEVERITY_ERROR ? "dialog-error-symbolic"
                         : worst == SHENBAO_SEVERITY_WARNING ? "dialog-warning-symbolic" : "emblem-ok-symbolic",
                         worst == SHENBAO_SEVERITY_ERROR ? "error" : worst == SHENBAO_SEVERITY_WARNING ? "warning" : "success",
                         text->str, markup->str);
    }
}

/* A file dropped from the file manager goes where the candidate dropped it. */
static gboolean
file_dropped (GtkDropTarget  *target,
              const GValue   *value,
              double          x,
              double          y,
              ShenbaoSlotRow *self)
{
  GFile *file = g_value_get_object (value);
  g_autofree char *uri = NULL;

  if (file == NULL)
    return FALSE;
  uri = g_file_get_uri (file);
  return gtk_widget_activate_action (GTK_WIDGET (self), "uploads.attach", "(ss)", self->slot_name, uri);
}

ShenbaoSlotRow *
shenbao_slot_row_new (const ShenbaoSlot *slot)
{
  ShenbaoSlotRow *self;
  GtkWidget *buttons[3];
  char *labels[3];

  g_return_val_if_fail (slot != NULL, NULL);

  self = g_object_new (SHENBAO_TYPE_SLOT_ROW, "title", slot->name, NULL);
  self->slot_name = g_strdup (slot->name);
  buttons[0] = self->fix_button;
  buttons[1] = self->choose_button;
  buttons[2] = self->remove_button;
  /* Every row has the same buttons: their names say which slot they act on. */
  labels[0] = g_strdup_printf (_("Crop and fix %s"), slot->name);
  labels[1] = g_strdup_printf (_("Choose a file for %s"), slot->name);
  labels[2] = g_strdup_printf (_("Remove the file of %s"), slot->name);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (buttons[i]), "s", slot->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, labels[i], -1);
      g_free (labels[i]);
    }
  gtk_widget_set_visible (self->fix_button, slot->kind == SHENBAO_SLOT_KIND_PHOTO);
  return self;
}

static void
shenbao_slot_row_finalize (GObject *object)
{
  ShenbaoSlotRow *self = SHENBAO_SLOT_ROW (object);

  g_free (self->slot_name);
  G_OBJECT_CLASS (shenbao_slot_row_parent_class)->finalize (object);
}

static void
shenbao_slot_row_class_init (ShenbaoSlotRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = shenbao_slot_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-slot-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoSlotRow, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoSlotRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoSlotRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoSlotRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoSlotRow, fix_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoSlotRow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoSlotRow, remove_button);
}

static void
shenbao_slot_row_init (ShenbaoSlotRow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (file_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
