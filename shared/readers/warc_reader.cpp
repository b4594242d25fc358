// A web archive read a record at a time, in three layers: the bytes of the file (pread, or
// memory); a decoder that turns them into one stream (as they are, or gzip members inflated
// one after the other, remembering where in the file each member starts); and the record
// parser on top, which holds at most a record's header, the page it keeps and a read chunk.
// Every step that can meet bad data says so in a diagnostic and moves on to the next record.
#include "readers/warc_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <system_error>

#include "readers/charset.hpp"
#include "readers/html_reader.hpp"
#include "readers/site_url.hpp"
#include "schema/schema.hpp"
#include "text/utf8.hpp"
#include "text/ascii.hpp"

namespace veille::readers {

namespace {

using documents::Diagnostic;
using documents::Severity;

constexpr std::size_t kChunk = 64 * 1024;           // read and inflate this much at a time
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;  // a WARC or HTTP header longer is damage
constexpr std::size_t kSampleBytes = 64 * 1024;     // warc_prefix_hash reads this much twice
constexpr std::size_t kSniffBytes = 8 * 1024;       // as file_reader: looks_binary's sample
constexpr std::size_t kMaxVerifiedMember = 16 << 20;  // see WarcReader::Impl::unverified
constexpr std::string_view kVersion = "WARC/1.";    // WARC/1.0 and WARC/1.1

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// A few bytes of damaged data, shown in a message without controls: "\x1f\x8b garbage".
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s.substr(0, 24)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '"' && c != '\\') {
            out += c;
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", u);
            out += hex;
        }
    }
    return out + (s.size() > 24 ? "…\"" : "\"");
}

// Header fields, names lower-cased: "warc-type" -> "response". Continuation lines (starting
// with a space or a tab) extend the field before them.
using Fields = std::map<std::string, std::string>;

Fields parse_fields(std::string_view lines) {
    Fields out;
    std::string* last = nullptr;
    while (!lines.empty()) {
        auto end = lines.find('\n');
        std::string_view line = lines.substr(0, end);
        lines.remove_prefix(end == std::string_view::npos ? lines.size() : end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        if ((line.front() == ' ' || line.front() == '\t') && last) {
            *last += ' ';
            *last += trim(line);
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        last = &(out[text::ascii_lower(trim(line.substr(0, colon)))] = std::string(trim(line.substr(colon + 1))));
    }
    return out;
}

std::string field(const Fields& fields, const std::string& name) {
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
}

std::optional<std::uint64_t> parse_length(std::string_view s) {
    s = trim(s);
    if (s.empty() || s.size() > 18) return std::nullopt;
    std::uint64_t n = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
}

// Where the header that starts `s` ends (just past its blank line), or npos. CRLF as the
// standard says; bare LF as some tools write.
std::size_t header_end(std::string_view s) {
    const auto crlf = s.find("\n\r\n");
    const auto lf = s.find("\n\n");
    if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
    if (lf == std::string_view::npos || (crlf != std::string_view::npos && crlf < lf)) return crlf + 3;
    return lf + 2;
}

// "text/html; charset=utf-8" -> "text/html".
std::string mime_type(std::string_view content_type) {
    return text::ascii_lower(trim(content_type.substr(0, content_type.find(';'))));
}

// The payload of a chunked HTTP body (RFC 9112 §7.1): chunk sizes in hex, then the data. A
// body that does not open with a chunk size is returned as it is (some tools undo the
// encoding and keep the header); a damaged one as far as it reads.
std::string dechunk(std::string_view body, bool& damaged) {
    std::string out;
    std::size_t i = 0;
    bool first = true;
    while (i < body.size()) {
        const auto eol = body.find('\n', i);
        if (eol == std::string_view::npos) break;
        std::string_view line = trim(body.substr(i, eol - i));
        line = line.substr(0, line.find(';'));
        std::uint64_t size = 0;
        bool hex = !line.empty() && line.size() <= 15;
        for (char c : line) {
            const char l = text::ascii_lower(c);
            if (l >= '0' && l <= '9') size = size * 16 + static_cast<std::uint64_t>(l - '0');
            else if (l >= 'a' && l <= 'f') size = size * 16 + static_cast<std::uint64_t>(l - 'a' + 10);
            else hex = false;
        }
        if (!hex) {
            if (first) return std::string(body);
            damaged = true;
            return out;
        }
        first = false;
        i = eol + 1;
        if (size == 0) return out;
        if (size > body.size() - i) {
            damaged = true;
            out.append(body.substr(i));
            return out;
        }
        out.append(body.substr(i, size));
        i += size;
        if (i < body.size() && body[i] == '\r') ++i;
        if (i < body.size() && body[i] == '\n') ++i;
    }
    damaged = !first;  // no last (empty) chunk
    return first ? std::string(body) : out;
}

enum class Inflated { Done, TooLarge, Damaged };

// A gzip or zlib stream (HTTP Content-Encoding gzip or deflate), or raw deflate, into `out`,
// at most `limit` bytes.
Inflated inflate_body(std::string_view in, std::uintmax_t limit, std::string& out) {
    for (int window_bits : {15 + 32, -15}) {  // gzip/zlib by their header, else raw deflate
        out.clear();
        z_stream z{};
        if (inflateInit2(&z, window_bits) != Z_OK) return Inflated::Damaged;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        z.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), UINT32_MAX));
        char buf[kChunk];
        int rc = Z_OK;
        while (rc == Z_OK) {
            z.next_out = reinterpret_cast<Bytef*>(buf);
            z.avail_out = sizeof buf;
            rc = inflate(&z, Z_NO_FLUSH);
            out.append(buf, sizeof buf - z.avail_out);
            if (out.size() > limit) {
                inflateEnd(&z);
                return Inflated::TooLarge;
            }
            if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // cut short: keep what came out
        }
        inflateEnd(&z);
        if (rc == Z_STREAM_END) return Inflated::Done;
        if (!out.empty()) return Inflated::Damaged;
    }
    return Inflated::Damaged;
}

