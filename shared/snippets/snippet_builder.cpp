// Snippets: the analyser is re-run over the stored text, every token the query's forms match
// becomes a range, and a sliding window over those ranges (never over the bytes) picks the
// densest stretch. All cut points are spaces, token edges or code point starts, so a snippet
// is never cut inside a UTF-8 sequence.
#include "snippets/snippet_builder.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace veille::snippets {

namespace {

using analysis::Token;
using analysis::TokenKind;
using Range = std::pair<std::size_t, std::size_t>;

// One matched stretch of text; `key` numbers its distinct folded form (for scoring).
struct Match {
    std::size_t begin;
    std::size_t end;
    std::size_t key;
};

// The whole names (terms.folded_sequences) that start at tokens[i]: word after word,
// compounds counted by their parts (as the gazetteer's forms are).
template <typename OnMatch>
void for_each_sequence_at(const std::vector<Token>& tokens, std::size_t i, const HighlightTerms& terms,
                          OnMatch& on_match) {
    for (const auto& seq : terms.folded_sequences) {
        std::size_t t = i, matched = 0, last = i;
        while (t < tokens.size() && matched < seq.size()) {
            if (tokens[t].kind == TokenKind::CompoundWhole) { ++t; continue; }
            if (tokens[t].folded != seq[matched]) break;
            last = t++;
            ++matched;
        }
        if (!seq.empty() && matched == seq.size()) {
            std::string key;
            for (const auto& u : seq) key += (key.empty() ? "" : " ") + u;
            on_match(tokens[i].begin, tokens[last].end, key);
        }
    }
}

// The matched ranges of `tokens`. A compound that matches as a whole lights up whole;
// otherwise only its matching parts do ("malien" in "russo-malien"). Whole names
// (folded_sequences) come first and may overlap the words: callers sort and merge.
// `on_match` receives each range with the folded form that matched.
template <typename OnMatch>
void for_each_match(const std::vector<Token>& tokens, const HighlightTerms& terms,
                    OnMatch on_match) {
    if (!terms.folded_sequences.empty())
        for (std::size_t i = 0; i < tokens.size(); ++i)
            if (tokens[i].kind != TokenKind::CompoundWhole && tokens[i].kind != TokenKind::Elision)
                for_each_sequence_at(tokens, i, terms, on_match);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.kind != TokenKind::CompoundWhole) {
            if (terms.matches(t)) on_match(t.begin, t.end, t.folded);
            continue;
        }
        std::size_t parts_end = i + 1;
        while (parts_end < tokens.size() && tokens[parts_end].kind == TokenKind::CompoundPart)
            ++parts_end;
        if (terms.matches(t)) {
            on_match(t.begin, t.end, t.folded);
        } else {
            for (std::size_t p = i + 1; p < parts_end; ++p)
                if (terms.matches(tokens[p]))
                    on_match(tokens[p].begin, tokens[p].end, tokens[p].folded);
        }
        i = parts_end - 1;
    }
}

// Sorts ranges and merges those that overlap or touch.
std::vector<Range> merge_ranges(std::vector<Range> ranges) {
    std::sort(ranges.begin(), ranges.end());
    std::vector<Range> out;
    for (const auto& r : ranges) {
        if (r.first >= r.second) continue;
        if (!out.empty() && r.first <= out.back().second)
            out.back().second = std::max(out.back().second, r.second);
        else
            out.push_back(r);
    }
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The text with ASCII whitespace runs collapsed to one space and both ends trimmed.
// Collapsing never changes how the analyser segments words (a run of spaces and one space
// separate words alike), so the collapsed text is analysed directly and its offsets are
// the snippet's. Where a run held a line break, the next offset is remembered: a paragraph
// or heading starts there even without a full stop before it.
struct Collapsed {
    std::string text;
    std::vector<std::size_t> paragraph_starts;  // sorted
};

Collapsed collapse_whitespace(std::string_view text) {
    Collapsed out;
    out.text.reserve(text.size());
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n && is_space(text[i])) ++i;
    while (i < n) {
        if (!is_space(text[i])) {
            out.text += text[i++];
            continue;
        }
        bool line_break = false;
        while (i < n && is_space(text[i])) line_break |= text[i++] == '\n';
        if (i == n) break;  // trailing whitespace
        out.text += ' ';
        if (line_break) out.paragraph_starts.push_back(out.text.size());
    }
    return out;
}

