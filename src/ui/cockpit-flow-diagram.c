/* cockpit-flow-diagram.c: a drawing of the blue/green upgrade flow and how far it got.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The current installation (blue) is on the left, the replica (green) on
 * the right, the visitors' traffic between them, and the stages of the
 * upgrade below, as a row of steps when wide and as a column when narrow.
 * Without an action the diagram is a plan, drawn in neutral colours; with
 * one it shows the running stage in the accent colour, done stages ticked,
 * and a failed stage in the error colour with the error text in a label
 * below the drawing, so that it can be selected and read by screen readers.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cockpit-flow-diagram.h"
#include "cockpit-flow-diagram-private.h"


#define NATURAL_WIDTH   720
#define MESSAGE_SPACING 12


G_DEFINE_FINAL_TYPE (CockpitFlowDiagram, cockpit_flow_diagram, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTION,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cockpit_flow_diagram_update (CockpitFlowDiagram *self);

/* Following the action */

static void
stage_notify_cb (CockpitFlowDiagram *self)
{
  cockpit_flow_diagram_update (self);
  _cockpit_flow_diagram_update_animation (self, TRUE);
}

static void
unwatch_stages (CockpitFlowDiagram *self)
{
  for (guint i = 0; i < self->watched_stages->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched_stages, i), self);
  g_ptr_array_set_size (self->watched_stages, 0);
}

/* The stages of a polled action are updated in place, so their statuses
 * change without the action's "stages" notifying. */
static void
watch_stages (CockpitFlowDiagram *self)
{
  GListModel *stages;
  guint n;

  unwatch_stages (self);
  if (self->action == NULL)
    return;

  stages = cockpit_action_get_stages (self->action);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      CockpitStage *stage = g_list_model_get_item (stages, i);

      g_signal_connect_swapped (stage, "notify::status", G_CALLBACK (stage_notify_cb), self);
      g_ptr_array_add (self->watched_stages, stage);
    }
}

static void
action_notify_cb (CockpitAction      *action,
                  GParamSpec         *pspec,
                  CockpitFlowDiagram *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "progress"))
    {
      double progress = cockpit_action_get_progress (action);

      _cockpit_flow_diagram_animate_progress_to (self, progress);
    }
  else if (g_str_equal (name, "stages"))
    watch_stages (self);
  else if (!g_str_equal (name, "stage") && !g_str_equal (name, "status") &&
           !g_str_equal (name, "error") && !g_str_equal (name, "params") &&
           !g_str_equal (name, "kind"))
    return;

  cockpit_flow_diagram_update (self);
  /* News from the poll: the running stage breathes. */
  _cockpit_flow_diagram_update_animation (self, TRUE);
}

static void
style_changed_cb (CockpitFlowDiagram *self)
{
  _cockpit_flow_diagram_invalidate_drawing (self);
}

/* Brings the description, the message below the drawing and the
 * animation up to date, and redraws. */
static void
cockpit_flow_diagram_update (CockpitFlowDiagram *self)
{
  CockpitFlowState state;
  g_autofree char *description = NULL;
  g_autofree char *layout_key = NULL;
  gboolean failed;

  _cockpit_flow_diagram_update_animation (self, FALSE);
  _cockpit_flow_diagram_get_state (self, &state);

  /* The description says the progress of the last poll, not the eased one. */
  if (self->action != NULL)
    state.progress = cockpit_action_get_progress (self->action);
  description = cockpit_flow_state_describe (&state);
  if (g_strcmp0 (description, self->description) != 0)
    {
      g_free (self->description);
      self->description = g_steal_pointer (&description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                      -1);
    }

  g_free (self->from_text);
  self->from_text = g_strdup (state.from_text);
  g_free (self->to_text);
  self->to_text = g_strdup (state.to_text);

  failed = state.mode == COCKPIT_FLOW_MODE_FAILED;
  if (failed)
    {
      g_autofree char *note = cockpit_flow_state_get_failure_note (&state);

      gtk_label_set_text (GTK_LABEL (self->error_label), cockpit_flow_state_get_failure (&state));
      gtk_label_set_text (GTK_LABEL (self->note_label), note != NULL ? note : "");
      gtk_widget_set_visible (self->note_label, note != NULL);
    }
  gtk_widget_set_visible (self->message_box, failed);

  /* The layout and the height depend on the texts, which change with the
   * stages, not with the progress polled every few seconds. */
  layout_key = cockpit_flow_state_get_layout_key (&state);
  if (g_strcmp0 (layout_key, self->layout_key) != 0)
    {
      g_free (self->layout_key);
      self->layout_key = g_steal_pointer (&layout_key);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      _cockpit_flow_diagram_invalidate_layout (self);
    }
  else
    _cockpit_flow_diagram_invalidate_drawing (self);
}

