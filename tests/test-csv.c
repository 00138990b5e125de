/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "shenbao.h"

static GPtrArray *
read_ok (const char *text,
         gssize      length)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = shenbao_csv_read (text, length < 0 ? strlen (text) : (gsize) length, &error);

  g_assert_no_error (error);
  return rows;
}

static void
assert_row (GPtrArray          *rows,
            guint               index,
            guint               line,
            const char * const *fields)
{
  const ShenbaoCsvRow *row = g_ptr_array_index (rows, index);

  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpstrv (row->fields, fields);
}

static void
test_quotes (void)
{
  g_autoptr(GPtrArray) rows =
    read_ok ("name,note\r\n\"张三\",\"说 \"\"你好\"\"，\nok, fine\"\r\nplain,\"\"\n,\n", -1);

  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, 1, (const char * const[]) { "name", "note", NULL });
  assert_row (rows, 1, 2, (const char * const[]) { "张三", "说 \"你好\"，\nok, fine", NULL });
  assert_row (rows, 2, 4, (const char * const[]) { "plain", "", NULL });
  assert_row (rows, 3, 5, (const char * const[]) { "", "", NULL });
}

static void
test_no_final_line_end (void)
{
  g_autoptr(GPtrArray) rows = read_ok ("a,b\n\n1,2", -1);

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows, 1, 3, (const char * const[]) { "1", "2", NULL });
}

static void
test_bom (void)
{
  g_autoptr(GPtrArray) rows = read_ok ("\xEF\xBB\xBFperson/name\n王堃\n", -1);

  assert_row (rows, 0, 1, (const char * const[]) { "person/name", NULL });
  assert_row (rows, 1, 2, (const char * const[]) { "王堃", NULL });
}

static void
test_gb18030 (void)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *gb = g_convert ("person/name,occupation\r\n张三,互联网营销师\r\n", -1, "GB18030", "UTF-8",
                                   NULL, &length, &error);
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  rows = read_ok (gb, (gssize) length);
  assert_row (rows, 1, 2, (const char * const[]) { "张三", "互联网营销师", NULL });
}

static void
test_broken (void)
{
  struct { const char *text; const char *message; } cases[] = {
    { "a,b\n1,\"open\n2,3\n", "Line 2" },
    { "a,b\n\n1,\"x\"y\n", "Line 3" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = shenbao_csv_read (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (rows);
      g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

static void
test_ragged (void)
{
  g_autoptr(GPtrArray) rows = read_ok ("a,b,c\n1,2\n1,2,3,4\n", -1);
  const ShenbaoCsvRow *short_row = g_ptr_array_index (rows, 1);
  const ShenbaoCsvRow *long_row = g_ptr_array_index (rows, 2);

  g_assert_cmpuint (g_strv_length (short_row->fields), ==, 2);
  g_assert_cmpuint (short_row->line, ==, 2);
  g_assert_cmpuint (g_strv_length (long_row->fields), ==, 4);
  g_assert_cmpuint (long_row->line, ==, 3);
}

static void
test_write_round_trip (void)
{
  const char *values[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "" };
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    shenbao_csv_append_field (line, values[i], i + 1 == G_N_ELEMENTS (values));
  g_assert_cmpstr (line->str, ==, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  rows = read_ok (line->str, -1);
  assert_row (rows, 0, 1, (const char * const[]) { "plain", "a,b", "say \"hi\"", "two\nlines", "", NULL });
}

/* OWASP's CSV injection: each cell a spreadsheet would run gets an
 * apostrophe, and reads back as the text with it. */
static void
test_formula_cells (void)
{
  const char *values[] = { "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b", "", NULL };
  const char *expected = "'=1+1,'+1,'-1,'@SUM(A1),'\tx,\"'\rx\",a=b,\r\n";
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;

  for (gsize i = 0; values[i] != NULL; i++)
    shenbao_csv_append_field (line, values[i], values[i + 1] == NULL);
  g_assert_cmpstr (line->str, ==, expected);
  rows = read_ok (line->str, -1);
  assert_row (rows, 0, 1, (const char * const[]) { "'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx",
                                                   "a=b", "", NULL });
}

/* A NUL byte ends the text for the reader: the file stops there with its
 * line, in UTF-8 and in GB18030 alike, rather than losing the rows after. */
static void
test_nul_byte (void)
{
  static const char utf8[] = "a,b\n1,2\n3,\0\n5,6\n";
  g_autoptr(GError) convert_error = NULL;
  gsize length;
  g_autofree char *gb = g_convert ("a,b\n张三,2\n李四,x", -1, "GB18030", "UTF-8", NULL, &length,
                                   &convert_error);
  g_autofree char *gb_nul = NULL;
  struct { const char *data; gsize length; } cases[2];

  g_assert_no_error (convert_error);
  gb_nul = g_malloc (length + 8);
  memcpy (gb_nul, gb, length);
  memcpy (gb_nul + length, "\0\n5,6\n", 7);
  cases[0].data = utf8, cases[0].length = sizeof utf8 - 1;
  cases[1].data = gb_nul, cases[1].length = length + 7;
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = shenbao_csv_read (cases[i].data, cases[i].length, &error);

      g_assert_null (rows);
      g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "Line 3: a NUL byte"));
    }
}

/* One field is capped, quoted or not, with the line it starts on. */
static void
test_field_limit (void)
{
  g_autofree char *big = g_strnfill (SHENBAO_LIMIT_CSV_FIELD_BYTES + 1, 'x');
  g_autofree char *plain = g_strconcat ("a\n", big, "\n", NULL);
  g_autofree char *quoted = g_strconcat ("a\n\n\"", big, "\"\n", NULL);
  const char *texts[] = { plain, quoted };
  const char *lines[] = { "Line 2", "Line 3" };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = shenbao_csv_read (texts[i], strlen (texts[i]), &error);

      g_assert_null (rows);
      g_assert_error (error, SHENBAO_ERROR, SHENBAO_ERROR_TOO_LARGE);
      g_assert_true (g_str_has_prefix (error->message, lines[i]));
    }
  big[SHENBAO_LIMIT_CSV_FIELD_BYTES] = '\0';
  {
    g_autofree char *at_limit = g_strconcat ("a\n", big, "\n", NULL);
    g_autoptr(GPtrArray) rows = read_ok (at_limit, -1);

    g_assert_cmpuint (strlen (((ShenbaoCsvRow *) g_ptr_array_index (rows, 1))->fields[0]), ==,
                      SHENBAO_LIMIT_CSV_FIELD_BYTES);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  shenbao_core_init ();

  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/no-final-line-end", test_no_final_line_end);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/gb18030", test_gb18030);
  g_test_add_func ("/csv/broken", test_broken);
  g_test_add_func ("/csv/ragged", test_ragged);
  g_test_add_func ("/csv/write-round-trip", test_write_round_trip);
  g_test_add_func ("/csv/formula-cells", test_formula_cells);
  g_test_add_func ("/csv/nul-byte", test_nul_byte);
  g_test_add_func ("/csv/field-limit", test_field_limit);
  return g_test_run ();
}
