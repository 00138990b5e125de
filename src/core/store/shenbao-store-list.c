/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-store-list"

#include "config.h"

#include "shenbao-application-summary-private.h"
#include "shenbao-store-private.h"

/* The list of stored applications, kept current as the store writes and
 * brought up to date with what other processes wrote. */

/* Summaries. */

/* The name, occupation and condition fields, and the last state that was not
 * a mailing. */
#define SUMMARY_SELECT \
  "SELECT a.id, a.updated," \
  "  (SELECT value FROM field WHERE application_id = a.id AND name = ?1)," \
  "  (SELECT value FROM field WHERE application_id = a.id AND name = ?2)," \
  "  (SELECT value FROM field WHERE application_id = a.id AND name = ?3)," \
  "  (SELECT state FROM review_event WHERE application_id = a.id AND state != ?4" \
  "   ORDER BY id DESC LIMIT 1)" \
  " FROM application a"

static void
bind_summary_parameters (CachedStatement *stmt)
{
  shenbao_db_bind_text (stmt, 1, shenbao_field_name (SHENBAO_FIELD_PERSON_NAME));
  shenbao_db_bind_text (stmt, 2, shenbao_field_name (SHENBAO_FIELD_OCCUPATION));
  shenbao_db_bind_text (stmt, 3, shenbao_field_name (SHENBAO_FIELD_CONDITION));
  shenbao_db_bind_text (stmt, 4, SHENBAO_REVIEW_MAILED);
}

gboolean
shenbao_store_parse_state (ShenbaoStore        *self,
                           const char          *text,
                           ShenbaoReviewState  *state,
                           GError             **error)
{
  if (text == NULL)
    {
      *state = SHENBAO_REVIEW_NOT_SUBMITTED;
      return TRUE;
    }
  if (shenbao_review_state_from_string (text, state))
    return TRUE;
  shenbao_db_set_error (self, NULL, SQLITE_CORRUPT, error);
  return FALSE;
}

GDateTime *
shenbao_store_parse_time (ShenbaoStore  *self,
                          const char    *text,
                          GError       **error)
{
  GDateTime *time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  if (time == NULL)
    shenbao_db_set_error (self, NULL, SQLITE_CORRUPT, error);
  return time;
}

/* Fills a summary from a row of SUMMARY_SELECT. */
static gboolean
update_summary (ShenbaoStore               *self,
                ShenbaoApplicationSummary  *summary,
                CachedStatement            *stmt,
                GError                    **error)
{
  g_autoptr(GDateTime) updated = shenbao_store_parse_time (self, shenbao_db_column_text (stmt, 1), error);
  ShenbaoReviewState state;

  if (updated == NULL || !shenbao_store_parse_state (self, shenbao_db_column_text (stmt, 5), &state, error))
    return FALSE;
  shenbao_application_summary_update (summary, shenbao_db_column_text (stmt, 2), shenbao_db_column_text (stmt, 3),
                                      shenbao_db_column_text (stmt, 4), state, updated);
  return TRUE;
}

/* SQLite's count of commits by other connections: it changes when another
 * process (shenbao-cli import, a second window's process) wrote. */
