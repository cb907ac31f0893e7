/* cockpit-flow-animation.c: how the flow diagram moves and gets on screen, frame by frame.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The progress eases and the running stage breathes with
 * AdwTimedAnimation; what does not move is drawn once into a cached
 * render node, and a frame of the breath draws only the halo and the
 * traffic being switched (docs/performance.md).
 */
#include "config.h"

#include <adwaita.h>

#include "cockpit-flow-diagram-private.h"

/* How long the drawn progress takes to catch up with the polled one, and
 * half the period of the running stage's pulse, in milliseconds. */
#define PROGRESS_DURATION 700
#define PULSE_DURATION    900
#define PULSE_BREATHS     2

/* The state to draw, from the widget's plan or action. */
void
_cockpit_flow_diagram_get_state (CockpitFlowDiagram *self,
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
void
_cockpit_flow_diagram_invalidate_drawing (CockpitFlowDiagram *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The layout does not follow the eased progress or the pulse, only the
 * state's texts and stages and the fonts: those call this. */
void
_cockpit_flow_diagram_invalidate_layout (CockpitFlowDiagram *self)
{
  self->layout_valid = FALSE;
  _cockpit_flow_diagram_invalidate_drawing (self);
}

/* The layout at @width.  A first frame measures the drawing's height for
 * its natural width and its real one, allocates it and draws it: 4
 * layouts of 15 texts each before, 2 now (docs/performance.md). */
const CockpitFlowLayout *
_cockpit_flow_diagram_ensure_layout (CockpitFlowDiagram *self,
                                     int                 width)
{
  CockpitFlowState state;

  if (self->layout_valid && self->layout_width == width)
    return &self->layout;

  /* The drawing was made from the layout that goes. */
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  cockpit_flow_layout_clear (&self->layout);
  _cockpit_flow_diagram_get_state (self, &state);
  cockpit_flow_layout_init (&self->layout, GTK_WIDGET (self), &state, width);
  self->layout_width = width;
  self->layout_valid = TRUE;
  return &self->layout;
}

static void
progress_value_cb (double   value,
                   gpointer user_data)
{
  CockpitFlowDiagram *self = user_data;

  self->shown_progress = value;
  _cockpit_flow_diagram_invalidate_drawing (self);
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
void
_cockpit_flow_diagram_animate_progress_to (CockpitFlowDiagram *self,
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
      _cockpit_flow_diagram_invalidate_drawing (self);
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
void
_cockpit_flow_diagram_update_animation (CockpitFlowDiagram *self,
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
          _cockpit_flow_diagram_invalidate_drawing (self);
        }
    }
}

/* The system's animation setting is followed as it changes. */
void
_cockpit_flow_diagram_enable_animations_cb (CockpitFlowDiagram *self)
{
  _cockpit_flow_diagram_update_animation (self, TRUE);
}

void
_cockpit_flow_diagram_init_animation (CockpitFlowDiagram *self)
{
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
}

/* Drawing, once per state and the pulse's frames */

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

void
_cockpit_flow_diagram_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (widget);
  gboolean pulsing = adw_animation_get_state (self->pulse_animation) == ADW_ANIMATION_PLAYING;
  CockpitFlowState state;
  int width = gtk_widget_get_width (widget);

  if (width <= 0)
    return;

  _cockpit_flow_diagram_get_state (self, &state);
  if (self->static_node == NULL || self->static_width != width || self->static_pulsing != pulsing)
    {
      GtkSnapshot *drawing = gtk_snapshot_new ();
      cairo_t *cr;

      g_clear_pointer (&self->static_node, gsk_render_node_unref);
      _cockpit_flow_diagram_ensure_layout (self, width);
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
