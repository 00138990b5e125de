/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-verdict-reason"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shenbao-finding.h"
#include "shenbao-verdict-reason.h"

/* The findings that decide whether the condition is met: the count of months
 * for conditions 1 and 2, the sections the condition needs. */
static gboolean
decides_condition (const ShenbaoFinding *finding,
                   int                   condition)
{
  const char *field = finding->field != NULL ? finding->field : "";

  if (finding->severity != SHENBAO_SEVERITY_ERROR)
    return FALSE;
  if (g_strcmp0 (finding->code, "condition.not-met") == 0)
    return TRUE;
  if ((condition == 1 || condition == 2) && g_str_has_prefix (field, "work"))
    return TRUE;
  if (condition == 2 && g_str_has_prefix (field, "certificate/"))
    return TRUE;
  return condition == 3 && g_str_has_prefix (field, "education/");
}

/* Something the condition is judged on is not filled in yet. */
static gboolean
deciding_missing (const ShenbaoVerdict *verdict)
{
  for (guint i = 0; i < verdict->findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (verdict->findings, i);

      if ((g_strcmp0 (finding->code, "required") == 0 || g_strcmp0 (finding->code, "work.missing") == 0)
          && decides_condition (finding, verdict->condition))
        return TRUE;
    }
  return FALSE;
}

/* Not met is red only once what it is judged on is all there: until then
 * the candidate has something to fill in, not a verdict against them. */
ShenbaoVerdictState
shenbao_verdict_get_state (const ShenbaoVerdict *verdict)
{
  g_return_val_if_fail (verdict != NULL, SHENBAO_VERDICT_STATE_TO_FIX);

  if (shenbao_verdict_passes (verdict))
    return SHENBAO_VERDICT_STATE_PASSES;
  if (verdict->condition == 0 || verdict->met[verdict->condition] || deciding_missing (verdict))
    return SHENBAO_VERDICT_STATE_TO_FIX;
  return SHENBAO_VERDICT_STATE_NOT_MET;
}

static const ShenbaoFinding *
first_error (const ShenbaoVerdict *verdict,
             gboolean              deciding,
             guint                *n_errors)
{
  const ShenbaoFinding *first = NULL;

  *n_errors = 0;
  for (guint i = 0; i < verdict->findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (verdict->findings, i);

      if (finding->severity != SHENBAO_SEVERITY_ERROR
          || (deciding && !decides_condition (finding, verdict->condition)))
        continue;
      (*n_errors)++;
      if (first == NULL)
        first = finding;
    }
  return first;
}

static char *
met_reason (const ShenbaoVerdict *verdict)
{
  switch (verdict->condition)
    {
    case 1:
      return g_strdup_printf (_("The work history counts at least %d years in this or a related occupation."),
                              verdict->months_needed / 12);
    case 2:
      return g_strdup_printf (_("The level-5 certificate is of this or a related occupation, and the work "
                                "after it counts at least %d years."),
                              verdict->months_needed / 12);
    case 3:
    default:
      return g_strdup (_("The diploma’s major is this occupation’s own or a related one, and its dates fit."));
    }
}

char *
shenbao_verdict_get_reason (const ShenbaoVerdict *verdict)
{
  const ShenbaoFinding *first;
  guint n_errors;

  g_return_val_if_fail (verdict != NULL, NULL);

  if (verdict->condition == 0)
    return g_strdup (_("Choose the condition you apply under: the verdict and the materials follow from it."));
  if (!verdict->met[verdict->condition])
    {
      first = first_error (verdict, TRUE, &n_errors);
      if (first != NULL)
        return g_strdup (first->message);
      /* Translators: %d is the condition's number */
      return g_strdup_printf (_("What condition %d needs is not filled in yet."), verdict->condition);
    }
  first = first_error (verdict, FALSE, &n_errors);
  if (first == NULL)
    return met_reason (verdict);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem is left to fix: %s",
                                       "%u problems are left to fix, the first: %s",
                                       n_errors),
                          n_errors, first->message);
}
