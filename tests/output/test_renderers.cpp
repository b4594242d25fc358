// The renderers, as a specification: what a person sees in a terminal or a pipe, and the
// JSON document programs read. Results are built by hand: renderers only format.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "output/json_renderer.hpp"
#include "output/result_counts.hpp"
#include "output/terminal_renderer.hpp"
#include "search/hit.hpp"
#include "text/utf8.hpp"

using veille::documents::Kind;
using veille::output::TerminalStyle;
using veille::search::Hit;
using veille::search::SearchResults;

namespace {

// A snippet whose highlights are every occurrence of `word` in `text`.
veille::snippets::Snippet snippet(std::string text, std::string_view word, bool cut_before = false,
                                  bool cut_after = false) {
    veille::snippets::Snippet s;
    for (auto at = text.find(word); !word.empty() && at != std::string::npos;
         at = text.find(word, at + 1))
        s.highlights.emplace_back(at, at + word.size());
    s.text = std::move(text);
    s.starts_mid_text = cut_before;
    s.ends_mid_text = cut_after;
    return s;
}

Hit article_hit() {
    Hit h;
    h.rank = 1;
    h.score = 12.3456;
    h.kind = Kind::Article;
    h.id = "a1";
    h.title = "Sécurité au Mali : pour la France, la Russie a échoué";
    h.article_id = "a1";
    h.path = "seed/mali-russie.txt";
    h.snippet = snippet("La France a estimé que la sécurité dans le pays s’est dégradée.",
                        "sécurité", true, true);
    return h;
}

Hit comment_hit() {
    Hit h;
    h.rank = 2;
    h.score = 3.5;
    h.kind = Kind::Comment;
    h.id = "a1#3";
    h.title = "Sécurité au Mali : pour la France, la Russie a échoué";
    h.article_id = "a1";
    h.parent_id = "a1#6";
    h.comment_number = 3;
    h.parent_number = 6;
    h.path = "seed/mali-russie.txt";
    h.date = "2025-11-06";
    h.url = "https://example.org/mali";
    h.author = "Obélix";
    h.snippet = snippet("@Obélix la sécurité, parlons-en.", "sécurité");
    return h;
}

SearchResults results_of(std::vector<Hit> hits, std::uint64_t total, bool exact = true) {
    SearchResults r;
    r.query = "securite";
    r.total = total;
    r.total_is_exact = exact;
    r.hits = std::move(hits);
    return r;
}

std::string render(const SearchResults& r, bool colour, std::size_t width = 100) {
    std::ostringstream out;
    veille::output::render_text(out, r, TerminalStyle{colour, width});
    return out.str();
}

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

// Every ESC in colour output must start one of the renderer's own SGR sequences.
bool only_our_escapes(std::string_view s) {
    static const std::vector<std::string_view> ours = {"\x1b[0m", "\x1b[1m", "\x1b[2m",
                                                       "\x1b[1;33m", "\x1b[33m"};
    for (auto at = s.find('\x1b'); at != std::string_view::npos; at = s.find('\x1b', at + 1)) {
        bool known = false;
        for (auto seq : ours) known |= s.substr(at, seq.size()) == seq;
        if (!known) return false;
    }
    return true;
}

// Terminal control bytes other than the newline: C0 controls (ESC, BEL...) and DEL.
bool has_control_bytes(std::string_view s) {
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && b != '\n') || b == 0x7F) return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output)

