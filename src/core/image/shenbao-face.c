/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-face"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "shenbao-error.h"
#include "shenbao-face-private.h"
#include "shenbao-face.h"
#include "shenbao-paths.h"

/* OpenCV's LBP frontal face cascade (opencv-data on Debian; OpenCV's own
 * install puts it in share/opencv4/lbpcascades, /app/share in the Flatpak).
 * The LBP cascade loads in a millisecond where the Haar ones, a megabyte of
 * XML, take ten, and it finds the same box as haarcascade_frontalface_default. */
#define CASCADE_NAME "lbpcascade_frontalface.xml"

/* The classifier is loaded once and shared: the attachment checker runs its
 * checks in worker threads, and OpenCV's classifier keeps per-call state. */
static GMutex detector_lock;
static ShenbaoFaceDetector *detector;
static char *detector_error;

/* The detector's two functions, from the module that holds OpenCV
 * (src/core/meson.build says why it is one). */
static ShenbaoFaceDetectorLoadFunc *detector_load;
static ShenbaoFaceDetectorRunFunc *detector_run;

/* The module is in SHENBAO_MODULE_DIR when that is set (the build tree),
 * else where it is installed; once opened it stays. */
static char *
open_module (void)
{
  const char *dir = g_getenv ("SHENBAO_MODULE_DIR");
  g_autofree char *path = g_module_build_path (dir != NULL && *dir != '\0' ? dir : PKGLIBDIR,
                                               "shenbao-face-detector");
  GModule *module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  char *message;

  if (module != NULL
      && g_module_symbol (module, "shenbao_face_detector_load", (gpointer *) &detector_load)
      && g_module_symbol (module, "shenbao_face_detector_run", (gpointer *) &detector_run))
    {
      g_module_make_resident (module);
      return NULL;
    }
  /* g_module_error() names the file. */
  message = g_strdup_printf (_("The face detector cannot be loaded (%s), so the face was not checked."),
                             g_module_error ());
  g_clear_pointer (&module, g_module_close);
  return message;
}

/* Found like the catalogue: SHENBAO_DATA_DIR or the installed data folder
 * first (where a packager may put its own copy), then OpenCV's data folder
 * under each of the system's data folders (/usr/share, /app/share). */
static char *
find_cascade (void)
{
  g_autofree char *own = shenbao_data_path (CASCADE_NAME);
  const char *const *dirs = g_get_system_data_dirs ();

  if (g_file_test (own, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&own);
  for (gsize i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "opencv4", "lbpcascades", CASCADE_NAME, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static gboolean
ensure_detector (GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (detector != NULL)
    return TRUE;
  if (detector_error == NULL && (detector_error = open_module ()) == NULL)
    {
      path = find_cascade ();
      if (path == NULL)
        detector_error = g_strdup_printf (_("The face detector's data (%s, one of OpenCV's "
                                            "data files) is not installed, so the face was not "
                                            "checked."),
                                          CASCADE_NAME);
      else if ((detector = detector_load (path, &message)) == NULL)
        detector_error = g_strdup_printf (_("The face detector's data “%s” cannot be read (%s), "
                                            "so the face was not checked."),
                                          path, message);
    }
  if (detector != NULL)
    return TRUE;
  g_set_error_literal (error, SHENBAO_ERROR, SHENBAO_ERROR_NOT_FOUND, detector_error);
  return FALSE;
}

static int
by_size_descending (gconstpointer a,
                    gconstpointer b)
{
  const ShenbaoPhotoCrop *first = a;
  const ShenbaoPhotoCrop *second = b;

  return (second->width * second->height > first->width * first->height)
         - (second->width * second->height < first->width * first->height);
}

GArray *
shenbao_face_find (GdkPixbuf  *picture,
                   GError    **error)
{
  g_autoptr(GArray) faces = g_array_new (FALSE, FALSE, sizeof (ShenbaoPhotoCrop));
  g_autofree char *message = NULL;
  gboolean found;

  g_return_val_if_fail (GDK_IS_PIXBUF (picture), NULL);
  g_return_val_if_fail (gdk_pixbuf_get_bits_per_sample (picture) == 8, NULL);

  g_mutex_lock (&detector_lock);
  found = ensure_detector (error)
          && detector_run (detector, gdk_pixbuf_read_pixels (picture),
                           gdk_pixbuf_get_width (picture),
                           gdk_pixbuf_get_height (picture),
                           gdk_pixbuf_get_rowstride (picture),
                           gdk_pixbuf_get_n_channels (picture),
                           SHENBAO_FACE_DETECT_SIZE, faces, &message);
  g_mutex_unlock (&detector_lock);
  if (!found && message != NULL)
    g_set_error (error, SHENBAO_ERROR, SHENBAO_ERROR_FAILED,
                 _("The face detector failed (%s)."), message);
  if (!found)
    return NULL;
  g_array_sort (faces, by_size_descending);
  return g_steal_pointer (&faces);
}
