// The interactive views' pieces: the message catalogue (French and English), word wrapping
// by display width, the one-line facet summary, the full facet tables and the thread view.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "output/messages.hpp"
#include "output/terminal_renderer.hpp"
#include "output/thread_renderer.hpp"
#include "output/wrap.hpp"
#include "text/utf8.hpp"

using veille::output::Lang;
using veille::output::Msg;
using veille::output::TerminalStyle;

namespace {

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

std::size_t placeholders(std::string_view s) {
    std::size_t n = 0;
    for (auto at = s.find("{}"); at != std::string_view::npos; at = s.find("{}", at + 2)) ++n;
    return n;
}

veille::search::Facets sample_facets() {
    veille::search::Facets f;
    f.computed = true;
    f.entities = {{"Mali", "pays", 40},         {"Russie", "pays", 31},  {"État islamique", "groupe armé", 12},
                  {"Barkhane", "opération militaire", 9}, {"Assimi Goïta", "personne", 4}, {"Kidal", "ville/région", 3}};
    f.kinds = {{"article", 6}, {"comment", 38}};
    f.dates = {{"2024-11", 5}, {"2025-01", 12}, {"2025-11", 25}};
    f.date_granularity = "month";
    f.undated = 2;
    return f;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layout)

BOOST_AUTO_TEST_CASE(every_message_exists_in_both_languages_with_the_same_blanks) {
    for (int i = 0; i < static_cast<int>(Msg::Count_); ++i) {
        const auto msg = static_cast<Msg>(i);
        BOOST_TEST_CONTEXT("message " << i << ": " << veille::output::message(Lang::Fr, msg)) {
            const auto fr = veille::output::message(Lang::Fr, msg);
            const auto en = veille::output::message(Lang::En, msg);
            BOOST_TEST(!fr.empty());
            BOOST_TEST(!en.empty());
            BOOST_TEST(placeholders(fr) == placeholders(en));
        }
    }
    // French typography: a space before the colon of a label.
    BOOST_TEST(veille::output::say(Lang::Fr, Msg::Error, {"x"}) == "Erreur : x");
    BOOST_TEST(veille::output::say(Lang::En, Msg::Error, {"x"}) == "Error: x");
}

BOOST_AUTO_TEST_CASE(fill_puts_arguments_in_order) {
    BOOST_TEST(veille::output::fill("{} à {}", {"1", "10"}) == "1 à 10");
    BOOST_TEST(veille::output::fill("{} et {}", {"seul"}) == "seul et ");
    BOOST_TEST(veille::output::fill("sans blanc", {"x"}) == "sans blanc");
    BOOST_TEST(veille::output::fill("{", {"x"}) == "{");
}

BOOST_AUTO_TEST_CASE(the_language_comes_from_the_option_or_the_locale) {
    BOOST_TEST((veille::output::lang_by_name("EN") == Lang::En));
    BOOST_TEST((veille::output::lang_by_name("français") == Lang::Fr));
    BOOST_TEST(!veille::output::lang_by_name("de").has_value());

    struct Case {
        std::optional<std::string> lc_all, lc_messages, lang;
        Lang expected;
    };
    const std::vector<Case> cases = {
        {std::nullopt, std::nullopt, std::nullopt, Lang::Fr},
        {std::nullopt, std::nullopt, "en_GB.UTF-8", Lang::En},
        {std::nullopt, std::nullopt, "fr_FR.UTF-8", Lang::Fr},
        {std::nullopt, std::nullopt, "C.UTF-8", Lang::Fr},
        {std::nullopt, "en_US.UTF-8", "fr_FR.UTF-8", Lang::En},
        {"fr_CA.UTF-8", "en_US.UTF-8", "en_US.UTF-8", Lang::Fr},
        {"", std::nullopt, "en_US", Lang::En},  // empty is unset
    };
    const char* names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    std::optional<std::string> saved[3];
    for (int i = 0; i < 3; ++i)
        if (const char* v = std::getenv(names[i])) saved[i] = v;
    for (const auto& c : cases) {
        const std::optional<std::string>* values[] = {&c.lc_all, &c.lc_messages, &c.lang};
        for (int i = 0; i < 3; ++i) {
            if (*values[i]) ::setenv(names[i], (*values[i])->c_str(), 1);
            else ::unsetenv(names[i]);
        }
        BOOST_TEST_CONTEXT(c.lc_all.value_or("-") << " " << c.lc_messages.value_or("-") << " " << c.lang.value_or("-")) {
            BOOST_TEST((veille::output::lang_from_environment() == c.expected));
        }
    }
    for (int i = 0; i < 3; ++i) {
        if (saved[i]) ::setenv(names[i], saved[i]->c_str(), 1);
        else ::unsetenv(names[i]);
    }
}

BOOST_AUTO_TEST_CASE(numbers_and_types_in_each_language) {
    BOOST_TEST(veille::output::group_digits(Lang::Fr, 1234567) == "1\u202F234\u202F567");
    BOOST_TEST(veille::output::group_digits(Lang::En, 1234567) == "1,234,567");
    BOOST_TEST(veille::output::group_digits(Lang::En, 999) == "999");
    BOOST_TEST(veille::output::entity_type_label(Lang::En, "groupe armé") == "armed group");
    BOOST_TEST(veille::output::entity_type_label(Lang::Fr, "groupe armé") == "groupe armé");
    BOOST_TEST(veille::output::entity_type_label(Lang::En, "inconnu") == "inconnu");
}

BOOST_AUTO_TEST_CASE(wrapping_fits_columns_and_keeps_every_word) {
    const std::string text =
        "Les Forces armées maliennes ont repris Kidal, où l’État islamique au Grand Sahara "
        "et le GSIM se disputaient la route de Tinzaouatène ; 漢字漢字 https://exemple.org/un/très/long/chemin/qui/déborde";
    for (std::size_t width : {12u, 20u, 33u, 80u}) {
        BOOST_TEST_CONTEXT(width << " columns") {
            const auto lines = veille::output::wrap_words(text, width, width);
            std::string joined;
            for (const auto& line : lines) {
                std::string shown;
                for (std::size_t k = 0; k < line.size(); ++k)
                    shown += (k ? " " : "") + text.substr(line[k].first, line[k].second - line[k].first);
                BOOST_TEST(veille::text::display_width(shown) <= width, shown);
                BOOST_TEST(!shown.empty());
                joined += shown;
            }
            // Nothing lost or repeated: the same non-space characters in the same order.
            std::string a = text, b = joined;
            std::erase(a, ' ');
            std::erase(b, ' ');
            BOOST_TEST(a == b);
        }
    }
    // The first line may be narrower (a hanging label).
    const auto hanging = veille::output::wrap_words("un deux trois quatre cinq", 20, 8);
    BOOST_TEST_REQUIRE(hanging.size() == 2u);
    BOOST_TEST(hanging[0].size() == 2u);  // "un deux"
}

BOOST_AUTO_TEST_CASE(cutting_to_a_width) {
    struct Case {
        std::string in;
        std::size_t width;
        std::string out;
    };
    const std::vector<Case> cases = {
        {"Sécurité au Mali", 40, "Sécurité au Mali"},
        {"Sécurité au Mali", 16, "Sécurité au Mali"},
        {"Sécurité au Mali", 15, "Sécurité au Ma…"},
        {"Sécurité au Mali", 12, "Sécurité au…"},  // no space left before the ellipsis
        {"漢字漢字", 5, "漢字…"},
        {"abc", 0, ""},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.in << " in " << c.width) {
            const std::string got = veille::output::fit_width(c.in, c.width);
            BOOST_TEST(got == c.out);
            BOOST_TEST(veille::text::display_width(got) <= c.width);
        }
    }
    BOOST_TEST(veille::output::pad_right("été", 5) == "été  ");
}

