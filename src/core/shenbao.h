/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The core library: rules, catalogue, storage, photos, PDF and export, with no
 * GTK dependency. The GUI, the CLI and the tests include only this header. */

#include "shenbao-error.h"
#include "shenbao-finding.h"
#include "shenbao-paths.h"
#include "shenbao-date.h"
#include "shenbao-id-number.h"
#include "shenbao-image.h"
#include "shenbao-photo.h"
#include "shenbao-document-check.h"
