/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-style"

#include "config.h"

#include <pango/pangocairo.h>

#include <fontconfig/fontconfig.h>
#include <math.h>
#include <string.h>

#include "atlas-fonts.h"
#include "atlas-style.h"

#define RGB(hex)                                                                                   \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* The GNOME palette: regulation red, platforms blue, production orange, market
 * green, technology purple, people brown. Darker shades on light backgrounds,
 * lighter ones on dark, so each keeps its contrast. */
static const AtlasColor light_categories[ATLAS_N_CATEGORIES] = {
  RGB (0xc01c28), RGB (0x1c71d8), RGB (0xc64600), RGB (0x26a269), RGB (0x813d9c), RGB (0x865e3c),
};
static const AtlasColor dark_categories[ATLAS_N_CATEGORIES] = {
  RGB (0xf66151), RGB (0x62a0ea), RGB (0xffa348), RGB (0x57e389), RGB (0xc061cb), RGB (0xcdab8f),
};
static const AtlasColor contrast_light_categories[ATLAS_N_CATEGORIES] = {
  RGB (0xa51d2d), RGB (0x1a5fb4), RGB (0x9c3d00), RGB (0x1f7a4d), RGB (0x613583), RGB (0x63452c),
};

AtlasStyle *
atlas_style_new (gboolean dark,
                 gboolean high_contrast)
{
  AtlasStyle *style = g_new0 (AtlasStyle, 1);
  static const AtlasColor light_fg = RGB (0x2e2e2e), dark_fg = RGB (0xffffff);
  static const AtlasColor light_bg = RGB (0xfafafa), dark_bg = RGB (0x242424);
  static const AtlasColor light_card = RGB (0xffffff), dark_card = RGB (0x303030);
  static const AtlasColor light_accent = RGB (0x1c71d8), dark_accent = RGB (0x78aeed);
  const AtlasColor *categories;

  style->dark = !!dark;
  style->high_contrast = !!high_contrast;
  style->foreground = dark ? dark_fg : light_fg;
  style->background = dark ? dark_bg : light_bg;
  style->card = dark ? dark_card : light_card;
  style->accent = dark ? dark_accent : light_accent;
  /* Secondary text — dates, ticks, the source line — at 0.7 of the text
   * colour: 5.2:1 against white and 8.3:1 against the dark background, past
   * the 4.5:1 a projector needs (0.6 gave 3.9:1). */
  style->dim_foreground = atlas_color_with_alpha (style->foreground, high_contrast ? 0.85 : 0.7);
  style->grid = atlas_color_with_alpha (style->foreground, high_contrast ? 0.35 : 0.12);

  if (dark)
    categories = dark_categories;
  else
    categories = high_contrast ? contrast_light_categories : light_categories;
  for (guint i = 0; i < ATLAS_N_CATEGORIES; i++)
    style->categories[i] = categories[i];

  style->font = pango_font_description_from_string ("Cantarell, Noto Sans, sans 10");
  style->resolution = 96.0;
  style->scale = 1.0;
  return style;
}

AtlasStyle *
atlas_style_copy (const AtlasStyle *style)
{
  AtlasStyle *copy;

  g_return_val_if_fail (style != NULL, NULL);

  copy = g_memdup2 (style, sizeof *style);
  copy->font = pango_font_description_copy (style->font);
  if (style->font_options != NULL)
    copy->font_options = cairo_font_options_copy (style->font_options);
  return copy;
}

void
atlas_style_free (AtlasStyle *style)
{
  if (style == NULL)
    return;
  g_clear_pointer (&style->font, pango_font_description_free);
  g_clear_pointer (&style->font_options, cairo_font_options_destroy);
  g_free (style);
}

void
atlas_style_set_font (AtlasStyle *style,
                      const PangoFontDescription *font)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (font != NULL);

  pango_font_description_free (style->font);
  style->font = pango_font_description_copy (font);
}

void
atlas_style_set_font_options (AtlasStyle *style,
                              const cairo_font_options_t *options)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_options, cairo_font_options_destroy);
  if (options != NULL)
    style->font_options = cairo_font_options_copy (options);
}

