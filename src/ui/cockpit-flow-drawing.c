/* cockpit-flow-drawing.c: the flow diagram drawn with Cairo, in the style's colours.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "cockpit-flow-diagram-private.h"

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

void
cockpit_flow_colors_init (CockpitFlowColors *colors,
                          GtkWidget         *widget)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gboolean dark = adw_style_manager_get_dark (manager);

  colors->dark = dark;
  colors->high_contrast = adw_style_manager_get_high_contrast (manager);
  gtk_style_context_get_color (context, &colors->fg);
  lookup_color (context, "card_bg_color", dark ? "#303030" : "#ffffff", &colors->card);
  lookup_color (context, "accent_color", dark ? "#78aeed" : "#1c71d8", &colors->accent);
  lookup_color (context, "accent_bg_color", "#3584e4", &colors->accent_bg);
  lookup_color (context, "success_color", dark ? "#8ff0a4" : "#1b8553", &colors->success);
  lookup_color (context, "success_bg_color", dark ? "#26a269" : "#2ec27e", &colors->success_bg);
  lookup_color (context, "success_fg_color", "#ffffff", &colors->success_fg);
  lookup_color (context, "error_color", dark ? "#ff7b63" : "#c01c28", &colors->error);
  lookup_color (context, "error_bg_color", dark ? "#c01c28" : "#e01b24", &colors->error_bg);
  lookup_color (context, "error_fg_color", "#ffffff", &colors->error_fg);
  /* The installations keep their blue and green whatever the accent is. */
  lookup_color (context, dark ? "blue_2" : "blue_4", dark ? "#62a0ea" : "#1c71d8", &colors->blue);
  lookup_color (context, dark ? "green_3" : "green_5", dark ? "#33d17a" : "#26a269", &colors->green);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rounded_rect (cairo_t               *cr,
              const graphene_rect_t *rect,
              double                 radius)
{
  double x = rect->origin.x, y = rect->origin.y;
  double w = rect->size.width, h = rect->size.height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI_2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI_2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI_2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

static void
show_layout (cairo_t       *cr,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color,
             double         alpha)
{
  if (layout == NULL)
    return;
  set_source (cr, color, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Shows @layout centred on (@x, @y). */
static void
show_layout_centered (cairo_t       *cr,
                      PangoLayout   *layout,
                      double         x,
                      double         y,
                      const GdkRGBA *color,
                      double         alpha)
{
  PangoRectangle logical;

  /* A layout with a width may start its line further in. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  show_layout (cr, layout, x - logical.x - logical.width / 2.0,
               y - logical.y - logical.height / 2.0, color, alpha);
}

/* An arrow from (@x1, @y1) to (@x2, @y2); with @elbow, it goes across
 * first and then down, round the corner. */
static void
draw_arrow (cairo_t       *cr,
            double         x1,
            double         y1,
            double         x2,
            double         y2,
            gboolean       elbow,
            double         line_width,
            gboolean       dashed,
            gboolean       head,
            const GdkRGBA *color,
            double         alpha)
{
  double head_size = head ? 4 + 2 * line_width : 0;
  double dashes[] = { 5, 5 };
  double angle;

  cairo_save (cr);
  set_source (cr, color, alpha);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (dashed)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x1, y1);
  if (elbow)
    {
      double radius = MIN (12.0, MIN (fabs (x2 - x1), fabs (y2 - y1) / 2));
      double direction = x2 > x1 ? 1.0 : -1.0;

      cairo_line_to (cr, x2 - direction * radius, y1);
      cairo_curve_to (cr, x2, y1, x2, y1, x2, y1 + radius);
      angle = G_PI_2;
    }
  else
    angle = atan2 (y2 - y1, x2 - x1);
  cairo_line_to (cr, x2 - cos (angle) * head_size * 0.8, y2 - sin (angle) * head_size * 0.8);
  cairo_stroke (cr);

  if (head)
    {
      cairo_move_to (cr, x2, y2);
      cairo_line_to (cr, x2 - head_size * cos (angle - 0.45), y2 - head_size * sin (angle - 0.45));
      cairo_line_to (cr, x2 - head_size * cos (angle + 0.45), y2 - head_size * sin (angle + 0.45));
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_check (cairo_t *cr,
            double   cx,
            double   cy,
            double   size)
{
  cairo_save (cr);
  cairo_set_line_width (cr, MAX (2.0, size * 0.16));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, cx - size * 0.38, cy + size * 0.02);
  cairo_line_to (cr, cx - size * 0.12, cy + size * 0.3);
  cairo_line_to (cr, cx + size * 0.4, cy - size * 0.3);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_cross (cairo_t *cr,
            double   cx,
            double   cy,
            double   size)
{
  double d = size * 0.28;

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (2.0, size * 0.16));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx - d, cy - d);
  cairo_line_to (cr, cx + d, cy + d);
  cairo_move_to (cr, cx + d, cy - d);
  cairo_line_to (cr, cx - d, cy + d);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* A globe: what stands for the visitors of the site. */
static void
draw_globe (cairo_t *cr,
            double   cx,
            double   cy,
            double   r)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_move_to (cr, cx - r, cy);
  cairo_line_to (cr, cx + r, cy);
  cairo_stroke (cr);
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, 0.45, 1.0);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_clock (cairo_t *cr,
            double   cx,
            double   cy,
            double   r)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_move_to (cr, cx, cy - r * 0.55);
  cairo_line_to (cr, cx, cy);
  cairo_line_to (cr, cx + r * 0.45, cy + r * 0.25);
  cairo_stroke (cr);
  cairo_restore (cr);
}

typedef enum {
  BOX_SOLID,
  BOX_DASHED,
  BOX_FADED,
} BoxStyle;

static void
draw_installation (cairo_t               *cr,
                   const CockpitFlowColors      *colors,
                   const graphene_rect_t *rect,
                   const GdkRGBA         *color,
                   PangoLayout           *title,
                   PangoLayout           *version,
                   BoxStyle               style,
                   gboolean               crossed)
{
  double dashes[] = { 6, 4 };
  double x = rect->origin.x + BOX_PADDING;
  double y = rect->origin.y + BOX_PADDING;

  if (style == BOX_FADED)
    cairo_push_group (cr);

  rounded_rect (cr, rect, BOX_RADIUS);
  set_source (cr, &colors->card, 1.0);
  cairo_fill_preserve (cr);
  set_source (cr, color, style == BOX_DASHED ? 0.06 : (colors->dark ? 0.20 : 0.10));
  cairo_fill_preserve (cr);
  set_source (cr, color, style == BOX_DASHED ? 0.8 : 1.0);
  cairo_set_line_width (cr, style == BOX_DASHED ? 1.5 : 2.0);
  if (style == BOX_DASHED)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  show_layout (cr, title, x, y, &colors->fg, 0.75);
  show_layout (cr, version, x, y + cockpit_flow_layout_height_of (title) + 2, &colors->fg, 1.0);

  if (crossed)
    {
      /* Struck through: the installation is gone. */
      double vy = y + cockpit_flow_layout_height_of (title) + 2 + cockpit_flow_layout_height_of (version) / 2;

      set_source (cr, &colors->fg, 0.8);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, x - 4, vy);
      cairo_line_to (cr, x + cockpit_flow_layout_width_of (version) + 4, vy);
      cairo_stroke (cr);
    }

  if (style == BOX_FADED)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.45);
    }
}

