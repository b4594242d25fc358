// Counts on real collections, for every query of ../shared/bench/queries.txt: on FreSaDa
// (which holds reprints: one text in several papers) and on a press archive made of two copies
// of part of it. The total is the number of matching documents, the same as the facets' and
// --count's; the reprints grouped are a second figure; an estimate stays within its bounds,
// and what a reader is shown of it is within 10 % of the exact count or a range holding it.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "cli/cli_harness.hpp"
#include "output/result_counts.hpp"
#include "search/searcher.hpp"
#include "shared_corpora.hpp"

namespace fs = std::filesystem;
using veille::output::ShownCount;
using veille::search::SearchOptions;
using veille::search::SearchResults;
using veille::search::Searcher;

namespace {

const fs::path kFresada = veille::test::kSharedCorpora / "fresada" / "data";

std::vector<std::string> bench_queries() {
    std::ifstream in(veille::test::kSharedCorpora / ".." / "bench" / "queries.txt");
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') queries.push_back(line);
    BOOST_TEST_REQUIRE(queries.size() >= 50u, "../shared/bench/queries.txt has too few queries");
    return queries;
}

fs::path build_index(const veille::test::ScratchDir& dir, const std::string& name, const std::vector<fs::path>& folders) {
    const fs::path db = dir / name;
    std::vector<std::string> argv{VEILLE_INDEX_BIN, "-q", "--db", db.string()};
    for (const auto& f : folders) argv.push_back(f.string());
    const auto r = veille::test::run(argv, dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    return db;
}

// Two copies of FreSaDa's first `files` texts, in two folders: every article has a reprint.
std::vector<fs::path> two_copies(const veille::test::ScratchDir& dir, std::size_t files) {
    std::vector<fs::path> texts;
    for (const auto& e : fs::recursive_directory_iterator(kFresada / "train"))
        if (e.is_regular_file() && e.path().extension() == ".txt") texts.push_back(e.path());
    std::sort(texts.begin(), texts.end());
    texts.resize(std::min(texts.size(), files));
    std::vector<fs::path> folders{dir / "journal-a", dir / "journal-b"};
    for (const auto& folder : folders) {
        fs::create_directories(folder);
        for (const auto& t : texts) fs::copy_file(t, folder / t.filename());
    }
    return folders;
}

SearchOptions options(const std::string& query) {
    SearchOptions o;
    o.query = query;
    o.limit = 10;
    o.snippet_bytes = 0;
    o.spelling = false;  // the counts of the query as typed
    return o;
}

// Every query's counts, each way a user can ask for them.
void check_counts(const fs::path& db, bool expect_reprints) {
    Searcher searcher(db);
    std::size_t estimated = 0, grouped = 0;
    for (const auto& query : bench_queries()) {
        BOOST_TEST_CONTEXT(db.filename().string() << ": " << query) {
            // --count: Xapian looks at every match.
            SearchOptions count = options(query);
            count.limit = 0;
            count.collapse = false;
            count.exact_up_to = std::numeric_limits<std::uint32_t>::max();
            const SearchResults counted = searcher.search(count);
            BOOST_TEST_REQUIRE(counted.total_is_exact);
            const std::uint64_t exact = counted.total;

            // With facets: the same number, which the facets add up to.
            SearchOptions with_facets = options(query);
            with_facets.facets = true;
            const SearchResults faceted = searcher.search(with_facets);
            BOOST_TEST(faceted.total_is_exact);
            BOOST_TEST(faceted.total == exact);
            std::uint64_t kinds = 0;
            for (const auto& k : faceted.facets.kinds) kinds += k.count;
            BOOST_TEST(kinds == exact);
            BOOST_TEST_REQUIRE(faceted.groups.has_value());
            BOOST_TEST(*faceted.groups <= exact);
            grouped += *faceted.groups < exact;

            // A plain page: exact below the limit, then an estimate within its bounds.
            for (std::uint32_t up_to : {10000u, 100u}) {
                for (bool collapse : {true, false}) {
                    BOOST_TEST_CONTEXT("exact up to " << up_to << ", reprints grouped " << collapse) {
                        SearchOptions page = options(query);
                        page.exact_up_to = up_to;
                        page.collapse = collapse;
                        const SearchResults r = searcher.search(page);
                        if (exact < up_to) {
                            BOOST_TEST(r.total_is_exact);
                            BOOST_TEST(r.total == exact);
                            if (collapse) BOOST_TEST((r.groups == faceted.groups));
                            continue;
                        }
                        BOOST_TEST(r.total_min <= exact);
                        BOOST_TEST(r.total_max >= exact);
                        if (r.total_is_exact) {
                            BOOST_TEST(r.total == exact);
                            continue;
                        }
                        ++estimated;
                        const ShownCount shown = veille::output::shown_count(r.total, r.total_min, r.total_max);
                        switch (shown.form) {
                            case ShownCount::Form::Exact: BOOST_TEST(shown.value == exact); break;
                            case ShownCount::Form::About:
                                BOOST_TEST(shown.value * 10 >= exact * 9);
                                BOOST_TEST(shown.value * 10 <= exact * 11);
                                break;
                            case ShownCount::Form::Between:
                                BOOST_TEST(shown.low <= exact);
                                BOOST_TEST(shown.high >= exact);
                                break;
                            case ShownCount::Form::UpTo: BOOST_TEST(shown.high >= exact); break;
                        }
                    }
                }
            }
        }
    }
    BOOST_TEST(estimated > 50u, "the estimates were exercised");
    if (expect_reprints) BOOST_TEST(grouped > 50u, "queries whose matches hold reprints");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(counts)

BOOST_AUTO_TEST_CASE(fresada_counts_are_exact_or_honest_estimates,
                     veille::test::needs_shared_corpus("fresada") * boost::unit_test::timeout(600)) {
    veille::test::ScratchDir dir;
    check_counts(build_index(dir, "fresada", {kFresada}), true);
}

BOOST_AUTO_TEST_CASE(a_press_archive_with_reprints_counts_documents_then_groups,
                     veille::test::needs_shared_corpus("fresada") * boost::unit_test::timeout(600)) {
    veille::test::ScratchDir dir;
    check_counts(build_index(dir, "reprints", two_copies(dir, 3000)), true);
}

BOOST_AUTO_TEST_SUITE_END()
