/* cockpit-rules-private.h: what the files of the rules share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-rules.h"

G_BEGIN_DECLS

/* Sets *@message to @text (taking it), or frees @text when @message is NULL. */
void               _cockpit_rules_set_message         (char                  **message,
                                                       char                   *text);
CockpitBlockReason _cockpit_rules_block_not_set_up    (CockpitEnvironment     *environment,
                                                       char                  **message);
/* @what: "upgraded again", "torn down", ... */
CockpitBlockReason _cockpit_rules_block_backup_exists (CockpitUpgradeBackup   *backup,
                                                       const char             *what,
                                                       char                  **message);

G_END_DECLS