// The raw bytes of an archive: a file read with pread (no position shared, no stdio buffer),
// or memory.
class Source {
public:
    explicit Source(std::string_view memory) : memory_(memory) {}
    explicit Source(int fd) : fd_(fd) {}
    ~Source() {
        if (fd_ >= 0) ::close(fd_);
    }
    Source(const Source&) = delete;
    Source& operator=(const Source&) = delete;

    // Up to `n` bytes at `offset`; 0 at the end or on an error (error() then says which).
    std::size_t read_at(std::uint64_t offset, char* out, std::size_t n) {
        if (fd_ < 0) {
            if (offset >= memory_.size()) return 0;
            const std::size_t got = std::min<std::size_t>(n, memory_.size() - offset);
            std::memcpy(out, memory_.data() + offset, got);
            return got;
        }
        for (;;) {
            const ssize_t got = ::pread(fd_, out, n, static_cast<off_t>(offset));
            if (got >= 0) return static_cast<std::size_t>(got);
            if (errno == EINTR) continue;
            error_ = errno;
            return 0;
        }
    }
    int error() const { return error_; }

private:
    std::string_view memory_;
    int fd_ = -1;
    int error_ = 0;
};

}  // namespace

struct WarcReader::Impl {
    Impl(std::unique_ptr<Source> src, std::string where, WarcPosition start, std::uintmax_t max_bytes)
        : source(std::move(src)), path(std::move(where)), max_record_bytes(max_bytes), raw_offset(start.offset),
          records(start.records), resume(start) {
        // By its first bytes; a .gz whose first member is damaged is gzip all the same.
        char magic[2] = {0, 0};
        gzip = (source->read_at(0, magic, 2) == 2 && magic[0] == '\x1f' && magic[1] == '\x8b') ||
               text::ascii_lower(path).ends_with(".gz");
        if (gzip) {
            z_ready = inflateInit2(&z, 15 + 16) == Z_OK;  // gzip members only
            if (!z_ready) source_end = true;
        } else {
            base = start.offset;  // the stream is the file: its offsets are the file's
        }
    }
    ~Impl() {
        if (z_ready) inflateEnd(&z);
    }

    std::unique_ptr<Source> source;
    std::string path;
    std::uintmax_t max_record_bytes;
    bool gzip = false;
    bool unreadable = false;

