/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SHENBAO_ERROR (shenbao_error_quark ())

/* Every failure a user or a file can cause carries one of these codes and a
 * translated message fit to show as it is. */
typedef enum
{
  SHENBAO_ERROR_FAILED,
  SHENBAO_ERROR_INVALID_INPUT,   /* a value breaks a format (a date, a number) */
  SHENBAO_ERROR_NOT_FOUND,       /* a file, an application, a catalogue name */
  SHENBAO_ERROR_IO,              /* reading or writing a file failed */
  SHENBAO_ERROR_PARSE,           /* malformed or hostile XML/CSV */
  SHENBAO_ERROR_SCHEMA,          /* well-formed but not what the schema allows */
  SHENBAO_ERROR_UNSUPPORTED_FORMAT,
  SHENBAO_ERROR_TOO_LARGE,
  SHENBAO_ERROR_CORRUPT,         /* a truncated or damaged image or database */
  SHENBAO_ERROR_FONT,            /* no usable font for the PDFs */
  SHENBAO_ERROR_STORE,           /* the database refused (locked, read-only, foreign) */
  SHENBAO_ERROR_EXISTS,          /* would overwrite something that exists */
  SHENBAO_ERROR_ILLEGAL_TRANSITION,
} ShenbaoError;

GQuark shenbao_error_quark (void);

G_END_DECLS
