// The French analyser. See README.md in this folder for the pipeline.
#pragma once

#include <memory>
#include <bitset>
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

    // Which tokens a caller needs stemmed, by the first byte of their folded form. Snowball's
    // French stemmer never changes a word's first letter (the regions its suffixes are taken
    // from start after it) and folding goes letter by letter, so a stem begins with the byte
    // its word's folded form begins with: a highlighter looking for a few stems needs only
    // the tokens that could give one of them (stemming every word of ten articles was a
    // tenth of a one-shot query).
    class StemFirstBytes {
    public:
        void add(std::string_view stem) {
            if (!stem.empty()) bytes_.set(static_cast<unsigned char>(stem[0]));
        }
        bool admits(std::string_view folded) const {
            return !folded.empty() && bytes_.test(static_cast<unsigned char>(folded[0]));
        }

    private:
        std::bitset<256> bytes_;
    };
    // The same tokens, stems only for those `stems` admits (the others' stem is empty).
    std::vector<Token> analyze(std::string_view text, const StemFirstBytes& stems) const;

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
