/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-category-legend"

#include "config.h"

/* The timeline's legend: a toggle for each event category, with the dot of
 * its colour, that shows or hides the category. What is hidden is the
 * "hidden-categories" property (AtlasEventCategoryFlags), which the window
 * binds to the timeline's; each toggle is bound to a stateful action of the
 * widget's own, "legend.show-CATEGORY" (legend.show-regulation, …). The dots
 * are drawn in the legend's snapshot, over empty places the toggles keep
 * for them, in the colours the renderers use. */

#include <glib/gi18n.h>

#include "atlas-category-legend.h"
#include "atlas-enums.h"
#include "atlas-style.h"
#include "atlas-tooltip.h"
#include "atlas-widget-style.h"

#define DOT_SIZE 10

struct _AtlasCategoryLegend
{
  GtkWidget parent_instance;

  AtlasEventCategoryFlags hidden;
  AtlasStyle *style;
  GSimpleActionGroup *actions;
  GtkWidget *dots[ATLAS_N_CATEGORIES]; /* where each dot goes */
};

G_DEFINE_FINAL_TYPE (AtlasCategoryLegend,
                     atlas_category_legend,
                     GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_HIDDEN_CATEGORIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
action_name (AtlasEventCategory category)
{
  return g_strdup_printf ("show-%s", atlas_event_category_to_string (category));
}

static void
on_change_state (GSimpleAction *action,
                 GVariant *state,
                 gpointer user_data)
{
  AtlasCategoryLegend *self = user_data;
  AtlasEventCategory category =
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "atlas-category"));
  AtlasEventCategoryFlags bit = 1u << category;

  atlas_category_legend_set_hidden_categories (
      self, g_variant_get_boolean (state) ? self->hidden & ~bit : self->hidden | bit);
}

static void
atlas_category_legend_snapshot (GtkWidget *widget,
                                GtkSnapshot *snapshot)
{
  AtlasCategoryLegend *self = ATLAS_CATEGORY_LEGEND (widget);

  GTK_WIDGET_CLASS (atlas_category_legend_parent_class)->snapshot (widget, snapshot);

  if (self->style == NULL)
    return;
  for (guint category = 0; category < ATLAS_N_CATEGORIES; category++)
    {
      AtlasColor color = self->style->categories[category];
      GdkRGBA rgba = { color.red, color.green, color.blue, color.alpha };
      graphene_rect_t bounds;
      GskRoundedRect dot;

      if (!gtk_widget_compute_bounds (self->dots[category], widget, &bounds))
        continue;
      gsk_rounded_rect_init_from_rect (&dot, &bounds, DOT_SIZE / 2.0);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &rgba, &bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static void
update_style (AtlasCategoryLegend *self)
{
  g_clear_pointer (&self->style, atlas_style_free);
  self->style = atlas_style_new_for_widget (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_category_legend_css_changed (GtkWidget *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (atlas_category_legend_parent_class)->css_changed (widget, change);
  update_style (ATLAS_CATEGORY_LEGEND (widget));
}

static void
atlas_category_legend_dispose (GObject *object)
{
  AtlasCategoryLegend *self = ATLAS_CATEGORY_LEGEND (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->style, atlas_style_free);

  G_OBJECT_CLASS (atlas_category_legend_parent_class)->dispose (object);
}

static void
atlas_category_legend_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  AtlasCategoryLegend *self = ATLAS_CATEGORY_LEGEND (object);

  switch (prop_id)
    {
    case PROP_HIDDEN_CATEGORIES: g_value_set_flags (value, self->hidden); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_category_legend_set_property (GObject *object,
                                    guint prop_id,
                                    const GValue *value,
                                    GParamSpec *pspec)
{
  AtlasCategoryLegend *self = ATLAS_CATEGORY_LEGEND (object);

  switch (prop_id)
    {
    case PROP_HIDDEN_CATEGORIES:
      atlas_category_legend_set_hidden_categories (self, g_value_get_flags (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_category_legend_class_init (AtlasCategoryLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_category_legend_dispose;
  object_class->get_property = atlas_category_legend_get_property;
  object_class->set_property = atlas_category_legend_set_property;
  widget_class->snapshot = atlas_category_legend_snapshot;
  widget_class->css_changed = atlas_category_legend_css_changed;

  properties[PROP_HIDDEN_CATEGORIES] =
      g_param_spec_flags ("hidden-categories", NULL, NULL, ATLAS_TYPE_EVENT_CATEGORY_FLAGS, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_category_legend_init (AtlasCategoryLegend *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Event categories"), -1);

  self->actions = g_simple_action_group_new ();
  for (guint category = 0; category < ATLAS_N_CATEGORIES; category++)
    {
      g_autofree char *name = action_name (category);
      g_autofree char *detailed = g_strconcat ("legend.", name, NULL);
      g_autoptr (GSimpleAction) action =
          g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
      const char *label = atlas_event_category_get_label (category);
      g_autofree char *tooltip = g_strdup_printf (_ ("Show or hide %s events"), label);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      g_object_set_data (G_OBJECT (action), "atlas-category", GUINT_TO_POINTER (category));
      g_signal_connect (action, "change-state", G_CALLBACK (on_change_state), self);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));

      gtk_widget_set_size_request (dot, DOT_SIZE, DOT_SIZE);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      self->dots[category] = dot;
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), gtk_label_new (label));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), detailed);
      atlas_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "legend-item");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "legend", G_ACTION_GROUP (self->actions));
}

GtkWidget *
atlas_category_legend_new (void)
{
  return g_object_new (ATLAS_TYPE_CATEGORY_LEGEND, NULL);
}

AtlasEventCategoryFlags
atlas_category_legend_get_hidden_categories (AtlasCategoryLegend *self)
{
  g_return_val_if_fail (ATLAS_IS_CATEGORY_LEGEND (self), 0);
  return self->hidden;
}

void
atlas_category_legend_set_hidden_categories (AtlasCategoryLegend *self,
                                             AtlasEventCategoryFlags hidden)
{
  g_return_if_fail (ATLAS_IS_CATEGORY_LEGEND (self));

  if (self->hidden == hidden)
    return;
  self->hidden = hidden;
  for (guint category = 0; category < ATLAS_N_CATEGORIES; category++)
    {
      g_autofree char *name = action_name (category);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean ((hidden & (1u << category)) == 0));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_CATEGORIES]);
}