BOOST_AUTO_TEST_CASE(marked_text_is_cleaned_piece_by_piece) {
    const std::string text = "la \x1b[31msécurité\x1b[0m\tau Mali";
    const std::size_t b = text.find("sécurité");
    const auto marked = veille::output::mark_line(text, {{b, b + std::string("sécurité").size()}});
    BOOST_TEST(marked.text == "la sécurité au Mali");
    BOOST_TEST_REQUIRE(marked.lit.size() == marked.text.size());
    BOOST_TEST(marked.lit[3]);
    BOOST_TEST(!marked.lit[2]);
    BOOST_TEST(!marked.lit[marked.text.size() - 1]);
}

BOOST_AUTO_TEST_CASE(the_facet_summary_is_one_line_that_fits) {
    const auto facets = sample_facets();
    for (std::size_t width : {40u, 60u, 100u, 200u}) {
        BOOST_TEST_CONTEXT(width << " columns") {
            std::ostringstream out;
            veille::output::render_facet_summary(out, facets, TerminalStyle{false, width});
            const auto lines = lines_of(out.str());
            BOOST_TEST_REQUIRE(lines.size() == 1u);
            BOOST_TEST(veille::text::display_width(lines[0]) <= width, lines[0]);
        }
    }
    auto summary = [](const auto& f, std::size_t width, Lang lang = Lang::Fr) {
        std::ostringstream out;
        veille::output::render_facet_summary(out, f, TerminalStyle{false, width, lang});
        return out.str();
    };
    BOOST_TEST(summary(facets, 200) ==
               "Entités : Mali 40 · Russie 31 · État islamique 12 · Barkhane 9 · Assimi Goïta 4 · Kidal 3"
               " │ 6 articles, 38 commentaires │ 2024-11 → 2025-11 (2 sans date)\n");
    // Entities that do not fit end the list with "…"; how many, when that fits too.
    BOOST_TEST(summary(facets, 100) ==
               "Entités : Mali 40 · Russie 31 · … │ 6 articles, 38 commentaires │ 2024-11 → 2025-11 (2 sans date)\n");
    BOOST_TEST(summary(facets, 115) == "Entités : Mali 40 · Russie 31 · … 4 de plus │ 6 articles, 38 commentaires │ "
                                       "2024-11 → 2025-11 (2 sans date)\n");
    // So are those counted but not listed (--facet-limit 6 of 57).
    auto limited = facets;
    limited.entities_total = 57;
    BOOST_TEST(summary(limited, 200) ==
               "Entités : Mali 40 · Russie 31 · État islamique 12 · Barkhane 9 · Assimi Goïta 4 · Kidal 3 · … 51 de plus"
               " │ 6 articles, 38 commentaires │ 2024-11 → 2025-11 (2 sans date)\n");
    const std::string limited_en = summary(limited, 100, Lang::En);
    BOOST_TEST(contains(limited_en, "Entities: Mali 40 · Russie 31 · … 55 more │"), limited_en);
    std::ostringstream limited_narrow;
    veille::output::render_facet_summary(limited_narrow, limited, TerminalStyle{false, 100});
    BOOST_TEST(contains(limited_narrow.str(), "Entités : Mali 40 · Russie 31 · … │"), limited_narrow.str());
    std::ostringstream english;
    veille::output::render_facet_summary(english, facets, TerminalStyle{false, 200, Lang::En});
    BOOST_TEST(contains(english.str(), "Entities: Mali 40"));
    BOOST_TEST(contains(english.str(), "6 articles, 38 comments"));
    BOOST_TEST(contains(english.str(), "(2 undated)"));

    // One of each, one date, nothing dated.
    veille::search::Facets one;
    one.computed = true;
    one.kinds = {{"article", 1}, {"comment", 1}};
    one.dates = {{"2025", 2}};
    std::ostringstream single;
    veille::output::render_facet_summary(single, one, TerminalStyle{false, 100});
    BOOST_TEST(single.str() == "1 article, 1 commentaire │ 2025\n");
    // A collection without comments does not say "0 commentaires" on every page.
    veille::search::Facets articles_only;
    articles_only.computed = true;
    articles_only.entities = {{"France", "pays", 630}};
    articles_only.kinds = {{"article", 888}};
    std::ostringstream only;
    veille::output::render_facet_summary(only, articles_only, TerminalStyle{false, 100});
    BOOST_TEST(only.str() == "Entités : France 630 │ 888 articles\n");
    veille::search::Facets none;
    std::ostringstream nothing;
    veille::output::render_facet_summary(nothing, none, TerminalStyle{false, 100});
    BOOST_TEST(nothing.str().empty());
}

