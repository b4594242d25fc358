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
#pragma once

#include <string_view>
#include <vector>

#include "documents/document.hpp"

namespace veille::readers {

struct SeedTextResult {
    documents::Article article;
    std::vector<documents::Diagnostic> diagnostics;
};

// Parses sanitised text (see text::sanitize). `path` is only used in diagnostics.
SeedTextResult read_seed_text(std::string_view text, std::string_view path);

}  // namespace veille::readers
