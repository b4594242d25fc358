// The seed format: plain text copied from a WordPress news page.
//
//   [---                      optional front matter: title, date, url, source, author
//    key: value
//    ---]
//   Title line
//
//   Body paragraphs and section headings...
//
//   9 réflexions au sujet de “Title”        comment section header (site chrome)
//     1. @Obélix                           numbered top-level comment
//       text...
//       Répondre                           end of a comment (site chrome)
//       •  reply text...                   a reply to the comment above
//         Répondre
//   Laisser un commentaire                 end of the thread (site chrome)
//
// A file without the comment section is a plain article (title + body).
//
// Decisions the format leaves open:
// - A `title:` in the front matter replaces the title line: the whole text after the front
//   matter is then body. Without one, the first non-blank line is the title (unless it is
//   longer than a title can be: then there is no title, a warning, and it is body).
// - The header is "N réflexions au sujet de “…”", "Une réflexion au sujet de "…"",
//   "N commentaires", "N commentaires sur « … »" (straight or curly quotes, any indentation).
//   It only counts when a numbered comment or the comment form follows it, and its N is not
//   checked (WordPress counts comments that are not on the page).
// - Comment::number is the position in reading order (the seed's reply is #7, parent 6),
//   not the page's "N." label. A "N." line starts a new top-level comment after a
//   "Répondre" line, or when it is the next label at the thread's indentation; elsewhere it
//   is text (a list inside a comment).
// - A "•" line after a "Répondre" starts a reply; its parent is the nearest comment above
//   that is less indented, so deeper bullets are replies to replies. The bullet, the spaces
//   after it (U+00A0, U+202F too) and a "»" that opens the line are chrome.
// - "@Obélix" is kept in the comment text (so the name is searchable) and recorded in
//   Comment::mentions; "Obelix" without '@' and e-mail addresses are not mentions.
// - Text is trimmed line by line; paragraphs are separated by exactly one blank line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "documents/document.hpp"

namespace veille::readers {

struct SeedTextResult {
    documents::Article article;
    std::vector<documents::Diagnostic> diagnostics;
};

// "@Obélix", "@BLOB": the names a comment addresses, in order, each once. An '@' inside a
// word (an e-mail address) is not a mention. Shared by every reader that reads comments.
std::vector<std::string> find_mentions(std::string_view text);

// Parses sanitised text (see text::sanitize). `path` is only used in diagnostics.
SeedTextResult read_seed_text(std::string_view text, std::string_view path);

}  // namespace veille::readers
