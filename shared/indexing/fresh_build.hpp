// A new index (or a rebuild) written by several writers at once, merged into one database.
//
// Xapian has one writer per database, and that writer is what limits a one-database build.
// A fresh build therefore gives each of N writers a contiguous run of the files (in path
// order, balanced by bytes) and its own database in a staging folder beside the index,
// `<index>.building/part-K`, then merges the parts into one database with Xapian's
// compactor. Parts are merged in order and renumbered one after the other, so the documents
// keep the document numbers a single writer would have given them (files in path order, one
// writer adding them in that order): same ids, terms, values, ranking ties and answers.
//
// Crash safety: nothing is written where the index lives until the merge is complete. The
// merged database then takes the index's place by renames (an existing index is moved to
// `<index>.old` first, then removed): a kill at any moment leaves either no index or the
// previous one, and the next run puts `<index>.old` back when the kill fell between the two
// renames. What a killed build leaves in its staging folder is removed by the next run.
//
// Concurrency: the staging folder is locked (flock on `<index>.building/lock`) for the
// whole build, and a rebuilt index's own write lock is held until it is replaced, so a
// second veille-index is refused as it is by a database being written.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>

#include "indexing/file_walker.hpp"

namespace veille::indexing {

// What a killed build leaves, put right: an index a swap left at `<index>.old` is put back
// (see above); an `<index>.old` or staging folder a finished build did not get to remove,
// or the staging folder of a build that died, is removed (not one that a live build locks).
void recover_interrupted_build(const std::filesystem::path& index);

class FreshBuild {
  public:
    // Prepares the staging folder for `parts` writers of the index at `index`; throws
    // IndexError when another process is building or writing it.
    FreshBuild(const std::filesystem::path& index, std::size_t parts);
    ~FreshBuild();
    FreshBuild(const FreshBuild&) = delete;
    FreshBuild& operator=(const FreshBuild&) = delete;

    // The databases the writers create, part 0 first.
    const std::vector<std::filesystem::path>& parts() const { return parts_; }

    // Which part each file goes to: contiguous runs of `files` (in their order), each about
    // the same number of bytes.
    std::vector<std::size_t> assign(const std::vector<WalkedFile>& files) const;

    // Merges the parts (whose writers are closed) into one compacted database and puts it
    // where the index lives, replacing the previous one. Returns the seconds the merge took.
    double merge_and_install();

  private:
    void release();  // the staging folder removed, its lock let go

    std::filesystem::path index_, staging_;
    std::vector<std::filesystem::path> parts_;
    int lock_fd_ = -1;
    std::optional<Xapian::WritableDatabase> previous_;  // the rebuilt index, its lock held
};

}  // namespace veille::indexing
