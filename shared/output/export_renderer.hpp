// Exports for spreadsheets and pipelines: CSV and TSV (one row per hit) and JSON Lines
// (one hit object per line, the same object as in --json).
#pragma once

#include <ostream>

#include "search/hit.hpp"

namespace veille::output {

enum class ExportFormat { Csv, Tsv, Jsonl };

struct ExportOptions {
    ExportFormat format = ExportFormat::Csv;
    bool bom = false;  // a UTF-8 BOM first, so Excel reads the accents right
};

// CSV: RFC 4180 (comma, CRLF line ends, fields quoted when they hold a comma, quote or line
// break, quotes doubled) with a header row: rank, kind, title, date, source, entities,
// snippet, path, url, id, score. TSV: the same columns, tabs and line breaks inside fields
// become spaces. Text from documents is stripped of control characters.
void render_export(std::ostream& out, const search::SearchResults& results, const ExportOptions& options);

}  // namespace veille::output
