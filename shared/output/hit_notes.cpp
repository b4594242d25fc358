#include "output/hit_notes.hpp"

#include <vector>

#include "output/wrap.hpp"

namespace veille::output {

namespace {

// "a, b, c", each item on one line (a source name or a word may hold a newline).
std::string comma_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + one_line(item);
    return out;
}

}  // namespace

std::optional<std::string> missing_note(Lang lang, const search::Hit& hit) {
    if (!hit.partial || hit.missing.empty()) return std::nullopt;
    return say(lang, Msg::Missing, {comma_list(hit.missing)});
}

std::optional<std::string> duplicates_note(Lang lang, const search::Hit& hit) {
    if (hit.duplicates == 0) return std::nullopt;
    std::string sources = comma_list(hit.duplicate_sources);
    if (!sources.empty()) sources = (lang == Lang::En ? ": " : " : ") + sources;
    return hit.duplicates == 1 ? say(lang, Msg::DuplicateOne, {sources})
                               : say(lang, Msg::DuplicateMany, {std::to_string(hit.duplicates), sources});
}

}  // namespace veille::output
