// Joins comments kept apart from their article to it. A post's comment feed, or an export of
// comments, may be indexed before, after or without the article they belong to; their
// documents carry the name their file gives that article (Term::LinkedTo, a
// documents::link_key) and every article carries the names it answers to (Term::Link). The
// join is made when reading, not when indexing, so it holds whatever the order of files, in
// shards, and when either side is re-indexed or removed.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veille::search {

// The article a stand-in's comments name by `link_key`, when the index holds one:
// - an address may be held by several articles (the post's page and the item of the site's
//   feed): the one with the most text is taken, the smallest id on a tie;
// - a record id is only taken when one article alone has it (two exports may both number
//   their articles from 1).
std::optional<Xapian::docid> linked_article(const Xapian::Database& db, std::string_view link_key);

// The documents of comments that name an article by any of `link_keys` (its Term::Link
// keys), in document order.
std::vector<Xapian::docid> comments_linked_to(const Xapian::Database& db,
                                              const std::vector<std::string>& link_keys);

}  // namespace veille::search
