// Reader comments of a saved page: the comment markups of WordPress, SPIP, Drupal and the
// custom themes of French news sites, found by the class names they share.
//
// A comment is an <li>, <article>, <div> or <section> whose class is "comment" (WordPress
// li.comment, SPIP li.forum-fil.comment, Drupal div.comment, Le Figaro article.comment), or
// "commentaire", "comment-item", "comment-card", "comment-entry", "comment-box", "…-comment-card"
// (mesopinions), or that says it is one (typeof/itemtype "…Comment"). Inside it:
// - text: the first .comment-content / .comment-text / .comment-texte / .comment-story /
//   .comment-body / [itemprop=text|commentText|reviewBody] element, else .content / .text,
//   else the whole comment; reply links, author, date, avatars, like/alert buttons and
//   moderation links are left out; a comment title (.titre, .comment-title) opens the text;
// - author: .fn (.comment-author .fn, cite.fn, strong.fn), [itemprop=author] [itemprop=name],
//   .comment-author, .author, .author-name, .username, .pseudo, else the bold name in the
//   comment's meta line ("Par Bruno Gobin, le …", "Muriel - Le 22/01/2020 à 12:01");
// - date: time[datetime], [itemprop=datePublished], an ISO date in a title attribute
//   (abbr.date, .value-title), .comment-date / .date text, else the meta line after the name;
//   written as found ("2019-12-10T18:24:56Z", "le mercredi 15 mai 2019") for the indexer's
//   French date parser;
// - parent: the nearest enclosing comment (ul.children in WordPress, a nested <ul> in SPIP).
//   An element nested in a comment with no list of replies between them is the same comment
//   (a theme's li#li-comment-N > article#comment-N.comment): it stands for it, replies and all.
// WordPress's own markup is covered in every form wp_list_comments writes it (style ol, ul or
// div; format html5 or xhtml; ids comment-N and li-comment-N); its pingbacks and trackbacks
// (li.pingback, li.trackback) are no readers' comments and are left out.
// Numbers follow reading order, so a reply always comes after the comment it answers.
// Comments inside asides and widgets ("recent comments" lists of other articles) are not
// this page's comments; a comment with no text is dropped and its replies go to its parent.
#pragma once

#include <gumbo.h>

#include <unordered_set>

#include "documents/document.hpp"

namespace veille::readers::html {

struct CommentExtraction {
    documents::CommentThread thread;
    // Comment elements: never body.
    std::unordered_set<const GumboNode*> excluded;
    // Comment sections (list, form, "N commentaires" header, "Poster un commentaire"): not body
    // either, unless a page wraps its whole article in one.
    std::unordered_set<const GumboNode*> sections;
    // Pingbacks and trackbacks left out of the thread (and of the body).
    std::size_t pings = 0;
};

CommentExtraction extract_comments(const GumboNode* root);

// True for the class/id tokens of a page's comment section or comment form ("comments",
// "comment-list", "commentlist", "bloc-comments", "respond", "comment-form", "disqus_thread", ...).
bool is_comment_section_token(const std::string& token);

}  // namespace veille::readers::html
