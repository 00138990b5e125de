/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application.h"
#include "shenbao-catalogue.h"

G_BEGIN_DECLS

/* The candidate's answers for the blanks of the forms, keyed by the value
 * names of data/forms.rng ("name", "signature-year", "work-employer"…), as
 * the fill-in guide writes them: dates split into year, month and day
 * without leading zeros, years of work as shenbao_months_format_years()
 * writes them, of the months shenbao_month_spans_count() counts. A value that cannot be
 * worked out (a date not yet valid) is absent and its blank stays empty. */
GHashTable *shenbao_form_values_new            (ShenbaoApplication *application,
                                                ShenbaoCatalogue   *catalogue);
/* The values, with the work-* ones of the work entry at position. */
GHashTable *shenbao_form_values_for_work_entry (GHashTable         *values,
                                                ShenbaoApplication *application,
                                                guint               position);

G_END_DECLS
