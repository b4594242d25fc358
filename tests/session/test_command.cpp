// What a line typed at the prompt means: tables of real lines, French and English.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "session/command.hpp"

using veille::schema::Field;
using veille::search::SortOrder;
using veille::session::CommandKind;
using veille::session::FacetChoice;
using veille::session::parse_command;
using veille::session::Refinement;

BOOST_AUTO_TEST_SUITE(command)

BOOST_AUTO_TEST_CASE(lines_are_searches_refinements_or_commands) {
    struct Case {
        std::string line;
        CommandKind kind;
    };
    const std::vector<Case> cases = {
        // Blank: Enter pages on.
        {"", CommandKind::Empty},
        {"   \t ", CommandKind::Empty},
        // A new search, whatever its syntax; a sign inside does not make a refinement.
        {"securite russie", CommandKind::Search},
        {"Kidal OU Gao", CommandKind::Search},
        {"sécurité -Russie", CommandKind::Search},
        {"\"forces russes\" +Mali", CommandKind::Search},
        {"entité:Mali", CommandKind::Search},
        {"- Russie", CommandKind::Search},  // a lone dash is not a sign
        {"--verbose", CommandKind::Search},
        // Every token signed: a refinement of the current search.
        {"+entité:Russie", CommandKind::Refine},
        {"-entité:France", CommandKind::Refine},
        {"+entité:Russie -entité:France +date:2024..", CommandKind::Refine},
        {"+entité:\"État islamique\"", CommandKind::Refine},
        {"-Wagner", CommandKind::Refine},
        {"  +type:commentaire  ", CommandKind::Refine},
        // Commands, French and English names, any case.
        {":n", CommandKind::Next},
        {":suivant", CommandKind::Next},
        {":p", CommandKind::Previous},
        {":précédent", CommandKind::Previous},
        {":show 3", CommandKind::Show},
        {":voir 12", CommandKind::Show},
        {":facets", CommandKind::Facets},
        {":facettes date", CommandKind::Facets},
        {":sort date", CommandKind::Sort},
        {":tri pertinence", CommandKind::Sort},
        {":json", CommandKind::Json},
        {":reset", CommandKind::Reset},
        {":effacer entité:Mali", CommandKind::Reset},
        {":help", CommandKind::Help},
        {":aide", CommandKind::Help},
        {":AIDE", CommandKind::Help},
        {":quit", CommandKind::Quit},
        {":q", CommandKind::Quit},
        {":quitter", CommandKind::Quit},
        {":exit", CommandKind::Quit},
        // Unknown commands and bad arguments say so.
        {":frobnicate", CommandKind::Unknown},
        {":", CommandKind::Unknown},
        {":show", CommandKind::Usage},
        {":show trois", CommandKind::Usage},
        {":show 0", CommandKind::Usage},
        {":show 3x", CommandKind::Usage},
        {":sort hasard", CommandKind::Usage},
        {":sort", CommandKind::Usage},
        {":facets auteurs", CommandKind::Usage},
        {":json peut-être", CommandKind::Usage},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("« " << c.line << " »") {
            BOOST_TEST(static_cast<int>(parse_command(c.line).kind) == static_cast<int>(c.kind));
        }
    }
}

BOOST_AUTO_TEST_CASE(command_arguments) {
    BOOST_TEST(parse_command(":show 3").number == 3);
    BOOST_TEST(parse_command(":show #14").number == 14);
    BOOST_TEST(parse_command("  :voir   7  ").number == 7);
    BOOST_TEST(static_cast<int>(parse_command(":like 2").kind) == static_cast<int>(CommandKind::Like));
    BOOST_TEST(parse_command(":like 2").number == 2);
    BOOST_TEST(parse_command(":proches #5").number == 5);
    BOOST_TEST(static_cast<int>(parse_command(":like deux").kind) == static_cast<int>(CommandKind::Usage));

    struct FacetCase {
        std::string line;
        FacetChoice choice;
    };
    for (const auto& c : std::vector<FacetCase>{{":facets", FacetChoice::All},
                                                {":facets entité", FacetChoice::Entities},
                                                {":facets entite", FacetChoice::Entities},
                                                {":facets ENTITÉS", FacetChoice::Entities},
                                                {":facets entity", FacetChoice::Entities},
                                                {":facets date", FacetChoice::Dates},
                                                {":facets type", FacetChoice::Kinds},
                                                {":facets plus", FacetChoice::MoreEntities},
                                                {":facettes suite", FacetChoice::MoreEntities},
                                                {":facets more", FacetChoice::MoreEntities},
                                                {":f +", FacetChoice::MoreEntities}}) {
        BOOST_TEST_CONTEXT(c.line) {
            const auto cmd = parse_command(c.line);
            BOOST_TEST_REQUIRE(static_cast<int>(cmd.kind) == static_cast<int>(CommandKind::Facets));
            BOOST_TEST(static_cast<int>(cmd.facets) == static_cast<int>(c.choice));
        }
    }

    struct SortCase {
        std::string line;
        SortOrder order;
    };
    for (const auto& c : std::vector<SortCase>{{":sort date", SortOrder::DateNewest},
                                               {":sort récent", SortOrder::DateNewest},
                                               {":sort date-asc", SortOrder::DateOldest},
                                               {":tri ancien", SortOrder::DateOldest},
                                               {":sort pertinence", SortOrder::Relevance},
                                               {":sort relevance", SortOrder::Relevance}}) {
        BOOST_TEST_CONTEXT(c.line) {
            const auto cmd = parse_command(c.line);
            BOOST_TEST_REQUIRE(static_cast<int>(cmd.kind) == static_cast<int>(CommandKind::Sort));
            BOOST_TEST(static_cast<int>(cmd.sort) == static_cast<int>(c.order));
        }
    }

    BOOST_TEST(!parse_command(":json").json.has_value());
    BOOST_TEST(parse_command(":json oui").json.value_or(false) == true);
    BOOST_TEST(parse_command(":json off").json.value_or(true) == false);
    BOOST_TEST(parse_command(":reset").text == "");
    BOOST_TEST(parse_command(":reset  entité:\"État islamique\" ").text == "entité:\"État islamique\"");
    BOOST_TEST(parse_command(":frob 3").text == ":frob");
    BOOST_TEST(parse_command("  mali  russie ").text == "mali  russie");
}

