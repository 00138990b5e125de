/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The core library: rules, catalogue, storage, photos, PDF and export, with no
 * GTK dependency. The GUI, the CLI and the tests include only this header. */

#include "shenbao-error.h"
#include "shenbao-finding.h"
#include "shenbao-paths.h"
#include "shenbao-date.h"
#include "shenbao-id-number.h"
#include "shenbao-attachment.h"
#include "shenbao-work-entry.h"
#include "shenbao-application.h"
#include "shenbao-catalogue.h"
#include "shenbao-names.h"
#include "shenbao-application-file.h"
#include "shenbao-rules.h"
#include "shenbao-documents.h"
