// The French analyser. Speed matters (it runs over every byte indexed): ASCII takes a fast
// path, non-ASCII code points are folded through tables built once from ICU, stems are cached.
#include "analysis/french_analyzer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <deque>
#include <functional>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace veille::analysis {

namespace {

using text::append_utf8;
using text::decode_utf8;
using text::is_apostrophe;
using text::is_hyphen;
using text::is_mark;


bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == text::kReplacementChar || is_apostrophe(c)) return false;  // ʼ is a "letter" to ICU
    return u_isalnum(static_cast<UChar32>(c)) || is_mark(c);
}

bool is_upper(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return u_isupper(static_cast<UChar32>(c));
}

// Appends the exact and folded forms of code point c (see text/fold.hpp).
inline void fold_into(char32_t c, std::string& exact, std::string& folded) { text::fold_code_point(c, exact, folded); }

// A whole word folded both ways (see fold_into).
void fold_word(std::string_view word, std::string& exact, std::string& folded) {
    for (std::size_t i = 0; i < word.size();) fold_into(decode_utf8(word, i), exact, folded);
}

// Elided forms (folded) that are split off the word they lean on.
bool is_elision(std::string_view folded) {
    static constexpr std::array<std::string_view, 13> kElisions{
        "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t"};
    for (auto e : kElisions)
        if (e == folded) return true;
    return false;
}

bool has_digit(std::string_view s) {
    for (char c : s)
        if (c >= '0' && c <= '9') return true;
    return false;
}

// "été" is the summer (cet été, l'été 2022) and the participle of être after a form of avoir
// (a été, ont-ils été, n'a pas été), as common in questions as in news: the participle is a
// stopword like the rest of être. Forms of avoir, folded:
bool is_avoir(std::string_view folded) {
    static constexpr std::array<std::string_view, 28> kAvoir{
        "a", "ai", "aie", "aient", "aies", "ait", "as", "aura", "aurai", "auraient", "aurais",
        "aurait", "auras", "aurez", "auriez", "aurions", "aurons", "auront", "avaient", "avais",
        "avait", "avez", "aviez", "avions", "avoir", "avons", "ayant", "ont"};
    return std::find(kAvoir.begin(), kAvoir.end(), folded) != kAvoir.end();
}

// What may stand between avoir and été: the inverted pronoun (a-t-il été) and a few adverbs.
bool may_split_auxiliary(std::string_view folded) {
    static constexpr std::array<std::string_view, 16> kBetween{
        "t", "il", "elle", "ils", "elles", "on", "pas", "jamais", "toujours", "deja", "bien",
        "aussi", "egalement", "souvent", "longtemps", "plus"};
    return std::find(kBetween.begin(), kBetween.end(), folded) != kBetween.end();
}

// Marks each participle "été" of `tokens` (analysed from `text`) as a stopword.
void mark_participle_ete(std::string_view text, std::vector<Token>& tokens) {
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        Token& ete = tokens[i];
        if (std::string_view(ete.folded) != std::string_view("ete") || ete.stopword ||
            ete.kind == TokenKind::CompoundWhole)
            continue;  // (a size test first: every token of every text goes through here)
        std::uint32_t after = ete.begin;  // start of the word right of the gap looked at
        for (std::size_t j = i, steps = 0; j-- > 0 && steps < 4;) {
            const Token& before = tokens[j];
            if (before.kind == TokenKind::CompoundWhole) continue;  // its parts are looked at
            // No punctuation across: "Il a. Été…" is not a participle.
            const auto gap = text.substr(before.end, after > before.end ? after - before.end : 0);
            if (gap.find_first_of(".,;:!?()[]\"") != std::string_view::npos) break;
            if (is_avoir(before.folded)) {
                ete.stopword = true;
                ete.stem.clear();
                break;
            }
            if (!may_split_auxiliary(before.folded)) break;
            after = before.begin;
            ++steps;
        }
    }
}

// A dotted acronym starting with letter c, whose next byte is text[i]: "O.N.U.", "A.E.S".
// Each letter stands alone between dots. On success the forms are filled and i moves past
// the final dot (if any); on failure nothing changes.
bool try_acronym(std::string_view text, char32_t c, std::size_t& i, std::string& exact,
                 std::string& folded) {
    const std::size_t n = text.size();
    if (!is_upper(c) || i >= n || text[i] != '.') return false;
    std::string e, f;
    fold_into(c, e, f);
    std::size_t letters = 1, j = i;
    while (j < n && text[j] == '.') {
        std::size_t k = j + 1;
        if (k >= n) break;
        char32_t d = decode_utf8(text, k);
        if (!is_upper(d)) break;
        if (k < n && text[k] != '.') {
            std::size_t m = k;
            if (is_word_char(decode_utf8(text, m))) break;
        }
        fold_into(d, e, f);
        ++letters;
        j = k;
    }
    if (letters < 2) return false;
    if (j < n && text[j] == '.') ++j;  // the final dot belongs to the acronym
    exact = std::move(e);
    folded = std::move(f);
    i = j;
    return true;
}

