// The French analyser, as a specification: tables of real French strings (most from the seed
// article and ../shared/notes/french-pitfalls.md) and the terms they must give.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.hpp"
#include "shared_corpora.hpp"

using veille::analysis::FrenchAnalyzer;
using veille::analysis::Token;
using veille::analysis::TokenKind;

namespace {

const FrenchAnalyzer& analyzer() {
    static FrenchAnalyzer a;
    return a;
}

// Folded forms of the non-stopword tokens, compounds included, in order.
std::vector<std::string> content_terms(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& t : analyzer().analyze(text))
        if (!t.stopword) out.push_back(t.folded);
    return out;
}

// Every form a text is indexed under (exact, folded, stem), as the index would see it.
bool indexed_under(std::string_view text, const std::string& form) {
    for (const auto& t : analyzer().analyze(text))
        if (t.exact == form || t.folded == form || (!t.stem.empty() && t.stem == form)) return true;
    return false;
}

// Does a one-word query meet a text, by folded form or by stem (what the query builder ORs)?
bool query_meets(std::string_view query, std::string_view text) {
    auto q = analyzer().analyze(query);
    auto d = analyzer().analyze(text);
    for (const auto& qt : q) {
        if (qt.kind == TokenKind::CompoundPart) continue;
        for (const auto& dt : d) {
            if (dt.folded == qt.folded) return true;
            if (!qt.stem.empty() && qt.stem == dt.stem) return true;
        }
    }
    return false;
}

struct Case {
    const char* input;
    std::vector<std::string> expected;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis)

