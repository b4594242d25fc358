// Reading the index beyond ranked hits, for the interactive prompt: a whole article with its
// comment thread (`:show`), the entity names present in the index (Tab completion), the
// span of dated years, and the words of a query to light up in a whole text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.hpp"
#include "documents/document.hpp"
#include "search/hit.hpp"
#include "snippets/snippet_builder.hpp"

namespace veille::search {

// One document as stored in the index: what a hit shows, plus its whole text.
struct StoredDocument {
    documents::Kind kind = documents::Kind::Article;
    std::string id;
    std::string title;       // a comment carries its article's
    std::string article_id;
    std::string parent_id;
    std::optional<int> comment_number;
    std::optional<int> parent_number;
    std::string path;
    std::string date;        // ISO 8601 or empty
    bool date_inherited = false;
    std::string url;
    std::string source;
    std::string author;
    std::vector<std::string> mentions;
    std::vector<HitEntity> entities;
    std::string text;        // the article body, or the comment's own words
    std::string linked_to;   // a stand-in's comment: the link key of its article (article_links.hpp)
};

// An article and every comment under it, by comment number (a reply always comes after the
// comment it answers).
struct Thread {
    StoredDocument article;
    bool article_stored = true;  // false: only comments were found (the article is shown
                                 // with what they know of it)
    std::vector<StoredDocument> comments;
};

// The article with this id and all its comments, as ThreadReader::thread gives it, read from
// `db` as it is (no retry when a writer moves it on).
std::optional<Thread> read_thread(const Xapian::Database& db, std::string_view article_id);

// The comment of `thread` that is the document `id`, else one with the same words (a comment
// the thread holds twice, from the page and from the post's comment feed, is listed once).
const StoredDocument* comment_in(const Thread& thread, std::string_view id, std::string_view text);

// An entity the index holds, for completion.
struct EntityName {
    std::string name;          // display name: the gazetteer's canonical name, or as written
    std::string key;           // the folded key the index stores ("etat islamique")
    std::uint64_t documents = 0;
};

class ThreadReader {
public:
    // Opens the index read-only; throws IndexError (as Searcher does) when it cannot.
    explicit ThreadReader(const std::filesystem::path& db);
    ~ThreadReader();
    ThreadReader(ThreadReader&&) noexcept;

    // Moves to the index's latest commit; true when it changed since the last call (a
    // veille-index ran meanwhile).
    bool refresh();

    std::uint64_t document_count() const;

    // The article with this id and all its comments, those other files hold included (a
    // post's comment feed: see article_links.hpp), by number; nullopt when the index has no
    // document of that article. The id of a stand-in's comments gives the same thread.
    std::optional<Thread> thread(std::string_view article_id);

    // Entities present in the index whose canonical name, key or any gazetteer form starts
    // with `typed`, ignoring case, accents and elisions ("eta" and "État is" find État
    // islamique, "daech" too): the most documents first, at most `limit`.
    std::vector<EntityName> entities_starting_with(std::string_view typed, std::size_t limit);

    // The canonical name of the entity a user means ("daech" -> "État islamique"), when the
    // gazetteer or the index knows it.
    std::optional<std::string> canonical_entity(std::string_view name);

    // The first and last years of the dated documents; nullopt when none is dated.
    std::optional<std::pair<int, int>> year_span() const;

    // The words a query lights up, read by the same query builder as the search.
    snippets::HighlightTerms highlight_terms(std::string_view query) const;

    const analysis::FrenchAnalyzer& analyzer() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace veille::search
