/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_FIELD_EDITOR (shenbao_field_editor_get_type ())

G_DECLARE_INTERFACE (ShenbaoFieldEditor, shenbao_field_editor, SHENBAO, FIELD_EDITOR, GtkWidget)

/* A row that edits one field of an application, named by its path in the
 * application file ("person/name", or "from" inside a work entry). Its
 * "value" property is the text as typed, bound to the model; the wizard shows
 * the rules' message for the field on it. */
struct _ShenbaoFieldEditorInterface
{
  GTypeInterface parent_iface;

  void (*show_finding) (ShenbaoFieldEditor   *self,
                        const ShenbaoFinding *finding);
};

const char *shenbao_field_editor_get_field    (ShenbaoFieldEditor   *self);
void        shenbao_field_editor_show_finding (ShenbaoFieldEditor   *self,
                                               const ShenbaoFinding *finding);

/* What the editor rows share: the finding's message (and suggestion) as the
 * row's subtitle, or the hint when there is none, error or warning styling,
 * and the message as the accessible description of the input. */
void        shenbao_field_editor_style_row    (AdwActionRow         *row,
                                               GtkAccessible        *input,
                                               const ShenbaoFinding *finding,
                                               const char           *hint);

/* Every field editor below root, depth first. */
GPtrArray  *shenbao_field_editor_collect      (GtkWidget            *root);
/* Shows on each field editor below root the worst finding for its field;
 * prefix is prepended to the editors' field names ("work/2/"). */
void        shenbao_field_editor_show_all     (GtkWidget            *root,
                                               GPtrArray            *findings,
                                               const char           *prefix);

G_END_DECLS
