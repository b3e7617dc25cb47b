#!/bin/bash
# A wrong passphrase exits 2 with a message and no output; the record still
# opens with the right one.
set -eu
. "$(dirname "$0")/common.sh"

rec=$TMP/new.kit
pass=$(secret pass "right one")
wrong=$(secret wrong "wrong one")
run 0 "$CLI" --passphrase-fd 3 create "$rec" 3<"$pass"

run 2 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$wrong"
expect_no_out
expect_err
run 2 "$CLI" --passphrase-fd 3 stats "$rec" 3<"$wrong"
expect_no_out
# An empty line is just another wrong passphrase.
run 2 "$CLI" --passphrase-fd 3 verify "$rec" 3<<<""
expect_no_out

run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$pass"
expect_out "ok"
