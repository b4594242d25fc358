#!/usr/bin/env bash
# Veille installs like any Unix program (issue 9):
#   1. `cmake --install` puts the executables, the gazetteer, the man pages and the bash and
#      zsh completions where a Debian system looks for them, and the installed tools index
#      and search with nothing from the build tree;
#   2. `cpack -G DEB` makes a package whose dependencies are Debian's library packages; it
#      is unpacked with `dpkg-deb -x` into a temporary root and run from there; then
#      installed into, and removed from, a private dpkg database (`dpkg --root`): removal
#      leaves no file behind;
#   3. the man pages, --help and the README name the same options.
# Usage (ctest runs it): test_package.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
BUILD="$1" SRC="$2"
T="$(mktemp -d "${TMPDIR:-/tmp}/veille-package.XXXXXX")"
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export LC_ALL=C.UTF-8
unset VEILLE_DB XDG_CONFIG_HOME
export HOME="$T/home" && mkdir -p "$HOME"

# --- 1. cmake --install ----------------------------------------------------------------
cmake --install "$BUILD" --prefix "$T/prefix" >/dev/null
expected=(
    bin/veille-index bin/veille-query
    share/veille/gazetteer.tsv
    share/bash-completion/completions/veille-index share/bash-completion/completions/veille-query
    share/zsh/vendor-completions/_veille-index share/zsh/vendor-completions/_veille-query
)
# Man pages come from help2man, which the set-up script installs: a machine without them
# installs an incomplete Veille, and that is a failure, not a skip.
expected+=(share/man/man1/veille-index.1 share/man/man1/veille-query.1)
for f in "${expected[@]}"; do [[ -f "$T/prefix/$f" ]] || fail "cmake --install did not install $f"; done
"$T/prefix/bin/veille-index" -q --db "$T/idx" "$SRC/corpora" || fail "installed veille-index failed"
out="$("$T/prefix/bin/veille-query" --db "$T/idx" --count Mali)" || fail "installed veille-query failed"
[[ "$out" =~ ^[1-9][0-9]*$ ]] || fail "installed veille-query --count Mali printed '$out'"
# The completions are valid shell: bash sources them, and they complete veille-query's options.
bash -c "source '$T/prefix/share/bash-completion/completions/veille-query'" ||
    fail "the bash completion does not load"

# --- 2. cpack -G DEB, dpkg-deb -x, dpkg --root ------------------------------------------
cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$T/pkg" >"$T/cpack.log" 2>&1 ||
    { cat "$T/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb="$(ls "$T"/pkg/veille_*.deb)"
depends="$(dpkg-deb -f "$deb" Depends)"
for lib in libxapian30 libicu libgumbo libxml2 zlib1g; do
    [[ "$depends" == *"$lib"* ]] || fail "the package does not depend on $lib: $depends"
done
dpkg-deb -x "$deb" "$T/root"
for f in usr/bin/veille-index usr/bin/veille-query usr/share/veille/gazetteer.tsv; do
    [[ -f "$T/root/$f" ]] || fail "the package lacks /$f"
done
"$T/root/usr/bin/veille-query" --version | grep -q '^veille-query .*Xapian .*ICU' ||
    fail "the packaged veille-query --version"
"$T/root/usr/bin/veille-index" -q --db "$T/idx2" "$SRC/corpora/seed" || fail "packaged veille-index failed"
[[ "$("$T/root/usr/bin/veille-query" --db "$T/idx2" --count Mali)" =~ ^[1-9] ]] ||
    fail "packaged veille-query finds nothing"
# Stripped: the debug information of the build stays out of the package.
if command -v file >/dev/null; then
    file "$T/root/usr/bin/veille-query" | grep -q 'not stripped' && fail "the packaged executables are not stripped"
fi

# Install and remove with dpkg itself, in a private root (its own database; the libraries
# are the system's, hence --force-depends).
mkdir -p "$T/dpkg/var/lib/dpkg/info" "$T/dpkg/var/lib/dpkg/updates"
: >"$T/dpkg/var/lib/dpkg/status"
dpkg_root=(dpkg --root="$T/dpkg" --log=/dev/null --force-not-root --force-depends --force-script-chrootless)
"${dpkg_root[@]}" -i "$deb" >"$T/dpkg.log" 2>&1 || { cat "$T/dpkg.log" >&2; fail "dpkg -i failed"; }
[[ -x "$T/dpkg/usr/bin/veille-query" ]] || fail "dpkg -i did not install veille-query"
"${dpkg_root[@]}" -r veille >>"$T/dpkg.log" 2>&1 || { cat "$T/dpkg.log" >&2; fail "dpkg -r failed"; }
left="$(cd "$T/dpkg" && find . -type f -not -path './var/lib/dpkg/*')"
[[ -z "$left" ]] || fail "dpkg -r left files behind: $left"

# --- 3. --help, man pages and README agree ------------------------------------------------
for tool in veille-index veille-query; do
    help="$("$BUILD/$tool" --help)"
    options="$(grep -oE -- '--[a-zé][a-zé-]+' <<<"$help" | sort -u)"
    [[ -n "$options" ]] || fail "$tool --help lists no option"
    man="$T/prefix/share/man/man1/$tool.1"
    for o in $options; do
        [[ "$o" == --help ]] && continue
        # help2man escapes dashes: \-\-option
        grep -qF -- "${o//-/\\-}" "$man" || fail "$tool: $o is in --help but not in the man page"
        grep -qF -- "$o" "$SRC/README.md" || fail "$tool: $o is in --help but not in README.md"
    done
done
echo "package: installed, packaged, unpacked, installed and removed with dpkg; help, man and README agree"
