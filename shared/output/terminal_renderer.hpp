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

// The header, the hits, then the facets when they were computed.
void render_text(std::ostream& out, const search::SearchResults& results,
                 const TerminalStyle& style);

// Entity, type and date facets; the date facet as a bar chart, one row per month or year.
void render_facets(std::ostream& out, const search::Facets& facets, const TerminalStyle& style);

}  // namespace veille::output
