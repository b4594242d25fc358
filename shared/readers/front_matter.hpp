// The optional front-matter block at the top of a text file:
//   ---
//   title: Sécurité au Mali
//   date: 2025-11-06
//   ---
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "documents/document.hpp"

namespace veille::readers {

struct FrontMatter {
    std::map<std::string, std::string> fields;  // keys lower-cased, values trimmed
    std::string_view rest;                       // the text after the closing ---
    std::size_t lines_consumed = 0;              // so later diagnostics keep true line numbers
};

// Splits a leading front-matter block off `text`. Without one, fields is empty and rest is
// the whole text. Malformed lines are reported in `diagnostics` (with their line) and skipped.
FrontMatter parse_front_matter(std::string_view text, std::string_view path,
                               std::vector<documents::Diagnostic>& diagnostics);

}  // namespace veille::readers
