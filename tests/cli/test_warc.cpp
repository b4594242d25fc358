// Web archives end to end: wget crawls a few of our test pages from python3's http.server on
// 127.0.0.1 with --warc-file, and the real veille-index reads the .warc.gz it writes: pages
// with their comments, the URL from WARC-Target-URI, an archive that grows (only its new
// records read, the old documents kept), one rewritten (read again, nothing twice), damaged
// and truncated archives (reported by record and offset, the rest indexed), and the size
// limit applied per record. Skipped, with a message, when wget or python3 is missing.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <set>
#include <thread>

#include "cli/cli_harness.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using veille::test::RunResult;
using veille::test::ScratchDir;

namespace {

const std::string kIndex = VEILLE_INDEX_BIN;
const std::string kQuery = VEILLE_QUERY_BIN;
const fs::path kPages = fs::path(VEILLE_TEST_DATA_DIR) / "html";

std::string find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        const auto end = std::min(dirs.find(':', start), dirs.size());
        const fs::path p = fs::path(dirs.substr(start, end - start)) / name;
        if (!p.parent_path().empty() && ::access(p.c_str(), X_OK) == 0) return p.string();
        start = end + 1;
    }
    return {};
}

struct CrawlToolsInstalled {
    boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
        boost::test_tools::assertion_result r(!find_program("wget").empty() && !find_program("python3").empty());
        r.message() << "wget or python3 is not installed: web archives are not tested end to end";
        return r;
    }
};

