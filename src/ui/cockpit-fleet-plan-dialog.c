/* cockpit-fleet-plan-dialog.c: "Plan an Upgrade…" for several packages of the fleet at once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One version, the same environments (as kinds), and the same gate,
 * start, backup of Live and checklist as the one-package dialog (the
 * shared CockpitPlanOptions); one plan per package.  Before anything is
 * sent, every package is checked with the model's rules
 * (cockpit_rules_check_plan() and cockpit_rules_check_plan_environment())
 * and the ones that cannot be planned are listed with the reason; then
 * every request is checked with cockpit_plan_request_check(), and a start
 * that has passed (or is too far ahead) is said once, above everything,
 * with nothing sent.  Each package's plan goes with its own
 * Idempotency-Key, made once for the dialog's life, and its answer
 * (created, or the cockpit's refusal in the client's words) is shown on
 * its row.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cockpit-a11y.h"
#include "cockpit-async.h"
#include "cockpit-clamp.h"
#include "cockpit-fleet-plan-dialog.h"
#include "cockpit-fleet-plan-row.h"
#include "cockpit-plan-options.h"
#include "cockpit-upgrade-texts.h"
#include "cockpit-window.h"

#define N_KINDS 3

typedef struct {
  CockpitFleetPlanState   state;
  char                   *text;
  char                   *idempotency_key;
  CockpitEnvironmentKind  kinds[N_KINDS];
  guint                   n_kinds;
} Entry;

struct _CockpitFleetPlanDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkWidget          *scroller;
  GtkWidget          *create_button;
  GtkLabel           *error_label;
  GtkWidget          *choices_group;
  GtkDropDown        *version_dropdown;
  GtkCheckButton     *integration_check;
  GtkCheckButton     *uat_check;
  GtkCheckButton     *live_check;
  GtkListBox         *packages_box;
  CockpitPlanOptions *options;

  /* Owned references */
  CockpitSession    *session;
  GListStore        *packages;     /* CockpitPackage */
  GtkStringList     *versions;     /* offered for every package that may be planned */
  GHashTable        *entries;      /* package id → Entry */

  /* State */
  guint              pending;
  gboolean           started;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (CockpitFleetPlanDialog, cockpit_fleet_plan_dialog, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CockpitEnvironmentKind kinds[N_KINDS] = {
  COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
  COCKPIT_ENVIRONMENT_KIND_UAT,
  COCKPIT_ENVIRONMENT_KIND_LIVE,
};

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->text);
  g_free (entry->idempotency_key);
  g_free (entry);
}

static GtkCheckButton *
check_of (CockpitFleetPlanDialog *self,
          guint                   i)
{
  GtkCheckButton *checks[N_KINDS] = { self->integration_check, self->uat_check, self->live_check };

  return checks[i];
}

static Entry *
entry_of (CockpitFleetPlanDialog *self,
          CockpitPackage         *package)
{
  return g_hash_table_lookup (self->entries, cockpit_package_get_id (package));
}

static const char *
selected_version (CockpitFleetPlanDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->versions, selected);
}

