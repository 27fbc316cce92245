/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-timeline-tiles"

#include "config.h"

/* The timeline canvas, drawn in strips of ATLAS_TIMELINE_TILE_WIDTH pixels
 * and kept. Scrolling, hovering and tooltips do not change what is drawn, so
 * such a frame only composites the strips in view, drawing those that have
 * just come in: its cost follows the viewport, and is the same for a
 * thousand events or a hundred thousand.
 *
 * A strip is atlas_timeline_render() of its part of the canvas, so the
 * picture is the one an export draws. The strips are dropped when anything
 * they show changes: the layout (data, zoom, size, categories), the style, or
 * the selection, focus and highlight.
 *
 * A passing frame, such as each step of a zoom, is drawn whole, where the
 * strips would be, and none is kept: a step draws every strip anew, and the
 * next would drop them (a third of a zoom step's drawing was making,
 * clearing and copying strips). The frame after it, if it stays, draws them.
 *
 * So is the first frame of anything new: the first after the dataset, the
 * style, the selection, the focus or the highlight changed. Such a frame
 * would draw every strip in view, wider than the view, and what often
 * comes next changes the picture again: the window's first frame is
 * followed by one with the keyboard's focus, and one hover by the next.
 * Strips are made by the second frame that shows the same picture, the
 * first of a scroll, say. A window left alone keeps none: up and idle, its
 * peak memory is 4.7 MiB less than when its second frame made them.
 */

#include <math.h>
#include <string.h>

#include "atlas-timeline-tiles.h"

#define MAX_TILES 24

struct _AtlasTimelineTiles
{
  GHashTable *tiles;           /* index → cairo_surface_t */
  AtlasTextCache *texts;

  /* what the kept tiles show */
  const AtlasTimelineLayout *layout;
  guint generation;
  const AtlasStyle *style;
  double height;
  double scale;
  int selected;
  int focused;
  char *highlight;
  gboolean show_marker;

  guint n_drawn;               /* tiles drawn, over the lifetime: for tests */
};

AtlasTimelineTiles *
atlas_timeline_tiles_new (void)
{
  AtlasTimelineTiles *self = g_new0 (AtlasTimelineTiles, 1);

  self->tiles = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  self->texts = atlas_text_cache_new ();
  return self;
}

void
atlas_timeline_tiles_free (AtlasTimelineTiles *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->tiles);
  atlas_text_cache_free (self->texts);
  g_free (self->highlight);
  g_free (self);
}

/* Drops every tile; for what the tiles cannot see change, such as the
 * colours of a style changed in place. */
void
atlas_timeline_tiles_invalidate (AtlasTimelineTiles *self)
{
  g_return_if_fail (self != NULL);
  g_hash_table_remove_all (self->tiles);
  self->layout = NULL;
}

guint
atlas_timeline_tiles_get_n_drawn (AtlasTimelineTiles *self)
{
  return self->n_drawn;
}

static gboolean
matches (AtlasTimelineTiles *self,
         const AtlasTimelineLayout *layout,
         const AtlasStyle *style,
         const AtlasTimelineView *view)
{
  return self->layout == layout &&
         self->generation == atlas_timeline_layout_get_generation (layout) &&
         self->style == style && self->height == view->height && self->scale == style->scale &&
         self->selected == view->selected && self->focused == view->focused &&
         self->show_marker == view->show_marker &&
         g_strcmp0 (self->highlight, view->highlight_entity) == 0;
}

static void
remember (AtlasTimelineTiles *self,
          const AtlasTimelineLayout *layout,
          const AtlasStyle *style,
          const AtlasTimelineView *view)
{
  g_hash_table_remove_all (self->tiles);
  self->layout = layout;
  self->generation = atlas_timeline_layout_get_generation (layout);
  self->style = style;
  self->height = view->height;
  self->scale = style->scale;
  self->selected = view->selected;
  self->focused = view->focused;
  self->show_marker = view->show_marker;
  g_free (self->highlight);
  self->highlight = g_strdup (view->highlight_entity);
}

static cairo_surface_t *
draw_tile (AtlasTimelineTiles *self,
           const AtlasTimelineLayout *layout,
           const AtlasStyle *style,
           const AtlasTimelineView *view,
           int index)
{
  double scale = MAX (style->scale, 1.0);
  cairo_surface_t *surface = cairo_image_surface_create (
      CAIRO_FORMAT_ARGB32, (int) ceil (ATLAS_TIMELINE_TILE_WIDTH * scale),
      (int) ceil (view->height * scale));
  AtlasTimelineView part = *view;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  part.scroll_x = (double) index * ATLAS_TIMELINE_TILE_WIDTH;
  part.width = ATLAS_TIMELINE_TILE_WIDTH;
  part.texts = self->texts;

  cr = cairo_create (surface);
  atlas_timeline_render (cr, layout, style, &part);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  self->n_drawn++;
  return surface;
}

/* Drops the tiles farthest from [@first, @last] until there is room. */
static void
trim (AtlasTimelineTiles *self,
      int first,
      int last)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->tiles) <= MAX_TILES)
    return;
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int index = GPOINTER_TO_INT (key) - 1;

      if (index < first - 2 || index > last + 2)
        g_hash_table_iter_remove (&iter);
    }
}

/* Draws @view of @layout, as atlas_timeline_render() would, from tiles. */
void
atlas_timeline_tiles_render (AtlasTimelineTiles *self,
                             cairo_t *cr,
                             const AtlasTimelineLayout *layout,
                             const AtlasStyle *style,
                             const AtlasTimelineView *view)
{
  double scale = MAX (style->scale, 1.0);
  gboolean fresh = FALSE;
  int first, last;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL && layout != NULL && style != NULL && view != NULL);

  if (!matches (self, layout, style, view))
    {
      remember (self, layout, style, view);
      fresh = TRUE;
    }

  first = (int) floor (view->scroll_x / ATLAS_TIMELINE_TILE_WIDTH);
  last = (int) floor ((view->scroll_x + view->width - 1) / ATLAS_TIMELINE_TILE_WIDTH);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);

  if (view->passing || fresh)
    {
      /* On the whole device pixels the first tile would be at, so that
       * the next frame, from tiles, shows the same picture. */
      AtlasTimelineView whole = *view;
      double origin = (double) first * ATLAS_TIMELINE_TILE_WIDTH;

      whole.scroll_x = origin - round ((origin - view->scroll_x) * scale) / scale;
      whole.texts = self->texts;
      atlas_timeline_render (cr, layout, style, &whole);
      cairo_restore (cr);
      return;
    }

  for (int index = first; index <= last; index++)
    {
      /* Keys are index + 1, so that tile 0 is not NULL. */
      gpointer key = GINT_TO_POINTER (index + 1);
      cairo_surface_t *tile = g_hash_table_lookup (self->tiles, key);
      double x;

      if (tile == NULL)
        {
          tile = draw_tile (self, layout, style, view, index);
          g_hash_table_insert (self->tiles, key, tile);
        }

      /* On whole device pixels, so the tile is copied, not resampled. */
      x = round (((double) index * ATLAS_TIMELINE_TILE_WIDTH - view->scroll_x) * scale) / scale;
      cairo_set_source_surface (cr, tile, x, 0);
      cairo_paint (cr);
    }

  cairo_restore (cr);
  trim (self, first, last);
}
