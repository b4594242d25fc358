// readers/html_reader: saved news pages as a person reads them. Real pages copied from
// ../shared/corpora (tests/data/html/README.md says which), checked by eye, and small pages
// written here for one rule each.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "dates/french_date.hpp"
#include "readers/charset.hpp"
#include "readers/file_reader.hpp"
#include "readers/html_dom.hpp"
#include "readers/html_reader.hpp"

namespace fs = std::filesystem;
using veille::documents::Article;
using veille::readers::FileContents;
using veille::readers::read_contents;
using veille::readers::read_file;
using veille::readers::read_html;

namespace {

const fs::path kPages = fs::path(VEILLE_TEST_DATA_DIR) / "html";

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

Article read_page(const std::string& html) { return read_html(html, "page.html").article; }

// (number, parent number or 0) for each comment, in thread order.
std::vector<std::pair<int, int>> shape(const Article& a) {
    std::vector<std::pair<int, int>> out;
    for (const auto& c : a.comments) out.emplace_back(c.number, c.parent ? *c.parent : 0);
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_reader)

// A WordPress single post as themes write it: JSON-LD @graph (Yoast), a broken second JSON-LD
// block, share buttons, related posts, a cookie banner, a nested comment thread, a widget of
// other posts' comments.
BOOST_AUTO_TEST_CASE(wordpress_post_with_a_nested_thread) {
    const FileContents r = read_file(kPages / "wordpress-thread.html");
    BOOST_TEST_REQUIRE(!r.skipped, r.skip_reason);
    BOOST_TEST(veille::readers::format_name(r.format) == std::string("html"));
    BOOST_TEST(r.diagnostics.empty());
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    const Article& a = r.articles[0];
    BOOST_TEST(a.title == "Sécurité au Mali : pour la France, la Russie a échoué");
    BOOST_TEST(a.meta.date == "2025-11-06T09:30:00+01:00");  // JSON-LD before the <meta>
    BOOST_TEST(a.meta.author == "Awa Traoré");                // an @id reference, entity decoded
    BOOST_TEST(a.meta.source == "Le Journal du Sahel");
    BOOST_TEST(a.meta.url == "https://journal-du-sahel.example/2025/11/06/securite-au-mali/");

    // The body: paragraphs, the heading, the list; <br> and <li> are line breaks.
    BOOST_TEST(contains(a.body, "La France a estimé que la présence des forces russes"));
    BOOST_TEST(contains(a.body, "dans le pays,\nnotamment autour de Kidal"));
    BOOST_TEST(contains(a.body, "\n\nLe blocus de Bamako\n\n"));
    BOOST_TEST(contains(a.body, "Kayes\nSégou"));
    BOOST_TEST(contains(a.body, "« avec une réelle inquiétude »"));  // &nbsp; is a space
    // None of the site around the article.
    for (const char* chrome : {"cookies", "Niger : la junte", "Partager", "Facebook", "Articles similaires",
                               "Mentions légales", "script", "Burkina", "Laisser un commentaire",
                               "réflexions au sujet", "Commentaires récents", "Obélix", "position:fixed"}) {
        BOOST_TEST_CONTEXT(chrome) { BOOST_TEST(!contains(a.body, chrome)); }
    }

    // The thread: reading order, replies after their parents, the widget's comment left out.
    BOOST_TEST(shape(a) == (std::vector<std::pair<int, int>>{{1, 0}, {2, 1}, {3, 2}, {4, 0}}));
    BOOST_TEST_REQUIRE(a.comments.size() == 4u);
    BOOST_TEST(a.comments[0].author == "Obélix");  // not "Obélix dit :"
    BOOST_TEST(a.comments[0].date == "2025-11-06T10:15:00+01:00");
    BOOST_TEST(a.comments[0].text ==
               "C’est de l’humour, j’espère ?\n\nMieux vaut échouer à la russe que réussir\nà la française.");
    BOOST_TEST(a.comments[1].author == "Kotato");  // the name is a link
    BOOST_TEST(a.comments[1].text.starts_with("@Obélix C’est de l’humour… russe"));
    BOOST_TEST(a.comments[1].mentions == std::vector<std::string>{"Obélix"});
    BOOST_TEST(a.comments[2].author == "BLOB");
    BOOST_TEST(a.comments[3].text == "Ce qui se passe au Mali est dramatique.");
    for (const auto& c : a.comments) {
        BOOST_TEST_CONTEXT("comment " << c.number) {
            BOOST_TEST(!contains(c.text, "Répondre"));
            BOOST_TEST(!contains(c.text, "dit"));
            BOOST_TEST(veille::dates::parse_french_date(c.date).has_value());
        }
    }
}

// Real pages from ../shared/corpora/html-trafilatura-fr and html-readability-fr, read by eye:
// the title, date, author and source of the article, and the shape of its thread.
BOOST_AUTO_TEST_CASE(real_pages_metadata_and_threads) {
    struct Case {
        const char* file;
        const char* title;
        const char* date;
        const char* author;
        const char* source;
        std::vector<std::pair<int, int>> thread;
        const char* in_body;
        const char* not_in_body;
    };
    // clang-format off
    const Case cases[] = {
        // SPIP forum: li.comment with a nested <ul> for replies, abbr.date[title], strong.fn.
        {"regards.fr.enquetes.html",
         "Deux ans et demi en Macronie : une condamnation, dix mises en examen et six enquêtes en cours",
         "", "Loïc Le Clerc", "regards.fr",
         {{1, 0}, {2, 1}, {3, 0}, {4, 3}, {5, 0}, {6, 0}, {7, 0}, {8, 0}, {9, 0}, {10, 0}, {11, 0}},
         "seule promesse du candidat Macron, la", "Vos réactions"},
        // Drupal: div.comment, span.username, the date in "par JPA le 7 mai 2020 - 12:38."
        {"dalloz-actualite.fr.raoult.html", "Libre cours : Raoult, les nazis et moi", "", "", "",
         {{1, 0}, {2, 0}}, "C’est la guerre. Et pourtant, à moi aussi", "haut de page"},
        // Drupal with sioc:Comment, the name and date in "Par Bruno Gobin, le mercredi 15 mai 2019".
        {"lopinion.fr.glyphosate.html", "Glyphosate: radiographie d’une intoxication collective",
         "2019-05-15T06:00:01+02:00", "", "L'Opinion",
         {{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 0}},
         "La firme Bayer, propriétaire", "Poster un commentaire"},
        // Custom theme: div.mo-comment-card, "Muriel - Le 22/01/2020 à 12:01:03".
        {"mesopinions.com.mutilation.html",
         "Pétition : Non à la mutilation du choeur de Radio France, Unique Choeur professionnel à vocation Symphonique en France",
         "", "MesOpinions.com", "mesopinions.com", {{1, 0}, {2, 0}, {3, 0}},
         "ils ne sont que quelques-uns des plus grands chefs", "1.977"},
        // schema.org Review markup: article.comment, itemprop=author/name, a meta datePublished.
        {"madame.lefigaro.fr.dintestin.html",
         "Les clés pour donner les bonnes bactéries à son intestin et aller bien",
         "2017-04-12T18:33:59+02:00", "", "Madame Figaro", {{1, 0}},
         "Le charme discret de l'intestin", "Remportez le soin Time-Filler"},
        // ISO-8859-1 declared with http-equiv; no comments.
        {"archive.org-travaillent.html", "Les Français travaillent-ils trop peu ?", "", "", "", {},
         "350 000 emplois créés", "BEGIN WAYBACK TOOLBAR"},
        // Readability's test page: <title> "… - Libération", og:site_name "Libération.fr".
        {"liberation-1.html", "Un troisième Français mort dans le séisme au Népal", "2015-04-30T07:19:58",
         "Sébastien Farcis", "Libération.fr", {},
         "Un troisième Français a été tué dans le tremblement de terre samedi au Népal", "Partager"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.file) {
            const FileContents r = read_file(kPages / c.file);
            BOOST_TEST_REQUIRE(!r.skipped, r.skip_reason);
            BOOST_TEST_REQUIRE(r.articles.size() == 1u);
            const Article& a = r.articles[0];
            BOOST_TEST(a.title == c.title);
            BOOST_TEST(a.meta.date == c.date);
            BOOST_TEST(a.meta.author == c.author);
            BOOST_TEST(a.meta.source == c.source);
            BOOST_TEST(shape(a) == c.thread);
            BOOST_TEST(contains(a.body, c.in_body));
            BOOST_TEST(!contains(a.body, c.not_in_body));
            for (const auto& cm : a.comments) BOOST_TEST(!contains(a.body, cm.text.substr(0, 40)));
        }
    }
}

BOOST_AUTO_TEST_CASE(real_comment_authors_dates_and_text) {
    struct Case {
        const char* file;
        std::size_t index;
        const char* author;
        const char* date;
        const char* text_start;
    };
    // clang-format off
    const Case cases[] = {
        {"regards.fr.enquetes.html", 0, "gabriel sempéré", "2018-09-11T10:57:27Z", "très bien vos infos."},
        {"regards.fr.enquetes.html", 1, "lebrec jacques", "2019-09-13T20:30:51Z", "Articles très bien faits"},
        {"regards.fr.enquetes.html", 10, "marc day day", "2020-02-19T07:50:57Z", "le ministre de la justice"},
        {"dalloz-actualite.fr.raoult.html", 0, "JPA", "le 7 mai 2020", "Pourquoi en vouloir aux harpistes ?\nEn ce temps de confinement"},
        {"dalloz-actualite.fr.raoult.html", 1, "BINH", "le 7 mai 2020", "Le confinement chauffe les esprits"},
        // The comment's own title opens its text.
        {"lopinion.fr.glyphosate.html", 0, "Bruno Gobin", "le mercredi 15 mai 2019", "Exception.\n\nSauf sur une forme rarissime de lymphome."},
        {"lopinion.fr.glyphosate.html", 5, "Yves Leclercq 214", "le samedi 18 mai 2019", "Pour la Raison, c'est déjà trop tard!"},
        {"mesopinions.com.mutilation.html", 0, "Muriel", "Le 22/01/2020", "Pour sauver un fleuron du patrimoine"},
        {"madame.lefigaro.fr.dintestin.html", 0, "link78", "2019-02-12", "Manger du quinoa ?"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.file << " #" << c.index + 1) {
            const FileContents r = read_file(kPages / c.file);
            BOOST_TEST_REQUIRE(r.articles.size() == 1u);
            BOOST_TEST_REQUIRE(r.articles[0].comments.size() > c.index);
            const auto& cm = r.articles[0].comments[c.index];
            BOOST_TEST(cm.author == c.author);
            BOOST_TEST(cm.date == c.date);
            BOOST_TEST(cm.text.starts_with(c.text_start), cm.text);
            BOOST_TEST(!contains(cm.text, "Répondre"));
            // The indexer must be able to date every comment.
            BOOST_TEST(veille::dates::parse_french_date(cm.date).has_value(), cm.date);
        }
    }
}

// trafilatura's gold standard (evaldata.json) lists, per page, sentences that must be in the
// extracted text and boilerplate that must not: the pages copied here pass all of them.
BOOST_AUTO_TEST_CASE(trafilatura_gold_sentences) {
    struct Case {
        const char* file;
        std::vector<const char*> with, without, comments;
    };
    // clang-format off
    const Case cases[] = {
        {"regards.fr.enquetes.html",
         {"seule promesse du candidat Macron, la", "Le 6 août 2019, le député", "Anticor a porté plainte pour"},
         {"Qui êtes-vous ?", "Pour créer des paragraphes, laissez simplement des lignes vides.", "Vos réactions"},
         {"Articles très bien faits et qui nous montre", ".iL faut etre sensible pour etre intéligent", "Rien de neuf donc...."}},
        {"lopinion.fr.glyphosate.html",
         {"La firme Bayer, propriétaire", "Jackpot pour Monsanto qui vend à la fois les semences", "puisque le champ des recherches est infini..."},
         {"Mentions légales", "Conditions générales de vente", "Charte des commentaires"},
         {"Sauf sur une forme rarissime de lymphome.", "de prouver la nocivité, autre que végétale", "suffisant. Notre société est redevenue religieuse."}},
        {"madame.lefigaro.fr.dintestin.html",
         {}, {"À lire aussi", "Remportez le soin Time-Filler"}, {"quel enfumage !"}},
    };
    // clang-format on
    auto flat = [](std::string s) {
        for (char& ch : s)
            if (ch == '\n') ch = ' ';
        std::string out;
        for (char ch : s)
            if (!(ch == ' ' && !out.empty() && out.back() == ' ')) out += ch;
        return out;
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.file) {
            const FileContents r = read_file(kPages / c.file);
            BOOST_TEST_REQUIRE(r.articles.size() == 1u);
            const std::string body = flat(r.articles[0].body);
            std::string comments;
            for (const auto& cm : r.articles[0].comments) comments += flat(cm.text) + " ";
            for (const char* w : c.with) BOOST_TEST(contains(body, w), w);
            for (const char* w : c.without) BOOST_TEST(!contains(body, w), w);
            for (const char* w : c.comments) BOOST_TEST(contains(comments, w), w);
        }
    }
}

