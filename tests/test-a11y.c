/* test-a11y.c: every control on every screen has a name a person would say, read over AT-SPI as Orca reads it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application runs in this process with GTK's AT-SPI backend, on a
 * private session bus that starts the real accessibility bus
 * (at-spi-bus-launcher, from at-spi2-core's service file).  For each
 * screen, a11y-walker reads the whole tree from a process of its own and
 * the test fails on a control without a proper name: none, a type name
 * ("GtkButton"), a mnemonic underscore ("_Retry") or the same words twice
 * ("Retry Retry").  Each screen's tree is kept as a11y-SCREEN.txt in the
 * build folder.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "cockpit-activity-page.h"
#include "cockpit-environment-card.h"
#include "cockpit-fleet-plan-dialog.h"
#include "cockpit-flow-diagram.h"
#include "cockpit-helpdesk-button.h"
#include "cockpit-upgrade-wizard.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"

#define TOKEN "a11y-test-token-1d7e"

static TestSession        session;
static CockpitSimulator  *sim;
static CockpitApplication *app;
static CockpitSession    *cockpit;

/* AT-SPI roles a person operates; every one of them needs a name. */
static const char *control_roles[] = {
  "push button", "toggle button", "check box", "radio button", "switch",
  "text", "password text", "entry", "combo box", "spin button", "slider",
  "link", "menu item", "check menu item", "radio menu item", "page tab",
  "list item", "progress bar",
};

static const char *presented_roles[] = {
  "label", "image", "list", "heading", "status bar", "notification", "alert",
  "dialog", "frame", "window", "scroll pane", "table", "tool tip",
};

typedef struct {
  guint  depth;
  char  *role;
  char  *flags;
  char  *name;
  char  *description;
} Node;

static void
node_free (Node *node)
{
  g_free (node->role);
  g_free (node->flags);
  g_free (node->name);
  g_free (node->description);
  g_free (node);
}

static void
show_package (const char *id)
{
  test_app_show_package (test_app_main_window (app), id);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_main_window (app)));
}

/* What else a screen reader reads out (Orca's flat review): an empty
 * name is fine there, a type name or an underscore is not. */
