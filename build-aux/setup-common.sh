# setup-common.sh: the shared set-up of run-demo and run-tests (packages, meson, ninja).
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# Sourced by build-aux/run-demo and build-aux/run-tests, never run by itself.
# Every step is idempotent: packages are installed only when one is missing,
# and an existing build folder is reconfigured instead of set up anew.

# What a fresh Debian 12 or Ubuntu machine needs to build, run and test.
COCKPIT_PACKAGES=(
  meson ninja-build pkg-config gcc
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  libglib2.0-dev-bin gettext python3
  xvfb xauth dbus dbus-x11 gnome-keyring
  desktop-file-utils appstream flatpak-builder
  openssl
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
cockpit_missing_packages ()
{
  local package status

  for package in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)
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

cockpit_install_packages ()
{
  local missing optional

  if ! command -v dpkg-query >/dev/null 2>&1; then
    cockpit_log "Not a Debian or Ubuntu system: install these packages by hand: ${COCKPIT_PACKAGES[*]}"
    return 0
  fi

  mapfile -t missing < <(cockpit_missing_packages "${COCKPIT_PACKAGES[@]}")
  mapfile -t optional < <(cockpit_missing_packages "${COCKPIT_OPTIONAL_PACKAGES[@]}")

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

cockpit_setup ()
{
  cockpit_install_packages || return 1
  cockpit_build || return 1
}
