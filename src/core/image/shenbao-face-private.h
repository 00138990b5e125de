/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* shenbao-face-detector.cpp: the one C++ file, OpenCV's cascade classifier
 * behind a C interface. Errors come back as a message (OpenCV's own, in
 * English) for shenbao-face.c to wrap. */
typedef struct _ShenbaoFaceDetector ShenbaoFaceDetector;

typedef ShenbaoFaceDetector *ShenbaoFaceDetectorLoadFunc (const char  *cascade_path,
                                                          char       **message);
/* Faces in RGB pixels (3 or 4 channels), reduced to detect_size on the long
 * side first; appends ShenbaoPhotoCrop rectangles in the given pixels. */
typedef gboolean ShenbaoFaceDetectorRunFunc (ShenbaoFaceDetector *detector,
                                             const guint8        *pixels,
                                             int                  width,
                                             int                  height,
                                             int                  rowstride,
                                             int                  channels,
                                             int                  detect_size,
                                             GArray              *faces,
                                             char               **message);

/* The module's two functions, which shenbao-face.c looks up by these names. */
ShenbaoFaceDetectorLoadFunc shenbao_face_detector_load;
ShenbaoFaceDetectorRunFunc  shenbao_face_detector_run;

G_END_DECLS
