/* cockpit-fleet-plan-dialog.c: "Plan an Upgrade…" for several packages of the fleet at once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One version, the same environments (as kinds), the same gate, and a
 * start as soon as the plans are created; one plan per package.  Before
 * anything is sent, every package is checked with the model's rules
 * (cockpit_rules_check_plan() and cockpit_rules_check_plan_environment())
 * and the ones that cannot be planned are listed with the reason.  Each
 * package's plan then goes with its own Idempotency-Key, made once for the
 * dialog's life, and its answer (created, or the cockpit's refusal in the
 * client's words) is shown on its row.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cockpit-a11y.h"
#include "cockpit-async.h"
#include "cockpit-fleet-plan-dialog.h"
#include "cockpit-window.h"

#define N_KINDS 3
#define DEFAULT_SOAK_HOURS 24

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

  /* Widgets */
  AdwWindowTitle    *window_title;
  GtkDropDown       *version_dropdown;
  GtkCheckButton    *kind_checks[N_KINDS];
  GtkCheckButton    *approval_check;
  GtkCheckButton    *soak_check;
  GtkSpinButton     *soak_spin;
  GtkLabel          *summary_label;
  GtkListBox        *packages_box;

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

      if (!gtk_check_button_get_active (self->kind_checks[i]))
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

static void
update (CockpitFleetPlanDialog *self)
{
  g_autoptr(GDateTime) now = NULL;
  const char *version;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));
  guint allowed, refused;
  gboolean soak;
  g_autofree char *summary = NULL;

  if (self->updating)
    return;
  self->updating = TRUE;

  soak = gtk_check_button_get_active (self->soak_check);
  gtk_widget_set_sensitive (GTK_WIDGET (self->soak_spin), soak && !self->started);

  if (!self->started)
    {
      now = cockpit_session_dup_now (self->session);
      version = selected_version (self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CockpitPackage) package = g_list_model_get_item (G_LIST_MODEL (self->packages), i);

          check_package (self, package, now, version);
        }
    }
  refresh_rows (self);

  allowed = count_state (self, COCKPIT_FLEET_PLAN_ALLOWED);
  refused = count_state (self, COCKPIT_FLEET_PLAN_REFUSED);
  if (self->started)
    {
      guint created = count_state (self, COCKPIT_FLEET_PLAN_CREATED);
      guint failed = count_state (self, COCKPIT_FLEET_PLAN_FAILED);

      if (self->pending > 0)
        summary = g_strdup (_("Creating the plans…"));
      else
        /* Translators: "2 plans created, 1 refused by the cockpit." */
        summary = g_strdup_printf (ngettext ("%u plan created, %u refused by the cockpit.",
                                             "%u plans created, %u refused by the cockpit.", created),
                                   created, failed);
    }
  else if (allowed == 0)
    summary = g_strdup (_("None of these packages can be planned with these choices."));
  else
    {
      g_autofree char *plans = g_strdup_printf (ngettext ("%u package gets its own plan.",
                                                          "%u packages get a plan each.", allowed),
                                                allowed);
      g_autofree char *gate = soak
        ? g_strdup_printf (ngettext ("After each environment, a plan waits %u hour, then goes on by itself.",
                                     "After each environment, a plan waits %u hours, then goes on by itself.",
                                     (guint) gtk_spin_button_get_value_as_int (self->soak_spin)),
                           (guint) gtk_spin_button_get_value_as_int (self->soak_spin))
        : g_strdup (_("After each environment, a plan waits for your approval."));
      g_autofree char *left = refused > 0
        ? g_strdup_printf (ngettext ("%u package cannot be planned and is left out.",
                                     "%u packages cannot be planned and are left out.", refused), refused)
        : g_strdup ("");

      /* Translators: the sentences of the summary, one after the other */
      summary = g_strdup_printf (_("%s %s The plans start as soon as they are created. %s"), plans, gate, left);
    }
  gtk_label_set_label (self->summary_label, g_strstrip (summary));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fleet-plan.create", !self->started && allowed > 0);
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

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CockpitFleetPlanDialog *self = COCKPIT_FLEET_PLAN_DIALOG (widget);
  g_autoptr(GDateTime) now = NULL;
  const char *version = selected_version (self);
  gboolean soak = gtk_check_button_get_active (self->soak_check);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));

  if (self->started || version == NULL)
    return;

  /* The rules once more, with the session as it is now. */
  update (self);
  self->started = TRUE;
  now = cockpit_session_dup_now (self->session);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CockpitPackage) package = g_list_model_get_item (G_LIST_MODEL (self->packages), i);
      g_auto(CockpitPlanRequest) request = { 0 };
      g_autofree char *message = NULL;
      Entry *entry = entry_of (self, package);
      CreateData *data;

      if (entry->state != COCKPIT_FLEET_PLAN_ALLOWED)
        continue;

      request.target_version = g_strdup (version);
      memcpy (request.environments, entry->kinds, sizeof entry->kinds);
      request.n_environments = entry->n_kinds;
      request.gate = soak && entry->n_kinds > 1 ? COCKPIT_PLAN_GATE_SOAK : COCKPIT_PLAN_GATE_APPROVAL;
      if (request.gate == COCKPIT_PLAN_GATE_SOAK)
        request.soak_hours = (guint) gtk_spin_button_get_value_as_int (self->soak_spin);
      if (!cockpit_plan_request_check (&request, now, &message))
        {
          set_entry (entry, COCKPIT_FLEET_PLAN_REFUSED,
                     message != NULL ? g_steal_pointer (&message) : g_strdup (_("The plan is not complete.")));
          continue;
        }

      set_entry (entry, COCKPIT_FLEET_PLAN_SENDING, g_strdup (_("Creating the plan…")));
      data = g_new0 (CreateData, 1);
      data->weak = cockpit_weak_new (self);
      data->package_id = g_strdup (cockpit_package_get_id (package));
      self->pending++;
      /* A plan changes the cockpit: it is not cancelled with the dialog. */
      cockpit_session_create_plan_async (self->session, package, &request, entry->idempotency_key,
                                         NULL, created_cb, data);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->version_dropdown), FALSE);
  for (guint i = 0; i < N_KINDS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->kind_checks[i]), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->approval_check), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->soak_check), FALSE);
  update (self);
  if (self->pending == 0)
    g_signal_emit (self, signals[FINISHED], 0);
}

