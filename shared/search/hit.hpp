// Search results as plain data, for the renderers in output/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "documents/document.hpp"
#include "snippets/snippet_builder.hpp"

namespace veille::search {

struct HitEntity {
    std::string name;
    std::string type;
    std::uint32_t count = 0;  // mentions in this document
};

// Adds the entities the collection pass gave a document (in its facet value, kSlotEntities,
// not in its stored list: see indexing/collection_entities.hpp), one mention each.
void add_collection_entities(std::string_view facet_value, std::vector<HitEntity>& entities);

// Why a hit matched (--explain): one row per query term the document contains.
struct ExplainTerm {
    std::string word;    // the query word as typed ("" for a term of a phrase or field)
    std::string term;    // the index term, prefix included
    std::string field;   // "title" | "text"
    std::string match;   // "exact" (the spelling typed) | "folded" (accents/case aside) | "stem"
    double weight = 0;   // its BM25 weight in this document, before the query's scaling
};

struct Hit {
    int rank = 0;  // 1-based, counting from the first result of the query (offset included)
    double score = 0;
    documents::Kind kind = documents::Kind::Article;
    std::string id;
    std::string title;          // the article's title (a comment shows its article's)
    std::string article_id;     // for an article, its own id
    std::string parent_id;      // for a reply, the id of the comment it answers
    std::optional<int> comment_number;
    std::optional<int> parent_number;
    std::string path;
    std::string date;           // ISO 8601 or empty
    std::string url;
    std::string source;         // the publication ("Le Monde"), when known
    std::string author;
    bool date_inherited = false;  // a comment dated by its article
    bool partial = false;          // matches only some of the query's words...
    std::vector<std::string> missing;  // ...and not these ("sans : pourquoi")
    std::vector<HitEntity> entities;
    // Reprints of the same text (near-duplicates) collapsed into this hit: "+ N autres sources".
    std::uint32_t duplicates = 0;
    std::vector<std::string> duplicate_sources;  // their source (or path), a few of them
    std::vector<ExplainTerm> explain;
    snippets::Snippet snippet;
};

struct EntityFacet {
    std::string name;
    std::string type;
    std::uint64_t count = 0;  // matching documents that name it
};

struct FacetBucket {
    std::string bucket;  // "article" | "comment"; "2025" or "2025-11"
    std::uint64_t count = 0;
};

// Counts over ALL matches of the query, not just the page shown.
struct Facets {
    bool computed = false;
    std::vector<EntityFacet> entities;  // most frequent first; SearchOptions::facet_entities of them
    std::uint64_t entities_total = 0;   // distinct entities counted, listed or not
    std::uint64_t entities_first = 0;   // rank (0-based) of entities.front(): > 0 on a later page
    std::vector<FacetBucket> kinds;
    std::vector<FacetBucket> dates;     // chronological
    std::string date_granularity;       // "year" | "month"
    std::uint64_t undated = 0;          // matches with no known date ("date inconnue")
};

struct SearchResults {
    std::string query;              // as typed
    std::string parsed;             // the analysed query, for --explain style diagnostics
    // Matching documents (articles and comments, reprints included): the number the facets
    // and --count give. Exact when Xapian looked at every match (always with facets; up to
    // SearchOptions::exact_up_to otherwise); beyond, Xapian's estimate and the bounds it is
    // sure of, total_min <= total <= total_max.
    std::uint64_t total = 0;
    bool total_is_exact = false;
    std::uint64_t total_min = 0;
    std::uint64_t total_max = 0;
    // The same matches once the reprints of one text are grouped (one hit each): known when
    // the total is exact and reprints are grouped (SearchOptions::collapse).
    std::optional<std::uint64_t> groups;
    // The hits the pages run through before the partial ones: `groups` when reprints are
    // grouped (estimated in proportion when the total is), else `total`.
    std::uint64_t strict_hits = 0;
    // Documents matching only some of the words, listed after the strict ones when those do
    // not fill the page (0 when none were looked for); counted like `total`.
    std::uint64_t partial_total = 0;
    bool partial_is_exact = true;
    std::uint64_t partial_min = 0;
    std::uint64_t partial_max = 0;
    std::uint64_t offset = 0;
    std::vector<Hit> hits;
    std::vector<std::string> warnings;  // e.g. "unbalanced quote: read as a phrase to the end"
    std::string suggestion;  // "Vouliez-vous dire : …" — the query with misspelt words corrected
    bool corrected = false;  // nothing matched the query as typed: these hits are the suggestion's
    Facets facets;

    // Every hit the pages can show: the strict ones, then the partial ones.
    std::uint64_t pageable() const { return strict_hits + partial_total; }
};

}  // namespace veille::search