/* What a raster target (an image surface, a window's) puts into the font
 * options of text drawn on it, beyond antialiasing, subpixel order, hint
 * style and hint metrics: in cairo 1.16, rounded glyph positions, which
 * have no setter of their own. cairo keys a scaled font, and the glyphs it
 * keeps, by all its options, so text laid out without these was drawn
 * through a second scaled font: each of its glyphs measured and loaded
 * again when drawn, and for a hinted TrueType font each load between the
 * two sizes (the drawn one and the em square the metrics come from) ran the
 * font's set-up program again, a quarter of a million instructions each.
 * Merged into the options text is laid out with, the two are one.
 * Drawing is unchanged: the target rounds the positions either way. */
const cairo_font_options_t *
atlas_raster_font_options (void)
{
  static cairo_font_options_t *extra;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      cairo_surface_t *raster = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_surface_get_font_options (raster, options);
      cairo_surface_destroy (raster);
      /* What the text's own options say stays theirs. */
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_DEFAULT);
      cairo_font_options_set_subpixel_order (options, CAIRO_SUBPIXEL_ORDER_DEFAULT);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_DEFAULT);
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_DEFAULT);
      extra = options;
      g_once_init_leave (&done, 1);
    }
  return extra;
}

/* Whether text laid out in @a's font measures the same in @b's: the same
 * font, resolution and font options. */
gboolean
atlas_style_measures_alike (const AtlasStyle *a,
                            const AtlasStyle *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!pango_font_description_equal (a->font, b->font) || a->resolution != b->resolution)
    return FALSE;
  if (a->font_options == NULL || b->font_options == NULL)
    return a->font_options == b->font_options;
  return cairo_font_options_equal (a->font_options, b->font_options);
}

AtlasColor
atlas_color_with_alpha (AtlasColor color,
                        double alpha)
{
  color.alpha *= alpha;
  return color;
}

static const cairo_user_data_key_t paper_key;

/* Says that what @cr draws goes onto the opaque @paper: colours with alpha
 * are then mixed with it, so that a file needs no transparency to look the
 * same (PDF readers and office suites that flatten it lose it: grey text
 * turned mauve, hatching solid). Screens keep the alpha. */
void
atlas_set_paper (cairo_t *cr,
                 AtlasColor paper)
{
  AtlasColor *copy = g_new (AtlasColor, 1);

  *copy = paper;
  cairo_set_user_data (cr, &paper_key, copy, g_free);
}

/* The paper of @cr (atlas_set_paper()), or @fallback when it has none. */
AtlasColor
atlas_get_paper (cairo_t *cr,
                 AtlasColor fallback)
{
  const AtlasColor *paper = cairo_get_user_data (cr, &paper_key);

  return paper ? *paper : fallback;
}

/* @color as it looks on @cr: itself, or mixed onto its paper when it has
 * one (atlas_set_paper()). */
AtlasColor
atlas_color_on (cairo_t *cr,
                AtlasColor color)
{
  const AtlasColor *paper = cairo_get_user_data (cr, &paper_key);
  AtlasColor opaque = color;

  if (paper == NULL || color.alpha >= 1.0)
    return color;
  opaque = atlas_color_mix (*paper, color, color.alpha);
  opaque.alpha = 1.0;
  return opaque;
}

/* Sets @color as @cr's source, mixed onto its paper if it has one. */
void
atlas_set_source (cairo_t *cr,
                  AtlasColor color)
{
  AtlasColor c = atlas_color_on (cr, color);

  cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha);
}

AtlasColor
atlas_color_mix (AtlasColor a,
                 AtlasColor b,
                 double t)
{
  AtlasColor c = {
    a.red + (b.red - a.red) * t,
    a.green + (b.green - a.green) * t,
    a.blue + (b.blue - a.blue) * t,
    a.alpha + (b.alpha - a.alpha) * t,
  };
  return c;
}

