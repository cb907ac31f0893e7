#!/bin/bash
# check-potfiles.sh: checks that po/POTFILES.in lists every file with translatable strings.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-potfiles.sh [SOURCE-ROOT]
# Fails when a file under src/ or resources/ that marks strings for
# translation, or a data/*.in or data/*.gschema.xml file, is missing from
# po/POTFILES.in, or when POTFILES.in lists a file that does not exist.
set -u

root=${1:-$(dirname "$0")/..}
cd "$root" || exit 2

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "$potfiles does not exist" >&2
  exit 1
fi

# The files listed, without comments, blank lines or surrounding spaces.
listed=$(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$potfiles" \
         | grep -v '^$' | sort -u)

failed=0

while IFS= read -r file; do
  [ -n "$file" ] || continue
  if [ ! -f "$file" ]; then
    echo "$potfiles lists $file, which does not exist" >&2
    failed=1
  fi
done <<< "$listed"

# Gettext calls: _(), N_(), C_(), NC_() (with or without a space before the
# parenthesis, as GNU style writes it) and the ngettext family; in GtkBuilder
# files, translatable="yes".
code_pattern='(^|[^[:alnum:]_])(N?C?_)[[:space:]]*\(|ngettext[[:space:]]*\(|g_dpgettext2?[[:space:]]*\('
ui_pattern='translatable="(yes|true|1)"'

candidates=$(
  {
    find src resources -type f \( -name '*.c' -o -name '*.h' \) \
      -exec grep -lE "$code_pattern" {} + 2>/dev/null
    find src resources -type f \( -name '*.ui' -o -name '*.xml' -o -name '*.ui.in' \) \
      -exec grep -lE "$ui_pattern" {} + 2>/dev/null
    # The desktop entry, the metainfo and the schema; a D-Bus service file
    # (*.service.in) holds nothing to translate.
    find data -maxdepth 1 -type f \( -name '*.in' -o -name '*.gschema.xml' \) \
      ! -name '*.service.in' 2>/dev/null
  } | sed 's|^\./||' | sort -u
)

while IFS= read -r file; do
  [ -n "$file" ] || continue
  if ! grep -qxF -- "$file" <<< "$listed"; then
    echo "$file has translatable strings but is missing from $potfiles" >&2
    failed=1
  fi
done <<< "$candidates"

if [ "$failed" -ne 0 ]; then
  echo "Add the missing files to $potfiles (sorted, one a line) or remove the stale ones." >&2
  exit 1
fi

echo "$potfiles lists all $(grep -c . <<< "$candidates") files with translatable strings"
exit 0
