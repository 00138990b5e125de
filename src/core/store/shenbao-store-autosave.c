/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-store-autosave"

#include "config.h"

#include "shenbao-store-autosave-private.h"
#include "shenbao-store-private.h"

struct _ShenbaoStoreAutosave
{
  GObject parent_instance;

  ShenbaoStore       *store;         /* not owned: the store owns this */
  ShenbaoApplication *application;   /* not owned; NULL once it is gone */
  GListModel         *work_entries;
  gulong              notify_handler;
  gulong              work_entry_handler;
  gulong              attachment_handler;
  gulong              items_handler;
  /* A write failed: the next change writes the whole application. */
  gboolean            dirty;
};

G_DEFINE_FINAL_TYPE (ShenbaoStoreAutosave, shenbao_store_autosave, G_TYPE_OBJECT)

typedef gboolean (*WriteChange) (ShenbaoStore        *self,
                                 gint64               id,
                                 ShenbaoApplication  *application,
                                 gconstpointer        change,
                                 GError             **error);

/* Each change in its own short transaction. After a failed one the whole
 * application is written instead, which catches up on every change made
 * since. */
static void
autosave (ShenbaoStoreAutosave *self,
          WriteChange           write_change,
          gconstpointer         change,
          const char           *what)
{
  ShenbaoStore *store = self->store;
  ShenbaoApplication *application = self->application;
  gint64 id = shenbao_application_get_id (application);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->dirty)
    ok = shenbao_store_save (store, application, &error);
  else
    {
      ok = shenbao_db_begin (store, &error);
      ok = ok && shenbao_store_touch_application (store, id, &error)
           && write_change (store, id, application, change, &error)
           && shenbao_db_commit (store, &error);
      if (!ok)
        shenbao_db_rollback (store);
      else
        shenbao_store_refresh_summary (store, id);
    }
  if (!ok)
    {
      g_debug ("Autosave of %s failed: %s", what, error->message);
      shenbao_store_emit_autosave_failed (store, application, error, what);
    }
  else if (self->dirty)
    {
      g_debug ("Autosave caught up after a failure");
      shenbao_store_emit_autosave_recovered (store, application);
    }
  self->dirty = !ok;
}

static gboolean
write_field_change (ShenbaoStore        *self,
                    gint64               id,
                    ShenbaoApplication  *application,
                    gconstpointer        change,
                    GError             **error)
{
  return shenbao_store_write_application_field (self, id, application, GPOINTER_TO_INT (change), error);
}

static void
application_notify (ShenbaoApplication *application,
                    GParamSpec         *pspec,
                    ShenbaoStoreAutosave *self)
{
  for (int i = 0; i < SHENBAO_N_FIELDS; i++)
    if (g_str_equal (pspec->name, shenbao_field_property (i)))
      {
        autosave (self, write_field_change, GINT_TO_POINTER (i), shenbao_field_name (i));
        return;
      }
}

typedef struct
{
  ShenbaoWorkEntry *entry;
  ShenbaoWorkField  field;
} EntryChange;

static gboolean
entry_is_stored (ShenbaoStore      *self,
                 gint64             id,
                 ShenbaoWorkEntry  *entry,
                 gboolean          *stored,
                 GError           **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "SELECT 1 FROM work_entry WHERE id = ?1 AND application_id = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, shenbao_work_entry_get_id (entry));
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  *stored = rc == SQLITE_ROW;
  return *stored || shenbao_db_rows_done (self, rc, error);
}

/* An entry that is not stored yet (its insert failed) is written whole, by
 * bringing the entries up to date. */
static gboolean
write_entry_change (ShenbaoStore        *self,
                    gint64               id,
                    ShenbaoApplication  *application,
                    gconstpointer        change,
                    GError             **error)
{
  const EntryChange *entry_change = change;
  gboolean stored;

  if (!entry_is_stored (self, id, entry_change->entry, &stored, error))
    return FALSE;
  if (!stored)
    return shenbao_store_write_work_entries (self, id, application, FALSE, error);
  return shenbao_store_write_entry_field (self, entry_change->entry, entry_change->field, error);
}

