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

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.hpp"
#include "entities/gazetteer.hpp"
#include "schema/schema.hpp"
#include "snippets/snippet_builder.hpp"

namespace veille::search {

// A plain word of the query, and the terms it is looked for under: a partial hit is "sans"
// the words none of whose terms it matches.
struct QueryWord {
    std::string text;  // as typed
    std::vector<std::string> terms;
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
    std::vector<QueryWord> words;

    bool empty() const { return query.empty(); }
};

class QueryBuilder {
public:
    // Without a gazetteer, entité: filters match canonical names only (no aliases).
    explicit QueryBuilder(const analysis::FrenchAnalyzer& analyzer,
                          const entities::EntityGazetteer* gazetteer = nullptr)
        : analyzer_(analyzer), gazetteer_(gazetteer) {}

    ParsedQuery parse(std::string_view input) const;

    // The filters behind entité: and date:, for command-line options that mean the same.
    // An entity may be named by any of its forms; a bad date gives nullopt.
    Xapian::Query entity_filter(std::string_view name) const;
    std::optional<Xapian::Query> date_filter(schema::Field field, std::string_view value) const;

    // Relative weights of the forms one query word is looked for under: an exact (accented)
    // match outranks a folded one, which outranks a stem-only match.
    static constexpr double kExactWeight = 1.0;
    static constexpr double kFoldedWeight = 1.0;
    static constexpr double kStemWeight = 0.5;

private:
    const analysis::FrenchAnalyzer& analyzer_;
    const entities::EntityGazetteer* gazetteer_;
};

}  // namespace veille::search
