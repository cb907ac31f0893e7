/* cockpit-plan-dialog.c: "Plan an Upgrade…": several environments, one version, gates and a start time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page, as a plan is one decision: the version, the environments (in
 * the recommended order; one that cannot be planned is shown unticked,
 * with the reason), the gate between them, the start (now, or a
 * maintenance window), the backup of Live, what happens, and the same
 * checklist as the upgrade wizard (cockpit-upgrade-texts.c), shaped for a
 * plan.  From the gate on, the questions are CockpitPlanOptions', which
 * the several-package dialog shares.  The request is checked by the model
 * before it is sent, and every attempt sends the same Idempotency-Key, so
 * that sending again after a lost answer cannot make a second plan.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cockpit-a11y.h"
#include "cockpit-async.h"
#include "cockpit-clamp.h"
#include "cockpit-plan-dialog.h"
#include "cockpit-plan-options.h"
#include "cockpit-upgrade-texts.h"
#include "cockpit-widget-util.h"

#define N_KINDS 3

struct _CockpitPlanDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *scroller;
  GtkWidget         *create_button;
  GtkLabel          *error_label;
  AdwActionRow      *version_row;
  GtkDropDown       *version_dropdown;
  AdwActionRow      *notes_row;
  GtkLinkButton     *notes_link;
  AdwActionRow      *integration_row;
  AdwActionRow      *uat_row;
  AdwActionRow      *live_row;
  GtkCheckButton    *integration_check;
  GtkCheckButton    *uat_check;
  GtkCheckButton    *live_check;
  CockpitPlanOptions *options;

  /* Owned references */
  CockpitSession    *session;
  CockpitPackage    *package;
  GListStore        *versions;      /* CockpitRelease, newest first */
  char              *idempotency_key;

  /* State */
  gboolean           blocked[N_KINDS];
  gboolean           sending;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (CockpitPlanDialog, cockpit_plan_dialog, ADW_TYPE_WINDOW)

enum {
  PLAN_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CockpitEnvironmentKind kinds[N_KINDS] = {
  COCKPIT_ENVIRONMENT_KIND_INTEGRATION,
  COCKPIT_ENVIRONMENT_KIND_UAT,
  COCKPIT_ENVIRONMENT_KIND_LIVE,
};

static GtkCheckButton *
check_of (CockpitPlanDialog *self,
          guint              i)
{
  GtkCheckButton *checks[N_KINDS] = { self->integration_check, self->uat_check, self->live_check };

  return checks[i];
}

static AdwActionRow *
row_of (CockpitPlanDialog *self,
        guint              i)
{
  AdwActionRow *rows[N_KINDS] = { self->integration_row, self->uat_row, self->live_row };

  return rows[i];
}

static CockpitRelease *
selected_release (CockpitPlanDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);
  g_autoptr(CockpitRelease) release = NULL;