static gboolean
is_presented (const Node *node)
{
  for (guint i = 0; i < G_N_ELEMENTS (presented_roles); i++)
    if (strcmp (node->role, presented_roles[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_control (const Node *node)
{
  for (guint i = 0; i < G_N_ELEMENTS (control_roles); i++)
    if (strcmp (node->role, control_roles[i]) == 0)
      return TRUE;
  /* Anything else a person can move to with Tab is a control too. */
  return strchr (node->flags, 'f') != NULL && !is_presented (node);
}

/* GTK 4.8 names the parts of its list widgets after their types, and
 * offers no way to name them: the rows and the inner list of a
 * GtkColumnView and the item shown in a GtkDropDown's button.  Their
 * contents have names (a row's cells, the item's label); the parts
 * themselves are left to GTK, as docs/testing.md says. */
static const char *gtk_internal_types[] = {
  "GtkListItemWidget", "GtkColumnListView",
};

static gboolean
is_gtk_internal (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (gtk_internal_types); i++)
    if (strcmp (name, gtk_internal_types[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Why @name is not a name a person would say, or NULL. */
static const char *
bad_name (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  gsize len = strlen (trimmed);

  if (len == 0)
    return "no name";
  if (g_regex_match_simple ("^(Gtk|Adw|Cockpit)[A-Za-z]+$", trimmed, 0, 0))
    return "a type name";
  if (g_regex_match_simple ("(^|\\s)_\\w", trimmed, 0, 0))
    return "a mnemonic underscore";
  if (len % 2 == 1 && trimmed[len / 2] == ' ' && strncmp (trimmed, trimmed + len / 2 + 1, len / 2) == 0)
    return "the same words twice";
  return NULL;
}

/* Reads the tree of this process over AT-SPI, as a screen reader does,
 * saves it as a11y-@screen.txt and returns its nodes. */
static GPtrArray *
read_tree (const char *screen)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) walker = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *walker_path = g_test_build_filename (G_TEST_BUILT, "a11y-walker", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *file = NULL;
  g_autofree char *dump = g_strdup_printf ("a11y-%s.txt", screen);
  g_auto(GStrv) lines = NULL;
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);

  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_main_window (app)));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* libatspi warns that GTK 4.8 has no cache object (it asks for one
   * first, then reads the tree without it): not a failure here. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  walker = g_subprocess_launcher_spawn (launcher, &error, walker_path, pid, NULL);
  g_assert_no_error (error);
  /* The walker's calls are answered from this main loop. */
  g_subprocess_communicate_utf8_async (walker, NULL, NULL, test_app_store_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_subprocess_communicate_utf8_finish (walker, result, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (walker))
    g_error ("a11y-walker failed on %s: %s", screen, err);

  file = g_test_build_filename (G_TEST_BUILT, dump, NULL);
  g_file_set_contents (file, out, -1, &error);
  g_assert_no_error (error);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 5);
      Node *node;

      if (g_strv_length (fields) != 5)
        continue;
      node = g_new0 (Node, 1);
      node->depth = (guint) g_ascii_strtoull (fields[0], NULL, 10);
      node->role = g_strdup (fields[1]);
      node->flags = g_strdup (fields[2]);
      node->name = g_strcompress (fields[3]);
      node->description = g_strcompress (fields[4]);
      g_ptr_array_add (nodes, node);
    }
  g_assert_cmpuint (nodes->len, >, 0);
  return nodes;
}

/* Fails, listing every control on screen without a proper name. */
static GPtrArray *
check_screen (const char *screen)
{
  GPtrArray *nodes = read_tree (screen);
  g_autoptr(GString) failures = g_string_new (NULL);
  guint controls = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);
      const char *why;

      if (strchr (node->flags, 's') == NULL)
        continue;
      if (is_control (node))
        {
          controls++;
          why = bad_name (node->name);
        }
      else if (is_presented (node) && node->name[0] != '\0')
        why = bad_name (node->name);
      else
        continue;
      if (why != NULL && is_gtk_internal (node->name))
        continue;
      if (why != NULL)
        g_string_append_printf (failures, "\n  %s \"%s\": %s", node->role, node->name, why);
    }
  g_test_message ("%s: %u controls on screen", screen, controls);
  if (failures->len > 0)
    {
      /* Every screen is read, so that one run lists every failure. */
      g_test_message ("Controls without a proper name on the %s screen:%s", screen, failures->str);
      g_test_fail ();
    }
  g_assert_cmpuint (controls, >, 0);
  return nodes;
}

static gboolean
tree_says (GPtrArray  *nodes,
           const char *role,
           const char *text)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = g_ptr_array_index (nodes, i);

      if (strchr (node->flags, 's') != NULL && (role == NULL || strcmp (node->role, role) == 0) &&
          (strstr (node->name, text) != NULL || strstr (node->description, text) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
test_sign_in (void)
{
  g_autoptr(GPtrArray) nodes = NULL;

  g_application_activate (G_APPLICATION (app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (app)) != NULL);
  WAIT_FOR (g_strcmp0 (cockpit_window_get_page_name (test_app_main_window (app)), "sign-in") == 0);
  nodes = check_screen ("sign-in");
  g_assert_true (tree_says (nodes, "push button", "Try the Demo"));
  g_assert_true (tree_says (nodes, "push button", "Sign In"));
}

static void
test_overview (void)
{
  g_autoptr(GPtrArray) nodes = NULL;
  const char *flow;

  cockpit_application_set_session (app, cockpit);
  WAIT_FOR (g_strcmp0 (cockpit_window_get_page_name (test_app_main_window (app)), "packages") == 0);
  WAIT_FOR (!cockpit_session_get_loading (cockpit) &&
            g_list_model_get_n_items (cockpit_session_get_packages (cockpit)) >= 4);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_releases (cockpit)) > 0);
  gtk_window_set_default_size (GTK_WINDOW (test_app_main_window (app)), 1280, 900);
  show_package ("acmeweb");

  nodes = check_screen ("overview");
  g_assert_true (tree_says (nodes, "push button", "Change Version"));
  g_assert_true (tree_says (nodes, NULL, "Activity Log"));
  g_assert_true (tree_says (nodes, NULL, "Main Menu"));
  /* The flow diagram says where the upgrade stands. */
  flow = cockpit_flow_diagram_get_description (COCKPIT_FLOW_DIAGRAM (cockpit_package_page_get_flow_diagram (cockpit_window_get_package_page (test_app_main_window (app)))));
  g_assert_nonnull (flow);
  g_assert_true (tree_says (nodes, NULL, flow));
}

