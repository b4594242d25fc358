// Comments kept apart from their article (a post's comment feed, an export of comments) join
// it in hits and threads, whatever file holds it and whichever is indexed first; and stop
// joining when it is removed.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_harness.hpp"
#include "indexing/index_writer.hpp"
#include "search/searcher.hpp"
#include "search/thread_reader.hpp"

namespace fs = std::filesystem;
using veille::search::Hit;
using veille::search::Searcher;
using veille::search::SearchOptions;
using veille::search::ThreadReader;

namespace {

// The post, saved as its page with the two comments the page showed that day.
const char* const kPage = R"(<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Sécurité au Mali</title>
<link rel="canonical" href="https://www.journal.example/mali/"></head>
<body><article><h1>Sécurité au Mali</h1>
<p>La France a estimé que la coopération sécuritaire entre le Mali et la Russie a échoué, un an
après le départ des derniers soldats de l'opération Barkhane.</p></article>
<div id="comments" class="comments-area"><ol class="comment-list">
<li id="comment-45" class="comment even thread-even depth-1"><article id="div-comment-45" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Obélix</b> <span class="says">dit :</span></div>
<div class="comment-metadata"><a href="https://journal.example/mali/#comment-45"><time datetime="2025-11-06T12:00:00+00:00">6 novembre 2025</time></a></div></footer>
<div class="comment-content"><p>Premier commentaire sur le retrait.</p></div></article></li>
<li id="comment-48" class="comment odd thread-odd depth-1"><article id="div-comment-48" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Idéfix</b></div></footer>
<div class="comment-content"><p>Un avis publié sur la page seulement.</p></div></article></li>
</ol></div></body></html>
)";

// The post's comment feed, saved later: the first comment again (the feed has it too), a
// reply to it and a comment the page did not show yet. Newest first, as WordPress lists them.
const char* const kCommentFeed = R"(<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
<title type="text">Commentaires sur : Sécurité au Mali</title>
<link rel="alternate" type="text/html" href="https://journal.example/mali/"/>
<entry><title>Par : Astérix</title><author><name>Astérix</name></author>
<link rel="alternate" href="https://journal.example/mali/comment-page-2/#comment-47"/>
<id>https://journal.example/?p=12#comment-47</id><published>2025-11-08T09:00:00Z</published>
<content type="html">Un second commentaire sur les mercenaires.</content>
<thr:in-reply-to ref="https://journal.example/?p=12" href="https://journal.example/mali/"/></entry>
<entry><title>Par : Kotato</title><author><name>Kotato</name></author>
<link rel="alternate" href="https://journal.example/mali/#comment-46"/>
<id>https://journal.example/?p=12#comment-46</id><published>2025-11-07T11:00:00Z</published>
<content type="html">&lt;p&gt;@Obélix Une réponse sur les mercenaires&lt;/p&gt;</content>
<thr:in-reply-to ref="https://journal.example/?p=12#comment-45" href="https://journal.example/mali/#comment-45"/></entry>
<entry><title>Par : Obélix</title><author><name>Obélix</name></author>
<link rel="alternate" href="https://journal.example/mali/#comment-45"/>
<id>https://journal.example/?p=12#comment-45</id><published>2025-11-06T12:00:00Z</published>
<content type="html">Premier commentaire  sur le retrait.</content>
<thr:in-reply-to ref="https://journal.example/?p=12" href="https://journal.example/mali/"/></entry>
</feed>
)";

// An export's comments in one file and its articles in another.
const char* const kExportComments =
    R"({"id":"c1","type":"comment","article_id":"a7","author":"Panoramix","text":"Les mercenaires de Wagner encore."})"
    "\n"
    R"({"id":"c2","type":"comment","article_id":"a7","parent_id":"c1","text":"Réponse à Panoramix sur les mercenaires."})"
    "\n";
const char* const kExportArticles =
    R"({"id":"a7","title":"Le Niger et la Russie","text":"Niamey se tourne vers Moscou pour sa défense."})"
    "\n";

struct Scratch {
    veille::test::ScratchDir dir;
    fs::path db() const { return dir / "index"; }
    void write(const std::string& name, const std::string& text) const { dir.write("in/" + name, text); }
    veille::indexing::IndexSummary index() const {
        veille::indexing::IndexOptions options;
        options.db = db();
        options.inputs = {dir / "in"};
        veille::indexing::IndexObserver quiet;
        return veille::indexing::update_index(options, quiet);
    }
    std::vector<Hit> search(const std::string& query) const {
        Searcher searcher(db());
        SearchOptions o;
        o.query = query;
        o.limit = 50;
        return searcher.search(o).hits;
    }
};

const Hit* hit_with_author(const std::vector<Hit>& hits, const std::string& author) {
    for (const auto& h : hits)
        if (h.author == author) return &h;
    return nullptr;
}

