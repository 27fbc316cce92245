/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-figure-table"

#include "config.h"

/* A figure as a table: the figures of a chart (entity, measure, the value
 * as the chart shows it and as a number, qualifier, status, date as
 * written, source sentence) or the events of the timeline (title, date as
 * written, its interval, category, entities, sentence), in a GtkColumnView
 * sorted by any column.
 *
 * This is what a screen reader browses: every row is named with all it
 * says ("Red Fruit, Monthly active users, 236 million people, September
 * 2025, Reported"). The row selected is the shared selection's; choosing
 * one goes through win.select-figure or win.select-event. Values come from
 * the chart's own layout, so the table says what the chart draws. */

#include <glib/gi18n.h>

#include "atlas-chart-layout.h"
#include "atlas-figure.h"
#include "atlas-figure-table.h"
#include "atlas-format.h"
#include "atlas-tooltip.h"
#include "atlas-widget-style.h"

typedef enum
{
  /* A chart's */
  COLUMN_ENTITY,
  COLUMN_MEASURE,
  COLUMN_VALUE,
  COLUMN_NUMBER,
  COLUMN_QUALIFIER,
  COLUMN_STATUS,
  COLUMN_DATE,
  COLUMN_WRITTEN, /* only where dates are shown otherwise than written */
  COLUMN_SENTENCE,
  /* The timeline's */
  COLUMN_TITLE,
  COLUMN_EVENT_DATE,
  COLUMN_EVENT_WRITTEN,
  COLUMN_FROM,
  COLUMN_TO,
  COLUMN_CATEGORY,
  COLUMN_ENTITIES,
  COLUMN_EVENT_SENTENCE,
  N_COLUMNS
} Column;

typedef struct
{
  AtlasFigureTable *self;
  Column column;
} ColumnData;

struct _AtlasFigureTable
{
  GtkWidget parent_instance;

  AtlasDataset *dataset;
  AtlasChartLayout *layout; /* a chart's; NULL for the timeline */
  GHashTable *bars;         /* AtlasPoint → its bar in @layout */
  GListModel *items;        /* points or events, in the figure's order */
  GtkSortListModel *sorted;
  GtkSingleSelection *rows;
  GtkWidget *scroller;
  GtkColumnView *view;
  ColumnData columns[N_COLUMNS];
  Column shown[N_COLUMNS]; /* the columns shown, in order */
  Column first_column;
  guint n_columns;

  AtlasSelection *selection;
  GSignalGroup *selection_signals;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (AtlasFigureTable,
                     atlas_figure_table,
                     GTK_TYPE_WIDGET)

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_ENTITY: return _ ("Entity");
    case COLUMN_MEASURE: return _ ("Measure");
    case COLUMN_VALUE: return _ ("Value");
    case COLUMN_NUMBER: return _ ("Number");
    case COLUMN_QUALIFIER: return _ ("Qualifier");
    case COLUMN_STATUS: return _ ("Status");
    case COLUMN_DATE:
    case COLUMN_EVENT_DATE: return _ ("Date");
    case COLUMN_WRITTEN:
    case COLUMN_EVENT_WRITTEN: return _ ("Date as Written");
    case COLUMN_SENTENCE:
    case COLUMN_EVENT_SENTENCE: return _ ("Source Sentence");
    case COLUMN_TITLE: return _ ("Event");
    case COLUMN_FROM: return _ ("From");
    case COLUMN_TO: return _ ("To");
    case COLUMN_CATEGORY: return _ ("Category");
    case COLUMN_ENTITIES: return _ ("Entities");
    case N_COLUMNS:
    default: g_return_val_if_reached (NULL);
    }
}

static char *
entity_name (AtlasDataset *dataset,
             const char *id)
{
  AtlasEntity *entity = atlas_dataset_lookup_entity (dataset, id);

  return g_strdup (entity ? atlas_entity_get_display_name (entity) : id);
}

/* @value as a plain number, grouped as the locale groups digits:
 * "100,000,000,000", "0.1405". */
static char *
format_raw (double value)
{
  if (value == (double) (gint64) value)
    return g_strdup_printf ("%'" G_GINT64_FORMAT, (gint64) value);
  return g_strdup_printf ("%'.6g", value);
}