/* The visitors' traffic to the blue installation, or with @to_green to
 * the green one: straight across when wide, down from above when narrow. */
static void
draw_traffic (cairo_t          *cr,
              const CockpitFlowLayout *layout,
              gboolean          to_green,
              double            line_width,
              gboolean          dashed,
              gboolean          head,
              const GdkRGBA    *color,
              double            alpha)
{
  const graphene_rect_t *box = to_green ? &layout->green : &layout->blue;
  double direction = to_green ? 1.0 : -1.0;
  double x1 = layout->node.x + direction * (NODE_RADIUS + 6);
  double y1 = layout->node.y;

  if (layout->wide)
    draw_arrow (cr, x1, y1,
                to_green ? box->origin.x - 6 : box->origin.x + box->size.width + 6, y1,
                FALSE, line_width, dashed, head, color, alpha);
  else
    draw_arrow (cr, x1, y1, box->origin.x + box->size.width / 2, box->origin.y - 5,
                TRUE, line_width, dashed, head, color, alpha);
}

/* The breathing halo round the running stage. */
static void
draw_halo (cairo_t                 *cr,
           const CockpitFlowColors *colors,
           double                   cx,
           double                   cy,
           double                   pulse)
{
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, STEP_RADIUS + 3 + 3 * pulse, 0, 2 * G_PI);
  set_source (cr, &colors->accent_bg, 0.10 + 0.12 * (1.0 - pulse));
  cairo_fill (cr);
}

