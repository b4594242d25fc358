// SlotCounter: the values of several slots counted over every match, the same whether it uses
// its own match spy (local databases) or Xapian's (remote shards).
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <algorithm>
#include <map>
#include <string>

#include "search/value_counts.hpp"

using veille::search::SlotCounter;
using veille::search::ValueCounts;

namespace {

constexpr Xapian::valueno kKind = 1, kDay = 0, kEntities = 3;

// Ten documents: "mali" in 1..7, kinds alternating, days for some, entity lists for others.
Xapian::WritableDatabase sample() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const char* days[] = {"20230105", "20230105", "", "20240220", "", "20230105", "20240220", "20250101", "", ""};
    const char* entities[] = {"LOC\x1eMali\x1fORG\x1e" "AES", "LOC\x1eMali", "", "LOC\x1eMali", "PER\x1eGoïta",
                              "LOC\x1eMali", "", "LOC\x1eNiger", "", ""};
    for (int i = 0; i < 10; ++i) {
        Xapian::Document d;
        if (i < 7) d.add_term("mali");
        d.add_term("tout");
        d.add_value(kKind, i % 2 ? "comment" : "article");
        if (*days[i]) d.add_value(kDay, days[i]);
        if (*entities[i]) d.add_value(kEntities, entities[i]);
        db.add_document(d);
    }
    return db;
}

std::map<std::string, Xapian::doccount> as_map(const ValueCounts& c) {
    return {c.values.begin(), c.values.end()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(value_counts)

BOOST_AUTO_TEST_CASE(every_slot_is_counted_over_every_match_and_empty_values_are_left_out) {
    for (bool remote : {false, true}) {
        BOOST_TEST_CONTEXT((remote ? "Xapian's spies" : "our spy")) {
            auto db = sample();
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query("mali"));
            SlotCounter counter({kEntities, kKind, kDay}, remote);
            counter.attach(enquire);
            enquire.get_mset(0, 1, db.get_doccount());

            const auto kinds = counter.counts(kKind);
            BOOST_TEST(kinds.documents == 7u);
            BOOST_TEST((as_map(kinds) == std::map<std::string, Xapian::doccount>{{"article", 4}, {"comment", 3}}));
            const auto days = counter.counts(kDay);
            BOOST_TEST(days.documents == 7u);  // two of them undated
            BOOST_TEST((as_map(days) == std::map<std::string, Xapian::doccount>{{"20230105", 3}, {"20240220", 2}}));
            const auto entities = counter.counts(kEntities);
            BOOST_TEST((as_map(entities) == std::map<std::string, Xapian::doccount>{
                            {"LOC\x1eMali\x1fORG\x1e" "AES", 1}, {"LOC\x1eMali", 3}, {"PER\x1eGoïta", 1}}));
            // Each entity of the combinations, a document counted once for each it names.
            BOOST_TEST((as_map(counter.entity_counts()) == std::map<std::string, Xapian::doccount>{
                            {"LOC\x1eMali", 4}, {"ORG\x1e" "AES", 1}, {"PER\x1eGoïta", 1}}));
            // What grouping needs: documents, those with a value, distinct values.
            const auto tally = counter.tally(kDay);
            BOOST_TEST(tally.documents == 7u);
            BOOST_TEST(tally.with_value == 5u);
            BOOST_TEST(tally.distinct == 2u);
        }
    }
}

BOOST_AUTO_TEST_CASE(no_match_counts_nothing) {
    auto db = sample();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("absent"));
    SlotCounter counter({kKind}, false);
    counter.attach(enquire);
    enquire.get_mset(0, 1, db.get_doccount());
    BOOST_TEST(counter.counts(kKind).documents == 0u);
    BOOST_TEST(counter.counts(kKind).values.empty());
}

BOOST_AUTO_TEST_CASE(asking_for_a_slot_not_counted_is_a_programming_error) {
    SlotCounter counter({kKind}, false);
    BOOST_CHECK_THROW(counter.counts(kDay), std::logic_error);
    // A slot only tallied gives its tally, never its counts.
    auto db = sample();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("mali"));
    SlotCounter tallying({kKind, kDay}, false, nullptr, {kDay});
    tallying.attach(enquire);
    enquire.get_mset(0, 1, db.get_doccount());
    BOOST_CHECK_THROW(tallying.counts(kDay), std::logic_error);
    BOOST_TEST(tallying.tally(kDay).distinct == 2u);
    BOOST_TEST(tallying.counts(kKind).documents == 7u);
}

BOOST_AUTO_TEST_SUITE_END()
