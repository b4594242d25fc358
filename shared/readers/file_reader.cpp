// Every check that does not depend on the format happens here, cheapest first, so a reader
// only ever sees clean NFC text: format by name, size, emptiness, binary sniffing, then
// text::sanitize. Each refusal is a skip with a reason a user can act on.
#include "readers/file_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>
#include <system_error>

#include <nlohmann/json.hpp>

#include "readers/charset.hpp"
#include "readers/feed_reader.hpp"
#include "readers/html_reader.hpp"
#include "readers/jsonl_reader.hpp"
#include "readers/seed_text_reader.hpp"
#include "readers/warc_reader.hpp"
#include "schema/schema.hpp"
#include "text/utf8.hpp"
#include "text/ascii.hpp"

namespace veille::readers {

namespace {

using documents::Diagnostic;
using documents::Severity;

// looks_binary() sniffs this much, like grep and git do.
constexpr std::size_t kSniffBytes = 8 * 1024;
// Content detection reads this much: enough for a long <head> comment or a few JSON lines.
constexpr std::size_t kDetectBytes = 64 * 1024;

std::string unsupported(const std::filesystem::path& path) {
    const std::string ext = path.extension().string();
    return "unsupported format (" + (ext.empty() ? std::string("no extension") : ext) + ")";
}

FileContents skipped(Format format, std::string reason) {
    FileContents out;
    out.skipped = true;
    out.skip_reason = std::move(reason);
    out.format = format;
    return out;
}

// A file read but given up: skipped for `reason`, with what was reported on the way.
FileContents given_up(FileContents& read, std::string reason) {
    FileContents none = skipped(read.format, std::move(reason));
    none.diagnostics = std::move(read.diagnostics);
    return none;
}

bool is_blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// "120 MB", "1.5 MB", "4 KB", "900 bytes": one decimal below 10, none above.
std::string human_size(std::uintmax_t bytes) {
    constexpr double kKB = 1024.0;
    const char* unit = "bytes";
    double value = static_cast<double>(bytes);
    if (value >= kKB * kKB) {
        value /= kKB * kKB;
        unit = "MB";
    } else if (value >= kKB) {
        value /= kKB;
        unit = "KB";
    } else {
        return std::to_string(bytes) + " bytes";
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, value < 10 ? "%.1f" : "%.0f", value);
    std::string number = buf;
    if (number.ends_with(".0")) number.resize(number.size() - 2);
    return number + " " + unit;
}

std::string too_large(std::uintmax_t size, std::uintmax_t limit) {
    return "file too large (" + human_size(size) + " > " + human_size(limit) + " limit)";
}

std::string plural(std::size_t n, const char* singular, const char* plural_form) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural_form);
}

std::string cannot_read(int error) {
    return std::string("cannot read: ") + std::generic_category().message(error);
}

}  // namespace

const char* format_name(Format format) {
    switch (format) {
        case Format::SeedText:
            return "text";
        case Format::Html:
            return "html";
        case Format::JsonLines:
            return "jsonl";
        case Format::Feed:
            return "feed";
        case Format::Warc:
            return "warc";
        case Format::Unsupported:
            break;
    }
    return "unsupported";
}

Format detect_format(const std::filesystem::path& path) {
    const std::string ext = text::ascii_lower(path.extension().string());
    // Only .txt/.text: README.md, SOURCE.md and LICENSE files sit beside saved articles in
    // real collections and are not news.
    if (ext == ".txt" || ext == ".text") return Format::SeedText;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml" || ext == ".xht")
        return Format::Html;
    if (ext == ".jsonl" || ext == ".ndjson" || ext == ".jl") return Format::JsonLines;
    if (ext == ".rss" || ext == ".atom") return Format::Feed;
    if (ext == ".warc" || text::ascii_lower(path.filename().string()).ends_with(".warc.gz")) return Format::Warc;
    return Format::Unsupported;
}

bool worth_sniffing(const std::filesystem::path& path) {
    const std::string ext = text::ascii_lower(path.extension().string());
    return ext.empty() || ext == ".php" || ext == ".asp" || ext == ".aspx" || ext == ".jsp" ||
           ext == ".cgi" || ext == ".json" || ext == ".xml";
}

namespace {

std::string_view skip_space(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ||
                          s.front() == '\r' || s.front() == '\f'))
        s.remove_prefix(1);
    return s;
}

bool looks_html(std::string_view s) {
    s = s.substr(0, kDetectBytes);
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    while (true) {
        s = skip_space(s);
        if (s.starts_with("<!--")) {
            const auto close = s.find("-->");
            if (close == std::string_view::npos) return false;
            s.remove_prefix(close + 3);
        } else if (s.starts_with("<?xml")) {
            const auto close = s.find("?>");
            if (close == std::string_view::npos) return false;
            s.remove_prefix(close + 2);
        } else {
            break;
        }
    }
    for (std::string_view p : {"<!doctype html", "<html", "<head", "<body"}) {
        if (!text::ascii_starts_with(s, p)) continue;
        const std::string_view rest = s.substr(p.size());
        // "<html>", "<html lang=…>", "<!DOCTYPE html PUBLIC …>", not "<htmlfoo>".
        if (rest.empty() || rest.front() == '>' || rest.front() == ' ' || rest.front() == '\n' ||
            rest.front() == '\t' || rest.front() == '\r' || rest.front() == '/')
            return true;
    }
    return false;
}

