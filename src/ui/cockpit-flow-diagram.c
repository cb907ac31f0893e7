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

/* Below this width the stages are stacked vertically. */
#define WIDE_WIDTH      600
#define MIN_WIDTH       300
#define NATURAL_WIDTH   720
#define MAX_STEPS       5

/* Geometry, in pixels. */
#define INSET           4.0    /* room for strokes and the pulse halo */
#define BOX_PADDING     14.0
#define BOX_RADIUS      12.0
#define FATE_GAP        24.0   /* between the installation and its fate */
#define STEPS_GAP       30.0   /* between the installations and the steps */
#define STEP_RADIUS     15.0
#define NODE_RADIUS     18.0
#define NARROW_GAP      16.0   /* between the installations when narrow */
#define MESSAGE_SPACING 12

/* How quickly the drawn progress catches up with the polled one, and the
 * period of the running stage's pulse, in microseconds. */
#define PROGRESS_TIME_CONSTANT (0.35 * G_USEC_PER_SEC)
#define PULSE_PERIOD           (1.8 * G_USEC_PER_SEC)

typedef enum {
  FLOW_MODE_PLAN,
  FLOW_MODE_RUNNING,
  FLOW_MODE_SUCCEEDED,
  FLOW_MODE_FAILED,
} FlowMode;

typedef struct {
  CockpitStageName    name;
  CockpitStageStatus  status;
  const char         *label;
} FlowStep;

/* What to draw, worked out from the plan or the action. */
typedef struct {
  FlowMode                mode;
  gboolean                upgrade;
  CockpitEnvironmentKind  kind;
  const char             *from_version;
  const char             *to_version;
  const char             *from_text;      /* what the installations show */
  const char             *to_text;        /* NULL: nothing */
  guint                   n_steps;
  FlowStep                steps[MAX_STEPS];
  int                     current;        /* running or failed step, or -1 */
  double                  progress;       /* of the whole action, as drawn */
  const char             *error_message;
} FlowState;

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

  graphene_point_t step_center[MAX_STEPS];
  graphene_point_t step_text[MAX_STEPS];
  PangoLayout     *step_number[MAX_STEPS];
  PangoLayout     *step_label[MAX_STEPS];
  PangoLayout     *step_caption[MAX_STEPS];
} FlowLayout;

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
} FlowColors;

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
  guint                   tick_id;
  gint64                  last_frame_time;
  double                  shown_progress;
  double                  pulse;
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

/* State */

static void
flow_state_clear (FlowState *state)
{
  /* Nothing to free: the texts belong to the model, the diagram and
   * gettext. */
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FlowState, flow_state_clear)

/* What the installations show: the versions an upgrade went from and to
 * (the action's params), the environment's own version for an action
 * that changes none, and words rather than a made-up version when there
 * is none to show.  Only a plan without an environment, which explains
 * how an upgrade works, says "Current version" and "Newer version". */
static void
flow_state_init_texts (CockpitFlowDiagram *self,
                       FlowState          *state)
{
  CockpitEnvironment *env = self->environment;
  gboolean set_up = env != NULL &&
                    cockpit_environment_get_state (env) != COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP;

  if (!state->upgrade)
    {
      if (set_up && state->from_version != NULL)
        state->from_text = state->from_version;
      else if (env != NULL && !set_up)
        state->from_text = cockpit_action_get_kind (self->action) == COCKPIT_ACTION_KIND_TEARDOWN &&
                           state->mode == FLOW_MODE_SUCCEEDED
                           ? _("Torn down") : _("Not set up");
      else
        state->from_text = _("Version not known");
      state->to_text = NULL;
      return;
    }

  if (self->action == NULL && env == NULL)
    {
      state->from_text = _("Current version");
      state->to_text = state->to_version != NULL ? state->to_version : _("Newer version");
      return;
    }

  if (state->from_version != NULL)
    state->from_text = state->from_version;
  else if (self->action == NULL && !set_up)
    state->from_text = _("Not set up");
  else
    state->from_text = _("Version not known");

  if (state->to_version != NULL)
    state->to_text = state->to_version;
  else if (self->action == NULL)
    state->to_text = _("No newer version");
  else
    state->to_text = _("Version not known");
}

