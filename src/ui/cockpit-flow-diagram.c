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

/* How long the drawn progress takes to catch up with the polled one, and
 * half the period of the running stage's pulse, in milliseconds. */
#define PROGRESS_DURATION 700
#define PULSE_DURATION    900
#define PULSE_BREATHS     2

struct _CockpitFlowDiagram
{
  GtkWidget               parent_instance;

  /* Child widgets */
  GtkWidget              *message_box;
  GtkWidget              *error_label;
  GtkWidget              *note_label;

  /* Owned references */
  CockpitAction          *action;
  GPtrArray              *watched_stages;

  /* The environment the plan or the action is about, followed through
   * notify, and the version a plan goes to */
  CockpitEnvironment     *environment;
  CockpitEnvironmentKind  kind;
  char                   *to_version;

  char                   *description;
  char                   *layout_key;
  char                   *from_text;
  char                   *to_text;

  /* Animation */
  AdwAnimation           *progress_animation;
  AdwAnimation           *pulse_animation;
  GtkSettings            *settings;
  double                  shown_progress;
  double                  pulse;

  /* What does not pulse, drawn once for this width and state; the
   * pulse's frames draw only the halo and the traffic over it */
  GskRenderNode          *static_node;
  int                     static_width;
  gboolean                static_pulsing;
  CockpitFlowLayout       layout;
  CockpitFlowColors       colors;
};

G_DEFINE_FINAL_TYPE (CockpitFlowDiagram, cockpit_flow_diagram, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTION,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cockpit_flow_diagram_update (CockpitFlowDiagram *self);

/* The state to draw, from the widget's plan or action. */
static void
flow_state_init (CockpitFlowDiagram *self,
                 CockpitFlowState   *state)
{
  cockpit_flow_state_init (state, self->action, self->environment, self->kind,
                           self->to_version, self->shown_progress);
}

/* Animation */

static gboolean
animations_enabled (CockpitFlowDiagram *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &enabled,
                NULL);
  return enabled;
}

