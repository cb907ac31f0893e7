#!/bin/sh
# run-fuzz.sh: builds the libFuzzer targets with clang (ASan, UBSan) and runs them.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/run-fuzz.sh [SECONDS] [BUILD_DIR] [TARGET...]
#
#   SECONDS    how long to fuzz each target, 20 by default;
#              build-aux/run-fuzz.sh 3600 for a long run
#   BUILD_DIR  a configured meson build folder (for config.h), ./build by default
#   TARGET     the targets to run (json, sim-request, ...), all by default;
#              `build-aux/run-fuzz.sh --list` prints them
#
# FUZZ_SEED=N fixes libFuzzer's seed; FUZZ_RUNS=N runs N inputs (the seed
# corpus's among them) instead of SECONDS, so that a short run does as much
# on every machine, however fast (tests/fuzz/meson.build).  The inputs
# still differ from run to run: libFuzzer follows the coverage it sees,
# and that is not the same twice.
#
# The arguments may come in any order: a number is SECONDS, a folder with
# a config.h is BUILD_DIR, anything else a TARGET.
#
# The main build uses gcc, so the targets are compiled here, apart from
# it, into BUILD_DIR/fuzz/ (with the sources the main build generates,
# made by ninja when missing): the layers' sources once into objects (again
# when a source or header is newer), then one program per target.  The
# seed corpus of a target is tests/fuzz/corpus/TARGET/; new inputs the
# fuzzer finds go to BUILD_DIR/fuzz/corpus/TARGET/, never into the source
# tree.  A crash, a sanitizer report, a leak, a warning or a failed check
# leaves its input in BUILD_DIR/fuzz/ as crash-*, leak-*, timeout-* or
# oom-* and fails.  Exits with 77 (meson's "skipped") when clang or
# libFuzzer is missing.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
clang=${CLANG:-clang}

# Each target: its name, and the layers it links besides its own file.
all_targets="json sim-request sim-state token-file client-answer journal session-cache helpdesk-seen reminders"
layers_of () {
  case "$1" in
    json) echo model ;;
    sim-request|sim-state|token-file) echo "model sim" ;;
    client-answer|journal|session-cache|helpdesk-seen|reminders) echo "model api" ;;
    *) return 1 ;;
  esac
}

# Each layer's sources that the main build generates: the sim's GResource
# (the contract it serves).
generated_of () {
  case "$1" in
    sim) echo "$builddir/src/sim/cockpit-sim-resources.c" ;;
  esac
}

seconds=20
builddir=
targets=
for arg in "$@"; do
  case "$arg" in
    --list) echo "$all_targets" | tr ' ' '\n'; exit 0 ;;
    *[!0-9]*|'')
      if [ -f "$arg/config.h" ]; then
        builddir=$arg
      elif layers_of "$arg" >/dev/null; then
        targets="$targets $arg"
      else
        echo "run-fuzz.sh: $arg is no target (run-fuzz.sh --list) and no configured build folder" >&2
        exit 2
      fi ;;
    *) seconds=$arg ;;
  esac
done
builddir=${builddir:-${MESON_BUILD_ROOT:-$srcdir/build}}
targets=${targets:-$all_targets}
out=$builddir/fuzz

if ! command -v "$clang" >/dev/null 2>&1; then
  echo "run-fuzz.sh: $clang is not installed; skipping" >&2
  exit 77
fi
if [ ! -f "$builddir/config.h" ]; then
  echo "run-fuzz.sh: $builddir is not a configured build folder (no config.h)" >&2
  exit 1
fi

mkdir -p "$out/obj"

# libFuzzer ships with clang on Debian, but make sure before a long compile.
printf 'int LLVMFuzzerTestOneInput (const char *d, unsigned long s) { return 0; }\n' > "$out/probe.c"
if ! "$clang" -fsanitize=fuzzer "$out/probe.c" -o "$out/probe" 2>/dev/null; then
  echo "run-fuzz.sh: $clang cannot link libFuzzer (-fsanitize=fuzzer); skipping" >&2
  exit 77
fi
rm -f "$out/probe" "$out/probe.c"

# The same version pins as the main build (meson.build).
defines="-DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
         -DJSON_VERSION_MIN_REQUIRED=JSON_VERSION_1_6 -DJSON_VERSION_MAX_ALLOWED=JSON_VERSION_1_6
         -DSOUP_VERSION_MIN_REQUIRED=SOUP_VERSION_3_2 -DSOUP_VERSION_MAX_ALLOWED=SOUP_VERSION_3_2
         -DG_LOG_USE_STRUCTURED=1"