/* GtkWidget */

static GtkSizeRequestMode
cockpit_flow_diagram_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
drawing_height (CockpitFlowDiagram *self,
                int                 width)
{
  return (int) _cockpit_flow_diagram_ensure_layout (self, width)->height;
}

static void
cockpit_flow_diagram_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (widget);
  gboolean has_message = gtk_widget_get_visible (self->message_box);
  int child_min = 0, child_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (has_message)
        gtk_widget_measure (self->message_box, orientation, -1, &child_min, NULL, NULL, NULL);
      *minimum = MAX (COCKPIT_FLOW_MIN_WIDTH, child_min);
      *natural = MAX (NATURAL_WIDTH, *minimum);
    }
  else
    {
      int width = for_size >= 0 ? for_size : NATURAL_WIDTH;
      int height = drawing_height (self, width);

      if (has_message)
        {
          gtk_widget_measure (self->message_box, orientation, width,
                              &child_min, &child_nat, NULL, NULL);
          *minimum = height + MESSAGE_SPACING + child_min;
          *natural = height + MESSAGE_SPACING + child_nat;
        }
      else
        *minimum = *natural = height;
    }
}

static void
cockpit_flow_diagram_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (widget);
  int top, child_height = 0;

  if (!gtk_widget_should_layout (self->message_box))
    return;

  top = drawing_height (self, width) + MESSAGE_SPACING;
  gtk_widget_measure (self->message_box, GTK_ORIENTATION_VERTICAL, width,
                      NULL, &child_height, NULL, NULL);
  gtk_widget_size_allocate (self->message_box,
                            &(GtkAllocation) { 0, top, width, MAX (child_height, height - top) },
                            -1);
}

/* Colours and fonts are in the cached drawing. */
static void
cockpit_flow_diagram_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cockpit_flow_diagram_parent_class)->css_changed (widget, change);
  _cockpit_flow_diagram_invalidate_layout (COCKPIT_FLOW_DIAGRAM (widget));
}

static void
cockpit_flow_diagram_system_setting_changed (GtkWidget        *widget,
                                             GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (cockpit_flow_diagram_parent_class)->system_setting_changed (widget, setting);
  _cockpit_flow_diagram_invalidate_layout (COCKPIT_FLOW_DIAGRAM (widget));
}

static void
cockpit_flow_diagram_map (GtkWidget *widget)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (widget);

  GTK_WIDGET_CLASS (cockpit_flow_diagram_parent_class)->map (widget);
  self->settings = g_object_ref (gtk_widget_get_settings (widget));
  g_signal_connect_swapped (self->settings, "notify::gtk-enable-animations",
                            G_CALLBACK (_cockpit_flow_diagram_enable_animations_cb), self);
  _cockpit_flow_diagram_update_animation (self, TRUE);
}

static void
cockpit_flow_diagram_unmap (GtkWidget *widget)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (widget);

  GTK_WIDGET_CLASS (cockpit_flow_diagram_parent_class)->unmap (widget);
  if (self->settings != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->settings, self);
      g_clear_object (&self->settings);
    }
  _cockpit_flow_diagram_update_animation (self, FALSE);
}

/* GObject */

