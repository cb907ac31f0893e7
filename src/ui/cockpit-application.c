/* cockpit-application.c: the Upgrade Cockpit application object.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns the signed-in session, so that an action keeps
 * being followed after its window is closed: while the tracker follows an
 * action, the application holds itself alive, and activating it again
 * brings a window back with the action's progress.
 *
 * This file holds the object itself and its life cycle (start-up,
 * activation, the command line, shut-down): the top of the rooms sharing
 * cockpit-application-private.h, which says what each holds and how they
 * call one another, from the top down.
 */
#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cockpit-application-private.h"
#include "cockpit-window.h"

G_DEFINE_FINAL_TYPE (CockpitApplication, cockpit_application, ADW_TYPE_APPLICATION)

CockpitApplication *
cockpit_application_new (void)
{
  return g_object_new (COCKPIT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/* Life cycle ------------------------------------------------------------------- */

/* The demo cockpit runs in this process and answers at once.  Started
 * before the window's first frame, its answers and the page they make
 * would all be handled before that frame (the main loop handles input
 * before it draws), and the window would only show once the whole package
 * page was laid out.  So the demo starts once the window has shown. */
static void
first_frame_cb (GdkFrameClock      *clock,
                CockpitApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  _cockpit_application_start_signing_in (self);
  /* Busy after the session is set, as a keyring lookup does: the window
   * stays on its loading page and never makes its sign-in page. */
  _cockpit_application_set_busy (self, FALSE);
}

static void
cockpit_application_activate (GApplication *app)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->started || !self->demo_requested || COCKPIT_IS_WINDOW (window))
    {
      /* Signing in first: the window's first frame is its loading page, and
       * the sign-in page, which a demo or signed-in start does not show, is
       * never made (docs/performance.md). */
      gtk_window_present (GTK_WINDOW (_cockpit_application_ensure_window (self)));
      return;
    }

  _cockpit_application_set_busy (self, TRUE);
  window = GTK_WINDOW (_cockpit_application_add_window (self));
  gtk_window_present (window);
  g_signal_connect_object (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                           "after-paint", G_CALLBACK (first_frame_cb), self, 0);
}

static int
cockpit_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "upgrade-cockpit", PACKAGE_VERSION);
      return 0;
    }

  self->demo_requested = g_variant_dict_contains (options, "demo");

  /* One application, one demo: when the app already runs, it is asked to
   * show its demo instead, and this process ends. */
  if (self->demo_requested)
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          GDBusConnection *bus = g_application_get_dbus_connection (app);

          g_action_group_activate_action (G_ACTION_GROUP (app), "start-demo", NULL);
          if (bus != NULL)
            g_dbus_connection_flush_sync (bus, NULL, NULL);
          return 0;
        }
    }

  return -1;
}

/* Times follow the desktop's 12/24-hour setting, when it has one. */
static void
clock_format_changed_cb (GSettings          *desktop_interface,
                         const char         *key,
                         CockpitApplication *self)
{
  g_autofree char *format = g_settings_get_string (desktop_interface, "clock-format");

  cockpit_format_set_12_hour (g_str_equal (format, "12h"));
}

static void
follow_clock_format (CockpitApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "clock-format"))
    return;

  self->desktop_interface = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->desktop_interface, "changed::clock-format",
                           G_CALLBACK (clock_format_changed_cb), self, 0);
  clock_format_changed_cb (self->desktop_interface, "clock-format", self);
}

/* GTK's cairo renderer draws each frame into an image of the part of
 * the window that changed, allocated and freed with that frame: 2.7 MiB
 * for a whole window.  glibc raises its mmap threshold to the size of
 * the first such image freed, so the next ones come from the heap, and
 * once freed they stay there, dirty, under what was allocated after
 * them: 8 MiB of a signed-in start's 22 MiB heap (docs/performance.md).
 * A fixed threshold keeps every block of 256 KiB or more a mapping of
 * its own, given back when freed. */
static void
set_malloc_policy (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source,
                        gpointer      theme,
                        GCancellable *cancellable)
{
  /* Any lookup reads the theme first, under the theme's lock. */
  gtk_icon_theme_has_icon (theme, "image-missing");
}

/* GTK reads the display's icon theme on a thread of its own as soon as
 * the theme is made, and GtkApplication's start-up adds its resource
 * path to the theme right after.  When that thread had the theme's lock
 * first, the new path threw its reading away, and the window's first icon
 * read the whole theme again on the main thread before the first frame:
 * 67 M instructions, in every start under callgrind with its threads
 * taking turns (--fair-sched), as an empty libadwaita window still does
 * (docs/performance.md).  Read it again here, once
 * start-up has changed it, on another thread: the window's first icon
 * then finds it read, or waits for it instead of reading it twice. */
static void
read_icon_theme_in_thread (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, read_icon_theme_in_thread);
  g_task_set_task_data (task, g_object_ref (gtk_icon_theme_get_for_display (display)), g_object_unref);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
cockpit_application_startup (GApplication *app)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);

  set_malloc_policy ();
  G_APPLICATION_CLASS (cockpit_application_parent_class)->startup (app);
  read_icon_theme_in_thread ();

  self->settings = g_settings_new (APP_ID);
  self->secrets = cockpit_secret_store_new ();
  follow_clock_format (self);

  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    _cockpit_application_start_service (self);

  _cockpit_application_add_actions (self);
  _cockpit_application_add_demo_actions (self);
}

static void
cockpit_application_shutdown (GApplication *app)
{
  CockpitApplication *self = COCKPIT_APPLICATION (app);

  _cockpit_application_drop_session (self);
  _cockpit_application_stop_demo (self);

  G_APPLICATION_CLASS (cockpit_application_parent_class)->shutdown (app);
}

static void
cockpit_application_dispose (GObject *object)
{
  CockpitApplication *self = COCKPIT_APPLICATION (object);

  _cockpit_application_drop_session (self);
  cockpit_application_set_clock (self, NULL, NULL, NULL);
  g_cancellable_cancel (self->background_cancellable);
  g_clear_object (&self->background_cancellable);
  g_clear_object (&self->background);
  g_clear_object (&self->desktop_interface);
  g_clear_object (&self->demo);
  g_clear_object (&self->secrets);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cockpit_application_parent_class)->dispose (object);
}

static void
cockpit_application_finalize (GObject *object)
{
  CockpitApplication *self = COCKPIT_APPLICATION (object);

  g_clear_pointer (&self->sign_in_error, g_free);
  g_clear_pointer (&self->reminded, g_hash_table_unref);
  g_clear_pointer (&self->announced, g_hash_table_unref);
  g_clear_pointer (&self->pending_approval, g_free);
  g_clear_pointer (&self->asking, g_hash_table_unref);

  G_OBJECT_CLASS (cockpit_application_parent_class)->finalize (object);
}

static void
cockpit_application_class_init (CockpitApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cockpit_application_dispose;
  object_class->finalize = cockpit_application_finalize;

  app_class->activate = cockpit_application_activate;
  app_class->startup = cockpit_application_startup;
  app_class->shutdown = cockpit_application_shutdown;
  app_class->handle_local_options = cockpit_application_handle_local_options;

  _cockpit_application_class_init_session (object_class);
}

static void
cockpit_application_init (CockpitApplication *self)
{
  static const GOptionEntry options[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start with the built-in demo cockpit"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  self->reminded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->announced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->asking = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->background = cockpit_background_new ();
  self->background_cancellable = g_cancellable_new ();
  _cockpit_application_notices_init (self);
}
