/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-timeline-layout"

#include "config.h"

/* Where each event of a timeline goes, at one zoom.
 *
 * set_events() measures every label once (the costly part, done when the data
 * or the font changes). update() then places events, in date order, each in
 * the first lane where its bar, fade and label clear the one before: greedy
 * first-fit, which for intervals sorted by start uses the fewest lanes and is
 * stable. What does not fit in the lanes the height allows gathers into
 * clusters, one per stretch of ATLAS_TIMELINE_CLUSTER_WIDTH pixels.
 *
 * Events can be given priority (those of the selected entity, and the
 * selected event): they are placed first, so that they have lanes of their
 * own whenever they can, and the others fill the room left around them. A
 * cluster that still holds some says how many (atlas_timeline_layout_get_
 * cluster_entries()).
 *
 * Time is drawn to scale, except where nothing happens for long: a gap
 * of more than COMPRESS_AFTER days between two events keeps that much,
 * and the rest of it is drawn at COMPRESS_RATIO of its length — a
 * compressed stretch, which the renderer marks as a break in the axis.
 * Fifteen years of sparse beginnings and a dense last two then both fit
 * one window (in the bundled dataset, 18 of 27 events fall in 2024–2025).
 * A label that would run past the latest event's end — the "data as of"
 * line — or off the canvas is set to the left of its mark.
 *
 * Within a lane, items do not overlap and are sorted by x, and so are the
 * clusters; drawing and hit-testing find what is in view by binary search, so
 * their cost follows the viewport, not the number of events.
 */

#include <math.h>
#include <string.h>
#include <time.h>

#include "atlas-style.h"
#include "atlas-timeline-layout.h"

#define COMPRESS_AFTER 180.0
#define COMPRESS_RATIO 0.1
#define FOCUS_MAX_FACTOR 12.0
#define FOCUS_SHARE 0.8

/* A point of the time scale: @day is drawn @u "scaled days" from the
 * canvas's start. Between knots the scale is linear; outside, a day is a
 * day. */
typedef struct
{
  double day;
  double u;
} Knot;

typedef struct
{
  AtlasEvent *event;       /* owned by the events model, which we hold */
  double start;            /* Julian days; end is exclusive */
  double end;
  double u_start;          /* the same in scaled days, warped once (build_scale) */
  double u_end;
  double label_width;      /* the wider of title and date wording */
  double title_width;
  gboolean open_start;
  AtlasEventCategory category;
} Entry;

/* Where an entry is placed: its lane, and its index in the lane (or -1). Apart
 * from the entries, so that an update clears them all at memset's speed. */
typedef struct
{
  int item;
  guint lane;
} Place;

/* An event that found no lane, and where it would have started. */
typedef struct
{
  guint entry;
  double x;
} Pending;

struct _AtlasTimelineLayout
{
  GListModel *events;
  GArray *entries;         /* Entry, in date order */
  GArray *places;          /* Place, one per entry */
  gboolean starts_sorted;  /* each entry starts no earlier than the one before */
  guint hidden;            /* bit per AtlasEventCategory */

  double latest_day;       /* the end of the latest event: "data as of" */
  double first_day;        /* the canvas: span of the events, with a margin */
  double last_day;
  double px_per_day;       /* pixels a day where time is not compressed */
  GArray *knots;           /* Knot, by day: the time scale, piecewise linear */
  GArray *breaks;          /* AtlasTimelineBreak: the compressed stretches */
  double focus_day;        /* from this day on (0: none), time is drawn… */
  double focus_factor;     /* …this much larger */

  GPtrArray *lanes;        /* GArray of AtlasTimelineItem, per lane */
  guint n_lanes;
  GArray *clusters;        /* AtlasTimelineCluster, by x */
  GArray *clustered;       /* guint entry, cluster by cluster: what each holds */
  guint n_clustered;
  char *priority_entity;   /* events that involve it are placed first; or NULL */
  int priority_entry;      /* and this one; or -1 */
  double content_right;    /* where the last label or cluster ends */
  guint generation;        /* changes whenever what is placed may change */
  double max_label_width;

  /* update_for_height()'s last placing, still what is placed while nothing
   * it depends on has changed: then it is not done again. */
  gboolean placed;
  double placed_px_per_day;
  double placed_height;

  /* Kept from one update to the next, so that each does not allocate, and
   * fault in, megabytes afresh: AtlasTimelineItem, and Pending. */
  GArray *plain;
  GArray *faded;
  GArray *left;
  GArray *merged;
  GArray *pending;
};

AtlasTimelineLayout *
atlas_timeline_layout_new (void)
{
  AtlasTimelineLayout *self = g_new0 (AtlasTimelineLayout, 1);

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  self->knots = g_array_new (FALSE, FALSE, sizeof (Knot));
  self->breaks = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineBreak));
  self->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->places = g_array_new (FALSE, FALSE, sizeof (Place));
  self->plain = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineItem));
  self->faded = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineItem));
  self->left = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineItem));
  self->merged = g_array_new (FALSE, FALSE, sizeof (AtlasTimelineItem));
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  self->clusters = g_array_new (FALSE, TRUE, sizeof (AtlasTimelineCluster));
  self->clustered = g_array_new (FALSE, FALSE, sizeof (guint));
  self->priority_entry = -1;
  self->px_per_day = 1.0;
  return self;
}

void
atlas_timeline_layout_free (AtlasTimelineLayout *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->events);
  g_array_unref (self->entries);
  g_array_unref (self->knots);
  g_array_unref (self->breaks);
  g_ptr_array_unref (self->lanes);
  g_array_unref (self->places);
  g_array_unref (self->plain);
  g_array_unref (self->faded);
  g_array_unref (self->left);
  g_array_unref (self->merged);
  g_array_unref (self->pending);
  g_array_unref (self->clusters);
  g_array_unref (self->clustered);
  g_free (self->priority_entity);
  g_free (self);
}

/* The widths of every event's labels — its title, and the wider of title and
 * date — in @font. Safe in any thread (with a context of that thread's), so
 * that a window can measure a large dataset away from its main loop; and
 * cheap, from each character's advance (AtlasTextWidths), and each date's
 * wording once.
 *
 * Returns: (element-type AtlasTimelineLabel): one for each of @events */
