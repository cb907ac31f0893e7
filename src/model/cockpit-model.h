/* cockpit-model.h: the whole domain model in one include.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cockpit-types.h"
#include "cockpit-version.h"
#include "cockpit-json.h"

#include "cockpit-action.h"
#include "cockpit-action-error.h"
#include "cockpit-activity-entry.h"
#include "cockpit-backup.h"
#include "cockpit-environment.h"
#include "cockpit-notification.h"
#include "cockpit-package.h"
#include "cockpit-plan.h"
#include "cockpit-plan-step.h"
#include "cockpit-release.h"
#include "cockpit-stage.h"
#include "cockpit-upgrade-backup.h"
#include "cockpit-user.h"

#include "cockpit-rules.h"
#include "cockpit-availability.h"
#include "cockpit-flow-state.h"
