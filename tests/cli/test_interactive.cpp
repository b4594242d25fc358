// The interactive prompt end to end: the real veille-query on a pseudo-terminal, driven by
// keystrokes, checked on what the screen shows. The sample corpus is indexed once.
#include <boost/test/unit_test.hpp>

#include <spawn.h>

#include <algorithm>
#include <fstream>

#include "cli/cli_harness.hpp"
#include "cli/pty_harness.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;
using veille::test::PtySession;
using veille::test::ScratchDir;

namespace {

const std::string kIndex = VEILLE_INDEX_BIN;
const std::string kQuery = VEILLE_QUERY_BIN;

struct Corpus {
    ScratchDir dir;
    fs::path db = dir / "index";
    Corpus() {
        auto r = veille::test::run({kIndex, "--db", db.string(), (fs::path(VEILLE_SOURCE_DIR) / "corpora").string()},
                                   dir.path());
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    }
};

const Corpus& corpus() {
    static Corpus c;
    return c;
}

// A clean environment: our own HOME (so the history is ours), a UTF-8 locale, a known
// terminal, no colour unless asked, `cat` as the pager so long views come back to us.
std::vector<std::string> environment(const fs::path& home, std::vector<std::string> extra = {}) {
    std::vector<std::string> env = {"HOME=" + home.string(), "XDG_STATE_HOME=" + (home / "state").string(),
                                    "TERM=xterm", "LANG=C.UTF-8", "NO_COLOR=1", "PAGER=cat"};
    if (const char* path = std::getenv("PATH")) env.push_back(std::string("PATH=") + path);
    for (auto& kv : extra) {
        const std::string key = kv.substr(0, kv.find('=') + 1);
        std::erase_if(env, [&](const std::string& e) { return e.rfind(key, 0) == 0; });
        if (kv.back() != '=' || key == "PAGER=") env.push_back(kv);  // "NAME=" alone unsets
    }
    return env;
}

std::vector<std::string> args(std::vector<std::string> extra = {}) {
    std::vector<std::string> a{kQuery, "--db", corpus().db.string()};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

bool has_line(const PtySession& s, const std::function<bool(const std::string&)>& pred) {
    const auto lines = s.screen().lines();
    return std::any_of(lines.begin(), lines.end(), pred);
}

// veille-query -i reading `script` on stdin (no terminal: no editor, no pager), in `dir`:
// its exit status and everything it printed on stdout.
std::pair<int, std::string> run_script(const ScratchDir& dir, const std::string& script,
                                       const std::vector<std::string>& extra = {}) {
    dir.write("script.txt", script);
    const auto out = dir / "out.txt";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, (dir / "script.txt").c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> argv_strings = args({"-i"});
    argv_strings.insert(argv_strings.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (const auto& a : argv_strings) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    auto env_strings = environment(dir.path());
    std::vector<char*> env;
    for (auto& kv : env_strings) env.push_back(kv.data());
    env.push_back(nullptr);
    pid_t pid = 0;
    int status = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), env.data()) == 0) {
        waitpid(pid, &status, 0);
        status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    return {status, veille::test::slurp(out)};
}

#define EXPECT_SHOWN(session, text)                                                          \
    BOOST_TEST_REQUIRE((session).wait_for(text), "waited for « " << (text) << " », screen:\n" \
                                                                   << (session).screen().all())

}  // namespace

BOOST_AUTO_TEST_SUITE(interactive)