GArray *
atlas_timeline_measure_labels (GListModel *events,
                               PangoContext *context,
                               const PangoFontDescription *font)
{
  g_autoptr (PangoLayout) title_layout = pango_layout_new (context);
  g_autoptr (PangoLayout) date_layout = pango_layout_new (context);
  /* The wording is drawn at 0.85 of the size (atlas-timeline-renderer.c). */
  g_autoptr (PangoFontDescription) small = atlas_font_scaled (font, 0.85, PANGO_WEIGHT_NORMAL);
  g_autoptr (AtlasTextWidths) titles = NULL;
  g_autoptr (AtlasTextWidths) dates = NULL;
  /* A date's width by its wording and days: a dataset repeats dates. */
  g_autoptr (GHashTable) date_widths =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (events);
  GArray *labels = g_array_sized_new (FALSE, FALSE, sizeof (AtlasTimelineLabel), n);

  pango_layout_set_font_description (title_layout, font);
  pango_layout_set_font_description (date_layout, small);
  titles = atlas_text_widths_new (title_layout);
  dates = atlas_text_widths_new (date_layout);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AtlasEvent) event = g_list_model_get_item (events, i);
      const AtlasFuzzyDate *date = atlas_event_get_date (event);
      g_autofree char *key =
          g_strdup_printf ("%u %u %s", atlas_fuzzy_date_get_start (date),
                           atlas_fuzzy_date_get_end (date), atlas_fuzzy_date_get_text (date));
      gpointer known = g_hash_table_lookup (date_widths, key);
      AtlasTimelineLabel label;
      double date_width;

      if (known != NULL)
        date_width = GPOINTER_TO_UINT (known) - 1;
      else
        {
          g_autofree char *shown = atlas_fuzzy_date_dup_display (date);

          date_width = atlas_text_widths_measure (dates, shown);
          g_hash_table_insert (date_widths, g_steal_pointer (&key),
                               GUINT_TO_POINTER ((guint) date_width + 1));
        }
      label.event = event;
      label.title_width = atlas_text_widths_measure (titles, atlas_event_get_title (event));
      label.label_width = MAX (label.title_width, date_width);
      label.start = atlas_fuzzy_date_get_start (date);
      label.end = atlas_fuzzy_date_get_end (date);
      label.open_start = atlas_fuzzy_date_is_start_open (date);
      label.category = atlas_event_get_category (event);
      g_array_append_val (labels, label);
    }
  return labels;
}

/* @events: AtlasEvent in date order (as AtlasDataset gives them) */
void
atlas_timeline_layout_set_events (AtlasTimelineLayout *self,
                                  GListModel *events,
                                  PangoContext *context,
                                  const PangoFontDescription *font)
{
  g_autoptr (GArray) labels = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (events));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  labels = atlas_timeline_measure_labels (events, context, font);
  atlas_timeline_layout_set_events_measured (self, events, labels);
}

/* The scaled days of @day (see Knot), searching the knots from *@from on,
 * by steps that double, and leaving *@from at the knot found: for days in
 * order, each costs about the knots between it and the day before. */
static double
warp_from (const AtlasTimelineLayout *self,
           double day,
           guint *from)
{
  const Knot *knots = (const Knot *) (gpointer) self->knots->data;
  guint n = self->knots->len, lo = *from, hi, step = 1;

  if (n == 0)
    return day - self->first_day;
  if (day <= knots[0].day)
    return knots[0].u - (knots[0].day - day);
  if (day >= knots[n - 1].day)
    return knots[n - 1].u + (day - knots[n - 1].day);
  if (lo >= n - 1 || knots[lo].day > day)
    lo = 0;
  /* knots[lo].day <= day < knots[n - 1].day: find hi with knots[hi].day > day. */
  hi = lo + 1;
  while (knots[hi].day <= day)
    {
      lo = hi;
      hi = MIN (hi + step, n - 1);
      step *= 2;
    }
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (knots[mid].day <= day)
        lo = mid;
      else
        hi = mid;
    }
  *from = lo;
  return knots[lo].u + (day - knots[lo].day) * (knots[hi].u - knots[lo].u) /
                           MAX (knots[hi].day - knots[lo].day, 1e-9);
}

static double
warp (const AtlasTimelineLayout *self,
      double day)
{
  guint from = 0;

  return warp_from (self, day, &from);
}

/* The day drawn @u scaled days from the canvas's start. */
static double
unwarp (const AtlasTimelineLayout *self,
        double u)
{
  const Knot *knots = (const Knot *) (gpointer) self->knots->data;
  guint n = self->knots->len, lo = 0, hi;

  if (n == 0)
    return self->first_day + u;
  if (u <= knots[0].u)
    return knots[0].day - (knots[0].u - u);
  if (u >= knots[n - 1].u)
    return knots[n - 1].day + (u - knots[n - 1].u);
  hi = n - 1;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (knots[mid].u <= u)
        lo = mid;
      else
        hi = mid;
    }
  return knots[lo].day + (u - knots[lo].u) * (knots[hi].day - knots[lo].day) /
                             MAX (knots[hi].u - knots[lo].u, 1e-9);
}

static void
add_knot (GArray *knots,
          double day,
          double u)
{
  Knot knot = { day, u };

  g_array_append_val (knots, knot);
}

/* The time scale of the entries: to scale, but for the long gaps between
 * events, compressed (see the top of the file). */
static void
build_scale (AtlasTimelineLayout *self)
{
  const Entry *entries = (const Entry *) (gpointer) self->entries->data;
  double u = 0, before = self->first_day, focus = G_MAXDOUBLE;

  g_array_set_size (self->knots, 0);
  g_array_set_size (self->breaks, 0);
  self->focus_day = 0;
  self->focus_factor = 1;

  /* The latest two years, from the January of the year before the latest
   * event's. */
  if (self->entries->len > 1)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) MAX (1.0, self->latest_day - 1));
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) (g_date_get_year (&date) - 1));
      focus = g_date_get_julian (&date);
    }

  add_knot (self->knots, self->first_day, 0);
  for (guint i = 0; i <= self->entries->len; i++)
    {
      double day = i < self->entries->len ? entries[i].start : self->last_day;
      double gap = day - before;

      if (gap <= 0)
        continue;
      /* Long gaps before the latest two years are drawn shorter. */
      if (gap > COMPRESS_AFTER && i > 0 && i < self->entries->len && day <= focus)
        {
          AtlasTimelineBreak stretch = { before + COMPRESS_AFTER / 2, day - COMPRESS_AFTER / 2 };

          add_knot (self->knots, stretch.first_day, u + COMPRESS_AFTER / 2);
          u += COMPRESS_AFTER + (gap - COMPRESS_AFTER) * COMPRESS_RATIO;
          add_knot (self->knots, stretch.last_day, u - COMPRESS_AFTER / 2);
          g_array_append_val (self->breaks, stretch);
        }
      else
        u += gap;
      add_knot (self->knots, day, u);
      before = day;
    }

  /* Where a dataset's news crowds, the latest two years are drawn larger:
   * FOCUS_SHARE of the width, at most FOCUS_MAX_FACTOR times the scale,
   * the factor written on the axis. */
  if (focus < G_MAXDOUBLE && focus > entries[0].start)
    {
      double u_focus = warp (self, focus), u_end = warp (self, self->last_day), factor;

      if (u_end - u_focus <= 0)
        return;
      factor = CLAMP (FOCUS_SHARE / (1 - FOCUS_SHARE) * u_focus / (u_end - u_focus), 1.0,
                      FOCUS_MAX_FACTOR);
      if (factor < 1.2)
        return;
      for (guint i = 0; i < self->knots->len; i++)
        {
          Knot *knot = &g_array_index (self->knots, Knot, i);

          if (knot->day > focus)
            knot->u = u_focus + (knot->u - u_focus) * factor;
        }
      for (guint i = 0; i <= self->knots->len; i++)
        if (i == self->knots->len || g_array_index (self->knots, Knot, i).day > focus)
          {
            Knot knot = { focus, u_focus };

            g_array_insert_val (self->knots, i, knot);
            break;
          }
      self->focus_day = focus;
      self->focus_factor = factor;
    }
}

