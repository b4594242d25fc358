// readers/feed_reader: RSS and Atom feeds, each item an article; WordPress comment feeds give
// comments linked to their article by URL; broken feeds are read as far as they go.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "readers/feed_reader.hpp"
#include "readers/file_reader.hpp"

using veille::documents::Article;
using veille::readers::FeedResult;
using veille::readers::read_feed;

namespace {

std::vector<std::string> messages(const std::vector<veille::documents::Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) out.push_back(d.to_string());
    return out;
}

std::vector<std::pair<int, int>> shape(const Article& a) {
    std::vector<std::pair<int, int>> out;
    for (const auto& c : a.comments) out.emplace_back(c.number, c.parent ? *c.parent : 0);
    return out;
}

std::vector<std::string> texts(const Article& a) {
    std::vector<std::string> out;
    for (const auto& c : a.comments) out.push_back(c.text);
    return out;
}

std::string rss(const std::string& items, const std::string& channel_title = "Le Journal du Sahel",
                const std::string& channel_link = "https://journal.example/") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
           "     xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\">\n"
           "<channel><title>" + channel_title + "</title><link>" + channel_link + "</link>\n" + items +
           "</channel></rss>\n";
}

std::string atom(const std::string& entries, const std::string& title = "Le Journal du Sahel") {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:thr=\"http://purl.org/syndication/thread/1.0\">\n"
           "<title type=\"text\">" + title + "</title>\n"
           "<link rel=\"alternate\" type=\"text/html\" href=\"https://journal.example\"/>\n" + entries + "</feed>\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(feed_reader)

// One field at a time, in a WordPress-like RSS 2.0 item.
BOOST_AUTO_TEST_CASE(rss_item_fields) {
    struct Case {
        const char* theme;
        std::string item;
        std::string title, body, date, author, url, key;
    };
    const std::vector<Case> cases = {
        {"content:encoded in CDATA wins over description",
         "<item><title>Sécurité au Mali</title><link>https://journal.example/mali/</link>"
         "<dc:creator><![CDATA[Awa Traoré]]></dc:creator><pubDate>Thu, 06 Nov 2025 14:32:00 +0100</pubDate>"
         "<guid isPermaLink=\"false\">https://journal.example/?p=12</guid>"
         "<description><![CDATA[La France a estimé [&#8230;]]]></description>"
         "<content:encoded><![CDATA[<p>La France a estimé que la Russie a échoué.</p><p>Bamako dément.</p>]]></content:encoded></item>",
         "Sécurité au Mali", "La France a estimé que la Russie a échoué.\n\nBamako dément.",
         "2025-11-06T14:32:00+01:00", "Awa Traoré", "https://journal.example/mali/", "https://journal.example/?p=12"},
        {"escaped HTML in description, entities decoded, no guid: the link is the key",
         "<item><title>L&#8217;armée &amp; la junte</title><link>https://journal.example/junte/</link>"
         "<description>&lt;p&gt;Le Niger &lt;em&gt;suspend&lt;/em&gt; l&amp;rsquo;accord.&lt;/p&gt;"
         "&lt;p&gt;Niamey&amp;nbsp;: colère.&lt;/p&gt;</description></item>",
         "L’armée & la junte", "Le Niger suspend l’accord.\n\nNiamey : colère.", "", "", "https://journal.example/junte/",
         "https://journal.example/junte/"},
        {"RSS author as 'email (name)', GMT date, HTML entities XML does not know",
         "<item><title>Pr&eacute;sident &laquo;&nbsp;d&eacute;chu&nbsp;&raquo;</title>"
         "<author>redaction@journal.example (Jean Dupont)</author><pubDate>Mon, 3 Feb 2025 08:00:00 GMT</pubDate>"
         "<description>Texte brut\nsur deux lignes</description><guid>urn:x:3</guid></item>",
         "Président « déchu »", "Texte brut\nsur deux lignes", "2025-02-03T08:00:00+00:00", "Jean Dupont", "", "urn:x:3"},
        {"a permalink guid is the url; dc:date when there is no pubDate; two dc:creator",
         "<item><title>Kidal</title><guid>https://journal.example/kidal/</guid><dc:date>2024-05-07T10:00:00+02:00</dc:date>"
         "<dc:creator>Ana</dc:creator><dc:creator>Ben</dc:creator><description>Corps</description></item>",
         "Kidal", "Corps", "2024-05-07T10:00:00+02:00", "Ana, Ben", "https://journal.example/kidal/",
         "https://journal.example/kidal/"},
        {"a French month in pubDate, a date without time; a script in the content is not text",
         "<item><title>Gao</title><pubDate>lun., 1 févr. 2021</pubDate>"
         "<content:encoded><![CDATA[<script>var x=1;</script><p>Gao<br>sous couvre-feu</p>]]></content:encoded></item>",
         "Gao", "Gao\nsous couvre-feu", "2021-02-01", "", "", "#1"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.theme) {
            const FeedResult r = read_feed(rss(c.item), "sahel.rss");
            BOOST_TEST(messages(r.diagnostics).empty());
            BOOST_TEST_REQUIRE(r.articles.size() == 1u);
            const Article& a = r.articles[0];
            BOOST_TEST(a.title == c.title);
            BOOST_TEST(a.body == c.body);
            BOOST_TEST(a.meta.date == c.date);
            BOOST_TEST(a.meta.author == c.author);
            BOOST_TEST(a.meta.url == c.url);
            BOOST_TEST(a.meta.source == "Le Journal du Sahel");
            BOOST_TEST(a.key == c.key);
            BOOST_TEST(a.first_line == 5u);
            BOOST_TEST(a.comments.empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(atom_entry_fields) {
    struct Case {
        const char* theme;
        std::string entry;
        std::string title, body, date, author, url, key;
    };
    const std::vector<Case> cases = {
        {"type=html content, published wins over updated, link rel=alternate",
         "<entry><author><name>Awa Traoré</name></author><title type=\"html\"><![CDATA[Sécurité &amp; Mali]]></title>"
         "<link rel=\"alternate\" type=\"text/html\" href=\"https://journal.example/mali/\"/>"
         "<link rel=\"replies\" type=\"application/atom+xml\" href=\"https://journal.example/mali/feed/atom/\"/>"
         "<id>https://journal.example/?p=12</id><updated>2025-11-07T09:00:00Z</updated>"
         "<published>2025-11-06T13:32:00Z</published><summary type=\"html\">Résumé</summary>"
         "<content type=\"html\" xml:base=\"https://journal.example/mali/\"><![CDATA[<p>La France a estimé.</p>]]></content></entry>",
         "Sécurité & Mali", "La France a estimé.", "2025-11-06T13:32:00Z", "Awa Traoré",
         "https://journal.example/mali/", "https://journal.example/?p=12"},
        {"xhtml content, the feed's author, updated alone, relative link",
         "<entry><title>Niger</title><link href=\"/niger/\"/><id>tag:journal.example,2025:niger</id>"
         "<updated>2025-07-26</updated><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
         "<p>Le <b>coup d’État</b> du 26 juillet.</p><p>Niamey.</p></div></content></entry>",
         "Niger", "Le coup d’État du 26 juillet.\n\nNiamey.", "2025-07-26", "", "https://journal.example/niger/",
         "tag:journal.example,2025:niger"},
        {"type=text summary is plain text: a '<' is a character, lines stay",
         "<entry><title>Bamako</title><id>urn:b</id><summary>Hausse &lt; 2 %\net baisse</summary></entry>",
         "Bamako", "Hausse < 2 %\net baisse", "", "", "", "urn:b"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.theme) {
            const FeedResult r = read_feed(atom(c.entry), "sahel.atom");
            BOOST_TEST(messages(r.diagnostics).empty());
            BOOST_TEST_REQUIRE(r.articles.size() == 1u);
            const Article& a = r.articles[0];
            BOOST_TEST(a.title == c.title);
            BOOST_TEST(a.body == c.body);
            BOOST_TEST(a.meta.date == c.date);
            BOOST_TEST(a.meta.author == c.author);
            BOOST_TEST(a.meta.url == c.url);
            BOOST_TEST(a.meta.source == "Le Journal du Sahel");
            BOOST_TEST(a.key == c.key);
        }
    }
}

BOOST_AUTO_TEST_CASE(rss_1_0_items_are_read_too) {
    const std::string rdf =
        "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
        "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "<channel rdf:about=\"https://journal.example/\"><title>Journal RDF</title></channel>\n"
        "<item rdf:about=\"https://journal.example/tombouctou/\"><title>Tombouctou</title>"
        "<description>Les manuscrits.</description><dc:date>2013-01-28</dc:date></item>\n</rdf:RDF>\n";
    const FeedResult r = read_feed(rdf, "journal.rdf");
    BOOST_TEST(messages(r.diagnostics).empty());
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    BOOST_TEST(r.articles[0].title == "Tombouctou");
    BOOST_TEST(r.articles[0].meta.url == "https://journal.example/tombouctou/");
    BOOST_TEST(r.articles[0].meta.date == "2013-01-28");
    BOOST_TEST(r.articles[0].meta.source == "Journal RDF");
}

// A WordPress post feed and the post's comment feed, concatenated by an export: comments
// attach to their article by URL, replies by thr:in-reply-to, oldest first.
BOOST_AUTO_TEST_CASE(atom_comments_attach_to_their_article_and_answer_each_other) {
    const std::string feed = atom(
        // The article.
        "<entry><title>Sécurité au Mali</title><link rel=\"alternate\" href=\"https://journal.example/mali/\"/>"
        "<id>https://journal.example/?p=12</id><published>2025-11-06T10:00:00Z</published>"
        "<content type=\"html\">La France a estimé que la Russie a échoué.</content></entry>\n"
        // A reply, listed first as WordPress lists the newest first.
        "<entry><title>Par : Kotato</title><author><name>Kotato</name></author>"
        "<link rel=\"alternate\" href=\"https://journal.example/mali/#comment-46\"/>"
        "<id>https://journal.example/?p=12#comment-46</id><published>2025-11-07T11:00:00Z</published>"
        "<content type=\"html\">&lt;p&gt;@Obélix Une réponse&lt;/p&gt;</content>"
        "<thr:in-reply-to ref=\"https://journal.example/?p=12#comment-45\" "
        "href=\"https://journal.example/mali/#comment-45\" type=\"text/html\"/></entry>\n"
        // A top-level comment on a second page of comments.
        "<entry><title>Par : Astérix</title><author><name>Astérix</name></author>"
        "<link rel=\"alternate\" href=\"https://journal.example/mali/comment-page-2/#comment-47\"/>"
        "<id>https://journal.example/?p=12#comment-47</id><published>2025-11-08T09:00:00Z</published>"
        "<content type=\"html\">Un second commentaire</content>"
        "<thr:in-reply-to ref=\"https://journal.example/?p=12\" href=\"https://journal.example/mali/\"/></entry>\n"
        // The first comment.
        "<entry><title>Par : Obélix</title><author><name>Obélix</name></author>"
        "<link rel=\"alternate\" href=\"https://journal.example/mali/#comment-45\"/>"
        "<id>https://journal.example/?p=12#comment-45</id><published>2025-11-06T12:00:00Z</published>"
        "<content type=\"html\">Premier commentaire</content>"
        "<thr:in-reply-to ref=\"https://journal.example/?p=12\" href=\"https://journal.example/mali/\"/></entry>\n");
    const FeedResult r = read_feed(feed, "mali.atom");
    BOOST_TEST(messages(r.diagnostics).empty());
    BOOST_TEST(r.items == 4u);
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    const Article& a = r.articles[0];
    BOOST_TEST(a.title == "Sécurité au Mali");
    BOOST_TEST(texts(a) == (std::vector<std::string>{"Premier commentaire", "@Obélix Une réponse", "Un second commentaire"}),
               boost::test_tools::per_element());
    BOOST_TEST(shape(a) == (std::vector<std::pair<int, int>>{{1, 0}, {2, 1}, {3, 0}}));
    BOOST_TEST(a.comments[0].author == "Obélix");
    BOOST_TEST(a.comments[0].date == "2025-11-06T12:00:00Z");
    BOOST_TEST(a.comments[1].mentions == std::vector<std::string>{"Obélix"});
}

// The RSS comment feed of one post ("/mali/feed/"), its post not in the file, as always: the
// comments are kept under a stand-in named by the post's URL, which the index joins to the
// post from whatever file holds it. That is a comment feed's normal state: no warning.
BOOST_AUTO_TEST_CASE(a_comment_feed_without_its_article_keeps_its_comments) {
    const std::string feed = rss(
        "<item><title>Par : Kotato</title><link>https://journal.example/mali/#comment-46</link>"
        "<dc:creator><![CDATA[Kotato]]></dc:creator><pubDate>Fri, 07 Nov 2025 11:00:00 +0000</pubDate>"
        "<guid isPermaLink=\"false\">https://journal.example/?p=12#comment-46</guid>"
        "<description><![CDATA[Une réponse]]></description>"
        "<content:encoded><![CDATA[<p>Une réponse plus longue</p>]]></content:encoded></item>\n"
        "<item><title>Par : Obélix</title><link>https://journal.example/mali/#comment-45</link>"
        "<dc:creator><![CDATA[Obélix]]></dc:creator><pubDate>Thu, 06 Nov 2025 12:00:00 +0000</pubDate>"
        "<guid isPermaLink=\"false\">https://journal.example/?p=12#comment-45</guid>"
        "<description><![CDATA[Premier commentaire]]></description></item>\n",
        "Commentaires sur : Sécurité au Mali", "https://journal.example/mali/");
    const FeedResult r = read_feed(feed, "mali-feed.rss");
    BOOST_TEST(r.diagnostics.empty());
    BOOST_TEST_REQUIRE(r.articles.size() == 1u);
    const Article& holder = r.articles[0];
    BOOST_TEST_REQUIRE(holder.stands_in_for.has_value());
    BOOST_TEST(veille::documents::link_key(*holder.stands_in_for) == "url:journal.example/mali");
    BOOST_TEST(holder.key == "https://journal.example/mali/");
    BOOST_TEST(holder.meta.url == "https://journal.example/mali/");
    BOOST_TEST(holder.meta.source == "journal.example");
    BOOST_TEST(holder.title.empty());
    BOOST_TEST(holder.body.empty());
    BOOST_TEST(texts(holder) == (std::vector<std::string>{"Premier commentaire", "Une réponse plus longue"}),
               boost::test_tools::per_element());
    BOOST_TEST(shape(holder) == (std::vector<std::pair<int, int>>{{1, 0}, {2, 0}}));
    BOOST_TEST(holder.comments[1].author == "Kotato");
    BOOST_TEST(holder.comments[1].date == "2025-11-07T11:00:00+00:00");
}

// Comments found by their "#comment-N" link in an ordinary feed: attached to the item whose
// link is theirs without the fragment (and without the utm_ parameters of the item's link);
// undated, they keep file order.
BOOST_AUTO_TEST_CASE(comment_links_in_a_mixed_feed) {
    const std::string feed = rss(
        "<item><title>Niger</title><link>https://journal.example/niger/?utm_source=rss&amp;utm_medium=rss</link>"
        "<description>Corps</description></item>\n"
        "<item><title>Re: Niger</title><link>https://journal.example/niger#comment-3</link>"
        "<description>Bien vu</description></item>\n"
        "<item><title>Re: Niger</title><link>https://journal.example/niger/#comment-4</link>"
        "<description>  </description></item>\n"
        "<item><title>Re: Tchad</title><link>https://journal.example/tchad/#comment-9</link>"
        "<description>Ailleurs</description></item>\n");
    const FeedResult r = read_feed(feed, "mix.rss");
    BOOST_TEST(messages(r.diagnostics) ==
                   (std::vector<std::string>{
                       "mix.rss:7: comment without text: skipped",
                       "mix.rss:8: article 'https://journal.example/tchad/' is not in this file: its 1 comment "
                       "joins it when it is indexed from another file"}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(r.articles.size() == 2u);
    BOOST_TEST(texts(r.articles[0]) == std::vector<std::string>{"Bien vu"});
    BOOST_TEST(r.articles[1].key == "https://journal.example/tchad/");
    BOOST_TEST(texts(r.articles[1]) == std::vector<std::string>{"Ailleurs"});
}

BOOST_AUTO_TEST_CASE(keys_are_stable_and_bad_items_are_skipped) {
    const std::string feed = rss(
        "<item><title>Un</title><guid>g1</guid></item>\n"                       // line 5
        "<item><title>Deux</title></item>\n"                                    // line 6: #1
        "<item><title>Doublon</title><guid>g1</guid></item>\n"                  // line 7
        "<item><title> </title><description> </description></item>\n"         // line 8
        "<item><description>Sans titre</description></item>\n");               // line 9: #2
    const FeedResult r = read_feed(feed, "k.rss");
    BOOST_TEST(messages(r.diagnostics) ==
                   (std::vector<std::string>{"k.rss:7: duplicate item 'g1' (first at line 5): skipped",
                                             "k.rss:8: item without title or text: skipped"}),
               boost::test_tools::per_element());
    std::vector<std::string> keys;
    for (const auto& a : r.articles) keys.push_back(a.key);
    BOOST_TEST(keys == (std::vector<std::string>{"g1", "#1", "#2"}), boost::test_tools::per_element());
    // Removing the first item changes no other key.
    const FeedResult fewer = read_feed(rss("<item><title>Deux</title></item>\n"
                                           "<item><description>Sans titre</description></item>\n"),
                                       "k.rss");
    BOOST_TEST_REQUIRE(fewer.articles.size() == 2u);
    BOOST_TEST(fewer.articles[0].key == "#1");
}

// Regression guard for libxml2 2.9, which drops every entity reference (&amp; included) once
// the document is not well-formed: the reader turns them into character references first.
BOOST_AUTO_TEST_CASE(malformed_xml_is_reported_with_its_line_and_the_rest_is_kept) {
    const std::string feed =
        "<?xml version=\"1.0\"?>\n"
        "<rss version=\"2.0\"><channel><title>Journal</title>\n"
        "<item><title>Un &amp; deux</title><description>Ligne<br>suite</description></item>\n"  // line 3
        "<item><title>Gao &amp; Kidal</title><link>https://journal.example/?a=1&b=2</link>"
        "<description>&lt;p&gt;Texte&lt;/p&gt;</description></item>\n"
        "</channel></rss>\n";
    const FeedResult r = read_feed(feed, "cassé.rss");
    const auto m = messages(r.diagnostics);
    BOOST_TEST_REQUIRE(m.size() == 1u);
    BOOST_TEST(m[0].starts_with("cassé.rss:3: malformed XML: Opening and ending tag mismatch: br line 3 and description"), m[0]);
    BOOST_TEST(m[0].ends_with("more errors); what could be read is kept"), m[0]);
    BOOST_TEST_REQUIRE(r.articles.size() == 2u);
    BOOST_TEST(r.articles[0].title == "Un & deux");
    BOOST_TEST(r.articles[0].body == "Ligne\nsuite");  // not the next item, which the <br> swallowed
    BOOST_TEST(r.articles[1].title == "Gao & Kidal");
    BOOST_TEST(r.articles[1].meta.url == "https://journal.example/?a=1&b=2");
    BOOST_TEST(r.articles[1].body == "Texte");
}

BOOST_AUTO_TEST_CASE(what_is_not_a_feed) {
    struct Case {
        const char* theme;
        std::string bytes;
        std::vector<std::string> messages;
    };
    const std::vector<Case> cases = {
        {"another XML vocabulary", "<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>",
         {"x.rss: not an RSS or Atom feed (its root element is <urlset>)"}},
        {"not XML at all", "ceci n'est pas un flux",
         {"x.rss:1: malformed XML: Start tag expected, '<' not found; what could be read is kept"}},
        {"an empty channel", "<rss version=\"2.0\"><channel><title>Vide</title></channel></rss>", {}},
        {"an external entity is never fetched",
         "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
         "<rss><channel><item><title>&xxe;</title></item></channel></rss>",
         {"x.rss:1: item without title or text: skipped"}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.theme) {
            const FeedResult r = read_feed(c.bytes, "x.rss");
            BOOST_TEST(messages(r.diagnostics) == c.messages, boost::test_tools::per_element());
            for (const auto& a : r.articles) BOOST_TEST(a.title.find("root:") == std::string::npos);
        }
    }
}

// The front door: names, content sniffing, skip reasons.
BOOST_AUTO_TEST_CASE(detection_by_name_and_content) {
    using veille::readers::detect_format;
    using veille::readers::format_name;
    struct Case {
        const char* name;
        std::string head;
        const char* format;
    };
    const std::vector<Case> cases = {
        {"une.rss", "<rss version=\"2.0\">", "feed"},
        {"une.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "feed"},
        {"une.rss", "pas un flux", "feed"},  // its reader then says what it is
        {"flux.xml", "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?>\n"
                     "<!-- généré par WordPress -->\n<rss version=\"2.0\"\n xmlns:dc=\"…\">", "feed"},
        {"feed", "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed\n  xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">",
         "feed"},
        {"index.php", "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"x.dtd\">\n<rss version=\"0.91\">",
         "feed"},
        {"rss10.xml", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">",
         "feed"},
        {"page.txt", "<rss>", "feed"},
        {"sitemap.xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
         "unsupported"},
        {"autre.xml", "<feed xmlns=\"http://example.org/other\">", "unsupported"},  // not Atom
        {"rdf.xml", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", "unsupported"},
        {"page.xml", "<?xml version=\"1.0\"?><!DOCTYPE html><html>", "html"},
        {"rssfoo.xml", "<rssfoo>", "unsupported"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name << ": " << c.head) {
            BOOST_TEST(format_name(detect_format(c.name, c.head)) == std::string(c.format));
        }
    }
    BOOST_TEST(veille::readers::worth_sniffing("flux.xml"));
    BOOST_TEST(format_name(detect_format("flux.rss")) == std::string("feed"));
    BOOST_TEST(format_name(detect_format("flux.atom")) == std::string("feed"));
}

BOOST_AUTO_TEST_CASE(through_the_front_door) {
    using veille::readers::read_contents;
    // Latin-1 bytes, as the declaration says: converted before parsing.
    const auto latin1 = read_contents(
        "flux.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Journal</title>"
                    "<item><title>S\xE9\x63urit\xE9</title><description>Corps</description></item></channel></rss>");
    BOOST_TEST(!latin1.skipped);
    BOOST_TEST(veille::readers::format_name(latin1.format) == std::string("feed"));
    BOOST_TEST_REQUIRE(latin1.articles.size() == 1u);
    BOOST_TEST(latin1.articles[0].title == "Sécurité");

    const auto sitemap = read_contents("sitemap.xml", "<?xml version=\"1.0\"?><urlset></urlset>");
    BOOST_TEST(sitemap.skipped);
    BOOST_TEST(sitemap.skip_reason == "unsupported format (.xml)");

    const auto empty = read_contents("vide.rss", "<rss version=\"2.0\"><channel><title>Vide</title></channel></rss>");
    BOOST_TEST(empty.skipped);
    BOOST_TEST(empty.skip_reason == "no valid item");

    const auto not_feed = read_contents("pas.rss", "<?xml version=\"1.0\"?><urlset/>");
    BOOST_TEST(not_feed.skipped);
    BOOST_TEST(not_feed.skip_reason == "no valid item");
    BOOST_TEST(messages(not_feed.diagnostics) ==
               std::vector<std::string>{"pas.rss: not an RSS or Atom feed (its root element is <urlset>)"});
}

// Files from the test suites of feedparser and feed-io (tests/data/feeds/SOURCE.md).
BOOST_AUTO_TEST_CASE(third_party_feeds) {
    const std::filesystem::path dir = std::filesystem::path(VEILLE_TEST_DATA_DIR) / "feeds";

    const auto encoded = veille::readers::read_file(dir / "feedparser-item_content_encoded.xml");
    BOOST_TEST(!encoded.skipped);
    BOOST_TEST(messages(encoded.diagnostics).empty());
    BOOST_TEST_REQUIRE(encoded.articles.size() == 1u);
    BOOST_TEST(encoded.articles[0].body == "Example content");
    BOOST_TEST(encoded.articles[0].title.empty());
    BOOST_TEST(encoded.articles[0].key == "#1");
    BOOST_TEST(encoded.articles[0].first_line == 7u);

    const auto broken = veille::readers::read_file(dir / "feedparser-rss_item_link_corrupted_ampersands.xml");
    BOOST_TEST(broken.skipped);
    BOOST_TEST(broken.skip_reason == "no valid item");
    const auto m = messages(broken.diagnostics);
    BOOST_TEST_REQUIRE(m.size() == 2u);
    BOOST_TEST(m[0].find("feedparser-rss_item_link_corrupted_ampersands.xml:13: malformed XML: expected '>'") != std::string::npos,
               m[0]);
    BOOST_TEST(m[1].ends_with("feedparser-rss_item_link_corrupted_ampersands.xml:8: item without title or text: skipped"),
               m[1]);

    const auto atom = veille::readers::read_file(dir / "feed-io-sample-atom.xml");
    BOOST_TEST(!atom.skipped);
    const auto am = messages(atom.diagnostics);
    BOOST_TEST_REQUIRE(am.size() == 1u);
    BOOST_TEST(am[0].ends_with("feed-io-sample-atom.xml:32: duplicate item "
                               "'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a' (first at line 13): skipped"),
               am[0]);
    BOOST_TEST_REQUIRE(atom.articles.size() == 1u);
    const Article& a = atom.articles[0];
    BOOST_TEST(a.title == "Atom-Powered Robots Run Amok");
    BOOST_TEST(a.body == "A title\n\nA paragraph");
    BOOST_TEST(a.meta.url == "http://example.org/2003/12/13/atom03");  // the first link without rel
    BOOST_TEST(a.meta.date == "2003-12-13T18:30:02Z");
    BOOST_TEST(a.meta.author == "John Doe");
    BOOST_TEST(a.meta.source == "Example Feed");
    BOOST_TEST(a.key == "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
}

BOOST_AUTO_TEST_SUITE_END()
