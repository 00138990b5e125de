/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "shenbao-basic-page.h"
#include "shenbao-export-page.h"
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
  /* Pages the candidate has moved away from: only there is an empty
   * required field worth a red mark (a new form is not full of errors). */
  gboolean left[5];
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

static const char * const page_names[] = { "basic", "identity", "registration", "uploads", "export" };

static GtkImage *
status_image (ShenbaoWizard *self,
              guint          index)
{
  /* Print & export owns no field: it has no mark. */
  GtkImage *images[] = { self->status_basic, self->status_identity, self->status_registration, self->status_uploads, NULL };

  return images[index];
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

static gboolean
finding_shown (ShenbaoWizard        *self,
               guint                 index,
               const ShenbaoFinding *finding)
{
  return self->left[index] || g_strcmp0 (finding->code, "required") != 0;
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
          && finding_shown (self, index, finding))
        g_ptr_array_add (findings, finding);
    }
  return findings;
}

/* The attached files that fail their checks: the uploads step is not
 * complete while the portal would bounce one of them. */
static guint
failing_attachments (ShenbaoWizard *self)
{
  GPtrArray *attachments;
  guint failing = 0;

  if (self->application == NULL || self->checker == NULL)
    return 0;
  attachments = shenbao_application_get_attachments (self->application);
  for (guint i = 0; i < attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (attachments, i);
      GPtrArray *findings = shenbao_attachment_checker_get_findings (self->checker, attachment->slot);

      if (findings != NULL && shenbao_findings_worst (findings) == SHENBAO_SEVERITY_ERROR)
        failing++;
    }
  return failing;
}

static void
update_steps (ShenbaoWizard *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autoptr(GPtrArray) errors = page_findings (self, i, SHENBAO_SEVERITY_ERROR);
      GtkImage *image = status_image (self, i);
      guint problems = errors->len;

      if (image == NULL)
        continue;
      if (g_str_equal (page_names[i], "uploads"))
        problems += failing_attachments (self);
      gtk_image_set_from_icon_name (image, problems > 0 ? "dialog-error-symbolic" : "emblem-ok-symbolic");
      gtk_widget_set_visible (GTK_WIDGET (image), self->verdict != NULL && (self->left[i] || problems > 0));
      gtk_widget_set_tooltip_text (GTK_WIDGET (image), problems > 0 ? _("Has problems to fix") : _("Complete"));
      gtk_widget_remove_css_class (GTK_WIDGET (image), problems > 0 ? "success" : "error");
      gtk_widget_add_css_class (GTK_WIDGET (image), problems > 0 ? "error" : "success");
    }
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
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      ShenbaoVerdict shown = *self->verdict;
      g_autoptr(GPtrArray) findings = g_ptr_array_new ();

      for (guint j = 0; j < self->verdict->findings->len; j++)
        if (finding_shown (self, i, g_ptr_array_index (self->verdict->findings, j)))
          g_ptr_array_add (findings, g_ptr_array_index (self->verdict->findings, j));
      shown.findings = findings;
      shenbao_wizard_page_show_verdict (page_at (self, i), &shown);
    }
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
  memset (self->left, 0, sizeof self->left);
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    shenbao_wizard_page_set_application (page_at (self, i), application);
  if (application != NULL)
    {
      g_signal_connect_swapped (application, "notify", G_CALLBACK (application_changed), self);
      g_signal_connect_swapped (application, "work-entry-changed", G_CALLBACK (application_changed), self);
      g_signal_connect_swapped (application, "attachment-changed", G_CALLBACK (application_changed), self);
      g_signal_connect_swapped (shenbao_application_get_work_entries (application), "items-changed",
                                G_CALLBACK (application_changed), self);
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
      self->left[self->shown_page] = TRUE;
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
    shenbao_wizard_set_page (self, page_names[index - 1]);
}

/* SPEC §3: the verdict advises, it does not lock. Leaving a step with errors
 * says what is wrong and goes on. */
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
  self->left[index] = TRUE;
  shenbao_wizard_check_now (self);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "wizard.back", NULL);
}

static void
shenbao_wizard_init (ShenbaoWizard *self)
{
  ShenbaoCatalogue *catalogue = shenbao_catalogue_get_default (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Thumbnails at twice the rows' 72 pixels stay sharp on a HiDPI screen. */
  if (catalogue != NULL)
    {
      self->checker = shenbao_attachment_checker_new (catalogue, 144);
      g_signal_connect_swapped (self->checker, "checked", G_CALLBACK (update_steps), self);
    }
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    shenbao_wizard_page_set_checker (page_at (self, i), self->checker);
  visible_page_changed (self);
}
