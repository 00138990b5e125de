/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shenbao-basic-page.h"
#include "shenbao-export-page.h"
#include "shenbao-field-editor.h"
#include "shenbao-identity-page.h"
#include "shenbao-registration-page.h"
#include "shenbao-uploads-page.h"
#include "shenbao-wizard.h"
#include "shenbao-wizard-page.h"

/* The portal's steps (guide §三.3–6) plus printing and export, with a step
 * indicator that says which steps are complete or have errors. The rules run
 * shortly after each change and every page shows what concerns it. */
struct _ShenbaoWizard
{
  AdwBin parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkImage *status_basic;
  GtkImage *status_identity;
  GtkImage *status_registration;
  GtkImage *status_uploads;
  ShenbaoExportPage *export_page;

  ShenbaoApplication *application;
  ShenbaoAttachmentChecker *checker;
  ShenbaoVerdict *verdict;
  guint check_source;
  guint shown_page;
  /* The fields the candidate has left, or passed by leaving their page:
   * only there is an empty required field worth a red message (a new form,
   * or a new work entry, is not full of errors). */
  GHashTable *touched;
  ShenbaoFieldEditor *focused;   /* the editor holding the focus, unowned */
  GtkWidget *watched_root;
};

G_DEFINE_FINAL_TYPE (ShenbaoWizard, shenbao_wizard, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_APPLICATION,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Typing in a field rechecks the whole application; waiting this long after
 * the last key keeps the messages from flickering under the typist. */
#define CHECK_DELAY_MS 150

/* In the order of ShenbaoStep: a page's index is its step's (export has none). */
static const char * const page_names[] = { "basic", "identity", "registration", "uploads", "export" };

static GtkImage *
status_image (ShenbaoWizard *self,
              ShenbaoStep    step)
{
  GtkImage *images[SHENBAO_N_STEPS] = { self->status_basic, self->status_identity, self->status_registration, self->status_uploads };

  return images[step];
}

static ShenbaoWizardPage *
page_at (ShenbaoWizard *self,
         guint          index)
{
  return SHENBAO_WIZARD_PAGE (gtk_stack_get_child_by_name (self->stack, page_names[index]));
}

static guint
current_index (ShenbaoWizard *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (name, page_names[i]) == 0)
      return i;
  return 0;
}

/* Leaving a page passes by its empty fields: from now on they say so. */
static void
touch_page (ShenbaoWizard *self,
            guint          index)
{
  for (guint i = 0; self->verdict != NULL && index < SHENBAO_N_STEPS && i < self->verdict->findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (self->verdict->findings, i);

      if (finding->field != NULL && shenbao_step_for_field (finding->field) == index)
        g_hash_table_add (self->touched, g_strdup (finding->field));
    }
}

/* The findings of the verdict that a page shows, of one severity. */
static GPtrArray *
page_findings (ShenbaoWizard *self,
               guint          index,
               ShenbaoSeverity severity)
{
  GPtrArray *findings = g_ptr_array_new ();
  ShenbaoWizardPage *page = page_at (self, index);

  for (guint i = 0; self->verdict != NULL && i < self->verdict->findings->len; i++)
    {
      ShenbaoFinding *finding = g_ptr_array_index (self->verdict->findings, i);

      if (finding->severity == severity && shenbao_wizard_page_owns_field (page, finding->field)
          && shenbao_wizard_page_finding_shown (page, finding))
        g_ptr_array_add (findings, finding);
    }
  return findings;
}

static void
show_status (GtkImage          *image,
             ShenbaoStepStatus  status)
{
  static const struct
  {
    const char *icon;
    const char *style;
    const char *tooltip;
  } looks[] = {
    [SHENBAO_STEP_STATUS_COMPLETE] = { "emblem-ok-symbolic", "success", N_("Complete") },
    [SHENBAO_STEP_STATUS_WARNING] = { "dialog-warning-symbolic", "warning", N_("Complete, with something to check") },
    [SHENBAO_STEP_STATUS_INCOMPLETE] = { "dialog-warning-symbolic", "warning", N_("Not complete yet") },
    [SHENBAO_STEP_STATUS_ERROR] = { "dialog-error-symbolic", "error", N_("Has problems to fix") },
  };
  GtkWidget *widget = GTK_WIDGET (image);

  gtk_image_set_from_icon_name (image, looks[status].icon);
  gtk_widget_set_tooltip_text (widget, _(looks[status].tooltip));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, _(looks[status].tooltip), -1);
  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    gtk_widget_remove_css_class (widget, looks[i].style);
  gtk_widget_add_css_class (widget, looks[status].style);
}

