/* test-flow-diagram.c: the drawing of the upgrade flow, in each state and style, with screenshots.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cockpit-flow-diagram.h"
#include "cockpit-flow-diagram-private.h"
#include "test-plan-json.h"
#include "test-ui-util.h"

static const char succeeded_json[] =
  ACTION ("upgrade", TARGET, "succeeded", "null",
          STAGE ("create_replica", "done") "," STAGE ("deploy_version", "done") ","
          STAGE ("verify_replica", "done") "," STAGE ("switch_traffic", "done") ","
          STAGE ("keep_backup", "done"),
          "1.0", "null");

static const char succeeded_uat_json[] =
  ACTION ("upgrade", TARGET, "succeeded", "null",
          STAGE ("create_replica", "done") "," STAGE ("deploy_version", "done") ","
          STAGE ("verify_replica", "done") "," STAGE ("switch_traffic", "done") ","
          STAGE ("retire_old", "done"),
          "1.0", "null");

static const char failed_json[] =
  ACTION ("upgrade", TARGET, "failed", "\"verify_replica\"",
          STAGE ("create_replica", "done") "," STAGE ("deploy_version", "done") ","
          STAGE ("verify_replica", "failed") "," STAGE ("switch_traffic", "skipped") ","
          STAGE ("keep_backup", "skipped"),
          "0.6",
          "{\"code\": \"verify_failed\", \"message\": \"The new version did not start: "
          "the health check of the replica answered 503 Service Unavailable for 10 minutes.\"}");

/* A Live upgrade from 6.3.19 that finished while the app was closed: Live
 * runs 6.3.21 now, and the action says where it started. */
static const char finished_json[] =
  ACTION ("upgrade", "{\"target_version\": \"6.3.21\", \"from_version\": \"6.3.19\"}",
          "succeeded", "null",
          STAGE ("create_replica", "done") "," STAGE ("deploy_version", "done") ","
          STAGE ("verify_replica", "done") "," STAGE ("switch_traffic", "done") ","
          STAGE ("keep_backup", "done"),
          "1.0", "null");

static const char teardown_json[] =
  ACTION ("teardown", "{}", "succeeded", "null",
          STAGE ("teardown", "done"), "1.0", "null");

static const char backup_json[] =
  ACTION ("create_backup", "{}", "running", "\"create_backup\"",
          STAGE ("create_backup", "running"), "0.3", "null");

typedef struct {
  const char             *name;
  const char             *json;        /* NULL for a plan */
  CockpitEnvironmentKind  kind;
  const char             *from_version;
  const char             *to_version;  /* of a plan */
  int                     width;
  const char             *expected[3]; /* in the description */
} DiagramCase;

static const DiagramCase cases[] = {
  { "plan-live", NULL, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", "6.3.21", 1000,
    { "Plan: upgrade of Live from 6.3.18 to 6.3.21", "Keep upgrade backup" } },
  { "plan-uat", NULL, COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.18", NULL, 1000,
    { "Plan: upgrade of UAT", "a newer version", "Retire old installation" } },
  { "running", RUNNING_ACTION_JSON, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 1000,
    { "Upgrade of Live to 6.3.21: stage 3 of 5, Verify replica, 50 % done" } },
  { "succeeded", succeeded_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 1000,
    { "Upgrade finished", "6.3.21" } },
  { "succeeded-uat", succeeded_uat_json, COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.18", NULL, 1000,
    { "Upgrade finished", "UAT" } },
  { "failed", failed_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 1000,
    { "Failed at Verify replica: The new version did not start" } },
  /* The narrowest width that still lays the stages out in a row. */
  { "medium", failed_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 648,
    { "Failed at Verify replica" } },
  { "narrow", RUNNING_ACTION_JSON, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 420,
    { "stage 3 of 5, Verify replica" } },
  { "narrow-failed", failed_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 420,
    { "Failed at Verify replica" } },
  /* A 360 px window less its margins: the diagram gets 280 px. */
  { "narrowest", RUNNING_ACTION_JSON, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 328,
    { "stage 3 of 5, Verify replica" } },
  { "narrowest-failed", failed_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 328,
    { "Failed at Verify replica" } },
  { "narrowest-plan", NULL, COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.18", "6.3.21", 328,
    { "Plan: upgrade of UAT" } },
  { "narrowest-backup", backup_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 328,
    { "Back up on Live" } },
  { "backup", backup_json, COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18", NULL, 1000,
    { "Back up on Live: 30 % done" } },
};

