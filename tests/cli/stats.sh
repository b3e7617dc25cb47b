#!/bin/bash
# stats: one JSON object with every count, all 0 on a new record; the counts
# of changes (with a reason, partly, none, told in writing, requests still
# unanswered) leave out removed children; history_intact follows the chain.
# $2 is the kit-test-sql helper.
set -eu
. "$(dirname "$0")/common.sh"
SQL=$2

rec=$TMP/new.kit
pass=$(secret pass "tea and toast")
run 0 "$CLI" --passphrase-fd 3 create "$rec" 3<"$pass"

run 0 "$CLI" --passphrase-fd 3 stats "$rec" 3<"$pass"
compact=$(stats_compact)
case "$compact" in
  "{"*"}") ;;
  *) fail "stats is not one JSON object: $compact" ;;
esac
[ "$(grep -c . "$TMP/out")" -ge 1 ] || fail "stats printed nothing"
for key in children people arrangements changes sessions diary_entries letters \
           diary_private diary_shared changes_with_reason changes_partly_reason changes_without_reason \
           told_in_writing requests_unanswered; do
  expect_count "$key" 0
done
expect_count history_intact true

run 0 "$CLI" --passphrase-fd 3 stats "$rec" --review 3<"$pass"
case "$(stats_compact)" in
  "{"*"}") ;;
  *) fail "stats --review is not one JSON object: $(stats_compact)" ;;
esac
expect_count diary_private 0
expect_count diary_shared 0

# A record filled by hand: Mia's four changes and three follow-ups, and Sam,
# removed (but not yet purged), whose change and follow-up must not count.
# The hashes are not a real chain, so the history is not intact.
export KIT_TEST_PASSPHRASE="tea and toast"
run 0 "$SQL" "$rec" "INSERT INTO children (id, name) VALUES (1, 'Mia'), (2, 'Sam')"
run 0 "$SQL" "$rec" "UPDATE children SET removed_at = '2026-11-01T10:00:00Z' WHERE id = 2"
run 0 "$SQL" "$rec" "INSERT INTO changes (id, child_id, seq, effective_date, recorded_at,
  reason_given, told_how, hash) VALUES
  (1, 1, 1, '2024-01-01', '2024-01-02T10:00:00Z', 'yes', 'letter', zeroblob(32)),
  (2, 1, 2, '2024-06-01', '2024-06-02T10:00:00Z', 'partly', 'email', zeroblob(32)),
  (3, 1, 3, '2025-01-01', '2025-01-02T10:00:00Z', 'no', 'phone', zeroblob(32)),
  (4, 1, 4, '2025-06-01', '2025-06-02T10:00:00Z', 'no', 'not-told', zeroblob(32)),
  (5, 2, 1, '2025-06-01', '2025-06-02T10:00:00Z', 'yes', 'letter', zeroblob(32))"
run 0 "$SQL" "$rec" "INSERT INTO follow_ups (change_id, requested_date, answered_date, answer)
  VALUES (1, '2024-02-01', NULL, ''), (2, '2024-07-01', '2024-08-01', 'Because'),
  (3, '2025-02-01', NULL, ''), (5, '2025-07-01', NULL, '')"

run 0 "$CLI" --passphrase-fd 3 stats "$rec" 3<"$pass"
expect_count children 2
expect_count changes 5
expect_count changes_with_reason 1
expect_count changes_partly_reason 1
expect_count changes_without_reason 2
expect_count told_in_writing 2
expect_count requests_unanswered 2
expect_count history_intact false

# The diary: three private entries and two shared. --review counts only
# what Review together shows: no private entry at all.
run 0 "$SQL" "$rec" "INSERT INTO diary_entries (date, body, shared) VALUES
  ('2026-01-01', 'private one', 0), ('2026-01-02', 'shared one', 1),
  ('2026-01-03', 'private two', 0), ('2026-01-04', 'shared two', 1),
  ('2026-01-05', 'private three', 0)"
run 0 "$CLI" --passphrase-fd 3 stats "$rec" 3<"$pass"
expect_count diary_entries 5
expect_count diary_private 3
expect_count diary_shared 2
run 0 "$CLI" --passphrase-fd 3 stats "$rec" --review 3<"$pass"
expect_count diary_entries 2
expect_count diary_private 0
expect_count diary_shared 2
# The other counts do not change with --review.
expect_count children 2
expect_count changes 5

# The benchmark record's chains are real: intact, and the counts agree with
# the table. Altering one change breaks it.
export KIT_TEST_PASSPHRASE=benchmark
run 0 "$CLI" bench --size small --keep "$TMP/b"
bench=$TMP/b/bench.kit
run 0 "$SQL" "$bench" "SELECT sum(reason_given = 'yes'), sum(reason_given = 'no'),
  sum(told_how IN ('letter', 'email')) FROM changes"
read -r yes no written <"$TMP/out"
bpass=$(secret bpass benchmark)
run 0 "$CLI" --passphrase-fd 3 stats "$bench" 3<"$bpass"
expect_count history_intact true
expect_count changes_with_reason "$yes"
expect_count changes_without_reason "$no"
expect_count told_in_writing "$written"
[ "$yes" -gt 0 ] || fail "the benchmark record has no change with a reason"

run 0 "$SQL" "$bench" "UPDATE changes SET reason_text = 'altered later' WHERE seq = 2"
run 0 "$CLI" --passphrase-fd 3 stats "$bench" 3<"$bpass"
expect_count history_intact false