/* Every step's mark follows from the application as it is, visited or not,
 * so that it reads the same after reopening. */
static void
update_steps (ShenbaoWizard *self)
{
  for (ShenbaoStep step = 0; step < SHENBAO_N_STEPS; step++)
    {
      GtkImage *image = status_image (self, step);

      gtk_widget_set_visible (GTK_WIDGET (image), self->verdict != NULL);
      if (self->verdict != NULL)
        show_status (image, shenbao_step_get_status (step, self->verdict, self->application, self->checker));
    }
}

ShenbaoStepStatus
shenbao_wizard_get_step_status (ShenbaoWizard *self,
                                ShenbaoStep    step)
{
  g_return_val_if_fail (SHENBAO_IS_WIZARD (self), SHENBAO_STEP_STATUS_INCOMPLETE);
  g_return_val_if_fail (step < SHENBAO_N_STEPS, SHENBAO_STEP_STATUS_INCOMPLETE);

  if (self->verdict == NULL)
    return SHENBAO_STEP_STATUS_INCOMPLETE;
  return shenbao_step_get_status (step, self->verdict, self->application, self->checker);
}

void
shenbao_wizard_check_now (ShenbaoWizard *self)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);
  GDate today;

  g_return_if_fail (SHENBAO_IS_WIZARD (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_pointer (&self->verdict, shenbao_verdict_free);
  if (self->application == NULL || catalogue == NULL)
    return;

  shenbao_date_set_today (&today);
  self->verdict = shenbao_rules_check (self->application, catalogue, SHENBAO_RULES_DEFAULT, &today);
  /* The whole verdict: each page leaves out the empty fields not yet left,
   * the verdict card does not. */
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    shenbao_wizard_page_show_verdict (page_at (self, i), self->verdict);
  update_steps (self);
}

static gboolean
check_timeout (gpointer user_data)
{
  ShenbaoWizard *self = user_data;

  self->check_source = 0;
  shenbao_wizard_check_now (self);
  return G_SOURCE_REMOVE;
}

static void
application_changed (ShenbaoWizard *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout, self);
}

static gboolean
is_work_field (gpointer key,
               gpointer value,
               gpointer user_data)
{
  return g_str_has_prefix (key, "work/");
}

/* Work fields are named by position: once entries are removed or moved, the
 * names touched belong to other entries (a new entry must not start red). */
static void
work_entries_changed (ShenbaoWizard *self,
                      guint          position,
                      guint          removed,
                      guint          added)
{
  if (removed > 0)
    g_hash_table_foreach_remove (self->touched, is_work_field, NULL);
  application_changed (self);
}

ShenbaoApplication *
shenbao_wizard_get_application (ShenbaoWizard *self)
{
  g_return_val_if_fail (SHENBAO_IS_WIZARD (self), NULL);

  return self->application;
}

static void
disconnect_application (ShenbaoWizard *self)
{
  if (self->application == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->application, self);
  g_signal_handlers_disconnect_by_data (shenbao_application_get_work_entries (self->application), self);
}

void
shenbao_wizard_set_application (ShenbaoWizard      *self,
                                ShenbaoApplication *application)
{
  g_return_if_fail (SHENBAO_IS_WIZARD (self));

  if (self->application == application)
    return;
  disconnect_application (self);
  g_set_object (&self->application, application);
  if (self->checker != NULL)
    shenbao_attachment_checker_set_application (self->checker, application);
  g_hash_table_remove_all (self->touched);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    shenbao_wizard_page_set_application (page_at (self, i), application);
  if (application != NULL)
    {
      g_signal_connect_swapped (application, "notify", G_CALLBACK (application_changed), self);
      g_signal_connect_swapped (application, "work-entry-changed", G_CALLBACK (application_changed), self);
      g_signal_connect_swapped (application, "attachment-changed", G_CALLBACK (application_changed), self);
      g_signal_connect_swapped (shenbao_application_get_work_entries (application), "items-changed",
                                G_CALLBACK (work_entries_changed), self);
    }
  shenbao_wizard_check_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}

