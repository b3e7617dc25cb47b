#!/bin/bash
# stats: one JSON object with every count, all 0 on a new record.
set -eu
. "$(dirname "$0")/common.sh"

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
for key in children people arrangements changes sessions diary_entries letters; do
  expect_count "$key" 0
done

run 0 "$CLI" --passphrase-fd 3 stats "$rec" --review 3<"$pass"
case "$(stats_compact)" in
  "{"*"}") ;;
  *) fail "stats --review is not one JSON object: $(stats_compact)" ;;
esac
