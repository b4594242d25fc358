// Reading whole threads and the entity names for completion, from an index of the seed
// corpus built for the test.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <random>
#include <set>
#include <string>

#include "errors.hpp"
#include "indexing/index_writer.hpp"
#include "search/searcher.hpp"
#include "search/thread_reader.hpp"

namespace fs = std::filesystem;
using veille::search::ThreadReader;

namespace {

// The seed corpus indexed once into a scratch folder, removed at the end.
struct SeedIndex {
    fs::path dir;
    fs::path db;
    SeedIndex() {
        std::random_device rd;
        dir = fs::temp_directory_path() / ("veille-thread-" + std::to_string(rd()));
        db = dir / "index";
        veille::indexing::IndexOptions options;
        options.db = db;
        options.inputs = {fs::path(VEILLE_SOURCE_DIR) / "corpora" / "seed"};
        veille::indexing::IndexObserver quiet;
        veille::indexing::update_index(options, quiet);
    }
    ~SeedIndex() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

const SeedIndex& seed() {
    static SeedIndex index;
    return index;
}

// The seed article's id, found the way the prompt finds it: through a hit.
std::string seed_article_id() {
    veille::search::Searcher searcher(seed().db);
    veille::search::SearchOptions o;
    o.query = "optimiste";
    const auto r = searcher.search(o);
    BOOST_TEST_REQUIRE(r.hits.size() == 1u);
    return r.hits[0].article_id;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(thread_reader)

BOOST_AUTO_TEST_CASE(a_thread_is_its_article_and_every_comment_in_order) {
    ThreadReader reader(seed().db);
    const auto thread = reader.thread(seed_article_id());
    BOOST_TEST_REQUIRE(thread.has_value());
    BOOST_TEST(thread->article_stored);
    BOOST_TEST(thread->article.title == "Sécurité au Mali : pour la France, la Russie a échoué");
    BOOST_TEST(thread->article.text.starts_with("La France a estimé que la coopération sécuritaire"));
    BOOST_TEST(thread->article.path.ends_with("mali-russie.txt"));
    std::set<std::string> entities;
    for (const auto& e : thread->article.entities) entities.insert(e.name);
    for (const char* e : {"Mali", "Russie", "France", "Barkhane"}) BOOST_TEST(entities.count(e) == 1u, e);

    // The seed thread: 7 comments, numbered 1..7 in order; #7 answers #6.
    BOOST_TEST_REQUIRE(thread->comments.size() == 7u);
    for (std::size_t i = 0; i < thread->comments.size(); ++i) {
        const auto& c = thread->comments[i];
        BOOST_TEST(c.comment_number.value_or(0) == static_cast<int>(i + 1));
        BOOST_TEST(c.article_id == thread->article.id);
        BOOST_TEST(!c.text.empty());
        if (c.parent_number) BOOST_TEST(*c.parent_number < *c.comment_number);
    }
    BOOST_TEST(thread->comments[6].parent_number.value_or(0) == 6);
    BOOST_TEST(thread->comments[6].text.find("optimiste") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_article_has_no_thread) {
    ThreadReader reader(seed().db);
    BOOST_TEST(!reader.thread("0000000000000000").has_value());
    BOOST_TEST(!reader.thread("").has_value());
}

BOOST_AUTO_TEST_CASE(entity_names_for_completion_ignore_accents_and_find_aliases) {
    ThreadReader reader(seed().db);
    struct Case {
        std::string typed;
        std::string expected;  // among the names offered
    };
    const std::vector<Case> cases = {
        {"eta", "État islamique"},
        {"ÉTAT is", "État islamique"},
        {"\"État isl", "État islamique"},
        {"daech", "État islamique"},  // an alias in the gazetteer
        {"burk", "Burkina Faso"},
        {"mal", "Mali"},
        {"l’aes", "Alliance des États du Sahel"},  // elision, case, an acronym
        {"", "Mali"},                  // everything, most named first
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("« " << c.typed << " »") {
            const auto names = reader.entities_starting_with(c.typed, 200);
            bool found = false;
            for (const auto& n : names) found = found || n.name == c.expected;
            BOOST_TEST(found);
            for (std::size_t i = 1; i < names.size(); ++i) BOOST_TEST(names[i - 1].documents >= names[i].documents);
        }
    }
    // Article entities (XNA…) are not offered as names of their own.
    for (const auto& n : reader.entities_starting_with("", 1000)) BOOST_TEST(n.documents > 0u);
    BOOST_TEST(reader.entities_starting_with("zzz", 10).empty());
    BOOST_TEST(reader.entities_starting_with("", 3).size() == 3u);
}

BOOST_AUTO_TEST_CASE(canonical_names_years_and_highlights) {
    ThreadReader reader(seed().db);
    BOOST_TEST(reader.canonical_entity("daech").value_or("") == "État islamique");
    BOOST_TEST(reader.canonical_entity("RUSSIE").value_or("") == "Russie");
    BOOST_TEST(reader.canonical_entity("Pascal Confavreux").value_or("") == "Pascal Confavreux");
    BOOST_TEST(!reader.canonical_entity("Personne Inconnue").has_value());

    const auto years = reader.year_span();
    BOOST_TEST_REQUIRE(years.has_value());
    BOOST_TEST(years->first <= years->second);
    BOOST_TEST(years->first >= 2000);

    const auto terms = reader.highlight_terms("securite -russie entité:Mali");
    BOOST_TEST(terms.folded.count("securite") == 1u);
    BOOST_TEST(terms.folded.count("russie") == 0u);  // excluded words are not lit
    BOOST_TEST(!reader.refresh());                    // nothing changed since it was opened
    BOOST_TEST(reader.document_count() > 6u);
}

BOOST_AUTO_TEST_CASE(a_missing_index_says_how_to_create_it) {
    BOOST_CHECK_EXCEPTION(ThreadReader(fs::temp_directory_path() / "veille-no-such-index"), veille::IndexError,
                          [](const veille::IndexError& e) {
                              return std::string(e.what()).find("veille-index --db") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_SUITE_END()