/* Nothing is placed: what was, was of other entries. */
static void
forget_placed (AtlasTimelineLayout *self)
{
  g_ptr_array_set_size (self->lanes, 0);
  g_array_set_size (self->clusters, 0);
  g_array_set_size (self->clustered, 0);
  self->n_lanes = 0;
  self->n_clustered = 0;
  self->placed = FALSE;
  self->generation++;
}

/* No entry is placed. */
static void
clear_places (AtlasTimelineLayout *self)
{
  g_array_set_size (self->places, self->entries->len);
  if (self->places->len > 0)
    memset (self->places->data, 0xff, self->places->len * sizeof (Place));
}

/* As set_events(), with the labels measured already (measure_labels()). */
void
atlas_timeline_layout_set_events_measured (AtlasTimelineLayout *self,
                                           GListModel *events,
                                           GArray *labels)
{
  double first = G_MAXDOUBLE, last = -G_MAXDOUBLE, margin, max_label_width = 0;
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (events));
  g_return_if_fail (labels != NULL && labels->len == g_list_model_get_n_items (events));

  g_set_object (&self->events, events);
  forget_placed (self);
  g_array_set_size (self->entries, 0);
  self->priority_entry = -1; /* an index into the old events */

  n = g_list_model_get_n_items (events);
  g_array_set_size (self->entries, n);
  for (guint i = 0; i < n; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      const AtlasTimelineLabel *label = &g_array_index (labels, AtlasTimelineLabel, i);

      entry->event = label->event;
      entry->start = label->start;
      entry->end = label->end + 1.0;
      entry->open_start = label->open_start;
      entry->category = label->category;
      entry->title_width = label->title_width;
      entry->label_width = label->label_width;

      first = MIN (first, entry->start);
      last = MAX (last, entry->end);
      max_label_width = MAX (max_label_width, entry->label_width);
    }
  self->max_label_width = max_label_width;
  clear_places (self);

  if (n == 0)
    {
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      first = g_date_get_julian (&today) - 365;
      last = first + 730;
    }

  self->latest_day = n > 0 ? last : 0;

  /* A margin, so the first and last events do not touch the edges. */
  margin = MAX (30.0, (last - first) * 0.01);
  self->first_day = MAX (1.0, first - margin);
  self->last_day = last + margin;
  build_scale (self);
  /* Each update places every entry at a new zoom: warped here once, it is
   * then a multiplication. */
  self->starts_sorted = TRUE;
  for (guint i = 0, knot = 0; i < n; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (i > 0 && entry->start < g_array_index (self->entries, Entry, i - 1).start)
        self->starts_sorted = FALSE;
      /* Starts in order, the knot of each is at or after the one before. */
      if (!self->starts_sorted)
        knot = 0;
      entry->u_start = warp_from (self, entry->start, &knot);
      {
        guint end_knot = knot;

        entry->u_end = warp_from (self, entry->end, &end_knot);
      }
    }
}

static void
swap_arrays (GArray **a,
             GArray **b)
{
  GArray *t = *a;

  *a = *b;
  *b = t;
}

/* Moves the events of @from — set with set_events() or set_events_measured(),
 * perhaps in another thread — into @self, in place of its own, and leaves
 * @from with none: the costly part of a new dataset done elsewhere, and
 * this a few pointers. Each keeps its hidden categories; @self's priority
 * entry is dropped, as set_events() does, and it is updated next. */
void
atlas_timeline_layout_take_events (AtlasTimelineLayout *self,
                                   AtlasTimelineLayout *from)
{
  g_return_if_fail (self != NULL && from != NULL && self != from);
  g_return_if_fail (from->events != NULL);

  swap_arrays (&self->entries, &from->entries);
  swap_arrays (&self->knots, &from->knots);
  swap_arrays (&self->breaks, &from->breaks);
  swap_arrays (&self->places, &from->places);
  g_set_object (&self->events, from->events);
  self->starts_sorted = from->starts_sorted;
  self->latest_day = from->latest_day;
  self->first_day = from->first_day;
  self->last_day = from->last_day;
  self->focus_day = from->focus_day;
  self->focus_factor = from->focus_factor;
  self->max_label_width = from->max_label_width;
  self->priority_entry = -1;
  forget_placed (self);

  g_clear_object (&from->events);
  g_array_set_size (from->entries, 0);
  g_array_set_size (from->places, 0);
  forget_placed (from);
}

void
atlas_timeline_layout_set_hidden (AtlasTimelineLayout *self,
                                  guint hidden_categories)
{
  g_return_if_fail (self != NULL);
  if (self->hidden != hidden_categories)
    self->placed = FALSE;
  self->hidden = hidden_categories;
  self->generation++;
}

guint
atlas_timeline_layout_get_hidden (AtlasTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->hidden;
}

guint
atlas_timeline_layout_lanes_for_height (double height)
{
  double room = height - ATLAS_TIMELINE_AXIS_HEIGHT - ATLAS_TIMELINE_TOP_PADDING -
                ATLAS_TIMELINE_CLUSTER_HEIGHT;

  return (guint) MAX (1.0, floor (room / ATLAS_TIMELINE_LANE_HEIGHT));
}

