// A new index built by several writers and merged (indexing/fresh_build.hpp) is the index
// one writer builds, document number for document number; a rebuild replaces the index only
// once complete; a second writer is refused; a swap cut short is put back.
#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_harness.hpp"
#include "errors.hpp"
#include "facet_search.hpp"
#include "indexing/fresh_build.hpp"
#include "schema/facet_column.hpp"
#include "indexing/index_writer.hpp"
#include "schema/schema.hpp"
#include "search/searcher.hpp"
#include "shared_corpora.hpp"

namespace fs = std::filesystem;
using namespace veille;

namespace {

const fs::path kCorpora = fs::path(VEILLE_SOURCE_DIR) / "corpora";
const fs::path kThreads = fs::path(VEILLE_TEST_DATA_DIR) / "html" / "threads";

indexing::IndexSummary build(const fs::path& db, const std::vector<fs::path>& inputs,
                             unsigned writers, bool rebuild = false) {
    indexing::IndexOptions o;
    o.db = db;
    o.inputs = inputs;
    o.build_writers = writers;
    o.rebuild = rebuild;
    indexing::IndexObserver quiet;  // reports nothing
    return indexing::update_index(o, quiet);
}

// Everything Xapian holds, by document number: data, terms with their frequency and
// positions, values; and the user metadata (file records, gazetteers, furniture...).
std::string everything(const fs::path& db) {
    Xapian::Database d(db.string());
    std::ostringstream out;
    out << "documents " << d.get_doccount() << " last " << d.get_lastdocid() << '\n';
    for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
        const Xapian::Document doc = d.get_document(*it);
        out << '#' << *it << ' ' << doc.get_data() << '\n';
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            out << ' ' << *t << ':' << t.get_wdf();
            for (auto p = d.positionlist_begin(*it, *t); p != d.positionlist_end(*it, *t); ++p)
                out << ',' << *p;
        }
        out << '\n';
        for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
            out << " v" << v.get_valueno() << '=' << *v;
        out << '\n';
    }
    for (auto k = d.metadata_keys_begin(); k != d.metadata_keys_end(); ++k)
        out << *k << '=' << d.get_metadata(*k) << '\n';
    return out.str();
}

// What a user sees of a query: the total, the first ten ids in order, every facet count.
std::string answers(const fs::path& db, const std::string& query) {
    const auto r = test::facet_search(db, query);
    std::ostringstream out;
    out << query << ": " << r.total << " |";
    for (const auto& h : r.hits) out << ' ' << h.id;
    out << " |";
    for (const auto& e : r.facets.entities) out << ' ' << e.type << '/' << e.name << '=' << e.count;
    for (const auto& k : r.facets.kinds) out << ' ' << k.bucket << '=' << k.count;
    for (const auto& d : r.facets.dates) out << ' ' << d.bucket << '=' << d.count;
    out << " undated=" << r.facets.undated;
    return out.str();
}

