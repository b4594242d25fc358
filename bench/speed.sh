#!/usr/bin/env bash
# Speed, memory and size of Veille against the bare Xapian floor and omindex, on FreSaDa at
# 1x, 4x (four copies in four folders) and, with --scale 16, 16x (sixteen copies: 185,000
# articles). Prints ONE markdown table. Not a test (ctest never runs it): a figure-printing
# script, the numbers behind issues 7 and 18 and ../shared/bench/BASELINE.md.
#
#   bench/speed.sh [--quick] [--scale N] [--runs N] [--work DIR] [--corpus DIR]
#
#   --quick      1x only, one run of each step (a few minutes, for development)
#   --scale N    the largest collection: 1, 4 (default) or 16 copies of FreSaDa. At 16x each
#                build takes minutes here, so only Veille and the floor are built, once, and
#                the re-index steps are left out; the queries are measured as at 1x and 4x
#   --runs N     runs of each timed step (default 3); the table shows medians
#   --work DIR   keep the corpora copies, indexes and logs in DIR (default: a temp dir, removed)
#   --corpus DIR FreSaDa's data folder (default ../shared/corpora/fresada/data)
#
# Method (as BASELINE.md): page cache warm; every step of the peers runs PAIRED and
# ALTERNATED in the same call (A B C, B C A, C A B, ...), so drift on this noisy shared
# machine hits them alike; a ratio "÷ floor" is the median of the per-run ratios. Times are
# whole processes (start-up included) measured by /usr/bin/time (wall, user+sys CPU, peak RSS);
# per-query latencies by bash's $EPOCHREALTIME around each process. Peers:
#   veille   build-release/veille-index (Release), veille-query --json, veille-bench-queries
#            (in one process: with exact facets, and without them for the ratio of the two)
#   floor    ../shared/bench/floor (TermGenerator + French stemmer, positions; snippets re-read files)
#   omindex  Xapian Omega's indexer (+ quest for queries: no snippets)
# Installs what it needs when missing (Debian: time, xapian-omega, xapian-tools, libxapian-dev,
# g++), with sudo when not root, like setup.sh.
set -euo pipefail
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/common.sh
source "$ROOT/bench/common.sh"
BUILD="$ROOT/build-release"
BROAD=(France le)  # queries that match most of the collection: measured on their own

runs=3 quick=0 scale=4 work=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=1 runs=1 scale=1 ;;
        --scale) scale="$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --work) work="$2"; shift ;;
        --corpus) CORPUS_SRC="$2"; shift ;;
        -h|--help) sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "speed.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "speed.sh: --runs wants a positive number" >&2; exit 2; }
[[ "$scale" == 1 || "$scale" == 4 || "$scale" == 16 ]] || { echo "speed.sh: --scale wants 1, 4 or 16" >&2; exit 2; }
[[ -d "$CORPUS_SRC/train/texts" && -d "$CORPUS_SRC/test/texts" ]] ||
    { echo "speed.sh: FreSaDa not found at $CORPUS_SRC ({train,test}/texts)" >&2; exit 2; }
[[ -f "$QUERIES" ]] || { echo "speed.sh: no query file at $QUERIES" >&2; exit 2; }

bench_work veille-speed

# --- what the run needs ------------------------------------------------------------------
install_missing() {
    local missing=()
    [[ -x /usr/bin/time ]] || missing+=(time)
    command -v omindex >/dev/null || missing+=(xapian-omega)
    command -v xapian-compact >/dev/null || missing+=(xapian-tools)
    command -v xapian-config >/dev/null || missing+=(libxapian-dev)
    command -v g++ >/dev/null || missing+=(g++)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    say "installing ${missing[*]}"
    local sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}
install_missing

say "building Veille (Release, $BUILD) and the floor"
if ! { cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release &&
       cmake --build "$BUILD" -j"$(nproc)" --target veille-index veille-query veille-bench-queries; } \
       >"$work/logs/build.log" 2>&1; then
    tail -n 40 "$work/logs/build.log" >&2
    echo "speed.sh: the Release build failed (full log: $work/logs/build.log)" >&2
    exit 1
