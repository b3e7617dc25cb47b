#!/bin/bash
# Builds Keep in Touch and starts it from the build folder, without
# installing anything of its own (run it as root the first time on a fresh
# Debian 12, so that the set-up script can install the packages it needs).
#
#   bash build-aux/run-app.sh [--open RECORD] [other options of keep-in-touch]
#
# The build goes to build/ (reconfigured when it already exists). The app
# finds its settings schema in build/data and its icon in data/icons.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$repo/build"

sh "$repo/build-aux/setup-debian.sh"

if [ -f "$build/meson-private/coredata.dat" ]; then
  meson setup --reconfigure "$build" "$repo"
else
  meson setup "$build" "$repo"
fi
meson compile -C "$build"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "The app is built, but there is no screen to show it on (neither DISPLAY nor" >&2
  echo "WAYLAND_DISPLAY is set). Run this from a terminal in your desktop session." >&2
  exit 1
fi

export GSETTINGS_SCHEMA_DIR="$build/data"
export XDG_DATA_DIRS="$repo/data:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
# Relative paths in the arguments (--open RECORD) stay relative to where the
# script was started: the working folder is not changed.
exec "$build/src/app/keep-in-touch" "$@"
