/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The message macros of core/ and render/: gettext's, except in a thread
 * that speaks a language of its own (atlas_language_begin()), as an export
 * in another language than the interface's does. The widgets speak the
 * interface's language and use <glib/gi18n.h>. */

#include <glib/gi18n-lib.h>

#include "atlas-locale.h"

#undef _
#undef C_
#undef ngettext
#define _(String) atlas_gettext (String)
#define C_(Context, String) atlas_pgettext (Context "\004" String, sizeof (Context))
#define ngettext(Msgid, Plural, N) atlas_ngettext (Msgid, Plural, N)
