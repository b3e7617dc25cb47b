#!/bin/bash
# create + verify: a new record verifies with "ok"; create refuses to
# overwrite an existing record.
set -eu
. "$(dirname "$0")/common.sh"

rec=$TMP/new.kit
pass=$(secret pass "a quiet morning in May")

run 0 "$CLI" --passphrase-fd 3 create "$rec" 3<"$pass"
expect_no_out
[ -f "$rec" ] || fail "create made no file"
mode=$(stat -c %a "$rec")
[ "$mode" = 600 ] || fail "record mode is $mode, expected 600"

run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$pass"
expect_out "ok"

# The option may also come after the command.
run 0 "$CLI" verify "$rec" --passphrase-fd=3 3<"$pass"
expect_out "ok"

# A passphrase line with CRLF ending works the same.
printf 'a quiet morning in May\r\n' >"$TMP/crlf"
run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$TMP/crlf"
expect_out "ok"

# The same passphrase in decomposed Unicode opens a record made with the
# composed form.
nfc=$(printf 'caf\303\251 au lait')
nfd=$(printf 'cafe\314\201 au lait')
run 0 "$CLI" --passphrase-fd 3 create "$TMP/unicode.kit" 3<<<"$nfc"
run 0 "$CLI" --passphrase-fd 3 verify "$TMP/unicode.kit" 3<<<"$nfd"
expect_out "ok"

# Creating over an existing record is refused and leaves it alone.
before=$(sha256sum <"$rec")
other=$(secret other "something else")
rc=0
"$CLI" --passphrase-fd 3 create "$rec" 3<"$other" >/dev/null 2>&1 || rc=$?
[ "$rc" -ne 0 ] || fail "create over an existing record succeeded"
[ "$(sha256sum <"$rec")" = "$before" ] || fail "create changed an existing record"
run 0 "$CLI" --passphrase-fd 3 verify "$rec" 3<"$pass"
expect_out "ok"