    // ---- the decoder: file bytes -> one stream held in `buf` from `pos` ----------------
    z_stream z{};
    bool z_ready = false;
    std::vector<char> in = std::vector<char>(kChunk);  // file bytes not inflated yet (z.next_in)
    std::uint64_t in_start = 0;    // file offset of in[0]
    std::uint64_t raw_offset = 0;  // next file byte to read
    bool source_end = false;
    bool in_member = false;             // inside a gzip member not finished yet
    // A member is checked (its CRC) before the parser sees any of it, so that a damaged one is
    // reported as such rather than as the garbage it inflates to: its bytes wait here, up to
    // kMaxVerifiedMember (a bigger member is let through as it comes).
    bool verifying = false;
    std::string unverified;
    std::uint64_t member_file_start = 0;
    struct Boundary {
        std::uint64_t logical;  // stream offset where a gzip member starts (or ended)
        std::uint64_t file;     // its offset in the file
    };
    std::deque<Boundary> member_starts;
    std::optional<Boundary> last_member_end;
    std::string buf;
    std::size_t pos = 0;
    std::uint64_t base = 0;  // stream offset of buf[0]
    // The stream was cut (a corrupt gzip member skipped): the data after this stream offset
    // comes from further on in the file. The parser must acknowledge it (take_break).
    std::optional<std::uint64_t> break_at;
    std::string break_reason;
    std::uint64_t break_member = 0;  // file offset of the member that broke

    // ---- the parser ---------------------------------------------------------------------
    std::size_t records = 0;  // records begun, counting those before the start position
    std::uint64_t last_record_offset = UINT64_MAX;  // file offset of the last record begun
    WarcPosition resume;
    bool quiet = false;  // a problem was reported: say nothing more until a good record
    std::size_t last_reported = 0;  // the number of the last record reported
    std::map<std::string, std::size_t> skipped;
    std::vector<Diagnostic> diagnostics;

    std::uint64_t stream_pos() const { return base + pos; }
    std::size_t readable() const {
        const std::size_t end = break_at ? static_cast<std::size_t>(*break_at - base) : buf.size();
        return end > pos ? end - pos : 0;
    }
    std::string_view view() const { return std::string_view(buf).substr(pos, readable()); }
    void consume(std::size_t n) { pos += n; }
    // The stream stops at a break (not at the end of the archive): what is before it can still
    // be read, then take_break() goes on after it.
    bool broken() const { return break_at.has_value(); }

    // Drops what the parser is done with; keeps the byte before `pos` (a line start test).
    void compact() {
        if (pos <= kChunk) return;
        const std::size_t drop = pos - 1;
        buf.erase(0, drop);
        base += drop;
        pos -= drop;
    }

    // More stream bytes; false when none came (the end of the archive, or a break).
    bool fill() {
        if (break_at) return false;
        compact();
        const std::size_t before = readable();
        if (gzip) fill_gzip();
        else fill_plain();
        return readable() > before;
    }

    void fill_plain() {
        if (source_end) return;
        char chunk[kChunk];
        const std::size_t got = source->read_at(raw_offset, chunk, sizeof chunk);
        if (got == 0) {
            source_end = true;
            report_read_error();
            return;
        }
        raw_offset += got;
        buf.append(chunk, got);
    }

