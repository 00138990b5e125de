/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-store-review"

#include "config.h"

#include "shenbao-store-private.h"

/* The review tracker. */

static GPtrArray *
read_review_history (ShenbaoStore  *self,
                     gint64         id,
                     GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self,
                          "SELECT time, state, reason, mailed_date, tracking_number FROM review_event"
                          " WHERE application_id = ?1 ORDER BY id",
                          error);
  g_autoptr(GPtrArray) history =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_review_event_free);
  int rc;
  ShenbaoReviewState state = SHENBAO_REVIEW_NOT_SUBMITTED;

  if (stmt == NULL || !shenbao_store_application_exists (self, id, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) time = shenbao_store_parse_time (self, shenbao_db_column_text (stmt, 0), error);
      gboolean mailing = g_strcmp0 (shenbao_db_column_text (stmt, 1), SHENBAO_REVIEW_MAILED) == 0;
      ShenbaoReviewEvent *event;

      if (time == NULL || (!mailing && !shenbao_store_parse_state (self, shenbao_db_column_text (stmt, 1), &state, error)))
        return NULL;
      event = shenbao_review_event_new (time, state, mailing);
      event->reason = g_strdup (shenbao_db_column_text (stmt, 2));
      event->mailed_date = g_strdup (shenbao_db_column_text (stmt, 3));
      event->tracking_number = g_strdup (shenbao_db_column_text (stmt, 4));
      g_ptr_array_add (history, event);
    }
  if (!shenbao_db_rows_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&history);
}

GPtrArray *
shenbao_store_get_review_history (ShenbaoStore  *self,
                                  gint64         id,
                                  GError       **error)
{
  g_return_val_if_fail (SHENBAO_IS_STORE (self), NULL);

  return read_review_history (self, id, error);
}

static ShenbaoReviewState
last_state (GPtrArray *history)
{
  const ShenbaoReviewEvent *last;

  if (history->len == 0)
    return SHENBAO_REVIEW_NOT_SUBMITTED;
  last = g_ptr_array_index (history, history->len - 1);
  return last->state;
}

static gboolean
insert_review_event (ShenbaoStore  *self,
                     gint64         id,
                     const char    *state,
                     const char    *reason,
                     const char    *mailed_date,
                     const char    *tracking_number,
                     GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self,
                          "INSERT INTO review_event (application_id, time, state, reason, mailed_date,"
                          " tracking_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          error);
  g_autofree char *now = shenbao_db_now_text ();
  g_autofree char *stripped_reason = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
  g_autofree char *stripped_number =
    tracking_number != NULL ? g_strstrip (g_strdup (tracking_number)) : NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  shenbao_db_bind_text (stmt, 2, now);
  shenbao_db_bind_text (stmt, 3, state);
  shenbao_db_bind_text (stmt, 4, stripped_reason);
  shenbao_db_bind_text (stmt, 5, mailed_date);
  shenbao_db_bind_text (stmt, 6, stripped_number);
  return shenbao_db_run (self, stmt, error) && shenbao_store_touch_application (self, id, error);
}

/* A state (state, reason) or, with mailing, a mailing (date, number). The
 * current state is read inside the write transaction, so that two programs
 * moving the tracker at once cannot both make the same move. */
static gboolean
record_review_event (ShenbaoStore        *self,
                     gint64               id,
                     gboolean             mailing,
                     ShenbaoReviewState   state,
                     const char          *reason,
                     const char          *date,
                     const char          *tracking_number,
                     GError             **error)
{
  g_autoptr(GPtrArray) history = NULL;
  ShenbaoReviewState current;

  if (!shenbao_db_begin (self, error))
    return FALSE;
  history = read_review_history (self, id, error);
  if (history == NULL)
    {
      shenbao_db_rollback (self);
      return FALSE;
    }
  current = last_state (history);
  if (!(mailing ? shenbao_review_check_mailing (current, date, tracking_number, error)
                : shenbao_review_check_transition (current, state, reason, error))
      || !insert_review_event (self, id,
                               mailing ? SHENBAO_REVIEW_MAILED
                                       : shenbao_review_state_to_string (state),
                               state == SHENBAO_REVIEW_REJECTED ? reason : NULL,
                               date, tracking_number, error)
      || !shenbao_db_commit (self, error))
    {
      shenbao_db_rollback (self);
      return FALSE;
    }
  shenbao_store_refresh_summary (self, id);
  return TRUE;
}

gboolean
shenbao_store_set_review_state (ShenbaoStore        *self,
                                gint64               id,
                                ShenbaoReviewState   state,
                                const char          *reason,
                                GError             **error)
{
  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);
  g_return_val_if_fail (state < SHENBAO_N_REVIEW_STATES, FALSE);

  return record_review_event (self, id, FALSE, state, reason, NULL, NULL, error);
}

gboolean
shenbao_store_add_mailing (ShenbaoStore  *self,
                           gint64         id,
                           const char    *date,
                           const char    *tracking_number,
                           GError       **error)
{
  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);

  return record_review_event (self, id, TRUE, SHENBAO_N_REVIEW_STATES, NULL, date,
                              tracking_number, error);
}
