#!/bin/bash
# Usage errors exit 1 with a short usage on stderr and nothing on stdout;
# --help exits 0; other problems (a missing record, an unreadable
# descriptor, no terminal to ask on) exit 1 too.
set -eu
. "$(dirname "$0")/common.sh"

usage_fails() {
  run 1 "$CLI" "$@"
  expect_no_out
  grep -q "Usage:" "$TMP/err" || fail "no usage shown for: $*"
}

usage_fails
usage_fails frobnicate
usage_fails create
usage_fails verify
usage_fails verify a.kit b.kit
usage_fails verify a.kit --unknown-option
usage_fails --passphrase-fd
usage_fails --passphrase-fd abc verify a.kit
usage_fails --passphrase-fd -3 verify a.kit
usage_fails --passphrase-fd 3 --passphrase-fd 4 verify a.kit
usage_fails verify a.kit --review
usage_fails create a.kit --new-passphrase-fd 4
usage_fails --passphrase-fd 3 recover a.kit --recovery-key-fd 4 --new-passphrase-fd 5
usage_fails bench a.kit
usage_fails bench --size medium
usage_fails bench --keep

run 0 "$CLI" --help
grep -q "KIT_KDF_MINIMAL" "$TMP/out" || fail "--help does not document KIT_KDF_MINIMAL"
grep -q "recover RECORD --recovery-key-fd K --new-passphrase-fd M" "$TMP/out" || fail "--help lacks the usage"

# Not usage errors, but still exit 1 with a message.
run 1 "$CLI" --passphrase-fd 3 verify "$TMP/missing.kit" 3<<<"whatever"
expect_no_out
expect_err
run 1 "$CLI" --passphrase-fd 9 verify "$TMP/missing.kit"
expect_no_out
expect_err
run 1 "$CLI" --passphrase-fd 3 create "$TMP/x.kit" 3</dev/null
expect_no_out
[ ! -e "$TMP/x.kit" ] || fail "create went ahead without a passphrase"
if command -v setsid >/dev/null; then
  # No terminal to ask on, and no --passphrase-fd.
  run 1 setsid -w "$CLI" verify "$TMP/missing.kit" </dev/null
  expect_no_out
  grep -q -- "--passphrase-fd" "$TMP/err" || fail "the message does not mention --passphrase-fd"
fi
