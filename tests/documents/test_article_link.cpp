// documents/article_link: the names two files give one article reduce to one link key.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "documents/article_link.hpp"

using veille::documents::ArticleName;
using veille::documents::link_key;
using veille::documents::url_link_key;

BOOST_AUTO_TEST_SUITE(article_link)

BOOST_AUTO_TEST_CASE(addresses_of_one_article_give_one_key) {
    struct Case {
        std::string url;
        std::string key;
    };
    const std::vector<Case> cases = {
        {"https://www.lemonde.fr/afrique/article/2023/02/mali.html",
         "url:lemonde.fr/afrique/article/2023/02/mali.html"},
        {"http://lemonde.fr/afrique/article/2023/02/mali.html#comments",
         "url:lemonde.fr/afrique/article/2023/02/mali.html"},
        {"https://WWW.Journal.example/mali/",
         "url:journal.example/mali"},  // host case, www., slash
        {"https://journal.example/mali/#comment-46",
         "url:journal.example/mali"},  // a comment's link
        {"https://journal.example/mali/comment-page-2/#comment-9", "url:journal.example/mali"},
        {"https://journal.example/mali/comment-page-x/", "url:journal.example/mali/comment-page-x"},
        {"https://journal.example/mali/?utm_source=rss&utm_medium=rss", "url:journal.example/mali"},
        {"https://journal.example/?p=12&utm_source=rss", "url:journal.example?p=12"},
        {"https://journal.example/?p=12#comment-45", "url:journal.example?p=12"},
        {"https://journal.example/Mali/", "url:journal.example/Mali"},  // a path keeps its case
        {"journal.example/mali", "url:journal.example/mali"},
        {"", ""},
        {"#comments", ""},
    };
    for (const auto& c : cases) BOOST_TEST(url_link_key(c.url) == c.key, c.url);
}

// Where a comment's link points: the post's address as the feed writes it.
BOOST_AUTO_TEST_CASE(a_comment_link_gives_its_article_address) {
    using veille::documents::article_address;
    BOOST_TEST(article_address("https://x.fr/mali/comment-page-2/#comment-9") == "https://x.fr/mali/");
    BOOST_TEST(article_address("https://x.fr/mali/comment-page-2#comment-9") == "https://x.fr/mali/");
    BOOST_TEST(article_address("https://x.fr/mali/#comment-46") == "https://x.fr/mali/");
    BOOST_TEST(article_address("https://x.fr/?p=12#comment-45") == "https://x.fr/?p=12");
    BOOST_TEST(article_address("https://x.fr/mali/comment-page-x/") == "https://x.fr/mali/comment-page-x/");
    BOOST_TEST(article_address("http://www.X.fr/Mali") == "http://www.X.fr/Mali");  // kept as written
}

BOOST_AUTO_TEST_CASE(record_ids_are_kept_as_written) {
    BOOST_TEST(link_key({ArticleName::By::RecordId, "a1"}) == "id:a1");
    BOOST_TEST(link_key({ArticleName::By::RecordId, "Article 7"}) == "id:Article 7");
    BOOST_TEST(link_key({ArticleName::By::RecordId, ""}).empty());
    BOOST_TEST(link_key({ArticleName::By::Url, "https://x.fr/a/"}) == "url:x.fr/a");
    // An address and a record id that read alike are two names.
    BOOST_TEST(link_key({ArticleName::By::RecordId, "x.fr/a"}) !=
               link_key({ArticleName::By::Url, "x.fr/a"}));
}

BOOST_AUTO_TEST_SUITE_END()
