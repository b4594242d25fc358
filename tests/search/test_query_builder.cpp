// The query language, as a specification: each case indexes a few real French sentences
// through the real DocumentBuilder and checks which ones a query finds, in which order.
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "analysis/french_analyzer.hpp"
#include "indexing/document_builder.hpp"
#include "search/query_builder.hpp"

using veille::analysis::FrenchAnalyzer;
using veille::search::QueryBuilder;

namespace {

// A tiny corpus: one article per sentence, titled by its key, so results read as names.
const std::map<std::string, std::pair<std::string, std::string>> kCorpus = {
    // key -> {title, body}
    {"securite", {"Sécurité au Mali", "La coopération sécuritaire entre le Mali et la Russie n’a pas apporté la sécurité."}},
    {"sans-accent", {"Forum", "la securite ici est un probleme, l'armee est absente"}},
    {"afrique", {"Réponse", "Concernant l’Afrique, ils n’y connaissent rien."}},
    {"armee", {"Défilé", "L'armée malienne a repris le contrôle de Kidal."}},
    {"barkhane", {"Barkhane", "L’opération Barkhane a été contrainte de se retirer du territoire."}},
    {"russo", {"Partenariat", "Les critiques sur l’efficacité du partenariat russo-malien."}},
    {"qaida", {"Blocus", "Un blocus imposé par des combattants liés à Al-Qaïda."}},
    {"camions", {"Convoi", "Plusieurs centaines de camions-citernes escortés jusqu’à Bamako."}},
    {"forces", {"Présence", "Il a ajouté que la présence des forces russes n’assure en rien la sécurité."}},
    {"coeur", {"Équilibre", "Le Mali tente de maintenir un équilibre fragile au cœur du Sahel."}},
    {"etat", {"Groupes", "Les groupes affiliés à Al-Qaïda et à l’État islamique."}},
    {"qu-il", {"Budget", "Le gouvernement qu’il dirige peine à avoir un budget."}},
    {"annees", {"Histoire", "En 2022, après 25 ans de présence française, les attaques continuent."}},
    {"russie-titre", {"La Russie et le Mali", "Un rapprochement stratégique avec Moscou."}},
};

struct Fixture {
    FrenchAnalyzer analyzer;
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    std::map<Xapian::docid, std::string> keys;

    Fixture() {
        veille::indexing::DocumentBuilder builder(analyzer);
        for (const auto& [key, tb] : kCorpus) {
            veille::documents::Article a;
            a.title = tb.first;
            a.body = tb.second;
            for (auto& built : builder.build(a, key, "/corpus/" + key + ".txt", key))
                keys[db.add_document(built.document)] = key;
        }
        db.commit();
    }