struct Line {
    std::string author;
    int number;
    int parent;  // 0: top level
    bool operator==(const Line&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Line& l) {
    return os << l.author << " #" << l.number << " -> " << l.parent;
}

std::vector<Line> lines(const veille::search::Thread& t) {
    std::vector<Line> out;
    for (const auto& c : t.comments)
        out.push_back({c.author, c.comment_number.value_or(0), c.parent_number.value_or(0)});
    return out;
}

// What a reader must see of the post, once page and comment feed are both indexed: the
// page's comments, then the feed's, the one both hold once, the reply under its parent.
void check_joined_thread(const Scratch& s) {
    const auto hits = s.search("mercenaires");
    const Hit* reply = hit_with_author(hits, "Kotato");
    BOOST_TEST_REQUIRE(reply);
    BOOST_TEST(reply->title == "Sécurité au Mali");  // the post's title, from the page's file
    // Numbered as the joined thread lists it, not as in its own file (#2 answering #1 there).
    BOOST_TEST(reply->comment_number.value_or(0) == 3);
    BOOST_TEST(reply->parent_number.value_or(0) == 1);
    const auto page_hits = s.search("coopération sécuritaire");
    BOOST_TEST_REQUIRE(page_hits.size() == 1u);
    BOOST_TEST(reply->article_id == page_hits[0].article_id);  // --thread ID shows the post

    ThreadReader reader(s.db());
    for (const std::string& id :
         {page_hits[0].article_id, reply->id.substr(0, reply->id.find("-c"))}) {
        const auto thread = reader.thread(id);
        BOOST_TEST_REQUIRE(thread.has_value(), id);
        BOOST_TEST(thread->article_stored);
        BOOST_TEST(thread->article.title == "Sécurité au Mali");
        const std::vector<Line> expected = {
            {"Obélix", 1, 0}, {"Idéfix", 2, 0}, {"Kotato", 3, 1}, {"Astérix", 4, 0}};
        BOOST_TEST(lines(*thread) == expected, boost::test_tools::per_element());
        for (const auto& c : thread->comments) BOOST_TEST(c.title == "Sécurité au Mali");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(article_links)

BOOST_AUTO_TEST_CASE(a_comment_feed_joins_its_post_indexed_in_the_same_run) {
    Scratch s;
    s.write("mali.html", kPage);
    s.write("mali-comments.atom", kCommentFeed);
    const auto summary = s.index();
    BOOST_TEST(summary.articles == 1u);  // the feed's stand-in is no article
    BOOST_TEST(summary.comments == 5u);
    check_joined_thread(s);
    // No untitled article in listings: only the post answers type:article.
    BOOST_TEST(s.search("type:article").size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_order_of_files_and_runs_does_not_matter) {
    // The comment feed alone first: its comments stand untitled, in a thread of their own.
    Scratch s;
    s.write("mali-comments.atom", kCommentFeed);
    s.index();
    const auto alone = s.search("mercenaires");
    const Hit* reply = hit_with_author(alone, "Kotato");
    BOOST_TEST_REQUIRE(reply);
    BOOST_TEST(reply->title.empty());
    BOOST_TEST(reply->url == "https://journal.example/mali/");
    {
        ThreadReader reader(s.db());
        const auto thread = reader.thread(reply->article_id);
        BOOST_TEST_REQUIRE(thread.has_value());
        BOOST_TEST(!thread->article_stored);
        BOOST_TEST(lines(*thread) ==
                       (std::vector<Line>{{"Obélix", 1, 0}, {"Kotato", 2, 1}, {"Astérix", 3, 0}}),
                   boost::test_tools::per_element());
    }
    // The page comes in a later run: the feed's comments join it, the feed not read again.
    s.write("mali.html", kPage);
    const auto later = s.index();
    BOOST_TEST(later.files_indexed == 1u);
    check_joined_thread(s);

    // The page removed: the feed's comments stand alone again, nothing lost.
    fs::remove(s.dir / "in" / "mali.html");
    s.index();
    const auto after = s.search("mercenaires");
    BOOST_TEST(after.size() == 2u);
    for (const auto& h : after) BOOST_TEST(h.title.empty());
}

BOOST_AUTO_TEST_CASE(an_export_comments_join_their_article_by_record_id) {
    Scratch s;
    s.write("comments.jsonl", kExportComments);
    s.write("articles.jsonl", kExportArticles);
    s.index();
    const auto hits = s.search("mercenaires");
    BOOST_TEST_REQUIRE(hits.size() == 2u);
    for (const auto& h : hits) BOOST_TEST(h.title == "Le Niger et la Russie");
    ThreadReader reader(s.db());
    const auto thread = reader.thread(hits[0].article_id);
    BOOST_TEST_REQUIRE(thread.has_value());
    BOOST_TEST(thread->article.title == "Le Niger et la Russie");
    BOOST_TEST(lines(*thread) == (std::vector<Line>{{"Panoramix", 1, 0}, {"", 2, 1}}),
               boost::test_tools::per_element());

    // Two exports both holding an "a7": the name is ambiguous, nothing is joined by guess.
    s.write("other-export.jsonl", R"({"id":"a7","title":"Autre chose","text":"Un autre article."})"
                                  "\n");
    s.index();
    for (const auto& h : s.search("mercenaires")) BOOST_TEST(h.title.empty());
}

BOOST_AUTO_TEST_SUITE_END()
