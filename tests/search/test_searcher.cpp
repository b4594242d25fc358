// The Searcher as a specification: partial matches for questions, spelling corrections,
// near-duplicate collapsing, --explain and --like, on a small index built in a temp folder.
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <filesystem>
#include <random>
#include <set>
#include <tuple>

#include "analysis/french_analyzer.hpp"
#include "indexing/document_builder.hpp"
#include "search/searcher.hpp"
#include "errors.hpp"
#include "schema/schema.hpp"
#include "search/spelling.hpp"

namespace fs = std::filesystem;
using namespace veille;

namespace {

const std::string kDispatch =
    "Le gouvernement malien a annoncé mardi la suspension des activités des partis politiques "
    "sur l’ensemble du territoire national jusqu’à nouvel ordre, invoquant des raisons d’ordre "
    "public. La décision a été lue à la télévision nationale par le porte-parole du gouvernement, "
    "qui a précisé que les réunions et les manifestations étaient également interdites. Plusieurs "
    "formations politiques ont dénoncé une atteinte grave aux libertés et appelé la communauté "
    "internationale à réagir. La transition, dirigée par les militaires depuis le coup d’État, "
    "devait initialement s’achever en mars avec l’organisation d’élections présidentielles.";

struct Index {
    fs::path dir = fs::temp_directory_path() / ("veille-searcher-" + std::to_string(std::random_device{}()));
    Index() {
        analysis::FrenchAnalyzer analyzer;
        indexing::DocumentBuilder builder(analyzer);
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        auto add = [&](const std::string& id, const std::string& title, const std::string& body,
                       const std::string& source = "") {
            documents::Article a;
            a.title = title;
            a.body = body;
            a.meta.source = source;
            for (auto& b : builder.build(a, id, "/corpus/" + id + ".txt", id))
                db.replace_document(schema::term(schema::Term::UniqueId, b.id), b.document);
        };
        add("seed", "Sécurité au Mali", "La France estime que la coopération sécuritaire entre le Mali et la Russie a échoué. L’opération Barkhane a quitté le pays.");
        add("barkhane", "Fin de Barkhane", "Les soldats français de l’opération Barkhane ont quitté le Mali en 2022 après neuf ans.");
        add("russie", "Moscou et Bamako", "La Russie renforce sa présence militaire au Mali avec des instructeurs.");
        add("niger", "Niger", "Le Niger a rompu ses accords militaires avec la France.");
        add("depeche-1", "Mali : les partis suspendus", kDispatch, "Journal A");
        add("depeche-2", "Les partis politiques suspendus au Mali", kDispatch, "Journal B");
        add("depeche-3", "Suspension des partis", kDispatch + " Réactions à suivre.");  // no source: its path
        db.commit();
    }
    ~Index() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

const Index& index() {
    static Index i;
    return i;
}

search::SearchResults run(search::SearchOptions o) {
    search::Searcher s(index().dir);
    return s.search(o);
}

search::SearchOptions q(std::string text) {
    search::SearchOptions o;
    o.query = std::move(text);
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(searcher)

BOOST_AUTO_TEST_CASE(a_question_typed_in_full_finds_partial_matches_marked_with_what_they_lack) {
    // The question's own words (pourquoi, a-t-elle) are no content words: France, quitté
    // and Mali are, and two documents have them all (one names France as "français").
    auto strict = run(q("Pourquoi la France a-t-elle quitté le Mali ?"));
    BOOST_TEST(strict.total == 2u);
    BOOST_REQUIRE(!strict.hits.empty());
    BOOST_TEST(strict.hits.front().id == "seed");
    BOOST_TEST(!strict.hits.front().partial);
    auto r = run(q("Quand la France a-t-elle quitté le Mali et Tombouctou ?"));
    BOOST_TEST(r.total == 0u);  // no document has every content word (Tombouctou)
    BOOST_REQUIRE(!r.hits.empty());
    for (const auto& h : r.hits) BOOST_TEST(h.partial);
    BOOST_TEST(r.partial_total == r.hits.size());
    BOOST_TEST(r.hits.front().id == "seed");
    BOOST_TEST(r.hits.front().missing == (std::vector<std::string>{"Tombouctou"}), boost::test_tools::per_element());
    // Strict matches come first, partial ones after.
    auto mixed = run(q("Barkhane quitté Mali"));
    BOOST_REQUIRE(mixed.hits.size() >= 2u);
    BOOST_TEST(!mixed.hits[0].partial);
    BOOST_TEST(mixed.total == 2u);
    // ...and are counted: "2 résultats avec tous les mots, puis N résultats partiels".
    BOOST_TEST(mixed.partial_total == mixed.hits.size() - 2);
    BOOST_TEST(mixed.partial_is_exact);
    // A quoted name stays required, but the words around it need not be there at all: a
    // question about "opération Barkhane" still finds it when no document has its words.
    auto quoted = run(q("Pourquoi Tombouctou \"opération Barkhane\" ?"));
    BOOST_TEST(quoted.total == 0u);
    BOOST_REQUIRE(quoted.hits.size() == 2u);
    for (const auto& h : quoted.hits) {
        BOOST_TEST(h.partial);
        BOOST_TEST(h.missing == (std::vector<std::string>{"Tombouctou"}), boost::test_tools::per_element());
    }
    // Explicit AND, quotes and -word keep their strict meaning.
    BOOST_TEST(run(q("Barkhane ET Niger")).hits.empty());
    for (const auto& h : run(q("Mali France -Barkhane")).hits) BOOST_TEST(h.id != "barkhane");
}

BOOST_AUTO_TEST_CASE(misspelt_words_are_corrected_from_the_index_vocabulary) {
    struct Case {
        const char* typed;
        const char* suggestion;
    };
    for (auto [typed, suggestion] : std::vector<Case>{{"barkane", "barkhane"}, {"mallien", "malien"},
                                                       {"Rusie", "russie"}, {"cooperation", ""}}) {
        BOOST_TEST_CONTEXT(typed) {
            auto r = run(q(typed));
            BOOST_TEST(r.suggestion == std::string(suggestion));
            if (*suggestion) {
                BOOST_TEST(r.corrected);
                BOOST_TEST(!r.hits.empty());
            }
        }
    }
    // Several words: searched corrected when the correction matches them all...
    auto r = run(q("barkane soldats"));
    BOOST_TEST(r.suggestion == "barkhane soldats");
    BOOST_TEST(r.corrected);
    BOOST_TEST(r.total == 1u);
    // ...else only suggested, with the partial matches of the words as typed...
    r = run(q("barkane Niger"));
    BOOST_TEST(r.suggestion == "barkhane Niger");
    BOOST_TEST(!r.corrected);
    // ...unless what was typed finds nothing at all, not even a partial hit: then the
    // correction's partial hits are better than an empty page.
    r = run(q("barkane Tombouctou"));
    BOOST_TEST(r.suggestion == "barkhane Tombouctou");
    BOOST_TEST(r.corrected);
    BOOST_TEST(r.total == 0u);
    BOOST_REQUIRE(!r.hits.empty());
    BOOST_TEST(r.hits.front().partial);
    BOOST_TEST(r.hits.front().missing == (std::vector<std::string>{"Tombouctou"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(in_a_sentence_a_word_written_as_a_name_weighs_more_than_common_words) {
    // "instructeurs" and "soldats" are each in one document; in a query typed as a sentence,
    // the partial hit that comes first follows the word written with a capital.
    auto first_hit = [](const std::string& query) {
        auto r = run(q(query));
        BOOST_REQUIRE(r.hits.size() >= 2u);
        BOOST_TEST(r.hits[0].partial);
        return r.hits[0].id;
    };
    BOOST_TEST(first_hit("les soldats et les Instructeurs") == "russie");
    BOOST_TEST(first_hit("les instructeurs et les Soldats") == "barkhane");
    // A list of keywords (no stopword): every word was chosen, capitals change nothing.
    BOOST_TEST(first_hit("soldats Instructeurs") == first_hit("instructeurs Soldats"));
    BOOST_TEST(first_hit("soldats Instructeurs") == first_hit("soldats instructeurs"));
}

BOOST_AUTO_TEST_CASE(words_the_index_holds_are_suggested_never_replaced) {
    // "positionne" and "PSA" are each in one document, not the same; "position" is in 25 and
    // "pas" in many. The typed question keeps its partial hits: a rare word of the index is
    // no typo, and a stopword is never a correction.
    const fs::path dir = fs::temp_directory_path() / ("veille-spelling-" + std::to_string(std::random_device{}()));
    {
        analysis::FrenchAnalyzer analyzer;
        indexing::DocumentBuilder builder(analyzer);
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        auto add = [&](const std::string& id, const std::string& body) {
            documents::Article a;
            a.title = id;
            a.body = body;
            for (auto& b : builder.build(a, id, "/corpus/" + id + ".txt", id))
                db.replace_document(schema::term(schema::Term::UniqueId, b.id), b.document);
        };
        add("psa", "Le groupe PSA mise sur les voitures électriques.");
        add("renault", "Renault se positionne sur le marché.");
        for (int i = 0; i < 25; ++i)
            add("p" + std::to_string(i), "La position de l'équipe n'a pas changé au classement " + std::to_string(i) + ".");
        db.commit();
    }
    search::SearchOptions o;
    o.query = "Comment se positionne PSA ?";
    const auto r = search::Searcher(dir).search(o);
    fs::remove_all(dir);
    BOOST_TEST(!r.corrected);
    BOOST_TEST(r.suggestion.find("pas") == std::string::npos, r.suggestion);
    BOOST_TEST(r.total == 0u);
    BOOST_REQUIRE(r.hits.size() == 2u);
    std::set<std::string> ids;
    for (const auto& h : r.hits) {
        BOOST_TEST(h.partial);
        ids.insert(h.id);
    }
    BOOST_TEST((ids == std::set<std::string>{"psa", "renault"}));
}

BOOST_AUTO_TEST_CASE(edit_distance_counts_code_points_and_transpositions) {
    BOOST_TEST(search::edit_distance("barkane", "barkhane", 2) == 1u);
    BOOST_TEST(search::edit_distance("malein", "malien", 2) == 1u);  // transposition
    BOOST_TEST(search::edit_distance("securite", "sécurité", 2) == 2u);  // é is one code point
    BOOST_TEST(search::edit_distance("mali", "russie", 2) == 3u);    // limit + 1
}

BOOST_AUTO_TEST_CASE(reprints_of_one_dispatch_collapse_into_one_hit) {
    auto r = run(q("suspension partis politiques"));
    std::size_t shown = 0;
    for (const auto& h : r.hits)
        if (h.id.rfind("depeche", 0) == 0) {
            ++shown;
            BOOST_TEST(h.duplicates == 2u);
            // The other two, each by its source, else its path.
            std::set<std::string> names(h.duplicate_sources.begin(), h.duplicate_sources.end());
            names.insert(h.source.empty() ? h.path : h.source);
            BOOST_TEST(h.duplicate_sources.size() == 2u);
            BOOST_TEST((names == std::set<std::string>{"Journal A", "Journal B", "/corpus/depeche-3.txt"}));
        }
    BOOST_TEST(shown == 1u);
    auto all = q("suspension partis politiques");
    all.collapse = false;
    shown = 0;
    for (const auto& h : run(all).hits) shown += h.id.rfind("depeche", 0) == 0;
    BOOST_TEST(shown == 3u);
}

// Every collapsed hit of a page lists a few of its reprints: the first six a search of its
// group alone ranks (equal weights: in the order they were indexed) but the one shown, five
// at most, each under the hit it belongs to.
BOOST_AUTO_TEST_CASE(each_collapsed_hit_lists_its_own_reprints) {
    const fs::path dir = fs::temp_directory_path() / ("veille-reprints-" + std::to_string(std::random_device{}()));
    {
        analysis::FrenchAnalyzer analyzer;
        indexing::DocumentBuilder builder(analyzer);
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        const std::string other =
            "Le gouvernement nigérien a fermé la frontière avec le Bénin jusqu’à nouvel ordre, invoquant la "
            "sécurité des convois. Les transporteurs dénoncent des pertes considérables et demandent une "
            "réouverture rapide, tandis que les deux capitales échangent des accusations.";
        for (int k = 1; k <= 7; ++k) {  // interleaved: A1 B1 A2 B2 …
            for (const auto& [group, text, title] :
                 {std::tuple{std::string("Journal A"), kDispatch, std::string("Les partis suspendus")},
                  std::tuple{std::string("Gazette B"), other, std::string("La frontière fermée")}}) {
                documents::Article a;
                a.title = title;
                a.body = text;
                a.meta.source = group + std::to_string(k);
                const std::string id = group.substr(group.size() - 1) + std::to_string(k);
                for (auto& b : builder.build(a, id, "/corpus/" + id + ".txt", id))
                    db.replace_document(schema::term(schema::Term::UniqueId, b.id), b.document);
            }
        }
        db.commit();
    }
    search::SearchOptions o;
    o.query = "gouvernement";
    const auto r = search::Searcher(dir).search(o);
    fs::remove_all(dir);
    BOOST_TEST_REQUIRE(r.hits.size() == 2u);
    for (const auto& h : r.hits) {
        BOOST_TEST_CONTEXT(h.source) {
            const std::string group = h.source.substr(0, h.source.size() - 1);
            BOOST_TEST(h.duplicates == 6u);
            BOOST_TEST(h.source == group + "1");
            BOOST_TEST((h.duplicate_sources == std::vector<std::string>{group + "2", group + "3", group + "4",
                                                                         group + "5", group + "6"}));
        }
    }
}

// The total counts documents, reprints included, as the facets and --count do; the reprints
// grouped are a second figure, `groups`, exactly the hits a user can page through: two fewer
// than the documents when three reprints make one hit. Xapian only estimates a collapsed
// count; we count it.
BOOST_AUTO_TEST_CASE(totals_count_documents_and_groups_count_hits) {
    for (bool facets : {false, true}) {
        BOOST_TEST_CONTEXT("facets " << facets) {
            auto collapsed = q("suspension partis politiques");
            collapsed.facets = facets;
            collapsed.limit = 1000;
            auto all = collapsed;
            all.collapse = false;
            const auto a = run(collapsed), b = run(all);
            BOOST_TEST(a.total_is_exact);
            BOOST_TEST(b.total_is_exact);
            BOOST_TEST(a.total == b.total);
            BOOST_TEST(a.total == b.hits.size());
            BOOST_TEST_REQUIRE(a.groups.has_value());
            BOOST_TEST(*a.groups == a.hits.size());
            BOOST_TEST(*a.groups == a.total - 2);
            BOOST_TEST(a.pageable() == a.hits.size());
            BOOST_TEST(!b.groups.has_value());  // reprints not grouped: no second figure
            if (facets) {
                std::uint64_t documents = 0;
                for (const auto& k : a.facets.kinds) documents += k.count;
                BOOST_TEST(documents == a.total);
            }
        }
    }
    // A stopword alone, matching nearly everything: still exactly the hits listed.
    auto le = q("le");
    le.limit = 1000;
    const auto collapsed = run(le);
    BOOST_TEST(collapsed.total_is_exact);
    BOOST_TEST(collapsed.total == 6u);
    BOOST_TEST_REQUIRE(collapsed.groups.has_value());
    BOOST_TEST(*collapsed.groups == collapsed.hits.size());
    BOOST_TEST(*collapsed.groups == 4u);  // six documents, three of them reprints of one dispatch
}

// Past SearchOptions::exact_up_to matches Xapian stops looking: the total is an estimate
// within bounds that hold the exact count, groups are unknown, and the pages still run.
BOOST_AUTO_TEST_CASE(past_the_exact_limit_the_total_is_an_estimate_within_its_bounds) {
    auto le = q("le");
    le.limit = 1;
    le.exact_up_to = 2;
    for (bool collapse : {true, false}) {
        BOOST_TEST_CONTEXT("collapse " << collapse) {
            le.collapse = collapse;
            const auto r = run(le);
            BOOST_TEST(r.total_min <= 6u);
            BOOST_TEST(r.total_max >= 6u);
            BOOST_TEST(r.total >= r.total_min);
            BOOST_TEST(r.total <= r.total_max);
            if (!r.total_is_exact) BOOST_TEST(!r.groups.has_value());
            BOOST_TEST(r.pageable() >= 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(explain_says_which_terms_matched_where_and_how) {
    auto o = q("sécurité Mali");
    o.explain = true;
    auto r = run(o);
    BOOST_REQUIRE(!r.hits.empty());
    const auto& h = r.hits.front();
    BOOST_TEST(h.id == "seed");
    bool title_mali = false, exact_accented = false;
    for (const auto& e : h.explain) {
        BOOST_TEST(e.weight > 0);
        title_mali = title_mali || (e.field == "title" && e.word == "Mali" && e.match == "exact");
        exact_accented = exact_accented || (e.term == "XEsécurité" && e.match == "exact");
    }
    BOOST_TEST(title_mali);
    BOOST_TEST(exact_accented);
    // "soldat" meets "soldats" by its stem only, in the text.
    o.query = "soldat";
    r = run(o);
    BOOST_REQUIRE(!r.hits.empty());
    bool stem_text = false;
    for (const auto& e : r.hits.front().explain) stem_text = stem_text || (e.match == "stem" && e.field == "text");
    BOOST_TEST(stem_text);
    // A partial hit of a question is explained too, by the words it has.
    o.query = "Quand les instructeurs russes sont-ils arrivés à Tombouctou ?";
    r = run(o);
    BOOST_REQUIRE(!r.hits.empty());
    BOOST_TEST(r.hits.front().partial);
    BOOST_TEST(r.hits.front().id == "russie");
    std::set<std::string> words;
    for (const auto& e : r.hits.front().explain) words.insert(e.word);
    BOOST_TEST(words.count("instructeurs"));
    BOOST_TEST(!words.count("Tombouctou"));
}

BOOST_AUTO_TEST_CASE(like_finds_related_documents_but_not_itself) {
    search::SearchOptions o;
    o.like_id = "barkhane";
    auto r = run(o);
    BOOST_REQUIRE(!r.hits.empty());
    for (const auto& h : r.hits) BOOST_TEST(h.id != "barkhane");
    BOOST_TEST(r.hits.front().id == "seed");
    o.like_id = "no-such-id";
    BOOST_CHECK_THROW(run(o), veille::UsageError);
}

BOOST_AUTO_TEST_SUITE_END()
