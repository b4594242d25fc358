// RSS and Atom feeds (*.rss, *.atom, and *.xml or extension-less files that open like one):
// each item or entry is an article; a WordPress comment feed gives comments of articles.
// Parsed by libxml2 in recovery mode, so that a broken feed gives what can be read.
//
// Articles (RSS 2.0 <item>, RSS 1.0 <item>, Atom <entry>):
// - title: <title> (Atom: type="html"/"xhtml" is read as HTML; RSS titles often carry
//   escaped entities, decoded too);
// - url: RSS <link>, else a <guid> that is a permalink; Atom <link rel="alternate"> (or a
//   link without rel), resolved against xml:base;
// - date: RSS <pubDate> (RFC 822, written as ISO 8601 with its offset: "Thu, 06 Nov 2025
//   14:32:00 +0100" -> "2025-11-06T14:32:00+01:00"), else <dc:date>; Atom <published>, else
//   <updated>, else <dc:date>;
// - author: <dc:creator> (several joined by ", "), RSS <author> ("jean@x.fr (Jean Dupont)"
//   -> "Jean Dupont"), Atom <author><name> (else the feed's author);
// - source: the channel or feed <title>;
// - body: <content:encoded> or Atom <content>, else <description> or <summary>, HTML read
//   as page text is (html_text), whether escaped or in CDATA; Atom type="text" is plain text.
// - Article::key: the item's <guid> or Atom <id>, else its link, else its position among the
//   file's articles ("#3"): an item's index id does not change when other items do.
//
// Comments: an item is a comment when it has <thr:in-reply-to> (RFC 4685: WordPress's Atom
// comment feeds), when its link or guid ends in "#comment-N" (WordPress), or when the channel
// is a post's comment feed ("Commentaires sur : …", "Comments on: …"). Within the file:
// - its article is the item whose link (or guid) is the comment's link without its
//   "#comment-N" fragment and "comment-page-N/" part, or the in-reply-to target, or the
//   channel <link> of a post's comment feed (links compared without a trailing slash and
//   without utm_ tracking parameters);
// - it answers the comment its <thr:in-reply-to ref|href> names (another comment's id or
//   link); otherwise it is a top-level comment;
// - a thread is in reading order: oldest first when every comment is dated (feeds list the
//   newest first), else file order; a reply always comes after the comment it answers.
// Comments whose article is not in the file are kept, not lost: they hang under an untitled
// article keyed and addressed (meta.url) by the article's URL (warning), as JSON Lines does.
//
// Reported, never thrown: malformed XML ("file:line: malformed XML: <libxml2's message>"),
// once, with the number of further errors; what libxml2 recovered is read. A document whose
// root is not <rss>, <feed> or <rdf:RDF> is "not an RSS or Atom feed". An item without title
// or text, a comment without text and a second item with the same guid are skipped (warning).
// HTML named entities that XML does not know (&eacute;, &nbsp;) and bare "&" are read as a
// browser would.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "documents/document.hpp"

namespace veille::readers {

struct FeedResult {
    std::vector<documents::Article> articles;  // in file order; untitled holders of orphan comments last
    std::vector<documents::Diagnostic> diagnostics;
    std::size_t items = 0;  // items and entries read (articles and comments)
};

// `utf8` is the file already converted to UTF-8 and sanitised (its encoding declaration is
// ignored). `path` is only used in diagnostics. Never throws on bad data.
FeedResult read_feed(std::string_view utf8, std::string_view path);

}  // namespace veille::readers
