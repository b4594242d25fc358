// An index split into shards answers exactly as one database does; the threads that analyse
// files change nothing in what is written; compaction shrinks the index and changes no answer.
// Built with update_index() on our sample corpora/ in temp folders.
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "cli/cli_harness.hpp"
#include "facet_search.hpp"
#include "errors.hpp"
#include "indexing/index_writer.hpp"
#include "schema/index_location.hpp"
#include "schema/schema.hpp"
#include "search/searcher.hpp"

namespace fs = std::filesystem;
using namespace veille;

namespace {

const fs::path kCorpora = fs::path(VEILLE_SOURCE_DIR) / "corpora";

struct Quiet : indexing::IndexObserver {
    std::vector<documents::Diagnostic> diagnostics;
    void on_diagnostic(const documents::Diagnostic& d) override { diagnostics.push_back(d); }
};

indexing::IndexSummary build_index(const fs::path& db, const std::vector<fs::path>& inputs, unsigned shards = 0,
                             unsigned threads = 0, bool compact = false) {
    indexing::IndexOptions o;
    o.db = db;
    o.inputs = inputs;
    o.shards = shards;
    o.threads = threads;
    o.compact = compact;
    Quiet quiet;
    return indexing::update_index(o, quiet);
}

search::SearchResults find_in(const fs::path& db, const std::string& query) { return test::facet_search(db, query); }

// The ranked ids, with documents of equal score in id order: Xapian breaks score ties by
// document number, which differs between one database and several.
std::vector<std::pair<std::string, std::string>> ranking(const search::SearchResults& r) {
    std::vector<std::pair<std::string, std::string>> out;  // (score, id)
    for (const auto& h : r.hits) {
        char score[32];
        std::snprintf(score, sizeof score, "%.6f", h.score);
        out.emplace_back(score, h.id);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? std::stod(a.first) > std::stod(b.first) : a.second < b.second;
    });
    return out;
}

std::map<std::string, std::uint64_t> entity_counts(const search::SearchResults& r) {
    std::map<std::string, std::uint64_t> out;
    for (const auto& e : r.facets.entities) out[e.type + "/" + e.name] = e.count;
    return out;
}

std::map<std::string, std::uint64_t> bucket_counts(const std::vector<search::FacetBucket>& buckets) {
    std::map<std::string, std::uint64_t> out;
    for (const auto& b : buckets) out[b.bucket] = b.count;
    return out;
}

// Every document's id term and stored data, by document number.
std::map<Xapian::docid, std::pair<std::string, std::string>> contents(const fs::path& db) {
    Xapian::Database d(db.string());
    std::map<Xapian::docid, std::pair<std::string, std::string>> out;
    const std::string q(schema::prefix(schema::Term::UniqueId));
    for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
        auto doc = d.get_document(*it);
        auto t = doc.termlist_begin();
        t.skip_to(q);
        out[*it] = {t != doc.termlist_end() ? *t : std::string(), doc.get_data()};
    }
    return out;
}

void copy_corpora(const fs::path& to) { fs::copy(kCorpora, to, fs::copy_options::recursive); }

// What users type, from the README: words, filters, entities, phrases, a broad query.
const std::vector<std::string> kQueries{
    "Mali",          "securite russie", "type:commentaire", "entité:Russie", "\"forces russes\"",
    "Niger OU Tchad", "France",         "date:2024",        "le",            "Afrique -Mali"};

}  // namespace

BOOST_AUTO_TEST_SUITE(shards)

BOOST_AUTO_TEST_CASE(three_shards_answer_as_one_database) {
    veille::test::ScratchDir tmp;
    const auto one = build_index(tmp / "one", {kCorpora});
    const auto three = build_index(tmp / "three", {kCorpora}, 3);
    BOOST_TEST(three.shards == 3u);
    BOOST_TEST(three.files_indexed == one.files_indexed);
    BOOST_TEST(three.index_articles == one.index_articles);
    BOOST_TEST(three.index_comments == one.index_comments);

    // A folder of three databases and the stub that lists them.
    const auto stub = schema::read_stub(tmp / "three" / schema::kStubFileName);
    BOOST_TEST_REQUIRE(stub.size() == 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(stub[i].type == "auto");
        BOOST_TEST(stub[i].argument == "shard-" + std::to_string(i));
        BOOST_TEST(fs::exists(schema::shard_path(tmp / "three", i) / "iamglass"));
    }

    for (const auto& q : kQueries) {
        BOOST_TEST_CONTEXT(q) {
            const auto a = find_in(tmp / "one", q);
            const auto b = find_in(tmp / "three", q);
            BOOST_TEST(a.total == b.total);
            BOOST_TEST(b.total_is_exact == a.total_is_exact);
            BOOST_TEST(ranking(a) == ranking(b));
            BOOST_TEST(entity_counts(a) == entity_counts(b));
            BOOST_TEST(bucket_counts(a.facets.kinds) == bucket_counts(b.facets.kinds));
            BOOST_TEST(bucket_counts(a.facets.dates) == bucket_counts(b.facets.dates));
            BOOST_TEST(a.facets.undated == b.facets.undated);
        }
    }
    // The queries above are not vacuous.
    BOOST_TEST(find_in(tmp / "three", "Mali").total > 3u);
    BOOST_TEST(!find_in(tmp / "three", "entité:Russie").facets.entities.empty());
}