bool ends_with_at(std::string_view text, std::size_t end, std::string_view suffix) {
    return end >= suffix.size() && text.substr(end - suffix.size(), suffix.size()) == suffix;
}

// True when a sentence starts at byte `p` of collapsed text: the start of the text or of a
// paragraph, or after ". ", "! ", "? ", "… " (closing quotes and brackets in between allowed:
// `il a dit « non. » Puis`), and not before a lower-case ASCII letter ("M. le ministre" is
// one sentence, "etc. et" too).
bool is_sentence_start(const Collapsed& c, std::size_t p) {
    const std::string_view t = c.text;
    if (p == 0) return true;
    if (p >= t.size() || t[p - 1] != ' ') return false;
    if (t[p] >= 'a' && t[p] <= 'z') return false;
    if (std::binary_search(c.paragraph_starts.begin(), c.paragraph_starts.end(), p)) return true;
    std::size_t q = p - 1;  // the space
    for (int steps = 0; steps < 6 && q > 0; ++steps) {
        if (t[q - 1] == ' ' || t[q - 1] == '"' || t[q - 1] == ')' || t[q - 1] == '\'') {
            --q;
        } else if (ends_with_at(t, q, "\u00BB") || ends_with_at(t, q, "\u00A0")) {  // » NBSP
            q -= 2;
        } else if (ends_with_at(t, q, "\u201D") || ends_with_at(t, q, "\u2019") ||
                   ends_with_at(t, q, "\u202F")) {  // ” ’ NNBSP
            q -= 3;
        } else {
            break;
        }
    }
    if (q == 0) return false;
    const char before = t[q - 1];
    return before == '.' || before == '!' || before == '?' || ends_with_at(t, q, "\u2026");
}

// The largest code point start <= p (p itself when it is one).
std::size_t char_start_at_or_before(std::string_view t, std::size_t p) {
    while (p > 0 && p < t.size() && is_continuation(t[p])) --p;
    return p;
}

// Where the window [.., limit) should end: just before the last space in [min_end, limit],
// the text end when limit reaches it, else a code point boundary (a text without spaces).
std::size_t cut_end(std::string_view t, std::size_t min_end, std::size_t limit) {
    if (limit >= t.size()) return t.size();
    for (std::size_t q = limit; q > min_end; --q)
        if (t[q] == ' ') return q;
    if (t[min_end] == ' ' || min_end == limit) return min_end;
    // No space after the last match: cut as late as possible, between two code points.
    const std::size_t q = char_start_at_or_before(t, limit);
    return q > min_end ? q : min_end;
}

// Where the window should start, near `from` and within [min_start, max_start]: after the
// first space at or after `from`, else after the last space before it (the window grows
// back into its slack), else at `max_start`, which is always a token start.
std::size_t cut_start(std::string_view t, std::size_t from, std::size_t min_start,
                      std::size_t max_start) {
    for (std::size_t p = from; p <= max_start; ++p)
        if (p == 0 || t[p - 1] == ' ') return p;
    for (std::size_t p = from; p > min_start;)
        if (--p == 0 || t[p - 1] == ' ') return p;
    return max_start;
}

}  // namespace

bool HighlightTerms::matches(const analysis::Token& token) const {
    // Elisions are stopwords split off a word: the "l" of "l’Afrique" never lights up.
    if (token.kind == TokenKind::Elision) return false;
    if (token.has_distinct_exact() && exact.count(token.exact)) return true;
    if (folded.count(token.folded)) return true;
    if (!token.stem.empty() && stems.count(token.stem)) return true;
    for (const auto& prefix : folded_prefixes)
        if (!prefix.empty() && token.folded.starts_with(prefix)) return true;
    return false;
}

SnippetBuilder::SnippetBuilder(const analysis::FrenchAnalyzer& analyzer,
                               const HighlightTerms& terms, std::size_t max_bytes)
    : analyzer_(analyzer), terms_(terms), max_bytes_(max_bytes) {
    for (const auto& stem : terms_.stems) stems_.add(stem);
}