  if (self->versions == NULL || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  /* The store keeps its own reference. */
  release = g_list_model_get_item (G_LIST_MODEL (self->versions), selected);
  return release;
}

static const char *
selected_version (CockpitPlanDialog *self)
{
  CockpitRelease *release = selected_release (self);

  return release != NULL ? cockpit_release_get_version (release) : NULL;
}

static void
show_error (CockpitPlanDialog *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
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

gboolean
cockpit_plan_dialog_get_request (CockpitPlanDialog  *self,
                                 CockpitPlanRequest *request)
{
  const char *version;

  g_return_val_if_fail (COCKPIT_IS_PLAN_DIALOG (self), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);

  memset (request, 0, sizeof *request);
  version = selected_version (self);
  if (version == NULL)
    return FALSE;

  request->target_version = g_strdup (version);
  for (guint i = 0; i < N_KINDS; i++)
    if (gtk_check_button_get_active (check_of (self, i)) && !self->blocked[i])
      request->environments[request->n_environments++] = kinds[i];
  /* The gate, the start and the backup of Live are the options'. */
  cockpit_plan_options_fill_request (self->options, request);
  request->back_up_live_first = request->back_up_live_first &&
                                gtk_check_button_get_active (self->live_check) &&
                                !self->blocked[N_KINDS - 1];
  return request->n_environments > 0;
}

/* Which environments may be planned with the version chosen, and why not. */
static void
update_environments (CockpitPlanDialog *self)
{
  g_autoptr(GDateTime) now = cockpit_session_dup_now (self->session);
  GListModel *releases = cockpit_session_get_releases (self->session);
  const char *version = selected_version (self);

  for (guint i = 0; i < N_KINDS; i++)
    {
      CockpitEnvironment *env = cockpit_package_get_environment (self->package, kinds[i]);
      g_autofree char *reason = NULL;
      g_autofree char *subtitle = NULL;
      gboolean was_blocked = self->blocked[i];

      if (env == NULL)
        reason = g_strdup (_("This package has no such environment."));
      else
        {
          g_autoptr(GListStore) offered = cockpit_rules_offered_versions (env, releases);

          if (cockpit_rules_check_plan_environment (self->package, env, version, G_LIST_MODEL (offered),
                                                    now, &reason) == COCKPIT_BLOCK_NONE)
            g_clear_pointer (&reason, g_free);
          else if (reason == NULL)
            reason = g_strdup (_("It cannot be upgraded to this version."));
        }

      self->blocked[i] = reason != NULL;
      if (reason != NULL)
        subtitle = g_steal_pointer (&reason);
      else if (env != NULL && version != NULL)
        /* Translators: "6.3.19 → 6.4.3" */
        subtitle = g_strdup_printf (_("%s → %s"), cockpit_environment_get_magnolia_version (env), version);

      adw_action_row_set_subtitle (row_of (self, i), subtitle != NULL ? subtitle : "");
      gtk_widget_set_sensitive (GTK_WIDGET (row_of (self, i)), !self->blocked[i]);
      /* An environment that cannot be planned is unticked; one that can
       * again (another version) is ticked again, as at the start. */
      if (self->blocked[i])
        gtk_check_button_set_active (check_of (self, i), FALSE);
      else if (was_blocked)
        gtk_check_button_set_active (check_of (self, i), TRUE);
    }
}

/* What happens, in the order it happens, and the checklist that goes with it. */
static void
update_texts (CockpitPlanDialog        *self,
              const CockpitPlanRequest *request)
{
  GString *summary = g_string_new (NULL);
  g_autofree char *confirmed_for = NULL;
  g_autofree char *tested = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *blue_green = NULL;
  const char *version = request->target_version;
  gboolean has_live = FALSE;

  if (request->n_environments == 0 || version == NULL)
    {
      cockpit_plan_options_set_texts (self->options, _("Choose a version and at least one environment."),
                                      NULL, NULL);
      g_string_free (summary, TRUE);
      return;
    }

  for (guint i = 0; i < request->n_environments; i++)
    has_live |= request->environments[i] == COCKPIT_ENVIRONMENT_KIND_LIVE;

  if (request->n_environments == 1)
    /* Translators: "Live is upgraded to 6.4.3." */
    g_string_append_printf (summary, _("%s is upgraded to %s."),
                            cockpit_environment_kind_get_label (request->environments[0]), version);
  else
    {
      g_autofree char *order = NULL;

      if (request->n_environments == 2)
        /* Translators: "Integration, then UAT" */
        order = g_strdup_printf (_("%s, then %s"),
                                 cockpit_environment_kind_get_label (request->environments[0]),
                                 cockpit_environment_kind_get_label (request->environments[1]));
      else
        /* Translators: "Integration, then UAT, then Live" */
        order = g_strdup_printf (_("%s, then %s, then %s"),
                                 cockpit_environment_kind_get_label (request->environments[0]),
                                 cockpit_environment_kind_get_label (request->environments[1]),
                                 cockpit_environment_kind_get_label (request->environments[2]));
      /* Translators: "Integration, then UAT, then Live are upgraded to 6.4.3, one after the other." */
      g_string_append_printf (summary, _("%s are upgraded to %s, one after the other."), order, version);
      g_string_append_c (summary, ' ');
      if (request->gate == COCKPIT_PLAN_GATE_APPROVAL)
        g_string_append (summary, _("After each one, the plan waits for your approval before it starts the next."));
      else
        g_string_append_printf (summary,
                                ngettext ("After each one, the plan waits %u hour, then starts the next by itself.",
                                          "After each one, the plan waits %u hours, then starts the next by itself.",
                                          request->soak_hours),
                                request->soak_hours);
    }
  g_string_append_c (summary, ' ');
  if (request->start_at == NULL)
    g_string_append (summary, _("It starts as soon as you create it."));
  else
    {
      g_autofree char *when = format_start (request->start_at);

      /* Translators: "It starts on Sunday 6 December 2026 at 06:00 (2026-12-06 06:00 UTC)." */
      g_string_append_printf (summary, _("It starts on %s."), when);
    }
  g_string_append_c (summary, ' ');
  g_string_append (summary, _("The cockpit runs the plan, so it goes on while this computer is off. If an upgrade fails, the plan stops there and nothing after it is upgraded."));

  /* How each environment is upgraded: as the wizard says it, for the
   * first one; the others go the same way. */
  {
    CockpitEnvironment *first = cockpit_package_get_environment (self->package, request->environments[0]);

    blue_green = cockpit_upgrade_text_blue_green (cockpit_environment_kind_get_label (request->environments[0]),
                                                  version,
                                                  first ? cockpit_environment_get_magnolia_version (first) : NULL);
  }
  cockpit_plan_options_set_texts (self->options, summary->str, blue_green,
                                  has_live ? cockpit_upgrade_text_previous (COCKPIT_ENVIRONMENT_KIND_LIVE) : NULL);
  g_string_free (summary, TRUE);

  notes = cockpit_upgrade_text_read_notes (version);
  /* One environment is an upgrade like the wizard's, at a later time;
   * several are tested between the gates. */
  if (request->n_environments == 1)
    tested = cockpit_upgrade_text_tested (self->package, request->environments[0], version);
  else
    tested = cockpit_upgrade_text_tested_between (request->gate, request->soak_hours);

  /* The ticks confirm one version on some environments with one gate
   * (the testing item names the soak time): another choice must be
   * confirmed again. */
  confirmed_for = g_strdup_printf ("%s/%u%u%u/%u/%u", version,
                                   request->environments[0], request->n_environments > 1 ? request->environments[1] : 9,
                                   request->n_environments > 2 ? request->environments[2] : 9, request->gate,
                                   request->soak_hours);
  cockpit_plan_options_set_checklist (self->options, notes, tested, confirmed_for);
}

static void
update (CockpitPlanDialog *self)
{
  g_auto(CockpitPlanRequest) request = { 0 };
  CockpitRelease *release;
  gboolean complete;

  if (self->updating || self->package == NULL)
    return;
  self->updating = TRUE;

  update_environments (self);
  complete = cockpit_plan_dialog_get_request (self, &request);

  release = selected_release (self);
  if (release != NULL && cockpit_release_get_release_notes_url (release) != NULL)
    {
      gtk_link_button_set_uri (self->notes_link, cockpit_release_get_release_notes_url (release));
      cockpit_widget_set_tooltip_text (GTK_WIDGET (self->notes_link), cockpit_release_get_release_notes_url (release));
      gtk_widget_set_visible (GTK_WIDGET (self->notes_row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->notes_row), FALSE);

  cockpit_plan_options_set_show_gate (self->options, request.n_environments != 1);
  cockpit_plan_options_set_live_included (self->options, gtk_check_button_get_active (self->live_check));

  update_texts (self, &request);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.create",
                                 complete && cockpit_plan_options_get_checklist_complete (self->options) &&
                                 !self->sending);
  self->updating = FALSE;
}

static void
inputs_changed_cb (CockpitPlanDialog *self)
{
  update (self);
}

/* Creating ------------------------------------------------------------------- */

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CockpitPlanDialog) self = cockpit_weak_steal (user_data);
  g_autoptr(CockpitPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  /* The plan is made (or not) whether the dialog is still open or not:
   * the session shows it on the package page. */
  plan = cockpit_session_plan_finish (COCKPIT_SESSION (object), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->sending = FALSE;
  if (plan == NULL)
    {
      /* The client's messages are sentences for people; the same key goes
       * with the next attempt. */
      show_error (self, error->message);
      update (self);
      return;
    }

  g_signal_emit (self, signals[PLAN_CREATED], 0, plan);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    {
      if (cockpit_plan_get_status (plan) == COCKPIT_PLAN_STATUS_SCHEDULED)
        cockpit_widget_show_toast (GTK_WIDGET (parent), _("Upgrade planned. You will be notified when it starts and at each gate."));
      else
        cockpit_widget_show_toast (GTK_WIDGET (parent), _("Upgrade plan started. You will be notified at each gate."));
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CockpitPlanDialog *self = COCKPIT_PLAN_DIALOG (widget);
  g_auto(CockpitPlanRequest) request = { 0 };
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *message = NULL;

  if (self->sending || !cockpit_plan_dialog_get_request (self, &request) ||
      !cockpit_plan_options_get_checklist_complete (self->options))
    return;

  now = cockpit_session_dup_now (self->session);
  if (!cockpit_plan_request_check (&request, now, &message))
    {
      show_error (self, message != NULL ? message : _("The plan is not complete."));
      return;
    }

  show_error (self, NULL);
  self->sending = TRUE;
  gtk_widget_action_set_enabled (widget, "plan.create", FALSE);
  /* A change: not cancelled with the dialog (cockpit-async.h). */
  cockpit_session_create_plan_async (self->session, self->package, &request, self->idempotency_key,
                                     NULL, created_cb, cockpit_weak_new (self));
}

/* Public ---------------------------------------------------------------------- */

CockpitPlanDialog *
cockpit_plan_dialog_new (GtkWindow      *parent,
                         CockpitSession *session,
                         CockpitPackage *package)
{
  CockpitPlanDialog *self;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GtkStringList) names = NULL;
  GListModel *releases;
  guint longest = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (COCKPIT_IS_SESSION (session), NULL);
  g_return_val_if_fail (COCKPIT_IS_PACKAGE (package), NULL);

  self = g_object_new (COCKPIT_TYPE_PLAN_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->package = g_object_ref (package);
  adw_window_title_set_subtitle (self->window_title, cockpit_package_get_name (package));

  /* The versions: those newer than the environment furthest behind; the
   * environments that are already on one are then shown as not plannable
   * for it. */
  releases = cockpit_session_get_releases (session);
  self->versions = g_list_store_new (COCKPIT_TYPE_RELEASE);
  for (guint i = 0; i < N_KINDS; i++)
    {
      CockpitEnvironment *env = cockpit_package_get_environment (package, kinds[i]);
      g_autoptr(GListStore) offered = NULL;

      if (env == NULL || cockpit_environment_get_state (env) == COCKPIT_ENVIRONMENT_STATE_NOT_SET_UP)
        continue;
      offered = cockpit_rules_offered_versions (env, releases);
      if (g_list_model_get_n_items (G_LIST_MODEL (offered)) > longest)
        {
          longest = g_list_model_get_n_items (G_LIST_MODEL (offered));
          g_list_store_remove_all (self->versions);
          for (guint j = 0; j < longest; j++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (offered), j);

              g_list_store_append (self->versions, item);
            }
        }
    }
  /* The drop-down shows the versions as words, which screen readers read. */
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->versions)); i++)
    {
      g_autoptr(CockpitRelease) release = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      gtk_string_list_append (names, cockpit_release_get_version (release));
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (names));
  g_signal_connect_object (self->version_dropdown, "notify::selected", G_CALLBACK (inputs_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* All three by default; update() unticks what cannot be planned. */
  gtk_check_button_set_active (self->integration_check, TRUE);
  gtk_check_button_set_active (self->uat_check, TRUE);
  gtk_check_button_set_active (self->live_check, TRUE);

  /* A maintenance window begins by default tomorrow at 06:00, local time. */
  now = cockpit_session_dup_now (session);
  cockpit_plan_options_set_default_day (self->options, now);
  self->updating = FALSE;
  update (self);
  return self;
}

const char *
cockpit_plan_dialog_get_idempotency_key (CockpitPlanDialog *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_DIALOG (self), NULL);

  return self->idempotency_key;
}

