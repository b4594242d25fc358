// Snippets, as a specification: which words of a text light up for a query, and which window
// of a long text is shown. Highlight terms are built from the analyser the way the query
// builder does it, so these tables say "what matched is what lights up".
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/french_analyzer.hpp"
#include "snippets/snippet_builder.hpp"
#include "text/utf8.hpp"

using veille::analysis::FrenchAnalyzer;
using veille::snippets::HighlightTerms;
using veille::snippets::Snippet;
using veille::snippets::SnippetBuilder;

namespace {

using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

const FrenchAnalyzer& analyzer() {
    static FrenchAnalyzer a;
    return a;
}

// What the query builder records for a query: every content word (compounds whole and in
// parts) under its folded form, its accented form when distinct, and its stem.
HighlightTerms terms_for(std::string_view query) {
    HighlightTerms terms;
    for (const auto& t : analyzer().analyze(query)) {
        if (t.stopword) continue;
        terms.folded.insert(t.folded);
        if (t.has_distinct_exact()) terms.exact.insert(t.exact);
        if (!t.stem.empty()) terms.stems.insert(t.stem);
    }
    return terms;
}

// The highlighted pieces of `text`, in order.
std::vector<std::string> lit(std::string_view text, const Ranges& ranges) {
    std::vector<std::string> out;
    for (auto [b, e] : ranges) out.emplace_back(text.substr(b, e - b));
    return out;
}

// "[3,13) [20,26)": ranges in a form failures can print.
std::string show(const Ranges& ranges) {
    std::string out;
    for (auto [b, e] : ranges)
        out += (out.empty() ? "[" : " [") + std::to_string(b) + "," + std::to_string(e) + ")";
    return out;
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        if (veille::text::decode_utf8(s, i) == veille::text::kReplacementChar && i - start == 1)
            return false;
    }
    return true;
}

