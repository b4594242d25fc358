// The entity gazetteer: canonical names, types and surface forms (see gazetteer.tsv).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/french_analyzer.hpp"
#include "documents/document.hpp"

namespace veille::entities {

inline constexpr std::string_view kCandidateType = "autre";

struct Entity {
    std::string name;  // canonical: "État islamique"
    std::string type;  // "groupe armé"
    std::string key;   // folded canonical name, the index term's value: "etat islamique"
};

// One surface form, analysed into the folded units the matcher compares.
struct Form {
    std::size_t entity = 0;           // index into EntityGazetteer::entities()
    std::vector<std::string> units;   // folded tokens: "forces armees maliennes" -> 3 units
    bool capitals_only = false;       // AES, EI: an acronym of <= 4 capitals
    bool compound_prefix = false;     // "russo-": only as the first part of a compound
};

class EntityGazetteer {
public:
    explicit EntityGazetteer(const analysis::FrenchAnalyzer& analyzer);

    // The gazetteer compiled into Veille.
    static std::string_view builtin_tsv();

    // Adds the entities of a TSV text; `origin` names it in diagnostics ("file:line: …").
    // A later entity with the same canonical name adds its forms to the earlier one.
    void load_tsv(std::string_view tsv, std::string_view origin,
                  std::vector<documents::Diagnostic>& diagnostics);

    const std::vector<Entity>& entities() const { return entities_; }
    const std::vector<Form>& forms() const { return forms_; }
    // Forms by their first unit, longest first.
    const std::vector<std::size_t>* forms_starting_with(const std::string& unit) const;
    std::size_t max_units() const { return max_units_; }

    // The entity a user means by `name` (any form, any case and accents): "Daech" -> État
    // islamique. Capitals-only forms are matched whatever the case here: a user typing
    // entité:aes means the AES.
    std::optional<std::size_t> resolve(std::string_view name) const;

    // The entity a query word or phrase names when it is written as a proper name in the
    // gazetteer (Daech, FAMa, État islamique, Mali): the query then also finds the documents
    // tagged with the entity under another of its names. Forms written in lower case
    // (malien, française) are ordinary words: "français" must not stand for France.
    std::optional<std::size_t> resolve_proper_name(std::string_view name) const;

    // The folded key of any name, as stored in the index ("État islamique" -> "etat islamique").
    std::string key_of(std::string_view name) const;

private:
    std::vector<std::string> units_of(std::string_view text) const;

    const analysis::FrenchAnalyzer& analyzer_;
    std::vector<Entity> entities_;
    std::vector<Form> forms_;
    std::unordered_map<std::string, std::size_t> by_name_;  // canonical key -> entity
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_unit_;
    std::unordered_map<std::string, std::size_t> by_joined_units_;  // for resolve()
    std::unordered_map<std::string, std::size_t> by_proper_name_;   // for resolve_proper_name()
    std::size_t max_units_ = 0;
};

}  // namespace veille::entities
