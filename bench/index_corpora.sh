#!/usr/bin/env bash
# Indexes every collection of ../shared/corpora into its own scratch index and prints, per
# collection, the indexer's summary (files, articles, comments, skipped by reason) and the
# wall time. Not a test: a figure-printing script. Usage: bench/index_corpora.sh [BUILD_DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$HERE/build}"
CORPORA="${VEILLE_CORPORA:-$HERE/../shared/corpora}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

printf '%-32s %s\n' collection summary
for dir in "$CORPORA"/*/; do
    name="$(basename "$dir")"
    start=$(date +%s.%N)
    summary="$("$BUILD/veille-index" --db "$OUT/$name" "$dir" 2>"$OUT/$name.err")"
    end=$(date +%s.%N)
    warnings=$(grep -c 'warning' "$OUT/$name.err" || true)
    printf "== %s (%.2f s wall, %s warnings)\n%s\n" "$name" "$(awk "BEGIN{print $end - $start}")" "$warnings" "$summary"
done
