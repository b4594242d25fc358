// Runs a query against the index and returns ranked hits with snippets.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "documents/document.hpp"
#include "search/hit.hpp"

#include <xapian.h>

namespace veille::search {

struct ParsedQuery;

enum class SortOrder { Relevance, DateNewest, DateOldest };

struct SearchOptions {
    std::string query;
    std::uint32_t limit = 10;
    std::uint32_t offset = 0;
    std::optional<documents::Kind> kind;   // --type
    std::vector<std::string> entities;     // --entity (all must match), any form: "Daech"
    std::string since;                     // --since: on or after (any date form)
    std::string until;                     // --until: on or before
    SortOrder sort = SortOrder::Relevance;
    bool facets = false;                   // count entities, kinds, dates over all matches
    std::size_t facet_entities = 20;       // how many entities the facet lists; 0: every one
    std::size_t facet_entity_offset = 0;   // skip the most frequent ones (the prompt's next page)
    std::size_t snippet_bytes = 300;
    bool spelling = true;  // suggest corrections when little matches; search a one-word one
    bool collapse = true;  // near-duplicate articles (one dispatch, several papers) as one hit
    // Count the matches exactly when there are at most this many (Xapian looks at each of
    // them); beyond, the total is Xapian's estimate within its bounds. Facets count all.
    std::uint32_t exact_up_to = 10000;
    // Count facets from the index's facet column when it is current (schema/facet_column.hpp);
    // false: from the value slots, as over remote shards (tests and benchmarks compare them).
    bool facet_column = true;
    bool explain = false;  // per hit: which terms matched, where, how, and their weight
    std::string like_id;   // instead of a query: documents like this one (relevance feedback),
                           // among those that pass `query` when there is one
    std::vector<std::string> only_ids;  // restrict to these documents (saved searches' "new")
};

class Searcher {
public:
    // Opens the index read-only. Throws IndexError with a one-line, actionable message when
    // there is no index at `db` or it cannot be read.
    explicit Searcher(const std::filesystem::path& db);
    ~Searcher();
    Searcher(Searcher&&) noexcept;

    SearchResults search(const SearchOptions& options);

    // The ids of every document the options match (strict matches only, no collapsing):
    // what a saved search compares with what it has already reported.
    std::vector<std::string> matching_ids(const SearchOptions& options);

    std::uint64_t document_count() const;

private:
    SearchResults search_once(const SearchOptions& options);
    void suggest(const ParsedQuery& parsed, const SearchOptions& options, SearchResults& results);
    ParsedQuery like_query(const std::string& id);
    // For each collapsed hit (its reprint key, its document), a few of its other sources.
    std::vector<std::vector<std::string>> duplicate_sources(
        const std::vector<std::pair<std::string, unsigned>>& shown, const Xapian::Query& query);
    std::vector<ExplainTerm> explain(unsigned doc, const Xapian::Query& query, const ParsedQuery& parsed);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace veille::search
