#!/bin/sh
# skip-test.sh: stands in for a test whose tool is not installed, and says so.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: skip-test.sh REASON
# Exit status 77 is what meson counts as a skipped test.
echo "SKIP: ${1:-a tool this test needs is not installed}"
exit 77
