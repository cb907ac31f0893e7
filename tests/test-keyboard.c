/* test-keyboard.c: the upgrade, the backups, the log and the helpdesk with the keyboard alone, real keys through the X server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are pressed with XTest on the Xvfb display, so GTK gets them as it
 * gets a person's: the window's bindings, the widgets' key handlers and
 * the focus chain all take part.  Where a test only follows the focus
 * chain, it moves the focus as Tab does, with gtk_widget_child_focus() on
 * the window (GtkWindow's own Tab binding).
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "cockpit-activity-page.h"
#include "cockpit-backup-card.h"
#include "cockpit-environment-card.h"
#include "cockpit-upgrade-wizard.h"
#include "cockpit-window-private.h"
#include "test-app-util.h"

#define TOKEN "keyboard-test-token-9a41"

static TestSession session;
static TestApp     t;

static GtkWidget *
focus_of (gpointer toplevel)
{
  return gtk_root_get_focus (GTK_ROOT (toplevel));
}

static gboolean
focus_is_in (gpointer    toplevel,
             GtkWidget  *ancestor)
{
  GtkWidget *focus = focus_of (toplevel);

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

static void
show_package (const char *id)
{
  test_app_show_package (test_app_main_window (t.app), id);
  cockpit_test_wait_for_draw (GTK_WIDGET (test_app_main_window (t.app)));
}

/* Gives @toplevel the X keyboard focus, as a click on it would: Xvfb has
 * no window manager to do it. */
static void
give_keyboard_focus (GtkWindow *toplevel)
{
  GdkSurface *surface;
  Display *xdisplay;

  gtk_window_present (toplevel);
  cockpit_test_wait_for_draw (GTK_WIDGET (toplevel));
  surface = gtk_native_get_surface (GTK_NATIVE (toplevel));
  xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (xdisplay, False);
  WAIT_FOR (gtk_window_is_active (toplevel));
}

/* Presses @keysym with Ctrl and/or Shift held, and lets GTK handle it. */
static void
press (KeySym   keysym,
       gboolean control,
       gboolean shift)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);
  KeyCode control_code = XKeysymToKeycode (xdisplay, XK_Control_L);
  KeyCode shift_code = XKeysymToKeycode (xdisplay, XK_Shift_L);
  gint64 end;

  g_assert_cmpuint (code, !=, 0);
  if (control)
    XTestFakeKeyEvent (xdisplay, control_code, True, CurrentTime);
  if (shift)
    XTestFakeKeyEvent (xdisplay, shift_code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  if (shift)
    XTestFakeKeyEvent (xdisplay, shift_code, False, CurrentTime);
  if (control)
    XTestFakeKeyEvent (xdisplay, control_code, False, CurrentTime);
  XSync (xdisplay, False);

  /* The events are in GDK's queue once the server has answered; a few
   * turns of the main loop hand them to the widgets. */
  end = g_get_monotonic_time () + 200 * 1000;
  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5 * 1000);
    }
}

/* The window, signed in, with the packages listed; each test may run alone. */
static void
open_window (void)
{
  g_application_activate (G_APPLICATION (t.app));
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (t.app)) != NULL);
  WAIT_FOR (g_list_model_get_n_items (cockpit_session_get_packages (t.session)) >= 4);
  gtk_window_set_default_size (GTK_WINDOW (test_app_main_window (t.app)), 1280, 900);
}

/* Tab in the package list leaves the list; it used to move to the next
 * package and open it (Acme, Globex, Initech, ...). */