bool has_markup(std::string_view s) {
    s = s.substr(0, kDetectBytes);
    for (std::size_t i = s.find('<'); i != std::string_view::npos && i + 1 < s.size(); i = s.find('<', i + 1)) {
        const char c = s[i + 1];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!') return true;
    }
    return false;
}

// The first (at most five) non-blank lines each hold one JSON object, the first one valid.
bool looks_jsonl(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    std::size_t checked = 0, start = 0;
    while (start < s.size() && checked < 5) {
        std::size_t end = s.find('\n', start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view line = s.substr(start, end - start);
        start = end + 1;
        line = skip_space(line);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
            line.remove_suffix(1);
        if (line.empty()) continue;
        if (line.front() != '{' || line.back() != '}') return false;
        if (checked == 0 && !nlohmann::json::accept(line)) return false;
        ++checked;
    }
    return checked > 0;
}

// <rss, <rdf:RDF of RSS 1.0 or <feed of the Atom namespace, after a byte order mark, white
// space, <?xml …?>, <?xml-stylesheet …?>, comments and a <!DOCTYPE> (RSS 0.91 has one).
bool looks_feed(std::string_view s) {
    s = s.substr(0, kDetectBytes);
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    while (true) {
        s = skip_space(s);
        std::string_view close;
        if (s.starts_with("<!--")) close = "-->";
        else if (s.starts_with("<?")) close = "?>";
        else if (text::ascii_starts_with(s, "<!doctype")) close = ">";
        else break;
        const auto end = s.find(close);
        if (end == std::string_view::npos) return false;
        s.remove_prefix(end + close.size());
    }
    // The start tag, up to its ">": where the namespaces are declared.
    const std::string_view tag = s.substr(0, s.find('>'));
    auto opens = [&](std::string_view name) {  // "<rss>", "<rss version=…>", not "<rssfoo>"
        if (!tag.starts_with(name)) return false;
        if (tag.size() == name.size()) return true;
        const char next = tag[name.size()];
        return next == ' ' || next == '\n' || next == '\t' || next == '\r' || next == '/';
    };
    if (opens("<rss")) return true;
    if (opens("<rdf:RDF")) return tag.find("http://purl.org/rss/1.0/") != std::string_view::npos;
    if (opens("<feed") || opens("<atom:feed"))
        return tag.find("http://www.w3.org/2005/Atom") != std::string_view::npos;
    return false;
}

}  // namespace

Format detect_format(const std::filesystem::path& path, std::string_view head) {
    const Format by_name = detect_format(path);
    if (by_name == Format::Warc) return by_name;  // records, each read on its own
    if (looks_html(head)) return Format::Html;
    if (looks_feed(head)) return Format::Feed;
    switch (by_name) {
        case Format::Feed:
            return Format::Feed;
        case Format::Html:
            if (has_markup(head)) return Format::Html;
            return looks_jsonl(head) ? Format::JsonLines : Format::SeedText;
        case Format::JsonLines:
            return Format::JsonLines;
        case Format::SeedText:
        case Format::Unsupported:
            if (looks_jsonl(head)) return Format::JsonLines;
            return by_name;
        case Format::Warc:
            break;
    }
    return by_name;
}

namespace {

void report_sanitizing(const text::SanitizeReport& report, const std::string& where,
                       std::vector<Diagnostic>& diagnostics) {
    if (report.invalid_sequences > 0) {
        diagnostics.push_back(
            {Severity::Warning, where, 0,
             "invalid UTF-8: " + plural(report.invalid_sequences, "sequence", "sequences") +
                 " replaced with U+FFFD"});
    }
    if (report.control_chars > 0) {
        diagnostics.push_back(
            {Severity::Warning, where, 0,
             "removed " + plural(report.control_chars, "control character", "control characters")});
    }
}

// The pages of a web archive as a file's contents: "no page" when it holds none.
FileContents archive_contents(WarcResult warc) {
    FileContents out;
    out.format = Format::Warc;
    out.diagnostics = std::move(warc.diagnostics);
    if (warc.articles.empty()) {
        out.skipped = true;
        out.skip_reason = "no page";
        return out;
    }
    out.articles = std::move(warc.articles);
    return out;
}

}  // namespace

