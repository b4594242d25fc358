// Human-readable results for a terminal or a pipe.
#pragma once

#include <ostream>

#include "output/messages.hpp"
#include "search/hit.hpp"

namespace veille::output {

struct TerminalStyle {
    bool colour = false;  // ANSI colour/bold for highlights and headers
    std::size_t width = 100;  // wrap snippets to this many columns
    Lang lang = Lang::Fr;     // the language of the fixed strings
};

// colour on when `fd` is a terminal and NO_COLOR is unset or empty; width from the terminal;
// language from the locale (LC_ALL, LC_MESSAGES, LANG).
TerminalStyle detect_terminal_style(int fd);

// The header, the hits, then the facets when they were computed.
void render_text(std::ostream& out, const search::SearchResults& results,
                 const TerminalStyle& style);

// The header ("12 résultats pour « … »"), the warnings and the hits: one page, no facets.
void render_hits(std::ostream& out, const search::SearchResults& results,
                 const TerminalStyle& style);

// Entity, type and date facets; the date facet as a bar chart, one row per month or year.
// Entities left out of the list (--facet-limit) are counted: "… 57 de plus".
void render_facets(std::ostream& out, const search::Facets& facets, const TerminalStyle& style);

// The facets in one line that fits the width: the top entities (as many as fit, then "· …"
// when some are left out, "· … 12 de plus" when that fits), articles vs comments, the date span:
// "Entités : Mali 5 · Russie 4 │ 1 article, 7 commentaires │ 2025-11". Nothing when the
// facets were not computed.
void render_facet_summary(std::ostream& out, const search::Facets& facets,
                          const TerminalStyle& style);

// One facet as a full table: the entities listed (name, type, count, one per line; when they
// are a page of those counted, the header says which: "Entités 21 à 40 sur 57", and a last
// line how many follow), the kinds, or the dates as a bar chart.
enum class FacetTable { Entities, Kinds, Dates };
void render_facet_table(std::ostream& out, const search::Facets& facets, FacetTable table,
                        const TerminalStyle& style);

}  // namespace veille::output