static void
test_package_list_tab (void)
{
  GtkWidget *first;

  open_window ();
  show_package ("acmeweb");
  give_keyboard_focus (GTK_WINDOW (test_app_main_window (t.app)));

  first = cockpit_window_get_package_row (test_app_main_window (t.app), 0);
  gtk_widget_grab_focus (first);
  g_assert_true (focus_of (test_app_main_window (t.app)) == first);

  press (XK_Tab, FALSE, FALSE);
  WAIT_FOR (focus_of (test_app_main_window (t.app)) != first);
  g_assert_cmpstr (cockpit_package_get_id (cockpit_package_page_get_package (cockpit_window_get_package_page (test_app_main_window (t.app)))), ==, "acmeweb");
  g_assert_false (focus_is_in (test_app_main_window (t.app), gtk_widget_get_parent (first)));
  g_assert_false (focus_is_in (test_app_main_window (t.app), cockpit_window_get_sidebar (test_app_main_window (t.app))));

  /* Shift+Tab from the list goes up to the header bar's main menu. */
  gtk_widget_grab_focus (first);
  press (XK_Tab, FALSE, TRUE);
  WAIT_FOR (focus_of (test_app_main_window (t.app)) != first);
  g_assert_cmpstr (cockpit_package_get_id (cockpit_package_page_get_package (cockpit_window_get_package_page (test_app_main_window (t.app)))), ==, "acmeweb");
  g_assert_true (focus_is_in (test_app_main_window (t.app), cockpit_window_get_sidebar (test_app_main_window (t.app))));
  g_assert_true (GTK_IS_MENU_BUTTON (gtk_widget_get_ancestor (focus_of (test_app_main_window (t.app)), GTK_TYPE_MENU_BUTTON)));

  /* The arrow keys still go from package to package. */
  gtk_widget_grab_focus (first);
  press (XK_Down, FALSE, FALSE);
  WAIT_FOR (g_strcmp0 (cockpit_package_get_id (cockpit_package_page_get_package (cockpit_window_get_package_page (test_app_main_window (t.app)))), "globex") == 0);
}

/* Every stop of Tab inside @area from @first on, as Tab moves the focus
 * (GtkWindow's Tab binding calls gtk_widget_child_focus() on the window
 * the same way), until the focus leaves @area; fails on a label (plain
 * text) or on a row whose check box or switch is a stop of its own. */
static guint
walk_tab_chain (GtkWindow *toplevel,
                GtkWidget *area,
                GtkWidget *first,
                GPtrArray *stops)
{
  GtkWidget *focus = first;

  gtk_widget_grab_focus (first);
  g_assert_true (focus_of (toplevel) == first);
  while (focus != NULL && (focus == area || gtk_widget_is_ancestor (focus, area)) &&
         !g_ptr_array_find (stops, focus, NULL))
    {
      if (GTK_IS_LABEL (focus))
        g_error ("Tab stops on plain text: \"%s\"", gtk_label_get_text (GTK_LABEL (focus)));
      if (ADW_IS_ACTION_ROW (focus) && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (focus)) != NULL &&
          gtk_widget_get_focusable (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (focus))))
        g_error ("The row \"%s\" and its %s are two stops of Tab",
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)),
                 G_OBJECT_TYPE_NAME (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (focus))));
      g_ptr_array_add (stops, focus);
      g_assert_cmpuint (stops->len, <, 300);

      gtk_widget_child_focus (GTK_WIDGET (toplevel), GTK_DIR_TAB_FORWARD);
      focus = focus_of (toplevel);
    }
  return stops->len;
}

/* No stop of Tab on plain text: the package's name, versions and bundle
 * ids are text to copy, not controls. */
static void
test_no_text_stops (void)
{
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();

  open_window ();
  show_package ("globex");
  walk_tab_chain (GTK_WINDOW (test_app_main_window (t.app)), GTK_WIDGET (cockpit_window_get_package_page (test_app_main_window (t.app))),
                  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (cockpit_window_get_package_page (test_app_main_window (t.app))), COCKPIT_TYPE_PACKAGE_PAGE,
                                                             "upgrade_button")),
                  stops);
  g_test_message ("%u stops of Tab on the Globex overview", stops->len);
  g_assert_cmpuint (stops->len, >=, 10);
}

/* A backup action with the keyboard: Enter on Restore asks, Escape
 * closes the question and nothing happens. */