    void fill_gzip() {
        char out[kChunk];
        for (;;) {
            if (z.avail_in == 0) {
                if (source_end) return;
                const std::size_t got = source->read_at(raw_offset, in.data(), in.size());
                if (got == 0) {
                    source_end = true;
                    report_read_error();
                    if (in_member) {
                        in_member = false;
                        unverified.clear();
                        cut("truncated gzip member: the archive ends inside it");
                    }
                    return;
                }
                in_start = raw_offset;
                raw_offset += got;
                z.next_in = reinterpret_cast<Bytef*>(in.data());
                z.avail_in = static_cast<uInt>(got);
            }
            const std::uint64_t file_at = in_start + static_cast<std::uint64_t>(reinterpret_cast<char*>(z.next_in) - in.data());
            if (!in_member) {
                in_member = true;
                verifying = true;
                member_file_start = file_at;
                member_starts.push_back({base + buf.size(), file_at});
            }
            z.next_out = reinterpret_cast<Bytef*>(out);
            z.avail_out = sizeof out;
            const int rc = inflate(&z, Z_NO_FLUSH);
            const std::size_t produced = sizeof out - z.avail_out;
            if (verifying) {
                unverified.append(out, produced);
                if (unverified.size() > kMaxVerifiedMember) {  // too big to hold: let it through
                    buf += unverified;
                    unverified.clear();
                    verifying = false;
                }
            } else {
                buf.append(out, produced);
            }
            if (rc == Z_STREAM_END) {
                in_member = false;
                inflateReset(&z);
                const bool any = produced > 0 || !unverified.empty();
                buf += unverified;
                unverified.clear();
                const std::uint64_t end = in_start + static_cast<std::uint64_t>(reinterpret_cast<char*>(z.next_in) - in.data());
                last_member_end = Boundary{base + buf.size(), end};
                if (any) return;
                continue;
            }
            if (rc == Z_OK || rc == Z_BUF_ERROR) {
                if (produced && !verifying) return;
                continue;
            }
            in_member = false;
            unverified.clear();
            cut(std::string("corrupt gzip data (") + (z.msg ? z.msg : "inflate error") + ")");
            inflateReset(&z);
            skip_to_next_member(member_file_start + 1);
            return;
        }
    }

    void cut(std::string reason) {
        break_member = member_file_start;
        break_at = base + buf.size();
        break_reason = std::move(reason);
    }

    // After a corrupt member: the next gzip header (1f 8b 08) in the file, from `from` on.
    void skip_to_next_member(std::uint64_t from) {
        z.avail_in = 0;
        char chunk[kChunk];
        std::uint64_t at = from;
        for (;;) {
            const std::size_t got = source->read_at(at, chunk, sizeof chunk);
            if (got < 3) break;
            const std::string_view s(chunk, got);
            for (std::size_t i = s.find('\x1f'); i != std::string_view::npos && i + 2 < got; i = s.find('\x1f', i + 1)) {
                if (s[i + 1] == '\x8b' && s[i + 2] == '\x08') {
                    raw_offset = at + i;
                    break_reason += "; read on from the next gzip member at offset " + std::to_string(raw_offset);
                    return;
                }
            }
            at += got - 2;  // a header split between two chunks is found in the next one
        }
        source_end = true;
        break_reason += "; no gzip member after it";
    }

    void report_read_error() {
        if (source->error() == 0 || unreadable) return;
        diagnostics.push_back({Severity::Error, path, 0,
                               "cannot read: " + std::generic_category().message(source->error())});
        unreadable = true;
    }

    // The break is behind us: read on from the data after it.
    void take_break() {
        pos = static_cast<std::size_t>(*break_at - base);
        break_at.reset();
    }

    // Where the record that starts at this stream offset is in the file: the offset itself,
    // or (gzip) the start of the member that holds it.
    std::uint64_t file_offset(std::uint64_t logical) const {
        if (!gzip) return logical;
        for (auto it = member_starts.rbegin(); it != member_starts.rend(); ++it)
            if (it->logical <= logical) return it->file;
        return resume.offset;
    }

    // Between two records: the position after the last complete one, when the file has one
    // here (always for .warc; for .warc.gz, at a member boundary).
    // Only forward: a member lost at the very end (truncated) leaves the position before it,
    // with the records before it.
    void note_record_boundary() {
        const std::uint64_t here = stream_pos();
        auto move_to = [&](std::uint64_t offset) {
            if (offset > resume.offset) resume = {offset, records};
        };
        if (!gzip) return move_to(here);
        while (member_starts.size() > 1 && member_starts[1].logical <= here) member_starts.pop_front();
        for (auto it = member_starts.rbegin(); it != member_starts.rend(); ++it) {
            if (it->logical == here) return move_to(it->file);
            if (it->logical < here) break;
        }
        if (!in_member && last_member_end && last_member_end->logical == here) move_to(last_member_end->file);
    }