static void
set_kind (CockpitFlowDiagram     *self,
          CockpitEnvironmentKind  kind)
{
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
cockpit_flow_diagram_dispose (GObject *object)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->settings != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->settings, self);
      g_clear_object (&self->settings);
    }
  g_clear_object (&self->progress_animation);
  g_clear_object (&self->pulse_animation);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  cockpit_flow_layout_clear (&self->layout);
  unwatch_stages (self);
  if (self->action != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->action, self);
      g_clear_object (&self->action);
    }
  if (self->environment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->environment, self);
      g_clear_object (&self->environment);
    }
  g_clear_pointer (&self->message_box, gtk_widget_unparent);

  G_OBJECT_CLASS (cockpit_flow_diagram_parent_class)->dispose (object);
}

static void
cockpit_flow_diagram_finalize (GObject *object)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (object);

  g_clear_pointer (&self->watched_stages, g_ptr_array_unref);
  g_clear_pointer (&self->to_version, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->layout_key, g_free);
  g_clear_pointer (&self->from_text, g_free);
  g_clear_pointer (&self->to_text, g_free);

  G_OBJECT_CLASS (cockpit_flow_diagram_parent_class)->finalize (object);
}

static void
cockpit_flow_diagram_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      g_value_set_object (value, self->action);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_flow_diagram_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      set_kind (self, g_value_get_enum (value));
      cockpit_flow_diagram_update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cockpit_flow_diagram_class_init (CockpitFlowDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_flow_diagram_dispose;
  object_class->finalize = cockpit_flow_diagram_finalize;
  object_class->get_property = cockpit_flow_diagram_get_property;
  object_class->set_property = cockpit_flow_diagram_set_property;

  widget_class->get_request_mode = cockpit_flow_diagram_get_request_mode;
  widget_class->measure = cockpit_flow_diagram_measure;
  widget_class->size_allocate = cockpit_flow_diagram_size_allocate;
  widget_class->snapshot = _cockpit_flow_diagram_snapshot;
  widget_class->css_changed = cockpit_flow_diagram_css_changed;
  widget_class->system_setting_changed = cockpit_flow_diagram_system_setting_changed;
  widget_class->map = cockpit_flow_diagram_map;
  widget_class->unmap = cockpit_flow_diagram_unmap;

  /**
   * CockpitFlowDiagram:action:
   *
   * The upgrade the diagram follows, or %NULL for the plan.
   */
  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL,
                         COCKPIT_TYPE_ACTION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CockpitFlowDiagram:kind:
   *
   * The kind of environment upgraded: Live keeps its previous installation
   * as an upgrade backup, UAT and Integration retire it.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       COCKPIT_TYPE_ENVIRONMENT_KIND,
                       COCKPIT_ENVIRONMENT_KIND_LIVE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "flowdiagram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cockpit_flow_diagram_init (CockpitFlowDiagram *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->kind = COCKPIT_ENVIRONMENT_KIND_LIVE;
  _cockpit_flow_diagram_init_animation (self);
  self->watched_stages = g_ptr_array_new_with_free_func (g_object_unref);

  self->message_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->message_box, "message");
  gtk_widget_set_visible (self->message_box, FALSE);
  gtk_widget_set_parent (self->message_box, GTK_WIDGET (self));

  self->error_label = g_object_new (GTK_TYPE_LABEL,
                                    "wrap", TRUE,
                                    "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                    "xalign", 0.0f,
                                    "selectable", TRUE,
                                    "css-classes", (const char *[]) { "error-message", "error", NULL },
                                    NULL);
  gtk_box_append (GTK_BOX (self->message_box), self->error_label);

  self->note_label = g_object_new (GTK_TYPE_LABEL,
                                   "wrap", TRUE,
                                   "xalign", 0.0f,
                                   "css-classes", (const char *[]) { "note", "dim-label", NULL },
                                   NULL);
  gtk_box_append (GTK_BOX (self->message_box), self->note_label);

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Upgrade flow"),
                                  -1);
  cockpit_flow_diagram_update (self);
}

/* Public API */

