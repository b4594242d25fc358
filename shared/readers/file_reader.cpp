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

#include "readers/seed_text_reader.hpp"
#include "schema/schema.hpp"
#include "text/utf8.hpp"

namespace veille::readers {

namespace {

using documents::Diagnostic;
using documents::Severity;

// looks_binary() sniffs this much, like grep and git do.
constexpr std::size_t kSniffBytes = 8 * 1024;

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

std::string lower_ascii(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
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
        case Format::Unsupported:
            break;
    }
    return "unsupported";
}

Format detect_format(const std::filesystem::path& path) {
    const std::string ext = lower_ascii(path.extension().string());
    // Only .txt/.text: README.md, SOURCE.md and LICENSE files sit beside saved articles in
    // real collections and are not news.
    if (ext == ".txt" || ext == ".text") return Format::SeedText;
    return Format::Unsupported;
}

FileContents read_contents(const std::filesystem::path& path, std::string_view bytes,
                           const ReadOptions& options) {
    const Format format = detect_format(path);
    if (format == Format::Unsupported)
        return skipped(format, unsupported(path));
    if (is_blank(bytes)) return skipped(format, "empty file");
    if (bytes.size() > options.max_file_bytes)
        return skipped(format, too_large(bytes.size(), options.max_file_bytes));
    if (text::looks_binary(bytes.substr(0, kSniffBytes))) return skipped(format, "binary file");

    FileContents out;
    out.format = format;
    out.content_hash = schema::hash_hex(bytes);
    const std::string where = path.string();
    text::SanitizeReport report;
    const std::string text = text::sanitize(bytes, report);
    if (report.invalid_sequences > 0) {
        out.diagnostics.push_back(
            {Severity::Warning, where, 0,
             "invalid UTF-8: " + plural(report.invalid_sequences, "sequence", "sequences") +
                 " replaced with U+FFFD"});
    }
    if (report.control_chars > 0) {
        out.diagnostics.push_back(
            {Severity::Warning, where, 0,
             "removed " + plural(report.control_chars, "control character", "control characters")});
    }
    if (is_blank(text)) return skipped(format, "empty file");

    SeedTextResult seed = read_seed_text(text, where);
    for (auto& d : seed.diagnostics) out.diagnostics.push_back(std::move(d));
    if (seed.article.title.empty() && seed.article.body.empty() && seed.article.comments.empty()) {
        FileContents none = skipped(format, "no text");
        none.diagnostics = std::move(out.diagnostics);
        return none;
    }
    out.articles.push_back(std::move(seed.article));
    return out;
}

FileContents read_file(const std::filesystem::path& path, const ReadOptions& options) {
    const Format format = detect_format(path);
    if (format == Format::Unsupported)
        return skipped(format, unsupported(path));

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
