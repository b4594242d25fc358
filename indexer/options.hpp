// veille-index's command line, bound into a plain struct.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <optional>
#include <vector>

namespace veille::indexer {

struct IndexCommandOptions {
    std::optional<std::filesystem::path> db;
    std::vector<std::filesystem::path> inputs;
    std::vector<std::filesystem::path> entity_files;
    double max_file_mb = 50;
    std::size_t commit_every = 1000;
    unsigned threads = 0;  // 0: one per core
    unsigned shards = 0;   // 0: as the index is (one database when new)
    unsigned build_writers = 0;  // 0: one per core
    bool rebuild = false;
    bool compact = false;
    bool quiet = false;
};

void bind_options(CLI::App& app, IndexCommandOptions& options);

}  // namespace veille::indexer