    void report(std::size_t record, std::uint64_t offset, const std::string& what) {
        if (record == last_reported) return;  // one message per record
        last_reported = record;
        ++skipped["corrupt"];
        if (quiet) return;
        quiet = true;
        diagnostics.push_back({Severity::Warning, path, 0,
                               "record " + std::to_string(record) + " at offset " + std::to_string(offset) + ": " + what});
    }

    // Skips CR and LF: the end of a record ("\r\n\r\n") and stray blank lines.
    void skip_blank_lines() {
        for (;;) {
            const std::string_view v = view();
            std::size_t n = 0;
            while (n < v.size() && (v[n] == '\r' || v[n] == '\n')) ++n;
            consume(n);
            if (n < v.size() || !fill()) return;
        }
    }

    // After damage at `pos`: the next "WARC/1." at the start of a line (or just after a break),
    // the bytes before it dropped. False at the end of the archive.
    bool resync() {
        bool skip_first = true;
        for (;;) {
            const std::string_view v = view();
            for (std::size_t i = v.find(kVersion, skip_first ? 1 : 0); i != std::string_view::npos;
                 i = v.find(kVersion, i + 1)) {
                if (pos + i == 0 || buf[pos + i - 1] == '\n' || buf[pos + i - 1] == '\r') {
                    consume(i);
                    return true;
                }
            }
            // Keep a tail that could be the start of a header cut by the chunk's end.
            if (v.size() > kVersion.size()) consume(v.size() - kVersion.size());
            skip_first = false;
            if (fill()) continue;
            if (!broken()) return false;
            take_break();
            // A fresh gzip member: expected to start with a record.
            if (view().starts_with(kVersion) || (fill(), view().starts_with(kVersion))) return true;
        }
    }

    // Makes `n` bytes readable; false when the stream ends or breaks first.
    bool ensure(std::size_t n) {
        while (readable() < n)
            if (!fill()) return false;
        return true;
    }

    // Drops `n` bytes of a block without keeping them; returns how many there were (fewer
    // when the archive ends or breaks first).
    std::uint64_t skip_bytes(std::uint64_t n) {
        std::uint64_t done = 0;
        while (done < n) {
            if (readable() == 0 && !fill()) break;
            const std::size_t step = static_cast<std::size_t>(std::min<std::uint64_t>(n - done, readable()));
            consume(step);
            done += step;
        }
        return done;
    }

    // Reads the header that starts at `pos` (at most kMaxHeaderBytes, within `limit`):
    // its length, or nothing, with `problem` saying why and `cut` true when the archive ended
    // (or broke) inside it.
    std::optional<std::size_t> read_header(std::uint64_t limit, std::string& problem, bool& cut) {
        const std::size_t max = static_cast<std::size_t>(std::min<std::uint64_t>(limit, kMaxHeaderBytes));
        for (;;) {
            const std::string_view v = view().substr(0, max);
            const std::size_t end = header_end(v);
            if (end != std::string_view::npos) return end;
            if (v.size() >= max) {
                problem = limit <= kMaxHeaderBytes ? "its header has no end" : "no end to its header in 64 KiB";
                return std::nullopt;
            }
            if (!fill()) {
                problem = broken() ? break_reason : "truncated: the archive ends inside its header";
                cut = true;
                return std::nullopt;
            }
        }
    }

    // A record's block of `length` bytes was cut short after `read` of them.
    void report_cut_block(std::size_t record, std::uint64_t offset, std::uint64_t length, std::uint64_t read) {
        report(record, offset,
               (broken() ? break_reason + ": " : std::string("truncated: ")) + "its block of " +
                   std::to_string(length) + " bytes ends after " + std::to_string(read));
    }

    void skip_record(const std::string& kind) { ++skipped[kind]; }

