// readers/jsonl_reader: JSON Lines exports of articles and comments, in any order, with the
// broken lines real exports have.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "readers/file_reader.hpp"
#include "readers/jsonl_reader.hpp"

using veille::documents::Article;
using veille::readers::JsonlResult;
using veille::readers::read_jsonl;

namespace {

std::vector<std::string> messages(const JsonlResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.push_back(d.to_string());
    return out;
}

std::vector<std::pair<int, int>> shape(const Article& a) {
    std::vector<std::pair<int, int>> out;
    for (const auto& c : a.comments) out.emplace_back(c.number, c.parent ? *c.parent : 0);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jsonl_reader)

BOOST_AUTO_TEST_CASE(articles_and_comments_in_any_order) {
    const std::string file =
        R"({"id":"c2","type":"comment","article_id":"a1","parent_id":"c1","text":"@Obélix Une réponse, arrivée avant tout le reste","author":"Kotato"})" "\n"
        R"({"id":"a1","type":"article","title":"Sécurité au Mali","text":"La France a estimé que la Russie a échoué.","date":"2025-11-06","url":"https://x.example/mali","source":"Journal","author":"Awa Traoré","tags":["ignoré"]})" "\n"
        R"({"id":"c1","type":"comment","article_id":"a1","text":"Premier commentaire","author":"Obélix","date":"2025-11-07T10:00:00+01:00"})" "\n"
        "\n"
        R"({"id":"a2","title":"Niger : la junte","body":"Le corps vient du champ body."})" "\r\n"
        R"({"id":"c3","article_id":"a1","text":"Un second commentaire de premier niveau"})" "\n"
        R"({"id":"c4","type":"comment","article_id":"a1","parent_id":"c2","text":"Réponse à la réponse"})";
    const JsonlResult r = read_jsonl(file, "export.jsonl");
    BOOST_TEST(r.diagnostics.empty(), messages(r).front());
    BOOST_TEST(r.records == 6u);
    BOOST_TEST_REQUIRE(r.articles.size() == 2u);
    const Article& a = r.articles[0];
    BOOST_TEST(a.key == "a1");
    BOOST_TEST(a.first_line == 2u);
    BOOST_TEST(a.title == "Sécurité au Mali");
    BOOST_TEST(a.body == "La France a estimé que la Russie a échoué.");
    BOOST_TEST(a.meta.date == "2025-11-06");
    BOOST_TEST(a.meta.url == "https://x.example/mali");
    BOOST_TEST(a.meta.source == "Journal");
    BOOST_TEST(a.meta.author == "Awa Traoré");
    // Reading order: c1, its reply c2, c2's reply c4, then c3; numbers follow it.
    BOOST_TEST(shape(a) == (std::vector<std::pair<int, int>>{{1, 0}, {2, 1}, {3, 2}, {4, 0}}));
    BOOST_TEST(a.comments[0].text == "Premier commentaire");
    BOOST_TEST(a.comments[0].author == "Obélix");
    BOOST_TEST(a.comments[0].date == "2025-11-07T10:00:00+01:00");
    BOOST_TEST(a.comments[1].mentions == std::vector<std::string>{"Obélix"});
    BOOST_TEST(a.comments[2].text == "Réponse à la réponse");
    BOOST_TEST(a.comments[3].text == "Un second commentaire de premier niveau");
    // No "type": an article; "body" when there is no "text".
    BOOST_TEST(r.articles[1].key == "a2");
    BOOST_TEST(r.articles[1].body == "Le corps vient du champ body.");
}

BOOST_AUTO_TEST_CASE(broken_lines_are_reported_with_their_line_and_skipped) {
    const std::string file =
        R"({"id":"a1","title":"Titre","text":"Texte"})" "\n"                                // 1
        "pas du JSON\n"                                                                       // 2
        R"({"id":"a2","title":"Coupé)" "\n"                                                  // 3
        "[1, 2, 3]\n"                                                                         // 4
        R"({"id":"a3","type":"video","title":"x"})" "\n"                                      // 5
        R"({"type":"comment","text":"sans article"})" "\n"                                    // 6
        R"({"id":"c1","article_id":"a1","text":"   "})" "\n"                                  // 7
        R"({"id":"a1","title":"Doublon","text":"x"})" "\n"                                    // 8
        R"({"id":"a4","title":42,"text":"Le titre n'est pas une chaîne"})" "\n"               // 9
        R"({"id":"a5"})" "\n"                                                                 // 10
        R"({"id":"c2","article_id":"a1","parent_id":"nulle-part","text":"Parent inconnu"})" "\n"  // 11
        R"({"id":"c2","article_id":"a1","text":"Id de commentaire en double"})" "\n";         // 12
    const JsonlResult r = read_jsonl(file, "x.jsonl");
    const std::vector<std::string> expected = {
        "x.jsonl:2: invalid JSON (column 1: syntax error while parsing value - invalid literal; last read: 'p'): line skipped",
        "x.jsonl:3: invalid JSON (column 27: syntax error while parsing value - invalid string: missing closing quote; last read: '\"Coupé'): line skipped",
        "x.jsonl:4: not a JSON object: line skipped",
        "x.jsonl:5: unknown type 'video' (expected article or comment): record skipped",
        "x.jsonl:6: comment without article_id: record skipped",
        "x.jsonl:7: comment without text: record skipped",
        "x.jsonl:8: duplicate article id 'a1' (first at line 1): record skipped",
        "x.jsonl:9: field 'title' is not a string: ignored",
        "x.jsonl:10: article without title or text: record skipped",
        "x.jsonl:12: duplicate comment id 'c2' (first at line 11): record skipped",
        "x.jsonl:11: parent comment 'nulle-part' not found in this article: read as a top-level comment",
    };
    BOOST_TEST(messages(r) == expected, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(r.articles.size() == 2u);  // a1 and a4: the rest of the file is imported
    BOOST_TEST(r.articles[0].title == "Titre");
    BOOST_TEST(r.articles[1].key == "a4");
    BOOST_TEST(r.articles[1].title.empty());
    BOOST_TEST(shape(r.articles[0]) == (std::vector<std::pair<int, int>>{{1, 0}}));
}

BOOST_AUTO_TEST_CASE(comments_whose_article_never_comes_are_kept) {
    const std::string file =
        R"({"id":"c1","type":"comment","article_id":"disparu","text":"Orphelin un"})" "\n"
        R"({"id":"a1","title":"Présent","text":"Corps"})" "\n"
        R"({"id":"c2","type":"comment","article_id":"disparu","parent_id":"c1","text":"Orphelin deux"})" "\n";
    const JsonlResult r = read_jsonl(file, "o.jsonl");
    BOOST_TEST(messages(r) == std::vector<std::string>{
        "o.jsonl:1: article 'disparu' is not in this file: its 2 comments join it when it is indexed from "
        "another file"});
    BOOST_TEST_REQUIRE(r.articles.size() == 2u);
    BOOST_TEST(r.articles[0].key == "a1");
    BOOST_TEST(r.articles[0].record_id == "a1");  // how other files' comments may name it
    BOOST_TEST(!r.articles[0].stands_in_for);
    const Article& placeholder = r.articles[1];
    BOOST_TEST(placeholder.key == "disparu");
    BOOST_TEST_REQUIRE(placeholder.stands_in_for.has_value());  // no document of its own
    BOOST_TEST(veille::documents::link_key(*placeholder.stands_in_for) == "id:disparu");
    BOOST_TEST(placeholder.title.empty());
    BOOST_TEST(placeholder.body.empty());
    BOOST_TEST(shape(placeholder) == (std::vector<std::pair<int, int>>{{1, 0}, {2, 1}}));
}

BOOST_AUTO_TEST_CASE(ids_keys_and_odd_bytes) {
    const std::string file =
        "\xEF\xBB\xBF"  // a byte order mark
        R"({"id":17,"title":"Id entier","text":"x"})" "\n"
        R"({"title":"Sans id","text":"y"})" "\n"
        R"({"title":"Sans id non plus","text":"z"})" "\n"
        R"({"id":"a9","title":"Caf)" "\xE9" R"(","text":"Contr\u00f4le \u001b[31mrouge\u001b[0m et U+2028 ici: )" "\xE2\x80\xA8" R"(fin"})" "\n"
        R"({"id":18,"type":"comment","article_id":17,"text":"commentaire d'un article à id entier"})" "\n";
    const JsonlResult r = read_jsonl(file, "k.jsonl");
    BOOST_TEST(messages(r) == std::vector<std::string>{"k.jsonl:4: invalid UTF-8: 1 sequence replaced with U+FFFD"});
    BOOST_TEST_REQUIRE(r.articles.size() == 4u);
    BOOST_TEST(r.articles[0].key == "17");
    BOOST_TEST(r.articles[0].comments.size() == 1u);
    BOOST_TEST(r.articles[1].key == "#2");  // position among the file's articles
    BOOST_TEST(r.articles[2].key == "#3");
    BOOST_TEST(r.articles[3].title == "Caf\xEF\xBF\xBD");
    // An escaped terminal sequence is removed; a raw U+2028 inside a string did not cut the line.
    BOOST_TEST(r.articles[3].body == "Contrôle rouge et U+2028 ici: \nfin");
}

BOOST_AUTO_TEST_CASE(a_cycle_of_replies_is_broken) {
    const std::string file =
        R"({"id":"a","title":"T","text":"x"})" "\n"
        R"({"id":"c1","article_id":"a","parent_id":"c2","text":"un"})" "\n"
        R"({"id":"c2","article_id":"a","parent_id":"c1","text":"deux"})" "\n"
        R"({"id":"c3","article_id":"a","parent_id":"c3","text":"trois, sa propre réponse"})" "\n";
    const JsonlResult r = read_jsonl(file, "cyc.jsonl");
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    BOOST_TEST(r.articles[0].comments.size() == 3u);
    // The comments that reach the article come first, then the cycle, opened at its first comment.
    BOOST_TEST(shape(r.articles[0]) == (std::vector<std::pair<int, int>>{{1, 0}, {2, 0}, {3, 2}}));
    BOOST_TEST(r.articles[0].comments[0].text == "trois, sa propre réponse");
    BOOST_TEST(r.articles[0].comments[1].text == "un");
    BOOST_TEST(messages(r) == (std::vector<std::string>{
        "cyc.jsonl:4: parent comment 'c3' not found in this article: read as a top-level comment",
        "cyc.jsonl:2: replies form a cycle: comment read as a top-level comment"}));
}

BOOST_AUTO_TEST_CASE(twenty_thousand_comments_in_a_chain_and_a_five_megabyte_line) {
    std::string file = R"({"id":"a","title":"Un long fil","text":")";
    while (file.size() < 5 * 1024 * 1024) file += "Tombouctou, Gao et Kidal. ";
    file += "\"}\n";
    // Each comment replies to the previous one, listed in reverse: the worst order.
    for (int i = 20000; i >= 1; --i) {
        file += R"({"id":"c)" + std::to_string(i) + R"(","article_id":"a",)";
        if (i > 1) file += R"("parent_id":"c)" + std::to_string(i - 1) + R"(",)";
        file += R"("text":"réponse )" + std::to_string(i) + "\"}\n";
    }
    const auto start = std::chrono::steady_clock::now();
    const JsonlResult r = read_jsonl(file, "gros.jsonl");
    BOOST_TEST(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 10.0);
    BOOST_TEST(r.diagnostics.empty());
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    BOOST_TEST(r.articles[0].body.size() >= 5u * 1024 * 1024 - 100);
    const auto& thread = r.articles[0].comments;
    BOOST_TEST_REQUIRE(thread.size() == 20000u);
    BOOST_TEST(thread[0].text == "réponse 1");
    BOOST_TEST(thread[19999].text == "réponse 20000");
    BOOST_TEST(thread[19999].parent.value_or(0) == 19999);
}

// Regression test (found by fuzz/fuzz_jsonl_reader): a number too large for a double threw
// json::out_of_range, not a parse_error, and ended the run.
BOOST_AUTO_TEST_CASE(a_number_too_large_is_a_bad_line_not_a_crash) {
    const JsonlResult r = read_jsonl("{\"id\":\"a\",\"title\":\"T\",\"n\":1e99999}\n{\"id\":\"b\",\"title\":\"U\"}\n", "n.jsonl");
    BOOST_TEST(messages(r) == std::vector<std::string>{"n.jsonl:1: invalid JSON (number too large: '1e99999'): line skipped"});
    BOOST_TEST(r.articles.size() == 1u);
}

BOOST_AUTO_TEST_CASE(through_the_front_door) {
    using veille::readers::read_contents;
    const auto ok = read_contents("export.ndjson", R"({"id":"a","title":"T","text":"x"})");
    BOOST_TEST(!ok.skipped);
    BOOST_TEST(veille::readers::format_name(ok.format) == std::string("jsonl"));
    BOOST_TEST(ok.articles.size() == 1u);
    const auto none = read_contents("export.jsonl", "pas du json\nnon plus\n");
    BOOST_TEST(none.skipped);
    BOOST_TEST(none.skip_reason == "no valid record");
    BOOST_TEST(none.diagnostics.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
