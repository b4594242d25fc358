// End to end: the real veille-index and veille-query on our sample corpora and on bad input,
// checked through their JSON output and exit codes.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <xapian.h>

#include <fstream>
#include <iterator>

#include "cli/cli_harness.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using veille::test::RunResult;
using veille::test::ScratchDir;

namespace {

const std::string kIndex = VEILLE_INDEX_BIN;
const std::string kQuery = VEILLE_QUERY_BIN;
const fs::path kCorpora = fs::path(VEILLE_SOURCE_DIR) / "corpora";

struct Env {
    ScratchDir dir;
    fs::path db = dir / "index";

    RunResult index(std::vector<std::string> inputs, std::vector<std::string> extra = {}) {
        std::vector<std::string> argv{kIndex, "--db", db.string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        argv.insert(argv.end(), inputs.begin(), inputs.end());
        return veille::test::run(argv, dir.path());
    }
    RunResult query_raw(std::vector<std::string> args) {
        std::vector<std::string> argv{kQuery, "--db", db.string()};
        argv.insert(argv.end(), args.begin(), args.end());
        return veille::test::run(argv, dir.path());
    }
    json query(std::vector<std::string> args) {
        args.insert(args.begin(), "--json");
        auto r = query_raw(args);
        BOOST_TEST_REQUIRE(r.exit_code == 0, "veille-query failed: " << r.err);
        return json::parse(r.out);
    }
    std::vector<std::string> ids(std::vector<std::string> args) {
        std::vector<std::string> out;
        const json results = query(std::move(args));  // kept alive: the loop reads into it
        for (const auto& h : results["hits"]) out.push_back(h["id"]);
        return out;
    }
};

const json* find_hit(const json& results, const std::string& kind, const std::string& title_part) {
    for (const auto& h : results["hits"])
        if (h["kind"] == kind && h["title"].get<std::string>().find(title_part) != std::string::npos)
            return &h;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(indexes_the_sample_corpora_and_finds_the_seed_without_accents) {
    Env env;
    auto r = env.index({kCorpora.string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("indexed") != std::string::npos);

    auto res = env.query({"securite"});
    const json* seed = find_hit(res, "article", "Sécurité au Mali");
    BOOST_TEST_REQUIRE(seed != nullptr);
    BOOST_TEST((*seed)["path"].get<std::string>().find("mali-russie.txt") != std::string::npos);
    // The snippet lights up the accented word the folded query matched.
    const std::string snippet = (*seed)["snippet"];
    bool lit_securite = false;
    for (const auto& h : (*seed)["highlights"]) {
        auto word = snippet.substr(h[0].get<std::size_t>(), h[1].get<std::size_t>() - h[0].get<std::size_t>());
        BOOST_TEST((word == "sécurité" || word == "Sécurité" || word == "securite"), word);
        lit_securite = lit_securite || word == "sécurité" || word == "Sécurité";
    }
    BOOST_TEST(lit_securite);
}

BOOST_AUTO_TEST_CASE(a_word_only_in_a_nested_reply_finds_that_reply_and_its_parent) {
    Env env;
    BOOST_TEST_REQUIRE(env.index({kCorpora.string()}).exit_code == 0);
    auto res = env.query({"optimiste"});
    BOOST_TEST_REQUIRE(res["hits"].size() == 1u);
    const auto& h = res["hits"][0];
    BOOST_TEST(h["kind"] == "comment");
    BOOST_TEST(h["comment_number"] == 7);
    BOOST_TEST(h["parent_number"] == 6);
    BOOST_TEST(h["parent_id"] == h["article_id"].get<std::string>() + "-c6");
    BOOST_TEST(h["title"] == "Sécurité au Mali : pour la France, la Russie a échoué");

    // --type narrows to one kind; the seed gives exactly 1 article and 7 comments.
    auto articles = env.query({"--type", "article", "--limit", "100", "type:article"});
    auto comments = env.query({"--limit", "100", "type:commentaire"});
    std::size_t seed_comments = 0;
    for (const auto& c : comments["hits"])
        if (c["path"].get<std::string>().find("mali-russie.txt") != std::string::npos) ++seed_comments;
    BOOST_TEST(seed_comments == 7u);
    for (const auto& a : articles["hits"]) BOOST_TEST(a["kind"] == "article");
}

// Every output counts alike: documents (the facets' and --count's number), then the reprints
// grouped, then the partial matches; in the terminal's header, JSON and the HTML report.
BOOST_AUTO_TEST_CASE(every_output_gives_the_same_counts) {
    Env env;
    const fs::path reprint = env.dir / "reprise";
    fs::create_directories(reprint);
    fs::copy_file(kCorpora / "seed" / "niger-orano.txt", reprint / "niger-orano.txt");  // the same dispatch again
    BOOST_TEST_REQUIRE(env.index({kCorpora.string(), reprint.string()}).exit_code == 0);

    auto res = env.query({"--facets", "Orano"});
    BOOST_TEST(res["total"] == 2);
    BOOST_TEST(res["total_exact"] == true);
    BOOST_TEST(res["groups"] == 1);
    BOOST_TEST(res["hits"].size() == 1u);  // one hit, "+ 1 autre source"
    std::uint64_t kinds = 0;
    for (const auto& k : res["facets"]["type"]) kinds += k["count"].get<std::uint64_t>();
    BOOST_TEST(kinds == 2u);
    BOOST_TEST(env.query_raw({"--count", "Orano"}).out == "2\n");
    auto text = env.query_raw({"Orano"});
    BOOST_TEST(text.out.substr(0, text.out.find('\n')) == "2 résultats pour « Orano » (1 sans les reprises)");
    BOOST_TEST_REQUIRE(env.query_raw({"--report", (env.dir / "r.html").string(), "Orano"}).exit_code == 0);
    std::ifstream report(env.dir / "r.html");
    const std::string html{std::istreambuf_iterator<char>(report), std::istreambuf_iterator<char>()};
    BOOST_TEST(html.find(">2 résultats (1 sans les reprises) — rapport du") != std::string::npos);

    // Fewer documents with every word than a page: the partial ones are counted too.
    res = env.query({"Russie Mali"});
    BOOST_TEST(res["total"] == 2);
    const auto partial = res["partial"].get<std::uint64_t>();
    BOOST_TEST(partial >= 1u);
    text = env.query_raw({"Russie Mali"});
    BOOST_TEST(text.out.substr(0, text.out.find('\n')) ==
               "2 résultats avec tous les mots pour « Russie Mali », puis " + std::to_string(partial) +
                   " résultats partiels");
    text = env.query_raw({"--lang", "en", "Russie Mali"});
    BOOST_TEST(text.out.substr(0, text.out.find('\n')) ==
               "2 results with every word for “Russie Mali”, then " + std::to_string(partial) + " partial results");
}

BOOST_AUTO_TEST_CASE(reindexing_unchanged_files_changes_nothing) {
    Env env;
    BOOST_TEST_REQUIRE(env.index({kCorpora.string()}).exit_code == 0);
    auto before = env.query({"--limit", "1000", "type:article OU type:commentaire"});
    auto again = env.index({kCorpora.string()});
    BOOST_TEST_REQUIRE(again.exit_code == 0, again.err);
    BOOST_TEST(again.out.find(" 0 indexed") != std::string::npos, again.out);
    auto after = env.query({"--limit", "1000", "type:article OU type:commentaire"});
    BOOST_TEST(before["total"] == after["total"]);
    BOOST_TEST(before["hits"] == after["hits"]);
}

BOOST_AUTO_TEST_CASE(changed_files_are_replaced_and_deleted_files_disappear) {
    Env env;
    env.dir.write("in/a.txt", "Premier titre\n\nLe mot zanzibar est ici.\n");
    env.dir.write("in/b.txt", "Second titre\n\nLe mot tombouctou est ici.\n");
    BOOST_TEST_REQUIRE(env.index({(env.dir / "in").string()}).exit_code == 0);
    BOOST_TEST(env.ids({"zanzibar"}).size() == 1u);
    BOOST_TEST(env.ids({"tombouctou"}).size() == 1u);

    // Changed: the old words go, the new ones come, the id stays.
    const auto old_id = env.ids({"zanzibar"});
    env.dir.write("in/a.txt", "Premier titre\n\nLe mot gao remplace l'autre, et la ligne est plus longue.\n");
    auto r = env.index({(env.dir / "in").string()});
    BOOST_TEST(r.out.find("1 indexed") != std::string::npos, r.out);
    BOOST_TEST(env.ids({"zanzibar"}).empty());
    BOOST_TEST(env.ids({"gao"}) == old_id);

    // Deleted: its documents are removed.
    fs::remove(env.dir / "in/b.txt");
    r = env.index({(env.dir / "in").string()});
    BOOST_TEST(r.out.find("1 removed") != std::string::npos, r.out);
    BOOST_TEST(env.ids({"tombouctou"}).empty());
    BOOST_TEST(env.ids({"gao"}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(bad_input_is_reported_skipped_and_never_fatal) {
    Env env;
    env.dir.write("in/ok.txt", "Bon titre\n\nUn texte correct sur Bamako.\n");
    env.dir.write("in/invalid.txt", "Titre latin\n\nCaf\xe9 et s\xe9" "curit\xe9 \xff\xfe Tombouctou.\n");
    env.dir.write("in/empty.txt", "");
    env.dir.write("in/binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20) + std::string(200, '\0'));
    env.dir.write("in/escapes.txt",
                  "Titre \x1b[31mrouge\x1b[0m\n\nUn texte \x1b]0;pwned\x07piégé avec Niamey et \x1b[2J fin.\n");
    env.dir.write("in/image.png", "\x89PNG\r\n");
    fs::create_directories(env.dir / "in/loop");
    fs::create_directory_symlink(env.dir / "in", env.dir / "in/loop/back");  // a loop
    fs::create_symlink(env.dir / "in/vanished.txt", env.dir / "in/dangling.txt");
    env.dir.write("in/.hidden.txt", "Caché\n\nNe doit pas être indexé : kayes.\n");

    auto r = env.index({(env.dir / "in").string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    // Each problem is named with its file.
    BOOST_TEST(r.err.find("invalid.txt") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("invalid UTF-8") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("empty.txt") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("binary.txt") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("dangling.txt") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("symlink loop") != std::string::npos, r.err);
    BOOST_TEST(r.out.find("binary file") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("empty file") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("unsupported format") != std::string::npos, r.out);
    BOOST_TEST(r.err.find('\x1b') == std::string::npos);
    BOOST_TEST(r.out.find('\x1b') == std::string::npos);

    // What could be read was indexed: invalid bytes became U+FFFD, the rest is searchable.
    BOOST_TEST(env.ids({"Bamako"}).size() == 1u);
    BOOST_TEST(env.ids({"Tombouctou"}).size() == 1u);
    BOOST_TEST(env.ids({"kayes"}).empty());  // hidden files are not indexed
    // Escape sequences never reach the terminal, nor the JSON.
    auto piped = env.query_raw({"Niamey"});
    BOOST_TEST(piped.exit_code == 0);
    BOOST_TEST(piped.out.find("Niamey") != std::string::npos, piped.out);
    BOOST_TEST(piped.out.find('\x1b') == std::string::npos);
    BOOST_TEST(piped.out.find('\x07') == std::string::npos);
    auto js = env.query({"Niamey"});
    BOOST_TEST(js.dump().find("\\u001b") == std::string::npos);
}

// A feed is a file of many articles: each item is indexed with its comments, and an item's id
// does not move when another item changes.
BOOST_AUTO_TEST_CASE(a_feed_indexes_its_items_and_their_comments) {
    Env env;
    auto feed = [](const std::string& first_title) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
               "     xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel><title>Le Journal du Sahel</title>\n"
               "<item><title>" + first_title + "</title><link>https://journal.example/kidal/</link>"
               "<guid isPermaLink=\"false\">https://journal.example/?p=1</guid>"
               "<pubDate>Thu, 06 Nov 2025 14:32:00 +0100</pubDate>"
               "<content:encoded><![CDATA[<p>Les forces maliennes sont entrées dans Kidal.</p>]]></content:encoded></item>\n"
               "<item><title>Tombouctou</title><link>https://journal.example/tombouctou/</link>"
               "<guid isPermaLink=\"false\">https://journal.example/?p=2</guid>"
               "<description>&lt;p&gt;Les manuscrits de Tombouctou.&lt;/p&gt;</description></item>\n"
               "<item><title>Par : Obélix</title><link>https://journal.example/tombouctou/#comment-7</link>"
               "<dc:creator>Obélix</dc:creator><description>Quels manuscrits magnifiques</description></item>\n"
               "</channel></rss>\n";
    };
    env.dir.write("in/flux.xml", feed("Kidal reprise"));
    auto r = env.index({(env.dir / "in").string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("1 feed") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("2 articles and 1 comments") != std::string::npos, r.out);

    const json kidal = env.query({"Kidal"});
    const json* article = find_hit(kidal, "article", "Kidal reprise");
    BOOST_TEST_REQUIRE(article != nullptr);
    BOOST_TEST((*article)["url"] == "https://journal.example/kidal/");
    BOOST_TEST((*article)["date"] == "2025-11-06");
    const json comments = env.query({"magnifiques"});
    BOOST_TEST_REQUIRE(comments["hits"].size() == 1u);
    BOOST_TEST(comments["hits"][0]["kind"] == "comment");
    BOOST_TEST(comments["hits"][0]["title"] == "Tombouctou");
    const auto tombouctou = env.ids({"titre:Tombouctou", "type:article"});
    BOOST_TEST_REQUIRE(tombouctou.size() == 1u);

    // Another item's title changes: Tombouctou keeps its id.
    env.dir.write("in/flux.xml", feed("Kidal libérée"));
    BOOST_TEST_REQUIRE(env.index({(env.dir / "in").string()}).exit_code == 0);
    BOOST_TEST(env.ids({"titre:Tombouctou", "type:article"}) == tombouctou);
    BOOST_TEST(env.ids({"reprise"}).empty());
}

BOOST_AUTO_TEST_CASE(an_unreadable_file_is_skipped_with_its_reason) {
    if (geteuid() == 0) {
        BOOST_TEST_MESSAGE("running as root: permissions do not stop root, case skipped");
        return;
    }
    Env env;
    env.dir.write("in/secret.txt", "Titre\n\nTexte.\n");
    fs::permissions(env.dir / "in/secret.txt", fs::perms::none);
    auto r = env.index({(env.dir / "in").string()});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(r.err.find("secret.txt") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("ermission") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(queries_users_mistype_still_answer) {
    Env env;
    BOOST_TEST_REQUIRE(env.index({kCorpora.string()}).exit_code == 0);
    for (std::string q : {"\"coopération sécuritaire", "(Mali", "Mali)", "AND", "Mali OR", "-",
                          "titre:", "qu'il", "« présence des forces »", "russ*"}) {
        BOOST_TEST_CONTEXT(q) {
            auto r = env.query_raw({"--json", q});
            BOOST_TEST(r.exit_code == 0, r.err);
            BOOST_TEST(json::accept(r.out));
        }
    }
    // A query of stopwords only still finds something.
    BOOST_TEST(!env.ids({"qu'il"}).empty());
}

BOOST_AUTO_TEST_CASE(exit_codes_and_messages) {
    Env env;
    // No index yet: one line that says how to create it.
    auto r = env.query_raw({"Mali"});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.err.find("veille-index") != std::string::npos, r.err);
    BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    // Usage errors exit with 2.
    BOOST_TEST(env.query_raw({"--type", "video", "Mali"}).exit_code == 2);
    BOOST_TEST(env.query_raw({}).exit_code == 2);
    BOOST_TEST(env.index({}).exit_code == 2);
    BOOST_TEST(env.query_raw({"--limit", "dix", "Mali"}).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(a_second_writer_is_told_the_index_is_busy) {
    Env env;
    BOOST_TEST_REQUIRE(env.index({kCorpora.string()}).exit_code == 0);
    Xapian::WritableDatabase holder(env.db.string(), Xapian::DB_OPEN);  // holds the write lock
    auto r = env.index({kCorpora.string()});
    BOOST_TEST(r.exit_code == 1);
    BOOST_TEST(r.err.find("being written by another process") != std::string::npos, r.err);
    // Readers are not blocked by the writer.
    BOOST_TEST(env.query_raw({"Mali"}).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(the_index_location_follows_option_then_environment) {
    ScratchDir dir;
    const auto db = dir / "from-env";
    auto r = veille::test::run({kIndex, kCorpora.string()}, dir.path(), {"VEILLE_DB=" + db.string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(fs::exists(db));
    auto q = veille::test::run({kQuery, "--json", "Bamako"}, dir.path(), {"VEILLE_DB=" + db.string()});
    BOOST_TEST(q.exit_code == 0);
    BOOST_TEST(json::parse(q.out)["total"].get<int>() > 0);
    // XDG_DATA_HOME when nothing else is said.
    const auto xdg = dir / "xdg";
    r = veille::test::run({kIndex, kCorpora.string()}, dir.path(), {"XDG_DATA_HOME=" + xdg.string()});
    BOOST_TEST(r.exit_code == 0);
    BOOST_TEST(fs::exists(xdg / "veille" / "index"));
}

BOOST_AUTO_TEST_SUITE_END()
