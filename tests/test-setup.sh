#!/bin/bash
# test-setup.sh: the set-up's package detection, under the shell options the set-up runs with.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-setup.sh SOURCE-ROOT   (prints TAP)
# build-aux/run-demo and run-tests source setup-common.sh under
# `set -euo pipefail`.  On a machine that has every package, a detection
# that stops at the first missing package cannot show; these cases make
# packages go missing on purpose, so it shows everywhere.
set -u

root=${1:?usage: $0 SOURCE-ROOT}
common=$root/build-aux/setup-common.sh
missing_package=cockpit-no-such-package-for-tests
# dpkg itself is installed wherever dpkg-query runs.
present_package=dpkg

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "1..0 # SKIP dpkg-query is not installed: not a Debian or Ubuntu system"
  exit 0
fi

n=0
failed=0

# check NAME EXPECTED ACTUAL
check ()
{
  n=$((n + 1))
  if [ "$2" = "$3" ]; then
    echo "ok $n - $1"
  else
    failed=1
    echo "not ok $n - $1"
    printf '# expected: %s\n' "$2"
    printf '# got:      %s\n' "$3"
  fi
}

# In a strict shell, as run-demo and run-tests do, and read back through
# mapfile and a process substitution, as cockpit_install_packages does.
detect ()
{
  bash -c '
    set -euo pipefail
    source "$1"
    shift
    mapfile -t missing < <(cockpit_missing_packages "$@")
    echo "${missing[*]}"
  ' detect "$common" "$@" 2>&1
}

check "a missing package is reported" \
  "$missing_package" "$(detect "$missing_package")"
check "an installed package is not reported" \
  "" "$(detect "$present_package")"
check "the packages after a missing one are still looked at" \
  "$missing_package ${missing_package}-2" \
  "$(detect "$missing_package" "$present_package" "${missing_package}-2")"

# The whole install step, with the root command replaced by an echo: the
# missing package must reach apt-get, the installed one must not.
plan=$(bash -c '
  set -euo pipefail
  source "$1"
  COCKPIT_PACKAGES=("$2" "$3")
  COCKPIT_TEST_PACKAGES=()
  COCKPIT_OPTIONAL_PACKAGES=()
  cockpit_log () { :; }
  cockpit_as_root () { echo "$*"; }
  cockpit_install_packages
' plan "$common" "$present_package" "$missing_package" 2>&1 | grep 'apt-get install')
check "the install step hands the missing package to apt-get" \
  "env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing_package" "$plan"

# Test packages are installed for the tests only, never for the demo.
plan=$(bash -c '
  set -euo pipefail
  source "$1"
  COCKPIT_PACKAGES=("$2")
  COCKPIT_TEST_PACKAGES=("$3")
  COCKPIT_OPTIONAL_PACKAGES=()
  cockpit_log () { :; }
  cockpit_as_root () { echo "$*"; }
  cockpit_install_packages
  echo ---
  cockpit_install_packages tests
' plan "$common" "$present_package" "$missing_package" 2>&1 | grep -E 'apt-get install|---' | tr '\n' ' ')
check "test packages are installed for the tests, not for the demo" \
  "--- env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing_package " "$plan"

echo "1..$n"
exit $failed
