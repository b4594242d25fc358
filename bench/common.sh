# What the figure-printing scripts (speed.sh, startup.sh, facets.sh) share. Sourced, not run,
# once ROOT (the checkout) is set.

# Where the shared benchmark material is: the peers' scripts, the query set, FreSaDa.
SHARED_BENCH="${VEILLE_SHARED_BENCH:-$ROOT/../shared/bench}"
CORPUS_SRC="${VEILLE_CORPORA:-$ROOT/../shared/corpora}/fresada/data"
QUERIES="$SHARED_BENCH/queries.txt"

# ms_between T0 T1 [N]: the milliseconds (3 decimals) from T0 to T1, two ${EPOCHREALTIME/./}
# readings (µs) taken around a process; divided by N when given (a mean over N queries).
ms_between() { awk -v d=$(($2 - $1)) -v n="${3:-1}" 'BEGIN { printf "%.3f", d / 1000 / n }'; }

# ms_of_run VAR LOG FAILURE CMD...: runs CMD once (stdin /dev/null, output discarded, stderr
# to LOG) and sets VAR to its wall time in ms, from readings taken around the process alone.
# If CMD fails: FAILURE and the end of LOG on stderr, and the script stops.
ms_of_run() {
    local -n ms_of_run_out="$1"
    local log="$2" failure="$3" t0 t1
    shift 3
    t0=${EPOCHREALTIME/./}
    if ! "$@" </dev/null >/dev/null 2>"$log"; then
        echo "$failure" >&2
        tail -n 5 "$log" >&2
        exit 1
    fi
    t1=${EPOCHREALTIME/./}
    ms_of_run_out="$(ms_between "$t0" "$t1")"
}

# say MESSAGE...: a timestamped progress line on stderr.
say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# bench_work NAME: $work is the --work folder given (made absolute), or a temporary folder
# removed at exit; $work/logs exists and $RESULTS ($work/results.tsv) is empty.
bench_work() {
    if [[ -z "$work" ]]; then
        work="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
        trap 'rm -rf "$work"' EXIT
    fi
    mkdir -p "$work/logs"
    work="$(cd "$work" && pwd)"
    RESULTS="$work/results.tsv"
    : >"$RESULTS"
}

# rotate RUN WORD...: the words, starting at the RUN-th (A B C, B C A, ...), so that paired
# runs alternate their order and drift on a shared machine hits every tool alike.
rotate() {
    local r="$1"
    shift
    local n=$# i
    local words=("$@")
    for ((i = 0; i < n; i++)); do printf '%s\n' "${words[$(((r + i) % n))]}"; done
}