void
shenbao_wizard_set_store (ShenbaoWizard *self,
                          ShenbaoStore  *store)
{
  g_return_if_fail (SHENBAO_IS_WIZARD (self));

  shenbao_export_page_set_store (self->export_page, store);
}

const char *
shenbao_wizard_get_page (ShenbaoWizard *self)
{
  g_return_val_if_fail (SHENBAO_IS_WIZARD (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
shenbao_wizard_set_page (ShenbaoWizard *self,
                         const char    *page)
{
  g_return_if_fail (SHENBAO_IS_WIZARD (self));

  if (page != NULL && gtk_stack_get_child_by_name (self->stack, page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, page);
}

const ShenbaoVerdict *
shenbao_wizard_get_verdict (ShenbaoWizard *self)
{
  g_return_val_if_fail (SHENBAO_IS_WIZARD (self), NULL);

  return self->verdict;
}

static void
visible_page_changed (ShenbaoWizard *self)
{
  guint index = current_index (self);

  if (index != self->shown_page)
    {
      /* Passed by as the application is now, not as last checked. */
      shenbao_wizard_check_now (self);
      touch_page (self, self->shown_page);
      self->shown_page = index;
      shenbao_wizard_check_now (self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", index + 1 < G_N_ELEMENTS (page_names));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShenbaoWizard *self = SHENBAO_WIZARD (widget);
  guint index = current_index (self);

  if (index > 0)
    {
      shenbao_wizard_set_page (self, page_names[index - 1]);
      shenbao_wizard_focus_first_field (self);
    }
}

/* The verdict advises, it does not lock: the candidate may know better
 * than the rules (a case the guide lets one explain apart). Leaving a step
 * with errors says what is wrong and goes on. */
static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShenbaoWizard *self = SHENBAO_WIZARD (widget);
  guint index = current_index (self);
  g_autoptr(GPtrArray) errors = NULL;

  if (index + 1 >= G_N_ELEMENTS (page_names))
    return;
  shenbao_wizard_check_now (self);
  touch_page (self, index);
  errors = page_findings (self, index, SHENBAO_SEVERITY_ERROR);
  if (errors->len > 0)
    {
      const ShenbaoFinding *first = g_ptr_array_index (errors, 0);
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This step has %u problem: %s",
                                      "This step has %u problems, the first: %s", errors->len),
                         errors->len, first->message);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 6);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  shenbao_wizard_set_page (self, page_names[index + 1]);
  /* The keyboard goes on where the typing does. */
  shenbao_wizard_focus_first_field (self);
}

/* A field is checked once it is left: the focus moving out of an editor
 * marks its field touched, and the messages are shown again. */
static void
focus_widget_changed (ShenbaoWizard *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->watched_root));
  GtkWidget *editor = focus != NULL ? gtk_widget_get_ancestor (focus, SHENBAO_TYPE_FIELD_EDITOR) : NULL;

  if (editor != NULL && !gtk_widget_is_ancestor (editor, GTK_WIDGET (self)))
    editor = NULL;
  if ((ShenbaoFieldEditor *) editor == self->focused)
    return;
  if (self->focused != NULL)
    {
      g_hash_table_add (self->touched, g_strdup (shenbao_field_editor_get_field (self->focused)));
      g_object_remove_weak_pointer (G_OBJECT (self->focused), (gpointer *) &self->focused);
      application_changed (self);
    }
  self->focused = (ShenbaoFieldEditor *) editor;
  if (self->focused != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->focused), (gpointer *) &self->focused);
}

static void
shenbao_wizard_root (GtkWidget *widget)
{
  ShenbaoWizard *self = SHENBAO_WIZARD (widget);

  GTK_WIDGET_CLASS (shenbao_wizard_parent_class)->root (widget);
  self->watched_root = GTK_WIDGET (gtk_widget_get_root (widget));
  g_signal_connect_swapped (self->watched_root, "notify::focus-widget", G_CALLBACK (focus_widget_changed), self);
}

static void
shenbao_wizard_unroot (GtkWidget *widget)
{
  ShenbaoWizard *self = SHENBAO_WIZARD (widget);

  g_signal_handlers_disconnect_by_data (self->watched_root, self);
  self->watched_root = NULL;
  if (self->focused != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->focused), (gpointer *) &self->focused);
  self->focused = NULL;
  GTK_WIDGET_CLASS (shenbao_wizard_parent_class)->unroot (widget);
}