BOOST_AUTO_TEST_CASE(an_article_and_its_comments_share_a_shard) {
    veille::test::ScratchDir tmp;
    build_index(tmp / "idx", {kCorpora}, 3);
    std::map<std::string, std::size_t> shard_of_file;  // file term -> shard
    std::size_t documents = 0, used = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        Xapian::Database shard(schema::shard_path(tmp / "idx", i).string());
        const std::string prefix(schema::prefix(schema::Term::File));
        for (auto t = shard.allterms_begin(prefix); t != shard.allterms_end(prefix); ++t) {
            const auto [it, fresh] = shard_of_file.emplace(*t, i);
            BOOST_TEST(fresh, *t << " in shards " << it->second << " and " << i);
        }
        documents += shard.get_doccount();
        used += shard.get_doccount() > 0;
    }
    BOOST_TEST(shard_of_file.size() == 6u);  // the six files of corpora/seed
    BOOST_TEST(documents == Xapian::Database((tmp / "idx").string()).get_doccount());
    BOOST_TEST(used >= 2u);  // the hash spreads six files over more than one shard
}

BOOST_AUTO_TEST_CASE(incremental_runs_work_shard_by_shard) {
    veille::test::ScratchDir tmp;
    copy_corpora(tmp / "in");
    const fs::path db = tmp / "idx";
    const auto first = build_index(db, {tmp / "in"}, 3);
    BOOST_TEST(first.files_indexed == 6u);

    // Nothing changed: a stat per file; the shard count is kept without being asked.
    const auto again = build_index(db, {tmp / "in"});
    BOOST_TEST(again.shards == 3u);
    BOOST_TEST(again.files_indexed == 0u);
    BOOST_TEST(again.files_unchanged == 6u);

    // One file changed, one deleted: exactly those are re-indexed and removed.
    {
        std::ofstream(tmp / "in/seed/tchad-depart.txt", std::ios::app) << "\nLe mot zanzibar est ajouté.\n";
    }
    fs::remove(tmp / "in/seed/niger-orano.txt");
    const auto third = build_index(db, {tmp / "in"});
    BOOST_TEST(third.files_indexed == 1u);
    BOOST_TEST(third.files_removed == 1u);
    BOOST_TEST(third.files_unchanged == 4u);
    BOOST_TEST(find_in(db, "zanzibar").total == 1u);
    BOOST_TEST(find_in(db, "Orano").total == 0u);

    // The same folder indexed into one database from scratch holds the same documents.
    const auto fresh = build_index(tmp / "one", {tmp / "in"});
    BOOST_TEST(third.index_articles == fresh.index_articles);
    BOOST_TEST(third.index_comments == fresh.index_comments);
    for (const auto& q : kQueries) {
        const auto a = find_in(db, q), b = find_in(tmp / "one", q);
        BOOST_TEST(a.total == b.total, q);
        BOOST_TEST(a.total_is_exact, q);
    }
}

