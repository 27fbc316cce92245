/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-selection"

#include "config.h"

/* The selection every view follows, on the bundled dataset: what each kind
 * brings along, one "changed" per change, figure ids, and Back/Forward. */

#include "atlas-loader.h"
#include "atlas-selection.h"

static AtlasDataset *dataset;

static void
count (guint *n)
{
  (*n)++;
}

static void
test_figure_ids (void)
{
  AtlasSeries *series = atlas_dataset_lookup_series (dataset, "box-office");
  g_autoptr (AtlasPoint) point = NULL;
  g_autofree char *id = NULL;

  g_assert_nonnull (series);
  point = g_list_model_get_item (atlas_series_get_points (series), 0);
  id = atlas_point_dup_id (point);
  g_assert_cmpstr (id, ==, "box-office#0");
  g_assert_true (atlas_dataset_lookup_point (dataset, id) == point);

  g_assert_null (atlas_dataset_lookup_point (dataset, "box-office#1"));
  g_assert_null (atlas_dataset_lookup_point (dataset, "box-office#"));
  g_assert_null (atlas_dataset_lookup_point (dataset, "box-office#-1"));
  g_assert_null (atlas_dataset_lookup_point (dataset, "box-office"));
  g_assert_null (atlas_dataset_lookup_point (dataset, "no-such-series#0"));
  g_assert_null (atlas_dataset_lookup_point (dataset, NULL));
}

static void
test_kinds (void)
{
  g_autoptr (AtlasSelection) selection = atlas_selection_new (dataset);
  guint changes = 0;
  AtlasPoint *figure;

  g_signal_connect_swapped (selection, "changed", G_CALLBACK (count), &changes);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);

  g_assert_true (atlas_selection_select_entity (selection, "red-fruit"));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_ENTITY);
  g_assert_cmpstr (atlas_entity_get_id (atlas_selection_get_entity (selection)), ==, "red-fruit");
  g_assert_cmpstr (atlas_selection_get_highlight_entity_id (selection), ==, "red-fruit");
  g_assert_null (atlas_selection_get_event (selection));

  /* The same again is no change. */
  g_assert_true (atlas_selection_select_entity (selection, "red-fruit"));
  g_assert_cmpuint (changes, ==, 1);

  /* Unknown ids change nothing. */
  g_assert_false (atlas_selection_select_entity (selection, "no-such-entity"));
  g_assert_false (atlas_selection_select_event (selection, "no-such-event"));
  g_assert_false (atlas_selection_select_figure (selection, "monthly-active-users#99"));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (atlas_entity_get_id (atlas_selection_get_entity (selection)), ==, "red-fruit");

  /* A figure brings its entity and its event. */
  g_assert_true (atlas_selection_select_figure (selection, "box-office#0"));
  g_assert_cmpuint (changes, ==, 2);
  figure = atlas_selection_get_figure (selection);
  g_assert_nonnull (figure);
  g_assert_cmpstr (atlas_entity_get_id (atlas_selection_get_entity (selection)), ==,
                   atlas_point_get_entity_id (figure));
  g_assert_nonnull (atlas_selection_get_event (selection));
  g_assert_cmpstr (atlas_selection_get_event_id (selection), ==, atlas_point_get_event_id (figure));
  g_assert_null (atlas_selection_get_highlight_entity_id (selection));

  /* An event alone. */
  g_assert_true (atlas_selection_select_event (selection, atlas_point_get_event_id (figure)));
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_EVENT);
  g_assert_null (atlas_selection_get_entity (selection));
  g_assert_null (atlas_selection_get_figure (selection));

  atlas_selection_clear (selection);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_null (atlas_selection_get_event (selection));
}

static void
test_notifies_once (void)
{
  g_autoptr (AtlasSelection) selection = atlas_selection_new (dataset);
  guint kind = 0, entity = 0, event = 0, figure = 0;

  g_signal_connect_swapped (selection, "notify::kind", G_CALLBACK (count), &kind);
  g_signal_connect_swapped (selection, "notify::entity", G_CALLBACK (count), &entity);
  g_signal_connect_swapped (selection, "notify::event", G_CALLBACK (count), &event);
  g_signal_connect_swapped (selection, "notify::figure", G_CALLBACK (count), &figure);

  atlas_selection_select_figure (selection, "box-office#0");
  g_assert_cmpuint (kind, ==, 1);
  g_assert_cmpuint (entity, ==, 1);
  g_assert_cmpuint (event, ==, 1);
  g_assert_cmpuint (figure, ==, 1);

  /* Another entity: the event and the figure go. */
  atlas_selection_select_entity (selection, "nrta");
  g_assert_cmpuint (kind, ==, 2);
  g_assert_cmpuint (entity, ==, 2);
  g_assert_cmpuint (event, ==, 2);
  g_assert_cmpuint (figure, ==, 2);
}

static void
test_history (void)
{
  g_autoptr (AtlasSelection) selection = atlas_selection_new (dataset);
  g_autoptr (AtlasDataset) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *minimal = NULL;
  g_autoptr (GFile) file = NULL;

  g_assert_false (atlas_selection_can_go_back (selection));
  atlas_selection_select_entity (selection, "red-fruit");
  atlas_selection_select_figure (selection, "box-office#0");
  atlas_selection_select_entity (selection, "nrta");
  g_assert_true (atlas_selection_can_go_back (selection));
  g_assert_false (atlas_selection_can_go_forward (selection));

  atlas_selection_go_back (selection);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_FIGURE);
  atlas_selection_go_back (selection);
  g_assert_cmpstr (atlas_entity_get_id (atlas_selection_get_entity (selection)), ==, "red-fruit");
  g_assert_true (atlas_selection_can_go_forward (selection));
  atlas_selection_go_back (selection);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_false (atlas_selection_can_go_back (selection));
  /* At the start, Back does nothing. */
  atlas_selection_go_back (selection);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);

  atlas_selection_go_forward (selection);
  atlas_selection_go_forward (selection);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_FIGURE);

  /* A new choice forgets what was ahead. */
  atlas_selection_select_entity (selection, "iqiyi");
  g_assert_false (atlas_selection_can_go_forward (selection));
  atlas_selection_go_back (selection);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_FIGURE);

  /* Another dataset clears the selection and the history. */
  minimal = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  file = g_file_new_for_path (minimal);
  other = atlas_dataset_load_file (file, NULL, &error);
  g_assert_no_error (error);
  atlas_selection_set_dataset (selection, other);
  g_assert_cmpint (atlas_selection_get_kind (selection), ==, ATLAS_SELECTION_NONE);
  g_assert_false (atlas_selection_can_go_back (selection));
  g_assert_false (atlas_selection_can_go_forward (selection));
}

int
main (int argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dataset = atlas_dataset_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/selection/figure-ids", test_figure_ids);
  g_test_add_func ("/selection/kinds", test_kinds);
  g_test_add_func ("/selection/notifies-once", test_notifies_once);
  g_test_add_func ("/selection/history", test_history);

  status = g_test_run ();
  g_object_unref (dataset);
  return status;
}