static gboolean
read_data_version (ShenbaoStore  *self,
                   gint64        *version,
                   GError       **error)
{
  g_autoptr(CachedStatement) stmt = shenbao_db_statement (self, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return shenbao_db_rows_done (self, rc, error);
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
load_summaries (ShenbaoStore  *self,
                GError       **error)
{
  g_autoptr(CachedStatement) stmt = shenbao_db_statement (self, SUMMARY_SELECT " ORDER BY a.id", error);
  g_autoptr(GListStore) summaries = g_list_store_new (SHENBAO_TYPE_APPLICATION_SUMMARY);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_summary_parameters (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ShenbaoApplicationSummary) summary =
        shenbao_application_summary_new (sqlite3_column_int64 (stmt, 0));

      if (!update_summary (self, summary, stmt, error))
        return FALSE;
      g_list_store_append (summaries, summary);
    }
  if (!shenbao_db_rows_done (self, rc, error))
    return FALSE;
  self->summaries = g_steal_pointer (&summaries);
  return read_data_version (self, &self->data_version, error);
}

GListModel *
shenbao_store_list (ShenbaoStore  *self,
                    GError       **error)
{
  g_return_val_if_fail (SHENBAO_IS_STORE (self), NULL);

  if (self->summaries == NULL && !load_summaries (self, error))
    return NULL;
  return g_object_ref (G_LIST_MODEL (self->summaries));
}

/* The position of the summary of id, or of where it belongs (the list is in
 * the order of the ids). */
static gboolean
find_summary (ShenbaoStore *self,
              gint64        id,
              guint        *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShenbaoApplicationSummary) summary =
        g_list_model_get_item (G_LIST_MODEL (self->summaries), i);
      gint64 summary_id = shenbao_application_summary_get_id (summary);

      *position = i;
      if (summary_id >= id)
        return summary_id == id;
    }
  *position = n;
  return FALSE;
}

/* Reads the summary of id into summary; FALSE when the application is gone
 * (then with gone set) or its row cannot be read. */
static gboolean
read_summary (ShenbaoStore              *self,
              gint64                     id,
              ShenbaoApplicationSummary *summary,
              gboolean                  *gone)
{
  g_autoptr(CachedStatement) stmt = shenbao_db_statement (self, SUMMARY_SELECT " WHERE a.id = ?5", NULL);
  int rc;

  *gone = FALSE;
  if (stmt == NULL)
    return FALSE;
  bind_summary_parameters (stmt);
  sqlite3_bind_int64 (stmt, 5, id);
  rc = sqlite3_step (stmt);
  *gone = rc == SQLITE_DONE;
  return rc == SQLITE_ROW && update_summary (self, summary, stmt, NULL);
}

/* After a committed write. The write stands even when the summary cannot be
 * read back; the list then shows the old one until the next write. The
 * summary notifies, and the list changes, only once the query is done: their
 * handlers may use the store. */
void
shenbao_store_refresh_summary (ShenbaoStore *self,
                               gint64        id)
{
  g_autoptr(ShenbaoApplicationSummary) summary = NULL;
  guint position;
  gboolean listed, found, gone;

  if (self->summaries == NULL)
    return;
  listed = find_summary (self, id, &position);
  summary = listed ? g_list_model_get_item (G_LIST_MODEL (self->summaries), position)
                   : shenbao_application_summary_new (id);
  g_object_freeze_notify (G_OBJECT (summary));
  found = read_summary (self, id, summary, &gone);
  g_object_thaw_notify (G_OBJECT (summary));
  if (listed && gone)
    g_list_store_remove (self->summaries, position);
  else if (!listed && found)
    g_list_store_insert (self->summaries, position, summary);
}

/* —— changes made by other processes —— */

static GHashTable *
read_ids (ShenbaoStore  *self,
          GError       **error)
{
  g_autoptr(CachedStatement) stmt = shenbao_db_statement (self, "SELECT id FROM application", error);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  if (!shenbao_db_rows_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
shenbao_store_refresh (ShenbaoStore  *self,
                       GError       **error)
{
  g_autoptr(GHashTable) ids = NULL;
  GHashTableIter iter;
  gpointer id;
  gint64 version;
  guint n;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);

  if (self->summaries == NULL)
    return TRUE;
  if (!read_data_version (self, &version, error))
    return FALSE;
  if (version == self->data_version)
    return TRUE;
  ids = read_ids (self, error);
  if (ids == NULL)
    return FALSE;
  self->data_version = version;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(ShenbaoApplicationSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->summaries), i);
      gint64 summary_id = shenbao_application_summary_get_id (summary);

      if (!g_hash_table_contains (ids, &summary_id))
        g_list_store_remove (self->summaries, i);
    }
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    shenbao_store_refresh_summary (self, *(gint64 *) id);
  return TRUE;
}
