/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One record of a CSV file and the line it starts on (1-based), for messages. */
typedef struct
{
  guint  line;
  GStrv  fields;
} ShenbaoCsvRow;

void       shenbao_csv_row_free     (ShenbaoCsvRow *row);

/* Reads RFC 4180 CSV: fields quoted or not, doubled quotes, commas and line
 * breaks inside quotes, LF or CRLF line ends, a final line end or none. The
 * text is UTF-8 (a BOM is dropped) or, when it is not valid UTF-8, GB18030,
 * as Excel saves "CSV" on a Chinese Windows. Blank lines are skipped. Rows
 * are returned as they are, ragged or not (the caller knows how many fields
 * it wants). Fails with SHENBAO_ERROR_PARSE naming the line for a quote left
 * open, text after a closing quote, a NUL byte or text in neither encoding,
 * and with SHENBAO_ERROR_TOO_LARGE for a field beyond
 * SHENBAO_LIMIT_CSV_FIELD_BYTES. */
GPtrArray *shenbao_csv_read         (const char    *data,
                                     gsize          length,
                                     GError       **error);

/* Appends one field to a CSV line being written, quoted when it must be,
 * followed by a comma or, for the last field, CRLF. A value a spreadsheet
 * would run as a formula (a leading =, +, -, @, tab or CR) gets an
 * apostrophe before it. */
void       shenbao_csv_append_field (GString       *line,
                                     const char    *value,
                                     gboolean       last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShenbaoCsvRow, shenbao_csv_row_free)

G_END_DECLS
