#!/bin/sh
# Runs a fuzz target for a fixed time on a fresh seed corpus.
# usage: run-fuzz.sh FUZZER SEED-MAKER SECONDS
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$2" "$work/corpus"
"$1" -max_total_time="$3" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
     -artifact_prefix="$work/" "$work/corpus"