static void
show_error (CockpitFleetPlanDialog *self,
            const char             *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

static void
set_entry (Entry                 *entry,
           CockpitFleetPlanState  state,
           char                  *text)
{
  entry->state = state;
  g_free (entry->text);
  entry->text = text;
}

/* Whether @package may be planned with the choices made, and which of its
 * environments; the reason when it may not. */
static void
check_package (CockpitFleetPlanDialog *self,
               CockpitPackage         *package,
               GDateTime              *now,
               const char             *version)
{
  GListModel *releases = cockpit_session_get_releases (self->session);
  Entry *entry = entry_of (self, package);
  g_autofree char *message = NULL;
  g_autoptr(GString) reasons = g_string_new (NULL);
  GString *text;

  entry->n_kinds = 0;
  if (cockpit_rules_check_plan (package, releases, now, &message) != COCKPIT_BLOCK_NONE)
    {
      set_entry (entry, COCKPIT_FLEET_PLAN_REFUSED,
                 message != NULL ? g_steal_pointer (&message) : g_strdup (_("This package cannot be planned now.")));
      return;
    }
  if (version == NULL)
    {
      set_entry (entry, COCKPIT_FLEET_PLAN_REFUSED, g_strdup (_("Choose a version.")));
      return;
    }

  text = g_string_new (NULL);
  for (guint i = 0; i < N_KINDS; i++)
    {
      CockpitEnvironment *env;
      g_autoptr(GListStore) offered = NULL;
      g_autofree char *reason = NULL;

      if (!gtk_check_button_get_active (check_of (self, i)))
        continue;
      env = cockpit_package_get_environment (package, kinds[i]);
      if (env == NULL)
        continue;
      offered = cockpit_rules_offered_versions (env, releases);
      if (cockpit_rules_check_plan_environment (package, env, version, G_LIST_MODEL (offered), now,
                                                &reason) == COCKPIT_BLOCK_NONE)
        entry->kinds[entry->n_kinds++] = kinds[i];
      else
        {
          if (reason == NULL)
            /* Translators: "Live cannot be upgraded to this version." */
            reason = g_strdup_printf (_("%s cannot be upgraded to this version."),
                                      cockpit_environment_kind_get_label (kinds[i]));
          if (reasons->len > 0)
            g_string_append_c (reasons, ' ');
          g_string_append (reasons, reason);
        }
    }

  if (entry->n_kinds == 0)
    {
      set_entry (entry, COCKPIT_FLEET_PLAN_REFUSED,
                 reasons->len > 0 ? g_strdup (reasons->str)
                                  : g_strdup (_("None of the chosen environments can be upgraded.")));
      g_string_free (text, TRUE);
      return;
    }

  for (guint i = 0; i < entry->n_kinds; i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, cockpit_environment_kind_get_label (entry->kinds[i]));
    }
  {
    /* Translators: "Integration, UAT → 6.4.3" */
    g_autofree char *planned = g_strdup_printf (_("%s → %s"), text->str, version);

    g_string_assign (text, planned);
  }
  if (reasons->len > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: the environments left out of a plan, and why */
      g_string_append_printf (text, _("Left out: %s"), reasons->str);
    }
  set_entry (entry, COCKPIT_FLEET_PLAN_ALLOWED, g_string_free (text, FALSE));
}

static guint
count_state (CockpitFleetPlanDialog *self,
             CockpitFleetPlanState   state)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Entry *) value)->state == state;
  return n;
}

static void
refresh_rows (CockpitFleetPlanDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));

  /* The rows are made again from the entries. */
  g_list_model_items_changed (G_LIST_MODEL (self->packages), 0, n, n);
}

/* "Sunday 6 December 2026 at 06:00 (2026-12-06 06:00 UTC)" */
static char *
format_start (GDateTime *start)
{
  g_autofree char *local = cockpit_format_date_time (start, COCKPIT_DATE_LONG);
  g_autofree char *utc = cockpit_format_date_time (start, COCKPIT_DATE_UTC);

  /* Translators: a time in local time, then the same in UTC */
  return g_strdup_printf (_("%s (%s)"), local, utc);
}