    std::optional<WarcPage> next_page() {
        for (;;) {
            skip_blank_lines();
            note_record_boundary();
            if (readable() == 0 && !fill()) {
                if (!broken()) return std::nullopt;
                // The member that broke held the record just read (its checksum is checked at
                // its end), or a record of its own, lost.
                const bool lost = break_member != last_record_offset;
                report(lost ? ++records : records, break_member, break_reason);
                take_break();
                continue;
            }
            const std::uint64_t start = stream_pos();
            const std::size_t number = ++records;
            const std::uint64_t offset = file_offset(start);
            last_record_offset = offset;

            // The WARC header.
            std::string problem;
            bool cut = false;
            const auto header_length = read_header(UINT64_MAX, problem, cut);
            const std::string_view header = view().substr(0, header_length.value_or(0));
            if (header_length && !header.starts_with(kVersion))
                problem = "expected a WARC/1.x header, found " + quoted(header.substr(0, header.find('\n')));
            std::optional<std::uint64_t> length;
            Fields fields;
            if (problem.empty()) {
                fields = parse_fields(header.substr(header.find('\n') + 1));
                length = parse_length(field(fields, "content-length"));
                if (!length) problem = "no valid Content-Length in its WARC header";
            }
            if (!problem.empty()) {
                report(number, offset, problem);
                if (cut && broken()) take_break();
                else if (cut || !resync()) return std::nullopt;
                continue;
            }
            consume(*header_length);

            auto page = read_block(number, offset, fields, *length);
            if (page.kept) {
                quiet = false;
                return std::move(page.page);
            }
            if (!page.complete) {
                if (broken()) {
                    take_break();
                    continue;
                }
                return std::nullopt;  // the archive ends inside the block
            }
            quiet = false;
        }
    }

    struct Block {
        bool complete = true;  // read to its end (false: reported, archive ended or broke)
        bool kept = false;
        std::optional<WarcPage> page;
    };

    Block read_block(std::size_t number, std::uint64_t offset, const Fields& fields, std::uint64_t length) {
        Block out;
        // Drops the block (from its start); counts the record under `kind` unless it was
        // reported as damaged ("").
        auto skip_all = [&](const std::string& kind) {
            const std::uint64_t skipped_bytes = skip_bytes(length);
            if (skipped_bytes < length) {
                report_cut_block(number, offset, length, skipped_bytes);
                out.complete = false;
            } else if (!kind.empty()) {
                skip_record(kind);
            }
            return out;
        };
        const std::string type = text::ascii_lower(field(fields, "warc-type"));
        if (type != "response") return skip_all(type.empty() ? "no WARC-Type" : type);
        const std::string block_type = mime_type(field(fields, "content-type"));
        if (block_type != "application/http" && !(block_type.empty() && ensure(5) && view().starts_with("HTTP/")))
            return skip_all(block_type.empty() ? "response without HTTP" : block_type);

        // The HTTP status line and header.
        std::string problem;
        bool cut = false;
        const auto http_length = read_header(length, problem, cut);
        if (!http_length) {
            if (cut) {
                report_cut_block(number, offset, length, readable());
                out.complete = false;
                return out;
            }
            report(number, offset, "no HTTP header in its block: " + problem);
            return skip_all("");
        }
        const std::string_view http = view().substr(0, *http_length);
        const std::string_view status_line = trim(http.substr(0, http.find('\n')));
        const auto space = status_line.find(' ');
        const std::string_view code = space == std::string_view::npos ? std::string_view() : status_line.substr(space + 1, 3);
        const bool valid_status = status_line.starts_with("HTTP/") && code.size() == 3 &&
                                  std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!valid_status) {
            report(number, offset, "expected an HTTP status line, found " + quoted(status_line));
            return skip_all("");
        }
        const std::string status(code);
        const Fields http_fields = parse_fields(http.substr(http.find('\n') + 1));
        const std::string content_type = field(http_fields, "content-type");
        const std::string mime = mime_type(content_type);
        const std::uint64_t payload_length = length - *http_length;
        if (status != "200") return skip_all("HTTP " + status);
        if (mime != "text/html" && mime != "application/xhtml+xml")
            return skip_all(mime.empty() ? "no content type" : mime);
        if (payload_length > max_record_bytes) return skip_all("too large");
        const std::string encoding = text::ascii_lower(field(http_fields, "content-encoding"));
        if (!encoding.empty() && encoding != "identity" && encoding != "gzip" && encoding != "x-gzip" &&
            encoding != "deflate")
            return skip_all("content-encoding " + encoding);
        const bool chunked = text::ascii_lower(field(http_fields, "transfer-encoding")).find("chunked") != std::string::npos;
        consume(*http_length);

