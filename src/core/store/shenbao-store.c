/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "shenbao-application-file.h"
#include "shenbao-error.h"
#include "shenbao-paths.h"
#include "shenbao-store-autosave-private.h"
#include "shenbao-store-private.h"

/* The store's public face: opening, saving, loading, deleting, importing
 * and exporting whole applications, and the watching that autosaves. The
 * database layer is in shenbao-store-db.c, the list of applications in
 * shenbao-store-list.c, each watcher in shenbao-store-autosave.c and the
 * review tracker in shenbao-store-review.c. */

G_DEFINE_FINAL_TYPE (ShenbaoStore, shenbao_store, G_TYPE_OBJECT)

enum
{
  SIGNAL_AUTOSAVE_FAILED,
  SIGNAL_AUTOSAVE_RECOVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
shenbao_store_default_path (void)
{
  const char *path = g_getenv ("SHENBAO_DB");
  g_autofree char *folder = NULL;

  if (path != NULL && *path != '\0')
    return g_strdup (path);
  folder = shenbao_user_data_dir ();
  return g_build_filename (folder, "shenbao.db", NULL);
}

ShenbaoStore *
shenbao_store_new (const char  *path,
                   GError     **error)
{
  g_autoptr(ShenbaoStore) self = g_object_new (SHENBAO_TYPE_STORE, NULL);

  self->path = path != NULL ? g_strdup (path) : shenbao_store_default_path ();
  if (!shenbao_db_open (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
shenbao_store_get_path (ShenbaoStore *self)
{
  g_return_val_if_fail (SHENBAO_IS_STORE (self), NULL);

  return self->path;
}

/* Writing. */

/* Marks the application changed; fails when it is not (or no longer) there. */
gboolean
shenbao_store_touch_application (ShenbaoStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "UPDATE application SET updated = ?1 WHERE id = ?2", error);
  g_autofree char *now = shenbao_db_now_text ();

  if (stmt == NULL)
    return FALSE;
  shenbao_db_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!shenbao_db_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      shenbao_db_set_not_found (id, error);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_application (ShenbaoStore  *self,
                    GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "INSERT INTO application (created, updated) VALUES (?1, ?1)", error);
  g_autofree char *now = shenbao_db_now_text ();

  if (stmt == NULL)
    return 0;
  shenbao_db_bind_text (stmt, 1, now);
  if (!shenbao_db_run (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/* A field as a key/value row; an empty field has none. Rows of names this
 * version does not know (written by a newer one) are left alone. */
typedef struct
{
  const char *upsert;
  const char *delete;
} FieldTable;

static const FieldTable application_fields = {
  "INSERT INTO field (application_id, name, value) VALUES (?1, ?2, ?3)"
  " ON CONFLICT (application_id, name) DO UPDATE SET value = excluded.value"
  " WHERE value IS NOT excluded.value",
  "DELETE FROM field WHERE application_id = ?1 AND name = ?2",
};

static const FieldTable work_entry_fields = {
  "INSERT INTO work_entry_field (work_entry_id, name, value) VALUES (?1, ?2, ?3)"
  " ON CONFLICT (work_entry_id, name) DO UPDATE SET value = excluded.value"
  " WHERE value IS NOT excluded.value",
  "DELETE FROM work_entry_field WHERE work_entry_id = ?1 AND name = ?2",
};

static gboolean
write_field (ShenbaoStore      *self,
             const FieldTable  *table,
             gint64             owner,
             const char        *name,
             const char        *value,
             GError           **error)
{
  gboolean empty = value == NULL || *value == '\0';
  g_autoptr(CachedStatement) stmt = shenbao_db_statement (self, empty ? table->delete : table->upsert, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner);
  shenbao_db_bind_text (stmt, 2, name);
  if (!empty)
    shenbao_db_bind_text (stmt, 3, value);
  return shenbao_db_run (self, stmt, error);
}

gboolean
shenbao_store_write_application_field (ShenbaoStore        *self,
                                       gint64               id,
                                       ShenbaoApplication  *application,
                                       ShenbaoField         field,
                                       GError             **error)
{
  return write_field (self, &application_fields, id, shenbao_field_name (field),
                      shenbao_application_get (application, field), error);
}

gboolean
shenbao_store_write_entry_field (ShenbaoStore      *self,
                                 ShenbaoWorkEntry  *entry,
                                 ShenbaoWorkField   field,
                                 GError           **error)
{
  return write_field (self, &work_entry_fields, shenbao_work_entry_get_id (entry),
                      shenbao_work_field_name (field), shenbao_work_entry_get (entry, field),
                      error);
}

static gboolean
write_entry_fields (ShenbaoStore      *self,
                    ShenbaoWorkEntry  *entry,
                    GError           **error)
{
  for (int i = 0; i < SHENBAO_N_WORK_FIELDS; i++)
    if (!shenbao_store_write_entry_field (self, entry, i, error))
      return FALSE;
  return TRUE;
}

static GArray *
stored_entry_ids (ShenbaoStore  *self,
                  gint64         id,
                  GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "SELECT id FROM work_entry WHERE application_id = ?1", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 entry_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, entry_id);
    }
  if (!shenbao_db_rows_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
insert_entry (ShenbaoStore      *self,
              gint64             id,
              guint              position,
              ShenbaoWorkEntry  *entry,
              GError           **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "INSERT INTO work_entry (application_id, position) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, position);
  if (!shenbao_db_run (self, stmt, error))
    return FALSE;
  shenbao_work_entry_set_id (entry, sqlite3_last_insert_rowid (self->db));
  return write_entry_fields (self, entry, error);
}

static gboolean
move_entry (ShenbaoStore  *self,
            gint64         entry_id,
            guint          position,
            GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "UPDATE work_entry SET position = ?2 WHERE id = ?1 AND position IS NOT ?2",
                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int (stmt, 2, position);
  return shenbao_db_run (self, stmt, error);
}

static gboolean
delete_entry (ShenbaoStore  *self,
              gint64         entry_id,
              GError       **error)
{
  g_autoptr(CachedStatement) stmt = shenbao_db_statement (self, "DELETE FROM work_entry WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  return shenbao_db_run (self, stmt, error);
}

static gboolean
take_stored_id (GArray *ids,
                gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (id != 0 && g_array_index (ids, gint64, i) == id)
      {
        g_array_index (ids, gint64, i) = 0;
        return TRUE;
      }
  return FALSE;
}

/* Makes the stored work entries those of the model, in its order: new ones
 * (no id, or an id that is not this application's, e.g. after a write that
 * was rolled back) are inserted with their fields, gone ones deleted. With
 * all_fields, the fields of the entries already stored are written too. */
gboolean
shenbao_store_write_work_entries (ShenbaoStore        *self,
                                  gint64               id,
                                  ShenbaoApplication  *application,
                                  gboolean             all_fields,
                                  GError             **error)
{
  g_autoptr(GArray) stored = stored_entry_ids (self, id, error);
  guint n_entries = shenbao_application_get_n_work_entries (application);

  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(ShenbaoWorkEntry) entry = shenbao_application_get_work_entry (application, i);
      gint64 entry_id = shenbao_work_entry_get_id (entry);

      if (!take_stored_id (stored, entry_id))
        {
          if (!insert_entry (self, id, i, entry, error))
            return FALSE;
        }
      else if (!move_entry (self, entry_id, i, error)
               || (all_fields && !write_entry_fields (self, entry, error)))
        return FALSE;
    }
  for (guint i = 0; i < stored->len; i++)
    if (g_array_index (stored, gint64, i) != 0
        && !delete_entry (self, g_array_index (stored, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Writes only what differs (comparing the bytes is cheaper than writing and
 * syncing them again). */
static gboolean
write_attachment (ShenbaoStore             *self,
                  gint64                    id,
                  guint                     position,
                  const ShenbaoAttachment  *attachment,
                  GError                  **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self,
                          "INSERT INTO attachment (application_id, slot, position, filename, data)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)"
                          " ON CONFLICT (application_id, slot) DO UPDATE SET position = excluded.position,"
                          "   filename = excluded.filename, data = excluded.data"
                          " WHERE position IS NOT excluded.position OR filename IS NOT excluded.filename"
                          "   OR data IS NOT excluded.data",
                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  shenbao_db_bind_text (stmt, 2, attachment->slot);
  sqlite3_bind_int (stmt, 3, position);
  shenbao_db_bind_text (stmt, 4, attachment->filename);
  if (attachment->data != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (attachment->data, &size);

      /* The bytes outlive the statement's use: it is reset before return. */
      sqlite3_bind_blob64 (stmt, 5, size > 0 ? data : "", size, SQLITE_STATIC);
    }
  return shenbao_db_run (self, stmt, error);
}

static gboolean
delete_attachment (ShenbaoStore  *self,
                   gint64         id,
                   const char    *slot,
                   GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "DELETE FROM attachment WHERE application_id = ?1 AND slot = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  shenbao_db_bind_text (stmt, 2, slot);
  return shenbao_db_run (self, stmt, error);
}

static GPtrArray *
stored_slots (ShenbaoStore  *self,
              gint64         id,
              GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "SELECT slot FROM attachment WHERE application_id = ?1", error);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (slots, g_strdup (shenbao_db_column_text (stmt, 0)));
  if (!shenbao_db_rows_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&slots);
}

/* Makes the stored attachments those of the application, in its order. */
gboolean
shenbao_store_write_attachments (ShenbaoStore        *self,
                                 gint64               id,
                                 ShenbaoApplication  *application,
                                 GError             **error)
{
  GPtrArray *attachments = shenbao_application_get_attachments (application);
  g_autoptr(GPtrArray) slots = stored_slots (self, id, error);

  if (slots == NULL)
    return FALSE;
  for (guint i = 0; i < attachments->len; i++)
    if (!write_attachment (self, id, i, g_ptr_array_index (attachments, i), error))
      return FALSE;
  for (guint i = 0; i < slots->len; i++)
    {
      const char *slot = g_ptr_array_index (slots, i);

      if (shenbao_application_get_attachment (application, slot) == NULL
          && !delete_attachment (self, id, slot, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_application (ShenbaoStore        *self,
                   gint64               id,
                   ShenbaoApplication  *application,
                   GError             **error)
{
  for (int i = 0; i < SHENBAO_N_FIELDS; i++)
    if (!shenbao_store_write_application_field (self, id, application, i, error))
      return FALSE;
  return shenbao_store_write_work_entries (self, id, application, TRUE, error)
         && shenbao_store_write_attachments (self, id, application, error);
}

gboolean
shenbao_store_save (ShenbaoStore        *self,
                    ShenbaoApplication  *application,
                    GError             **error)
{
  gint64 id;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (application), FALSE);

  if (!shenbao_db_begin (self, error))
    return FALSE;
  id = shenbao_application_get_id (application);
  if (id == 0)
    id = insert_application (self, error);
  else if (!shenbao_store_touch_application (self, id, error))
    id = 0;
  if (id == 0 || !write_application (self, id, application, error) || !shenbao_db_commit (self, error))
    {
      shenbao_db_rollback (self);
      return FALSE;
    }
  /* Only now: a rolled-back insert must leave the application unsaved. */
  shenbao_application_set_id (application, id);
  shenbao_store_refresh_summary (self, id);
  return TRUE;
}

/* Reading. */

static gboolean
load_fields (ShenbaoStore        *self,
             gint64               id,
             ShenbaoApplication  *application,
             GError             **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "SELECT name, value FROM field WHERE application_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShenbaoField field;

      if (shenbao_field_from_name (shenbao_db_column_text (stmt, 0), &field))
        shenbao_application_set (application, field, shenbao_db_column_text (stmt, 1));
    }
  if (!shenbao_db_rows_done (self, rc, error))
    return FALSE;
  return TRUE;
}

static gboolean
load_work_entries (ShenbaoStore        *self,
                   gint64               id,
                   ShenbaoApplication  *application,
                   GError             **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self,
                          "SELECT e.id, f.name, f.value FROM work_entry e"
                          " LEFT JOIN work_entry_field f ON f.work_entry_id = e.id"
                          " WHERE e.application_id = ?1 ORDER BY e.position, e.id",
                          error);
  int rc;
  g_autoptr(ShenbaoWorkEntry) entry = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 entry_id = sqlite3_column_int64 (stmt, 0);
      ShenbaoWorkField field;

      if (entry == NULL || shenbao_work_entry_get_id (entry) != entry_id)
        {
          g_set_object (&entry, NULL);
          entry = shenbao_work_entry_new ();
          shenbao_work_entry_set_id (entry, entry_id);
          shenbao_application_append_work_entry (application, entry);
        }
      if (shenbao_work_field_from_name (shenbao_db_column_text (stmt, 1), &field))
        shenbao_work_entry_set (entry, field, shenbao_db_column_text (stmt, 2));
    }
  if (!shenbao_db_rows_done (self, rc, error))
    return FALSE;
  return TRUE;
}

static gboolean
load_attachments (ShenbaoStore        *self,
                  gint64               id,
                  ShenbaoApplication  *application,
                  GError             **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self,
                          "SELECT slot, filename, data FROM attachment WHERE application_id = ?1"
                          " ORDER BY position",
                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) data = NULL;

      /* NULL: the application file named a file that could not be read. */
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        data = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      shenbao_application_set_attachment (application, shenbao_db_column_text (stmt, 0),
                                          shenbao_db_column_text (stmt, 1), data);
    }
  if (!shenbao_db_rows_done (self, rc, error))
    return FALSE;
  return TRUE;
}

gboolean
shenbao_store_application_exists (ShenbaoStore  *self,
                                  gint64         id,
                                  GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    shenbao_db_statement (self, "SELECT 1 FROM application WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (shenbao_db_rows_done (self, rc, error))
    shenbao_db_set_not_found (id, error);
  return FALSE;
}

ShenbaoApplication *
shenbao_store_load (ShenbaoStore  *self,
                    gint64         id,
                    GError       **error)
{
  g_autoptr(ShenbaoApplication) application = shenbao_application_new ();
  gboolean ok;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), NULL);

  /* One read transaction: the parts come from the same moment even while
   * another program writes. */
  if (!shenbao_db_exec (self, "BEGIN", error))
    return NULL;
  ok = shenbao_store_application_exists (self, id, error)
       && load_fields (self, id, application, error)
       && load_work_entries (self, id, application, error)
       && load_attachments (self, id, application, error);
  shenbao_db_rollback (self);
  if (!ok)
    return NULL;
  shenbao_application_set_id (application, id);
  return g_steal_pointer (&application);
}

gboolean
shenbao_store_delete (ShenbaoStore  *self,
                      gint64         id,
                      GError       **error)
{
  g_autoptr(CachedStatement) stmt = NULL;
  GHashTableIter iter;
  ShenbaoApplication *watched;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);

  stmt = shenbao_db_statement (self, "DELETE FROM application WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!shenbao_db_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      shenbao_db_set_not_found (id, error);
      return FALSE;
    }
  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, (gpointer *) &watched, NULL))
    if (shenbao_application_get_id (watched) == id)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
  shenbao_store_refresh_summary (self, id);
  return TRUE;
}

gint64
shenbao_store_duplicate (ShenbaoStore  *self,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(ShenbaoApplication) original = NULL;
  g_autoptr(ShenbaoApplication) copy = NULL;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), 0);

  original = shenbao_store_load (self, id, error);
  if (original == NULL)
    return 0;
  copy = shenbao_application_copy (original);
  if (!shenbao_store_save (self, copy, error))
    return 0;
  return shenbao_application_get_id (copy);
}

/* Autosave: one ShenbaoStoreAutosave per watched application. */

gboolean
shenbao_store_watch (ShenbaoStore        *self,
                     ShenbaoApplication  *application,
                     GError             **error)
{
  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (application), FALSE);

