/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-store-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shenbao-error.h"
#include "shenbao-store-private.h"

/* "SBAO" in the database header (PRAGMA application_id): tells a Shenbao
 * database from any other SQLite file, which is then never written to. */
#define DATABASE_ID 1396851023

/* How long a write waits for another program (a shenbao-cli run beside the
 * window) to finish its transaction. Those are short; the wait blocks the
 * window, so it stays short too. */
#define BUSY_TIMEOUT_MS 2000

/* The schema, one step per version: migrations[n] takes a database from
 * version n to n + 1 (PRAGMA user_version), each in its own transaction, so
 * a new database takes the same path as an old one. Append; never edit a
 * step that has shipped. */
static const char * const migrations[] = {
  /* 1: applications, their fields as typed (keyed by shenbao_field_name()),
   * their work entries and their attachments' bytes. */
  "PRAGMA application_id = " G_STRINGIFY (DATABASE_ID) ";"
  "CREATE TABLE application ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL);"
  "CREATE TABLE field ("
  "  application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (application_id, name)) WITHOUT ROWID;"
  "CREATE TABLE work_entry ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL);"
  "CREATE INDEX work_entry_application ON work_entry (application_id, position);"
  "CREATE TABLE work_entry_field ("
  "  work_entry_id INTEGER NOT NULL REFERENCES work_entry (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (work_entry_id, name)) WITHOUT ROWID;"
  "CREATE TABLE attachment ("
  "  application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,"
  "  slot TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  filename TEXT,"
  "  data BLOB,"
  "  PRIMARY KEY (application_id, slot));",

  /* 2: the review tracker's history. state is a review state's word, or
   * 材料已邮寄 for a mailing (with its date and tracking number). */
  "CREATE TABLE review_event ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  application_id INTEGER NOT NULL REFERENCES application (id) ON DELETE CASCADE,"
  "  time TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  reason TEXT,"
  "  mailed_date TEXT,"
  "  tracking_number TEXT);"
  "CREATE INDEX review_event_application ON review_event (application_id, id);",
};

#define SCHEMA_VERSION ((int) G_N_ELEMENTS (migrations))

void
shenbao_db_finalize_statement (gpointer statement)
{
  sqlite3_finalize (statement);
}

void
shenbao_db_set_error (ShenbaoStore  *self,
                      sqlite3       *db,
                      int            rc,
                      GError       **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("The database “%s” is in use by another program. Try again once it is done."),
                   display);
      break;
    case SQLITE_READONLY:
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("The database “%s” cannot be written: check the permissions of the file "
                     "and of its folder."),
                   display);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("The database “%s” cannot be opened: check that the file and its folder "
                     "can be read and written."),
                   display);
      break;
    case SQLITE_FULL:
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("The disk that holds the database “%s” is full. Free some space; what "
                     "was saved before is kept."),
                   display);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("“%s” is not a Shenbao database. It was left as it is."), display);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). It was left as it is: restore it "
                     "from a backup, or import the exported application files."),
                   display, detail);
      break;
    case SQLITE_IOERR:
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_IO,
                   _("Reading or writing the database “%s” failed (%s)."), display, detail);
      break;
    default:
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("The database “%s” refused the operation (%s)."), display, detail);
    }
}

void
shenbao_db_set_not_found (gint64   id,
                          GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND,
               _("There is no stored application with the number %s."), number);
}

