// End to end: the indexer on real-world inputs and in bad conditions. Killed with SIGKILL at
// several moments, then re-run: the index always opens and ends identical to a clean run.
// Searched while it is being written. Renamed files moved, not re-analysed. Saved pages and
// JSON Lines exports through the whole pipeline.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <xapian.h>

#include <chrono>
#include <set>
#include <thread>

#include "cli/cli_harness.hpp"
#include "schema/schema.hpp"
#include "schema/stored_data.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using veille::test::RunResult;
using veille::test::ScratchDir;

namespace {

const std::string kIndex = VEILLE_INDEX_BIN;
const std::string kQuery = VEILLE_QUERY_BIN;
const fs::path kPages = fs::path(VEILLE_TEST_DATA_DIR) / "html";

// Starts argv in the background (stdout/stderr to files under `scratch`); returns its pid.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& scratch, const std::string& tag) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    const std::string out = (scratch / ("bg-out." + tag)).string(), err = (scratch / ("bg-err." + tag)).string();
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_strings = veille::test::test_environment(scratch);
    std::vector<char*> env;
    for (auto& kv : env_strings) env.push_back(kv.data());
    env.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    BOOST_TEST_REQUIRE(rc == 0);
    return pid;
}

bool finished(pid_t pid, int& status) { return waitpid(pid, &status, WNOHANG) == pid; }

struct Env {
    ScratchDir dir;