/* Fills @state from the plan, or from the action when there is one.  The
 * stages are the action's own list, or the model's plan for its kind
 * when it lists none; a stage's status comes from the action's list, or
 * when missing there, follows from the action's current stage. */
static void
flow_state_init (CockpitFlowDiagram *self,
                 FlowState          *state)
{
  CockpitStageName names[MAX_STEPS];
  CockpitStageName current_name = COCKPIT_STAGE_NONE;
  CockpitActionStatus status = COCKPIT_ACTION_STATUS_RUNNING;
  CockpitActionKind action_kind = COCKPIT_ACTION_KIND_UPGRADE;
  GListModel *stages = NULL;
  gboolean past_current = FALSE;
  guint n_listed = 0;

  memset (state, 0, sizeof *state);
  state->kind = self->kind;
  state->current = -1;
  state->mode = FLOW_MODE_PLAN;

  if (self->action != NULL)
    {
      CockpitActionError *action_error = cockpit_action_get_error (self->action);

      action_kind = cockpit_action_get_kind (self->action);
      status = cockpit_action_get_status (self->action);
      current_name = cockpit_action_get_stage (self->action);
      stages = cockpit_action_get_stages (self->action);
      state->progress = status == COCKPIT_ACTION_STATUS_SUCCEEDED ? 1.0 : self->shown_progress;
      if (action_error != NULL)
        state->error_message = cockpit_action_error_get_message (action_error);

      /* An upgrade carries where it started and where it goes; any other
       * action keeps the version, so the environment's is the true one. */
      if (action_kind == COCKPIT_ACTION_KIND_UPGRADE)
        {
          state->from_version = cockpit_action_get_from_version (self->action);
          state->to_version = cockpit_action_get_target_version (self->action);
        }
      else if (self->environment != NULL)
        state->from_version = cockpit_environment_get_magnolia_version (self->environment);

      switch (status)
        {
        case COCKPIT_ACTION_STATUS_SUCCEEDED:
          state->mode = FLOW_MODE_SUCCEEDED;
          break;
        case COCKPIT_ACTION_STATUS_FAILED:
          state->mode = FLOW_MODE_FAILED;
          break;
        case COCKPIT_ACTION_STATUS_RUNNING:
        default:
          state->mode = FLOW_MODE_RUNNING;
          break;
        }
    }
  else
    {
      if (self->environment != NULL)
        state->from_version = cockpit_environment_get_magnolia_version (self->environment);
      state->to_version = self->to_version;
    }
  state->upgrade = action_kind == COCKPIT_ACTION_KIND_UPGRADE;

  if (stages != NULL)
    n_listed = g_list_model_get_n_items (stages);
  if (n_listed > 0 && n_listed <= MAX_STEPS)
    {
      for (guint i = 0; i < n_listed; i++)
        {
          g_autoptr(CockpitStage) stage = g_list_model_get_item (stages, i);

          names[i] = cockpit_stage_get_name (stage);
        }
      state->n_steps = n_listed;
    }
  else
    {
      const CockpitStageName *plan = cockpit_stage_plan (action_kind, state->kind, &state->n_steps);

      g_assert (state->n_steps <= MAX_STEPS);
      memcpy (names, plan, state->n_steps * sizeof *names);
    }

  for (guint i = 0; i < state->n_steps; i++)
    {
      FlowStep *step = &state->steps[i];
      CockpitStage *stage = NULL;

      step->name = names[i];
      step->label = cockpit_stage_name_get_label (names[i]);
      step->status = COCKPIT_STAGE_STATUS_PENDING;

      if (self->action == NULL)
        continue;

      stage = cockpit_action_get_stage_by_name (self->action, names[i]);
      if (stage != NULL)
        step->status = cockpit_stage_get_status (stage);
      else if (status == COCKPIT_ACTION_STATUS_SUCCEEDED)
        step->status = COCKPIT_STAGE_STATUS_DONE;
      else if (names[i] == current_name)
        step->status = status == COCKPIT_ACTION_STATUS_FAILED
                       ? COCKPIT_STAGE_STATUS_FAILED
                       : COCKPIT_STAGE_STATUS_RUNNING;
      else if (current_name != COCKPIT_STAGE_NONE && !past_current)
        step->status = COCKPIT_STAGE_STATUS_DONE;
      else if (status == COCKPIT_ACTION_STATUS_FAILED)
        step->status = COCKPIT_STAGE_STATUS_SKIPPED;

      if (names[i] == current_name)
        past_current = TRUE;

      if (state->current < 0 &&
          (step->status == COCKPIT_STAGE_STATUS_RUNNING ||
           step->status == COCKPIT_STAGE_STATUS_FAILED))
        state->current = i;
    }

  flow_state_init_texts (self, state);
}