/* An environment as the package lists it; @version NULL: torn down. */
static CockpitEnvironment *
make_environment (CockpitEnvironmentKind  kind,
                  const char             *version)
{
  CockpitEnvironment *env = cockpit_environment_new ();

  cockpit_environment_set_kind (env, kind);
  cockpit_environment_set_magnolia_version (env, version);
  cockpit_environment_set_state (env, version != NULL ? COCKPIT_ENVIRONMENT_STATE_RUNNING
                                                      : COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP);
  return env;
}

static CockpitAction *
decode_action (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = cockpit_json_parse (json, -1, &error);
  CockpitAction *action;

  g_assert_no_error (error);
  action = cockpit_json_decode (COCKPIT_TYPE_ACTION, node, &error);
  g_assert_no_error (error);
  return action;
}

typedef struct {
  GtkWindow          *window;
  GtkWidget          *content;
  CockpitFlowDiagram *diagram;
} Fixture;

static void
fixture_open (Fixture *fixture,
              int      width)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 420);

  fixture->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_window_set_child (fixture->window, fixture->content);

  fixture->diagram = COCKPIT_FLOW_DIAGRAM (cockpit_flow_diagram_new ());
  g_object_set (fixture->diagram,
                "margin-top", 24, "margin-bottom", 24,
                "margin-start", 24, "margin-end", 24,
                "valign", GTK_ALIGN_START,
                NULL);
  gtk_box_append (GTK_BOX (fixture->content), GTK_WIDGET (fixture->diagram));
  gtk_window_present (fixture->window);
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
set_style (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_create_destroy (void)
{
  GtkWidget *diagram = cockpit_flow_diagram_new ();
  g_autoptr(CockpitAction) action = decode_action (RUNNING_ACTION_JSON);
  g_autoptr(CockpitEnvironment) live = make_environment (COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18");

  g_object_ref_sink (diagram);
  cockpit_flow_diagram_set_action (COCKPIT_FLOW_DIAGRAM (diagram), action, live);
  g_assert_true (cockpit_flow_diagram_get_action (COCKPIT_FLOW_DIAGRAM (diagram)) == action);
  g_assert_true (cockpit_flow_diagram_get_environment (COCKPIT_FLOW_DIAGRAM (diagram)) == live);
  g_assert_finalize_object (diagram);

  /* The diagram let go of the action, the environment and their signals. */
  g_assert_cmpuint (G_OBJECT (action)->ref_count, ==, 1);
  g_assert_cmpuint (G_OBJECT (live)->ref_count, ==, 1);
  cockpit_action_set_progress (action, 0.7);
  cockpit_environment_set_magnolia_version (live, "6.3.21");
}

static void
count_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_properties (void)
{
  GtkWidget *diagram = g_object_ref_sink (cockpit_flow_diagram_new ());
  CockpitFlowDiagram *self = COCKPIT_FLOW_DIAGRAM (diagram);
  g_autoptr(CockpitAction) action = decode_action (RUNNING_ACTION_JSON);
  g_autoptr(CockpitAction) other = decode_action (failed_json);
  g_autoptr(CockpitEnvironment) live = make_environment (COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18");
  g_autoptr(CockpitEnvironment) uat = make_environment (COCKPIT_ENVIRONMENT_KIND_UAT, "6.3.18");
  CockpitEnvironmentKind kind;
  guint action_notes = 0, kind_notes = 0;

  g_signal_connect_swapped (diagram, "notify::action", G_CALLBACK (count_cb), &action_notes);
  g_signal_connect_swapped (diagram, "notify::kind", G_CALLBACK (count_cb), &kind_notes);

  g_object_get (diagram, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, COCKPIT_ENVIRONMENT_KIND_LIVE);
  g_assert_null (cockpit_flow_diagram_get_action (self));
  g_assert_true (g_str_has_prefix (cockpit_flow_diagram_get_description (self), "Plan: "));

  cockpit_flow_diagram_set_plan (self, live, "6.3.21");
  g_assert_cmpuint (action_notes, ==, 0);
  g_assert_cmpuint (kind_notes, ==, 0);

  /* The plan follows the environment's version. */
  g_assert_cmpstr (cockpit_flow_diagram_get_from_text (self), ==, "6.3.18");
  cockpit_environment_set_magnolia_version (live, "6.3.19");
  g_assert_cmpstr (cockpit_flow_diagram_get_from_text (self), ==, "6.3.19");
  g_assert_true (g_str_has_prefix (cockpit_flow_diagram_get_description (self),
                                   "Plan: upgrade of Live from 6.3.19 to 6.3.21"));
  cockpit_environment_set_magnolia_version (live, "6.3.18");

  cockpit_flow_diagram_set_plan (self, uat, "6.3.21");
  g_assert_cmpuint (kind_notes, ==, 1);
  g_object_set (diagram, "kind", COCKPIT_ENVIRONMENT_KIND_UAT, NULL);
  g_assert_cmpuint (kind_notes, ==, 1);
  g_object_set (diagram, "kind", COCKPIT_ENVIRONMENT_KIND_LIVE, NULL);
  g_assert_cmpuint (kind_notes, ==, 2);

  cockpit_flow_diagram_set_action (self, action, live);
  g_assert_cmpuint (action_notes, ==, 1);
  cockpit_flow_diagram_set_action (self, action, live);
  g_assert_cmpuint (action_notes, ==, 1);
  g_assert_cmpuint (kind_notes, ==, 2);

  /* The description follows the action as it is polled. */
  cockpit_action_set_progress (action, 0.8);
  g_assert_nonnull (strstr (cockpit_flow_diagram_get_description (self), "80 % done"));
  cockpit_action_set_stage (action, COCKPIT_STAGE_SWITCH_TRAFFIC);
  cockpit_stage_set_status (cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_VERIFY_REPLICA),
                            COCKPIT_STAGE_STATUS_DONE);
  cockpit_stage_set_status (cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_SWITCH_TRAFFIC),
                            COCKPIT_STAGE_STATUS_RUNNING);
  g_assert_nonnull (strstr (cockpit_flow_diagram_get_description (self),
                            "stage 4 of 5, Switch traffic"));
  cockpit_action_set_status (action, COCKPIT_ACTION_STATUS_SUCCEEDED);
  g_assert_true (g_str_has_prefix (cockpit_flow_diagram_get_description (self),
                                   "Upgrade finished"));

  cockpit_flow_diagram_set_action (self, other, live);
  g_assert_cmpuint (action_notes, ==, 2);
  g_assert_true (g_str_has_prefix (cockpit_flow_diagram_get_description (self),
                                   "Failed at Verify replica: "));

  /* The replaced action no longer reaches the diagram. */
  cockpit_action_set_progress (action, 0.1);
  g_assert_true (g_str_has_prefix (cockpit_flow_diagram_get_description (self), "Failed at"));

  cockpit_flow_diagram_set_action (self, NULL, live);
  g_assert_cmpuint (action_notes, ==, 3);
  g_assert_true (g_str_has_prefix (cockpit_flow_diagram_get_description (self), "Plan: "));

  g_assert_finalize_object (diagram);
}

/* Adds the font size of @layout's text to @sizes: relative to the body's,
 * or minus its size in Pango units when set in points. */
static void
add_text_size (GArray      *sizes,
               PangoLayout *layout)
{
  PangoAttrList *attrs;
  double size = 1.0;

  if (layout == NULL)
    return;
  attrs = pango_layout_get_attributes (layout);
  if (attrs != NULL)
    {
      GSList *list = pango_attr_list_get_attributes (attrs);

      for (GSList *l = list; l != NULL; l = l->next)
        if (((PangoAttribute *) l->data)->klass->type == PANGO_ATTR_SCALE)
          size = ((PangoAttrFloat *) l->data)->value;
        else if (((PangoAttribute *) l->data)->klass->type == PANGO_ATTR_SIZE)
          size = -((PangoAttrSize *) l->data)->size;  /* in points, apart from the relative ones */
      g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
    }
  for (guint i = 0; i < sizes->len; i++)
    if (g_array_index (sizes, double, i) == size)
      return;
  g_array_append_val (sizes, size);
}

/* The sizes of text the drawing uses: each size new to the window is a
 * font to find and open (docs/performance.md), so it keeps to three. */
static guint
count_text_sizes (const CockpitFlowLayout *layout)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayout *texts[] = {
    layout->blue_title, layout->blue_version, layout->green_title, layout->green_version,
    layout->fate_text, layout->node_caption, layout->arrow_caption,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    add_text_size (sizes, texts[i]);
  for (guint i = 0; i < COCKPIT_FLOW_MAX_STEPS; i++)
    {
      add_text_size (sizes, layout->step_number[i]);
      add_text_size (sizes, layout->step_label[i]);
      add_text_size (sizes, layout->step_caption[i]);
    }
  return sizes->len;
}

static void
test_state (gconstpointer data)
{
  const DiagramCase *diagram_case = data;
  g_autoptr(CockpitAction) action = NULL;
  g_autoptr(CockpitEnvironment) env = make_environment (diagram_case->kind,
                                                        diagram_case->from_version);
  Fixture fixture;

  if (diagram_case->json != NULL)
    action = decode_action (diagram_case->json);

  fixture_open (&fixture, diagram_case->width);
  if (action != NULL)
    cockpit_flow_diagram_set_action (fixture.diagram, action, env);
  else
    cockpit_flow_diagram_set_plan (fixture.diagram, env, diagram_case->to_version);

  for (guint i = 0; i < G_N_ELEMENTS (diagram_case->expected); i++)
    {
      const char *description = cockpit_flow_diagram_get_description (fixture.diagram);

      if (diagram_case->expected[i] == NULL)
        break;
      if (strstr (description, diagram_case->expected[i]) == NULL)
        g_error ("“%s” does not contain “%s”", description, diagram_case->expected[i]);
    }

  for (int dark = 0; dark <= 1; dark++)
    {
      g_autofree char *name = g_strdup_printf ("flow-diagram-%s-%s", diagram_case->name,
                                               dark ? "dark" : "light");

      set_style (dark);
      cockpit_test_wait_for_draw (GTK_WIDGET (fixture.diagram));

      /* The diagram fits the window, and the window does not grow. */
      g_assert_cmpint (gtk_widget_get_width (fixture.content), ==, diagram_case->width);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture.diagram)), ==,
                       diagram_case->width - 48);
      cockpit_test_save_screenshot (fixture.content, name);
    }
  g_assert_cmpuint (count_text_sizes (&fixture.diagram->layout), <=, 3);

  set_style (FALSE);
  fixture_close (&fixture);
}

