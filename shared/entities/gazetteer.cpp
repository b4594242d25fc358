#include "entities/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include <unicode/uchar.h>

#include "text/fields.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace veille::entities {

namespace {

// The types a reader sees in the facets. "ville/région" is the older name of ville and
// région, still read from users' files.
constexpr std::array<std::string_view, 17> kTypes{
    "personne",     "pays",     "ville",       "région",      "département",
    "lieu",         "parti",    "syndicat",    "entreprise",  "média",
    "institution",  "organisation", "groupe armé", "opération militaire", "alliance",
    "ville/région", kCandidateType};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// AES, EI, ONU, OTAN (not FAMa, not Mali): at most 4 letters, all capitals (dots allowed).
bool is_short_acronym(std::string_view form) {
    std::size_t letters = 0;
    for (unsigned char c : form) {
        if (c == '.') continue;
        if (c < 'A' || c > 'Z') return false;
        ++letters;
    }
    return letters >= 1 && letters <= 4;
}

// Written as a proper name: its first letter is a capital (Daech, État islamique, FAMa).
bool starts_with_capital(std::string_view form) {
    std::size_t i = 0;
    return !form.empty() && u_isupper(static_cast<UChar32>(text::decode_utf8(form, i)));
}

// The 4th column: "indice", "indice-fort", "prénom", separated by commas.
struct Flags {
    Evidence evidence = Evidence::Name;
    bool first_name = false;
    bool lower_case = false;
    bool common_word = false;
    std::string unknown;
};
Flags parse_flags(std::string_view column) {
    Flags f;
    while (!column.empty()) {
        auto comma = column.find(',');
        std::string_view flag = trim(column.substr(0, comma));
        column.remove_prefix(comma == std::string_view::npos ? column.size() : comma + 1);
        if (flag.empty()) continue;
        if (flag == "indice") f.evidence = std::max(f.evidence, Evidence::Cue);
        else if (flag == "indice-fort") f.evidence = Evidence::StrongCue;
        else if (flag == "prénom") f.first_name = true;
        else if (flag == "minuscules") f.lower_case = true;
        else if (flag == "mot") f.common_word = true;
        else f.unknown = std::string(flag);
    }
    return f;
}

}  // namespace

std::string join_units(const std::vector<std::string>& units) {
    std::string out;
    for (const auto& u : units) {
        if (!out.empty()) out += ' ';
        out += u;
    }
    return out;
}

bool read_compiled_number(std::string_view s, std::size_t& n) {
    n = 0;
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return true;
}

bool is_article(std::string_view folded_unit) {
    return folded_unit == "le" || folded_unit == "la" || folded_unit == "les" || folded_unit == "l";
}

std::size_t leading_articles(const std::vector<std::string>& units) {
    std::size_t k = 0;
    while (k + 1 < units.size() && is_article(units[k])) ++k;
    return k;
}

EntityGazetteer::EntityGazetteer(const analysis::FrenchAnalyzer& analyzer) : analyzer_(analyzer) {}

namespace {

using text::is_apostrophe;
using text::is_hyphen;

// The analyser's folded units of a name made only of letters, spaces, hyphens and
// apostrophes (nearly every name of the lists), without running the analyser: 20 µs a name
// saved, which is most of veille-query's start-up. Pieces split at hyphens and apostrophes,
// an elided article at the start dropped, as units_of() does with the analyser's tokens.
// Anything else (digits, dots, "+", "&") answers false: the analyser decides. A test checks
// that both agree on every form of the built-in lists.
bool fast_units(std::string_view text, std::vector<std::string>& units) {
    units.clear();
    std::string exact, folded;
    bool plain = true;
    auto end_piece = [&](bool before_apostrophe) {
        if (folded.empty()) return;
        if (before_apostrophe && units.empty()) {
            // "l’Élysée", "d’Ivoire": the article is not part of the name. Other elisions
            // ("N’Djamena") are the analyser's to read.
            if (folded != "l" && folded != "d") plain = false;
        } else {
            units.push_back(folded);
        }
        folded.clear();
        exact.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = text::decode_utf8(text, i);
        if (c == U' ' || c == U'\u00A0' || c == U'\t' || is_hyphen(c)) {
            end_piece(false);
        } else if (is_apostrophe(c)) {
            end_piece(true);
        } else if (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : (u_isalpha(static_cast<UChar32>(c)) != 0)) {
            text::fold_code_point(c, exact, folded);
        } else {
            return false;
        }
    }
    end_piece(false);
    return plain;
}

}  // namespace