BOOST_AUTO_TEST_CASE(search_refine_page_read_a_thread_and_quit) {
    ScratchDir home;
    // No query at a terminal: the prompt opens by itself.
    PtySession s(args({"--limit", "2"}), environment(home.path()), 40, 100);
    BOOST_TEST_REQUIRE(s.started());
    EXPECT_SHOWN(s, "Tapez une recherche");
    EXPECT_SHOWN(s, "veille> ");

    // A query typed with accents: the first page, the total, the one-line facet summary.
    s.type("sécurité\r");
    EXPECT_SHOWN(s, "résultats pour « sécurité »");
    EXPECT_SHOWN(s, "1. [");
    EXPECT_SHOWN(s, "2. [");
    EXPECT_SHOWN(s, "Entités : ");
    EXPECT_SHOWN(s, "page 1/");
    EXPECT_SHOWN(s, "veille> ");
    BOOST_TEST(s.since_mark().find("3. [") == std::string::npos);

    // A facet filter: shown in the prompt and in the header, first page again.
    s.type("+type:commentaire\r");
    EXPECT_SHOWN(s, "résultats pour « sécurité · type:commentaire »");
    EXPECT_SHOWN(s, "1. [commentaire #");
    EXPECT_SHOWN(s, "veille [type:commentaire]> ");
    BOOST_TEST(s.screen().cursor_line() == "veille [type:commentaire]>");

    // Enter: the next page; :p back.
    s.type("\r");
    EXPECT_SHOWN(s, "(3 à 4)");
    EXPECT_SHOWN(s, "3. [commentaire #");
    EXPECT_SHOWN(s, "page 2/");
    s.type(":p\r");
    EXPECT_SHOWN(s, "résultats pour « sécurité · type:commentaire »");
    EXPECT_SHOWN(s, "1. [commentaire #");
    EXPECT_SHOWN(s, "page 1/");

    // An entity filter, then a new query: the filters stay; :show reads the whole thread of
    // the comment hit.
    s.type("+entité:Mali\r");
    EXPECT_SHOWN(s, "veille [type:commentaire entité:Mali]> ");
    s.type("optimiste\r");
    EXPECT_SHOWN(s, "1 résultat pour « optimiste · type:commentaire entité:Mali »");
    EXPECT_SHOWN(s, "1. [commentaire #7, réponse à #6] Sécurité au Mali");
    s.type(":show 1\r");
    EXPECT_SHOWN(s, "Sécurité au Mali : pour la France, la Russie a échoué");
    EXPECT_SHOWN(s, "entités : ");
    EXPECT_SHOWN(s, "La France a estimé que la coopération sécuritaire");
    EXPECT_SHOWN(s, "Commentaires (7)");
    EXPECT_SHOWN(s, "veille [type:commentaire entité:Mali]> ");
    // The reply is indented under the comment it answers, and marked as the hit.
    BOOST_TEST(has_line(s, [](const std::string& l) { return l.starts_with("#6"); }));
    BOOST_TEST(has_line(s, [](const std::string& l) { return l.starts_with("    #7") && l.find("◀ résultat") != std::string::npos; }));
    BOOST_TEST(has_line(s, [](const std::string& l) { return l.starts_with("       Hum! j’espère"); }));
    // Everything fitted the 100 columns: the terminal never had to wrap a line itself.
    BOOST_TEST(s.screen().autowraps() == 0u);

    s.type(":quit\r");
    BOOST_TEST(s.wait_exit() == 0);
}

BOOST_AUTO_TEST_CASE(history_persists_across_sessions) {
    ScratchDir home;
    {
        PtySession first(args(), environment(home.path()));
        EXPECT_SHOWN(first, "veille> ");
        first.type("barkhane\r");
        EXPECT_SHOWN(first, "pour « barkhane »");
        EXPECT_SHOWN(first, "veille> ");
        first.type(":n\r");  // paging is not worth remembering
        EXPECT_SHOWN(first, "veille> ");
        first.type("\x04");  // Ctrl-D quits
        BOOST_TEST(first.wait_exit() == 0);
    }
    const fs::path file = home.path() / "state" / "veille" / "history";
    BOOST_TEST_REQUIRE(fs::exists(file));
    const std::string saved = veille::test::slurp(file);
    BOOST_TEST(saved.find("barkhane") != std::string::npos, saved);
    BOOST_TEST(saved.find(":n") == std::string::npos, saved);

    PtySession second(args(), environment(home.path()));
    EXPECT_SHOWN(second, "veille> ");
    second.type("\x1b[A");  // Up: the previous session's query
    second.settle();
    BOOST_TEST(second.screen().cursor_line() == "veille> barkhane");
    second.type("\r");
    EXPECT_SHOWN(second, "pour « barkhane »");
    second.type(":q\r");
    BOOST_TEST(second.wait_exit() == 0);
}

