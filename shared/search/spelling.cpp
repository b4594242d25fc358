#include "search/spelling.hpp"

#include <algorithm>
#include <vector>

#include "analysis/french_analyzer.hpp"
#include "text/utf8.hpp"

namespace veille::search {

namespace {

std::u32string code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out.push_back(text::decode_utf8(s, i));
    return out;
}

// Past this many candidate terms the scan stops: a suggestion must stay instant.
constexpr std::size_t kMaxScannedTerms = 200'000;

}  // namespace

std::size_t edit_distance(std::string_view a_utf8, std::string_view b_utf8, std::size_t limit) {
    const std::u32string a = code_points(a_utf8), b = code_points(b_utf8);
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[m], limit + 1);
}

std::optional<std::string> suggest_spelling(const Xapian::Database& db, std::string_view folded) {
    if (folded.size() < 3) return std::nullopt;
    for (char c : folded)
        if (c >= '0' && c <= '9') return std::nullopt;  // numbers are not misspelt
    const std::string word(folded);
    const std::size_t limit = code_points(word).size() <= 4 ? 1 : 2;
    const Xapian::doccount own_freq = db.get_termfreq(word);

    // The first character (one code point) is kept: typos there are rare and the scan is
    // bounded by it.
    std::size_t first_len = 0;
    text::decode_utf8(word, first_len);
    const std::string first = word.substr(0, first_len);

    std::string best;
    std::size_t best_distance = limit + 1;
    Xapian::doccount best_freq = 0;
    std::size_t scanned = 0;
    for (auto it = db.allterms_begin(first); it != db.allterms_end(first) && scanned < kMaxScannedTerms;
         ++it, ++scanned) {
        const std::string term = *it;
        // A stopword is never what a content word meant: "PSA" is not "pas".
        if (term == word || analysis::FrenchAnalyzer::is_stopword(term)) continue;
        const std::size_t d = edit_distance(word, term, limit);
        if (d > limit) continue;
        const Xapian::doccount freq = it.get_termfreq();
        if (d < best_distance || (d == best_distance && freq > best_freq)) {
            best = term;
            best_distance = d;
            best_freq = freq;
        }
    }
    if (best.empty()) return std::nullopt;
    if (own_freq > 0 && best_freq < 20 * own_freq) return std::nullopt;
    return best;
}

}  // namespace veille::search