// Highlights must be sorted, inside the text, non-empty, and neither overlap nor touch
// (touching ranges are merged into one).
void check_ranges(std::string_view text, const Ranges& ranges) {
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        BOOST_TEST(ranges[i].first < ranges[i].second);
        BOOST_TEST(ranges[i].second <= text.size());
        if (i > 0) BOOST_TEST(ranges[i].first > ranges[i - 1].second);
    }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_TEST_REQUIRE(in.good(), "cannot read " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string seed_article() {
    static const std::string text =
        read_file(std::string(VEILLE_SOURCE_DIR) + "/corpora/seed/mali-russie.txt");  // our copy of the seed
    return text;
}

// The text with whitespace runs collapsed and trimmed, as snippets show it.
std::string collapsed(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

struct LightCase {
    const char* query;
    const char* text;
    std::vector<std::string> lit;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(snippets)

BOOST_AUTO_TEST_CASE(what_lights_up) {
    const std::vector<LightCase> cases = {
        // Accents: a query without them lights the accented word, and the other way round.
        {"securite", "La sécurité au Mali", {"sécurité"}},
        {"sécurité", "la securite des populations", {"securite"}},
        {"Sécurité", "SÉCURITÉ renforcée", {"SÉCURITÉ"}},
        {"etat", "L’État islamique au Sahel", {"État"}},
        // Ligatures, both ways.
        {"coeur", "au cœur du Sahel", {"cœur"}},
        {"cœur", "au coeur du Sahel", {"coeur"}},
        // Elisions: only the word lights, never the elided article.
        {"Afrique", "Concernant l’Afrique, ils", {"Afrique"}},
        {"Afrique", "Concernant l'Afrique, ils", {"Afrique"}},
        {"armées", "le rôle de l'armée malienne", {"armée"}},
        {"appuyer", "la décision de s’appuyer sur la Russie", {"appuyer"}},
        // Stems: plural and feminine forms of the query word.
        {"groupe armé", "des attaques de groupes armés", {"groupes", "armés"}},
        {"islamiste", "les organisations islamistes", {"islamistes"}},
        // Compounds: a part lights alone; the whole compound lights whole.
        {"malien", "du partenariat russo-malien", {"malien"}},
        {"russo-malien", "du partenariat russo-malien", {"russo-malien"}},
        {"russo malien", "du partenariat russo-malien", {"russo", "malien"}},
        {"al-qaida", "des combattants liés à Al-Qaïda.", {"Al-Qaïda"}},
        {"aujourd'hui", "ce qu’aujourd’hui on appelle", {"aujourd’hui"}},
        {"Djamena", "le sommet de N’Djamena", {"Djamena"}},
        // Stopwords of the query are not searched for, so they do not light up.
        {"la sécurité", "la sécurité de la France", {"sécurité"}},
        // Nothing in common: nothing lights.
        {"Kidal", "La France a estimé que la coopération", {}},
        {"", "La France a estimé", {}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("query «" << c.query << "» on «" << c.text << "»") {
            const HighlightTerms terms = terms_for(c.query);
            const SnippetBuilder builder(analyzer(), terms);
            const Ranges all = builder.highlight_all(c.text);
            check_ranges(c.text, all);
            BOOST_TEST(lit(c.text, all) == c.lit, boost::test_tools::per_element());
            // A short text is its own snippet, with the same highlights.
            const Snippet s = builder.build(c.text);
            BOOST_TEST(s.text == c.text);
            BOOST_TEST(show(s.highlights) == show(all));
            BOOST_TEST(!s.starts_mid_text);
            BOOST_TEST(!s.ends_mid_text);
        }
    }
}

BOOST_AUTO_TEST_CASE(offsets_are_the_bytes_of_the_word) {
    // "sécurité" is 10 bytes (é is two): the range covers exactly those bytes.
    const std::string text = "La sécurité au Mali";
    const HighlightTerms terms = terms_for("securite");
    const Ranges all = SnippetBuilder(analyzer(), terms).highlight_all(text);
    BOOST_TEST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].first == 3u);
    BOOST_TEST(all[0].second == 13u);
    BOOST_TEST(text.substr(3, 10) == "sécurité");
}

BOOST_AUTO_TEST_CASE(wildcard_prefixes_light_every_word_they_start) {
    HighlightTerms terms;
    terms.folded_prefixes = {"russ"};
    const SnippetBuilder builder(analyzer(), terms);
    const std::vector<LightCase> cases = {
        {"russ*", "la Russie et les forces russes", {"Russie", "russes"}},
        {"russ*", "le partenariat russo-malien", {"russo-malien"}},
        {"russ*", "le Mali", {}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.query << " on «" << c.text << "»") {
            BOOST_TEST(lit(c.text, builder.highlight_all(c.text)) == c.lit,
                       boost::test_tools::per_element());
        }
    }
    // "l*" must not light the elided "l" of "l’armée": elisions never match.
    HighlightTerms l_terms;
    l_terms.folded_prefixes = {"l"};
    const std::string text = "l’armée loyale";
    BOOST_TEST(lit(text, SnippetBuilder(analyzer(), l_terms).highlight_all(text)) ==
                   std::vector<std::string>{"loyale"},
               boost::test_tools::per_element());
}

// An entity the query named by another name lights up whole, never one of its words alone.
BOOST_AUTO_TEST_CASE(entity_names_light_up_whole) {
    HighlightTerms terms;
    terms.folded_sequences = {{"etat", "islamique"}, {"ei"}, {"forces", "armees", "maliennes"}};
    const SnippetBuilder builder(analyzer(), terms);
    const std::vector<LightCase> cases = {
        {"Daech", "l’État islamique revendique ; l’État malien dément", {"État islamique"}},
        {"Daech", "Les FORCES ARMÉES maliennes et l’EI", {"FORCES ARMÉES maliennes", "EI"}},
        {"Daech", "l’armée et les forces", {}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.query << " on «" << c.text << "»") {
            BOOST_TEST(lit(c.text, builder.highlight_all(c.text)) == c.lit, boost::test_tools::per_element());
            BOOST_TEST(lit(c.text, builder.build(c.text).highlights) == c.lit, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(whitespace_is_collapsed_and_offsets_follow) {
    const HighlightTerms terms = terms_for("sécurité Mali");
    const SnippetBuilder builder(analyzer(), terms);
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"  La\n\nsécurité   au\tMali  \n", "La sécurité au Mali"},
        {"Sécurité au Mali :\r\n\r\n  pour la France", "Sécurité au Mali : pour la France"},
        {"\n\n\t\n", ""},
    };
    for (const auto& [input, expected] : cases) {
        BOOST_TEST_CONTEXT("«" << input << "»") {
            const Snippet s = builder.build(input);
            BOOST_TEST(s.text == expected);
            check_ranges(s.text, s.highlights);
            for (const auto& piece : lit(s.text, s.highlights))
                BOOST_TEST((piece == "sécurité" || piece == "Sécurité" || piece == "Mali"), piece);
            BOOST_TEST(!s.starts_mid_text);
            BOOST_TEST(!s.ends_mid_text);
        }
    }
}

BOOST_AUTO_TEST_CASE(empty_text_gives_an_empty_snippet) {
    const HighlightTerms terms = terms_for("Mali");
    const Snippet s = SnippetBuilder(analyzer(), terms).build("");
    BOOST_TEST(s.text.empty());
    BOOST_TEST(s.highlights.empty());
    BOOST_TEST(!s.starts_mid_text);
    BOOST_TEST(!s.ends_mid_text);
    BOOST_TEST(SnippetBuilder(analyzer(), terms).highlight_all("").empty());
}

BOOST_AUTO_TEST_CASE(no_match_shows_the_start_of_the_text) {
    const std::string article = seed_article();
    const std::string flat = collapsed(article);
    for (const char* query : {"Tombouctou", ""}) {
        BOOST_TEST_CONTEXT("query «" << query << "»") {
            const HighlightTerms terms = terms_for(query);
            const Snippet s = SnippetBuilder(analyzer(), terms, 120).build(article);
            BOOST_TEST(s.highlights.empty());
            BOOST_TEST(!s.starts_mid_text);
            BOOST_TEST(s.ends_mid_text);
            BOOST_TEST(s.text.size() <= 120u);
            BOOST_TEST(s.text.size() > 80u);
            BOOST_TEST(flat.starts_with(s.text));
            BOOST_TEST(flat[s.text.size()] == ' ');  // cut between two words
        }
    }
}

BOOST_AUTO_TEST_CASE(window_goes_to_the_match_in_a_long_text) {
    const std::string article = seed_article();
    const HighlightTerms terms = terms_for("Kidal");
    const Snippet s = SnippetBuilder(analyzer(), terms, 300).build(article);
    BOOST_TEST(s.text.size() <= 300u);
    BOOST_TEST(s.starts_mid_text);
    BOOST_TEST(s.ends_mid_text);
    BOOST_TEST(lit(s.text, s.highlights) == std::vector<std::string>{"Kidal"},
               boost::test_tools::per_element());
    BOOST_TEST(s.text.find("reprendre le contrôle de Kidal") != std::string::npos);
    BOOST_TEST(collapsed(article).find(s.text) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(window_prefers_more_distinct_words_then_more_matches) {
    const std::string filler =
        "Le reste du texte parle d’autre chose, longuement, sans jamais nommer les villes du "
        "nord. ";
    std::string text;
    for (int i = 0; i < 4; ++i) text += filler;
    text += "À Kidal, Kidal, Kidal et encore Kidal, rien d’autre. ";  // one word, four times
    for (int i = 0; i < 4; ++i) text += filler;
    text += "Entre Gao et Kidal, la route est coupée. ";  // both words
    for (int i = 0; i < 4; ++i) text += filler;
    const HighlightTerms terms = terms_for("Kidal Gao");
    const Snippet s = SnippetBuilder(analyzer(), terms, 150).build(text);
    BOOST_TEST(lit(s.text, s.highlights) == (std::vector<std::string>{"Gao", "Kidal"}),
               boost::test_tools::per_element());

    // Equal windows: the earliest wins.
    std::string twice = filler + filler + "Premier passage : Kidal. " + filler + filler +
                        "Second passage : Kidal. " + filler + filler;
    const Snippet first = SnippetBuilder(analyzer(), terms, 100).build(twice);
    BOOST_TEST(first.text.find("Premier passage") != std::string::npos, first.text);
}

BOOST_AUTO_TEST_CASE(window_starts_at_a_sentence_start_when_one_is_close) {
    const std::string text =
        "Une très longue introduction qui ne dit rien de particulier sur le nord du pays et "
        "qui continue encore, encore et encore, bien au-delà de ce qu’un extrait peut montrer. "
        "Les forces maliennes ont repris Kidal en 2023. Puis elles ont progressé vers le nord, "
        "au-delà de la ville, sans rencontrer de résistance, pendant plusieurs semaines.";
    const HighlightTerms terms = terms_for("Kidal");
    const Snippet s = SnippetBuilder(analyzer(), terms, 120).build(text);
    BOOST_TEST(s.text.starts_with("Les forces maliennes"), s.text);
    BOOST_TEST(s.starts_mid_text);
    BOOST_TEST(s.ends_mid_text);
    BOOST_TEST(s.text.size() <= 120u);
}

BOOST_AUTO_TEST_CASE(match_near_the_end_fills_the_window_with_what_comes_before) {
    const std::string text =
        "La coopération sécuritaire entre le Mali et la Russie n’a pas apporté les résultats "
        "escomptés selon Paris, qui exprime sa préoccupation sur la situation à Kidal";
    const HighlightTerms terms = terms_for("Kidal");
    const Snippet s = SnippetBuilder(analyzer(), terms, 100).build(text);
    BOOST_TEST(s.text.ends_with("à Kidal"), s.text);
    BOOST_TEST(!s.ends_mid_text);
    BOOST_TEST(s.text.size() > 80u, s.text);  // the budget went to the words before
}

BOOST_AUTO_TEST_CASE(never_cuts_inside_a_character_or_a_word) {
    const std::string article = seed_article();
    const std::string flat = collapsed(article);
    for (const char* query : {"sécurité", "Kidal", "russo-malien", "Obélix", "échoué", "zzz"}) {
        const HighlightTerms terms = terms_for(query);
        for (std::size_t max = 5; max <= 400; max += 7) {
            BOOST_TEST_CONTEXT("query «" << query << "», " << max << " bytes") {
                const Snippet s = SnippetBuilder(analyzer(), terms, max).build(article);
                BOOST_TEST(s.text.size() <= max);
                BOOST_TEST(valid_utf8(s.text));
                check_ranges(s.text, s.highlights);
                const std::size_t at = flat.find(s.text);
                BOOST_TEST_REQUIRE(at != std::string::npos);
                BOOST_TEST(s.starts_mid_text == (at > 0));
                BOOST_TEST(s.ends_mid_text == (at + s.text.size() < flat.size()));
                // Cut at word edges: a space (or the text's edge) on each side, unless the
                // window is narrower than the word it must show.
                if (!s.text.empty() && max >= 40) {
                    BOOST_TEST((at == 0 || flat[at - 1] == ' '));
                    BOOST_TEST(
                        (at + s.text.size() == flat.size() || flat[at + s.text.size()] == ' '));
                }
            }
        }
    }
    // Text without a single space: the cut falls between two characters.
    const std::string accents = "ééééééééééééééééééééééééééééééééééééé";
    for (std::size_t max = 1; max <= 12; ++max) {
        BOOST_TEST_CONTEXT(max << " bytes") {
            const HighlightTerms terms = terms_for("Kidal");
            const Snippet s = SnippetBuilder(analyzer(), terms, max).build(accents);
            BOOST_TEST(valid_utf8(s.text));
            BOOST_TEST(s.text.size() == max / 2 * 2);
            BOOST_TEST(s.ends_mid_text);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_megabyte_of_text_is_handled_in_one_pass) {
    // 1 MB of the seed article repeated, with one distinctive sentence near the end: the
    // window is found by sliding over the matches, not by rescanning the text.
    const std::string article = seed_article();
    std::string big;
    while (big.size() < 1'000'000) big += article + "\n\n";
    big += "Enfin, Tessalit et Kidal sont cités ensemble.\n\n" + article;
    const HighlightTerms terms = terms_for("Tessalit Kidal");
    const Snippet s = SnippetBuilder(analyzer(), terms, 300).build(big);
    BOOST_TEST(s.text.find("Tessalit et Kidal") != std::string::npos, s.text);
    BOOST_TEST(s.text.size() <= 300u);
}

BOOST_AUTO_TEST_SUITE_END()
