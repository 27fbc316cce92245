/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "atlas-dataset.h"

G_BEGIN_DECLS

char *atlas_citation_for_point (AtlasDataset *dataset,
                                AtlasPoint *point);
char *atlas_citation_for_event (AtlasDataset *dataset,
                                AtlasEvent *event);

G_END_DECLS
