/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *atlas_find_locale_dir (void);

const char *const *atlas_language_list (void);
gboolean atlas_language_begin (const char *language,
                               GError **error);
void atlas_language_end (void);
gboolean atlas_reads_chinese (void);

const char *atlas_gettext (const char *msgid) G_GNUC_FORMAT (1);
const char *atlas_pgettext (const char *msgctxtid,
                            gsize msgidoffset) G_GNUC_FORMAT (1);
const char *atlas_ngettext (const char *msgid,
                            const char *msgid_plural,
                            gulong n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);

G_END_DECLS
