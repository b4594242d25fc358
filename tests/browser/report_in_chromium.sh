#!/usr/bin/env bash
# The HTML report in a real browser (issue 9): headless Chromium loads a report of our
# sample corpus plus hostile records (markup, scripts and a javascript: link inside titles,
# texts and URLs), with networking off. It checks that nothing from the documents ran or
# became markup (the DOM Chromium ends with has no element or attribute the hostile
# records tried to inject), and renders the page to a PNG for a person to look at.
#
#   tests/browser/report_in_chromium.sh BUILD_DIR SOURCE_DIR [OUT.png]
#
# ctest runs it; it exits 77 (skipped) when Chromium is not installed (Debian package
# chromium: not part of setup.sh, it weighs some 300 MB).
set -euo pipefail
BUILD="$1" SRC="$2" PNG="${3:-}"
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$chromium" ]]; then
    echo "skipped: Chromium is not installed (apt-get install chromium)"
    exit 77
fi
T="$(mktemp -d "${TMPDIR:-/tmp}/veille-report.XXXXXX")"
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
unset VEILLE_DB XDG_CONFIG_HOME
export HOME="$T/home" LC_ALL=C.UTF-8 && mkdir -p "$HOME"

mkdir -p "$T/in"
cp -r "$SRC/corpora/." "$T/in/"
# Records that try to inject markup through every field the report shows.
cat >"$T/in/hostile.jsonl" <<'EOF'
{"id":"x1","type":"article","title":"Mali <script>document.body.setAttribute('data-pwned','title')</script> et Russie","text":"Le Mali et la Russie <img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> signent un accord. </textarea></mark><b id=\"pwned-b\">gras</b>","date":"2025-11-08","url":"javascript:document.body.setAttribute('data-pwned','link')","source":"<i id=\"pwned-i\">Source</i>","author":"\"><svg onload=alert(1)>"}
{"id":"x2","type":"comment","article_id":"x1","text":"Russie au Mali <iframe id=\"pwned-iframe\" src=\"https://example.org\"></iframe> encore","author":"<u id=\"pwned-u\">troll</u>","date":"2025-11-09"}
EOF
"$BUILD/veille-index" -q --db "$T/idx" "$T/in" || fail "veille-index failed"
"$BUILD/veille-query" --db "$T/idx" --report "$T/report.html" 'Mali Russie' >/dev/null ||
    fail "veille-query --report failed"
grep -q 'pwned' "$T/report.html" || fail "the hostile records are not in the report: the test would prove nothing"

browser=("$chromium" --headless=new --no-sandbox --disable-gpu --no-first-run --disable-extensions
         --user-data-dir="$T/profile" --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>'
         --virtual-time-budget=3000)
"${browser[@]}" --dump-dom "file://$T/report.html" >"$T/dom.html" 2>"$T/chromium.log" ||
    { tail -5 "$T/chromium.log" >&2; fail "Chromium could not load the report"; }
[[ -s "$T/dom.html" ]] || fail "Chromium returned an empty DOM"
# The DOM as Chromium built it: a script that ran would have set data-pwned; markup that
# was not escaped would be an element with one of the pwned-* ids.
grep -q 'data-pwned=' "$T/dom.html" && fail "a script from a document ran in the report"
grep -Eq '<(b|i|u|iframe)[^>]* id="pwned-' "$T/dom.html" && fail "markup from a document became an element"
grep -Eq '<(svg|img)[^>]* on(load|error)=' "$T/dom.html" && fail "an event handler from a document is live"
grep -q 'href="javascript:' "$T/dom.html" && fail "a javascript: link is clickable"
grep -q '<mark>' "$T/dom.html" || fail "no highlighted word in the rendered report"
grep -q '<svg' "$T/dom.html" || fail "no chart in the rendered report"

if [[ -n "$PNG" ]]; then
    "${browser[@]}" --window-size=1200,1800 --hide-scrollbars --screenshot="$PNG" "file://$T/report.html" \
        >>"$T/chromium.log" 2>&1 || fail "Chromium could not take the screenshot"
    [[ -s "$PNG" ]] || fail "empty screenshot"
    echo "screenshot: $PNG"
fi
echo "report: rendered by $("$chromium" --version 2>/dev/null | head -1); nothing from the documents ran or became markup"
