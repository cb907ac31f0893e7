/* cockpit-session-plans.c: the packages' upgrade plans, followed from refresh to refresh.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cockpit runs a plan; the app learns where it is from the package's
 * active_plan at each refresh.  This part of the session compares each
 * refresh with the one before and says what the user should hear of: a
 * step waiting for their approval, a step the cockpit started by itself
 * (a soak gate, a start time), and the end of a plan, which it reads
 * from GET /plans/{id} once the plan has left active_plan.  It also
 * asks for a refresh at the moments a plan moves on by itself, and often
 * while a step runs, so that what is shown follows the plan.  It knows
 * the session's client and packages, not the session: what it sees, it
 * tells by its signals, and the session emits them again as its own.
 */
#include "config.h"

#include "cockpit-session-plans-private.h"

/* How often the packages are read while a plan step runs, and how long
 * after a gate's or a start's time (the cockpit's clock may be a little
 * behind ours). */
#define RUNNING_POLL_SECONDS  5
#define DUE_GRACE_SECONDS     2

typedef struct {
  char        *plan_id;      /* the active plan seen last, or NULL */
  char        *fingerprint;  /* where that plan stood */
  CockpitPlan *ended;        /* the last plan seen end, to show */
} Followed;

struct _CockpitSessionPlans
{
  GObject parent_instance;

  /* Owned references */
  CockpitClient  *client;
  GListModel     *packages;  /* the session's, merged in place */

  GHashTable     *followed;  /* package id → Followed */
  GHashTable     *said;      /* "event:plan:environment" already said */
  GCancellable   *cancellable;
  guint           timeout_id;
  gboolean        primed;    /* a first refresh was seen */
};

G_DEFINE_FINAL_TYPE (CockpitSessionPlans, cockpit_session_plans, G_TYPE_OBJECT)