/* The diagram names every stage of the model's plan with the model's
 * label, the one the environment card uses too. */
static void
test_model_labels (void)
{
  GtkWidget *diagram = g_object_ref_sink (cockpit_flow_diagram_new ());

  for (CockpitEnvironmentKind kind = COCKPIT_ENVIRONMENT_KIND_LIVE;
       kind <= COCKPIT_ENVIRONMENT_KIND_INTEGRATION; kind++)
    {
      const char *description;
      const CockpitStageName *plan;
      guint n = 0;

      g_autoptr(CockpitEnvironment) env = make_environment (kind, "6.3.18");

      cockpit_flow_diagram_set_plan (COCKPIT_FLOW_DIAGRAM (diagram), env, "6.3.21");
      description = cockpit_flow_diagram_get_description (COCKPIT_FLOW_DIAGRAM (diagram));
      plan = cockpit_stage_plan (COCKPIT_ACTION_KIND_UPGRADE, kind, &n);
      for (guint i = 0; i < n; i++)
        {
          const char *label = cockpit_stage_name_get_label (plan[i]);

          if (strstr (description, label) == NULL)
            g_error ("“%s” does not contain “%s”", description, label);
        }
    }
  g_assert_finalize_object (diagram);
}

/* A finished upgrade seen after a restart shows the versions it went
 * from and to, not the environment's version of now twice. */
