#!/bin/sh
# Extracts the translatable strings of every file in po/POTFILES.in, the way
# `meson compile keep-in-touch-pot` does (the glib preset), into a scratch
# folder, so that a file xgettext cannot read (a malformed .ui, .desktop.in,
# metainfo or schema) fails the tests instead of breaking translators later.
# The source tree is never written to.
#
# Usage: check-xgettext.sh [SOURCE_ROOT]   (default: $KIT_SOURCE_DIR, then .)
set -u

root=${1:-${KIT_SOURCE_DIR:-.}}
cd "$root" || { echo "check-xgettext: cannot enter $root" >&2; exit 1; }

if ! command -v xgettext >/dev/null 2>&1; then
  echo "xgettext is not installed (Debian package gettext); skipping"
  exit 77
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

if ! xgettext --package-name=keep-in-touch \
    --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
    --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
    --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
    --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format \
    --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
    --directory=. --files-from=po/POTFILES.in \
    --output="$tmp/keep-in-touch.pot" 2> "$tmp/errors"; then
  echo "xgettext could not extract the translatable strings:" >&2
  cat "$tmp/errors" >&2
  exit 1
fi
# xgettext exits 0 even when it cannot parse an XML file; its messages say so.
if grep -Eiq 'cannot |error' "$tmp/errors"; then
  echo "xgettext could not read every file:" >&2
  cat "$tmp/errors" >&2
  exit 1
fi
if [ -s "$tmp/errors" ]; then
  cat "$tmp/errors" >&2
fi

if [ ! -f "$tmp/keep-in-touch.pot" ]; then
  echo "xgettext found no translatable strings at all" >&2
  exit 1
fi
if ! msgfmt --check-format -o /dev/null "$tmp/keep-in-touch.pot" 2> "$tmp/fmt"; then
  echo "The extracted template is not valid:" >&2
  cat "$tmp/fmt" >&2
  exit 1
fi
echo "ok: $(grep -c '^msgid ' "$tmp/keep-in-touch.pot") messages extracted"
