#!/usr/bin/env bash
# What exact facets cost on broad queries, at 1x, 4x and 16x FreSaDa (16 copies under distinct
# paths: 185,000 articles): the queries of ../shared/bench/queries.txt and the broad `le` and
# `France`, in one process (veille-bench-queries: 10 hits with snippets), four ways, paired and
# alternated in each run:
#   none    no facets (the total exact up to 10,000 matches, as veille-query without --facets)
#   exact   no facets, but every match looked at (--exact-up-to 1e9): the matcher's own cost
#   column  exact facets counted from the index's facet column (schema/facet_column.hpp)
#   slots   exact facets counted from Xapian's value slots (--no-facet-column, as over shards)
# Prints one markdown table. Not a test: a figure-printing script (issue 18 §3).
#
#   bench/facets.sh [--scales "1 4 16"] [--runs N] [--work DIR] [--corpus DIR]
#
#   --scales LIST  copies of FreSaDa to measure (default "1 4 16")
#   --runs N       paired runs (default 3); the table shows medians of the per-run figures
#   --work DIR     keep corpora (hard links), indexes and logs there (default: a temp dir)
set -euo pipefail
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
BUILD="${VEILLE_BUILD:-$ROOT/build-release}"  # VEILLE_BUILD: another build folder

scales="1 4 16" runs=3 work=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --scales) scales="$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --work) work="$2"; shift ;;
        --corpus) CORPUS_SRC="$2"; shift ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "facets.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "facets.sh: --runs wants a positive number" >&2; exit 2; }
[[ -d "$CORPUS_SRC/train/texts" ]] || { echo "facets.sh: FreSaDa not found at $CORPUS_SRC" >&2; exit 2; }
[[ -f "$QUERIES" ]] || { echo "facets.sh: no query file at $QUERIES" >&2; exit 2; }
bench_work veille-facets
mkdir -p "$work/corpus" "$work/idx"

say "building Veille ($BUILD: Release when new, as configured otherwise)"
{ { [[ -f "$BUILD/CMakeCache.txt" ]] || cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null; } &&
  cmake --build "$BUILD" -j"$(nproc)" --target veille-index veille-bench-queries; } >"$work/logs/build.log" 2>&1 ||
    { tail -n 30 "$work/logs/build.log" >&2; exit 1; }

# corpus SCALE: SCALE copies of train/ + test/ under distinct paths, as hard links.
corpus() {
    local s="$1" dir="$work/corpus/${1}x" k
    [[ -f "$dir.ready" ]] && return 0
    rm -rf "$dir"
    for ((k = 0; k < s; k++)); do
        for part in train test; do
            mkdir -p "$dir/c$k/$part"
            cp -rl "$CORPUS_SRC/$part/texts/." "$dir/c$k/$part/"
        done
    done
    touch "$dir.ready"
}

flags_of() {
    case "$1" in
        none) echo "--no-facets" ;;
        exact) echo "--no-facets --exact-up-to 1000000000" ;;
        column) echo "" ;;
        slots) echo "--no-facet-column" ;;
    esac
}
modes=(none exact column slots)

for s in $scales; do
    corpus "$s"
    db="$work/idx/${s}x"
    if [[ ! -f "$db/iamglass" ]]; then
        say "${s}x: indexing"
        "$BUILD/veille-index" -q --db "$db" "$work/corpus/${s}x" 2>"$work/logs/index.${s}x.err"
    fi
    docs="$(xapian-delve "$db" 2>/dev/null | awk '/number of documents/ { print $NF }')"
    [[ -n "$docs" ]] || docs="?"
    printf '%s\tdocs\t-\t-\t%s\n' "$s" "$docs" >>"$RESULTS"
    for ((r = 1; r <= runs; r++)); do
        for ((i = 0; i < ${#modes[@]}; i++)); do
            m="${modes[$(((r + i) % ${#modes[@]}))]}"
            say "${s}x: run $r/$runs, $m"
            # shellcheck disable=SC2046
            out="$("$BUILD/veille-bench-queries" --db "$db" --rounds 3 $(flags_of "$m") "$QUERIES" </dev/null)"
            awk -v s="$s" -v m="$m" -v r="$r" '$1 == "latency_ms" { printf "%s\tp50\t%s\t%s\t%s\n%s\tp99\t%s\t%s\t%s\n", s, m, r, $2, s, m, r, $4 }' \
                <<<"$out" >>"$RESULTS"
            # shellcheck disable=SC2046
            out="$("$BUILD/veille-bench-queries" --db "$db" --rounds 5 --per-query $(flags_of "$m") -q le -q France </dev/null)"
            awk -v s="$s" -v m="$m" -v r="$r" '$1 == "query" { printf "%s\t%s\t%s\t%s\t%s\n%s\tmatches_%s\t%s\t%s\t%s\n", s, $4, m, r, $2, s, $4, m, r, $3 }' \
                <<<"$out" >>"$RESULTS"
        done
    done
done

echo "Exact facets on broad queries — FreSaDa, $(date -u +%Y-%m-%d) UTC, $(nproc) cores, median of $runs paired run(s)"
echo
awk -F'\t' '
function sortv(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }
function med(s,   n, a, i) { n = split(s, a, " "); if (n == 0) return ""; for (i = 1; i <= n; i++) a[i] += 0; sortv(a, n); return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
function f(x) { return x == "" ? "–" : sprintf("%.1f", x) }
# median over runs of A / B for one metric
function ratio(s, k, a, b,   r, l) { l = ""; for (r = 1; r <= runs; r++) if (v[s, k, b, r] > 0) l = l " " v[s, k, a, r] / v[s, k, b, r]; return l == "" ? "–" : sprintf("%.2f×", med(l)) }
{
    s = $1; k = $2; m = $3; r = $4; x = $5
    if (k == "docs") { docs[s] = x; order[++n] = s; next }
    if (r > runs) runs = r
    v[s, k, m, r] = x; all[s, k, m] = all[s, k, m] " " x
}
END {
    print "| scale (documents) | measure | no facets | every match, no facets | facets from the column | facets from the value slots | column ÷ no facets | column ÷ every match | slots ÷ column |"
    print "|---|---|---|---|---|---|---|---|---|"
    for (i = 1; i <= n; i++) {
        s = order[i]
        split("p50 p99 le France", ks, " ")
        for (j = 1; j <= 4; j++) {
            k = ks[j]
            label = (k == "p50" || k == "p99") ? "queries.txt " k " ms" : "`" k "` ms (" med(all[s, "matches_" k, "column"]) " matches)"
            printf "| %sx (%s) | %s | %s | %s | %s | %s | %s | %s | %s |\n", s, docs[s], label,
                f(med(all[s, k, "none"])), f(med(all[s, k, "exact"])), f(med(all[s, k, "column"])), f(med(all[s, k, "slots"])),
                ratio(s, k, "column", "none"), ratio(s, k, "column", "exact"), ratio(s, k, "slots", "column")
        }
    }
}' "$RESULTS"
