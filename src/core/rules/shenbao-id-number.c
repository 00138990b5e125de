/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-id-number"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "shenbao-date.h"
#include "shenbao-id-number.h"

G_DEFINE_QUARK (shenbao-id-number-error-quark, shenbao_id_number_error)

/* GB 11643-1999: the weights of ISO 7064 MOD 11-2 and the check characters. */
static const int check_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char check_characters[] = "10X98765432";

/* Province-level codes of GB/T 2260 (the first two digits), with 71 for Taiwan
 * and 81/82/83 for the residence permits of Hong Kong, Macao and Taiwan. */
static const int province_codes[] = {
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
  71, 81, 82, 83,
};

static gboolean
is_province_code (int code)
{
  for (gsize i = 0; i < G_N_ELEMENTS (province_codes); i++)
    if (province_codes[i] == code)
      return TRUE;
  return FALSE;
}

char
shenbao_id_number_check_digit (const char *first17)
{
  int sum = 0;

  for (int i = 0; i < 17; i++)
    sum += (first17[i] - '0') * check_weights[i];
  return check_characters[sum % 11];
}

static int
two_digits (const char *text)
{
  return (text[0] - '0') * 10 + (text[1] - '0');
}

/* Strips the spaces and dashes people type to group the digits, and folds a
 * lower-case x into the upper-case check character the standard prints. */
static char *
normalise (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '-' || c == 0x3000 /* ideographic space */)
        continue;
      if (c >= 0xFF10 && c <= 0xFF19) /* full-width digits from a Chinese IME */
        c = '0' + (c - 0xFF10);
      else if (c == 0xFF38 || c == 0xFF58) /* full-width X, x */
        c = 'X';
      else if (c == 'x')
        c = 'X';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static ShenbaoIdKind
kind_for (const char *number)
{
  int region = two_digits (number);

  if (number[0] == '9')
    return SHENBAO_ID_KIND_FOREIGN_PERMANENT;
  if (region == 81 || region == 82)
    return SHENBAO_ID_KIND_HK_MACAO_RESIDENT;
  if (region == 83)
    return SHENBAO_ID_KIND_TAIWAN_RESIDENT;
  return SHENBAO_ID_KIND_RESIDENT;
}

