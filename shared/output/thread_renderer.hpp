// The whole-article view of the interactive `:show N`: the article with every match
// highlighted, its date, source and entities, then its comment thread as a tree (replies
// indented under the comment they answer, numbered #N as in the hits).
#pragma once

#include <optional>
#include <ostream>

#include "output/terminal_renderer.hpp"
#include "search/thread_reader.hpp"
#include "snippets/snippet_builder.hpp"

namespace veille::output {

// `highlighter` lights up the query's words everywhere (nullptr: nothing lit); `focus` is
// the number of the comment that was the hit, marked in the thread.
void render_thread(std::ostream& out, const search::Thread& thread,
                   const snippets::SnippetBuilder* highlighter, std::optional<int> focus,
                   const TerminalStyle& style);

}  // namespace veille::output
