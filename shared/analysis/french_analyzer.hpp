// The French analyser. See README.md in this folder for the pipeline.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/token.hpp"

namespace veille::analysis {

class FrenchAnalyzer {
public:
    FrenchAnalyzer();
    ~FrenchAnalyzer();
    FrenchAnalyzer(FrenchAnalyzer&&) noexcept;
    FrenchAnalyzer& operator=(FrenchAnalyzer&&) noexcept;

    // Tokens of `text` in reading order; positions start at `first_position`.
    // A CompoundWhole comes immediately before its CompoundParts.
    std::vector<Token> analyze(std::string_view text, std::uint32_t first_position = 0) const;

    // Normalisations of a single word, for callers that hold a word rather than a text
    // (wildcard prefixes, completion): case fold keeping accents, and full fold.
    std::string exact_form(std::string_view word) const;
    std::string folded_form(std::string_view word) const;

    static bool is_stopword(std::string_view folded_word);
    // Whether `word` (as typed) starts with an upper-case letter: Mali, État, LO.
    static bool is_capitalised(std::string_view word);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace veille::analysis
