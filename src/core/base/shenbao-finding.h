/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SHENBAO_SEVERITY_INFO,
  SHENBAO_SEVERITY_WARNING,
  SHENBAO_SEVERITY_ERROR,
} ShenbaoSeverity;

/* One thing a check found: what it concerns, how bad it is, and what to say.
 * The code is stable (tests and scripts match on it); the message and the
 * suggestion are translated for the user. */
typedef struct
{
  ShenbaoSeverity severity;
  char *field;
  char *code;
  char *message;
  char *suggestion;
} ShenbaoFinding;

ShenbaoFinding *shenbao_finding_new   (ShenbaoSeverity  severity,
                                       const char      *field,
                                       const char      *code,
                                       const char      *message);
ShenbaoFinding *shenbao_finding_copy  (const ShenbaoFinding *finding);
void            shenbao_finding_free  (ShenbaoFinding  *finding);

const char     *shenbao_severity_to_string (ShenbaoSeverity severity);

GPtrArray      *shenbao_findings_new  (void);
ShenbaoFinding *shenbao_findings_add  (GPtrArray       *findings,
                                       ShenbaoSeverity  severity,
                                       const char      *field,
                                       const char      *code,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (5, 6);
ShenbaoSeverity shenbao_findings_worst (GPtrArray      *findings);
const ShenbaoFinding *shenbao_findings_find (GPtrArray  *findings,
                                             const char *code);

/* The messages of the warnings and errors, joined by "; " for one cell or
 * line ("" when there are none). */
char           *shenbao_findings_join (GPtrArray      *findings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShenbaoFinding, shenbao_finding_free)

G_END_DECLS
