#!/bin/bash
# `report RECORD --child NAME [--paper a4|letter] OUT.pdf` on the benchmark
# record: the PDF (read back with poppler's tools) names the child, quotes
# every reason word for word, says "No reason was given." once for each
# change without one, ends with the chain's final hash and says the chain is
# intact; A4 by default, US Letter on request; every font embedded. A
# history altered after it was written is reported plainly. Unknown or
# ambiguous children, bad paper and unwritable places are refused with a
# plain message and no file. The report is not kept in the record.
# $2 is the kit-test-sql helper.
set -eu
. "$(dirname "$0")/common.sh"
SQL=$2
export KIT_TEST_PASSPHRASE=benchmark
pass() { "$@" 3<<<"benchmark"; }

run 0 "$CLI" bench --size small --keep "$TMP/b"
rec=$TMP/b/bench.kit
run 0 "$SQL" "$rec" "SELECT name FROM children WHERE removed_at IS NULL"
child=$(cat "$TMP/out")
[ "$(wc -l <"$TMP/out")" -eq 1 ] || fail "expected one child in the benchmark record"
run 0 "$SQL" "$rec" "SELECT id FROM children"
child_id=$(cat "$TMP/out")
cp "$rec" "$TMP/pristine.kit"

# The whole text with every run of white space as one space.
flat_text() {
  pdftotext -enc UTF-8 "$1" - | tr -s ' \n\t\f' '    ' | tr -s ' '
}

# The name matches whatever the case.
shouty=$(printf '%s' "$child" | tr '[:lower:]' '[:upper:]')
run 0 pass "$CLI" --passphrase-fd 3 report "$rec" --child "$shouty" "$TMP/report.pdf"
expect_no_out
[ -s "$TMP/report.pdf" ] || fail "no report written"
flat_text "$TMP/report.pdf" >"$TMP/report.txt"

grep -qF "Contact history: $child" "$TMP/report.txt" || fail "the report does not name $child"

# Every reason given, word for word.
run 0 "$SQL" "$rec" "SELECT DISTINCT trim(reason_text) FROM changes
  WHERE child_id = $child_id AND reason_given <> 'no' AND trim(reason_text) <> ''"
cp "$TMP/out" "$TMP/reasons"
[ -s "$TMP/reasons" ] || fail "the benchmark record has no reasons to look for"
n_reasons=0
while IFS= read -r reason; do
  flat=$(printf '%s' "$reason" | tr -s ' \t' '  ')
  grep -qF -- "$flat" "$TMP/report.txt" || fail "reason not in the report word for word: $reason"
  n_reasons=$((n_reasons + 1))
done <"$TMP/reasons"
[ "$n_reasons" -ge 5 ] || fail "only $n_reasons distinct reasons checked"

# "No reason was given." once for each change without one.
run 0 "$SQL" "$rec" "SELECT count(*) FROM changes WHERE child_id = $child_id AND reason_given = 'no'"
expected_none=$(cat "$TMP/out")
[ "$expected_none" -gt 0 ] || fail "the benchmark record has no change without a reason"
found_none=$(grep -oF "No reason was given." "$TMP/report.txt" | wc -l)
[ "$found_none" -eq "$expected_none" ] ||
  fail "expected 'No reason was given.' $expected_none times, found $found_none"

# The counts.
run 0 "$SQL" "$rec" "SELECT count(*) FROM changes WHERE child_id = $child_id"
grep -qF "$(cat "$TMP/out") changes recorded" "$TMP/report.txt" || fail "the count of changes is missing"
grep -qF "$expected_none with no reason given" "$TMP/report.txt" || fail "the count without a reason is missing"