BOOST_AUTO_TEST_CASE(charset_is_detected_and_converted_before_anything_else) {
    using veille::readers::CharsetSource;
    using veille::readers::detect_html_charset;
    struct Case {
        const char* name;
        std::string bytes;
        const char* charset;
        CharsetSource source;
    };
    // clang-format off
    const Case cases[] = {
        {"meta charset", "<html><head><meta charset=\"ISO-8859-1\"><title>x</title>", "windows-1252", CharsetSource::Declared},
        {"http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">", "windows-1252", CharsetSource::Declared},
        {"http-equiv, unquoted and upper case", "<META HTTP-EQUIV=Content-Type CONTENT='text/html;charset=UTF-8'>", "UTF-8", CharsetSource::Declared},
        {"latin1 label", "<meta charset=latin1>", "windows-1252", CharsetSource::Declared},
        {"iso-8859-15 (ICU's own name for it)", "<meta charset=\"iso-8859-15\">", "ibm-923_P100-1998", CharsetSource::Declared},
        {"xml declaration", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>", "windows-1252", CharsetSource::Declared},
        {"a commented-out meta does not count", "<!-- <meta charset=\"iso-8859-1\"> --><p>é</p>", "UTF-8", CharsetSource::Guessed},
        {"utf-16 declared in ASCII is UTF-8", "<meta charset=\"utf-16\">", "UTF-8", CharsetSource::Declared},
        {"UTF-8 byte order mark wins", "\xEF\xBB\xBF<meta charset=\"iso-8859-1\">", "UTF-8", CharsetSource::ByteOrderMark},
        {"UTF-16LE byte order mark", "\xFF\xFE<\0h\0", "UTF-16LE", CharsetSource::ByteOrderMark},
        {"nothing declared, valid UTF-8", "<p>Sécurité</p>", "UTF-8", CharsetSource::Guessed},
        {"nothing declared, Latin-1 bytes", "<p>S\xE9" "curit\xE9</p>", "windows-1252", CharsetSource::Guessed},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            const auto cs = detect_html_charset(c.bytes);
            BOOST_TEST(cs.name == c.charset);
            BOOST_TEST((cs.source == c.source));
        }
    }

    // End to end: the accents come out right, and what had to be guessed is said.
    struct Page {
        const char* name;
        std::string bytes;
        const char* title;
        const char* warning;  // "" when none
    };
    // clang-format off
    const Page pages[] = {
        {"declared ISO-8859-1, 0x92 is the curly apostrophe of windows-1252",
         "<html><head><meta http-equiv=\"content-type\" content=\"text/html;charset=iso-8859-1\"><title>S\xE9" "curit\xE9 \x92 Gao</title></head><body><p>x</p></body></html>",
         "Sécurité ’ Gao", ""},
        {"undeclared Latin-1",
         "<html><head><title>L'\xE9t\xE9 \xE0 Niamey</title></head><body></body></html>",
         "L'été à Niamey", "no charset declared and not UTF-8: read as windows-1252"},
        {"declared UTF-8, written in Latin-1",
         "<html><head><meta charset=\"utf-8\"><title>\xC9lections au Tchad</title></head></html>",
         "Élections au Tchad", "declared UTF-8 but is not: read as windows-1252"},
        {"UTF-16LE with its byte order mark",
         std::string("\xFF\xFE<\0t\0i\0t\0l\0e\0>\0\xE9\0t\0\xE9\0<\0/\0t\0i\0t\0l\0e\0>\0", 38),
         "été", ""},
        {"a label ICU does not know",
         "<html><head><meta charset=\"klingon-8\"><title>Kidal</title></head></html>",
         "Kidal", "unknown charset 'klingon-8': read as UTF-8"},
    };
    // clang-format on
    for (const auto& p : pages) {
        BOOST_TEST_CONTEXT(p.name) {
            const FileContents r = read_contents("page.html", p.bytes);
            BOOST_TEST_REQUIRE(r.articles.size() == 1u);
            BOOST_TEST(r.articles[0].title == p.title);
            if (*p.warning) {
                BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u);
                BOOST_TEST(r.diagnostics[0].message == p.warning);
            } else {
                BOOST_TEST(r.diagnostics.empty());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(words_never_glue_and_entities_are_decoded) {
    const Article a = read_page(
        "<html><head><title>Titre de test assez long pour rester</title></head><body><div>"
        "<p>Premier&nbsp;paragraphe</p><p>second</p>"
        "ligne<br>suivante<br/>encore"
        "<table><tr><td>Gao</td><td>Kidal</td></tr><tr><td>Mopti</td><td>Kayes</td></tr></table>"
        "<ul><li>un</li><li>deux</li></ul><h2>Intertitre</h2>fin<div>bloc</div>"
        "<p>l&#8217;&eacute;t&eacute; &amp; l&rsquo;hiver &lt;b&gt; &#x2014; &#27;[31m</p>"
        "<p>mot<img src=x alt=\"image\">suivant</p>"
        "</div></body></html>");
    BOOST_TEST(a.body ==
               "Premier paragraphe\n\nsecond\n\nligne\nsuivante\nencore\n\nGao Kidal\nMopti Kayes\n\n"
               "un\ndeux\n\nIntertitre\n\nfin\n\nbloc\n\nl’été & l’hiver <b> —\n\nmot suivant");
}

BOOST_AUTO_TEST_CASE(site_chrome_is_not_body) {
    const Article a = read_page(
        "<html><head><title>Niger : la junte suspend la coopération - Le Sahel</title>"
        "<style>p{color:red}</style><script>var x = 'script de tête';</script></head><body>"
        "<nav><a href=/>Accueil</a> <a href=/mali>Mali</a></nav>"
        "<header class=site-header><div class=logo>Le Sahel</div></header>"
        "<div class=cookie-consent>Nous utilisons des cookies</div>"
        "<div class=breadcrumb>Accueil › Afrique</div>"
        "<main><h1>Niger : la junte suspend la coopération</h1>"
        "<div class=article-content><p>Le gouvernement de Niamey a suspendu, mardi, la coopération militaire avec Paris, "
        "a indiqué un communiqué lu à la télévision nationale.</p>"
        "<p>Les soldats français, au nombre de 1 500, devront quitter le pays dans un délai d'un mois, "
        "selon le texte, qui dénonce des accords déséquilibrés.</p>"
        "<div class=social-share><a>Partager sur Facebook</a><a>Tweeter</a></div>"
        "<p><strong>À lire aussi :</strong> <a href=/x>Le Mali et la Russie</a></p>"
        "<noscript>Activez JavaScript</noscript>"
        "<div class=newsletter><form><p>Inscrivez-vous à notre lettre</p><input type=email></form></div>"
        "<div hidden>texte caché</div><span style=\"display: none\">invisible</span>"
        "<div class=\"related-posts\"><h3>Sur le même sujet</h3><ul><li><a>Tchad</a></li></ul></div>"
        "</div></main>"
        "<aside class=sidebar><h3>Les plus lus</h3><p>Burkina Faso : un autre article très long et très lu, "
        "avec des virgules, des virgules, et encore des virgules.</p></aside>"
        "<footer><p>© Le Sahel, mentions légales</p></footer>"
        "<script>document.write('script de pied');</script></body></html>");
    BOOST_TEST(a.title == "Niger : la junte suspend la coopération");
    BOOST_TEST(contains(a.body, "Le gouvernement de Niamey a suspendu"));
    BOOST_TEST(contains(a.body, "devront quitter le pays"));
    for (const char* chrome : {"Accueil", "cookies", "Partager", "Tweeter", "lire aussi", "Le Mali et la Russie",
                               "JavaScript", "Inscrivez", "caché", "invisible", "même sujet", "Tchad",
                               "plus lus", "Burkina", "mentions", "script", "color:red"}) {
        BOOST_TEST_CONTEXT(chrome) { BOOST_TEST(!contains(a.body, chrome)); }
    }
}

BOOST_AUTO_TEST_CASE(titles_come_from_the_best_source_without_the_site_name) {
    struct Case {
        const char* name;
        std::string head;
        std::string body;
        const char* title;
    };
    // clang-format off
    const Case cases[] = {
        {"JSON-LD headline first",
         "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Le titre JSON-LD\"}</script>"
         "<meta property=\"og:title\" content=\"Le titre OpenGraph\"><title>Le titre de la page</title>",
         "<h1>Le titre H1</h1>", "Le titre JSON-LD"},
        {"JSON-LD in a list, @type as a list, entities in the value",
         "<script type=\"application/ld+json\">[{\"@type\":\"WebSite\",\"name\":\"Site\"},"
         "{\"@type\":[\"NewsArticle\",\"Article\"],\"headline\":\"L&#039;arm&eacute;e au Sahel\"}]</script>",
         "", "L'armée au Sahel"},
        {"invalid JSON-LD (a raw newline in a string) is repaired",
         "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Sur deux\nlignes\"}</script>",
         "", "Sur deux lignes"},
        {"hopeless JSON-LD is ignored",
         "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":</script><title>Repli sur le titre</title>",
         "", "Repli sur le titre"},
        {"og:title without the site name",
         "<meta property=\"og:site_name\" content=\"Le Monde.fr\"><meta property=\"og:title\" content=\"Mali : la junte dissout les partis - Le Monde.fr\">",
         "<h1>autre</h1>", "Mali : la junte dissout les partis"},
        {"<h1> before <title>, a logo <h1> passed over",
         "<meta property=\"og:site_name\" content=\"Le Sahel\"><title>Un titre de page - Le Sahel</title>",
         "<h1><a href=/>Le Sahel</a></h1><h1>Le vrai titre de l'article</h1>", "Le vrai titre de l'article"},
        {"<title>: site name after a pipe",
         "<link rel=canonical href=\"https://www.arteradio.com/son/1\"><title>La voix des nuls | ARTE Radio</title>",
         "", "La voix des nuls"},
        {"<title>: section and site, then a date",
         "<meta property=\"og:site_name\" content=\"DW.COM\"><title>Les éléphants en Guinée-Conakry | DW | 23.05.2011</title>",
         "", "Les éléphants en Guinée-Conakry"},
        {"<title>: site name first",
         "<meta property=\"og:site_name\" content=\"Le Nouvelliste\"><title>Le Nouvelliste | L’Etat a payé ses dettes pétrolières</title>",
         "", "L’Etat a payé ses dettes pétrolières"},
        {"<title>: a dash inside the title stays",
         "<title>Burkina - Mali : deux voisins</title>", "", "Burkina - Mali : deux voisins"},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            const Article a = read_page("<!DOCTYPE html><html><head>" + c.head + "</head><body>" + c.body + "</body></html>");
            BOOST_TEST(a.title == c.title);
        }
    }
}

BOOST_AUTO_TEST_CASE(json_ld_article_body_author_list_and_date) {
    const Article a = read_page(
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"NewsArticle\",\"headline\":\"Bamako sous blocus\",\"datePublished\":\"2024-09-17T08:00:00Z\","
        "\"author\":[{\"@type\":\"Person\",\"name\":\"Awa Traoré\"},\"Jean Dupont\",\"https://x.example/auteur\"],"
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Sahel Info\"},"
        "\"articleBody\":\"Premier paragraphe du corps JSON-LD.\\n\\nSecond paragraphe, plus long, avec des détails.\"}]}"
        "</script></head><body><p>Court.</p></body></html>");
    BOOST_TEST(a.title == "Bamako sous blocus");
    BOOST_TEST(a.meta.date == "2024-09-17T08:00:00Z");
    BOOST_TEST(a.meta.author == "Awa Traoré, Jean Dupont");
    BOOST_TEST(a.meta.source == "Sahel Info");
    BOOST_TEST(a.body == "Premier paragraphe du corps JSON-LD.\n\nSecond paragraphe, plus long, avec des détails.");
}

BOOST_AUTO_TEST_CASE(date_author_and_url_fallbacks) {
    const Article a = read_page(
        "<html><head><meta property=\"og:url\" content=\"https://www.sahel.example/a/1\"></head><body><article>"
        "<h1>Titre de l'article du jour</h1><p class=byline>Par Awa Traoré</p>"
        "<time datetime=\"2023-08-03\">3 août 2023</time>"
        "<p>Un paragraphe assez long pour que l'article soit reconnu comme tel, avec une virgule, "
        "et une autre, et encore du texte pour passer le seuil de deux cents octets sans difficulté aucune.</p>"
        "</article></body></html>");
    BOOST_TEST(a.title == "Titre de l'article du jour");
    BOOST_TEST(a.meta.date == "2023-08-03");
    BOOST_TEST(a.meta.author == "Awa Traoré");
    BOOST_TEST(a.meta.url == "https://www.sahel.example/a/1");
    BOOST_TEST(a.meta.source == "sahel.example");  // the host, when nothing names the site
}

// Limits: each of these would take minutes (or the stack) with a naive reader.
BOOST_AUTO_TEST_CASE(ten_thousand_nested_levels_are_flattened_not_fatal) {
    std::string html = "<!DOCTYPE html><html><body>";
    for (int i = 0; i < 10000; ++i) html += "<div>";
    html += "<p>Le texte tout au fond de Tombouctou.</p>";
    for (int i = 0; i < 10000; ++i) html += "</div>";
    html += "<p>Après.</p></body></html>";
    const auto start = std::chrono::steady_clock::now();
    const auto r = read_html(html, "profond.html");
    BOOST_TEST(seconds_since(start) < 5.0);
    BOOST_TEST(contains(r.article.body, "Le texte tout au fond de Tombouctou."));
    // Every word of the page survives the flattening.
    const veille::readers::html::Document doc(html);
    BOOST_TEST(doc.flattened_tags() > 19000u);
    BOOST_TEST(veille::readers::html::extract_text(doc.root()) == "Le texte tout au fond de Tombouctou.\n\nAprès.");
    BOOST_TEST_REQUIRE(r.diagnostics.size() == 1u);
    BOOST_TEST(contains(r.diagnostics[0].message, "nested deeper than"));

    // Ten thousand unclosed <p> are siblings, not a nest: nothing is flattened.
    std::string flat = "<html><body>";
    for (int i = 0; i < 10000; ++i) flat += "<p>para " + std::to_string(i);
    std::size_t dropped = 1;
    veille::readers::html::flatten_deep_nesting(flat, veille::readers::html::kMaxDepth, dropped);
    BOOST_TEST(dropped == 0u);
}

BOOST_AUTO_TEST_CASE(twenty_thousand_comments_and_a_deep_reply_chain) {
    std::string html = "<html><body><article><h1>Un fil immense</h1><p>Corps.</p></article><ol class=comment-list>";
    for (int i = 0; i < 20000; ++i)
        html += "<li class=comment><b class=fn>Lecteur " + std::to_string(i) +
                "</b><div class=comment-content><p>Commentaire numéro " + std::to_string(i) + "</p></div></li>";
    html += "</ol><ol class=comment-list>";
    // A chain of 300 replies, each inside the previous one (deeper than kMaxDepth / 2 elements).
    for (int i = 0; i < 300; ++i) html += "<li class=comment><div class=comment-content>Réponse " + std::to_string(i) + "</div><ul class=children>";
    html += "</ol></body></html>";
    const auto start = std::chrono::steady_clock::now();
    const Article a = read_page(html);
    BOOST_TEST(seconds_since(start) < 10.0);
    BOOST_TEST_REQUIRE(a.comments.size() >= 20000u);
    BOOST_TEST(a.comments[19999].text == "Commentaire numéro 19999");
    BOOST_TEST(a.comments[19999].author == "Lecteur 19999");
    BOOST_TEST(!a.comments[19999].parent.has_value());
    // The chain keeps its shape as far as the nesting limit lets it.
    BOOST_TEST(a.comments[20001].parent.value_or(0) == 20001);
}

BOOST_AUTO_TEST_CASE(a_five_megabyte_line) {
    std::string words;
    while (words.size() < 5 * 1024 * 1024) words += "Tombouctou, Gao et Kidal ";
    const std::string html = "<html><head><title>Une seule ligne</title></head><body><p>" + words + "</p></body></html>";
    const auto start = std::chrono::steady_clock::now();
    const Article a = read_page(html);
    BOOST_TEST(seconds_since(start) < 10.0);
    BOOST_TEST(a.body.size() > 5u * 1024 * 1024 - 100);
    BOOST_TEST(a.body.starts_with("Tombouctou, Gao et Kidal Tombouctou"));
}

BOOST_AUTO_TEST_CASE(nothing_to_read) {
    const FileContents r = read_contents("vide.html", "<html><head><script>x()</script></head><body>  </body></html>");
    BOOST_TEST(r.skipped);
    BOOST_TEST(r.skip_reason == "no text");
}

BOOST_AUTO_TEST_SUITE_END()