    RunResult index(const fs::path& db, std::vector<std::string> inputs, std::vector<std::string> extra = {}) {
        std::vector<std::string> argv{kIndex, "--db", db.string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        argv.insert(argv.end(), inputs.begin(), inputs.end());
        return veille::test::run(argv, dir.path());
    }
    // A re-run right after a SIGKILL may find Xapian's lock not yet released by the dead
    // writer's lock helper: it says so and exits 1, and a moment later it goes through.
    RunResult index_when_free(const fs::path& db, std::vector<std::string> inputs, std::vector<std::string> extra = {}) {
        RunResult r;
        for (int attempt = 0; attempt < 50; ++attempt) {
            r = index(db, inputs, extra);
            if (r.exit_code != 1 || r.err.find("another process") == std::string::npos) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return r;
    }
    RunResult query_raw(const fs::path& db, std::vector<std::string> args) {
        std::vector<std::string> argv{kQuery, "--db", db.string()};
        argv.insert(argv.end(), args.begin(), args.end());
        return veille::test::run(argv, dir.path());
    }
    json query(const fs::path& db, std::vector<std::string> args) {
        args.insert(args.begin(), "--json");
        auto r = query_raw(db, args);
        BOOST_TEST_REQUIRE(r.exit_code == 0, "veille-query failed: " << r.err);
        return json::parse(r.out);
    }
    std::set<std::string> ids(const fs::path& db, std::vector<std::string> args) {
        args.insert(args.begin(), {"--limit", "10000"});
        std::set<std::string> out;
        const json results = query(db, args);
        for (const auto& h : results["hits"]) out.insert(h["id"].get<std::string>());
        return out;
    }
};

// What an index holds, read with Xapian itself: every document's id, path, article and parent.
struct Contents {
    std::size_t documents = 0;
    std::multiset<std::string> rows;  // "id|kind|article_id|parent_id|path|reprint source|date order": a duplicate shows twice

    bool operator==(const Contents&) const = default;
};

std::size_t articles_in(const fs::path& db) {
    return Xapian::Database(db.string()).get_termfreq(veille::schema::term(veille::schema::Term::Kind, "article"));
}

Contents contents_of(const fs::path& db) {
    Contents c;
    Xapian::Database x(db.string());
    c.documents = x.get_doccount();
    for (auto it = x.postlist_begin(""); it != x.postlist_end(""); ++it) {
        const Xapian::Document doc = x.get_document(*it);
        const json d = veille::schema::decode_stored_fields(doc.get_data());
        c.rows.insert(d.value("id", "") + "|" + d.value("kind", "") + "|" + d.value("article_id", "") + "|" +
                      (d.contains("parent_id") ? d["parent_id"].get<std::string>() : "") + "|" + d.value("path", "") +
                      "|" + doc.get_value(veille::schema::kSlotReprintSource) + "|" +
                      doc.get_value(veille::schema::kSlotDateOrder) + "|" +
                      // entities, the collection pass's included: a run killed before the pass
                      // committed must leave the next run owing it
                      doc.get_value(veille::schema::kSlotEntities));
    }
    return c;
}

// A generated collection: text files with comment threads, saved pages, a JSON Lines export.
void write_corpus(const ScratchDir& dir, const std::string& root, int files) {
    const char* places[] = {"Bamako", "Gao", "Kidal", "Niamey", "Tombouctou", "Mopti", "Ségou", "Agadez"};
    for (int i = 0; i < files; ++i) {
        const std::string place = places[i % 8];
        const std::string n = std::to_string(i);
        std::string text = "Article " + n + " sur " + place + "\n\nLa situation à " + place +
                           " reste tendue, selon le rapport numéro " + n + ".\n";
        if (i % 3 == 0)
            text += "\n2 réflexions au sujet de “Article " + n + "”\n\n  1. Premier avis sur " + place +
                    "\n    Répondre\n    •  Une réponse au premier avis " + n + "\n      Répondre\n\nLaisser un commentaire\n";
        char name[32];
        std::snprintf(name, sizeof name, "/%02d/%05d.txt", i % 20, i);
        dir.write(root + name, text);
    }
    dir.write(root + "/pages/wordpress.html", veille::test::slurp(kPages / "wordpress-thread.html"));
    std::string jsonl;
    for (int i = 0; i < 300; ++i) {
        const std::string n = std::to_string(i);
        jsonl += R"({"id":"a)" + n + R"(","title":"Dépêche )" + n + R"(","text":"Une dépêche de l'agence sur Kayes, numéro )" + n + "\"}\n";
        jsonl += R"({"id":"c)" + n + R"(","type":"comment","article_id":"a)" + n + R"(","text":"Un lecteur de Kayes réagit)" + "\"}\n";
    }
    dir.write(root + "/export/depeches.jsonl", jsonl);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(robustness)

// A new index written by one writer (--build-writers 1) commits as it goes: killed, it keeps
// what it committed, and the re-run finishes the job.
BOOST_AUTO_TEST_CASE(sigkill_at_any_moment_then_a_rerun_equals_a_clean_run) {
    Env env;
    const std::string in = (env.dir / "in").string();
    write_corpus(env.dir, "in", 1500);
    const fs::path clean = env.dir / "clean";
    const auto started = std::chrono::steady_clock::now();
    const RunResult first = env.index(clean, {in}, {"--commit-every", "50", "--build-writers", "1"});
    const auto clean_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
    const Contents expected = contents_of(clean);
    BOOST_TEST(expected.documents == 1500u + 500u * 2 + 1u + 4u + 300u * 2);
    const auto expected_kayes = env.ids(clean, {"Kayes"});
    const auto expected_comments = env.ids(clean, {"type:commentaire", "Gao"});
    BOOST_TEST(expected_kayes.size() == 601u);  // 300 dispatches, 300 comments, the page

    int killed_with_commits = 0;
    // Kills spread over the clean run's time (a loaded machine stretches it): at least one
    // lands between two commits.
    for (int percent : {5, 20, 45, 75}) {
        const auto delay_ms = clean_ms * percent / 100;
        BOOST_TEST_CONTEXT("killed after " << delay_ms << " ms (" << percent << " % of a clean run)") {
            const fs::path db = env.dir / ("killed-" + std::to_string(delay_ms));
            const pid_t pid = spawn({kIndex, "--db", db.string(), "--commit-every", "50", "--build-writers", "1", in},
                                    env.dir.path(),
                                    std::to_string(delay_ms));
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
            int status = 0;
            const bool done_already = finished(pid, status);
            if (!done_already) {
                ::kill(pid, SIGKILL);
                waitpid(pid, &status, 0);
            }
            // Whatever the moment, the index opens, searches, and holds no duplicate.
            if (fs::exists(db / "iamglass")) {
                const auto r = env.query_raw(db, {"--json", "Kayes"});
                BOOST_TEST(r.exit_code == 0, r.err);
                BOOST_TEST(json::accept(r.out));
                const Contents partial = contents_of(db);
                std::set<std::string> unique(partial.rows.begin(), partial.rows.end());
                BOOST_TEST(unique.size() == partial.rows.size());
                if (partial.documents > 0 && !done_already) ++killed_with_commits;
            }
            // The re-run finishes the job: same documents as the clean run, same answers.
            const RunResult again = env.index_when_free(db, {in}, {"--commit-every", "50"});
            BOOST_TEST_REQUIRE(again.exit_code == 0, again.err);
            BOOST_TEST((contents_of(db) == expected));
            BOOST_TEST((env.ids(db, {"Kayes"}) == expected_kayes));
            BOOST_TEST((env.ids(db, {"type:commentaire", "Gao"}) == expected_comments));
        }
    }
    // At least one kill landed after a commit and before the end (else the test proved little).
    BOOST_TEST(killed_with_commits >= 1);
}

// A new index built by several writers and merged (and a rebuild, with any number of
// writers): killed at any moment of the build or the merge, it leaves either no index (or
// the previous one, untouched) or the finished one, never a broken one; the re-run gives the
// clean run's index.
BOOST_AUTO_TEST_CASE(sigkill_during_a_merged_build_leaves_no_index_or_the_previous_one) {
    Env env;
    const std::string in = (env.dir / "in").string(), other = (env.dir / "other").string();
    write_corpus(env.dir, "in", 1500);
    write_corpus(env.dir, "other", 300);
    const fs::path clean = env.dir / "clean";
    const auto started = std::chrono::steady_clock::now();
    const RunResult first = env.index(clean, {in}, {"--build-writers", "2"});
    const auto clean_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
    BOOST_TEST(first.out.find("built by 2 writers, merged in") != std::string::npos, first.out);
    const Contents expected = contents_of(clean);
    const fs::path previous_db = env.dir / "previous";
    BOOST_TEST_REQUIRE(env.index(previous_db, {other}).exit_code == 0);
    const Contents previous = contents_of(previous_db);

    // Kills spread over the clean run's time, so that some land in the build, some in the merge.
    int killed = 0;
    for (const bool rebuild : {false, true}) {
        for (int percent : {15, 40, 70, 85, 95}) {
            BOOST_TEST_CONTEXT((rebuild ? "rebuild" : "new index") << " killed at " << percent << " %") {
                const fs::path db = env.dir / ((rebuild ? "rebuilt-" : "new-") + std::to_string(percent));
                if (rebuild) fs::copy(previous_db, db, fs::copy_options::recursive);
                std::vector<std::string> argv{kIndex, "--db", db.string(), "--build-writers", "2", in};
                if (rebuild) argv.push_back("--rebuild");
                const pid_t pid = spawn(argv, env.dir.path(), std::to_string(percent));
                std::this_thread::sleep_for(std::chrono::milliseconds(clean_ms * percent / 100));
                int status = 0;
                if (!finished(pid, status)) {
                    ::kill(pid, SIGKILL);
                    waitpid(pid, &status, 0);
                    ++killed;
                }
                // Either the finished index, or no index (the previous one when rebuilding).
                if (fs::exists(db / "iamglass")) {
                    const Contents now = contents_of(db);
                    BOOST_TEST((now == expected || (rebuild && now == previous)));
                    const auto r = env.query_raw(db, {"--json", "Kayes"});
                    BOOST_TEST(r.exit_code == 0, r.err);
                } else {
                    BOOST_TEST(!rebuild);
                    BOOST_TEST(!fs::exists(db / "iamglass"));
                }
                std::vector<std::string> extra{"--build-writers", "2"};
                if (rebuild) extra.push_back("--rebuild");
                const RunResult again = env.index_when_free(db, {in}, extra);
                BOOST_TEST_REQUIRE(again.exit_code == 0, again.err);
                BOOST_TEST((contents_of(db) == expected));
                BOOST_TEST(!fs::exists(db.string() + ".building"));
                BOOST_TEST(!fs::exists(db.string() + ".old"));
            }
        }
    }
    BOOST_TEST(killed >= 2);  // else the test proved little
}

BOOST_AUTO_TEST_CASE(a_second_writer_is_refused_while_the_first_runs) {
    Env env;
    const std::string in = (env.dir / "in").string();
    write_corpus(env.dir, "in", 1200);
    const fs::path db = env.dir / "index";
    const pid_t writer = spawn({kIndex, "--db", db.string(), "--commit-every", "50", "--build-writers", "1", in},
                               env.dir.path(), "w");
    int status = 0;
    bool refused = false;
    while (!refused && !finished(writer, status)) {
        if (!fs::exists(db / "iamglass")) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        const RunResult second = env.index(db, {in});
        if (second.exit_code == 1) {
            BOOST_TEST(second.err == "veille-index: index is being written by another process: " + db.string() + "\n");
            refused = true;
        }
    }
    if (refused) waitpid(writer, &status, 0);
    BOOST_TEST(refused);
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
    BOOST_TEST(articles_in(db) == 1200u + 1u + 300u);
}

// veille-query run again and again while veille-index commits every 50 documents: every
// search answers (Searcher reopens and retries the whole search, parsing included, when a
// commit discards the revision it was reading), and sees a later commit or the same one.
BOOST_AUTO_TEST_CASE(searching_while_the_index_is_written) {
    Env env;
    const std::string in = (env.dir / "in").string();
    write_corpus(env.dir, "in", 1200);
    const fs::path db = env.dir / "index";
    const pid_t writer = spawn({kIndex, "--db", db.string(), "--commit-every", "50", "--build-writers", "1", in},
                               env.dir.path(), "w");
    int status = 0;
    std::size_t last_total = 0, queries = 0;
    while (!finished(writer, status)) {
        if (!fs::exists(db / "iamglass")) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        const RunResult r = env.query_raw(db, {"--json", "--limit", "1", "type:article"});
        BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
        const json j = json::parse(r.out);
        const std::size_t total = j["total"].get<std::size_t>();
        BOOST_TEST(total >= last_total);  // each search sees a later (or the same) commit
        last_total = total;
        ++queries;
    }
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
    BOOST_TEST(queries >= 2u);
    BOOST_TEST(articles_in(db) == 1200u + 1u + 300u);
}

BOOST_AUTO_TEST_CASE(renamed_files_are_moved_not_reanalysed) {
    Env env;
    env.dir.write("in/seed.txt", veille::test::slurp(fs::path(VEILLE_SOURCE_DIR) / "corpora/seed/mali-russie.txt"));
    env.dir.write("in/page.html", veille::test::slurp(kPages / "wordpress-thread.html"));
    env.dir.write("in/export.jsonl",
                  R"({"id":"a1","title":"Niger : la junte","text":"Texte sur Agadez."})" "\n"
                  R"({"id":"c1","article_id":"a1","text":"Avis sur Agadez"})" "\n"
                  R"({"id":"c2","article_id":"a1","parent_id":"c1","text":"Réponse sur Agadez"})" "\n");
    env.dir.write("in/copie.txt", "Un article copié\n\nSur Zinder.\n");
    const fs::path db = env.dir / "index";
    RunResult r = env.index(db, {(env.dir / "in").string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("by format: 1 html, 1 jsonl, 2 text") != std::string::npos, r.out);

    fs::create_directories(env.dir / "in/classement");
    fs::rename(env.dir / "in/seed.txt", env.dir / "in/classement/mali-russie.txt");
    fs::rename(env.dir / "in/page.html", env.dir / "in/page-renommee.html");
    fs::rename(env.dir / "in/export.jsonl", env.dir / "in/classement/export.ndjson");
    fs::copy_file(env.dir / "in/copie.txt", env.dir / "in/copie-2.txt");  // a copy, not a rename
    r = env.index(db, {(env.dir / "in").string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("5 files: 1 indexed, 3 renamed, 1 unchanged, 0 removed, 0 skipped") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("0 articles and 0 comments written") == std::string::npos, r.out);  // the copy was

    // The moved documents are exactly what a fresh index of the new tree holds.
    const fs::path fresh = env.dir / "fresh";
    BOOST_TEST_REQUIRE(env.index(fresh, {(env.dir / "in").string()}).exit_code == 0);
    BOOST_TEST((contents_of(db) == contents_of(fresh)));
    const json hit = env.query(db, {"Agadez", "type:commentaire"});
    BOOST_TEST(hit["total"] == 2);
    for (const auto& h : hit["hits"])
        BOOST_TEST(h["path"].get<std::string>().ends_with("classement/export.ndjson"));

    // A path that dated the article: moving it re-analyses, since the date changes.
    env.dir.write("in/2024/05/06/depeche.txt", "Une dépêche datée par son chemin\n\nSur Maradi.\n");
    BOOST_TEST_REQUIRE(env.index(db, {(env.dir / "in").string()}).exit_code == 0);
    BOOST_TEST(env.query(db, {"Maradi"})["hits"][0]["date"] == "2024-05-06");
    fs::create_directories(env.dir / "in/2025/01/02");
    fs::rename(env.dir / "in/2024/05/06/depeche.txt", env.dir / "in/2025/01/02/depeche.txt");
    r = env.index(db, {(env.dir / "in").string()});
    BOOST_TEST(r.out.find("1 indexed, 0 renamed") != std::string::npos, r.out);
    BOOST_TEST(env.query(db, {"Maradi"})["hits"][0]["date"] == "2025-01-02");
}

BOOST_AUTO_TEST_CASE(jsonl_ids_survive_edits_of_other_lines) {
    Env env;
    const fs::path db = env.dir / "index";
    const std::string in = (env.dir / "in").string();
    env.dir.write("in/flux.jsonl",
                  R"({"id":"a1","title":"Premier","text":"Texte sur Tessalit."})" "\n"
                  R"({"id":"a2","title":"Second","text":"Texte sur Ménaka."})" "\n"
                  R"({"id":"c1","type":"comment","article_id":"a2","text":"Un avis sur Ménaka"})" "\n");
    BOOST_TEST_REQUIRE(env.index(db, {in}).exit_code == 0);
    const auto menaka = env.ids(db, {"Ménaka"});
    BOOST_TEST(menaka.size() == 2u);
    // a1 edited, a new record first in the file, the comment moved before its article.
    env.dir.write("in/flux.jsonl",
                  R"({"id":"a0","title":"Nouveau","text":"Texte sur Anderamboukane."})" "\n"
                  R"({"id":"c1","type":"comment","article_id":"a2","text":"Un avis sur Ménaka"})" "\n"
                  R"({"id":"a1","title":"Premier","text":"Texte corrigé sur Aguelhok."})" "\n"
                  R"({"id":"a2","title":"Second","text":"Texte sur Ménaka."})" "\n");
    const RunResult r = env.index(db, {in});
    BOOST_TEST(r.out.find("1 indexed") != std::string::npos, r.out);
    BOOST_TEST((env.ids(db, {"Ménaka"}) == menaka));
    BOOST_TEST(env.ids(db, {"Tessalit"}).empty());
    BOOST_TEST(env.ids(db, {"Aguelhok"}).size() == 1u);
    BOOST_TEST(env.ids(db, {"Anderamboukane"}).size() == 1u);
    // A record removed from the file: its documents go.
    env.dir.write("in/flux.jsonl", R"({"id":"a1","title":"Premier","text":"Texte corrigé sur Aguelhok."})" "\n");
    BOOST_TEST_REQUIRE(env.index(db, {in}).exit_code == 0);
    BOOST_TEST(env.ids(db, {"Ménaka"}).empty());
    BOOST_TEST(articles_in(db) == 1u);
}

BOOST_AUTO_TEST_CASE(saved_pages_and_exports_end_to_end) {
    Env env;
    const fs::path db = env.dir / "index";
    env.dir.write("in/export.jsonl",
                  R"({"id":"a1","title":"Kidal sous tension","text":"Les forces sont à Kidal.","date":"2025-10-01","author":"Awa"})" "\n"
                  "ligne cassée\n"
                  R"({"id":"c1","type":"comment","article_id":"a1","text":"@Awa merci pour Kidal","author":"Moussa","date":"2025-10-02"})" "\n");
    fs::copy(kPages, env.dir / "in/pages");
    env.dir.write("in/sans-extension", veille::test::slurp(kPages / "wordpress-thread.html"));
    env.dir.write("in/lisez-moi.md", "# pas un article\n");
    const RunResult r = env.index(db, {(env.dir / "in").string()});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("by format: 9 html, 1 jsonl") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("skipped: unsupported format (2)") != std::string::npos, r.out);  // .md and README.md
    BOOST_TEST(r.err.find("export.jsonl:2: invalid JSON") != std::string::npos, r.err);

    // A JSON Lines comment: its author, date, article and parent.
    const json kidal = env.query(db, {"Kidal", "type:commentaire"});
    BOOST_TEST_REQUIRE(kidal["total"] == 1);
    const json& c = kidal["hits"][0];
    BOOST_TEST(c["author"] == "Moussa");
    BOOST_TEST(c["date"] == "2025-10-02");
    BOOST_TEST(c["title"] == "Kidal sous tension");
    // A WordPress reply found by a word only it has, with its parent and its own date.
    const json zouglou = env.query(db, {"zouglou"});
    BOOST_TEST_REQUIRE(zouglou["total"] == 2);  // the page and its copy without extension
    const json& reply = zouglou["hits"][0];
    BOOST_TEST(reply["kind"] == "comment");
    BOOST_TEST(reply["comment_number"] == 3);
    BOOST_TEST(reply["parent_number"] == 2);
    BOOST_TEST(reply["author"] == "BLOB");
    BOOST_TEST(reply["date"] == "2025-11-07");
    BOOST_TEST(reply["title"] == "Sécurité au Mali : pour la France, la Russie a échoué");
    // SPIP comments of a real page, dated from their markup.
    const json regards = env.query(db, {"politicards", "type:commentaire"});
    BOOST_TEST_REQUIRE(regards["total"] == 1);
    BOOST_TEST(regards["hits"][0]["date"] == "2019-09-13");
    BOOST_TEST(regards["hits"][0]["parent_number"] == 1);
    // Nothing of the site chrome was indexed as article text.
    BOOST_TEST(env.query(db, {"cookies", "type:article"})["total"] == 0);
}

BOOST_AUTO_TEST_CASE(limits_are_reported_not_fatal) {
    Env env;
    const fs::path db = env.dir / "index";
    // 2 MB of a single line, over a 1 MB limit.
    env.dir.write("in/enorme.txt", "Titre\n\n" + std::string(2 * 1024 * 1024, 'a') + "\n");
    std::string deep = "<html><body>";
    for (int i = 0; i < 10000; ++i) deep += "<div>";
    deep += "<p>Au fond de Ouallam, un texte.</p></body></html>";
    env.dir.write("in/profond.html", deep);
    const RunResult r = env.index(db, {(env.dir / "in").string()}, {"--max-file-size", "1"});
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    BOOST_TEST(r.out.find("skipped: file too large (1)") != std::string::npos, r.out);
    BOOST_TEST(r.err.find("enorme.txt: skipped: file too large (2 MB > 1 MB limit)") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("profond.html: HTML nested deeper than") != std::string::npos, r.err);
    BOOST_TEST(env.ids(db, {"Ouallam"}).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
