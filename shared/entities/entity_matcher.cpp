#include "entities/entity_matcher.hpp"

#include <algorithm>
#include <cctype>
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
        if (c == '.') {
            // "M. Dubreuilh", "Mme. X", "Dr. Y": the dot of a title, not the end of a sentence.
            std::size_t b = begin - 1;
            while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
            const std::string_view word = text.substr(b, begin - 1 - b);
            static constexpr std::array<std::string_view, 9> kTitles{"M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Me", "Mgr", "Pr"};
            return std::find(kTitles.begin(), kTitles.end(), word) == kTitles.end();
        }
        return c == '!' || c == '?' || c == ':' || c == '\n' || c == ';';
    }
    return true;
}

// Capitalised words that are not names: dates, titles, interjections, institutions' common
// nouns. Folded forms, sorted.
constexpr std::string_view kNotNames[] = {
    "m", "aout", "attention", "avril", "bonjour", "bravo", "capitaine", "centre", "colonel",
    "commandant", "conseil", "decembre", "dieu", "dimanche", "docteur", "dr", "est", "etat",
    "etats", "fevrier", "general", "gouvernement", "hey", "hum", "janvier", "jeudi", "juillet",
    "juin", "lieutenant", "lundi", "madame", "mademoiselle", "mardi", "mars", "merci", "mercredi",
    "messieurs", "mlle", "mme", "monsieur", "mr", "non", "nord", "novembre", "octobre", "oh",
    "ok", "oui", "ouest", "president", "presidente", "pourquoi", "premier", "premiere", "prof",
    "professeur", "republique", "saint", "sainte", "samedi", "selon", "septembre", "sergent",
    "sud", "vendredi", "voici", "voila", "bref", "enfin", "ministre", "ministere", "affaires",
    "assemblee", "apres", "avant",
    // English boilerplate of saved pages ("Posted by", "Photo Credit", "Read more").
    "posted", "photo", "credit", "credits", "read", "more", "share", "copyright", "via", "the",
    // Acronyms of common nouns, written in capitals like names of organisations.
    "bd", "btp", "cdd", "cdi", "ceo", "covid", "dg", "dj", "drh", "gpa", "hlm", "ivg", "ndlr", "ogm",
    "ong", "ovni", "pdg", "pib", "pma", "pme", "qg", "rer", "rsa", "sdf", "sida", "smic", "sms", "tgv",
    "ttc", "tva", "tv", "vih", "vip", "vtc"};