static gboolean
check_shape (const char *number,
             GError    **error)
{
  glong length = g_utf8_strlen (number, -1);

  if (length == 0)
    {
      g_set_error_literal (error, SHENBAO_ID_NUMBER_ERROR, SHENBAO_ID_NUMBER_ERROR_EMPTY,
                           _("The ID number is empty"));
      return FALSE;
    }
  if (length == 15 && strspn (number, "0123456789") == 15)
    {
      g_set_error_literal (error, SHENBAO_ID_NUMBER_ERROR, SHENBAO_ID_NUMBER_ERROR_LEGACY,
                           _("This is a 15-digit first-generation ID number, which is no longer valid: "
                             "enter the 18-digit number of your current ID card"));
      return FALSE;
    }
  if (length != 18)
    {
      g_set_error (error, SHENBAO_ID_NUMBER_ERROR, SHENBAO_ID_NUMBER_ERROR_LENGTH,
                   _("An ID number has 18 characters, this one has %ld"), length);
      return FALSE;
    }
  if (strspn (number, "0123456789") < 17 || !(g_ascii_isdigit (number[17]) || number[17] == 'X'))
    {
      g_set_error_literal (error, SHENBAO_ID_NUMBER_ERROR, SHENBAO_ID_NUMBER_ERROR_CHARACTERS,
                           _("An ID number is 17 digits followed by a digit or X"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_region (const char *number,
              GError    **error)
{
  /* The 2023 permanent-residence card puts the issuing province after the 9. */
  int region = number[0] == '9' ? two_digits (number + 1) : two_digits (number);

  if (!is_province_code (region) || (number[0] == '9' && region > 65))
    {
      g_set_error (error, SHENBAO_ID_NUMBER_ERROR, SHENBAO_ID_NUMBER_ERROR_REGION,
                   _("The ID number starts with a region code (%.2s) that does not exist"),
                   number[0] == '9' ? number + 1 : number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_birth_date (const char  *number,
                  const GDate *today,
                  GDate       *birth_date,
                  GError     **error)
{
  g_autofree char *digits = g_strndup (number + 6, 8);
  g_autofree char *iso = g_strdup_printf ("%.4s-%.2s-%.2s", digits, digits + 4, digits + 6);

  if (!shenbao_date_parse (iso, birth_date, NULL))
    {
      g_set_error (error, SHENBAO_ID_NUMBER_ERROR, SHENBAO_ID_NUMBER_ERROR_BIRTH_DATE,
                   _("Digits 7 to 14 of the ID number (%s) are not a valid birth date"), digits);
      return FALSE;
    }
  if (g_date_compare (birth_date, today) > 0)
    {
      g_set_error (error, SHENBAO_ID_NUMBER_ERROR, SHENBAO_ID_NUMBER_ERROR_FUTURE,
                   _("The birth date in the ID number (%s) is in the future"), iso);
      return FALSE;
    }
  return TRUE;
}

gboolean
shenbao_id_number_parse (const char      *text,
                         const GDate     *today,
                         ShenbaoIdNumber *out,
                         GError         **error)
{
  g_autofree char *number = NULL;
  GDate birth_date;
  char expected;

  /* normalise walks characters: bytes that are not UTF-8 (a command-line
   * argument, a CSV cell) would take it past the end of the text. */
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SHENBAO_ID_NUMBER_ERROR, SHENBAO_ID_NUMBER_ERROR_CHARACTERS,
                           _("An ID number is 17 digits followed by a digit or X"));
      return FALSE;
    }
  number = normalise (text != NULL ? text : "");
  if (!check_shape (number, error) || !check_region (number, error)
      || !check_birth_date (number, today, &birth_date, error))
    return FALSE;

  expected = shenbao_id_number_check_digit (number);
  if (number[17] != expected)
    {
      g_set_error (error, SHENBAO_ID_NUMBER_ERROR, SHENBAO_ID_NUMBER_ERROR_CHECKSUM,
                   _("The last character of the ID number does not match the others "
                     "(by the checksum it should be %c): check each digit for a typing mistake"),
                   expected);
      return FALSE;
    }

  memcpy (out->number, number, 19);
  out->kind = kind_for (number);
  out->gender = (number[16] - '0') % 2 == 1 ? SHENBAO_GENDER_MALE : SHENBAO_GENDER_FEMALE;
  out->birth_date = birth_date;
  return TRUE;
}

const char *
shenbao_id_kind_to_string (ShenbaoIdKind kind)
{
  switch (kind)
    {
    case SHENBAO_ID_KIND_HK_MACAO_RESIDENT:
      return _("Residence permit for Hong Kong and Macao residents");
    case SHENBAO_ID_KIND_TAIWAN_RESIDENT:
      return _("Residence permit for Taiwan residents");
    case SHENBAO_ID_KIND_FOREIGN_PERMANENT:
      return _("Foreigner's permanent residence ID card");
    case SHENBAO_ID_KIND_RESIDENT:
    default:
      return _("Resident ID card");
    }
}

/* The application file and the forms use the guide's words, 男 and 女, whatever
 * the interface language. */
const char *
shenbao_gender_to_string (ShenbaoGender gender)
{
  switch (gender)
    {
    case SHENBAO_GENDER_MALE:
      return "男";
    case SHENBAO_GENDER_FEMALE:
      return "女";
    case SHENBAO_GENDER_UNKNOWN:
    default:
      return "";
    }
}

ShenbaoGender
shenbao_gender_from_string (const char *text)
{
  if (g_strcmp0 (text, "男") == 0)
    return SHENBAO_GENDER_MALE;
  if (g_strcmp0 (text, "女") == 0)
    return SHENBAO_GENDER_FEMALE;
  return SHENBAO_GENDER_UNKNOWN;
}
