/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void atlas_widget_set_tooltip_text (GtkWidget *widget,
                                    const char *text);
void atlas_widget_set_tooltip_markup (GtkWidget *widget,
                                      const char *markup);
const char *atlas_widget_get_tooltip_markup (GtkWidget *widget);

G_END_DECLS
