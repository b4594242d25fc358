#include "output/export_renderer.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "output/json_renderer.hpp"
#include "text/utf8.hpp"

namespace veille::output {

namespace {

std::string csv_field(const std::string& raw) {
    const std::string s = text::strip_terminal_controls(raw);
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string tsv_field(const std::string& raw) {
    std::string s = text::strip_terminal_controls(raw);
    for (char& c : s)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
}

std::string entities_of(const search::Hit& h) {
    std::string out;
    for (const auto& e : h.entities) {
        if (!out.empty()) out += "; ";
        out += e.name;
    }
    return out;
}

std::string score_of(double score) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", score);
    return buf;
}

}  // namespace

void render_export(std::ostream& out, const search::SearchResults& results, const ExportOptions& options) {
    if (options.bom && options.format != ExportFormat::Jsonl) out << "\xEF\xBB\xBF";
    if (options.format == ExportFormat::Jsonl) {
        const auto doc = to_json(results);
        for (const auto& hit : doc["hits"])
            out << hit.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return;
    }
    const bool csv = options.format == ExportFormat::Csv;
    const char* sep = csv ? "," : "\t";
    const char* eol = csv ? "\r\n" : "\n";
    auto row = [&](const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) out << sep;
            out << (csv ? csv_field(fields[i]) : tsv_field(fields[i]));
        }
        out << eol;
    };
    row({"rank", "kind", "title", "date", "source", "entities", "snippet", "path", "url", "id", "score"});
    for (const auto& h : results.hits) {
        std::string kind = documents::kind_name(h.kind);
        row({std::to_string(h.rank), kind, h.title, h.date, h.source, entities_of(h), h.snippet.text, h.path,
             h.url, h.id, score_of(h.score)});
    }
}

}  // namespace veille::output