static void
test_versions_from_action (void)
{
  g_autoptr(CockpitAction) action = decode_action (finished_json);
  g_autoptr(CockpitEnvironment) live = make_environment (COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.21");
  Fixture fixture;

  fixture_open (&fixture, 1000);
  cockpit_flow_diagram_set_action (fixture.diagram, action, live);
  g_assert_cmpstr (cockpit_flow_diagram_get_from_text (fixture.diagram), ==, "6.3.19");
  g_assert_cmpstr (cockpit_flow_diagram_get_to_text (fixture.diagram), ==, "6.3.21");
  cockpit_test_save_screenshots (GTK_WIDGET (fixture.content), "flow-diagram-finished-after-restart");
  fixture_close (&fixture);
}

/* After a teardown the environment has no version: the diagram says it
 * was torn down, not "Current version". */
static void
test_teardown (void)
{
  g_autoptr(CockpitAction) action = decode_action (teardown_json);
  g_autoptr(CockpitEnvironment) uat = make_environment (COCKPIT_ENVIRONMENT_KIND_UAT, NULL);
  Fixture fixture;

  fixture_open (&fixture, 1000);
  cockpit_flow_diagram_set_action (fixture.diagram, action, uat);
  g_assert_cmpstr (cockpit_flow_diagram_get_from_text (fixture.diagram), ==, "Torn down");
  g_assert_null (cockpit_flow_diagram_get_to_text (fixture.diagram));
  cockpit_test_save_screenshots (GTK_WIDGET (fixture.content), "flow-diagram-torn-down");

  /* Nor does a plan for a torn-down environment make a version up. */
  cockpit_flow_diagram_set_plan (fixture.diagram, uat, NULL);
  g_assert_cmpstr (cockpit_flow_diagram_get_from_text (fixture.diagram), ==, "Not set up");
  g_assert_cmpstr (cockpit_flow_diagram_get_to_text (fixture.diagram), ==, "No newer version");
  fixture_close (&fixture);
}

static void
frame_cb (GdkFrameClock *clock,
          guint         *frames)
{
  (*frames)++;
}

/* The frames @widget's window draws in @ms milliseconds. */
static guint
count_frames (GtkWidget *widget,
              guint      ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;
  guint frames = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_cb), &frames);
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_signal_handler_disconnect (clock, handler);
  return frames;
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

