// Front matter is a deliberately small subset of YAML: one `key: value` per line, `#`
// comments and blank lines allowed, values optionally quoted. Anything richer (lists, nested
// maps, multi-line strings) is reported line by line rather than half-understood.
#include "readers/front_matter.hpp"

#include <array>
#include <chrono>

#include "text/ascii.hpp"

namespace veille::readers {

namespace {

using documents::Diagnostic;
using documents::Severity;

// The keys the readers use; others are kept in `fields` but reported, since a typo
// ("titel:") would otherwise silently lose the value.
constexpr std::array<std::string_view, 5> kKnownKeys = {"title", "date", "url", "source", "author"};

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
}

bool is_delimiter(std::string_view line) { return trim(line) == "---"; }

// Whether a key is made of letters, digits, '_' and '-' only (ASCII, like YAML keys in
// practice). "Paris : la ville" is prose, not a key.
bool is_key(std::string_view key) {
    if (key.empty()) return false;
    for (const char c : key) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

std::string_view unquote(std::string_view v) {
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
        return v.substr(1, v.size() - 2);
    return v;
}

int digits(std::string_view s, std::size_t pos, std::size_t count) {
    int value = 0;
    for (std::size_t k = pos; k < pos + count; ++k) {
        if (s[k] < '0' || s[k] > '9') return -1;
        value = value * 10 + (s[k] - '0');
    }
    return value;
}

// "2024-03-12", optionally followed by a time ("2024-03-12T08:30:00+01:00",
// "2024-03-12 08:30"), with a real calendar day. Dates are sorted and filtered on, so a
// value that is not ISO 8601 is refused rather than stored.
bool is_iso_date(std::string_view v) {
    if (v.size() < 10 || v[4] != '-' || v[7] != '-') return false;
    if (v.size() > 10 && v[10] != 'T' && v[10] != ' ') return false;
    const int y = digits(v, 0, 4), m = digits(v, 5, 2), d = digits(v, 8, 2);
    if (y < 0 || m < 0 || d < 0) return false;
    const std::chrono::year_month_day ymd{std::chrono::year{y},
                                          std::chrono::month{static_cast<unsigned>(m)},
                                          std::chrono::day{static_cast<unsigned>(d)}};
    return ymd.ok();
}

// Splits off the next line of `text` at `pos` (without its '\n'); npos when done.
std::string_view next_line(std::string_view text, std::size_t& pos) {
    const auto end = text.find('\n', pos);
    std::string_view line;
    if (end == std::string_view::npos) {
        line = text.substr(pos);
        pos = std::string_view::npos;
    } else {
        line = text.substr(pos, end - pos);
        pos = end + 1;
    }
    return line;
}

}  // namespace

FrontMatter parse_front_matter(std::string_view text, std::string_view path,
                               std::vector<Diagnostic>& diagnostics) {
    FrontMatter fm;
    fm.rest = text;
    std::size_t pos = 0;
    if (text.empty() || !is_delimiter(next_line(text, pos)) || pos == std::string_view::npos)
        return fm;

    // Find the closing delimiter first: an unclosed block is not front matter (it may be a
    // "---" rule at the top of a plain text), so nothing in it is reported line by line.
    std::size_t scan = pos;
    std::size_t closing_line = 0;
    for (std::size_t line_no = 2; scan != std::string_view::npos; ++line_no) {
        if (is_delimiter(next_line(text, scan))) {
            closing_line = line_no;
            break;
        }
    }
    if (closing_line == 0) {
        diagnostics.push_back({Severity::Warning, std::string(path), 1,
                               "front matter is never closed by a '---' line: read as text"});
        return fm;
    }

    for (std::size_t line_no = 2; line_no < closing_line; ++line_no) {
        const std::string_view line = trim(next_line(text, pos));
        if (line.empty() || line.front() == '#') continue;
        const auto colon = line.find(':');
        const std::string_view raw_key =
            colon == std::string_view::npos ? std::string_view{} : trim(line.substr(0, colon));
        if (!is_key(raw_key)) {
            diagnostics.push_back(
                {Severity::Warning, std::string(path), line_no,
                 "malformed front-matter line (expected 'key: value'): " + std::string(line)});
            continue;
        }
        const std::string key = text::ascii_lower(raw_key);
        const std::string value(unquote(trim(line.substr(colon + 1))));
        bool known = false;
        for (const auto k : kKnownKeys) known = known || k == key;
        if (!known) {
            diagnostics.push_back({Severity::Warning, std::string(path), line_no,
                                   "unknown front-matter key '" + key +
                                       "' ignored (known: title, date, url, source, author)"});
        }
        if (key == "date" && !value.empty() && !is_iso_date(value)) {
            diagnostics.push_back({Severity::Warning, std::string(path), line_no,
                                   "date '" + value + "' is not ISO 8601 (YYYY-MM-DD): ignored"});
            continue;
        }
        if (fm.fields.count(key)) {
            diagnostics.push_back(
                {Severity::Warning, std::string(path), line_no,
                 "duplicate front-matter key '" + key + "': the first value is kept"});
            continue;
        }
        fm.fields.emplace(key, value);
    }
    next_line(text, pos);  // the closing ---
    fm.lines_consumed = closing_line;
    fm.rest = pos == std::string_view::npos ? std::string_view{} : text.substr(pos);
    return fm;
}

}  // namespace veille::readers
