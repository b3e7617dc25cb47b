#!/bin/sh
# Installs the Debian 12 packages Keep in Touch needs to build, run and test.
# Only packages that are missing are installed; safe to run again.
set -eu

PACKAGES="
build-essential meson ninja-build pkg-config gettext itstool
libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
libsqlite3-dev libsodium-dev libxml2-dev libxml2-utils libpango1.0-dev libcairo2-dev
check libfiu-dev fiu-utils
clang libclang-rt-14-dev
xvfb xauth dbus dbus-bin at-spi2-core
desktop-file-utils appstream-util libglib2.0-bin python3
poppler-utils strace
fonts-cantarell fonts-dejavu-core
xdotool imagemagick
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Some packages are missing. Run this as root (or with sudo)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
fi
