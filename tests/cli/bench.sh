#!/bin/bash
# bench --size small --keep DIR prints every figure and leaves DIR/bench.kit,
# which verifies with the passphrase "benchmark" and holds the small counts.
set -eu
. "$(dirname "$0")/common.sh"

run 0 "$CLI" bench --size small --keep "$TMP/keep"
for name in kdf-ms open-ms save-median-ms save-p95-ms child-page-ms letter-pdf-ms; do
  grep -Eq "^$name [0-9]+(\.[0-9]+)? ms\$" "$TMP/out" || fail "no '$name N ms' line in: $(cat "$TMP/out")"
done
grep -Eq '^file-bytes [0-9]+ bytes$' "$TMP/out" || fail "no file-bytes line"
grep -Eq '^peak-rss-kb [0-9]+ kB$' "$TMP/out" || fail "no peak-rss-kb line"
[ "$(wc -l <"$TMP/out")" -eq 8 ] || fail "expected 8 lines, got: $(cat "$TMP/out")"
bytes=$(sed -n 's/^file-bytes \([0-9]*\) bytes$/\1/p' "$TMP/out")
[ "$bytes" -eq "$(stat -c %s "$TMP/keep/bench.kit")" ] || fail "file-bytes does not match the file"

rec=$TMP/keep/bench.kit
run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<"benchmark"
expect_out "ok"
run 0 "$CLI" --passphrase-fd 3 stats "$rec" 3<<<"benchmark"
expect_count children 1
expect_count people 3
expect_count arrangements 6
expect_count changes 200
expect_count sessions 300
expect_count diary_entries 1000
expect_count letters 0

# With --passphrase-fd the kept record uses that passphrase instead.
run 0 "$CLI" --passphrase-fd 3 bench --size small --keep "$TMP/keep2" 3<<<"another passphrase"
run 2 "$CLI" --passphrase-fd 3 verify "$TMP/keep2/bench.kit" 3<<<"benchmark"
run 0 "$CLI" --passphrase-fd 3 verify "$TMP/keep2/bench.kit" 3<<<"another passphrase"
expect_out "ok"

# Without --keep nothing is left behind in the temporary folder.
export TMPDIR=$TMP/tmp
mkdir "$TMPDIR"
run 0 "$CLI" bench --size small
[ -z "$(ls -A "$TMPDIR")" ] || fail "bench left files in TMPDIR: $(ls -A "$TMPDIR")"