static void
application_work_entry_changed (ShenbaoApplication *application,
                                ShenbaoWorkEntry   *entry,
                                const char         *property,
                                ShenbaoStoreAutosave *self)
{
  EntryChange change = { entry, 0 };

  if (shenbao_work_field_from_name (property, &change.field))
    autosave (self, write_entry_change, &change, "work");
}

static gboolean
write_entries_change (ShenbaoStore        *self,
                      gint64               id,
                      ShenbaoApplication  *application,
                      gconstpointer        change,
                      GError             **error)
{
  return shenbao_store_write_work_entries (self, id, application, FALSE, error);
}

static void
work_entries_changed (GListModel *work_entries,
                      guint       position,
                      guint       removed,
                      guint       added,
                      ShenbaoStoreAutosave *self)
{
  autosave (self, write_entries_change, NULL, "work");
}

static gboolean
write_attachments_change (ShenbaoStore        *self,
                          gint64               id,
                          ShenbaoApplication  *application,
                          gconstpointer        change,
                          GError             **error)
{
  return shenbao_store_write_attachments (self, id, application, error);
}

static void
application_attachment_changed (ShenbaoApplication *application,
                                const char         *slot,
                                ShenbaoStoreAutosave *self)
{
  autosave (self, write_attachments_change, NULL, "attachments");
}

/* The application is being finalized: its own handlers go with it. */
static void
application_gone (gpointer  data,
                  GObject  *where_the_object_was)
{
  ShenbaoStoreAutosave *self = data;

  self->application = NULL;
  shenbao_store_forget_autosave (self->store, (ShenbaoApplication *) where_the_object_was);
}

ShenbaoStoreAutosave *
shenbao_store_autosave_new (ShenbaoStore       *store,
                            ShenbaoApplication *application)
{
  ShenbaoStoreAutosave *self = g_object_new (SHENBAO_TYPE_STORE_AUTOSAVE, NULL);

  self->store = store;
  self->application = application;
  self->work_entries = g_object_ref (shenbao_application_get_work_entries (application));
  self->notify_handler =
    g_signal_connect (application, "notify", G_CALLBACK (application_notify), self);
  self->work_entry_handler =
    g_signal_connect (application, "work-entry-changed",
                      G_CALLBACK (application_work_entry_changed), self);
  self->attachment_handler =
    g_signal_connect (application, "attachment-changed",
                      G_CALLBACK (application_attachment_changed), self);
  self->items_handler =
    g_signal_connect (self->work_entries, "items-changed", G_CALLBACK (work_entries_changed), self);
  g_object_weak_ref (G_OBJECT (application), application_gone, self);
  return self;
}

static void
shenbao_store_autosave_dispose (GObject *object)
{
  ShenbaoStoreAutosave *self = SHENBAO_STORE_AUTOSAVE (object);

  if (self->application != NULL)
    {
      g_signal_handler_disconnect (self->application, self->notify_handler);
      g_signal_handler_disconnect (self->application, self->work_entry_handler);
      g_signal_handler_disconnect (self->application, self->attachment_handler);
      g_object_weak_unref (G_OBJECT (self->application), application_gone, self);
      self->application = NULL;
    }
  /* The list outlives its application: a change of it must not reach a
   * watcher that is gone. */
  if (self->work_entries != NULL)
    {
      g_signal_handler_disconnect (self->work_entries, self->items_handler);
      g_clear_object (&self->work_entries);
    }
  G_OBJECT_CLASS (shenbao_store_autosave_parent_class)->dispose (object);
}

static void
shenbao_store_autosave_class_init (ShenbaoStoreAutosaveClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shenbao_store_autosave_dispose;
}

static void
shenbao_store_autosave_init (ShenbaoStoreAutosave *self)
{
}
