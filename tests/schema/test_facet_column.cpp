// The facet column (schema/facet_column.hpp) counts exactly what the value slots count, and
// is never used once it no longer describes its database: after a commit it did not see,
// or when the file is not one.
#include <xapian.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_harness.hpp"
#include "facet_search.hpp"
#include "indexing/index_writer.hpp"
#include "schema/facet_column.hpp"
#include "search/searcher.hpp"
#include "shared_corpora.hpp"

namespace fs = std::filesystem;
using namespace veille;

namespace {

const fs::path kCorpora = fs::path(VEILLE_SOURCE_DIR) / "corpora";
const fs::path kThreads = fs::path(VEILLE_TEST_DATA_DIR) / "html" / "threads";

void build(const fs::path& db, const std::vector<fs::path>& inputs) {
    indexing::IndexOptions o;
    o.db = db;
    o.inputs = inputs;
    indexing::IndexObserver quiet;
    indexing::update_index(o, quiet);
}

// Every count a query gives: totals, groups, and every facet (all entities).
std::string counts(const fs::path& db, const std::string& query, bool column) {
    const auto r = test::facet_search(db, query, 3, column);
    std::ostringstream out;
    out << query << ": total " << r.total << " groups " << r.groups.value_or(0) << " |";
    for (const auto& e : r.facets.entities) out << ' ' << e.type << '/' << e.name << '=' << e.count;
    out << " |";
    for (const auto& k : r.facets.kinds) out << ' ' << k.bucket << '=' << k.count;
    for (const auto& d : r.facets.dates) out << ' ' << d.bucket << '=' << d.count;
    out << " undated " << r.facets.undated;
    return out.str();
}

const std::vector<std::string> kQueries{"Mali",
                                        "commentaire",
                                        "type:commentaire",
                                        "entité:Russie",
                                        "le",
                                        "date:2020",
                                        "Russie OU France",
                                        "-le",
                                        "\"forces russes\""};

}  // namespace

BOOST_AUTO_TEST_SUITE(facet_column)

BOOST_AUTO_TEST_CASE(the_column_counts_what_the_value_slots_count) {
    test::ScratchDir tmp;
    const fs::path db = tmp / "idx";
    build(db, {kCorpora, kThreads});
    BOOST_TEST_REQUIRE(fs::exists(db / schema::kFacetColumnFile));
    BOOST_TEST(schema::FacetColumn::open(db, Xapian::Database(db.string())) != nullptr);
    for (const auto& q : kQueries) BOOST_TEST(counts(db, q, true) == counts(db, q, false));
    {  // Each combination of entities lists the entities it is made of, by number; only the
       // entity slot has such lists.
        const auto column = schema::FacetColumn::open(db, Xapian::Database(db.string()));
        const auto entities = column->slot_index(schema::kSlotEntities);
        BOOST_TEST_REQUIRE(entities.has_value());
        BOOST_TEST(column->parts(*entities) > 0u);
        BOOST_TEST(column->parts(*column->slot_index(schema::kSlotDate)) == 0u);
        BOOST_TEST(column->parts_of(*column->slot_index(schema::kSlotDate), 1).empty());
        BOOST_TEST(column->parts_of(*entities, 0).empty());
        BOOST_TEST(column->parts_of(*entities, column->distinct(*entities) + 1).empty());
        for (std::uint32_t n = 1; n <= column->distinct(*entities); ++n) {
            std::vector<std::string> listed;
            for (const auto p : column->parts_of(*entities, n)) listed.emplace_back(column->part(*entities, p).value());
            std::vector<std::string> split;
            for (const auto part : schema::entity_parts(column->value(*entities, n).value())) split.emplace_back(part);
            BOOST_TEST(listed == split);
        }
    }
    // A run that changes nothing leaves it as it is current; one that changes a file
    // writes it again.
    BOOST_TEST(!schema::write_facet_column(db));
    std::ofstream(tmp / "more.txt")
        << "Bamako, le 3 mars 2021\n\nLe Mali et la Russie signent un accord.\n";
    build(db, {kCorpora, kThreads, tmp / "more.txt"});
    BOOST_TEST(schema::FacetColumn::open(db, Xapian::Database(db.string())) != nullptr);
    for (const auto& q : kQueries) BOOST_TEST(counts(db, q, true) == counts(db, q, false));
}

