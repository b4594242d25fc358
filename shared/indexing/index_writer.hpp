// Keeps a Xapian index in step with a set of files.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "documents/document.hpp"
#include "readers/file_reader.hpp"

namespace veille::indexing {

struct IndexOptions {
    std::filesystem::path db;
    std::vector<std::filesystem::path> inputs;
    readers::ReadOptions read;
    std::vector<std::filesystem::path> entity_files;  // user gazetteers, added to the built-in one
    std::size_t commit_every_docs = 5000;  // an interrupted run loses at most this much work
};

struct IndexSummary {
    std::size_t files_seen = 0;       // regular files found by the walk
    std::size_t files_indexed = 0;    // read and analysed (new or changed)
    std::size_t files_unchanged = 0;  // same size and mtime (or same content): not analysed
    std::size_t files_removed = 0;    // gone from disk: their documents deleted
    std::size_t files_skipped = 0;
    std::size_t articles = 0;         // documents written by this run
    std::size_t comments = 0;
    std::map<std::string, std::size_t> skipped_by_reason;
    std::size_t warnings = 0;
    double seconds = 0;
};

// What the indexer tells its front-end as it goes; the front-end decides how to show it.
class IndexObserver {
public:
    virtual ~IndexObserver() = default;
    virtual void on_progress(std::size_t /*files_done*/, std::size_t /*files_total*/,
                             const std::filesystem::path& /*current*/) {}
    virtual void on_diagnostic(const documents::Diagnostic& /*diagnostic*/) {}
};

// Brings the index at options.db up to date with options.inputs: new and changed files are
// (re)indexed, unchanged files cost a stat, files under the inputs that are gone are removed.
// When the gazetteers changed since the last run, every file is re-analysed so that entity
// facets never mix two versions.
// Throws IndexError when the index cannot be opened (missing folder rights, another writer).
IndexSummary update_index(const IndexOptions& options, IndexObserver& observer);

}  // namespace veille::indexing