static void
test_backup_question (void)
{
  GtkWidget *card;
  GtkWidget *restore;
  AdwMessageDialog *dialog;

  open_window ();
  show_package ("globex");
  give_keyboard_focus (GTK_WINDOW (test_app_main_window (t.app)));
  card = cockpit_package_page_get_backup_card (cockpit_window_get_package_page (test_app_main_window (t.app)));
  restore = GTK_WIDGET (gtk_widget_get_template_child (card, COCKPIT_TYPE_BACKUP_CARD, "restore_button"));
  gtk_widget_grab_focus (restore);
  press (XK_Return, FALSE, FALSE);
  WAIT_FOR (cockpit_package_page_get_dialog (cockpit_window_get_package_page (test_app_main_window (t.app))) != NULL);
  dialog = cockpit_package_page_get_dialog (cockpit_window_get_package_page (test_app_main_window (t.app)));
  give_keyboard_focus (GTK_WINDOW (dialog));
  /* The focus is on one of the dialog's answers. */
  WAIT_FOR (GTK_IS_BUTTON (focus_of (dialog)));
  press (XK_Escape, FALSE, FALSE);
  WAIT_FOR (cockpit_package_page_get_dialog (cockpit_window_get_package_page (test_app_main_window (t.app))) == NULL);
}

/* The whole upgrade with the keyboard: Enter on Change Version, Enter on
 * the first environment, Space on a version, Enter for Next, Space on each
 * item of the checklist, Enter for Install, Enter for Close. */
static void
test_wizard (void)
{
  GtkWidget *button;
  GtkWindow *wizard;
  GtkStack *stack;
  GtkWidget *focus;
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  const char *checks[] = { "check_notes", "check_tested", "check_templates", "check_definitions" };

  open_window ();
  show_package ("acmeweb");
  give_keyboard_focus (GTK_WINDOW (test_app_main_window (t.app)));
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (cockpit_window_get_package_page (test_app_main_window (t.app))), COCKPIT_TYPE_PACKAGE_PAGE,
                                                      "upgrade_button"));
  gtk_widget_grab_focus (button);
  press (XK_Return, FALSE, FALSE);
  WAIT_FOR (cockpit_package_page_get_wizard (cockpit_window_get_package_page (test_app_main_window (t.app))) != NULL);
  wizard = cockpit_package_page_get_wizard (cockpit_window_get_package_page (test_app_main_window (t.app)));
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (wizard), COCKPIT_TYPE_UPGRADE_WIZARD, "stack"));
  give_keyboard_focus (wizard);

  /* The first choice has the focus, not Cancel: the first environment. */
  focus = focus_of (wizard);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)), ==, "Integration");
  cockpit_test_save_screenshots (GTK_WIDGET (wizard), "keyboard-wizard-environment");

  press (XK_Return, FALSE, FALSE);
  WAIT_FOR (g_str_equal (gtk_stack_get_visible_child_name (stack), "versions"));
  WAIT_FOR (GTK_IS_CHECK_BUTTON (focus_of (wizard)));
  /* One stop a version: the check box, named after its row. */
  press (XK_space, FALSE, FALSE);
  WAIT_FOR (gtk_check_button_get_active (GTK_CHECK_BUTTON (focus_of (wizard))));
  cockpit_test_save_screenshots (GTK_WIDGET (wizard), "keyboard-wizard-versions");

  /* Enter is Next, the default. */
  press (XK_Return, FALSE, FALSE);
  WAIT_FOR (g_str_equal (gtk_stack_get_visible_child_name (stack), "consequences"));
  walk_tab_chain (wizard, GTK_WIDGET (stack), focus_of (wizard), stops);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      GtkWidget *check = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (wizard), COCKPIT_TYPE_UPGRADE_WIZARD,
                                                                    checks[i]));

      g_assert_true (g_ptr_array_find (stops, check, NULL));
      gtk_widget_grab_focus (check);
      press (XK_space, FALSE, FALSE);
      WAIT_FOR (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }
  cockpit_test_save_screenshots (GTK_WIDGET (wizard), "keyboard-wizard-consequences");

  /* Enter is Install. */
  press (XK_Return, FALSE, FALSE);
  WAIT_FOR (g_str_equal (gtk_stack_get_visible_child_name (stack), "started"));
  WAIT_FOR (GTK_IS_BUTTON (focus_of (wizard)));
  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  press (XK_Return, FALSE, FALSE);
  WAIT_FOR (wizard == NULL);
}

static void
collect_accelerators (GtkWidget *widget,
                      GString   *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_string_append_printf (listed, " %s ", accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, listed);
}

