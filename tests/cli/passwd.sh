#!/bin/bash
# passwd: afterwards the old passphrase exits 2, the new one opens, and the
# data is unchanged (compared on the benchmark record, which has data).
set -eu
. "$(dirname "$0")/common.sh"

old=$(secret old "benchmark")
new=$(secret new "a new and longer passphrase")
run 0 "$CLI" bench --size small --keep "$TMP/b"
rec=$TMP/b/bench.kit

run 0 "$CLI" --passphrase-fd 3 stats "$rec" 3<"$old"
cp "$TMP/out" "$TMP/stats-before"

run 0 "$CLI" --passphrase-fd 3 passwd "$rec" --new-passphrase-fd 4 3<"$old" 4<"$new"
expect_no_out

run 2 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$old"
run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$new"
expect_out "ok"
run 0 "$CLI" --passphrase-fd 3 stats "$rec" 3<"$new"
cmp -s "$TMP/out" "$TMP/stats-before" || fail "stats changed: $(cat "$TMP/stats-before") -> $(cat "$TMP/out")"

# Old and new passphrase as two lines on one descriptor.
printf '%s\n%s\n' "a new and longer passphrase" "third time lucky" >"$TMP/both"
run 0 "$CLI" --passphrase-fd 3 passwd "$rec" --new-passphrase-fd 3 3<"$TMP/both"
run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<"third time lucky"
expect_out "ok"

# A wrong old passphrase changes nothing.
run 2 "$CLI" --passphrase-fd 3 passwd "$rec" --new-passphrase-fd 4 3<"$old" 4<"$new"
run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<"third time lucky"
expect_out "ok"
