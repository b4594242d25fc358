// Entities as a specification: real sentences (the seed article, ../shared/corpora) and the
// entities they must, and must not, yield.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "analysis/french_analyzer.hpp"
#include "entities/compiled_gazetteer.hpp"
#include "entities/gazetteer_lookup.hpp"
#include "entities/entity_matcher.hpp"
#include "entities/gazetteer.hpp"
#include "readers/file_reader.hpp"

using namespace veille;

namespace {

struct World {
    analysis::FrenchAnalyzer analyzer;
    veille::entities::EntityGazetteer gazetteer{analyzer};
    veille::entities::EntityMatcher matcher{gazetteer};
    World() {
        std::vector<documents::Diagnostic> diags;
        gazetteer.load_builtin(diags);
        for (const auto& d : diags) BOOST_TEST_MESSAGE(d.to_string());
        BOOST_TEST(diags.empty());
    }
    std::vector<veille::entities::EntityCount> find(std::string_view text, bool candidates = true) const {
        return matcher.find(text, analyzer.analyze(text), candidates);
    }
    std::set<std::string> names(std::string_view text, bool candidates = true) const {
        std::set<std::string> out;
        for (const auto& e : find(text, candidates)) out.insert(e.name);
        return out;
    }
};

const World& world() {
    static World w;
    return w;
}

// A sentence and the entities it must, and must not, name.
struct NameCase {
    const char* text;
    std::vector<std::string> must;
    std::vector<std::string> must_not;
};

void expect_names(const std::vector<NameCase>& cases) {
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.text) {
            auto got = world().names(c.text, false);
            for (const auto& m : c.must) BOOST_TEST(got.count(m) == 1u, "missing " << m);
            for (const auto& m : c.must_not) BOOST_TEST(got.count(m) == 0u, "unexpected " << m);
        }
    }
}