/* What happens, before the plans are made; the answers after. */
static char *
dup_summary (CockpitFleetPlanDialog   *self,
             const CockpitPlanRequest *common,
             guint                     n_chosen)
{
  guint allowed = count_state (self, COCKPIT_FLEET_PLAN_ALLOWED);
  guint refused = count_state (self, COCKPIT_FLEET_PLAN_REFUSED);
  GString *summary;

  if (self->started)
    {
      guint created = count_state (self, COCKPIT_FLEET_PLAN_CREATED);
      guint failed = count_state (self, COCKPIT_FLEET_PLAN_FAILED);

      if (self->pending > 0)
        return g_strdup (_("Creating the plans…"));
      /* Translators: "2 plans created, 1 refused by the cockpit." */
      return g_strdup_printf (ngettext ("%u plan created, %u refused by the cockpit.",
                                        "%u plans created, %u refused by the cockpit.", created),
                              created, failed);
    }
  if (allowed == 0)
    return g_strdup (_("None of these packages can be planned with these choices."));

  summary = g_string_new (NULL);
  g_string_append_printf (summary, ngettext ("%u package gets its own plan.",
                                             "%u packages get a plan each.", allowed),
                          allowed);
  g_string_append_c (summary, ' ');
  if (n_chosen > 1)
    {
      if (common->gate == COCKPIT_PLAN_GATE_SOAK)
        g_string_append_printf (summary,
                                ngettext ("After each environment, a plan waits %u hour, then goes on by itself.",
                                          "After each environment, a plan waits %u hours, then goes on by itself.",
                                          common->soak_hours),
                                common->soak_hours);
      else
        g_string_append (summary, _("After each environment, a plan waits for your approval."));
      g_string_append_c (summary, ' ');
    }
  if (common->start_at == NULL)
    g_string_append (summary, _("The plans start as soon as they are created."));
  else
    {
      g_autofree char *when = format_start (common->start_at);

      /* Translators: "The plans start on Sunday 6 December 2026 at 06:00 (2026-12-06 06:00 UTC)." */
      g_string_append_printf (summary, _("The plans start on %s."), when);
    }
  if (common->back_up_live_first)
    {
      g_string_append_c (summary, ' ');
      g_string_append (summary, _("Live is backed up first in each plan that upgrades it."));
    }
  if (refused > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, ngettext ("%u package cannot be planned and is left out.",
                                                 "%u packages cannot be planned and are left out.", refused),
                              refused);
    }
  g_string_append_c (summary, ' ');
  g_string_append (summary, _("The cockpit runs the plans, so they go on while this computer is off. If an upgrade fails, its plan stops there and nothing after it is upgraded."));
  return g_string_free (summary, FALSE);
}

static void
update (CockpitFleetPlanDialog *self)
{
  g_auto(CockpitPlanRequest) common = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *tested = NULL;
  g_autofree char *confirmed_for = NULL;
  const char *version;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));
  guint n_chosen = 0;
  CockpitEnvironmentKind chosen = COCKPIT_ENVIRONMENT_KIND_LIVE;
  gboolean live;

  if (self->updating)
    return;
  self->updating = TRUE;

  version = selected_version (self);
  for (guint i = 0; i < N_KINDS; i++)
    if (gtk_check_button_get_active (check_of (self, i)))
      {
        chosen = kinds[i];
        n_chosen++;
      }
  live = gtk_check_button_get_active (self->live_check);
  cockpit_plan_options_set_show_gate (self->options, n_chosen > 1);
  cockpit_plan_options_set_live_included (self->options, live);
  /* What is the same in every plan: the gate, the start, the backup. */
  cockpit_plan_options_fill_request (self->options, &common);

  if (!self->started)
    {
      now = cockpit_session_dup_now (self->session);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CockpitPackage) package = g_list_model_get_item (G_LIST_MODEL (self->packages), i);

          check_package (self, package, now, version);
        }
    }
  refresh_rows (self);

  summary = dup_summary (self, &common, n_chosen);
  cockpit_plan_options_set_texts (self->options, summary, NULL,
                                  live ? cockpit_upgrade_text_previous (COCKPIT_ENVIRONMENT_KIND_LIVE) : NULL);

  /* The checklist, as for one package: the release notes, and the
   * testing of the environments in their order or between the gates. */
  if (version != NULL && n_chosen > 0)
    {
      notes = cockpit_upgrade_text_read_notes (version);
      tested = n_chosen == 1 ? cockpit_upgrade_text_tested_in_order (chosen)
                             : cockpit_upgrade_text_tested_between (common.gate, common.soak_hours);
      /* The ticks confirm one version on some environments with one gate. */
      confirmed_for = g_strdup_printf ("%s/%d%d%d/%u/%u", version,
                                       gtk_check_button_get_active (self->integration_check),
                                       gtk_check_button_get_active (self->uat_check), live,
                                       n_chosen > 1 ? common.gate : 0, n_chosen > 1 ? common.soak_hours : 0);
    }
  cockpit_plan_options_set_checklist (self->options, notes, tested, confirmed_for);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fleet-plan.create",
                                 !self->started && count_state (self, COCKPIT_FLEET_PLAN_ALLOWED) > 0 &&
                                 cockpit_plan_options_get_checklist_complete (self->options));
  self->updating = FALSE;
}

