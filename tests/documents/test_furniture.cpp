// documents/furniture: which lines a source repeats under its articles (learnt from the
// collection, per group), what a line's shape is, how a body is cleaned, and the binary form
// kept between indexing runs.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "documents/furniture.hpp"

using veille::documents::FurnitureDetector;
using veille::documents::line_shape;

namespace {

struct Document {
    std::string group;
    std::string body;
};

const char* const kCities[] = {"Bamako", "Gao", "Tombouctou", "Kidal", "Mopti", "Ségou",
                               "Niamey", "Ouagadougou", "Dakar", "Abidjan", "N’Djamena", "Nouakchott"};
const char* const kAuthors[] = {"Isabelle Lasserre", "Thierry Oberlé", "Tanguy Berthemet", "Pierre Avril",
                                "Adrien Jaulmes", "Cyrille Louis", "Alain Barluet", "Nicolas Barotte",
                                "Georges Malbrunot", "Patrick Saint-Paul", "Marc de Boni", "Jean Chichizola"};
// The dates of one WordPress byline as a site prints them, spacing included.
const char* const kPostedOn[] = {"05 avr 2013 ,", "12 mai 2014,", "1 juin 2013 ,", "28 juil 2015 ,",
                                 "3 sept 2013 ,", "9 oct 2014 ,", "17 nov 2013 ,", "24 déc 2014 ,",
                                 "2 janv 2015 ,", "14 févr 2013 ,", "30 mars 2014 ,", "21 août 2015 ,"};

// A recurring context paragraph: repeated word for word, but content (25 words).
const std::string kServal =
    "L’opération Serval a été lancée le 11 janvier 2013 pour stopper l’avancée des groupes jihadistes "
    "vers le sud du Mali, à la demande de Bamako.";

// Twelve articles of one site, each with the site's furniture around its own text.
std::vector<Document> figaro_articles() {
    std::vector<Document> docs;
    for (int i = 0; i < 12; ++i) {
        const std::string city = kCities[i];
        docs.push_back({"lefigaro.fr",
                        "Les soldats français sont entrés dans " + city +
                            " au petit matin, appuyés par des hélicoptères et accueillis par une foule en liesse.\n"
                            "\n"
                            "Par " + kAuthors[i] + "\n"
                            "Posted On " + kPostedOn[i] + " By La rédaction\n"
                            "\n" + kServal + "\n"
                            "\n"
                            "LIRE AUSSI\n"
                            "Mali : à " + city + ", la population craint le retour des groupes armés\n"
                            "\n"
                            "Figaro Live : retrouvez nos débats chaque soir à 19 heures\n"
                            "Photo Credit: Reuters/Joe Penney\n"
                            "MOTS-CLÉS :\n" +
                            city + ", Mali, Sahel\n"});
    }
    return docs;
}

// Twelve articles of another site: "LIRE AUSSI" once, a subheading in four articles, a
// signature in five (the smallest count that makes furniture).
std::vector<Document> monde_articles() {
    std::vector<Document> docs;
    for (int i = 0; i < 12; ++i) {
        const std::string city = kCities[11 - i];
        std::string body = "À " + city + ", les autorités de transition ont annoncé un couvre-feu de quinze jours.\n\n";
        if (i == 0) body += "LIRE AUSSI\n";
        if (i < 4) body += "Le contexte\n";
        body += "Selon un habitant joint par téléphone, la ville de " + city + " vit au rythme des patrouilles.\n";
        if (i >= 7) body += "Cet article est paru dans « Le Monde Afrique »\n";
        docs.push_back({"lemonde.fr", body});
    }
    return docs;
}

std::vector<Document> corpus() {
    std::vector<Document> docs = figaro_articles();
    for (auto& d : monde_articles()) docs.push_back(std::move(d));
    return docs;
}

FurnitureDetector observe_all(const std::vector<Document>& docs) {
    FurnitureDetector detector;
    for (const auto& d : docs) detector.observe(d.group, d.body);
    return detector;
}

std::vector<std::string> lines_of(std::string_view body) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t nl = body.find('\n', start);
        if (nl == std::string_view::npos) nl = body.size();
        lines.emplace_back(body.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(documents)

// ---------------------------------------------------------------------------------------
// Shapes

BOOST_AUTO_TEST_CASE(a_shape_keeps_what_a_source_does_not_change) {
    struct Case {
        const char* line;
        const char* shape;
    };
    // clang-format off
    const Case cases[] = {
        // Case, accents and punctuation go; words stay in order.
        {"LIRE AUSSI", "lire aussi"},
        {"» Lire aussi :", "lire aussi"},
        {"MOTS-CLÉS :", "mots cles"},
        {"Photo Credit: Reuters/Joe Penney", "photo credit reuters joe penney"},
        {"Partagez l’article sur Facebook | Twitter | E-mail", "partagez l article sur facebook twitter e mail"},
        {"Dessin de Plantu © Le Monde", "dessin de plantu le monde"},
        {"  \tAbonnez-vous à notre newsletter !  \r", "abonnez vous a notre newsletter"},
        // Ligatures and ß fold to their letters; decomposed accents are removed like precomposed ones.
        {"ŒUVRES CHOISIES", "oeuvres choisies"},
        {"Straße", "strasse"},
        {"Re\u0301daction", "redaction"},
        {"ÉDITION ABONNÉS", "edition abonnes"},
        // Every run of digits is one 0, wherever it is.
        {"Publié le 12/03/2021 à 18h45", "publie le 0 0 0 a 0h0"},
        {"1er commentaire", "0er commentaire"},
        {"Il vous reste 80% de l’article à lire", "il vous reste 0 de l article a lire"},
        // Months (French, English, full or abbreviated) and weekdays are placeholders.
        {"Posted On 05 avr 2013 , By La rédaction", "posted on 0 <mois> 0 by la redaction"},
        {"Mis à jour le lundi 6 mai 2019", "mis a jour le <jour> 0 <mois> 0"},
        {"24 déc. 2014", "0 <mois> 0"},
        {"Décembre 2014", "<mois> 0"},
        {"Apr 5, 2013 at 10:30", "<mois> 0 0 at 0 0"},
        {"Published Sunday, September 8th", "published <jour> <mois> 0th"},
        {"21 août 2015", "0 <mois> 0"},
        // ...only as whole words: a city is not a month.
        {"Marseille, Mayotte, Décines", "marseille mayotte decines"},
        // Nothing but punctuation: an empty shape.
        {"", ""},
        {"   ", ""},
        {"—— * * * ——", ""},
        {"• • •", ""},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("line «" << c.line << "»") { BOOST_TEST(line_shape(c.line) == c.shape); }
    }
}

BOOST_AUTO_TEST_CASE(lines_a_source_repeats_with_other_dates_share_a_shape) {
    struct Case {
        const char* a;
        const char* b;
        bool same;
    };
    // clang-format off
    const Case cases[] = {
        {"Posted On 05 avr 2013 , By La rédaction", "Posted On 12 mai 2014, By La rédaction", true},
        {"Posted On 05 avr 2013 , By La rédaction", "POSTED ON 3 SEPT 2013 , BY LA REDACTION", true},
        {"Publié le 05/04/2013 à 07h12", "Publié le 28/11/2015 à 22h03", true},
        {"Mis à jour le jeudi 5 décembre 2019", "Mis à jour le mardi 14 janvier 2020", true},
        {"Figaro Live : 3 émissions à revoir", "Figaro Live : 12 émissions à revoir", true},
        {"Photo Credit: AFP", "Photo credit : AFP", true},
        // Another word is another shape.
        {"Posted On 05 avr 2013 , By La rédaction", "Posted On 05 avr 2013 , By Marie Dupont", false},
        {"LIRE AUSSI", "LIRE ENCORE", false},
        {"Photo Credit: AFP", "Photo Credit: Reuters", false},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("«" << c.a << "» and «" << c.b << "»") {
            BOOST_TEST((line_shape(c.a) == line_shape(c.b)) == c.same);
        }
    }
}

// ---------------------------------------------------------------------------------------
// What is furniture

BOOST_AUTO_TEST_CASE(furniture_is_learnt_per_group) {
    const FurnitureDetector detector = observe_all(corpus());
    BOOST_TEST(detector.documents("lefigaro.fr") == 12u);
    BOOST_TEST(detector.documents("lemonde.fr") == 12u);
    BOOST_TEST(detector.documents("liberation.fr") == 0u);

    struct Case {
        const char* group;
        std::string line;
        bool furniture;
    };
    // clang-format off
    const Case cases[] = {
        // Under all twelve articles of lefigaro.fr.
        {"lefigaro.fr", "LIRE AUSSI", true},
        {"lefigaro.fr", "LIRE AUSSI\n", true},
        {"lefigaro.fr", "Lire aussi :", true},
        {"lefigaro.fr", "MOTS-CLÉS :", true},
        {"lefigaro.fr", "Figaro Live : retrouvez nos débats chaque soir à 19 heures", true},
        {"lefigaro.fr", "Photo Credit: Reuters/Joe Penney", true},
        // Its byline never had this date, but always this shape.
        {"lefigaro.fr", "Posted On 30 sept 2016 , By La rédaction", true},
        // Each article's own lines.
        {"lefigaro.fr", "Par Thierry Oberlé", false},
        {"lefigaro.fr", "Gao, Mali, Sahel", false},
        {"lefigaro.fr", "Mali : à Kidal, la population craint le retour des groupes armés", false},
        // Repeated under all twelve, but a sentence of 25 words: content.
        {"lefigaro.fr", kServal, false},
        // Never seen there.
        {"lefigaro.fr", "Cet article est paru dans « Le Monde Afrique »", false},
        // lefigaro.fr's furniture is not lemonde.fr's, which printed it once.
        {"lemonde.fr", "LIRE AUSSI", false},
        {"lemonde.fr", "Photo Credit: Reuters/Joe Penney", false},
        // Four documents are not enough, five are.
        {"lemonde.fr", "Le contexte", false},
        {"lemonde.fr", "Cet article est paru dans « Le Monde Afrique »", true},
        // A group never observed has no furniture.
        {"liberation.fr", "LIRE AUSSI", false},
        // Blank lines and rules are never furniture, however many articles have them.
        {"lefigaro.fr", "", false},
        {"lefigaro.fr", "\n", false},
        {"lefigaro.fr", "-----", false},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.group << ": «" << c.line << "»") {
            BOOST_TEST(detector.is_furniture(c.group, c.line) == c.furniture);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_line_counts_once_per_document) {
    FurnitureDetector detector;
    const std::string body = "Partager sur Facebook\nTexte.\nPartager sur Facebook\nPartager sur Facebook\n";
    for (int i = 0; i < 4; ++i) detector.observe("ouest-france.fr", body);
    BOOST_TEST(!detector.is_furniture("ouest-france.fr", "Partager sur Facebook"));
    detector.observe("ouest-france.fr", "Partager sur Facebook\n");
    BOOST_TEST(detector.is_furniture("ouest-france.fr", "Partager sur Facebook"));
}

BOOST_AUTO_TEST_CASE(a_large_group_needs_two_per_thousand_of_its_documents) {
    struct Case {
        std::uint64_t documents;      // in the group
        std::uint64_t with_the_line;  // of which have the line
        std::uint64_t threshold;
        bool furniture;
    };
    // clang-format off
    const Case cases[] = {
        {5, 5, 5, true},          // a small source: five documents suffice
        {10, 4, 5, false},
        {2500, 5, 5, true},       // 0.2% of 2,500 is 5
        {2501, 5, 6, false},      // 0.2% of 2,501 is 5.002: 6 documents needed
        {2501, 6, 6, true},
        {10000, 19, 20, false},
        {10000, 20, 20, true},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.with_the_line << " of " << c.documents << " documents") {
            FurnitureDetector detector;
            for (std::uint64_t i = 0; i < c.documents; ++i) {
                detector.observe("20minutes.fr", i < c.with_the_line ? "Article réservé aux abonnés\n" : "Texte.\n");
            }
            BOOST_TEST(detector.threshold("20minutes.fr") == c.threshold);
            BOOST_TEST(detector.is_furniture("20minutes.fr", "Article réservé aux abonnés") == c.furniture);
        }
    }
    BOOST_TEST(FurnitureDetector{}.threshold("20minutes.fr") == FurnitureDetector::kMinDocuments);
}

BOOST_AUTO_TEST_CASE(only_short_lines_are_candidates) {
    // A subscription banner between two rules of '=': few words, many bytes.
    const std::string rule(46, '=');
    const std::string banner = rule + " Abonnez-vous à partir de 1 € le premier mois " + rule;
    const std::string banner_160 = banner + std::string(160 - banner.size(), '=');
    struct Case {
        const char* name;
        std::string line;
        bool furniture;  // when it is under every article of its group
    };
    // clang-format off
    const Case cases[] = {
        {"20 words", "Suivez-nous sur Facebook, Twitter, Instagram, LinkedIn, YouTube, TikTok, Snapchat, "
                     "Threads, Mastodon, Telegram, Discord, Reddit, Twitch, WhatsApp et Bluesky", true},
        {"21 words", "Suivez-nous sur Facebook, Twitter, Instagram, LinkedIn, YouTube, TikTok, Snapchat, "
                     "Threads, Mastodon, Telegram, Discord, Reddit, Twitch, WhatsApp, Signal et Bluesky", false},
        {"160 bytes", banner_160, true},
        {"161 bytes", banner_160 + "=", false},
        {"160 bytes once trimmed", "   " + banner_160 + "\t", true},
        // Promotions that differ only by their tracking links share a shape.
        {"links", "En vente partout La Boîte à Quiz https://amzn.to/2Uviaua et l’Almanach www.example.fr/x", true},
    };
    // clang-format on
    BOOST_TEST(cases[2].line.size() == 160u);
    BOOST_TEST(cases[3].line.size() == 161u);
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            FurnitureDetector detector;
            for (int i = 0; i < 20; ++i) {
                detector.observe("leparisien.fr", "Article " + std::string(1, static_cast<char>('a' + i)) + "\n" + c.line + "\n");
            }
            BOOST_TEST(detector.is_furniture("leparisien.fr", c.line) == c.furniture);
            if (c.line.find("https://") != std::string::npos)
                BOOST_TEST(detector.is_furniture("leparisien.fr", "En vente partout La Boîte à Quiz https://amzn.to/2BNAacP "
                                                                  "et l’Almanach https://amzn.to/2zEa4Yh"));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Cleaning

BOOST_AUTO_TEST_CASE(clean_removes_whole_lines_and_keeps_every_other_byte) {
    const FurnitureDetector detector = observe_all(corpus());
    struct Case {
        const char* name;
        const char* group;
        std::string body;
        std::string expected;
        std::size_t removed;
    };
    // clang-format off
    const Case cases[] = {
        {"furniture between paragraphs (blank lines stay)", "lefigaro.fr",
         "Premier paragraphe.\n\nLIRE AUSSI\nMali : un titre.\n\nSecond paragraphe.\n",
         "Premier paragraphe.\n\nMali : un titre.\n\nSecond paragraphe.\n", 1},
        {"the byline of another day and the keywords", "lefigaro.fr",
         "Posted On 2 janv 2016 , By La rédaction\nTexte.\nMOTS-CLÉS :\nKidal, Mali\n",
         "Texte.\nKidal, Mali\n", 2},
        {"last line without its newline", "lefigaro.fr",
         "Texte.\nPhoto Credit: Reuters/Joe Penney", "Texte.\n", 1},
        {"indented, with CRLF", "lefigaro.fr",
         "Texte.\r\n   LIRE AUSSI  \r\nSuite.\r\n", "Texte.\r\nSuite.\r\n", 1},
        {"nothing to remove: spaces, tabs, CR, no-break spaces kept", "lefigaro.fr",
         "  Les  soldats\tfrançais\u00a0:\r\n\n\n« Nous restons » \n\u00a0\n", 
         "  Les  soldats\tfrançais\u00a0:\r\n\n\n« Nous restons » \n\u00a0\n", 0},
        {"the long context paragraph stays", "lefigaro.fr",
         "LIRE AUSSI\n" + kServal + "\n", kServal + "\n", 1},
        // A text made only of such lines is a document of its own (a one-line dispatch).
        {"only furniture", "lefigaro.fr",
         "LIRE AUSSI\nMOTS-CLÉS :\n", "LIRE AUSSI\nMOTS-CLÉS :\n", 0},
        {"empty body", "lefigaro.fr", "", "", 0},
        {"another group's furniture stays", "lemonde.fr",
         "LIRE AUSSI\nTexte.\nCet article est paru dans « Le Monde Afrique »\n",
         "LIRE AUSSI\nTexte.\n", 1},
        {"unknown group: the body as it is", "liberation.fr",
         "LIRE AUSSI\nTexte.", "LIRE AUSSI\nTexte.", 0},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            const auto cleaned = detector.clean(c.group, c.body);
            BOOST_TEST(cleaned.text == c.expected);
            BOOST_TEST(cleaned.removed == c.removed);
        }
    }
}

// The indexer keeps a furniture line that is only a known name: a tag line under the articles
// about that person says what they are about.
BOOST_AUTO_TEST_CASE(clean_keeps_the_lines_the_caller_wants) {
    const FurnitureDetector detector = observe_all(corpus());
    auto keep = [](std::string_view line) { return line.substr(0, 10) == "LIRE AUSSI"; };
    const auto cleaned = detector.clean("lefigaro.fr", "Texte.\nLIRE AUSSI\nMOTS-CLÉS :\n", keep);
    BOOST_TEST(cleaned.text == "Texte.\nLIRE AUSSI\n");
    BOOST_TEST(cleaned.removed == 1u);
}

BOOST_AUTO_TEST_CASE(clean_leaves_each_article_its_own_text) {
    const FurnitureDetector detector = observe_all(corpus());
    const auto cleaned = detector.clean("lefigaro.fr", figaro_articles()[1].body);
    BOOST_TEST(cleaned.removed == 5u);
    BOOST_TEST(cleaned.text ==
               "Les soldats français sont entrés dans Gao au petit matin, appuyés par des hélicoptères et "
               "accueillis par une foule en liesse.\n"
               "\n"
               "Par Thierry Oberlé\n"
               "\n" + kServal + "\n"
               "\n"
               "Mali : à Gao, la population craint le retour des groupes armés\n"
               "\n"
               "Gao, Mali, Sahel\n");
}

// ---------------------------------------------------------------------------------------
// Persistence and parallel workers

BOOST_AUTO_TEST_CASE(serialize_and_parse_keep_every_decision) {
    const auto docs = corpus();
    const FurnitureDetector detector = observe_all(docs);
    const std::string blob = detector.serialize();
    BOOST_TEST(blob.substr(0, 4) == "VFUR");

    const FurnitureDetector parsed = FurnitureDetector::parse(blob);
    BOOST_TEST(!parsed.empty());
    BOOST_TEST(parsed.serialize() == blob);
    for (const char* group : {"lefigaro.fr", "lemonde.fr"}) {
        BOOST_TEST(parsed.documents(group) == detector.documents(group));
        for (const auto& d : docs) {
            for (const auto& line : lines_of(d.body)) {
                BOOST_TEST_CONTEXT(group << ": «" << line << "»") {
                    BOOST_TEST(parsed.is_furniture(group, line) == detector.is_furniture(group, line));
                }
            }
        }
    }
    // Incremental: a parsed detector goes on counting where the saved one stopped.
    FurnitureDetector resumed = FurnitureDetector::parse(blob);
    FurnitureDetector direct = detector;
    for (auto* d : {&resumed, &direct}) d->observe("lemonde.fr", "Le contexte\n");
    BOOST_TEST(resumed.serialize() == direct.serialize());
    BOOST_TEST(resumed.is_furniture("lemonde.fr", "Le contexte"));
}

BOOST_AUTO_TEST_CASE(parse_gives_an_empty_detector_for_anything_else) {
    const std::string blob = observe_all(corpus()).serialize();
    std::vector<std::pair<std::string, std::string>> cases = {
        {"empty", ""},
        {"magic only", "VFUR"},
        {"magic and version only", "VFUR\x01"},
        {"text", "LIRE AUSSI\nMOTS-CLÉS :\n"},
        {"JSON", R"({"groups": {"lefigaro.fr": 12}})"},
        {"another version", "VFUR\x02" + blob.substr(5)},
        {"trailing byte", blob + "x"},
    };
    // Every truncation and every single flipped byte of a real blob.
    for (std::size_t n = 0; n < blob.size(); ++n) cases.emplace_back("first " + std::to_string(n) + " bytes", blob.substr(0, n));
    for (std::size_t i = 0; i < blob.size(); ++i) {
        std::string flipped = blob;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x21);
        cases.emplace_back("byte " + std::to_string(i) + " flipped", flipped);
    }
    // Pseudo-random bytes, some behind a valid header.
    std::uint64_t state = 0x2545F4914F6CDD1DULL;
    for (int k = 0; k < 200; ++k) {
        std::string noise = k % 2 ? "VFUR\x01" : "";
        for (int i = 0; i < 64 + k; ++i) {
            state ^= state << 13, state ^= state >> 7, state ^= state << 17;
            noise += static_cast<char>(state & 0xff);
        }
        cases.emplace_back("noise " + std::to_string(k), noise);
    }
    for (const auto& [name, bytes] : cases) {
        BOOST_TEST_CONTEXT(name) {
            FurnitureDetector parsed;
            BOOST_CHECK_NO_THROW(parsed = FurnitureDetector::parse(bytes));
            BOOST_TEST(parsed.empty());
            BOOST_TEST(parsed.documents("lefigaro.fr") == 0u);
            BOOST_TEST(!parsed.is_furniture("lefigaro.fr", "LIRE AUSSI"));
        }
    }
}

// Blobs with a valid checksum but an impossible content: the checks behind the checksum.
// Layout (version 1): "VFUR" 0x01, groups (count, then name length, name, documents), keys
// seen once (count, deltas), keys seen more (count, then delta and documents), FNV-1a 64 of
// all that, little-endian. Integers are LEB128 varints; these fit in one byte.
namespace {
std::string sealed(std::string payload) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : payload) h = (h ^ c) * 0x100000001b3ULL;
    for (int i = 0; i < 8; ++i) payload += static_cast<char>((h >> (8 * i)) & 0xff);
    return payload;
}
}  // namespace