BOOST_AUTO_TEST_CASE(the_number_of_shards_is_the_index_s_own) {
    veille::test::ScratchDir tmp;
    build_index(tmp / "three", {kCorpora}, 3);
    build_index(tmp / "one", {kCorpora});
    auto says = [](const std::string& part) {
        return [part](const UsageError& e) { return std::string(e.what()).find(part) != std::string::npos; };
    };
    BOOST_CHECK_EXCEPTION(build_index(tmp / "three", {kCorpora}, 2), UsageError, says("has 3 shards, not 2"));
    BOOST_CHECK_EXCEPTION(build_index(tmp / "one", {kCorpora}, 2), UsageError, says("is not sharded"));
    BOOST_TEST(build_index(tmp / "three", {kCorpora}, 3).files_unchanged == 6u);
    // A first run stopped between creating the shards and listing them: the next run lists
    // what is on disk and goes on.
    fs::remove(tmp / "three" / schema::kStubFileName);
    const auto resumed = build_index(tmp / "three", {kCorpora});
    BOOST_TEST(resumed.shards == 3u);
    BOOST_TEST(resumed.files_unchanged == 6u);
    BOOST_TEST(schema::read_stub(tmp / "three" / schema::kStubFileName).size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_stub_listing_a_remote_shard_is_not_written_here) {
    veille::test::ScratchDir tmp;
    build_index(tmp / "one", {kCorpora});
    std::ofstream(tmp / "mixed.stub") << "# two machines\nauto one\nremote 127.0.0.1:1\n";
    BOOST_CHECK_EXCEPTION(build_index(tmp / "mixed.stub", {kCorpora}), IndexError, [](const IndexError& e) {
        return std::string(e.what()).find("remote shard (remote 127.0.0.1:1)") != std::string::npos;
    });
    const auto entries = schema::read_stub(tmp / "mixed.stub");
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    BOOST_TEST(entries[0].path == tmp / "one");
    BOOST_TEST(entries[1].remote());
    BOOST_TEST(entries[1].argument == "127.0.0.1:1");
    std::ofstream(tmp / "bad.stub") << "auto one\nnonsense\n";
    BOOST_CHECK_EXCEPTION(schema::read_stub(tmp / "bad.stub"), IndexError, [](const IndexError& e) {
        return std::string(e.what()).find("bad.stub:2:") != std::string::npos;
    });
}

// Killed while Xapian was creating the database: table files without the revision file
// (iamglass) that names them, which Xapian refuses to open. Nothing was committed there.
BOOST_AUTO_TEST_CASE(a_creation_killed_half_way_is_started_again) {
    veille::test::ScratchDir tmp;
    const fs::path db = tmp / "idx";
    { Xapian::WritableDatabase created(db.string(), Xapian::DB_CREATE_OR_OPEN); }
    fs::remove(db / "iamglass");
    const auto s = build_index(db, {kCorpora});
    BOOST_TEST(s.files_indexed == 6u);
    BOOST_TEST(find_in(db, "Mali").total > 0u);
    // A folder holding something else than Xapian's tables is not ours to clean.
    const fs::path other = tmp / "other";
    fs::create_directories(other);
    std::ofstream(other / "notes.txt") << "mes notes\n";
    std::ofstream(other / "postlist.glass") << "x";
    BOOST_CHECK_THROW(build_index(other, {kCorpora}), IndexError);
    BOOST_TEST(fs::exists(other / "notes.txt"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(parallel_indexing)

// The analysing threads hand their documents to the writer in file order: the index is the
// same document for document, whatever their number.
BOOST_AUTO_TEST_CASE(threads_change_nothing_in_the_index) {
    veille::test::ScratchDir tmp;
    build_index(tmp / "t1", {kCorpora}, 0, 1);
    build_index(tmp / "t4", {kCorpora}, 0, 4);
    const auto a = contents(tmp / "t1");
    const auto b = contents(tmp / "t4");
    BOOST_TEST(a.size() > 20u);
    BOOST_TEST((a == b));
}

BOOST_AUTO_TEST_CASE(compaction_shrinks_the_index_and_changes_no_answer) {
    veille::test::ScratchDir tmp;
    copy_corpora(tmp / "in");
    const fs::path db = tmp / "idx";
    build_index(db, {tmp / "in"});
    std::map<std::string, search::SearchResults> before;
    for (const auto& q : kQueries) before[q] = find_in(db, q);
    // Compaction alone (no folder), then an update of a compacted index.
    const auto compacted = build_index(db, {}, 0, 0, true);
    BOOST_TEST(compacted.bytes_before_compact > 0u);
    BOOST_TEST(compacted.bytes_after_compact < compacted.bytes_before_compact);
    BOOST_TEST(compacted.files_removed == 0u);
    for (const auto& q : kQueries) {
        const auto after = find_in(db, q);
        BOOST_TEST(after.total == before[q].total, q);
        BOOST_TEST(ranking(after) == ranking(before[q]), q);
        BOOST_TEST(entity_counts(after) == entity_counts(before[q]), q);
    }
    BOOST_TEST(build_index(db, {tmp / "in"}).files_unchanged == 6u);
    // A sharded index compacts shard by shard.
    build_index(tmp / "three", {tmp / "in"}, 3);
    const auto three = build_index(tmp / "three", {tmp / "in"}, 0, 0, true);
    BOOST_TEST(three.bytes_after_compact < three.bytes_before_compact);
    BOOST_TEST(find_in(tmp / "three", "Mali").total == before["Mali"].total);
}

BOOST_AUTO_TEST_SUITE_END()
