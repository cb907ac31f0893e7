#!/bin/sh
# check-flatpak-manifest.sh: fails when flatpak-builder warns about the Flatpak manifest.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-flatpak-manifest.sh FLATPAK-BUILDER MANIFEST
# flatpak-builder only warns about unknown or misspelt properties and still
# exits with 0, so anything it prints on stderr counts as a failure.
set -u

builder=${1:?usage: $0 FLATPAK-BUILDER MANIFEST}
manifest=${2:?usage: $0 FLATPAK-BUILDER MANIFEST}

case $manifest in
  /*) ;;
  *) manifest=$PWD/$manifest ;;
esac

# flatpak-builder creates its state folder in the working directory, so it
# runs in a scratch folder that is removed afterwards.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
errors=$scratch/stderr

(cd "$scratch" && "$builder" --show-manifest "$manifest") >/dev/null 2>"$errors"
status=$?

if [ "$status" -ne 0 ] || [ -s "$errors" ]; then
  echo "flatpak-builder --show-manifest $manifest (exit status $status):" >&2
  cat "$errors" >&2
  exit 1
fi

echo "$manifest: no warnings"
exit 0
