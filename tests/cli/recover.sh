#!/bin/bash
# create --with-recovery-key prints the key once; recover with it sets a new
# passphrase: the new one opens, the old one does not, a wrong key exits 2.
set -eu
. "$(dirname "$0")/common.sh"

rec=$TMP/new.kit
old=$(secret old "forgotten words")
new=$(secret new "remembered words")

run 0 "$CLI" --passphrase-fd 3 create "$rec" --with-recovery-key 3<"$old"
[ "$(grep -c . "$TMP/out")" -eq 1 ] || fail "expected the recovery key on one line, got: $(cat "$TMP/out")"
key=$(cat "$TMP/out")
[ "${#key}" -ge 40 ] || fail "recovery key '$key' looks too short"
grep -qF "$key" "$TMP/err" && fail "the recovery key was also printed on stderr"

# A different, well-formed key is refused with 2 (first group altered).
run 0 "$CLI" --passphrase-fd 3 create "$TMP/other.kit" --with-recovery-key 3<"$old"
other_key=$(cat "$TMP/out")
[ "$other_key" != "$key" ] || fail "two records got the same recovery key"
printf '%s\n' "$other_key" >"$TMP/other-key"
run 2 "$CLI" recover "$rec" --recovery-key-fd 3 --new-passphrase-fd 4 3<"$TMP/other-key" 4<"$new"
expect_no_out

printf '%s\n' "$key" >"$TMP/key"
run 0 "$CLI" recover "$rec" --recovery-key-fd 3 --new-passphrase-fd 4 3<"$TMP/key" 4<"$new"
expect_no_out

run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$new"
expect_out "ok"
run 2 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$old"
expect_no_out

# The recovery key still works after that.
run 0 "$CLI" recover "$rec" --recovery-key-fd 3 --new-passphrase-fd 4 3<"$TMP/key" 4<"$old"
run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$old"
expect_out "ok"
