/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-cli-store"

#include "config.h"

#include <glib/gi18n.h>

#include "shenbao.h"
#include "shenbao-cli.h"

/* The commands on the stored applications: list, import,
 * export-app and status. Each takes --db; without it the database is
 * $SHENBAO_DB, else the user's own. */

#define DB_OPTION(variable) \
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &(variable), \
    N_("The database to use (default: $SHENBAO_DB, else the user’s own)"), N_("PATH") }

static ShenbaoStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  ShenbaoStore *store = shenbao_store_new (path, &error);

  if (store == NULL)
    g_printerr ("%s\n", error->message);
  return store;
}

/* In these commands a damaged file is the database, an I/O error (2), not
 * input that breaks a rule. */
static int
fail (GError *error)
{
  if (g_error_matches (error, SHENBAO_ERROR, SHENBAO_ERROR_CORRUPT))
    {
      g_printerr ("%s\n", error->message);
      return SHENBAO_CLI_EXIT_USAGE;
    }
  return shenbao_cli_fail (error);
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      *id = (gint64) value;
      return TRUE;
    }
  g_printerr (_("“%s” is not the number of a stored application (see “shenbao-cli list”)."), text);
  g_printerr ("\n");
  return FALSE;
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "-";
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

int
shenbao_cli_list (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  const GOptionEntry entries[] = { DB_OPTION (db), { NULL } };
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (NULL,
                                _("Lists the stored applications, one a line, separated by tabs: "
                                  "number, name, occupation, condition, review state, last change."),
                                entries);
  g_autoptr(ShenbaoStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  if (!shenbao_cli_parse (context, &argc, &argv, 0, 0))
    return SHENBAO_CLI_EXIT_USAGE;
  store = open_store (db);
  if (store == NULL)
    return SHENBAO_CLI_EXIT_USAGE;
  list = shenbao_store_list (store, &error);
  if (list == NULL)
    return fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ShenbaoApplicationSummary) summary = g_list_model_get_item (list, i);
      g_autofree char *updated = format_time (shenbao_application_summary_get_updated (summary));
      g_autofree char *name = shenbao_cli_escape (or_dash (shenbao_application_summary_get_name (summary)));
      g_autofree char *occupation =
        shenbao_cli_escape (or_dash (shenbao_application_summary_get_occupation (summary)));
      g_autofree char *condition =
        shenbao_cli_escape (or_dash (shenbao_application_summary_get_condition (summary)));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n",
               shenbao_application_summary_get_id (summary), name, occupation, condition,
               shenbao_review_state_to_string (shenbao_application_summary_get_review_state (summary)),
               updated);
    }
  return SHENBAO_CLI_EXIT_OK;
}

int
shenbao_cli_import (int    argc,
                    char **argv)
{
  g_autofree char *db = NULL;
  const GOptionEntry entries[] = { DB_OPTION (db), { NULL } };
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("FILE"),
                                _("Stores an application file (with its attachments, read from "
                                  "beside it) as a new application and prints its number."),
                                entries);
  g_autoptr(ShenbaoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!shenbao_cli_parse (context, &argc, &argv, 1, 1))
    return SHENBAO_CLI_EXIT_USAGE;
  store = open_store (db);
  if (store == NULL)
    return SHENBAO_CLI_EXIT_USAGE;
  id = shenbao_store_import (store, argv[1], &error);
  if (id == 0)
    return fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return SHENBAO_CLI_EXIT_OK;
}

int
shenbao_cli_export_app (int    argc,
                        char **argv)
{
  g_autofree char *db = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    DB_OPTION (db),
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Overwrite FILE when it exists"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("ID FILE"),
                                _("Writes a stored application to an application file, with one "
                                  "file per attachment beside it, named after its slot."),
                                entries);
  g_autoptr(ShenbaoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!shenbao_cli_parse (context, &argc, &argv, 2, 2) || !parse_id (argv[1], &id))
    return SHENBAO_CLI_EXIT_USAGE;
  /* An earlier export may be the only copy of an application since deleted. */
  if (!force && g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (argv[2]);

      g_printerr (_("“%s” exists. Choose another name, or add --force to overwrite it."), display);
      g_printerr ("\n");
      return SHENBAO_CLI_EXIT_USAGE;
    }
  store = open_store (db);
  if (store == NULL)
    return SHENBAO_CLI_EXIT_USAGE;
  if (!shenbao_store_export (store, id, argv[2], &error))
    return fail (error);
  return SHENBAO_CLI_EXIT_OK;
}

