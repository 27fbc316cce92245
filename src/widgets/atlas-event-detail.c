/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-event-detail"

#include "config.h"

/* One event: its title and text, the date as the source words it and how it
 * is read, the source's sentence, the entities involved (rows that select
 * them) and the figures that belong to it. */

#include <glib/gi18n.h>

#include "atlas-detail-rows.h"
#include "atlas-event-detail.h"

struct _AtlasEventDetail
{
  AdwBin parent_instance;

  AtlasDataset *dataset;
  AtlasEvent *event;

  GtkScrolledWindow *scroller;
  GtkLabel *category_label;
  GtkLabel *title_label;
  GtkLabel *date_label;
  GtkLabel *reading_label;
  GtkLabel *text_label;
  GtkBox *groups_box;
};

G_DEFINE_FINAL_TYPE (AtlasEventDetail,
                     atlas_event_detail,
                     ADW_TYPE_BIN)

enum
{
  ENTITY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
atlas_event_detail_dispose (GObject *object)
{
  AtlasEventDetail *self = ATLAS_EVENT_DETAIL (object);

  /* AdwBin unparents its child, the template's root, itself. */
  g_clear_object (&self->dataset);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (atlas_event_detail_parent_class)->dispose (object);
}

static void
atlas_event_detail_class_init (AtlasEventDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_event_detail_dispose;

  /**
   * AtlasEventDetail::entity-activated:
   * @entity_id: an entity of the event a person chose
   */
  signals[ENTITY_ACTIVATED] =
      g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/atlas-event-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasEventDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasEventDetail, category_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEventDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEventDetail, date_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEventDetail, reading_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEventDetail, text_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasEventDetail, groups_box);
}

static void
atlas_event_detail_init (AtlasEventDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AtlasEvent *
atlas_event_detail_get_event (AtlasEventDetail *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_DETAIL (self), NULL);
  return self->event;
}

/* How the wording is read: "Read as 2025-09-21 to 2025-09-30; the bounds are
 * approximate." */
static char *
describe_reading (const AtlasFuzzyDate *date)
{
  g_autofree char *first = atlas_date_format_day (atlas_fuzzy_date_get_start (date));
  g_autofree char *last = atlas_date_format_day (atlas_fuzzy_date_get_end (date));
  GString *text = g_string_new (NULL);

  if (g_str_equal (first, last))
    /* Translators: %s is a day, e.g. "2025-10-28" */
    g_string_append_printf (text, _ ("Read as %s"), first);
  else
    /* Translators: how a date is read, e.g. "Read as 2025-09-21 to 2025-09-30" */
    g_string_append_printf (text, _ ("Read as %s to %s"), first, last);

  switch (atlas_fuzzy_date_get_qualifier (date))
    {
    case ATLAS_DATE_QUALIFIER_BY:
      g_string_append (text, _ ("; it happened by the end of that, the start is not known"));
      break;
    case ATLAS_DATE_QUALIFIER_AS_OF:
      g_string_append (text, _ ("; it holds from then, since when is not known"));
      break;
    case ATLAS_DATE_QUALIFIER_SINCE: g_string_append (text, _ ("; it goes on from then")); break;
    case ATLAS_DATE_QUALIFIER_ABOUT: g_string_append (text, _ ("; roughly")); break;
    case ATLAS_DATE_QUALIFIER_NONE:
    default:
      if (atlas_fuzzy_date_is_approximate (date))
        g_string_append (text, _ ("; the bounds are approximate"));
      break;
    }
  return g_string_free (text, FALSE);
}

static void
on_entity_row_activated (AdwActionRow *row,
                         AtlasEventDetail *self)
{
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "atlas-entity-id"));
}

static void
add_source (AtlasEventDetail *self)
{
  AtlasSource *source =
      atlas_dataset_lookup_source (self->dataset, atlas_event_get_source_id (self->event));
  g_autofree char *quote = g_strdup_printf ("“%s”", atlas_event_get_sentence (self->event));
  g_autofree char *credit = source ? atlas_source_dup_credit (source) : NULL;
  GtkWidget *group = atlas_detail_group_new (self->groups_box, _ ("Source"));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), atlas_detail_row_new (quote, credit));
  if (atlas_event_get_note (self->event) != NULL)
    adw_preferences_group_add (
        ADW_PREFERENCES_GROUP (group),
        atlas_detail_row_new (_ ("Note"), atlas_event_get_note (self->event)));
}

static void
add_entities (AtlasEventDetail *self)
{
  const char *const *ids = atlas_event_get_entity_ids (self->event);
  GtkWidget *group;

  if (ids[0] == NULL)
    return;

  group = atlas_detail_group_new (self->groups_box, _ ("Involved"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      AtlasEntity *entity = atlas_dataset_lookup_entity (self->dataset, ids[i]);
      GtkWidget *row;

      if (entity == NULL)
        continue;
      row =
          atlas_detail_link_row_new (atlas_entity_get_name (entity),
                                     atlas_entity_kind_get_label (atlas_entity_get_kind (entity)));
      g_object_set_data_full (G_OBJECT (row), "atlas-entity-id", g_strdup (ids[i]), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_entity_row_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_figures (AtlasEventDetail *self)
{
  g_autoptr (GPtrArray) points =
      atlas_dataset_list_points_for_event (self->dataset, atlas_event_get_id (self->event));
  GtkWidget *group;

  if (points->len == 0)
    return;

  group = atlas_detail_group_new (self->groups_box, _ ("Figures"));
  for (guint i = 0; i < points->len; i++)
    {
      g_autofree char *title = atlas_detail_figure_title (points->pdata[i]);
      g_autofree char *subtitle = atlas_detail_figure_subtitle (self->dataset, points->pdata[i]);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 atlas_detail_row_new (title, subtitle));
    }
}

/* Shows @event of @dataset, or nothing when @event is NULL. */
void
atlas_event_detail_show (AtlasEventDetail *self,
                         AtlasDataset *dataset,
                         AtlasEvent *event)
{
  const AtlasFuzzyDate *date;
  g_autofree char *reading = NULL;

  g_return_if_fail (ATLAS_IS_EVENT_DETAIL (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (event == NULL || ATLAS_IS_EVENT (event));

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->event, event);
  atlas_detail_clear (self->groups_box);

  if (event == NULL)
    return;

  date = atlas_event_get_date (event);
  reading = describe_reading (date);
  gtk_label_set_label (self->category_label,
                       atlas_event_category_get_label (atlas_event_get_category (event)));
  gtk_label_set_label (self->title_label, atlas_event_get_title (event));
  gtk_label_set_label (self->date_label, atlas_fuzzy_date_get_text (date));
  gtk_label_set_label (self->reading_label, reading);
  gtk_label_set_label (self->text_label,
                       atlas_event_get_text (event) ? atlas_event_get_text (event) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), atlas_event_get_text (event) != NULL);

  add_source (self);
  add_entities (self);
  add_figures (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}