/* What cell @column says of @item. */
static char *
cell_text (AtlasFigureTable *self,
           Column column,
           gpointer item)
{
  if (column < COLUMN_TITLE)
    {
      AtlasPoint *point = item;
      const AtlasChartBar *bar = g_hash_table_lookup (self->bars, point);

      switch (column)
        {
        case COLUMN_ENTITY: return g_strdup (bar->label);
        case COLUMN_MEASURE: return g_strdup (atlas_series_get_label (bar->series));
        case COLUMN_VALUE: return g_strdup (bar->value);
        case COLUMN_NUMBER: return format_raw (atlas_point_get_value (point));
        case COLUMN_QUALIFIER:
          {
            const char *words = atlas_format_qualifier_words (atlas_point_get_qualifier (point));

            return g_strdup (words ? words : "");
          }
        case COLUMN_STATUS:
          return g_strdup (atlas_value_status_get_label (atlas_point_get_status (point)));
        case COLUMN_DATE: return g_strdup (bar->date);
        case COLUMN_WRITTEN:
          {
            const AtlasFuzzyDate *date = atlas_point_get_date (point);

            return g_strdup (date ? atlas_fuzzy_date_get_text (date) : "");
          }
        case COLUMN_SENTENCE:
        default: return g_strdup (atlas_point_get_sentence (point));
        }
    }
  else
    {
      AtlasEvent *event = item;
      const AtlasFuzzyDate *date = atlas_event_get_date (event);

      switch (column)
        {
        case COLUMN_TITLE: return g_strdup (atlas_event_get_title (event));
        case COLUMN_EVENT_DATE: return atlas_fuzzy_date_dup_display (date);
        case COLUMN_EVENT_WRITTEN: return g_strdup (atlas_fuzzy_date_get_text (date));
        case COLUMN_FROM: return atlas_date_format_day (atlas_fuzzy_date_get_start (date));
        case COLUMN_TO: return atlas_date_format_day (atlas_fuzzy_date_get_end (date));
        case COLUMN_CATEGORY:
          return g_strdup (atlas_event_category_get_label (atlas_event_get_category (event)));
        case COLUMN_ENTITIES:
          {
            const char *const *ids = atlas_event_get_entity_ids (event);
            g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

            for (guint i = 0; ids[i] != NULL; i++)
              g_ptr_array_add (names, entity_name (self->dataset, ids[i]));
            g_ptr_array_add (names, NULL);
            /* Translators: between the entities of an event, in a table */
            return g_strjoinv (_ (", "), (char **) names->pdata);
          }
        case COLUMN_EVENT_SENTENCE:
        default: return g_strdup (atlas_event_get_sentence (event));
        }
    }
}

/* All a row says, for a screen reader: "Red Fruit, Monthly active users,
 * 236 million people, September 2025, Reported". */
static char *
row_name (AtlasFigureTable *self,
          gpointer item)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  if (self->layout != NULL)
    {
      a = cell_text (self, COLUMN_ENTITY, item);
      b = cell_text (self, COLUMN_MEASURE, item);
      c = atlas_format_point (item); /* in words: "236 million people" */
      d = cell_text (self, COLUMN_DATE, item);
      e = cell_text (self, COLUMN_STATUS, item);
      /* Translators: a figure's row read aloud: entity, measure, value,
       * date, status */
      return g_strdup_printf (_ ("%s, %s, %s, %s, %s"), a, b, c, d, e);
    }
  a = cell_text (self, COLUMN_TITLE, item);
  b = cell_text (self, COLUMN_EVENT_DATE, item);
  c = cell_text (self, COLUMN_CATEGORY, item);
  d = cell_text (self, COLUMN_ENTITIES, item);
  /* Translators: an event's row read aloud: title, date, category, entities */
  return g_strdup_printf (_ ("%s, %s, %s, %s"), a, b, c, d);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem *list_item,
            ColumnData *data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), data->column == COLUMN_NUMBER ? 1 : 0);
  if (data->column == COLUMN_SENTENCE || data->column == COLUMN_EVENT_SENTENCE)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (data->column == COLUMN_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem *list_item,
           ColumnData *data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (data->self, data->column, gtk_list_item_get_item (list_item));

  /* English runs shaped as English in a Chinese interface, and back. */
  atlas_label_set_text (GTK_LABEL (label), text);
  /* A sentence cut short is there whole in its tooltip, with its runs. */
  if (data->column == COLUMN_SENTENCE || data->column == COLUMN_EVENT_SENTENCE)
    {
      g_autofree char *markup = atlas_widget_text_markup (label, text);

      atlas_widget_set_tooltip_markup (label, markup);
    }
  /* The first cell names the row with all it says. */
  if (data->column == data->self->first_column)
    {
      g_autofree char *name = row_name (data->self, gtk_list_item_get_item (list_item));

      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }
}

