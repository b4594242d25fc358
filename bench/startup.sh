#!/usr/bin/env bash
# Process start-up and one-shot queries of veille-query against the bare Xapian floor, on
# FreSaDa 1x: what a script that runs one veille-query per query pays. Prints ONE markdown
# table. Not a test (ctest never runs it): a figure-printing script, the numbers behind
# issue 18 §2.
#
#   bench/startup.sh [--runs N] [--work DIR] [--corpus DIR] [--build DIR] [--before BIN]
#                    [--veille-db DIR] [--floor-db DIR]
#
#   --runs N        rounds over the queries (default 5), and 10×N start-up samples
#   --work DIR      keep the corpus copy, indexes and logs in DIR (default: a temp dir, removed)
#   --corpus DIR    FreSaDa's data folder (default ../shared/corpora/fresada/data)
#   --build DIR     the build whose veille-query is measured (default build-release; built
#                   when its veille-query is missing or older than the sources)
#   --before BIN    another veille-query (an older build) measured beside it, on the same index
#   --veille-db DIR, --floor-db DIR   indexes of FreSaDa already built: not rebuilt (e.g.
#                   speed.sh's 4x indexes, kept with its --work DIR)
#
# Method (as bench/speed.sh and ../shared/bench/BASELINE.md): page cache warm; the peers run
# PAIRED and ALTERNATED (A B C, B C A, ...) for each sample, so drift on this noisy shared
# machine hits them alike; a ratio is the median over rounds of (sum of A) / (sum of B).
# Times are whole processes timed by bash's $EPOCHREALTIME around each, output discarded.
#   start-up   a query that needs nothing: `--count` of a word no document has (veille), the
#              same word (floor), minus the time of /bin/true (creating any process at all)
#   one-shot   each query of ../shared/bench/queries.txt: veille-query in text with snippets
#              and exact facets (--facets; the terminal renderer, not a terminal); the floor
#              prints its top 10 with snippets rebuilt from the files, no facets
set -euo pipefail
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
BUILD="$ROOT/build-release"
NOMATCH=zzqxjwvk  # in no document: the query costs nothing but start-up

runs=5 work="" before="" veille_db="" floor_db=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift ;;
        --work) work="$2"; shift ;;
        --corpus) CORPUS_SRC="$2"; shift ;;
        --build) BUILD="$(cd "$2" 2>/dev/null && pwd || echo "$2")"; shift ;;
        --before) before="$2"; shift ;;
        --veille-db) veille_db="$2"; shift ;;
        --floor-db) floor_db="$2"; shift ;;
        -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "startup.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "startup.sh: --runs wants a positive number" >&2; exit 2; }
[[ -z "$before" || -x "$before" ]] || { echo "startup.sh: --before: $before is not an executable" >&2; exit 2; }
[[ -f "$QUERIES" ]] || { echo "startup.sh: no query file at $QUERIES" >&2; exit 2; }
if [[ -z "$veille_db" || -z "$floor_db" ]]; then
    [[ -d "$CORPUS_SRC/train/texts" && -d "$CORPUS_SRC/test/texts" ]] ||
        { echo "startup.sh: FreSaDa not found at $CORPUS_SRC ({train,test}/texts)" >&2; exit 2; }
fi

bench_work veille-startup

# --- what the run needs ------------------------------------------------------------------
say "building veille-query (Release, $BUILD) and the floor"
if ! { cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release &&
       cmake --build "$BUILD" -j"$(nproc)" --target veille-query veille-index; } >"$work/logs/build.log" 2>&1; then
    tail -n 40 "$work/logs/build.log" >&2
    echo "startup.sh: the Release build failed (full log: $work/logs/build.log)" >&2
    exit 1
fi
VEILLE="$BUILD/veille-query"
FLOOR_BIN="$work/floor-bin"
"$SHARED_BENCH/floor/build.sh" "$FLOOR_BIN" >"$work/logs/floor-build.log" 2>&1 ||
    { cat "$work/logs/floor-build.log" >&2; echo "startup.sh: the floor did not build" >&2; exit 1; }

