#!/bin/bash
# letter: the PDF holds the reason word for word, the child's name and both
# addresses; A4 by default, US Letter on request, one page for a short
# letter; a 5,000-character reason flows onto page 2 with no word lost;
# fonts embedded. Refused with a plain message, exit 1 and no file: an
# unknown change or template, a bad paper, a recipient without an address, a
# gap left (no name for her). A PDF that cannot be written exits 5. Each
# letter written is kept in the record (stats "letters").
# $2 is the kit-test-sql helper.
set -eu
. "$(dirname "$0")/common.sh"
SQL=$2
export KIT_TODAY=2026-11-23
export LANGUAGE=C

for tool in pdftotext pdfinfo pdffonts; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (poppler-utils): skipped"; exit 77; }
done

rec=$TMP/r.kit
pass=$(secret pass "letters home")
export KIT_TEST_PASSPHRASE="letters home"
run 0 "$CLI" --passphrase-fd 3 create "$rec" 3<"$pass"

reason="We were told the family centre has fewer supervisors this term, and that it will be looked at again in the spring."
# Jo Smith has an address; Sarah Hughes has none. Change 1: a reason given,
# Jo coordinates. Change 2: no reason, Sarah coordinates. Change 3: the long
# reason, Jo coordinates.
run 0 "$SQL" "$rec" "INSERT INTO people (id, name, role, address, phone) VALUES
  (1, 'Jo Smith', 'Letterbox coordinator', '1 High Street
Northtown
NT1 1AA', '01632 960222'),
  (2, 'Sarah Hughes', 'Contact coordinator', '', '')"
run 0 "$SQL" "$rec" "INSERT INTO children (id, name) VALUES (1, 'Mia')"
run 0 "$SQL" "$rec" "INSERT INTO arrangements (id, child_id, kind, freq_count, freq_unit, coordinator_id,
  start_date, status) VALUES (1, 1, 'letterbox', 1, 'year', 1, '2023-01-01', 'active'),
  (2, 1, 'face-to-face-supervised', 1, 'month', 2, '2024-01-01', 'active')"
run 0 "$SQL" "$rec" "INSERT INTO changes (id, child_id, arrangement_id, seq, effective_date, recorded_at,
  what_changed, fields_json, decided_by, reason_given, reason_text, told_how, hash) VALUES
  (1, 1, 1, 1, '2026-10-01', '2026-10-02T10:00:00Z', 'frequency',
   '[{\"field\":\"frequency\",\"before\":\"twice a year\",\"after\":\"once a year\"}]',
   'agency', 'yes', '$reason', 'letter', zeroblob(32)),
  (2, 1, 2, 2, '2026-10-05', '2026-10-05T10:00:00Z', 'frequency',
   '[{\"field\":\"frequency\",\"before\":\"twice a month\",\"after\":\"once a month\"}]',
   'agency', 'no', '', 'not-told', zeroblob(32))"

letters_count() {
  run 0 "$CLI" --passphrase-fd 3 stats "$rec" 3<"$pass"
  expect_count letters "$1"
}

# No name or address for her yet: a gap, refused, nothing written or kept.
run 1 "$CLI" --passphrase-fd 3 letter "$rec" --change 1 --template request "$TMP/gap.pdf" 3<"$pass"
expect_no_out
grep -q "gap to fill: your name" "$TMP/err" || fail "no gap named: $(cat "$TMP/err")"
[ ! -e "$TMP/gap.pdf" ] || fail "a letter with a gap was written"
letters_count 0

run 0 "$SQL" "$rec" "INSERT INTO meta (key, value) VALUES ('me-name', 'Anna Price'),
  ('me-address', '12 Elm Road
Leeds
LS1 2AB')"

# words FILE — the words of a text file, one a line (for word-for-word checks).
words() {
  tr -s '[:space:]' '\n' <"$1" | sed '/^$/d'
}
# contains_in_order HAYSTACK-WORDS NEEDLE-WORDS — NEEDLE's words appear one
# after the other in HAYSTACK (whatever the line breaks).
contains_in_order() {
  hay=$(paste -sd' ' "$1")
  needle=$(paste -sd' ' "$2")
  case " $hay " in
    *" $needle "*) return 0 ;;
    *) return 1 ;;
  esac
}

