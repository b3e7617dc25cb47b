#!/bin/sh
# Checks that po/POTFILES.in lists every file with translatable strings, and
# names no file that does not exist.
#
# Usage: check-potfiles.sh [SOURCE_ROOT]   (default: $KIT_SOURCE_DIR, then .)
#
# A file needs listing when it is under src/ or ui/ and holds _("…"), N_("…"),
# C_(…), NC_(…), Q_("…"), ngettext (…), g_dngettext (…) or translatable="yes",
# or when it is one of data/*.desktop.in, data/*.metainfo.xml.in or
# data/*.gschema.xml. A file named in po/POTFILES.skip is never required.
set -u

root=${1:-${KIT_SOURCE_DIR:-.}}
cd "$root" || { echo "check-potfiles: cannot enter $root" >&2; exit 1; }

potfiles=po/POTFILES.in
if [ ! -f "$potfiles" ]; then
  echo "check-potfiles: $potfiles is missing" >&2
  exit 1
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# The entries of POTFILES.in (and POTFILES.skip): comments, blank lines and a
# leading "[type: ...]" removed, surrounding spaces trimmed.
entries ()
{
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/^[[:space:]]*\[[^]]*\][[:space:]]*//' \
      -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1"
}

entries "$potfiles" | sort -u > "$tmp/listed"
entries po/POTFILES.skip | sort -u > "$tmp/skipped"

# Files that contain translatable strings.
keyword_quoted='(^|[^[:alnum:]_])(_|N_|Q_)[[:space:]]*\([[:space:]]*"'
keyword_any='(^|[^[:alnum:]_])(C_|NC_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\('
ui_attr='translatable[[:space:]]*=[[:space:]]*["'"'"'](yes|true|1)["'"'"']'
{
  for dir in src ui; do
    [ -d "$dir" ] || continue
    find "$dir" -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
      -o -name '*.in' -o -name '*.xml' \) -print
  done
} | sort > "$tmp/candidates"
: > "$tmp/needed"
while IFS= read -r f; do
  if grep -Eq -e "$keyword_quoted" -e "$keyword_any" -e "$ui_attr" "$f"; then
    printf '%s\n' "$f" >> "$tmp/needed"
  fi
done < "$tmp/candidates"
for f in data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml; do
  [ -f "$f" ] && printf '%s\n' "$f" >> "$tmp/needed"
done
sort -u "$tmp/needed" -o "$tmp/needed"

status=0

# Needed but neither listed nor skipped.
comm -23 "$tmp/needed" "$tmp/listed" | comm -23 - "$tmp/skipped" > "$tmp/missing"
if [ -s "$tmp/missing" ]; then
  echo "These files have translatable strings but are not listed in $potfiles:" >&2
  sed 's/^/  /' "$tmp/missing" >&2
  status=1
fi

# Listed but not there.
: > "$tmp/gone"
while IFS= read -r f; do
  [ -f "$f" ] || printf '%s\n' "$f" >> "$tmp/gone"
done < "$tmp/listed"
if [ -s "$tmp/gone" ]; then
  echo "$potfiles names files that do not exist:" >&2
  sed 's/^/  /' "$tmp/gone" >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "ok: $(wc -l < "$tmp/listed") files listed in $potfiles, none missing"
fi
exit "$status"
