/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-finding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shenbao-finding.h"

ShenbaoFinding *
shenbao_finding_new (ShenbaoSeverity  severity,
                     const char      *field,
                     const char      *code,
                     const char      *message)
{
  ShenbaoFinding *finding = g_new0 (ShenbaoFinding, 1);

  finding->severity = severity;
  finding->field = g_strdup (field);
  finding->code = g_strdup (code);
  finding->message = g_strdup (message);
  return finding;
}

ShenbaoFinding *
shenbao_finding_copy (const ShenbaoFinding *finding)
{
  ShenbaoFinding *copy = shenbao_finding_new (finding->severity, finding->field,
                                              finding->code, finding->message);

  copy->suggestion = g_strdup (finding->suggestion);
  return copy;
}

void
shenbao_finding_free (ShenbaoFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->field);
  g_free (finding->code);
  g_free (finding->message);
  g_free (finding->suggestion);
  g_free (finding);
}

const char *
shenbao_severity_to_string (ShenbaoSeverity severity)
{
  switch (severity)
    {
    case SHENBAO_SEVERITY_ERROR:
      return _("error");
    case SHENBAO_SEVERITY_WARNING:
      return _("warning");
    case SHENBAO_SEVERITY_INFO:
    default:
      return _("note");
    }
}

GPtrArray *
shenbao_findings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_finding_free);
}

ShenbaoFinding *
shenbao_findings_add (GPtrArray       *findings,
                      ShenbaoSeverity  severity,
                      const char      *field,
                      const char      *code,
                      const char      *format,
                      ...)
{
  g_autofree char *message = NULL;
  ShenbaoFinding *finding;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  finding = shenbao_finding_new (severity, field, code, message);
  g_ptr_array_add (findings, finding);
  return finding;
}

ShenbaoSeverity
shenbao_findings_worst (GPtrArray *findings)
{
  ShenbaoSeverity worst = SHENBAO_SEVERITY_INFO;

  for (guint i = 0; i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);

      worst = MAX (worst, finding->severity);
    }
  return worst;
}

const ShenbaoFinding *
shenbao_findings_find (GPtrArray  *findings,
                       const char *code)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->code, code) == 0)
        return finding;
    }
  return NULL;
}

char *
shenbao_findings_join (GPtrArray *findings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const ShenbaoFinding *finding = g_ptr_array_index (findings, i);

      if (finding->severity == SHENBAO_SEVERITY_INFO)
        continue;
      /* A Chinese sentence ends with its own full stop: "。; " reads as a typo. */
      if (text->len > 0)
        g_string_append (text, g_str_has_suffix (text->str, "。") ? "" : "; ");
      g_string_append (text, finding->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
