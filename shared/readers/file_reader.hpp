// The front door for one file: size limit, binary detection, format detection, sanitising,
// then the reader of that format.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "documents/document.hpp"

namespace veille::readers {

enum class Format { SeedText, Unsupported };

const char* format_name(Format format);

// Format from the file name alone; content checks happen in read_file.
Format detect_format(const std::filesystem::path& path);

struct ReadOptions {
    std::uintmax_t max_file_bytes = 50ull * 1024 * 1024;
};

struct FileContents {
    bool skipped = false;
    std::string skip_reason;  // "binary file", "empty file", "unsupported format (.pdf)", ...
    Format format = Format::Unsupported;
    std::string content_hash;  // hash of the raw bytes: tells "touched" from "changed"
    std::vector<documents::Article> articles;
    std::vector<documents::Diagnostic> diagnostics;  // warnings about what was read
};

// Reads `bytes` (the file's content) as `path`. Never throws on bad data.
FileContents read_contents(const std::filesystem::path& path, std::string_view bytes,
                           const ReadOptions& options = {});

// Reads the file from disk then read_contents(). An unreadable or vanished file is a skip
// with its reason (from errno), not an exception.
FileContents read_file(const std::filesystem::path& path, const ReadOptions& options = {});

}  // namespace veille::readers
