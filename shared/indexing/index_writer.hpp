// Keeps a Xapian index in step with a set of files.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
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
    // Documents between two commits: an interrupted run loses at most this much work. It is
    // also the batch Xapian keeps in memory before writing it out, hence the run's peak memory
    // and its speed. Measured on FreSaDa (one thread, CPU seconds, peak RSS):
    //   1x (11,570 articles): 250 docs 30 s, 1000: 37 s, 5000: 46 s
    //   4x (46,280 articles): 250 docs 175 s (fsyncs), 1000: 138 s / 129 MB, 2500: 140 s / 213 MB,
    //                         5000: 163 s / 304 MB, 10000: 173 s / 505 MB
    // Xapian's in-memory maps of pending postings get slower as they grow, while each commit
    // rewrites the B-tree blocks it touches: 1000 is best at both sizes.
    std::size_t commit_every_docs = 1000;
    // Threads reading and analysing files (0: one per core). Whatever their number, documents
    // reach each database in file order, so the index is the same.
    unsigned threads = 0;
    // 0: the index as it is (one database when new). N: a new index of N shards, or an
    // existing one of N shards (any other number is refused: re-sharding means rebuilding).
    unsigned shards = 0;
    bool compact = false;  // compact every database after the update (Xapian::Database::compact)
    // Writers of a new index of one database, or of a rebuild, each into a database of its
    // own, merged into one at the end (fresh_build.hpp). 0: one per core. 1: a new index is
    // written by one writer committing as it goes, so it can be searched while it grows and
    // a killed run resumes where it stopped. Updates of an existing index always have one.
    unsigned build_writers = 0;
    // Build a new index from the inputs alone and put it in place of the existing one once
    // it is complete (the old one answers queries meanwhile). Not for a sharded index.
    bool rebuild = false;
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
    // Records of web archives read by this run that were not pages, by kind ("request",
    // "image/png", "HTTP 404", "corrupt", "no text"...).
    std::map<std::string, std::size_t> records_skipped;
    // Files in the index after this run (indexed, renamed or unchanged), by format name
    // ("html", "jsonl", "text").
    std::map<std::string, std::size_t> files_by_format;
    std::size_t index_articles = 0;  // what the whole index holds at the end of the run
    std::size_t index_comments = 0;
    std::size_t warnings = 0;
    std::size_t shards = 1;          // databases the index is made of
    // With IndexOptions::compact: bytes on disk before and after.
    std::uintmax_t bytes_before_compact = 0;
    std::uintmax_t bytes_after_compact = 0;
    std::size_t build_writers = 0;  // writers of a FreshBuild (0: none, the index was updated)
    double merge_seconds = 0;       // of a FreshBuild: merging its writers' databases
    double seconds = 0;
};

// What the indexer tells its front-end as it goes; the front-end decides how to show it.
// Calls come from one thread at a time (the indexer serialises them), in file order for an
// index of one database.
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
// (".../2025/11/06/..."), in which case the file is indexed anew. In a sharded index a file
// renamed into another shard is indexed anew there (and removed from its old shard).
//
// Speed: files are read and analysed on `threads` threads, at most a few dozen files (and
// 64 MiB of them) ahead of the writer, so memory does not grow with the collection; one
// writer per database applies them in file order.
//
// Web archives (.warc, .warc.gz) are streamed record by record, never read whole; the index
// remembers how far each was read, so a run over an archive a crawler appended to reads only
// the new records and keeps the documents of the others (see readers/warc_reader.hpp and
// schema::meta::kArchivePrefix). --max-file-size applies to each page of an archive.
//
// Shards: an index of N shards is a folder holding the databases shard-0 … shard-(N-1) and a
// Xapian stub file, XAPIANDB, that lists them, so that Xapian (veille-query, xapian-delve)
// opens the folder as one database. The documents of one file (an article and its comments)
// always go to the same shard, chosen by a hash of the file's path; each shard has its own
// writer thread and file records, so incremental runs work shard by shard.
//
// A new index of one database, and a rebuild, are written by one writer per core into
// databases of their own, merged into one at the end (see fresh_build.hpp): the same index
// as one writer gives, faster, and never visible half-built.
//
// Crash safety: the work between two commits is one Xapian transaction (a file's documents,
// its record and the removal of its old documents always land together, and Xapian's own
// automatic flush cannot split them), so a run killed at any moment leaves the index as of
// its last commit, and a re-run finishes the job without duplicates.
// Throws IndexError when the index cannot be opened (missing folder rights, another writer),
// UsageError when --shards does not match the index.
IndexSummary update_index(const IndexOptions& options, IndexObserver& observer);

}  // namespace veille::indexing
