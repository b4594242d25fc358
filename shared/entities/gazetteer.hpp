// The entity gazetteer: canonical names, types and surface forms (see gazetteer.tsv).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/french_analyzer.hpp"
#include "documents/document.hpp"
#include "entities/entity_names.hpp"

namespace veille::entities {

inline constexpr std::string_view kCandidateType = "autre";

// How much the text must say before a form of this entity counts (the 4th column).
enum class Evidence : std::uint8_t {
    Name,       // the form alone, written as the gazetteer writes it: Grenoble, Manuel Valls
    Cue,        // also a word or a first name (Tours, Nancy): a place cue in the document
                // ("à Tours", "la ville de", "(Indre-et-Loire)"), or a mention that is not at a
                // sentence start once the collection has confirmed the place
    StrongCue,  // a small commune: "la commune de X", "X (Gironde)" in the document itself
};

struct Entity {
    std::string name;  // canonical: "État islamique"
    std::string type;  // "groupe armé"
    std::string key;   // folded canonical name, the index term's value: "etat islamique"
    Evidence evidence = Evidence::Name;
    bool first_name = false;  // also a first name: "Nancy Pelosi" is not Nancy
    bool common_word = false;  // also a French word (Calais, L'Union): a capital is not enough
    // A person's family name as folded units ("valls", "vallaud belkacem"): alone in a
    // document that names the person in full, it is that person.
    std::vector<std::string> surname;
};

// What a whole file of entities is: the hand-written lists match case-insensitively (comments
// write "bamako"); the large generated lists want the capital a name is written with.
struct GazetteerFile {
    std::string_view text;
    std::string_view origin;       // "lieux.tsv": diagnostics name it
    bool capitals_required = false;  // a form's first capitalised word needs its capital
    bool for_queries = true;        // also loaded by veille-query (aliases a user may type)
    bool first_names = false;       // not entities: one first name a line (prenoms.txt)
};

// An article a name may start with, which needs no capital: "le Havre", "du Monde" ("l" too).
bool is_article(std::string_view folded_unit);
// Where a form's name starts after its articles: "le monde" -> 1; the last unit at most.
std::size_t leading_articles(const std::vector<std::string>& units);

// The units of a name joined by single spaces: the key of a name ("etat islamique").
std::string join_units(const std::vector<std::string>& units);

// A decimal number of the compiled text (EntityGazetteer::load_compiled, CompiledGazetteer).
bool read_compiled_number(std::string_view s, std::size_t& n);

// One surface form, analysed into the folded units the matcher compares.
struct Form {
    std::size_t entity = 0;           // index into EntityGazetteer::entities()
    std::vector<std::string> units;   // folded tokens: "forces armees maliennes" -> 3 units
    bool capitals_only = false;       // AES, EI: an acronym of <= 4 capitals
    bool compound_prefix = false;     // "russo-": only as the first part of a compound
    bool capital = false;             // its first word other than an article needs a capital
    // "Le Havre" is also "du Havre", "au Havre": the form without its article, after one of
    // these contractions ("du"/"au" for le, "des"/"aux" for les); 0 when not such a form.
    std::uint8_t after_contraction = 0;
};

// Final: the matcher's calls through an EntityGazetteer& are not virtual calls.
class EntityGazetteer final : public EntityNames {
public:
    explicit EntityGazetteer(const analysis::FrenchAnalyzer& analyzer);

    // The gazetteer compiled into Veille: the hand-written Sahel list first (it wins over the
    // others: an entity keeps the type of its first line), then the hand-written lists of
    // lists/, then the lists generated from open data (generated/, see its SOURCES.md).
    static const std::vector<GazetteerFile>& builtin_files();
    // A digest of every built-in file: an index analysed with other lists is re-analysed.
    static std::string builtin_digest();
    // Loads the built-in files; with `for_queries`, only those a query needs.
    void load_builtin(std::vector<documents::Diagnostic>& diagnostics, bool for_queries = false);

    // Adds the entities of a TSV text; `origin` names it in diagnostics ("file:line: …").
    // A later entity with the same canonical name adds its forms to the earlier one.
    // With `aliases_only` (a query's needs), a line whose only form is its canonical name is
    // skipped: a query finds such a name as typed, and analysing it costs start-up time.
    void load_tsv(std::string_view tsv, std::string_view origin,
                  std::vector<documents::Diagnostic>& diagnostics, bool capitals_required = false,
                  bool aliases_only = false);

