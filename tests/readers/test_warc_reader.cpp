// readers/warc_reader: web archives read record by record. Which records are pages, what a
// page takes from its record, gzip members, damaged and truncated records reported with their
// number and offset (the rest read), and resuming an archive that grew.
#include <unistd.h>
#include <zlib.h>

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "readers/file_reader.hpp"
#include "readers/warc_reader.hpp"

namespace fs = std::filesystem;
using veille::readers::read_warc;
using veille::readers::read_warc_page;
using veille::readers::WarcPage;
using veille::readers::WarcPosition;
using veille::readers::WarcReader;

namespace {

constexpr std::uintmax_t kLimit = 50ull << 20;

using Fields = std::vector<std::pair<std::string, std::string>>;

// One WARC record, as wget writes them (CRLF lines, a blank line, the block, two CRLFs).
std::string record(const std::string& type, const std::string& block, Fields fields = {}) {
    std::string out = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
    for (const auto& [name, value] : fields) out += name + ": " + value + "\r\n";
    out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
    return out;
}

std::string http(const std::string& status, const std::string& content_type, const std::string& body,
                 const std::string& more_headers = "") {
    return "HTTP/1.1 " + status + "\r\nServer: test\r\nContent-Type: " + content_type + "\r\n" + more_headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string response(const std::string& uri, const std::string& block, const std::string& id = "") {
    Fields fields{{"WARC-Target-URI", "<" + uri + ">"}, {"WARC-Date", "2025-11-06T08:30:00Z"},
                  {"Content-Type", "application/http;msgtype=response"}};
    if (!id.empty()) fields.emplace_back("WARC-Record-ID", id);
    return record("response", block, fields);
}

std::string page(const std::string& title, const std::string& text, const std::string& head = "") {
    return "<!DOCTYPE html><html><head>" + head + "<title>" + title + "</title></head><body><article><h1>" + title +
           "</h1><p>" + text + "</p></article></body></html>";
}

const std::string kPage1 = page("Sécurité au Mali", "La France a estimé que la Russie a échoué au Mali, où les "
                                                    "soldats de Wagner ont remplacé ceux de Barkhane.");
const std::string kPage2 = page("Grève à la SNCF", "Les cheminots ont voté la grève reconductible à partir de jeudi, "
                                                   "a annoncé la CGT cheminots dans un communiqué.");
const std::string kPage3 = page("Sécheresse en Bretagne", "Les arrêtés de restriction d'eau se multiplient dans "
                                                          "le Finistère, où les nappes sont au plus bas.");

// A gzip member holding `data`, as .warc.gz writers compress each record.
std::string gzip_member(const std::string& data) {
    z_stream z{};
    BOOST_REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, data.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    BOOST_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string gzip_members(const std::vector<std::string>& records) {
    std::string out;
    for (const auto& r : records) out += gzip_member(r);
    return out;
}

std::vector<WarcPage> all_pages(WarcReader& reader) {
    std::vector<WarcPage> out;
    while (auto p = reader.next_page()) out.push_back(std::move(*p));
    return out;
}

std::vector<std::string> messages(WarcReader& reader) {
    std::vector<std::string> out;
    for (const auto& d : reader.take_diagnostics()) out.push_back(d.to_string());
    return out;
}

// The records of a small crawl, as wget writes it: warcinfo, then a request and a response
// per URL, then its metadata and log.
std::vector<std::string> crawl() {
    return {
        record("warcinfo", "software: Wget/1.21.3 (linux-gnu)\r\nformat: WARC File Format 1.0\r\n",
               {{"Content-Type", "application/warc-fields"}}),
        record("request", "GET /mali.html HTTP/1.1\r\nHost: journal.example\r\n\r\n",
               {{"WARC-Target-URI", "<https://journal.example/mali.html>"}}),
        response("https://journal.example/mali.html", http("200 OK", "text/html; charset=utf-8", kPage1),
                 "<urn:uuid:0001>"),
        response("https://journal.example/absent.html", http("404 Not Found", "text/html", page("Absent", "Rien."))),
        response("https://journal.example/logo.png", http("200 OK", "image/png", "\x89PNG\r\n\x1a\n")),
        response("https://journal.example/sncf.html", http("200 OK", "text/html", kPage2), "<urn:uuid:0002>"),
        record("metadata", "outlinks: https://journal.example/sncf.html\r\n"),
        record("revisit", "HTTP/1.1 200 OK\r\n\r\n", {{"WARC-Target-URI", "<https://journal.example/mali.html>"}}),
        record("resource", "wget log", {{"WARC-Target-URI", "<metadata://gnu.org/software/wget/warc/wget.log>"}}),
    };
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += p;
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(warc_reader)

BOOST_AUTO_TEST_CASE(html_responses_are_pages_and_the_other_records_are_counted) {
    const std::string archive = join(crawl());
    WarcReader reader(archive, "crawl.warc", kLimit);
    const auto pages = all_pages(reader);
    BOOST_REQUIRE_EQUAL(pages.size(), 2u);
    BOOST_TEST(pages[0].record == 3u);
    BOOST_TEST(pages[0].offset == archive.find("WARC/1.0\r\nWARC-Type: response"));
    BOOST_TEST(pages[0].target_uri == "https://journal.example/mali.html");  // wget's <> removed
    BOOST_TEST(pages[0].record_id == "<urn:uuid:0001>");
    BOOST_TEST(pages[0].date == "2025-11-06T08:30:00Z");
    BOOST_TEST(pages[0].content_type == "text/html; charset=utf-8");
    BOOST_TEST(pages[0].body == kPage1);
    BOOST_TEST(pages[1].record == 6u);
    BOOST_TEST(pages[1].body == kPage2);
    const std::map<std::string, std::size_t> expected{{"warcinfo", 1}, {"request", 1}, {"HTTP 404", 1},
                                                      {"image/png", 1}, {"metadata", 1}, {"revisit", 1},
                                                      {"resource", 1}};
    BOOST_TEST(reader.skipped() == expected);
    BOOST_TEST(messages(reader).empty());
    BOOST_TEST(reader.resume_position().offset == archive.size());
    BOOST_TEST(reader.resume_position().records == 9u);
}

BOOST_AUTO_TEST_CASE(a_page_takes_from_its_record_only_what_it_does_not_say) {
    WarcPage p;
    p.record = 3;
    p.offset = 812;
    p.record_id = "<urn:uuid:0001>";
    p.target_uri = "https://www.journal.example/mali.html";
    p.date = "2025-11-06T08:30:00Z";
    p.content_type = "text/html";

    // A page silent about its URL, date and site: the archive's.
    p.body = kPage1;
    auto read = read_warc_page(p, "crawl.warc.gz");
    BOOST_REQUIRE(read.article);
    BOOST_TEST(read.article->title == "Sécurité au Mali");
    BOOST_TEST(read.article->meta.url == "https://www.journal.example/mali.html");
    BOOST_TEST(read.article->meta.source == "journal.example");
    BOOST_TEST(read.article->meta.date == "2025-11-06T08:30:00Z");
    BOOST_TEST(read.article->key == "<urn:uuid:0001>");

    // A page that names them keeps its own.
    p.body = page("Sécurité au Mali", "La France a estimé que la Russie a échoué au Mali.",
                  R"(<link rel="canonical" href="https://journal.example/2025/11/06/mali/">)"
                  R"(<meta property="article:published_time" content="2025-11-05T18:00:00+01:00">)");
    read = read_warc_page(p, "crawl.warc.gz");
    BOOST_REQUIRE(read.article);
    BOOST_TEST(read.article->meta.url == "https://journal.example/2025/11/06/mali/");
    BOOST_TEST(read.article->meta.date == "2025-11-05T18:00:00+01:00");

    // Without a record id, the URI and the date tell the capture.
    p.record_id.clear();
    read = read_warc_page(p, "crawl.warc.gz");
    BOOST_REQUIRE(read.article);
    BOOST_TEST(read.article->key == "https://www.journal.example/mali.html 2025-11-06T08:30:00Z");

    // A page without text is not an article; the diagnostic names the record.
    p.body = "<html><body></body></html>";
    read = read_warc_page(p, "crawl.warc.gz");
    BOOST_TEST(!read.article);
    BOOST_REQUIRE(!read.diagnostics.empty());
    BOOST_TEST(read.diagnostics[0].to_string() == "crawl.warc.gz: record 3 at offset 812: skipped: no text");
}

BOOST_AUTO_TEST_CASE(the_http_charset_comes_before_the_pages_own) {
    // Latin-1 bytes, declared only by the server: "Sécurité" must not become U+FFFD.
    const std::string latin1 = "<html><head><title>S\xE9" "curit\xE9 au Mali</title></head><body><p>La France a "
                               "estim\xE9 que la Russie a \xE9" "chou\xE9.</p></body></html>";
    WarcPage p;
    p.record = 1;
    p.target_uri = "https://journal.example/mali.html";
    p.content_type = "text/html; charset=ISO-8859-1";
    p.body = latin1;
    auto read = read_warc_page(p, "crawl.warc");
    BOOST_REQUIRE(read.article);
    BOOST_TEST(read.article->title == "Sécurité au Mali");
    BOOST_TEST(read.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(chunked_and_gzip_encoded_payloads_are_decoded) {
    // wget keeps a chunked body as it came off the wire.
    const std::string chunked = "20\r\n" + kPage1.substr(0, 32) + "\r\n" + [] {
        char hex[16];
        std::snprintf(hex, sizeof hex, "%zx", kPage1.size() - 32);
        return std::string(hex);
    }() + ";ext=1\r\n" + kPage1.substr(32) + "\r\n0\r\n\r\n";
    std::string gzipped = gzip_member(kPage2);
    const std::string archive =
        response("https://journal.example/mali.html",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked) +
        response("https://journal.example/sncf.html",
                 http("200 OK", "text/html", gzipped, "Content-Encoding: gzip\r\n")) +
        response("https://journal.example/brotli.html",
                 http("200 OK", "text/html", "\x1b\x2c", "Content-Encoding: br\r\n"));
    WarcReader reader(archive, "encoded.warc", kLimit);
    const auto pages = all_pages(reader);
    BOOST_REQUIRE_EQUAL(pages.size(), 2u);
    BOOST_TEST(pages[0].body == kPage1);
    BOOST_TEST(pages[1].body == kPage2);
    BOOST_TEST(reader.skipped().at("content-encoding br") == 1u);
    BOOST_TEST(messages(reader).empty());
}

BOOST_AUTO_TEST_CASE(the_size_limit_applies_to_each_record_not_to_the_archive) {
    const std::string big = page("Très long", std::string(300 * 1024, 'x') + " fin.");
    const std::string archive = response("https://journal.example/long.html", http("200 OK", "text/html", big)) +
                                response("https://journal.example/mali.html", http("200 OK", "text/html", kPage1));
    WarcReader reader(archive, "big.warc", 100 * 1024);
    const auto pages = all_pages(reader);
    BOOST_REQUIRE_EQUAL(pages.size(), 1u);
    BOOST_TEST(pages[0].record == 2u);
    BOOST_TEST(reader.skipped().at("too large") == 1u);

    // Through the front door, an archive larger than --max-file-size is still read.
    veille::readers::ReadOptions options;
    options.max_file_bytes = 100 * 1024;
    BOOST_TEST(archive.size() > options.max_file_bytes);
    const auto contents = veille::readers::read_contents("big.warc", archive, options);
    BOOST_TEST(!contents.skipped);
    BOOST_TEST((contents.format == veille::readers::Format::Warc));
    BOOST_TEST(contents.articles.size() == 1u);
}

BOOST_AUTO_TEST_CASE(web_archives_are_known_by_their_name) {
    using veille::readers::detect_format;
    using veille::readers::Format;
    BOOST_TEST((detect_format("crawl.warc") == Format::Warc));
    BOOST_TEST((detect_format("CRAWL-00001.WARC.GZ") == Format::Warc));
    BOOST_TEST((detect_format("notes.gz") == Format::Unsupported));
    BOOST_TEST(std::string(veille::readers::format_name(Format::Warc)) == "warc");
}

BOOST_AUTO_TEST_CASE(gzip_members_are_read_one_after_the_other) {
    const auto records = crawl();
    const std::string archive = gzip_members(records);
    WarcReader reader(archive, "crawl.warc.gz", kLimit);
    const auto pages = all_pages(reader);
    BOOST_REQUIRE_EQUAL(pages.size(), 2u);
    BOOST_TEST(pages[0].record == 3u);
    BOOST_TEST(pages[0].offset == gzip_members({records[0], records[1]}).size());  // its member
    BOOST_TEST(pages[1].body == kPage2);
    BOOST_TEST(messages(reader).empty());
    BOOST_TEST(reader.resume_position().offset == archive.size());

    // A whole .warc gzipped as one member (gzip crawl.warc) reads the same.
    const std::string gzipped_whole = gzip_member(join(records));  // the reader views it
    WarcReader whole(gzipped_whole, "whole.warc.gz", kLimit);
    BOOST_TEST(all_pages(whole).size() == 2u);
    BOOST_TEST(messages(whole).empty());
}

BOOST_AUTO_TEST_CASE(a_grown_archive_is_read_from_where_the_last_read_stopped) {
    for (const bool gzip : {false, true}) {
        BOOST_TEST_CONTEXT((gzip ? "warc.gz" : "warc")) {
            auto records = crawl();
            const std::string first = gzip ? gzip_members(records) : join(records);
            const std::vector<std::string> later{
                record("request", "GET /secheresse.html HTTP/1.1\r\n\r\n"),
                response("https://journal.example/secheresse.html", http("200 OK", "text/html", kPage3),
                         "<urn:uuid:0003>")};
            const std::string grown = first + (gzip ? gzip_members(later) : join(later));

            char dir_template[] = "/tmp/veille-warc-XXXXXX";
            BOOST_REQUIRE(::mkdtemp(dir_template) != nullptr);
            const fs::path dir = dir_template;
            const fs::path path = dir / (gzip ? "crawl.warc.gz" : "crawl.warc");
            std::ofstream(path, std::ios::binary) << first;

            auto reader = WarcReader::open(path, {}, kLimit);
            BOOST_TEST(all_pages(reader).size() == 2u);
            const WarcPosition stop = reader.resume_position();
            BOOST_TEST(stop.offset == first.size());
            BOOST_TEST(stop.records == 9u);
            const std::string prefix_hash = veille::readers::warc_prefix_hash(path, stop.offset);
            BOOST_TEST(!prefix_hash.empty());

            std::ofstream(path, std::ios::binary) << grown;
            BOOST_TEST(veille::readers::warc_prefix_hash(path, stop.offset) == prefix_hash);
            auto again = WarcReader::open(path, stop, kLimit);
            const auto pages = all_pages(again);
            BOOST_REQUIRE_EQUAL(pages.size(), 1u);
            BOOST_TEST(pages[0].record == 11u);  // numbered as in the whole archive
            BOOST_TEST(pages[0].body == kPage3);
            BOOST_TEST(again.resume_position().offset == grown.size());
            BOOST_TEST(again.skipped().at("request") == 1u);

            // Rewritten rather than grown: the prefix no longer hashes the same.
            std::string rewritten = grown;
            rewritten[10] ^= 0x20;
            std::ofstream(path, std::ios::binary) << rewritten;
            BOOST_TEST(veille::readers::warc_prefix_hash(path, stop.offset) != prefix_hash);
            fs::remove_all(dir);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_corrupt_gzip_member_is_reported_and_the_next_ones_read) {
    auto records = crawl();
    const std::string before = gzip_members({records[0], records[1], records[2]});
    std::string member = gzip_member(records[3]);
    for (std::size_t i = member.size() / 3; i < member.size() / 3 + 12; ++i) member[i] ^= 0x5a;
    const std::string archive =
        before + member + gzip_members({records[4], records[5], records[6], records[7], records[8]});
    WarcReader reader(archive, "crawl.warc.gz", kLimit);
    const auto pages = all_pages(reader);
    BOOST_REQUIRE_EQUAL(pages.size(), 2u);
    BOOST_TEST(pages[1].record == 6u);
    BOOST_TEST(pages[1].body == kPage2);
    const auto diags = messages(reader);
    BOOST_REQUIRE_EQUAL(diags.size(), 1u);
    BOOST_TEST(diags[0].starts_with("crawl.warc.gz: record 4 at offset " + std::to_string(before.size()) +
                                    ": corrupt gzip data"),
               diags[0]);
    BOOST_TEST(contains(diags[0], "read on from the next gzip member at offset " +
                                      std::to_string(before.size() + member.size())),
               diags[0]);
    BOOST_TEST(reader.skipped().at("corrupt") == 1u);
}

BOOST_AUTO_TEST_CASE(any_damaged_byte_of_a_warc_gz_loses_at_most_its_own_record) {
    const auto records = crawl();
    std::vector<std::size_t> member_end;  // where each record's member ends
    std::string archive;
    for (const auto& r : records) {
        archive += gzip_member(r);
        member_end.push_back(archive.size());
    }
    for (std::size_t at = 0; at < archive.size(); ++at) {
        std::string damaged = archive;
        damaged[at] ^= 0x41;
        const std::size_t member = static_cast<std::size_t>(
            std::upper_bound(member_end.begin(), member_end.end(), at) - member_end.begin());
        WarcReader reader(damaged, "damaged.warc.gz", kLimit);
        std::size_t intact = 0;
        for (const auto& p : all_pages(reader)) intact += p.body == kPage1 || p.body == kPage2;
        const std::size_t expected = member == 2 || member == 5 ? 1 : 2;  // records 3 and 6 are pages
        BOOST_TEST_CONTEXT("byte " << at << " of member " << member) {
            BOOST_TEST(intact >= expected);
            const auto m = messages(reader);
            BOOST_TEST(m.size() <= 1u, m.size() << ": " << m.front() << " / " << m.back());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_truncated_archive_is_reported_and_resumed_before_its_last_record) {
    for (const bool gzip : {false, true}) {
        BOOST_TEST_CONTEXT((gzip ? "warc.gz" : "warc")) {
            auto records = crawl();
            records.resize(6);  // ends with the SNCF page
            std::vector<std::string> complete(records.begin(), records.end() - 1);
            const std::string head = gzip ? gzip_members(complete) : join(complete);
            const std::string last = gzip ? gzip_member(records.back()) : records.back();
            const std::string archive = head + last.substr(0, last.size() / 2);  // a crawler still writing
            WarcReader reader(archive, "crawl.warc", kLimit);
            const auto pages = all_pages(reader);
            BOOST_TEST(pages.size() == 1u);
            const auto diags = messages(reader);
            BOOST_REQUIRE_EQUAL(diags.size(), 1u);
            BOOST_TEST(diags[0].starts_with("crawl.warc: record 6 at offset " + std::to_string(head.size()) + ": "),
                       diags[0]);
            BOOST_TEST(contains(diags[0], gzip ? "truncated gzip member" : "truncated: its block of"), diags[0]);
            BOOST_TEST(reader.resume_position().offset == head.size());
            BOOST_TEST(reader.resume_position().records == 5u);
        }
    }
}

BOOST_AUTO_TEST_CASE(damaged_records_are_reported_and_the_next_header_found) {
    auto records = crawl();
    // Garbage where record 2 should be, then a record whose length is not a number.
    const std::string garbage = std::string("\x00\x01 des octets perdus\r\nWARC/ pas un en-tête\r\n", 45);
    const std::string bad_length = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: beaucoup\r\n\r\nxxxx\r\n\r\n";
    const std::string archive = records[0] + garbage + records[2] + bad_length + records[5];
    WarcReader reader(archive, "damaged.warc", kLimit);
    const auto pages = all_pages(reader);
    BOOST_REQUIRE_EQUAL(pages.size(), 2u);
    BOOST_TEST(pages[0].body == kPage1);
    BOOST_TEST(pages[1].body == kPage2);
    BOOST_TEST(pages[1].record == 5u);
    const auto diags = messages(reader);
    BOOST_REQUIRE_EQUAL(diags.size(), 2u);
    BOOST_TEST(diags[0] == "damaged.warc: record 2 at offset " + std::to_string(records[0].size()) +
                               ": expected a WARC/1.x header, found \"\\x00\\x01 des octets perdus\\x0d\"",
               diags[0]);
    const std::size_t bad_at = records[0].size() + garbage.size() + records[2].size();
    BOOST_TEST(diags[1] == "damaged.warc: record 4 at offset " + std::to_string(bad_at) +
                               ": no valid Content-Length in its WARC header",
               diags[1]);
}

BOOST_AUTO_TEST_CASE(an_archive_written_by_wget_gives_its_page_and_thread) {
    const fs::path archive = fs::path(VEILLE_TEST_DATA_DIR) / "warc" / "wordpress-thread.warc";
    const auto result = veille::readers::read_warc_file(archive, kLimit);
    BOOST_REQUIRE_EQUAL(result.articles.size(), 1u);
    const auto& a = result.articles[0];
    BOOST_TEST(a.title == "Sécurité au Mali : pour la France, la Russie a échoué");
    BOOST_TEST(a.comments.size() == 4u);
    BOOST_TEST(a.meta.url == "https://journal-du-sahel.example/2025/11/06/securite-au-mali/");  // its canonical
    BOOST_TEST(a.key.starts_with("<urn:uuid:"));
    const std::map<std::string, std::size_t> expected{{"warcinfo", 1}, {"request", 1}, {"metadata", 1}, {"resource", 2}};
    BOOST_TEST(result.skipped == expected);
    BOOST_TEST(result.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(read_warc_reads_every_page_as_an_article) {
    const auto result = read_warc(gzip_members(crawl()), "crawl.warc.gz", kLimit);
    BOOST_REQUIRE_EQUAL(result.articles.size(), 2u);
    BOOST_TEST(result.articles[0].title == "Sécurité au Mali");
    BOOST_TEST(result.articles[1].title == "Grève à la SNCF");
    BOOST_TEST(result.articles[1].key == "<urn:uuid:0002>");
    BOOST_TEST(result.diagnostics.empty());
}

BOOST_AUTO_TEST_SUITE_END()
