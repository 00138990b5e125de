/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The libFuzzer entry points, compiled into a fuzzer by clang
 * (-Dfuzzing=true) and into the regression replay of the normal test suite
 * by any compiler (replay.c), so both run the same code on the same input. */
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize  (int           *argc,
                           char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
