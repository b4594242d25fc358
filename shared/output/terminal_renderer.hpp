// Human-readable results for a terminal or a pipe.
#pragma once

#include <ostream>

#include "search/hit.hpp"

namespace veille::output {

struct TerminalStyle {
    bool colour = false;  // ANSI colour/bold for highlights and headers
    std::size_t width = 100;  // wrap snippets to this many columns
};

// colour on when `fd` is a terminal and NO_COLOR is unset or empty; width from the terminal.
TerminalStyle detect_terminal_style(int fd);

void render_text(std::ostream& out, const search::SearchResults& results,
                 const TerminalStyle& style);

}  // namespace veille::output