# The request for reasons, A4.
out=$TMP/request.pdf
run 0 "$CLI" --passphrase-fd 3 letter "$rec" --change 1 --template request "$out" 3<"$pass"
expect_no_out
[ -s "$out" ] || fail "no PDF written"
pdftotext "$out" "$TMP/request.txt"
printf '%s\n' "$reason" >"$TMP/reason.txt"
words "$TMP/request.txt" >"$TMP/request.words"
# The reason is quoted: “We … spring.”
sed -e '1s/^/“/' -e '$s/$/”/' "$TMP/reason.txt" >"$TMP/quoted.txt"
words "$TMP/quoted.txt" >"$TMP/quoted.words"
contains_in_order "$TMP/request.words" "$TMP/quoted.words" ||
  fail "the reason is not there word for word: $(cat "$TMP/request.txt")"
for text in "Mia" "Anna Price" "12 Elm Road" "Leeds" "LS1 2AB" "Jo Smith" "1 High Street" \
            "Northtown" "NT1 1AA" "23 November 2026" "1 October 2026" "Yours sincerely"; do
  grep -qF "$text" "$TMP/request.txt" || fail "“$text” is not in the letter: $(cat "$TMP/request.txt")"
done
run 0 pdfinfo "$out"
grep -q "^Pages: *1$" "$TMP/out" || fail "not one page: $(cat "$TMP/out")"
grep -q "^Page size: *595.* x 841.* pts (A4)" "$TMP/out" || fail "not A4: $(cat "$TMP/out")"
grep -q "^Title: *Request for reasons: Mia" "$TMP/out" || fail "no title: $(cat "$TMP/out")"
run 0 pdffonts "$out"
# Every font line (after the two header lines) says embedded: "emb" column yes.
tail -n +3 "$TMP/out" >"$TMP/fonts"
[ -s "$TMP/fonts" ] || fail "no fonts listed"
if awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit !bad }' "$TMP/fonts"; then
  fail "a font is not embedded: $(cat "$TMP/out")"
fi
letters_count 1
run 0 "$SQL" "$rec" "SELECT template, change_id, child_id, recipient_id, final_text LIKE '%Jo Smith%' FROM letters"
expect_out "$(printf 'request\t1\t1\t1\t1')"

# The other letters, easy read, US Letter.
run 0 "$CLI" --passphrase-fd 3 letter "$rec" --change 1 --template explanation --easy-read \
  --paper letter "$TMP/easy.pdf" 3<"$pass"
expect_no_out
run 0 pdfinfo "$TMP/easy.pdf"
grep -q "^Page size: *612 x 792 pts (letter)" "$TMP/out" || fail "not US Letter: $(cat "$TMP/out")"
pdftotext "$TMP/easy.pdf" "$TMP/easy.txt"
words "$TMP/easy.txt" >"$TMP/easy.words"
contains_in_order "$TMP/easy.words" "$TMP/quoted.words" || fail "easy read: the reason is not word for word"
run 0 "$CLI" --passphrase-fd 3 letter "$rec" --change 1 --template review "$TMP/review.pdf" 3<"$pass"
pdftotext "$TMP/review.pdf" "$TMP/review.txt"
grep -q "never been reviewed" "$TMP/review.txt" || fail "review: $(cat "$TMP/review.txt")"
letters_count 3
run 0 "$SQL" "$rec" "SELECT template, ifnull(change_id, '-') FROM letters ORDER BY id"
expect_out "$(printf 'request\t1\nexplanation-easy\t1\nreview\t-')"

# A broken template of her own: named with its line, the built-in one used.
export XDG_DATA_HOME=$TMP/data
mkdir -p "$XDG_DATA_HOME/keep-in-touch/letters"
printf '<?xml version="1.0"?>\n<letter>\n  <paragraph>Hi</paragraph>\n  <poem/>\n</letter>\n' \
  >"$XDG_DATA_HOME/keep-in-touch/letters/review.xml"