std::vector<std::string> EntityGazetteer::fast_units_of(std::string_view text) {
    std::vector<std::string> units;
    if (!fast_units(text, units)) units.clear();
    return units;
}

namespace {

std::vector<std::string> analysed_units(const analysis::FrenchAnalyzer& analyzer, std::string_view text) {
    std::vector<std::string> units;
    for (const auto& t : analyzer.analyze(text)) {
        if (t.kind == analysis::TokenKind::CompoundWhole) continue;
        if (t.kind == analysis::TokenKind::Elision && units.empty()) continue;  // "l’Élysée"
        units.push_back(t.folded);
    }
    return units;
}

}  // namespace

std::vector<std::string> EntityGazetteer::units_with(const analysis::FrenchAnalyzer& analyzer, std::string_view text) {
    if (std::vector<std::string> units; fast_units(text, units)) return units;
    return analysed_units(analyzer, text);
}

std::vector<std::string> EntityGazetteer::analysed_units_of(std::string_view text) const {
    return analysed_units(analyzer_, text);
}

std::string EntityGazetteer::key_with(const analysis::FrenchAnalyzer& analyzer, std::string_view name) {
    return join_units(units_with(analyzer, name));
}

std::string EntityGazetteer::key_of(std::string_view name) const { return join_units(units_of(name)); }

std::vector<std::vector<std::string>> EntityGazetteer::form_units(std::size_t entity) const {
    std::vector<std::vector<std::string>> out;
    for (const auto& form : forms_)
        if (form.entity == entity && !form.compound_prefix) out.push_back(form.units);
    return out;
}

const std::vector<std::size_t>* EntityGazetteer::persons_named(const std::string& joined_surname) const {
    auto it = by_surname_.find(joined_surname);
    return it == by_surname_.end() ? nullptr : &it->second;
}

std::optional<std::size_t> EntityGazetteer::by_units(const std::string& joined_units) const {
    if (auto it = by_name_.find(joined_units); it != by_name_.end()) return it->second;
    if (auto it = by_joined_units_.find(joined_units); it != by_joined_units_.end()) return it->second;
    return std::nullopt;
}

void EntityGazetteer::load_builtin(std::vector<documents::Diagnostic>& diagnostics, bool for_queries) {
    for (const auto& f : builtin_files()) {
        if (for_queries && !f.for_queries) continue;
        if (!f.first_names) {
            // The hand-written Sahel list is read whole: its canonical names are what a user
            // types (tests and users rely on resolve() knowing every one of them).
            const bool aliases_only = for_queries && f.capitals_required;
            load_tsv(f.text, f.origin, diagnostics, f.capitals_required, aliases_only);
            continue;
        }
        std::string_view text = f.text;
        while (!text.empty()) {
            auto nl = text.find('\n');
            std::string_view line = trim(text.substr(0, nl));
            text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
            if (!line.empty() && line.front() != '#') first_names_.insert(join_units(units_of(line)));
        }
    }
}

