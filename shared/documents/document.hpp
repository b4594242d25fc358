// The document model: what readers produce and the indexer stores, one Xapian document per
// article and per comment.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "documents/article_link.hpp"

namespace veille::documents {

enum class Kind { Article, Comment };

// "article" / "comment": the spelling used in the index, in JSON and on the command line.
const char* kind_name(Kind kind);

// Metadata an article can carry (front matter, or the source format's own fields). Empty
// strings mean unknown. Dates are ISO 8601 ("2025-11-06"), never guessed from the file's mtime.
struct Metadata {
    std::string date;
    std::string url;
    std::string source;
    std::string author;
};

struct Comment {
    int number = 0;                 // 1-based position in the thread, in reading order
    std::optional<int> parent;      // number of the comment this one replies to
    std::string author;             // when the format names it
    std::string date;               // as the format writes it (ISO 8601, or a French date such as
                                    // "le 7 mai 2020" that dates::parse_french_date reads), else empty
    std::string text;               // the comment's own words, site chrome removed
    std::vector<std::string> mentions;  // "@Obélix" -> "Obélix": who is addressed
};

// A thread in reading order; a reply always comes after its parent.
using CommentThread = std::vector<Comment>;

struct Article {
    std::string title;
    std::string body;       // paragraphs separated by blank lines, headings kept as lines
    Metadata meta;
    CommentThread comments;
    std::size_t first_line = 1;  // where the article starts in its file (several per JSONL file)
    // What tells this article from the others of its file, stable when the rest of the file
    // changes (a JSON Lines record id, "#3" for the third article without one); empty for
    // formats with one article per file. The index derives the article's id from it.
    std::string key;
    // The id an export gives the article (a JSON Lines record's "id"), by which comments kept
    // in other files may name it; empty when the format has none.
    std::string record_id;
    // Set when the article is known only by the name its comments give it (a post's comment
    // feed, comments exported without their article). Such a stand-in is no document of the
    // index: its comments are stored with that name (its link_key), and threads and hits
    // join them to the article answering to it, from whatever file, whenever it is indexed.
    std::optional<ArticleName> stands_in_for;
};

enum class Severity { Warning, Error };

// Something a reader noticed: reported with the file (and line) and never fatal for the run.
struct Diagnostic {
    Severity severity = Severity::Warning;
    std::string path;
    std::size_t line = 0;  // 0 when it concerns the whole file
    std::string message;

    // "path:line: message" (or "path: message").
    std::string to_string() const;
};

}  // namespace veille::documents