static void
test_upgrade_backup (void)
{
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) dialog = NULL;
  AdwMessageDialog *confirmation;

  show_package ("globex");
  nodes = check_screen ("upgrade-backup");
  g_assert_true (tree_says (nodes, "push button", "Restore"));

  /* A confirmation, the way the backup's buttons open it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_main_window (app)), "win.restore-upgrade-backup", NULL));
  confirmation = cockpit_package_page_get_dialog (cockpit_window_get_package_page (test_app_main_window (app)));
  g_assert_nonnull (confirmation);
  cockpit_test_wait_for_draw (GTK_WIDGET (confirmation));
  dialog = check_screen ("confirmation");
  gtk_window_close (GTK_WINDOW (confirmation));
  WAIT_FOR (cockpit_package_page_get_dialog (cockpit_window_get_package_page (test_app_main_window (app))) == NULL);
}

static void
test_activity_log (void)
{
  g_autoptr(GPtrArray) nodes = NULL;
  GtkWidget *activity;

  show_package ("acmeweb");
  activity = cockpit_window_show_activity (test_app_main_window (app), TRUE);
  WAIT_FOR (g_list_model_get_n_items (cockpit_activity_page_get_entries (COCKPIT_ACTIVITY_PAGE (activity))) > 0);
  nodes = check_screen ("activity-log");
  g_assert_true (tree_says (nodes, "push button", "Export"));
  cockpit_window_show_activity (test_app_main_window (app), FALSE);
}

/* The helpdesk's menu button, which has a popover of its own. */
static GtkWidget *
find_helpdesk_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && COCKPIT_IS_HELPDESK_BUTTON (gtk_widget_get_parent (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_helpdesk_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_main_menu (void)
{
  g_autoptr(GPtrArray) nodes = NULL;
  GtkMenuButton *button = test_app_main_window (app)->main_menu_button;

  /* Its popover is made as it first opens. */
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_menu_model (button) == cockpit_window_get_main_menu (test_app_main_window (app)));
  nodes = check_screen ("main-menu");
  g_assert_true (tree_says (nodes, NULL, "Keyboard Shortcuts"));
  gtk_menu_button_popdown (button);
}

static void
test_helpdesk (void)
{
  g_autoptr(GPtrArray) nodes = NULL;
  GtkWidget *helpdesk = NULL;

  WAIT_FOR (cockpit_application_get_helpdesk (app) != NULL &&
            cockpit_helpdesk_get_unread_total (cockpit_application_get_helpdesk (app)) > 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_main_window (app)), "win.show-helpdesk", NULL));
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_main_window (app)));
  nodes = check_screen ("helpdesk");
  g_assert_true (tree_says (nodes, "push button", "Mark All as Read"));
  helpdesk = find_helpdesk_menu_button (GTK_WIDGET (test_app_main_window (app)));
  g_assert_nonnull (helpdesk);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (helpdesk));
}

static void
test_wizard (void)
{
  g_autoptr(GPtrArray) environments = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) consequences = NULL;
  GtkListBox *list;
  GtkStack *stack;
  GtkWindow *wizard;

  show_package ("acmeweb");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_main_window (app)), "win.upgrade", NULL));
  wizard = cockpit_package_page_get_wizard (cockpit_window_get_package_page (test_app_main_window (app)));
  g_assert_nonnull (wizard);
  cockpit_test_wait_for_draw (GTK_WIDGET (wizard));
  environments = check_screen ("wizard-environment");
  g_assert_true (tree_says (environments, "push button", "Cancel"));

  cockpit_upgrade_wizard_select_environment (COCKPIT_UPGRADE_WIZARD (wizard), COCKPIT_ENVIRONMENT_KIND_INTEGRATION);
  cockpit_test_wait_for_draw (GTK_WIDGET (wizard));
  versions = check_screen ("wizard-versions");

  /* The first version, then the consequences and the checklist. */
  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (wizard), COCKPIT_TYPE_UPGRADE_WIZARD,
                                                      "version_list"));
  WAIT_FOR (gtk_list_box_get_row_at_index (list, 0) != NULL);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (wizard), COCKPIT_TYPE_UPGRADE_WIZARD, "stack"));
  WAIT_FOR (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "consequences") == 0);
  consequences = check_screen ("wizard-consequences");
  g_assert_true (tree_says (consequences, "check box", "templates"));
  gtk_window_destroy (wizard);
}

