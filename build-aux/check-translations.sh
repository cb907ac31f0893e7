#!/bin/sh
# check-translations.sh: fails when a translation misses a message of today's sources, or has a fuzzy or broken one.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.sh SOURCE-ROOT LANGUAGE
# The template is made afresh from po/POTFILES.in with the keywords of
# meson's "glib" preset (what `ninja upgrade-cockpit-pot` uses), the
# translation is merged with it without fuzzy matching, so that a new or
# changed message counts as untranslated, and msgfmt checks the result:
# format strings (--check), one mnemonic per message
# (--check-accelerators) and the statistics, which must name no
# untranslated and no fuzzy message.
set -eu
root=$1
lang=$2
po=$root/po/$lang.po

for tool in xgettext msgmerge msgfmt; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (Debian package gettext)"; exit 77; }
done
[ -f "$po" ] || { echo "check-translations: $po is missing" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

(cd "$root" && xgettext --package-name=upgrade-cockpit --files-from=po/POTFILES.in \
  --output="$scratch/upgrade-cockpit.pot" --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format)

msgmerge --quiet --no-fuzzy-matching --output-file="$scratch/$lang.po" "$po" "$scratch/upgrade-cockpit.pot"
statistics=$(msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$scratch/$lang.po" 2>&1) || {
  echo "$statistics" >&2
  exit 1
}
echo "$lang: $statistics"
case $statistics in
  *untranslated*|*fuzzy*)
    echo "check-translations: po/$lang.po must translate every message of today's sources, none fuzzy." >&2
    echo "Update it with: ninja -C build upgrade-cockpit-update-po, then translate what msgfmt counts." >&2
    exit 1 ;;
esac
