/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application.h"
#include "shenbao-catalogue.h"
#include "shenbao-date.h"

G_BEGIN_DECLS

typedef enum
{
  SHENBAO_RULES_DEFAULT = 0,
  /* The final check before submitting: a missing attachment is an error, not a
   * "not yet attached" warning. */
  SHENBAO_RULES_COMPLETE = 1 << 0,
} ShenbaoRulesFlags;

/* What the checker concluded. met[c] says whether condition c (1–3) is met
 * by what the application holds, whichever condition was chosen. */
typedef struct
{
  int        condition;               /* chosen, 0 if none */
  gboolean   met[4];
  int        months_of_work;          /* merged, relevant occupations only */
  int        months_after_certificate;
  int        months_needed;           /* for the chosen condition, 0 for 3 */
  GPtrArray *findings;                /* ShenbaoFinding, in the order of the form */
} ShenbaoVerdict;

ShenbaoVerdict *shenbao_rules_check     (ShenbaoApplication *application,
                                         ShenbaoCatalogue   *catalogue,
                                         ShenbaoRulesFlags   flags,
                                         const GDate        *today);
void            shenbao_verdict_free    (ShenbaoVerdict     *verdict);
/* No error among the findings and the chosen condition met. */
gboolean        shenbao_verdict_passes  (const ShenbaoVerdict *verdict);
/* One line for the verdict ("Meets condition 1") and the lines that explain
 * it (months counted and needed, other conditions met), translated. */
char           *shenbao_verdict_get_summary  (const ShenbaoVerdict *verdict);
GStrv           shenbao_verdict_get_details  (const ShenbaoVerdict *verdict);
/* Findings about one field ("person/id-number", "work/2/from"). */
GPtrArray      *shenbao_verdict_findings_for (const ShenbaoVerdict *verdict,
                                              const char           *field);

/* Months of work in the occupation or its related occupations, counted by
 * shenbao_month_spans_count() (both end months included, a month
 * once); 至今 runs through the signature month; only work from the month
 * since on counts (UNSET: all). first and last (may be NULL) receive the
 * first and last month counted. */
int             shenbao_rules_count_work_months (ShenbaoApplication *application,
                                                 ShenbaoCatalogue   *catalogue,
                                                 ShenbaoYearMonth    since,
                                                 ShenbaoYearMonth   *first,
                                                 ShenbaoYearMonth   *last);

/* The first month condition 2 counts: the one after the certificate's issue
 * month (guide §一: a certificate of 2022-03-15 counts work from 2022-04). */
ShenbaoYearMonth shenbao_rules_counted_after    (const GDate        *issued);

/* The months a verdict's chosen condition counts: the work after the
 * certificate for condition 2, all the work for condition 1, 0 otherwise. */
int             shenbao_verdict_get_months_counted (const ShenbaoVerdict *verdict);

/* The end of a work entry as a year-month: 至今 is the signature date's. */
gboolean        shenbao_rules_work_entry_span   (ShenbaoApplication *application,
                                                 ShenbaoWorkEntry   *entry,
                                                 ShenbaoYearMonth   *from,
                                                 ShenbaoYearMonth   *to);

/* A 专科-or-higher school type, whose diploma the form's 学历 row verifies
 * with a CHSI code (guide §二). */
gboolean        shenbao_rules_is_higher_education (const char *school_type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShenbaoVerdict, shenbao_verdict_free)

G_END_DECLS
