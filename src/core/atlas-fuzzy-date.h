/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The unit the source states a date in. */
typedef enum
{
  ATLAS_DATE_PRECISION_DAY,
  ATLAS_DATE_PRECISION_MONTH,
  ATLAS_DATE_PRECISION_YEAR,
  ATLAS_DATE_PRECISION_DECADE,
} AtlasDatePrecision;

/* How the interval relates to what happened. */
typedef enum
{
  ATLAS_DATE_QUALIFIER_NONE,  /* within the interval */
  ATLAS_DATE_QUALIFIER_BY,    /* at the latest by the end; the start is open */
  ATLAS_DATE_QUALIFIER_AS_OF, /* holds at the end; the start is open */
  ATLAS_DATE_QUALIFIER_ABOUT, /* roughly the interval; both ends soft */
  ATLAS_DATE_QUALIFIER_SINCE, /* from the start on; the end is open */
} AtlasDateQualifier;

/* A date is a few words; wording longer than this is refused. */
#define ATLAS_DATE_MAX_WORDS 16

#define ATLAS_TYPE_FUZZY_DATE (atlas_fuzzy_date_get_type ())

typedef struct _AtlasFuzzyDate AtlasFuzzyDate;

GType atlas_fuzzy_date_get_type (void) G_GNUC_CONST;
AtlasFuzzyDate *atlas_fuzzy_date_new (guint32 start_day,
                                      guint32 end_day,
                                      AtlasDatePrecision precision,
                                      AtlasDateQualifier qualifier,
                                      gboolean approximate,
                                      const char *text);
AtlasFuzzyDate *atlas_fuzzy_date_parse (const char *text,
                                        GError **error);
gboolean atlas_fuzzy_date_parse_iso (const char *iso,
                                     guint32 *first_day,
                                     guint32 *last_day,
                                     AtlasDatePrecision *precision,
                                     GError **error);
AtlasFuzzyDate *atlas_fuzzy_date_copy (const AtlasFuzzyDate *self);
void atlas_fuzzy_date_free (AtlasFuzzyDate *self);
guint32 atlas_fuzzy_date_get_start (const AtlasFuzzyDate *self);
guint32 atlas_fuzzy_date_get_end (const AtlasFuzzyDate *self);
AtlasDatePrecision atlas_fuzzy_date_get_precision (const AtlasFuzzyDate *self);
AtlasDateQualifier atlas_fuzzy_date_get_qualifier (const AtlasFuzzyDate *self);
gboolean atlas_fuzzy_date_is_approximate (const AtlasFuzzyDate *self);
gboolean atlas_fuzzy_date_is_start_open (const AtlasFuzzyDate *self);
gboolean atlas_fuzzy_date_is_end_open (const AtlasFuzzyDate *self);
const char *atlas_fuzzy_date_get_text (const AtlasFuzzyDate *self);
char *atlas_fuzzy_date_dup_display (const AtlasFuzzyDate *self);
char *atlas_fuzzy_date_dup_as_written (const AtlasFuzzyDate *self);
char *atlas_fuzzy_date_format_iso (const AtlasFuzzyDate *self);
char *atlas_date_format_day (guint32 julian_day);
void atlas_date_dmy (guint32 day,
                     guint *y,
                     guint *m,
                     guint *d);
guint32 atlas_date_julian (guint year,
                           guint month,
                           guint day);
int atlas_fuzzy_date_compare (const AtlasFuzzyDate *a,
                              const AtlasFuzzyDate *b);
gboolean atlas_fuzzy_date_equal (const AtlasFuzzyDate *a,
                                 const AtlasFuzzyDate *b);

const char *atlas_date_precision_to_string (AtlasDatePrecision precision);
gboolean atlas_date_precision_from_string (const char *str,
                                           AtlasDatePrecision *precision);
const char *atlas_date_qualifier_to_string (AtlasDateQualifier qualifier);
gboolean atlas_date_qualifier_from_string (const char *str,
                                           AtlasDateQualifier *qualifier);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasFuzzyDate,
                               atlas_fuzzy_date_free)

G_END_DECLS