BOOST_AUTO_TEST_CASE(full_facet_tables) {
    const auto facets = sample_facets();
    std::ostringstream entities;
    veille::output::render_facet_table(entities, facets, veille::output::FacetTable::Entities, TerminalStyle{false, 60});
    const auto lines = lines_of(entities.str());
    BOOST_TEST_REQUIRE(lines.size() == 2u + facets.entities.size());
    BOOST_TEST(lines[1] == "Entités (6)");
    // One entity per line, counts right-aligned in one column.
    BOOST_TEST(lines[2] == "   Mali            pays                 40");
    BOOST_TEST(lines[4] == "   État islamique  groupe armé          12");
    BOOST_TEST(lines[7] == "   Kidal           ville/région          3");

    // A page of the entities (:facets plus, --facet-limit 6 of 57): which ones, how many follow.
    auto page = facets;
    page.entities_first = 6;
    page.entities_total = 57;
    std::ostringstream paged;
    veille::output::render_facet_table(paged, page, veille::output::FacetTable::Entities, TerminalStyle{false, 60});
    const auto page_lines = lines_of(paged.str());
    BOOST_TEST_REQUIRE(page_lines.size() == 3u + page.entities.size());
    BOOST_TEST(page_lines[1] == "Entités 7 à 12 sur 57");
    BOOST_TEST(page_lines[2] == lines[2]);
    BOOST_TEST(page_lines.back() == "   … 45 de plus");
    std::ostringstream paged_en;
    veille::output::render_facet_table(paged_en, page, veille::output::FacetTable::Entities,
                                       TerminalStyle{false, 60, Lang::En});
    BOOST_TEST(contains(paged_en.str(), "\nEntities 7 to 12 of 57\n"), paged_en.str());
    BOOST_TEST(contains(paged_en.str(), "   … 45 more\n"), paged_en.str());
    // The last page: nothing follows.
    page.entities_first = 51;
    std::ostringstream last;
    veille::output::render_facet_table(last, page, veille::output::FacetTable::Entities, TerminalStyle{false, 60});
    BOOST_TEST(lines_of(last.str())[1] == "Entités 52 à 57 sur 57");
    BOOST_TEST(!contains(last.str(), "de plus"));
    // The grouped view of --facets says how many were left out too.
    std::ostringstream grouped;
    page.entities_first = 0;
    veille::output::render_facets(grouped, page, TerminalStyle{false, 100});
    BOOST_TEST(contains(grouped.str(), "\n   … 51 de plus\n\nTypes\n"), grouped.str());
    std::ostringstream complete;
    veille::output::render_facets(complete, facets, TerminalStyle{false, 100});
    BOOST_TEST(!contains(complete.str(), "de plus"), complete.str());

    std::ostringstream dates;
    veille::output::render_facet_table(dates, facets, veille::output::FacetTable::Dates, TerminalStyle{false, 80});
    const auto rows = lines_of(dates.str());
    BOOST_TEST_REQUIRE(rows.size() == 6u);
    BOOST_TEST(rows[1] == "Dates (par mois)");
    // Bars proportional to the largest bucket (25 -> 50 blocks).
    auto bar = [](const std::string& row) {
        std::size_t n = 0;
        for (auto at = row.find("\u2588"); at != std::string::npos; at = row.find("\u2588", at + 1)) ++n;
        return n;
    };
    BOOST_TEST(bar(rows[4]) == 50u);
    BOOST_TEST(bar(rows[3]) == 24u);
    BOOST_TEST(bar(rows[2]) == 10u);
    BOOST_TEST(rows[5].starts_with("   date inconnue"));

    std::ostringstream kinds;
    veille::output::render_facet_table(kinds, facets, veille::output::FacetTable::Kinds, TerminalStyle{false, 80, Lang::En});
    BOOST_TEST(kinds.str() == "\nTypes\n   articles 6\n   comments 38\n");
}

