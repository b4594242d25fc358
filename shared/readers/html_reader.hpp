// Saved web pages: a news article and its reader comments, read with an HTML5 parser (gumbo)
// the way a person reads the page, leaving the site around the article out.
//
// Metadata, first source that has it:
// - title: JSON-LD NewsArticle/Article/BlogPosting `headline`, og:title, the first <h1>,
//   <title>; a site name after (or before) a separator (" - Le Monde.fr", " | AOC media",
//   "Le Nouvelliste | ") is removed;
// - date: JSON-LD `datePublished`, <meta property="article:published_time">,
//   [itemprop=datePublished], <meta name="date">/DC.date/pubdate..., then a <time datetime>
//   of the article (as written: the indexer parses it);
// - author: JSON-LD `author` (names of a string, an object or a list), <meta name="author">,
//   [itemprop=author], [rel=author], .byline/.author of the article;
// - url: <link rel="canonical">, og:url, JSON-LD `url`; source: og:site_name, the JSON-LD
//   publisher, else the host of the url.
// JSON-LD blocks may be lists or @graph objects; invalid ones are ignored (after one repair
// attempt: raw newlines and tabs inside strings).
//
// Body, first that holds at least a paragraph of text:
// 1. JSON-LD `articleBody` (plain text, or HTML that is read as such), unless the page holds
//    visibly more text (a truncated teaser);
// 2. the [itemprop=articleBody] element;
// 3. the <article> element with the most text (comments excluded);
// 4. the main content block, found as Readability does: paragraphs score their parent and
//    grandparent by length and commas; class names like "content", "article", "entry",
//    "texte" add, "sidebar", "related", "share", "comment" subtract; link-heavy blocks are
//    discounted; the best block and its sibling paragraphs are kept;
// 5. the whole <body>.
// Everywhere, navigation, headers and footers of the site, asides, menus, share buttons,
// related-article lists, newsletter and cookie banners, forms, scripts and styles and hidden
// elements are left out, and comments are never body. Block elements are paragraphs, <br> a
// newline, table cells are spaced: words never glue together.
#pragma once

#include <string_view>
#include <vector>

#include "documents/document.hpp"

namespace veille::readers {

struct HtmlResult {
    documents::Article article;
    std::vector<documents::Diagnostic> diagnostics;
};

// Reads a page already converted to UTF-8 and sanitised. `path` is only used in diagnostics.
// Never throws on bad markup: HTML has no syntax errors a browser refuses.
HtmlResult read_html(std::string_view utf8, std::string_view path);

}  // namespace veille::readers
