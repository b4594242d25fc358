// End to end: entity and date filters, sorting and facet counts on our sample corpus, each
// checked against what the documents themselves say (a brute-force count over every hit).
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <sstream>

#include <xapian.h>

#include "cli/cli_harness.hpp"
#include "schema/schema.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using veille::test::ScratchDir;

namespace {

const fs::path kCorpora = fs::path(VEILLE_SOURCE_DIR) / "corpora";

// One index of corpora/ shared by every case of this suite (read-only afterwards).
struct Corpus {
    ScratchDir dir;
    fs::path db = dir / "index";
    Corpus() {
        auto r = veille::test::run({VEILLE_INDEX_BIN, "--db", db.string(), kCorpora.string()}, dir.path());
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    }
    json query(std::vector<std::string> args) const {
        std::vector<std::string> argv{VEILLE_QUERY_BIN, "--db", db.string(), "--json", "--limit", "1000"};
        argv.insert(argv.end(), args.begin(), args.end());
        auto r = veille::test::run(argv, dir.path());
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
        return json::parse(r.out);
    }
    std::set<std::string> files(std::vector<std::string> args) const {
        std::set<std::string> out;
        const json res = query(std::move(args));
        for (const auto& h : res["hits"])
            out.insert(fs::path(h["path"].get<std::string>()).filename().string() + ":" +
                       h["kind"].get<std::string>());
        return out;
    }
};

const Corpus& corpus() {
    static Corpus c;
    return c;
}

std::vector<std::string> dates_of(const json& res) {
    std::vector<std::string> out;
    for (const auto& h : res["hits"]) out.push_back(h["date"].is_null() ? "" : h["date"].get<std::string>());
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_facets)

BOOST_AUTO_TEST_CASE(entity_filters_resolve_aliases_and_case) {
    const auto& c = corpus();
    BOOST_TEST(c.files({"entité:Barkhane"}) == std::set<std::string>{"mali-russie.txt:article"});
    // Any form, any case, any accent: all the same filter.
    const auto ei = c.files({"entité:\"État islamique\""});
    BOOST_TEST(!ei.empty());
    for (std::string q : {"entité:Daech", "entity:\"etat islamique\"", "ENTITÉ:EI", "entite:daech"}) {
        BOOST_TEST_CONTEXT(q) { BOOST_TEST(c.files({q}) == ei); }
    }
    // Several filters: all must match (Russie AND Mali), as options or in the query.
    const auto both = c.files({"--entity", "Russie", "--entity", "mali"});
    BOOST_TEST(both == c.files({"entité:Russie entité:Mali"}));
    BOOST_TEST(both.count("mali-russie.txt:article") == 1u);
    BOOST_TEST(both.count("mali-africa-corps.txt:article") == 1u);
    for (const auto& f : both) BOOST_TEST(c.files({"entité:Russie"}).count(f) == 1u);
    // Comments under articles about Barkhane: filtered by their article's entities.
    const auto under = c.query({"article.entité:Barkhane", "type:commentaire"});
    BOOST_TEST(under["total"] == 7);
    for (const auto& h : under["hits"]) BOOST_TEST(h["path"].get<std::string>().find("mali-russie.txt") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(date_filters_are_inclusive_and_exclude_unknown_dates) {
    const auto& c = corpus();
    // Dated articles: cedeao 2024-02-24, niger 2024-06-24, aes 2024-07-08; comments inherit.
    BOOST_TEST(c.files({"type:article date:2024"}) ==
               (std::set<std::string>{"cedeao-sanctions.txt:article", "niger-orano.txt:article",
                                      "aes-confederation.txt:article"}));
    BOOST_TEST(c.files({"type:article date:2024-06"}) == std::set<std::string>{"niger-orano.txt:article"});
    BOOST_TEST(c.files({"type:article", "date:2024-02-24..2024-06-24"}) ==
               (std::set<std::string>{"cedeao-sanctions.txt:article", "niger-orano.txt:article"}));
    BOOST_TEST(c.files({"type:article après:2024-06-24"}) ==
               (std::set<std::string>{"niger-orano.txt:article", "aes-confederation.txt:article"}));
    BOOST_TEST(c.files({"type:article avant:2024-06-24"}) == std::set<std::string>{"cedeao-sanctions.txt:article"});
    BOOST_TEST(c.files({"type:article", "date:2024-07.."}) == std::set<std::string>{"aes-confederation.txt:article"});
    BOOST_TEST(c.files({"type:article", "date:..2024-02"}) == std::set<std::string>{"cedeao-sanctions.txt:article"});
    BOOST_TEST(c.files({"type:article", "date:juin-2024"}) == std::set<std::string>{"niger-orano.txt:article"});
    BOOST_TEST(c.files({"--type", "article", "--since", "2024-06-24", "--until", "2024-06-24"}) ==
               std::set<std::string>{"niger-orano.txt:article"});
    // A comment is dated by its article.
    BOOST_TEST(c.files({"type:commentaire date:2024-02"}) == std::set<std::string>{"cedeao-sanctions.txt:comment"});
    // Undated documents never pass a date filter.
    BOOST_TEST(c.files({"date:1900..2100"}).count("mali-russie.txt:article") == 0u);
    // A bad date is reported, not fatal.
    auto bad = c.query({"Mali date:hier-soir"});
    BOOST_TEST(bad["warnings"].size() == 1u);
}

BOOST_AUTO_TEST_CASE(filter_only_queries_list_newest_first_and_sorting_works) {
    const auto& c = corpus();
    auto res = c.query({"type:article"});
    BOOST_TEST(res["total"] == 6);
    auto d = dates_of(res);
    BOOST_TEST_REQUIRE(d.size() == 6u);
    BOOST_TEST((std::vector<std::string>(d.begin(), d.begin() + 3) ==
                std::vector<std::string>{"2024-07-08", "2024-06-24", "2024-02-24"}));
    BOOST_TEST(d[3].empty());  // undated last
    auto asc = dates_of(c.query({"--sort", "date-asc", "type:article"}));
    BOOST_TEST((std::vector<std::string>(asc.begin(), asc.begin() + 3) ==
                std::vector<std::string>{"2024-02-24", "2024-06-24", "2024-07-08"}));
    BOOST_TEST(asc.back().empty());  // undated last in both directions
    auto by_date = dates_of(c.query({"--sort", "date", "Niger"}));
    BOOST_TEST(std::is_sorted(by_date.begin(), by_date.end(), [](const std::string& a, const std::string& b) {
        return (a.empty() ? "0" : a) > (b.empty() ? "0" : b);
    }));
}

BOOST_AUTO_TEST_CASE(facets_count_every_match_exactly) {
    const auto& c = corpus();
    for (std::string q : {"Mali", "Niger OU Tchad", "type:commentaire", "sécurité"}) {
        BOOST_TEST_CONTEXT(q) {
            auto res = c.query({"--facets", q});
            BOOST_TEST_REQUIRE(res.contains("facets"));
            BOOST_TEST(res["total_exact"] == true);
            const auto& hits = res["hits"];
            BOOST_TEST(hits.size() == res["total"].get<std::size_t>());  // limit 1000: all of them
            // Brute force from the hits themselves.
            std::map<std::string, std::uint64_t> entities, kinds, years;
            std::uint64_t undated = 0;
            for (const auto& h : hits) {
                for (const auto& e : h["entities"]) ++entities[e["name"].get<std::string>()];
                ++kinds[h["kind"].get<std::string>()];
                if (h["date"].is_null()) ++undated;
                else ++years[h["date"].get<std::string>().substr(0, 7)];
            }
            for (const auto& e : res["facets"]["entity"])
                BOOST_TEST(e["count"].get<std::uint64_t>() == entities[e["name"].get<std::string>()], e["name"]);
            for (const auto& k : res["facets"]["type"])
                BOOST_TEST(k["count"].get<std::uint64_t>() == kinds[k["bucket"].get<std::string>()]);
            BOOST_TEST(res["facets"]["date_unknown"].get<std::uint64_t>() == undated);
            std::uint64_t dated = 0;
            for (const auto& b : res["facets"]["date"]) dated += b["count"].get<std::uint64_t>();
            BOOST_TEST(dated + undated == res["total"].get<std::uint64_t>());
        }
    }
}

BOOST_AUTO_TEST_CASE(facets_only_show_who_is_named_with_an_entity) {
    const auto& c = corpus();
    auto res = c.query({"--facets-only", "entité:Barkhane"});
    BOOST_TEST(res["hits"].empty());
    std::set<std::string> names;
    for (const auto& e : res["facets"]["entity"]) names.insert(e["name"]);
    for (std::string e : {"Barkhane", "Mali", "Russie", "Kidal"}) BOOST_TEST(names.count(e) == 1u, e);
    // The terminal view draws the date facet as bars.
    auto r = veille::test::run({VEILLE_QUERY_BIN, "--db", c.db.string(), "--facets-only", "type:article"},
                               c.dir.path());
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.out.find("Dates") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("\u2588") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("date inconnue") != std::string::npos, r.out);
}

// --facet-limit N: the N most frequent entities (default 20), 0 for all of them; JSON says
// how many there are in all, text how many were left out.
BOOST_AUTO_TEST_CASE(facet_limit_sets_how_many_entities_are_listed) {
    const auto& c = corpus();
    const auto everything = c.query({"--facets-only", "--facet-limit", "0", "type:article"})["facets"];
    const std::size_t all = everything["entity"].size();
    BOOST_TEST_REQUIRE(all > 20u);  // the sample corpus names more than a default page
    BOOST_TEST(everything["entity_total"] == all);
    BOOST_TEST(c.query({"--facets-only", "type:article"})["facets"]["entity"].size() == 20u);
    BOOST_TEST(c.query({"--facets-only", "type:article"})["facets"]["entity_total"] == all);
    // The benchmark's call: up to 100, here all of them.
    auto r = veille::test::run({VEILLE_QUERY_BIN, "--db", c.db.string(), "--json", "--facets-only", "--no-collapse",
                                "--facet-limit", "100", "--", "type:article"},
                               c.dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(json::parse(r.out)["facets"]["entity"].size() == std::min<std::size_t>(all, 100));

    // Three: the three most frequent, as the full list ranks them; --facets too.
    for (std::string flag : {"--facets-only", "--facets"}) {
        BOOST_TEST_CONTEXT(flag) {
            const auto three = c.query({flag, "--facet-limit", "3", "type:article"})["facets"];
            BOOST_TEST_REQUIRE(three["entity"].size() == 3u);
            for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(three["entity"][i] == everything["entity"][i]);
            BOOST_TEST(three["entity_total"] == all);
        }
    }
    // In text: three entities, then how many more.
    r = veille::test::run({VEILLE_QUERY_BIN, "--db", c.db.string(), "--facets-only", "--facet-limit", "3", "type:article"},
                          c.dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    const auto entities_at = r.out.find("Entités\n");
    const auto types_at = r.out.find("\nTypes\n");
    BOOST_TEST_REQUIRE(entities_at != std::string::npos, r.out);
    BOOST_TEST_REQUIRE(types_at != std::string::npos, r.out);
    const std::string listed = r.out.substr(entities_at, types_at - entities_at);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& e = everything["entity"][i];
        BOOST_TEST(listed.find(e["name"].get<std::string>() + " " + std::to_string(e["count"].get<int>())) !=
                       std::string::npos,
                   listed);
    }
    // One line per type ("   pays   Mali 5 · Niger 5"), items apart with " · ": three in all.
    std::size_t items = 0;
    std::istringstream lines(listed);
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with("   ") || line.starts_with("   …")) continue;
        ++items;
        for (auto at = line.find(" · "); at != std::string::npos; at = line.find(" · ", at + 1)) ++items;
    }
    BOOST_TEST(items == 3u, listed);
    BOOST_TEST(listed.find("… " + std::to_string(all - 3) + " de plus") != std::string::npos, listed);
    // All of them: no "de plus".
    r = veille::test::run({VEILLE_QUERY_BIN, "--db", c.db.string(), "--facets-only", "--facet-limit", "0", "type:article"},
                          c.dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("de plus") == std::string::npos, r.out);
    for (const auto& e : everything["entity"])
        BOOST_TEST(r.out.find(e["name"].get<std::string>()) != std::string::npos, e["name"]);
}

BOOST_AUTO_TEST_CASE(a_bad_facet_limit_is_a_usage_error) {
    const auto& c = corpus();
    for (std::string bad : {"-3", "beaucoup", "3.5", ""}) {
        BOOST_TEST_CONTEXT("--facet-limit « " << bad << " »") {
            auto r = veille::test::run({VEILLE_QUERY_BIN, "--db", c.db.string(), "--facet-limit", bad, "Mali"},
                                       c.dir.path());
            BOOST_TEST(r.exit_code == 2);
            BOOST_TEST(r.out.empty(), r.out);
            BOOST_TEST(r.err.find("--facet-limit: \"" + bad + "\" is not a number of entities") != std::string::npos,
                       r.err);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_user_gazetteer_adds_entities_and_aliases) {
    ScratchDir dir;
    dir.write("mine.tsv", "# mes entités\nCollectif Sahel Demain\torganisation\tCollectif Sahel Demain|CSD\n");
    dir.write("in/a.txt", "Un titre\n\nLe CSD a publié un rapport. Le Collectif Sahel Demain insiste.\n");
    const auto db = dir / "index";
    auto r = veille::test::run({VEILLE_INDEX_BIN, "--db", db.string(), "--entities", (dir / "mine.tsv").string(),
                                (dir / "in").string()},
                               dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    auto q = veille::test::run({VEILLE_QUERY_BIN, "--db", db.string(), "--json", "entité:csd"}, dir.path());
    auto res = json::parse(q.out);
    BOOST_TEST_REQUIRE(res["hits"].size() == 1u);
    const auto& e = res["hits"][0]["entities"][0];
    BOOST_TEST(e["name"] == "Collectif Sahel Demain");
    BOOST_TEST(e["type"] == "organisation");
    BOOST_TEST(e["count"] == 2);
    // The query found the alias in the lookup records the indexer wrote (one a name).
    const std::string lookup(veille::schema::meta::kGazetteerLookupPrefix);
    const auto stored = [&](const std::string& key) { return Xapian::Database(db.string()).get_metadata(lookup + key); };
    BOOST_TEST(!stored("head").empty());
    BOOST_TEST(!stored("p\tcsd").empty());
    // A broken user file line is reported with its line, and the run goes on.
    dir.write("bad.tsv", "Nom seul\n");
    r = veille::test::run({VEILLE_INDEX_BIN, "--db", db.string(), "--entities", (dir / "bad.tsv").string(),
                           (dir / "in").string()},
                          dir.path());
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.err.find("bad.tsv:1:") != std::string::npos, r.err);
    // The user's entities are gone, and so are their records: no query resolves CSD now.
    BOOST_TEST(!stored("head").empty());
    BOOST_TEST(stored("p\tcsd").empty());
    BOOST_TEST(stored("n\tcollectif sahel demain").empty());
    q = veille::test::run({VEILLE_QUERY_BIN, "--db", db.string(), "--json", "entité:csd"}, dir.path());
    BOOST_TEST(json::parse(q.out)["hits"].empty(), q.out);
}

// A proper name in the query also finds the documents that name the entity otherwise, and
// lights up those names; an ordinary word that is a form of an entity does not.
BOOST_AUTO_TEST_CASE(a_name_in_the_query_finds_the_entity_under_its_other_names) {
    ScratchDir dir;
    dir.write("in/ei.txt",
              "Attaque près de Ménaka\n\nDes combattants de l’État islamique ont attaqué un poste. "
              "L’État islamique recrute dans la région, selon l’armée.\n");
    dir.write("in/fama.txt", "Patrouille\n\nUne patrouille des FAMa est tombée dans une embuscade.\n");
    dir.write("in/tessit.txt", "Tessit\n\nDaech revendique l’attaque du camp.\n");
    dir.write("in/forces.txt", "Ordre public\n\nLes forces de l’ordre patrouillent à Tessit.\n");
    dir.write("in/francais.txt", "Coopération\n\nLes soldats français sont partis. La France se retire.\n");
    const auto db = dir / "index";
    auto r = veille::test::run({VEILLE_INDEX_BIN, "--db", db.string(), (dir / "in").string()}, dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    auto search = [&](const std::string& query) {
        auto q = veille::test::run({VEILLE_QUERY_BIN, "--db", db.string(), "--json", query}, dir.path());
        BOOST_TEST_REQUIRE(q.exit_code == 0, q.err);
        return json::parse(q.out);
    };
    auto res = search("Daech");
    BOOST_TEST_REQUIRE(res["hits"].size() == 2u);
    std::set<std::string> files;
    for (const auto& h : res["hits"]) files.insert(fs::path(h["path"].get<std::string>()).filename().string());
    BOOST_TEST((files == std::set<std::string>{"ei.txt", "tessit.txt"}));
    // Both mentions of "État islamique" light up, whole.
    const auto& hit = fs::path(res["hits"][0]["path"].get<std::string>()).filename() == "ei.txt" ? res["hits"][0]
                                                                                                   : res["hits"][1];
    const std::string text = hit["snippet"];
    std::vector<std::string> lit;
    for (const auto& h : hit["highlights"]) lit.push_back(text.substr(h[0].get<std::size_t>(), h[1].get<std::size_t>() - h[0].get<std::size_t>()));
    BOOST_TEST(lit == (std::vector<std::string>{"État islamique", "État islamique"}), boost::test_tools::per_element());
    // "Forces armées maliennes" as a phrase finds the FAMa.
    res = search("\"Forces armées maliennes\"");
    BOOST_TEST_REQUIRE(res["hits"].size() == 1u);
    BOOST_TEST(fs::path(res["hits"][0]["path"].get<std::string>()).filename() == "fama.txt");
    // Unquoted, the words of a name are still one name, beside other words or alone; words
    // that are no name together stay words.
    for (std::string q : {"Forces armées maliennes", "forces armees maliennes embuscade"}) {
        res = search(q);
        BOOST_TEST_CONTEXT(q) {
            BOOST_TEST_REQUIRE(res["hits"].size() == 1u);
            BOOST_TEST(fs::path(res["hits"][0]["path"].get<std::string>()).filename() == "fama.txt");
            BOOST_TEST(!res["hits"][0].value("partial", false));
        }
    }
    res = search("État islamique Tessit");  // the article names it Daech
    BOOST_TEST(res["total"] == 1);  // ei.txt follows, marked partial ("sans : Tessit")
    BOOST_TEST_REQUIRE(res["hits"].size() >= 1u);
    BOOST_TEST(fs::path(res["hits"][0]["path"].get<std::string>()).filename() == "tessit.txt");
    BOOST_TEST(!res["hits"][0].value("partial", false));
    // A partial hit lacks the name unless it has every word of it or the entity: "forces"
    // alone is not the FAMa.
    res = search("forces armées maliennes Tessit");
    BOOST_TEST(res["total"] == 0);
    std::map<std::string, std::vector<std::string>> missing;
    for (const auto& h : res["hits"])
        missing[fs::path(h["path"].get<std::string>()).filename().string()] = h["missing"].get<std::vector<std::string>>();
    BOOST_TEST((missing["forces.txt"] == std::vector<std::string>{"forces armées maliennes"}));
    BOOST_TEST((missing["fama.txt"] == std::vector<std::string>{"Tessit"}));
    res = search("soldats partis");
    BOOST_TEST_REQUIRE(res["hits"].size() == 1u);
    BOOST_TEST(fs::path(res["hits"][0]["path"].get<std::string>()).filename() == "francais.txt");
    // An ordinary word is only itself: "malienne" does not stand for Mali, nor "Français"
    // (written as a proper name by nobody) for every text on France.
    BOOST_TEST(search("malienne")["hits"].size() == 0u);
    BOOST_TEST(search("Français")["hits"].size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
