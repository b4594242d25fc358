#include "entities/entity_matcher.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "analysis/french_analyzer.hpp"

namespace veille::entities {

using analysis::Token;
using analysis::TokenKind;

namespace {

// A token as the matcher sees it: compounds by their parts, with what the case of the
// original text says about it.
struct Unit {
    const Token* token;
    bool non_final_part = false;  // "russo" in russo-malien
    bool capitalised = false;     // starts with a capital in the text
    bool all_capitals = false;    // no lowercase letter at all
    bool sentence_initial = false;
    bool matched = false;         // taken by a gazetteer form
};

bool is_ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// First letter upper case? Non-ASCII capitals (É, Œ) are two bytes starting 0xC3/0xC5: the
// folded form differs from the exact one only by case for those, so compare first bytes.
bool starts_upper(std::string_view slice, const Token& t) {
    if (slice.empty()) return false;
    unsigned char c = static_cast<unsigned char>(slice[0]);
    if (c < 0x80) return is_ascii_upper(c);
    return slice.substr(0, 2) != std::string_view(t.exact).substr(0, 2);
}

// Any lower-case letter? ASCII ones are seen directly; a word of only non-ASCII letters is
// lower case when it equals its own case-folded form.
bool has_lower(std::string_view slice, const Token& t) {
    for (unsigned char c : slice)
        if (c >= 'a' && c <= 'z') return true;
    return slice == t.exact;
}

bool sentence_initial(std::string_view text, std::size_t begin) {
    while (begin > 0) {
        unsigned char c = static_cast<unsigned char>(text[begin - 1]);
        if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '-' || c == '\'' ) { --begin; continue; }
        if (c >= 0x80) {  // skip multi-byte quotes, dashes and spaces (« “ — NBSP)
            std::size_t b = begin - 1;
            while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
            std::string_view ch = text.substr(b, begin - b);
            if (ch == "«" || ch == "“" || ch == "—" || ch == "–" || ch == "\u00A0" || ch == "\u202F" ||
                ch == "’" || ch == "•") {
                begin = b;
                continue;
            }
            return ch == "…";
        }
        return c == '.' || c == '!' || c == '?' || c == ':' || c == '\n' || c == ';';
    }
    return true;
}

// Capitalised words that are not names: dates, titles, interjections, institutions' common
// nouns. Folded forms, sorted.
constexpr std::array<std::string_view, 84> kNotNames{{
    "aout", "attention", "avril", "bonjour", "bravo", "capitaine", "centre", "colonel",
    "commandant", "conseil", "decembre", "dieu", "dimanche", "docteur", "dr", "est", "etat",
    "etats", "fevrier", "general", "gouvernement", "hey", "hum", "janvier", "jeudi", "juillet",
    "juin", "lieutenant", "lundi", "madame", "mademoiselle", "mardi", "mars", "merci", "mercredi",
    "messieurs", "mlle", "mme", "monsieur", "mr", "non", "nord", "novembre", "octobre", "oh",
    "ok", "oui", "ouest", "president", "presidente", "pourquoi", "premier", "premiere", "prof",
    "professeur", "republique", "saint", "sainte", "samedi", "selon", "septembre", "sergent",
    "sud", "vendredi", "voici", "voila", "bref", "enfin", "ministre", "ministere", "affaires",
    "assemblee", "apres", "avant",
    // English boilerplate of saved pages ("Posted by", "Photo Credit", "Read more").
    "posted", "photo", "credit", "credits", "read", "more", "share", "copyright", "via", "the"}};

bool is_not_name(const std::string& folded) {
    static const std::vector<std::string_view> sorted = [] {
        std::vector<std::string_view> v(kNotNames.begin(), kNotNames.end());
        std::sort(v.begin(), v.end());
        return v;
    }();
    return analysis::FrenchAnalyzer::is_stopword(folded) ||
           std::binary_search(sorted.begin(), sorted.end(), std::string_view(folded));
}

// Lower-case particles allowed inside a name: "Abou Bakr al-Baghdadi", "Iyad Ag Ghali".
bool is_particle(const std::string& folded) {
    static constexpr std::array<std::string_view, 14> kParticles{
        "al", "ben", "bin", "da", "de", "del", "des", "di", "du", "el", "ibn", "ould", "van", "von"};
    return std::find(kParticles.begin(), kParticles.end(), folded) != kParticles.end();
}

}  // namespace

