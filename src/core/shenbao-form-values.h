/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shenbao-application.h"
#include "shenbao-catalogue.h"

G_BEGIN_DECLS

/* The candidate's answers for the blanks of the forms, keyed by the value
 * names of data/forms.rng ("name", "signature-year", "work-employer"…), as
 * the fill-in guide writes them: dates split into year, month and day
 * without leading zeros, years of work to one decimal, rounded down so that
 * a commitment never claims more than was worked. A value that cannot be
 * worked out (a date not yet valid) is absent and its blank stays empty. */
GHashTable *shenbao_form_values_new            (ShenbaoApplication *application,
                                                ShenbaoCatalogue   *catalogue);
/* The values, with the work-* ones of the work entry at position. */
GHashTable *shenbao_form_values_for_work_entry (GHashTable         *values,
                                                ShenbaoApplication *application,
                                                guint               position);
/* "8.6" for 104 months, "5" for 60 and 61. */
char       *shenbao_form_values_format_years   (int                 months);

G_END_DECLS
