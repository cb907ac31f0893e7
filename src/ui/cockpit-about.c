/* cockpit-about.c: the About window, with the release notes and the debug information.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the window says about the project comes from one place: the
 * metainfo (compiled into the resources) gives the release notes of the
 * newest release, so they cannot drift from what software centres show.
 * The debug information names the versions of the libraries the app runs
 * with and the cockpit it talks to, so a bug report can say both; it never
 * holds a token, a user name or a query.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cockpit-about.h"

#define WEBSITE "https://github.com/upgradecockpit/upgrade-cockpit"
#define ISSUE_URL WEBSITE "/issues"

/* The newest release's notes ------------------------------------------------ */

typedef struct {
  GString  *notes;
  char     *version;
  gboolean  in_releases;
  gboolean  in_release;
  gboolean  in_description;
  gboolean  done;
  guint     text_depth;   /* open <p> and <li> inside the description */
} Notes;

static gboolean
is_notes_element (const char *name)
{
  return g_str_equal (name, "p") || g_str_equal (name, "ul") || g_str_equal (name, "ol") ||
         g_str_equal (name, "li") || g_str_equal (name, "em") || g_str_equal (name, "code");
}

static void
notes_start (GMarkupParseContext  *context,
             const char           *name,
             const char          **attribute_names,
             const char          **attribute_values,
             gpointer              user_data,
             GError              **error)
{
  Notes *notes = user_data;

  if (notes->done)
    return;

  if (g_str_equal (name, "releases"))
    notes->in_releases = TRUE;
  else if (notes->in_releases && !notes->in_release && g_str_equal (name, "release"))
    {
      notes->in_release = TRUE;
      for (guint i = 0; attribute_names[i] != NULL; i++)
        if (g_str_equal (attribute_names[i], "version"))
          {
            g_free (notes->version);
            notes->version = g_strdup (attribute_values[i]);
          }
    }
  else if (notes->in_release && g_str_equal (name, "description"))
    notes->in_description = TRUE;
  else if (notes->in_description && is_notes_element (name))
    {
      g_string_append_printf (notes->notes, "<%s>", name);
      if (g_str_equal (name, "p") || g_str_equal (name, "li"))
        notes->text_depth++;
    }
}

static void
notes_end (GMarkupParseContext  *context,
           const char           *name,
           gpointer              user_data,
           GError              **error)
{
  Notes *notes = user_data;

  if (notes->done)
    return;

  if (notes->in_description && g_str_equal (name, "description"))
    notes->in_description = FALSE;
  else if (notes->in_description && is_notes_element (name))
    {
      g_string_append_printf (notes->notes, "</%s>", name);
      if ((g_str_equal (name, "p") || g_str_equal (name, "li")) && notes->text_depth > 0)
        notes->text_depth--;
    }
  else if (notes->in_release && g_str_equal (name, "release"))
    {
      /* AppStream lists the newest release first: that one is enough. */
      notes->in_release = FALSE;
      notes->done = TRUE;
    }
  else if (g_str_equal (name, "releases"))
    notes->in_releases = FALSE;
}

static void
notes_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 length,
            gpointer              user_data,
            GError              **error)
{
  Notes *notes = user_data;
  gboolean space = FALSE;

  if (notes->done || !notes->in_description || notes->text_depth == 0)
    return;

  /* The file's line breaks and indentation are one space; the spaces
   * next to <p> and <li> go once the whole description is read. */
  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isspace (text[i]))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (notes->notes, ' ');
          space = FALSE;
          if (text[i] == '<')
            g_string_append (notes->notes, "&lt;");
          else if (text[i] == '>')
            g_string_append (notes->notes, "&gt;");
          else if (text[i] == '&')
            g_string_append (notes->notes, "&amp;");
          else
            g_string_append_c (notes->notes, text[i]);
        }
    }
  if (space)
    g_string_append_c (notes->notes, ' ');
}

