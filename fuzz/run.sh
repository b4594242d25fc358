#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time. Not part of CI.
#
#   fuzz/run.sh [SECONDS_PER_TARGET]      default 60
#
# Seeds come from tests/data and corpora/; new inputs and crash reproducers stay in
# build-fuzz/ (crash-*, timeout-*, oom-* files: replay one with `build-fuzz/fuzz/fuzz_X FILE`).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-60}"
BUILD="${VEILLE_FUZZ_BUILD_DIR:-$HERE/build-fuzz}"

# clang and its libFuzzer runtime: for fuzzing only, so not in setup.sh's list.
missing=()
for p in clang libclang-rt-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! pkg-config --exists gumbo libxml-2.0 zlib xapian-core icu-uc; then
    echo "fuzz/run.sh: the project's packages are missing: run ./setup.sh build first" >&2
    exit 2
fi

CXX=clang++ cmake -S "$HERE" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVEILLE_FUZZ=ON \
    -DVEILLE_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target fuzz_html_reader fuzz_jsonl_reader fuzz_seed_text_reader \
    fuzz_feed_reader fuzz_warc_reader fuzz_format_detection

seed() {  # seed <corpus dir> <files...>
    local dir="$1"; shift
    mkdir -p "$dir"
    for f in "$@"; do [[ -f "$f" ]] && cp -n "$f" "$dir/" || true; done
}
seed "$BUILD/corpus/html_reader" "$HERE"/tests/data/html/*.html
seed "$BUILD/corpus/jsonl_reader" "$HERE"/tests/data/jsonl/*.jsonl
seed "$BUILD/corpus/seed_text_reader" "$HERE"/corpora/seed/*.txt "$HERE"/tests/data/readers/*.txt
seed "$BUILD/corpus/feed_reader" "$HERE"/tests/data/feeds/*.xml
seed "$BUILD/corpus/warc_reader" "$HERE"/tests/data/warc/*.warc
seed "$BUILD/corpus/format_detection" "$HERE"/tests/data/html/wordpress-thread.html "$HERE"/corpora/seed/mali-russie.txt

status=0
for target in html_reader jsonl_reader seed_text_reader feed_reader warc_reader format_detection; do
    echo "== fuzz_$target: ${SECONDS_PER_TARGET} s"
    dict=()
    [[ -f "$HERE/fuzz/$target.dict" ]] && dict=(-dict="$HERE/fuzz/$target.dict")
    mkdir -p "$BUILD/artifacts/$target"
    if ! "$BUILD/fuzz/fuzz_$target" "$BUILD/corpus/$target" "${dict[@]}" \
        -max_total_time="$SECONDS_PER_TARGET" -max_len=32768 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$BUILD/artifacts/$target/" -print_final_stats=1 2>"$BUILD/fuzz_$target.log"; then
        echo "   FOUND A PROBLEM: see $BUILD/fuzz_$target.log and $BUILD/artifacts/$target/"
        status=1
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$BUILD/fuzz_$target.log" | tail -3 || true
done
exit $status