/* Orders by what a column says: numbers by value, dates by time, words
 * as the language sorts them. */
static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer user_data)
{
  ColumnData *data = user_data;
  g_autofree char *x = NULL, *y = NULL;

  switch (data->column)
    {
    case COLUMN_VALUE:
    case COLUMN_NUMBER:
      {
        double p = atlas_point_get_value ((AtlasPoint *) a),
               q = atlas_point_get_value ((AtlasPoint *) b);

        return p < q ? GTK_ORDERING_SMALLER : p > q ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
      }
    case COLUMN_DATE:
    case COLUMN_WRITTEN:
      {
        const AtlasFuzzyDate *p = atlas_point_get_date ((AtlasPoint *) a);
        const AtlasFuzzyDate *q = atlas_point_get_date ((AtlasPoint *) b);

        if (p == NULL || q == NULL)
          return (p == NULL) - (q == NULL);
        return gtk_ordering_from_cmpfunc (atlas_fuzzy_date_compare (p, q));
      }
    case COLUMN_EVENT_DATE:
    case COLUMN_EVENT_WRITTEN:
    case COLUMN_FROM:
    case COLUMN_TO:
      return gtk_ordering_from_cmpfunc (
          atlas_event_compare ((AtlasEvent *) (gpointer) a, (AtlasEvent *) (gpointer) b));
    default: break;
    }
  x = cell_text (data->self, data->column, (gpointer) a);
  y = cell_text (data->self, data->column, (gpointer) b);
  return gtk_ordering_from_cmpfunc (g_utf8_collate (x, y));
}

/* Whether any date of @items (points or events) is shown otherwise than
 * the source words it: then the wording has a column of its own. */
static gboolean
dates_rewritten (GListModel *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (items, i);
      const AtlasFuzzyDate *date = ATLAS_IS_POINT (item)
                                       ? atlas_point_get_date (ATLAS_POINT (item))
                                       : atlas_event_get_date (ATLAS_EVENT (item));
      g_autofree char *as_written = date ? atlas_fuzzy_date_dup_as_written (date) : NULL;

      if (as_written != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
add_column (AtlasFigureTable *self,
            Column column)
{
  ColumnData *data = &self->columns[column];
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  g_autoptr (GtkSorter) sorter = NULL;

  data->self = self;
  data->column = column;
  if (self->n_columns == 0)
    self->first_column = column;
  self->shown[self->n_columns++] = column;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), data);
  view_column = gtk_column_view_column_new (column_title (column), factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, data, NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column,
                                     column == COLUMN_SENTENCE || column == COLUMN_EVENT_SENTENCE);
  gtk_column_view_append_column (self->view, view_column);
  g_object_unref (view_column);
}

/* The row of what is selected, or none. */
static void
follow_selection (AtlasFigureTable *self)
{
  gpointer wanted = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->layout != NULL)
    wanted = atlas_selection_get_kind (self->selection) == ATLAS_SELECTION_FIGURE
                 ? atlas_selection_get_figure (self->selection)
                 : NULL;
  else
    wanted = atlas_selection_get_event (self->selection);

  for (guint i = 0; wanted != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
       i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);

      if (item == wanted)
        position = i;
    }
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->rows, position);
  self->syncing = FALSE;
}

/* A row chosen, by keyboard or pointer: select it everywhere. */
static void
on_row_selected (AtlasFigureTable *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->rows);

  if (self->syncing || item == NULL)
    return;
  if (self->layout != NULL)
    {
      g_autofree char *id = atlas_point_dup_id (item);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.select-figure", "s", id);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select-event", "s",
                                atlas_event_get_id (item));
}