GtkWidget *
cockpit_flow_diagram_new (void)
{
  return g_object_new (COCKPIT_TYPE_FLOW_DIAGRAM, NULL);
}

static void
environment_notify_cb (CockpitFlowDiagram *self)
{
  cockpit_flow_diagram_update (self);
}

/* Follows @environment, whose version and state the diagram shows. */
static void
set_environment (CockpitFlowDiagram *self,
                 CockpitEnvironment *environment)
{
  if (environment != NULL)
    set_kind (self, cockpit_environment_get_kind (environment));
  if (self->environment == environment)
    return;
  if (self->environment != NULL)
    g_signal_handlers_disconnect_by_data (self->environment, self);
  g_set_object (&self->environment, environment);
  if (environment != NULL)
    g_signal_connect_swapped (environment, "notify", G_CALLBACK (environment_notify_cb), self);
}

static void
set_action (CockpitFlowDiagram *self,
            CockpitAction      *action)
{
  if (self->action == action)
    return;

  if (self->action != NULL)
    g_signal_handlers_disconnect_by_data (self->action, self);
  g_set_object (&self->action, action);
  if (action != NULL)
    g_signal_connect (action, "notify", G_CALLBACK (action_notify_cb), self);
  watch_stages (self);

  /* A new action starts where it is, without easing from elsewhere. */
  self->shown_progress = action != NULL ? cockpit_action_get_progress (action) : 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

void
cockpit_flow_diagram_set_plan (CockpitFlowDiagram *self,
                               CockpitEnvironment *environment,
                               const char         *to_version)
{
  g_return_if_fail (COCKPIT_IS_FLOW_DIAGRAM (self));
  g_return_if_fail (environment == NULL || COCKPIT_IS_ENVIRONMENT (environment));

  g_object_freeze_notify (G_OBJECT (self));
  if (environment == NULL)
    set_kind (self, COCKPIT_ENVIRONMENT_KIND_LIVE);
  set_environment (self, environment);
  g_free (self->to_version);
  self->to_version = g_strdup (to_version);
  set_action (self, NULL);
  cockpit_flow_diagram_update (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cockpit_flow_diagram_set_action (CockpitFlowDiagram *self,
                                 CockpitAction      *action,
                                 CockpitEnvironment *environment)
{
  g_return_if_fail (COCKPIT_IS_FLOW_DIAGRAM (self));
  g_return_if_fail (action == NULL || COCKPIT_IS_ACTION (action));
  g_return_if_fail (environment == NULL || COCKPIT_IS_ENVIRONMENT (environment));

  g_object_freeze_notify (G_OBJECT (self));
  set_environment (self, environment);
  set_action (self, action);
  cockpit_flow_diagram_update (self);
  _cockpit_flow_diagram_update_animation (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

CockpitEnvironment *
cockpit_flow_diagram_get_environment (CockpitFlowDiagram *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLOW_DIAGRAM (self), NULL);
  return self->environment;
}

CockpitAction *
cockpit_flow_diagram_get_action (CockpitFlowDiagram *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLOW_DIAGRAM (self), NULL);
  return self->action;
}

const char *
cockpit_flow_diagram_get_description (CockpitFlowDiagram *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLOW_DIAGRAM (self), NULL);
  return self->description;
}

const char *
cockpit_flow_diagram_get_from_text (CockpitFlowDiagram *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLOW_DIAGRAM (self), NULL);
  return self->from_text;
}

const char *
cockpit_flow_diagram_get_to_text (CockpitFlowDiagram *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLOW_DIAGRAM (self), NULL);
  return self->to_text;
}

gboolean
cockpit_flow_diagram_get_pulsing (CockpitFlowDiagram *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLOW_DIAGRAM (self), FALSE);
  return adw_animation_get_state (self->pulse_animation) == ADW_ANIMATION_PLAYING;
}

double
cockpit_flow_diagram_get_shown_progress (CockpitFlowDiagram *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLOW_DIAGRAM (self), 0.0);
  return self->shown_progress;
}