static CockpitStageStatus
flow_state_get_status (const FlowState  *state,
                       CockpitStageName  name)
{
  for (guint i = 0; i < state->n_steps; i++)
    if (state->steps[i].name == name)
      return state->steps[i].status;
  return COCKPIT_STAGE_STATUS_PENDING;
}

static gboolean
flow_state_traffic_on_green (const FlowState *state)
{
  return state->upgrade &&
         flow_state_get_status (state, COCKPIT_STAGE_SWITCH_TRAFFIC) == COCKPIT_STAGE_STATUS_DONE;
}

/* How far the step at @index got, from the progress of the whole action. */
static double
flow_state_step_progress (const FlowState *state,
                          guint            index)
{
  return CLAMP (state->progress * state->n_steps - index, 0.0, 1.0);
}

static char *
flow_state_describe (const FlowState *state)
{
  const char *kind = cockpit_environment_kind_get_label (state->kind);
  const char *to_version = state->to_version != NULL ? state->to_version : _("a newer version");
  int percent = (int) round (state->progress * 100.0);

  switch (state->mode)
    {
    case FLOW_MODE_PLAN:
      {
        g_autoptr(GString) steps = g_string_new (NULL);
        const char *from_version = state->from_version != NULL
                                   ? state->from_version : _("its current version");

        for (guint i = 0; i < state->n_steps; i++)
          {
            if (i > 0)
              g_string_append (steps, ", ");
            g_string_append (steps, state->steps[i].label);
          }
        /* Translators: the plan of an upgrade: the environment, the two
         * versions, the number of stages and the stages' names. */
        return g_strdup_printf (_("Plan: upgrade of %s from %s to %s in %u stages: %s"),
                                kind, from_version, to_version, state->n_steps, steps->str);
      }

    case FLOW_MODE_RUNNING:
      if (!state->upgrade)
        /* Translators: a stage such as "Back up", the environment, a percentage. */
        return g_strdup_printf (_("%s on %s: %d %% done"),
                                state->steps[0].label, kind, percent);
      if (state->current < 0)
        /* Translators: the environment, the version and a percentage. */
        return g_strdup_printf (_("Upgrade of %s to %s: %d %% done"), kind, to_version, percent);
      /* Translators: the environment, the version, the stage's number, the
       * number of stages, the stage's name and a percentage. */
      return g_strdup_printf (_("Upgrade of %s to %s: stage %d of %u, %s, %d %% done"),
                              kind, to_version, state->current + 1, state->n_steps,
                              state->steps[state->current].label, percent);

    case FLOW_MODE_SUCCEEDED:
      if (!state->upgrade)
        /* Translators: a stage such as "Back up", then the environment. */
        return g_strdup_printf (_("%s on %s finished"), state->steps[0].label, kind);
      /* Translators: the environment and the version it now runs. */
      return g_strdup_printf (_("Upgrade finished: %s now runs %s"), kind, to_version);

    case FLOW_MODE_FAILED:
    default:
      {
        const char *message = state->error_message != NULL
                              ? state->error_message : _("no reason given");

        g_autofree char *failed = NULL;

        if (state->current < 0)
          /* Translators: the error message. */
          failed = g_strdup_printf (_("Failed: %s"), message);
        else
          /* Translators: the name of the stage that failed and the error message. */
          failed = g_strdup_printf (_("Failed at %s: %s"), state->steps[state->current].label, message);
        /* What matters most after a failed upgrade: the site was not touched. */
        if (state->upgrade && !flow_state_traffic_on_green (state))
          /* Translators: a failure, as above, then the environment. */
          return g_strdup_printf (_("%s (traffic not switched: visitors still reach the previous installation of %s)"),
                                  failed, kind);
        return g_steal_pointer (&failed);
      }
    }
}

