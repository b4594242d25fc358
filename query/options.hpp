// veille-query's command line, bound into a plain struct.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "documents/document.hpp"
#include "search/searcher.hpp"

namespace veille::query {

enum class Format { Text, Json, Jsonl, Csv, Tsv };

struct QueryCommandOptions {
    std::optional<std::filesystem::path> db;
    std::uint32_t limit = 10;
    std::uint32_t offset = 0;
    std::optional<documents::Kind> kind;
    std::vector<std::string> entities;
    std::string since, until;
    search::SortOrder sort = search::SortOrder::Relevance;
    bool facets = false;
    bool facets_only = false;
    std::uint32_t facet_limit = 20;  // entities the entity facet lists (a page of :facets); 0: all
    bool json = false;
    bool interactive = false;        // -i: the prompt, even with a query or off a terminal
    std::string lang;                // --lang fr|en; empty: from the locale
    std::vector<std::string> words;  // joined with spaces into the query
    // Ranking diagnostics.
    bool explain = false;
    std::string like_id;
    bool no_collapse = false;
    // Exports.
    Format format = Format::Text;
    bool bom = false;
    bool count = false;
    std::string report;  // --report FILE.html
    // Saved searches.
    std::string save;
    bool list_saved = false;
    std::vector<std::string> new_names;  // --new [NAME]; given with no name: all
    bool new_given = false;
    bool dry_run = false;
};

void bind_options(CLI::App& app, QueryCommandOptions& options);

}  // namespace veille::query
