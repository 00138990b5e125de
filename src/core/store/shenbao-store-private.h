/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "shenbao-store.h"

G_BEGIN_DECLS

/* What the store's files share: the store itself, the database layer
 * (shenbao-store-db.c: statements, transactions, error mapping, opening and
 * migrations), and the writes the autosave (shenbao-store-autosave.c) and
 * the review tracker (shenbao-store-review.c) make through it. */

struct _ShenbaoStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements;  /* SQL text → prepared sqlite3_stmt */
  GHashTable *watches;     /* ShenbaoApplication → ShenbaoStoreAutosave */
  GListStore *summaries;   /* NULL until listed */
  gint64 data_version;     /* PRAGMA data_version when the list was last read */
};

/* A cached statement, reset when it goes out of scope so that it never keeps
 * a read transaction open (which would hold back WAL checkpoints). */
typedef sqlite3_stmt CachedStatement;

static inline void
reset_statement (CachedStatement *statement)
{
  sqlite3_reset (statement);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStatement, reset_statement)

/* The database layer. */
void shenbao_db_finalize_statement (gpointer statement);
void shenbao_db_set_error (ShenbaoStore  *self,
                           sqlite3       *db,
                           int            rc,
                           GError       **error);
void shenbao_db_set_not_found (gint64   id,
                               GError **error);
gboolean shenbao_db_exec (ShenbaoStore  *self,
                          const char    *sql,
                          GError       **error);
CachedStatement *shenbao_db_statement (ShenbaoStore  *self,
                                       const char    *sql,
                                       GError       **error);
gboolean shenbao_db_run (ShenbaoStore     *self,
                         CachedStatement  *stmt,
                         GError          **error);
gboolean shenbao_db_rows_done (ShenbaoStore  *self,
                               int            rc,
                               GError       **error);
void shenbao_db_bind_text (CachedStatement *stmt,
                           int              index,
                           const char      *text);
const char *shenbao_db_column_text (CachedStatement *stmt,
                                    int              index);
gboolean shenbao_db_begin (ShenbaoStore  *self,
                           GError       **error);
void shenbao_db_rollback (ShenbaoStore *self);
gboolean shenbao_db_commit (ShenbaoStore  *self,
                            GError       **error);
char *shenbao_db_now_text (void);
gboolean shenbao_db_open (ShenbaoStore  *self,
                          GError       **error);

/* Writes of parts of an application, inside a transaction the caller holds. */
gboolean shenbao_store_touch_application (ShenbaoStore  *self,
                                          gint64         id,
                                          GError       **error);
gboolean shenbao_store_write_application_field (ShenbaoStore        *self,
                                                gint64               id,
                                                ShenbaoApplication  *application,
                                                ShenbaoField         field,
                                                GError             **error);
gboolean shenbao_store_write_entry_field (ShenbaoStore      *self,
                                          ShenbaoWorkEntry  *entry,
                                          ShenbaoWorkField   field,
                                          GError           **error);
gboolean shenbao_store_write_work_entries (ShenbaoStore        *self,
                                           gint64               id,
                                           ShenbaoApplication  *application,
                                           gboolean             all_fields,
                                           GError             **error);
gboolean shenbao_store_write_attachments (ShenbaoStore        *self,
                                          gint64               id,
                                          ShenbaoApplication  *application,
                                          GError             **error);
/* Brings the listed summary of id up to date after a write. */
void     shenbao_store_refresh_summary         (ShenbaoStore        *self,
                                                gint64               id);

/* Reading what the review tracker needs too. */
gboolean shenbao_store_application_exists (ShenbaoStore  *self,
                                           gint64         id,
                                           GError       **error);
GDateTime *shenbao_store_parse_time (ShenbaoStore  *self,
                                     const char    *text,
                                     GError       **error);
gboolean shenbao_store_parse_state (ShenbaoStore        *self,
                                    const char          *text,
                                    ShenbaoReviewState  *state,
                                    GError             **error);

/* What the autosave reports, as the store's signals. */
void     shenbao_store_emit_autosave_failed    (ShenbaoStore        *self,
                                                ShenbaoApplication  *application,
                                                const GError        *error,
                                                const char          *what);
void     shenbao_store_emit_autosave_recovered (ShenbaoStore        *self,
                                                ShenbaoApplication  *application);
/* The autosave of application stopped on its own: the application is
 * being finalized. */
void     shenbao_store_forget_autosave         (ShenbaoStore        *self,
                                                ShenbaoApplication  *application);

G_END_DECLS