static void
inputs_changed_cb (CockpitFleetPlanDialog *self)
{
  update (self);
}

/* Creating ------------------------------------------------------------------- */

typedef struct {
  gpointer  weak;
  char     *package_id;
} CreateData;

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CreateData *data = user_data;
  g_autoptr(CockpitFleetPlanDialog) self = cockpit_weak_steal (data->weak);
  g_autofree char *package_id = data->package_id;
  g_autoptr(CockpitPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;

  g_free (data);
  plan = cockpit_session_plan_finish (COCKPIT_SESSION (object), result, &error);
  if (self == NULL)
    return;

  entry = g_hash_table_lookup (self->entries, package_id);
  if (plan != NULL)
    set_entry (entry, COCKPIT_FLEET_PLAN_CREATED,
               g_strdup (cockpit_plan_get_status (plan) == COCKPIT_PLAN_STATUS_SCHEDULED
                         ? _("Plan created. It starts at its time.")
                         : _("Plan created and started.")));
  else
    /* The client's messages are sentences for people. */
    set_entry (entry, COCKPIT_FLEET_PLAN_FAILED, g_strdup (error->message));

  self->pending--;
  update (self);
  if (self->pending == 0)
    g_signal_emit (self, signals[FINISHED], 0);
}

/* The request for @entry's package: the version and its environments,
 * with the options that are the same for every plan. */
static CockpitPlanRequest *
new_request (CockpitFleetPlanDialog *self,
             Entry                  *entry,
             const char             *version)
{
  CockpitPlanRequest *request = g_new0 (CockpitPlanRequest, 1);
  gboolean has_live = FALSE;

  request->target_version = g_strdup (version);
  memcpy (request->environments, entry->kinds, sizeof entry->kinds);
  request->n_environments = entry->n_kinds;
  for (guint i = 0; i < entry->n_kinds; i++)
    has_live |= entry->kinds[i] == COCKPIT_ENVIRONMENT_KIND_LIVE;
  cockpit_plan_options_fill_request (self->options, request);
  /* A plan of one environment has no gate to wait at. */
  if (entry->n_kinds < 2)
    {
      request->gate = COCKPIT_PLAN_GATE_APPROVAL;
      request->soak_hours = 0;
    }
  /* Live is backed up only in the plans that upgrade it. */
  request->back_up_live_first = request->back_up_live_first && has_live;
  return request;
}

static void
request_free (gpointer data)
{
  cockpit_plan_request_clear (data);
  g_free (data);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CockpitFleetPlanDialog *self = COCKPIT_FLEET_PLAN_DIALOG (widget);
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func (request_free);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = NULL;
  const char *version = selected_version (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));

  if (self->started || version == NULL)
    return;

  /* The rules once more, with the session as it is now. */
  update (self);
  if (!cockpit_plan_options_get_checklist_complete (self->options))
    return;

  /* Every request is checked before any is sent: what is wrong with the
   * start or the gate is wrong for all of them, and is said once. */
  now = cockpit_session_dup_now (self->session);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (G_LIST_MODEL (self->packages), i);
      Entry *entry = entry_of (self, package);
      CockpitPlanRequest *request;
      g_autofree char *message = NULL;

      if (entry->state != COCKPIT_FLEET_PLAN_ALLOWED)
        continue;
      request = new_request (self, entry, version);
      g_ptr_array_add (requests, request);
      g_ptr_array_add (chosen, g_steal_pointer (&package));
      if (!cockpit_plan_request_check (request, now, &message))
        {
          show_error (self, message != NULL ? message : _("The plan is not complete."));
          return;
        }
    }
  if (requests->len == 0)
    return;

  show_error (self, NULL);
  self->started = TRUE;
  for (guint i = 0; i < requests->len; i++)
    {
      CockpitPackage *package = g_ptr_array_index (chosen, i);
      Entry *entry = entry_of (self, package);
      CreateData *data;

      set_entry (entry, COCKPIT_FLEET_PLAN_SENDING, g_strdup (_("Creating the plan…")));
      data = g_new0 (CreateData, 1);
      data->weak = cockpit_weak_new (self);
      data->package_id = g_strdup (cockpit_package_get_id (package));
      self->pending++;
      /* A plan changes the cockpit: it is not cancelled with the dialog. */
      cockpit_session_create_plan_async (self->session, package, g_ptr_array_index (requests, i),
                                         entry->idempotency_key, NULL, created_cb, data);
    }

  /* The choices made are those of the plans now. */
  gtk_widget_set_sensitive (self->choices_group, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options), FALSE);
  update (self);
}

