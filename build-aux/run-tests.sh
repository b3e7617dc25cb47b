#!/bin/bash
# Runs every test of Keep in Touch, as CI does (.ci/run). As root on a fresh
# Debian 12 it first installs the packages the build and the tests need.
#
#   bash build-aux/run-tests.sh
#
# Three builds, each tested under a virtual screen (Xvfb) and its own
# session bus, so that the UI tests run real widgets:
#   build-ci    the default options (warnings are errors)
#   build-asan  AddressSanitizer + UndefinedBehaviorSanitizer, same tests
#   build-fuzz  clang with libFuzzer, suite 'fuzz' only (skipped without clang)
# A stage that fails does not stop the next one. The last line is always
#   tests: N passed, N failed, N skipped
# and the exit status is non-zero when a test or a build failed, or when no
# test ran at all.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo" || exit 1

started=$(date +%s)
problems=()
logs=()

say ()
{
  printf '\n==> %s\n' "$*"
}

problem ()
{
  problems+=("$1")
  printf '!!! %s\n' "$1" >&2
}

elapsed ()
{
  local s=$(( $(date +%s) - started ))
  printf '%dm%02ds' $(( s / 60 )) $(( s % 60 ))
}

# configure DIR [MESON OPTIONS...]: set up DIR, or reconfigure it if it exists.
configure ()
{
  local dir=$1
  shift
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$dir" "$@" || meson setup --wipe "$dir" "$@"
  else
    rm -rf "$dir"
    meson setup "$dir" "$@"
  fi
}

# Every meson test run gets a screen and a session bus.
wrapper=()
if command -v dbus-run-session >/dev/null 2>&1; then
  wrapper+=(dbus-run-session --)
else
  problem "dbus-run-session is missing (package dbus); tests run without a session bus"
fi
if command -v xvfb-run >/dev/null 2>&1; then
  wrapper+=(xvfb-run -a -s '-screen 0 1280x1024x24')
else
  problem "xvfb-run is missing (package xvfb); UI tests have no screen"
fi

# stage NAME DIR MESON-TEST-ARGS... -- MESON-SETUP-ARGS...
# Builds DIR and runs its tests, with the variables in stage_env added to the
# environment of the tests; remembers what failed.
stage_env=()
stage ()
{
  local name=$1 dir=$2
  shift 2
  local test_args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    test_args+=("$1")
    shift
  done
  shift
  local stage_start
  stage_start=$(date +%s)

  say "$name: configuring $dir ($(elapsed) so far)"
  if ! configure "$dir" "$@"; then
    problem "$name: meson setup failed in $dir"
    return
  fi
  say "$name: building"
  if ! meson compile -C "$dir"; then
    problem "$name: the build failed in $dir"
    return
  fi
  say "$name: testing"
  if ! env "${stage_env[@]}" "${wrapper[@]}" \
      meson test -C "$dir" --print-errorlogs --num-processes 2 "${test_args[@]}"; then
    problem "$name: some tests failed in $dir"
  fi
  logs+=("$dir/meson-logs/testlog.json")
  if [ ! -s "$dir/meson-logs/testlog.json" ]; then
    problem "$name: no test ran in $dir (no results were written)"
  fi
  say "$name: done in $(( $(date +%s) - stage_start ))s"
}

# Results of an earlier run must not be counted again.
rm -f build-ci/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
  build-fuzz/meson-logs/testlog.json

say "Installing missing packages"
if ! sh build-aux/setup-debian.sh; then
  problem "setup: build-aux/setup-debian.sh failed"
fi

if ! command -v meson >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
  problem "meson (and python3) are not installed, so nothing can be built"
  echo "tests: 0 passed, 0 failed"
  exit 1
fi

stage_env=()
stage "default build" build-ci \
  -- -Db_sanitize=none -Dfuzzing=false

# tests/meson.build sets the sanitizer options for its tests too; these cover
# any program a test starts outside that environment. GTK draws with cairo and
# without GL under the sanitizers: Mesa's driver leaks where no suppression
# can name it.
stage_env=(
  GDK_DEBUG=gl-disable
  GSK_RENDERER=cairo
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  "LSAN_OPTIONS=suppressions=$repo/tests/lsan.supp"
)
stage "sanitizer build" build-asan --timeout-multiplier 3 \
  -- -Db_sanitize=address,undefined -Db_lundef=false -Dfuzzing=false

if command -v clang >/dev/null 2>&1; then
  # The compiler of a build folder is fixed when it is first set up.
  if [ -f build-fuzz/meson-info/intro-compilers.json ] &&
     ! grep -q '"id": "clang"' build-fuzz/meson-info/intro-compilers.json; then
    rm -rf build-fuzz
  fi
  export CC=clang
  stage "fuzzing build" build-fuzz --suite fuzz \
    -- -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
  unset CC
else
  say "fuzzing build: skipped, clang is not installed"
fi

say "Summary ($(elapsed) in all)"
counts=$(python3 - "${logs[@]}" <<'PY'
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    build = path.split("/")[0]
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        continue
    for line in lines:
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            print("unreadable result line in", path, file=sys.stderr)
            failed += 1
            continue
        result = entry.get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
            print("failed: %s: %s (%s)" % (build, entry.get("name"), result),
                  file=sys.stderr)
print(passed, failed, skipped)
PY
) || { problem "the test results could not be read"; counts="0 0 0"; }
read -r passed failed skipped <<< "$counts"

status=0
if [ ${#problems[@]} -gt 0 ]; then
  echo "What went wrong:" >&2
  printf '  %s\n' "${problems[@]}" >&2
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
if [ $(( passed + failed )) -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