// The end of an acronym's last letter, given the offset just past it (and its final dot).
std::size_t last_acronym_end(std::string_view text, std::size_t after) {
    return (after > 0 && text[after - 1] == '.') ? after - 1 : after;
}

// One piece of a word run, between connectors.
struct Segment {
    std::uint32_t begin, end;
    char32_t connector_after;  // 0, or the apostrophe/hyphen that follows it
    bool first_upper;
    std::string exact, folded;
};

// Word (case-folded, accents kept) -> its folded stem, for every word seen (the vocabulary is
// small next to the token count).
// Every token is looked up, so this is on the analyser's hottest path: perf showed
// std::unordered_map spending most of the analyser's time in the two integer divisions of each
// lookup (prime bucket counts) and in pointer hops. Open addressing over a power-of-two table
// of (hash, entry) pairs: a mask, and a string compare only when the full hash agrees.
class StemCache {
public:
    StemCache() { grow(); }

    template <typename Stem>
    const std::string& get(const std::string& word, Stem&& stem) {
        const std::uint64_t h = std::hash<std::string_view>{}(word) | 1;  // 0 marks an empty slot
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.hash == 0) break;
            if (s.hash == h && entries_[s.entry].first == word) return entries_[s.entry].second;
        }
        if (entries_.size() >= kMaxEntries) clear();  // bound memory on odd input
        if ((entries_.size() + 1) * 2 > slots_.size()) grow();
        entries_.emplace_back(word, stem(word));
        place(h, static_cast<std::uint32_t>(entries_.size() - 1));
        return entries_.back().second;
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t entry = 0;
    };
    static constexpr std::size_t kMaxEntries = 2'000'000;

    void place(std::uint64_t h, std::uint32_t entry) {
        std::size_t i = h & mask_;
        while (slots_[i].hash != 0) i = (i + 1) & mask_;
        slots_[i] = {h, entry};
    }
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        mask_ = slots_.size() - 1;
        for (const Slot& s : old)
            if (s.hash != 0) place(s.hash, s.entry);
    }
    void clear() {
        entries_.clear();
        slots_.assign(slots_.size(), Slot{});
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::deque<std::pair<std::string, std::string>> entries_;  // stable: get() returns into it
};

}  // namespace

struct FrenchAnalyzer::Impl {
    Xapian::Stem stemmer{"french"};
    mutable StemCache stem_cache;

    // Snowball's French suffixes carry accents (dirigées, sécurité): it stems the accented
    // word; the stem is then folded like every other term, so "dirigées", "dirige" and
    // "dirigé" meet under "dirig" (stemming the folded "dirigees" gave "dirige").
    const std::string& cached_stem(const std::string& exact) const {
        return stem_cache.get(exact, [this](const std::string& w) {
            std::string exact_stem, folded_stem;
            fold_word(stemmer(w), exact_stem, folded_stem);
            return folded_stem;
        });
    }

    // Which tokens are stemmed during one analyze() call: all, unless a caller said which.
    const StemFirstBytes* stem_only = nullptr;

    Token make_token(std::string exact, std::string folded, std::uint32_t begin, std::uint32_t end,
                     TokenKind kind) const {
        Token t;
        t.stopword = kind == TokenKind::Elision || is_stopword(folded);
        if (!t.stopword && kind != TokenKind::CompoundWhole && !has_digit(folded) &&
            (!stem_only || stem_only->admits(folded)))
            t.stem = cached_stem(exact);
        t.exact = std::move(exact);
        t.folded = std::move(folded);
        t.begin = begin;
        t.end = end;
        t.kind = kind;
        return t;
    }

    // Emits the tokens of one word run made of `segs` (at least one).
    void emit_run(std::vector<Segment>& segs, std::vector<Token>& out, std::uint32_t& pos) const {
        std::size_t first = 0;
        // Elisions: l’Afrique, qu’aujourd’hui, jusqu’à. "N’Djamena" keeps its N: a capital N
        // before a capital letter is a name, not the negation.
        while (first + 1 < segs.size() && is_apostrophe(segs[first].connector_after) &&
               is_elision(segs[first].folded) &&
               !(segs[first].folded == "n" && segs[first].first_upper && segs[first + 1].first_upper)) {
            auto& s = segs[first];
            Token t = make_token(s.exact, s.folded, s.begin, s.end, TokenKind::Elision);
            t.position = pos++;
            out.push_back(std::move(t));
            ++first;
        }
        if (first + 1 == segs.size()) {
            auto& s = segs[first];
            Token t = make_token(std::move(s.exact), std::move(s.folded), s.begin, s.end, TokenKind::Word);
            t.position = pos++;
            out.push_back(std::move(t));
            return;
        }
        // A compound: the whole word (connectors normalised to ' and -), then each part.
        std::string whole_exact, whole_folded;
        for (std::size_t i = first; i < segs.size(); ++i) {
            whole_exact += segs[i].exact;
            whole_folded += segs[i].folded;
            if (i + 1 < segs.size()) {
                char sep = is_apostrophe(segs[i].connector_after) ? '\'' : '-';
                whole_exact += sep;
                whole_folded += sep;
            }
        }
        Token whole = make_token(std::move(whole_exact), std::move(whole_folded), segs[first].begin,
                                 segs.back().end, TokenKind::CompoundWhole);
        whole.position = pos;
        const std::size_t whole_at = out.size();
        out.push_back(std::move(whole));
        bool all_parts_stopwords = true;
        for (std::size_t i = first; i < segs.size(); ++i) {
            auto& s = segs[i];
            Token t = make_token(std::move(s.exact), std::move(s.folded), s.begin, s.end,
                                 TokenKind::CompoundPart);
            t.position = pos++;
            all_parts_stopwords = all_parts_stopwords && t.stopword;
            out.push_back(std::move(t));
        }
        // The inverted verb and pronoun of a question (est-ce, a-t-il, sont-elles) say nothing
        // a document could match: a compound of stopwords is a stopword.
        out[whole_at].stopword = all_parts_stopwords;
    }
};