/* The rows ------------------------------------------------------------------- */

static GtkWidget *
create_package_row (gpointer item,
                    gpointer user_data)
{
  CockpitFleetPlanDialog *self = user_data;
  CockpitPackage *package = item;
  Entry *entry = entry_of (self, package);

  return cockpit_fleet_plan_row_new (cockpit_package_get_name (package), entry->state, entry->text);
}

/* Public ---------------------------------------------------------------------- */

/* The versions offered for every package that may be planned, newest
 * first: for each, those newer than its environment furthest behind. */
static void
fill_versions (CockpitFleetPlanDialog *self,
               GDateTime              *now)
{
  GListModel *releases = cockpit_session_get_releases (self->session);
  g_autoptr(GPtrArray) common = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));

  for (guint p = 0; p < n; p++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (G_LIST_MODEL (self->packages), p);
      g_autoptr(GPtrArray) offered_here = g_ptr_array_new_with_free_func (g_free);

      if (cockpit_rules_check_plan (package, releases, now, NULL) != COCKPIT_BLOCK_NONE)
        continue;
      for (guint i = 0; i < N_KINDS; i++)
        {
          CockpitEnvironment *env = cockpit_package_get_environment (package, kinds[i]);
          g_autoptr(GListStore) offered = NULL;

          if (env == NULL || cockpit_environment_get_state (env) == COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP)
            continue;
          offered = cockpit_rules_offered_versions (env, releases);
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (offered)); j++)
            {
              g_autoptr(CockpitRelease) release = g_list_model_get_item (G_LIST_MODEL (offered), j);
              const char *version = cockpit_release_get_version (release);

              if (!g_ptr_array_find_with_equal_func (offered_here, version, g_str_equal, NULL))
                g_ptr_array_add (offered_here, g_strdup (version));
            }
        }
      if (common == NULL)
        common = g_ptr_array_ref (offered_here);
      else
        for (guint j = common->len; j > 0; j--)
          if (!g_ptr_array_find_with_equal_func (offered_here, common->pdata[j - 1], g_str_equal, NULL))
            g_ptr_array_remove_index (common, j - 1);
    }

  if (common == NULL)
    return;
  /* In the releases' order, newest first. */
  for (guint i = 0; i < g_list_model_get_n_items (releases); i++)
    {
      g_autoptr(CockpitRelease) release = g_list_model_get_item (releases, i);
      const char *version = cockpit_release_get_version (release);

      if (g_ptr_array_find_with_equal_func (common, version, g_str_equal, NULL))
        gtk_string_list_append (self->versions, version);
    }
}