/* @font at @factor of its size, whether that size is in points or absolute. */
PangoFontDescription *
atlas_font_scaled (const PangoFontDescription *font,
                   double factor,
                   PangoWeight weight)
{
  PangoFontDescription *scaled = pango_font_description_copy (font);
  int size = pango_font_description_get_size (font);

  if (factor != 1.0 && size > 0)
    {
      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (scaled, size * factor);
      else
        pango_font_description_set_size (scaled, (int) (size * factor));
    }
  pango_font_description_set_weight (scaled, weight);
  return scaled;
}

/* A layout for drawing on @cr with @style's font, at the resolution its text
 * was measured at, so that drawn text is exactly as wide as laid out. */
PangoLayout *
atlas_style_create_layout (const AtlasStyle *style,
                           cairo_t *cr,
                           double size_factor,
                           PangoWeight weight)
{
  PangoContext *context = pango_font_map_create_context (atlas_fonts_get_map ());
  PangoLayout *layout;
  g_autoptr (PangoFontDescription) font = atlas_font_scaled (style->font, size_factor, weight);

  pango_cairo_update_context (cr, context);
  pango_cairo_context_set_resolution (context, style->resolution);
  layout = pango_layout_new (context);
  g_object_unref (context);
  pango_layout_set_font_description (layout, font);
  return layout;
}

/* A context for measuring text with @style away from any widget, as the
 * command line does. */
PangoContext *
atlas_style_create_context (const AtlasStyle *style)
{
  PangoContext *context = pango_font_map_create_context (atlas_fonts_get_map ());

  pango_cairo_context_set_resolution (context, style->resolution);
  if (style->font_options != NULL)
    pango_cairo_context_set_font_options (context, style->font_options);
  return context;
}

/* The width of @text laid out in @layout's font, in pixels. */
double
atlas_text_width (PangoLayout *layout,
                  const char *text)
{
  int width;

  atlas_layout_set_text (layout, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The language of @text, for a reader and for shaping, when nothing says
 * it: the dataset and the interface are English or Chinese, and Chinese
 * text is the one with Han characters in it. */
const char *
atlas_text_guess_language (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x2e80 && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        return "zh-CN";
    }
  return "en";
}

/* A sans-serif family for English text that is not a Chinese font: in a
 * Chinese locale fontconfig puts a CJK font first even for "sans-serif"
 * with lang=en, and a CJK font's apostrophe is full-width ("China’ s").
 * The first font fontconfig sorts for sans-serif that has English and not
 * Chinese, looked up once; NULL if there is none.
 *
 * In the configuration text is laid out in (atlas_fonts_get_config()):
 * pango loads fontconfig's in a thread of its own, and asking fontconfig
 * before that is done loaded it a second time, a third of an export's
 * time. */
static const char *
latin_family (void)
{
  static char *family;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      FcConfig *config = atlas_fonts_get_config ();
      FcPattern *pattern = FcNameParse ((const FcChar8 *) "sans-serif");
      FcFontSet *fonts;
      FcResult result;

      FcConfigSubstitute (config, pattern, FcMatchPattern);
      FcDefaultSubstitute (pattern);
      fonts = FcFontSort (config, pattern, FcFalse, NULL, &result);
      for (int i = 0; fonts != NULL && i < fonts->nfont && family == NULL; i++)
        {
          FcLangSet *langs = NULL;
          FcChar8 *name = NULL;

          if (FcPatternGetLangSet (fonts->fonts[i], FC_LANG, 0, &langs) == FcResultMatch &&
              FcLangSetHasLang (langs, (const FcChar8 *) "en") == FcLangEqual &&
              FcLangSetHasLang (langs, (const FcChar8 *) "zh-cn") == FcLangDifferentLang &&
              FcPatternGetString (fonts->fonts[i], FC_FAMILY, 0, &name) == FcResultMatch)
            family = g_strdup ((const char *) name);
        }
      if (fonts != NULL)
        FcFontSetDestroy (fonts);
      FcPatternDestroy (pattern);
      g_once_init_leave (&done, 1);
    }
  return family;
}

/* @families with @latin after the first, "Cantarell,DejaVu Sans,sans", or
 * before it when the first is a generic name that fontconfig would give a
 * CJK font for: "DejaVu Sans,Sans". */
