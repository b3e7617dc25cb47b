#!/bin/bash
# Creating where nothing can be written exits 5: a missing folder, and (when
# not running as root) a read-only folder.
set -eu
. "$(dirname "$0")/common.sh"

pass=$(secret pass "somewhere safe")

run 5 "$CLI" --passphrase-fd 3 create "$TMP/no-such-folder/new.kit" 3<"$pass"
expect_no_out
expect_err
[ ! -e "$TMP/no-such-folder" ] || fail "the missing folder was made"

if [ "$(id -u)" -ne 0 ]; then
  mkdir "$TMP/read-only"
  chmod 0500 "$TMP/read-only"
  run 5 "$CLI" --passphrase-fd 3 create "$TMP/read-only/new.kit" 3<"$pass"
  expect_no_out
  chmod 0700 "$TMP/read-only"
  [ -z "$(ls -A "$TMP/read-only")" ] || fail "files were left in the read-only folder"
else
  echo "running as root: the read-only folder check is skipped"
fi
