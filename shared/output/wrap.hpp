// Laying text out in a terminal: word wrapping by display width (accents take one column, CJK
// two, combining marks none), cutting a line to fit, padding columns, and the few SGR styles
// the renderers use. Text that came from a document goes through mark_line() first, which
// strips anything a terminal would interpret while keeping highlight ranges right.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace veille::output {

namespace sgr {
inline constexpr std::string_view kReset = "\x1b[0m";
inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kDim = "\x1b[2m";
inline constexpr std::string_view kHighlight = "\x1b[1;33m";  // bold yellow
inline constexpr std::string_view kWarning = "\x1b[33m";
inline constexpr std::string_view kAccent = "\x1b[36m";      // cyan: prompt, filters
}  // namespace sgr

// `s` wrapped in an SGR sequence when colour is on, as it is otherwise.
std::string styled(std::string_view s, std::string_view style, bool colour);

using ByteRange = std::pair<std::size_t, std::size_t>;  // [begin, end)

// Document text made safe to print, with one flag per byte saying whether it is highlighted.
struct MarkedText {
    std::string text;
    std::vector<bool> lit;

    void append(std::string_view s, bool is_lit);
};

// One line of document text with its highlight ranges: cleaned piece by piece (between range
// edges) by text::strip_terminal_controls, line breaks and tabs turned into spaces. Ranges
// may be unsorted or overlap; no byte is printed twice.
MarkedText mark_line(std::string_view text, const std::vector<ByteRange>& ranges);

// A wrapped line: pieces of the text, to be joined by one space each.
using WrappedLine = std::vector<ByteRange>;

// Wraps `text` on spaces: the first line holds at most `first_width` columns, the others
// `width`. Runs of spaces collapse to one. A word wider than a line is split between code
// points (a URL, a run of ideographs), and what is left of it may be followed by the next
// word. Every line holds at least one code point, so a tiny width never loops.
std::vector<WrappedLine> wrap_words(std::string_view text, std::size_t width,
                                    std::size_t first_width);

// The pieces of one wrapped line, joined by spaces, lit runs in `style` when colour is on.
std::string render_line(const MarkedText& marked, const WrappedLine& line, bool colour,
                        std::string_view style = sgr::kHighlight);

// `marked` wrapped to `width` columns, indents included: the first line starts with
// `first_indent`, the others with `indent`. Nothing is written for blank text.
void write_wrapped(std::ostream& out, const MarkedText& marked, std::size_t width,
                   std::string_view first_indent, std::string_view indent, bool colour,
                   std::string_view style = sgr::kHighlight);

// Items ("Mali 12") packed into lines of `width` columns, joined by " · ", an item never
// split: the first line starts with `prefix` (possibly styled; `prefix_cols` columns wide),
// the others with as many spaces.
void write_items(std::ostream& out, const std::vector<std::string>& items, std::size_t width,
                 std::string_view prefix, std::size_t prefix_cols);

// `text` (plain, one line) cut to at most `width` columns, ending in "…" when it was cut.
std::string fit_width(std::string_view text, std::size_t width);

// The same, cutting the beginning instead ("…/seed/mali-russie.txt"): for paths, whose end
// says the most.
std::string fit_width_start(std::string_view text, std::size_t width);

// `text` followed by spaces up to `width` columns (unchanged when already as wide).
std::string pad_right(std::string_view text, std::size_t width);

// Document text made safe for one line: controls and escapes removed, line breaks and tabs
// turned into spaces.
std::string one_line(std::string_view s);

}  // namespace veille::output