        // The payload, kept.
        WarcPage page;
        page.record = number;
        page.offset = offset;
        page.record_id = field(fields, "warc-record-id");
        page.target_uri = field(fields, "warc-target-uri");
        if (page.target_uri.size() >= 2 && page.target_uri.front() == '<' && page.target_uri.back() == '>')
            page.target_uri = page.target_uri.substr(1, page.target_uri.size() - 2);  // wget 1.x
        page.date = field(fields, "warc-date");
        page.content_type = content_type;
        page.body.reserve(static_cast<std::size_t>(payload_length));
        while (page.body.size() < payload_length) {
            if (readable() == 0 && !fill()) {
                report_cut_block(number, offset, length, *http_length + page.body.size());
                out.complete = false;
                return out;
            }
            const std::size_t step =
                static_cast<std::size_t>(std::min<std::uint64_t>(payload_length - page.body.size(), readable()));
            page.body.append(view().substr(0, step));
            consume(step);
        }
        std::string where = "record " + std::to_string(number) + " at offset " + std::to_string(offset) + ": ";
        if (chunked) {
            bool damaged = false;
            page.body = dechunk(page.body, damaged);
            if (damaged)
                diagnostics.push_back({Severity::Warning, path, 0, where + "damaged chunked encoding: read as far as it goes"});
        }
        if (!encoding.empty() && encoding != "identity") {
            std::string decoded;
            const Inflated result = inflate_body(page.body, max_record_bytes, decoded);
            if (result == Inflated::TooLarge) {
                skip_record("too large");
                return out;
            }
            if (result == Inflated::Damaged) {
                if (decoded.empty()) {
                    report(number, offset, "its " + encoding + " content cannot be decoded");
                    return out;
                }
                diagnostics.push_back({Severity::Warning, path, 0, where + "damaged " + encoding + " content: read as far as it goes"});
            }
            page.body = std::move(decoded);
        }
        out.kept = true;
        out.page = std::move(page);
        return out;
    }
};

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

WarcReader WarcReader::open(const std::filesystem::path& path, WarcPosition start, std::uintmax_t max_record_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    const int error = fd < 0 ? errno : 0;
    WarcReader reader(std::make_unique<Impl>(fd < 0 ? std::make_unique<Source>(std::string_view())
                                                    : std::make_unique<Source>(fd),
                                             path.string(), start, max_record_bytes));
    if (fd < 0) {
        reader.impl_->unreadable = true;
        reader.impl_->source_end = true;
        reader.impl_->diagnostics.push_back(
            {Severity::Error, path.string(), 0, "cannot read: " + std::generic_category().message(error)});
    }
    return reader;
}

WarcReader::WarcReader(std::string_view bytes, std::string path, std::uintmax_t max_record_bytes)
    : impl_(std::make_unique<Impl>(std::make_unique<Source>(bytes), std::move(path), WarcPosition{}, max_record_bytes)) {}

WarcReader::WarcReader(WarcReader&&) noexcept = default;
WarcReader& WarcReader::operator=(WarcReader&&) noexcept = default;
WarcReader::~WarcReader() = default;

std::optional<WarcPage> WarcReader::next_page() { return impl_->next_page(); }
WarcPosition WarcReader::resume_position() const { return impl_->resume; }
bool WarcReader::unreadable() const { return impl_->unreadable; }
const std::map<std::string, std::size_t>& WarcReader::skipped() const { return impl_->skipped; }

std::vector<documents::Diagnostic> WarcReader::take_diagnostics() {
    std::vector<documents::Diagnostic> out;
    out.swap(impl_->diagnostics);
    return out;
}

