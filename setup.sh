#!/usr/bin/env bash
# Veille set-up: installs what is missing (Debian 12), builds, then either runs a demo
# (index corpora/ and search it) or the whole test suite. Re-running is cheap: packages are
# only installed when missing and the build is incremental.
#
#   ./setup.sh demo   install, build, index corpora/ into the default index, run a search
#   ./setup.sh test   install, build, run every test (what .ci/run calls)
#   ./setup.sh build  install and build only
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="${VEILLE_BUILD_DIR:-$HERE/build}"
BUILD_TYPE="${VEILLE_BUILD_TYPE:-RelWithDebInfo}"

# The one list of Debian packages the project needs to build and test.
PACKAGES=(
    g++ cmake make pkg-config          # toolchain
    libxapian-dev                      # the search engine
    libicu-dev                         # Unicode normalisation and case folding
    libgumbo-dev                       # HTML5 parser for saved web pages
    libxml2-dev                        # XML parser for RSS and Atom feeds
    zlib1g-dev                         # gzip members of .warc.gz web archives
    libcli11-dev                       # command-line parsing
    libtomlplusplus-dev                # the configuration file
    libreadline-dev                    # line editing and history at the interactive prompt
    nlohmann-json3-dev                 # JSON output and stored document data
    libboost-test-dev                  # unit tests
    xapian-tools                       # xapian-tcpsrv: the test of shards served remotely
    help2man                           # man pages from --help (cmake --install, the package)
)

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$p")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    echo "setup: installing ${missing[*]}" >&2
    local sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}

# build [TARGET...]: everything (tests and benchmarks included), or only the targets named.
build() {
    cmake -S "$HERE" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" >/dev/null
    local targets=()
    for t in "$@"; do targets+=(--target "$t"); done
    cmake --build "$BUILD_DIR" -j "$(nproc)" "${targets[@]}"
}

cmd="${1:-demo}"
case "$cmd" in
    build)
        install_missing
        build
        ;;
    demo)
        install_missing
        build veille-index veille-query   # the demo runs only these: no tests, no benchmarks
        "$BUILD_DIR/veille-index" "$HERE/corpora"
        echo
        echo '$ veille-query securite russie'
        "$BUILD_DIR/veille-query" securite russie
        ;;
    test)
        install_missing
        build
        ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
        ;;
    *)
        echo "usage: $0 [demo|test|build]" >&2
        exit 2
        ;;
esac