GtkWidget *
cockpit_plan_dialog_get_options (CockpitPlanDialog *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_DIALOG (self), NULL);

  return GTK_WIDGET (self->options);
}

const char *
cockpit_plan_dialog_get_error (CockpitPlanDialog *self)
{
  g_return_val_if_fail (COCKPIT_IS_PLAN_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}

void
cockpit_plan_dialog_set_start (CockpitPlanDialog *self,
                               GDateTime         *start)
{
  g_return_if_fail (COCKPIT_IS_PLAN_DIALOG (self));
  g_return_if_fail (start != NULL);

  cockpit_plan_options_set_start (self->options, start);
}

static void
cockpit_plan_dialog_dispose (GObject *object)
{
  CockpitPlanDialog *self = COCKPIT_PLAN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COCKPIT_TYPE_PLAN_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->package);
  g_clear_object (&self->versions);

  G_OBJECT_CLASS (cockpit_plan_dialog_parent_class)->dispose (object);
}

static void
cockpit_plan_dialog_finalize (GObject *object)
{
  CockpitPlanDialog *self = COCKPIT_PLAN_DIALOG (object);

  g_clear_pointer (&self->idempotency_key, g_free);

  G_OBJECT_CLASS (cockpit_plan_dialog_parent_class)->finalize (object);
}

