/* cockpit-backup-card.h: the upgrade backup of Live, its countdown and what can be done with it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cockpit-session.h"

G_BEGIN_DECLS

#define COCKPIT_TYPE_BACKUP_CARD (cockpit_backup_card_get_type ())

G_DECLARE_FINAL_TYPE (CockpitBackupCard, cockpit_backup_card, COCKPIT, BACKUP_CARD, GtkWidget)

/* Shows the upgrade backup of @live as of the session's clock; hides
 * itself when there is none.  Any argument may be NULL. */
void        cockpit_backup_card_set_environment (CockpitBackupCard  *self,
                                                 CockpitSession     *session,
                                                 CockpitEnvironment *live);
/* Shows the time left again (called once a minute by the window). */
void        cockpit_backup_card_update          (CockpitBackupCard  *self);
/* Shows why the backup's buttons are off, from the window's answer. */
void        cockpit_backup_card_set_availability (CockpitBackupCard   *self,
                                                  CockpitAvailability *availability);
/* The countdown as shown, "31 h 12 min" (tests). */
const char *cockpit_backup_card_get_countdown   (CockpitBackupCard  *self);
/* Narrow: the buttons one under the other, as wide as the card. */
void        cockpit_backup_card_set_narrow      (CockpitBackupCard  *self,
                                                 gboolean            narrow);
gboolean    cockpit_backup_card_get_can_extend  (CockpitBackupCard  *self);

G_END_DECLS