static void
draw_installations (cairo_t          *cr,
                    const CockpitFlowColors *colors,
                    const CockpitFlowState  *state,
                    const CockpitFlowLayout *layout,
                    double            pulse)
{
  CockpitStageStatus create = cockpit_flow_state_get_status (state, COCKPIT_STAGE_CREATE_REPLICA);
  CockpitStageStatus switched = cockpit_flow_state_get_status (state, COCKPIT_STAGE_SWITCH_TRAFFIC);
  CockpitStageStatus last = state->steps[state->n_steps - 1].status;
  gboolean keep = state->steps[state->n_steps - 1].name == COCKPIT_STAGE_KEEP_BACKUP;
  gboolean on_green = cockpit_flow_state_traffic_on_green (state);
  const graphene_rect_t *blue = &layout->blue, *green = &layout->green, *fate = &layout->fate;
  const graphene_point_t *node = &layout->node;
  BoxStyle green_style, blue_style = BOX_SOLID;

  if (!state->upgrade)
    {
      draw_installation (cr, colors, blue, &colors->blue, layout->blue_title,
                         layout->blue_version, BOX_SOLID, FALSE);
      return;
    }

  /* The replica exists once it has been created, and is given up when
   * the upgrade fails. */
  if (state->mode == COCKPIT_FLOW_MODE_FAILED)
    green_style = create == COCKPIT_STAGE_STATUS_DONE ? BOX_FADED : BOX_DASHED;
  else if (create == COCKPIT_STAGE_STATUS_DONE)
    green_style = BOX_SOLID;
  else
    green_style = BOX_DASHED;

  if (!keep && last == COCKPIT_STAGE_STATUS_DONE)
    blue_style = BOX_FADED;

  /* The traffic: solid to the installation that serves, dashed to the other. */
  if (on_green)
    {
      draw_traffic (cr, layout, TRUE, 2.5, FALSE, TRUE, &colors->green, 1.0);
      draw_traffic (cr, layout, FALSE, 1.5, TRUE, FALSE, &colors->fg, 0.2);
    }
  else
    {
      draw_traffic (cr, layout, FALSE, 2.5, FALSE, TRUE, &colors->blue, 1.0);
      if (state->mode == COCKPIT_FLOW_MODE_FAILED)
        draw_traffic (cr, layout, TRUE, 1.5, TRUE, TRUE, &colors->error, 0.6);
      else if (switched == COCKPIT_STAGE_STATUS_RUNNING)
        {
          /* Drawn on its own when it pulses: see cockpit_flow_draw_pulse(). */
          if (pulse >= 0)
            draw_traffic (cr, layout, TRUE, 2.0, TRUE, TRUE, &colors->accent, 0.5 + 0.5 * pulse);
        }
      else
        draw_traffic (cr, layout, TRUE, 1.5, TRUE, TRUE, &colors->fg, 0.35);

      if (layout->arrow_caption != NULL)
        show_layout_centered (cr, layout->arrow_caption,
                              (node->x + NODE_RADIUS + green->origin.x) / 2, node->y - 14,
                              state->mode == COCKPIT_FLOW_MODE_FAILED ? &colors->error : &colors->fg,
                              0.7);
    }

  /* The visitors. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, node->x, node->y, NODE_RADIUS, 0, 2 * G_PI);
  set_source (cr, &colors->card, 1.0);
  cairo_fill_preserve (cr);
  set_source (cr, &colors->fg, 0.25);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  set_source (cr, &colors->fg, 0.8);
  draw_globe (cr, node->x, node->y, NODE_RADIUS * 0.5);
  show_layout_centered (cr, layout->node_caption, node->x,
                        node->y + NODE_RADIUS + 4 + cockpit_flow_layout_height_of (layout->node_caption) / 2,
                        &colors->fg, 0.7);

  draw_installation (cr, colors, blue, &colors->blue, layout->blue_title, layout->blue_version,
                     blue_style, blue_style == BOX_FADED);
  draw_installation (cr, colors, green, &colors->green, layout->green_title,
                     layout->green_version, green_style, FALSE);

  /* What becomes of the previous installation. */
  {
    gboolean done = last == COCKPIT_STAGE_STATUS_DONE;
    gboolean skipped = last == COCKPIT_STAGE_STATUS_SKIPPED;
    double alpha = skipped ? 0.35 : (done ? 1.0 : 0.7);
    double icon_x = fate->origin.x + 12 + 9;
    double icon_y = fate->origin.y + fate->size.height / 2;
    const GdkRGBA *icon_color = keep ? &colors->blue : &colors->fg;

    draw_arrow (cr, blue->origin.x + blue->size.width / 2, blue->origin.y + blue->size.height + 4,
                blue->origin.x + blue->size.width / 2, fate->origin.y - 4, FALSE,
                1.5, !done, TRUE, &colors->fg, done ? 0.6 : 0.5 * alpha);

    rounded_rect (cr, fate, 9);
    if (done)
      {
        set_source (cr, &colors->card, 1.0);
        cairo_fill_preserve (cr);
        if (keep)
          {
            set_source (cr, icon_color, colors->dark ? 0.16 : 0.08);
            cairo_fill_preserve (cr);
          }
        set_source (cr, icon_color, keep ? 0.7 : 0.3);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
      }
    else
      {
        set_source (cr, &colors->fg, 0.3 * alpha);
        cairo_set_line_width (cr, 1.5);
        cairo_set_dash (cr, (double[]) { 5, 4 }, 2, 0);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }

    set_source (cr, icon_color, alpha * 0.9);
    if (keep)
      draw_clock (cr, icon_x, icon_y, 7.5);
    else
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, icon_x, icon_y, 8, 0, 2 * G_PI);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        draw_cross (cr, icon_x, icon_y, 12);
      }
    show_layout (cr, layout->fate_text, fate->origin.x + 12 + 24,
                 icon_y - cockpit_flow_layout_height_of (layout->fate_text) / 2, &colors->fg, alpha);
  }
}