  if (g_hash_table_contains (self->watches, application))
    return TRUE;
  if (shenbao_application_get_id (application) == 0 && !shenbao_store_save (self, application, error))
    return FALSE;
  g_hash_table_insert (self->watches, application, shenbao_store_autosave_new (self, application));
  return TRUE;
}

void
shenbao_store_unwatch (ShenbaoStore       *self,
                       ShenbaoApplication *application)
{
  g_return_if_fail (SHENBAO_IS_STORE (self));

  g_hash_table_remove (self->watches, application);
}

void
shenbao_store_forget_autosave (ShenbaoStore       *self,
                               ShenbaoApplication *application)
{
  g_hash_table_remove (self->watches, application);
}

void
shenbao_store_emit_autosave_failed (ShenbaoStore       *self,
                                    ShenbaoApplication *application,
                                    const GError       *error,
                                    const char         *what)
{
  g_signal_emit (self, signals[SIGNAL_AUTOSAVE_FAILED], 0, application, error, what);
}

void
shenbao_store_emit_autosave_recovered (ShenbaoStore       *self,
                                       ShenbaoApplication *application)
{
  g_signal_emit (self, signals[SIGNAL_AUTOSAVE_RECOVERED], 0, application);
}

/* Application files. */

/* An import takes the whole application or nothing: one that silently
 * lost its photo would look complete until the upload. */