/* The shortcuts of GNOME's guidelines, and the shortcuts window lists them. */
static void
test_shortcuts (void)
{
  CockpitWindow *second;
  GtkShortcutsWindow *overlay;
  GtkWidget *activity;
  GObject *entry;
  g_autoptr(GString) listed = g_string_new (NULL);
  const char *wanted[] = { "<Primary>w", "<Primary>q", "<Primary>f", "F5", "<Primary>question", "<Primary>comma" };
  g_auto(GStrv) quit = NULL;

  /* Ctrl+F: the activity log's search. */
  open_window ();
  show_package ("acmeweb");
  give_keyboard_focus (GTK_WINDOW (test_app_main_window (t.app)));
  press (XK_f, TRUE, FALSE);
  activity = cockpit_window_show_activity (test_app_main_window (t.app), TRUE);
  g_assert_true (COCKPIT_IS_ACTIVITY_PAGE (activity));
  entry = gtk_widget_get_template_child (activity, COCKPIT_TYPE_ACTIVITY_PAGE, "search_entry");
  WAIT_FOR (focus_is_in (test_app_main_window (t.app), GTK_WIDGET (entry)));
  cockpit_window_show_activity (test_app_main_window (t.app), FALSE);

  /* F10: the main menu, whose popover is made as it first opens. */
  {
    GtkMenuButton *menu_button = test_app_main_window (t.app)->main_menu_button;

    press (XK_F10, FALSE, FALSE);
    WAIT_FOR (gtk_menu_button_get_popover (menu_button) != NULL &&
              gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
    gtk_menu_button_popdown (menu_button);
    /* The popover had the X keyboard focus; Xvfb has no window manager
     * to give it back. */
    give_keyboard_focus (GTK_WINDOW (test_app_main_window (t.app)));
  }

  /* Ctrl+?: the shortcuts window, which lists them all. */
  press (XK_slash, TRUE, TRUE);
  WAIT_FOR ((overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (test_app_main_window (t.app)))) != NULL &&
            gtk_widget_get_visible (GTK_WIDGET (overlay)));
  cockpit_test_save_screenshots (GTK_WIDGET (overlay), "keyboard-shortcuts");
  collect_accelerators (GTK_WIDGET (overlay), listed);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_autofree char *word = g_strdup_printf (" %s ", wanted[i]);
      g_autofree char *word2 = g_strdup_printf ("%s ", wanted[i]);

      if (strstr (listed->str, word) == NULL && strstr (listed->str, word2) == NULL)
        g_error ("The shortcuts window does not list %s:%s", wanted[i], listed->str);
    }
  gtk_window_close (GTK_WINDOW (overlay));

  /* Ctrl+Q is the application's. */
  quit = gtk_application_get_accels_for_action (GTK_APPLICATION (t.app), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) quit, "<Control>q"));

  /* Ctrl+W closes a window. */
  second = _cockpit_application_add_window (t.app);
  gtk_window_set_default_size (GTK_WINDOW (second), 800, 600);
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  give_keyboard_focus (GTK_WINDOW (second));
  press (XK_w, TRUE, FALSE);
  WAIT_FOR (second == NULL || !gtk_widget_get_visible (GTK_WIDGET (second)));
  if (second != NULL)
    gtk_window_destroy (GTK_WINDOW (second));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  test_session_start (&session, FALSE);
  gtk_init ();
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("Keys are pressed through XTest: this test needs an X display");
      test_session_stop (&session);
      return 77;
    }
  test_app_start (&t, &session, TOKEN, 60);

  g_test_add_func ("/cockpit/keyboard/package-list-tab", test_package_list_tab);
  g_test_add_func ("/cockpit/keyboard/no-text-stops", test_no_text_stops);
  g_test_add_func ("/cockpit/keyboard/backup-question", test_backup_question);
  g_test_add_func ("/cockpit/keyboard/wizard", test_wizard);
  g_test_add_func ("/cockpit/keyboard/shortcuts", test_shortcuts);

  result = g_test_run ();

  test_app_stop (&t);
  test_session_stop (&session);
  return result;
}