# The closing statement and the chain's final hash.
grep -qF "The chain is complete and unchanged." "$TMP/report.txt" || fail "no statement that the chain is intact"
run 0 "$SQL" "$rec" "SELECT lower(hex(hash)) FROM changes WHERE child_id = $child_id ORDER BY seq DESC LIMIT 1"
tail_hash=$(cat "$TMP/out")
[ ${#tail_hash} -eq 64 ] || fail "unexpected hash '$tail_hash'"
tr -d ' ' <"$TMP/report.txt" | grep -qF "$tail_hash" || fail "the final hash $tail_hash is not in the report"

# A4 by default, every font embedded, the title set.
info=$(pdfinfo "$TMP/report.pdf")
grep -qF "Page size:       595.28 x 841.89 pts (A4)" <<<"$info" || fail "not A4: $info"
grep -qF "Title:           Contact history: $child" <<<"$info" || fail "no title: $info"
pages=$(awk '/^Pages:/ { print $2 }' <<<"$info")
[ "$pages" -gt 1 ] || fail "a 200-change history on one page?"
grep -qF "Page $pages of $pages" "$TMP/report.txt" || fail "no 'Page $pages of $pages'"
pdffonts "$TMP/report.pdf" >"$TMP/fonts"
n_fonts=$(tail -n +3 "$TMP/fonts" | wc -l)
[ "$n_fonts" -ge 2 ] || fail "expected at least two fonts: $(cat "$TMP/fonts")"
not_embedded=$(tail -n +3 "$TMP/fonts" | awk '$(NF-4) != "yes"' | wc -l)
[ "$not_embedded" -eq 0 ] || fail "fonts not embedded: $(cat "$TMP/fonts")"

# US Letter on request.
run 0 pass "$CLI" --passphrase-fd 3 report "$rec" --child "$child" --paper letter "$TMP/letter.pdf"
grep -qF "Page size:       612 x 792 pts (letter)" <<<"$(pdfinfo "$TMP/letter.pdf")" ||
  fail "not US Letter: $(pdfinfo "$TMP/letter.pdf")"

# The report is not kept in the record.
run 0 "$SQL" "$rec" "SELECT count(*) FROM letters"
expect_out "0"

# Refusals: a plain message, exit 1 (5 for a place that cannot be written), no file.
refused() {
  code=$1
  out=$2
  shift 2
  run "$code" pass "$@"
  expect_no_out
  expect_err
  [ ! -e "$out" ] || fail "a file was written although the report was refused: $out"
  ! grep -qiE "error|errno|sqlite|GLib|\(null\)" "$TMP/err" || fail "not plain words: $(cat "$TMP/err")"
}
refused 1 "$TMP/nobody.pdf" "$CLI" --passphrase-fd 3 report "$rec" --child "Nobody Here" "$TMP/nobody.pdf"
grep -qF "Nobody Here" "$TMP/err" || fail "the message does not say which name: $(cat "$TMP/err")"
refused 1 "$TMP/paper.pdf" "$CLI" --passphrase-fd 3 report "$rec" --child "$child" --paper a3 "$TMP/paper.pdf"
refused 5 "$TMP/missing/r.pdf" "$CLI" --passphrase-fd 3 report "$rec" --child "$child" "$TMP/missing/r.pdf"
grep -qF "does not exist" "$TMP/err" || fail "the message does not say the folder is missing: $(cat "$TMP/err")"
[ ! -e "$TMP/missing" ] || fail "the missing folder was made"
mkdir "$TMP/a-folder.pdf"
run 5 pass "$CLI" --passphrase-fd 3 report "$rec" --child "$child" "$TMP/a-folder.pdf"
expect_err
[ -z "$(ls -A "$TMP/a-folder.pdf")" ] || fail "something was left inside the folder"
[ -z "$(ls -A "$TMP" | grep '^\.')" ] || fail "a temporary file was left: $(ls -A "$TMP")"

# Two children with the same name, whatever the case: which one is meant?
run 0 "$SQL" "$rec" "INSERT INTO children (name) VALUES ('$shouty')"
refused 1 "$TMP/two.pdf" "$CLI" --passphrase-fd 3 report "$rec" --child "$child" "$TMP/two.pdf"
grep -qF "More than one child" "$TMP/err" || fail "no plain message for two children: $(cat "$TMP/err")"

# A removed child is not there to report on.
cp "$TMP/pristine.kit" "$rec"
run 0 "$SQL" "$rec" "UPDATE children SET removed_at = '2026-01-01T00:00:00Z'"
refused 1 "$TMP/removed.pdf" "$CLI" --passphrase-fd 3 report "$rec" --child "$child" "$TMP/removed.pdf"

# A history altered after it was written: said plainly, and no claim it is whole.
cp "$TMP/pristine.kit" "$rec"
run 0 "$SQL" "$rec" "UPDATE changes SET her_view = 'altered later' WHERE seq = 50"
run 0 pass "$CLI" --passphrase-fd 3 report "$rec" --child "$child" "$TMP/altered.pdf"
flat_text "$TMP/altered.pdf" >"$TMP/altered.txt"
grep -qF "Part of this history has been changed since it was written" "$TMP/altered.txt" ||
  fail "the altered history is not reported"
! grep -qF "The chain is complete and unchanged." "$TMP/altered.txt" || fail "an altered chain called complete"

# The wrong passphrase: exit 2, no file.
run 2 "$CLI" --passphrase-fd 3 report "$rec" --child "$child" "$TMP/wrong.pdf" 3<<<"not it"
[ ! -e "$TMP/wrong.pdf" ] || fail "a file was written with the wrong passphrase"
echo "ok"
