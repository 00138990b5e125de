/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "shenbao-review.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_APPLICATION_SUMMARY (shenbao_application_summary_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoApplicationSummary, shenbao_application_summary,
                      SHENBAO, APPLICATION_SUMMARY, GObject)

/* What the list of stored applications shows of one, without loading it. The
 * store keeps it current: its properties notify when the application changes. */
gint64              shenbao_application_summary_get_id           (ShenbaoApplicationSummary *self);
const char         *shenbao_application_summary_get_name         (ShenbaoApplicationSummary *self);
const char         *shenbao_application_summary_get_occupation   (ShenbaoApplicationSummary *self);
const char         *shenbao_application_summary_get_condition    (ShenbaoApplicationSummary *self);
ShenbaoReviewState  shenbao_application_summary_get_review_state (ShenbaoApplicationSummary *self);
GDateTime          *shenbao_application_summary_get_updated      (ShenbaoApplicationSummary *self);

G_END_DECLS
