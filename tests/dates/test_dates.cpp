// dates/: parse_french_date, find_date, and resolve_article_date's three sources. The strings
// are French as newsrooms print it; lines copied from the shared corpora name their file.
// Byte escapes for NBSP (C2 A0), NNBSP (E2 80 AF) and thin space (E2 80 89) are split from
// the text after them ("6\xC2\xA0" "novembre") because a C++ hex escape swallows every hex
// digit that follows.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "dates/date_sources.hpp"
#include "shared_corpora.hpp"
#include "dates/french_date.hpp"

using veille::dates::ArticleDate;
using veille::dates::Date;
using veille::dates::DateSource;
using veille::dates::find_date;
using veille::dates::FoundDate;
using veille::dates::parse_french_date;
using veille::dates::resolve_article_date;
using veille::dates::source_name;

namespace {

// "none" for no date, so a failure prints both sides readably.
std::string show(const std::optional<Date>& d) { return d ? d->iso() : "none"; }
std::string name(DateSource source) { return source_name(source); }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_TEST_REQUIRE(in.good(), "cannot open " << path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

const std::string kCorpora = veille::test::kSharedCorpora.string();


struct ParseCase {
    std::string input;
    const char* expected;  // Date::iso(), or "none"
};

const ParseCase kParseCases[] = {
    // Day, month name, year.
    {"6 novembre 2025", "2025-11-06"},
    {"06 novembre 2025", "2025-11-06"},
    {"  6 novembre 2025  ", "2025-11-06"},
    {"6 novembre 2025.", "2025-11-06"},
    {"jeudi 6 novembre 2025", "2025-11-06"},
    {"Jeudi, 6 novembre 2025", "2025-11-06"},
    {"lundi 6 novembre 2025", "2025-11-06"},  // wrong weekday: the date is trusted, not the day
    {"1er janvier 2024", "2024-01-01"},
    {"1ᵉʳ janvier 2024", "2024-01-01"},  // typographic superscript (U+1D49 U+02B3)
    {"premier mai 2024", "2024-05-01"},
    {"mercredi 1er mai 2024", "2024-05-01"},

    // Abbreviated months, with and without the period.
    {"6 nov. 2025", "2025-11-06"},
    {"6 nov 2025", "2025-11-06"},
    {"12 janv. 2024", "2024-01-12"},
    {"3 févr. 2024", "2024-02-03"},
    {"23 fév 2014", "2014-02-23"},  // fresada test/texts/000009299.txt: "Posted On 23 fév 2014"
    {"28 mar 2013", "2013-03-28"},  // same file
    {"2 avr. 2024", "2024-04-02"},
    {"14 juill. 2025", "2025-07-14"},
    {"14 juil. 2025", "2025-07-14"},
    {"1er sept. 2023", "2023-09-01"},
    {"15 oct. 2022", "2022-10-15"},
    {"24 déc. 2024", "2024-12-24"},
    {"24 dec 2024", "2024-12-24"},

    // Case and accents do not matter.
    {"6 NOVEMBRE 2025", "2025-11-06"},
    {"JEUDI 6 NOVEMBRE 2025", "2025-11-06"},
    {"1ER JANVIER 2024", "2024-01-01"},
    {"15 AOÛT 2025", "2025-08-15"},
    {"15 Août 2025", "2025-08-15"},
    {"15 aout 2025", "2025-08-15"},
    {"3 Fevrier 2024", "2024-02-03"},
    {"3 FÉVRIER 2024", "2024-02-03"},
    {"3 fe\xCC\x81vrier 2024", "2024-02-03"},  // decomposed: e + U+0301 COMBINING ACUTE
    {"24 DÉC. 2024", "2024-12-24"},

    // Any Unicode space between the parts.
    {"6\xC2\xA0"
     "novembre\xC2\xA0"
     "2025",
     "2025-11-06"},
    {"6\xE2\x80\xAF"
     "novembre\xE2\x80\xAF"
     "2025",
     "2025-11-06"},
    {"6\xE2\x80\x89"
     "novembre 2025",
     "2025-11-06"},
    {"6\tnovembre  2025", "2025-11-06"},

    // Month and year; year alone.
    {"novembre 2025", "2025-11"},
    {"Août 2025", "2025-08"},
    {"sept. 2023", "2023-09"},
    {"2025", "2025"},
    {" 1914 ", "1914"},

    // Numeric: always day first.
    {"06/11/2025", "2025-11-06"},
    {"6/11/2025", "2025-11-06"},
    {"06-11-2025", "2025-11-06"},
    {"06.11.2025", "2025-11-06"},
    {"01/02/2024", "2024-02-01"},  // 1 February, never January 2
    {"13/01/2024", "2024-01-13"},

    // ISO, with or without a time; the date is the one written, the offset is not applied.
    {"2025-11-06", "2025-11-06"},
    {"2025/11/06", "2025-11-06"},
    {"2025-11", "2025-11"},
    {"2025-11-06T14:32:00+01:00", "2025-11-06"},
    {"2025-11-06T14:32:00Z", "2025-11-06"},
    {"2025-11-06T14:32:00.000+0100", "2025-11-06"},
    {"2025-11-06T23:30:00-05:00", "2025-11-06"},
    {"2025-11-06T14:32", "2025-11-06"},
    {"2025-11-06 14:32:00", "2025-11-06"},
    {"1804-07-17", "1804-07-17"},  // HIPE metadata (hipe2022:date), Gazette de Lausanne
    {"1798-01-04", "1798-01-04"},  // the oldest HIPE document

    // Times after the date.
    {"06/11/2025 à 14h32", "2025-11-06"},
    {"06/11/2025 14:32", "2025-11-06"},
    {"6 novembre 2025 à 14 h 32 min", "2025-11-06"},
    {"6 novembre 2025 à 14h", "2025-11-06"},
    {"6 novembre 2025 à 14 heures", "2025-11-06"},
    {"6 novembre 2025, 14:32", "2025-11-06"},
    {"6 novembre 2025 - 9h05", "2025-11-06"},
    {"6 novembre 2025 à 14\xE2\x80\xAF"
     "h\xE2\x80\xAF"
     "32",
     "2025-11-06"},

    // Lead-ins.
    {"Publié le 6 novembre 2025 à 14 h 32 min", "2025-11-06"},
    {"Publié le jeudi 6 novembre 2025 à 14h32", "2025-11-06"},
    {"PUBLIÉ LE 6 NOVEMBRE 2025", "2025-11-06"},
    {"Publiée le 6 novembre 2025", "2025-11-06"},
    {"Publié le : 6 novembre 2025", "2025-11-06"},
    {"Mis à jour le 07/11/2025", "2025-11-07"},
    {"Mise à jour le 7 novembre 2025 à 10h05", "2025-11-07"},
    {"Mis en ligne le 6 novembre 2025", "2025-11-06"},
    {"Modifié le 07/11/2025 à 09:15", "2025-11-07"},
    {"Le 6 novembre 2025", "2025-11-06"},
    {"le jeudi 6 novembre 2025", "2025-11-06"},

    // Leap years: the Gregorian rule, centuries included.
    {"29 février 2024", "2024-02-29"},
    {"29 février 2023", "none"},
    {"29/02/2000", "2000-02-29"},
    {"29/02/1900", "none"},
    {"29 février 2100", "none"},
    {"2024-02-29", "2024-02-29"},
    {"2023-02-29", "none"},

    // Impossible dates are refused, not corrected.
    {"31 février 2024", "none"},
    {"30 février 2024", "none"},
    {"31 avril 2025", "none"},
    {"31/04/2025", "none"},
    {"32 décembre 2024", "none"},
    {"0 novembre 2025", "none"},
    {"13/13/2024", "none"},
    {"06/13/2024", "none"},  // a valid US date (June 13) is still month 13 here
    {"2025-13-01", "none"},
    {"2025-11-31", "none"},
    {"0000-00-00", "none"},  // the "no date" of MySQL exports
    {"0000-00-00 00:00:00", "none"},
    {"00/00/0000", "none"},
    {"1500", "none"},  // before the Gregorian calendar was whole
    {"3000", "none"},

    // No year.
    {"le 6 novembre", "none"},
    {"6 novembre", "none"},
    {"jeudi 6 novembre", "none"},
    {"novembre", "none"},
    {"11/06", "none"},
    {"06/11/25", "none"},  // two-digit year: refused rather than guessed

    // Not one date.
    {"", "none"},
    {"   ", "none"},
    {"NA", "none"},  // HIPE's metadata for an unknown date
    {"mais 2025", "none"},
    {"2022 personnes", "none"},
    {"06 11 20 25 33", "none"},
    {"20251106", "none"},
    {"2025-2026", "none"},
    {"Publié le", "none"},
    {"jeudi dernier", "none"},
    {"6 novembre 2025 et 7 novembre 2025", "none"},
    {"Thu, 06 Nov 2025 14:32:00 +0100", "none"},  // RFC 2822 is English, not handled
};

struct FindCase {
    std::string text;
    const char* expected;  // Date::iso(), or "none"
    const char* covered;   // the bytes [begin, end) of the found date
};

const FindCase kFindCases[] = {
    // Date lines.
    {"Publié le 6 novembre 2025 à 14h32", "2025-11-06", "6 novembre 2025 à 14h32"},
    {"Publié le jeudi 6 novembre 2025 à 14h32, modifié le 7 novembre 2025 à 9h", "2025-11-06",
     "jeudi 6 novembre 2025 à 14h32"},
    {"Mis à jour le 07/11/2025", "2025-11-07", "07/11/2025"},
    {"Par Jean Dupont - 6 novembre 2025", "2025-11-06", "6 novembre 2025"},
    {"<time datetime=\"2025-11-06T14:32:00+01:00\">", "2025-11-06", "2025-11-06T14:32:00+01:00"},
    {"Publié le 6\xE2\x80\xAF"
     "novembre\xE2\x80\xAF"
     "2025 à 14\xE2\x80\xAF"
     "h\xE2\x80\xAF"
     "32",
     "2025-11-06",
     "6\xE2\x80\xAF"
     "novembre\xE2\x80\xAF"
     "2025 à 14\xE2\x80\xAF"
     "h\xE2\x80\xAF"
     "32"},

    // Real lines. fresada: test/texts/000011352.txt (NBSP after "on"), 000011441.txt,
    // 000009669.txt, 000009588.txt.
    {"Posted by Ville de Béziers on\xC2\xA0 mardi 22 septembre 2015", "2015-09-22",
     "mardi 22 septembre 2015"},
    {"— BFMTV (@BFMTV) 27 mai 2019", "2019-05-27", "27 mai 2019"},
    {"Le 18 mars 2017 de 10h00 à 19h00", "2017-03-18", "18 mars 2017"},
    {"Par Jean-Marie Laclavetine, juillet 2013 Ça aurait pu se passer plus mal.", "2013-07",
     "juillet 2013"},
    // hipe2022 (tokens joined back): hipe2020 test and dev files, OCR errors included.
    {"Paris, le 22 octobre 1868. On", "1868-10-22", "22 octobre 1868"},
    {"OFFICIELLE EXTRAIT du jeudi 6 mai 1858. NOMINATION", "1858-05-06", "jeudi 6 mai 1858"},
    {"Locle, le vendredi 28 mai 1858, à", "1858-05-28", "vendredi 28 mai 1858"},
    {"rétroactif, au 1 er mai 1918. Bavitai", "1918-05-01", "1 er mai 1918"},
    {"avant le ler août 1914 ; Il", "1914-08", "août 1914"},  // "ler": OCR's "1er"
    {"jugement en date du 50 avril 1857, le", "none", ""},    // OCR's "30"? "20"? Not guessed.

    // A precise date is preferred to a bare year; a bare year is the last resort.
    {"En 2022, puis le 6 novembre 2025, la junte", "2025-11-06", "6 novembre 2025"},
    {"en 2022, les autorités maliennes ont rompu", "2022", "2022"},
    {"2022 personnes ont manifesté", "2022", "2022"},
    {"la réunion du 6 novembre a été reportée à 2026", "2026", "2026"},
    {"Elle viendra en mai 2025, mais pas avant", "2025-05", "mai 2025"},
    {"Il a signé, mais 2025 s'annonce difficile", "2025", "2025"},  // "mais" is no month

    // Nothing.
    {"la réunion du 6 novembre a été reportée", "none", ""},
    {"la loi du 31 février 2024", "none", ""},  // impossible, and not reread as "février 2024"
    {"appelez le 06 11 20 25 33", "none", ""},
    {"06.11.20.25.33", "none", ""},
    {"la saison 2025-2026", "none", ""},
    {"réf. 12/06/11/2025", "none", ""},
    {"un budget de 1500 euros", "none", ""},  // years in text: 1800..2100
    {"à 2500 mètres d'altitude", "none", ""},
    {"en 1799", "none", ""},
    {"la route A2025", "none", ""},
    {"le vol n°2025", "none", ""},
    {"un taux de 2025,5", "none", ""},
    {"", "none", ""},
};

struct PathCase {
    const char* path;
    const char* expected;  // Date::iso(), or "none"
};

const PathCase kPathCases[] = {
    // Dated folders and names.
    {"/data/lemonde/2025/11/06/mali-russie.txt", "2025-11-06"},
    {"https://www.lemonde.fr/afrique/article/2025/11/06/au-mali-la-junte_6651234_3212.html",
     "2025-11-06"},
    {"corpus/2025-11-06-mali-russie.txt", "2025-11-06"},
    {"corpus/2025_11_06_mali.txt", "2025-11-06"},
    {"corpus/20251106_mali-russie.html", "2025-11-06"},
    {"corpus/article-20251106.html", "2025-11-06"},
    {"C:\\veille\\2025\\11\\06\\mali.txt", "2025-11-06"},
    {"/data/2025/11/06/", "2025-11-06"},
    {"/data/liberation/2025/11/mali-russie", "2025-11"},
    {"/data/2023/02/29/bilan.txt", "2023-02"},  // impossible day: the month still holds
    {"hipe/GDL-1804-07-17-15.tsv", "1804-07-17"},
    {"hipe/EXP-1918-05-01-a-i0012.tsv", "1918-05-01"},

    // Years in folder names are not dates.
    {"/work/shared/corpora/hipe2022-historical-news-fr/data/v2.1/letemps/fr/"
     "HIPE-2022-v2.1-letemps-dev-fr.tsv",
     "none"},
    {"/archives/elections-2022/2025/11/06/resultats.txt", "2025-11-06"},
    {"/archives/2019-bilan/mali.txt", "none"},
    {"/archives/2024/mali.txt", "none"},  // a year folder alone is too weak
    {"/archives/2025/11/06/2024-bilan.txt", "2025-11-06"},
    {"/archives/2025/11/06/2024/03/mali.txt", "2024-03"},  // the deepest date wins

    // Numbers that are not dates.
    {"/work/shared/corpora/fresada/data/test/texts/000010321.txt", "none"},
    {"/photos/2025/13/mali.jpg", "none"},
    {"/img/1200/45/mali.jpg", "none"},
    {"/id/12345678/mali", "none"},
    {"", "none"},
};

struct BodyCase {
    const char* name;
    std::string body;
    const char* expected;  // Date::iso(), or "none"
};

std::string filler_lines(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "Les autorités de transition ont rompu avec Paris.\n";
    return s;
}

const BodyCase kBodyCases[] = {
    // Date lines under a title.
    {"Publié le, weekday, time",
     "Au Mali, la junte se tourne vers Moscou\nPublié le jeudi 6 novembre 2025 à 14h32\n\n"
     "Les autorités de transition ont rompu avec Paris.",
     "2025-11-06"},
    {"numeric date and time alone", "Au Mali, la junte se tourne vers Moscou\n06/11/2025 à 14h32\n",
     "2025-11-06"},
    {"byline with a dash",
     "Au Mali, la junte se tourne vers Moscou\nPar Jean Dupont - 6 novembre 2025\n", "2025-11-06"},
    {"weekday first", "Au Mali, la junte se tourne vers Moscou\njeudi 6 novembre 2025 - Afrique\n",
     "2025-11-06"},
    {"Le + date in a long first sentence",
     "Le 6 novembre 2025, les autorités maliennes ont annoncé la suspension de plusieurs médias "
     "français, dont RFI et France 24.",
     "2025-11-06"},
    {"dateline (HIPE, hipe2020 dev)", "Paris, le 22 octobre 1868.\nAujourd'hui la Chambre…",
     "1868-10-22"},
    {"NBSP inside the date line",
     "Titre\nPublié le 6\xC2\xA0"
     "novembre\xC2\xA0"
     "2025\n",
     "2025-11-06"},
    {"ISO line", "Titre\n2025-11-06T14:32:00+01:00\n", "2025-11-06"},
    {"CRLF line ends", "Titre\r\nPublié le 6 novembre 2025\r\n", "2025-11-06"},
    {"the first date line wins", "Titre\n6 novembre 2025\nLe 7 novembre 2025\n", "2025-11-06"},

    // An update line stands in for the publication date only when there is none.
    {"publication after update", "Titre\nMis à jour le 07/11/2025\nPublié le 06/11/2025\n",
     "2025-11-06"},
    {"update only", "Titre\nMis à jour le 07/11/2025 à 10h05\n", "2025-11-07"},
    {"[Mise à jour du …] (fresada train 000008544)",
     "[Mise à jour du 20 septembre 2017] Depuis le lancement de l'application, des aménagements "
     "ont été réalisés.",
     "2017-09-20"},

    // Dates inside sentences are what the article is about, not when it appeared.
    {"2022 personnes", "2022 personnes ont manifesté à Bamako\n", "none"},
    {"en 2022, …",
     "En 2022, les autorités de transition ont rompu avec la France et se sont tournées vers "
     "Moscou.",
     "none"},
    {"full date in a long sentence",
     "Les autorités maliennes ont annoncé le 6 novembre 2025 la suspension de plusieurs médias "
     "français, dont RFI et France 24.",
     "none"},
    {"short headline, month only (fresada test 000009727)",
     "Le paquet de cigarettes neutre à partir de mai 2016\n", "none"},
    {"mais", "Mais 2025 s'annonce difficile pour la junte.\n", "none"},
    {"phone number", "Titre\nContact : 06 11 20 25 33\n", "none"},
    {"no year", "Titre\nLe 6 novembre\n", "none"},
    {"impossible date", "Titre\nPublié le 31 février 2024\n", "none"},
    {"empty body", "", "none"},

    // Only the top of the body is read.
    {"date line on line 15", filler_lines(14) + "Publié le 6 novembre 2025\n", "2025-11-06"},
    {"date line on line 16", filler_lines(15) + "Publié le 6 novembre 2025\n", "none"},
    {"blank lines do not count", "\n\n\n" + filler_lines(14) + "\n\nPublié le 6 novembre 2025\n",
     "2025-11-06"},
    {"date line past 2000 bytes", std::string(2100, 'x') + "\nPublié le 6 novembre 2025\n", "none"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(dates)

BOOST_AUTO_TEST_CASE(iso_at_each_precision) {
    BOOST_TEST((Date{2025, 11, 6}.iso() == "2025-11-06"));
    BOOST_TEST((Date{2025, 11, 0}.iso() == "2025-11"));
    BOOST_TEST((Date{2025, 0, 0}.iso() == "2025"));
    BOOST_TEST((Date{1804, 7, 17}.iso() == "1804-07-17"));
}

BOOST_AUTO_TEST_CASE(dates_order_like_their_iso_text) {
    BOOST_TEST((Date{2025, 11, 6} < Date{2025, 11, 7}));
    BOOST_TEST((Date{2025, 11, 0} < Date{2025, 11, 1}));  // "2025-11" < "2025-11-01"
    BOOST_TEST((Date{2025, 0, 0} < Date{2025, 1, 1}));
    BOOST_TEST((Date{2024, 12, 31} < Date{2025, 0, 0}));
    BOOST_TEST((Date{2025, 11, 6} == Date{2025, 11, 6}));
}

BOOST_AUTO_TEST_CASE(parse_french_date_table) {
    for (const ParseCase& c : kParseCases) {
        BOOST_TEST_CONTEXT("input: \"" << c.input << "\"") {
            BOOST_TEST(show(parse_french_date(c.input)) == c.expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(find_date_table) {
    for (const FindCase& c : kFindCases) {
        BOOST_TEST_CONTEXT("text: \"" << c.text << "\"") {
            const std::optional<FoundDate> found = find_date(c.text);
            BOOST_TEST(show(found ? std::optional<Date>(found->date) : std::nullopt) == c.expected);
            if (found) {
                BOOST_TEST_REQUIRE(found->begin <= found->end);
                BOOST_TEST_REQUIRE(found->end <= c.text.size());
                BOOST_TEST(c.text.substr(found->begin, found->end - found->begin) == c.covered);
            }
        }
    }
}

// What find_date covers parses back to the same date: the two functions agree.
BOOST_AUTO_TEST_CASE(found_range_parses_to_the_same_date) {
    for (const FindCase& c : kFindCases) {
        const std::optional<FoundDate> found = find_date(c.text);
        if (!found) continue;
        BOOST_TEST_CONTEXT("text: \"" << c.text << "\"") {
            const std::string covered = c.text.substr(found->begin, found->end - found->begin);
            BOOST_TEST(show(parse_french_date(covered)) == found->date.iso());
        }
    }
}

BOOST_AUTO_TEST_CASE(source_names) {
    BOOST_TEST(std::string(source_name(DateSource::Metadata)) == "metadata");
    BOOST_TEST(std::string(source_name(DateSource::Path)) == "path");
    BOOST_TEST(std::string(source_name(DateSource::Text)) == "text");
    BOOST_TEST(std::string(source_name(DateSource::Unknown)) == "unknown");
}

BOOST_AUTO_TEST_CASE(sources_in_order) {
    const std::string path = "/archives/2024/03/01/mali.txt";
    const std::string body = "Titre\nPublié le 2 janvier 2023\n";

    ArticleDate d = resolve_article_date("2025-11-06T14:32:00+01:00", path, body);
    BOOST_TEST(show(d.date) == "2025-11-06");
    BOOST_TEST(name(d.source) == "metadata");

    d = resolve_article_date("", path, body);  // no metadata: the path
    BOOST_TEST(show(d.date) == "2024-03-01");
    BOOST_TEST(name(d.source) == "path");

    d = resolve_article_date("", "/archives/mali.txt", body);  // no dated path: the text
    BOOST_TEST(show(d.date) == "2023-01-02");
    BOOST_TEST(name(d.source) == "text");

    d = resolve_article_date("", "/archives/mali.txt", "Titre\nSans date.\n");
    BOOST_TEST(show(d.date) == "none");
    BOOST_TEST(name(d.source) == "unknown");

    // A French metadata value is as good as ISO.
    d = resolve_article_date("jeudi 6 novembre 2025", path, body);
    BOOST_TEST(show(d.date) == "2025-11-06");
    BOOST_TEST(name(d.source) == "metadata");
}

BOOST_AUTO_TEST_CASE(unparsable_metadata_falls_back) {
    const std::string path = "/archives/2024/03/01/mali.txt";
    for (const char* metadata : {"", "   ", "NA", "0000-00-00 00:00:00", "31/02/2024", "demain",
                                 "Thu, 06 Nov 2025 14:32:00 +0100"}) {
        BOOST_TEST_CONTEXT("metadata: \"" << metadata << "\"") {
            const ArticleDate d = resolve_article_date(metadata, path, "");
            BOOST_TEST(show(d.date) == "2024-03-01");
            BOOST_TEST(name(d.source) == "path");
        }
    }
}

BOOST_AUTO_TEST_CASE(path_table) {
    for (const PathCase& c : kPathCases) {
        BOOST_TEST_CONTEXT("path: \"" << c.path << "\"") {
            const ArticleDate d = resolve_article_date("", c.path, "");
            BOOST_TEST(show(d.date) == c.expected);
            const bool found = std::string_view(c.expected) != "none";
            BOOST_TEST(name(d.source) == (found ? "path" : "unknown"));
        }
    }
}

BOOST_AUTO_TEST_CASE(body_table) {
    for (const BodyCase& c : kBodyCases) {
        BOOST_TEST_CONTEXT(c.name) {
            const ArticleDate d = resolve_article_date("", "", c.body);
            BOOST_TEST(show(d.date) == c.expected);
            const bool found = std::string_view(c.expected) != "none";
            BOOST_TEST(name(d.source) == (found ? "text" : "unknown"));
        }
    }
}

// Whole fresada articles (FreSaDa test split): the bylines' month is the date, the event
// date further down is not; a date line past the first 2000 bytes is ignored.
BOOST_AUTO_TEST_CASE(fresada_articles, veille::test::needs_shared_corpus("fresada")) {
    struct Article {
        const char* file;
        const char* expected;
    };
    const Article articles[] = {
        // line 3: "Par Jean-Marie Laclavetine, juillet 2013 Ça aurait pu se passer plus mal."
        {"000009588.txt", "2013-07"},
        // line 3: "Par La Rédaction, mars 2017 Les vignerons bio … le 18 Mars 2017 …"
        {"000009669.txt", "2017-03"},
        // line 3: "Par La Rédaction, décembre 2015 VIVE LA FRANCE"; line 19 "… à partir de mai
        // 2016"
        {"000009727.txt", "2015-12"},
        // line 7, byte 1408: "— BFMTV (@BFMTV) 27 mai 2019", an embedded tweet of the day
        {"000011441.txt", "2019-05-27"},
        // line 9, byte 2200: "Posted by Ville de Béziers on mardi 22 septembre 2015": too far down
        {"000011352.txt", "none"},
    };
    for (const Article& a : articles) {
        BOOST_TEST_CONTEXT(a.file) {
            const std::string path = kCorpora + "/fresada/data/test/texts/" + a.file;
            const ArticleDate d = resolve_article_date("", path, read_file(path));
            BOOST_TEST(show(d.date) == a.expected);
        }
    }
}

// Every document header of the hipe2022 French collections: its "hipe2022:date" metadata
// parses to itself ("NA" to nothing), and an id such as "GDL-1804-07-17-15" dates the file
// by its path alone.
BOOST_AUTO_TEST_CASE(hipe2022_document_headers,
                     veille::test::needs_shared_corpus("hipe2022-historical-news-fr")) {
    const char* files[] = {
        "hipe2020/fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv",
        "letemps/fr/HIPE-2022-v2.1-letemps-dev-fr.tsv",
        "newseye/fr/HIPE-2022-v2.1-newseye-dev-fr.tsv",
    };
    int dated = 0, unknown = 0, by_path = 0;
    for (const char* file : files) {
        std::istringstream in(
            read_file(kCorpora + "/hipe2022-historical-news-fr/data/v2.1/" + file));
        std::string line, id;
        while (std::getline(in, line)) {
            constexpr std::string_view kId = "# hipe2022:document_id = ";
            constexpr std::string_view kDate = "# hipe2022:date = ";
            if (line.starts_with(kId)) id = line.substr(kId.size());
            if (!line.starts_with(kDate)) continue;
            const std::string value = line.substr(kDate.size());
            BOOST_TEST_CONTEXT(file << " " << id << " date " << value) {
                const ArticleDate meta = resolve_article_date(value, "", "");
                if (value == "NA") {
                    BOOST_TEST(name(meta.source) == "unknown");
                    ++unknown;
                } else {
                    BOOST_TEST(show(meta.date) == value);
                    BOOST_TEST(name(meta.source) == "metadata");
                    ++dated;
                }
                const ArticleDate from_path = resolve_article_date("NA", "hipe/" + id + ".tsv", "");
                if (name(from_path.source) == "path") {
                    BOOST_TEST(show(from_path.date) == value);
                    ++by_path;
                } else {
                    BOOST_TEST(id.find('-') == std::string::npos);  // "dev_fr_12": no date in it
                }
            }
        }
    }
    BOOST_TEST(dated > 100);
    BOOST_TEST(unknown > 0);
    BOOST_TEST(by_path > 50);
}

BOOST_AUTO_TEST_SUITE_END()