std::string EntityGazetteer::builtin_digest() {
    // FNV-1a over every file, in order: cheap, and any edit changes it.
    std::uint64_t h = 1469598103934665603ull;
    for (const auto& f : builtin_files()) {
        for (unsigned char c : f.text) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xFF) * 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

void EntityGazetteer::load_tsv(std::string_view tsv, std::string_view origin,
                               std::vector<documents::Diagnostic>& diagnostics, bool capitals_required,
                               bool aliases_only) {
    std::size_t line_no = 0;
    auto warn = [&](std::string message) {
        diagnostics.push_back({documents::Severity::Warning, std::string(origin), line_no, std::move(message)});
    };
    while (!tsv.empty()) {
        ++line_no;
        auto nl = tsv.find('\n');
        std::string_view line = trim(tsv.substr(0, nl));
        tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
        if (line.empty() || line.front() == '#') continue;

        auto tab1 = line.find('\t');
        auto tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string_view::npos) {
            warn("expected three tab-separated columns (name, type, forms): line skipped");
            continue;
        }
        std::string_view name = trim(line.substr(0, tab1));
        std::string_view type = trim(line.substr(tab1 + 1, tab2 - tab1 - 1));
        std::string_view forms = line.substr(tab2 + 1);
        Flags flags;
        if (auto tab3 = forms.find('\t'); tab3 != std::string_view::npos) {
            flags = parse_flags(forms.substr(tab3 + 1));
            forms = forms.substr(0, tab3);
            if (!flags.unknown.empty())
                warn("unknown flag \"" + flags.unknown + "\" (expected indice, indice-fort, prénom, mot or minuscules): ignored");
        }
        forms = trim(forms);
        if (aliases_only && (forms.empty() || forms == name)) continue;
        if (name.empty()) {
            warn("empty entity name: line skipped");
            continue;
        }
        if (std::find(kTypes.begin(), kTypes.end(), type) == kTypes.end()) {
            warn("unknown type \"" + std::string(type) +
                 "\" (expected personne, pays, ville, région, département, lieu, parti, syndicat, "
                 "entreprise, média, institution, organisation, groupe armé, opération militaire, "
                 "alliance or autre): line skipped");
            continue;
        }
        const std::string key = key_of(name);
        if (key.empty()) {
            warn("entity name has no letters: line skipped");
            continue;
        }
        std::size_t index;
        if (auto it = by_name_.find(key); it != by_name_.end()) {
            index = it->second;
        } else {
            index = entities_.size();
            Entity e{std::string(name), std::string(type), key, flags.evidence, flags.first_name, flags.common_word, {}};
            // "Jean-Marie Le Pen": what follows the first name is the family name.
            if (type == "personne" && !aliases_only)
                if (auto space = name.find(' '); space != std::string_view::npos) {
                    e.surname = units_of(name.substr(space + 1));
                    if (!e.surname.empty()) by_surname_[join_units(e.surname)].push_back(index);
                }
            entities_.push_back(std::move(e));
            by_name_.emplace(key, index);
        }

        // The canonical name is always a form, whether or not the line repeats it.
        std::vector<std::string_view> all{name};
        for (std::size_t start = 0; start <= forms.size();) {
            auto bar = forms.find('|', start);
            std::string_view f = trim(forms.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
            if (!f.empty()) all.push_back(f);
            if (bar == std::string_view::npos) break;
            start = bar + 1;
        }
        // The canonical name is also a display title ("Armée russe"): when the line lists it
        // in lower case ("armée russe"), the line says it is an ordinary phrase, not a name.
        // So it is a proper name only once the whole line has been read.
        auto add_form = [&](Form form) {
            max_units_ = std::max(max_units_, form.units.size());
            auto& list = by_first_unit_[form.units.front()];
            list.push_back(forms_.size());
            forms_.push_back(std::move(form));
        };
        std::optional<std::string> canonical_name;  // its joined units, while not contradicted
        for (std::size_t i = 0; i < all.size(); ++i) {
            std::string_view f = all[i];
            Form form;
            form.entity = index;
            form.compound_prefix = f.size() > 1 && f.back() == '-';
            if (form.compound_prefix) f.remove_suffix(1);
            form.capitals_only = is_short_acronym(f);
            form.units = units_of(f);
            if (form.units.empty()) {
                warn("form \"" + std::string(f) + "\" has no letters: ignored");
                continue;
            }
            if (capitals_required && !form.capitals_only) {
                // The first word that is not an article: "Le Monde" wants "Monde".
                std::string_view rest = f;
                while (true) {
                    auto cut = rest.find_first_of(" '’");
                    if (cut == std::string_view::npos) break;
                    std::string_view word = rest.substr(0, cut);
                    std::string lower;
                    for (char c : word) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
                    if (!is_article(lower)) break;
                    rest.remove_prefix(cut + (rest[cut] == ' ' || rest[cut] == '\'' ? 1 : 3));
                }
                form.capital = starts_with_capital(rest);
                // "minuscules": the press writes it in lower case as often as not ("le conseil
                // constitutionnel"); a name of two words or more is the entity either way.
                if (flags.lower_case && form.units.size() - leading_articles(form.units) >= 2) form.capital = false;
            }
            const std::string joined = join_units(form.units);
            if (!form.compound_prefix) by_joined_units_.emplace(joined, index);
            if (i == 0) {
                if (!form.compound_prefix && starts_with_capital(f)) canonical_name = joined;
            } else if (!starts_with_capital(f)) {
                if (canonical_name == joined) canonical_name.reset();
            } else if (!form.compound_prefix) {
                by_proper_name_.emplace(joined, index);
            }
            bool duplicate = false;
            if (auto it = by_first_unit_.find(form.units.front()); it != by_first_unit_.end())
                for (auto fi : it->second)
                    if (forms_[fi].units == form.units && forms_[fi].entity == index &&
                        forms_[fi].capitals_only == form.capitals_only &&
                        forms_[fi].compound_prefix == form.compound_prefix)
                        duplicate = true;
            if (duplicate) continue;
            // "Le Havre" -> also "Havre" right after "du"/"au"; "Les Mureaux" after "des"/"aux".
            std::optional<Form> contracted;
            if (form.units.size() >= 2 && (form.units[0] == "le" || form.units[0] == "les") &&
                !form.compound_prefix) {
                contracted = form;
                contracted->after_contraction = form.units[0] == "le" ? 1 : 2;
                contracted->units.erase(contracted->units.begin());
            }
            add_form(std::move(form));
            if (contracted) add_form(std::move(*contracted));
        }
        if (canonical_name) by_proper_name_.emplace(*canonical_name, index);
    }
    // Longest form first; among equals, the first loaded wins (stable).
    for (auto& [unit, list] : by_first_unit_)
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            return forms_[a].units.size() > forms_[b].units.size();
        });
}