BOOST_AUTO_TEST_CASE(content_words_in_reading_order) {
    const std::vector<Case> cases = {
        // Accents and case are folded; stopwords are marked, not lost.
        {"Sécurité au Mali", {"securite", "mali"}},
        {"L’État islamique", {"etat", "islamique"}},
        {"BAMAKO", {"bamako"}},
        // Elisions with ', ’ and ʼ: the article goes, the word stays.
        {"l’Afrique", {"afrique"}},
        {"l'armée", {"armee"}},
        {"L’opération Barkhane", {"operation", "barkhane"}},
        {"dʼaccès", {"acces"}},
        {"qu’aujourd’hui", {"aujourd'hui", "aujourd", "hui"}},
        {"jusqu’à Bamako", {"bamako"}},
        {"lorsqu’il puisqu’elle quoiqu’on", {}},
        {"s’appuyer", {"appuyer"}},
        {"n’assure", {"assure"}},
        {"c’est", {}},
        {"j’espère", {"espere"}},
        {"m’en", {}},
        {"t’inquiète", {"inquiete"}},
        // Apostrophe words that are not elisions keep their first part.
        {"presqu’île", {"presqu'ile", "presqu", "ile"}},
        {"quelqu’un", {"quelqu'un", "quelqu", "un"}},
        {"N’Djamena", {"n'djamena", "n", "djamena"}},
        // Ligatures.
        {"cœur", {"coeur"}},
        {"Œuvres", {"oeuvres"}},
        {"ex-æquo", {"ex-aequo", "ex", "aequo"}},
        // Hyphenated compounds: the whole, then each part.
        {"russo-malien", {"russo-malien", "russo", "malien"}},
        {"Al-Qaïda", {"al-qaida", "al", "qaida"}},
        {"camions-citernes", {"camions-citernes", "camions", "citernes"}},
        {"d’Al‑Qaïda", {"al-qaida", "al", "qaida"}},  // non-breaking hyphen U+2011
        {"porte-parole", {"porte-parole", "porte", "parole"}},
        // Quotes and guillemets never leak into terms.
        {"« C’est une question de souveraineté »", {"question", "souverainete"}},
        {"“avec une réelle inquiétude”", {"reelle", "inquietude"}},
        {"d’« effondrement »", {"effondrement"}},
        {"\"sécurité\"", {"securite"}},
        // Numbers and years.
        {"en 2022", {"2022"}},
        {"En 25 ans de poutinisme", {"25", "ans", "poutinisme"}},
        // Dotted acronyms.
        {"l’A.E.S qui", {"aes"}},
        {"l’O.N.U.", {"onu"}},
        {"M. Macron", {"m", "macron"}},
        // Leading and trailing hyphens or apostrophes are not part of a word.
        {"-malien- 'russe'", {"malien", "russe"}},
        // Decomposed (NFD) input folds like the composed one.
        {"se\u0301curite\u0301", {"securite"}},
        // Emoji and symbols are not words.
        {"connais 😉 ou pas", {"connais"}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.input) {
            auto got = content_terms(c.input);
            // "m" of "M. Macron" is a stopword: compare on the non-stopword list.
            auto expected = c.expected;
            expected.erase(std::remove_if(expected.begin(), expected.end(),
                                          [](const std::string& w) {
                                              return FrenchAnalyzer::is_stopword(w);
                                          }),
                           expected.end());
            BOOST_TEST(got == expected, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(queries_meet_the_words_users_mean) {
    struct Pair {
        const char* query;
        const char* text;
        bool meets;
    };
    const std::vector<Pair> pairs = {
        // Accent-insensitive both ways.
        {"securite", "la sécurité des populations", true},
        {"sécurité", "la securite des populations", true},
        {"Etat", "l’État islamique", true},
        {"Qaida", "Al-Qaïda", true},
        {"bamako", "Bamako", true},
        {"coeur", "au cœur du Sahel", true},
        {"cœur", "au coeur du Sahel", true},
        // Elisions.
        {"Afrique", "Concernant l’Afrique", true},
        {"armée", "l'armée malienne", true},
        {"opération", "L’opération Barkhane", true},
        {"accès", "difficiles d’accès", true},
        // Compounds by part.
        {"malien", "le partenariat russo-malien", true},
        {"russo", "le partenariat russo-malien", true},
        {"russo-malien", "le partenariat russo-malien", true},
        {"camion", "des camions-citernes escortés", true},
        {"Qaïda", "des combattants liés à Al-Qaïda", true},
        // Stemming meets inflections, capitalised or not.
        {"armées", "l’armée", true},
        {"maliens", "les populations maliennes", true},
        {"malienne", "les responsables maliens", true},
        {"attaque", "des attaques meurtrières", true},
        {"Attaques", "une attaque", true},
        {"sécuritaire", "situation sécuritaire", true},
        {"coopération", "la coopération militaire", true},
        // Past participles meet the verb: Snowball's suffixes carry accents (-ées, -é).
        {"dirige", "les troupes anglaises dirigées par Édouard II", true},
        {"dirigés", "il dirige l’armée", true},
        {"organiser", "une fête organisée", true},
        {"créée", "créer une milice", true},
        // ...and does not invent matches.
        {"Afrique", "un africain", false},
        {"Mali", "Malik", false},
        {"securite", "sécuritaire", false},
    };
    for (const auto& p : pairs) {
        BOOST_TEST_CONTEXT(p.query << " / " << p.text) {
            BOOST_TEST(query_meets(p.query, p.text) == p.meets);
        }
    }
}

BOOST_AUTO_TEST_CASE(offsets_point_at_the_word_in_the_original_text) {
    const std::string text = "Concernant l’Afrique, la sécurité « russo-malienne »";
    auto tokens = analyzer().analyze(text);
    auto slice = [&](const Token& t) { return text.substr(t.begin, t.end - t.begin); };
    std::vector<std::string> slices;
    for (const auto& t : tokens) slices.push_back(slice(t));
    const std::vector<std::string> expected = {"Concernant", "l",     "Afrique",   "la",
                                               "sécurité",   "russo-malienne", "russo",
                                               "malienne"};
    BOOST_TEST(slices == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(positions_let_phrases_cross_elisions_and_stopwords) {
    auto tokens = analyzer().analyze("la présence des forces russes, d’Al-Qaïda et");
    std::vector<std::pair<std::string, std::uint32_t>> got;
    for (const auto& t : tokens) got.emplace_back(t.folded, t.position);
    const std::vector<std::pair<std::string, std::uint32_t>> expected = {
        {"la", 0},       {"presence", 1}, {"des", 2}, {"forces", 3}, {"russes", 4}, {"d", 5},
        {"al-qaida", 6}, {"al", 6},       {"qaida", 7}, {"et", 8}};
    BOOST_TEST(got.size() == expected.size());
    for (std::size_t i = 0; i < std::min(got.size(), expected.size()); ++i) {
        BOOST_TEST_CONTEXT(i) {
            BOOST_TEST(got[i].first == expected[i].first);
            BOOST_TEST(got[i].second == expected[i].second);
        }
    }
}

BOOST_AUTO_TEST_CASE(exact_forms_keep_accents_for_ranking) {
    auto tokens = analyzer().analyze("Sécurité armée Cœur Bamako");
    BOOST_TEST(tokens.size() == 4u);
    BOOST_TEST(tokens[0].exact == "sécurité");
    BOOST_TEST(tokens[0].has_distinct_exact());
    BOOST_TEST(tokens[1].exact == "armée");
    BOOST_TEST(tokens[2].exact == "cœur");
    BOOST_TEST(tokens[2].folded == "coeur");
    BOOST_TEST(!tokens[3].has_distinct_exact());  // nothing to rank apart: no accent
}

BOOST_AUTO_TEST_CASE(stopwords_are_marked_and_have_no_stem) {
    // The interrogatives a question opens with are stopwords too: they describe nothing.
    const std::vector<std::string> stop = {"la", "de", "qu", "il", "à", "où", "les", "l", "d",
                                           "pourquoi", "Comment", "combien", "lesquelles"};
    const std::vector<std::string> content = {"été", "or", "car", "aes", "onu", "mali", "russie"};
    for (const auto& w : stop) {
        BOOST_TEST_CONTEXT(w) {
            auto t = analyzer().analyze(w);
            BOOST_REQUIRE(t.size() == 1u);
            BOOST_TEST(t[0].stopword);
            BOOST_TEST(t[0].stem.empty());
        }
    }
    for (const auto& w : content) {
        BOOST_TEST_CONTEXT(w) {
            auto t = analyzer().analyze(w);
            BOOST_REQUIRE(t.size() == 1u);
            BOOST_TEST(!t[0].stopword);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_compound_of_stopwords_is_a_stopword) {
    // The inverted verb and pronoun of a question (est-ce, a-t-il) are no content word; a
    // compound with one content part stays a word, found whole or by that part.
    const std::vector<std::pair<std::string, bool>> cases = {
        {"est-ce", true}, {"a-t-il", true}, {"sont-elles", true}, {"peut-on", false},
        {"remporte-t-il", false}, {"russo-malien", false}, {"vis-à-vis", false},
    };
    for (const auto& [word, stop] : cases) {
        BOOST_TEST_CONTEXT(word) {
            auto t = analyzer().analyze(word);
            BOOST_REQUIRE(t.size() >= 3u);
            BOOST_TEST((t[0].kind == TokenKind::CompoundWhole));
            BOOST_TEST(t[0].stopword == stop);
        }
    }
}

BOOST_AUTO_TEST_CASE(ete_after_avoir_is_the_participle_a_stopword) {
    // "été" is a content word (the summer) unless avoir stands right before it, maybe with
    // an inverted pronoun or an adverb between, and no punctuation.
    const std::vector<std::pair<std::string, bool>> cases = {
        {"Il a été condamné", true},
        {"Les soldats ont été rapatriés", true},
        {"Quand a-t-il été condamné ?", true},
        {"Ont-ils été prévenus ?", true},
        {"Le camp n’a pas été fermé", true},
        {"Il avait toujours été clair", true},
        {"Ils sont partis cet été", false},
        {"pendant l’été 2022", false},
        {"Été meurtrier au Sahel", false},
        {"Il a passé l'été à Gao", false},
        {"Il en a. Été comme hiver", false},
    };
    for (const auto& [text, participle] : cases) {
        BOOST_TEST_CONTEXT(text) {
            const auto tokens = analyzer().analyze(text);
            auto ete = std::find_if(tokens.begin(), tokens.end(), [](const auto& t) { return t.folded == "ete"; });
            BOOST_REQUIRE(ete != tokens.end());
            BOOST_TEST(ete->stopword == participle);
            BOOST_TEST(ete->stem.empty() == participle);
        }
    }
}

BOOST_AUTO_TEST_CASE(numbers_are_searchable_but_not_stemmed) {
    BOOST_TEST(indexed_under("depuis 2022", "2022"));
    BOOST_TEST(indexed_under("25 ans", "25"));
    for (const auto& t : analyzer().analyze("2022 G5")) BOOST_TEST(t.stem.empty());
}

BOOST_AUTO_TEST_CASE(bad_text_never_breaks_the_analyser) {
    const std::vector<std::string> inputs = {
        "", "'", "’’’", "--", "l’", "-l-", "\xEF\xBF\xBD\xEF\xBF\xBD", "A.", "A.B", "....",
        std::string(5000, 'a'), std::string("a\0b", 3), "é\xCC\x81\xCC\x81"};
    for (const auto& in : inputs) {
        BOOST_TEST_CONTEXT(in.size()) {
            auto tokens = analyzer().analyze(in);
            for (const auto& t : tokens) {
                BOOST_TEST(t.begin <= t.end);
                BOOST_TEST(t.end <= in.size());
            }
        }
    }
}

// Stems are cached per word: a large vocabulary (the cache grows many times over) and every
// word seen twice must still get Snowball's own stem, the second time as the first.
BOOST_AUTO_TEST_CASE(stems_stay_snowballs_over_a_large_vocabulary) {
    FrenchAnalyzer fresh;
    Xapian::Stem snowball("french");
    const std::string endings[] = {"ation", "ations", "ement", "ements", "iques", "euse", "eux", "ait", "aient", "er"};
    std::string text;
    std::vector<std::string> words;
    for (int i = 0; i < 3000; ++i) {
        std::string w = "mot";
        for (int n = i; n > 0; n /= 26) w += static_cast<char>('a' + n % 26);
        w += endings[i % 10];
        words.push_back(w);
        text += w + ' ';
    }
    for (int round = 0; round < 2; ++round) {
        const auto tokens = fresh.analyze(text);
        BOOST_TEST_REQUIRE(tokens.size() == words.size());
        for (std::size_t i = 0; i < words.size(); ++i)
            BOOST_TEST(tokens[i].stem == snowball(words[i]), words[i]);
    }
}

// What lets a highlighter stem only the words that could give a stem it looks for: a stem
// begins with the byte its word's folded form begins with. Words whose first letters Snowball
// marks or whose suffixes it rewrites, ligatures, accented capitals, then every word of the
// shared FreSaDa sample.
void check_stems_start_as_their_words(const FrenchAnalyzer& analyzer, std::string_view text) {
    for (const Token& t : analyzer.analyze(text)) {
        if (t.stem.empty()) continue;
        BOOST_TEST_CONTEXT(t.exact) { BOOST_TEST(t.stem.front() == t.folded.front()); }
    }
}

BOOST_AUTO_TEST_CASE(a_stem_starts_as_its_folded_word_does) {
    FrenchAnalyzer analyzer;
    check_stems_start_as_their_words(
        analyzer,
        "yeux youyou Yaoundé ypérite uranium iule aïeul aïeux œuvre Œdipe Ægypte être île ça "
        "Écologie écoutées éternellement heureuse heureusement ivoiriennes yoyotent ouïes "
        "uniquement idéalement amplement agissements à où y ô ôtées ûrent ème Élysée Île-de-France "
        "Zaporijjia Ouagadougou N’Djamena qu’aujourd’hui jusqu’à l’AES O.N.U. djihadistes");
    // Our own sample corpus, every word.
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(VEILLE_SOURCE_DIR) + "/corpora")) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        check_stems_start_as_their_words(analyzer, text.str());
    }
}

BOOST_AUTO_TEST_CASE(a_stem_starts_as_its_folded_word_does_in_fresada,
                     veille::test::needs_shared_corpus("fresada")) {
    FrenchAnalyzer analyzer;
    std::size_t files = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(veille::test::kSharedCorpora / "fresada" / "data" / "train" / "texts")) {
        ++files;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        check_stems_start_as_their_words(analyzer, text.str());
    }
    BOOST_TEST(files > 1000u);
}

// With the stems a caller looks for, the tokens are the same; only those whose first byte
// cannot begin one of those stems go unstemmed.
BOOST_AUTO_TEST_CASE(stems_only_for_the_words_that_could_give_one_sought) {
    FrenchAnalyzer analyzer;
    const std::string text = "Les forces armées maliennes et russes ont repris Kidal ; la Russie s’en félicite.";
    FrenchAnalyzer::StemFirstBytes sought;
    sought.add("russ");
    sought.add("arme");
    const auto all = analyzer.analyze(text);
    const auto some = analyzer.analyze(text, sought);
    BOOST_TEST_REQUIRE(all.size() == some.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        BOOST_TEST_CONTEXT(all[i].exact) {
            BOOST_TEST(some[i].folded == all[i].folded);
            BOOST_TEST(some[i].position == all[i].position);
            BOOST_TEST(some[i].begin == all[i].begin);
            const bool kept = all[i].folded.front() == 'r' || all[i].folded.front() == 'a';
            BOOST_TEST(some[i].stem == (kept ? all[i].stem : std::string()));
        }
    }
    // The next call stems everything again.
    const auto again = analyzer.analyze(text);
    for (std::size_t i = 0; i < all.size(); ++i) BOOST_TEST(again[i].stem == all[i].stem);
}

BOOST_AUTO_TEST_SUITE_END()
