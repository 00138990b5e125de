/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-cli-batch"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "shenbao.h"
#include "shenbao-cli.h"

/* One candidate of the batch: where it came from ("a.xml", "line 3") and
 * its application, or why there is none; once processed, its line of
 * summary.csv and whether it passes. */
typedef struct
{
  char               *source;
  ShenbaoApplication *application;
  GError             *error;
  guint               number;
  GString            *summary;
  gboolean            passes;
} Candidate;

static void
candidate_free (Candidate *candidate)
{
  g_free (candidate->source);
  g_clear_object (&candidate->application);
  g_clear_error (&candidate->error);
  if (candidate->summary != NULL)
    g_string_free (candidate->summary, TRUE);
  g_free (candidate);
}

static void
add_candidate (GPtrArray          *candidates,
               char               *source,
               ShenbaoApplication *application,
               GError             *error)
{
  Candidate *candidate = g_new0 (Candidate, 1);

  candidate->source = source;
  candidate->application = application;
  candidate->error = error;
  candidate->number = candidates->len + 1;
  g_ptr_array_add (candidates, candidate);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
read_folder (const char  *folder,
             GPtrArray   *candidates,
             GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  /* The order of the directory is the file system's; the user's is by name. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, file, NULL);
      GError *load_error = NULL;
      ShenbaoApplication *application = shenbao_application_file_load (path, &load_error);

      add_candidate (candidates, g_strdup (file), application, load_error);
    }
  return TRUE;
}

static gboolean
read_csv (const char        *path,
          ShenbaoCatalogue  *catalogue,
          const GDate       *today,
          GPtrArray         *candidates,
          GError           **error)
{
  g_autoptr(GBytes) contents = shenbao_file_read (path, SHENBAO_LIMIT_CSV_BYTES, error);
  g_autoptr(GPtrArray) rows = NULL;
  const char *data;
  gsize length;
  GStrv header;

  if (contents == NULL)
    return FALSE;
  data = g_bytes_get_data (contents, &length);
  rows = shenbao_csv_read (data, length, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE, _("The CSV file is empty"));
      return FALSE;
    }
  header = ((ShenbaoCsvRow *) g_ptr_array_index (rows, 0))->fields;
  if (!shenbao_batch_check_header (header, error))
    return FALSE;
  for (guint i = 1; i < rows->len; i++)
    {
      const ShenbaoCsvRow *row = g_ptr_array_index (rows, i);
      GError *row_error = NULL;
      ShenbaoApplication *application =
        shenbao_batch_application_from_row (catalogue, header, row, today, &row_error);

      add_candidate (candidates, g_strdup_printf (_("line %u"), row->line), application, row_error);
    }
  return TRUE;
}

/* Validates and renders one candidate's documents into its own folder,
 * numbered so that two candidates of one name never share one; returns
 * whether it passes and appends its summary line. */
static gboolean
process (Candidate        *candidate,
         guint             number,
         ShenbaoCatalogue *catalogue,
         const GDate      *today,
         const char       *out,
         guint             documents,
         GString          *summary)
{
  g_autoptr(ShenbaoVerdict) verdict = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder_name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *verdict_text = NULL;
  g_autofree char *months = NULL;
  gboolean passes;

  shenbao_csv_append_field (summary, candidate->source, FALSE);
  if (candidate->application == NULL)
    {
      for (int column = 0; column < 3; column++)
        shenbao_csv_append_field (summary, "", FALSE);
      shenbao_csv_append_field (summary, "error", FALSE);
      shenbao_csv_append_field (summary, candidate->error->message, FALSE);
      shenbao_csv_append_field (summary, "", TRUE);
      return FALSE;
    }
  name = shenbao_export_get_name (candidate->application);
  folder_name = g_strdup_printf ("%04u-%s", number, name);
  folder = g_build_filename (out, folder_name, NULL);
  verdict = shenbao_rules_check (candidate->application, catalogue, SHENBAO_RULES_DEFAULT, today);
  passes = shenbao_verdict_passes (verdict);
  problems = shenbao_findings_join (verdict->findings);
  verdict_text = shenbao_verdict_get_summary (verdict);
  /* The count the verdict judged, as the CLI and the forms give it. */
  months = verdict->months_needed > 0 ? g_strdup_printf ("%d", shenbao_verdict_get_months_counted (verdict))
                                      : g_strdup ("");
  /* The folder's name comes from the data: one prepared as a link in DIR
   * must not take the documents elsewhere. */
  if (!shenbao_file_make_folder (folder, &error)
      || !shenbao_documents_render_some (candidate->application, catalogue, folder, documents, NULL, &error))
    {
      g_autofree char *all = *problems != '\0' ? g_strconcat (problems, "; ", error->message, NULL)
                                               : g_strdup (error->message);

      g_free (problems);
      problems = g_steal_pointer (&all);
      passes = FALSE;
      g_clear_pointer (&folder_name, g_free);
      folder_name = g_strdup ("");
    }
  shenbao_csv_append_field (summary, shenbao_application_get (candidate->application, SHENBAO_FIELD_PERSON_NAME),
                            FALSE);
  shenbao_csv_append_field (summary, folder_name, FALSE);
  shenbao_csv_append_field (summary, verdict_text, FALSE);
  shenbao_csv_append_field (summary, passes ? "passes" : "fails", FALSE);
  shenbao_csv_append_field (summary, problems, FALSE);
  shenbao_csv_append_field (summary, months, TRUE);
  return passes;
}

/* What every worker shares, read-only but for the queue of candidates done. */
typedef struct
{
  ShenbaoCatalogue *catalogue;
  const GDate      *today;
  const char       *out;
  guint             documents;
  GAsyncQueue      *done;
} Batch;

static void
process_in_pool (gpointer data,
                 gpointer user_data)
{
  Candidate *candidate = data;
  Batch *batch = user_data;

  candidate->summary = g_string_new (NULL);
  candidate->passes = process (candidate, candidate->number, batch->catalogue, batch->today, batch->out,
                               batch->documents, candidate->summary);
  g_async_queue_push (batch->done, candidate);
}

/* Candidates are independent: each is checked and rendered on a worker of a
 * pool with a thread per processor this process may run on (taskset limits
 * it). The core shares the catalogue, the forms and the fonts between
 * threads read-only; each PDF has a libharu document of its own. */
static guint
process_all (GPtrArray *candidates,
             Batch     *batch)
{
  GThreadPool *pool;
  guint failed = 0;

  batch->done = g_async_queue_new ();
  pool = g_thread_pool_new (process_in_pool, batch, (int) g_get_num_processors (), FALSE, NULL);
  for (guint i = 0; i < candidates->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (candidates, i), NULL);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = g_async_queue_pop (batch->done);

      if (!candidate->passes)
        failed++;
      /* One progress line, rewritten in place. */
      g_printerr ("\r");
      g_printerr (_("%u of %u done, %u failing"), i + 1, candidates->len, failed);
    }
  g_printerr ("\n");
  g_thread_pool_free (pool, FALSE, TRUE);
  g_async_queue_unref (batch->done);
  return failed;
}

int
shenbao_cli_batch (int    argc,
                   char **argv)
{
  g_autofree char *out = NULL;
  gboolean force = FALSE;
  gboolean all_documents = FALSE;
  const GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The folder to write the candidates’ folders into"),
      N_("DIR") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Write into DIR even when it holds an earlier batch"), NULL },
    { "all-documents", 0, 0, G_OPTION_ARG_NONE, &all_documents,
      N_("Write each form also as a PDF of its own, beside the print package"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    shenbao_cli_option_context (_("INPUT --out DIR"),
                                _("Checks and renders many applications: INPUT is a folder of application "
                                  "files (*.xml) or a CSV file with one candidate per row (see doc/batch.md). "
                                  "Each candidate gets a folder with its print package, which holds every "
                                  "form in print order; summary.csv lists every verdict and problem. The "
                                  "exit status is 1 when any candidate fails."),
                                entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  g_autoptr(GString) summary = g_string_new ("source,name,folder,verdict,result,problems,months\r\n");
  g_autofree char *summary_path = NULL;
  g_autoptr(GBytes) summary_bytes = NULL;
  ShenbaoCatalogue *catalogue;
  GDate today;
  guint failed;
  guint documents;
  Batch batch;
  gboolean read;

  if (!shenbao_cli_parse (context, &argc, &argv, 1, 1))
    return SHENBAO_CLI_EXIT_USAGE;
  if (out == NULL)
    {
      g_printerr ("%s\n", _("Say where to write the batch with --out DIR."));
      return SHENBAO_CLI_EXIT_USAGE;
    }
  summary_path = g_build_filename (out, "summary.csv", NULL);
  if (!force && shenbao_file_exists (summary_path))
    {
      g_printerr (_("“%s” holds an earlier batch: choose another folder, or add --force."), out);
      g_printerr ("\n");
      return SHENBAO_CLI_EXIT_USAGE;
    }
  /* The print package repeats every other document in print order: what a
   * school prints for a class. Writing the others too costs
   * about three times as long, each PDF embedding its own fonts. */
  documents = all_documents ? SHENBAO_DOCUMENTS_ALL : SHENBAO_DOCUMENT_BIT (SHENBAO_DOCUMENT_PRINT_PACKAGE);
  /* The catalogue and the fonts are loaded once per process and shared by
   * every candidate. */
  catalogue = shenbao_catalogue_get_default (&error);
  if (catalogue == NULL)
    return shenbao_cli_fail (error);
  shenbao_date_set_today (&today);
  if (g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    read = read_folder (argv[1], candidates, &error);
  else
    read = read_csv (argv[1], catalogue, &today, candidates, &error);
  if (!read || g_mkdir_with_parents (out, 0755) != 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : g_strerror (errno));
      return SHENBAO_CLI_EXIT_USAGE;
    }

  batch = (Batch) { catalogue, &today, out, documents, NULL };
  failed = process_all (candidates, &batch);
  /* In the order of the input, whatever order the workers finished in. */
  for (guint i = 0; i < candidates->len; i++)
    g_string_append_len (summary, ((Candidate *) g_ptr_array_index (candidates, i))->summary->str,
                         ((Candidate *) g_ptr_array_index (candidates, i))->summary->len);
  summary_bytes = g_bytes_new (summary->str, summary->len);
  if (!shenbao_file_replace (summary_path, summary_bytes, &error))
    {
      g_printerr ("%s\n", error->message);
      return SHENBAO_CLI_EXIT_USAGE;
    }
  g_print ("%s\n", summary_path);
  return failed > 0 ? SHENBAO_CLI_EXIT_RULE : SHENBAO_CLI_EXIT_OK;
}