BOOST_AUTO_TEST_CASE(tab_completes_fields_and_entity_names_without_accents) {
    ScratchDir home;
    PtySession s(args(), environment(home.path()));
    EXPECT_SHOWN(s, "veille> ");
    // A field name.
    s.type("+enti\t");
    s.settle();
    BOOST_TEST(s.screen().cursor_line() == "veille> +entité:");
    // An entity name typed without its accent, through an alias too.
    s.type("dae\t");
    s.settle();
    BOOST_TEST(s.screen().cursor_line() == "veille> +entité:\"État islamique\"");
    s.type("\r");
    EXPECT_SHOWN(s, "veille [entité:\"État islamique\"]> ");
    s.type("entité:eta\t");
    s.settle();
    BOOST_TEST(s.screen().cursor_line().starts_with("veille [entité:\"État islamique\"]> entité:\"État"),
               s.screen().cursor_line());
    // A name of two words typed without quotes.
    s.type("\x15");  // Ctrl-U: clear the line
    s.type("-entité:burkina fa\t");
    s.settle();
    BOOST_TEST(s.screen().cursor_line() == "veille [entité:\"État islamique\"]> -entité:\"Burkina Faso\"");
    // Several names: a second Tab lists them.
    s.type("\x15");
    s.type("entité:b\t\t");
    s.settle();
    BOOST_TEST(has_line(s, [](const std::string& l) { return l.find("Bamako (") != std::string::npos; }));
    BOOST_TEST(has_line(s, [](const std::string& l) { return l.find("Barkhane (") != std::string::npos; }));
    s.type("\x15:q\r");
    BOOST_TEST(s.wait_exit() == 0);
}

BOOST_AUTO_TEST_CASE(ctrl_c_abandons_the_line_not_the_program) {
    ScratchDir home;
    PtySession s(args(), environment(home.path()));
    EXPECT_SHOWN(s, "veille> ");
    s.type("une ligne abandonnée");
    s.settle();
    s.type("\x03");
    EXPECT_SHOWN(s, "^C");
    s.settle();
    BOOST_TEST(s.running());
    BOOST_TEST(s.screen().cursor_line() == "veille>");
    BOOST_TEST(has_line(s, [](const std::string& l) { return l == "veille> une ligne abandonnée^C"; }));
    // Nothing was searched: the next query runs as typed.
    s.type("kidal\r");
    EXPECT_SHOWN(s, "pour « kidal »");
    s.type(":q\r");
    BOOST_TEST(s.wait_exit() == 0);
}

BOOST_AUTO_TEST_CASE(facets_sort_json_help_and_errors) {
    ScratchDir home;
    PtySession s(args({"-i", "mali"}), environment(home.path()), 50, 80);
    EXPECT_SHOWN(s, "pour « mali »");
    EXPECT_SHOWN(s, "veille> ");
    s.type(":facets date\r");
    EXPECT_SHOWN(s, "Facettes de « mali »");
    EXPECT_SHOWN(s, "Dates (par");
    EXPECT_SHOWN(s, "\u2588");
    // The entities a page at a time (20 by default): the first, then the next.
    s.type(":facets entité\r");
    EXPECT_SHOWN(s, "Entités 1 à 20 sur ");
    EXPECT_SHOWN(s, "Mali ");
    EXPECT_SHOWN(s, ":facets plus : les ");  // up to 20 more
    s.type(":facets plus\r");
    EXPECT_SHOWN(s, "Entités 21 à ");
    s.type(":sort date\r");
    EXPECT_SHOWN(s, "Tri : par date, les plus récents d’abord.");
    EXPECT_SHOWN(s, "pour « mali »");
    s.type(":json\r");
    EXPECT_SHOWN(s, "Sortie JSON activée.");
    EXPECT_SHOWN(s, "\"query\": \"mali\"");
    EXPECT_SHOWN(s, "\"hits\": [");
    s.type(":json\r");
    EXPECT_SHOWN(s, "Sortie JSON désactivée.");
    s.type("+date:hier\r");
    EXPECT_SHOWN(s, "« hier » n’est pas une date");
    s.type(":frobnique\r");
    EXPECT_SHOWN(s, "Commande inconnue : :frobnique");
    s.type(":aide\r");
    EXPECT_SHOWN(s, "Recherche interactive");
    EXPECT_SHOWN(s, ":show N");
    s.type(":q\r");
    BOOST_TEST(s.wait_exit() == 0);
}