/* While an action runs on screen, the running stage breathes twice when
 * the action moves and the drawn progress eases to the polled one
 * (AdwTimedAnimation), then it rests and draws no frame until the next
 * change; with animations turned off, live, nothing pulses and the
 * progress jumps; a finished or hidden action draws no frame at all. */
static void
test_animation (void)
{
  g_autoptr(CockpitAction) action = decode_action (RUNNING_ACTION_JSON);
  g_autoptr(CockpitEnvironment) live = make_environment (COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18");
  GtkWidget *diagram;
  Fixture fixture;

  set_animations (TRUE);
  fixture_open (&fixture, 1000);
  diagram = GTK_WIDGET (fixture.diagram);

  cockpit_flow_diagram_set_action (fixture.diagram, action, live);
  cockpit_test_wait_for_draw (diagram);
  g_assert_true (cockpit_flow_diagram_get_pulsing (fixture.diagram));
  g_assert_cmpfloat (cockpit_flow_diagram_get_shown_progress (fixture.diagram), ==, 0.5);
  g_assert_cmpuint (count_frames (diagram, 300), >, 0);

  /* At rest between two polls: no frame, though the action runs. */
  wait_ms (4000);
  g_assert_false (cockpit_flow_diagram_get_pulsing (fixture.diagram));
  g_assert_cmpuint (count_frames (diagram, 500), ==, 0);

  /* Eased, not jumped, and breathing again. */
  cockpit_action_set_progress (action, 0.55);
  g_assert_cmpfloat (cockpit_flow_diagram_get_shown_progress (fixture.diagram), <, 0.55);
  g_assert_true (cockpit_flow_diagram_get_pulsing (fixture.diagram));
  wait_ms (1200);
  g_assert_cmpfloat_with_epsilon (cockpit_flow_diagram_get_shown_progress (fixture.diagram),
                                  0.55, 1e-9);

  /* The system's setting is followed while the diagram is on screen. */
  set_animations (FALSE);
  g_assert_false (cockpit_flow_diagram_get_pulsing (fixture.diagram));
  cockpit_action_set_progress (action, 0.6);
  g_assert_cmpfloat (cockpit_flow_diagram_get_shown_progress (fixture.diagram), ==, 0.6);
  cockpit_test_wait_for_draw (diagram);
  g_assert_cmpuint (count_frames (diagram, 500), ==, 0);
  set_animations (TRUE);
  g_assert_true (cockpit_flow_diagram_get_pulsing (fixture.diagram));

  /* Finished: still. */
  cockpit_action_set_status (action, COCKPIT_ACTION_STATUS_SUCCEEDED);
  g_assert_false (cockpit_flow_diagram_get_pulsing (fixture.diagram));
  g_assert_true (g_str_has_prefix (cockpit_flow_diagram_get_description (fixture.diagram),
                                   "Upgrade finished"));
  wait_ms (300);
  g_assert_cmpuint (count_frames (diagram, 500), ==, 0);

  /* Hidden: still, and running again once shown. */
  gtk_widget_set_visible (diagram, FALSE);
  cockpit_action_set_status (action, COCKPIT_ACTION_STATUS_RUNNING);
  g_assert_false (cockpit_flow_diagram_get_pulsing (fixture.diagram));
  gtk_widget_set_visible (diagram, TRUE);
  cockpit_test_wait_for_draw (diagram);
  g_assert_true (cockpit_flow_diagram_get_pulsing (fixture.diagram));
  fixture_close (&fixture);
}

/* A text of the diagram's layout, watched: NULL once the layout that
 * held it is gone. */
static PangoLayout *
watch_layout_text (CockpitFlowDiagram  *diagram,
                   PangoLayout        **watched)
{
  *watched = diagram->layout.step_label[0];
  g_assert_nonnull (*watched);
  g_object_add_weak_pointer (G_OBJECT (*watched), (gpointer *) watched);
  return *watched;
}

static void
unwatch_layout_text (PangoLayout **watched)
{
  if (*watched != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*watched), (gpointer *) watched);
}

