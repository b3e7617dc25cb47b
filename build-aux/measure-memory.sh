#!/bin/bash
# How much memory the benchmark record adds to the running app: the app's
# peak RSS (printed by --measure-startup as peak-rss-kb, after it has shown
# the busiest child's page and the diary) with the benchmark record open,
# minus the same with an empty record, with the same renderer. Prints
#   record-memory-mb N.N
# and each run's figures on standard error. The budget (DESIGN §8) is 40 MB.
#
#   bash build-aux/measure-memory.sh [BUILD_DIR] [RUNS]
#
# BUILD_DIR defaults to build-dev. Needs xvfb-run and dbus-run-session when
# there is no screen. The records go to a scratch folder that is removed.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$repo/build-dev}" && pwd)
runs=${2:-3}
app="$build/src/app/keep-in-touch"
cli="$build/src/cli/keep-in-touch-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory
export GDK_DEBUG=gl-disable GSK_RENDERER=cairo
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache"
pass="$work/pass"
printf 'benchmark\n' > "$pass"

KIT_KDF_MINIMAL=1 "$cli" --passphrase-fd 3 bench --size large --keep "$work/bench" 3<"$pass" >/dev/null
KIT_KDF_MINIMAL=1 "$cli" --passphrase-fd 3 create "$work/empty.kit" 3<"$pass" >/dev/null

run_app () {
  if [ -n "${DISPLAY:-}" ]; then
    "$app" --open "$1" --passphrase-fd 3 --measure-startup 3<"$pass"
  else
    dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \
      "$app" --open "$1" --passphrase-fd 3 --measure-startup 3<"$pass"
  fi
}

# The median of the runs' peak RSS for one record, in kB. A run that
# prints no figure (a virtual screen that failed to start beside other
# programs' ones, say) is tried again, twice at most.
peak_kb () {
  local record=$1 values=()
  for _ in $(seq "$runs"); do
    local out="" value="" tries=0
    while [ -z "$value" ] && [ $tries -lt 3 ]; do
      out=$(run_app "$record" 2>"$work/stderr" | grep -E '^[a-z-]+ [0-9]+$' || true)
      value=$(echo "$out" | awk '$1 == "peak-rss-kb" { print $2 }')
      tries=$((tries + 1))
      if [ -z "$value" ]; then
        echo "$(basename "$record"): no figures; its errors were:" >&2
        tail -n 5 "$work/stderr" >&2
      fi
    done
    [ -n "$value" ] || return 1
    echo "$(basename "$record"): $(echo "$out" | tr '\n' ' ')" >&2
    values+=("$value")
  done
  printf '%s\n' "${values[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

with=$(peak_kb "$work/bench/bench.kit" || true)
without=$(peak_kb "$work/empty.kit" || true)
if [ -z "$with" ] || [ -z "$without" ]; then
  echo "The app printed no peak-rss-kb; is it built, and can it show a window?" >&2
  exit 1
fi
awk -v a="$with" -v b="$without" 'BEGIN { printf "record-memory-mb %.1f\n", (a - b) / 1024 }'
