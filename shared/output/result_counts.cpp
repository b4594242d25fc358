#include "output/result_counts.hpp"

#include <algorithm>

namespace veille::output {

namespace {

// n rounded to `digits` significant digits, down or up or to the nearest.
enum class Rounding { Down, Up, Nearest };
std::uint64_t round_to(std::uint64_t n, int digits, Rounding how) {
    std::uint64_t unit = 1;
    for (std::uint64_t m = n; m >= 10; m /= 10) unit *= 10;  // 10^(digits of n - 1)
    for (int d = 1; d < digits && unit > 1; ++d) unit /= 10;
    const std::uint64_t down = n / unit * unit;
    if (down == n || how == Rounding::Down) return down;
    if (how == Rounding::Up) return down + unit;
    return n - down >= unit / 2 ? down + unit : down;
}

}  // namespace

ShownCount shown_count(std::uint64_t estimate, std::uint64_t min, std::uint64_t max) {
    ShownCount c;
    max = std::max(max, min);
    estimate = std::clamp(estimate, min, max);
    if (min == max) {
        c.value = min;
        return c;
    }
    if (min > 0 && max * 10 <= min * 11) {
        c.form = ShownCount::Form::About;
        c.value = estimate;
        for (int digits : {2, 3}) {
            const std::uint64_t rounded = round_to(estimate, digits, Rounding::Nearest);
            if (rounded >= min && rounded <= max) {
                c.value = rounded;
                break;
            }
        }
        return c;
    }
    c.high = round_to(max, 2, Rounding::Up);
    c.low = round_to(min, 2, Rounding::Down);
    c.form = c.low == 0 ? ShownCount::Form::UpTo : ShownCount::Form::Between;
    return c;
}

namespace {

// An exact count is shown as it is, whatever its bounds say; an estimate without bounds (none
// were set) as "about" the estimate.
ShownCount counted(std::uint64_t estimate, bool exact, std::uint64_t min, std::uint64_t max) {
    if (exact) return shown_count(estimate, estimate, estimate);
    if (max == 0) return {ShownCount::Form::About, estimate, 0, 0};
    return shown_count(estimate, min, max);
}

}  // namespace

std::string say_count(Lang lang, const ShownCount& count) {
    switch (count.form) {
        case ShownCount::Form::Exact: return group_digits(lang, count.value);
        case ShownCount::Form::About: return say(lang, Msg::About, {group_digits(lang, count.value)});
        case ShownCount::Form::Between:
            return say(lang, Msg::Between, {group_digits(lang, count.low), group_digits(lang, count.high)});
        case ShownCount::Form::UpTo: return say(lang, Msg::UpTo, {group_digits(lang, count.high)});
    }
    return {};
}

std::string results_line(const search::SearchResults& r, Lang lang, std::string_view quoted_query) {
    const std::string for_query = quoted_query.empty() ? std::string() : say(lang, Msg::ForQuery, {quoted_query});
    const bool partial = r.partial_total > 0;
    if (r.total == 0 && !partial && r.hits.empty()) return say(lang, Msg::NoResults, {for_query});
    const ShownCount total = counted(r.total, r.total_is_exact, r.total_min, r.total_max);
    const std::string count = say_count(lang, total);
    const bool one = total.form == ShownCount::Form::Exact && total.value == 1;
    std::string line;
    if (partial && r.total == 0)
        line = say(lang, Msg::StrictNone, {for_query});
    else if (partial)
        line = say(lang, one ? Msg::StrictOne : Msg::StrictMany, {count, for_query});
    else
        line = say(lang, one ? Msg::ResultOne : Msg::ResultMany, {count, for_query});
    if (r.groups && *r.groups < r.total) line += say(lang, Msg::Groups, {group_digits(lang, *r.groups)});
    if (partial) {
        const ShownCount more = counted(r.partial_total, r.partial_is_exact, r.partial_min, r.partial_max);
        const bool one_more = more.form == ShownCount::Form::Exact && more.value == 1;
        line += say(lang, one_more ? Msg::PartialOne : Msg::PartialMany, {say_count(lang, more)});
    }
    return line;
}

}  // namespace veille::output
