/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao.h"

/* Check digits computed independently (by hand-written ISO 7064 MOD 11-2 in
 * another language), not by the code under test. */
typedef struct
{
  const char          *input;
  const char          *normalised;
  ShenbaoIdKind        kind;
  ShenbaoGender        gender;
  const char          *birth;
} ValidCase;

static const ValidCase valid_cases[] = {
  { "11010519491231002X", "11010519491231002X", SHENBAO_ID_KIND_RESIDENT, SHENBAO_GENDER_FEMALE, "1949-12-31" },
  { "11010519491231002x", "11010519491231002X", SHENBAO_ID_KIND_RESIDENT, SHENBAO_GENDER_FEMALE, "1949-12-31" },
  { "440524188001010014", "440524188001010014", SHENBAO_ID_KIND_RESIDENT, SHENBAO_GENDER_MALE, "1880-01-01" },
  { "110105199003071239", "110105199003071239", SHENBAO_ID_KIND_RESIDENT, SHENBAO_GENDER_MALE, "1990-03-07" },
  { "110105 19900307 1239", "110105199003071239", SHENBAO_ID_KIND_RESIDENT, SHENBAO_GENDER_MALE, "1990-03-07" },
  { "１１０１０５１９９００３０７１２３９", "110105199003071239", SHENBAO_ID_KIND_RESIDENT, SHENBAO_GENDER_MALE, "1990-03-07" },
  { "110105200002290021", "110105200002290021", SHENBAO_ID_KIND_RESIDENT, SHENBAO_GENDER_FEMALE, "2000-02-29" },
  { "310115198808088826", "310115198808088826", SHENBAO_ID_KIND_RESIDENT, SHENBAO_GENDER_FEMALE, "1988-08-08" },
  { "810000199001010027", "810000199001010027", SHENBAO_ID_KIND_HK_MACAO_RESIDENT, SHENBAO_GENDER_FEMALE, "1990-01-01" },
  { "830000198506150040", "830000198506150040", SHENBAO_ID_KIND_TAIWAN_RESIDENT, SHENBAO_GENDER_FEMALE, "1985-06-15" },
  { "911040198506150018", "911040198506150018", SHENBAO_ID_KIND_FOREIGN_PERMANENT, SHENBAO_GENDER_MALE, "1985-06-15" },
};

typedef struct
{
  const char           *input;
  ShenbaoIdNumberError  code;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "", SHENBAO_ID_NUMBER_ERROR_EMPTY },
  { "   ", SHENBAO_ID_NUMBER_ERROR_EMPTY },
  { "110105900307123", SHENBAO_ID_NUMBER_ERROR_LEGACY },
  { "11010519900307123", SHENBAO_ID_NUMBER_ERROR_LENGTH },
  { "1101051990030712399", SHENBAO_ID_NUMBER_ERROR_LENGTH },
  { "11010519900307123A", SHENBAO_ID_NUMBER_ERROR_CHARACTERS },
  { "X10105199003071239", SHENBAO_ID_NUMBER_ERROR_CHARACTERS },
  { "110105199003071234", SHENBAO_ID_NUMBER_ERROR_CHECKSUM },
  { "110105199003071238", SHENBAO_ID_NUMBER_ERROR_CHECKSUM },
  { "110105199003071230", SHENBAO_ID_NUMBER_ERROR_CHECKSUM },
  /* 1999 is a common year: 29 February does not exist. */
  { "110105199902290021", SHENBAO_ID_NUMBER_ERROR_BIRTH_DATE },
  { "110105199013011236", SHENBAO_ID_NUMBER_ERROR_BIRTH_DATE },
  { "110105199004311234", SHENBAO_ID_NUMBER_ERROR_BIRTH_DATE },
  { "11010520300101001X", SHENBAO_ID_NUMBER_ERROR_FUTURE },
  { "990105199001010014", SHENBAO_ID_NUMBER_ERROR_REGION },
  { "000105199001010014", SHENBAO_ID_NUMBER_ERROR_REGION },
  { "720105199001010014", SHENBAO_ID_NUMBER_ERROR_REGION },
};

static void
today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 28, 11, 2026);
}

static void
test_valid (void)
{
  GDate now;

  today (&now);
  for (gsize i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *c = &valid_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *birth = NULL;
      ShenbaoIdNumber id;

      g_test_message ("valid: %s", c->input);
      g_assert_true (shenbao_id_number_parse (c->input, &now, &id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (id.number, ==, c->normalised);
      g_assert_cmpint (id.kind, ==, c->kind);
      g_assert_cmpint (id.gender, ==, c->gender);
      birth = shenbao_date_format (&id.birth_date);
      g_assert_cmpstr (birth, ==, c->birth);
    }
}

static void
test_invalid (void)
{
  GDate now;

  today (&now);
  for (gsize i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autoptr(GError) error = NULL;
      ShenbaoIdNumber id;

      g_test_message ("invalid: %s", c->input);
      g_assert_false (shenbao_id_number_parse (c->input, &now, &id, &error));
      g_assert_error (error, SHENBAO_ID_NUMBER_ERROR, (gint) c->code);
      g_assert_nonnull (error->message);
      g_assert_cmpuint (strlen (error->message), >, 10);
    }
}

static void
test_checksum_message_names_expected_digit (void)
{
  g_autoptr(GError) error = NULL;
  ShenbaoIdNumber id;
  GDate now;

  today (&now);
  g_assert_false (shenbao_id_number_parse ("110105199003071238", &now, &id, &error));
  g_assert_nonnull (strstr (error->message, "9"));
}

static void
test_birthday_today_is_not_future (void)
{
  g_autoptr(GError) error = NULL;
  ShenbaoIdNumber id;
  GDate birthday;

  g_date_clear (&birthday, 1);
  g_date_set_dmy (&birthday, 7, 3, 1990);
  g_assert_true (shenbao_id_number_parse ("110105199003071239", &birthday, &id, &error));
  g_date_subtract_days (&birthday, 1);
  g_assert_false (shenbao_id_number_parse ("110105199003071239", &birthday, &id, NULL));
}

static void
test_gender_strings (void)
{
  g_assert_cmpstr (shenbao_gender_to_string (SHENBAO_GENDER_MALE), ==, "男");
  g_assert_cmpint (shenbao_gender_from_string ("女"), ==, SHENBAO_GENDER_FEMALE);
  g_assert_cmpint (shenbao_gender_from_string ("x"), ==, SHENBAO_GENDER_UNKNOWN);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-number/valid", test_valid);
  g_test_add_func ("/id-number/invalid", test_invalid);
  g_test_add_func ("/id-number/checksum-message", test_checksum_message_names_expected_digit);
  g_test_add_func ("/id-number/birthday-boundary", test_birthday_today_is_not_future);
  g_test_add_func ("/id-number/gender-strings", test_gender_strings);

  return g_test_run ();
}
