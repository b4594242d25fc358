#!/usr/bin/env bash
# What the entity work costs: two builds of Veille side by side on FreSaDa 1x (an older one,
# BEFORE, and this one, AFTER), paired and alternated so that the noise of a shared machine
# hits both alike. Prints ONE markdown table of medians and AFTER / BEFORE ratios. Not a test.
#
#   bench/entities_cost.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR [--runs N] [--queries N] [--corpus DIR]
#
# A build dir holds veille-index and veille-query (Release: cmake --preset release). To get
# BEFORE: git worktree add /tmp/before <commit> && cmake -S /tmp/before -B /tmp/before/b
# -DCMAKE_BUILD_TYPE=Release && cmake --build /tmp/before/b --target veille-index veille-query.
#
# Measured: a fresh index of FreSaDa (wall, CPU, peak RSS, size on disk), and one process per
# query (`veille-query --count`, and the facets of every article with --json --facets-only):
# wall time of the whole process by $EPOCHREALTIME, and peak RSS.
set -euo pipefail
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${VEILLE_CORPORA:-$ROOT/../shared/corpora}/fresada/data"
runs=3 queries=21
[[ $# -ge 2 ]] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
BEFORE="$(cd "$1" && pwd)" AFTER="$(cd "$2" && pwd)"
shift 2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift ;;
        --queries) queries="$2"; shift ;;
        --corpus) CORPUS="$2"; shift ;;
        *) echo "entities_cost.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[[ -d "$CORPUS" ]] || { echo "entities_cost.sh: no corpus at $CORPUS" >&2; exit 2; }
for b in "$BEFORE" "$AFTER"; do
    [[ -x "$b/veille-index" && -x "$b/veille-query" ]] || { echo "entities_cost.sh: no veille-index/veille-query in $b" >&2; exit 2; }
done
command -v /usr/bin/time >/dev/null || { echo "entities_cost.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/veille-entities-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- indexing, paired: before, after, after, before, ... ---------------------------------
for ((i = 1; i <= runs; i++)); do
    order=(before after); ((i % 2 == 0)) && order=(after before)
    for who in "${order[@]}"; do
        dir=$BEFORE; [[ $who == after ]] && dir=$AFTER
        rm -rf "$work/$who.db"
        say "index run $i: $who"
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$dir/veille-index" -q --db "$work/$who.db" "$CORPUS" >/dev/null 2>&1 || true
        read -r wall user sys rss <"$work/time"
        echo "$wall" >>"$work/$who.wall"
        awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}' >>"$work/$who.cpu"
        echo "$rss" >>"$work/$who.rss"
    done
done
for who in before after; do du -sb "$work/$who.db" | cut -f1 >"$work/$who.size"; done

# --- one process per query, paired --------------------------------------------------------
query_once() {  # who, args...
    local who=$1 dir=$BEFORE; shift
    [[ $who == after ]] && dir=$AFTER
    local t0=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$work/qtime" "$dir/veille-query" --db "$work/$who.db" "$@" >/dev/null 2>&1 || true
    local t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f\n", (b - a) * 1000}' >>"$work/$who.$label.ms"
    cat "$work/qtime" >>"$work/$who.$label.rss"
}
for label in count facets; do
    args=(--count Mali)
    [[ $label == facets ]] && args=(--json --facets-only --no-collapse -- type:article)
    say "queries: $label"
    for ((i = 1; i <= queries; i++)); do
        if ((i % 2)); then query_once before "${args[@]}"; query_once after "${args[@]}"
        else query_once after "${args[@]}"; query_once before "${args[@]}"; fi
    done
done

row() {  # label, file suffix, unit, scale
    local b a
    b=$(median <"$work/before.$2") a=$(median <"$work/after.$2")
    awk -v l="$1" -v b="$b" -v a="$a" -v u="$3" -v s="$4" \
        'BEGIN {printf "| %s | %.1f %s | %.1f %s | %.2f× |\n", l, b / s, u, a / s, u, (b > 0 ? a / b : 0)}'
}
echo
echo "FreSaDa 1x ($(find "$CORPUS" -name '*.txt' | wc -l) files), $runs paired index runs, $queries paired queries, $(date +%F)"
echo
echo "| | before | after | after ÷ before |"
echo "|---|---|---|---|"
row "index: wall (median)" wall s 1
row "index: CPU user+sys" cpu s 1
row "index: peak RSS" rss MiB 1024
row "index: size on disk" size MB 1000000
row "veille-query --count Mali: process wall p50" count.ms ms 1
row "veille-query --count Mali: peak RSS" count.rss MiB 1024
row "facets of every article (--json --facets-only): wall p50" facets.ms ms 1
row "facets of every article: peak RSS" facets.rss MiB 1024
