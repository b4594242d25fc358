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
    std::size_t files_renamed = 0;    // same content as a vanished file: documents moved, not analysed
    std::size_t files_unchanged = 0;  // same size and mtime (or same content): not analysed
    std::size_t files_removed = 0;    // gone from disk: their documents deleted
    std::size_t files_skipped = 0;
    std::size_t articles = 0;         // documents written by this run
    std::size_t comments = 0;
    std::map<std::string, std::size_t> skipped_by_reason;
    // Files in the index after this run (indexed, renamed or unchanged), by format name
    // ("html", "jsonl", "text").
    std::map<std::string, std::size_t> files_by_format;
    std::size_t index_articles = 0;  // what the whole index holds at the end of the run
    std::size_t index_comments = 0;
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
//
// Renames: a new path whose content hash is that of an indexed file that no longer exists is
// that file renamed or moved: its documents are moved to the new path (ids, path and file
// key rewritten; the text is not analysed again), unless the path gave the article its date
// (".../2025/11/06/..."), in which case the file is indexed anew.
//
// Crash safety: the work between two commits is one Xapian transaction (a file's documents,
// its record and the removal of its old documents always land together, and Xapian's own
// automatic flush cannot split them), so a run killed at any moment leaves the index as of
// its last commit, and a re-run finishes the job without duplicates.
// Throws IndexError when the index cannot be opened (missing folder rights, another writer).
IndexSummary update_index(const IndexOptions& options, IndexObserver& observer);

}  // namespace veille::indexing
