// A token: one word of the analysed text with every form the index knows it by.
#pragma once

#include <cstdint>
#include <string>

namespace veille::analysis {

enum class TokenKind : std::uint8_t {
    Word,           // an ordinary word or number
    Elision,        // the elided article/pronoun split off a word: the "l" of "l’armée"
    CompoundWhole,  // a whole hyphen/apostrophe compound ("russo-malien"); its parts follow
    CompoundPart,   // one part of the compound before it ("russo", "malien")
};

struct Token {
    std::string exact;   // NFC, case-folded, accents kept: "sécurité", "cœur", "russo-malien"
    std::string folded;  // accents and ligatures folded too: "securite", "coeur"
    std::string stem;    // Snowball French stem of `exact`, then folded; empty for stopwords and numbers
    std::uint32_t begin = 0;     // byte offsets [begin, end) into the analysed text
    std::uint32_t end = 0;
    std::uint32_t position = 0;  // word position; a CompoundWhole shares its first part's
    TokenKind kind = TokenKind::Word;
    bool stopword = false;       // elisions are stopwords; so are "la", "de", "qu'il"...

    bool has_distinct_exact() const { return exact != folded; }
};

}  // namespace veille::analysis