static gboolean
is_hidden (const AtlasTimelineLayout *self,
           const Entry *entry)
{
  return (self->hidden & (1u << entry->category)) != 0;
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = a, *pb = b;

  if (pa->x != pb->x)
    return pa->x < pb->x ? -1 : 1;
  return pa->entry < pb->entry ? -1 : pa->entry > pb->entry;
}

static void
add_to_cluster (AtlasTimelineLayout *self,
                const Pending *pending)
{
  const Entry *entry = &g_array_index (self->entries, Entry, pending->entry);
  double bin_x0 = floor (pending->x / ATLAS_TIMELINE_CLUSTER_WIDTH) * ATLAS_TIMELINE_CLUSTER_WIDTH;
  AtlasTimelineCluster *last = NULL;

  /* Pending events come in x order, so a new bin is always at the end. */
  if (self->clusters->len > 0)
    last = &g_array_index (self->clusters, AtlasTimelineCluster, self->clusters->len - 1);

  if (last == NULL || last->x0 != bin_x0)
    {
      AtlasTimelineCluster cluster = {
        bin_x0,           bin_x0 + ATLAS_TIMELINE_CLUSTER_WIDTH - 8, entry->start, entry->end, 0,
        self->n_clustered
      };

      g_array_append_val (self->clusters, cluster);
      last = &g_array_index (self->clusters, AtlasTimelineCluster, self->clusters->len - 1);
    }

  self->content_right = MAX (self->content_right, last->x1);
  last->count++;
  last->first_day = MIN (last->first_day, entry->start);
  last->last_day = MAX (last->last_day, entry->end);
  g_array_index (self->clustered, guint, self->n_clustered++) = pending->entry;
}

/* A cluster of one event says "+1" for what could as well be shown: each
 * joins the nearer of its neighbours if one is close (their entries are
 * next to its own in @clustered). */
static void
merge_single_clusters (AtlasTimelineLayout *self)
{
  for (guint i = 0; i < self->clusters->len && self->clusters->len > 1;)
    {
      AtlasTimelineCluster *all = (AtlasTimelineCluster *) (gpointer) self->clusters->data;
      AtlasTimelineCluster *one = &all[i];
      AtlasTimelineCluster *into;
      double after = i + 1 < self->clusters->len ? all[i + 1].x0 - one->x1 : G_MAXDOUBLE;
      double before = i > 0 ? one->x0 - all[i - 1].x1 : G_MAXDOUBLE;

      /* Only into a neighbour close by: a pill across half the timeline
       * would say less than "+1". */
      if (one->count != 1 || MIN (after, before) > 2 * ATLAS_TIMELINE_CLUSTER_WIDTH)
        {
          i++;
          continue;
        }
      if (after < before)
        {
          into = &all[i + 1];
          into->first = one->first;
          into->x0 = one->x0;
        }
      else
        {
          into = &all[i - 1];
          into->x1 = one->x1;
        }
      into->count += one->count;
      into->first_day = MIN (into->first_day, one->first_day);
      into->last_day = MAX (into->last_day, one->last_day);
      g_array_remove_index (self->clusters, i);
    }
}

/* Events that involve @entity_id (NULL for none), and @entry (-1 for none),
 * are placed before the others at the next update. */
void
atlas_timeline_layout_set_priority (AtlasTimelineLayout *self,
                                    const char *entity_id,
                                    int entry)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (entry < (int) self->entries->len);

  if (g_strcmp0 (self->priority_entity, entity_id) != 0)
    {
      g_free (self->priority_entity);
      self->priority_entity = g_strdup (entity_id);
      self->placed = FALSE;
    }
  if (self->priority_entry != entry)
    {
      self->priority_entry = entry;
      self->placed = FALSE;
    }
}

static gboolean
has_priority (const AtlasTimelineLayout *self,
              guint index,
              const Entry *entry)
{
  /* With nothing selected, the latest two years: the news comes first. */
  if (self->priority_entity == NULL && self->priority_entry < 0)
    return self->focus_day > 0 && entry->start >= self->focus_day;
  return (int) index == self->priority_entry ||
         (self->priority_entity != NULL &&
          atlas_event_involves (entry->event, self->priority_entity));
}

/* Whether @item overlaps one of the first @n items of @lane, which are sorted
 * and do not overlap each other, so that their ends grow too. The items
 * asked of come in the order of where they start, so the first kept item
 * that ends after one starts only moves on: @cursor is where it was. A
 * binary search each time was a third of a zoom step at 100,000 events. */
static gboolean
overlaps_first (GArray *lane,
                guint n,
                guint *cursor,
                const AtlasTimelineItem *item)
{
  const AtlasTimelineItem *items = (const AtlasTimelineItem *) (gpointer) lane->data;
  guint at = *cursor;

  while (at < n && items[at].occupied_x1 <= item->occupied_x0)
    at++;
  *cursor = at;
  return at < n && items[at].occupied_x0 < item->occupied_x1;
}

typedef enum
{
  PLACE_ALL,
  PLACE_PRIORITY,
  PLACE_OTHERS,
} PlacePass;

static int
compare_occupied (gconstpointer a,
                  gconstpointer b)
{
  const AtlasTimelineItem *ia = a, *ib = b;

  if (ia->occupied_x0 != ib->occupied_x0)
    return ia->occupied_x0 < ib->occupied_x0 ? -1 : 1;
  return ia->entry < ib->entry ? -1 : ia->entry > ib->entry;
}

/* The item of @entry at @px_per_day, before it has a lane; @label_limit:
 * where a label must end, or be set to the left of its bar. */
static inline void
make_item (const Entry *entry,
           guint index,
           double px_per_day,
           double label_limit,
           AtlasTimelineItem *item)
{
  item->entry = index;
  item->lane = 0;
  item->x0 = entry->u_start * px_per_day;
  item->x1 = MAX (entry->u_end * px_per_day, item->x0 + ATLAS_TIMELINE_POINT_WIDTH);
  item->label_x = item->x0;
  item->label_x1 = item->x0 + entry->label_width;
  /* A label that would cross the "data as of" line goes to the left. */
  if (item->label_x1 > label_limit && item->x1 - 12 - entry->label_width >= 0)
    {
      /* Measured and drawn text may differ a little: keep clear of the line. */
      item->label_x1 = item->x1 - 12;
      item->label_x = item->label_x1 - entry->label_width;
    }
  item->occupied_x0 =
      MIN (item->label_x, item->x0 - (entry->open_start ? ATLAS_TIMELINE_FADE_WIDTH : 0));
  item->occupied_x1 = MAX (item->x1, item->label_x1) + ATLAS_TIMELINE_LABEL_GAP;
}

