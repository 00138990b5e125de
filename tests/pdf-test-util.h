/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* Reading PDFs back with the tools a user would (poppler-utils, qpdf). A
 * missing tool fails the test: they are in build-aux/debian-packages.txt. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} PdfRun;

static inline void
pdf_run_clear (PdfRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdfRun, pdf_run_clear)

static inline void
pdf_run (PdfRun             *run,
         const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* Writes bytes to a file in a fresh temporary folder. */
static inline char *
pdf_write_temp (GBytes     *bytes,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shenbao-pdf-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

/* The text pdftotext gives back, which must come without a warning, in the
 * order it was drawn (-raw): a table's cells read as written, not in
 * columns. */
static inline char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL };
  g_auto(PdfRun) run = { 0 };

  pdf_run (&run, argv);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return g_steal_pointer (&run.out);
}

/* The same with every space and line break taken out, for text that the
 * layout may wrap. */
static inline char *
pdf_text_joined (const char *path)
{
  g_autofree char *text = pdf_text (path);
  GString *joined = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (joined, g_utf8_get_char (p));
  return g_string_free (joined, FALSE);
}

/* pdffonts: asserts that every font is embedded and returns the listing. */
static inline char *
pdf_fonts (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_auto(PdfRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  pdf_run (&run, argv);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 3);
  for (guint i = 2; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) columns = g_strsplit_set (lines[i], " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; columns[j] != NULL; j++)
        if (*columns[j] != '\0')
          g_ptr_array_add (words, columns[j]);
      const char *name = g_ptr_array_index (words, 0);

      /* name type… encoding emb sub uni object ID: emb is the fifth from the
       * end; every font embedded, a subset, with a ToUnicode map */
      g_assert_cmpuint (words->len, >=, 6);
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 4), ==, "yes");
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 3), ==, "yes");
      /* a subset's name starts with a tag of six capitals and "+", its own:
       * libharu's first would be HPDFAA in every file */
      g_assert_cmpuint (strlen (name), >, 7);
      for (int c = 0; c < 6; c++)
        g_assert_true (g_ascii_isupper (name[c]));
      g_assert_cmpint (name[6], ==, '+');
      g_assert_false (g_str_has_prefix (name, "HPDFA"));
    }
  return g_steal_pointer (&run.out);
}

/* The tagged name pdffonts gives for the font whose name holds family. */
static inline char *
pdf_font_name (const char *path,
               const char *family)
{
  g_autofree char *fonts = pdf_fonts (path);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

  for (guint i = 2; lines[i] != NULL; i++)
    if (strstr (lines[i], family) != NULL)
      return g_strndup (lines[i], strcspn (lines[i], " "));
  return NULL;
}

static inline void
pdf_assert_valid (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_auto(PdfRun) run = { 0 };

  pdf_run (&run, argv);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "No syntax or stream encoding errors"));
}

static inline int
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_auto(PdfRun) run = { 0 };
  const char *line;

  pdf_run (&run, argv);
  line = strstr (run.out, "\nPages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

static inline char *
pdf_info (const char *path,
          const char *key)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_auto(PdfRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  pdf_run (&run, argv);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

/* How many pixels of the first page, rendered at 72 dpi in grey, are not
 * white: what a reader sees of it. */
static inline guint
pdf_dark_pixels (const char *path)
{
  g_autofree char *root = g_strconcat (path, ".render", NULL);
  g_autofree char *pgm = g_strconcat (root, ".pgm", NULL);
  const char *argv[] = { "pdftoppm", "-r", "72", "-gray", "-singlefile", "-f", "1", "-l", "1", path, root, NULL };
  g_auto(PdfRun) run = { 0 };
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  int width = 0, height = 0, max = 0, header = 0;
  guint dark = 0;

  pdf_run (&run, argv);
  g_assert_cmpint (run.status, ==, 0);
  g_file_get_contents (pgm, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sscanf (data, "P5 %d %d %d%n", &width, &height, &max, &header), ==, 3);
  header++;   /* the single space after the maximum */
  g_assert_cmpuint (length, >=, (gsize) header + (gsize) width * height);
  for (gsize i = header; i < (gsize) header + (gsize) width * height; i++)
    if ((guint8) data[i] < 200)
      dark++;
  return dark;
}

/* pdftotext of one page (from 1), in a mode (-raw, -bbox). */
static inline void
pdf_run_page (PdfRun     *run,
              const char *mode,
              const char *path,
              int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", mode, "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };

  pdf_run (run, argv);
  g_assert_cmpint (run->status, ==, 0);
}

/* The text of one page (from 1), spaces and line breaks taken out. */
static inline char *
pdf_page_text_joined (const char *path,
                      int         page)
{
  g_auto(PdfRun) run = { 0 };
  GString *joined = g_string_new (NULL);

  pdf_run_page (&run, "-raw", path, page);
  for (const char *p = run.out; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != '\f')
      g_string_append_unichar (joined, g_utf8_get_char (p));
  return g_string_free (joined, FALSE);
}

/* A word as pdftotext -bbox sees it, in points from the top left. */
typedef struct
{
  char   *text;
  double  x0, y0, x1, y1;
} PdfWord;

static inline void
pdf_word_clear (gpointer data)
{
  g_free (((PdfWord *) data)->text);
}

static inline double
pdf_attribute (const char *tag,
               const char *name)
{
  g_autofree char *key = g_strconcat (name, "=\"", NULL);
  const char *at = strstr (tag, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

/* The words of one page (from 1) with their boxes. */
static inline GArray *
pdf_words (const char *path,
           int         page)
{
  g_auto(PdfRun) run = { 0 };
  GArray *words = g_array_new (FALSE, TRUE, sizeof (PdfWord));
  const char *p;

  g_array_set_clear_func (words, pdf_word_clear);
  pdf_run_page (&run, "-bbox", path, page);
  for (p = strstr (run.out, "<word "); p != NULL; p = strstr (p, "<word "))
    {
      const char *text = strchr (p, '>') + 1;
      const char *end = strstr (text, "</word>");
      g_autofree char *tag = g_strndup (p, text - p);
      PdfWord word = { g_strndup (text, end - text) };

      word.x0 = pdf_attribute (tag, "xMin");
      word.y0 = pdf_attribute (tag, "yMin");
      word.x1 = pdf_attribute (tag, "xMax");
      word.y1 = pdf_attribute (tag, "yMax");
      g_array_append_val (words, word);
      p = end;
    }
  return words;
}

static inline const PdfWord *
pdf_find_word (GArray     *words,
               const char *text)
{
  for (guint i = 0; i < words->len; i++)
    if (strstr (g_array_index (words, PdfWord, i).text, text) != NULL)
      return &g_array_index (words, PdfWord, i);
  return NULL;
}

#define PDF_POINTS_PER_MM (72 / 25.4)
