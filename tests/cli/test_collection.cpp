// End to end: what the whole collection decides about names (indexing/collection_entities.hpp)
// and the page furniture it learns (documents/furniture.hpp), on small corpora written here,
// through the two tools, including after an incremental run.
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

#include "cli/cli_harness.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using veille::test::ScratchDir;

namespace {

struct Index {
    ScratchDir dir;
    fs::path db = dir / "index";
    fs::path in = dir / "in";

    void run_index() const {
        auto r = veille::test::run({VEILLE_INDEX_BIN, "--db", db.string(), in.string()}, dir.path());
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    }
    json query(std::vector<std::string> args) const {
        std::vector<std::string> argv{VEILLE_QUERY_BIN, "--db", db.string(), "--json", "--no-collapse",
                                      "--facet-limit", "0"};
        argv.insert(argv.end(), args.begin(), args.end());
        auto r = veille::test::run(argv, dir.path());
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
        return json::parse(r.out);
    }
    // Entity facet over every article: name -> (type, documents).
    std::map<std::string, std::pair<std::string, int>> facet() const {
        std::map<std::string, std::pair<std::string, int>> out;
        const json res = query({"--facets-only", "--", "type:article"});  // alive through the loop
        for (const auto& e : res["facets"]["entity"])
            out[e["name"].get<std::string>()] = {e["type"].get<std::string>(), e["count"].get<int>()};
        return out;
    }
    int total(const std::string& filter) const { return query({"--facets-only", "--", filter})["total"].get<int>(); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_collection)

// A name no list knows is an entity of every document that writes it, typed by what most of
// them say; the entité: filter and the facet give the same number.
BOOST_AUTO_TEST_CASE(a_discovered_name_is_tagged_in_every_document_that_writes_it) {
    Index x;
    x.dir.write("in/1.txt", "Un titre\n\nLes habitants de Kerbrigou protestent. Ils vivent à Kerbrigou depuis 1950.\n");
    x.dir.write("in/2.txt", "Deux\n\nLe marché de Kerbrigou ouvre le samedi, à côté de la gare.\n");
    x.dir.write("in/3.txt", "Trois\n\nUn reportage en Bretagne, à Kerbrigou, où la mer monte.\n");
    x.dir.write("in/4.txt", "Quatre\n\nRien sur ce village ici, seulement la taxe et la Taxe.\n");
    // A family name alone is the one person of that name the collection knows in full.
    x.dir.write("in/5.txt", "Cinq\n\nManuel Valls a parlé au Sénat.\n");
    x.dir.write("in/6.txt", "Six\n\nSelon M. Valls, la réforme attendra.\n");
    // A first name alone is nobody; a word the collection writes in lower case is no name.
    x.dir.write("in/7.txt", "Sept\n\nHier, Jean est venu. Jean a payé la taxe, la taxe et encore la taxe.\n");
    x.dir.write("in/8.txt", "Huit\n\nLa taxe augmente ; la taxe foncière aussi, dit la Taxe.\n");
    x.run_index();
    auto f = x.facet();
    BOOST_TEST(f["Kerbrigou"].first == "lieu");  // "à Kerbrigou"
    BOOST_TEST(f["Kerbrigou"].second == 3);
    BOOST_TEST(x.total("entité:Kerbrigou") == 3);
    BOOST_TEST(f["Manuel Valls"].second == 2);
    BOOST_TEST(x.total("entité:\"Manuel Valls\"") == 2);
    BOOST_TEST(x.total("entité:valls") == 0);  // the filter names the person, not the word
    BOOST_TEST(!f.count("Jean"));
    BOOST_TEST(!f.count("Taxe"));

    // An incremental run: a new file that writes a known name is tagged without re-reading the
    // others, and a name now confirmed by two documents becomes an entity in both.
    x.dir.write("in/9.txt", "Neuf\n\nLe maire de Kerbrigou et M. Zaloumian inaugurent l’école.\n");
    x.run_index();
    f = x.facet();
    BOOST_TEST(f["Kerbrigou"].second == 4);
    BOOST_TEST(x.total("entité:Kerbrigou") == 4);
    BOOST_TEST(!f.count("Zaloumian"));  // one capitalised mention of one word: not yet
    x.dir.write("in/10.txt", "Dix\n\nSelon M. Zaloumian, le chantier finira en mai.\n");
    x.run_index();
    f = x.facet();
    BOOST_TEST(f["Zaloumian"].first == "personne");  // "M."
    BOOST_TEST(f["Zaloumian"].second == 2);
    BOOST_TEST(x.total("entité:Zaloumian") == 2);
    // Nothing changed: the same answers.
    x.run_index();
    BOOST_TEST(x.facet() == f);
}

// Lines a source repeats under many of its articles are neither entities nor text to find.
BOOST_AUTO_TEST_CASE(page_furniture_is_learnt_from_the_folder_and_left_out) {
    Index x;
    const char* places[] = {"Lille", "Rennes", "Nantes", "Dijon", "Metz", "Brest", "Amiens", "Caen"};
    for (int i = 0; i < 8; ++i) {
        const std::string n = std::to_string(i);
        x.dir.write("in/site/" + n + ".txt",
                    "Article " + n + "\n\nLe conseil municipal de " + places[i] + " a voté le budget " + n +
                        ".\nLIRE AUSSI\nDessin : Zébulon Craquelin\nPosted On " + std::to_string(i + 1) +
                        " avr 2013 , By La rédaction\n");
    }
    x.run_index();
    const auto f = x.facet();
    BOOST_TEST(!f.count("Zébulon Craquelin"));
    BOOST_TEST(!f.count("LIRE AUSSI"));
    BOOST_TEST(f.at("Lille").second == 1);
    BOOST_TEST(x.query({"craquelin"})["total"].get<int>() == 0);
    BOOST_TEST(x.query({"budget"})["total"].get<int>() == 8);
}

BOOST_AUTO_TEST_SUITE_END()
