/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application.h"
#include "shenbao-attachment-checker.h"
#include "shenbao-rules.h"

G_BEGIN_DECLS

/* The wizard's steps that hold fields, the portal's four; print & export holds none. */
typedef enum
{
  SHENBAO_STEP_BASIC,
  SHENBAO_STEP_IDENTITY,
  SHENBAO_STEP_REGISTRATION,
  SHENBAO_STEP_UPLOADS,
  SHENBAO_N_STEPS,
} ShenbaoStep;

/* Ordered from best to worst: a step shows the worst that applies. */
typedef enum
{
  SHENBAO_STEP_STATUS_COMPLETE,
  SHENBAO_STEP_STATUS_WARNING,     /* something to look at, nothing wrong */
  SHENBAO_STEP_STATUS_INCOMPLETE,  /* a required field or material is missing */
  SHENBAO_STEP_STATUS_ERROR,       /* a value or a file fails its checks */
} ShenbaoStepStatus;

/* The step whose page holds the field of a finding ("person/name",
 * "work/2/from", "attachments/个人照片"). */
ShenbaoStep       shenbao_step_for_field  (const char               *field);

/* The state of a step, from the application alone: the verdict's findings on
 * its fields and, for the uploads, the checks of the attached files (checker
 * may be NULL). A missing value is incomplete, not an error, so that a new
 * application is not covered in red before anything is typed. */
ShenbaoStepStatus shenbao_step_get_status (ShenbaoStep               step,
                                           const ShenbaoVerdict     *verdict,
                                           ShenbaoApplication       *application,
                                           ShenbaoAttachmentChecker *checker);

G_END_DECLS