FrenchAnalyzer::FrenchAnalyzer() : impl_(std::make_unique<Impl>()) {}
FrenchAnalyzer::~FrenchAnalyzer() = default;
FrenchAnalyzer::FrenchAnalyzer(FrenchAnalyzer&&) noexcept = default;
FrenchAnalyzer& FrenchAnalyzer::operator=(FrenchAnalyzer&&) noexcept = default;

bool FrenchAnalyzer::is_capitalised(std::string_view word) {
    std::size_t i = 0;
    return !word.empty() && is_upper(decode_utf8(word, i));
}

std::vector<Token> FrenchAnalyzer::analyze(std::string_view text, const StemFirstBytes& stems) const {
    // An analyser serves one thread at a time (its stem cache is not locked either).
    impl_->stem_only = &stems;
    struct Reset {
        const StemFirstBytes*& p;
        ~Reset() { p = nullptr; }
    } reset{impl_->stem_only};
    return analyze(text);
}

std::vector<Token> FrenchAnalyzer::analyze(std::string_view text, std::uint32_t first_position) const {
    std::vector<Token> out;
    out.reserve(text.size() / 6);
    std::uint32_t pos = first_position;
    std::vector<Segment> segs;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        std::size_t start = i;
        char32_t c = decode_utf8(text, i);
        if (!is_word_char(c)) continue;

        // Dotted acronyms: O.N.U., A.E.S -> one word "onu", "aes".
        if (std::string exact, folded; try_acronym(text, c, i, exact, folded)) {
            Token t = impl_->make_token(std::move(exact), std::move(folded),
                                        static_cast<std::uint32_t>(start),
                                        static_cast<std::uint32_t>(last_acronym_end(text, i)),
                                        TokenKind::Word);
            t.position = pos++;
            out.push_back(std::move(t));
            continue;
        }

        segs.clear();
        Segment seg{static_cast<std::uint32_t>(start), 0, 0, is_upper(c), {}, {}};
        fold_into(c, seg.exact, seg.folded);
        while (true) {
            std::size_t before = i;
            if (i >= n) {
                seg.end = static_cast<std::uint32_t>(i);
                segs.push_back(std::move(seg));
                break;
            }
            char32_t d = decode_utf8(text, i);
            if (is_word_char(d)) {
                fold_into(d, seg.exact, seg.folded);
                continue;
            }
            if (is_apostrophe(d) || is_hyphen(d)) {
                std::size_t peek = i;
                char32_t e = peek < n ? decode_utf8(text, peek) : 0;
                if (e && is_word_char(e)) {
                    seg.end = static_cast<std::uint32_t>(before);
                    seg.connector_after = d;
                    segs.push_back(std::move(seg));
                    seg = Segment{static_cast<std::uint32_t>(i), 0, 0, is_upper(e), {}, {}};
                    std::size_t after_letter = peek;
                    if (is_apostrophe(d) &&
                        try_acronym(text, e, after_letter, seg.exact, seg.folded)) {
                        // l’A.E.S: the acronym ends the run.
                        seg.end = static_cast<std::uint32_t>(last_acronym_end(text, after_letter));
                        segs.push_back(std::move(seg));
                        i = after_letter;
                        break;
                    }
                    continue;
                }
            }
            seg.end = static_cast<std::uint32_t>(before);
            segs.push_back(std::move(seg));
            i = before;
            break;
        }
        impl_->emit_run(segs, out, pos);
    }
    mark_participle_ete(text, out);
    return out;
}

std::string FrenchAnalyzer::exact_form(std::string_view word) const {
    std::string exact, folded;
    fold_word(word, exact, folded);
    return exact;
}

std::string FrenchAnalyzer::folded_form(std::string_view word) const {
    std::string exact, folded;
    fold_word(word, exact, folded);
    return folded;
}

}  // namespace veille::analysis
