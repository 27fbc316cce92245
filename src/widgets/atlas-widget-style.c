/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-widget-style"

#include "config.h"

#include <adwaita.h>
#include <pango/pangocairo.h>

#include "atlas-widget-style.h"

/* The renderers' style from @widget's theme: dark or light, high contrast or
 * not, its text colour, the accent colour, its font and the screen's scale. */
AtlasStyle *
atlas_style_new_for_widget (GtkWidget *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoContext *pango = gtk_widget_get_pango_context (widget);
  AtlasStyle *style = atlas_style_new (adw_style_manager_get_dark (manager),
                                       adw_style_manager_get_high_contrast (manager));
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  double resolution = pango_cairo_context_get_resolution (pango);
  GdkRGBA rgba;

  gtk_style_context_get_color (context, &rgba);
  style->foreground = (AtlasColor){ rgba.red, rgba.green, rgba.blue, rgba.alpha };
  style->dim_foreground =
      atlas_color_with_alpha (style->foreground, style->high_contrast ? 0.85 : 0.6);
  style->grid = atlas_color_with_alpha (style->foreground, style->high_contrast ? 0.35 : 0.12);
  if (gtk_style_context_lookup_color (context, "accent_color", &rgba))
    style->accent = (AtlasColor){ rgba.red, rgba.green, rgba.blue, rgba.alpha };
  if (gtk_style_context_lookup_color (context, "window_bg_color", &rgba))
    style->background = (AtlasColor){ rgba.red, rgba.green, rgba.blue, 1.0 };
  if (font != NULL)
    atlas_style_set_font (style, font);
  style->resolution = resolution > 0 ? resolution : 96.0;
  {
    const cairo_font_options_t *own = pango_cairo_context_get_font_options (pango);
    cairo_font_options_t *options =
        own != NULL ? cairo_font_options_copy (own) : cairo_font_options_create ();

    /* As the window merges them in drawing (atlas_raster_font_options()). */
    cairo_font_options_merge (options, atlas_raster_font_options ());
    atlas_style_set_font_options (style, options);
    cairo_font_options_destroy (options);
  }
  style->scale = gtk_widget_get_scale_factor (widget);
  return style;
}

/* The families of @widget's font. A widget in a window asks its pango
 * context; one not yet placed has no style but the default, whose family is
 * the settings' font, and is given that: asking its pango context would
 * work out its whole style now, for a node with no parents, and again once
 * it is placed (2 % of the work to the first frame, for the sidebar's rows). */
static char *
widget_families (GtkWidget *widget)
{
  const PangoFontDescription *font;
  g_autoptr (PangoFontDescription) settings_font = NULL;

  if (gtk_widget_get_root (widget) != NULL)
    font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  else
    {
      g_autofree char *name = NULL;

      g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &name, NULL);
      font = settings_font = pango_font_description_from_string (name ? name : "");
    }
  return font ? g_strdup (pango_font_description_get_family (font)) : NULL;
}

/* Dataset text on @label, each run with its language (see
 * atlas_layout_set_text()): English in a Latin font in a Chinese
 * interface, not with the CJK font's full-width punctuation. */
void
atlas_label_set_text (GtkLabel *label,
                      const char *text)
{
  g_autofree char *families = widget_families (GTK_WIDGET (label));
  PangoAttrList *attrs = atlas_text_attributes (text ? text : "", families);

  gtk_label_set_label (label, text ? text : "");
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/* The same as markup, for a row's title or subtitle. */
char *
atlas_widget_text_markup (GtkWidget *widget,
                          const char *text)
{
  g_autofree char *families = widget_families (widget);

  return atlas_text_markup (text ? text : "", families);
}
