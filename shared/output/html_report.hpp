// A report people can share: one self-contained HTML file (no network, no external asset)
// with the query, its filters, the ranked hits with highlighted snippets and links to their
// sources, the facet tables, and an SVG chart of matches per month for the top entities.
// Everything taken from documents is escaped: a saved page's markup never runs.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "search/searcher.hpp"

namespace veille::output {

struct EntitySeries {
    std::string entity;
    std::vector<search::FacetBucket> months;  // "YYYY-MM" -> matches naming the entity
};

struct ReportData {
    search::SearchResults results;  // hits and facets
    std::vector<std::string> filters;  // human descriptions of the options in force
    std::vector<EntitySeries> series;
    std::string generated_at;
};

// Runs the search (with facets) and, for the top `entities` entities, a per-month count.
ReportData build_report(search::Searcher& searcher, search::SearchOptions options, std::size_t entities = 5);

void render_html_report(std::ostream& out, const ReportData& report);

// HTML-escapes text (& < > " ') after removing control characters.
std::string html_escape(std::string_view text);

}  // namespace veille::output