FileContents read_contents(const std::filesystem::path& path, std::string_view bytes,
                           const ReadOptions& options) {
    const Format by_name = detect_format(path);
    if (by_name == Format::Unsupported && !worth_sniffing(path))
        return skipped(by_name, unsupported(path));
    if (is_blank(bytes)) return skipped(by_name, "empty file");
    if (by_name == Format::Warc) {
        FileContents out = archive_contents(read_warc(bytes, path.string(), options.max_file_bytes));
        if (!out.skipped) out.content_hash = schema::hash_hex(bytes);
        return out;
    }
    if (bytes.size() > options.max_file_bytes)
        return skipped(by_name, too_large(bytes.size(), options.max_file_bytes));

    // UTF-16 (a page saved by an old Windows browser) is full of NUL bytes: convert it before
    // looking for binary content.
    std::string converted;
    std::string_view data = bytes;
    const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
    if (utf16) {
        converted = to_utf8(bytes, bytes.starts_with("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE");
        data = converted;
    }
    if (text::looks_binary(data.substr(0, kSniffBytes))) return skipped(by_name, "binary file");
    const Format format = detect_format(path, data);
    if (format == Format::Unsupported) return skipped(format, unsupported(path));

    FileContents out;
    out.format = format;
    out.content_hash = schema::hash_hex(bytes);
    const std::string where = path.string();

    if (format == Format::JsonLines) {
        JsonlResult r = read_jsonl(data, where);
        out.diagnostics = std::move(r.diagnostics);
        if (r.articles.empty()) {
            return given_up(out, "no valid record");
        }
        out.articles = std::move(r.articles);
        return out;
    }

    std::string utf8;
    if (format == Format::Html || format == Format::Feed) {  // a feed's <?xml encoding> is read the same
        Charset charset = utf16 ? Charset{"UTF-8", CharsetSource::ByteOrderMark, {}} : detect_html_charset(data);
        if (!charset.declared.empty() && charset.source != CharsetSource::Declared) {
            out.diagnostics.push_back({Severity::Warning, where, 0,
                                       "unknown charset '" + charset.declared + "': read as " + charset.name});
        } else if (charset.source == CharsetSource::Declared && charset.name == "UTF-8" &&
                   looks_single_byte(data)) {
            // Saved from a Latin-1 site whose template says UTF-8: every accent would be U+FFFD.
            out.diagnostics.push_back({Severity::Warning, where, 0,
                                       "declared UTF-8 but is not: read as windows-1252"});
            charset.name = "windows-1252";
        } else if (charset.source == CharsetSource::Guessed && charset.name == "windows-1252") {
            out.diagnostics.push_back({Severity::Warning, where, 0,
                                       "no charset declared and not UTF-8: read as windows-1252"});
        }
        utf8 = to_utf8(data, charset.name);
        data = utf8;
    }

    text::SanitizeReport report;
    const std::string text = text::sanitize(data, report);
    report_sanitizing(report, where, out.diagnostics);
    if (is_blank(text)) {
        return given_up(out, "empty file");
    }

    if (format == Format::Feed) {
        FeedResult feed = read_feed(text, where);
        for (auto& d : feed.diagnostics) out.diagnostics.push_back(std::move(d));
        if (feed.articles.empty()) {
            return given_up(out, "no valid item");
        }
        out.articles = std::move(feed.articles);
        return out;
    }

    documents::Article article;
    if (format == Format::Html) {
        HtmlResult html = read_html(text, where);
        for (auto& d : html.diagnostics) out.diagnostics.push_back(std::move(d));
        article = std::move(html.article);
    } else {
        SeedTextResult seed = read_seed_text(text, where);
        for (auto& d : seed.diagnostics) out.diagnostics.push_back(std::move(d));
        article = std::move(seed.article);
    }
    if (article.title.empty() && article.body.empty() && article.comments.empty()) {
        return given_up(out, "no text");
    }
    out.articles.push_back(std::move(article));
    return out;
}

FileContents read_file(const std::filesystem::path& path, const ReadOptions& options) {
    const Format format = detect_format(path);
    if (format == Format::Unsupported && !worth_sniffing(path))
        return skipped(format, unsupported(path));
    // An archive is read a record at a time, never whole (the indexer streams it itself).
    if (format == Format::Warc) return archive_contents(read_warc_file(path, options.max_file_bytes));

    // Check the size before reading, so a huge file costs nothing. A file that vanishes or
    // changes between here and fopen is still handled below.
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > options.max_file_bytes)
        return skipped(format, too_large(size, options.max_file_bytes));

    errno = 0;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                               &std::fclose);
    if (!file) return skipped(format, cannot_read(errno ? errno : ENOENT));
    std::string bytes;
    if (!ec) bytes.reserve(static_cast<std::size_t>(size));
    char buf[64 * 1024];
    while (true) {
        const std::size_t got = std::fread(buf, 1, sizeof buf, file.get());
        bytes.append(buf, got);
        if (got < sizeof buf) break;
        // Growing while being read (a log file): stop at the limit rather than at EOF.
        if (bytes.size() > options.max_file_bytes)
            return skipped(format, too_large(bytes.size(), options.max_file_bytes));
    }
    if (std::ferror(file.get())) return skipped(format, cannot_read(errno ? errno : EIO));
    return read_contents(path, bytes, options);
}

}  // namespace veille::readers