void
atlas_figure_table_set_selection (AtlasFigureTable *self,
                                  AtlasSelection *selection)
{
  g_return_if_fail (ATLAS_IS_FIGURE_TABLE (self));

  if (!g_set_object (&self->selection, selection))
    return;
  g_signal_group_set_target (self->selection_signals, selection);
  if (selection != NULL)
    follow_selection (self);
}

/* The rows in the order shown. */
GListModel *
atlas_figure_table_get_rows (AtlasFigureTable *self)
{
  g_return_val_if_fail (ATLAS_IS_FIGURE_TABLE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

guint
atlas_figure_table_get_n_columns (AtlasFigureTable *self)
{
  g_return_val_if_fail (ATLAS_IS_FIGURE_TABLE (self), 0);
  return self->n_columns;
}

/* What the cell at @row (as shown) and @column (0 is the first) says. */
char *
atlas_figure_table_dup_cell (AtlasFigureTable *self,
                             guint row,
                             guint column)
{
  g_autoptr (GObject) item = NULL;

  g_return_val_if_fail (ATLAS_IS_FIGURE_TABLE (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  if (item == NULL)
    return NULL;
  return cell_text (self, self->shown[column], item);
}

/* The name of @row (as shown), as a screen reader reads it. */
char *
atlas_figure_table_dup_row_name (AtlasFigureTable *self,
                                 guint row)
{
  g_autoptr (GObject) item = NULL;

  g_return_val_if_fail (ATLAS_IS_FIGURE_TABLE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->rows), row);
  return item != NULL ? row_name (self, item) : NULL;
}

/* A table of figure @figure_id of @dataset: "timeline", or a chart's id. */
GtkWidget *
atlas_figure_table_new (AtlasDataset *dataset,
                        const char *figure_id)
{
  AtlasFigureTable *self;

  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (figure_id != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_FIGURE_TABLE, NULL);
  self->dataset = g_object_ref (dataset);
  if (g_str_equal (figure_id, ATLAS_FIGURE_TIMELINE))
    {
      self->items = g_object_ref (atlas_dataset_get_events (dataset));
      for (Column c = COLUMN_TITLE; c < N_COLUMNS; c++)
        if (c != COLUMN_EVENT_WRITTEN || dates_rewritten (self->items))
          add_column (self, c);
    }
  else
    {
      GListStore *points = g_list_store_new (ATLAS_TYPE_POINT);

      self->layout = atlas_chart_layout_new (dataset, figure_id);
      g_return_val_if_fail (self->layout != NULL, NULL);
      self->bars = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < atlas_chart_layout_get_n_bars (self->layout); i++)
        {
          const AtlasChartBar *bar = atlas_chart_layout_get_bar (self->layout, i);

          g_hash_table_insert (self->bars, bar->point, (gpointer) bar);
          g_list_store_append (points, bar->point);
        }
      self->items = G_LIST_MODEL (points);
      for (Column c = COLUMN_ENTITY; c < COLUMN_TITLE; c++)
        if (c != COLUMN_WRITTEN || dates_rewritten (self->items))
          add_column (self, c);
    }

  self->sorted = gtk_sort_list_model_new (g_object_ref (self->items),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  self->rows = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->rows, FALSE);
  gtk_single_selection_set_can_unselect (self->rows, TRUE);
  gtk_single_selection_set_selected (self->rows, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->rows, "notify::selected", G_CALLBACK (on_row_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->rows));
  {
    const char *title = atlas_figure_get_title (dataset, figure_id);
    /* Translators: the accessible name of a figure's table, "Table of Revenue" */
    g_autofree char *label = g_strdup_printf (_ ("Table of %s"), title ? title : figure_id);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  }
  return GTK_WIDGET (self);
}

static void
atlas_figure_table_dispose (GObject *object)
{
  AtlasFigureTable *self = ATLAS_FIGURE_TABLE (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->sorted);
  g_clear_object (&self->items);
  g_clear_pointer (&self->bars, g_hash_table_unref);
  g_clear_pointer (&self->layout, atlas_chart_layout_free);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_figure_table_parent_class)->dispose (object);
}

static void
atlas_figure_table_class_init (AtlasFigureTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_figure_table_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figuretable");
}

static void
atlas_figure_table_init (AtlasFigureTable *self)
{
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_hexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->selection_signals = g_signal_group_new (ATLAS_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed", G_CALLBACK (follow_selection),
                                 self, G_CONNECT_SWAPPED);
}
