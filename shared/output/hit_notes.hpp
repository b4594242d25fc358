// The notes under a hit that every renderer words the same way (terminal, HTML report):
// what a partial match lacks, and the reprints folded into it. Plain text, one line each;
// the renderer styles or escapes it.
#pragma once

#include <optional>
#include <string>

#include "output/messages.hpp"
#include "search/searcher.hpp"

namespace veille::output {

// "sans : pourquoi, Tombouctou" for a partial match that lacks words; nullopt otherwise.
std::optional<std::string> missing_note(Lang lang, const search::Hit& hit);

// "+ 2 autres sources : Le Sahel, Journal B" for a hit that stands for reprints; nullopt otherwise.
std::optional<std::string> duplicates_note(Lang lang, const search::Hit& hit);

}  // namespace veille::output