WarcArticle read_warc_page(const WarcPage& page, std::string_view archive) {
    WarcArticle out;
    const std::string where =
        std::string(archive) + ": record " + std::to_string(page.record) + " at offset " + std::to_string(page.offset);
    std::string_view data = page.body;
    // UTF-16 (a byte order mark) is full of NUL bytes: convert it before looking for binary.
    std::string converted;
    Charset charset = detect_served_charset(data, page.content_type);
    if (charset.source == CharsetSource::ByteOrderMark && charset.name != "UTF-8") {
        converted = to_utf8(data, charset.name);
        data = converted;
        charset = {"UTF-8", CharsetSource::ByteOrderMark, {}};
    }
    if (text::looks_binary(data.substr(0, kSniffBytes))) {
        out.diagnostics.push_back({Severity::Warning, where, 0, "skipped: binary content served as HTML"});
        return out;
    }
    if (!charset.declared.empty() && charset.source != CharsetSource::Declared) {
        out.diagnostics.push_back({Severity::Warning, where, 0,
                                   "unknown charset '" + charset.declared + "': read as " + charset.name});
    } else if (charset.source == CharsetSource::Declared && charset.name == "UTF-8" && looks_single_byte(data)) {
        out.diagnostics.push_back({Severity::Warning, where, 0, "declared UTF-8 but is not: read as windows-1252"});
        charset.name = "windows-1252";
    }
    std::string utf8;
    if (charset.name != "UTF-8") {
        utf8 = to_utf8(data, charset.name);
        data = utf8;
    }
    text::SanitizeReport report;
    const std::string text = text::sanitize(data, report);
    if (report.invalid_sequences > 0)
        out.diagnostics.push_back({Severity::Warning, where, 0,
                                   "invalid UTF-8: " + std::to_string(report.invalid_sequences) +
                                       " replaced with U+FFFD"});

    HtmlResult html = read_html(text, where);
    for (auto& d : html.diagnostics) out.diagnostics.push_back(std::move(d));
    documents::Article& a = html.article;
    if (a.title.empty() && a.body.empty() && a.comments.empty()) {
        out.diagnostics.push_back({Severity::Warning, where, 0, "skipped: no text"});
        return out;
    }
    if (a.meta.url.empty()) a.meta.url = page.target_uri;
    if (a.meta.source.empty()) a.meta.source = host_of(a.meta.url);
    if (a.meta.date.empty()) a.meta.date = page.date;
    a.key = !page.record_id.empty() ? page.record_id : page.target_uri + " " + page.date;
    out.article = std::move(a);
    return out;
}

namespace {

WarcResult read_all(WarcReader& reader, std::string_view path) {
    WarcResult out;
    while (auto page = reader.next_page()) {
        for (auto& d : reader.take_diagnostics()) out.diagnostics.push_back(std::move(d));
        WarcArticle read = read_warc_page(*page, path);
        for (auto& d : read.diagnostics) out.diagnostics.push_back(std::move(d));
        if (read.article) out.articles.push_back(std::move(*read.article));
        else ++out.skipped["no text"];
    }
    for (auto& d : reader.take_diagnostics()) out.diagnostics.push_back(std::move(d));
    for (const auto& [kind, n] : reader.skipped()) out.skipped[kind] += n;
    return out;
}

}  // namespace

WarcResult read_warc(std::string_view bytes, std::string_view path, std::uintmax_t max_record_bytes) {
    WarcReader reader(bytes, std::string(path), max_record_bytes);
    return read_all(reader, path);
}

WarcResult read_warc_file(const std::filesystem::path& path, std::uintmax_t max_record_bytes) {
    WarcReader reader = WarcReader::open(path, {}, max_record_bytes);
    return read_all(reader, path.string());
}

std::string warc_prefix_hash(const std::filesystem::path& path, std::uint64_t length) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    Source file(fd);
    std::string sample = std::to_string(length) + ":";
    auto append = [&](std::uint64_t at, std::size_t n) {
        std::string part(n, '\0');
        std::size_t got = 0;
        while (got < n) {
            const std::size_t step = file.read_at(at + got, part.data() + got, n - got);
            if (step == 0) return false;
            got += step;
        }
        sample += part;
        return true;
    };
    const std::size_t head = static_cast<std::size_t>(std::min<std::uint64_t>(length, kSampleBytes));
    if (!append(0, head)) return {};
    if (length > kSampleBytes) {
        const std::uint64_t tail_start = std::max<std::uint64_t>(kSampleBytes, length - kSampleBytes);
        if (!append(tail_start, static_cast<std::size_t>(length - tail_start))) return {};
    }
    return schema::hash_hex(sample);
}

}  // namespace veille::readers