enum {
  PLAN_CHANGED,
  PLAN_EVENT,
  REFRESH_DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
followed_free (Followed *followed)
{
  g_free (followed->plan_id);
  g_free (followed->fingerprint);
  g_clear_object (&followed->ended);
  g_free (followed);
}

CockpitSessionPlans *
_cockpit_session_plans_new (CockpitClient *client,
                            GListModel    *packages)
{
  CockpitSessionPlans *self = g_object_new (COCKPIT_TYPE_SESSION_PLANS, NULL);

  self->client = g_object_ref (client);
  self->packages = g_object_ref (packages);
  return self;
}

static void
cockpit_session_plans_dispose (GObject *object)
{
  CockpitSessionPlans *self = (CockpitSessionPlans *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (cockpit_session_plans_parent_class)->dispose (object);
}

static void
cockpit_session_plans_finalize (GObject *object)
{
  CockpitSessionPlans *self = (CockpitSessionPlans *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->packages);
  g_hash_table_unref (self->followed);
  g_hash_table_unref (self->said);

  G_OBJECT_CLASS (cockpit_session_plans_parent_class)->finalize (object);
}

static void
cockpit_session_plans_class_init (CockpitSessionPlansClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cockpit_session_plans_dispose;
  object_class->finalize = cockpit_session_plans_finalize;

  /* The session emits these again as its own signals of the same names. */
  signals[PLAN_CHANGED] =
    g_signal_new ("plan-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_PACKAGE);
  signals[PLAN_EVENT] =
    g_signal_new ("plan-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  COCKPIT_TYPE_PACKAGE, COCKPIT_TYPE_PLAN, G_TYPE_INT);
  /* A plan moves on by itself about now, or a step runs: the packages
   * should be read again. */
  signals[REFRESH_DUE] =
    g_signal_new ("refresh-due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cockpit_session_plans_init (CockpitSessionPlans *self)
{
  self->followed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) followed_free);
  self->said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

static Followed *
followed_of (CockpitSessionPlans *self,
             const char          *package_id)
{
  Followed *followed = g_hash_table_lookup (self->followed, package_id);

  if (followed == NULL)
    {
      followed = g_new0 (Followed, 1);
      g_hash_table_insert (self->followed, g_strdup (package_id), followed);
    }
  return followed;
}

/* Everything about a plan that the user sees change. */
static char *
fingerprint (CockpitPlan *plan)
{
  GString *text = g_string_new (NULL);
  GListModel *steps = cockpit_plan_get_steps (plan);

  g_string_append_printf (text, "%s %d", cockpit_plan_get_id (plan), cockpit_plan_get_status (plan));
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(CockpitPlanStep) step = g_list_model_get_item (steps, i);
      GDateTime *opens = cockpit_plan_step_get_gate_opens_at (step);
      g_autofree char *ids = g_strjoinv (",", (char **) cockpit_plan_step_get_action_ids (step));

      g_string_append_printf (text, "|%d %d %s %" G_GINT64_FORMAT " %s",
                              cockpit_plan_step_get_environment (step), cockpit_plan_step_get_status (step),
                              ids, opens ? g_date_time_to_unix (opens) : 0,
                              cockpit_plan_step_get_approved_by (step) ? "a" : "-");
    }
  return g_string_free (text, FALSE);
}

/* Says @event once for this plan and step. */
static void
say (CockpitSessionPlans *self,
     CockpitPackage      *package,
     CockpitPlan         *plan,
     CockpitPlanStep     *step,
     CockpitPlanEvent     event,
     gboolean             aloud)
{
  g_autofree char *key = g_strdup_printf ("%d:%s:%d", event, cockpit_plan_get_id (plan),
                                          step ? (int) cockpit_plan_step_get_environment (step) : 0);

  if (!g_hash_table_add (self->said, g_steal_pointer (&key)) || !aloud)
    return;
  g_signal_emit (self, signals[PLAN_EVENT], 0, package, plan, (int) event);
}

/* A step the cockpit started by itself: after a soak gate, or the first
 * step of a plan with a start time.  One the user approved is theirs. */
static gboolean
started_by_clock (CockpitPlan     *plan,
                  CockpitPlanStep *step)
{
  g_autoptr(CockpitPlanStep) first = g_list_model_get_item (cockpit_plan_get_steps (plan), 0);

  if (cockpit_plan_step_get_status (step) != COCKPIT_PLAN_STEP_STATUS_RUNNING ||
      cockpit_plan_step_get_approved_by (step) != NULL)
    return FALSE;
  if (step == first)
    return cockpit_plan_get_start_at (plan) != NULL;
  return cockpit_plan_get_gate (plan) == COCKPIT_PLAN_GATE_SOAK;
}

static void
look_at_active (CockpitSessionPlans *self,
                CockpitPackage      *package,
                CockpitPlan         *plan)
{
  CockpitPlanStep *waiting = cockpit_plan_get_step_awaiting_approval (plan);
  CockpitPlanStep *current = cockpit_plan_get_current_step (plan);

  /* A gate found open by the first refresh is said too: the app may have
   * been started at log-in, after it opened. */
  if (waiting != NULL)
    say (self, package, plan, waiting, COCKPIT_PLAN_EVENT_APPROVAL_NEEDED, TRUE);
  if (current != NULL && started_by_clock (plan, current))
    say (self, package, plan, current, COCKPIT_PLAN_EVENT_STEP_STARTED, self->primed);
}

typedef struct {
  CockpitSessionPlans *plans;   /* valid while the cancellable is not cancelled */
  CockpitPackage      *package;
} EndRead;

static void
ended_plan_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  EndRead *read = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CockpitPlan) plan = cockpit_client_plan_finish (COCKPIT_CLIENT (object), result, &error);
  CockpitSessionPlans *self = read->plans;
  g_autoptr(CockpitPackage) package = read->package;
  Followed *followed;

  g_free (read);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (plan == NULL)
    {
      g_debug ("The end of a plan could not be read: %s", error->message);
      return;
    }

  followed = followed_of (self, cockpit_package_get_id (package));
  g_set_object (&followed->ended, plan);
  g_signal_emit (self, signals[PLAN_CHANGED], 0, package);

  switch (cockpit_plan_get_status (plan))
    {
    case COCKPIT_PLAN_STATUS_SUCCEEDED:
      say (self, package, plan, NULL, COCKPIT_PLAN_EVENT_SUCCEEDED, TRUE);
      break;
    case COCKPIT_PLAN_STATUS_FAILED:
      say (self, package, plan, NULL, COCKPIT_PLAN_EVENT_FAILED, TRUE);
      break;
    case COCKPIT_PLAN_STATUS_CANCELLED:
      say (self, package, plan, NULL, COCKPIT_PLAN_EVENT_CANCELLED, TRUE);
      break;
    case COCKPIT_PLAN_STATUS_SCHEDULED:
    case COCKPIT_PLAN_STATUS_RUNNING:
    case COCKPIT_PLAN_STATUS_WAITING:
    default:
      /* Not ended after all (another cockpit's answer in between): the
       * next refresh sees it again. */
      break;
    }
}

static gboolean
due_cb (gpointer user_data)
{
  CockpitSessionPlans *self = user_data;

  self->timeout_id = 0;
  g_signal_emit (self, signals[REFRESH_DUE], 0);
  return G_SOURCE_REMOVE;
}

/* The next moment a plan moves on by itself, in seconds from now; or
 * RUNNING_POLL_SECONDS while a step runs.  G_MAXINT64: never. */
static gint64
next_refresh_in (CockpitPlan *plan,
                 GDateTime   *now)
{
  gint64 best = G_MAXINT64;
  GListModel *steps = cockpit_plan_get_steps (plan);

  if (cockpit_plan_get_status (plan) == COCKPIT_PLAN_STATUS_RUNNING)
    return RUNNING_POLL_SECONDS;
  if (cockpit_plan_get_status (plan) == COCKPIT_PLAN_STATUS_SCHEDULED && cockpit_plan_get_start_at (plan) != NULL)
    best = g_date_time_difference (cockpit_plan_get_start_at (plan), now) / G_TIME_SPAN_SECOND;
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(CockpitPlanStep) step = g_list_model_get_item (steps, i);
      GDateTime *opens = cockpit_plan_step_get_gate_opens_at (step);

      if (cockpit_plan_step_get_status (step) == COCKPIT_PLAN_STEP_STATUS_WAITING && opens != NULL)
        best = MIN (best, g_date_time_difference (opens, now) / G_TIME_SPAN_SECOND);
    }
  if (best == G_MAXINT64)
    return best;
  return MAX (best, 0) + DUE_GRACE_SECONDS;
}

void
_cockpit_session_plans_refreshed (CockpitSessionPlans *self,
                                  GDateTime           *now)
{
  gint64 soonest = G_MAXINT64;

  for (guint i = 0; i < g_list_model_get_n_items (self->packages); i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (self->packages, i);
      CockpitPlan *active = cockpit_package_get_active_plan (package);
      Followed *followed = followed_of (self, cockpit_package_get_id (package));
      g_autofree char *print = active ? fingerprint (active) : NULL;
      gboolean changed = g_strcmp0 (print, followed->fingerprint) != 0;

      /* The plan followed so far has left active_plan: read how it ended. */
      if (followed->plan_id != NULL &&
          (active == NULL || g_strcmp0 (cockpit_plan_get_id (active), followed->plan_id) != 0))
        {
          EndRead *read = g_new0 (EndRead, 1);

          read->plans = self;
          read->package = g_object_ref (package);
          cockpit_client_get_plan_async (self->client, followed->plan_id,
                                         self->cancellable, ended_plan_cb, read);
        }

      if (active != NULL)
        {
          /* A new plan replaces the ended one on show. */
          if (followed->ended != NULL &&
              g_strcmp0 (cockpit_plan_get_id (followed->ended), cockpit_plan_get_id (active)) != 0)
            g_clear_object (&followed->ended);
          look_at_active (self, package, active);
          soonest = MIN (soonest, next_refresh_in (active, now));
        }

      g_free (followed->plan_id);
      followed->plan_id = active ? g_strdup (cockpit_plan_get_id (active)) : NULL;
      g_free (followed->fingerprint);
      followed->fingerprint = g_steal_pointer (&print);
      if (changed)
        g_signal_emit (self, signals[PLAN_CHANGED], 0, package);
    }

  self->primed = TRUE;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (soonest != G_MAXINT64)
    self->timeout_id = g_timeout_add_seconds ((guint) MIN (soonest, 24 * 3600), due_cb, self);
}

CockpitPlan *
_cockpit_session_plans_get (CockpitSessionPlans *self,
                            CockpitPackage      *package)
{
  Followed *followed;

  if (cockpit_package_get_active_plan (package) != NULL)
    return cockpit_package_get_active_plan (package);
  followed = g_hash_table_lookup (self->followed, cockpit_package_get_id (package));
  return followed != NULL ? followed->ended : NULL;
}

CockpitPlan *
_cockpit_session_plans_find (CockpitSessionPlans *self,
                             const char          *plan_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->packages); i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (self->packages, i);
      CockpitPlan *plan = _cockpit_session_plans_get (self, package);