char *
cockpit_about_parse_release_notes (const char  *metainfo,
                                   char       **version)
{
  static const GMarkupParser parser = { notes_start, notes_end, notes_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  Notes notes = { 0 };
  gboolean parsed;

  g_return_val_if_fail (metainfo != NULL, NULL);

  notes.notes = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, &notes, NULL);
  parsed = g_markup_parse_context_parse (context, metainfo, -1, NULL) &&
           g_markup_parse_context_end_parse (context, NULL);

  if (!parsed || notes.notes->len == 0)
    {
      g_string_free (notes.notes, TRUE);
      g_free (notes.version);
      if (version != NULL)
        *version = NULL;
      return NULL;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *tag = i == 0 ? "p" : "li";
      g_autofree char *open = g_strdup_printf ("<%s> ", tag);
      g_autofree char *open_trimmed = g_strdup_printf ("<%s>", tag);
      g_autofree char *close = g_strdup_printf (" </%s>", tag);
      g_autofree char *close_trimmed = g_strdup_printf ("</%s>", tag);

      g_string_replace (notes.notes, open, open_trimmed, 0);
      g_string_replace (notes.notes, close, close_trimmed, 0);
    }

  if (version != NULL)
    *version = g_steal_pointer (&notes.version);
  g_free (notes.version);
  return g_string_free (notes.notes, FALSE);
}

/* The debug information ----------------------------------------------------- */

/* @url with no user, password, query or fragment; NULL when it is not an
 * absolute URL at all. */
static char *
cockpit_address (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), g_uri_get_path (uri), NULL, NULL);
}

char *
cockpit_about_debug_info (const char *cockpit_url)
{
  g_autoptr(GString) info = g_string_new (NULL);

  g_string_append_printf (info, "Upgrade Cockpit %s (%s)\n", PACKAGE_VERSION, APP_ID);
  g_string_append_printf (info, "GLib %u.%u.%u (built with %d.%d.%d)\n",
                          glib_major_version, glib_minor_version, glib_micro_version,
                          GLIB_MAJOR_VERSION, GLIB_MINOR_VERSION, GLIB_MICRO_VERSION);
  g_string_append_printf (info, "GTK %u.%u.%u (built with %d.%d.%d)\n",
                          gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                          GTK_MAJOR_VERSION, GTK_MINOR_VERSION, GTK_MICRO_VERSION);
  g_string_append_printf (info, "libadwaita %u.%u.%u (built with %d.%d.%d)\n",
                          adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
                          ADW_MAJOR_VERSION, ADW_MINOR_VERSION, ADW_MICRO_VERSION);
  g_string_append_printf (info, "libsoup %u.%u.%u (built with %d.%d.%d)\n",
                          soup_get_major_version (), soup_get_minor_version (), soup_get_micro_version (),
                          SOUP_MAJOR_VERSION, SOUP_MINOR_VERSION, SOUP_MICRO_VERSION);
  g_string_append_printf (info, "json-glib (built with %d.%d.%d)\n",
                          JSON_MAJOR_VERSION, JSON_MINOR_VERSION, JSON_MICRO_VERSION);

  if (cockpit_url == NULL || *cockpit_url == '\0')
    g_string_append (info, "Cockpit: not signed in\n");
  else if (g_str_equal (cockpit_url, "demo"))
    g_string_append (info, "Cockpit: the built-in demo cockpit\n");
  else
    {
      g_autofree char *address = cockpit_address (cockpit_url);

      g_string_append_printf (info, "Cockpit: %s\n", address != NULL ? address : "(not a valid address)");
    }

  return g_string_free (g_steal_pointer (&info), FALSE);
}

/* The window ---------------------------------------------------------------- */

GtkWindow *
cockpit_about_window_new (GtkWindow  *parent,
                          const char *cockpit_url)
{
  const char *developers[] = { "The Upgrade Cockpit Contributors " WEBSITE, NULL };
  g_autoptr(GBytes) metainfo = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *notes_version = NULL;
  g_autofree char *debug_info = cockpit_about_debug_info (cockpit_url);
  const char *translators = _("translator-credits");
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }

  adw_about_window_set_application_name (about, _("Upgrade Cockpit"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Upgrade Cockpit Contributors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about, _("Safe upgrades for Magnolia Cloud"));
  adw_about_window_set_website (about, WEBSITE);
  adw_about_window_set_issue_url (about, ISSUE_URL);
  adw_about_window_set_copyright (about, _("© 2026 The Upgrade Cockpit Contributors"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Only a translation names its translators; the English text does not. */
  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (about, translators);
  adw_about_window_set_debug_info (about, debug_info);
  adw_about_window_set_debug_info_filename (about, "upgrade-cockpit-debug-info.txt");

  metainfo = g_resources_lookup_data (RESOURCE_PATH "/metainfo.xml", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (metainfo != NULL)
    notes = cockpit_about_parse_release_notes (g_bytes_get_data (metainfo, NULL), &notes_version);
  if (notes != NULL)
    {
      adw_about_window_set_release_notes (about, notes);
      if (notes_version != NULL)
        adw_about_window_set_release_notes_version (about, notes_version);
    }

  return GTK_WINDOW (about);
}
