# setup-common.sh: the shared set-up of run-demo and run-tests (packages, meson, ninja).
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# Sourced by build-aux/run-demo and build-aux/run-tests, never run by itself.
# Every step is idempotent: packages are installed only when one is missing,
# and an existing build folder is reconfigured instead of set up anew.

# What a fresh Debian 12 or Ubuntu machine needs to build and run the app.
# `meson setup` needs nothing more than these.
COCKPIT_PACKAGES=(
  meson ninja-build pkg-config gcc
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  libportal-gtk4-dev
  libglib2.0-dev-bin gettext python3
)
# What the test suite needs on top: a headless X server, a D-Bus session with
# a keyring, the validators of the data files, openssl for the TLS test and
# jsonschema and yaml for the checks against the API contract, the
# accessibility bus with libatspi for the a11y test, XTest for the
# keyboard test.
# The tests that use a validator skip, saying why, when it is missing.
COCKPIT_TEST_PACKAGES=(
  xvfb xauth dbus dbus-x11 gnome-keyring
  desktop-file-utils appstream flatpak-builder
  openssl
  python3-jsonschema python3-yaml
  at-spi2-core libatspi2.0-dev libxtst-dev
)
# Wanted but not needed: clang builds the fuzzer.
COCKPIT_OPTIONAL_PACKAGES=(clang)

COCKPIT_SOURCE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COCKPIT_BUILD_DIR=$COCKPIT_SOURCE_ROOT/build

cockpit_log ()
{
  printf '\033[1m==> %s\033[0m\n' "$*" >&2
}

# Prints the packages of the arguments that are not installed.
# dpkg-query exits non-zero for a package it does not know, which under
# `set -e` would end the caller's subshell at the first missing package and
# report none at all; so its failure is taken as "not installed".
cockpit_missing_packages ()
{
  local package status

  for package in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null) || status=
    if [ "$status" != "installed" ]; then
      echo "$package"
    fi
  done
}

# Runs a command as root: directly when we are root, through sudo otherwise.
cockpit_as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

# Installs the missing packages of COCKPIT_PACKAGES and, with the argument
# "tests", those of COCKPIT_TEST_PACKAGES and COCKPIT_OPTIONAL_PACKAGES too.
cockpit_install_packages ()
{
  local missing optional
  local -a wanted=("${COCKPIT_PACKAGES[@]}") extra=()

  if [ "${1:-}" = tests ]; then
    wanted+=("${COCKPIT_TEST_PACKAGES[@]}")
    extra=("${COCKPIT_OPTIONAL_PACKAGES[@]}")
  fi

  if ! command -v dpkg-query >/dev/null 2>&1; then
    cockpit_log "Not a Debian or Ubuntu system: install these packages by hand: ${wanted[*]}"
    return 0
  fi

  mapfile -t missing < <(cockpit_missing_packages "${wanted[@]}")
  optional=()
  if [ "${#extra[@]}" -gt 0 ]; then
    mapfile -t optional < <(cockpit_missing_packages "${extra[@]}")
  fi

  if [ "${#missing[@]}" -eq 0 ] && [ "${#optional[@]}" -eq 0 ]; then
    return 0
  fi

  cockpit_log "Installing ${missing[*]} ${optional[*]}"
  cockpit_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1

  if [ "${#missing[@]}" -gt 0 ]; then
    cockpit_as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q "${missing[@]}" </dev/null || return 1
  fi

  if [ "${#optional[@]}" -gt 0 ]; then
    cockpit_as_root env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q "${optional[@]}" </dev/null \
      || cockpit_log "Could not install ${optional[*]}; going on without"
  fi
}

# Sets up (or reconfigures) ./build and builds everything in it.
cockpit_build ()
{
  cd "$COCKPIT_SOURCE_ROOT" || return 1

  if [ -f "$COCKPIT_BUILD_DIR/meson-private/coredata.dat" ]; then
    cockpit_log "Reconfiguring $COCKPIT_BUILD_DIR"
    if ! meson setup --reconfigure "$COCKPIT_BUILD_DIR"; then
      # Never wiped by itself: someone else may be building in it.
      cockpit_log "Could not reconfigure $COCKPIT_BUILD_DIR; if meson was upgraded, remove it and try again"
      return 1
    fi
  else
    cockpit_log "Setting up $COCKPIT_BUILD_DIR"
    meson setup "$COCKPIT_BUILD_DIR" || return 1
  fi

  cockpit_log "Building"
  ninja -C "$COCKPIT_BUILD_DIR" || return 1
}

# Usage: cockpit_setup [tests]
cockpit_setup ()
{
  cockpit_install_packages "${1:-}" || return 1
  cockpit_build || return 1
}
