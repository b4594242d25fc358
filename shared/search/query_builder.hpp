// The query language -> Xapian::Query, through the French analyser.
//
//   russie mali            every content word required (French stopwords are not)
//   russie OU mali         alternatives (OR / OU); AND / ET explicit; NOT / SAUF / -word exclude
//   "forces russes"        phrase, also with « guillemets » and “curly quotes”
//   titre:Barkhane         a field (title: / titre:); type:article, type:commentaire filter
//   russ*                  words starting with "russ"
//   ( ... )                grouping
//
// Anything a user can type is accepted: unbalanced quotes and parentheses, dangling
// operators and unknown fields are repaired (with a warning) rather than refused.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.hpp"
#include "snippets/snippet_builder.hpp"

namespace veille::search {

struct ParsedQuery {
    Xapian::Query query;               // empty when nothing searchable was typed
    snippets::HighlightTerms highlight;
    std::vector<std::string> warnings;
    bool filters_only = false;         // only type:… filters: list what passes them

    bool empty() const { return query.empty(); }
};

class QueryBuilder {
public:
    explicit QueryBuilder(const analysis::FrenchAnalyzer& analyzer) : analyzer_(analyzer) {}

    ParsedQuery parse(std::string_view input) const;

    // Relative weights of the forms one query word is looked for under: an exact (accented)
    // match outranks a folded one, which outranks a stem-only match.
    static constexpr double kExactWeight = 1.0;
    static constexpr double kFoldedWeight = 1.0;
    static constexpr double kStemWeight = 0.5;

private:
    const analysis::FrenchAnalyzer& analyzer_;
};

}  // namespace veille::search