BOOST_AUTO_TEST_CASE(long_titles_are_cut_to_the_width_keeping_the_date) {
    veille::search::SearchResults r;
    r.query = "mali";
    r.total = 1;
    r.total_is_exact = true;
    veille::search::Hit h;
    h.rank = 1;
    h.title = "Au Mali, la junte d’Assimi Goïta prolonge la transition et repousse encore les élections promises";
    h.date = "2025-11-06";
    h.path = "a.txt";
    h.snippet.text = "texte";
    r.hits = {h};
    std::ostringstream out;
    veille::output::render_text(out, r, TerminalStyle{false, 60});
    const auto lines = lines_of(out.str());
    BOOST_TEST_REQUIRE(lines.size() >= 3u);
    BOOST_TEST(veille::text::display_width(lines[2]) <= 60u, lines[2]);
    BOOST_TEST(lines[2].starts_with("1. [article] Au Mali, la junte"));
    BOOST_TEST(lines[2].ends_with("… — 2025-11-06"));
}

BOOST_AUTO_TEST_CASE(reprints_are_counted_under_their_hit) {
    struct Case {
        std::uint32_t duplicates;
        std::vector<std::string> sources;
        Lang lang;
        std::string line;
    };
    const std::vector<Case> cases = {
        {1, {"RFI"}, Lang::Fr, "   + 1 autre source : RFI"},
        {3, {"RFI", "Le Monde"}, Lang::Fr, "   + 3 autres sources : RFI, Le Monde"},
        {2, {}, Lang::Fr, "   + 2 autres sources"},
        {2, {"RFI"}, Lang::En, "   + 2 other sources: RFI"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.line) {
            veille::search::SearchResults r;
            r.query = "mali";
            r.total = 1;
            r.total_is_exact = true;
            veille::search::Hit h;
            h.rank = 1;
            h.title = "Titre";
            h.path = "a.txt";
            h.duplicates = c.duplicates;
            h.duplicate_sources = c.sources;
            r.hits = {h};
            std::ostringstream out;
            veille::output::render_text(out, r, TerminalStyle{false, 80, c.lang});
            const auto lines = lines_of(out.str());
            BOOST_TEST_REQUIRE(lines.size() >= 5u);
            BOOST_TEST(lines[4] == c.line);
        }
    }
}