std::vector<std::string> bench_queries() {
    std::vector<std::string> out;
    std::ifstream in(test::kSharedCorpora.parent_path() / "bench" / "queries.txt");
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') out.push_back(line);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fresh_build)

BOOST_AUTO_TEST_CASE(several_writers_build_the_index_one_writer_builds) {
    test::ScratchDir tmp;
    const std::vector<fs::path> inputs{kCorpora, kThreads};
    const auto one = build(tmp / "one", inputs, 1);
    const auto three = build(tmp / "three", inputs, 3);
    BOOST_TEST(one.build_writers == 0u);  // written as it goes
    BOOST_TEST(three.build_writers == 3u);
    BOOST_TEST(three.index_articles == one.index_articles);
    BOOST_TEST(three.index_comments == one.index_comments);
    BOOST_TEST(one.index_comments > 200u);
    const std::string expected = everything(tmp / "one");
    BOOST_TEST(everything(tmp / "three") == expected);
    for (const char* q : {"Mali", "commentaire", "entité:Russie", "type:commentaire", "le"})
        BOOST_TEST(answers(tmp / "three", q) == answers(tmp / "one", q));
    // Nothing is left beside the index.
    BOOST_TEST(!fs::exists(tmp / "three.building"));
    BOOST_TEST(!fs::exists(tmp / "three.old"));
    // The merged index is an ordinary one: the next run updates it with one writer. Having
    // changed nothing, it makes no new revision, and the facet column stays current.
    const auto revision = Xapian::Database((tmp / "three").string()).get_revision();
    const auto column_written = fs::last_write_time(tmp / "three" / schema::kFacetColumnFile);
    const auto again = build(tmp / "three", inputs, 3);
    BOOST_TEST(again.build_writers == 0u);
    BOOST_TEST(again.files_unchanged == one.files_indexed);
    BOOST_TEST(Xapian::Database((tmp / "three").string()).get_revision() == revision);
    BOOST_TEST((fs::last_write_time(tmp / "three" / schema::kFacetColumnFile) == column_written));
}

// Writers take contiguous runs of the files, in path order, of about the same weight.
BOOST_AUTO_TEST_CASE(files_are_shared_in_runs_of_equal_weight) {
    test::ScratchDir tmp;
    indexing::FreshBuild fresh(tmp / "idx", 2);
    auto files_of = [](std::vector<std::uintmax_t> sizes) {
        std::vector<indexing::WalkedFile> out;
        for (std::size_t i = 0; i < sizes.size(); ++i)
            out.push_back({fs::path("/c") / std::to_string(i), sizes[i], 0});
        return out;
    };
    using Parts = std::vector<std::size_t>;
    BOOST_TEST(fresh.assign(files_of({10, 10, 10, 10})) == (Parts{0, 0, 1, 1}),
               boost::test_tools::per_element());
    BOOST_TEST(fresh.assign(files_of({100, 1, 1, 1})) == (Parts{0, 1, 1, 1}),
               boost::test_tools::per_element());
    BOOST_TEST(fresh.assign(files_of({1, 1, 1, 100})) == (Parts{0, 0, 0, 1}),
               boost::test_tools::per_element());
    BOOST_TEST(fresh.assign(files_of({0, 0, 0})) == (Parts{0, 0, 1}),
               boost::test_tools::per_element());
    BOOST_TEST(fresh.assign({}).empty());
    indexing::FreshBuild three(tmp / "other", 3);
    BOOST_TEST(three.assign(files_of({5, 5, 5, 5, 5, 5})) == (Parts{0, 0, 1, 1, 2, 2}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_rebuild_replaces_the_index_once_complete) {
    test::ScratchDir tmp;
    const fs::path db = tmp / "idx";
    build(db, {kCorpora}, 2);
    const auto before = answers(db, "Mali");
    // Rebuilt from the threads alone: what was indexed before and is not in the inputs goes.
    const auto rebuilt = build(db, {kThreads}, 2, /*rebuild=*/true);
    BOOST_TEST(rebuilt.build_writers == 2u);
    BOOST_TEST(rebuilt.files_unchanged == 0u);
    build(tmp / "fresh", {kThreads}, 1);
    BOOST_TEST(everything(db) == everything(tmp / "fresh"));
    BOOST_TEST(answers(db, "Mali") != before);
    BOOST_TEST(!fs::exists(tmp / "idx.old"));
    BOOST_TEST(!fs::exists(tmp / "idx.building"));
    // One writer rebuilds too, still beside the index it replaces.
    const auto single = build(db, {kCorpora}, 1, /*rebuild=*/true);
    BOOST_TEST(single.build_writers == 1u);
    BOOST_TEST(answers(db, "Mali") == before);
}

BOOST_AUTO_TEST_CASE(a_second_writer_is_refused) {
    test::ScratchDir tmp;
    const fs::path db = tmp / "idx";
    {
        indexing::FreshBuild building(db, 2);
        BOOST_CHECK_EXCEPTION(build(db, {kCorpora}, 2), IndexError, [&](const IndexError& e) {
            return std::string(e.what()) ==
                   "index is being written by another process: " + db.string();
        });
    }
    // Building over an index another process updates: refused, that index untouched.
    build(db, {kCorpora}, 2);
    const std::string kept = everything(db);
    {
        Xapian::WritableDatabase updating(db.string(), Xapian::DB_OPEN);
        BOOST_CHECK_THROW(build(db, {kThreads}, 2, /*rebuild=*/true), IndexError);
    }
    BOOST_TEST(everything(db) == kept);
    BOOST_TEST(!fs::exists(tmp / "idx.building"));
}

// Killed between its two renames, a rebuild leaves the previous index at <index>.old and
// no index: the next run puts it back, then goes on.
BOOST_AUTO_TEST_CASE(a_swap_cut_short_is_put_back) {
    test::ScratchDir tmp;
    const fs::path db = tmp / "idx";
    build(db, {kCorpora}, 2);
    const std::string kept = everything(db);
    fs::rename(db, tmp / "idx.old");
    indexing::recover_interrupted_build(db);
    BOOST_TEST(everything(db) == kept);
    BOOST_TEST(!fs::exists(tmp / "idx.old"));
    // Killed after the second rename: the old copy and the staging folder are only removed.
    fs::copy(db, tmp / "idx.old", fs::copy_options::recursive);
    fs::create_directories(tmp / "idx.building" / "part-0");
    std::ofstream(tmp / "idx.building" / "lock") << "";
    const auto s = build(db, {kCorpora}, 2);
    BOOST_TEST(s.files_unchanged == 6u);
    BOOST_TEST(!fs::exists(tmp / "idx.old"));
    BOOST_TEST(!fs::exists(tmp / "idx.building"));
}

// On a real collection: the merged build answers every benchmark query exactly as one
// writer's index does (totals, top ten in order, facets), document for document.
BOOST_AUTO_TEST_CASE(fresada_built_by_two_writers_answers_as_one,
                     test::needs_shared_corpus("fresada") * boost::unit_test::timeout(600)) {
    test::ScratchDir tmp;
    const fs::path corpus = test::kSharedCorpora / "fresada" / "data" / "test";
    build(tmp / "one", {corpus}, 1);
    const auto two = build(tmp / "two", {corpus}, 2);
    BOOST_TEST(two.build_writers == 2u);
    BOOST_TEST(two.index_articles > 2000u);
    BOOST_TEST(everything(tmp / "two") == everything(tmp / "one"));
    const auto queries = bench_queries();
    BOOST_TEST(queries.size() >= 20u);
    for (const auto& q : queries) BOOST_TEST(answers(tmp / "two", q) == answers(tmp / "one", q));
}

BOOST_AUTO_TEST_SUITE_END()
