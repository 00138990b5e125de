/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shenbao-date.h"
#include "shenbao-error.h"
#include "shenbao-review.h"

G_DEFINE_ENUM_TYPE (ShenbaoReviewState, shenbao_review_state,
                    G_DEFINE_ENUM_VALUE (SHENBAO_REVIEW_NOT_SUBMITTED, "not-submitted"),
                    G_DEFINE_ENUM_VALUE (SHENBAO_REVIEW_IN_REVIEW, "in-review"),
                    G_DEFINE_ENUM_VALUE (SHENBAO_REVIEW_REJECTED, "rejected"),
                    G_DEFINE_ENUM_VALUE (SHENBAO_REVIEW_APPROVED, "approved"),
                    G_DEFINE_ENUM_VALUE (SHENBAO_REVIEW_AWAITING_PAYMENT, "awaiting-payment"),
                    G_DEFINE_ENUM_VALUE (SHENBAO_REVIEW_PAID, "paid"),
                    G_DEFINE_ENUM_VALUE (SHENBAO_REVIEW_ADMISSION_TICKET, "admission-ticket"))

/* The portal's words, as the guide's screenshots show them. */
static const char *state_names[SHENBAO_N_REVIEW_STATES] = {
  [SHENBAO_REVIEW_NOT_SUBMITTED] = "未提交",
  [SHENBAO_REVIEW_IN_REVIEW] = "审核中",
  [SHENBAO_REVIEW_REJECTED] = "审核不通过",
  [SHENBAO_REVIEW_APPROVED] = "审核通过",
  [SHENBAO_REVIEW_AWAITING_PAYMENT] = "待缴费",
  [SHENBAO_REVIEW_PAID] = "已缴费",
  [SHENBAO_REVIEW_ADMISSION_TICKET] = "准考证",
};

/* The steps that may follow each state. A rejected application goes
 * back to review when the candidate resubmits it (guide step 7); every other
 * state has one way on. -1 ends a list. */
static const int next_states[SHENBAO_N_REVIEW_STATES][3] = {
  [SHENBAO_REVIEW_NOT_SUBMITTED] = { SHENBAO_REVIEW_IN_REVIEW, -1 },
  [SHENBAO_REVIEW_IN_REVIEW] = { SHENBAO_REVIEW_REJECTED, SHENBAO_REVIEW_APPROVED, -1 },
  [SHENBAO_REVIEW_REJECTED] = { SHENBAO_REVIEW_IN_REVIEW, -1 },
  [SHENBAO_REVIEW_APPROVED] = { SHENBAO_REVIEW_AWAITING_PAYMENT, -1 },
  [SHENBAO_REVIEW_AWAITING_PAYMENT] = { SHENBAO_REVIEW_PAID, -1 },
  [SHENBAO_REVIEW_PAID] = { SHENBAO_REVIEW_ADMISSION_TICKET, -1 },
  [SHENBAO_REVIEW_ADMISSION_TICKET] = { -1 },
};

const char *
shenbao_review_state_to_string (ShenbaoReviewState state)
{
  g_return_val_if_fail (state < SHENBAO_N_REVIEW_STATES, NULL);

  return state_names[state];
}

gboolean
shenbao_review_state_from_string (const char         *text,
                                  ShenbaoReviewState *state)
{
  for (int i = 0; i < SHENBAO_N_REVIEW_STATES; i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
set_illegal_transition (ShenbaoReviewState   from,
                        ShenbaoReviewState   to,
                        GError             **error)
{
  const int *next = next_states[from];

  if (next[0] < 0)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_ILLEGAL_TRANSITION,
                 _("The review cannot go from “%s” to “%s”: “%s” is its last step."),
                 state_names[from], state_names[to], state_names[from]);
  else if (next[1] < 0)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_ILLEGAL_TRANSITION,
                 _("The review cannot go from “%s” to “%s”: the next step is “%s”."),
                 state_names[from], state_names[to], state_names[next[0]]);
  else
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_ILLEGAL_TRANSITION,
                 _("The review cannot go from “%s” to “%s”: the next step is “%s” or “%s”."),
                 state_names[from], state_names[to], state_names[next[0]],
                 state_names[next[1]]);
}

gboolean
shenbao_review_check_transition (ShenbaoReviewState   from,
                                 ShenbaoReviewState   to,
                                 const char          *reason,
                                 GError             **error)
{
  gboolean allowed = FALSE;

  g_return_val_if_fail (from < SHENBAO_N_REVIEW_STATES, FALSE);
  g_return_val_if_fail (to < SHENBAO_N_REVIEW_STATES, FALSE);

  for (const int *next = next_states[from]; *next >= 0; next++)
    allowed |= *next == (int) to;
  if (!allowed)
    {
      set_illegal_transition (from, to, error);
      return FALSE;
    }
  if (to == SHENBAO_REVIEW_REJECTED && is_blank (reason))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("“%s” needs the reviewer’s reason, as the portal shows it under “查看原因”."),
                   state_names[to]);
      return FALSE;
    }
  if (to != SHENBAO_REVIEW_REJECTED && !is_blank (reason))
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("Only “%s” takes a reason."), state_names[SHENBAO_REVIEW_REJECTED]);
      return FALSE;
    }
  return TRUE;
}

gboolean
shenbao_review_check_mailing (ShenbaoReviewState   state,
                              const char          *date,
                              const char          *tracking_number,
                              GError             **error)
{
  GDate mailed, today;

  g_return_val_if_fail (state < SHENBAO_N_REVIEW_STATES, FALSE);

  if (state < SHENBAO_REVIEW_PAID)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_ILLEGAL_TRANSITION,
                   _("The originals are mailed once the review has passed and the fee is paid "
                     "(the guide’s note 7); this application is at “%s”."),
                   state_names[state]);
      return FALSE;
    }
  if (is_blank (date))
    {
      g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                           _("Give the date the originals were mailed on."));
      return FALSE;
    }
  if (!shenbao_date_parse (date, &mailed, error))
    return FALSE;
  shenbao_date_set_today (&today);
  if (g_date_compare (&mailed, &today) > 0)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                   _("The mailing date %s is in the future."), date);
      return FALSE;
    }
  if (is_blank (tracking_number))
    {
      g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
                           _("Give the parcel’s tracking number, to follow it up if it goes astray."));
      return FALSE;
    }
  return TRUE;
}

ShenbaoReviewEvent *
shenbao_review_event_new (GDateTime          *time,
                          ShenbaoReviewState  state,
                          gboolean            mailing)
{
  ShenbaoReviewEvent *event = g_new0 (ShenbaoReviewEvent, 1);

  event->time = g_date_time_ref (time);
  event->state = state;
  event->mailing = mailing;
  return event;
}

void
shenbao_review_event_free (ShenbaoReviewEvent *event)
{
  if (event == NULL)
    return;
  g_date_time_unref (event->time);
  g_free (event->reason);
  g_free (event->mailed_date);
  g_free (event->tracking_number);
  g_free (event);
}
