// The query language -> Xapian::Query, through the French analyser.
//
//   russie mali            every content word required (French stopwords are not)
//   russie OU mali         alternatives (OR / OU); AND / ET explicit; NOT / SAUF / -word exclude
//   "forces russes"        phrase, also with « guillemets » and “curly quotes”
//   titre:Barkhane         a field (title: / titre:)
//   type:commentaire       filters: type:, entité:/entity:, article.entité:, date:, après:, avant:
//   russ*                  words starting with "russ"
//   ( ... )                grouping
//
// Anything a user can type is accepted: unbalanced quotes and parentheses, dangling
// operators and unknown fields are repaired (with a warning) rather than refused.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.hpp"
#include "entities/entity_names.hpp"
#include "schema/schema.hpp"
#include "snippets/snippet_builder.hpp"

namespace veille::search {

// A plain word of the query, and the terms it is looked for under: a partial hit is "sans"
// the words none of whose terms it matches.
struct QueryWord {
    std::string text;  // as typed
    std::vector<std::string> terms;
    // Several words that name an entity (forces armées maliennes): each word's terms, all
    // needed, unless the document has the entity's own term.
    std::vector<std::vector<std::string>> parts;
    std::string entity_term;

    // Whether a document whose matching terms are `matched` has this word.
    template <typename TermSet>
    bool found_in(const TermSet& matched) const {
        if (parts.empty()) {
            for (const auto& t : terms)
                if (matched.count(t)) return true;
            return false;
        }
        if (!entity_term.empty() && matched.count(entity_term)) return true;
        for (const auto& part : parts) {
            bool any = false;
            for (const auto& t : part) any = any || matched.count(t);
            if (!any) return false;
        }
        return true;
    }
};

struct ParsedQuery {
    Xapian::Query query;               // empty when nothing searchable was typed
    snippets::HighlightTerms highlight;
    std::vector<std::string> warnings;
    bool filters_only = false;         // only filters (type:, entité:, date:): list what passes
    bool date_filtered = false;        // a date filter is in force
    // For a plain conjunction of words: the same query with the plain words optional (phrases,
    // +word, -word, filters and explicit AND/ET keep their strict meaning). Empty otherwise.
    Xapian::Query relaxed;
    // The plain words of a top-level conjunction (no OR), for "sans : …" and spelling.
    std::vector<QueryWord> words;

    bool empty() const { return query.empty(); }
};

class QueryBuilder {
public:
    // Without a gazetteer, entité: filters match canonical names only (no aliases).
    explicit QueryBuilder(const analysis::FrenchAnalyzer& analyzer,
                          const entities::EntityNames* gazetteer = nullptr)
        : analyzer_(analyzer), gazetteer_(gazetteer) {}

    ParsedQuery parse(std::string_view input) const;

    // The names the collection decided stand for an entity (entities/collection_names.hpp):
    // entité:K then also finds the documents that write one of them ("Valls" alone for
    // Manuel Valls). Given by the searcher, which reads them from the index when first asked.
    using CollectionNamesOf = std::function<std::vector<std::string>(const std::string& entity_key)>;
    void use_collection_names(CollectionNamesOf names) { collection_names_ = std::move(names); }

    // The filters behind entité: and date:, for command-line options that mean the same.
    // An entity may be named by any of its forms; a bad date gives nullopt.
    Xapian::Query entity_filter(std::string_view name) const;
    std::optional<Xapian::Query> date_filter(schema::Field field, std::string_view value) const;

    // Bonuses on top of a word's folded-or-stem match (a synonym group): the very folded
    // form, and the accented spelling typed. Exact > folded > stem-only, by small steps:
    // larger bonuses cost MRR@10 on the PIAF questions (0.796 -> 0.759 at 1.0 / 1.0).
    static constexpr double kFoldedBonus = 0.3;
    static constexpr double kExactBonus = 0.2;
    // A word written as a name (Lasègue, la Hongrie, LO) is what a question is about: it
    // weighs this much more than the common words around it, in a query typed as a sentence.
    // PIAF dev MRR@10 0.793 -> 0.798 (31 questions up, 7 down); 2.0 gives 0.796, 3.0 0.793.
    static constexpr double kNameWeight = 1.5;
    // The weight of the entity term a proper name also matches (see README "Ranking").
    static constexpr double kEntityNameWeight = 1.0;

private:
    const analysis::FrenchAnalyzer& analyzer_;
    const entities::EntityNames* gazetteer_;
    CollectionNamesOf collection_names_;
};

// The documents naming the entity of folded key `key`: its term, or any name the collection
// decided is that entity (`names_of` may be empty).
Xapian::Query entity_query(const std::string& key, const QueryBuilder::CollectionNamesOf& names_of);

}  // namespace veille::search