BOOST_AUTO_TEST_CASE(english_on_request) {
    ScratchDir home;
    PtySession s(args({"--lang", "en"}), environment(home.path()));
    EXPECT_SHOWN(s, "Type a search");
    s.type("+entity:Mali +type:comment\r");
    EXPECT_SHOWN(s, "results for “entity:Mali type:comment”");
    EXPECT_SHOWN(s, "[comment #");
    EXPECT_SHOWN(s, "veille [entity:Mali type:comment]> ");
    s.type(":help\r");
    EXPECT_SHOWN(s, "Interactive search");
    s.type(":q\r");
    BOOST_TEST(s.wait_exit() == 0);

    // LANG=en… says the same without the option.
    PtySession env(args(), environment(home.path(), {"LANG=en_GB.UTF-8"}));
    EXPECT_SHOWN(env, "Type a search");
    EXPECT_SHOWN(env, "veille> ");
    env.type("\x04");
    BOOST_TEST(env.wait_exit() == 0);
}

BOOST_AUTO_TEST_CASE(colour_on_a_terminal_unless_no_color) {
    ScratchDir home;
    PtySession coloured(args({"-i", "sécurité"}), environment(home.path(), {"NO_COLOR="}));
    EXPECT_SHOWN(coloured, "veille> ");
    BOOST_TEST(coloured.raw().find("\x1b[1;33m") != std::string::npos);  // the highlighted words
    coloured.type(":q\r");
    BOOST_TEST(coloured.wait_exit() == 0);

    PtySession plain(args({"-i", "sécurité"}), environment(home.path()));
    EXPECT_SHOWN(plain, "veille> ");
    BOOST_TEST(plain.raw().find("\x1b[1;33m") == std::string::npos);
    BOOST_TEST(plain.raw().find("\x1b[1m") == std::string::npos);
    plain.type(":q\r");
    BOOST_TEST(plain.wait_exit() == 0);
}

BOOST_AUTO_TEST_CASE(narrow_terminals_get_wrapped_lines) {
    ScratchDir home;
    PtySession s(args({"-i", "sécurité"}), environment(home.path()), 40, 50);
    EXPECT_SHOWN(s, "veille> ");
    s.type(":show 1\r");
    EXPECT_SHOWN(s, "Commentaires");
    EXPECT_SHOWN(s, "veille> ");
    s.type(":aide\r");
    EXPECT_SHOWN(s, "Ctrl-C abandonne");
    EXPECT_SHOWN(s, "veille> ");
    s.type(":q\r");
    BOOST_TEST(s.wait_exit() == 0);
    // Results, thread, help: every line was wrapped by us, never by the terminal.
    BOOST_TEST(s.screen().autowraps() == 0u, s.screen().all());
}

BOOST_AUTO_TEST_CASE(a_long_view_goes_through_the_pager) {
    ScratchDir home;
    // The pager is a script that records what it was given.
    const fs::path paged = home.path() / "paged.txt";
    home.write("pager.sh", "#!/bin/sh\ncat > '" + paged.string() + "'\necho PAGER-DONE\n");
    fs::permissions(home.path() / "pager.sh", fs::perms::owner_all);
    PtySession s(args({"-i", "optimiste"}),
                 environment(home.path(), {"PAGER=" + (home.path() / "pager.sh").string()}), 20, 80);
    EXPECT_SHOWN(s, "veille> ");
    s.type(":show 1\r");
    EXPECT_SHOWN(s, "PAGER-DONE");
    EXPECT_SHOWN(s, "veille> ");
    const std::string text = veille::test::slurp(paged);
    BOOST_TEST(text.find("Commentaires (7)") != std::string::npos, text);
    // A view shorter than the screen is printed directly.
    s.type(":facets type\r");
    EXPECT_SHOWN(s, "commentaires 1");
    EXPECT_SHOWN(s, "veille> ");
    BOOST_TEST(s.since_mark().find("PAGER-DONE") == std::string::npos);
    s.type(":q\r");
    BOOST_TEST(s.wait_exit() == 0);
}

