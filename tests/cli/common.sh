# common.sh — shared set-up for the keep-in-touch-cli tests: the CLI path
# ($1), a scratch folder removed on exit, and helpers that check exit codes
# and output exactly. Sourced by each test script.

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 PATH-TO-keep-in-touch-cli" >&2
  exit 1
fi
CLI=$1
export KIT_KDF_MINIMAL=1

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kit-cli-test.XXXXXX")
cleanup_hooks=""
cleanup() {
  for hook in $cleanup_hooks; do "$hook" || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# run EXPECTED-CODE CMD... — runs CMD, keeps stdout in $TMP/out and stderr in
# $TMP/err, and fails unless it exited with EXPECTED-CODE.
run() {
  expected=$1
  shift
  rc=0
  "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
  if [ "$rc" -ne "$expected" ]; then
    echo "--- stdout:" >&2; cat "$TMP/out" >&2
    echo "--- stderr:" >&2; cat "$TMP/err" >&2
    fail "expected exit $expected, got $rc from: $*"
  fi
}

# Exact output checks on the last run.
expect_out() {
  actual=$(cat "$TMP/out")
  [ "$actual" = "$1" ] || fail "expected stdout '$1', got '$actual'"
}
expect_no_out() {
  [ ! -s "$TMP/out" ] || fail "expected no stdout, got '$(cat "$TMP/out")'"
}
expect_err() {
  [ -s "$TMP/err" ] || fail "expected a message on stderr, got none"
}

# secret NAME TEXT — a file holding TEXT as one line, for --passphrase-fd.
secret() {
  printf '%s\n' "$2" >"$TMP/$1"
  echo "$TMP/$1"
}

# The stats JSON of the last run with all white space removed.
stats_compact() {
  tr -d ' \t\n' <"$TMP/out"
}

# expect_count KEY N — the last stats output holds "KEY":N.
expect_count() {
  compact=$(stats_compact)
  case "$compact" in
    *"\"$1\":$2,"* | *"\"$1\":$2}"*) ;;
    *) fail "expected \"$1\": $2 in stats, got $compact" ;;
  esac
}
