// How an article is named from another file. A post's comment feed, or an export that keeps
// comments apart from articles, names the article its comments belong to by its address or by
// its record id; the article itself may be in any file, read before or after, or in none.
// Both sides reduce the name to one link key, so that the index can join them whatever the
// order of files (indexing/document_builder writes the keys, search/thread_reader joins).
#pragma once

#include <string>
#include <string_view>

namespace veille::documents {

struct ArticleName {
    enum class By { Url, RecordId };
    By by = By::Url;
    std::string value;  // the address, or the record id, as the file writes it
};

// The form under which two names of one article are equal:
// - an address loses what does not tell articles apart: its scheme, "www.", the host's case,
//   the fragment, a trailing slash, WordPress's "comment-page-N/" and the utm_ tracking
//   parameters feed plugins add ("https://www.X.fr/mali/?utm_source=rss#comments" and
//   "http://x.fr/mali" give "url:x.fr/mali");
// - a record id is kept as it is ("id:a1").
// Empty for an empty name.
std::string link_key(const ArticleName& name);

// The address of the article a comment's link points into, as written otherwise:
// "https://x.fr/mali/comment-page-2/#comment-9" -> "https://x.fr/mali/".
std::string article_address(std::string_view link);

// link_key of an address ("" for "").
std::string url_link_key(std::string_view url);

}  // namespace veille::documents
