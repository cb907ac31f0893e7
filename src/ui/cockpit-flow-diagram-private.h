/* cockpit-flow-diagram-private.h: the flow diagram's layout and drawing, shared by its files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cockpit-flow-state (src/model) says what to show, cockpit-flow-layout.c
 * where, cockpit-flow-drawing.c draws it with Cairo, and
 * cockpit-flow-diagram.c is the widget that follows the action and
 * animates.
 */
#pragma once

#include <adwaita.h>

#include "cockpit-flow-diagram.h"
#include "cockpit-model.h"

G_BEGIN_DECLS

/* Below this width the stages are stacked vertically. */
#define COCKPIT_FLOW_WIDE_WIDTH 600
/* The narrowest the drawing is laid out for. */
#define COCKPIT_FLOW_MIN_WIDTH  260

/* Geometry, in pixels. */
#define INSET           4.0    /* room for strokes and the pulse halo */
#define BOX_PADDING     14.0
#define BOX_RADIUS      12.0
#define FATE_GAP        24.0   /* between the installation and its fate */
#define STEPS_GAP       30.0   /* between the installations and the steps */
#define STEP_RADIUS     15.0
#define NODE_RADIUS     18.0
#define NARROW_GAP      16.0   /* between the installations when narrow */

/* Where to draw it, worked out from the state and the width. */
typedef struct {
  gboolean         wide;
  double           width;
  double           height;

  graphene_rect_t  blue;
  graphene_rect_t  green;
  graphene_rect_t  fate;
  graphene_point_t node;
  PangoLayout     *blue_title;
  PangoLayout     *blue_version;
  PangoLayout     *green_title;
  PangoLayout     *green_version;
  PangoLayout     *fate_text;
  PangoLayout     *node_caption;
  PangoLayout     *arrow_caption;

  graphene_point_t step_center[COCKPIT_FLOW_MAX_STEPS];
  graphene_point_t step_text[COCKPIT_FLOW_MAX_STEPS];
  PangoLayout     *step_number[COCKPIT_FLOW_MAX_STEPS];
  PangoLayout     *step_label[COCKPIT_FLOW_MAX_STEPS];
  PangoLayout     *step_caption[COCKPIT_FLOW_MAX_STEPS];
} CockpitFlowLayout;

typedef struct {
  gboolean dark;
  gboolean high_contrast;
  GdkRGBA  fg;
  GdkRGBA  card;
  GdkRGBA  accent;
  GdkRGBA  accent_bg;
  GdkRGBA  success;
  GdkRGBA  success_bg;
  GdkRGBA  success_fg;
  GdkRGBA  error;
  GdkRGBA  error_bg;
  GdkRGBA  error_fg;
  GdkRGBA  blue;
  GdkRGBA  green;
} CockpitFlowColors;

/* Layout (cockpit-flow-layout.c) */
void    cockpit_flow_layout_init   (CockpitFlowLayout      *layout,
                                    GtkWidget              *widget,
                                    const CockpitFlowState *state,
                                    double                  width);
void    cockpit_flow_layout_clear  (CockpitFlowLayout      *layout);
double  cockpit_flow_layout_height_of (PangoLayout         *layout);
double  cockpit_flow_layout_width_of  (PangoLayout         *layout);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CockpitFlowLayout, cockpit_flow_layout_clear)

/* Drawing (cockpit-flow-drawing.c) */
void    cockpit_flow_colors_init   (CockpitFlowColors      *colors,
                                    GtkWidget              *widget);
/* Draws the whole flow; @pulse (0 to 1) is the running stage's pulse;
 * with a @pulse below 0 it leaves out what pulses, which
 * cockpit_flow_draw_pulse() draws: the halo round the running stage
 * (below the rest) or, with @traffic, the traffic being switched (above
 * it).  Returns whether there was anything to draw. */
void     cockpit_flow_draw          (cairo_t                 *cr,
                                     const CockpitFlowColors *colors,
                                     const CockpitFlowState  *state,
                                     const CockpitFlowLayout *layout,
                                     double                   pulse);
gboolean cockpit_flow_draw_pulse    (cairo_t                 *cr,
                                     const CockpitFlowColors *colors,
                                     const CockpitFlowState  *state,
                                     const CockpitFlowLayout *layout,
                                     double                   pulse,
                                     gboolean                 traffic);

/* The widget (cockpit-flow-diagram.c, cockpit-flow-animation.c) */
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
  /* Where things go at layout_width, for the state of the last update:
   * measuring, allocating and drawing at one width lay out once */
  CockpitFlowLayout       layout;
  int                     layout_width;
  gboolean                layout_valid;
  CockpitFlowColors       colors;
};

void    _cockpit_flow_diagram_get_state          (CockpitFlowDiagram *self,
                                                   CockpitFlowState   *state);
void    _cockpit_flow_diagram_init_animation     (CockpitFlowDiagram *self);
/* The drawing without the pulse is out of date. */
void    _cockpit_flow_diagram_invalidate_drawing (CockpitFlowDiagram *self);
/* The texts or the fonts changed: the layout is out of date too. */
void    _cockpit_flow_diagram_invalidate_layout  (CockpitFlowDiagram *self);
const CockpitFlowLayout *
        _cockpit_flow_diagram_ensure_layout      (CockpitFlowDiagram *self,
                                                   int                 width);
void    _cockpit_flow_diagram_animate_progress_to (CockpitFlowDiagram *self,
                                                   double              progress);
void    _cockpit_flow_diagram_update_animation   (CockpitFlowDiagram *self,
                                                   gboolean            breathe);
void    _cockpit_flow_diagram_enable_animations_cb (CockpitFlowDiagram *self);
void    _cockpit_flow_diagram_snapshot           (GtkWidget          *widget,
                                                   GtkSnapshot        *snapshot);

G_END_DECLS
