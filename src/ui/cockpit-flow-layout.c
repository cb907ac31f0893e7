/* cockpit-flow-layout.c: where the flow diagram puts its installations, traffic and stages.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cockpit-flow-diagram-private.h"

/* The diagram's type scale.  Each size the window has not shown yet is a
 * font for fontconfig to find and for cairo and HarfBuzz to open, about
 * 2 M instructions of a start each, so the drawing keeps to three: the
 * body's, libadwaita's caption (9 pt, as the environment cards' captions)
 * and one larger (docs/performance.md).  Sizes relative to the body's;
 * TEXT_SMALL stands for the caption's. */
#define TEXT_BODY     1.0    /* the stages and their numbers */
#define TEXT_SMALL    0.0    /* titles, captions, the old installation's fate */
#define TEXT_VERSION  1.3    /* the versions */
#define CAPTION_POINTS 9

static PangoLayout *
make_layout (GtkWidget          *widget,
             const char         *text,
             double              scale,      /* a TEXT_ size */
             PangoWeight         weight,
             double              width,
             PangoAlignment      alignment)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* In pixels, as GTK turns the caption's CSS points into them (by the
   * text scaling's resolution): the same font as the caption's to the
   * Pango unit, not one more to open (cockpit-font-warmup.c). */
  if (scale == TEXT_SMALL)
    {
      double resolution = pango_cairo_context_get_resolution (pango_layout_get_context (layout));

      if (resolution <= 0)
        resolution = 96;
      pango_attr_list_insert (attrs, pango_attr_size_new_absolute (round (CAPTION_POINTS * resolution / 72.0 * PANGO_SCALE)));
    }
  else if (scale != TEXT_BODY)
    pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  if (weight != PANGO_WEIGHT_NORMAL)
    pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  pango_layout_set_attributes (layout, attrs);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