run 0 "$CLI" --passphrase-fd 3 letter "$rec" --change 1 --template review "$TMP/review2.pdf" 3<"$pass"
expect_no_out
grep -q "^review.xml, line 4: " "$TMP/err" || fail "the broken template is not named: $(cat "$TMP/err")"
grep -q "built-in letter was used" "$TMP/err" || fail "not said that the built-in one was used"
pdftotext "$TMP/review2.pdf" - | grep -q "never been reviewed" || fail "the built-in review letter was not used"
unset XDG_DATA_HOME
letters_count 4

# Refusals: exit 1, a plain message, no file, nothing kept.
refused() {
  file=$1
  shift
  run 1 "$CLI" --passphrase-fd 3 letter "$rec" "$@" "$file" 3<"$pass"
  expect_no_out
  expect_err
  [ ! -e "$file" ] || fail "a file was written for: $*"
}
refused "$TMP/x1.pdf" --change 99 --template request
grep -q "There is no change number 99 in this record." "$TMP/err" || fail "unknown change: $(cat "$TMP/err")"
refused "$TMP/x2.pdf" --change 1 --template complaint
grep -q "no letter called “complaint”" "$TMP/err" || fail "unknown template: $(cat "$TMP/err")"
refused "$TMP/x3.pdf" --change 1 --template request --paper a5
grep -q "no paper size called “a5”" "$TMP/err" || fail "bad paper: $(cat "$TMP/err")"
refused "$TMP/x4.pdf" --change one --template request
refused "$TMP/x5.pdf" --template request
# Sarah Hughes coordinates arrangement 2 and has no address.
refused "$TMP/x6.pdf" --change 2 --template request
[ "$(cat "$TMP/err")" = "Sarah Hughes has no address yet. Add one in People, then try again." ] ||
  fail "no address: $(cat "$TMP/err")"
letters_count 4

# A PDF that cannot be written: exit 5, nothing kept.
run 5 "$CLI" --passphrase-fd 3 letter "$rec" --change 1 --template request \
  "$TMP/no-such-folder/l.pdf" 3<"$pass"
expect_no_out
expect_err
letters_count 4

# A 5,000-character reason of ordinary sentences, each numbered so that a
# lost line would show: two pages, every word on one of them, in order.
long=""
i=1
while [ ${#long} -lt 5000 ]; do
  long="$long Point $i: the carers said the visits were too tiring for her after school."
  i=$((i + 1))
done
long=${long# }
last=$((i - 1))
[ ${#long} -ge 5000 ] || fail "the long reason is too short"
run 0 "$SQL" "$rec" "UPDATE changes SET reason_text = '$long' WHERE id = 1"
run 0 "$CLI" --passphrase-fd 3 letter "$rec" --change 1 --template request "$TMP/long.pdf" 3<"$pass"
run 0 pdfinfo "$TMP/long.pdf"
grep -q "^Pages: *2$" "$TMP/out" || fail "a 5,000-character reason is not on two pages: $(cat "$TMP/out")"
pdftotext -f 1 -l 1 "$TMP/long.pdf" "$TMP/page1.txt"
pdftotext -f 2 -l 2 "$TMP/long.pdf" "$TMP/page2.txt"
grep -q "Point 1:" "$TMP/page1.txt" || fail "the reason does not start on page 1"
grep -q "Point $last:" "$TMP/page2.txt" || fail "the reason does not end on page 2"
grep -q "Page 2 of 2" "$TMP/page2.txt" || fail "no page number on page 2"
cat "$TMP/page1.txt" "$TMP/page2.txt" | grep -v "^Page [0-9] of 2$" >"$TMP/long.txt"
words "$TMP/long.txt" >"$TMP/long.words"
printf '“%s”\n' "$long" >"$TMP/long-reason.txt"
words "$TMP/long-reason.txt" >"$TMP/long-reason.words"
contains_in_order "$TMP/long.words" "$TMP/long-reason.words" ||
  fail "words of the long reason were lost or reordered"
letters_count 5

echo "letter: ok"