/* The items of @pass, in the order of where they start to take room
 * (compare_occupied()). With the entries' starts in order, that is nearly
 * their own order: of the items whose label is right of the bar, those
 * without a fade and those with one are each in order already, and only
 * the few set to the left need a sort; the three are merged. Starts out of
 * order, all are sorted. */
/* Returns: (transfer none): one of the layout's scratch arrays */
static GArray *
collect_items (AtlasTimelineLayout *self,
               PlacePass pass,
               double px_per_day,
               double label_limit)
{
  GArray *plain = self->plain, *faded = self->faded, *left = self->left, *items = self->merged;
  const AtlasTimelineItem *run[3];
  guint len[3], at[3] = { 0, 0, 0 };

  g_array_set_size (plain, 0);
  g_array_set_size (faded, 0);
  g_array_set_size (left, 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      AtlasTimelineItem item;

      if (is_hidden (self, entry) ||
          (pass != PLACE_ALL && has_priority (self, i, entry) != (pass == PLACE_PRIORITY)))
        continue;
      make_item (entry, i, px_per_day, label_limit, &item);
      if (!self->starts_sorted || item.label_x != item.x0)
        g_array_append_val (left, item);
      else if (entry->open_start)
        g_array_append_val (faded, item);
      else
        g_array_append_val (plain, item);
    }
  g_array_sort (left, compare_occupied);

  if (faded->len == 0 && left->len == 0)
    return plain;
  if (plain->len == 0 && faded->len == 0)
    return left;
  run[0] = (const AtlasTimelineItem *) (gpointer) plain->data;
  run[1] = (const AtlasTimelineItem *) (gpointer) faded->data;
  run[2] = (const AtlasTimelineItem *) (gpointer) left->data;
  len[0] = plain->len;
  len[1] = faded->len;
  len[2] = left->len;
  g_array_set_size (items, len[0] + len[1] + len[2]);
  for (guint out = 0; out < items->len; out++)
    {
      int best = -1;

      for (int r = 0; r < 3; r++)
        if (at[r] < len[r] &&
            (best < 0 || compare_occupied (&run[r][at[r]], &run[best][at[best]]) < 0))
          best = r;
      g_array_index (items, AtlasTimelineItem, out) = run[best][at[best]++];
    }
  return items;
}

/* One pass of first-fit over the entries @pass takes, in the order of where
 * they start to take room (a label set to the left starts before its
 * bar): for intervals in that order, first-fit uses the fewest lanes.
 * @kept: for each lane, how many items of an earlier pass it holds, which
 * this one must not overlap; NULL when there was none. */
static gboolean
place (AtlasTimelineLayout *self,
       PlacePass pass,
       double px_per_day,
       guint max_lanes,
       double *lane_end,
       guint *lane_len,
       const guint *kept,
       guint n_kept_lanes,
       GArray *pending,
       guint *n_pending,
       gboolean give_up)
{
  Pending *waiting = (Pending *) (gpointer) pending->data;
  Place *places = (Place *) (gpointer) self->places->data;
  double min_lane_end = -G_MAXDOUBLE; /* when every lane is taken: the first free */
  double label_limit = self->latest_day > 0
                           ? atlas_timeline_layout_day_to_x (self, self->latest_day) - 4
                           : G_MAXDOUBLE;
  GArray *items = collect_items (self, pass, px_per_day, label_limit);
  guint cursor[256 + 1] = { 0 };

  for (guint i = 0; i < items->len; i++)
    {
      AtlasTimelineItem item = g_array_index (items, AtlasTimelineItem, i);
      GArray *lane_items;
      guint lane;

      /* Every lane taken and none free yet: no need to try each. */
      if (kept == NULL && self->n_lanes == max_lanes && item.occupied_x0 < min_lane_end)
        {
          if (give_up)
            return FALSE;
          waiting[(*n_pending)++] = (Pending){ item.entry, item.x0 };
          continue;
        }

      for (lane = 0; lane < self->n_lanes; lane++)
        if (lane_end[lane] <= item.occupied_x0 &&
            (kept == NULL || lane >= n_kept_lanes ||
             !overlaps_first (self->lanes->pdata[lane], kept[lane], &cursor[lane], &item)))
          break;

      if (lane == self->n_lanes)
        {
          if (self->n_lanes == max_lanes)
            {
              if (give_up)
                return FALSE;
              waiting[(*n_pending)++] = (Pending){ item.entry, item.x0 };
              if (kept == NULL)
                {
                  min_lane_end = G_MAXDOUBLE;
                  for (guint l = 0; l < self->n_lanes; l++)
                    min_lane_end = MIN (min_lane_end, lane_end[l]);
                }
              continue;
            }
          /* A lane of an earlier update, emptied, or a new one. */
          if (self->n_lanes == self->lanes->len)
            g_ptr_array_add (self->lanes, g_array_new (FALSE, FALSE, sizeof (AtlasTimelineItem)));
          lane_len[self->n_lanes] = 0;
          self->n_lanes++;
        }

      item.lane = lane;
      lane_end[lane] = item.occupied_x1;
      self->content_right = MAX (self->content_right, item.occupied_x1 - ATLAS_TIMELINE_LABEL_GAP);
      places[item.entry].lane = lane;
      /* The lane's length is counted here, and its array grown by halves
       * ahead of it: appending one by one costs a division each. */
      lane_items = self->lanes->pdata[lane];
      if (lane_len[lane] == lane_items->len)
        g_array_set_size (lane_items, MAX (64, lane_items->len + lane_items->len / 2));
      g_array_index (lane_items, AtlasTimelineItem, lane_len[lane]++) = item;
      if (kept == NULL && self->n_lanes == max_lanes)
        {
          min_lane_end = G_MAXDOUBLE;
          for (guint l = 0; l < self->n_lanes; l++)
            min_lane_end = MIN (min_lane_end, lane_end[l]);
        }
    }
  return TRUE;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const AtlasTimelineItem *ia = a, *ib = b;

  if (ia->x0 != ib->x0)
    return ia->x0 < ib->x0 ? -1 : 1;
  return ia->entry < ib->entry ? -1 : ia->entry > ib->entry;
}

/* Puts @lane, sorted in [0, @first) and in [@first, len), in x order,
 * through @scratch. Items in a lane do not overlap, so that the order of
 * where they start to take room is also the order of their bars. */