// The header counts documents, as the facets do (reprints grouped are a second figure); an
// estimate says so and stays within Xapian's bounds; partial matches are announced after the
// strict ones. "\u202F" is French's narrow no-break space between thousands.
BOOST_AUTO_TEST_CASE(header_says_how_many_in_french) {
    struct Case {
        std::string what;
        std::uint64_t total;
        bool exact;
        std::uint64_t min, max;
        std::optional<std::uint64_t> groups;
        std::uint64_t partial;
        std::string header;
    };
    const std::vector<Case> cases = {
        {"nothing", 0, true, 0, 0, {}, 0, "Aucun résultat pour « securite »"},
        {"one", 1, true, 1, 1, 1, 0, "1 résultat pour « securite »"},
        {"a few", 12, true, 12, 12, 12, 0, "12 résultats pour « securite »"},
        {"reprints grouped", 1245, true, 1245, 1245, 1186, 0,
         "1\u202F245 résultats pour « securite » (1\u202F186 sans les reprises)"},
        {"bounds within 10 %: about, rounded inside them", 11515, false, 10775, 11570, {}, 0,
         "environ 11\u202F500 résultats pour « securite »"},
        {"rounding would leave the bounds", 10480, false, 10450, 10490, {}, 0,
         "environ 10\u202F480 résultats pour « securite »"},
        {"bounds far apart: the bounds", 30000, false, 10012, 46788, {}, 0,
         "entre 10\u202F000 et 47\u202F000 résultats pour « securite »"},
        {"no lower bound", 300, false, 0, 2960, {}, 0, "jusqu’à 3\u202F000 résultats pour « securite »"},
        {"strict then partial", 1, true, 1, 1, 1, 8,
         "1 résultat avec tous les mots pour « securite », puis 8 résultats partiels"},
        {"only partial", 0, true, 0, 0, 0, 1, "Aucun résultat avec tous les mots pour « securite », puis 1 résultat partiel"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            std::vector<Hit> hits;
            if (c.total > 0 || c.partial > 0) hits.push_back(article_hit());
            SearchResults r = results_of(hits, c.total, c.exact);
            r.total_min = c.min;
            r.total_max = c.max;
            r.groups = c.groups;
            r.partial_total = r.partial_min = r.partial_max = c.partial;
            const auto lines = lines_of(render(r, false));
            BOOST_TEST_REQUIRE(!lines.empty());
            BOOST_TEST(lines[0] == c.header);
        }
    }
}

// Whatever the bounds, the figure shown is within 10 % of every count they allow, or is a
// range holding all of them.
BOOST_AUTO_TEST_CASE(an_estimate_shown_is_honest) {
    using veille::output::ShownCount;
    for (std::uint64_t min : {1u, 7u, 95u, 999u, 10000u, 10775u, 123456u})
        for (std::uint64_t spread : {0u, 1u, 3u, 9u, 10u, 11u, 50u, 300u})
            for (std::uint64_t at : {0u, 50u, 100u}) {
                const std::uint64_t max = min + min * spread / 100;
                const std::uint64_t estimate = min + (max - min) * at / 100;
                const ShownCount shown = veille::output::shown_count(estimate, min, max);
                for (std::uint64_t exact : {min, (min + max) / 2, max}) {
                    BOOST_TEST_CONTEXT("bounds " << min << ".." << max << ", estimate " << estimate << ", exact "
                                                 << exact) {
                        switch (shown.form) {
                            case ShownCount::Form::Exact: BOOST_TEST(shown.value == exact); break;
                            case ShownCount::Form::About:
                                BOOST_TEST(shown.value * 10 >= exact * 9);
                                BOOST_TEST(shown.value * 10 <= exact * 11);
                                break;
                            case ShownCount::Form::Between:
                                BOOST_TEST(shown.low <= exact);
                                BOOST_TEST(shown.high >= exact);
                                break;
                            case ShownCount::Form::UpTo: BOOST_TEST(shown.high >= exact); break;
                        }
                    }
                }
            }
}

BOOST_AUTO_TEST_CASE(warnings_have_their_own_lines) {
    SearchResults r = results_of({}, 0);
    r.warnings = {"guillemet non fermé : lu comme une phrase jusqu’à la fin",
                  "champ inconnu : auteur"};
    const auto lines = lines_of(render(r, false));
    BOOST_TEST_REQUIRE(lines.size() == 3u);
    BOOST_TEST(lines[1] == "! guillemet non fermé : lu comme une phrase jusqu’à la fin");
    BOOST_TEST(lines[2] == "! champ inconnu : auteur");
}

