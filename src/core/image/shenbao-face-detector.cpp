/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-face-detector"

#include "config.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include "shenbao-face-private.h"
#include "shenbao-photo.h"

/* detectMultiScale's pyramid step and the neighbouring hits a face needs:
 * OpenCV's usual 1.1 step, and 5 neighbours rather than 3, which drops the
 * weak hits that a cat's face gives and still finds the test portrait at
 * every size tried. */
#define SCALE_STEP     1.1
#define MIN_NEIGHBOURS 5
/* A face smaller than this share of the picture's short side (a tenth of
 * the height of a 3:4 phone photo, less than half the smallest face a
 * 1-inch photo may have) is no 1-inch photo's subject. The finest scales
 * are most of the search: this limit halves its time. */
#define MIN_FACE_SHARE 0.12

struct _ShenbaoFaceDetector
{
  cv::CascadeClassifier classifier;
};

ShenbaoFaceDetector *
shenbao_face_detector_load (const char  *cascade_path,
                            char       **message)
{
  try
    {
      ShenbaoFaceDetector *detector = new ShenbaoFaceDetector;

      /* One small picture at a time: threads only add start-up cost. */
      cv::setNumThreads (1);
      if (!detector->classifier.load (cascade_path))
        {
          delete detector;
          *message = g_strdup ("the cascade file cannot be read");
          return NULL;
        }
      return detector;
    }
  catch (const std::exception &exception)
    {
      *message = g_strdup (exception.what ());
      return NULL;
    }
}

gboolean
shenbao_face_detector_run (ShenbaoFaceDetector *detector,
                           const guint8        *pixels,
                           int                  width,
                           int                  height,
                           int                  rowstride,
                           int                  channels,
                           int                  detect_size,
                           GArray              *faces,
                           char               **message)
{
  try
    {
      cv::Mat rgb (height, width, channels == 4 ? CV_8UC4 : CV_8UC3, (void *) pixels,
                   (size_t) rowstride);
      cv::Mat grey, reduced;
      std::vector<cv::Rect> found;
      double scale = std::min (1.0, (double) detect_size / std::max (width, height));
      int min_face;

      cv::cvtColor (rgb, grey, channels == 4 ? cv::COLOR_RGBA2GRAY : cv::COLOR_RGB2GRAY);
      if (scale < 1.0)
        cv::resize (grey, reduced, cv::Size (), scale, scale, cv::INTER_AREA);
      else
        reduced = grey;
      /* No histogram equalisation: on a photo that is mostly white
       * background it flattens the face, and the portrait was then missed
       * at some sizes. LBP features compare neighbours, not levels. */
      min_face = std::max (24, (int) (MIN_FACE_SHARE * std::min (reduced.cols, reduced.rows)));
      detector->classifier.detectMultiScale (reduced, found, SCALE_STEP, MIN_NEIGHBOURS, 0,
                                             cv::Size (min_face, min_face));
      for (const cv::Rect &rect : found)
        {
          ShenbaoPhotoCrop face = {
            (int) (rect.x / scale),
            (int) (rect.y / scale),
            std::min ((int) (rect.width / scale + 0.5), width),
            std::min ((int) (rect.height / scale + 0.5), height),
          };

          g_array_append_val (faces, face);
        }
      return TRUE;
    }
  catch (const std::exception &exception)
    {
      *message = g_strdup (exception.what ());
      return FALSE;
    }
}
