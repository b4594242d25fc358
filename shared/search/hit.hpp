// Search results as plain data, for the renderers in output/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "documents/document.hpp"
#include "snippets/snippet_builder.hpp"

namespace veille::search {

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
    std::string author;
    snippets::Snippet snippet;
};

struct SearchResults {
    std::string query;              // as typed
    std::string parsed;             // the analysed query, for --explain style diagnostics
    std::uint64_t total = 0;        // estimated number of matches
    bool total_is_exact = false;
    std::uint64_t offset = 0;
    std::vector<Hit> hits;
    std::vector<std::string> warnings;  // e.g. "unbalanced quote: read as a phrase to the end"
};

}  // namespace veille::search
