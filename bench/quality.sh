#!/usr/bin/env bash
# Ranking quality, both checks: builds Veille in Release (build-release), indexes each collection
# into a scratch index and runs veille-bench-quality on its question set.
#   1. PIAF-fr dev questions (../shared/corpora/piaf-fr/questions-dev.tsv) over its 761 paragraphs;
#   2. our own judged news queries (bench/judged/fresada-queries.tsv) over FreSaDa's 11,570 articles.
# Prints one labelled result line per check. Not a test (never run by ctest): a figure-printing
# script. Extra arguments go to both veille-bench-quality runs (e.g. --show-misses 40).
# Environment: VEILLE_CORPORA overrides the corpora folder (default $ROOT/../shared/corpora).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CORPORA="${VEILLE_CORPORA:-$ROOT/../shared/corpora}"
BUILD="$ROOT/build-release"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# The build's output (and compiler warnings) is shown only if the build fails.
if ! { cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release &&
       cmake --build "$BUILD" -j"$(nproc)" --target veille-index veille-bench-quality; } >"$TMP/build.log" 2>&1; then
    cat "$TMP/build.log" >&2
    echo "quality.sh: the Release build failed" >&2
    exit 1
fi

# run LABEL INDEX QUESTIONS [ARGS...]: any --show-misses lines first, then the labelled result line.
run() {
    local label="$1" db="$2" questions="$3" out
    shift 3
    out="$("$BUILD/veille-bench-quality" --db "$db" "$questions" "$@")"
    if [[ "$(printf '%s\n' "$out" | wc -l)" -gt 1 ]]; then printf '%s\n' "$out" | sed '$d'; fi
    printf '%-24s %s\n' "$label" "$(printf '%s\n' "$out" | tail -n 1)"
}

# Indexer warnings (e.g. "removed 1 control character" on a few FreSaDa files) are counted, not shown.
index() {
    "$BUILD/veille-index" --quiet --db "$1" "$2" 2>"$1.err" || { cat "$1.err" >&2; exit 1; }
    local n
    n=$(grep -c 'warning' "$1.err" || true)
    if [[ "$n" -gt 0 ]]; then echo "($(basename "$1") index: $n indexer warnings)" >&2; fi
}
index "$TMP/piaf" "$CORPORA/piaf-fr/docs"
index "$TMP/fresada" "$CORPORA/fresada/data"

run "piaf-fr dev questions:" "$TMP/piaf" "$CORPORA/piaf-fr/questions-dev.tsv" "$@"
run "fresada judged queries:" "$TMP/fresada" "$ROOT/bench/judged/fresada-queries.tsv" "$@"