      if (plan != NULL && g_strcmp0 (cockpit_plan_get_id (plan), plan_id) == 0)
        return plan;
    }
  return NULL;
}

void
_cockpit_session_plans_answered (CockpitSessionPlans *self,
                                 CockpitPackage      *package,
                                 CockpitPlan         *plan)
{
  CockpitPlan *active = cockpit_package_get_active_plan (package);
  Followed *followed = followed_of (self, cockpit_package_get_id (package));

  if (cockpit_plan_is_active (plan))
    {
      if (active != NULL && g_strcmp0 (cockpit_plan_get_id (active), cockpit_plan_get_id (plan)) == 0)
        cockpit_json_update (active, plan);
      else
        cockpit_package_set_active_plan (package, plan);
      active = cockpit_package_get_active_plan (package);
      if (followed->ended != NULL)
        g_clear_object (&followed->ended);
      look_at_active (self, package, active);
      g_free (followed->plan_id);
      followed->plan_id = g_strdup (cockpit_plan_get_id (active));
      g_free (followed->fingerprint);
      followed->fingerprint = fingerprint (active);
    }
  else
    {
      /* Ended by the user's own hand (a cancel): shown, and not said. */
      if (active != NULL && g_strcmp0 (cockpit_plan_get_id (active), cockpit_plan_get_id (plan)) == 0)
        cockpit_package_set_active_plan (package, NULL);
      g_set_object (&followed->ended, plan);
      g_clear_pointer (&followed->plan_id, g_free);
      g_clear_pointer (&followed->fingerprint, g_free);
      say (self, package, plan, NULL, COCKPIT_PLAN_EVENT_CANCELLED, FALSE);
      say (self, package, plan, NULL, COCKPIT_PLAN_EVENT_SUCCEEDED, FALSE);
      say (self, package, plan, NULL, COCKPIT_PLAN_EVENT_FAILED, FALSE);
    }

  g_signal_emit (self, signals[PLAN_CHANGED], 0, package);
}