/* Measuring, allocating and drawing at one width lay the 15 texts out
 * once; the eased progress and the pulse draw again without laying
 * out; a new stage, new fonts or a new width lay out again. */
static void
test_layout_once (void)
{
  g_autoptr(CockpitAction) action = decode_action (RUNNING_ACTION_JSON);
  g_autoptr(CockpitEnvironment) live = make_environment (COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18");
  PangoLayout *watched = NULL;
  Fixture fixture;

  set_animations (TRUE);
  fixture_open (&fixture, 1000);
  cockpit_flow_diagram_set_action (fixture.diagram, action, live);
  cockpit_test_wait_for_draw (GTK_WIDGET (fixture.diagram));
  g_assert_cmpint (fixture.diagram->layout_width, ==, gtk_widget_get_width (GTK_WIDGET (fixture.diagram)));

  /* The progress eases over frames, each drawn from the same layout. */
  watch_layout_text (fixture.diagram, &watched);
  cockpit_action_set_progress (action, 0.55);
  g_assert_cmpuint (count_frames (GTK_WIDGET (fixture.diagram), 400), >, 0);
  g_assert_nonnull (watched);
  unwatch_layout_text (&watched);

  /* The next stage: new texts, a new layout. */
  watch_layout_text (fixture.diagram, &watched);
  cockpit_action_set_stage (action, COCKPIT_STAGE_SWITCH_TRAFFIC);
  cockpit_stage_set_status (cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_VERIFY_REPLICA),
                            COCKPIT_STAGE_STATUS_DONE);
  cockpit_stage_set_status (cockpit_action_get_stage_by_name (action, COCKPIT_STAGE_SWITCH_TRAFFIC),
                            COCKPIT_STAGE_STATUS_RUNNING);
  cockpit_test_wait_for_draw (GTK_WIDGET (fixture.diagram));
  g_assert_null (watched);

  /* Another width: laid out for it. */
  watch_layout_text (fixture.diagram, &watched);
  gtk_window_set_default_size (fixture.window, 700, 420);
  gtk_widget_queue_resize (GTK_WIDGET (fixture.diagram));
  cockpit_test_wait_for_draw (GTK_WIDGET (fixture.diagram));
  g_assert_null (watched);
  g_assert_cmpint (fixture.diagram->layout_width, ==, gtk_widget_get_width (GTK_WIDGET (fixture.diagram)));

  /* Dark style: new colours, the same layout; another font: a new one. */
  watch_layout_text (fixture.diagram, &watched);
  set_style (TRUE);
  cockpit_test_wait_for_draw (GTK_WIDGET (fixture.diagram));
  set_style (FALSE);
  cockpit_test_wait_for_draw (GTK_WIDGET (fixture.diagram));
  gtk_widget_add_css_class (GTK_WIDGET (fixture.diagram), "title-4");
  cockpit_test_wait_for_draw (GTK_WIDGET (fixture.diagram));
  g_assert_null (watched);
  unwatch_layout_text (&watched);

  fixture_close (&fixture);
}