bool is_not_name(const std::string& folded) {
    static const std::vector<std::string_view> sorted = [] {
        std::vector<std::string_view> v(std::begin(kNotNames), std::end(kNotNames));
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

// "M. Dembélé", "le ministre Dembélé", "la députée Dembélé": a person follows.
bool is_person_title(const std::string& folded) {
    static constexpr std::array<std::string_view, 30> kWords{
        "m", "mme", "mr", "mlle", "ministre", "depute", "deputee", "maire", "president", "presidente",
        "senateur", "senatrice", "secretaire", "porte", "parole", "chef", "directeur", "directrice",
        "avocat", "avocate", "juge", "procureur", "general", "colonel", "commissaire", "candidat",
        "candidate", "patron", "dirigeant", "eurodepute"};
    return std::find(kWords.begin(), kWords.end(), folded) != kWords.end();
}

// "à Tours", "de Tours", "en Corse", "près de", "depuis Lyon": a place may follow.
bool is_place_preposition(const std::string& folded) {
    static constexpr std::array<std::string_view, 10> kWords{"a", "au", "aux", "d", "de", "depuis", "du", "en", "vers", "pres"};
    return std::find(kWords.begin(), kWords.end(), folded) != kWords.end();
}

// What only a place is: "la commune de X", "le maire de X", "X (Indre-et-Loire)", "X (37)".
template <class Units>
bool strong_place_cue(std::string_view text, const Units& units, std::size_t at, std::size_t after,
                      const EntityGazetteer& gazetteer) {
    if (at >= 2 && (units[at - 1].token->folded == "de" || units[at - 1].token->folded == "d")) {
        static constexpr std::array<std::string_view, 12> kNouns{
            "agglomeration", "bourg", "commune", "communes", "localite", "maire", "mairie", "prefecture",
            "quartier", "village", "ville", "habitants"};
        const auto& noun = units[at - 2].token->folded;
        if (std::find(kNouns.begin(), kNouns.end(), noun) != kNouns.end()) return true;
    }
    if (after < units.size()) {
        std::string_view gap = text.substr(units[after - 1].token->end,
                                           units[after].token->begin - units[after - 1].token->end);
        if (gap.find('(') == std::string_view::npos) return false;
        const auto& next = units[after].token->folded;
        const bool number = next.size() >= 2 && next.size() <= 3 &&
                            std::all_of(next.begin(), next.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (number || next == "2a" || next == "2b") return true;
        if (const auto* forms = gazetteer.forms_starting_with(next))
            for (std::size_t fi : *forms) {
                const auto& type = gazetteer.entities()[gazetteer.forms()[fi].entity].type;
                if (type == "département" || type == "région" || type == "pays") return true;
            }
    }
    return false;
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
    auto folded_at = [&](std::size_t k) -> const std::string& { return units[k].token->folded; };
    // A capitalised word no form took, and not capitalised only because a sentence starts.
    auto free_name_word = [&](std::size_t k) {
        return units[k].capitalised && !units[k].matched && !sentence_initial(text, units[k].token->begin);
    };

    // Gazetteer forms, longest first at each word, then what the text says around each mention.
    struct Mention {
        std::size_t entity, at, length;
    };
    std::vector<Mention> mentions;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto* forms = gazetteer_.forms_starting_with(folded_at(i));
        if (!forms) continue;
        for (std::size_t fi : *forms) {  // longest first
            const Form& f = gazetteer_.forms()[fi];
            const std::size_t n = f.units.size();
            if (i + n > units.size()) continue;
            bool ok = true;
            for (std::size_t k = 1; k < n && ok; ++k) ok = folded_at(i + k) == f.units[k];
            if (!ok) continue;
            if (f.compound_prefix && !units[i + n - 1].non_final_part) continue;
            if (f.capitals_only) {
                bool caps = true;
                for (std::size_t k = 0; k < n && caps; ++k) caps = units[i + k].all_capitals;
                if (!caps) continue;
            }
            if (f.capital && !units[i + leading_articles(f.units)].capitalised) continue;
            if (f.after_contraction) {
                if (i == 0 || !adjacent(i - 1, i)) continue;
                const auto& before = folded_at(i - 1);
                if (f.after_contraction == 1 ? before != "du" && before != "au" : before != "des" && before != "aux")
                    continue;
                // "la Coupe du Monde", "le Tour du Monde": a longer name, not the paper.
                if (i >= 2 && adjacent(i - 2, i - 1) && units[i - 2].capitalised &&
                    !sentence_initial(text, units[i - 2].token->begin))
                    continue;
            }
            mentions.push_back({f.entity, i, n});
            for (std::size_t k = 0; k < n; ++k) units[i + k].matched = true;
            i += n - 1;
            break;
        }
    }

    std::map<std::size_t, std::uint32_t> found;  // gazetteer entity -> mentions
    std::map<std::size_t, bool> confirmed;        // entities that need a cue: has one?
    for (const auto& m : mentions) {
        const Entity& e = gazetteer_.entities()[m.entity];
        if (e.evidence == Evidence::Name && !e.first_name) {
            ++found[m.entity];
            continue;
        }
        const std::size_t after = m.at + m.length;
        // "Nancy Pelosi", "Grégoire de Tours", "Jacques Nancy": part of a person's name.
        auto reject = [&] {
            for (std::size_t k = m.at; k < after; ++k) units[k].matched = false;
        };
        const bool strong = strong_place_cue(text, units, m.at, after, gazetteer_);
        if (e.first_name && !strong && after < units.size() && adjacent(after - 1, after) && free_name_word(after)) {
            reject();
            continue;
        }
        if (m.at > 0 && adjacent(m.at - 1, m.at) && free_name_word(m.at - 1) &&
            !is_place_preposition(folded_at(m.at - 1)) && !is_not_name(folded_at(m.at - 1))) {
            reject();
            continue;
        }
        // "Grégoire de Tours", and "Irlande du Nord" (a longer place) alike.
        if (m.at > 1 && is_particle(folded_at(m.at - 1)) && units[m.at - 2].capitalised &&
            !sentence_initial(text, units[m.at - 2].token->begin) && !is_not_name(folded_at(m.at - 2))) {
            reject();
            continue;
        }
        const bool initial = sentence_initial(text, units[m.at].token->begin);
        // The cue comes before an elided article that belongs to the name: "à L’Union".
        std::size_t at = m.at;
        if (at > 0 && units[at - 1].token->kind == TokenKind::Elision && folded_at(at - 1) == "l") --at;
        const bool cued =
            strong || (at > 0 && is_place_preposition(folded_at(at - 1)) && !(at > 1 && free_name_word(at - 2))) ||
            // "dans le Calvados", "dans la Manche", "dans les Landes".
            (at > 1 && is_article(folded_at(at - 1)) && folded_at(at - 2) == "dans");
        const bool accepted = e.evidence == Evidence::StrongCue ? strong
                              : e.evidence == Evidence::Cue     ? cued || (!initial && !e.common_word)
                                                                : true;
        if (accepted) confirmed[m.entity] = true;
        else confirmed.try_emplace(m.entity, false);
        ++found[m.entity];
    }
    // One sense per discourse: a place confirmed once is that place in every mention.
    for (const auto& [entity, ok] : confirmed)
        if (!ok) found.erase(entity);

    // A person named in full is also every lone mention of the family name ("Valls"), unless
    // two people of the document share it.
    {
        std::unordered_map<std::string, std::size_t> by_surname;
        std::size_t longest = 0;
        for (const auto& [index, count] : found) {
            const Entity& e = gazetteer_.entities()[index];
            if (e.surname.empty()) continue;
            std::string key;
            for (const auto& u : e.surname) {
                if (!key.empty()) key += ' ';
                key += u;
            }
            auto [it, inserted] = by_surname.emplace(key, index);
            if (!inserted && it->second != index) it->second = static_cast<std::size_t>(-1);
            longest = std::max(longest, e.surname.size());
        }
        if (!by_surname.empty())
            for (std::size_t i = 0; i < units.size(); ++i) {
                if (units[i].matched || !units[i].capitalised) continue;
                if (i > 0 && adjacent(i - 1, i) && units[i - 1].capitalised && !units[i - 1].matched &&
                    !is_not_name(folded_at(i - 1)))
                    continue;  // "Marine Le Pen" when only Jean-Marie Le Pen is known
                std::string key;
                for (std::size_t n = 1; n <= longest && i + n <= units.size(); ++n) {
                    if (n > 1 && !adjacent(i + n - 2, i + n - 1)) break;
                    if (n > 1) key += ' ';
                    key += folded_at(i + n - 1);
                    auto it = by_surname.find(key);
                    if (it == by_surname.end() || it->second == static_cast<std::size_t>(-1)) continue;
                    const std::size_t next = i + n;
                    if (next < units.size() && adjacent(next - 1, next) && units[next].capitalised &&
                        !units[next].matched)
                        break;  // a longer name
                    ++found[it->second];
                    for (std::size_t k = i; k < next; ++k) units[k].matched = true;
                    i = next - 1;
                    break;
                }
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
            std::uint32_t person = 0, place = 0, organisation = 0;  // evidence of its kind
        };
        std::unordered_map<std::string, Candidate> seen;
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
            // What the text says of its kind: a first name, "M." or a title before it -> person;
            // "à"/"en" before it -> place; an acronym in parentheses -> organisation.
            if (last > i && gazetteer_.is_first_name(units[i].token->folded)) ++c.person;
            if (i > 0) {
                const auto& before = units[i - 1].token->folded;
                if (is_person_title(before)) ++c.person;
                // "à Kati" is a place; "abonnez-vous à Siné Mensuel" is not: after "à", only a
                // single word (the lists know the places of several words).
                else if ((before == "a" && last == i) || before == "en") ++c.place;
            }
            if (units[i].all_capitals && last == i && units[i].token->folded.size() >= 2 && i > 0) {
                std::string_view gap = text.substr(units[i - 1].token->end, units[i].token->begin - units[i - 1].token->end);
                if (gap.find('(') != std::string_view::npos) ++c.organisation;
            }
            i = last + 1;
        }
        for (auto& [key, c] : seen) {
            if (!c.multi_word && key.size() < 3) continue;  // "Ba", "X"
            if (gazetteer_.by_units(key)) continue;
            std::string_view type = kCandidateType;
            if (c.person && c.person >= c.place && c.person >= c.organisation) type = "personne";
            else if (c.organisation && c.organisation >= c.place) type = "organisation";
            else if (c.place) type = "lieu";
            out.push_back({c.name, std::string(type), key, c.count, true});
        }
    }

    std::sort(out.begin(), out.end(), [](const EntityCount& a, const EntityCount& b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
    return out;
}

}  // namespace veille::entities
