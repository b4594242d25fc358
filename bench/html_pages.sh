#!/usr/bin/env bash
# Indexing speed of saved web pages: two builds of veille-index side by side (an older one,
# BEFORE, and this one, AFTER), paired and alternated so that the noise of a shared machine
# hits both alike. Prints ONE markdown table: median wall time, pages a second, and the
# median of the per-run AFTER / BEFORE ratios. Not a test (issue 17: it must not drop > 10 %).
#
#   bench/html_pages.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR [--runs N] [--copies N]
#
# The pages: ../shared/corpora/html-trafilatura-fr (27 real French pages, some with threads)
# and tests/data/html/threads (27 real pages with threads of 26 sites), --copies times each
# (default 10 and 5) under distinct folders. A build dir holds veille-index (Release); to get
# BEFORE: git worktree add /tmp/before <commit> && cmake -S /tmp/before -B /tmp/before/b
# -DCMAKE_BUILD_TYPE=Release && cmake --build /tmp/before/b --target veille-index.
set -euo pipefail
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${VEILLE_CORPORA:-$ROOT/../shared/corpora}/html-trafilatura-fr"
runs=5 copies=10
[[ $# -ge 2 ]] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
BEFORE="$(cd "$1" && pwd)" AFTER="$(cd "$2" && pwd)"
shift 2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift ;;
        --copies) copies="$2"; shift ;;
        *) echo "html_pages.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[[ -d "$SHARED" ]] || { echo "html_pages.sh: $SHARED not found (../shared beside the checkout)" >&2; exit 2; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for i in $(seq 1 "$copies"); do
    mkdir -p "$WORK/pages/shared-$i"
    find "$SHARED" -name '*.html' -exec cp {} "$WORK/pages/shared-$i/" \;
done
for i in $(seq 1 $(( (copies + 1) / 2 ))); do
    mkdir -p "$WORK/pages/threads-$i"
    cp "$ROOT"/tests/data/html/threads/*.html "$WORK/pages/threads-$i/"
done
pages=$(find "$WORK/pages" -name '*.html' | wc -l)

: > "$WORK/times"
for r in $(seq 1 "$runs"); do
    # Alternate which build goes first.
    order=(BEFORE AFTER)
    (( r % 2 == 0 )) && order=(AFTER BEFORE)
    for which in "${order[@]}"; do
        dir=$BEFORE
        [[ $which == AFTER ]] && dir=$AFTER
        rm -rf "$WORK/db"
        start=$EPOCHREALTIME
        "$dir/veille-index" -q --threads 2 --db "$WORK/db" "$WORK/pages" >/dev/null 2>&1
        echo "$r $which $(echo "$EPOCHREALTIME - $start" | bc)" >> "$WORK/times"
    done
done

python3 - "$WORK/times" "$pages" <<'PY'
import statistics, sys
times, pages = {}, int(sys.argv[2])
for line in open(sys.argv[1]):
    run, which, secs = line.split()
    times.setdefault(which, {})[run] = float(secs)
b, a = times["BEFORE"], times["AFTER"]
ratio = statistics.median(a[r] / b[r] for r in b)
print(f"| {pages} pages, {len(b)} runs | median wall (s) | pages/s |")
print("|---|---|---|")
for name, t in (("BEFORE", b), ("AFTER", a)):
    m = statistics.median(t.values())
    print(f"| {name} | {m:.2f} | {pages / m:.1f} |")
print(f"| AFTER / BEFORE (median of paired ratios) | {ratio:.3f} | {1 / ratio:.3f} |")
PY
