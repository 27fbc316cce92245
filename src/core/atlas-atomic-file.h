/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the whole content to @stream; FALSE with @error set on failure. */
typedef gboolean (*AtlasStreamWriter) (GOutputStream *stream,
                                       gpointer user_data,
                                       GCancellable *cancellable,
                                       GError **error);

gboolean atlas_file_replace_atomically (GFile *file,
                                        AtlasStreamWriter writer,
                                        gpointer user_data,
                                        GCancellable *cancellable,
                                        GError **error);

gboolean atlas_file_is_same (GFile *a,
                             GFile *b);
void atlas_file_remove_temporaries_on_signal (void);

G_END_DECLS