/* The rows ------------------------------------------------------------------- */

static GtkWidget *
create_package_row (gpointer item,
                    gpointer user_data)
{
  CockpitFleetPlanDialog *self = user_data;
  CockpitPackage *package = item;
  Entry *entry = entry_of (self, package);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (NULL);
  const char *state_text = NULL;
  const char *css = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cockpit_package_get_name (package));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->text != NULL ? entry->text : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  switch (entry->state)
    {
    case COCKPIT_FLEET_PLAN_ALLOWED:
      state_text = _("Will be planned");
      break;
    case COCKPIT_FLEET_PLAN_REFUSED:
      state_text = _("Cannot be planned");
      css = "warning";
      break;
    case COCKPIT_FLEET_PLAN_SENDING:
      state_text = _("Sending…");
      break;
    case COCKPIT_FLEET_PLAN_CREATED:
      state_text = _("Created");
      css = "success";
      break;
    case COCKPIT_FLEET_PLAN_FAILED:
      state_text = _("Refused");
      css = "error";
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_label (GTK_LABEL (state), state_text);
  if (css != NULL)
    gtk_widget_add_css_class (state, css);
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
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

  gtk_widget_class_install_action (widget_class, "fleet-plan.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
check_row (const char      *title,
           const char      *subtitle,
           GtkCheckButton **check_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_focusable (row, FALSE);
  *check_out = GTK_CHECK_BUTTON (check);
  return row;
}

static void
cockpit_fleet_plan_dialog_init (CockpitFleetPlanDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Close"));
  GtkWidget *create = gtk_button_new_with_mnemonic (_("C_reate Plans"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row;
  GtkWidget *packages_group = adw_preferences_group_new ();

  self->packages = g_list_store_new (COCKPIT_TYPE_PACKAGE);
  self->versions = gtk_string_list_new (NULL);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);

  gtk_window_set_title (GTK_WINDOW (self), _("Plan an Upgrade"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 720);
  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Plan an Upgrade"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (create), "fleet-plan.create");
  gtk_widget_add_css_class (create, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), create);
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 18);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);

  /* The choices, the same for every package. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("The Same Upgrade for Each Package"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Version"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Offered for every package that can be planned"));
  self->version_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->version_dropdown), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->version_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Version"), -1);
  g_signal_connect_object (self->version_dropdown, "notify::selected", G_CALLBACK (inputs_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->version_dropdown));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  for (guint i = 0; i < N_KINDS; i++)
    {
      row = check_row (cockpit_environment_kind_get_label (kinds[i]), NULL, &self->kind_checks[i]);
      gtk_check_button_set_active (self->kind_checks[i], TRUE);
      g_signal_connect_object (self->kind_checks[i], "toggled", G_CALLBACK (inputs_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  row = check_row (_("Wait for my approval after each environment"), NULL, &self->approval_check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = check_row (_("Wait, then go on by itself"), _("Hours to wait after each environment"), &self->soak_check);
  gtk_check_button_set_group (self->soak_check, self->approval_check);
  gtk_check_button_set_active (self->approval_check, TRUE);
  self->soak_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (COCKPIT_PLAN_SOAK_HOURS_MIN,
                                                                     COCKPIT_PLAN_SOAK_HOURS_MAX, 1));
  gtk_spin_button_set_value (self->soak_spin, DEFAULT_SOAK_HOURS);
  gtk_widget_set_valign (GTK_WIDGET (self->soak_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->soak_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hours to wait after each environment"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->soak_spin));
  g_signal_connect_object (self->soak_check, "toggled", G_CALLBACK (inputs_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->soak_spin, "value-changed", G_CALLBACK (inputs_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (page), group);

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->summary_label));

  /* Each package, allowed or not and why, then its answer. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (packages_group), _("Packages"));
  self->packages_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->packages_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->packages_box), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (packages_group), GTK_WIDGET (self->packages_box));
  gtk_box_append (GTK_BOX (page), packages_group);

  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (toolbar), scroller);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fleet-plan.create", FALSE);
  cockpit_a11y_name_buttons (GTK_WIDGET (self));
}