CockpitFleetPlanDialog *
cockpit_fleet_plan_dialog_new (GtkWindow      *parent,
                               CockpitSession *session,
                               GListModel     *packages)
{
  CockpitFleetPlanDialog *self;
  g_autoptr(GDateTime) now = NULL;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COCKPIT_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (packages), NULL);

  self = g_object_new (COCKPIT_TYPE_FLEET_PLAN_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  n = g_list_model_get_n_items (packages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (packages, i);
      Entry *entry;

      if (g_hash_table_contains (self->entries, cockpit_package_get_id (package)))
        continue;
      entry = g_new0 (Entry, 1);
      /* One key per package for the dialog's life. */
      entry->idempotency_key = g_uuid_string_random ();
      g_hash_table_insert (self->entries, g_strdup (cockpit_package_get_id (package)), entry);
      g_list_store_append (self->packages, package);
    }
  {
    guint count = g_list_model_get_n_items (G_LIST_MODEL (self->packages));
    g_autofree char *subtitle = g_strdup_printf (ngettext ("%u package", "%u packages", count), count);

    adw_window_title_set_subtitle (self->window_title, subtitle);
  }

  now = cockpit_session_dup_now (session);
  self->updating = TRUE;
  /* A maintenance window begins by default tomorrow at 06:00, local time. */
  cockpit_plan_options_set_default_day (self->options, now);
  fill_versions (self, now);
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (self->versions));
  gtk_drop_down_set_selected (self->version_dropdown, 0);
  self->updating = FALSE;
  gtk_list_box_bind_model (self->packages_box, G_LIST_MODEL (self->packages), create_package_row, self, NULL);
  update (self);
  return self;
}

CockpitFleetPlanState
cockpit_fleet_plan_dialog_get_state (CockpitFleetPlanDialog *self,
                                     const char             *package_id,
                                     const char            **text)
{
  Entry *entry;

  g_return_val_if_fail (COCKPIT_IS_FLEET_PLAN_DIALOG (self), COCKPIT_FLEET_PLAN_REFUSED);

  entry = g_hash_table_lookup (self->entries, package_id);
  g_return_val_if_fail (entry != NULL, COCKPIT_FLEET_PLAN_REFUSED);
  if (text != NULL)
    *text = entry->text;
  return entry->state;
}

const char *
cockpit_fleet_plan_dialog_get_error (CockpitFleetPlanDialog *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_PLAN_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}

const char *
cockpit_fleet_plan_dialog_get_version (CockpitFleetPlanDialog *self)
{
  g_return_val_if_fail (COCKPIT_IS_FLEET_PLAN_DIALOG (self), NULL);

  return selected_version (self);
}

const char *
cockpit_fleet_plan_dialog_get_idempotency_key (CockpitFleetPlanDialog *self,
                                               const char             *package_id)
{
  Entry *entry;

  g_return_val_if_fail (COCKPIT_IS_FLEET_PLAN_DIALOG (self), NULL);

  entry = g_hash_table_lookup (self->entries, package_id);
  return entry != NULL ? entry->idempotency_key : NULL;
}

static void
cockpit_fleet_plan_dialog_dispose (GObject *object)
{
  CockpitFleetPlanDialog *self = COCKPIT_FLEET_PLAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_FLEET_PLAN_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cockpit_fleet_plan_dialog_parent_class)->dispose (object);
}

static void
cockpit_fleet_plan_dialog_finalize (GObject *object)
{
  CockpitFleetPlanDialog *self = COCKPIT_FLEET_PLAN_DIALOG (object);

  g_clear_object (&self->packages);
  g_clear_object (&self->versions);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (cockpit_fleet_plan_dialog_parent_class)->finalize (object);
}

static void
cockpit_fleet_plan_dialog_class_init (CockpitFleetPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_fleet_plan_dialog_dispose;
  object_class->finalize = cockpit_fleet_plan_dialog_finalize;

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (COCKPIT_TYPE_PLAN_OPTIONS);
  g_type_ensure (COCKPIT_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-fleet-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, choices_group);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, integration_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, uat_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, live_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, packages_box);
  gtk_widget_class_bind_template_child (widget_class, CockpitFleetPlanDialog, options);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);

  gtk_widget_class_install_action (widget_class, "fleet-plan.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cockpit_fleet_plan_dialog_init (CockpitFleetPlanDialog *self)
{
  self->packages = g_list_store_new (COCKPIT_TYPE_PACKAGE);
  self->versions = gtk_string_list_new (NULL);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);

  /* Nothing is updated before the dialog has its session. */
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fleet-plan.create", FALSE);
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
}