fi
FLOOR_BIN="$work/floor-bin"
"$SHARED_BENCH/floor/build.sh" "$FLOOR_BIN" >"$work/logs/floor-build.log" 2>&1 ||
    { cat "$work/logs/floor-build.log" >&2; echo "speed.sh: the floor did not build" >&2; exit 1; }
VEILLE_HAS_COMPACT=0
"$BUILD/veille-index" --help 2>/dev/null | grep -q -- '--compact' && VEILLE_HAS_COMPACT=1
VEILLE_HAS_SHARDS=0
"$BUILD/veille-index" --help 2>/dev/null | grep -q -- '--shards' && VEILLE_HAS_SHARDS=1
VEILLE_HAS_BUILD_WRITERS=0  # a fresh index by one writer per core, merged (issue 18)
"$BUILD/veille-index" --help 2>/dev/null | grep -q -- '--build-writers' && VEILLE_HAS_BUILD_WRITERS=1

# --- corpora: 1x = train/ + test/, 4x = four copies a/ … d/, 16x = sixteen a/ … p/ ---------
# Real copies, not hard links: the last step of 1x and 4x edits files in place.
prepare() {  # prepare NAME COPIES
    local dir="$work/corpus/$1" copies="$2" i
    local folders=(a b c d e f g h i j k l m n o p)
    # The marker lives beside the corpus, not in it: the floor indexes every file it finds.
    if [[ -f "$dir.ready" ]]; then return 0; fi
    rm -rf "$dir"
    if [[ "$copies" -eq 1 ]]; then
        for part in train test; do
            mkdir -p "$dir/$part"
            cp -r "$CORPUS_SRC/$part/texts/." "$dir/$part/"
        done
    else
        for ((i = 0; i < copies; i++)); do
            mkdir -p "$dir/${folders[$i]}"
            cp -r "$work/corpus/1x/." "$dir/${folders[$i]}/"
        done
    fi
    touch "$dir.ready"
}
corpora=(1x)
[[ $scale -ge 4 ]] && corpora+=(4x)
[[ $scale -ge 16 ]] && corpora+=(16x)
say "preparing corpora (${corpora[*]}) under $work/corpus"
prepare 1x 1  # first: the others are copies of it, made before any step edits it
for c in "${corpora[@]:1}"; do prepare "$c" "${c%x}"; done

# At 16x a build takes minutes: Veille and the floor only, once; no re-index steps.
large() { [[ "$1" == 16x ]]; }

# --- measuring ------------------------------------------------------------------------------
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"; }  # corpus metric tool run key value

# timed CORPUS STEP TOOL RUN CMD...: wall, CPU (user+sys) and peak RSS of one process.
timed() {
    local c="$1" step="$2" tool="$3" run="$4"
    shift 4
    local log="$work/logs/$c.$step.$tool.$run"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$log.time" "$@" </dev/null >"$log.out" 2>"$log.err"; then
        echo "speed.sh: $tool failed ($c, $step, run $run): $*" >&2
        tail -n 20 "$log.err" >&2
        exit 1
    fi
    local wall user sys rss
    read -r wall user sys rss <"$log.time"
    record "$c" "${step}_wall" "$tool" "$run" - "$wall"
    record "$c" "${step}_cpu" "$tool" "$run" - "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
    record "$c" "${step}_rss" "$tool" "$run" - "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
}


idx() { printf '%s/idx/%s/%s' "$work" "$1" "$2"; }  # idx CORPUS TOOL