static void
test_preferences (void)
{
  g_autoptr(GPtrArray) nodes = NULL;
  GtkWindow *preferences = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ADW_IS_PREFERENCES_WINDOW (toplevel))
        preferences = toplevel;
    }
  g_assert_nonnull (preferences);
  cockpit_test_wait_for_draw (GTK_WIDGET (preferences));
  nodes = check_screen ("preferences");
  gtk_window_destroy (preferences);
}

/* The plan dialog and the plan card: every control named, the checklist
 * and the environments read as check boxes with their words. */
static void
test_plan (void)
{
  g_autoptr(GPtrArray) dialog_nodes = NULL;
  g_autoptr(GPtrArray) card_nodes = NULL;
  GtkWindow *dialog;

  show_package ("acmeweb");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_main_window (app)), "win.plan-upgrade", NULL));
  dialog = cockpit_package_page_get_plan_dialog (cockpit_window_get_package_page (test_app_main_window (app)));
  g_assert_nonnull (dialog);
  cockpit_test_wait_for_draw (GTK_WIDGET (dialog));
  dialog_nodes = check_screen ("plan-dialog");
  g_assert_true (tree_says (dialog_nodes, "push button", "Create Plan"));
  g_assert_true (tree_says (dialog_nodes, "check box", "Integration"));
  g_assert_true (tree_says (dialog_nodes, "check box", "templates"));
  gtk_window_destroy (dialog);

  /* Globex's plan waits for the approval of UAT (the demo seed). */
  show_package ("globex");
  WAIT_FOR (cockpit_session_get_plan (cockpit, cockpit_package_page_get_package (cockpit_window_get_package_page (test_app_main_window (app)))) != NULL);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_main_window (app)));
  card_nodes = check_screen ("plan-card");
  g_assert_true (tree_says (card_nodes, "push button", "Approve UAT"));
  g_assert_true (tree_says (card_nodes, "push button", "Cancel Plan"));

  /* The same for several packages at once: every package and its state,
   * the shared choices and the checklist named. */
  {
    g_autoptr(GPtrArray) fleet_nodes = NULL;
    g_autoptr(GListStore) chosen = g_list_store_new (COCKPIT_TYPE_PACKAGE);
    GListModel *packages = cockpit_session_get_packages (cockpit);
    GtkWindow *fleet_dialog;

    for (guint i = 0; i < g_list_model_get_n_items (packages); i++)
      {
        g_autoptr(CockpitPackage) package = g_list_model_get_item (packages, i);

        g_list_store_append (chosen, package);
      }
    fleet_dialog = GTK_WINDOW (cockpit_fleet_plan_dialog_new (GTK_WINDOW (test_app_main_window (app)), cockpit,
                                                              G_LIST_MODEL (chosen)));
    gtk_window_present (fleet_dialog);
    cockpit_test_wait_for_draw (GTK_WIDGET (fleet_dialog));
    fleet_nodes = check_screen ("fleet-plan-dialog");
    g_assert_true (tree_says (fleet_nodes, "push button", "Create Plans"));
    g_assert_true (tree_says (fleet_nodes, "check box", "templates"));
    gtk_window_destroy (fleet_dialog);
  }
}

