#!/bin/sh
# Replays the seed corpus and simple damage of it through the fuzz target
# (built without libFuzzer), so the sanitizer build checks the parser too.
# usage: run-seeds.sh REPLAY SEED-MAKER
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$2" "$work"
for f in "$work"/small "$work"/three-chunks "$work"/empty; do
  head -c 100 "$f" > "$f.cut"
  cat "$f" "$f" > "$f.twice"
done
"$1" "$work"/*
