// Snippet = a window of text + highlight ranges; no colour, no markup.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis/french_analyzer.hpp"

namespace veille::snippets {

// The forms a query looks for, filled by the query builder from the same analyser.
// A token matches when its exact, folded or stem form is listed, or its folded form starts
// with one of the wildcard prefixes.
struct HighlightTerms {
    std::unordered_set<std::string> exact;
    std::unordered_set<std::string> folded;
    std::unordered_set<std::string> stems;
    std::vector<std::string> folded_prefixes;  // from wildcards: "russ*" -> "russ"
    // Names of an entity the query named otherwise (Daech -> "etat islamique", "ei"): lit up
    // whole, word after word, never one of their words alone.
    std::vector<std::vector<std::string>> folded_sequences;

    bool empty() const {
        return exact.empty() && folded.empty() && stems.empty() && folded_prefixes.empty() &&
               folded_sequences.empty();
    }
    bool matches(const analysis::Token& token) const;
};

struct Snippet {
    std::string text;  // a substring of the document text, " … " between fragments
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  // [begin, end) bytes in text
    bool starts_mid_text = false;  // text was cut before (renderers may show "…")
    bool ends_mid_text = false;
};

class SnippetBuilder {
public:
    SnippetBuilder(const analysis::FrenchAnalyzer& analyzer, const HighlightTerms& terms,
                   std::size_t max_bytes = 300);

    // The window of `text` around the densest matches (the start of the text when nothing
    // matches), never cut inside a UTF-8 character or a word.
    Snippet build(std::string_view text) const;

    // Every match in the whole text: used when showing a whole article.
    std::vector<std::pair<std::size_t, std::size_t>> highlight_all(std::string_view text) const;

private:
    const analysis::FrenchAnalyzer& analyzer_;
    const HighlightTerms& terms_;
    std::size_t max_bytes_;
    analysis::FrenchAnalyzer::StemFirstBytes stems_;  // only words that may give a stem sought
};

}  // namespace veille::snippets