build_index() {  # build_index CORPUS TOOL RUN
    local c="$1" tool="$2" run="$3" corpus="$work/corpus/$1" out
    out="$(idx "$c" "$tool")"
    rm -rf "$out"
    mkdir -p "$(dirname "$out")"
    case "$tool" in
        veille)
            # Not -q: the summary says how long the merge of the writers' databases took.
            timed "$c" index veille "$run" "$BUILD/veille-index" --db "$out" "$corpus"
            local merge
            merge="$(sed -n 's/^built by [0-9]* writers\{0,1\}, merged in \([0-9.]*\) s$/\1/p' "$work/logs/$c.index.veille.$run.out")"
            [[ -n "$merge" ]] && record "$c" merge_wall veille "$run" - "$merge"
            ;;
        veille-1writer) timed "$c" index "$tool" "$run" "$BUILD/veille-index" -q --build-writers 1 --db "$out" "$corpus" ;;
        veille-2shards) timed "$c" index "$tool" "$run" "$BUILD/veille-index" -q --shards 2 --db "$out" "$corpus" ;;
        floor) timed "$c" index floor "$run" "$FLOOR_BIN/floor_index" "$corpus" "$out" ;;
        omindex) timed "$c" index omindex "$run" omindex --overwrite --stemmer=french --db "$out" --url / "$corpus" ;;
    esac
}

reindex() {  # reindex CORPUS STEP TOOL RUN: incremental update of the last index built
    local c="$1" step="$2" tool="$3" run="$4" corpus="$work/corpus/$1" out
    out="$(idx "$c" "$tool")"
    case "$tool" in
        veille) timed "$c" "$step" veille "$run" "$BUILD/veille-index" -q --db "$out" "$corpus" ;;
        omindex) timed "$c" "$step" omindex "$run" omindex --stemmer=french --db "$out" --url / "$corpus" ;;
    esac
}

# Every 100th file (1 %), in path order: touched (new mtime, same bytes) or edited (a line added).
one_percent() { find "$work/corpus/$1" -type f -name '*.txt' | sort | awk 'NR % 100 == 1'; }
touch_one_percent() { one_percent "$1" | xargs -d '\n' touch; }
edit_one_percent() {
    local f
    while IFS= read -r f; do printf '\nMise à jour : une précision a été ajoutée.\n' >>"$f"; done < <(one_percent "$1")
}

# reindex_runs CORPUS STEP [CHANGE]: each run, veille and omindex in turn re-index the
# corpus, each after CHANGE CORPUS (touch_one_percent, edit_one_percent) when given.
reindex_runs() {
    local c="$1" step="$2" change="${3:-}" r t
    for ((r = 1; r <= runs; r++)); do
        while IFS= read -r t; do
            [[ -z "$change" ]] || "$change" "$c"
            reindex "$c" "$step" "$t" "$r"
        done < <(rotate "$r" veille omindex)
    done
}

size_of() { du -sb "$1" | cut -f1; }

compact() {  # compact CORPUS TOOL: size of the compacted copy of the last index built
    local c="$1" tool="$2" src dst
    src="$(idx "$c" "$tool")" dst="$(idx "$c" "$tool").compact"
    rm -rf "$dst"
    if [[ "$tool" == veille* && $VEILLE_HAS_COMPACT -eq 1 ]]; then
        cp -r "$src" "$dst"
        "$BUILD/veille-index" -q --compact --db "$dst" >"$work/logs/$c.compact.$tool.log" 2>&1
    else
        xapian-compact "$src" "$dst" >"$work/logs/$c.compact.$tool.log" 2>&1
    fi
    size_of "$dst"
}

mapfile -t QUERY_LIST < <(grep -v '^[[:space:]]*$' "$QUERIES")

# query_once TOOL CORPUS QUERY: one process, output discarded.
query_once() {
    local tool="$1" c="$2" q="$3" db
    db="$(idx "$c" "${tool%%-*}")"
    case "$tool" in
        veille) "$BUILD/veille-query" --db "$db" --json -- "$q" ;;
        veille-facets) "$BUILD/veille-query" --db "$db" --json --facets -- "$q" ;;  # db: veille's
        floor) "$FLOOR_BIN/floor_query" "$db" "$q" ;;
        omindex) quest -d "$db" -s french -o and -m 10 -- "$q" ;;
    esac
}