/* Colours */

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
flow_colors_init (CockpitFlowDiagram *self,
                  FlowColors         *colors)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
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

/* Layout */

static PangoLayout *
make_layout (CockpitFlowDiagram *self,
             const char         *text,
             double              scale,
             PangoWeight         weight,
             double              width,
             PangoAlignment      alignment)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (scale != 1.0)
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

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  if (layout != NULL)
    pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static double
layout_width (PangoLayout *layout)
{
  int width = 0;

  if (layout != NULL)
    pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
flow_layout_clear (FlowLayout *layout)
{
  g_clear_object (&layout->blue_title);
  g_clear_object (&layout->blue_version);
  g_clear_object (&layout->green_title);
  g_clear_object (&layout->green_version);
  g_clear_object (&layout->fate_text);
  g_clear_object (&layout->node_caption);
  g_clear_object (&layout->arrow_caption);
  for (guint i = 0; i < MAX_STEPS; i++)
    {
      g_clear_object (&layout->step_number[i]);
      g_clear_object (&layout->step_label[i]);
      g_clear_object (&layout->step_caption[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FlowLayout, flow_layout_clear)

static const char *
step_caption (const FlowStep *step)
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
flow_layout_installations (CockpitFlowDiagram *self,
                           const FlowState    *state,
                           FlowLayout         *layout)
{
  double width = layout->width;
  double box_width, text_width, box_height, middle, top;
  const char *from_version = state->from_text;
  const char *to_version = state->to_text;
  const char *blue_title, *green_title;
  gboolean succeeded = state->mode == FLOW_MODE_SUCCEEDED;

  if (!state->upgrade)
    {
      /* A single installation, in the middle, that the action works on. */
      box_width = MIN (CLAMP ((width - 2 * INSET) * 0.4, 200.0, 320.0), width - 2 * INSET);
      text_width = box_width - 2 * BOX_PADDING;
      layout->blue_title = make_layout (self, cockpit_environment_kind_get_label (state->kind),
                                        0.9, PANGO_WEIGHT_NORMAL, text_width, PANGO_ALIGN_LEFT);
      layout->blue_version = make_layout (self, from_version, 1.3, PANGO_WEIGHT_BOLD,
                                          text_width, PANGO_ALIGN_LEFT);
      box_height = 2 * BOX_PADDING + layout_height (layout->blue_title) + 2 +
                   layout_height (layout->blue_version);
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

  layout->blue_title = make_layout (self, blue_title, 0.9, PANGO_WEIGHT_NORMAL,
                                    text_width, PANGO_ALIGN_LEFT);
  layout->blue_version = make_layout (self, from_version, 1.3, PANGO_WEIGHT_BOLD,
                                      text_width, PANGO_ALIGN_LEFT);
  layout->green_title = make_layout (self, green_title, 0.9, PANGO_WEIGHT_NORMAL,
                                     text_width, PANGO_ALIGN_LEFT);
  layout->green_version = make_layout (self, to_version, 1.3, PANGO_WEIGHT_BOLD,
                                       text_width, PANGO_ALIGN_LEFT);
  box_height = 2 * BOX_PADDING + 2 +
               MAX (layout_height (layout->blue_title) + layout_height (layout->blue_version),
                    layout_height (layout->green_title) + layout_height (layout->green_version));

  /* When wide the visitors are between the installations; when narrow
   * above them, with the traffic going down to one or the other. */
  layout->node_caption = make_layout (self, _("Visitors"), 0.85, PANGO_WEIGHT_NORMAL,
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
      top = INSET + 2 * NODE_RADIUS + 4 + layout_height (layout->node_caption) + 12;
    }
  graphene_rect_init (&layout->blue, INSET, top, box_width, box_height);
  graphene_rect_init (&layout->green, width - INSET - box_width, top, box_width, box_height);

  /* A plan says where the traffic goes next; a failure says it did not. */
  if (layout->wide && !flow_state_traffic_on_green (state))
    {
      const char *caption = state->mode == FLOW_MODE_FAILED ? _("not switched")
                                                           : _("after the switch");

      layout->arrow_caption = make_layout (self, caption, 0.8, PANGO_WEIGHT_NORMAL,
                                           -1, PANGO_ALIGN_CENTER);
      if (layout_width (layout->arrow_caption) > middle / 2 - NODE_RADIUS - 16)
        g_clear_object (&layout->arrow_caption);
    }

  /* The fate of the previous installation, below it. */
  {
    const FlowStep *last = &state->steps[state->n_steps - 1];
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
    layout->fate_text = make_layout (self, fate, 0.9, PANGO_WEIGHT_NORMAL,
                                     -1, PANGO_ALIGN_LEFT);
    if (layout->wide)
      fate_width = CLAMP (layout_width (layout->fate_text) + 2 * 12 + 24 + 8,
                          box_width, layout->node.x - NODE_RADIUS - 8 - INSET);
    else
      fate_width = width - 2 * INSET;
    pango_layout_set_width (layout->fate_text, (int) ((fate_width - 2 * 12 - 24) * PANGO_SCALE));
    pango_layout_set_wrap (layout->fate_text, PANGO_WRAP_WORD_CHAR);
    fate_height = MAX (layout_height (layout->fate_text), 18) + 2 * 9;
    graphene_rect_init (&layout->fate, INSET, top + box_height + FATE_GAP,
                        fate_width, fate_height);
    return top + box_height + FATE_GAP + fate_height;
  }
}

static void
flow_layout_init (CockpitFlowDiagram *self,
                  const FlowState    *state,
                  FlowLayout         *layout,
                  double              width)
{
  double top, bottom = 0;

  memset (layout, 0, sizeof *layout);
  layout->width = width = MAX (width, MIN_WIDTH);
  layout->wide = width >= WIDE_WIDTH;

  top = flow_layout_installations (self, state, layout) + STEPS_GAP;

  for (guint i = 0; i < state->n_steps; i++)
    {
      const FlowStep *step = &state->steps[i];
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

      layout->step_number[i] = make_layout (self, number, 0.95, PANGO_WEIGHT_BOLD,
                                            -1, PANGO_ALIGN_CENTER);
      layout->step_label[i] = make_layout (self, step->label, 1.0, weight,
                                           text_width, alignment);
      if (caption != NULL)
        layout->step_caption[i] = make_layout (self, caption, 0.85, PANGO_WEIGHT_NORMAL,
                                               text_width, alignment);

      if (layout->wide)
        {
          bottom = MAX (bottom, layout->step_text[i].y + layout_height (layout->step_label[i]) +
                                (caption != NULL ? 2 + layout_height (layout->step_caption[i]) : 0));
        }
      else
        {
          double text_height = layout_height (layout->step_label[i]) +
                               (caption != NULL ? 2 + layout_height (layout->step_caption[i]) : 0);
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

/* Drawing */

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
                   const FlowColors      *colors,
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
  show_layout (cr, version, x, y + layout_height (title) + 2, &colors->fg, 1.0);

  if (crossed)
    {
      /* Struck through: the installation is gone. */
      double vy = y + layout_height (title) + 2 + layout_height (version) / 2;

      set_source (cr, &colors->fg, 0.8);
      cairo_set_line_width (cr, 2.0);
      cairo_move_to (cr, x - 4, vy);
      cairo_line_to (cr, x + layout_width (version) + 4, vy);
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
              const FlowLayout *layout,
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

static void
draw_installations (cairo_t          *cr,
                    const FlowColors *colors,
                    const FlowState  *state,
                    const FlowLayout *layout,
                    double            pulse)
{
  CockpitStageStatus create = flow_state_get_status (state, COCKPIT_STAGE_CREATE_REPLICA);
  CockpitStageStatus switched = flow_state_get_status (state, COCKPIT_STAGE_SWITCH_TRAFFIC);
  CockpitStageStatus last = state->steps[state->n_steps - 1].status;
  gboolean keep = state->steps[state->n_steps - 1].name == COCKPIT_STAGE_KEEP_BACKUP;
  gboolean on_green = flow_state_traffic_on_green (state);
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
  if (state->mode == FLOW_MODE_FAILED)
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
      if (state->mode == FLOW_MODE_FAILED)
        draw_traffic (cr, layout, TRUE, 1.5, TRUE, TRUE, &colors->error, 0.6);
      else if (switched == COCKPIT_STAGE_STATUS_RUNNING)
        draw_traffic (cr, layout, TRUE, 2.0, TRUE, TRUE, &colors->accent, 0.5 + 0.5 * pulse);
      else
        draw_traffic (cr, layout, TRUE, 1.5, TRUE, TRUE, &colors->fg, 0.35);

      if (layout->arrow_caption != NULL)
        show_layout_centered (cr, layout->arrow_caption,
                              (node->x + NODE_RADIUS + green->origin.x) / 2, node->y - 14,
                              state->mode == FLOW_MODE_FAILED ? &colors->error : &colors->fg,
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
                        node->y + NODE_RADIUS + 4 + layout_height (layout->node_caption) / 2,
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
                 icon_y - layout_height (layout->fate_text) / 2, &colors->fg, alpha);
  }
}

static void
draw_steps (cairo_t          *cr,
            const FlowColors *colors,
            const FlowState  *state,
            const FlowLayout *layout,
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
      const FlowStep *step = &state->steps[i];
      double cx = layout->step_center[i].x, cy = layout->step_center[i].y;
      const GdkRGBA *text_color = &colors->fg;
      double text_alpha = 1.0;

      cairo_new_path (cr);
      switch (step->status)
        {
        case COCKPIT_STAGE_STATUS_RUNNING:
          {
            double fraction = flow_state_step_progress (state, i);

            /* A soft halo that breathes, a track, and the progress on it. */
            cairo_arc (cr, cx, cy, STEP_RADIUS + 3 + 3 * pulse, 0, 2 * G_PI);
            set_source (cr, &colors->accent_bg, 0.10 + 0.12 * (1.0 - pulse));
            cairo_fill (cr);
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
          text_alpha = state->mode == FLOW_MODE_PLAN ? 0.85 : 0.55;
          show_layout_centered (cr, layout->step_number[i], cx, cy, &colors->fg, text_alpha);
          break;
        }

      show_layout (cr, layout->step_label[i], layout->step_text[i].x, layout->step_text[i].y,
                   text_color, text_alpha);
      show_layout (cr, layout->step_caption[i], layout->step_text[i].x,
                   layout->step_text[i].y + layout_height (layout->step_label[i]) + 2,
                   step->status == COCKPIT_STAGE_STATUS_RUNNING ? &colors->accent : text_color,
                   step->status == COCKPIT_STAGE_STATUS_RUNNING ? 1.0 : 0.8 * text_alpha);
    }
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

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double target;

  if (self->action == NULL)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* The drawn progress eases towards the polled one. */
  target = cockpit_action_get_progress (self->action);
  if (self->last_frame_time > 0)
    {
      double dt = (double) (now - self->last_frame_time);

      self->shown_progress += (target - self->shown_progress) *
                              (1.0 - exp (-dt / PROGRESS_TIME_CONSTANT));
      if (fabs (target - self->shown_progress) < 0.0005)
        self->shown_progress = target;
    }
  self->last_frame_time = now;
  self->pulse = 0.5 - 0.5 * cos (2 * G_PI * fmod ((double) now, PULSE_PERIOD) / PULSE_PERIOD);

  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Ticks while an action runs and the diagram is on screen. */
static void
update_animation (CockpitFlowDiagram *self)
{
  gboolean running = self->action != NULL && cockpit_action_is_running (self->action);
  gboolean tick = running && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                  animations_enabled (self);

  if (tick && self->tick_id == 0)
    {
      self->last_frame_time = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
    }
  else if (!tick && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  if (!tick)
    {
      self->pulse = 0;
      if (self->action != NULL)
        self->shown_progress = cockpit_action_get_progress (self->action);
    }
}

/* Following the action */

static void
stage_notify_cb (CockpitFlowDiagram *self)
{
  cockpit_flow_diagram_update (self);
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

      /* Without ticks there is nothing to ease with; backwards never eases. */
      if (self->tick_id == 0 || progress < self->shown_progress)
        self->shown_progress = progress;
    }
  else if (g_str_equal (name, "stages"))
    watch_stages (self);
  else if (!g_str_equal (name, "stage") && !g_str_equal (name, "status") &&
           !g_str_equal (name, "error") && !g_str_equal (name, "params") &&
           !g_str_equal (name, "kind"))
    return;

  cockpit_flow_diagram_update (self);
}

static void
style_changed_cb (CockpitFlowDiagram *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Brings the description, the message below the drawing and the
 * animation up to date, and redraws. */
static void
cockpit_flow_diagram_update (CockpitFlowDiagram *self)
{
  g_auto(FlowState) state = { 0 };
  g_autofree char *description = NULL;
  g_autoptr(GString) layout_key = NULL;
  gboolean failed;

  update_animation (self);
  flow_state_init (self, &state);

  /* The description says the progress of the last poll, not the eased one. */
  if (self->action != NULL)
    state.progress = cockpit_action_get_progress (self->action);
  description = flow_state_describe (&state);
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

  failed = state.mode == FLOW_MODE_FAILED;
  if (failed)
    {
      const char *message = state.error_message;
      g_autofree char *note = NULL;

      if (message == NULL)
        message = state.upgrade ? _("The upgrade failed.") : _("The action failed.");
      gtk_label_set_text (GTK_LABEL (self->error_label), message);

      if (state.upgrade && !flow_state_traffic_on_green (&state))
        {
          const char *kind = cockpit_environment_kind_get_label (state.kind);

          if (state.from_version != NULL)
            /* Translators: the environment and the version it keeps running. */
            note = g_strdup_printf (_("Traffic was never switched: %s stays on %s."),
                                    kind, state.from_version);
          else
            /* Translators: the environment. */
            note = g_strdup_printf (_("Traffic was never switched: %s stays on its current version."),
                                    kind);
        }
      gtk_label_set_text (GTK_LABEL (self->note_label), note != NULL ? note : "");
      gtk_widget_set_visible (self->note_label, note != NULL);
    }
  gtk_widget_set_visible (self->message_box, failed);

  /* The height depends on the texts, which change with the stages, not
   * with the progress polled every few seconds. */
  layout_key = g_string_new (NULL);
  g_string_append_printf (layout_key, "%d %d %d %s %s", state.mode, state.upgrade, state.kind,
                          state.from_text != NULL ? state.from_text : "",
                          state.to_text != NULL ? state.to_text : "");
  for (guint i = 0; i < state.n_steps; i++)
    g_string_append_printf (layout_key, " %d:%d", state.steps[i].name, state.steps[i].status);
  if (g_strcmp0 (layout_key->str, self->layout_key) != 0)
    {
      g_free (self->layout_key);
      self->layout_key = g_string_free (g_steal_pointer (&layout_key), FALSE);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  g_auto(FlowState) state = { 0 };
  g_auto(FlowLayout) layout = { 0 };

  flow_state_init (self, &state);
  flow_layout_init (self, &state, &layout, width);
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
      *minimum = MAX (MIN_WIDTH, child_min);
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

static void
cockpit_flow_diagram_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (widget);
  g_auto(FlowState) state = { 0 };
  g_auto(FlowLayout) layout = { 0 };
  FlowColors colors;
  int width = gtk_widget_get_width (widget);
  cairo_t *cr;

  if (width <= 0)
    return;

  flow_state_init (self, &state);
  flow_layout_init (self, &state, &layout, width);
  flow_colors_init (self, &colors);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, layout.width, layout.height));
  draw_installations (cr, &colors, &state, &layout, self->pulse);
  draw_steps (cr, &colors, &state, &layout, self->pulse);
  cairo_destroy (cr);

  gtk_widget_snapshot_child (widget, self->message_box, snapshot);
}

static void
cockpit_flow_diagram_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cockpit_flow_diagram_parent_class)->map (widget);
  update_animation (COCKPIT_FLOW_DIAGRAM (widget));
}

static void
cockpit_flow_diagram_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cockpit_flow_diagram_parent_class)->unmap (widget);
  update_animation (COCKPIT_FLOW_DIAGRAM (widget));
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
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
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
