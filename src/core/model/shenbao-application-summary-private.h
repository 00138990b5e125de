/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application-summary.h"

G_BEGIN_DECLS

/* Only the store makes and refreshes summaries. */
ShenbaoApplicationSummary *shenbao_application_summary_new    (gint64                     id);
void                       shenbao_application_summary_update (ShenbaoApplicationSummary *self,
                                                               const char                *name,
                                                               const char                *occupation,
                                                               const char                *condition,
                                                               ShenbaoReviewState         review_state,
                                                               GDateTime                 *updated);

G_END_DECLS
