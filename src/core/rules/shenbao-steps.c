/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-steps"

#include "config.h"

#include "shenbao-finding.h"
#include "shenbao-steps.h"

ShenbaoStep
shenbao_step_for_field (const char *field)
{
  if (field == NULL)
    return SHENBAO_STEP_REGISTRATION;
  if (g_str_equal (field, "person/identity"))
    return SHENBAO_STEP_IDENTITY;
  if (g_str_has_prefix (field, "person/"))
    return SHENBAO_STEP_BASIC;
  if (g_str_has_prefix (field, "attachments/"))
    return SHENBAO_STEP_UPLOADS;
  return SHENBAO_STEP_REGISTRATION;
}

/* The findings that say something is missing rather than wrong. */
static gboolean
is_missing (const ShenbaoFinding *finding)
{
  static const char * const codes[] = { "required", "attachment.missing", "work.missing" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (finding->code, codes[i]) == 0)
      return TRUE;
  return FALSE;
}

static ShenbaoStepStatus
finding_status (const ShenbaoFinding *finding)
{
  if (is_missing (finding))
    return SHENBAO_STEP_STATUS_INCOMPLETE;
  switch (finding->severity)
    {
    case SHENBAO_SEVERITY_ERROR:
      return SHENBAO_STEP_STATUS_ERROR;
    case SHENBAO_SEVERITY_WARNING:
      return SHENBAO_STEP_STATUS_WARNING;
    case SHENBAO_SEVERITY_INFO:
    default:
      return SHENBAO_STEP_STATUS_COMPLETE;
    }
}

/* Too few months counted is an error only once nothing the count needs is
 * missing: while a date or an entry is still to fill in, the step is just
 * incomplete (a condition chosen in a new application is not red). */
static ShenbaoStepStatus
worst_of (GPtrArray         *findings,
          ShenbaoStep        step,
          ShenbaoStepStatus  status)
{
  gboolean not_met = FALSE;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);

      if (shenbao_step_for_field (finding->field) != step)
        continue;
      if (g_strcmp0 (finding->code, "condition.not-met") == 0)
        not_met = TRUE;
      else
        status = MAX (status, finding_status (finding));
    }
  if (not_met)
    status = MAX (status, status == SHENBAO_STEP_STATUS_INCOMPLETE ? SHENBAO_STEP_STATUS_INCOMPLETE
                                                                    : SHENBAO_STEP_STATUS_ERROR);
  return status;
}

/* The attached files' own checks (size, format, the photo's background). */
static ShenbaoStepStatus
attachments_status (ShenbaoApplication       *application,
                    ShenbaoAttachmentChecker *checker)
{
  GPtrArray *attachments = shenbao_application_get_attachments (application);
  ShenbaoStepStatus status = SHENBAO_STEP_STATUS_COMPLETE;

  for (guint i = 0; checker != NULL && i < attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (attachments, i);
      GPtrArray *findings = shenbao_attachment_checker_get_findings (checker, attachment->slot);

      for (guint j = 0; findings != NULL && j < findings->len; j++)
        status = MAX (status, finding_status (g_ptr_array_index (findings, j)));
    }
  return status;
}

ShenbaoStepStatus
shenbao_step_get_status (ShenbaoStep               step,
                         const ShenbaoVerdict     *verdict,
                         ShenbaoApplication       *application,
                         ShenbaoAttachmentChecker *checker)
{
  ShenbaoStepStatus status = SHENBAO_STEP_STATUS_COMPLETE;

  g_return_val_if_fail (verdict != NULL, SHENBAO_STEP_STATUS_INCOMPLETE);
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (application), SHENBAO_STEP_STATUS_INCOMPLETE);

  if (step == SHENBAO_STEP_UPLOADS)
    {
      /* Which materials are needed follows from the condition (guide §二). */
      if (verdict->condition == 0)
        status = SHENBAO_STEP_STATUS_INCOMPLETE;
      status = MAX (status, attachments_status (application, checker));
    }
  return worst_of (verdict->findings, step, status);
}
