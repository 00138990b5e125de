/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "shenbao-catalogue.h"

G_BEGIN_DECLS

/* The upload slots other than the 1-inch photo (guide §三.6), by what the
 * picture shows. */
typedef enum
{
  SHENBAO_DOCUMENT_ID_CARD,     /* a side of the ID card: landscape, 85.6 × 54 mm */
  SHENBAO_DOCUMENT_FORM,        /* a printed A4 form or letter, handwritten: portrait */
  SHENBAO_DOCUMENT_CERTIFICATE, /* a diploma or certificate, either way round */
} ShenbaoDocumentKind;

/* The kind of picture an upload slot of the catalogue takes; FALSE for the
 * 1-inch photo, which has checks of its own (shenbao-photo.h). */
gboolean shenbao_document_kind_for_slot (const ShenbaoSlot   *slot,
                                         ShenbaoDocumentKind *kind);

/* The checks of the slot's kind on an attached file: the 1-inch photo's
 * (shenbao_photo_check) or a document picture's. Never fails. */
GPtrArray *shenbao_slot_check (const ShenbaoSlot *slot,
                               GBytes            *data);

/* 2 MB read as 2 000 000 bytes, the smaller of its two readings. */
#define SHENBAO_DOCUMENT_DEFAULT_MAX_BYTES 2000000

/* The checks of a document picture (guide §三.6), as findings with codes under
 * "document.": a readable JPEG or PNG, big enough to read, the right way
 * round, not blurred. Never fails: a bad file is a finding. */
GPtrArray *shenbao_document_check  (GBytes              *data,
                                    ShenbaoDocumentKind  kind);

/* The picture as it leaves the application: upright, a clean JPEG (no
 * metadata) of at most max_bytes, at the best quality that fits; scaled down
 * by steps only when quality alone cannot bring it under max_bytes, and
 * never below the size the kind needs to stay readable. */
GBytes    *shenbao_document_encode (GBytes              *data,
                                    ShenbaoDocumentKind  kind,
                                    gsize                max_bytes,
                                    GError             **error);

G_END_DECLS