static gboolean
check_attachments_read (ShenbaoApplication  *application,
                        const char          *path,
                        GError             **error)
{
  GPtrArray *attachments = shenbao_application_get_attachments (application);
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *display = g_filename_display_name (path);

  for (guint i = 0; i < attachments->len; i++)
    {
      const ShenbaoAttachment *attachment = g_ptr_array_index (attachments, i);

      if (attachment->data != NULL)
        continue;
      g_string_append_printf (problems, "\n%s: %s", attachment->slot,
                              attachment->problem != NULL ? attachment->problem : _("not read"));
    }
  if (problems->len == 0)
    return TRUE;
  g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_INVALID_INPUT,
               _("%s was not imported: some attachments could not be read%s"), display,
               problems->str);
  return FALSE;
}

gint64
shenbao_store_import (ShenbaoStore  *self,
                      const char    *path,
                      GError       **error)
{
  g_autoptr(ShenbaoApplication) application = NULL;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), 0);

  application = shenbao_application_file_load (path, error);
  if (application == NULL || !check_attachments_read (application, path, error))
    return 0;
  /* An id in the file would be another store's. */
  shenbao_application_set_id (application, 0);
  if (!shenbao_store_save (self, application, error))
    return 0;
  return shenbao_application_get_id (application);
}