BOOST_AUTO_TEST_CASE(parse_checks_what_the_checksum_cannot) {
    const std::string header = "VFUR\x01";
    const std::string group = std::string("\x01\x02" "ab\x05", 5);  // one group "ab", 5 documents
    // A well-formed blob: one key seen once (3), one seen in 5 documents (3 + 7 = 10).
    const std::string valid = sealed(header + group + std::string("\x01\x03\x01\x07\x05", 5));
    BOOST_TEST(!FurnitureDetector::parse(valid).empty());
    BOOST_TEST(FurnitureDetector::parse(valid).documents("ab") == 5u);
    BOOST_TEST(FurnitureDetector::parse(valid).serialize() == valid);

    struct Case {
        const char* name;
        std::string payload;
    };
    // clang-format off
    const Case cases[] = {
        {"more groups than bytes", header + std::string("\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 9)},
        {"a name longer than the blob", header + std::string("\x01\x7f" "ab\x05\x00\x00", 7)},
        {"the same group twice", header + std::string("\x02\x02" "ab\x05\x02" "ab\x05\x00\x00", 11)},
        {"a varint of 11 bytes", header + std::string(11, '\x80') + std::string("\x00", 1)},
        {"a key seen once twice", header + group + std::string("\x02\x03\x00\x00", 4)},
        {"a key 0", header + group + std::string("\x01\x00\x00", 3)},
        {"a repeated key seen in 1 document", header + group + std::string("\x00\x01\x07\x01", 4)},
        {"a key in both lists", header + group + std::string("\x01\x07\x01\x07\x05", 5)},
        {"bytes after the last key", header + group + std::string("\x01\x03\x01\x07\x05\x00", 6)},
        {"keys missing", header + group + std::string("\x02\x03", 2)},
    };
    // clang-format on
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            FurnitureDetector parsed;
            BOOST_CHECK_NO_THROW(parsed = FurnitureDetector::parse(sealed(c.payload)));
            BOOST_TEST(parsed.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(merging_workers_equals_observing_everything_in_one) {
    const auto docs = corpus();
    const FurnitureDetector single = observe_all(docs);

    // Three workers, each with every third document, in any order of merging.
    FurnitureDetector workers[3];
    for (std::size_t i = 0; i < docs.size(); ++i) workers[i % 3].observe(docs[i].group, docs[i].body);
    FurnitureDetector forward, backward;
    for (int w = 0; w < 3; ++w) forward.merge(workers[w]);
    for (int w = 2; w >= 0; --w) backward.merge(workers[w]);

    BOOST_TEST(forward.serialize() == single.serialize());
    BOOST_TEST(backward.serialize() == single.serialize());
    for (const auto& d : docs) {
        BOOST_TEST(forward.clean(d.group, d.body).text == single.clean(d.group, d.body).text);
    }
    // A worker alone saw 4 of lefigaro.fr's 12 articles: not enough; merged, enough.
    BOOST_TEST(!workers[0].is_furniture("lefigaro.fr", "LIRE AUSSI"));
    BOOST_TEST(forward.is_furniture("lefigaro.fr", "LIRE AUSSI"));

    // Merging a detector into itself counts everything twice.
    FurnitureDetector doubled = single;
    doubled.merge(doubled);
    FurnitureDetector twice = single;
    for (const auto& d : docs) twice.observe(d.group, d.body);
    BOOST_TEST(doubled.serialize() == twice.serialize());
}

BOOST_AUTO_TEST_CASE(the_same_observations_serialize_to_the_same_bytes) {
    auto docs = corpus();
    const std::string blob = observe_all(docs).serialize();
    std::reverse(docs.begin(), docs.end());
    BOOST_TEST(observe_all(docs).serialize() == blob);
}

BOOST_AUTO_TEST_SUITE_END()
