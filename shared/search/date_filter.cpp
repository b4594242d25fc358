#include "search/date_filter.hpp"

#include <cstdio>

#include "dates/french_date.hpp"

namespace veille::search {

namespace {

std::string digits(int value, int width) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%0*d", width, value);
    return buf;
}

// The first and last day a (possibly partial) date covers, as slot values. A year-only
// document date is stored as YYYY0000, so the low bound of a year starts at 0000 too.
std::string low_of(const dates::Date& d) {
    return digits(d.year, 4) + digits(d.month, 2) + digits(d.month ? d.day : 0, 2);
}
std::string high_of(const dates::Date& d) {
    return digits(d.year, 4) + (d.month ? digits(d.month, 2) : "99") + (d.day ? digits(d.day, 2) : "99");
}

// "2025-11" and "novembre-2025" read as dates too; hyphens between words become spaces.
std::optional<dates::Date> read_date(std::string_view text) {
    if (auto d = dates::parse_french_date(text)) return d;
    std::string spaced(text);
    bool letters = false;
    for (char c : spaced) letters = letters || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letters)
        for (char& c : spaced)
            if (c == '-') c = ' ';
    if (auto d = dates::parse_french_date(spaced)) return d;
    // YYYY-MM
    if (text.size() == 7 && text[4] == '-') {
        int y = 0, m = 0;
        if (std::sscanf(std::string(text).c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12)
            return dates::Date{y, m, 0};
    }
    return std::nullopt;
}

// The slot value just before `v` (8 digits): for "strictly before".
std::string predecessor(std::string v) {
    for (std::size_t i = v.size(); i-- > 0;) {
        if (v[i] > '0') {
            --v[i];
            return v;
        }
        v[i] = '9';
    }
    return std::string();
}

}  // namespace

std::optional<DateRange> parse_date_filter(schema::Field field, std::string_view value) {
    using schema::Field;
    DateRange r;
    if (field == Field::Date) {
        auto dots = value.find("..");
        if (dots == std::string_view::npos) {
            auto d = read_date(value);
            if (!d) return std::nullopt;
            return DateRange{low_of(*d), high_of(*d)};
        }
        auto left = value.substr(0, dots), right = value.substr(dots + 2);
        if (left.empty() && right.empty()) return std::nullopt;
        if (!left.empty()) {
            auto d = read_date(left);
            if (!d) return std::nullopt;
            r.low = low_of(*d);
        }
        if (!right.empty()) {
            auto d = read_date(right);
            if (!d) return std::nullopt;
            r.high = high_of(*d);
        }
        return r;
    }
    auto d = read_date(value);
    if (!d) return std::nullopt;
    if (field == Field::After) r.low = low_of(*d);
    else if (field == Field::Before) r.high = predecessor(low_of(*d));
    else return std::nullopt;
    return r;
}

}  // namespace veille::search