static GBytes *
screenshot_bytes (GtkWidget  *widget,
                  const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "screenshots", file, NULL);
  char *contents = NULL;
  gsize length = 0;

  cockpit_test_wait_for_draw (widget);
  cockpit_test_save_screenshot (widget, name);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

/* The desktop's high contrast, turned on and off while the diagram is on
 * screen: it is drawn again, with the stronger lines of high contrast. */
static void
test_high_contrast (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE);
  g_autoptr(GSettings) a11y = NULL;
  g_autoptr(CockpitAction) action = decode_action (failed_json);
  g_autoptr(CockpitEnvironment) live = make_environment (COCKPIT_ENVIRONMENT_KIND_LIVE, "6.3.18");
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GBytes) normal = NULL;
  g_autoptr(GBytes) high = NULL;
  g_autoptr(GBytes) back = NULL;
  Fixture fixture;

  if (schema == NULL)
    {
      g_test_skip ("org.gnome.desktop.a11y.interface is not installed (Debian package gsettings-desktop-schemas)");
      return;
    }
  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  set_animations (FALSE);
  set_style (FALSE);
  fixture_open (&fixture, 640);
  cockpit_flow_diagram_set_action (fixture.diagram, action, live);
  normal = screenshot_bytes (fixture.content, "flow-diagram-contrast-normal");

  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  while (!adw_style_manager_get_high_contrast (manager))
    g_main_context_iteration (NULL, TRUE);
  high = screenshot_bytes (fixture.content, "flow-diagram-contrast-high");
  g_assert_false (g_bytes_equal (normal, high));
  g_assert_cmpstr (cockpit_flow_diagram_get_description (fixture.diagram), !=, "");

  g_settings_set_boolean (a11y, "high-contrast", FALSE);
  while (adw_style_manager_get_high_contrast (manager))
    g_main_context_iteration (NULL, TRUE);
  back = screenshot_bytes (fixture.content, "flow-diagram-contrast-normal-again");
  g_assert_false (g_bytes_equal (back, high));
  g_assert_true (g_bytes_equal (back, normal));

  fixture_close (&fixture);
  set_animations (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/flow-diagram/create-destroy", test_create_destroy);
  g_test_add_func ("/cockpit/flow-diagram/properties", test_properties);
  g_test_add_func ("/cockpit/flow-diagram/animation", test_animation);
  g_test_add_func ("/cockpit/flow-diagram/layout-once", test_layout_once);
  g_test_add_func ("/cockpit/flow-diagram/model-labels", test_model_labels);
  g_test_add_func ("/cockpit/flow-diagram/versions-from-action", test_versions_from_action);
  g_test_add_func ("/cockpit/flow-diagram/teardown", test_teardown);
  g_test_add_func ("/cockpit/flow-diagram/high-contrast", test_high_contrast);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cockpit/flow-diagram/state/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_state);
    }

  return g_test_run ();
}
