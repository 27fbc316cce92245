/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-event-detail"

#include "config.h"

/* One event: its title and text, the date as the source words it and how it
 * is read, the source's sentence, the entities involved and the figures that
 * belong to it, with a link to the chart that draws them.
 *
 * It follows an AtlasSelection, showing the selected event. Its rows carry
 * actions (win.select-entity, win.select-figure, win.show-chart) with ids as
 * targets. */

#include <glib/gi18n.h>

#include "atlas-widget-style.h"
#include "atlas-detail-rows.h"
#include "atlas-event-detail.h"
#include "atlas-selection.h"

struct _AtlasEventDetail
{
  AdwBin parent_instance;

  AtlasSelection *selection;
  GSignalGroup *selection_signals;
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
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void atlas_event_detail_follow_selection (AtlasEventDetail *self);

static void
atlas_event_detail_dispose (GObject *object)
{
  AtlasEventDetail *self = ATLAS_EVENT_DETAIL (object);

  /* AdwBin unparents its child, the template's root, itself. */
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (atlas_event_detail_parent_class)->dispose (object);
}

static void
atlas_event_detail_get_property (GObject *object,
                                 guint prop_id,
                                 GValue *value,
                                 GParamSpec *pspec)
{
  AtlasEventDetail *self = ATLAS_EVENT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SELECTION: g_value_set_object (value, self->selection); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_detail_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  AtlasEventDetail *self = ATLAS_EVENT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SELECTION: atlas_event_detail_set_selection (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_event_detail_class_init (AtlasEventDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_event_detail_dispose;

  object_class->get_property = atlas_event_detail_get_property;
  object_class->set_property = atlas_event_detail_set_property;

  properties[PROP_SELECTION] =
      g_param_spec_object ("selection", NULL, NULL, ATLAS_TYPE_SELECTION,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->selection_signals = g_signal_group_new (ATLAS_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed",
                                 G_CALLBACK (atlas_event_detail_follow_selection), self,
                                 G_CONNECT_SWAPPED);
}

AtlasEvent *
atlas_event_detail_get_event (AtlasEventDetail *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_DETAIL (self), NULL);
  return self->event;
}

/* How a one-day date is read, in a whole sentence per case. */
static char *
describe_day (const AtlasFuzzyDate *date,
              const char *day)
{
  switch (atlas_fuzzy_date_get_qualifier (date))
    {
    case ATLAS_DATE_QUALIFIER_BY:
      /* Translators: %s is a day, e.g. "2025-10-28" */
      return g_strdup_printf (
          _ ("Read as %s; it happened by the end of that, the start is not known"), day);
    case ATLAS_DATE_QUALIFIER_AS_OF:
      return g_strdup_printf (_ ("Read as %s; it was so then, since when is not known"), day);
    case ATLAS_DATE_QUALIFIER_SINCE:
      return g_strdup_printf (_ ("Read as %s; it holds from then on"), day);
    case ATLAS_DATE_QUALIFIER_ABOUT: return g_strdup_printf (_ ("Read as %s; roughly"), day);
    case ATLAS_DATE_QUALIFIER_NONE:
    default:
      if (atlas_fuzzy_date_is_approximate (date))
        return g_strdup_printf (_ ("Read as %s; the bounds are approximate"), day);
      return g_strdup_printf (_ ("Read as %s"), day);
    }
}

/* How a date of more than a day is read: "Read as 2025-09-21 to
 * 2025-09-30; the bounds are approximate." */
static char *
describe_days (const AtlasFuzzyDate *date,
               const char *first,
               const char *last)
{
  switch (atlas_fuzzy_date_get_qualifier (date))
    {
    case ATLAS_DATE_QUALIFIER_BY:
      /* Translators: the first and the last day a date is read as */
      return g_strdup_printf (
          _ ("Read as %s to %s; it happened by the end of that, the start is not known"), first,
          last);
    case ATLAS_DATE_QUALIFIER_AS_OF:
      return g_strdup_printf (_ ("Read as %s to %s; it was so then, since when is not known"),
                              first, last);
    case ATLAS_DATE_QUALIFIER_SINCE:
      return g_strdup_printf (_ ("Read as %s to %s; it holds from then on"), first, last);
    case ATLAS_DATE_QUALIFIER_ABOUT:
      return g_strdup_printf (_ ("Read as %s to %s; roughly"), first, last);
    case ATLAS_DATE_QUALIFIER_NONE:
    default:
      if (atlas_fuzzy_date_is_approximate (date))
        return g_strdup_printf (_ ("Read as %s to %s; the bounds are approximate"), first, last);
      return g_strdup_printf (_ ("Read as %s to %s"), first, last);
    }
}

/* How the wording is read; where the date is shown otherwise than the
 * source words it, the wording first. */
static char *
describe_reading (const AtlasFuzzyDate *date)
{
  g_autofree char *first = atlas_date_format_day (atlas_fuzzy_date_get_start (date));
  g_autofree char *last = atlas_date_format_day (atlas_fuzzy_date_get_end (date));
  g_autofree char *as_written = atlas_fuzzy_date_dup_as_written (date);
  g_autofree char *reading =
      g_str_equal (first, last) ? describe_day (date, first) : describe_days (date, first, last);

  return as_written != NULL ? g_strconcat (as_written, "\n", reading, NULL)
                            : g_steal_pointer (&reading);
}

static void
add_source (AtlasEventDetail *self)
{
  AtlasSource *source =
      atlas_dataset_lookup_source (self->dataset, atlas_event_get_source_id (self->event));
  g_autofree char *quote = atlas_detail_quote (atlas_event_get_sentence (self->event));
  g_autofree char *credit = source ? atlas_source_dup_credit (source) : NULL;
  GtkWidget *group = atlas_detail_group_new (self->groups_box, _ ("Source"));

  {
    GtkWidget *row = atlas_detail_row_new (quote, credit);
    g_autofree char *target = g_strconcat ("event:", atlas_event_get_id (self->event), NULL);

    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               atlas_detail_copy_citation_button_new (target));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }
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
      row = atlas_detail_link_row_new (atlas_entity_get_display_name (entity),
                                       atlas_entity_kind_get_label (atlas_entity_get_kind (entity)),
                                       "win.select-entity", ids[i]);
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
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               atlas_detail_figure_row_new (self->dataset, points->pdata[i]));

  /* The charts that draw them, in the dataset's order: one click to each. */
  for (guint c = 0; c < atlas_dataset_get_n_charts (self->dataset); c++)
    {
      const AtlasChartSpec *chart = atlas_dataset_get_chart (self->dataset, c);

      for (guint i = 0; i < points->len; i++)
        {
          g_autoptr (AtlasSeries) series = atlas_point_dup_series (points->pdata[i]);

          if (series != NULL && g_strcmp0 (atlas_series_get_chart_id (series), chart->id) == 0)
            {
              /* Translators: a link from an event to the chart of its figures,
               * e.g. "Show on the Revenue chart" */
              g_autofree char *title = g_strdup_printf (_ ("Show on the %s chart"), chart->title);

              adw_preferences_group_add (
                  ADW_PREFERENCES_GROUP (group),
                  atlas_detail_link_row_new (title, NULL, "win.show-chart", chart->id));
              break;
            }
        }
    }
}

/* Shows @event of @dataset, or nothing when @event is NULL. */
static void
show_event (AtlasEventDetail *self,
            AtlasDataset *dataset,
            AtlasEvent *event)
{
  const AtlasFuzzyDate *date;
  g_autofree char *reading = NULL;

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->event, event);
  atlas_detail_clear (self->groups_box);

