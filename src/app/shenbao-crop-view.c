/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "shenbao-crop-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "shenbao-crop-view.h"

/* The handle at the frame's lower right corner, in screen pixels. */
#define HANDLE_SIZE 16.0
/* The frame is drawn twice, dark outside light, so that it shows on the
 * white background of a 1-inch photo as on a dark shirt. */
#define OUTLINE_DARK  3.0
#define OUTLINE_LIGHT 1.5
/* A frame narrower than this many pixels of the picture cannot make a photo
 * the portal takes (it would be scaled up fourfold). */
#define MIN_CROP_WIDTH 74
/* Arrow keys move the frame, + and - resize it, by this share of the picture. */
#define KEY_STEP 0.02

struct _ShenbaoCropView
{
  GtkWidget parent_instance;

  GdkTexture *texture;
  int full_width;
  int full_height;
  double x, y, width;       /* the frame, in full-picture pixels; height is width × 7 / 5 */
  gboolean has_face;
  ShenbaoPhotoCrop face;    /* the face found, in full-picture pixels */

  gboolean resizing;
  double start_x, start_y, start_width;
};

G_DEFINE_FINAL_TYPE (ShenbaoCropView, shenbao_crop_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CROP_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
frame_height (double width)
{
  return width * SHENBAO_PHOTO_HEIGHT / SHENBAO_PHOTO_WIDTH;
}

/* Where the picture is drawn: scaled to fit the widget, centred. */
static double
view_scale (ShenbaoCropView *self,
            double          *offset_x,
            double          *offset_y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale;

  if (self->full_width <= 0 || self->full_height <= 0)
    {
      *offset_x = *offset_y = 0;
      return 1.0;
    }
  scale = MIN (width / self->full_width, height / self->full_height);
  *offset_x = (width - self->full_width * scale) / 2;
  *offset_y = (height - self->full_height * scale) / 2;
  return scale;
}

/* Keeps the frame 5:7, inside the picture and not too small, then says so. */
static void
place_frame (ShenbaoCropView *self,
             double           x,
             double           y,
             double           width)
{
  double max_width = MIN (self->full_width, self->full_height * (double) SHENBAO_PHOTO_WIDTH / SHENBAO_PHOTO_HEIGHT);

  width = CLAMP (width, MIN (MIN_CROP_WIDTH, max_width), max_width);
  self->width = width;
  self->x = CLAMP (x, 0, self->full_width - width);
  self->y = CLAMP (y, 0, self->full_height - frame_height (width));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_CROP_CHANGED], 0);
}

static void
resize_around_centre (ShenbaoCropView *self,
                      double           factor)
{
  double width = self->width * factor;
  double centre_x = self->x + self->width / 2;
  double centre_y = self->y + frame_height (self->width) / 2;

  place_frame (self, centre_x - width / 2, centre_y - frame_height (width) / 2, width);
}

void
shenbao_crop_view_set_image (ShenbaoCropView *self,
                             GdkPixbuf       *preview,
                             int              full_width,
                             int              full_height)
{
  ShenbaoPhotoCrop crop;

  g_return_if_fail (SHENBAO_IS_CROP_VIEW (self));
  g_return_if_fail (GDK_IS_PIXBUF (preview));
  g_return_if_fail (full_width > 0 && full_height > 0);

  g_clear_object (&self->texture);
  self->texture = gdk_texture_new_for_pixbuf (preview);
  self->full_width = full_width;
  self->full_height = full_height;
  shenbao_crop_view_set_face (self, NULL);
  shenbao_photo_default_crop (full_width, full_height, &crop);
  shenbao_crop_view_set_crop (self, &crop);
}

void
shenbao_crop_view_set_face (ShenbaoCropView        *self,
                            const ShenbaoPhotoCrop *face)
{
  g_return_if_fail (SHENBAO_IS_CROP_VIEW (self));

  self->has_face = face != NULL;
  if (face != NULL)
    self->face = *face;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  face != NULL ? _("Arrow keys move the frame, plus and minus "
                                                   "resize it; the face found is outlined")
                                               : _("Arrow keys move the frame, plus and minus "
                                                   "resize it"),
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
shenbao_crop_view_get_face (ShenbaoCropView  *self,
                            ShenbaoPhotoCrop *face)
{
  g_return_val_if_fail (SHENBAO_IS_CROP_VIEW (self), FALSE);

  if (self->has_face && face != NULL)
    *face = self->face;
  return self->has_face;
}

void
shenbao_crop_view_get_crop (ShenbaoCropView  *self,
                            ShenbaoPhotoCrop *crop)
{
  g_return_if_fail (SHENBAO_IS_CROP_VIEW (self));

  crop->x = (int) lround (self->x);
  crop->y = (int) lround (self->y);
  crop->width = (int) lround (self->width);
  crop->height = MIN ((int) lround (frame_height (self->width)), self->full_height - crop->y);
}

void
shenbao_crop_view_set_crop (ShenbaoCropView        *self,
                            const ShenbaoPhotoCrop *crop)
{
  g_return_if_fail (SHENBAO_IS_CROP_VIEW (self));

  place_frame (self, crop->x, crop->y, crop->width);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  width,
                const GdkRGBA         *colour)
{
  GskRoundedRect outline;
  float widths[4] = { width, width, width, width };
  GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };

  gsk_rounded_rect_init_from_rect (&outline, rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colours);
}