pkgs="glib-2.0 gio-2.0 gio-unix-2.0 json-glib-1.0 libsoup-3.0"
# shellcheck disable=SC2086
cflags="-g -O1 -fno-omit-frame-pointer -Werror=implicit-function-declaration $defines $(pkg-config --cflags $pkgs)
        -I$builddir -I$builddir/src/sim -I$srcdir/src -I$srcdir/src/model -I$srcdir/src/sim -I$srcdir/src/api -I$srcdir/tests/fuzz"
# shellcheck disable=SC2086
libs="$(pkg-config --libs $pkgs) -lm"
sanitizers="address,undefined -fno-sanitize-recover=undefined"

# The layers' sources, instrumented for coverage, into objects; only what
# changed since (a source, or any header) is compiled again.
sources=
for target in $targets; do
  for layer in $(layers_of "$target"); do
    for file in $(generated_of "$layer"); do
      if [ ! -f "$file" ]; then
        generated=${file#"$builddir"/}
        ninja -C "$builddir" "$generated" "${generated%.c}.h" >&2
      fi
    done
    for file in "$srcdir/src/$layer"/*.c $(generated_of "$layer"); do
      case "$file" in */cockpit-sim-main.c) continue ;; esac
      sources="$sources $file"
    done
  done
done
stale=
for file in $(echo "$sources" | tr ' ' '\n' | sort -u); do
  layer=$(basename "$(dirname "$file")")
  obj="$out/obj/$layer-$(basename "$file" .c).o"
  if [ ! -f "$obj" ] || [ "$file" -nt "$obj" ] ||
     [ -n "$(find "$srcdir/src" "$builddir/config.h" -name '*.h' -newer "$obj" | head -n 1)" ]; then
    stale="$stale $file:$obj"
  fi
done
if [ -n "$stale" ]; then
  echo "run-fuzz.sh: compiling $(echo "$stale" | wc -w) sources into $out/obj"
  # shellcheck disable=SC2086
  echo $stale | tr ' ' '\n' | xargs -P "$(nproc)" -n 1 sh -c '
    "$0" $1 -fsanitize=fuzzer-no-link,'"$sanitizers"' -c "${2%%:*}" -o "${2#*:}"
  ' "$clang" "$cflags"
fi

status=0
for target in $targets; do
  program="$out/fuzz-$target"
  objs=
  for layer in $(layers_of "$target"); do
    for file in "$srcdir/src/$layer"/*.c $(generated_of "$layer"); do
      case "$file" in */cockpit-sim-main.c) continue ;; esac
      objs="$objs $out/obj/$layer-$(basename "$file" .c).o"
    done
  done

  echo "run-fuzz.sh: building $program"
  # shellcheck disable=SC2086
  "$clang" $cflags -fsanitize=fuzzer,$sanitizers -DFUZZ_CORPUS_DIR="\"$srcdir/tests/fuzz/corpus\"" \
    -o "$program" "$srcdir/tests/fuzz/fuzz-$target.c" $objs $libs

  # A run of FUZZ_RUNS inputs starts from the seed corpus alone, in a
  # folder of its own emptied first, so that it is the same run every time.
  if [ -n "${FUZZ_RUNS:-}" ]; then
    limit=-runs=$FUZZ_RUNS
    corpus=$out/corpus-runs/$target
    rm -rf "$corpus"
    echo "run-fuzz.sh: fuzzing $target for $FUZZ_RUNS inputs"
  else
    limit=-max_total_time=$seconds
    corpus=$out/corpus/$target
    echo "run-fuzz.sh: fuzzing $target for $seconds s"
  fi
  mkdir -p "$corpus"
  # Leak checking is on: GLib's type system and caches stay reachable,
  # so they are no leak.  G_SLICE=always-malloc frees what GLib 2.74's
  # slice allocator would keep in its magazines: otherwise most inputs
  # seem to keep memory, libFuzzer stops checking each input for leaks,
  # and a leak shows only when the run ends, without its input.  Every
  # input may write files: into a folder of the target's own
  # (fuzz-util.h), never HOME or the XDG folders.
  if ! ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
       UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
       G_DEBUG=fatal-warnings \
       G_SLICE=always-malloc \
       GIO_USE_VFS=local \
       GIO_USE_PROXY_RESOLVER=dummy \
       GSETTINGS_BACKEND=memory \
       LC_ALL=C.UTF-8 \
       TZ=UTC \
       "$program" \
         "$limit" \
         ${FUZZ_SEED:+-seed="$FUZZ_SEED"} \
         -timeout=10 \
         -rss_limit_mb=2048 \
         -max_len=65536 \
         -print_final_stats=1 \
         -artifact_prefix="$out/$target-" \
         "$corpus" "$srcdir/tests/fuzz/corpus/$target"; then
    echo "run-fuzz.sh: $target FAILED; its input is in $out/$target-*" >&2
    status=1
  fi
done
exit $status
