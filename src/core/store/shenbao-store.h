/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "shenbao-application.h"
#include "shenbao-review.h"

G_BEGIN_DECLS

#define SHENBAO_TYPE_STORE (shenbao_store_get_type ())

G_DECLARE_FINAL_TYPE (ShenbaoStore, shenbao_store, SHENBAO, STORE, GObject)

/* The stored applications: one SQLite database, created with mode
 * 0600 in a 0700 folder, every edit in its own transaction. A store belongs to
 * the thread that opened it. Failures carry SHENBAO_ERROR_STORE (locked,
 * read-only, full, foreign, newer), _CORRUPT (damaged), _IO or _NOT_FOUND; a
 * database the store cannot use is left exactly as it was. */

/* $SHENBAO_DB when set, else shenbao.db in shenbao_user_data_dir(). */
char               *shenbao_store_default_path       (void);
/* path NULL: the default path. */
ShenbaoStore       *shenbao_store_new                (const char          *path,
                                                      GError             **error);
const char         *shenbao_store_get_path           (ShenbaoStore        *self);

/* The applications as ShenbaoApplicationSummary items, oldest first, kept
 * current as the store writes (a new reference to the store's own model). */
GListModel         *shenbao_store_list               (ShenbaoStore        *self,
                                                      GError             **error);
ShenbaoApplication *shenbao_store_load               (ShenbaoStore        *self,
                                                      gint64               id,
                                                      GError             **error);
/* Writes the whole application in one transaction; one without an id (0) is
 * added and given one. */
gboolean            shenbao_store_save               (ShenbaoStore        *self,
                                                      ShenbaoApplication  *application,
                                                      GError             **error);
gboolean            shenbao_store_delete             (ShenbaoStore        *self,
                                                      gint64               id,
                                                      GError             **error);
/* A new application with the same content and no review history; returns
 * its id, or 0 on failure. */
gint64              shenbao_store_duplicate          (ShenbaoStore        *self,
                                                      gint64               id,
                                                      GError             **error);

/* Autosave: from now on every change of the application (a field, a work
 * entry added, removed, moved or edited, an attachment) is written at once, in
 * its own transaction. Saves the application first when it has no id yet. A
 * failed write emits ::autosave-failed and the next change writes the whole
 * application, so nothing typed in between is lost; when that succeeds,
 * ::autosave-recovered says the application is saved again. Stops on
 * shenbao_store_unwatch() or when the application is finalized. */
gboolean            shenbao_store_watch              (ShenbaoStore        *self,
                                                      ShenbaoApplication  *application,
                                                      GError             **error);
void                shenbao_store_unwatch            (ShenbaoStore        *self,
                                                      ShenbaoApplication  *application);

/* The review tracker: the history oldest first, as
 * ShenbaoReviewEvent; its last event holds the current state (未提交 when
 * empty). Illegal moves fail with SHENBAO_ERROR_ILLEGAL_TRANSITION. */
GPtrArray          *shenbao_store_get_review_history (ShenbaoStore        *self,
                                                      gint64               id,
                                                      GError             **error);
gboolean            shenbao_store_set_review_state   (ShenbaoStore        *self,
                                                      gint64               id,
                                                      ShenbaoReviewState   state,
                                                      const char          *reason,
                                                      GError             **error);
gboolean            shenbao_store_add_mailing        (ShenbaoStore        *self,
                                                      gint64               id,
                                                      const char          *date,
                                                      const char          *tracking_number,
                                                      GError             **error);

/* Application files (data/application.rng) with their attachments beside them. Import
 * returns the new id, or 0 on failure. */
gint64              shenbao_store_import             (ShenbaoStore        *self,
                                                      const char          *path,
                                                      GError             **error);
gboolean            shenbao_store_export             (ShenbaoStore        *self,
                                                      gint64               id,
                                                      const char          *path,
                                                      GError             **error);

/* Brings the list up to date with what other processes wrote since it was
 * last read (applications added, changed or deleted); cheap when nothing
 * changed. */
gboolean            shenbao_store_refresh            (ShenbaoStore        *self,
                                                      GError             **error);

G_END_DECLS
