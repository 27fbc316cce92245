/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the chosen file, or NULL when the person cancelled. */
typedef void (*AtlasFileChosen) (GFile *file,
                                 gpointer user_data);

void atlas_choose_file (GtkWindow *parent,
                        gboolean save,
                        const char *title,
                        const char *accept_label,
                        const char *initial_name,
                        GtkFileFilter **filters,
                        guint n_filters,
                        AtlasFileChosen callback,
                        gpointer user_data,
                        GDestroyNotify destroy);

void atlas_show_error (GtkWindow *parent,
                       const char *heading,
                       const char *body);

G_END_DECLS
