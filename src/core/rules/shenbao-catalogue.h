/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "shenbao-application.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_CATALOGUE (shenbao_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoCatalogue, shenbao_catalogue, SHENBAO, CATALOGUE, GObject)

typedef enum
{
  SHENBAO_SLOT_KIND_ID_CARD,
  SHENBAO_SLOT_KIND_PHOTO,
  SHENBAO_SLOT_KIND_HANDWRITTEN_FORM,
  SHENBAO_SLOT_KIND_DOCUMENT,
} ShenbaoSlotKind;

/* An upload slot of the portal (guide §三.6). The name is the portal's label and
 * the exported file's name; the id is stable across seasons. */
typedef struct
{
  char            *id;
  char            *name;
  ShenbaoSlotKind  kind;
  int              copies;   /* handwritten forms: copies to mail; else 0 */
} ShenbaoSlot;

/* The catalogue's simple lists (data/catalogue.xml). */
typedef enum
{
  SHENBAO_LIST_SCHOOL_TYPES,
  SHENBAO_LIST_EDUCATION_LEVELS,
  SHENBAO_LIST_ETHNIC_GROUPS,
  SHENBAO_LIST_IDENTITIES,
  SHENBAO_LIST_ASSESSMENT_CATEGORIES,
  SHENBAO_LIST_SOURCES,
  SHENBAO_N_LISTS,
} ShenbaoList;

/* Loads a catalogue and validates it against catalogue.rng of the data
 * folder, then checks what the schema cannot say (unique names, defaults
 * that are list items, slot references that exist). */
ShenbaoCatalogue   *shenbao_catalogue_load              (const char       *path,
                                                         GError          **error);
/* The same from a catalogue's bytes (catalogue.xml's, for the messages). */
ShenbaoCatalogue   *shenbao_catalogue_load_data         (const char       *data,
                                                         gsize             length,
                                                         GError          **error);
/* The catalogue of the data folder, loaded once per process. */
ShenbaoCatalogue   *shenbao_catalogue_get_default       (GError          **error);

/* A new application with what the portal preselects (职工,
 * 考核鉴定, 社会人员), level 4, and today as the signature date. */
ShenbaoApplication *shenbao_catalogue_new_application   (ShenbaoCatalogue *self,
                                                         const GDate      *today);

const char         *shenbao_catalogue_get_season        (ShenbaoCatalogue *self);
const char         *shenbao_catalogue_get_level_name    (ShenbaoCatalogue *self);

const char * const *shenbao_catalogue_get_list          (ShenbaoCatalogue *self,
                                                         ShenbaoList       list);
/* The list's default item (identities, categories, sources), or NULL. */
const char         *shenbao_catalogue_get_list_default  (ShenbaoCatalogue *self,
                                                         ShenbaoList       list);

const char * const *shenbao_catalogue_get_occupations   (ShenbaoCatalogue *self);
gboolean            shenbao_catalogue_has_occupation    (ShenbaoCatalogue *self,
                                                         const char       *occupation);
const char * const *shenbao_catalogue_get_related_occupations (ShenbaoCatalogue *self,
                                                               const char       *occupation);
/* The guide's "等…" that closes the list, for quoting it. */
const char         *shenbao_catalogue_get_related_occupations_tail (ShenbaoCatalogue *self,
                                                                    const char       *occupation);
/* TRUE when the guide lists the occupation's majors per school type. */
gboolean            shenbao_catalogue_majors_by_school_type (ShenbaoCatalogue *self,
                                                             const char       *occupation);
/* The majors that qualify for the occupation at that school type (研究生 is
 * judged by the undergraduate list); school_type is ignored where the guide
 * has one list. NULL for an unknown occupation or school type. */
const char * const *shenbao_catalogue_get_majors        (ShenbaoCatalogue *self,
                                                         const char       *occupation,
                                                         const char       *school_type);
/* The school type whose lists judge school_type (普通高等学校本科 for 研究生),
 * or NULL when its own lists do. */
const char         *shenbao_catalogue_get_judged_as     (ShenbaoCatalogue *self,
                                                         const char       *school_type);

const char         *shenbao_catalogue_get_condition_text   (ShenbaoCatalogue *self,
                                                            int               condition);
/* Months of work the condition needs (60, 36), or 0. */
int                 shenbao_catalogue_get_condition_months (ShenbaoCatalogue *self,
                                                            int               condition);

GPtrArray          *shenbao_catalogue_get_slots         (ShenbaoCatalogue *self);
/* By id (photo) or by name (个人照片). */
const ShenbaoSlot  *shenbao_catalogue_find_slot         (ShenbaoCatalogue *self,
                                                         const char       *id_or_name);
/* The slots the condition requires, in the guide's order (§二). */
GPtrArray          *shenbao_catalogue_get_materials     (ShenbaoCatalogue *self,
                                                         int               condition);

const char         *shenbao_catalogue_get_mailing_address (ShenbaoCatalogue *self);
const char         *shenbao_catalogue_get_mailing_contact (ShenbaoCatalogue *self);
const char         *shenbao_catalogue_get_mailing_phone   (ShenbaoCatalogue *self);
const char         *shenbao_catalogue_get_mailing_note    (ShenbaoCatalogue *self);
/* Copies of the slot's original to mail (0: not mailed). */
int                 shenbao_catalogue_get_mailing_copies  (ShenbaoCatalogue *self,
                                                           const char       *slot_id);

G_END_DECLS
