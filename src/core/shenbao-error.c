/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "shenbao-error.h"

G_DEFINE_QUARK (shenbao-error-quark, shenbao_error)
