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
#include "shenbao-review.h"
#include "shenbao-application-summary.h"
#include "shenbao-store.h"
#include "shenbao-catalogue.h"
#include "shenbao-names.h"
#include "shenbao-application-file.h"
#include "shenbao-rules.h"
#include "shenbao-verdict-reason.h"
#include "shenbao-image.h"
#include "shenbao-photo.h"
#include "shenbao-face.h"
#include "shenbao-document-check.h"
#include "shenbao-attachment-checker.h"
#include "shenbao-steps.h"
#include "shenbao-documents.h"
#include "shenbao-csv.h"
#include "shenbao-export.h"
#include "shenbao-batch.h"
#include "shenbao-file.h"
#include "shenbao-limits.h"