static void
merge_runs (GArray *lane,
            guint first,
            GArray *scratch)
{
  const AtlasTimelineItem *items = (const AtlasTimelineItem *) (gpointer) lane->data;
  guint a = 0, b = first, n = lane->len;

  if (first == 0 || first == n || compare_items (&items[first - 1], &items[first]) < 0)
    return;
  g_array_set_size (scratch, n);
  for (guint out = 0; out < n; out++)
    g_array_index (scratch, AtlasTimelineItem, out) =
        (b >= n || (a < first && compare_items (&items[a], &items[b]) < 0)) ? items[a++]
                                                                            : items[b++];
  memcpy (lane->data, scratch->data, n * sizeof (AtlasTimelineItem));
}

/* As atlas_timeline_layout_update(); with @give_up, stops and returns
 * FALSE at the first event that finds no lane, leaving the layout to be
 * updated again. */
static gboolean
update (AtlasTimelineLayout *self,
        double px_per_day,
        guint max_lanes,
        gboolean give_up)
{
  g_autofree double *lane_end = NULL;
  g_autofree guint *lane_len = NULL;
  GArray *pending = self->pending;
  guint n_pending = 0, n_kept_lanes = 0;
  guint kept[256 + 1];
  gboolean prioritised, done;

  self->px_per_day = px_per_day;
  self->generation++;
  /* At most every entry waits for a cluster. */
  g_array_set_size (pending, self->entries->len);
  g_array_set_size (self->clusters, 0);
  g_array_set_size (self->clustered, 0);
  self->n_lanes = 0;
  self->n_clustered = 0;
  self->content_right = 0;

  max_lanes = MIN (max_lanes, 256);
  lane_end = g_new (double, max_lanes + 1);
  lane_len = g_new (guint, max_lanes + 1);
  clear_places (self);

  prioritised = self->priority_entity != NULL || self->priority_entry >= 0 || self->focus_day > 0;
  if (!prioritised)
    done = place (self, PLACE_ALL, px_per_day, max_lanes, lane_end, lane_len, NULL, 0, pending,
                  &n_pending, give_up);
  else
    {
      done = place (self, PLACE_PRIORITY, px_per_day, max_lanes, lane_end, lane_len, NULL, 0,
                    pending, &n_pending, give_up);
      n_kept_lanes = self->n_lanes;
      for (guint lane = 0; lane < n_kept_lanes; lane++)
        {
          kept[lane] = lane_len[lane];
          lane_end[lane] = -G_MAXDOUBLE;
        }
      if (done)
        done = place (self, PLACE_OTHERS, px_per_day, max_lanes, lane_end, lane_len, kept,
                      n_kept_lanes, pending, &n_pending, give_up);
    }
  for (guint lane = 0; lane < self->n_lanes; lane++)
    g_array_set_size (self->lanes->pdata[lane], lane_len[lane]);
  g_array_set_size (pending, n_pending);
  if (!done)
    return FALSE;
  /* Two passes appended out of order: put each lane back in x order. Each
   * pass's items are in order, so a lane is two runs to merge. */
  for (guint lane = 0; lane < n_kept_lanes; lane++)
    merge_runs (self->lanes->pdata[lane], kept[lane], self->merged);
  /* Clusters gather what found no lane in x order: the entries' own order
   * when they come sorted by date (warping keeps the order), without a
   * sort of what may be nearly all of them. */
  if (self->starts_sorted)
    {
      g_autofree guint8 *waiting = g_new0 (guint8, self->entries->len);

      for (guint i = 0; i < n_pending; i++)
        waiting[g_array_index (pending, Pending, i).entry] = 1;
      for (guint i = 0, at = 0; i < self->entries->len && at < n_pending; i++)
        if (waiting[i])
          g_array_index (pending, Pending, at++) =
              (Pending){ i, g_array_index (self->entries, Entry, i).u_start * px_per_day };
    }
  else
    g_array_sort (pending, compare_pending);

  for (guint lane = 0; lane < self->n_lanes; lane++)
    {
      GArray *items = self->lanes->pdata[lane];
      Place *places = (Place *) (gpointer) self->places->data;

      for (guint i = 0; i < items->len; i++)
        places[g_array_index (items, AtlasTimelineItem, i).entry].item = (int) i;
    }
  /* Each waiting entry goes into one cluster. */
  g_array_set_size (self->clustered, n_pending);
  for (guint i = 0; i < n_pending; i++)
    add_to_cluster (self, &g_array_index (pending, Pending, i));
  merge_single_clusters (self);
  return TRUE;
}

/* Places every shown event at @px_per_day, in at most @max_lanes lanes:
 * those with priority first, then the rest. */
void
atlas_timeline_layout_update (AtlasTimelineLayout *self,
                              double px_per_day,
                              guint max_lanes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (px_per_day > 0);
  g_return_if_fail (max_lanes > 0);

  update (self, px_per_day, max_lanes, FALSE);
  self->placed = FALSE;
}

/* Whether the shown entries could all have lanes among @lanes at
 * @px_per_day: FALSE when they outnumber what the lanes hold, each item
 * taking at least a point and the gap after it, across the canvas and a
 * label's width either side. */
static gboolean
could_all_fit (const AtlasTimelineLayout *self,
               double px_per_day,
               guint lanes)
{
  double extent =
      warp (self, self->last_day) * px_per_day +
      2 * (self->max_label_width + ATLAS_TIMELINE_FADE_WIDTH + ATLAS_TIMELINE_LABEL_GAP);
  double per_lane = extent / (ATLAS_TIMELINE_POINT_WIDTH + ATLAS_TIMELINE_LABEL_GAP) + 1;
  guint shown = 0;

  if (self->entries->len <= lanes * per_lane)
    return TRUE;
  for (guint i = 0; i < self->entries->len; i++)
    shown += !is_hidden (self, &g_array_index (self->entries, Entry, i));
  return shown <= lanes * per_lane;
}

/* Whether more than @lanes of the shown entries surely take room at one
 * place at @px_per_day, so that they cannot all have lanes. A sweep in x
 * order over what each surely takes (make_item()): from its bar's start to
 * the end of its bar, or of its label when nothing may set that to the
 * left, and the gap after. It stops at the first such place, as placing
 * them would, but makes no items: trying every lane was two-fifths of a
 * zoom step's placing at 100,000 events. Starts out of order, it cannot
 * tell, and says no. */
