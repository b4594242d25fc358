// End to end: the daily-use flags — counts, CSV, saved searches that report what is new
// (exit 0 when something is new, 1 when nothing), and the HTML report.
#include <boost/test/unit_test.hpp>

#include "cli/cli_harness.hpp"

namespace fs = std::filesystem;
using veille::test::ScratchDir;

BOOST_AUTO_TEST_SUITE(cli_daily)

BOOST_AUTO_TEST_CASE(count_csv_saved_searches_and_report) {
    ScratchDir dir;
    const auto db = (dir / "index").string();
    const std::vector<std::string> env{"XDG_STATE_HOME=" + (dir / "state").string(),
                                       "XDG_CONFIG_HOME=" + (dir / "config").string()};
    const fs::path seed = fs::path(VEILLE_SOURCE_DIR) / "corpora" / "seed";
    fs::create_directories(dir / "in");
    fs::copy_file(seed / "mali-russie.txt", dir / "in" / "mali-russie.txt");
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {VEILLE_QUERY_BIN, "--db", db});
        return veille::test::run(args, dir.path(), env);
    };
    BOOST_TEST_REQUIRE(veille::test::run({VEILLE_INDEX_BIN, "--db", db, (dir / "in").string()}, dir.path(), env).exit_code == 0);

    // --count: the exact number of matches, the same as the JSON total with facets.
    auto count = run({"--count", "Russie"});
    BOOST_TEST(count.exit_code == 0);
    auto facets = nlohmann::json::parse(run({"--json", "--facets-only", "Russie"}).out);
    BOOST_TEST(std::stoul(count.out) == facets["total"].get<unsigned long>());

    // CSV with a header row and one row per hit.
    auto csv = run({"--format", "csv", "--limit", "3", "Russie"});
    BOOST_TEST(csv.out.rfind("rank,kind,title,", 0) == 0u);
    BOOST_TEST(std::count(csv.out.begin(), csv.out.end(), '\n') >= 2);

    // A saved search: the first check lists everything, the second nothing (exit 1)...
    BOOST_TEST(run({"--save", "russie", "Russie"}).exit_code == 0);
    BOOST_TEST(run({"--list-saved"}).out.find("russie") != std::string::npos);
    auto first = run({"--new", "russie", "--json"});
    BOOST_TEST(first.exit_code == 0);
    BOOST_TEST(run({"--new", "russie"}).exit_code == 1);
    // ...until a file that names Russie is indexed: only its documents are new.
    fs::copy_file(seed / "mali-africa-corps.txt", dir / "in" / "mali-africa-corps.txt");
    BOOST_TEST_REQUIRE(veille::test::run({VEILLE_INDEX_BIN, "--db", db, (dir / "in").string()}, dir.path(), env).exit_code == 0);
    auto dry = run({"--new", "russie", "--dry-run", "--json"});
    BOOST_TEST(dry.exit_code == 0);
    auto news = nlohmann::json::parse(dry.out);
    BOOST_TEST_REQUIRE(!news["hits"].empty());
    for (const auto& h : news["hits"])
        BOOST_TEST(h["path"].get<std::string>().find("mali-africa-corps.txt") != std::string::npos);
    BOOST_TEST(run({"--new", "russie"}).exit_code == 0);  // --dry-run did not mark them
    BOOST_TEST(run({"--new", "russie"}).exit_code == 1);
    BOOST_TEST(run({"--new", "inconnue"}).exit_code == 2);  // an error, not "nothing new"

    // The HTML report: one self-contained file.
    const auto report = (dir / "rapport.html").string();
    BOOST_TEST(run({"--report", report, "Russie"}).exit_code == 0);
    const std::string html = veille::test::slurp(report);
    BOOST_TEST(html.find("<!DOCTYPE html>") == 0u);
    BOOST_TEST(html.find("<mark>") != std::string::npos);

    // --version names the libraries that decide what matches.
    auto version = run({"--version"});
    BOOST_TEST(version.out.find("Xapian") != std::string::npos);
    BOOST_TEST(version.out.find("ICU") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