/* The drawing without the pulse is out of date. */
static void
invalidate_drawing (CockpitFlowDiagram *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
progress_value_cb (double   value,
                   gpointer user_data)
{
  CockpitFlowDiagram *self = user_data;

  self->shown_progress = value;
  invalidate_drawing (self);
}

static void
pulse_value_cb (double   value,
                gpointer user_data)
{
  CockpitFlowDiagram *self = user_data;

  /* Only the halo and the traffic change: the rest is kept. */
  self->pulse = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Eases the drawn progress to @progress, or jumps there when animations
 * are off, the diagram is not on screen, or it goes backwards. */
static void
animate_progress_to (CockpitFlowDiagram *self,
                     double              progress)
{
  double from = self->shown_progress;

  if (progress == from && adw_animation_get_state (self->progress_animation) != ADW_ANIMATION_PLAYING)
    return;

  adw_animation_reset (self->progress_animation);
  self->shown_progress = from;
  if (progress < from || !gtk_widget_get_mapped (GTK_WIDGET (self)) || !animations_enabled (self))
    {
      self->shown_progress = progress;
      invalidate_drawing (self);
      return;
    }
  adw_timed_animation_set_value_from (ADW_TIMED_ANIMATION (self->progress_animation), from);
  adw_timed_animation_set_value_to (ADW_TIMED_ANIMATION (self->progress_animation), progress);
  adw_animation_play (self->progress_animation);
}

/* The running stage may pulse while an action runs, the diagram is on
 * screen and animations are on.  It breathes PULSE_BREATHS times when
 * @breathe (the action was polled and moved, or came on screen) and then
 * rests: between polls, which come every 1 to 10 s, nothing changes and
 * no frame is drawn (docs/performance.md). */
static void
update_animation (CockpitFlowDiagram *self,
                  gboolean            breathe)
{
  gboolean running = self->action != NULL && cockpit_action_is_running (self->action);
  gboolean pulse = running && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                   animations_enabled (self);
  AdwAnimationState state = adw_animation_get_state (self->pulse_animation);

  if (pulse && breathe && state != ADW_ANIMATION_PLAYING)
    {
      adw_animation_reset (self->pulse_animation);
      adw_animation_play (self->pulse_animation);
    }
  else if (!pulse && state != ADW_ANIMATION_IDLE)
    adw_animation_reset (self->pulse_animation);

  if (!pulse)
    self->pulse = 0;
  if (!pulse)
    {
      if (adw_animation_get_state (self->progress_animation) == ADW_ANIMATION_PLAYING)
        adw_animation_skip (self->progress_animation);
      if (self->action != NULL && self->shown_progress != cockpit_action_get_progress (self->action))
        {
          self->shown_progress = cockpit_action_get_progress (self->action);
          invalidate_drawing (self);
        }
    }
}

/* The system's animation setting is followed as it changes. */
static void
enable_animations_cb (CockpitFlowDiagram *self)
{
  update_animation (self, TRUE);
}

/* Following the action */

static void
stage_notify_cb (CockpitFlowDiagram *self)
{
  cockpit_flow_diagram_update (self);
  update_animation (self, TRUE);
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

      animate_progress_to (self, progress);
    }
  else if (g_str_equal (name, "stages"))
    watch_stages (self);
  else if (!g_str_equal (name, "stage") && !g_str_equal (name, "status") &&
           !g_str_equal (name, "error") && !g_str_equal (name, "params") &&
           !g_str_equal (name, "kind"))
    return;

  cockpit_flow_diagram_update (self);
  /* News from the poll: the running stage breathes. */
  update_animation (self, TRUE);
}

static void
style_changed_cb (CockpitFlowDiagram *self)
{
  invalidate_drawing (self);
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

  update_animation (self, FALSE);
  flow_state_init (self, &state);

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

  /* The height depends on the texts, which change with the stages, not
   * with the progress polled every few seconds. */
  layout_key = cockpit_flow_state_get_layout_key (&state);
  if (g_strcmp0 (layout_key, self->layout_key) != 0)
    {
      g_free (self->layout_key);
      self->layout_key = g_steal_pointer (&layout_key);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  invalidate_drawing (self);
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
  CockpitFlowState state;
  g_auto(CockpitFlowLayout) layout = { 0 };

  flow_state_init (self, &state);
  cockpit_flow_layout_init (&layout, GTK_WIDGET (self), &state, width);
  return (int) layout.height;
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

/* Appends what pulses (the halo below the rest, or with @traffic the
 * traffic being switched above it) in a node of its own, as small as it
 * is, so that a frame of the pulse redraws only that. */
static void
snapshot_pulse (CockpitFlowDiagram     *self,
                GtkSnapshot            *snapshot,
                const CockpitFlowState *state,
                gboolean                traffic)
{
  const CockpitFlowLayout *layout = &self->layout;
  graphene_rect_t bounds;
  cairo_t *cr;

  if (state->mode != COCKPIT_FLOW_MODE_RUNNING)
    return;
  if (!traffic)
    {
      if (state->current < 0)
        return;
      graphene_rect_init (&bounds, layout->step_center[state->current].x - STEP_RADIUS - 8,
                          layout->step_center[state->current].y - STEP_RADIUS - 8,
                          2 * STEP_RADIUS + 16, 2 * STEP_RADIUS + 16);
    }
  else
    {
      double left = layout->node.x, right = layout->green.origin.x + layout->green.size.width / 2;
      double bottom = layout->wide ? layout->node.y : layout->green.origin.y;

      if (!state->upgrade)
        return;
      graphene_rect_init (&bounds, left - 12, layout->node.y - 12,
                          right - left + 24, bottom - layout->node.y + 24);
    }

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cockpit_flow_draw_pulse (cr, &self->colors, state, layout, self->pulse, traffic);
  cairo_destroy (cr);
}

static void
cockpit_flow_diagram_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (widget);
  gboolean pulsing = adw_animation_get_state (self->pulse_animation) == ADW_ANIMATION_PLAYING;
  CockpitFlowState state;
  int width = gtk_widget_get_width (widget);

  if (width <= 0)
    return;

  flow_state_init (self, &state);
  if (self->static_node == NULL || self->static_width != width || self->static_pulsing != pulsing)
    {
      GtkSnapshot *drawing = gtk_snapshot_new ();
      cairo_t *cr;

      g_clear_pointer (&self->static_node, gsk_render_node_unref);
      cockpit_flow_layout_clear (&self->layout);
      cockpit_flow_layout_init (&self->layout, widget, &state, width);
      cockpit_flow_colors_init (&self->colors, widget);

      cr = gtk_snapshot_append_cairo (drawing, &GRAPHENE_RECT_INIT (0, 0, self->layout.width,
                                                                    self->layout.height));
      /* While it pulses, what pulses is drawn on its own. */
      cockpit_flow_draw (cr, &self->colors, &state, &self->layout, pulsing ? -1.0 : self->pulse);
      cairo_destroy (cr);
      self->static_node = gtk_snapshot_free_to_node (drawing);
      self->static_width = width;
      self->static_pulsing = pulsing;
    }

  if (pulsing)
    snapshot_pulse (self, snapshot, &state, FALSE);
  if (self->static_node != NULL)
    gtk_snapshot_append_node (snapshot, self->static_node);
  if (pulsing)
    snapshot_pulse (self, snapshot, &state, TRUE);

  gtk_widget_snapshot_child (widget, self->message_box, snapshot);
}

/* Colours and fonts are in the cached drawing. */
static void
cockpit_flow_diagram_css_changed (GtkWidget         *widget,
                                  GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cockpit_flow_diagram_parent_class)->css_changed (widget, change);
  invalidate_drawing (COCKPIT_FLOW_DIAGRAM (widget));
}

static void
cockpit_flow_diagram_system_setting_changed (GtkWidget        *widget,
                                             GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (cockpit_flow_diagram_parent_class)->system_setting_changed (widget, setting);
  invalidate_drawing (COCKPIT_FLOW_DIAGRAM (widget));
}

static void
cockpit_flow_diagram_map (GtkWidget *widget)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (widget);

  GTK_WIDGET_CLASS (cockpit_flow_diagram_parent_class)->map (widget);
  self->settings = g_object_ref (gtk_widget_get_settings (widget));
  g_signal_connect_swapped (self->settings, "notify::gtk-enable-animations",
                            G_CALLBACK (enable_animations_cb), self);
  update_animation (self, TRUE);
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
  update_animation (self, FALSE);
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
  widget_class->snapshot = cockpit_flow_diagram_snapshot;
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
  self->progress_animation =
    adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0, PROGRESS_DURATION,
                             adw_callback_animation_target_new (progress_value_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->progress_animation),
                                  ADW_EASE_OUT_CUBIC);
  /* Breaths in and out, ending where they started. */
  self->pulse_animation =
    adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0, PULSE_DURATION,
                             adw_callback_animation_target_new (pulse_value_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->pulse_animation),
                                  ADW_EASE_IN_OUT_CUBIC);
  adw_timed_animation_set_repeat_count (ADW_TIMED_ANIMATION (self->pulse_animation),
                                        2 * PULSE_BREATHS);
  adw_timed_animation_set_alternate (ADW_TIMED_ANIMATION (self->pulse_animation), TRUE);
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
  update_animation (self, TRUE);
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