static void
cockpit_plan_dialog_class_init (CockpitPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cockpit_plan_dialog_dispose;
  object_class->finalize = cockpit_plan_dialog_finalize;

  signals[PLAN_CREATED] = g_signal_new ("plan-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, COCKPIT_TYPE_PLAN);

  g_type_ensure (COCKPIT_TYPE_PLAN_OPTIONS);
  g_type_ensure (COCKPIT_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cockpit-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, version_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, notes_link);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, integration_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, uat_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, live_row);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, integration_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, uat_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, live_check);
  gtk_widget_class_bind_template_child (widget_class, CockpitPlanDialog, options);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);

  gtk_widget_class_install_action (widget_class, "plan.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The tooltips of the template's children (cockpit-widget-util.c says
 * why they are not in the .ui file). */
static const char * const template_tooltips[] = {
  "version_dropdown", N_("Magnolia version"),
  NULL
};

static void
cockpit_plan_dialog_init (CockpitPlanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cockpit_widget_set_template_tooltips (GTK_WIDGET (self), COCKPIT_TYPE_PLAN_DIALOG, template_tooltips);
  /* One key for the dialog's life: each attempt is the same request. */
  self->idempotency_key = g_uuid_string_random ();

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.create", FALSE);
  /* A flat button rather than underlined text, as in the wizard's rows. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->notes_link), "link");
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
}
