#!/bin/sh
# check-wall.sh: builds one case of tests/walls and checks that a forbidden include fails.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-wall.sh NINJA BUILD-DIR TARGET HEADER forbidden|allowed
# A forbidden case passes only when the build fails because HEADER is not
# found, so a case that fails for another reason (a typo, a broken build)
# does not pass for a wall.
set -u

ninja=$1 build=$2 target=$3 header=$4 expect=$5
relative=${target#"$build"/}
output=$("$ninja" -C "$build" "$relative" 2>&1)
status=$?

case $expect in
  forbidden)
    if [ "$status" -eq 0 ]; then
      echo "$relative compiled: the layer can include $header"
      exit 1
    fi
    if ! printf '%s\n' "$output" | grep -q "$header: No such file or directory"; then
      echo "$relative failed, but not because $header is out of reach:"
      printf '%s\n' "$output"
      exit 1
    fi
    echo "$header is out of the layer's reach"
    ;;
  allowed)
    if [ "$status" -ne 0 ]; then
      echo "$relative did not compile, but the layer may include $header:"
      printf '%s\n' "$output"
      exit 1
    fi
    echo "$header is within the layer's reach"
    ;;
  *)
    echo "usage: $0 NINJA BUILD-DIR TARGET HEADER forbidden|allowed" >&2
    exit 2
    ;;
esac