BOOST_AUTO_TEST_CASE(plain_output_is_clean_text) {
    const std::string out = render(results_of({article_hit(), comment_hit()}, 2), false);
    const std::vector<std::string> expected = {
        "2 résultats pour « securite »",
        "",
        "1. [article] Sécurité au Mali : pour la France, la Russie a échoué",
        "   seed/mali-russie.txt  score 12.35",
        "   … La France a estimé que la sécurité dans le pays s’est dégradée. …",
        "",
        "2. [commentaire #3, réponse à #6] Sécurité au Mali : pour la France, la Russie a échoué — "
        "2025-11-06",
        "   seed/mali-russie.txt  score 3.50",
        "   @Obélix la sécurité, parlons-en.",
    };
    BOOST_TEST(lines_of(out) == expected, boost::test_tools::per_element());
    BOOST_TEST(out.find('\x1b') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(comment_labels) {
    struct Case {
        std::optional<int> number, parent;
        std::string label;
    };
    const std::vector<Case> cases = {
        {3, 6, "[commentaire #3, réponse à #6]"},
        {3, std::nullopt, "[commentaire #3]"},
        {std::nullopt, std::nullopt, "[commentaire]"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.label) {
            Hit h = comment_hit();
            h.comment_number = c.number;
            h.parent_number = c.parent;
            const auto lines = lines_of(render(results_of({h}, 1), false));
            BOOST_TEST_REQUIRE(lines.size() >= 3u);
            BOOST_TEST(lines[2].starts_with("2. " + c.label + " Sécurité au Mali"), lines[2]);
        }
    }
}

BOOST_AUTO_TEST_CASE(colour_output_marks_highlights) {
    const std::string out = render(results_of({article_hit()}, 1), true);
    BOOST_TEST(contains(out, "\x1b[1;33msécurité\x1b[0m"));
    BOOST_TEST(only_our_escapes(out));
    // Without colour the same words are there, unmarked.
    BOOST_TEST(contains(render(results_of({article_hit()}, 1), false), " la sécurité dans "));
}

BOOST_AUTO_TEST_CASE(document_escape_sequences_never_reach_the_terminal) {
    const std::vector<std::string> hostile = {
        "Titre \x1b[31mrouge\x1b[0m",
        "Titre \x1b]0;pwned\x07 caché",
        "Titre \x1b]8;;https://evil.example\x1b\\lien\x1b]8;;\x1b\\",
        "Effacer \x1b[2J\x1b[H l’écran",
        "Cloche \x07 et retour\r arrière\b",
        "C1 \xc2\x9b"
        "31m rouge",
        "Inversion \u202Eeilam\u202C du texte",
    };
    for (const auto& s : hostile) {
        BOOST_TEST_CONTEXT(s) {
            Hit h = article_hit();
            h.title = s;
            h.path = s;
            h.date = s;
            h.snippet = snippet("la sécurité " + s + " et la sécurité", "sécurité");
            SearchResults r = results_of({h}, 1);
            r.query = s;
            r.warnings = {s};
            const std::string plain = render(r, false);
            BOOST_TEST(!has_control_bytes(plain));
            BOOST_TEST(!contains(plain, "\xc2\x9b"));
            BOOST_TEST(!contains(plain, "\u202E"));
            const std::string colour = render(r, true);
            BOOST_TEST(only_our_escapes(colour));
            BOOST_TEST(!contains(colour, "\x07"));
            BOOST_TEST(!contains(colour, "]0;"));
            BOOST_TEST(!contains(colour, "\r"));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_title_with_a_line_break_stays_on_one_line) {
    Hit h = article_hit();
    h.title = "Sécurité\nau Mali";
    const auto lines = lines_of(render(results_of({h}, 1), false));
    BOOST_TEST_REQUIRE(lines.size() >= 3u);
    BOOST_TEST(lines[2] == "1. [article] Sécurité au Mali");
}

BOOST_AUTO_TEST_CASE(snippets_wrap_on_words_to_the_width) {
    const std::string text =
        "La France a estimé que la coopération sécuritaire entre le Mali et la Russie n’avait pas "
        "apporté les résultats escomptés. Alors que Bamako a fait face à une crise énergétique "
        "provoquée par des attaques de groupes armés, Paris exprime sa préoccupation sur la "
        "situation sécuritaire.";
    Hit h = article_hit();
    h.snippet = snippet(text, "sécuritaire", false, true);
    for (std::size_t width : {40u, 57u, 80u, 200u}) {
        for (bool colour : {false, true}) {
            BOOST_TEST_CONTEXT(width << " columns, colour " << colour) {
                const auto lines = lines_of(render(results_of({h}, 1), colour, width));
                std::string words;
                for (std::size_t i = 4; i < lines.size(); ++i) {
                    std::string line = lines[i];
                    // Measure what is shown: drop our own escapes.
                    for (std::string_view seq : {"\x1b[1;33m", "\x1b[0m"})
                        for (auto at = line.find(seq); at != std::string::npos; at = line.find(seq))
                            line.erase(at, seq.size());
                    BOOST_TEST(veille::text::display_width(line) <= width, line);
                    BOOST_TEST(line.starts_with("   "));
                    words += (words.empty() ? "" : " ") + line.substr(3);
                }
                // No word was cut: the lines put back together are the snippet, then "…".
                BOOST_TEST(words == text + " …");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(wrapping_counts_columns_not_bytes) {
    // 36 accented letters are 72 bytes but 36 columns: with the indent they fit 40 columns.
    Hit h = article_hit();
    h.snippet = snippet("éééééééééééééééééééééééééééééééééééé", "");
    const auto lines = lines_of(render(results_of({h}, 1), false, 40));
    BOOST_TEST_REQUIRE(lines.size() >= 5u);
    BOOST_TEST(lines[4] == "   éééééééééééééééééééééééééééééééééééé");  // 36 columns + indent: fits
    h.snippet = snippet("漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字", "");  // 40 columns
    // 20 ideographs are 40 columns: too wide, so the word is broken between characters.
    const auto wide = lines_of(render(results_of({h}, 1), false, 40));
    BOOST_TEST_REQUIRE(wide.size() >= 6u);
    for (std::size_t i = 4; i < wide.size(); ++i)
        BOOST_TEST(veille::text::display_width(wide[i]) <= 40u);
}

BOOST_AUTO_TEST_CASE(style_of_a_pipe_is_plain) {
    int fds[2];
    BOOST_TEST_REQUIRE(::pipe(fds) == 0);
    const TerminalStyle style = veille::output::detect_terminal_style(fds[1]);
    ::close(fds[0]);
    ::close(fds[1]);
    BOOST_TEST(!style.colour);
    BOOST_TEST(style.width == 100u);
}

BOOST_AUTO_TEST_CASE(json_has_the_documented_fields) {
    SearchResults r = results_of({article_hit(), comment_hit()}, 2);
    r.offset = 0;
    r.warnings = {"champ inconnu : auteur"};
    std::ostringstream out;
    veille::output::render_json(out, r);
    const std::string text = out.str();
    BOOST_TEST(text.ends_with("}\n"));
    BOOST_TEST(text.starts_with("{\n  \"query\": \"securite\""));  // documented order

    const auto doc = nlohmann::json::parse(text);
    BOOST_TEST(doc == veille::output::to_json(r));
    BOOST_TEST(doc["query"] == "securite");
    BOOST_TEST(doc["total"] == 2);
    BOOST_TEST(doc["total_exact"] == true);
    BOOST_TEST(doc["groups"] == nullptr);  // not counted
    BOOST_TEST(doc["partial"] == 0);
    BOOST_TEST(doc["offset"] == 0);
    BOOST_TEST(doc["warnings"] == nlohmann::json::array({"champ inconnu : auteur"}));
    BOOST_TEST_REQUIRE(doc["hits"].size() == 2u);

    const std::vector<std::string> keys = {
        "rank",           "kind",          "id",        "title", "article_id", "parent_id",
        "comment_number", "parent_number", "path",      "date",  "date_inherited", "url",
        "author",         "score",         "entities",  "snippet", "highlights", "source",
        "partial",        "missing",       "duplicates", "duplicate_sources"};
    for (const auto& hit : doc["hits"]) {
        BOOST_TEST(hit.size() == keys.size());
        for (const auto& k : keys) BOOST_TEST(hit.contains(k), k);
    }

    const auto& a = doc["hits"][0];
    BOOST_TEST(a["rank"] == 1);
    BOOST_TEST(a["kind"] == "article");
    BOOST_TEST(a["id"] == "a1");
    BOOST_TEST(a["article_id"] == "a1");
    BOOST_TEST(a["title"] == "Sécurité au Mali : pour la France, la Russie a échoué");
    BOOST_TEST(a["path"] == "seed/mali-russie.txt");
    BOOST_TEST(a["score"].get<double>() == 12.3456);
    // Unknown or not applicable: null, never "".
    for (const char* k : {"parent_id", "comment_number", "parent_number", "date", "url", "author"})
        BOOST_TEST(a[k].is_null(), k);

    const auto& c = doc["hits"][1];
    BOOST_TEST(c["kind"] == "comment");
    BOOST_TEST(c["parent_id"] == "a1#6");
    BOOST_TEST(c["comment_number"] == 3);
    BOOST_TEST(c["parent_number"] == 6);
    BOOST_TEST(c["date"] == "2025-11-06");
    BOOST_TEST(c["url"] == "https://example.org/mali");
    BOOST_TEST(c["author"] == "Obélix");
}

// JSON carries the figures the header is made of: an estimate with its bounds, the reprint
// groups, the partial matches.
BOOST_AUTO_TEST_CASE(json_counts_say_what_is_exact) {
    SearchResults r = results_of({article_hit()}, 11515, false);
    r.total_min = 10775;
    r.total_max = 11570;
    r.partial_total = 0;
    auto doc = veille::output::to_json(r);
    BOOST_TEST(doc["total"] == 11515);
    BOOST_TEST(doc["total_exact"] == false);
    BOOST_TEST(doc["total_min"] == 10775);
    BOOST_TEST(doc["total_max"] == 11570);
    BOOST_TEST(doc["groups"] == nullptr);

    r = results_of({article_hit()}, 1245, true);
    r.total_min = r.total_max = 1245;
    r.groups = 1186;
    r.partial_total = r.partial_min = r.partial_max = 8;
    doc = veille::output::to_json(r);
    BOOST_TEST(doc["total"] == 1245);
    BOOST_TEST(doc["groups"] == 1186);
    BOOST_TEST(doc["partial"] == 8);
    BOOST_TEST(doc["partial_exact"] == true);
}

BOOST_AUTO_TEST_CASE(json_highlights_index_the_snippet_bytes) {
    const auto doc = veille::output::to_json(results_of({article_hit(), comment_hit()}, 2));
    for (const auto& hit : doc["hits"]) {
        const std::string s = hit["snippet"];
        BOOST_TEST_CONTEXT(s) {
            BOOST_TEST_REQUIRE(hit["highlights"].size() == 1u);
            const std::size_t b = hit["highlights"][0][0], e = hit["highlights"][0][1];
            BOOST_TEST(s.substr(b, e - b) == "sécurité");
        }
    }
}

BOOST_AUTO_TEST_CASE(json_survives_invalid_utf8) {
    Hit h = comment_hit();
    h.title = "Caf\xe9 cr\xe8me";  // Latin-1 bytes that slipped through
    h.path = "dossier/\xff\xfe.txt";
    h.snippet = snippet(
        "caf\xe9 et s\xe9"
        "curit\xe9 puis la sécurité",
        "sécurité");
    SearchResults r = results_of({h}, 1);
    r.query =
        "s\xe9"
        "curit\xe9";
    std::ostringstream out;
    BOOST_CHECK_NO_THROW(veille::output::render_json(out, r));
    nlohmann::json doc;
    BOOST_CHECK_NO_THROW(doc = nlohmann::json::parse(out.str()));
    const std::string s = doc["hits"][0]["snippet"];
    BOOST_TEST(s == "caf\uFFFD et s\uFFFDcurit\uFFFD puis la sécurité");
    const std::size_t b = doc["hits"][0]["highlights"][0][0],
                      e = doc["hits"][0]["highlights"][0][1];
    BOOST_TEST(s.substr(b, e - b) == "sécurité");
    BOOST_TEST(doc["hits"][0]["title"] == "Caf\uFFFD cr\uFFFDme");
    // The terminal shows the same replacement character and no stray byte.
    const std::string plain = render(r, false);
    BOOST_TEST(contains(plain, "caf\uFFFD et"));
}

BOOST_AUTO_TEST_SUITE_END()