std::vector<EntityCount> EntityMatcher::find(std::string_view text, const std::vector<Token>& tokens,
                                             bool candidates) const {
    std::vector<Unit> units;
    units.reserve(tokens.size());
    std::uint32_t compound_end = 0;
    for (const auto& t : tokens) {
        if (t.kind == TokenKind::CompoundWhole) {
            compound_end = t.end;
            continue;
        }
        Unit u{&t};
        u.non_final_part = t.kind == TokenKind::CompoundPart && t.end < compound_end;
        std::string_view slice = text.substr(t.begin, t.end - t.begin);
        u.capitalised = starts_upper(slice, t);
        u.all_capitals = u.capitalised && !has_lower(slice, t);
        units.push_back(u);
    }

    std::map<std::size_t, std::uint32_t> found;  // gazetteer entity -> mentions
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto* forms = gazetteer_.forms_starting_with(units[i].token->folded);
        if (!forms) continue;
        for (std::size_t fi : *forms) {  // longest first
            const Form& f = gazetteer_.forms()[fi];
            const std::size_t n = f.units.size();
            if (i + n > units.size()) continue;
            bool ok = true;
            for (std::size_t k = 1; k < n && ok; ++k) ok = units[i + k].token->folded == f.units[k];
            if (!ok) continue;
            if (f.compound_prefix && !units[i + n - 1].non_final_part) continue;
            if (f.capitals_only) {
                bool caps = true;
                for (std::size_t k = 0; k < n && caps; ++k) caps = units[i + k].all_capitals;
                if (!caps) continue;
            }
            ++found[f.entity];
            for (std::size_t k = 0; k < n; ++k) units[i + k].matched = true;
            i += n - 1;
            break;
        }
    }

    std::vector<EntityCount> out;
    for (const auto& [index, count] : found) {
        const Entity& e = gazetteer_.entities()[index];
        out.push_back({e.name, e.type, e.key, count});
    }

    if (candidates) {
        struct Candidate {
            std::string name;
            std::uint32_t count = 0;
            bool multi_word = false;
        };
        std::unordered_map<std::string, Candidate> seen;
        // The words of one name follow each other with nothing but spaces (or the hyphen of
        // "Jean-Luc") between them: "@Obélix\n« Mieux" is two things, not a name.
        auto adjacent = [&](std::size_t a, std::size_t b) {
            std::string_view gap = text.substr(units[a].token->end, units[b].token->begin - units[a].token->end);
            while (!gap.empty()) {
                if (gap.front() == ' ' || gap.front() == '-') gap.remove_prefix(1);
                else if (gap.substr(0, 2) == "\u00A0") gap.remove_prefix(2);
                else return false;
            }
            return true;
        };
        std::size_t i = 0;
        while (i < units.size()) {
            auto starts_name = [&](const Unit& u) {
                return u.capitalised && !u.matched && u.token->kind != TokenKind::Elision &&
                       !u.token->stem.empty() && !(u.all_capitals && u.token->folded.size() > 5) &&
                       !is_not_name(u.token->folded);
            };
            // Every sentence starts with a capital: a sentence-initial word starts a name only
            // when another capitalised word follows it ("Pascal Confavreux a dit"); openers
            // such as "Selon" or "Après" are never names (kNotNames).
            if (!starts_name(units[i]) ||
                (sentence_initial(text, units[i].token->begin) &&
                 !(i + 1 < units.size() && adjacent(i, i + 1) && starts_name(units[i + 1])))) {
                ++i;
                continue;
            }
            std::size_t j = i + 1, last = i;
            while (j < units.size() && adjacent(j - 1, j)) {
                if (starts_name(units[j])) {
                    last = j++;
                } else if (is_particle(units[j].token->folded) && !units[j].matched && j + 1 < units.size() &&
                           adjacent(j, j + 1) && starts_name(units[j + 1])) {
                    ++j;
                } else {
                    break;
                }
            }
            std::string key, name;
            for (std::size_t k = i; k <= last; ++k) {
                if (!key.empty()) key += ' ';
                key += units[k].token->folded;
            }
            name = std::string(text.substr(units[i].token->begin, units[last].token->end - units[i].token->begin));
            std::replace(name.begin(), name.end(), '\n', ' ');
            auto& c = seen[key];
            if (c.name.empty()) c.name = name;
            c.multi_word = last > i;
            ++c.count;
            i = last + 1;
        }
        for (auto& [key, c] : seen) {
            // A lone capitalised word must recur to count; a full name once is enough.
            if (!c.multi_word && (c.count < 2 || key.size() < 3)) continue;
            if (gazetteer_.resolve(c.name)) continue;
            out.push_back({c.name, std::string(kCandidateType), key, c.count});
        }
    }

    std::sort(out.begin(), out.end(), [](const EntityCount& a, const EntityCount& b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
    return out;
}

}  // namespace veille::entities
