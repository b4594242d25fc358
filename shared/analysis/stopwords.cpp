// French stopwords, in folded form (accents removed): the Snowball French list, minus words
// that are also content words in news text ("été" summer, "or" gold, "car" coach, "son" sound
// is kept as a stopword: far more often a possessive). Single letters left by elisions
// (l d j m n s t c) and "qu" are stopwords too, and so are the interrogatives a question
// opens with (pourquoi, comment, combien, lequel…): they ask, they describe nothing a
// document could match (PIAF dev: 9 questions better ranked, 1 worse).
#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "analysis/french_analyzer.hpp"

namespace veille::analysis {

namespace {
// Sorted, so lookup is a binary search with no allocation and no static-initialisation order.
// clang-format off
constexpr std::array<std::string_view, 142> kStopwords{{
    "a", "ai", "aie", "aient", "aies", "ait", "as", "au", "auquel", "aura", "aurai", "auraient",
    "aurais", "aurait", "auras", "aux", "auxquelles", "auxquels", "avaient", "avais", "avait",
    "avec", "avez", "aviez", "avions", "avons", "c", "ce", "ceci", "cela", "celle", "celles",
    "celui", "ces", "cet", "cette", "ceux", "combien", "comment", "d", "dans", "de", "des",
    "desquelles", "desquels", "donc", "dont", "du", "duquel", "elle", "elles", "en", "es", "est",
    "et", "etaient", "etais", "etait", "etant", "etes", "etiez", "etions", "eu", "eux", "fut", "il",
    "ils", "j", "je", "jusqu", "l", "la", "laquelle", "le", "lequel", "les", "lesquelles",
    "lesquels", "leur", "leurs", "lorsqu", "lui", "m", "ma", "mais", "me", "meme", "memes", "mes",
    "moi", "mon", "n", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou", "par", "pas", "pour",
    "pourquoi", "puisqu", "qu", "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "quoi",
    "quoiqu", "s", "sa", "sans", "se", "sera", "serait", "ses", "si", "soit", "son", "sont", "sous",
    "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous",
    "y",
}};
// clang-format on

constexpr std::size_t kLongestStopword = 10;  // "auxquelles"
static_assert(std::all_of(kStopwords.begin(), kStopwords.end(),
                          [](std::string_view w) { return !w.empty() && w.size() <= kLongestStopword; }));

// Where the stopwords starting with each byte begin and end in kStopwords: every token is
// looked up (for snippets too), so the search is narrowed to its first letter.
struct FirstLetterRanges {
    std::array<std::uint8_t, 257> start{};
    constexpr FirstLetterRanges() {
        std::size_t i = 0;
        for (std::size_t c = 0; c < 256; ++c) {
            start[c] = static_cast<std::uint8_t>(i);
            while (i < kStopwords.size() && static_cast<unsigned char>(kStopwords[i][0]) == c) ++i;
        }
        start[256] = static_cast<std::uint8_t>(i);
    }
};
constexpr FirstLetterRanges kByFirstLetter;
static_assert(kByFirstLetter.start[256] == kStopwords.size(), "kStopwords must be sorted");

}  // namespace

bool FrenchAnalyzer::is_stopword(std::string_view folded_word) {
    if (folded_word.empty() || folded_word.size() > kLongestStopword) return false;
    const auto c = static_cast<unsigned char>(folded_word[0]);
    const auto first = kStopwords.begin() + kByFirstLetter.start[c];
    const auto last = kStopwords.begin() + kByFirstLetter.start[c + 1];
    return std::binary_search(first, last, folded_word);
}

}  // namespace veille::analysis
