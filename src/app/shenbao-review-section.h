/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "shenbao.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_REVIEW_SECTION (shenbao_review_section_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoReviewSection, shenbao_review_section, SHENBAO, REVIEW_SECTION, AdwPreferencesGroup)

/* The review tracker of a stored application: its state on the portal and
 * the mailing of the originals, recorded in store (NULL when it could not
 * be opened), with the history. application NULL: none. */
void shenbao_review_section_show (ShenbaoReviewSection *self,
                                  ShenbaoStore         *store,
                                  ShenbaoApplication   *application);

G_END_DECLS
