// French stopwords, in folded form (accents removed): the Snowball French list, minus words
// that are also content words in news text ("été" summer, "or" gold, "car" coach, "son" sound
// is kept as a stopword: far more often a possessive). Single letters left by elisions
// (l d j m n s t c) and "qu" are stopwords too.
#include <algorithm>
#include <array>
#include <string_view>

#include "analysis/french_analyzer.hpp"

namespace veille::analysis {

namespace {
// Sorted, so lookup is a binary search with no allocation and no static-initialisation order.
// clang-format off
constexpr std::array<std::string_view, 128> kStopwords{{
    "a", "ai", "aie", "aient", "aies", "ait", "as", "au", "aura", "aurai", "auraient",
    "aurais", "aurait", "auras", "aux", "avaient", "avais", "avait", "avec", "avez", "aviez",
    "avions", "avons", "c", "ce", "ceci", "cela", "celle", "celles", "celui", "ces", "cet",
    "cette", "ceux", "d", "dans", "de", "des", "donc", "dont", "du", "elle", "elles", "en",
    "es", "est", "et", "etaient", "etais", "etait", "etant", "etes", "etiez", "etions", "eu",
    "eux", "fut", "il", "ils", "j", "je", "jusqu", "l", "la", "le", "les", "leur", "leurs",
    "lorsqu", "lui", "m", "ma", "mais", "me", "meme", "memes", "mes", "moi", "mon", "n", "ne",
    "ni", "nos", "notre", "nous", "on", "ont", "ou", "par", "pas", "pour", "puisqu", "qu",
    "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "quoiqu", "s", "sa", "sans",
    "se", "sera", "serait", "ses", "si", "soit", "son", "sont", "sous", "suis", "sur", "t",
    "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y",
}};
// clang-format on
}  // namespace

bool FrenchAnalyzer::is_stopword(std::string_view folded_word) {
    return std::binary_search(kStopwords.begin(), kStopwords.end(), folded_word);
}

}  // namespace veille::analysis
