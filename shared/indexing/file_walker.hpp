// Lists the files to index under the paths the user named.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "documents/document.hpp"

namespace veille::indexing {

struct WalkedFile {
    std::filesystem::path path;  // absolute, lexically normal (symlinks kept as named)
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
};

// Every regular file under `roots` (a root may itself be a file), sorted by path. Hidden
// files and folders (".name") are skipped; directory symlinks are followed once (a loop is
// reported and broken); unreadable folders and vanished entries are reported, not fatal.
std::vector<WalkedFile> walk_files(const std::vector<std::filesystem::path>& roots,
                                   std::vector<documents::Diagnostic>& diagnostics);

// The absolute, lexically normal form of a user-given path, as stored in the index.
std::filesystem::path normalise_path(const std::filesystem::path& p);

}  // namespace veille::indexing
