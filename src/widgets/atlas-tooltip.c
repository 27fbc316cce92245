/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-tooltip"

#include "config.h"

#include <string.h>

#include "atlas-tooltip.h"

/* Tooltips that GTK asks for when it shows one, as it asks the timeline
 * and the charts for theirs.
 *
 * gtk_widget_set_tooltip_text() and _markup() on a visible widget ask the
 * display at once where the pointer is, to show or update the tooltip it
 * may be over: on X11 that is three round trips to the server
 * (XIGetClientPointer, XIQueryPointer and XSync), every time, even for a
 * widget in no window yet. The window's construction set 19 tooltips, 57
 * round trips before its first frame (3 % of the time to it), and a
 * figure table set one for each sentence cell it bound, as it scrolled.
 * Set here, a tooltip costs no round trip, and it is the widget's
 * accessible description, as GTK's is.
 *
 * It shows in a label like GTK's, wrapped at 50 characters, but as wide
 * as its text up to there: GTK's is at most as many average characters
 * wide as the text has characters, and Chinese characters, twice as wide
 * as the average, broke "放大" (Zoom In) over two lines. */

#define MAX_WIDTH_CHARS 50

#define MARKUP_KEY "atlas-tooltip-markup"
#define LABEL_KEY "atlas-tooltip-label"

static gboolean
on_query_tooltip (GtkWidget *widget,
                  int x,
                  int y,
                  gboolean keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer data)
{
  const char *markup = g_object_get_data (G_OBJECT (widget), MARKUP_KEY);
  GtkLabel *label = g_object_get_data (G_OBJECT (widget), LABEL_KEY);

  if (markup == NULL)
    return FALSE;
  if (label == NULL)
    {
      label = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));
      gtk_label_set_max_width_chars (label, MAX_WIDTH_CHARS);
      g_object_set_data_full (G_OBJECT (widget), LABEL_KEY, label, g_object_unref);
    }
  if (g_strcmp0 (gtk_label_get_label (label), markup) != 0)
    {
      gtk_label_set_markup (label, markup);
      /* Lines of its own are kept as they are, as GTK keeps them. */
      gtk_label_set_wrap (label, strchr (gtk_label_get_text (label), '\n') == NULL);
    }
  gtk_tooltip_set_custom (tooltip, GTK_WIDGET (label));
  return TRUE;
}

/* Gives @widget the tooltip @markup (Pango markup), or none for NULL or
 * "". Its text without the markup is the accessible description. */
void
atlas_widget_set_tooltip_markup (GtkWidget *widget,
                                 const char *markup)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (markup != NULL && *markup == '\0')
    markup = NULL;
  if (g_strcmp0 (markup, atlas_widget_get_tooltip_markup (widget)) == 0)
    return;
  if (markup != NULL && !pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    {
      g_critical ("%s: not Pango markup: %s", G_STRFUNC, markup);
      return;
    }

  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_query_tooltip, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_object_set_data_full (G_OBJECT (widget), MARKUP_KEY, g_strdup (markup), g_free);
  gtk_widget_set_has_tooltip (widget, markup != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Gives @widget the tooltip @text (plain), or none for NULL or "". */
void
atlas_widget_set_tooltip_text (GtkWidget *widget,
                               const char *text)
{
  g_autofree char *markup = text != NULL ? g_markup_escape_text (text, -1) : NULL;

  atlas_widget_set_tooltip_markup (widget, markup);
}

/* The markup atlas_widget_set_tooltip_*() gave @widget, or NULL. */
const char *
atlas_widget_get_tooltip_markup (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_get_data (G_OBJECT (widget), MARKUP_KEY);
}