BOOST_AUTO_TEST_CASE(a_script_on_stdin_runs_without_the_editor) {
    ScratchDir dir;
    const auto [status, text] = run_script(dir, "sécurité\n+entité:Mali\n:show 1\n:like 1\n:q\n");
    BOOST_TEST(status == 0);
    BOOST_TEST(text.find("résultats pour « sécurité »") != std::string::npos, text);
    BOOST_TEST(text.find("pour « sécurité · entité:Mali »") != std::string::npos, text);
    BOOST_TEST(text.find("Commentaires") != std::string::npos, text);
    // :like 1: documents similar to the first hit, still naming Mali.
    const auto like = text.find("pour « semblables à « Sécurité au Mali");
    BOOST_TEST(like != std::string::npos, text);
    BOOST_TEST(text.find("entité:Mali »", like) != std::string::npos, text);
    BOOST_TEST(text.find("Africa Corps prend le relais", like) != std::string::npos, text);
    BOOST_TEST(text.find("veille>") == std::string::npos);  // no prompt, no editor
    BOOST_TEST(text.find('\x1b') == std::string::npos);
    BOOST_TEST(!fs::exists(dir / "state" / "veille" / "history"));
}

// :facets lists a page of entities (--facet-limit of them), :facets plus the next page,
// until there are no more.
BOOST_AUTO_TEST_CASE(facets_page_through_the_entities) {
    ScratchDir dir;
    const auto [status, text] = run_script(dir, "type:article\n:facets\n:facets plus\n:facets date\n:facets plus\n"
                                                ":facets plus\n:facets plus\n:facets plus\n:facets plus\n:q\n",
                                           {"--facet-limit", "5"});
    BOOST_TEST(status == 0);
    auto count = [&](std::string_view what) {
        std::size_t n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    };
    const auto first = text.find("Entités 1 à 5 sur ");
    BOOST_TEST_REQUIRE(first != std::string::npos, text);
    const std::size_t total = std::stoul(text.substr(first + std::string("Entités 1 à 5 sur ").size()));
    BOOST_TEST_REQUIRE(total > 15u, text);  // enough for the pages below
    BOOST_TEST(text.find(":facets plus : les 5 suivantes", first) != std::string::npos, text);
    // :facets plus goes on; :facets date in between does not move the entity pages.
    const auto second = text.find("Entités 6 à 10 sur " + std::to_string(total), first);
    BOOST_TEST(second != std::string::npos, text);
    const auto dates = text.find("Dates (par", second);
    BOOST_TEST(dates != std::string::npos, text);
    BOOST_TEST(text.find("Entités 11 à 15 sur " + std::to_string(total), dates) != std::string::npos, text);
    // Each page lists 5 entities: the next 5 of the whole ranking.
    const auto page = text.substr(second, text.find("… ", second) - second);
    BOOST_TEST(std::count(page.begin(), page.end(), '\n') == 6, page);  // the title, then 5 rows
    const auto r = veille::test::run({kQuery, "--db", corpus().db.string(), "--json", "--facets-only", "--facet-limit",
                                      "0", "type:article"},
                                     dir.path());
    const auto ranking = nlohmann::json::parse(r.out)["facets"]["entity"];
    BOOST_TEST_REQUIRE(ranking.size() == total);
    for (std::size_t i = 5; i < 10; ++i)
        BOOST_TEST(page.find("   " + ranking[i]["name"].get<std::string>() + " ") != std::string::npos, page);
    // Six :facets plus after the first page: 6 to 30, or fewer pages and the last-page note.
    const std::size_t pages = std::min<std::size_t>(6, (total - 1) / 5);
    BOOST_TEST(count(" sur " + std::to_string(total) + "\n") == 1 + pages, text);
    if (total <= 30) BOOST_TEST(count("Il n’y a pas d’autre entité") == 6 - pages, text);
}

BOOST_AUTO_TEST_SUITE_END()
