// An article's date from its metadata, its path or the top of its body, in that order of
// trust: metadata was written by the publisher for machines, a dated path was made by the
// publisher's CMS, while a date in the text has to be told apart from the dates the article
// talks about.
#include "dates/date_sources.hpp"

#include <algorithm>
#include <cstddef>

#include "dates/date_line.hpp"

namespace veille::dates {

namespace {

// Separated dates ("2025-11-06", "2025/11/06") in a path are written for machines, so the
// whole range of parse_french_date applies (HIPE file ids go back to 1798); a run of 8
// digits is as often an identifier, so it must also fall in the range news writes about.
struct YearRange {
    int min, max;
};
constexpr YearRange kSeparatedYears{1583, 2999};
constexpr YearRange kCompactYears{1800, 2100};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The number written by s[i, i + n), all digits (the caller has checked).
int number_at(std::string_view s, std::size_t i, std::size_t n) {
    int value = 0;
    for (std::size_t k = i; k < i + n; ++k) value = value * 10 + (s[k] - '0');
    return value;
}

std::size_t digit_run(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && is_digit(s[i + n])) ++n;
    return n;
}

bool all_digits(std::string_view s, std::size_t min_length, std::size_t max_length) {
    return s.size() >= min_length && s.size() <= max_length && digit_run(s, 0) == s.size();
}

std::optional<Date> checked(Date d, YearRange years = kSeparatedYears) {
    if (detail::is_valid(d, years.min, years.max)) return d;
    return std::nullopt;
}

// A full date inside one path segment: "2025-11-06-slug.txt", "2025_11_06", "20251106_slug",
// "GDL-1804-07-17-15.tsv". Digit runs are taken whole, so an 8-digit date is never read out
// of a longer identifier ("000010321.txt").
std::optional<Date> date_in_segment(std::string_view seg) {
    for (std::size_t i = 0; i < seg.size();) {
        const std::size_t run = digit_run(seg, i);
        if (run == 0) {
            ++i;
            continue;
        }
        if (run == 8) {
            if (auto d = checked(
                    {number_at(seg, i, 4), number_at(seg, i + 4, 2), number_at(seg, i + 6, 2)},
                    kCompactYears)) {
                return d;
            }
        } else if (run == 4 && i + 10 <= seg.size()) {
            const char sep = seg[i + 4];
            if ((sep == '-' || sep == '_') && seg[i + 7] == sep && digit_run(seg, i + 5) == 2 &&
                digit_run(seg, i + 8) == 2) {
                if (auto d = checked({number_at(seg, i, 4), number_at(seg, i + 5, 2),
                                      number_at(seg, i + 8, 2)})) {
                    return d;
                }
            }
        }
        i += run;
    }
    return std::nullopt;
}

// Folder dates ("…/2025/11/06/…", "…/2025/11/…") and dates inside a segment; the deepest
// one wins, since it is the nearest to the file.
std::optional<Date> date_from_path(std::string_view path) {
    std::optional<Date> found;
    std::string_view before2, before;  // the two segments above the current one
    for (std::size_t pos = 0; pos <= path.size();) {
        std::size_t end = path.find_first_of("/\\", pos);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view seg = path.substr(pos, end - pos);
        pos = end + 1;
        if (seg.empty()) continue;

        if (auto d = date_in_segment(seg)) {
            found = d;
        } else if (all_digits(seg, 1, 2) && all_digits(before, 1, 2) && all_digits(before2, 4, 4)) {
            if (auto full = checked({number_at(before2, 0, 4), number_at(before, 0, before.size()),
                                     number_at(seg, 0, seg.size())})) {
                found = full;
            }
        } else if (all_digits(seg, 1, 2) && all_digits(before, 4, 4)) {
            if (auto month = checked({number_at(before, 0, 4), number_at(seg, 0, seg.size()), 0})) {
                found = month;
            }
        }
        before2 = before;
        before = seg;
    }
    return found;
}

// The window at the top of a body where its own date line sits: under a title, a
// standfirst, a byline. Further down, dates are what the article is about.
constexpr std::size_t kMaxHeadBytes = 2000;
constexpr std::size_t kMaxHeadLines = 15;
// A line this short that holds a full date is a date line ("Paris, le 22 octobre 1868.").
constexpr std::size_t kShortLine = 80;

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Whether the date found on a line is the line's subject rather than part of a sentence.
bool is_date_line(std::string_view line, const FoundDate& found, detail::Prefix prefix) {
    const bool full_date = found.date.day != 0;
    const bool month_or_better = found.date.month != 0;
    switch (prefix) {
        case detail::Prefix::Empty:
            // The line is the date, or starts with a full one ("jeudi 6 novembre 2025 - 14h32").
            return full_date || detail::is_blank(line.substr(found.end));
        case detail::Prefix::Publication:
        case detail::Prefix::Update:
        case detail::Prefix::LeadIn:
        case detail::Prefix::Byline:
            return month_or_better;
        case detail::Prefix::Other:
            return full_date && line.size() < kShortLine;
    }
    return false;
}

std::optional<Date> date_from_body(std::string_view body) {
    body = body.substr(0, std::min(body.size(), kMaxHeadBytes));
    std::optional<Date> update;
    std::size_t lines = 0;
    for (std::size_t pos = 0; pos < body.size() && lines < kMaxHeadLines;) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        const std::string_view line = trim(body.substr(pos, end - pos));
        pos = end + 1;
        if (line.empty()) continue;
        ++lines;

        const std::optional<FoundDate> found = find_date(line);
        if (!found) continue;
        const detail::Prefix prefix = detail::classify_prefix(line.substr(0, found->begin));
        if (!is_date_line(line, *found, prefix)) continue;
        // An update date stands in only if the publication date is nowhere near.
        if (prefix == detail::Prefix::Update) {
            if (!update) update = found->date;
            continue;
        }
        return found->date;
    }
    return update;
}

}  // namespace

const char* source_name(DateSource source) {
    switch (source) {
        case DateSource::Metadata:
            return "metadata";
        case DateSource::Path:
            return "path";
        case DateSource::Text:
            return "text";
        case DateSource::Unknown:
            return "unknown";
    }
    return "unknown";
}

ArticleDate resolve_article_date(std::string_view metadata_date, std::string_view path,
                                 std::string_view body) {
    if (auto d = parse_french_date(metadata_date)) return {d, DateSource::Metadata};
    if (auto d = date_from_path(path)) return {d, DateSource::Path};
    if (auto d = date_from_body(body)) return {d, DateSource::Text};
    return {};
}

}  // namespace veille::dates