static void
test_narrow (void)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) package = NULL;
  g_autoptr(GPtrArray) narrow_wizard = NULL;
  GtkWindow *wizard;
  int wizard_min = 0;

  gtk_window_set_default_size (GTK_WINDOW (test_app_main_window (app)), 360, 700);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_main_window (app)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_main_window (app)), "win.back", NULL));
  WAIT_FOR (!cockpit_window_get_showing_content (test_app_main_window (app)));
  list = check_screen ("narrow-list");
  g_assert_true (tree_says (list, "list item", "Globex"));

  show_package ("acmeweb");
  WAIT_FOR (cockpit_window_get_showing_content (test_app_main_window (app)));
  package = check_screen ("narrow-package");
  g_assert_true (tree_says (package, "push button", "Back"));
  cockpit_test_save_screenshots (GTK_WIDGET (test_app_main_window (app)), "a11y-360-package");

  /* The wizard on a phone: read, seen, and its width. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_main_window (app)), "win.upgrade", NULL));
  wizard = cockpit_package_page_get_wizard (cockpit_window_get_package_page (test_app_main_window (app)));
  g_assert_nonnull (wizard);
  gtk_window_set_default_size (wizard, 360, 640);
  cockpit_test_wait_for_draw (GTK_WIDGET (wizard));
  gtk_widget_measure (GTK_WIDGET (wizard), GTK_ORIENTATION_HORIZONTAL, -1, &wizard_min, NULL, NULL, NULL);
  g_test_message ("the wizard needs %d px at least", wizard_min);
  g_assert_cmpint (wizard_min, <=, 360);
  narrow_wizard = check_screen ("narrow-wizard");
  cockpit_test_save_screenshots (GTK_WIDGET (wizard), "a11y-360-wizard");
  gtk_window_destroy (wizard);
  gtk_window_set_default_size (GTK_WINDOW (test_app_main_window (app)), 1280, 900);
}

/* The accessibility bus as a desktop has it: the session bus starts
 * at-spi-bus-launcher through at-spi2-core's service file. */
static char *
a11y_service_dir (void)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autofree char *service = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *exec = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  char *dir;

  for (guint i = 0; dirs[i] != NULL && service == NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "dbus-1", "services", "org.a11y.Bus.service", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        service = g_steal_pointer (&path);
    }
  if (service == NULL || !g_key_file_load_from_file (file, service, G_KEY_FILE_NONE, NULL))
    return NULL;
  exec = g_key_file_get_string (file, "D-BUS Service", "Exec", NULL);
  if (exec == NULL)
    return NULL;
  /* The services it starts inherit this process's standard output,
   * which is the test's TAP stream: at-spi2-registryd writes a line. */
  contents = g_strdup_printf ("[D-BUS Service]\nName=org.a11y.Bus\nExec=/bin/sh -c 'exec %s 1>&2'\n", exec);

  dir = g_dir_make_tmp ("cockpit-a11y-services-XXXXXX", NULL);
  g_assert_nonnull (dir);
  copy = g_build_filename (dir, "org.a11y.Bus.service", NULL);
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  return dir;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CockpitClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *service_dir = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);

  service_dir = a11y_service_dir ();
  if (service_dir == NULL)
    {
      g_test_skip ("at-spi2-core is not installed: no org.a11y.Bus service");
      return 77;
    }
  session.service_dir = service_dir;
  test_session_start (&session, FALSE);

  sim = test_app_new_simulator (TOKEN, COCKPIT_SIM_SEED_DEMO, 60, TRUE);
  app = test_app_new_application ();

  client = cockpit_client_new (cockpit_simulator_get_base_url (sim), TOKEN, &error);
  g_assert_no_error (error);
  cockpit = cockpit_session_new (client, NULL, NULL);
  cockpit_application_set_clock (app, test_app_sim_now, g_object_ref (sim), g_object_unref);

  g_test_add_func ("/cockpit/a11y/sign-in", test_sign_in);
  g_test_add_func ("/cockpit/a11y/overview", test_overview);
  g_test_add_func ("/cockpit/a11y/upgrade-backup", test_upgrade_backup);
  g_test_add_func ("/cockpit/a11y/activity-log", test_activity_log);
  g_test_add_func ("/cockpit/a11y/main-menu", test_main_menu);
  g_test_add_func ("/cockpit/a11y/helpdesk", test_helpdesk);
  g_test_add_func ("/cockpit/a11y/wizard", test_wizard);
  g_test_add_func ("/cockpit/a11y/plan", test_plan);
  g_test_add_func ("/cockpit/a11y/preferences", test_preferences);
  g_test_add_func ("/cockpit/a11y/narrow", test_narrow);

  result = g_test_run ();

  g_clear_object (&cockpit);
  g_clear_object (&app);
  g_clear_object (&sim);
  test_session_stop (&session);
  return result;
}