// One line a record: E (entity: name, type, key, evidence, first name, common word), F (form:
// entity, units, flags c/p/k, contraction), P (proper name: units, entity), J (any form's
// units, entity). Fields hold no tab or newline: names come from tab-separated lines.
std::string EntityGazetteer::compiled() const {
    std::string out(kCompiledHeader);
    for (const auto& e : entities_) {
        out += "E\t" + e.name + '\t' + e.type + '\t' + e.key + '\t' +
               std::to_string(static_cast<int>(e.evidence)) + '\t' + (e.first_name ? "1" : "0") + '\t' +
               (e.common_word ? "1" : "0") + '\n';
    }
    for (const auto& f : forms_) {
        std::string flags;
        if (f.capitals_only) flags += 'c';
        if (f.compound_prefix) flags += 'p';
        if (f.capital) flags += 'k';
        out += "F\t" + std::to_string(f.entity) + '\t' + join_units(f.units) + '\t' + flags + '\t' +
               std::to_string(f.after_contraction) + '\n';
    }
    std::vector<std::pair<std::string, std::size_t>> proper(by_proper_name_.begin(), by_proper_name_.end());
    std::vector<std::pair<std::string, std::size_t>> joined(by_joined_units_.begin(), by_joined_units_.end());
    std::sort(proper.begin(), proper.end());
    std::sort(joined.begin(), joined.end());
    for (const auto& [units, e] : proper) out += "P\t" + units + '\t' + std::to_string(e) + '\n';
    for (const auto& [units, e] : joined) out += "J\t" + units + '\t' + std::to_string(e) + '\n';
    return out;
}