BOOST_AUTO_TEST_CASE(refinements_name_their_field_and_value) {
    struct Case {
        std::string line;
        std::vector<Refinement> expected;
    };
    auto r = [](bool exclude, std::optional<Field> field, std::string field_typed, std::string value, bool quoted,
                std::string typed) { return Refinement{exclude, field, field_typed, value, quoted, typed}; };
    const std::vector<Case> cases = {
        {"+entité:Russie", {r(false, Field::Entity, "entité", "Russie", false, "+entité:Russie")}},
        {"-entity:France", {r(true, Field::Entity, "entity", "France", false, "-entity:France")}},
        {"+ENTITE:mali", {r(false, Field::Entity, "ENTITE", "mali", false, "+ENTITE:mali")}},
        {"+article.entité:Barkhane",
         {r(false, Field::ArticleEntity, "article.entité", "Barkhane", false, "+article.entité:Barkhane")}},
        {"+date:2024..", {r(false, Field::Date, "date", "2024..", false, "+date:2024..")}},
        {"+après:2023-06-01", {r(false, Field::After, "après", "2023-06-01", false, "+après:2023-06-01")}},
        {"-type:commentaire", {r(true, Field::Kind, "type", "commentaire", false, "-type:commentaire")}},
        // Quoted values, with every kind of quote, keep their spaces.
        {"+entité:\"État islamique\"",
         {r(false, Field::Entity, "entité", "État islamique", true, "+entité:\"État islamique\"")}},
        {"+entité:« Burkina Faso »",
         {r(false, Field::Entity, "entité", "Burkina Faso", true, "+entité:« Burkina Faso »")}},
        {"+date:\"6 novembre 2025\"",
         {r(false, Field::Date, "date", "6 novembre 2025", true, "+date:\"6 novembre 2025\"")}},
        // An unclosed quote runs to the end of the line.
        {"+entité:\"État islamique", {r(false, Field::Entity, "entité", "État islamique", true, "+entité:\"État islamique")}},
        // Words and phrases of the query itself.
        {"+sahel -Wagner",
         {r(false, std::nullopt, "", "sahel", false, "+sahel"), r(true, std::nullopt, "", "Wagner", false, "-Wagner")}},
        {"-\"forces russes\"", {r(true, std::nullopt, "", "forces russes", true, "-\"forces russes\"")}},
        // An unknown field is a word (the query language repairs it, with a warning).
        {"+auteur:Obélix", {r(false, std::nullopt, "", "auteur:Obélix", false, "+auteur:Obélix")}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.line) {
            const auto cmd = parse_command(c.line);
            BOOST_TEST_REQUIRE(static_cast<int>(cmd.kind) == static_cast<int>(CommandKind::Refine));
            BOOST_TEST_REQUIRE(cmd.refinements.size() == c.expected.size());
            for (std::size_t i = 0; i < c.expected.size(); ++i) {
                const auto& got = cmd.refinements[i];
                const auto& want = c.expected[i];
                BOOST_TEST(got.exclude == want.exclude);
                BOOST_TEST((got.field == want.field));
                BOOST_TEST(got.field_typed == want.field_typed);
                BOOST_TEST(got.value == want.value);
                BOOST_TEST(got.quoted == want.quoted);
                BOOST_TEST(got.typed == want.typed);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(tokens_keep_quoted_parts_together) {
    struct Case {
        std::string line;
        std::vector<std::string> tokens;
    };
    const std::vector<Case> cases = {
        {"a b  c", {"a", "b", "c"}},
        {"+entité:\"État islamique\" -type:article", {"+entité:\"État islamique\"", "-type:article"}},
        {"« forces russes » Mali", {"« forces russes »", "Mali"}},
        {"“la présence” russe", {"“la présence”", "russe"}},
        {"\"non fermé jusqu'au bout", {"\"non fermé jusqu'au bout"}},
        {"mot\u00A0insécable", {"mot", "insécable"}},  // a no-break space separates too
        {"", {}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.line) {
            BOOST_TEST(veille::session::split_tokens(c.line) == c.tokens, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(folding_ignores_case_and_accents) {
    struct Case {
        std::string in, out;
    };
    for (const auto& c : std::vector<Case>{{"Entité", "entite"},
                                           {"ÉTAT", "etat"},
                                           {"Précédent", "precedent"},
                                           {"Œuvre", "oeuvre"},
                                           {"Façade", "facade"},
                                           {"naïf", "naif"},
                                           {"l’AES", "l'aes"},
                                           {"漢字", "漢字"}}) {
        BOOST_TEST(veille::session::fold(c.in) == c.out, c.in);
    }
}

BOOST_AUTO_TEST_SUITE_END()