// `names` answers every question a query asks as `source`, the gazetteer it was made from:
// aliases, acronyms in any case, names of several words, compounds, elisions, a user's
// entity, common words and words that are no name; every entity's key and forms; every
// form of every entity.
void answers_as(const veille::entities::EntityNames& names, const veille::entities::EntityGazetteer& source) {
    BOOST_TEST(names.max_units() == source.max_units());
    for (const char* name : {"Daech", "aes", "AES", "FAMa", "le savant fou", "Medef", "CGT", "Zorglub",
                             "Emmanuel Macron", "macron", "Forces armées maliennes", "État islamique",
                             "l’Élysée", "Côte d’Ivoire", "Mali", "malien", "français", "Le Havre", "Havre",
                             "Saint-Étienne", "russo", "Canal+", "sécurité", "zzqxjwvk", ""}) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST((names.resolve(name) == source.resolve(name)));
            BOOST_TEST((names.resolve_proper_name(name) == source.resolve_proper_name(name)));
            BOOST_TEST(names.key_of(name) == source.key_of(name));
        }
    }
    for (std::size_t e = 0; e < source.entities().size(); ++e) {
        BOOST_TEST_CONTEXT(source.entities()[e].name) {
            BOOST_TEST(names.key(e) == source.key(e));
            BOOST_TEST((names.form_units(e) == source.form_units(e)));
        }
    }
    for (const auto& form : source.forms()) {
        std::string joined;
        for (const auto& u : form.units) joined += (joined.empty() ? "" : " ") + u;
        BOOST_TEST_CONTEXT(joined) {
            BOOST_TEST((names.resolve(joined) == source.resolve(joined)));
            BOOST_TEST((names.resolve_proper_name(joined) == source.resolve_proper_name(joined)));
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(entities)

BOOST_AUTO_TEST_CASE(the_builtin_gazetteer_is_large_and_loads_cleanly) {
    BOOST_TEST(world().gazetteer.entities().size() >= 200u);
}

BOOST_AUTO_TEST_CASE(sentences_and_the_entities_they_name) {
    const std::vector<NameCase> cases = {
        // Aliases, acronyms, elisions, case.
        {"la formation de l’Alliance des États du Sahel (AES)", {"Alliance des États du Sahel"}, {"Sahel"}},
        {"les pays de l’AES se retirent", {"Alliance des États du Sahel"}, {}},
        {"des combattants liés à Al-Qaïda", {"Al-Qaïda"}, {}},
        {"des groupes affiliés à l’État islamique", {"État islamique"}, {}},
        {"Daech revendique l’attaque", {"État islamique"}, {}},
        {"les Forces armées maliennes (FAMa)", {"Forces armées maliennes"}, {"Mali"}},
        {"BAMAKO, la capitale", {"Bamako"}, {}},
        {"l’opération Barkhane", {"Barkhane"}, {}},
        // Demonyms in every gender and number.
        {"les populations maliennes", {"Mali"}, {}},
        {"des instructeurs russes", {"Russie"}, {}},
        {"le ministère français", {"France"}, {}},
        {"les autorités burkinabè", {"Burkina Faso"}, {}},
        {"l’armée burkinabè", {"Armée burkinabè"}, {"Burkina Faso"}},  // longest form wins
        {"les autorités nigériennes", {"Niger"}, {"Nigeria"}},
        {"un ressortissant nigérian", {"Nigeria"}, {"Niger"}},
        // Compounds.
        {"le partenariat russo-malien", {"Russie", "Mali"}, {}},
        {"la coopération franco-malienne", {"France", "Mali"}, {}},
        // People with and without first name.
        {"Selon Pascal Confavreux, porte-parole", {"Pascal Confavreux"}, {}},
        {"Confavreux a déclaré", {"Pascal Confavreux"}, {}},
        {"le colonel Assimi Goïta", {"Assimi Goïta"}, {}},
        {"le colonel Goïta", {"Assimi Goïta"}, {}},
        {"Vladimir Poutine et Poutine", {"Vladimir Poutine"}, {}},
        // Word boundaries and false friends.
        {"Malik est arrivé", {}, {"Mali"}},
        {"le Niger et le Nigeria", {"Niger", "Nigeria"}, {}},
        {"Le mal est fait", {}, {"Mali"}},
        {"les aes du texte", {}, {"Alliance des États du Sahel"}},
        {"ei ei oh", {}, {"État islamique"}},
        {"le franc CFA", {}, {"France"}},
    };
    expect_names(cases);
}

// The lists generated from open data (communes, countries, deputies…) and the hand lists
// (unions, institutions, media…): names that are also words, first names or parts of longer
// names count only where the text says they are the entity.
BOOST_AUTO_TEST_CASE(names_that_are_also_words_count_where_the_text_supports_them) {
    const std::vector<NameCase> cases = {
        // Big cities: the name written as a name is enough, even at a sentence start.
        {"Les prix flambent à Grenoble et à Reims.", {"Grenoble", "Reims"}, {}},
        {"Bordeaux accueille le sommet.", {"Bordeaux"}, {}},
        // A town whose name is a word: a cue ("à", "(Vaucluse)") or a capital mid-sentence.
        {"Le festival d’Orange (Vaucluse) ouvre ce soir.", {"Orange"}, {}},
        {"Il a grandi à Sens, dans l’Yonne.", {"Sens", "Yonne"}, {}},
        {"Cela n’a aucun sens.", {}, {"Sens"}},
        {"Sens unique à l’entrée du village.", {}, {"Sens"}},
        {"Une orange pressée et des tours de magie.", {}, {"Orange", "Tours"}},
        // A small commune needs the commune, its mayor or its département.
        {"Le maire de Mars a démissionné.", {"Mars"}, {}},
        {"La mission vers Mars est reportée.", {}, {"Mars"}},
        {"Mars (Ardèche) compte trois cents habitants.", {"Mars"}, {}},
        // A first name that is a city: not before a family name.
        {"Nancy Pelosi a reçu la délégation.", {}, {"Nancy"}},
        {"Les étudiants de Nancy manifestent.", {"Nancy"}, {}},
        {"La maire de Nancy Laurent Hénard le confirme.", {"Nancy"}, {}},
        {"Metz, Nancy, Thionville : la Lorraine vote.", {"Nancy", "Metz", "Thionville", "Lorraine"}, {}},
        // "Le Havre" after "du"/"au"; "du Monde" is the paper, unless a longer name.
        {"Le port du Havre est bloqué ; au Havre, les dockers votent.", {"Le Havre"}, {}},
        {"Selon une enquête du Monde, la réforme coûtera plus cher.", {"Le Monde"}, {}},
        {"La Coupe du Monde commence jeudi.", {}, {"Le Monde"}},
        {"Il a fait le tour du monde entier.", {}, {"Le Monde"}},
        // A longer place name ("Irlande du Nord") is not the département du Nord.
        {"Les élections en Irlande du Nord.", {}, {"Nord"}},
        // A département that is also a word: "dans le", "du" are cues; a capital is not.
        {"Des orages dans le Calvados et dans la Manche.", {"Calvados", "Manche"}, {}},
        {"Un vieux Calvados hors d’âge.", {}, {"Calvados"}},
        {"Il vit à L’Union, près de Toulouse ; l’Union européenne paie.", {"L'Union", "Union européenne"}, {}},
        {"Selon la Comédie, l’Union n’a rien dit.", {}, {"L'Union"}},
        // Institutions the press writes in lower case; bodies of other countries are not ours.
        {"Le conseil constitutionnel a censuré la loi.", {"Conseil constitutionnel"}, {}},
        {"La Cour des comptes publie son rapport.", {"Cour des comptes"}, {}},
        {"La police nationale malienne a arrêté deux suspects.", {}, {"Police nationale"}},
        // Parties, unions, companies, media, people of the open data and the hand lists.
        {"L’UMP et le Front national devancent EELV.", {"UMP", "Front national", "Europe Écologie Les Verts"}, {}},
        {"La CGT appelle à la grève chez Air France.", {"CGT", "Air France"}, {}},
        {"Manuel Valls et Angela Merkel à Berlin.", {"Manuel Valls", "Angela Merkel", "Berlin"}, {}},
        // Countries of the open data, with their demonyms.
        {"Les autorités islandaises ont fermé l’aéroport.", {"Islande"}, {}},
        // French names of foreign cities.
        {"Les combats reprennent à Alep.", {"Alep"}, {}},
    };
    expect_names(cases);
}

// Once confirmed, a place is that place in every mention (one sense per document); a person
// named in full is also every lone mention of the family name.
BOOST_AUTO_TEST_CASE(one_sense_per_document) {
    auto count_of = [](std::string_view text, const std::string& name) {
        for (const auto& e : world().find(text, false))
            if (e.name == name) return e.count;
        return 0u;
    };
    BOOST_TEST(count_of("Sens est calme. La mairie de Sens a voté. Sens attend.", "Sens") == 3u);
    BOOST_TEST(count_of("Sens est calme. Sens attend.", "Sens") == 0u);  // no cue, sentence starts only
    BOOST_TEST(count_of("Manuel Valls a parlé. Selon M. Valls, rien ne change. Valls repart.", "Manuel Valls") == 3u);
    // Two people of the same family name: the lone name is neither.
    const std::string both = "Marianne Dubois et Jacqueline Dubois. Mme Dubois a dit non.";
    BOOST_TEST(count_of(both, "Marianne Dubois") == 1u);
    BOOST_TEST(count_of(both, "Jacqueline Dubois") == 1u);
}

// A name no list knows is only recorded with what this text says of its kind: the collection
// decides (indexing/collection_entities.hpp).
BOOST_AUTO_TEST_CASE(unknown_names_are_discovered_with_their_local_evidence) {
    std::map<std::string, veille::entities::EntityCount> got;
    for (const auto& e : world().find("M. Dubreuilh a dit non. Elle vit à Kerbrigou. La CFTX (Confédération "
                                      "fictive des travailleurs) proteste. Julien Barzac arrive. Abonnez-vous "
                                      "à Cirque Mensuel."))
        got[e.name] = e;
    BOOST_TEST(got["Dubreuilh"].discovered);
    BOOST_TEST(got["Dubreuilh"].type == "personne");  // M.
    BOOST_TEST(got["Kerbrigou"].type == "lieu");       // à
    BOOST_TEST(got["Julien Barzac"].type == "personne");  // Julien is a first name
    BOOST_TEST(got["Cirque Mensuel"].type == "autre");    // "à" + several words: not a place
    BOOST_TEST(!got.count("Elle"));
}

// Names of the lists are folded without the analyser when they are plain (letters, spaces,
// hyphens, apostrophes): the units must be the analyser's, or the matcher would miss them.
BOOST_AUTO_TEST_CASE(plain_names_fold_as_the_analyser_folds_them) {
    const auto& g = world().gazetteer;
    std::size_t fast = 0;
    for (const auto& file : veille::entities::EntityGazetteer::builtin_files()) {
        std::string_view text = file.text;
        while (!text.empty()) {
            const auto nl = text.find('\n');
            const std::string_view line = text.substr(0, nl);
            text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
            if (line.empty() || line.front() == '#') continue;
            const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
            std::string_view forms = file.first_names ? line : line.substr(tab2 + 1, line.find('\t', tab2 + 1) - tab2 - 1);
            for (std::size_t start = 0; start <= forms.size();) {
                auto bar = forms.find('|', start);
                std::string form(forms.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
                if (!form.empty() && form.back() == '-') form.pop_back();
                const auto quick = veille::entities::EntityGazetteer::fast_units_of(form);
                if (!quick.empty()) {
                    ++fast;
                    BOOST_TEST(quick == g.analysed_units_of(form), form);
                }
                if (bar == std::string_view::npos) break;
                start = bar + 1;
            }
        }
    }
    BOOST_TEST(fast > 30000u);
    BOOST_TEST(veille::entities::EntityGazetteer::fast_units_of("Canal+").empty());  // the analyser decides
}

// What veille-index stores for the queries reads back as the same gazetteer.
BOOST_AUTO_TEST_CASE(a_compiled_gazetteer_reads_back_the_same) {
    analysis::FrenchAnalyzer analyzer;
    veille::entities::EntityGazetteer source(analyzer), copy(analyzer), garbage(analyzer);
    std::vector<documents::Diagnostic> diags;
    source.load_builtin(diags, /*for_queries=*/true);
    source.load_tsv("Zorglub\tpersonne\tZorglub|le savant fou\n", "mes.tsv", diags);
    BOOST_REQUIRE(copy.load_compiled(source.compiled()));
    BOOST_TEST(copy.compiled() == source.compiled());
    for (const char* name : {"Daech", "aes", "FAMa", "le savant fou", "Medef", "CGT", "Zorglub"}) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST((copy.resolve(name) == source.resolve(name)));
            BOOST_TEST((copy.resolve_proper_name(name) == source.resolve_proper_name(name)));
        }
    }
    const std::string text = "L’AES et Daech ; le Medef et la CGT, selon le savant fou.";
    veille::entities::EntityMatcher a(source), b(copy);
    std::set<std::string> from_source, from_copy;
    for (const auto& e : a.find(text, analyzer.analyze(text), false)) from_source.insert(e.name);
    for (const auto& e : b.find(text, analyzer.analyze(text), false)) from_copy.insert(e.name);
    BOOST_TEST(from_source == from_copy);
    BOOST_TEST(from_source.size() == 5u);
    BOOST_TEST(!garbage.load_compiled("veille-gazetteer 1\nF\t7\tx\t\t0\n"));  // a form of no entity
    BOOST_TEST(garbage.entities().empty());
    BOOST_TEST(!garbage.load_compiled("autre chose"));
}

// veille-query looks names up in the stored text in place: it must answer as the gazetteer
// the text was compiled from, and refuse any text whose layout is not compiled()'s (then
// EntityGazetteer::load_for_queries() reads it).
BOOST_AUTO_TEST_CASE(a_compiled_gazetteer_read_in_place_answers_as_the_unpacked_one) {
    analysis::FrenchAnalyzer analyzer;
    veille::entities::EntityGazetteer source(analyzer);
    std::vector<documents::Diagnostic> diags;
    source.load_builtin(diags, /*for_queries=*/true);
    source.load_tsv("Zorglub\tpersonne\tZorglub|le savant fou\n", "mes.tsv", diags);
    const std::string text = source.compiled();
    auto in_place = veille::entities::CompiledGazetteer::read(std::string(text), analyzer);
    BOOST_REQUIRE(in_place.has_value());
    BOOST_TEST(in_place->entity_count() == source.entities().size());
    answers_as(*in_place, source);

    // Not compiled()'s layout: refused, and the text left to the caller.
    const std::string header(veille::entities::EntityGazetteer::kCompiledHeader);
    for (const std::string& bad :
         {std::string("autre chose"), header + "F\t7\tx\t\t0\n",  // a form of no entity
          header + "E\tA\tpays\ta\t0\t0\t0\nP\tb\t0\nP\ta\t0\n",   // unsorted
          header + "E\tA\tpays\ta\t0\t0\t0\nP\ta\t0\nF\t0\ta\t\t0\n",  // sections out of order
          header + "E\tA\tpays\ta\t0\t0\t0\n\n",                      // an empty line
          header + "E\tA\tpays\ta\t0\t0\t0"}) {                         // no final newline
        BOOST_TEST_CONTEXT(bad) {
            std::string kept = bad;
            BOOST_TEST(!veille::entities::CompiledGazetteer::read(std::move(kept), analyzer).has_value());
            BOOST_TEST(kept == bad);
        }
    }
}

// veille-query fetches the names it looks up one record at a time (the index's metadata):
// the records answer as the gazetteer they were cut from, a missing or damaged record is no
// answer rather than a wrong one, and a name too long for a key leaves no records at all.
BOOST_AUTO_TEST_CASE(lookup_records_answer_as_the_gazetteer_they_were_cut_from) {
    using veille::entities::GazetteerLookup;
    analysis::FrenchAnalyzer analyzer;
    veille::entities::EntityGazetteer source(analyzer);
    std::vector<documents::Diagnostic> diags;
    source.load_builtin(diags, /*for_queries=*/true);
    source.load_tsv("Zorglub\tpersonne\tZorglub|le savant fou\n", "mes.tsv", diags);
    auto in_place = veille::entities::CompiledGazetteer::read(source.compiled(), analyzer);
    BOOST_REQUIRE(in_place.has_value());
    auto records = veille::entities::lookup_records(*in_place, 200);
    BOOST_REQUIRE(records.has_value());
    std::map<std::string, std::string> stored(records->begin(), records->end());
    BOOST_TEST(stored.size() == records->size());  // no key written twice
    std::size_t fetches = 0;
    auto lookup = GazetteerLookup::open(
        [&](const std::string& key) {
            ++fetches;
            const auto found = stored.find(key);
            return found == stored.end() ? std::string() : found->second;
        },
        analyzer);
    BOOST_REQUIRE(lookup.has_value());
    BOOST_TEST(lookup->entity_count() == source.entities().size());
    answers_as(*lookup, source);

    // A query fetches a record once: an entity's key and its forms come from one fetch.
    auto once = GazetteerLookup::open([&](const std::string& key) {
        ++fetches;
        return stored.count(key) ? stored.at(key) : std::string();
    }, analyzer);
    BOOST_REQUIRE(once.has_value());
    const auto mali = once->resolve_proper_name("Mali");
    BOOST_REQUIRE(mali.has_value());
    fetches = 0;
    BOOST_TEST(once->key(*mali) == "mali");
    BOOST_TEST(!once->form_units(*mali).empty());
    BOOST_TEST(fetches == 1u);

    // Damaged records are no answer; without a head of this layout there is no lookup.
    auto damaged = stored;
    damaged["p\tmali"] = "douze";
    damaged["p\tdaech"] = std::to_string(source.entities().size());  // no such entity
    auto lookup_damaged = GazetteerLookup::open(
        [&](const std::string& key) { return damaged.count(key) ? damaged.at(key) : std::string(); }, analyzer);
    BOOST_REQUIRE(lookup_damaged.has_value());
    BOOST_TEST(!lookup_damaged->resolve_proper_name("Mali").has_value());
    BOOST_TEST(!lookup_damaged->resolve_proper_name("Daech").has_value());
    BOOST_TEST((lookup_damaged->resolve_proper_name("FAMa") == source.resolve_proper_name("FAMa")));
    for (const std::string head : {"", "2\t7\t1200", "1\tsept\t1200", "1\t7"}) {
        BOOST_TEST_CONTEXT(head) {
            BOOST_TEST(!GazetteerLookup::open([&](const std::string&) { return head; }, analyzer).has_value());
        }
    }

    // A user's entity whose name makes a key longer than the index takes: no records.
    veille::entities::EntityGazetteer long_names(analyzer);
    long_names.load_tsv("Comité " + std::string(300, 'x') + "\torganisation\tComité " + std::string(300, 'x') + "\n",
                        "long.tsv", diags);
    auto long_in_place = veille::entities::CompiledGazetteer::read(long_names.compiled(), analyzer);
    BOOST_REQUIRE(long_in_place.has_value());
    BOOST_TEST(!veille::entities::lookup_records(*long_in_place, 200).has_value());
    BOOST_TEST(veille::entities::lookup_records(*long_in_place, 400).has_value());
}

BOOST_AUTO_TEST_CASE(the_seed_article_and_its_comments) {
    const auto path = std::string(VEILLE_SOURCE_DIR) + "/corpora/seed/mali-russie.txt";
    auto contents = readers::read_file(path);
    BOOST_REQUIRE(!contents.skipped);
    const auto& article = contents.articles.at(0);
    std::set<std::string> body = world().names(article.body);
    for (std::string e : {"Mali", "Russie", "France", "Alliance des États du Sahel", "Barkhane",
                          "Al-Qaïda", "État islamique", "Burkina Faso", "Niger", "Kidal", "Bamako",
                          "Forces armées maliennes", "Sahel", "Moscou", "Paris", "Pascal Confavreux"}) {
        BOOST_TEST_CONTEXT(e) { BOOST_TEST(body.count(e) == 1u); }
    }
    std::set<std::string> comments;
    for (const auto& c : article.comments)
        for (const auto& e : world().names(c.text)) comments.insert(e);
    for (std::string e : {"Russie", "France", "Mali", "OTAN", "Afrique"}) {
        BOOST_TEST_CONTEXT(e) { BOOST_TEST(comments.count(e) == 1u); }
    }
    // Counts: Mali is named far more often than Kidal.
    auto found = world().find(article.body);
    auto count_of = [&](const std::string& name) {
        for (const auto& e : found)
            if (e.name == name) return e.count;
        return 0u;
    };
    BOOST_TEST(count_of("Mali") > count_of("Kidal"));
    BOOST_TEST(count_of("Kidal") == 1u);
}

BOOST_AUTO_TEST_CASE(unknown_recurring_names_become_candidates) {
    const std::string text =
        "Le général Moussa Dembélé a rencontré les chefs. Selon Moussa Dembélé, la trêve tiendra. "
        "Après la réunion, Dembélé est reparti vers Kati. Plus tard, Kati a été bouclée. "
        "Janvier fut difficile. Il pleuvait. Jeudi, rien.";
    std::map<std::string, std::string> got;
    for (const auto& e : world().find(text)) got[e.name] = e.type;
    BOOST_TEST(got.count("Moussa Dembélé") == 1u);
    BOOST_TEST(got["Moussa Dembélé"] == "personne");  // Moussa is a first name
    BOOST_TEST(got.count("Kati") == 1u);  // recurs
    // A name at the start of a sentence keeps its first word.
    std::map<std::string, std::string> initial;
    for (const auto& e : world().find("Moussa Dembélé a parlé. Puis il est parti.")) initial[e.name] = e.type;
    BOOST_TEST(initial.count("Moussa Dembélé") == 1u);
    // Words across a line break or punctuation are not one name.
    for (const auto& e : world().find("@Obélix\n« Mieux vaut échouer » dit Obélix.\nMieux encore."))
        BOOST_TEST(e.name.find("Mieux") == std::string::npos, e.name);
    // Sentence starts, months, days and pronouns are not names.
    for (std::string not_name : {"Le", "Selon", "Après", "Janvier", "Il", "Jeudi", "Plus"}) {
        BOOST_TEST_CONTEXT(not_name) { BOOST_TEST(got.count(not_name) == 0u); }
    }
}

BOOST_AUTO_TEST_CASE(users_name_entities_by_any_form) {
    const auto& g = world().gazetteer;
    struct Alias {
        const char* typed;
        const char* canonical;
    };
    for (auto [typed, canonical] : std::vector<Alias>{{"Daech", "État islamique"},
                                                      {"etat islamique", "État islamique"},
                                                      {"russie", "Russie"},
                                                      {"aes", "Alliance des États du Sahel"},
                                                      {"FAMa", "Forces armées maliennes"},
                                                      {"barkhane", "Barkhane"}}) {
        BOOST_TEST_CONTEXT(typed) {
            auto e = g.resolve(typed);
            BOOST_REQUIRE(e.has_value());
            BOOST_TEST(g.entities()[*e].name == canonical);
        }
    }
    BOOST_TEST(!g.resolve("Zorglub").has_value());
}

// A query word stands for an entity only when the gazetteer writes it as a proper name:
// Daech and FAMa do, "français" and "malienne" are ordinary words (France, Mali otherwise).
BOOST_AUTO_TEST_CASE(query_words_name_an_entity_when_written_as_a_proper_name) {
    const auto& g = world().gazetteer;
    struct Case {
        const char* typed;
        const char* entity;  // "" : none
    };
    for (auto [typed, entity] : std::vector<Case>{{"Daech", "État islamique"},
                                                  {"daech", "État islamique"},
                                                  {"FAMa", "Forces armées maliennes"},
                                                  {"État islamique", "État islamique"},
                                                  {"Mali", "Mali"},
                                                  {"français", ""},
                                                  {"malienne", ""},
                                                  {"russo", ""},
                                                  // Canonical names the line also lists in lower
                                                  // case are titles, not names.
                                                  {"armée russe", ""},
                                                  {"Armée française", ""},
                                                  {"forces armées maliennes", "Forces armées maliennes"},
                                                  {"armée malienne", ""},
                                                  {"Zorglub", ""}}) {
        BOOST_TEST_CONTEXT(typed) {
            auto e = g.resolve_proper_name(typed);
            BOOST_TEST((e ? g.entities()[*e].name : std::string()) == entity);
        }
    }
    BOOST_TEST(g.resolve("français").has_value());  // still France for entité:français
}

BOOST_AUTO_TEST_CASE(a_user_file_adds_entities_and_reports_bad_lines) {
    analysis::FrenchAnalyzer analyzer;
    veille::entities::EntityGazetteer g(analyzer);
    std::vector<documents::Diagnostic> diags;
    g.load_tsv("# mes entités\nZorglub\tpersonne\tZorglub|le savant fou\n"
               "Sans type\n"
               "Truc\tmachin\tTruc\n",
               "mes.tsv", diags);
    BOOST_TEST(g.entities().size() == 1u);
    BOOST_REQUIRE(diags.size() == 2u);
    BOOST_TEST(diags[0].to_string().find("mes.tsv:3:") == 0u);
    BOOST_TEST(diags[1].to_string().find("mes.tsv:4:") == 0u);
    veille::entities::EntityMatcher m(g);
    auto found = m.find("Le savant fou arrive.", analyzer.analyze("Le savant fou arrive."), false);
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].name == "Zorglub");
}

BOOST_AUTO_TEST_SUITE_END()
