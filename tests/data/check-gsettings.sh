#!/bin/sh
# Checks that the schema compiled into the build folder loads, and that it
# holds exactly the keys the app relies on, with their defaults and ranges.
#
# Usage: check-gsettings.sh COMPILED_SCHEMA_DIR
set -u

dir=${1:?usage: check-gsettings.sh COMPILED_SCHEMA_DIR}
schema=org.keepintouch.KeepInTouch

if ! command -v gsettings >/dev/null 2>&1; then
  echo "gsettings is not installed (Debian package libglib2.0-bin); skipping"
  exit 77
fi
if [ ! -f "$dir/gschemas.compiled" ]; then
  echo "$dir/gschemas.compiled is missing: the schema was not compiled into the build folder" >&2
  exit 1
fi

expected='idle-lock-minutes uint32 10
backups-to-keep uint32 10
recent-records @as []
last-record '"''"'
window-width 960
window-height 680
window-maximized false'

actual=$(GSETTINGS_BACKEND=memory gsettings --schemadir "$dir" list-recursively "$schema" \
  | sed "s/^$schema //") || exit 1

status=0
sorted_expected=$(printf '%s\n' "$expected" | LC_ALL=C sort)
sorted_actual=$(printf '%s\n' "$actual" | LC_ALL=C sort)
if [ "$sorted_expected" != "$sorted_actual" ]; then
  echo "The keys of $schema are not the expected ones." >&2
  echo "Expected:" >&2
  printf '%s\n' "$sorted_expected" | sed 's/^/  /' >&2
  echo "Found:" >&2
  printf '%s\n' "$sorted_actual" | sed 's/^/  /' >&2
  status=1
fi

check_range ()
{
  got=$(GSETTINGS_BACKEND=memory gsettings --schemadir "$dir" range "$schema" "$1" | tr '\n' ' ')
  if [ "$got" != "$2" ]; then
    echo "Range of $1: expected '$2', found '$got'" >&2
    status=1
  fi
}
check_range idle-lock-minutes 'range u 1 240 '
check_range backups-to-keep 'range u 1 100 '

[ "$status" -eq 0 ] && echo "ok: $schema has the expected keys, defaults and ranges"
exit "$status"