double
cockpit_flow_layout_height_of (PangoLayout *layout)
{
  int height = 0;

  if (layout != NULL)
    pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

double
cockpit_flow_layout_width_of (PangoLayout *layout)
{
  int width = 0;

  if (layout != NULL)
    pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

void
cockpit_flow_layout_clear (CockpitFlowLayout *layout)
{
  g_clear_object (&layout->blue_title);
  g_clear_object (&layout->blue_version);
  g_clear_object (&layout->green_title);
  g_clear_object (&layout->green_version);
  g_clear_object (&layout->fate_text);
  g_clear_object (&layout->node_caption);
  g_clear_object (&layout->arrow_caption);
  for (guint i = 0; i < COCKPIT_FLOW_MAX_STEPS; i++)
    {
      g_clear_object (&layout->step_number[i]);
      g_clear_object (&layout->step_label[i]);
      g_clear_object (&layout->step_caption[i]);
    }
}

static const char *
step_caption (const CockpitFlowStep *step)
{
  switch (step->status)
    {
    case COCKPIT_STAGE_STATUS_RUNNING:
      return _("In progress");
    case COCKPIT_STAGE_STATUS_FAILED:
      return _("Failed");
    case COCKPIT_STAGE_STATUS_SKIPPED:
      return _("Skipped");
    case COCKPIT_STAGE_STATUS_PENDING:
    case COCKPIT_STAGE_STATUS_DONE:
    default:
      return NULL;
    }
}

/* Places the installations: side by side with the traffic between them,
 * the previous installation's fate below the blue one.  Returns the
 * bottom of what it placed. */
static double
flow_layout_installations (GtkWidget              *widget,
                           const CockpitFlowState *state,
                           CockpitFlowLayout      *layout)
{
  double width = layout->width;
  double box_width, text_width, box_height, middle, top;
  const char *from_version = state->from_text;
  const char *to_version = state->to_text;
  const char *blue_title, *green_title;
  gboolean succeeded = state->mode == COCKPIT_FLOW_MODE_SUCCEEDED;

  if (!state->upgrade)
    {
      /* A single installation, in the middle, that the action works on. */
      box_width = MIN (CLAMP ((width - 2 * INSET) * 0.4, 200.0, 320.0), width - 2 * INSET);
      text_width = box_width - 2 * BOX_PADDING;
      layout->blue_title = make_layout (widget, cockpit_environment_kind_get_label (state->kind),
                                        TEXT_SMALL, PANGO_WEIGHT_NORMAL, text_width, PANGO_ALIGN_LEFT);
      layout->blue_version = make_layout (widget, from_version, TEXT_VERSION, PANGO_WEIGHT_BOLD,
                                          text_width, PANGO_ALIGN_LEFT);
      box_height = 2 * BOX_PADDING + cockpit_flow_layout_height_of (layout->blue_title) + 2 +
                   cockpit_flow_layout_height_of (layout->blue_version);
      graphene_rect_init (&layout->blue, (width - box_width) / 2, INSET, box_width, box_height);
      return INSET + box_height;
    }

  if (layout->wide)
    {
      box_width = CLAMP ((width - 2 * INSET) * 0.28, 170.0, 280.0);
      middle = width - 2 * INSET - 2 * box_width;
    }
  else
    {
      middle = NARROW_GAP;
      box_width = floor ((width - 2 * INSET - middle) / 2);
    }
  text_width = box_width - 2 * BOX_PADDING;

  /* After the switch the replica is the installation that serves. */
  blue_title = succeeded ? _("Previous installation") : _("Current installation");
  green_title = succeeded ? _("New installation") : _("Replica");

  layout->blue_title = make_layout (widget, blue_title, TEXT_SMALL, PANGO_WEIGHT_NORMAL,
                                    text_width, PANGO_ALIGN_LEFT);
  layout->blue_version = make_layout (widget, from_version, TEXT_VERSION, PANGO_WEIGHT_BOLD,
                                      text_width, PANGO_ALIGN_LEFT);
  layout->green_title = make_layout (widget, green_title, TEXT_SMALL, PANGO_WEIGHT_NORMAL,
                                     text_width, PANGO_ALIGN_LEFT);
  layout->green_version = make_layout (widget, to_version, TEXT_VERSION, PANGO_WEIGHT_BOLD,
                                       text_width, PANGO_ALIGN_LEFT);
  box_height = 2 * BOX_PADDING + 2 +
               MAX (cockpit_flow_layout_height_of (layout->blue_title) + cockpit_flow_layout_height_of (layout->blue_version),
                    cockpit_flow_layout_height_of (layout->green_title) + cockpit_flow_layout_height_of (layout->green_version));

  /* When wide the visitors are between the installations; when narrow
   * above them, with the traffic going down to one or the other. */
  layout->node_caption = make_layout (widget, _("Visitors"), TEXT_SMALL, PANGO_WEIGHT_NORMAL,
                                      layout->wide ? middle - 8 : width / 2 - 16,
                                      PANGO_ALIGN_CENTER);
  if (layout->wide)
    {
      top = INSET;
      graphene_point_init (&layout->node, width / 2, top + box_height / 2 - 8);
    }
  else
    {
      graphene_point_init (&layout->node, width / 2, INSET + NODE_RADIUS);
      top = INSET + 2 * NODE_RADIUS + 4 + cockpit_flow_layout_height_of (layout->node_caption) + 12;
    }
  graphene_rect_init (&layout->blue, INSET, top, box_width, box_height);
  graphene_rect_init (&layout->green, width - INSET - box_width, top, box_width, box_height);

  /* A plan says where the traffic goes next; a failure says it did not. */
  if (layout->wide && !cockpit_flow_state_traffic_on_green (state))
    {
      const char *caption = state->mode == COCKPIT_FLOW_MODE_FAILED ? _("not switched")
                                                           : _("after the switch");

      layout->arrow_caption = make_layout (widget, caption, TEXT_SMALL, PANGO_WEIGHT_NORMAL,
                                           -1, PANGO_ALIGN_CENTER);
      if (cockpit_flow_layout_width_of (layout->arrow_caption) > middle / 2 - NODE_RADIUS - 16)
        g_clear_object (&layout->arrow_caption);
    }

  /* The fate of the previous installation, below it. */
  {
    const CockpitFlowStep *last = &state->steps[state->n_steps - 1];
    const char *fate;

    if (last->name == COCKPIT_STAGE_KEEP_BACKUP)
      fate = _("Upgrade backup, kept 48 h");
    else if (last->status == COCKPIT_STAGE_STATUS_DONE)
      fate = _("Retired");
    else
      fate = _("Retired after the switch");

    double fate_width, fate_height;

    /* It may reach under the traffic, or across when narrow, so that its
     * text fits on a line. */
    layout->fate_text = make_layout (widget, fate, TEXT_SMALL, PANGO_WEIGHT_NORMAL,
                                     -1, PANGO_ALIGN_LEFT);
    if (layout->wide)
      fate_width = CLAMP (cockpit_flow_layout_width_of (layout->fate_text) + 2 * 12 + 24 + 8,
                          box_width, layout->node.x - NODE_RADIUS - 8 - INSET);
    else
      fate_width = width - 2 * INSET;
    pango_layout_set_width (layout->fate_text, (int) ((fate_width - 2 * 12 - 24) * PANGO_SCALE));
    pango_layout_set_wrap (layout->fate_text, PANGO_WRAP_WORD_CHAR);
    fate_height = MAX (cockpit_flow_layout_height_of (layout->fate_text), 18) + 2 * 9;
    graphene_rect_init (&layout->fate, INSET, top + box_height + FATE_GAP,
                        fate_width, fate_height);
    return top + box_height + FATE_GAP + fate_height;
  }
}

void
cockpit_flow_layout_init (CockpitFlowLayout      *layout,
                          GtkWidget              *widget,
                          const CockpitFlowState *state,
                          double                  width)
{
  double top, bottom = 0;

  memset (layout, 0, sizeof *layout);
  layout->width = width = MAX (width, COCKPIT_FLOW_MIN_WIDTH);
  layout->wide = width >= COCKPIT_FLOW_WIDE_WIDTH;

  top = flow_layout_installations (widget, state, layout) + STEPS_GAP;

  for (guint i = 0; i < state->n_steps; i++)
    {
      const CockpitFlowStep *step = &state->steps[i];
      const char *caption = step_caption (step);
      PangoWeight weight = (step->status == COCKPIT_STAGE_STATUS_RUNNING ||
                            step->status == COCKPIT_STAGE_STATUS_FAILED)
                           ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      double text_width;
      PangoAlignment alignment;

      if (layout->wide)
        {
          double step_width = (width - 2 * INSET) / state->n_steps;

          text_width = MIN (step_width - 8, 220);
          alignment = PANGO_ALIGN_CENTER;
          graphene_point_init (&layout->step_center[i],
                               state->n_steps == 1 ? width / 2
                                                   : INSET + step_width * (i + 0.5),
                               top + STEP_RADIUS);
          graphene_point_init (&layout->step_text[i],
                               layout->step_center[i].x - text_width / 2,
                               top + 2 * STEP_RADIUS + 10);
        }
      else
        {
          double text_x = INSET + 4 + 2 * STEP_RADIUS + 14;

          text_width = width - INSET - text_x;
          alignment = PANGO_ALIGN_LEFT;
          graphene_point_init (&layout->step_center[i], INSET + 4 + STEP_RADIUS,
                               top + STEP_RADIUS);
        }

      layout->step_number[i] = make_layout (widget, number, TEXT_BODY, PANGO_WEIGHT_BOLD,
                                            -1, PANGO_ALIGN_CENTER);
      layout->step_label[i] = make_layout (widget, step->label, TEXT_BODY, weight,
                                           text_width, alignment);
      if (caption != NULL)
        layout->step_caption[i] = make_layout (widget, caption, TEXT_SMALL, PANGO_WEIGHT_NORMAL,
                                               text_width, alignment);

      if (layout->wide)
        {
          bottom = MAX (bottom, layout->step_text[i].y + cockpit_flow_layout_height_of (layout->step_label[i]) +
                                (caption != NULL ? 2 + cockpit_flow_layout_height_of (layout->step_caption[i]) : 0));
        }
      else
        {
          double text_height = cockpit_flow_layout_height_of (layout->step_label[i]) +
                               (caption != NULL ? 2 + cockpit_flow_layout_height_of (layout->step_caption[i]) : 0);
          double row_height = MAX (2 * STEP_RADIUS, text_height);

          /* The text is centred on the circle, or starts level with it when long. */
          graphene_point_init (&layout->step_text[i],
                               INSET + 4 + 2 * STEP_RADIUS + 14,
                               top + MAX (0, STEP_RADIUS - text_height / 2));
          layout->step_center[i].y = top + MIN (STEP_RADIUS, row_height / 2);
          top += row_height + 16;
          bottom = top - 16;
        }
    }

  layout->height = ceil (bottom + INSET);
}
