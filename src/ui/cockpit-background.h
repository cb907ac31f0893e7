/* cockpit-background.h: asks the desktop's Background portal to let the app run, and start, with its window closed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  COCKPIT_BACKGROUND_ALLOWED,      /* the desktop lets the app run (and start) */
  COCKPIT_BACKGROUND_REFUSED,      /* the person, or the desktop's rules, said no */
  COCKPIT_BACKGROUND_UNAVAILABLE,  /* no Background portal on this desktop */
} CockpitBackgroundAnswer;

#define COCKPIT_TYPE_BACKGROUND (cockpit_background_get_type ())
G_DECLARE_FINAL_TYPE (CockpitBackground, cockpit_background, COCKPIT, BACKGROUND, GObject)

CockpitBackground      *cockpit_background_new            (void);

/* Asks to run with the window closed, saying @reason to the person; with
 * @autostart, also to be started hidden when the person logs in (and
 * without, that start is taken back).  @parent may be NULL. */
void                    cockpit_background_request_async  (CockpitBackground    *self,
                                                           GtkWindow            *parent,
                                                           const char           *reason,
                                                           gboolean              autostart,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);

/* The answer; for any but ALLOWED, *@explanation (if not NULL) gets what
 * to tell the person, in words.  A cancelled request is REFUSED with
 * @error set. */
CockpitBackgroundAnswer cockpit_background_request_finish (CockpitBackground    *self,
                                                           GAsyncResult         *result,
                                                           char                **explanation,
                                                           GError              **error);

/* The command line of the start at log-in: the app as a hidden service. */
const char * const     *cockpit_background_autostart_commandline (void);

G_END_DECLS
