#!/bin/sh
# run-fuzz.sh: builds the JSON fuzzer with clang (libFuzzer, ASan, UBSan) and runs it.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/run-fuzz.sh [SECONDS] [BUILD_DIR]
#
#   SECONDS    how long to fuzz, 20 by default; build-aux/run-fuzz.sh 3600 for a long run
#   BUILD_DIR  a configured meson build folder (for config.h), ./build by default
#
# The main build uses gcc, so the target is compiled here, apart from it,
# into BUILD_DIR/fuzz/ together with the model's sources.  New inputs the
# fuzzer finds go to BUILD_DIR/fuzz/corpus, never into the source tree;
# a crash leaves its input in BUILD_DIR/fuzz/ as crash-* and fails.
# Exits with 77 (meson's "skipped") when clang or libFuzzer is missing.
set -eu

seconds=${1:-20}
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${2:-${MESON_BUILD_ROOT:-$srcdir/build}}
clang=${CLANG:-clang}
out=$builddir/fuzz

if ! command -v "$clang" >/dev/null 2>&1; then
  echo "run-fuzz.sh: $clang is not installed; skipping" >&2
  exit 77
fi
if [ ! -f "$builddir/config.h" ]; then
  echo "run-fuzz.sh: $builddir is not a configured build folder (no config.h)" >&2
  exit 1
fi

mkdir -p "$out/corpus"

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
         -DG_LOG_USE_STRUCTURED=1"
# shellcheck disable=SC2046
cflags="$(pkg-config --cflags glib-2.0 gio-2.0 json-glib-1.0)"
libs="$(pkg-config --libs glib-2.0 gio-2.0 json-glib-1.0) -lm"

echo "run-fuzz.sh: compiling $out/fuzz-json"
# shellcheck disable=SC2086
"$clang" -g -O1 -fno-omit-frame-pointer \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  $defines $cflags -I"$builddir" -I"$srcdir/src" -I"$srcdir/src/model" \
  -o "$out/fuzz-json" \
  "$srcdir/tests/fuzz/fuzz-json.c" "$srcdir"/src/model/*.c \
  $libs

echo "run-fuzz.sh: fuzzing for $seconds s"
# GLib keeps its type system for the whole process: that is no leak.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
G_DEBUG=fatal-warnings \
  "$out/fuzz-json" \
    -max_total_time="$seconds" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -max_len=65536 \
    -print_final_stats=1 \
    -artifact_prefix="$out/" \
    "$out/corpus" "$srcdir/tests/fuzz/corpus"