  if (event == NULL)
    return;

  date = atlas_event_get_date (event);
  reading = describe_reading (date);
  gtk_label_set_label (self->category_label,
                       atlas_event_category_get_label (atlas_event_get_category (event)));
  atlas_label_set_text (self->title_label, atlas_event_get_title (event));
  {
    g_autofree char *shown = atlas_fuzzy_date_dup_display (date);

    atlas_label_set_text (self->date_label, shown);
  }
  gtk_label_set_label (self->reading_label, reading);
  gtk_label_set_label (self->text_label,
                       atlas_event_get_text (event) ? atlas_event_get_text (event) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), atlas_event_get_text (event) != NULL);

  add_source (self);
  add_entities (self);
  add_figures (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Shows the selected event; a figure's event shows with its entity, in the
 * entity's pane, so only an event selected as such is shown here. */
static void
atlas_event_detail_follow_selection (AtlasEventDetail *self)
{
  AtlasEvent *event = atlas_selection_get_kind (self->selection) == ATLAS_SELECTION_EVENT
                          ? atlas_selection_get_event (self->selection)
                          : NULL;

  if (event != self->event || atlas_selection_get_dataset (self->selection) != self->dataset)
    show_event (self, atlas_selection_get_dataset (self->selection), event);
}

AtlasSelection *
atlas_event_detail_get_selection (AtlasEventDetail *self)
{
  g_return_val_if_fail (ATLAS_IS_EVENT_DETAIL (self), NULL);
  return self->selection;
}

void
atlas_event_detail_set_selection (AtlasEventDetail *self,
                                  AtlasSelection *selection)
{
  g_return_if_fail (ATLAS_IS_EVENT_DETAIL (self));
  g_return_if_fail (selection == NULL || ATLAS_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;
  g_signal_group_set_target (self->selection_signals, selection);
  if (selection != NULL)
    atlas_event_detail_follow_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}
