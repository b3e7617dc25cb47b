#!/bin/bash
# A record whose RECORD.lock another process holds (flock(2), here through
# util-linux flock) exits 4; once released, it opens again.
set -eu
. "$(dirname "$0")/common.sh"

command -v flock >/dev/null || { echo "flock (util-linux) is missing"; exit 77; }

rec=$TMP/held.kit
pass=$(secret pass "one at a time")
run 0 "$CLI" --passphrase-fd 3 create "$rec" 3<"$pass"

# The subshell takes the lock on fd 9 and becomes `sleep`, so killing $holder
# releases it.
( exec 9>"$rec.lock"; flock 9; exec sleep 30 ) </dev/null >/dev/null 2>&1 &
holder=$!
stop_holder() { kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null; }
cleanup_hooks="stop_holder"

tries=0
while flock -n "$rec.lock" true; do
  tries=$((tries + 1))
  [ "$tries" -lt 100 ] || fail "the lock was never taken by the helper"
  sleep 0.05
done

run 4 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$pass"
expect_no_out
expect_err
run 4 "$CLI" --passphrase-fd 3 stats "$rec" 3<"$pass"
run 4 "$CLI" --passphrase-fd 3 passwd "$rec" --new-passphrase-fd 4 3<"$pass" 4<"$pass"

stop_holder || true
cleanup_hooks=""
run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$pass"
expect_out "ok"
