/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Every bound on what an input may cost (a file of a few hundred
 * KB costs at most a second or two of CPU and a few hundred MB), in one
 * place, each with its reason. A limit is a count or a size checked before
 * the work it bounds, never a clock. */

/* A phone photo or a scan of an A4 form is a few megabytes; a file far
 * beyond that is not an upload, and reading it would only fill memory. */
#define SHENBAO_LIMIT_ATTACHMENT_BYTES (64 * 1024 * 1024)

/* All the attachments of one application together: eight slots of a few
 * MB each, with room to spare. 400 slots of one 63 MB file would otherwise
 * hold 25 GB. */
#define SHENBAO_LIMIT_APPLICATION_ATTACHMENT_BYTES (128 * 1024 * 1024)

/* No application file or catalogue needs more; a larger file is refused
 * before libxml2 sees it (a 100 MB text node is a hostile input). */
#define SHENBAO_LIMIT_XML_BYTES (16 * 1024 * 1024)

/* Elements of one XML document. The catalogue, the largest file Shenbao
 * reads, has about 2 000; the RELAX NG validator's cost grows faster than
 * the count (50 000 empty work entries took minutes). */
#define SHENBAO_LIMIT_XML_ELEMENTS 20000

/* Attributes of one element: Shenbao's schemas have at most four. libxml2
 * (2.9) checks each new attribute against all before it, so 40 000 on one
 * element cost 800 million comparisons. */
#define SHENBAO_LIMIT_XML_ATTRIBUTES 64

/* Work entries of one application. A working life of 45 years with a new
 * employer every six months is 90; the form has one row per entry, and the
 * layout of a table grows faster than its rows (2 000 took 25 s). */
#define SHENBAO_LIMIT_WORK_ENTRIES 100

/* Work entry columns of a batch CSV ("work/N/…"): the guide's form has room
 * for a handful of entries; a column number far beyond is a typo. */
#define SHENBAO_LIMIT_BATCH_WORK_ENTRIES 20

/* One field of an input CSV: a name or an address is a few hundred bytes. */
#define SHENBAO_LIMIT_CSV_FIELD_BYTES (1024 * 1024)

/* An input CSV of a training school: a few thousand candidates. */
#define SHENBAO_LIMIT_CSV_BYTES (64 * 1024 * 1024)

/* libjpeg decodes a progressive file scan by scan, each a pass over every
 * coefficient of the image; real encoders write about ten scans (libjpeg's
 * default script), mozjpeg up to about 60. */
#define SHENBAO_LIMIT_JPEG_SCANS 100

/* Scans times pixels: the work of a progressive decode. 12 megapixels at
 * 100 scans or the 100-megapixel limit at 12 scans, about a second of CPU.
 * A 0.65 MB file of hundreds of scans over a large canvas would take
 * minutes. */
#define SHENBAO_LIMIT_JPEG_SCAN_PIXELS (1200LL * 1000 * 1000)