static void
print_event (const ShenbaoReviewEvent *event)
{
  g_autofree char *time = format_time (event->time);
  g_autofree char *mailed_date = shenbao_cli_escape (event->mailed_date);
  g_autofree char *tracking_number = shenbao_cli_escape (event->tracking_number);
  g_autofree char *reason = shenbao_cli_escape (event->reason);

  if (event->mailing)
    g_print ("%s\t%s\t%s\t%s\n", time, SHENBAO_REVIEW_MAILED, mailed_date, tracking_number);
  else if (event->reason != NULL)
    g_print ("%s\t%s\t%s\n", time, shenbao_review_state_to_string (event->state), reason);
  else
    g_print ("%s\t%s\n", time, shenbao_review_state_to_string (event->state));
}

static int
print_status (ShenbaoStore *store,
              gint64        id)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  ShenbaoReviewState state = SHENBAO_REVIEW_NOT_SUBMITTED;

  history = shenbao_store_get_review_history (store, id, &error);
  if (history == NULL)
    return fail (error);
  if (history->len > 0)
    state = ((ShenbaoReviewEvent *) g_ptr_array_index (history, history->len - 1))->state;
  g_print ("%s\n", shenbao_review_state_to_string (state));
  for (guint i = 0; i < history->len; i++)
    print_event (g_ptr_array_index (history, i));
  return SHENBAO_CLI_EXIT_OK;
}

static void
print_states (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (ShenbaoReviewState state = SHENBAO_REVIEW_IN_REVIEW; state < SHENBAO_N_REVIEW_STATES; state++)
    g_string_append_printf (names, "%s ", shenbao_review_state_to_string (state));
  g_string_append (names, SHENBAO_REVIEW_MAILED);
  g_printerr (_("The states are: %s"), names->str);
  g_printerr ("\n");
}

int
shenbao_cli_status (int    argc,
                    char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *date = NULL;
  g_autofree char *tracking_number = NULL;
  const GOptionEntry entries[] = {
    DB_OPTION (db),
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("With 材料已邮寄: the day the originals were posted (default: today)"), N_("YYYY-MM-DD") },
    { "tracking-number", 0, 0, G_OPTION_ARG_STRING, &tracking_number,
      N_("With 材料已邮寄: the parcel’s tracking number (required)"), N_("NUMBER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("ID [STATE [REASON]]"),
                                _("Shows the review state of a stored application (first line) "
                                  "and its history, or moves it on to STATE: 审核中, 审核不通过 "
                                  "(with the reviewer’s REASON), 审核通过, 待缴费, 已缴费, 准考证. "
                                  "“材料已邮寄 --tracking-number NUMBER [--date DATE]” records the "
                                  "mailing of the originals."),
                                entries);
  g_autoptr(ShenbaoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ShenbaoReviewState state = SHENBAO_REVIEW_NOT_SUBMITTED;
  gboolean mailing;
  gboolean ok;
  gint64 id;

  if (!shenbao_cli_parse (context, &argc, &argv, 1, 3) || !parse_id (argv[1], &id))
    return SHENBAO_CLI_EXIT_USAGE;
  mailing = argc > 2 && g_str_equal (argv[2], SHENBAO_REVIEW_MAILED);
  if (argc > 2 && !mailing && !shenbao_review_state_from_string (argv[2], &state))
    {
      g_printerr (_("“%s” is not a review state."), argv[2]);
      g_printerr (" ");
      print_states ();
      return SHENBAO_CLI_EXIT_USAGE;
    }
  if ((!mailing && (date != NULL || tracking_number != NULL)) || (mailing && argc > 3))
    {
      g_printerr ("%s\n", _("--date and --tracking-number go with 材料已邮寄, and REASON only "
                            "with 审核不通过."));
      return SHENBAO_CLI_EXIT_USAGE;
    }

  store = open_store (db);
  if (store == NULL)
    return SHENBAO_CLI_EXIT_USAGE;
  if (argc == 2)
    return print_status (store, id);

  if (mailing)
    {
      if (date == NULL)
        {
          GDate today;

          shenbao_date_set_today (&today);
          date = shenbao_date_format (&today);
        }
      ok = shenbao_store_add_mailing (store, id, date, tracking_number, &error);
    }
  else
    ok = shenbao_store_set_review_state (store, id, state, argc > 3 ? argv[3] : NULL, &error);
  if (!ok)
    return fail (error);
  return print_status (store, id);
}
