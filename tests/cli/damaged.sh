#!/bin/bash
# Files that are not whole records exit 3: garbage, empty, truncated, and a
# record with one byte of its body changed.
set -eu
. "$(dirname "$0")/common.sh"

pass=$(secret pass "steady hands")

head -c 4096 /dev/urandom >"$TMP/garbage.kit"
run 3 "$CLI" --passphrase-fd 3 verify "$TMP/garbage.kit" 3<"$pass"
expect_no_out
expect_err

: >"$TMP/empty.kit"
run 3 "$CLI" --passphrase-fd 3 verify "$TMP/empty.kit" 3<"$pass"
expect_no_out

printf 'SQLite format 3\000' >"$TMP/sqlite.kit"
head -c 4080 /dev/zero >>"$TMP/sqlite.kit"
run 3 "$CLI" --passphrase-fd 3 verify "$TMP/sqlite.kit" 3<"$pass"

run 0 "$CLI" --passphrase-fd 3 create "$TMP/good.kit" 3<"$pass"
size=$(stat -c %s "$TMP/good.kit")
for keep in $((size - 1)) $((size / 2)) 200 20; do
  head -c "$keep" "$TMP/good.kit" >"$TMP/cut.kit"
  run 3 "$CLI" --passphrase-fd 3 verify "$TMP/cut.kit" 3<"$pass"
  expect_no_out
done

# One byte of the last chunk changed.
cp "$TMP/good.kit" "$TMP/flipped.kit"
printf '\377' | dd of="$TMP/flipped.kit" bs=1 seek=$((size - 5)) conv=notrunc status=none
cmp -s "$TMP/good.kit" "$TMP/flipped.kit" && fail "the byte was not changed"
run 3 "$CLI" --passphrase-fd 3 verify "$TMP/flipped.kit" 3<"$pass"
expect_no_out

# The good one still verifies (the damage was only to the copies).
run 0 "$CLI" --passphrase-fd 3 verify "$TMP/good.kit" 3<"$pass"
expect_out "ok"
