// The front door for one file: size limit, binary detection, format detection, sanitising,
// then the reader of that format.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "documents/document.hpp"

namespace veille::readers {

enum class Format { SeedText, Html, JsonLines, Feed, Warc, Unsupported };

// "text", "html", "jsonl", "feed", "warc", "unsupported": the names the summary counts files under.
const char* format_name(Format format);

// Format from the file name alone: .txt/.text -> text, .html/.htm/.xhtml/.shtml -> html,
// .jsonl/.ndjson/.jl -> jsonl, .rss/.atom -> feed, .warc/.warc.gz -> warc (web archives,
// never sniffed), anything else unsupported. read_contents() then checks the content (see
// detect_format below).
Format detect_format(const std::filesystem::path& path);

// True when a file the name alone cannot place is worth opening to look at: no extension
// (a page saved by a crawler), a saved dynamic page (.php, .asp, .aspx, .jsp, .cgi), .json
// (which may hold JSON Lines) or .xml (which may be a feed). Other unsupported files (.pdf,
// .png, .md) are never opened.
bool worth_sniffing(const std::filesystem::path& path);

// Format from the name and the first bytes, which win when they are clear:
// - a file that opens like an HTML page (after a byte order mark, white space, <?xml …?> and
//   <!-- comments -->: <!DOCTYPE html, <html, <head, <body) is html, whatever its name;
// - a file whose first lines are each one JSON object ({…}, the first one valid) is jsonl;
// - an .html file with no markup at all is text; a .jsonl file that is neither stays jsonl
//   (its lines are then reported one by one);
// - a file that opens like a feed (after the same prologue and a <!DOCTYPE>: <rss, <rdf:RDF
//   of RSS 1.0, <feed of the Atom namespace) is feed, whatever its name; a .rss or .atom file
//   that does not stays feed (the reader then says what it is);
// - a file without a known extension that is neither html, jsonl nor feed is unsupported.
Format detect_format(const std::filesystem::path& path, std::string_view head);

struct ReadOptions {
    // A web archive (warc) is not one file but a series of records: the limit applies to
    // each record's page, never to the archive.
    std::uintmax_t max_file_bytes = 50ull * 1024 * 1024;
};

struct FileContents {
    bool skipped = false;
    std::string skip_reason;  // "binary file", "empty file", "unsupported format (.pdf)", ...
                              // "no text", "no valid record" (a JSON Lines file)
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