static void
shenbao_crop_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ShenbaoCropView *self = SHENBAO_CROP_VIEW (widget);
  GdkRGBA shade = { 0, 0, 0, 0.55 };
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA dark = { 0, 0, 0, 0.75 };
  /* GNOME's accent blue: the face box is information, not a control. */
  GdkRGBA face_colour = { 0.21, 0.52, 0.89, 1 };
  double offset_x, offset_y, scale = view_scale (self, &offset_x, &offset_y);
  graphene_rect_t picture, frame, handle;

  if (self->texture == NULL)
    return;
  graphene_rect_init (&picture, offset_x, offset_y, self->full_width * scale, self->full_height * scale);
  graphene_rect_init (&frame, offset_x + self->x * scale, offset_y + self->y * scale,
                      self->width * scale, frame_height (self->width) * scale);
  gtk_snapshot_append_texture (snapshot, self->texture, &picture);

  /* What the crop leaves out is shaded, as one border around the frame:
   * four bands side by side would leave light seams where their
   * antialiased edges meet. */
  {
    GskRoundedRect band;
    float band_widths[4] = {
      frame.origin.y - picture.origin.y,
      picture.origin.x + picture.size.width - frame.origin.x - frame.size.width,
      picture.origin.y + picture.size.height - frame.origin.y - frame.size.height,
      frame.origin.x - picture.origin.x,
    };
    GdkRGBA shades[4] = { shade, shade, shade, shade };

    gsk_rounded_rect_init_from_rect (&band, &picture, 0);
    gtk_snapshot_append_border (snapshot, &band, band_widths, shades);
  }

  if (self->has_face)
    append_outline (snapshot,
                    &GRAPHENE_RECT_INIT (offset_x + self->face.x * scale, offset_y + self->face.y * scale,
                                         self->face.width * scale, self->face.height * scale),
                    OUTLINE_LIGHT, &face_colour);

  append_outline (snapshot, &frame, OUTLINE_DARK, &dark);
  graphene_rect_inset (&frame, OUTLINE_DARK - OUTLINE_LIGHT, OUTLINE_DARK - OUTLINE_LIGHT);
  append_outline (snapshot, &frame, OUTLINE_LIGHT, &white);

  /* The corner handle: white on a dark rim, inside the frame's corner. */
  graphene_rect_init (&handle, frame.origin.x + frame.size.width - HANDLE_SIZE,
                      frame.origin.y + frame.size.height - HANDLE_SIZE, HANDLE_SIZE, HANDLE_SIZE);
  gtk_snapshot_append_color (snapshot, &dark, &handle);
  graphene_rect_inset (&handle, 2, 2);
  gtk_snapshot_append_color (snapshot, &white, &handle);
}

static void
shenbao_crop_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 420;
}

static void
drag_begin (GtkGestureDrag  *gesture,
            double           x,
            double           y,
            ShenbaoCropView *self)
{
  double offset_x, offset_y, scale = view_scale (self, &offset_x, &offset_y);
  double corner_x = offset_x + (self->x + self->width) * scale;
  double corner_y = offset_y + (self->y + frame_height (self->width)) * scale;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->resizing = fabs (x - corner_x) <= HANDLE_SIZE * 1.5 && fabs (y - corner_y) <= HANDLE_SIZE * 1.5;
  self->start_x = self->x;
  self->start_y = self->y;
  self->start_width = self->width;
}

static void
drag_update (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             ShenbaoCropView *self)
{
  double offset_x, offset_y, scale = view_scale (self, &offset_x, &offset_y);

  if (scale <= 0)
    return;
  if (self->resizing)
    {
      /* The corner follows whichever way the pointer went further. */
      double grow = MAX (dx, dy * SHENBAO_PHOTO_WIDTH / SHENBAO_PHOTO_HEIGHT) / scale;

      place_frame (self, self->start_x, self->start_y, self->start_width + grow);
    }
  else
    place_frame (self, self->start_x + dx / scale, self->start_y + dy / scale, self->start_width);
}

static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          ShenbaoCropView          *self)
{
  resize_around_centre (self, dy > 0 ? 1 + KEY_STEP * 2 : 1 - KEY_STEP * 2);
  return TRUE;
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             ShenbaoCropView       *self)
{
  double step = KEY_STEP * MAX (self->full_width, self->full_height);

  switch (keyval)
    {
    case GDK_KEY_Left:
      place_frame (self, self->x - step, self->y, self->width);
      return TRUE;
    case GDK_KEY_Right:
      place_frame (self, self->x + step, self->y, self->width);
      return TRUE;
    case GDK_KEY_Up:
      place_frame (self, self->x, self->y - step, self->width);
      return TRUE;
    case GDK_KEY_Down:
      place_frame (self, self->x, self->y + step, self->width);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      resize_around_centre (self, 1 + KEY_STEP * 2);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      resize_around_centre (self, 1 - KEY_STEP * 2);
      return TRUE;
    default:
      return FALSE;
    }
}

GtkWidget *
shenbao_crop_view_new (void)
{
  return g_object_new (SHENBAO_TYPE_CROP_VIEW, NULL);
}

static void
shenbao_crop_view_dispose (GObject *object)
{
  g_clear_object (&SHENBAO_CROP_VIEW (object)->texture);
  G_OBJECT_CLASS (shenbao_crop_view_parent_class)->dispose (object);
}

static void
shenbao_crop_view_class_init (ShenbaoCropViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shenbao_crop_view_dispose;
  widget_class->snapshot = shenbao_crop_view_snapshot;
  widget_class->measure = shenbao_crop_view_measure;

  signals[SIGNAL_CROP_CHANGED] =
    g_signal_new ("crop-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "cropview");
}

static void
shenbao_crop_view_init (ShenbaoCropView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Photo with the crop frame"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move the frame, plus and minus resize it"),
                                  -1);
}