BOOST_AUTO_TEST_CASE(spelling_suggestions_and_corrections) {
    veille::search::SearchResults r;
    r.query = "securté";
    r.suggestion = "sécurité";
    r.total = 0;
    r.total_is_exact = true;
    std::ostringstream suggested;
    veille::output::render_text(suggested, r, TerminalStyle{false, 80});
    BOOST_TEST(suggested.str() == "Aucun résultat pour « securté »\nVouliez-vous dire : « sécurité » ?\n");

    // Nothing matched as typed: the hits are the corrected query's, and the header says so.
    r.corrected = true;
    r.total = 3;
    veille::search::Hit h;
    h.rank = 1;
    h.title = "Titre";
    r.hits = {h};
    std::ostringstream corrected;
    veille::output::render_text(corrected, r, TerminalStyle{false, 80});
    const auto lines = lines_of(corrected.str());
    BOOST_TEST_REQUIRE(lines.size() >= 2u);
    BOOST_TEST(lines[0] == "3 résultats pour « sécurité »");
    BOOST_TEST(lines[1] == "(aucun résultat pour « securté » : la recherche a été corrigée)");
    std::ostringstream english;
    veille::output::render_text(english, r, TerminalStyle{false, 80, Lang::En});
    BOOST_TEST(lines_of(english.str())[1] == "(no results for “securté”: the search was corrected)");
}

