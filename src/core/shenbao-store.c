/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shenbao-application-file.h"
#include "shenbao-application-summary-private.h"
#include "shenbao-error.h"
#include "shenbao-paths.h"
#include "shenbao-store.h"

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

/* A watched application: the store writes each of its changes. */
typedef struct
{
  ShenbaoStore       *store;
  ShenbaoApplication *application;
  GListModel         *work_entries;
  gulong              notify_handler;
  gulong              work_entry_handler;
  gulong              attachment_handler;
  gulong              items_handler;
  /* A write failed: the next change writes the whole application. */
  gboolean            dirty;
} Watch;

struct _ShenbaoStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements;  /* SQL text → prepared sqlite3_stmt */
  GHashTable *watches;     /* ShenbaoApplication → Watch */
  GListStore *summaries;   /* NULL until listed */
  gint64 data_version;     /* PRAGMA data_version when the list was last read */
};

G_DEFINE_FINAL_TYPE (ShenbaoStore, shenbao_store, G_TYPE_OBJECT)

enum
{
  SIGNAL_AUTOSAVE_FAILED,
  SIGNAL_AUTOSAVE_RECOVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A cached statement, reset when it goes out of scope so that it never keeps
 * a read transaction open (which would hold back WAL checkpoints). */
typedef sqlite3_stmt CachedStatement;

static void
reset_statement (CachedStatement *statement)
{
  sqlite3_reset (statement);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStatement, reset_statement)

static void
finalize_statement (gpointer statement)
{
  sqlite3_finalize (statement);
}

static void
set_database_error (ShenbaoStore  *self,
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

static void
set_not_found (gint64   id,
               GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND,
               _("There is no stored application with the number %s."), number);
}

static gboolean
exec (ShenbaoStore  *self,
      const char    *sql,
      GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_database_error (self, self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static CachedStatement *
statement (ShenbaoStore  *self,
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
      set_database_error (self, self->db, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/* Steps a statement that returns no rows. */
static gboolean
run (ShenbaoStore     *self,
     CachedStatement  *stmt,
     GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_database_error (self, self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* How the rows of a query ended, given the last sqlite3_step() result: TRUE
 * when they were all read. */
static gboolean
rows_done (ShenbaoStore  *self,
           int            rc,
           GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  set_database_error (self, self->db, rc, error);
  return FALSE;
}

static void
bind_text (CachedStatement *stmt,
           int              index,
           const char      *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static const char *
column_text (CachedStatement *stmt,
             int              index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

/* IMMEDIATE takes the write lock at once: a deferred transaction that reads
 * first could not wait for it (SQLite reports busy without the timeout). */
static gboolean
begin (ShenbaoStore  *self,
       GError       **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

static void
rollback (ShenbaoStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
commit (ShenbaoStore  *self,
        GError       **error)
{
  if (exec (self, "COMMIT", error))
    return TRUE;
  rollback (self);
  return FALSE;
}

/* UTC with microseconds, fixed width, so that the text sorts as the time. */
static char *
now_text (void)
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
    set_database_error (self, db, rc, error);
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
  g_autoptr(CachedStatement) stmt = statement (self, "PRAGMA user_version", error);
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
  set_database_error (self, self->db, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
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

      if (!begin (self, error))
        return FALSE;
      if (!read_version (self, &version, error))
        {
          rollback (self);
          return FALSE;
        }
      if (version == SCHEMA_VERSION)
        {
          rollback (self);
          return TRUE;
        }
      /* Changed by another program since it was identified. */
      if (version < 0 || version > SCHEMA_VERSION)
        {
          rollback (self);
          set_database_error (self, NULL, SQLITE_CORRUPT, error);
          return FALSE;
        }
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!exec (self, migrations[version], error) || !exec (self, set_version, error)
          || !commit (self, error))
        {
          rollback (self);
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
      set_database_error (self, self->db, rc, error);
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

static gboolean
open_database (ShenbaoStore  *self,
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
      set_database_error (self, self->db, rc, error);
      return FALSE;
    }
  /* SQLite quietly opens a write-protected file read-only. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_database_error (self, self->db, SQLITE_READONLY, error);
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  return exec (self, connection_settings, error)
         && enable_wal (self, error)
         && migrate (self, error);
}

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
  if (!open_database (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
shenbao_store_get_path (ShenbaoStore *self)
{
  g_return_val_if_fail (SHENBAO_IS_STORE (self), NULL);

  return self->path;
}

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
  bind_text (stmt, 1, shenbao_field_name (SHENBAO_FIELD_PERSON_NAME));
  bind_text (stmt, 2, shenbao_field_name (SHENBAO_FIELD_OCCUPATION));
  bind_text (stmt, 3, shenbao_field_name (SHENBAO_FIELD_CONDITION));
  bind_text (stmt, 4, SHENBAO_REVIEW_MAILED);
}

static gboolean
parse_state (ShenbaoStore        *self,
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
  set_database_error (self, NULL, SQLITE_CORRUPT, error);
  return FALSE;
}

static GDateTime *
parse_time (ShenbaoStore  *self,
            const char    *text,
            GError       **error)
{
  GDateTime *time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  if (time == NULL)
    set_database_error (self, NULL, SQLITE_CORRUPT, error);
  return time;
}

/* Fills a summary from a row of SUMMARY_SELECT. */
static gboolean
update_summary (ShenbaoStore               *self,
                ShenbaoApplicationSummary  *summary,
                CachedStatement            *stmt,
                GError                    **error)
{
  g_autoptr(GDateTime) updated = parse_time (self, column_text (stmt, 1), error);
  ShenbaoReviewState state;

  if (updated == NULL || !parse_state (self, column_text (stmt, 5), &state, error))
    return FALSE;
  shenbao_application_summary_update (summary, column_text (stmt, 2), column_text (stmt, 3),
                                      column_text (stmt, 4), state, updated);
  return TRUE;
}

/* SQLite's count of commits by other connections: it changes when another
 * process (shenbao-cli import, a second window's process) wrote. */
static gboolean
read_data_version (ShenbaoStore  *self,
                   gint64        *version,
                   GError       **error)
{
  g_autoptr(CachedStatement) stmt = statement (self, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return rows_done (self, rc, error);
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
load_summaries (ShenbaoStore  *self,
                GError       **error)
{
  g_autoptr(CachedStatement) stmt = statement (self, SUMMARY_SELECT " ORDER BY a.id", error);
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
  if (!rows_done (self, rc, error))
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
  g_autoptr(CachedStatement) stmt = statement (self, SUMMARY_SELECT " WHERE a.id = ?5", NULL);
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
static void
refresh_summary (ShenbaoStore *self,
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

/* Writing. */

/* Marks the application changed; fails when it is not (or no longer) there. */
static gboolean
touch_application (ShenbaoStore  *self,
                   gint64         id,
                   GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    statement (self, "UPDATE application SET updated = ?1 WHERE id = ?2", error);
  g_autofree char *now = now_text ();

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found (id, error);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_application (ShenbaoStore  *self,
                    GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    statement (self, "INSERT INTO application (created, updated) VALUES (?1, ?1)", error);
  g_autofree char *now = now_text ();

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, now);
  if (!run (self, stmt, error))
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
  g_autoptr(CachedStatement) stmt = statement (self, empty ? table->delete : table->upsert, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner);
  bind_text (stmt, 2, name);
  if (!empty)
    bind_text (stmt, 3, value);
  return run (self, stmt, error);
}

static gboolean
write_application_field (ShenbaoStore        *self,
                         gint64               id,
                         ShenbaoApplication  *application,
                         ShenbaoField         field,
                         GError             **error)
{
  return write_field (self, &application_fields, id, shenbao_field_name (field),
                      shenbao_application_get (application, field), error);
}

static gboolean
write_entry_field (ShenbaoStore      *self,
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
    if (!write_entry_field (self, entry, i, error))
      return FALSE;
  return TRUE;
}

static GArray *
stored_entry_ids (ShenbaoStore  *self,
                  gint64         id,
                  GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    statement (self, "SELECT id FROM work_entry WHERE application_id = ?1", error);
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
  if (!rows_done (self, rc, error))
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
    statement (self, "INSERT INTO work_entry (application_id, position) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, position);
  if (!run (self, stmt, error))
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
    statement (self, "UPDATE work_entry SET position = ?2 WHERE id = ?1 AND position IS NOT ?2",
               error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int (stmt, 2, position);
  return run (self, stmt, error);
}

static gboolean
delete_entry (ShenbaoStore  *self,
              gint64         entry_id,
              GError       **error)
{
  g_autoptr(CachedStatement) stmt = statement (self, "DELETE FROM work_entry WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  return run (self, stmt, error);
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
static gboolean
write_work_entries (ShenbaoStore        *self,
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
    statement (self,
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
  bind_text (stmt, 2, attachment->slot);
  sqlite3_bind_int (stmt, 3, position);
  bind_text (stmt, 4, attachment->filename);
  if (attachment->data != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (attachment->data, &size);

      /* The bytes outlive the statement's use: it is reset before return. */
      sqlite3_bind_blob64 (stmt, 5, size > 0 ? data : "", size, SQLITE_STATIC);
    }
  return run (self, stmt, error);
}

static gboolean
delete_attachment (ShenbaoStore  *self,
                   gint64         id,
                   const char    *slot,
                   GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    statement (self, "DELETE FROM attachment WHERE application_id = ?1 AND slot = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, slot);
  return run (self, stmt, error);
}

static GPtrArray *
stored_slots (ShenbaoStore  *self,
              gint64         id,
              GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    statement (self, "SELECT slot FROM attachment WHERE application_id = ?1", error);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (slots, g_strdup (column_text (stmt, 0)));
  if (!rows_done (self, rc, error))
    return NULL;
  return g_steal_pointer (&slots);
}

/* Makes the stored attachments those of the application, in its order. */
static gboolean
write_attachments (ShenbaoStore        *self,
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
    if (!write_application_field (self, id, application, i, error))
      return FALSE;
  return write_work_entries (self, id, application, TRUE, error)
         && write_attachments (self, id, application, error);
}

gboolean
shenbao_store_save (ShenbaoStore        *self,
                    ShenbaoApplication  *application,
                    GError             **error)
{
  gint64 id;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (application), FALSE);

  if (!begin (self, error))
    return FALSE;
  id = shenbao_application_get_id (application);
  if (id == 0)
    id = insert_application (self, error);
  else if (!touch_application (self, id, error))
    id = 0;
  if (id == 0 || !write_application (self, id, application, error) || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  /* Only now: a rolled-back insert must leave the application unsaved. */
  shenbao_application_set_id (application, id);
  refresh_summary (self, id);
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
    statement (self, "SELECT name, value FROM field WHERE application_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShenbaoField field;

      if (shenbao_field_from_name (column_text (stmt, 0), &field))
        shenbao_application_set (application, field, column_text (stmt, 1));
    }
  if (!rows_done (self, rc, error))
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
    statement (self,
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
      if (shenbao_work_field_from_name (column_text (stmt, 1), &field))
        shenbao_work_entry_set (entry, field, column_text (stmt, 2));
    }
  if (!rows_done (self, rc, error))
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
    statement (self,
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
      shenbao_application_set_attachment (application, column_text (stmt, 0),
                                          column_text (stmt, 1), data);
    }
  if (!rows_done (self, rc, error))
    return FALSE;
  return TRUE;
}

static gboolean
application_exists (ShenbaoStore  *self,
                    gint64         id,
                    GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    statement (self, "SELECT 1 FROM application WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rows_done (self, rc, error))
    set_not_found (id, error);
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
  if (!exec (self, "BEGIN", error))
    return NULL;
  ok = application_exists (self, id, error)
       && load_fields (self, id, application, error)
       && load_work_entries (self, id, application, error)
       && load_attachments (self, id, application, error);
  rollback (self);
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
  Watch *watch;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);

  stmt = statement (self, "DELETE FROM application WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      set_not_found (id, error);
      return FALSE;
    }
  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watch))
    if (shenbao_application_get_id (watch->application) == id)
      {
        shenbao_store_unwatch (self, watch->application);
        break;
      }
  refresh_summary (self, id);
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

/* Autosave. */

typedef gboolean (*WriteChange) (ShenbaoStore        *self,
                                 gint64               id,
                                 ShenbaoApplication  *application,
                                 gconstpointer        change,
                                 GError             **error);

/* Each change in its own short transaction. After a failed one the whole
 * application is written instead, which catches up on every change made
 * since. */
static void
autosave (Watch         *watch,
          WriteChange    write_change,
          gconstpointer  change,
          const char    *what)
{
  ShenbaoStore *self = watch->store;
  ShenbaoApplication *application = watch->application;
  gint64 id = shenbao_application_get_id (application);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (watch->dirty)
    ok = shenbao_store_save (self, application, &error);
  else
    {
      ok = begin (self, &error);
      ok = ok && touch_application (self, id, &error)
           && write_change (self, id, application, change, &error)
           && commit (self, &error);
      if (!ok)
        rollback (self);
      else
        refresh_summary (self, id);
    }
  if (!ok)
    g_debug ("autosave of %s failed: %s", what, error->message);
  if (!ok)
    g_signal_emit (self, signals[SIGNAL_AUTOSAVE_FAILED], 0, application, error, what);
  else if (watch->dirty)
    g_signal_emit (self, signals[SIGNAL_AUTOSAVE_RECOVERED], 0, application);
  watch->dirty = !ok;
}

static gboolean
write_field_change (ShenbaoStore        *self,
                    gint64               id,
                    ShenbaoApplication  *application,
                    gconstpointer        change,
                    GError             **error)
{
  return write_application_field (self, id, application, GPOINTER_TO_INT (change), error);
}

static void
application_notify (ShenbaoApplication *application,
                    GParamSpec         *pspec,
                    Watch              *watch)
{
  for (int i = 0; i < SHENBAO_N_FIELDS; i++)
    if (g_str_equal (pspec->name, shenbao_field_property (i)))
      {
        autosave (watch, write_field_change, GINT_TO_POINTER (i), shenbao_field_name (i));
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
    statement (self, "SELECT 1 FROM work_entry WHERE id = ?1 AND application_id = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, shenbao_work_entry_get_id (entry));
  sqlite3_bind_int64 (stmt, 2, id);
  rc = sqlite3_step (stmt);
  *stored = rc == SQLITE_ROW;
  return *stored || rows_done (self, rc, error);
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
    return write_work_entries (self, id, application, FALSE, error);
  return write_entry_field (self, entry_change->entry, entry_change->field, error);
}

static void
application_work_entry_changed (ShenbaoApplication *application,
                                ShenbaoWorkEntry   *entry,
                                const char         *property,
                                Watch              *watch)
{
  EntryChange change = { entry, 0 };

  if (shenbao_work_field_from_name (property, &change.field))
    autosave (watch, write_entry_change, &change, "work");
}

static gboolean
write_entries_change (ShenbaoStore        *self,
                      gint64               id,
                      ShenbaoApplication  *application,
                      gconstpointer        change,
                      GError             **error)
{
  return write_work_entries (self, id, application, FALSE, error);
}

static void
work_entries_changed (GListModel *work_entries,
                      guint       position,
                      guint       removed,
                      guint       added,
                      Watch      *watch)
{
  autosave (watch, write_entries_change, NULL, "work");
}

static gboolean
write_attachments_change (ShenbaoStore        *self,
                          gint64               id,
                          ShenbaoApplication  *application,
                          gconstpointer        change,
                          GError             **error)
{
  return write_attachments (self, id, application, error);
}

static void
application_attachment_changed (ShenbaoApplication *application,
                                const char         *slot,
                                Watch              *watch)
{
  autosave (watch, write_attachments_change, NULL, "attachments");
}

static void
watch_free (Watch *watch)
{
  g_signal_handler_disconnect (watch->work_entries, watch->items_handler);
  g_object_unref (watch->work_entries);
  g_free (watch);
}

/* The application is being finalized: its own handlers go with it. */
static void
watched_application_gone (gpointer  data,
                          GObject  *where_the_object_was)
{
  Watch *watch = data;

  g_hash_table_steal (watch->store->watches, where_the_object_was);
  watch_free (watch);
}

gboolean
shenbao_store_watch (ShenbaoStore        *self,
                     ShenbaoApplication  *application,
                     GError             **error)
{
  Watch *watch;

  g_return_val_if_fail (SHENBAO_IS_STORE (self), FALSE);
  g_return_val_if_fail (SHENBAO_IS_APPLICATION (application), FALSE);

  if (g_hash_table_contains (self->watches, application))
    return TRUE;
  if (shenbao_application_get_id (application) == 0 && !shenbao_store_save (self, application, error))
    return FALSE;

  watch = g_new0 (Watch, 1);
  watch->store = self;
  watch->application = application;
  watch->work_entries = g_object_ref (shenbao_application_get_work_entries (application));
  watch->notify_handler =
    g_signal_connect (application, "notify", G_CALLBACK (application_notify), watch);
  watch->work_entry_handler =
    g_signal_connect (application, "work-entry-changed",
                      G_CALLBACK (application_work_entry_changed), watch);
  watch->attachment_handler =
    g_signal_connect (application, "attachment-changed",
                      G_CALLBACK (application_attachment_changed), watch);
  watch->items_handler =
    g_signal_connect (watch->work_entries, "items-changed", G_CALLBACK (work_entries_changed), watch);
  g_object_weak_ref (G_OBJECT (application), watched_application_gone, watch);
  g_hash_table_insert (self->watches, application, watch);
  return TRUE;
}

void
shenbao_store_unwatch (ShenbaoStore       *self,
                       ShenbaoApplication *application)
{
  Watch *watch;

  g_return_if_fail (SHENBAO_IS_STORE (self));

  watch = g_hash_table_lookup (self->watches, application);
  if (watch == NULL)
    return;
  g_hash_table_remove (self->watches, application);
  g_signal_handler_disconnect (application, watch->notify_handler);
  g_signal_handler_disconnect (application, watch->work_entry_handler);
  g_signal_handler_disconnect (application, watch->attachment_handler);
  g_object_weak_unref (G_OBJECT (application), watched_application_gone, watch);
  watch_free (watch);
}

/* The review tracker. */

static GPtrArray *
read_review_history (ShenbaoStore  *self,
                     gint64         id,
                     GError       **error)
{
  g_autoptr(CachedStatement) stmt =
    statement (self,
               "SELECT time, state, reason, mailed_date, tracking_number FROM review_event"
               " WHERE application_id = ?1 ORDER BY id",
               error);
  g_autoptr(GPtrArray) history =
    g_ptr_array_new_with_free_func ((GDestroyNotify) shenbao_review_event_free);
  int rc;
  ShenbaoReviewState state = SHENBAO_REVIEW_NOT_SUBMITTED;

  if (stmt == NULL || !application_exists (self, id, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) time = parse_time (self, column_text (stmt, 0), error);
      gboolean mailing = g_strcmp0 (column_text (stmt, 1), SHENBAO_REVIEW_MAILED) == 0;
      ShenbaoReviewEvent *event;

      if (time == NULL || (!mailing && !parse_state (self, column_text (stmt, 1), &state, error)))
        return NULL;
      event = shenbao_review_event_new (time, state, mailing);
      event->reason = g_strdup (column_text (stmt, 2));
      event->mailed_date = g_strdup (column_text (stmt, 3));
      event->tracking_number = g_strdup (column_text (stmt, 4));
      g_ptr_array_add (history, event);
    }
  if (!rows_done (self, rc, error))
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
    statement (self,
               "INSERT INTO review_event (application_id, time, state, reason, mailed_date,"
               " tracking_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
               error);
  g_autofree char *now = now_text ();
  g_autofree char *stripped_reason = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;
  g_autofree char *stripped_number =
    tracking_number != NULL ? g_strstrip (g_strdup (tracking_number)) : NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, now);
  bind_text (stmt, 3, state);
  bind_text (stmt, 4, stripped_reason);
  bind_text (stmt, 5, mailed_date);
  bind_text (stmt, 6, stripped_number);
  return run (self, stmt, error) && touch_application (self, id, error);
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

  if (!begin (self, error))
    return FALSE;
  history = read_review_history (self, id, error);
  if (history == NULL)
    {
      rollback (self);
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
      || !commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  refresh_summary (self, id);
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

/* —— changes made by other processes —— */

static GHashTable *
read_ids (ShenbaoStore  *self,
          GError       **error)
{
  g_autoptr(CachedStatement) stmt = statement (self, "SELECT id FROM application", error);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  if (!rows_done (self, rc, error))
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
    refresh_summary (self, *(gint64 *) id);
  return TRUE;
}

static void
shenbao_store_dispose (GObject *object)
{
  ShenbaoStore *self = SHENBAO_STORE (object);
  g_autoptr(GList) watched = g_hash_table_get_keys (self->watches);

  for (GList *l = watched; l != NULL; l = l->next)
    shenbao_store_unwatch (self, l->data);
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
                                            finalize_statement);
  self->watches = g_hash_table_new (NULL, NULL);
}