# FreSaDa 1x as bench/speed.sh lays it out (the floor indexes every file it finds).
if [[ -z "$veille_db" || -z "$floor_db" ]]; then
    corpus="$work/corpus/1x"
    if [[ ! -f "$corpus.ready" ]]; then
        rm -rf "$corpus"
        for part in train test; do
            mkdir -p "$corpus/$part"
            cp -r "$CORPUS_SRC/$part/texts/." "$corpus/$part/"
        done
        touch "$corpus.ready"
    fi
    if [[ -z "$veille_db" ]]; then
        veille_db="$work/idx/veille"
        say "indexing FreSaDa 1x with veille-index"
        rm -rf "$veille_db"
        "$BUILD/veille-index" -q --db "$veille_db" "$corpus" >"$work/logs/veille-index.log" 2>&1
    fi
    if [[ -z "$floor_db" ]]; then
        floor_db="$work/idx/floor"
        say "indexing FreSaDa 1x with the floor"
        rm -rf "$floor_db"
        "$FLOOR_BIN/floor_index" "$corpus" "$floor_db" >"$work/logs/floor-index.log" 2>&1
    fi
fi

# --- measuring ------------------------------------------------------------------------------
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"; }  # metric tool round key ms


# run_one TOOL WHAT QUERY: one process, output discarded. WHAT: count (start-up), version, query.
run_one() {
    local tool="$1" what="$2" q="$3" bin
    case "$tool" in
        true) /bin/true; return ;;
        floor) [[ "$what" == version ]] && return 0
               "$FLOOR_BIN/floor_query" "$floor_db" "$q"; return ;;
        veille) bin="$VEILLE" ;;
        before) bin="$before" ;;
    esac
    case "$what" in
        count) "$bin" --db "$veille_db" --count -- "$q" ;;
        version) "$bin" --version ;;
        query) "$bin" --db "$veille_db" --facets -- "$q" ;;
    esac
}

# timed METRIC ROUND KEY WHAT QUERY TOOL...: each tool once, in the given order.
timed() {
    local metric="$1" round="$2" key="$3" what="$4" q="$5" t ms
    shift 5
    for t in "$@"; do
        ms_of_run ms "$work/logs/run.err" "startup.sh: $t failed ($what '$q')" run_one "$t" "$what" "$q"
        record "$metric" "$t" "$round" "$key" "$ms"
    done
}

tools=(veille floor)
[[ -n "$before" ]] && tools=(veille before floor)
mapfile -t QUERY_LIST < <(grep -v '^[[:space:]]*$' "$QUERIES")
say "warm-up: every query once with each tool (page cache: indexes, the floor's files)"
for q in "${QUERY_LIST[@]}"; do timed warmup 0 - query "$q" "${tools[@]}"; done

say "start-up: $((runs * 10)) samples of each, alternated"
for ((r = 1; r <= runs * 10; r++)); do
    mapfile -t order < <(rotate "$r" true "${tools[@]}")
    timed startup "$r" - count "$NOMATCH" "${order[@]}"
    mapfile -t order < <(rotate "$r" "${tools[@]}")
    timed version "$r" - version "" "${order[@]}"
done

say "one-shot: ${#QUERY_LIST[@]} queries × $runs rounds, one process each, alternated"
for ((r = 1; r <= runs; r++)); do
    qi=0
    for q in "${QUERY_LIST[@]}"; do
        qi=$((qi + 1))
        mapfile -t order < <(rotate $((r + qi)) "${tools[@]}")
        timed query "$r" "$qi" query "$q" "${order[@]}"
    done
done