BOOST_AUTO_TEST_CASE(english_results) {
    veille::search::SearchResults r;
    r.query = "securite";
    r.total = 12;
    r.total_is_exact = false;
    r.offset = 10;
    veille::search::Hit h;
    h.rank = 11;
    h.kind = veille::documents::Kind::Comment;
    h.comment_number = 3;
    h.parent_number = 2;
    h.partial = true;
    h.missing = {"pourquoi"};
    h.snippet.text = "texte";
    r.hits = {h};
    std::ostringstream out;
    veille::output::render_text(out, r, TerminalStyle{false, 100, Lang::En});
    const auto lines = lines_of(out.str());
    BOOST_TEST_REQUIRE(lines.size() >= 5u);
    BOOST_TEST(lines[0] == "about 12 results for “securite” (11 to 11)");
    BOOST_TEST(lines[2] == "11. [comment #3, reply to #2] (untitled)");
    BOOST_TEST(lines[4] == "   missing: pourquoi");
}

// ---------------------------------------------------------------- the thread view

namespace {

veille::search::StoredDocument comment(int n, std::optional<int> parent, std::string author, std::string text) {
    veille::search::StoredDocument c;
    c.kind = veille::documents::Kind::Comment;
    c.comment_number = n;
    c.parent_number = parent;
    c.author = std::move(author);
    c.text = std::move(text);
    c.date = "2025-11-06";
    c.date_inherited = true;
    return c;
}

veille::search::Thread sample_thread() {
    veille::search::Thread t;
    t.article.title = "Sécurité au Mali : pour la France, la Russie a échoué";
    t.article.date = "2025-11-06";
    t.article.source = "Journal";
    t.article.url = "https://exemple.org/mali";
    t.article.path = "seed/mali-russie.txt";
    t.article.entities = {{"Mali", "pays", 9}, {"Russie", "pays", 6}, {"France", "pays", 4}};
    t.article.text =
        "La France a estimé que la coopération sécuritaire entre le Mali et la Russie n’avait pas apporté "
        "les résultats escomptés.\n\n\n## Une crise\nAlors que Bamako fait face à une crise énergétique, "
        "Paris s’inquiète de la sécurité.";
    t.comments = {comment(1, std::nullopt, "Obélix", "« Mieux vaut échouer à la russe… »"),
                  comment(2, 1, "", "La terre du Mali est aux Maliens."),
                  comment(3, 2, "Astérix", "Et la sécurité ?"),
                  comment(4, std::nullopt, "", "Premier niveau encore."),
                  comment(5, 9, "", "Réponse à un commentaire disparu.")};
    return t;
}

std::string render_thread(const veille::search::Thread& t, const veille::snippets::SnippetBuilder* lit,
                          std::optional<int> focus, TerminalStyle style) {
    std::ostringstream out;
    veille::output::render_thread(out, t, lit, focus, style);
    return out.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_thread_is_a_tree_of_replies) {
    const std::string out = render_thread(sample_thread(), nullptr, 3, TerminalStyle{false, 72});
    const auto lines = lines_of(out);
    const std::vector<std::string> head = {
        "Sécurité au Mali : pour la France, la Russie a échoué",
        "2025-11-06 · Journal",
        "https://exemple.org/mali",
        "seed/mali-russie.txt",
        "entités : Mali 9 · Russie 6 · France 4",
        "",
        "La France a estimé que la coopération sécuritaire entre le Mali et la",
        "Russie n’avait pas apporté les résultats escomptés.",
        "",  // three blank lines in the text: one on screen
        "## Une crise",
        "Alors que Bamako fait face à une crise énergétique, Paris s’inquiète de",
        "la sécurité.",
        "",
        "Commentaires (5)",
        "",
        "#1 Obélix",
        "   « Mieux vaut échouer à la russe… »",
        "",
        "    #2",
        "       La terre du Mali est aux Maliens.",
        "",
        "        #3 Astérix  \u25C0 résultat",
        "           Et la sécurité ?",
        "",
        "#4",
        "   Premier niveau encore.",
        "",
        "#5",  // its parent is not in the thread: shown at the top level, never lost
        "   Réponse à un commentaire disparu.",
    };
    BOOST_TEST(lines == head, boost::test_tools::per_element());
    for (const auto& l : lines) BOOST_TEST(veille::text::display_width(l) <= 72u, l);
    BOOST_TEST(out.find('\x1b') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_thread_lights_every_match_in_colour) {
    veille::analysis::FrenchAnalyzer analyzer;
    veille::snippets::HighlightTerms terms;
    terms.folded = {"securite"};
    const veille::snippets::SnippetBuilder lit(analyzer, terms);
    const std::string out = render_thread(sample_thread(), &lit, std::nullopt, TerminalStyle{true, 100});
    // The title (bold, lit inside), the body and the comment: every "sécurité".
    std::size_t n = 0;
    for (auto at = out.find("\x1b[1;33mSécurité\x1b[0m"); at != std::string::npos;
         at = out.find("\x1b[1;33mSécurité\x1b[0m", at + 1))
        ++n;
    for (auto at = out.find("\x1b[1;33msécurité\x1b[0m"); at != std::string::npos;
         at = out.find("\x1b[1;33msécurité\x1b[0m", at + 1))
        ++n;
    BOOST_TEST(n == 3u);
    // The title goes back to bold after its highlighted word.
    BOOST_TEST(contains(out, "\x1b[1m\x1b[1;33mSécurité\x1b[0m\x1b[1m au Mali"));
    BOOST_TEST(!contains(out, "\u25C0"));  // no hit to mark
}

BOOST_AUTO_TEST_CASE(deep_threads_stop_indenting_and_say_whom_they_answer) {
    veille::search::Thread t;
    t.article.title = "Titre";
    for (int i = 1; i <= 12; ++i)
        t.comments.push_back(comment(i, i > 1 ? std::optional<int>(i - 1) : std::nullopt, "", "réponse " + std::to_string(i)));
    const auto lines = lines_of(render_thread(t, nullptr, std::nullopt, TerminalStyle{false, 50}));
    for (const auto& l : lines) BOOST_TEST(veille::text::display_width(l) <= 50u, l);
    bool said = false;
    for (const auto& l : lines) said = said || contains(l, "#12 (réponse à #11)");
    BOOST_TEST(said);
}

BOOST_AUTO_TEST_CASE(hostile_thread_text_never_reaches_the_terminal) {
    auto t = sample_thread();
    t.article.title = "Titre \x1b]0;pwned\x07 caché";
    t.article.text = "Effacer \x1b[2J\x1b[H l’écran";
    t.comments[0].author = "Obélix\x1b[31m";
    t.comments[0].text = "Cloche \x07 et retour\r arrière";
    for (bool colour : {false, true}) {
        const std::string out = render_thread(t, nullptr, 1, TerminalStyle{colour, 80});
        BOOST_TEST(!contains(out, "\x07"));
        BOOST_TEST(!contains(out, "]0;"));
        BOOST_TEST(!contains(out, "[2J"));
        BOOST_TEST(!contains(out, "\r"));
        BOOST_TEST(!contains(out, "\x1b[31m"));
    }
}

BOOST_AUTO_TEST_CASE(a_thread_in_english_without_comments) {
    veille::search::Thread t;
    t.article.text = "Body.";
    const auto lines = lines_of(render_thread(t, nullptr, std::nullopt, TerminalStyle{false, 80, Lang::En}));
    BOOST_TEST_REQUIRE(lines.size() == 5u);
    BOOST_TEST(lines[0] == "(untitled)");
    BOOST_TEST(lines[2] == "Body.");
    BOOST_TEST(lines[4] == "No comments.");
}

BOOST_AUTO_TEST_SUITE_END()
