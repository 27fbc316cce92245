/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-time-ticks"

#include "config.h"

/* Ticks on a time axis fall on calendar boundaries, never on fractions of
 * them: the 1st of a month, January 1st, the start of a decade. The spacing is
 * the finest in the list below whose ticks stand at least min_px apart. */

#include <math.h>

#include "atlas-i18n.h"

#include "atlas-fuzzy-date.h"
#include "atlas-time-ticks.h"

static const struct
{
  AtlasTickSpacing spacing;
  double days;
} spacings[] = {
  { { ATLAS_TICK_DAY, 1 }, 1 },         { { ATLAS_TICK_DAY, 2 }, 2 },
  { { ATLAS_TICK_DAY, 5 }, 5 },         { { ATLAS_TICK_DAY, 10 }, 10 },
  { { ATLAS_TICK_MONTH, 1 }, 30.44 },   { { ATLAS_TICK_MONTH, 3 }, 91.31 },
  { { ATLAS_TICK_MONTH, 6 }, 182.62 },  { { ATLAS_TICK_YEAR, 1 }, 365.25 },
  { { ATLAS_TICK_YEAR, 2 }, 730.5 },    { { ATLAS_TICK_YEAR, 5 }, 1826.25 },
  { { ATLAS_TICK_YEAR, 10 }, 3652.5 },  { { ATLAS_TICK_YEAR, 20 }, 7305 },
  { { ATLAS_TICK_YEAR, 50 }, 18262.5 }, { { ATLAS_TICK_YEAR, 100 }, 36525 },
};

static const char *month_names[] = {
  N_ ("Jan"), N_ ("Feb"), N_ ("Mar"), N_ ("Apr"), N_ ("May"), N_ ("Jun"),
  N_ ("Jul"), N_ ("Aug"), N_ ("Sep"), N_ ("Oct"), N_ ("Nov"), N_ ("Dec"),
};

AtlasTickSpacing
atlas_time_ticks_spacing (double px_per_day,
                          double min_px)
{
  for (guint i = 0; i < G_N_ELEMENTS (spacings); i++)
    if (spacings[i].days * px_per_day >= min_px)
      return spacings[i].spacing;
  return spacings[G_N_ELEMENTS (spacings) - 1].spacing;
}

static void
add_tick (GArray *ticks,
          guint32 day,
          gboolean major,
          const char *label)
{
  AtlasTick tick = { day, major, "" };

  g_strlcpy (tick.label, label, sizeof tick.label);
  g_array_append_val (ticks, tick);
}

/* Returns: (element-type AtlasTick): the ticks within [@first_day, @last_day] */
GArray *
atlas_time_ticks (double first_day,
                  double last_day,
                  AtlasTickSpacing spacing)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (AtlasTick));
  GDate date;
  guint year, month;

  g_return_val_if_fail (spacing.step > 0, ticks);

  first_day = CLAMP (first_day, 1, G_MAXUINT32 - 1);
  last_day = CLAMP (last_day, first_day, atlas_date_julian (9999, 12, 31));

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) floor (first_day));
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);

  switch (spacing.unit)
    {
    case ATLAS_TICK_YEAR:
      {
        guint step = spacing.step;
        guint major_every = step >= 10 ? step * 5 : step >= 2 ? 10 : 5;

        for (guint y = year - year % step; y <= 9999; y += step)
          {
            guint32 day = atlas_date_julian (MAX (y, 1), 1, 1);
            char label[32];

            if (day > last_day)
              break;
            if (day < first_day)
              continue;
            if (step >= 10)
              g_snprintf (label, sizeof label, "%us", y);
            else
              g_snprintf (label, sizeof label, "%u", y);
            add_tick (ticks, day, y % major_every == 0, label);
          }
        break;
      }

    case ATLAS_TICK_MONTH:
      {
        guint step = spacing.step;
        guint m = month - (month - 1) % step;

        for (guint y = year; y <= 9999; y++, m = 1)
          {
            for (; m <= 12; m += step)
              {
                guint32 day = atlas_date_julian (y, m, 1);
                char label[32];

                if (day > last_day)
                  return ticks;
                if (day < first_day)
                  continue;
                if (m == 1)
                  g_snprintf (label, sizeof label, "%u", y);
                else
                  g_strlcpy (label, _ (month_names[m - 1]), sizeof label);
                add_tick (ticks, day, m == 1, label);
              }
          }
        break;
      }

    case ATLAS_TICK_DAY:
    default:
      {
        guint step = spacing.step;

        for (guint32 day = (guint32) floor (first_day); day <= last_day; day++)
          {
            guint d;
            char label[32];

            g_date_set_julian (&date, day);
            d = g_date_get_day (&date);
            /* Steps restart each month, so ticks stay on the 1st, 11th, 21st… */
            if ((d - 1) % step != 0 || (step > 1 && d + step > 31 && d != 1))
              continue;
            if (d == 1)
              g_snprintf (label, sizeof label, "%s %u",
                          _ (month_names[g_date_get_month (&date) - 1]), g_date_get_year (&date));
            else
              g_snprintf (label, sizeof label, "%u", d);
            add_tick (ticks, day, d == 1, label);
          }
        break;
      }
    }

  return ticks;
}