# per_process CORPUS METRIC ROUNDS QUERY...: one process per query, the tools alternated per
# query; each sample recorded in ms.
per_process() {
    local c="$1" metric="$2" rounds="$3"
    shift 3
    local r qi t ms
    for ((r = 1; r <= rounds; r++)); do
        qi=0
        for q in "$@"; do
            qi=$((qi + 1))
            while IFS= read -r t; do
                ms_of_run ms "$work/logs/query.err" "speed.sh: $t failed on query '$q' ($c)" query_once "$t" "$c" "$q"
                record "$c" "$metric" "$t" "$r" "$qi" "$ms"
            done < <(rotate $((r + qi)) "${query_tools[@]}")
        done
    done
}

# in_process CORPUS RUNS: veille-bench-queries (snippets + exact facets, and the same without
# facets) vs floor_query reading every query from stdin in one process.
in_process() {
    local c="$1" n_runs="$2" r db out flags
    db="$(idx "$c" veille)"
    for ((r = 1; r <= n_runs; r++)); do
        while IFS= read -r t; do
            if [[ "$t" == veille* ]]; then
                flags=()
                [[ "$t" == veille-nofacets ]] && flags=(--no-facets)
                out="$("$BUILD/veille-bench-queries" --db "$db" --rounds 3 "${flags[@]}" "$QUERIES" </dev/null)"
                record "$c" qsess "$t" "$r" p50 "$(awk '$1 == "latency_ms" { print $2 }' <<<"$out")"
                record "$c" qsess "$t" "$r" p95 "$(awk '$1 == "latency_ms" { print $3 }' <<<"$out")"
                record "$c" qsess "$t" "$r" p99 "$(awk '$1 == "latency_ms" { print $4 }' <<<"$out")"
                record "$c" qsess "$t" "$r" mean "$(awk '$1 == "latency_ms" { print $6 }' <<<"$out")"
                if [[ "$t" == veille ]]; then
                    record "$c" startup veille "$r" first "$(awk '$1 == "startup_ms" { print $2 }' <<<"$out")"
                    record "$c" startup veille "$r" median "$(awk '$1 == "startup_ms" { print $3 }' <<<"$out")"
                fi
                out="$("$BUILD/veille-bench-queries" --db "$db" --rounds 5 --per-query "${flags[@]}" -q "${BROAD[0]}" -q "${BROAD[1]}" </dev/null)"
                record "$c" qsess_broad "$t" "$r" "${BROAD[0]}" "$(awk '$1 == "query" { print $2; exit }' <<<"$out")"
                record "$c" qsess_broad "$t" "$r" "${BROAD[1]}" "$(awk '$1 == "query" { n++ } n == 2 { print $2; exit }' <<<"$out")"
            else
                local t0 t1
                t0=${EPOCHREALTIME/./}
                "$FLOOR_BIN/floor_query" "$(idx "$c" floor)" <"$QUERIES" >/dev/null
                t1=${EPOCHREALTIME/./}
                record "$c" qsess floor "$r" mean "$(ms_between "$t0" "$t1" "${#QUERY_LIST[@]}")"
            fi
        done < <(rotate "$r" veille veille-nofacets floor)
    done
}

# --- the runs -------------------------------------------------------------------------------
all_index_tools=(veille floor omindex)
[[ $VEILLE_HAS_SHARDS -eq 1 ]] && all_index_tools+=(veille-2shards)
[[ $VEILLE_HAS_BUILD_WRITERS -eq 1 ]] && all_index_tools+=(veille-1writer)
for c in "${corpora[@]}"; do
    corpus="$work/corpus/$c"
    record "$c" corpus - - files "$(find "$corpus" -type f -name '*.txt' | wc -l)"
    record "$c" corpus - - bytes "$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')"
    find "$corpus" -type f -name '*.txt' -print0 | xargs -0 cat >/dev/null  # page cache warm
    if large "$c"; then
        c_runs=1 index_tools=(veille floor) query_tools=(veille veille-facets floor)
    else
        c_runs=$runs index_tools=("${all_index_tools[@]}") query_tools=(veille veille-facets floor omindex)
    fi

    for ((r = 1; r <= c_runs; r++)); do
        while IFS= read -r t; do
            say "$c: index, $t, run $r/$c_runs"
            build_index "$c" "$t" "$r"
        done < <(rotate "$r" "${index_tools[@]}")
    done
    for t in veille floor omindex; do
        [[ -d "$(idx "$c" "$t")" ]] || continue
        record "$c" size "$t" 1 - "$(size_of "$(idx "$c" "$t")")"
        large "$c" || record "$c" size_compact "$t" 1 - "$(compact "$c" "$t")"
    done

    if ! large "$c"; then
        say "$c: no-change re-index and re-index after touching 1 % of the files"
        reindex_runs "$c" reindex_none
        reindex_runs "$c" reindex_touch touch_one_percent
    fi

    say "$c: ${#QUERY_LIST[@]} queries, one process each (${query_tools[*]})"
    per_process "$c" qproc "$c_runs" "${QUERY_LIST[@]}"
    per_process "$c" qbroad $((c_runs * 3)) "${BROAD[@]}"
    say "$c: queries in one process"
    in_process "$c" "$c_runs"

    # Last, as it changes the corpus: re-index after editing 1 % of the files.
    if ! large "$c"; then
        say "$c: re-index after editing 1 % of the files"
        reindex_runs "$c" reindex_edit edit_one_percent
    fi
    # The next run starts from pristine copies again.
    rm -f "$corpus.ready"
done

# --- the table ------------------------------------------------------------------------------
cpu_model="$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo
echo "Veille vs the bare Xapian floor and omindex — FreSaDa, $(date -u +%Y-%m-%d) UTC, $(nproc) × ${cpu_model:-cpu}, median of $runs run(s)$([[ $scale -ge 16 ]] && echo ' (16x: one)'), paired and alternated"
echo
awk -F'\t' -v runs="$runs" -v has_shards="$VEILLE_HAS_SHARDS" -v has_writers="$VEILLE_HAS_BUILD_WRITERS" '
function sortv(arr, n,   i, j, t) { for (i = 2; i <= n; i++) { t = arr[i]; for (j = i - 1; j >= 1 && arr[j] > t; j--) arr[j + 1] = arr[j]; arr[j + 1] = t } }
# percentile (nearest rank) of the values stored under key k
function pct(k, p,   n, a, i, rank) {
    n = split(vals[k], a, " "); if (n == 0 || vals[k] == "") return ""
    for (i = 1; i <= n; i++) a[i] += 0
    sortv(a, n); rank = int(p / 100 * n + 0.999999); if (rank < 1) rank = 1; if (rank > n) rank = n
    return a[rank]
}
function med(k,   n, a, i) {
    n = split(vals[k], a, " "); if (vals[k] == "") return ""
    for (i = 1; i <= n; i++) a[i] += 0
    sortv(a, n); return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function medlist(s,   n, a, i) {
    n = split(s, a, " "); if (s == "") return ""
    for (i = 1; i <= n; i++) a[i] += 0
    sortv(a, n); return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
# median over runs of (sum of A in run r) / (sum of B in run r)
function paired(c, m, ta, tb,   r, s) {
    s = ""
    for (r = 1; r <= runs; r++) if (((c, m, ta, r) in sum) && ((c, m, tb, r) in sum) && sum[c, m, tb, r] > 0)
        s = s " " sum[c, m, ta, r] / sum[c, m, tb, r]
    sub(/^ /, "", s); return medlist(s)
}
function f(x, d) { return x == "" ? "–" : sprintf("%." d "f", x) }
# size in MB and its multiple of the corpus, or a dash when not measured
function mb(x, corpus_mb) { return x == "" ? "–" : sprintf("%.1f (%.1f×)", x / 1e6, x / 1e6 / corpus_mb) }
function div(a, b) { return (a == "" || b == "" || b == 0) ? "" : a / b }
function ratio(x) { return x == "" ? "–" : sprintf("%.2f×", x) }
{
    c = $1; m = $2; t = $3; r = $4; k = $5; v = $6
    if (m == "corpus") { corpus[c, k] = v; if (!(c in seen)) { order[++nc] = c; seen[c] = 1 }; next }
    key = c SUBSEP m SUBSEP t
    if (m == "qsess" || m == "startup" || m == "qsess_broad" || m == "qbroad") key = key SUBSEP k
    vals[key] = vals[key] (vals[key] == "" ? "" : " ") v
    sum[c, m, t, r] += v
}
END {
    print "| measurement | corpus | veille | floor | omindex | veille ÷ floor (paired) | notes |"
    print "|---|---|---|---|---|---|---|"
    for (i = 1; i <= nc; i++) {
        c = order[i]; files = corpus[c, "files"]; cmb = corpus[c, "bytes"] / 1e6
        cs = sprintf("%s (%d files, %.1f MB)", c, files, cmb)
        printf "| index: wall s (CPU s) | %s | %s (%s) | %s (%s) | %s (%s) | %s wall, %s CPU | target wall ≤ 0.50× |\n", cs,
            f(med(c SUBSEP "index_wall" SUBSEP "veille"), 1), f(med(c SUBSEP "index_cpu" SUBSEP "veille"), 1),
            f(med(c SUBSEP "index_wall" SUBSEP "floor"), 1), f(med(c SUBSEP "index_cpu" SUBSEP "floor"), 1),
            f(med(c SUBSEP "index_wall" SUBSEP "omindex"), 1), f(med(c SUBSEP "index_cpu" SUBSEP "omindex"), 1),
            ratio(paired(c, "index_wall", "veille", "floor")), ratio(paired(c, "index_cpu", "veille", "floor"))
        if (has_shards == 1 && med(c SUBSEP "index_wall" SUBSEP "veille-2shards") != "")
            printf "| index with --shards 2: wall s (CPU s) | %s | %s (%s) | | | %s wall | speed-up from 1 to 2 shards: %s |\n", c,
                f(med(c SUBSEP "index_wall" SUBSEP "veille-2shards"), 1), f(med(c SUBSEP "index_cpu" SUBSEP "veille-2shards"), 1),
                ratio(paired(c, "index_wall", "veille-2shards", "floor")), ratio(paired(c, "index_wall", "veille", "veille-2shards"))
        if (has_writers == 1 && med(c SUBSEP "index_wall" SUBSEP "veille-1writer") != "")
            printf "| index by one writer (--build-writers 1): wall s (CPU s) | %s | %s (%s) | | | %s wall | speed-up of one writer per core, merged: %s |\n", c,
                f(med(c SUBSEP "index_wall" SUBSEP "veille-1writer"), 1), f(med(c SUBSEP "index_cpu" SUBSEP "veille-1writer"), 1),
                ratio(paired(c, "index_wall", "veille-1writer", "floor")), ratio(paired(c, "index_wall", "veille-1writer", "veille"))
        mw = med(c SUBSEP "merge_wall" SUBSEP "veille")
        if (mw != "")
            printf "| index: merge of the writers databases, s (share of the wall) | %s | %s (%s %%) | | | | Xapian compactor, multipass; target wall ≤ 0.60× floor, RSS ≤ 400 MiB |\n", c,
                f(mw, 2), f(100 * mw / med(c SUBSEP "index_wall" SUBSEP "veille"), 0)
        wv = med(c SUBSEP "index_wall" SUBSEP "veille"); wf = med(c SUBSEP "index_wall" SUBSEP "floor"); wo = med(c SUBSEP "index_wall" SUBSEP "omindex")
        printf "| index: files/s · MB/s | %s | %s · %s | %s · %s | %s · %s | | from the median wall |\n", c,
            f(div(files, wv), 0), f(div(cmb, wv), 2), f(div(files, wf), 0), f(div(cmb, wf), 2), f(div(files, wo), 0), f(div(cmb, wo), 2)
        printf "| index: peak RSS MiB | %s | %s | %s | %s | %s | target ≤ 400, flat from 1x to 4x |\n", c,
            f(med(c SUBSEP "index_rss" SUBSEP "veille"), 0), f(med(c SUBSEP "index_rss" SUBSEP "floor"), 0),
            f(med(c SUBSEP "index_rss" SUBSEP "omindex"), 0), ratio(paired(c, "index_rss", "veille", "floor"))
        sv = med(c SUBSEP "size" SUBSEP "veille"); sf = med(c SUBSEP "size" SUBSEP "floor"); so = med(c SUBSEP "size" SUBSEP "omindex")
        printf "| index size MB (× corpus) | %s | %s | %s | %s | %s | veille stores the text for snippets |\n", c,
            mb(sv, cmb), mb(sf, cmb), mb(so, cmb), ratio(div(sv, sf))
        sv = med(c SUBSEP "size_compact" SUBSEP "veille"); sf = med(c SUBSEP "size_compact" SUBSEP "floor"); so = med(c SUBSEP "size_compact" SUBSEP "omindex")
        if (sv != "")
            printf "| compacted size MB (× corpus) | %s | %s | %s | %s | %s | target ≤ 1.00× |\n", c,
                mb(sv, cmb), mb(sf, cmb), mb(so, cmb), ratio(div(sv, sf))
        if (med(c SUBSEP "reindex_none_wall" SUBSEP "veille") != "") {
            printf "| no-change re-index s | %s | %s | (rebuilds) | %s | | target ≤ 0.2 s at 1x |\n", c,
                f(med(c SUBSEP "reindex_none_wall" SUBSEP "veille"), 2), f(med(c SUBSEP "reindex_none_wall" SUBSEP "omindex"), 2)
            tv = med(c SUBSEP "reindex_touch_wall" SUBSEP "veille")
            printf "| re-index after touching 1 %% s | %s | %s | (rebuilds) | %s | | veille: %.1f %% of its full build (target ≤ 5 %%) |\n", c,
                f(tv, 2), f(med(c SUBSEP "reindex_touch_wall" SUBSEP "omindex"), 2), 100 * tv / wv
            tv = med(c SUBSEP "reindex_edit_wall" SUBSEP "veille")
            printf "| re-index after editing 1 %% s | %s | %s | (rebuilds) | %s | | veille: %.1f %% of its full build |\n", c,
                f(tv, 2), f(med(c SUBSEP "reindex_edit_wall" SUBSEP "omindex"), 2), 100 * tv / wv
        }
        printf "| 100 queries, one process each: p50 / p95 / p99 ms | %s | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s (total time) | veille-query --json; floor: snippet from the file; quest: no snippet; target ≤ 0.50× |\n", c,
            f(pct(c SUBSEP "qproc" SUBSEP "veille", 50), 1), f(pct(c SUBSEP "qproc" SUBSEP "veille", 95), 1), f(pct(c SUBSEP "qproc" SUBSEP "veille", 99), 1),
            f(pct(c SUBSEP "qproc" SUBSEP "floor", 50), 1), f(pct(c SUBSEP "qproc" SUBSEP "floor", 95), 1), f(pct(c SUBSEP "qproc" SUBSEP "floor", 99), 1),
            f(pct(c SUBSEP "qproc" SUBSEP "omindex", 50), 1), f(pct(c SUBSEP "qproc" SUBSEP "omindex", 95), 1), f(pct(c SUBSEP "qproc" SUBSEP "omindex", 99), 1),
            ratio(paired(c, "qproc", "veille", "floor"))
        printf "| … with --facets (exact counts) | %s | %s / %s / %s | | | %s (total time) | veille-query --json --facets |\n", c,
            f(pct(c SUBSEP "qproc" SUBSEP "veille-facets", 50), 1), f(pct(c SUBSEP "qproc" SUBSEP "veille-facets", 95), 1), f(pct(c SUBSEP "qproc" SUBSEP "veille-facets", 99), 1),
            ratio(paired(c, "qproc", "veille-facets", "floor"))
        printf "| broad queries, one process each: France / le ms | %s | %s / %s (facets %s / %s) | %s / %s | %s / %s | %s | median of %d |\n", c,
            f(med(c SUBSEP "qbroad" SUBSEP "veille" SUBSEP 1), 1), f(med(c SUBSEP "qbroad" SUBSEP "veille" SUBSEP 2), 1),
            f(med(c SUBSEP "qbroad" SUBSEP "veille-facets" SUBSEP 1), 1), f(med(c SUBSEP "qbroad" SUBSEP "veille-facets" SUBSEP 2), 1),
            f(med(c SUBSEP "qbroad" SUBSEP "floor" SUBSEP 1), 1), f(med(c SUBSEP "qbroad" SUBSEP "floor" SUBSEP 2), 1),
            f(med(c SUBSEP "qbroad" SUBSEP "omindex" SUBSEP 1), 1), f(med(c SUBSEP "qbroad" SUBSEP "omindex" SUBSEP 2), 1),
            ratio(paired(c, "qbroad", "veille", "floor")), runs * 3
        mv = med(c SUBSEP "qsess" SUBSEP "veille" SUBSEP "mean"); mf = med(c SUBSEP "qsess" SUBSEP "floor" SUBSEP "mean")
        printf "| 100 queries in one process: p50 / p95 / p99 ms (mean) | %s | %s / %s / %s (%s) | (%s) | | %s (mean) | veille-bench-queries: 10 hits, snippets, exact facets; floor: no facets; target p50 ≤ 2, p99 ≤ 20 at 4x |\n", c,
            f(med(c SUBSEP "qsess" SUBSEP "veille" SUBSEP "p50"), 2), f(med(c SUBSEP "qsess" SUBSEP "veille" SUBSEP "p95"), 2),
            f(med(c SUBSEP "qsess" SUBSEP "veille" SUBSEP "p99"), 2), f(mv, 2), f(mf, 2), ratio(mf > 0 ? mv / mf : "")
        printf "| broad queries in one process: France / le ms | %s | %s / %s | | | | snippets + exact facets over every match; within p99 ≤ 20 at 4x |\n", c,
            f(med(c SUBSEP "qsess_broad" SUBSEP "veille" SUBSEP "France"), 2), f(med(c SUBSEP "qsess_broad" SUBSEP "veille" SUBSEP "le"), 2)
        n50 = med(c SUBSEP "qsess" SUBSEP "veille-nofacets" SUBSEP "p50"); n99 = med(c SUBSEP "qsess" SUBSEP "veille-nofacets" SUBSEP "p99")
        nf = med(c SUBSEP "qsess_broad" SUBSEP "veille-nofacets" SUBSEP "France"); nl = med(c SUBSEP "qsess_broad" SUBSEP "veille-nofacets" SUBSEP "le")
        if (n50 != "") {
            printf "| … the same without facets: queries p50 / p99, France / le ms | %s | %s / %s, %s / %s | | | | veille-bench-queries --no-facets (the total exact up to 10,000 matches) |\n", c,
                f(n50, 2), f(n99, 2), f(nf, 2), f(nl, 2)
            printf "| exact facets ÷ none, in one process: queries p50 / p99, France / le | %s | %s / %s, %s / %s | | | | ratio of the medians; target ≤ 2× at 1x, 4x and 16x |\n", c,
                ratio(div(med(c SUBSEP "qsess" SUBSEP "veille" SUBSEP "p50"), n50)), ratio(div(med(c SUBSEP "qsess" SUBSEP "veille" SUBSEP "p99"), n99)),
                ratio(div(med(c SUBSEP "qsess_broad" SUBSEP "veille" SUBSEP "France"), nf)), ratio(div(med(c SUBSEP "qsess_broad" SUBSEP "veille" SUBSEP "le"), nl))
        }
        printf "| start-up ms: first / next | %s | %s / %s | | | | gazetteer load + index open, in veille-bench-queries; target ≤ 10 |\n", c,
            f(med(c SUBSEP "startup" SUBSEP "veille" SUBSEP "first"), 2), f(med(c SUBSEP "startup" SUBSEP "veille" SUBSEP "median"), 2)
    }
}' "$RESULTS"
echo
echo "Raw measurements: $RESULTS (kept with --work DIR). Command: bench/speed.sh$([[ $quick -eq 1 ]] && echo ' --quick')$([[ $quick -eq 0 && $scale -ne 4 ]] && echo " --scale $scale")$([[ $runs -ne 3 && $quick -eq 0 ]] && echo " --runs $runs")"