static gboolean
surely_too_deep (const AtlasTimelineLayout *self,
                 double px_per_day,
                 guint lanes)
{
  double label_limit =
      self->latest_day > 0 ? warp (self, self->latest_day) * px_per_day - 4 : G_MAXDOUBLE;
  g_autofree double *ends = NULL; /* a min-heap of where the ones taking room end */
  guint n = 0;

  if (!self->starts_sorted)
    return FALSE;
  ends = g_new (double, lanes + 1);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      double x0, end;
      guint at;

      if (is_hidden (self, entry))
        continue;
      x0 = entry->u_start * px_per_day;
      end = MAX (entry->u_end * px_per_day, x0 + ATLAS_TIMELINE_POINT_WIDTH);
      if (x0 + entry->label_width <= label_limit)
        end = MAX (end, x0 + entry->label_width);
      end += ATLAS_TIMELINE_LABEL_GAP;

      /* Those that end where this starts leave room. */
      while (n > 0 && ends[0] <= x0)
        {
          double last = ends[--n];

          for (at = 0;;)
            {
              guint child = 2 * at + 1;

              if (child >= n)
                break;
              if (child + 1 < n && ends[child + 1] < ends[child])
                child++;
              if (ends[child] >= last)
                break;
              ends[at] = ends[child];
              at = child;
            }
          if (n > 0)
            ends[at] = last;
        }
      if (n == lanes)
        return TRUE;
      for (at = n++; at > 0 && ends[(at - 1) / 2] > end; at = (at - 1) / 2)
        ends[at] = ends[(at - 1) / 2];
      ends[at] = end;
    }
  return FALSE;
}

/* As update(), in as many lanes as @height holds: all of it for lanes
 * when every event fits, else room kept below them for the clusters. */
void
atlas_timeline_layout_update_for_height (AtlasTimelineLayout *self,
                                         double px_per_day,
                                         double height)
{
  double room = height - ATLAS_TIMELINE_AXIS_HEIGHT - ATLAS_TIMELINE_TOP_PADDING;
  guint all = (guint) MAX (1.0, floor (room / ATLAS_TIMELINE_LANE_HEIGHT));

  g_return_if_fail (self != NULL);
  g_return_if_fail (px_per_day > 0);

  if (self->placed && self->placed_px_per_day == px_per_day && self->placed_height == height)
    return;

  /* All of it when everything fits; at the first event that does not, the
   * rest is not placed in vain: room is kept for the clusters instead. Nor
   * is it tried when more events are shown than the lanes could hold. */
  if (could_all_fit (self, px_per_day, all) && !surely_too_deep (self, px_per_day, all) &&
      update (self, px_per_day, all, TRUE))
    ;
  else
    update (self, px_per_day, atlas_timeline_layout_lanes_for_height (height), FALSE);
  self->placed = TRUE;
  self->placed_px_per_day = px_per_day;
  self->placed_height = height;
}

/* The entries gathered in @cluster, one of this layout's. */
const guint *
atlas_timeline_layout_get_cluster_entries (const AtlasTimelineLayout *self,
                                           const AtlasTimelineCluster *cluster,
                                           guint *n_entries)
{
  g_return_val_if_fail (cluster->first + cluster->count <= self->clustered->len, NULL);

  *n_entries = cluster->count;
  return &g_array_index (self->clustered, guint, cluster->first);
}

double
atlas_timeline_layout_get_first_day (const AtlasTimelineLayout *self)
{
  return self->first_day;
}

double
atlas_timeline_layout_get_last_day (const AtlasTimelineLayout *self)
{
  return self->last_day;
}

guint
atlas_timeline_layout_get_generation (const AtlasTimelineLayout *self)
{
  return self->generation;
}

/* The day after the latest event ends, or 0 with no events. */
double
atlas_timeline_layout_get_latest_day (const AtlasTimelineLayout *self)
{
  return self->latest_day;
}

double
atlas_timeline_layout_get_px_per_day (const AtlasTimelineLayout *self)
{
  return self->px_per_day;
}

/* The canvas: the whole span, and any label that reaches past its end. */
double
atlas_timeline_layout_get_width (const AtlasTimelineLayout *self)
{
  return MAX (atlas_timeline_layout_day_to_x (self, self->last_day), self->content_right);
}

/* The height the placed lanes and clusters need. */
double
atlas_timeline_layout_get_height (const AtlasTimelineLayout *self)
{
  return atlas_timeline_layout_cluster_y (self) +
         (self->clusters->len > 0 ? ATLAS_TIMELINE_CLUSTER_HEIGHT : 0);
}

double
atlas_timeline_layout_day_to_x (const AtlasTimelineLayout *self,
                                double day)
{
  return warp (self, day) * self->px_per_day;
}

double
atlas_timeline_layout_x_to_day (const AtlasTimelineLayout *self,
                                double x)
{
  return unwarp (self, x / self->px_per_day);
}

/* How long [@first_day, @last_day) is drawn, in days at full scale: its
 * length less what compression takes. */
double
atlas_timeline_layout_scaled_days (const AtlasTimelineLayout *self,
                                   double first_day,
                                   double last_day)
{
  return warp (self, last_day) - warp (self, first_day);
}

/* The day from which time is drawn @factor times larger, or 0. */
double
atlas_timeline_layout_get_focus (const AtlasTimelineLayout *self,
                                 double *factor)
{
  if (factor != NULL)
    *factor = self->focus_factor;
  return self->focus_day;
}

/* The stretches of time drawn compressed, by day. */
guint
atlas_timeline_layout_get_n_breaks (const AtlasTimelineLayout *self)
{
  return self->breaks->len;
}

const AtlasTimelineBreak *
atlas_timeline_layout_get_break (const AtlasTimelineLayout *self,
                                 guint index)
{
  g_return_val_if_fail (index < self->breaks->len, NULL);
  return &g_array_index (self->breaks, AtlasTimelineBreak, index);
}

double
atlas_timeline_layout_lane_y (guint lane)
{
  return ATLAS_TIMELINE_AXIS_HEIGHT + ATLAS_TIMELINE_TOP_PADDING +
         lane * ATLAS_TIMELINE_LANE_HEIGHT;
}

double
atlas_timeline_layout_cluster_y (const AtlasTimelineLayout *self)
{
  return atlas_timeline_layout_lane_y (self->n_lanes);
}

guint
atlas_timeline_layout_get_n_entries (const AtlasTimelineLayout *self)
{
  return self->entries->len;
}

AtlasEvent *
atlas_timeline_layout_get_event (const AtlasTimelineLayout *self,
                                 guint entry)
{
  g_return_val_if_fail (entry < self->entries->len, NULL);
  return g_array_index (self->entries, Entry, entry).event;
}

