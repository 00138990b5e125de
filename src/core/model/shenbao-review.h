/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The portal's review states (guide §三, steps 7–9), in the order an
 * application passes through them. Their names are the portal's Chinese
 * words, in the store and on the command line alike. */
typedef enum
{
  SHENBAO_REVIEW_NOT_SUBMITTED,     /* 未提交 */
  SHENBAO_REVIEW_IN_REVIEW,         /* 审核中 */
  SHENBAO_REVIEW_REJECTED,          /* 审核不通过 */
  SHENBAO_REVIEW_APPROVED,          /* 审核通过 */
  SHENBAO_REVIEW_AWAITING_PAYMENT,  /* 待缴费 */
  SHENBAO_REVIEW_PAID,              /* 已缴费 */
  SHENBAO_REVIEW_ADMISSION_TICKET,  /* 准考证 */
  SHENBAO_N_REVIEW_STATES,
} ShenbaoReviewState;

/* Posting the paper originals is recorded beside the states, not as one: the
 * review goes on while the parcel travels. */
#define SHENBAO_REVIEW_MAILED "材料已邮寄"

#define SHENBAO_TYPE_REVIEW_STATE (shenbao_review_state_get_type ())
GType        shenbao_review_state_get_type    (void) G_GNUC_CONST;

const char  *shenbao_review_state_to_string   (ShenbaoReviewState  state);
gboolean     shenbao_review_state_from_string (const char         *text,
                                               ShenbaoReviewState *state);

/* Refuses, with a message naming the allowed next steps, a move the portal
 * cannot make; a rejection needs the reviewer's reason and only it takes one. */
gboolean     shenbao_review_check_transition  (ShenbaoReviewState  from,
                                               ShenbaoReviewState  to,
                                               const char         *reason,
                                               GError            **error);
/* The guide's note 7: the originals go out once the review has passed and the
 * fee is paid. date is YYYY-MM-DD, not after today. */
gboolean     shenbao_review_check_mailing     (ShenbaoReviewState  state,
                                               const char         *date,
                                               const char         *tracking_number,
                                               GError            **error);

/* One change of the tracker, as the store keeps it: a new state (with the
 * reason of a rejection), or a mailing (state then is the unchanged state). */
typedef struct
{
  GDateTime          *time;
  ShenbaoReviewState  state;
  gboolean            mailing;
  char               *reason;
  char               *mailed_date;
  char               *tracking_number;
} ShenbaoReviewEvent;

ShenbaoReviewEvent *shenbao_review_event_new  (GDateTime          *time,
                                               ShenbaoReviewState  state,
                                               gboolean            mailing);
void                shenbao_review_event_free (ShenbaoReviewEvent *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShenbaoReviewEvent, shenbao_review_event_free)

G_END_DECLS
