/* cockpit-async.h: the one rule for async work a widget starts (see CONTRIBUTING.md).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A widget never lives longer because of a call it started, and no
 * callback touches a disposed widget:
 *  - what the widget only reads (versions, a page of the log) gets the
 *    widget's GCancellable, cancelled in its dispose;
 *  - what changes something (an action, a plan, a notification read) is
 *    not cancelled with the widget: it goes on, followed by the model;
 *    its callback holds the widget weakly, through cockpit_weak_new()
 *    as user data, and does nothing when cockpit_weak_steal() finds it
 *    gone.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A weak reference to @object, to pass as a callback's user data. */
static inline gpointer
cockpit_weak_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

/* A strong reference to the object, or NULL when it is gone; frees the
 * weak reference @data made by cockpit_weak_new(). */
static inline gpointer
cockpit_weak_steal (gpointer data)
{
  GWeakRef *ref = data;
  gpointer object = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return object;
}

G_END_DECLS
