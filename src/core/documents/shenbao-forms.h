/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The printed texts of the documents (data/forms.xml, validated against
 * forms.rng): the organiser's Chinese wording, a season's edit of data. */

typedef enum
{
  SHENBAO_FORM_PIECE_TEXT,
  SHENBAO_FORM_PIECE_BLANK,   /* a space to write in by hand */
} ShenbaoFormPieceKind;

typedef struct
{
  ShenbaoFormPieceKind  kind;
  char                 *text;    /* the characters, or the blank's value key (NULL: none) */
  double                width;   /* a blank's least width, millimetres */
  guint                 grid;    /* a blank drawn as that many boxes, or 0 */
  gboolean              emphasis;/* printed text in bold (<em>), as the guide has it */
  char                 *note;    /* a blank's note in the fill-in guide: the name of a
                                  * fill-guide text, or NULL */
} ShenbaoFormPiece;

typedef struct
{
  char      *key;      /* what the text is for (its "for" attribute), or NULL */
  char      *plain;    /* the characters, blanks left out */
  char      *joined;   /* the same with a word joiner inside each <w> word */
  GPtrArray *pieces;   /* ShenbaoFormPiece */
} ShenbaoFormText;

#define SHENBAO_TYPE_FORMS (shenbao_forms_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoForms, shenbao_forms, SHENBAO, FORMS, GObject)

ShenbaoForms          *shenbao_forms_load        (const char    *path,
                                                  GError       **error);
/* The forms of the data folder, loaded once per process. */
ShenbaoForms          *shenbao_forms_get_default (GError       **error);

/* The text called name in the document ("application-form", "work-sentence"),
 * or the first of several; the schema makes sure that it is there. */
const ShenbaoFormText *shenbao_forms_get         (ShenbaoForms  *self,
                                                  const char    *document,
                                                  const char    *name);
/* Every text called name in the document, in the file's order. */
GPtrArray             *shenbao_forms_get_all     (ShenbaoForms  *self,
                                                  const char    *document,
                                                  const char    *name);
/* The characters of shenbao_forms_get(). */
const char            *shenbao_forms_get_plain   (ShenbaoForms  *self,
                                                  const char    *document,
                                                  const char    *name);
/* The same with the words that never break joined (shenbao-line-break.h),
 * for text that is wrapped: labels, notes. */
const char            *shenbao_forms_get_joined  (ShenbaoForms  *self,
                                                  const char    *document,
                                                  const char    *name);

G_END_DECLS