    std::vector<std::string> search(const std::string& q) {
        QueryBuilder qb(analyzer);
        auto parsed = qb.parse(q);
        std::vector<std::string> out;
        if (parsed.empty()) return out;
        Xapian::Enquire enquire(db);
        enquire.set_query(parsed.query);
        auto mset = enquire.get_mset(0, 100);
        for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(keys[*it]);
        return out;
    }
};

bool contains(const std::vector<std::string>& v, const std::string& k) {
    return std::find(v.begin(), v.end(), k) != v.end();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search)

BOOST_FIXTURE_TEST_CASE(what_a_query_finds, Fixture) {
    struct Case {
        const char* query;
        std::vector<std::string> must_find;
        std::vector<std::string> must_not_find;
    };
    const std::vector<Case> cases = {
        // Accents, case and ligatures are folded.
        {"securite", {"securite", "sans-accent", "forces"}, {"afrique"}},
        {"SÉCURITÉ", {"securite", "sans-accent"}, {}},
        {"Etat", {"etat"}, {}},
        {"Qaida", {"qaida", "etat"}, {}},
        {"bamako", {"camions"}, {}},
        {"coeur", {"coeur"}, {}},
        {"cœur", {"coeur"}, {}},
        // Elisions.
        {"Afrique", {"afrique"}, {}},
        {"armée", {"armee", "sans-accent"}, {}},
        {"opération", {"barkhane"}, {}},
        // Compounds, whole and by part.
        {"russo-malien", {"russo"}, {}},
        {"malien", {"russo"}, {}},
        {"russo", {"russo"}, {}},
        {"al-qaida", {"qaida", "etat"}, {}},
        {"Al Qaïda", {"qaida", "etat"}, {}},
        {"camion", {"camions"}, {}},
        // Stems, capitalised or not.
        {"armées", {"armee"}, {}},
        {"maliennes", {"armee"}, {}},
        {"attaque", {"annees"}, {}},
        // Every content word is required; stopwords are not.
        {"la présence russe", {"forces"}, {"securite", "russie-titre"}},
        // (Russie and russes share the stem "russ": Snowball merges country and people.)
        {"sécurité Russie", {"securite", "forces"}, {"sans-accent"}},
        // ...unless the query is only stopwords.
        {"qu'il", {"qu-il"}, {}},
        // OR / OU, NOT / SAUF / -word.
        {"Kidal OU Barkhane", {"armee", "barkhane"}, {}},
        {"Kidal OR Barkhane", {"armee", "barkhane"}, {}},
        {"sécurité -Russie", {"sans-accent"}, {"securite", "forces"}},
        {"sécurité SAUF Moscou", {"securite", "forces"}, {"russie-titre"}},
        {"Mali NOT Kidal", {"securite", "coeur"}, {"armee"}},
        {"Mali ET NOT Kidal", {"securite"}, {"armee"}},
        {"(Kidal OU Barkhane) armée", {"armee"}, {"barkhane"}},
        // Phrases, with quotes, curly quotes and guillemets, across elisions and stopwords.
        {"\"coopération sécuritaire\"", {"securite"}, {}},
        {"\"la présence des forces russes\"", {"forces"}, {}},
        {"« présence des forces »", {"forces"}, {}},
        {"“forces russes”", {"forces"}, {}},
        {"\"russes forces\"", {}, {"forces"}},
        {"\"de l’Afrique\"", {}, {"afrique"}},
        {"\"Concernant l'Afrique\"", {"afrique"}, {}},
        // Fields and wildcards.
        {"titre:Barkhane", {"barkhane"}, {}},
        {"title:russie", {"russie-titre"}, {"securite"}},
        {"russ*", {"securite", "forces", "russo", "russie-titre"}, {}},
        // Numbers.
        {"2022", {"annees"}, {}},
        {"25 ans", {"annees"}, {}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.query) {
            auto got = search(c.query);
            for (const auto& k : c.must_find) BOOST_TEST(contains(got, k), "missing " << k);
            for (const auto& k : c.must_not_find) BOOST_TEST(!contains(got, k), "unexpected " << k);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(exact_spelling_and_titles_rank_first, Fixture) {
    // The accented spelling ranks above the accent-less one for an accented query...
    auto r = search("sécurité");
    BOOST_REQUIRE(r.size() >= 2u);
    BOOST_TEST(r.front() == "securite");  // accented, and in the title too
    // ...and a title match above a body-only match.
    r = search("Russie");
    BOOST_REQUIRE(!r.empty());
    BOOST_TEST(r.front() == "russie-titre");
}

BOOST_FIXTURE_TEST_CASE(whatever_is_typed_gives_results_or_nothing_never_an_exception, Fixture) {
    const std::vector<std::string> odd = {
        "", "   ", "\"", "\"sécurité", "« sécurité", "(", ")", "((mali", "mali)", "AND", "OR mali",
        "mali OR", "NOT", "-", "+", "--mali", "titre:", "type:", "foo:bar", "*", "a*", "\"\"",
        "«»", "mali AND AND OR russie", "type:inconnu", "\xff\xfe", "😉", std::string(2000, 'x')};
    for (const auto& q : odd) {
        BOOST_TEST_CONTEXT(q) { BOOST_CHECK_NO_THROW(search(q)); }
    }
    // Repaired, not refused: an unbalanced quote reads to the end.
    BOOST_TEST(contains(search("\"coopération sécuritaire"), "securite"));
    BOOST_TEST(contains(search("mali OR"), "securite"));
}

BOOST_FIXTURE_TEST_CASE(highlight_terms_follow_the_query, Fixture) {
    QueryBuilder qb(analyzer);
    auto p = qb.parse("Sécurité -Russie titre:Mali");
    BOOST_TEST(p.highlight.folded.count("securite") == 1u);
    BOOST_TEST(p.highlight.exact.count("sécurité") == 1u);
    BOOST_TEST(p.highlight.folded.count("russie") == 0u);  // excluded words do not light up
    BOOST_TEST(p.highlight.folded.count("mali") == 1u);
    auto w = qb.parse("russ*");
    BOOST_TEST(w.highlight.folded_prefixes == std::vector<std::string>{"russ"});
}

BOOST_FIXTURE_TEST_CASE(type_filters, Fixture) {
    QueryBuilder qb(analyzer);
    auto p = qb.parse("type:commentaire");
    BOOST_TEST(p.filters_only);
    BOOST_TEST(search("type:article").size() == kCorpus.size());
    BOOST_TEST(search("type:commentaire").empty());
    BOOST_TEST(search("Kidal type:article") == std::vector<std::string>{"armee"});
}

BOOST_AUTO_TEST_SUITE_END()