static gboolean
focus_editor (GtkWidget *editor)
{
  if (gtk_widget_get_focusable (editor))
    return gtk_widget_grab_focus (editor);
  return gtk_widget_child_focus (editor, GTK_DIR_TAB_FORWARD);
}

void
shenbao_wizard_focus_first_field (ShenbaoWizard *self)
{
  g_autoptr(GPtrArray) editors = NULL;

  g_return_if_fail (SHENBAO_IS_WIZARD (self));

  editors = shenbao_field_editor_collect (gtk_stack_get_visible_child (self->stack));
  if (editors->len > 0)
    focus_editor (g_ptr_array_index (editors, 0));
}

/* Enter in a field: on to the next field of the page that is shown (not in
 * a hidden section or a folded work entry), and after the last to 下一步. */
static void
next_field_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ShenbaoWizard *self = SHENBAO_WIZARD (widget);
  g_autoptr(GPtrArray) editors = shenbao_field_editor_collect (gtk_stack_get_visible_child (self->stack));
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  gboolean after = FALSE;

  for (guint i = 0; i < editors->len; i++)
    {
      GtkWidget *editor = g_ptr_array_index (editors, i);

      if (after && gtk_widget_is_drawable (editor) && gtk_widget_is_sensitive (editor) && focus_editor (editor))
        return;
      if (focus != NULL && (focus == editor || gtk_widget_is_ancestor (focus, editor)))
        after = TRUE;
    }
  gtk_widget_grab_focus (gtk_widget_get_sensitive (self->next_button) ? self->next_button : self->back_button);
}

static void
shenbao_wizard_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShenbaoWizard *self = SHENBAO_WIZARD (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    case PROP_PAGE:
      g_value_set_string (value, shenbao_wizard_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_wizard_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShenbaoWizard *self = SHENBAO_WIZARD (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      shenbao_wizard_set_application (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      shenbao_wizard_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shenbao_wizard_dispose (GObject *object)
{
  ShenbaoWizard *self = SHENBAO_WIZARD (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  disconnect_application (self);
  g_clear_object (&self->application);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_clear_object (&self->checker);
  g_clear_pointer (&self->verdict, shenbao_verdict_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  G_OBJECT_CLASS (shenbao_wizard_parent_class)->dispose (object);
}

static void
shenbao_wizard_class_init (ShenbaoWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = shenbao_wizard_get_property;
  object_class->set_property = shenbao_wizard_set_property;
  object_class->dispose = shenbao_wizard_dispose;
  widget_class->root = shenbao_wizard_root;
  widget_class->unroot = shenbao_wizard_unroot;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, SHENBAO_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHENBAO_TYPE_BASIC_PAGE);
  g_type_ensure (SHENBAO_TYPE_IDENTITY_PAGE);
  g_type_ensure (SHENBAO_TYPE_REGISTRATION_PAGE);
  g_type_ensure (SHENBAO_TYPE_UPLOADS_PAGE);
  g_type_ensure (SHENBAO_TYPE_EXPORT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shenbao/Shenbao/shenbao-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWizard, status_basic);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWizard, status_identity);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWizard, status_registration);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWizard, status_uploads);
  gtk_widget_class_bind_template_child (widget_class, ShenbaoWizard, export_page);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed);

  /* The step buttons are toggles of this stateful action: the one whose
   * target is the visible page is pressed. */
  gtk_widget_class_install_property_action (widget_class, "wizard.go", "page");
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "wizard.next-field", NULL, next_field_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "wizard.back", NULL);
}

static void
shenbao_wizard_init (ShenbaoWizard *self)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);

  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Thumbnails at twice the rows' 72 pixels stay sharp on a HiDPI screen. */
  if (catalogue != NULL)
    {
      self->checker = shenbao_attachment_checker_new (catalogue, 144);
      g_signal_connect_swapped (self->checker, "checked", G_CALLBACK (update_steps), self);
    }
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      shenbao_wizard_page_set_checker (page_at (self, i), self->checker);
      shenbao_wizard_page_set_touched (page_at (self, i), self->touched);
    }
  visible_page_changed (self);
}