static char *
with_latin (const char *families,
            const char *latin)
{
  const char *comma = families ? strchr (families, ',') : NULL;
  g_autofree char *first = NULL;
  static const char *generic[] = { "sans", "sans-serif", "serif", "system-ui", "monospace" };

  if (families == NULL || *families == '\0')
    return g_strdup (latin);
  first = comma ? g_strndup (families, (gsize) (comma - families)) : g_strdup (families);
  g_strstrip (first);
  for (guint i = 0; i < G_N_ELEMENTS (generic); i++)
    if (g_ascii_strcasecmp (first, generic[i]) == 0)
      return g_strconcat (latin, ",", families, NULL);
  if (comma == NULL)
    return g_strconcat (families, ",", latin, NULL);
  return g_strdup_printf ("%.*s,%s%s", (int) (comma - families), families, latin, comma);
}

/* Whether fontconfig gives English text in @families @latin itself, asked
 * once for each list. */
static gboolean
english_takes_latin (const char *families,
                     const char *latin)
{
  G_LOCK_DEFINE_STATIC (answers);
  static GHashTable *answers; /* families → 1 no, 2 yes */
  gpointer answer;

  G_LOCK (answers);
  if (answers == NULL)
    answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  answer = g_hash_table_lookup (answers, families);
  if (answer == NULL)
    {
      FcConfig *config = atlas_fonts_get_config ();
      g_auto (GStrv) names = g_strsplit (families, ",", -1);
      FcPattern *pattern = FcPatternCreate ();
      FcPattern *match;
      FcResult result;
      FcChar8 *name = NULL;

      for (guint i = 0; names[i] != NULL; i++)
        FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) g_strstrip (names[i]));
      FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) "en");
      FcConfigSubstitute (config, pattern, FcMatchPattern);
      FcDefaultSubstitute (pattern);
      match = FcFontMatch (config, pattern, &result);
      answer = GINT_TO_POINTER (
          match != NULL && FcPatternGetString (match, FC_FAMILY, 0, &name) == FcResultMatch &&
                  g_ascii_strcasecmp ((const char *) name, latin) == 0
              ? 2
              : 1);
      if (match != NULL)
        FcPatternDestroy (match);
      FcPatternDestroy (pattern);
      g_hash_table_insert (answers, g_strdup (families), answer);
    }
  G_UNLOCK (answers);
  return GPOINTER_TO_INT (answer) == 2;
}

/* The families English runs of text in @families are given: with @latin
 * placed in (with_latin()), or @latin alone when it is the one fontconfig
 * would take from those anyway, "DejaVu Sans" where there is no Cantarell.
 *
 * Alone, it is the family pango lays out a sample in to work out the
 * font's metrics, for the height of each line: text in the same family
 * shares those font lists instead of making its own, and each list costs
 * a fontconfig substitution, match and sort, in threads of their own. An
 * export loads half as many. */
static char *
english_families (const char *families,
                  const char *latin)
{
  char *list = with_latin (families, latin);

  if (g_ascii_strcasecmp (list, latin) != 0 && english_takes_latin (list, latin))
    {
      g_free (list);
      return g_strdup (latin);
    }
  return list;
}

static gboolean
is_chinese (gunichar c)
{
  return (c >= 0x2e80 && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN) ||
         (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}

typedef void (*RunFunc) (int kind, /* 0 English, 1 Chinese */
                         guint start,
                         guint end,
                         gpointer data);

/* Calls @func for each run of @text in one language: letters and digits
 * say which; spaces and signs go with the run before, and are English
 * when there is no letter at all. */
static void
for_each_run (const char *text,
              RunFunc func,
              gpointer data)
{
  const char *run = text;
  int kind = -1; /* -1 not known yet */

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int here = c == 0 ? -2 : is_chinese (c) ? 1 : g_unichar_isalnum (c) ? 0 : kind;

      if (here != kind && kind >= 0)
        {
          func (kind, (guint) (run - text), (guint) (p - text), data);
          run = p;
        }
      /* Signs alone, "≈", as AtlasTextWidths measures them: in the font of
       * the English beside them, not in a font list of their own. */
      if (c == 0 && kind == -1 && p > text)
        func (0, 0, (guint) (p - text), data);
      if (here != kind)
        {
          if (kind < 0)
            run = text;
          kind = here;
        }
      if (c == 0)
        break;
    }
}