gboolean
shenbao_db_exec (ShenbaoStore  *self,
                 const char    *sql,
                 GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      shenbao_db_set_error (self, self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

CachedStatement *
shenbao_db_statement (ShenbaoStore  *self,
                      const char    *sql,
                      GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      shenbao_db_set_error (self, self->db, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no rows. */
gboolean
shenbao_db_run (ShenbaoStore     *self,
                CachedStatement  *stmt,
                GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      shenbao_db_set_error (self, self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* How the rows of a query ended, given the last sqlite3_step() result: TRUE
 * when they were all read. */
gboolean
shenbao_db_rows_done (ShenbaoStore  *self,
                      int            rc,
                      GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  shenbao_db_set_error (self, self->db, rc, error);
  return FALSE;
}

void
shenbao_db_bind_text (CachedStatement *stmt,
                      int              index,
                      const char      *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
shenbao_db_column_text (CachedStatement *stmt,
                        int              index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

/* IMMEDIATE takes the write lock at once: a deferred transaction that reads
 * first could not wait for it (SQLite reports busy without the timeout). */
gboolean
shenbao_db_begin (ShenbaoStore  *self,
                  GError       **error)
{
  return shenbao_db_exec (self, "BEGIN IMMEDIATE", error);
}

void
shenbao_db_rollback (ShenbaoStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
shenbao_db_commit (ShenbaoStore  *self,
                   GError       **error)
{
  if (shenbao_db_exec (self, "COMMIT", error))
    return TRUE;
  shenbao_db_rollback (self);
  return FALSE;
}

/* UTC with microseconds, fixed width, so that the text sorts as the time. */
char *
shenbao_db_now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/* Opening. */

typedef enum
{
  DATABASE_NEW,
  DATABASE_OURS,
  DATABASE_FOREIGN,
} DatabaseKind;

/* Looks at the file through a read-only connection, so that nothing, not
 * even the roll-back of another program's interrupted transaction, writes
 * to a file before it is known to be a Shenbao database. SQLite itself
 * refuses a file shorter than its header says (one cut off). */
static gboolean
identify (ShenbaoStore  *self,
          DatabaseKind  *kind,
          int           *version,
          GError       **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc, application_id = 0, n_objects = 0;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db,
                             "SELECT (SELECT application_id FROM pragma_application_id),"
                             "  (SELECT user_version FROM pragma_user_version),"
                             "  (SELECT count(*) FROM sqlite_schema)",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          application_id = sqlite3_column_int (stmt, 0);
          *version = sqlite3_column_int (stmt, 1);
          n_objects = sqlite3_column_int (stmt, 2);
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    shenbao_db_set_error (self, db, rc, error);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (rc != SQLITE_OK)
    return FALSE;

  if (application_id == DATABASE_ID)
    *kind = DATABASE_OURS;
  else if (application_id == 0 && n_objects == 0 && *version == 0)
    *kind = DATABASE_NEW;
  else
    *kind = DATABASE_FOREIGN;
  return TRUE;
}

/* The folder is private (0700) and a new database file is made 0600 before
 * SQLite opens it; SQLite gives its -wal and -shm files the same mode. */
static gboolean
create_file (ShenbaoStore  *self,
             GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  GStatBuf status;
  int fd, saved_errno;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_autofree char *display = NULL;

      saved_errno = errno;
      display = g_filename_display_name (folder);
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("Cannot create the folder “%s” for the database: %s."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }
  /* SQLite would wait forever to open a FIFO, and read a device as if it
   * were a file: only a regular file is a database. The name is looked at,
   * not opened: closing a descriptor of a database file releases every POSIX
   * lock this process holds on it, another connection's included. */
  if (g_stat (self->path, &status) == 0)
    {
      if (!S_ISREG (status.st_mode))
        {
          g_autofree char *display = g_filename_display_name (self->path);

          g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                       _("“%s” is not a regular file (a device or a FIFO) and cannot be a "
                         "database. It was left as it is."), display);
          return FALSE;
        }
      return TRUE;
    }
  fd = g_open (self->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  saved_errno = errno;
  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }
  if (saved_errno != EEXIST)
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("Cannot create the database “%s”: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_version (ShenbaoStore  *self,
              int           *version,
              GError       **error)
{
  g_autoptr(CachedStatement) stmt = shenbao_db_statement (self, "PRAGMA user_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      return TRUE;
    }
  /* The pragma always has a row; none is a damaged database. */
  shenbao_db_set_error (self, self->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  return FALSE;
}

/* Each step reads the version under the write lock, so that two programs
 * opening a new database at once do not both run a step. Up to date, it is
 * the write probe: the file or its folder being read-only, or the database
 * locked, shows now with a clear message rather than at the first keystroke. */
static gboolean
migrate (ShenbaoStore  *self,
         GError       **error)
{
  for (;;)
    {
      g_autofree char *set_version = NULL;
      int version;

      if (!shenbao_db_begin (self, error))
        return FALSE;
      if (!read_version (self, &version, error))
        {
          shenbao_db_rollback (self);
          return FALSE;
        }
      if (version == SCHEMA_VERSION)
        {
          shenbao_db_rollback (self);
          return TRUE;
        }
      /* Changed by another program since it was identified. */
      if (version < 0 || version > SCHEMA_VERSION)
        {
          shenbao_db_rollback (self);
          shenbao_db_set_error (self, NULL, SQLITE_CORRUPT, error);
          return FALSE;
        }
      g_debug ("Migrating %s from format %d to %d", self->path, version, version + 1);
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!shenbao_db_exec (self, migrations[version], error) || !shenbao_db_exec (self, set_version, error)
          || !shenbao_db_commit (self, error))
        {
          shenbao_db_rollback (self);
          return FALSE;
        }
    }
}

/* Switching a new database to WAL needs it to itself. Two programs doing it
 * at once can each hold what the other waits for; SQLite breaks that
 * deadlock by failing one at once, without its busy timeout, so wait here. */
static gboolean
enable_wal (ShenbaoStore  *self,
            GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  int rc;

  while ((rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) == SQLITE_BUSY
         && g_get_monotonic_time () < deadline)
    g_usleep (10 * G_TIME_SPAN_MILLISECOND);
  if (rc != SQLITE_OK)
    {
      shenbao_db_set_error (self, self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* synchronous=FULL: in WAL mode SQLite then syncs the log at every commit,
 * so an edit that was committed survives a power cut as well as a crash or a
 * kill -9 (NORMAL would survive only the latter two and could lose the last
 * edits on a power cut). A commit is one field typed by a person, so the
 * cost of a sync each is small (see bench/README.md). secure_delete: the
 * content of a deleted application (an ID number, photos) is overwritten,
 * not left in free pages. */
static const char connection_settings[] =
  "PRAGMA foreign_keys = ON;"
  "PRAGMA synchronous = FULL;"
  "PRAGMA secure_delete = ON;";

gboolean
shenbao_db_open (ShenbaoStore  *self,
                 GError       **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  DatabaseKind kind;
  int version = 0, rc;

  if (!create_file (self, error) || !identify (self, &kind, &version, error))
    return FALSE;
  if (kind == DATABASE_FOREIGN)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("“%s” is not a Shenbao database. It was left as it is."), display);
      return FALSE;
    }
  if (version < 0)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("The database “%s” gives a format (%d) that no version of Shenbao writes. "
                     "It was left as it is."),
                   display, version);
      return FALSE;
    }
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_STORE,
                   _("The database “%s” was written by a newer version of Shenbao (format %d; "
                     "this version reads formats up to %d). It was left as it is."),
                   display, version, SCHEMA_VERSION);
      return FALSE;
    }

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      shenbao_db_set_error (self, self->db, rc, error);
      return FALSE;
    }
  /* SQLite quietly opens a write-protected file read-only. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      shenbao_db_set_error (self, self->db, SQLITE_READONLY, error);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  g_debug ("Opened %s (format %d)", self->path, version);
  return shenbao_db_exec (self, connection_settings, error)
         && enable_wal (self, error)
         && migrate (self, error);
}