bool EntityGazetteer::load_compiled(std::string_view text) {
    if (!entities_.empty() || text.substr(0, kCompiledHeader.size()) != kCompiledHeader) return false;
    text.remove_prefix(kCompiledHeader.size());
    constexpr auto number = read_compiled_number;
    bool ok = true;
    while (ok && !text.empty()) {
        const auto nl = text.find('\n');
        const auto cols = text::split(text.substr(0, nl), '\t');
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        std::size_t n = 0, m = 0;
        if (cols[0] == "E" && cols.size() == 7 && number(cols[4], n) && n <= 2) {
            Entity e{std::string(cols[1]), std::string(cols[2]), std::string(cols[3]), static_cast<Evidence>(n),
                     cols[5] == "1", cols[6] == "1", {}};
            by_name_.emplace(e.key, entities_.size());
            entities_.push_back(std::move(e));
        } else if (cols[0] == "F" && cols.size() == 5 && number(cols[1], n) && n < entities_.size() &&
                   number(cols[4], m) && m <= 2 && !cols[2].empty()) {
            Form f;
            f.entity = n;
            for (auto unit : text::split(cols[2], ' ')) f.units.emplace_back(unit);
            f.capitals_only = cols[3].find('c') != std::string_view::npos;
            f.compound_prefix = cols[3].find('p') != std::string_view::npos;
            f.capital = cols[3].find('k') != std::string_view::npos;
            f.after_contraction = static_cast<std::uint8_t>(m);
            max_units_ = std::max(max_units_, f.units.size());
            by_first_unit_[f.units.front()].push_back(forms_.size());
            forms_.push_back(std::move(f));
        } else if ((cols[0] == "P" || cols[0] == "J") && cols.size() == 3 && number(cols[2], n) && n < entities_.size()) {
            (cols[0] == "P" ? by_proper_name_ : by_joined_units_).emplace(std::string(cols[1]), n);
        } else if (!(cols.size() == 1 && cols[0].empty())) {
            ok = false;
        }
    }
    for (auto& [unit, list] : by_first_unit_)
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            return forms_[a].units.size() > forms_[b].units.size();
        });
    if (!ok) {
        entities_.clear();
        forms_.clear();
        by_name_.clear();
        by_first_unit_.clear();
        by_joined_units_.clear();
        by_proper_name_.clear();
        max_units_ = 0;
    }
    return ok;
}

void EntityGazetteer::load_for_queries(std::string_view compiled, std::string_view user_tsv) {
    if (!compiled.empty() && load_compiled(compiled)) return;
    std::vector<documents::Diagnostic> ignored;  // veille-index reported them already
    load_builtin(ignored, /*for_queries=*/true);
    if (!user_tsv.empty()) load_tsv(user_tsv, "user entities", ignored);
}

const std::vector<std::size_t>* EntityGazetteer::forms_starting_with(const std::string& unit) const {
    auto it = by_first_unit_.find(unit);
    return it == by_first_unit_.end() ? nullptr : &it->second;
}

std::optional<std::size_t> EntityGazetteer::resolve(std::string_view name) const {
    const std::string joined = join_units(units_of(name));
    if (auto it = by_name_.find(joined); it != by_name_.end()) return it->second;
    if (auto it = by_joined_units_.find(joined); it != by_joined_units_.end()) return it->second;
    return std::nullopt;
}

std::optional<std::size_t> EntityGazetteer::resolve_proper_name(std::string_view name) const {
    if (auto it = by_proper_name_.find(join_units(units_of(name))); it != by_proper_name_.end()) return it->second;
    return std::nullopt;
}

}  // namespace veille::entities