/* ---- Widths without shaping ---- */

/* The width of a text from the advance of each character, each measured
 * once with pango in the language of its run (as atlas_layout_set_text()
 * shapes it): for the timeline's hundred thousand labels, where shaping
 * each one was nearly all the cost of a layout. Kerning and ligatures only
 * narrow a shaped line, so the sum is at least the shaped width, and a
 * label never overlaps what comes after it.
 *
 * A character is itemized and shaped as a layout of it alone would be, in
 * the layout's font and context, without the layout, which also breaks the
 * text into lines and works out their extents and the font's metrics: 51,000
 * instructions a character instead of 90,000. The bundled dataset's
 * timeline measures a hundred characters before the window's first frame. */
struct _AtlasTextWidths
{
  PangoContext *context;
  PangoAttrList *attrs[2]; /* the layout's font, the language, the families */
  PangoShapeFlags flags;
  int ascii[2][128];       /* Pango units, -1 not yet measured */
  GHashTable *others;      /* (c << 1 | kind) → advance + 1 */
};

static PangoAttrList *
advance_attributes (const PangoFontDescription *font,
                    int kind,
                    const char *families)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Inserted in this order, each overrides what the one before says. */
  if (font != NULL)
    pango_attr_list_insert (attrs, pango_attr_font_desc_new (font));
  pango_attr_list_insert (
      attrs, pango_attr_language_new (pango_language_from_string (kind ? "zh-cn" : "en")));
  if (families != NULL)
    pango_attr_list_insert (attrs, pango_attr_family_new (families));
  return attrs;
}

AtlasTextWidths *
atlas_text_widths_new (PangoLayout *layout)
{
  AtlasTextWidths *self = g_new0 (AtlasTextWidths, 1);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  const char *latin = latin_family ();
  g_autofree char *latin_families = NULL;

  self->context = g_object_ref (pango_layout_get_context (layout));
  if (latin != NULL)
    latin_families =
        english_families (font ? pango_font_description_get_family (font) : NULL, latin);
  self->attrs[0] = advance_attributes (font, 0, latin_families);
  self->attrs[1] = advance_attributes (font, 1, NULL);
  self->flags = pango_context_get_round_glyph_positions (self->context)
                    ? PANGO_SHAPE_ROUND_POSITIONS
                    : PANGO_SHAPE_NONE;
  memset (self->ascii, -1, sizeof self->ascii);
  self->others = g_hash_table_new (NULL, NULL);
  return self;
}

void
atlas_text_widths_free (AtlasTextWidths *self)
{
  g_clear_object (&self->context);
  g_clear_pointer (&self->attrs[0], pango_attr_list_unref);
  g_clear_pointer (&self->attrs[1], pango_attr_list_unref);
  g_hash_table_unref (self->others);
  g_free (self);
}

/* The logical width of @c alone, in Pango units. */
static int
measure_advance (AtlasTextWidths *self,
                 gunichar c,
                 int kind)
{
  char text[8] = { 0 };
  int length = g_unichar_to_utf8 (c, text);
  GList *items = pango_itemize (self->context, text, 0, length, self->attrs[kind], NULL);
  PangoGlyphString *glyphs = pango_glyph_string_new ();
  int width = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;

      pango_shape_with_flags (text + item->offset, item->length, text, length, &item->analysis,
                              glyphs, self->flags);
      width += pango_glyph_string_get_width (glyphs);
    }
  pango_glyph_string_free (glyphs);
  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  return MAX (width, 0);
}

