/* cockpit-helpdesk-row.h: one helpdesk notification in the helpdesk's list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-model.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_HELPDESK_ROW (cockpit_helpdesk_row_get_type ())

G_DECLARE_FINAL_TYPE (CockpitHelpdeskRow, cockpit_helpdesk_row, COCKPIT, HELPDESK_ROW, GtkListBoxRow)

/* The row follows @notification, which the helpdesk updates in place;
 * @package_name is the name of its package ("All packages" for none). */
GtkWidget           *cockpit_helpdesk_row_new              (CockpitNotification *notification,
                                                            const char          *package_name);
CockpitNotification *cockpit_helpdesk_row_get_notification (CockpitHelpdeskRow  *self);
/* "5 minutes ago" moves on: shows it as of @now. */
void                 cockpit_helpdesk_row_update_time      (CockpitHelpdeskRow  *self,
                                                            GDateTime           *now);

G_END_DECLS