// python3 -m http.server on a port of its choosing, serving `root`; stopped at the end.
class WebServer {
public:
    WebServer(const fs::path& root, const fs::path& log) {
        const std::string python = find_program("python3");
        std::vector<std::string> argv{python, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                                      "--directory", root.string()};
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        std::vector<char*> args;
        for (auto& a : argv) args.push_back(a.data());
        args.push_back(nullptr);
        if (posix_spawn(&pid_, python.c_str(), &actions, nullptr, args.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
        // "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..."
        const std::regex serving(R"(port (\d+))");
        for (int i = 0; pid_ > 0 && i < 200 && port_ == 0; ++i) {
            std::smatch m;
            const std::string said = veille::test::slurp(log);
            if (std::regex_search(said, m, serving)) port_ = std::stoi(m[1]);
            else std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    ~WebServer() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;

    std::string url(const std::string& page) const { return "http://127.0.0.1:" + std::to_string(port_) + "/" + page; }
    int port() const { return port_; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

// A revue de presse without canonical URL (its URL is where it was crawled from), linking to
// saved pages; one site, two start pages, so that two crawls find different pages.
std::string start_page(const std::string& title, const std::vector<std::string>& links) {
    std::string out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
                      "</title></head><body><article><h1>" + title +
                      "</h1><p>La revue de presse du jour rassemble les articles les plus lus de la semaine, "
                      "sur la sécurité au Sahel, la politique française et l'agriculture.</p><ul>";
    for (const auto& l : links) out += "<li><a href=\"" + l + "\">" + l + "</a></li>";
    return out + "</ul></article></body></html>";
}

struct Site {
    ScratchDir dir;
    fs::path root = dir / "site";
    std::unique_ptr<WebServer> server;
    fs::path db = dir / "index";

    Site() {
        fs::create_directories(root);
        for (const char* page : {"wordpress-thread.html", "liberation-1.html", "regards.fr.enquetes.html",
                                 "lopinion.fr.glyphosate.html"})
            fs::copy_file(kPages / page, root / page);
        dir.write("site/revue-1.html", start_page("Revue de presse du lundi", {"wordpress-thread.html", "liberation-1.html"}));
        dir.write("site/revue-2.html",
                  start_page("Revue de presse du mardi", {"regards.fr.enquetes.html", "lopinion.fr.glyphosate.html"}));
        server = std::make_unique<WebServer>(root, dir / "server.log");
        BOOST_TEST_REQUIRE(server->port() > 0, "python3 -m http.server did not start: " << veille::test::slurp(dir / "server.log"));
    }

    // wget -r -l1 from a start page, into <name>.warc.gz; returns its path.
    fs::path crawl(const std::string& start, const std::string& name) {
        const RunResult r = veille::test::run({find_program("wget"), "-q", "--no-proxy", "-r", "-l1", "-P",
                                               (dir / ("downloads-" + name)).string(),
                                               "--warc-file=" + (dir / name).string(), server->url(start)},
                                              dir.path());
        BOOST_TEST_REQUIRE(r.exit_code == 0, "wget failed: " << r.err);
        const fs::path archive = dir / (name + ".warc.gz");
        BOOST_TEST_REQUIRE(fs::exists(archive));
        return archive;
    }

    RunResult index(const std::vector<std::string>& args) {
        std::vector<std::string> argv{kIndex, "--db", db.string()};
        argv.insert(argv.end(), args.begin(), args.end());
        return veille::test::run(argv, dir.path());
    }
    json query(std::vector<std::string> args, const fs::path& index = {}) {
        std::vector<std::string> argv{kQuery, "--db", (index.empty() ? db : index).string(), "--json", "--limit", "100"};
        argv.insert(argv.end(), args.begin(), args.end());
        const RunResult r = veille::test::run(argv, dir.path());
        BOOST_TEST_REQUIRE(r.exit_code == 0, "veille-query failed: " << r.err);
        return json::parse(r.out);
    }
    std::set<std::string> ids(const std::string& kind) {
        std::set<std::string> out;
        const json results = query({"--type", kind});  // kept alive: the loop reads into it
        for (const auto& h : results["hits"]) out.insert(h["id"].get<std::string>());
        return out;
    }
};

// "5 articles and 21 comments written", "the index holds 5 articles and 21 comments".
std::pair<int, int> counts(const std::string& out, const std::string& what) {
    std::smatch m;
    const std::regex re(what == "written" ? R"((\d+) articles and (\d+) comments written)"
                                          : R"(the index holds (\d+) articles and (\d+) comments)");
    BOOST_REQUIRE_MESSAGE(std::regex_search(out, m, re), out);
    return {std::stoi(m[1]), std::stoi(m[2])};
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(web_archives, *boost::unit_test::precondition(CrawlToolsInstalled()))

BOOST_AUTO_TEST_CASE(pages_of_a_wget_archive_are_indexed_with_their_comments, *boost::unit_test::timeout(60)) {
    Site site;
    const fs::path archive = site.crawl("revue-1.html", "lundi");
    RunResult r = site.index({archive.string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(contains(r.out, "1 files: 1 indexed"), r.out);
    BOOST_TEST(contains(r.out, "by format: 1 warc"), r.out);
    // Requests, wget's metadata and log, robots.txt (404 here) are not pages.
    BOOST_TEST(std::regex_search(r.out, std::regex(R"(archive records skipped: \d+ \(.*\d+ request)")), r.out);
    BOOST_TEST(contains(r.out, "1 HTTP 404"), r.out);

    // The same pages, saved as files, give the same articles and comments.
    ScratchDir other;
    for (const char* page : {"revue-1.html", "wordpress-thread.html", "liberation-1.html"})
        fs::copy_file(site.root / page, other / page);
    const RunResult files = veille::test::run({kIndex, "--db", (other / "index").string(), other.path().string()},
                                              other.path());
    BOOST_TEST_REQUIRE(files.exit_code == 0, files.err);
    BOOST_TEST((counts(r.out, "written") == counts(files.out, "written")), r.out << files.out);
    BOOST_TEST(counts(r.out, "written").second > 0);  // the WordPress thread

    // A page without a URL of its own has the one it was crawled from; its path is the archive.
    const json res = site.query({"revue", "lundi"});
    BOOST_REQUIRE(!res["hits"].empty());
    BOOST_TEST(res["hits"][0]["url"].get<std::string>() == site.server->url("revue-1.html"));
    BOOST_TEST(res["hits"][0]["path"].get<std::string>() == archive.string());
    // A page with its canonical URL keeps it.
    const json mali = site.query({"Russie", "Mali", "--type", "article"});
    BOOST_REQUIRE(!mali["hits"].empty());
    BOOST_TEST(mali["hits"][0]["url"].get<std::string>() == "https://journal-du-sahel.example/2025/11/06/securite-au-mali/");
}

BOOST_AUTO_TEST_CASE(an_archive_that_grew_is_read_from_its_new_records_only, *boost::unit_test::timeout(60)) {
    Site site;
    const fs::path monday = site.crawl("revue-1.html", "lundi");
    const fs::path tuesday = site.crawl("revue-2.html", "mardi");
    const fs::path archive = site.dir / "veille.warc.gz";
    fs::copy_file(monday, archive);

    RunResult r = site.index({archive.string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    const auto first = counts(r.out, "written");
    const auto articles = site.ids("article");
    const auto comments = site.ids("comment");
    BOOST_TEST(articles.size() == 3u);

    // Tuesday's crawl appended, as a crawler does (a series of gzip members is one archive).
    {
        std::ofstream out(archive, std::ios::binary | std::ios::app);
        out << veille::test::slurp(tuesday);
    }
    r = site.index({archive.string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(contains(r.out, "1 indexed"), r.out);
    const auto added = counts(r.out, "written");
    BOOST_TEST(added.first == 3, r.out);  // Tuesday's three pages only
    BOOST_TEST((counts(r.out, "holds") == std::make_pair(6, first.second + added.second)), r.out);
    const auto grown = site.ids("article");
    BOOST_TEST(grown.size() == 6u);
    for (const auto& id : articles) BOOST_TEST(grown.count(id) == 1u, id << " kept");
    const auto all_comments = site.ids("comment");
    for (const auto& id : comments) BOOST_TEST(all_comments.count(id) == 1u, id << " kept");

    // Nothing new: nothing read.
    r = site.index({archive.string()});
    BOOST_TEST(contains(r.out, "1 unchanged"), r.out);
    BOOST_TEST((counts(r.out, "written") == std::make_pair(0, 0)), r.out);

    // Rewritten (Tuesday first): read again from the start, every page once.
    {
        std::ofstream out(archive, std::ios::binary | std::ios::trunc);
        out << veille::test::slurp(tuesday) << veille::test::slurp(monday);
    }
    r = site.index({archive.string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST((counts(r.out, "written") == std::make_pair(6, first.second + added.second)), r.out);
    BOOST_TEST((counts(r.out, "holds") == std::make_pair(6, first.second + added.second)), r.out);
    BOOST_TEST((site.ids("article") == grown));  // ids come from the records, not their place

    // Gone: its documents go with it.
    fs::remove(archive);
    r = site.index({archive.string()});
    BOOST_TEST(contains(r.out, "1 removed"), r.out);
    BOOST_TEST((counts(r.out, "holds") == std::make_pair(0, 0)), r.out);
}

BOOST_AUTO_TEST_CASE(a_damaged_archive_is_reported_by_record_and_offset_and_the_rest_indexed,
                     *boost::unit_test::timeout(60)) {
    Site site;
    const fs::path monday = site.crawl("revue-1.html", "lundi");
    const std::string bytes = veille::test::slurp(monday);
    RunResult clean = site.index({monday.string()});
    BOOST_TEST_REQUIRE(clean.exit_code == 0, clean.err);
    const int pages = counts(clean.out, "written").first;

    // Bytes flipped in the middle of the archive: one record lost at most.
    std::string flipped = bytes;
    for (std::size_t i = flipped.size() / 2; i < flipped.size() / 2 + 16; ++i) flipped[i] ^= 0x55;
    // Cut short two thirds in (a crawler killed while writing).
    const std::string truncated = bytes.substr(0, bytes.size() * 2 / 3);
    for (const auto& [name, damaged] : {std::pair{"flipped.warc.gz", flipped}, std::pair{"truncated.warc.gz", truncated}}) {
        BOOST_TEST_CONTEXT(name) {
            ScratchDir dir;
            dir.write(name, damaged);
            const RunResult r = veille::test::run({kIndex, "--db", (dir / "index").string(), (dir / name).string()},
                                                  dir.path());
            BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
            const std::regex reported(std::string(name) + R"(: record \d+ at offset \d+: )" +
                                      (name == std::string("flipped.warc.gz") ? "corrupt gzip data" : "truncated gzip member"));
            BOOST_TEST(std::regex_search(r.err, reported), r.err);
            BOOST_TEST(counts(r.out, "written").first >= pages - 2, r.out);
            BOOST_TEST(counts(r.out, "written").first >= 1, r.out);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_size_limit_skips_records_not_the_archive, *boost::unit_test::timeout(60)) {
    Site site;
    const fs::path monday = site.crawl("revue-1.html", "lundi");
    BOOST_TEST_REQUIRE(fs::file_size(monday) > 32u * 1024);
    // 0.03 MB: the archive is bigger, liberation-1.html (140 KB) too, the other pages are not.
    const RunResult r = site.index({"--max-file-size", "0.03", monday.string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(contains(r.out, "1 indexed"), r.out);
    BOOST_TEST(contains(r.out, "1 too large"), r.out);
    BOOST_TEST(counts(r.out, "written").first == 2, r.out);
}

BOOST_AUTO_TEST_CASE(small_commits_and_threads_give_the_same_index, *boost::unit_test::timeout(60)) {
    Site site;
    const fs::path monday = site.crawl("revue-1.html", "lundi");
    const RunResult one = site.index({"--threads", "1", monday.string()});
    BOOST_TEST_REQUIRE(one.exit_code == 0, one.err);
    const auto articles = site.ids("article");
    const auto comments = site.ids("comment");
    fs::remove_all(site.db);
    // A commit every 2 documents: the archive's state goes with each.
    const RunResult many = site.index({"--threads", "4", "--commit-every", "2", monday.string()});
    BOOST_TEST_REQUIRE(many.exit_code == 0, many.err);
    BOOST_TEST((counts(many.out, "holds") == counts(one.out, "holds")), many.out);
    BOOST_TEST((site.ids("article") == articles));
    BOOST_TEST((site.ids("comment") == comments));
}

BOOST_AUTO_TEST_SUITE_END()
