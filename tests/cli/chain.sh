#!/bin/bash
# The benchmark record's data: hash chains that verify, a full-text index
# that matches the diary, diary entries of about 600 characters that differ.
# Then an altered change makes verify exit 3 naming the child.
# $2 is the kit-test-sql helper.
set -eu
. "$(dirname "$0")/common.sh"
SQL=$2
export KIT_TEST_PASSPHRASE=benchmark

run 0 "$CLI" bench --size small --keep "$TMP/b"
rec=$TMP/b/bench.kit

run 0 "$SQL" "$rec" "INSERT INTO diary_fts (diary_fts) VALUES ('integrity-check')"
run 0 "$SQL" "$rec" "SELECT count(*) FROM diary_fts WHERE diary_fts MATCH 'letter'"
[ "$(cat "$TMP/out")" -gt 0 ] || fail "full-text search finds nothing"
run 0 "$SQL" "$rec" "SELECT min(length(body)) >= 500, max(length(body)) <= 760, abs(avg(length(body)) - 600) < 40 FROM diary_entries"
expect_out "$(printf '1\t1\t1')"
run 0 "$SQL" "$rec" "SELECT count(DISTINCT body) = count(*) FROM diary_entries"
expect_out "1"
run 0 "$SQL" "$rec" "SELECT count(*), min(seq), max(seq), count(DISTINCT hash), sum(prev_hash IS NULL) FROM changes"
expect_out "$(printf '200\t1\t200\t200\t1')"
run 0 "$SQL" "$rec" "SELECT name FROM children"
child=$(cat "$TMP/out")

run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<"benchmark"
expect_out "ok"

# Alter what a change says after it was written.
run 0 "$SQL" "$rec" "UPDATE changes SET her_view = 'altered later' WHERE seq = 50"
run 3 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<"benchmark"
expect_no_out
grep -qF "$child" "$TMP/err" || fail "verify did not name $child: $(cat "$TMP/err")"
