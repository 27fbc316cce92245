/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "atlas-style.h"

G_BEGIN_DECLS

AtlasStyle *atlas_style_new_for_widget (GtkWidget *widget);
void atlas_label_set_text (GtkLabel *label,
                           const char *text);
char *atlas_widget_text_markup (GtkWidget *widget,
                                const char *text);

G_END_DECLS
