// The fields of the one-line records Veille writes and reads back (tab-separated lists,
// space-joined folded units): split without copying.
#pragma once

#include <string_view>
#include <vector>

namespace veille::text {

// The pieces of `line` between `separator`s, empty ones included ("a\t\tb" -> "a", "", "b");
// an empty line is one empty piece.
inline std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> pieces;
    for (std::size_t at; (at = line.find(separator)) != std::string_view::npos; line.remove_prefix(at + 1))
        pieces.push_back(line.substr(0, at));
    pieces.push_back(line);
    return pieces;
}

}  // namespace veille::text