static int
advance (AtlasTextWidths *self,
         gunichar c,
         int kind)
{
  gpointer key = GUINT_TO_POINTER (c << 1 | (guint) kind);
  gpointer found;
  int width;

  if (c < 128)
    {
      if (self->ascii[kind][c] < 0)
        self->ascii[kind][c] = measure_advance (self, c, kind);
      return self->ascii[kind][c];
    }
  found = g_hash_table_lookup (self->others, key);
  if (found != NULL)
    return GPOINTER_TO_INT (found) - 1;
  width = measure_advance (self, c, kind);
  g_hash_table_insert (self->others, key, GINT_TO_POINTER (width + 1));
  return width;
}

/* The width of @text in pixels, a whole number, at least as wide as
 * atlas_text_width() gives. */
double
atlas_text_widths_measure (AtlasTextWidths *self,
                           const char *text)
{
  gint64 total = 0;
  int kind = 0;

  if (text == NULL)
    return 0;
  /* Signs before the first letter go with the first run, as shaped. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_chinese (c) || g_unichar_isalnum (c))
        {
          kind = is_chinese (c) ? 1 : 0;
          break;
        }
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_chinese (c))
        kind = 1;
      else if (g_unichar_isalnum (c))
        kind = 0;
      total += advance (self, c, kind);
    }
  /* A pixel for the rounding of shaped extents. */
  return ceil ((double) total / PANGO_SCALE) + 1;
}

typedef struct
{
  PangoAttrList *attrs;
  const char *text;
  char *english_families;
  GString *markup;
} Runs;

static void
add_run_attributes (int kind,
                    guint start,
                    guint end,
                    gpointer data)
{
  Runs *runs = data;
  PangoAttribute *attr =
      pango_attr_language_new (pango_language_from_string (kind ? "zh-cn" : "en"));

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (runs->attrs, attr);
  if (kind == 0 && runs->english_families != NULL)
    {
      attr = pango_attr_family_new (runs->english_families);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (runs->attrs, attr);
    }
}

/* The attributes that give each run of @text its language, and English
 * runs a Latin family placed in @families (the font's): see
 * atlas_layout_set_text(). */
PangoAttrList *
atlas_text_attributes (const char *text,
                       const char *families)
{
  const char *latin = latin_family ();
  Runs runs = { pango_attr_list_new (), text, latin ? english_families (families, latin) : NULL,
                NULL };

  for_each_run (text, add_run_attributes, &runs);
  g_free (runs.english_families);
  return runs.attrs;
}

static void
add_run_markup (int kind,
                guint start,
                guint end,
                gpointer data)
{
  Runs *runs = data;
  g_autofree char *words = g_markup_escape_text (runs->text + start, (gssize) (end - start));

  if (kind == 0 && runs->english_families != NULL)
    {
      g_autofree char *families = g_markup_escape_text (runs->english_families, -1);

      g_string_append_printf (runs->markup, "<span lang=\"en\" font_family=\"%s\">%s</span>",
                              families, words);
    }
  else
    g_string_append_printf (runs->markup, "<span lang=\"%s\">%s</span>", kind ? "zh-cn" : "en",
                            words);
}

/* @text as Pango markup with the same runs, for widgets that take markup
 * and not attributes (a row's title). */
char *
atlas_text_markup (const char *text,
                   const char *families)
{
  const char *latin = latin_family ();
  Runs runs = { NULL, text, latin ? english_families (families, latin) : NULL,
                g_string_new (NULL) };

  for_each_run (text, add_run_markup, &runs);
  /* Empty text is written as it is. */
  if (runs.markup->len == 0)
    {
      g_autofree char *plain = g_markup_escape_text (text, -1);

      g_string_append (runs.markup, plain);
    }
  g_free (runs.english_families);
  return g_string_free (runs.markup, FALSE);
}

/* Sets @text on @layout, each run with its language: English is shaped as
 * English, in a Latin font, with Latin punctuation, and Chinese as Chinese,
 * whatever the interface's language (a Chinese one gave "China’s" a
 * full-width apostrophe: "China’ s"). Spaces and signs go with the run
 * before. */
void
atlas_layout_set_text (PangoLayout *layout,
                       const char *text)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  PangoAttrList *attrs =
      atlas_text_attributes (text, font ? pango_font_description_get_family (font) : NULL);

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}