    const std::vector<Entity>& entities() const { return entities_; }
    const std::vector<Form>& forms() const { return forms_; }
    // Forms by their first unit, longest first.
    const std::vector<std::size_t>* forms_starting_with(const std::string& unit) const;
    std::size_t max_units() const override { return max_units_; }
    // The entity whose canonical key or a form is exactly these joined units, without
    // analysing anything (safe to call from several threads at once).
    std::optional<std::size_t> by_units(const std::string& joined_units) const;
    // A first name of the INSEE list ("manuel", "jean pierre"): evidence that a discovered
    // name is a person's.
    bool is_first_name(const std::string& joined_units) const { return first_names_.count(joined_units) > 0; }
    // Persons whose family name (Entity::surname, joined) is this: "valls" -> Manuel Valls.
    const std::vector<std::size_t>* persons_named(const std::string& joined_surname) const;

    // The entity a user means by `name` (any form, any case and accents): "Daech" -> État
    // islamique. Capitals-only forms are matched whatever the case here: a user typing
    // entité:aes means the AES.
    std::optional<std::size_t> resolve(std::string_view name) const override;

    // The entity a query word or phrase names when it is written as a proper name in the
    // gazetteer (Daech, FAMa, État islamique, Mali): the query then also finds the documents
    // tagged with the entity under another of its names. Forms written in lower case
    // (malien, française) are ordinary words: "français" must not stand for France.
    std::optional<std::size_t> resolve_proper_name(std::string_view name) const override;

    // The gazetteer as loaded (entities, analysed forms, proper names), in a text that
    // load_compiled() reads back without analysing anything. veille-index stores the one a
    // query needs in the index, so veille-query starts without folding thousands of names
    // (and CompiledGazetteer looks names up in it in place). Its first line:
    static constexpr std::string_view kCompiledHeader = "veille-gazetteer 1\n";
    std::string compiled() const;
    // Replaces nothing: loads into an empty gazetteer. False (and the gazetteer left empty)
    // when the text is not a compiled gazetteer of this version.
    bool load_compiled(std::string_view text);
    // What a query needs, from what the index holds: its compiled gazetteer, or for an index
    // written before those, the built-in lists with aliases and the user's entities (TSV).
    void load_for_queries(std::string_view compiled, std::string_view user_tsv);

    // The folded key of any name, as stored in the index ("État islamique" -> "etat islamique").
    std::string key_of(std::string_view name) const override;
    std::string key(std::size_t entity) const override { return entities_[entity].key; }
    std::vector<std::vector<std::string>> form_units(std::size_t entity) const override;
    // The same with the caller's analyser: the gazetteer's own is not for other threads.
    static std::string key_with(const analysis::FrenchAnalyzer& analyzer, std::string_view name);
    // The units of a plain name (letters, spaces, hyphens, apostrophes) folded without the
    // analyser, as units_of() finds them; empty for anything else. Public for its test.
    static std::vector<std::string> fast_units_of(std::string_view text);
    // The units the analyser gives (what the matcher compares): folded tokens, compounds by
    // their parts, a leading elided article dropped.
    std::vector<std::string> analysed_units_of(std::string_view text) const;
    // A name's units as the matcher compares them: plain names folded directly
    // (fast_units_of), the others through `analyzer` (analysed_units_of).
    static std::vector<std::string> units_with(const analysis::FrenchAnalyzer& analyzer, std::string_view text);

private:
    std::vector<std::string> units_of(std::string_view text) const { return units_with(analyzer_, text); }

    const analysis::FrenchAnalyzer& analyzer_;
    std::vector<Entity> entities_;
    std::vector<Form> forms_;
    std::unordered_map<std::string, std::size_t> by_name_;  // canonical key -> entity
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_unit_;
    std::unordered_map<std::string, std::size_t> by_joined_units_;  // for resolve()
    std::unordered_map<std::string, std::size_t> by_proper_name_;   // for resolve_proper_name()
    std::unordered_map<std::string, std::vector<std::size_t>> by_surname_;
    std::unordered_set<std::string> first_names_;
    std::size_t max_units_ = 0;
};

}  // namespace veille::entities