# --- the table ------------------------------------------------------------------------------
cpu_model="$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo
collection="FreSaDa 1x"
[[ -n "$veille_db" ]] && collection="the index at $veille_db"
echo "veille-query one process per query vs the bare Xapian floor — $collection, $(date -u +%Y-%m-%d) UTC, $(nproc) × ${cpu_model:-cpu}, $runs round(s), paired and alternated"
echo
awk -F'\t' -v runs="$runs" -v has_before="$([[ -n "$before" ]] && echo 1 || echo 0)" '
function sortv(arr, n,   i, j, t) { for (i = 2; i <= n; i++) { t = arr[i]; for (j = i - 1; j >= 1 && arr[j] > t; j--) arr[j + 1] = arr[j]; arr[j + 1] = t } }
function pct(s, p,   n, a, i, rank) {
    n = split(s, a, " "); if (s == "") return ""
    for (i = 1; i <= n; i++) a[i] += 0
    sortv(a, n); rank = int(p / 100 * n + 0.999999); if (rank < 1) rank = 1; if (rank > n) rank = n
    return a[rank]
}
# median over rounds of (sum of A in the round) / (sum of B in the round)
function paired(m, ta, tb,   r, s) {
    s = ""
    for (r = 1; r <= rounds[m]; r++) if (((m, ta, r) in sum) && ((m, tb, r) in sum) && sum[m, tb, r] > 0)
        s = s " " sum[m, ta, r] / sum[m, tb, r]
    sub(/^ /, "", s); return pct(s, 50)
}
# start-up: each sample minus the /bin/true of its round
function net(t,   r, s) {
    s = ""
    for (r = 1; r <= rounds["startup"]; r++) if (((("startup", t, r) in sum)) && (("startup", "true", r) in sum))
        s = s " " sum["startup", t, r] - sum["startup", "true", r]
    sub(/^ /, "", s); return s
}
# the same, of start-up samples minus the /bin/true of their round
function paired_net(ta, tb,   r, s, t) {
    s = ""; t = "true"
    for (r = 1; r <= rounds["startup"]; r++)
        if ((("startup", ta, r) in sum) && (("startup", tb, r) in sum) && (("startup", t, r) in sum) &&
            sum["startup", tb, r] > sum["startup", t, r])
            s = s " " (sum["startup", ta, r] - sum["startup", t, r]) / (sum["startup", tb, r] - sum["startup", t, r])
    sub(/^ /, "", s); return pct(s, 50)
}
function f(x) { return x == "" ? "–" : sprintf("%.1f", x) }
function ratio(x) { return x == "" ? "–" : sprintf("%.2f×", x) }
{
    m = $1; t = $2; r = $3; v = $5
    vals[m, t] = vals[m, t] (vals[m, t] == "" ? "" : " ") v
    sum[m, t, r] += v
    if (r > rounds[m]) rounds[m] = r
}
END {
    n = has_before ? 3 : 2
    split(has_before ? "veille before floor" : "veille floor", tool, " ")
    head = "| measurement (ms) |"; line = "|---|"
    for (i = 1; i <= n; i++) { head = head " " tool[i] " |"; line = line "---|" }
    head = head " veille ÷ floor (paired) |"; line = line "---|"
    if (has_before) { head = head " veille ÷ before (paired) |"; line = line "---|" }
    print head " notes |"; print line "---|"
    printf "| process creation: /bin/true, p50 | %s |", f(pct(vals["startup", "true"], 50))
    for (i = 2; i <= n; i++) printf " |"
    printf " |%s subtracted below |\n", has_before ? " |" : ""
    row = "| start-up: a query that needs nothing, p50 / p90 |"
    for (i = 1; i <= n; i++) { s = net(tool[i]); row = row " " f(pct(s, 50)) " / " f(pct(s, 90)) " |" }
    row = row " " ratio(paired_net("veille", "floor")) " |"
    if (has_before) row = row " " ratio(paired_net("veille", "before")) " |"
    print row " `--count '"'"'" NOMATCH "'"'"'`; floor: the same word; target ≤ 5 ms |"
    row = "| --version (link + static initialisers), p50 |"
    for (i = 1; i <= n; i++) row = row " " (tool[i] == "floor" ? "–" : f(pct(vals["version", tool[i]], 50))) " |"
    row = row " |"
    if (has_before) row = row " " ratio(paired("version", "veille", "before")) " |"
    print row " not minus /bin/true |"
    row = "| one-shot queries: p50 / p90 / p99 |"
    for (i = 1; i <= n; i++) row = row " " f(pct(vals["query", tool[i]], 50)) " / " f(pct(vals["query", tool[i]], 90)) " / " f(pct(vals["query", tool[i]], 99)) " |"
    row = row " " ratio(paired("query", "veille", "floor")) " (total time) |"
    if (has_before) row = row " " ratio(paired("query", "veille", "before")) " |"
    print row " veille: text, snippets, --facets; floor: snippets, no facets |"
    row = "| one-shot queries: p50 ÷ floor p50 |"
    for (i = 1; i <= n; i++) row = row " " ratio(pct(vals["query", tool[i]], 50) / pct(vals["query", "floor"], 50)) " |"
    row = row " |"
    if (has_before) row = row " |"
    print row " target ≤ 1.00× |"
}' NOMATCH="$NOMATCH" "$RESULTS"