BOOST_AUTO_TEST_CASE(a_stale_or_damaged_column_is_never_used) {
    test::ScratchDir tmp;
    const fs::path db = tmp / "idx";
    build(db, {kCorpora});
    const std::string before = counts(db, "Mali", false);
    // A commit the column did not see (a run killed before writing it): stale, not used,
    // and the counts are the database's.
    {
        Xapian::WritableDatabase w(db.string(), Xapian::DB_OPEN);
        Xapian::Enquire e(w);
        e.set_query(Xapian::Query("mali"));
        w.delete_document(*e.get_mset(0, 1).begin());
        w.commit();
    }
    BOOST_TEST(schema::FacetColumn::open(db, Xapian::Database(db.string())) == nullptr);
    const std::string after = counts(db, "Mali", true);
    BOOST_TEST(after != before);
    BOOST_TEST(after == counts(db, "Mali", false));
    BOOST_TEST(schema::write_facet_column(db));
    BOOST_TEST(counts(db, "Mali", true) == after);

    // Not a column: cut short, or other bytes. Ignored.
    const fs::path file = db / schema::kFacetColumnFile;
    {  // An earlier layout, which the next run replaces
        std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
        f << "veille-facets v2";
    }
    BOOST_TEST(schema::FacetColumn::open(db, Xapian::Database(db.string())) == nullptr);
    BOOST_TEST(counts(db, "Mali", true) == after);
    BOOST_TEST(schema::write_facet_column(db));
    BOOST_TEST(schema::FacetColumn::open(db, Xapian::Database(db.string())) != nullptr);
    const auto size = fs::file_size(file);
    fs::resize_file(file, size / 2);
    BOOST_TEST(schema::FacetColumn::open(db, Xapian::Database(db.string())) == nullptr);
    BOOST_TEST(counts(db, "Mali", true) == after);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << std::string(4096, 'x');
    BOOST_TEST(schema::FacetColumn::open(db, Xapian::Database(db.string())) == nullptr);
    fs::remove(file);
    BOOST_TEST(schema::FacetColumn::open(db, Xapian::Database(db.string())) == nullptr);
    BOOST_TEST(counts(db, "Mali", true) == after);
}

// An index of shards has no column: the value slots count there, as over remote shards.
BOOST_AUTO_TEST_CASE(shards_count_from_the_value_slots) {
    test::ScratchDir tmp;
    indexing::IndexOptions o;
    o.db = tmp / "sharded";
    o.inputs = {kCorpora};
    o.shards = 2;
    indexing::IndexObserver quiet;
    indexing::update_index(o, quiet);
    build(tmp / "one", {kCorpora});
    for (const auto& q : kQueries)
        BOOST_TEST(counts(tmp / "sharded", q, true) == counts(tmp / "one", q, true));
}

BOOST_AUTO_TEST_CASE(fresada_counts_from_the_column_are_the_value_slots_counts,
                     test::needs_shared_corpus("fresada") * boost::unit_test::timeout(600)) {
    test::ScratchDir tmp;
    const fs::path db = tmp / "idx";
    build(db, {test::kSharedCorpora / "fresada" / "data" / "test"});
    std::ifstream in(test::kSharedCorpora.parent_path() / "bench" / "queries.txt");
    std::size_t n = 0;
    for (std::string q; std::getline(in, q);) {
        if (q.empty() || q[0] == '#') continue;
        BOOST_TEST(counts(db, q, true) == counts(db, q, false));
        ++n;
    }
    BOOST_TEST(n >= 20u);
}

BOOST_AUTO_TEST_SUITE_END()
