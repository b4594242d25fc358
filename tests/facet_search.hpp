// A search as the tests that compare two indexes (or two ways of counting) ask it: a page of
// hits, every facet counted (every entity listed), no spelling correction (a word that is
// gone must find nothing, not its correction).
#pragma once

#include <filesystem>
#include <string>

#include "search/searcher.hpp"

namespace veille::test {

inline search::SearchResults facet_search(const std::filesystem::path& db, const std::string& query,
                                          std::uint32_t limit = 10, bool facet_column = true) {
    search::Searcher searcher(db);
    search::SearchOptions o;
    o.query = query;
    o.limit = limit;
    o.facets = true;
    o.facet_entities = 0;
    o.facet_column = facet_column;
    o.spelling = false;
    return searcher.search(o);
}

}  // namespace veille::test