/* The bar of @entry on the canvas; FALSE when its category is hidden. */
gboolean
atlas_timeline_layout_get_entry_extent (const AtlasTimelineLayout *self,
                                        guint entry,
                                        double *x0,
                                        double *x1)
{
  const Entry *e;

  g_return_val_if_fail (entry < self->entries->len, FALSE);

  e = &g_array_index (self->entries, Entry, entry);
  *x0 = atlas_timeline_layout_day_to_x (self, e->start);
  *x1 = MAX (atlas_timeline_layout_day_to_x (self, e->end), *x0 + ATLAS_TIMELINE_POINT_WIDTH);
  return !is_hidden (self, e);
}

double
atlas_timeline_layout_get_title_width (const AtlasTimelineLayout *self,
                                       guint entry)
{
  g_return_val_if_fail (entry < self->entries->len, 0);
  return g_array_index (self->entries, Entry, entry).title_width;
}

gboolean
atlas_timeline_layout_is_shown (const AtlasTimelineLayout *self,
                                guint entry)
{
  g_return_val_if_fail (entry < self->entries->len, FALSE);
  return !is_hidden (self, &g_array_index (self->entries, Entry, entry));
}

/* The placed item of @entry, or NULL when it is hidden or in a cluster. */
const AtlasTimelineItem *
atlas_timeline_layout_get_item (const AtlasTimelineLayout *self,
                                guint entry)
{
  const Place *place;

  g_return_val_if_fail (entry < self->entries->len, NULL);

  place = &g_array_index (self->places, Place, entry);
  if (place->item < 0)
    return NULL;
  return &g_array_index ((GArray *) self->lanes->pdata[place->lane], AtlasTimelineItem,
                         place->item);
}

int
atlas_timeline_layout_find_entry (const AtlasTimelineLayout *self,
                                  AtlasEvent *event)
{
  const Entry *entries = (const Entry *) (gpointer) self->entries->data;
  guint n = self->entries->len, lo = 0, hi = n;
  double start;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (ATLAS_IS_EVENT (event), -1);

  if (!self->starts_sorted)
    {
      for (guint i = 0; i < n; i++)
        if (entries[i].event == event)
          return (int) i;
      return -1;
    }
  /* By its start day, then among the entries that start that day. */
  start = atlas_fuzzy_date_get_start (atlas_event_get_date (event));
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (entries[mid].start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < n && entries[i].start == start; i++)
    if (entries[i].event == event)
      return (int) i;
  return -1;
}

/* The next (@direction 1) or previous (-1) shown entry from @entry; with
 * @entry -1, the first or last. -1 when there is none. */
int
atlas_timeline_layout_step (const AtlasTimelineLayout *self,
                            int entry,
                            int direction)
{
  int n = (int) self->entries->len;
  int i;

  if (entry < 0)
    i = direction > 0 ? 0 : n - 1;
  else
    i = entry + (direction > 0 ? 1 : -1);

  for (; i >= 0 && i < n; i += direction > 0 ? 1 : -1)
    if (!is_hidden (self, &g_array_index (self->entries, Entry, i)))
      return i;
  return -1;
}

guint
atlas_timeline_layout_get_n_lanes (const AtlasTimelineLayout *self)
{
  return self->n_lanes;
}

guint
atlas_timeline_layout_get_n_clustered (const AtlasTimelineLayout *self)
{
  return self->n_clustered;
}

/* The first item of @lane whose occupied extent reaches past @x. */
static guint
first_in_view (GArray *lane,
               double x)
{
  guint lo = 0, hi = lane->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (lane, AtlasTimelineItem, mid).occupied_x1 <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
first_cluster_in_view (GArray *clusters,
                       double x)
{
  guint lo = 0, hi = clusters->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (clusters, AtlasTimelineCluster, mid).x1 <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Adds to @items (const AtlasTimelineItem*) and @clusters (const
 * AtlasTimelineCluster*) what overlaps [@x0, @x1) of the canvas. */
void
atlas_timeline_layout_collect_visible (const AtlasTimelineLayout *self,
                                       double x0,
                                       double x1,
                                       GPtrArray *items,
                                       GPtrArray *clusters)
{
  for (guint l = 0; items != NULL && l < self->n_lanes; l++)
    {
      GArray *lane = self->lanes->pdata[l];

      for (guint i = first_in_view (lane, x0); i < lane->len; i++)
        {
          const AtlasTimelineItem *item = &g_array_index (lane, AtlasTimelineItem, i);

          if (item->occupied_x0 >= x1)
            break;
          g_ptr_array_add (items, (gpointer) item);
        }
    }

  for (guint i = first_cluster_in_view (self->clusters, x0);
       clusters != NULL && i < self->clusters->len; i++)
    {
      const AtlasTimelineCluster *cluster =
          &g_array_index (self->clusters, AtlasTimelineCluster, i);

      if (cluster->x0 >= x1)
        break;
      g_ptr_array_add (clusters, (gpointer) cluster);
    }
}

/* What is at (@x, @y) of the canvas: an event's bar or label, or a cluster. */
gboolean
atlas_timeline_layout_hit (const AtlasTimelineLayout *self,
                           double x,
                           double y,
                           AtlasTimelineHit *hit)
{
  double lanes_top = atlas_timeline_layout_lane_y (0);
  double cluster_y = atlas_timeline_layout_cluster_y (self);

  g_return_val_if_fail (hit != NULL, FALSE);

  hit->kind = ATLAS_TIMELINE_HIT_NONE;
  hit->cluster = NULL;

  if (y >= lanes_top && y < cluster_y)
    {
      GArray *lane = self->lanes->pdata[(guint) ((y - lanes_top) / ATLAS_TIMELINE_LANE_HEIGHT)];
      guint i = first_in_view (lane, x);

      if (i < lane->len)
        {
          const AtlasTimelineItem *item = &g_array_index (lane, AtlasTimelineItem, i);

          /* The label gap is space, not the event. */
          if (x >= item->occupied_x0 && x < item->occupied_x1 - ATLAS_TIMELINE_LABEL_GAP)
            {
              hit->kind = ATLAS_TIMELINE_HIT_EVENT;
              hit->entry = item->entry;
              return TRUE;
            }
        }
    }
  else if (y >= cluster_y && y < cluster_y + ATLAS_TIMELINE_CLUSTER_HEIGHT)
    {
      guint i = first_cluster_in_view (self->clusters, x);

      if (i < self->clusters->len)
        {
          const AtlasTimelineCluster *cluster =
              &g_array_index (self->clusters, AtlasTimelineCluster, i);

          if (x >= cluster->x0)
            {
              hit->kind = ATLAS_TIMELINE_HIT_CLUSTER;
              hit->cluster = cluster;
              return TRUE;
            }
        }
    }

  return FALSE;
}