gboolean
shenbao_store_export (ShenbaoStore  *self,
                      gint64         id,
                      const char    *path,
                      GError       **error)
{
  g_autoptr(ShenbaoApplication) application = NULL;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);

  application = shenbao_store_load (self, id, error);
  if (application == NULL)
    return FALSE;
  return shenbao_application_file_save (application, path, error);
}

static void
shenbao_store_dispose (GObject *object)
{
  ShenbaoStore *self = SHENBAO_STORE (object);
  g_hash_table_remove_all (self->watches);
  g_clear_object (&self->summaries);
  G_OBJECT_CLASS (shenbao_store_parent_class)->dispose (object);
}

static void
shenbao_store_finalize (GObject *object)
{
  ShenbaoStore *self = SHENBAO_STORE (object);

  g_hash_table_destroy (self->statements);
  g_hash_table_destroy (self->watches);
  /* The last connection to close checkpoints the log into the database. */
  sqlite3_close (self->db);
  g_free (self->path);
  G_OBJECT_CLASS (shenbao_store_parent_class)->finalize (object);
}

static void
shenbao_store_class_init (ShenbaoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shenbao_store_dispose;
  object_class->finalize = shenbao_store_finalize;

  /* A watched application's change could not be written: the application,
   * why, and what changed (a field's name, "work" for the work history,
   * "attachments" for the files). The window shows it; the next change
   * retries. */
  signals[SIGNAL_AUTOSAVE_FAILED] =
    g_signal_new ("autosave-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, SHENBAO_TYPE_APPLICATION, G_TYPE_ERROR,
                  G_TYPE_STRING);
  /* After a failure, a change was written again, and with it every change
   * since: the application is saved. */
  signals[SIGNAL_AUTOSAVE_RECOVERED] =
    g_signal_new ("autosave-recovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SHENBAO_TYPE_APPLICATION);
}

static void
shenbao_store_init (ShenbaoStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            shenbao_db_finalize_statement);
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

