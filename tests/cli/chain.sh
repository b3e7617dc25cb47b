#!/bin/bash
# The benchmark record's data: hash chains that verify, a full-text index
# that matches the diary, diary entries of about 600 characters that differ.
# Then altering any hashed column of a change, deleting the newest change,
# reordering two or deleting the chain's anchor makes verify exit 3 naming
# the child; the untouched record still says ok.
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
cp "$rec" "$TMP/pristine.kit"

run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<"benchmark"
expect_out "ok"

# Alter what a change says after it was written.
run 0 "$SQL" "$rec" "UPDATE changes SET her_view = 'altered later' WHERE seq = 50"
run 3 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<"benchmark"
expect_no_out
grep -qF "$child" "$TMP/err" || fail "verify did not name $child: $(cat "$TMP/err")"

# Each tampering below is made on a fresh copy of the untouched record.
fresh() {
  cp "$TMP/pristine.kit" "$rec"
}
expect_broken() {
  run 3 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<"benchmark"
  expect_no_out
  grep -qF "$child" "$TMP/err" || fail "$1: verify did not name $child: $(cat "$TMP/err")"
}

# Every column the hash covers, altered one at a time on one change from the
# middle of the history that nothing refers to (so changing its id breaks no
# foreign key: the point is the hash, not the constraint).
run 0 "$SQL" "$rec" "SELECT min(seq) FROM changes c WHERE seq >= 100
  AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.change_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM changes d WHERE d.corrects_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.change_id = c.id)"
target=$(cat "$TMP/out")
[ -n "$target" ] || fail "no change in the middle of the history is free of references"
for col in id child_id arrangement_id seq effective_date recorded_at what_changed fields_json \
           decided_by reason_given reason_text reason_category told_how told_date her_view \
           corrects_id prev_hash hash; do
  fresh
  case $col in
    id) set_to="id + 100000" ;;
    arrangement_id) set_to="CASE arrangement_id WHEN 1 THEN 2 ELSE 1 END" ;;
    seq) set_to="1000" ;;
    corrects_id) set_to="CASE WHEN corrects_id IS NULL THEN 1 ELSE NULL END" ;;
    told_date) set_to="CASE WHEN told_date IS NULL THEN '2019-01-01' ELSE NULL END" ;;
    fields_json) set_to="'[]'" ;;
    prev_hash | hash) set_to="randomblob(32)" ;;
    *) set_to="$col || ' (altered)'" ;;
  esac
  if [ "$col" = child_id ]; then
    # Moved to a child of its own, who then has a history that does not start at 1.
    run 0 "$SQL" "$rec" "INSERT INTO children (id, name) VALUES (99, 'Someone else')"
    run 0 "$SQL" "$rec" "UPDATE changes SET child_id = 99 WHERE seq = $target"
  else
    run 0 "$SQL" "$rec" "UPDATE changes SET $col = $set_to WHERE seq = $target"
  fi
  expect_broken "changes.$col altered"
done

# The newest change deleted (the chain alone would still verify).
fresh
run 0 "$SQL" "$rec" "DELETE FROM changes WHERE seq = (SELECT max(seq) FROM changes)"
expect_broken "newest change deleted"

# Two changes swapped in the order.
fresh
run 0 "$SQL" "$rec" "UPDATE changes SET seq = -10 WHERE seq = 10"
run 0 "$SQL" "$rec" "UPDATE changes SET seq = 10 WHERE seq = 11"
run 0 "$SQL" "$rec" "UPDATE changes SET seq = 11 WHERE seq = -10"
expect_broken "seq reordered"

# The anchor removed.
fresh
run 0 "$SQL" "$rec" "DELETE FROM meta WHERE key LIKE 'chain-tail:%'"
expect_broken "anchor deleted"

# The untouched record still verifies.
fresh
run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<"benchmark"
expect_out "ok"