std::vector<std::pair<std::size_t, std::size_t>> SnippetBuilder::highlight_all(
    std::string_view text) const {
    std::vector<Range> ranges;
    if (terms_.empty() || text.empty()) return ranges;
    for_each_match(
        analyzer_.analyze(text, stems_), terms_,
        [&](std::size_t b, std::size_t e, const std::string&) { ranges.emplace_back(b, e); });
    return merge_ranges(std::move(ranges));
}

Snippet SnippetBuilder::build(std::string_view text) const {
    const Collapsed collapsed = collapse_whitespace(text);
    const std::string_view t = collapsed.text;
    const std::size_t n = t.size();
    const std::size_t max = max_bytes_;

    std::vector<Match> matches;
    if (!terms_.empty() && n > 0) {
        std::unordered_map<std::string, std::size_t> keys;
        for_each_match(analyzer_.analyze(t, stems_), terms_,
                       [&](std::size_t b, std::size_t e, const std::string& folded) {
                           const auto key = keys.emplace(folded, keys.size()).first->second;
                           matches.push_back({b, e, key});
                       });
        // Whole names are found in a pass of their own: the window below wants text order.
        std::stable_sort(matches.begin(), matches.end(),
                         [](const Match& a, const Match& b) { return a.begin < b.begin; });
    }

    // Sliding window over the matches: for each first match i, the matches j < end fit in
    // max bytes. Score: distinct folded forms, then matches; the earliest window wins ties.
    std::size_t best_first = 0, best_end = 0, best_distinct = 0;
    {
        std::vector<std::size_t> counts(matches.size(), 0);  // keys < matches.size()
        std::size_t distinct = 0, end = 0;
        for (std::size_t i = 0; i < matches.size(); ++i) {
            if (end < i) end = i;
            while (end < matches.size() && matches[end].end - matches[i].begin <= max) {
                if (counts[matches[end].key]++ == 0) ++distinct;
                ++end;
            }
            if (end > i && (distinct > best_distinct ||
                            (distinct == best_distinct && end - i > best_end - best_first))) {
                best_first = i, best_end = end, best_distinct = distinct;
            }
            if (end > i && --counts[matches[i].key] == 0) --distinct;
        }
    }

    std::size_t start = 0, stop = 0;
    if (best_end > best_first) {
        const std::size_t span_begin = matches[best_first].begin;
        const std::size_t span_end = matches[best_end - 1].end;
        const std::size_t slack = max - (span_end - span_begin);
        const std::size_t tail = n - span_end;
        // Some context before the first match; more when the text ends soon after the last.
        constexpr std::size_t kLead = 60;
        std::size_t lead = std::min(kLead, slack / 3);
        if (slack > tail) lead = std::max(lead, slack - tail);
        lead = std::min({lead, slack, span_begin});
        // A sentence start close before the first match makes a better opening than a cut.
        const std::size_t reach = std::min({std::max(lead, std::min(kLead, slack)), span_begin});
        start = span_begin;
        bool at_sentence = false;
        for (std::size_t p = span_begin - reach; p <= span_begin; ++p) {
            if (is_sentence_start(collapsed, p)) {
                start = p, at_sentence = true;
                break;
            }
        }
        if (!at_sentence)
            start = cut_start(t, span_begin - lead, span_begin - std::min(slack, span_begin),
                              span_begin);
        stop = cut_end(t, span_end, std::min(n, start + max));
    } else {
        // Nothing matches: the opening of the text.
        stop = n <= max ? n : cut_end(t, 0, max);
    }
    while (start < stop && t[start] == ' ') ++start;
    while (stop > start && t[stop - 1] == ' ') --stop;

    Snippet snippet;
    snippet.text.assign(t.substr(start, stop - start));
    snippet.starts_mid_text = start > 0;
    snippet.ends_mid_text = stop < n;
    std::vector<Range> ranges;
    for (const Match& m : matches)
        if (m.begin >= start && m.end <= stop) ranges.emplace_back(m.begin - start, m.end - start);
    snippet.highlights = merge_ranges(std::move(ranges));
    return snippet;
}

}  // namespace veille::snippets
