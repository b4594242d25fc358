// The session state machine, as scripts: each row is a line typed at the prompt and what
// must follow (the action, the query that would run, the page, what the user is told).
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "session/session.hpp"

using veille::output::Lang;
using veille::schema::Field;
using veille::search::SortOrder;
using veille::session::Session;
using Action = Session::Action;

namespace {

struct Row {
    std::string line;
    Action action;
    std::string query;         // effective_query() after the line
    std::uint32_t offset = 0;  // offset() after the line
    std::string note = "";     // a note containing this ("" = no note at all)
    bool error = false;
    std::optional<std::uint64_t> total = std::nullopt;  // the front-end reports this total after a search
};

const char* name(Action a) {
    switch (a) {
        case Action::None: return "None";
        case Action::Search: return "Search";
        case Action::Show: return "Show";
        case Action::Like: return "Like";
        case Action::Facets: return "Facets";
        case Action::Help: return "Help";
        case Action::Quit: return "Quit";
    }
    return "?";
}

void play(Session& s, const std::vector<Row>& script) {
    for (std::size_t i = 0; i < script.size(); ++i) {
        const Row& row = script[i];
        BOOST_TEST_CONTEXT("line " << i + 1 << ": « " << row.line << " »") {
            const auto step = s.handle(row.line);
            BOOST_TEST(name(step.action) == name(row.action));
            BOOST_TEST(s.effective_query() == row.query);
            BOOST_TEST(s.offset() == row.offset);
            if (row.note.empty()) {
                BOOST_TEST(step.notes.empty(), (step.notes.empty() ? "" : step.notes.front()));
            } else {
                BOOST_TEST_REQUIRE(step.notes.size() >= 1u);
                bool found = false;
                for (const auto& n : step.notes) found = found || n.find(row.note) != std::string::npos;
                BOOST_TEST(found, "notes: " << step.notes.front());
            }
            BOOST_TEST(step.error == row.error);
            if (row.total) s.record_total(*row.total);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(session)

// :like N asks the front-end for hit N, whose id makes the search "similar to" it: filters
// still apply, paging works, a new query or a +word ends it.
BOOST_AUTO_TEST_CASE(like_turns_a_hit_into_a_search_for_similar_documents) {
    Session s(Lang::Fr, 10);
    play(s, {
                {":like 1", Action::None, "", 0, "Pas encore de recherche", true},
                {"barkhane", Action::Search, "barkhane", 0, "", false, 12},
                {":like 13", Action::None, "barkhane", 0, "Pas de résultat n° 13 (il y en a 12)", true},
                {":like", Action::None, "barkhane", 0, "Usage : :like N", true},
                {":semblables 2", Action::Like, "barkhane"},
            });
    // The front-end found hit 2: "Fin de Barkhane", id a1.
    auto step = s.like("a1", "Fin de Barkhane");
    BOOST_TEST(name(step.action) == std::string("Search"));
    BOOST_TEST(s.search_options().like_id == "a1");
    BOOST_TEST(s.search_options().query == "");
    BOOST_TEST(s.description() == "semblables à « Fin de Barkhane »");
    s.record_total(30);
    play(s, {
                {"", Action::Search, "", 10},
                {"+type:commentaire", Action::Search, "type:commentaire", 0},
            });
    BOOST_TEST(s.search_options().like_id == "a1");
    BOOST_TEST(s.description() == "semblables à « Fin de Barkhane » · type:commentaire");
    play(s, {{"+Wagner", Action::Search, "type:commentaire +Wagner", 0}});
    BOOST_TEST(s.search_options().like_id == "");
    s.like("a1", "Fin de Barkhane");
    play(s, {{"Russie", Action::Search, "type:commentaire Russie", 0}});
    BOOST_TEST(s.search_options().like_id == "");
}

BOOST_AUTO_TEST_CASE(search_then_page_through_the_results) {
    Session s(Lang::Fr, 10);
    play(s, {
                // Nothing searched yet: Enter does nothing, paging says why.
                {"", Action::None, ""},
                {":n", Action::None, "", 0, "Pas encore de recherche", true},
                {":show 1", Action::None, "", 0, "Pas encore de recherche", true},
                {":facets", Action::None, "", 0, "Pas encore de recherche", true},
                // 25 hits: pages at 0, 10, 20.
                {"mali russie", Action::Search, "mali russie", 0, "", false, 25},
                {"", Action::Search, "mali russie", 10},
                {":n", Action::Search, "mali russie", 20},
                {":n", Action::None, "mali russie", 20, "Dernière page"},
                {"", Action::None, "mali russie", 20, "Dernière page"},
                {":p", Action::Search, "mali russie", 10},
                {":p", Action::Search, "mali russie", 0},
                {":p", Action::None, "mali russie", 0, "première page"},
                // :show within the total, not beyond.
                {":show 12", Action::Show, "mali russie", 0},
                {":show 26", Action::None, "mali russie", 0, "Pas de résultat n° 26 (il y en a 25)", true},
                // A new query starts again at the first page.
                {":n", Action::Search, "mali russie", 10},
                {"zanzibar", Action::Search, "zanzibar", 0, "", false, 0},
                {"", Action::None, "zanzibar"},  // no results: Enter has nothing to say
                {"barkhane", Action::Search, "barkhane", 0, "", false, 3},
                {"", Action::None, "barkhane", 0, "Dernière page"},
                {":aide", Action::Help, "barkhane"},
                {":facets date", Action::Facets, "barkhane"},
                {":frob", Action::None, "barkhane", 0, "Commande inconnue : :frob", true},
                {":show", Action::None, "barkhane", 0, "Usage : :show N", true},
                {":quit", Action::Quit, "barkhane"},
            });
}

BOOST_AUTO_TEST_CASE(refine_with_filters_without_retyping) {
    Session s(Lang::Fr, 10);
    play(s, {
                {"sécurité", Action::Search, "sécurité", 0, "", false, 40},
                {":n", Action::Search, "sécurité", 10},
                // A filter narrows and goes back to the first page; filters come first.
                {"+entité:Russie", Action::Search, "entité:Russie sécurité", 0, "", false, 12},
                {"-entité:France", Action::Search, "entité:Russie -entité:France sécurité", 0},
                // The same filter twice: nothing to do. The opposite sign: it flips.
                {"+entité:russie", Action::None, "entité:Russie -entité:France sécurité", 0, "Filtre déjà actif"},
                {"+entité:France", Action::Search, "entité:Russie entité:France sécurité", 0,
                 "-entité:France remplacé par entité:France"},
                // Dates narrow; a document has one type, so a new type replaces the old.
                {"+date:2024..", Action::Search, "entité:Russie entité:France date:2024.. sécurité"},
                {"+type:commentaire", Action::Search,
                 "entité:Russie entité:France date:2024.. type:commentaire sécurité"},
                {"+type:articles", Action::Search, "entité:Russie entité:France date:2024.. type:article sécurité", 0,
                 "type:commentaire remplacé par type:article"},
                // Bad values are refused and change nothing.
                {"+date:hier", Action::None, "entité:Russie entité:France date:2024.. type:article sécurité", 0,
                 "« hier » n’est pas une date", true},
                {"+type:vidéo", Action::None, "entité:Russie entité:France date:2024.. type:article sécurité", 0,
                 "n’est pas un type", true},
                {"+id:abc", Action::None, "entité:Russie entité:France date:2024.. type:article sécurité", 0,
                 "ne s’ajoute pas en filtre", true},
                {"+entité:", Action::None, "entité:Russie entité:France date:2024.. type:article sécurité", 0,
                 "il manque la valeur", true},
                // Removing one filter, all filters of a field, then all.
                {":reset entité:france", Action::Search, "entité:Russie date:2024.. type:article sécurité", 0,
                 "Filtre retiré : entité:France"},
                {":reset type", Action::Search, "entité:Russie date:2024.. sécurité", 0, "Filtre retiré : type:article"},
                {":reset entité:Inconnu", Action::None, "entité:Russie date:2024.. sécurité", 0,
                 "Aucun filtre actif ne correspond", true},
                {":reset", Action::Search, "sécurité", 0, "Filtres effacés"},
            });
}

BOOST_AUTO_TEST_CASE(refine_words_and_keep_the_query_meaning) {
    Session s(Lang::Fr, 10);
    play(s, {
                {"mali", Action::Search, "mali"},
                {"+sahel -Wagner", Action::Search, "mali +sahel -Wagner"},
                {"+titre:Barkhane", Action::Search, "mali +sahel -Wagner +titre:Barkhane"},
                {"-\"forces russes\"", Action::Search, "mali +sahel -Wagner +titre:Barkhane -\"forces russes\""},
                // An OR query is grouped before anything is added, so it applies to all of it.
                {"Kidal OU Gao", Action::Search, "Kidal OU Gao"},
                {"-Wagner", Action::Search, "(Kidal OU Gao) -Wagner"},
                {"Kidal OR Gao", Action::Search, "Kidal OR Gao"},
                {"+entité:Mali", Action::Search, "entité:Mali (Kidal OR Gao)"},
                {":reset", Action::Search, "Kidal OR Gao", 0, "Filtres effacés"},
                // An unclosed quote is closed before a word is added after it.
                {"\"forces russes", Action::Search, "\"forces russes"},
                {"+Mali", Action::Search, "\"forces russes\" +Mali"},
                {"(Kidal OU Gao", Action::Search, "(Kidal OU Gao"},
                {"+Mali", Action::Search, "(Kidal OU Gao) +Mali"},
            });
}

BOOST_AUTO_TEST_CASE(filters_alone_list_what_passes_and_reset_ends_the_search) {
    Session s(Lang::Fr, 5);
    play(s, {
                {"+type:article", Action::Search, "type:article", 0, "", false, 6},
                {":n", Action::Search, "type:article", 5},
                {"+entité:\"Burkina Faso\"", Action::Search, "type:article entité:\"Burkina Faso\"", 0},
                // Nothing left to search: no search runs and paging says so.
                {":reset", Action::None, "", 0, "Filtres effacés"},
                {":n", Action::None, "", 0, "Pas encore de recherche", true},
            });
    BOOST_TEST(!s.total().has_value());
}

BOOST_AUTO_TEST_CASE(entity_names_are_canonical) {
    Session s(Lang::Fr, 10);
    s.set_entity_namer([](std::string_view name) -> std::optional<std::string> {
        if (name == "daech" || name == "EI") return std::string("État islamique");
        if (name == "russie") return std::string("Russie");
        return std::nullopt;
    });
    play(s, {
                {"+entité:daech", Action::Search, "entité:\"État islamique\""},
                {"+entité:EI", Action::None, "entité:\"État islamique\"", 0, "Filtre déjà actif"},
                // A name the index does not hold could only empty the results: refused.
                {"-entité:russie +article.entité:Inconnu", Action::Search,
                 "entité:\"État islamique\" -entité:Russie", 0,
                 "« Inconnu » : aucune entité de ce nom dans l’index", true},
                {"+entité:macr", Action::None, "entité:\"État islamique\" -entité:Russie", 0,
                 "Tab propose les noms connus", true},
                {":reset entité:daech", Action::Search, "-entité:Russie", 0,
                 "Filtre retiré : entité:\"État islamique\""},
            });
    BOOST_TEST(s.filters_text() == "-entité:Russie");
}

BOOST_AUTO_TEST_CASE(sort_and_json_apply_from_the_first_page) {
    Session s(Lang::Fr, 10);
    play(s, {
                {":sort date", Action::None, "", 0, "Tri : par date, les plus récents d’abord"},
                {"mali", Action::Search, "mali", 0, "", false, 30},
                {":n", Action::Search, "mali", 10},
                {":sort date-asc", Action::Search, "mali", 0, "les plus anciens d’abord"},
                {":sort pertinence", Action::Search, "mali", 0, "Tri : par pertinence"},
                {":json", Action::Search, "mali", 0, "Sortie JSON activée"},
                {":json", Action::Search, "mali", 0, "Sortie JSON désactivée"},
                {":json oui", Action::Search, "mali", 0, "Sortie JSON activée"},
            });
    BOOST_TEST(s.json());
    BOOST_TEST((s.sort() == SortOrder::Relevance));
}

BOOST_AUTO_TEST_CASE(an_estimate_that_promised_too_much) {
    // "environ 9 résultats": page 2 comes back empty, so page 1 was the last.
    Session s(Lang::Fr, 5);
    play(s, {
                {"mali", Action::Search, "mali", 0, "", false, 9},
                {"", Action::Search, "mali", 5},
            });
    s.page_was_empty();
    BOOST_TEST(s.offset() == 0u);
    play(s, {
                {"", Action::None, "mali", 0, "Dernière page"},
                {":n", Action::None, "mali", 0, "Dernière page"},
                {":show 6", Action::None, "mali", 0, "Pas de résultat n° 6 (il y en a 5)", true},
            });
}

BOOST_AUTO_TEST_CASE(the_searches_to_run) {
    Session s(Lang::Fr, 7);
    s.handle("kidal");
    s.handle("+entité:Mali");
    s.record_total(30);
    s.handle(":n");
    const auto page = s.search_options();
    BOOST_TEST(page.query == "entité:Mali kidal");
    BOOST_TEST(page.limit == 7u);
    BOOST_TEST(page.offset == 7u);
    BOOST_TEST(page.facets);  // the summary line needs them on every page
    const auto one = s.hit_options(12);
    BOOST_TEST(one.query == page.query);
    BOOST_TEST(one.limit == 1u);
    BOOST_TEST(one.offset == 11u);
    BOOST_TEST(!one.facets);
    const auto facets = s.facet_options();
    BOOST_TEST(facets.limit == 0u);
    BOOST_TEST(facets.facets);
    BOOST_TEST(facets.facet_entities == 20u);  // a page of entities (--facet-limit)
    BOOST_TEST(facets.facet_entity_offset == 0u);
    BOOST_TEST(s.facet_options(40).facet_entity_offset == 40u);
    BOOST_TEST(s.description() == "kidal · entité:Mali");
}

// :facets lists the first --facet-limit entities, :facets plus the next ones, until the last;
// a new search starts again from the first.
BOOST_AUTO_TEST_CASE(facets_page_through_the_entities) {
    Session s(Lang::Fr, 10);
    s.set_facet_limit(15);
    BOOST_TEST(s.search_options().facet_entities == 15u);  // the summary line's too
    auto facets = [&](std::string_view line, std::uint64_t first, std::string_view choice = "") {
        const auto step = s.handle(line);
        BOOST_TEST_CONTEXT(line) {
            BOOST_TEST(name(step.action) == std::string("Facets"));
            BOOST_TEST(step.notes.empty());
            BOOST_TEST(step.first_entity == first);
            if (!choice.empty())
                BOOST_TEST((step.facets == (choice == "plus" ? veille::session::FacetChoice::MoreEntities
                                                             : veille::session::FacetChoice::All)));
            BOOST_TEST(s.facet_options(step.first_entity).facet_entities == 15u);
        }
        s.record_entity_total(40);  // what the front-end's facet search found
    };
    auto last = [&](std::string_view line) {
        const auto step = s.handle(line);
        BOOST_TEST_CONTEXT(line) {
            BOOST_TEST(name(step.action) == std::string("None"));
            BOOST_TEST_REQUIRE(step.notes.size() == 1u);
            BOOST_TEST(step.notes.front() == "Il n’y a pas d’autre entité (:facets revient aux premières).");
            BOOST_TEST(!step.error);
        }
    };
    play(s, {{":facets plus", Action::None, "", 0, "Pas encore de recherche", true}});
    s.handle("mali");
    facets(":facets", 0, "all");
    facets(":facets plus", 15, "plus");
    facets(":facets date", 0);  // dates only: the entity pages stay where they are
    facets(":facets plus", 30, "plus");
    last(":facets plus");  // 40 entities: 30 to 39 were the last
    last(":facets plus");
    facets(":facets entité", 0);  // back to the first
    facets(":facets plus", 15);
    // Paging through the hits keeps the entity pages; another search starts them again.
    s.record_total(30);
    play(s, {{":n", Action::Search, "mali", 10}});
    facets(":facets plus", 30);
    play(s, {{"+entité:Niger", Action::Search, "entité:Niger mali", 0}});
    facets(":facets plus", 0);
    facets(":facets plus", 15);
    play(s, {{"kidal", Action::Search, "entité:Niger kidal", 0}});
    facets(":facets plus", 0);

    // --facet-limit 0: every entity at once, so there is no next page.
    Session all(Lang::Fr, 10);
    all.set_facet_limit(0);
    all.handle("mali");
    BOOST_TEST(all.search_options().facet_entities == 0u);
    BOOST_TEST(all.handle(":facets").first_entity == 0u);
    const auto none = all.handle(":facets plus");
    BOOST_TEST(name(none.action) == std::string("None"));
    BOOST_TEST(!none.notes.empty());
}

BOOST_AUTO_TEST_CASE(english_names_for_the_user_french_for_the_query) {
    Session s(Lang::En, 10);
    play(s, {
                {"+entity:Russia -type:comment +after:2023", Action::Search,
                 "entité:Russia -type:commentaire après:2023"},
                {"+date:yesterday", Action::None, "entité:Russia -type:commentaire après:2023", 0,
                 "“yesterday” is not a date", true},
                {":n", Action::Search, "entité:Russia -type:commentaire après:2023", 10},
            });
    BOOST_TEST(s.filters_text() == "entity:Russia -type:comment after:2023");
}

BOOST_AUTO_TEST_CASE(options_given_on_the_command_line_are_filters) {
    Session s(Lang::Fr, 10);
    std::string error;
    BOOST_TEST(s.add_filter(Field::Entity, "Barkhane", false, &error));
    BOOST_TEST(s.add_filter(Field::Kind, "comment", false, &error));
    BOOST_TEST(s.add_filter(Field::Date, "2024..", false, &error));
    BOOST_TEST(!s.add_filter(Field::Date, "..demain", false, &error));
    BOOST_TEST(error.find("n’est pas une date") != std::string::npos, error);
    BOOST_TEST(s.filters_text() == "entité:Barkhane type:commentaire date:2024..");
    BOOST_TEST(s.has_search());
}

BOOST_AUTO_TEST_SUITE_END()
