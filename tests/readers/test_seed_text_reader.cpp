// readers/seed_text_reader and readers/front_matter: the seed document as the specification
// describes it, then each variant of the format alone.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "readers/front_matter.hpp"
#include "readers/seed_text_reader.hpp"
#include "text/utf8.hpp"

using veille::documents::Article;
using veille::documents::Diagnostic;
using veille::documents::Severity;
using veille::readers::read_seed_text;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string kSeedPath = VEILLE_SOURCE_DIR "/corpora/seed/mali-russie.txt";

Article read_seed() {
    veille::text::SanitizeReport report;
    const std::string text = veille::text::sanitize(slurp(kSeedPath), report);
    const auto result = read_seed_text(text, kSeedPath);
    BOOST_TEST(result.diagnostics.empty());
    return result.article;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string parent_of(const veille::documents::Comment& c) {
    return c.parent ? std::to_string(*c.parent) : "none";
}

// Lines of a diagnostic list as "line: message", to compare in one assertion.
std::vector<std::string> lines_of(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) out.push_back(std::to_string(d.line) + ": " + d.message);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(readers)

// ---------------------------------------------------------------------------------------
// The seed document (corpora/seed/mali-russie.txt)

BOOST_AUTO_TEST_CASE(seed_title_and_body) {
    const Article a = read_seed();
    BOOST_TEST(a.title == "Sécurité au Mali : pour la France, la Russie a échoué");
    BOOST_TEST(a.body.starts_with("La France a estimé que la coopération sécuritaire"));
    BOOST_TEST(
        a.body.ends_with("le Mali tente de maintenir un équilibre fragile au cœur du Sahel."));
    // Section headings stay lines of their own, between paragraphs.
    BOOST_TEST(contains(
        a.body, "\n\nLes critiques françaises sur l’efficacité du partenariat russo-malien\n\n"));
    BOOST_TEST(contains(a.body, "\n\nDe la rupture avec la France à l’alliance avec Moscou\n\n"));
    BOOST_TEST(!contains(a.body, "\n\n\n"));
    // Site chrome never reaches the body.
    for (const char* chrome :
         {"réflexions au sujet de", "Répondre", "Laisser un commentaire", "@Obélix"}) {
        BOOST_TEST_CONTEXT(chrome) { BOOST_TEST(!contains(a.body, chrome)); }
    }
    BOOST_TEST(a.meta.date.empty());
}

BOOST_AUTO_TEST_CASE(seed_comment_thread) {
    const Article a = read_seed();
    // clang-format off
    const struct {
        int number;
        std::string parent;
        std::string starts_with;
        std::vector<std::string> mentions;
    } expected[] = {
        {1, "none", "@Obélix\n«\xC2\xA0" "Mieux vaut échouer à la russe", {"Obélix"}},
        {2, "none", "@Obélix\nC’est de l’humour … russe", {"Obélix"}},
        {3, "none", "Ce que je connais de l’Afrique ?", {}},
        {4, "none", "Hey Kotato!!\nAttention à toi, @BLOB l’histrion", {"BLOB"}},
        {5, "none", "Obelix\n", {}},  // a name without '@' is just text
        {6, "none", "Paris observe “avec une réelle inquiétude”", {}},
        {7, "6", "…La terre du Mali boira le sang", {}},
    };
    // clang-format on
    BOOST_TEST_REQUIRE(a.comments.size() == std::size(expected));
    for (std::size_t k = 0; k < a.comments.size(); ++k) {
        const auto& c = a.comments[k];
        const auto& e = expected[k];
        BOOST_TEST_CONTEXT("comment " << k + 1) {
            BOOST_TEST(c.number == e.number);
            BOOST_TEST(parent_of(c) == e.parent);
            BOOST_TEST(c.text.starts_with(e.starts_with), "text: " << c.text);
            BOOST_TEST(c.mentions == e.mentions, boost::test_tools::per_element());
            BOOST_TEST(!contains(c.text, "Répondre"));
            BOOST_TEST(!contains(c.text, "Laisser un commentaire"));
            BOOST_TEST(!(c.text[0] >= '0' && c.text[0] <= '9'));  // no "1." numbering
            BOOST_TEST(!contains(c.text, "•"));
            BOOST_TEST(!c.text.ends_with("\n"));
        }
    }
    // Paragraphs inside a comment stay apart; the reply keeps both of its lines.
    BOOST_TEST(contains(a.comments[1].text, "ou pas\n\nLe monument d’humour glauque"));
    BOOST_TEST(a.comments[6].text.ends_with("pour le Mali et pour la région."));
}

// ---------------------------------------------------------------------------------------
// Variants of the format

BOOST_AUTO_TEST_CASE(plain_article_without_comments) {
    const auto r = read_seed_text(
        "\n\nBurkina Faso : Ouagadougou se tourne vers Moscou  \n\n"
        "Le capitaine Traoré a reçu une délégation russe.\nIl a parlé d’énergie.\n\n\n\n"
        "Un partenariat encore flou\n\nAucun accord n’a été publié.\n\n"
        "Laisser un commentaire\n",
        "burkina.txt");
    BOOST_TEST(r.article.title == "Burkina Faso : Ouagadougou se tourne vers Moscou");
    BOOST_TEST(r.article.body ==
               "Le capitaine Traoré a reçu une délégation russe.\nIl a parlé d’énergie.\n\n"
               "Un partenariat encore flou\n\nAucun accord n’a été publié.");
    BOOST_TEST(r.article.comments.empty());
    BOOST_TEST(r.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(thread_header_variants) {
    // Each header is followed by the same one-comment thread.
    // clang-format off
    const struct {
        const char* header;
        bool is_header;
    } cases[] = {
        {"9 réflexions au sujet de “Le Tchad et la France”", true},
        {"Une réflexion au sujet de \"Le Tchad et la France\"", true},
        {"2 réflexions au sujet de ‘Le Tchad et la France’", true},
        {"  3 réflexions au sujet de “Le Tchad et la France”", true},  // leading spaces
        {"12 commentaires", true},
        {"1 commentaire", true},
        {"3 commentaires sur « Le Tchad et la France »", true},
        {"3\xC2\xA0" "commentaires sur «\xC2\xA0Le Tchad\xC2\xA0»", true},  // no-break spaces
        {"5 thoughts on “Le Tchad et la France”", true},
        // Prose that merely talks about comments stays in the body.
        {"Un commentaire sur la loi a suffi à relancer le débat.", false},
        {"3 commentaires sur le sujet", false},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.header) {
            const std::string text =
                std::string("Le Tchad et la France\n\nN’Djamena tourne la page.\n\n") + c.header +
                "\n\n  1. Enfin !\n\n    Répondre\n\nLaisser un commentaire";
            const auto r = read_seed_text(text, "tchad.txt");
            BOOST_TEST(r.article.comments.size() == (c.is_header ? 1u : 0u));
            BOOST_TEST(contains(r.article.body, c.header) == !c.is_header);
            if (c.is_header) {
                BOOST_TEST(r.article.body == "N’Djamena tourne la page.");
                BOOST_TEST(r.article.comments[0].text == "Enfin !");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(nested_replies_follow_indentation) {
    const auto r = read_seed_text(
        "La Cédéao lève ses sanctions\n\nLes frontières rouvrent.\n\n"
        "3 commentaires sur « La Cédéao lève ses sanctions »\n\n"
        "  1. Trop tard.\n\n    Répondre\n"
        "    • \xC2\xA0Les éleveurs en ont souffert.\n\n      Répondre\n"
        "      • \xE2\x80\xAF»\xC2\xA0"
        "C’est vrai, mon oncle a perdu son troupeau.\n\n        Répondre\n"
        "    •  Et les commerçants ?\n\n      Répondre\n"
        "  2. Enfin une bonne nouvelle.\n    Répondre\n\n"
        "Laisser un commentaire\n"
        "Votre adresse e-mail ne sera pas publiée.\n",
        "cedeao.txt");
    // clang-format off
    const struct {
        std::string parent, text;
    } expected[] = {
        {"none", "Trop tard."},
        {"1", "Les éleveurs en ont souffert."},
        {"2", "C’est vrai, mon oncle a perdu son troupeau."},  // bullet, spaces and » dropped
        {"1", "Et les commerçants ?"},                         // a sibling of #2
        {"none", "Enfin une bonne nouvelle."},
    };
    // clang-format on
    BOOST_TEST_REQUIRE(r.article.comments.size() == std::size(expected));
    for (std::size_t k = 0; k < std::size(expected); ++k) {
        BOOST_TEST_CONTEXT("comment " << k + 1) {
            BOOST_TEST(r.article.comments[k].number == static_cast<int>(k + 1));
            BOOST_TEST(parent_of(r.article.comments[k]) == expected[k].parent);
            BOOST_TEST(r.article.comments[k].text == expected[k].text);
        }
    }
    BOOST_TEST(r.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(numbered_lines_inside_a_comment_are_text) {
    const auto r = read_seed_text(
        "Titre\n\nCorps.\n\n2 réflexions au sujet de “Titre”\n\n"
        "  1. Deux remarques :\n    1. le blocus dure ;\n    2. les prix montent.\n    • et alors "
        "?\n\n    Répondre\n"
        "  2. D’accord.\n\n    Répondre\n",
        "liste.txt");
    BOOST_TEST_REQUIRE(r.article.comments.size() == 2u);
    BOOST_TEST(r.article.comments[0].text ==
               "Deux remarques :\n1. le blocus dure ;\n2. les prix montent.\n• et alors ?");
    BOOST_TEST(r.article.comments[1].text == "D’accord.");
}

BOOST_AUTO_TEST_CASE(mentions_are_recorded_and_kept_in_the_text) {
    // clang-format off
    const struct {
        const char* comment;
        std::vector<std::string> mentions;
    } cases[] = {
        {"@Obélix tu as tort", {"Obélix"}},
        {"Attention à toi, @BLOB l’histrion", {"BLOB"}},
        {"Obelix, tu as tort", {}},
        {"@Jean-Pierre et @Obélix. Et encore @Obélix !", {"Jean-Pierre", "Obélix"}},
        {"Écrivez à redaction@exemple.fr", {}},  // an e-mail address is not a mention
        {"(@Awa_Traoré) oui", {"Awa_Traoré"}},
        {"un @ tout seul", {}},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.comment) {
            const auto r = read_seed_text(std::string("Titre\n\nCorps.\n\n1 commentaire\n\n  1. ") +
                                              c.comment + "\n    Répondre\n",
                                          "mentions.txt");
            BOOST_TEST_REQUIRE(r.article.comments.size() == 1u);
            BOOST_TEST(r.article.comments[0].text == c.comment);
            BOOST_TEST(r.article.comments[0].mentions == c.mentions,
                       boost::test_tools::per_element());
        }
    }
}

// ---------------------------------------------------------------------------------------
// Front matter

BOOST_AUTO_TEST_CASE(front_matter_fields_and_title_override) {
    const auto r = read_seed_text(
        "---\n"
        "title: Niger : la junte suspend la coopération avec Paris\n"
        "Date: 2023-08-03\n"
        "source: \"Veille Sahel\"\n"
        "url: https://exemple.org/niger?id=3\n"
        "author:   Awa Traoré  \n"
        "---\n"
        "Ligne qui n’est pas un titre\n\n"
        "Le corps commence dès la première ligne après le bloc.\n",
        "niger.txt");
    BOOST_TEST(r.article.title == "Niger : la junte suspend la coopération avec Paris");
    BOOST_TEST(r.article.meta.date == "2023-08-03");
    BOOST_TEST(r.article.meta.source == "Veille Sahel");
    BOOST_TEST(r.article.meta.url == "https://exemple.org/niger?id=3");
    BOOST_TEST(r.article.meta.author == "Awa Traoré");
    // With a title in the front matter, the whole rest is body.
    BOOST_TEST(r.article.body ==
               "Ligne qui n’est pas un titre\n\n"
               "Le corps commence dès la première ligne après le bloc.");
    BOOST_TEST(r.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(front_matter_without_title_keeps_the_first_line) {
    const auto r =
        read_seed_text("---\ndate: 2024-03-12\n---\n\nTitre du texte\n\nCorps.\n", "a.txt");
    BOOST_TEST(r.article.title == "Titre du texte");
    BOOST_TEST(r.article.body == "Corps.");
    BOOST_TEST(r.article.meta.date == "2024-03-12");
}

BOOST_AUTO_TEST_CASE(front_matter_problems_are_reported_with_their_line) {
    const auto r = read_seed_text(
        "---\n"                     // 1
        "title: Mali\n"             // 2
        "tags: sahel, russie\n"     // 3
        "ceci n’est pas une clé\n"  // 4
        "\n"                        // 5
        "# un commentaire YAML\n"   // 6
        "date: 12 mars 2024\n"      // 7
        "title: Autre titre\n"      // 8
        "---\n"                     // 9
        "Corps.\n\n"                // 10
        "1 commentaire\n\n"         // 12
        "  1.\n    Répondre\n",     // 14
        "fm.txt");
    const std::vector<std::string> expected = {
        "3: unknown front-matter key 'tags' ignored (known: title, date, url, source, author)",
        "4: malformed front-matter line (expected 'key: value'): ceci n’est pas une clé",
        "7: date '12 mars 2024' is not ISO 8601 (YYYY-MM-DD): ignored",
        "8: duplicate front-matter key 'title': the first value is kept",
        "14: comment 1 has no text",  // lines after the front matter keep their file numbers
    };
    BOOST_TEST(lines_of(r.diagnostics) == expected, boost::test_tools::per_element());
    for (const auto& d : r.diagnostics) {
        BOOST_TEST((d.severity == Severity::Warning));
        BOOST_TEST(d.path == "fm.txt");
    }
    BOOST_TEST(r.article.title == "Mali");
    BOOST_TEST(r.article.meta.date.empty());
    BOOST_TEST(r.article.body == "Corps.");
}

BOOST_AUTO_TEST_CASE(front_matter_parser_alone) {
    std::vector<Diagnostic> diagnostics;
    const auto fm = veille::readers::parse_front_matter(
        "---\ntitle: 'Tchad : « fin de partie »'\nurl: https://exemple.org/a:b\n---\nReste\n",
        "t.txt", diagnostics);
    BOOST_TEST(fm.fields.at("title") == "Tchad : « fin de partie »");
    BOOST_TEST(fm.fields.at("url") == "https://exemple.org/a:b");  // split at the first colon
    BOOST_TEST(fm.rest == "Reste\n");
    BOOST_TEST(fm.lines_consumed == 4u);
    BOOST_TEST(diagnostics.empty());

    const auto none = veille::readers::parse_front_matter("Titre\n---\n", "t.txt", diagnostics);
    BOOST_TEST(none.fields.empty());
    BOOST_TEST(none.rest == "Titre\n---\n");
    BOOST_TEST(none.lines_consumed == 0u);
}

BOOST_AUTO_TEST_CASE(unclosed_front_matter_is_text) {
    const auto r = read_seed_text("---\ntitle: Mali\n\nCorps sans fin de bloc.\n", "open.txt");
    BOOST_TEST(lines_of(r.diagnostics) ==
                   std::vector<std::string>{
                       "1: front matter is never closed by a '---' line: read as text"},
               boost::test_tools::per_element());
    BOOST_TEST(r.article.meta.date.empty());
    BOOST_TEST(contains(r.article.body, "Corps sans fin de bloc."));
}

BOOST_AUTO_TEST_CASE(a_paragraph_is_not_a_title) {
    const std::string paragraph(400, 'x');
    const auto r = read_seed_text(paragraph + "\n\nSuite.\n", "long.txt");
    BOOST_TEST(r.article.title.empty());
    BOOST_TEST(r.article.body == paragraph + "\n\nSuite.");
    BOOST_TEST(r.diagnostics.empty());  // an untitled article is normal, not a warning
}

BOOST_AUTO_TEST_SUITE_END()
