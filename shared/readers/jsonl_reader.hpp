// JSON Lines exports (*.jsonl, *.ndjson, *.jl): one record per line, articles and their
// comments in any order.
//
//   {"id": "a1", "type": "article", "title": "…", "text": "…", "date": "2025-11-06",
//    "url": "…", "source": "…", "author": "…"}
//   {"id": "c1", "type": "comment", "article_id": "a1", "text": "…", "author": "…", "date": "…"}
//   {"id": "c2", "type": "comment", "article_id": "a1", "parent_id": "c1", "text": "…"}
//
// Decisions:
// - "text" or "body" is the text ("text" wins when both are there); unknown fields are
//   ignored; "id", "article_id" and "parent_id" may be strings or integers. Without "type",
//   a record with an "article_id" is a comment, any other an article.
// - Each article keeps its record "id" as Article::key, so its index id stays the same when
//   other lines of the file change. An article without "id" is keyed by its position among
//   the file's articles ("#3").
// - A comment may come before or after its article. A thread is in reading order: top-level
//   comments in file order, each followed by its replies (recursively, in file order), so a
//   reply always comes after the comment it answers, and Comment::number is that position.
// - A comment whose parent_id names no comment of its article is a top-level comment (warning);
//   a cycle of parents is broken the same way.
// - A comment whose article never appears in the file is not lost: its comments are kept
//   under a stand-in article (Article::stands_in_for) named by that article_id (warning);
//   the index joins them to the article of that record id, from whatever file or later
//   version of this one carries it.
// - Reported and skipped, with "file:line: reason": a line that is not JSON or not an
//   object, an unknown "type", a comment without "article_id", a record without any text or
//   title, a second record with an "id" already seen (the first one is kept).
// - Blank lines are ignored; CRLF line ends and a leading byte order mark are accepted;
//   invalid UTF-8 is replaced with U+FFFD (one warning per line); every text field is
//   sanitised like file text (controls removed, NFC).
#pragma once

#include <string_view>
#include <vector>

#include "documents/document.hpp"

namespace veille::readers {

struct JsonlResult {
    std::vector<documents::Article> articles;  // in the order their first record appears
    std::vector<documents::Diagnostic> diagnostics;
    std::size_t records = 0;  // lines read as records (articles and comments)
};

// `bytes` is the raw file (not sanitised: sanitising would turn a U+2028 inside a JSON string
// into a line break). `path` is only used in diagnostics.
JsonlResult read_jsonl(std::string_view bytes, std::string_view path);

}  // namespace veille::readers