static void
draw_steps (cairo_t          *cr,
            const CockpitFlowColors *colors,
            const CockpitFlowState  *state,
            const CockpitFlowLayout *layout,
            double            pulse)
{
  /* The connectors first, so that the circles cover their ends. */
  for (guint i = 0; i + 1 < state->n_steps; i++)
    {
      const graphene_point_t *a = &layout->step_center[i], *b = &layout->step_center[i + 1];
      gboolean done = state->steps[i].status == COCKPIT_STAGE_STATUS_DONE;
      gboolean skipped = state->steps[i + 1].status == COCKPIT_STAGE_STATUS_SKIPPED;

      cairo_save (cr);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      if (done)
        set_source (cr, &colors->success_bg, 0.9);
      else
        set_source (cr, &colors->fg, colors->high_contrast ? 0.5 : 0.18);
      if (skipped)
        cairo_set_dash (cr, (double[]) { 4, 5 }, 2, 0);
      if (layout->wide)
        {
          cairo_move_to (cr, a->x + STEP_RADIUS + 8, a->y);
          cairo_line_to (cr, b->x - STEP_RADIUS - 8, b->y);
        }
      else
        {
          cairo_move_to (cr, a->x, a->y + STEP_RADIUS + 5);
          cairo_line_to (cr, b->x, b->y - STEP_RADIUS - 5);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  for (guint i = 0; i < state->n_steps; i++)
    {
      const CockpitFlowStep *step = &state->steps[i];
      double cx = layout->step_center[i].x, cy = layout->step_center[i].y;
      const GdkRGBA *text_color = &colors->fg;
      double text_alpha = 1.0;

      cairo_new_path (cr);
      switch (step->status)
        {
        case COCKPIT_STAGE_STATUS_RUNNING:
          {
            double fraction = cockpit_flow_state_step_progress (state, i);

            /* A soft halo that breathes (drawn on its own when it pulses),
             * a track, and the progress on it. */
            if (pulse >= 0)
              draw_halo (cr, colors, cx, cy, pulse);
            cairo_arc (cr, cx, cy, STEP_RADIUS, 0, 2 * G_PI);
            set_source (cr, &colors->card, 1.0);
            cairo_fill_preserve (cr);
            set_source (cr, &colors->accent_bg, 0.12);
            cairo_fill (cr);
            cairo_arc (cr, cx, cy, STEP_RADIUS - 1.5, 0, 2 * G_PI);
            set_source (cr, &colors->accent_bg, 0.25);
            cairo_set_line_width (cr, 3.0);
            cairo_stroke (cr);
            if (fraction > 0)
              {
                cairo_save (cr);
                cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
                cairo_set_line_width (cr, 3.0);
                cairo_arc (cr, cx, cy, STEP_RADIUS - 1.5, -G_PI_2, -G_PI_2 + 2 * G_PI * fraction);
                set_source (cr, &colors->accent_bg, 1.0);
                cairo_stroke (cr);
                cairo_restore (cr);
              }
            show_layout_centered (cr, layout->step_number[i], cx, cy, &colors->accent, 1.0);
          }
          break;

        case COCKPIT_STAGE_STATUS_DONE:
          cairo_arc (cr, cx, cy, STEP_RADIUS, 0, 2 * G_PI);
          set_source (cr, &colors->success_bg, 1.0);
          cairo_fill (cr);
          set_source (cr, &colors->success_fg, 1.0);
          draw_check (cr, cx, cy, STEP_RADIUS * 1.1);
          text_alpha = 0.85;
          break;

        case COCKPIT_STAGE_STATUS_FAILED:
          cairo_arc (cr, cx, cy, STEP_RADIUS, 0, 2 * G_PI);
          set_source (cr, &colors->error_bg, 1.0);
          cairo_fill (cr);
          set_source (cr, &colors->error_fg, 1.0);
          draw_cross (cr, cx, cy, STEP_RADIUS * 1.1);
          text_color = &colors->error;
          break;

        case COCKPIT_STAGE_STATUS_SKIPPED:
          cairo_arc (cr, cx, cy, STEP_RADIUS - 0.75, 0, 2 * G_PI);
          set_source (cr, &colors->card, 1.0);
          cairo_fill_preserve (cr);
          set_source (cr, &colors->fg, 0.25);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, (double[]) { 3, 3 }, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_width (cr, 2.0);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_move_to (cr, cx - 5, cy);
          cairo_line_to (cr, cx + 5, cy);
          cairo_stroke (cr);
          text_alpha = 0.45;
          break;

        case COCKPIT_STAGE_STATUS_PENDING:
        default:
          cairo_arc (cr, cx, cy, STEP_RADIUS - 0.75, 0, 2 * G_PI);
          set_source (cr, &colors->card, 1.0);
          cairo_fill_preserve (cr);
          set_source (cr, &colors->fg, colors->high_contrast ? 0.6 : 0.3);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
          /* A plan is all pending and stays readable; during an upgrade
           * what is still to come is dimmed. */
          text_alpha = state->mode == COCKPIT_FLOW_MODE_PLAN ? 0.85 : 0.55;
          show_layout_centered (cr, layout->step_number[i], cx, cy, &colors->fg, text_alpha);
          break;
        }

      show_layout (cr, layout->step_label[i], layout->step_text[i].x, layout->step_text[i].y,
                   text_color, text_alpha);
      show_layout (cr, layout->step_caption[i], layout->step_text[i].x,
                   layout->step_text[i].y + cockpit_flow_layout_height_of (layout->step_label[i]) + 2,
                   step->status == COCKPIT_STAGE_STATUS_RUNNING ? &colors->accent : text_color,
                   step->status == COCKPIT_STAGE_STATUS_RUNNING ? 1.0 : 0.8 * text_alpha);
    }
}

void
cockpit_flow_draw (cairo_t                 *cr,
                   const CockpitFlowColors *colors,
                   const CockpitFlowState  *state,
                   const CockpitFlowLayout *layout,
                   double                   pulse)
{
  draw_installations (cr, colors, state, layout, pulse);
  draw_steps (cr, colors, state, layout, pulse);
}

gboolean
cockpit_flow_draw_pulse (cairo_t                 *cr,
                         const CockpitFlowColors *colors,
                         const CockpitFlowState  *state,
                         const CockpitFlowLayout *layout,
                         double                   pulse,
                         gboolean                 traffic)
{
  gboolean drawn = FALSE;

  if (state->mode != COCKPIT_FLOW_MODE_RUNNING)
    return FALSE;

  /* Below the running stage's circle, as in draw_steps(). */
  if (!traffic && state->current >= 0 &&
      state->steps[state->current].status == COCKPIT_STAGE_STATUS_RUNNING)
    {
      draw_halo (cr, colors, layout->step_center[state->current].x,
                 layout->step_center[state->current].y, pulse);
      drawn = TRUE;
    }

  /* Above the rest, as in draw_installations(). */
  if (traffic && state->upgrade && !cockpit_flow_state_traffic_on_green (state) &&
      cockpit_flow_state_get_status (state, COCKPIT_STAGE_SWITCH_TRAFFIC) == COCKPIT_STAGE_STATUS_RUNNING)
    {
      draw_traffic (cr, layout, TRUE, 2.0, TRUE, TRUE, &colors->accent, 0.5 + 0.5 * pulse);
      drawn = TRUE;
    }
  return drawn;
}
