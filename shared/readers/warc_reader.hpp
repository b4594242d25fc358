// Web archives (ISO 28500: *.warc, *.warc.gz), as wget --warc-file, Heritrix, Browsertrix and
// webrecorder write them: every `response` record that holds an HTML page is a saved page.
//
// Decisions:
// - A page is a `response` record whose block is an HTTP response (status 200, Content-Type
//   text/html or application/xhtml+xml). Its body is the payload as served: a chunked
//   transfer encoding (which wget keeps as it came off the wire) and a gzip or deflate
//   content encoding are undone. Every other record (request, metadata, warcinfo, resource,
//   revisit, conversion, a response of another type or status) is skipped and counted by
//   kind: "request", "image/png", "HTTP 404", "too large" (a payload over the per-record
//   limit), "content-encoding br"...
// - The page is read by read_html, its charset decided as a browser does (a byte order mark,
//   the HTTP charset, <meta>, else UTF-8 or windows-1252). WARC-Target-URI is its URL when the
//   page names none (wget 1.x writes it between <>, which are removed), its host the source
//   when the page names none, and WARC-Date its date only when the page itself has none.
// - Article::key is the WARC-Record-ID, else the target URI and the date: a page's index id
//   stays the same when records are appended to the archive.
// - Streaming: the archive is read a record at a time (a .warc.gz is a series of gzip members,
//   inflated one after the other), so memory does not depend on the archive's size; only a
//   page's payload is kept, and only up to the per-record limit (a bigger record is skipped
//   without being kept).
// - Bad data is reported as "record N at offset X: what was expected" (X: where the record,
//   or its gzip member, starts in the file) and the rest of the archive is read: a corrupt
//   gzip member is skipped to the next member header, a damaged record to the next line that
//   starts with "WARC/1.". A record cut short at the end (an archive still being written) is
//   reported too, and read on the next run.
// - Resuming: resume_position() is just past the last complete record (for .warc.gz, the end
//   of a gzip member that holds no partial record): a reader started there over the grown
//   file reads only the records appended since, numbered as in the whole archive.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "documents/document.hpp"

namespace veille::readers {

// An HTML page found in an archive, as the server sent it, not yet parsed.
struct WarcPage {
    std::size_t record = 0;    // 1-based position of its record in the archive
    std::uint64_t offset = 0;  // where its record (for .warc.gz: its gzip member) starts
    std::string record_id;     // WARC-Record-ID ("<urn:uuid:…>")
    std::string target_uri;    // WARC-Target-URI
    std::string date;          // WARC-Date (ISO 8601)
    std::string content_type;  // the HTTP Content-Type ("text/html; charset=iso-8859-1")
    std::string body;          // the payload: transfer and content encodings undone
};

// A place in an archive between two records: its byte offset in the file, and how many
// records come before it.
struct WarcPosition {
    std::uint64_t offset = 0;
    std::size_t records = 0;
};

class WarcReader {
public:
    // The archive at `path`, from `start` (the beginning, or a position resume_position()
    // gave for this archive). Gzip or not is decided from the file's first bytes (and its
    // name, when they are damaged).
    // An archive that cannot be opened reads as empty, with a diagnostic.
    static WarcReader open(const std::filesystem::path& path, WarcPosition start,
                           std::uintmax_t max_record_bytes);
    // An archive in memory (tests, the fuzzer, read_contents), viewed, not copied: `bytes` must
    // outlive the reader. `path` names it in diagnostics.
    WarcReader(std::string_view bytes, std::string path, std::uintmax_t max_record_bytes);
    WarcReader(WarcReader&&) noexcept;
    WarcReader& operator=(WarcReader&&) noexcept;
    ~WarcReader();

    // The next page, or nothing at the end of the archive. Never throws on bad data.
    std::optional<WarcPage> next_page();

    // Just past the last complete record read so far (see the top of this file).
    WarcPosition resume_position() const;
    // True when the file could not be opened (diagnostics say why).
    bool unreadable() const;
    // Records read so far that were not pages, by kind ("request", "image/png", "HTTP 404",
    // "corrupt"...).
    const std::map<std::string, std::size_t>& skipped() const;
    // What went wrong since the last call: "record 12 at offset 5874: …", with the file's path.
    std::vector<documents::Diagnostic> take_diagnostics();

private:
    struct Impl;
    explicit WarcReader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// A page as an article: charset, sanitising, read_html, then what the archive says where the
// page is silent (URL, source, date) and its key. `archive` is the archive's path. Nothing
// when the page holds no text (its diagnostics say why).
struct WarcArticle {
    std::optional<documents::Article> article;
    std::vector<documents::Diagnostic> diagnostics;
};
WarcArticle read_warc_page(const WarcPage& page, std::string_view archive);

// A whole archive, every page read as an article (all kept in memory: the indexer streams
// archives with WarcReader instead).
struct WarcResult {
    std::vector<documents::Article> articles;
    std::vector<documents::Diagnostic> diagnostics;
    std::map<std::string, std::size_t> skipped;  // as WarcReader::skipped(), plus "no text"
};
WarcResult read_warc(std::string_view bytes, std::string_view path, std::uintmax_t max_record_bytes);
WarcResult read_warc_file(const std::filesystem::path& path, std::uintmax_t max_record_bytes);

// What tells that the first `length` bytes of an archive are still those read before: a hash
// of that length and of the first and last 64 KiB of those bytes ("" when the file is shorter
// or unreadable). Records are only ever appended to an archive, so this is enough to tell an
// archive that grew from one that was rewritten, for two reads instead of one of the whole.
std::string warc_prefix_hash(const std::filesystem::path& path, std::uint64_t length);

}  // namespace veille::readers
