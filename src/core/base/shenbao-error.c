/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-error"

#include "shenbao-error.h"

G_DEFINE_QUARK (shenbao-error-quark, shenbao_error)
