#include "output/html_report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "output/hit_notes.hpp"
#include "output/result_counts.hpp"
#include "text/utf8.hpp"
#include <chrono>
#include <ctime>

namespace veille::output {

namespace {

// Eight colours that stay distinct for the common colour-vision deficiencies (Okabe-Ito).
constexpr const char* kColours[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                    "#56B4E9", "#D55E00", "#F0E442", "#000000"};

std::string now_utc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

std::string snippet_html(const snippets::Snippet& s) {
    std::string out;
    std::size_t at = 0;
    for (auto [b, e] : s.highlights) {
        if (b < at || e > s.text.size() || b >= e) continue;
        out += html_escape(std::string_view(s.text).substr(at, b - at));
        out += "<mark>" + html_escape(std::string_view(s.text).substr(b, e - b)) + "</mark>";
        at = e;
    }
    out += html_escape(std::string_view(s.text).substr(std::min(at, s.text.size())));
    if (s.starts_mid_text) out = "… " + out;
    if (s.ends_mid_text) out += " …";
    return out;
}

// Only http(s) links are written as links: a document's "javascript:" URL stays text.
bool safe_url(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

void chart(std::ostream& out, const std::vector<EntitySeries>& series) {
    std::set<std::string> month_set;
    std::uint64_t max = 1;
    for (const auto& s : series)
        for (const auto& b : s.months) {
            month_set.insert(b.bucket);
            max = std::max(max, b.count);
        }
    if (month_set.empty()) {
        out << "<p>Aucune date connue parmi les résultats.</p>\n";
        return;
    }
    const std::vector<std::string> months(month_set.begin(), month_set.end());
    const int width = 760, height = 260, left = 40, bottom = 40, top = 10;
    const int plot_w = width - left - 10, plot_h = height - top - bottom;
    auto x = [&](std::size_t i) {
        return left + (months.size() == 1 ? plot_w / 2 : static_cast<int>(i * plot_w / (months.size() - 1)));
    };
    auto y = [&](std::uint64_t c) { return top + plot_h - static_cast<int>(c * plot_h / max); };
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
        << "\" role=\"img\" aria-label=\"Résultats par mois pour les principales entités\">\n";
    out << "<line x1=\"" << left << "\" y1=\"" << top + plot_h << "\" x2=\"" << width - 10 << "\" y2=\""
        << top + plot_h << "\" stroke=\"#888\"/>\n";
    out << "<text x=\"4\" y=\"" << top + 10 << "\" font-size=\"11\">" << max << "</text>\n";
    const std::size_t step = std::max<std::size_t>(1, months.size() / 8);
    for (std::size_t i = 0; i < months.size(); i += step)
        out << "<text x=\"" << x(i) << "\" y=\"" << height - 20 << "\" font-size=\"11\" text-anchor=\"middle\">"
            << html_escape(months[i]) << "</text>\n";
    for (std::size_t k = 0; k < series.size(); ++k) {
        std::map<std::string, std::uint64_t> by_month;
        for (const auto& b : series[k].months) by_month[b.bucket] = b.count;
        std::string points;
        for (std::size_t i = 0; i < months.size(); ++i) {
            auto it = by_month.find(months[i]);
            points += std::to_string(x(i)) + "," + std::to_string(y(it == by_month.end() ? 0 : it->second)) + " ";
        }
        const char* colour = kColours[k % 8];
        out << "<polyline fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\" points=\"" << points
            << "\"/>\n";
        out << "<rect x=\"" << left + 10 + static_cast<int>(k) * 140 << "\" y=\"" << height - 12
            << "\" width=\"10\" height=\"10\" fill=\"" << colour << "\"/><text x=\""
            << left + 24 + static_cast<int>(k) * 140 << "\" y=\"" << height - 3 << "\" font-size=\"11\">"
            << html_escape(series[k].entity) << "</text>\n";
    }
    out << "</svg>\n";
}

}  // namespace

std::string html_escape(std::string_view raw) {
    const std::string s = text::strip_terminal_controls(raw);
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

ReportData build_report(search::Searcher& searcher, search::SearchOptions options, std::size_t entities) {
    ReportData report;
    options.facets = true;
    report.results = searcher.search(options);
    report.generated_at = now_utc();
    if (!options.query.empty()) report.filters.push_back("requête : " + options.query);
    if (options.kind) report.filters.push_back(std::string("type : ") + documents::kind_name(*options.kind));
    for (const auto& e : options.entities) report.filters.push_back("entité : " + e);
    if (!options.since.empty()) report.filters.push_back("depuis : " + options.since);
    if (!options.until.empty()) report.filters.push_back("jusqu’au : " + options.until);
    // Per-month counts of each top entity: the same search filtered on the entity, its
    // dates counted by day and folded into months here (whatever span the facet chose).
    for (std::size_t i = 0; i < report.results.facets.entities.size() && i < entities; ++i) {
        const auto& e = report.results.facets.entities[i];
        search::SearchOptions one = options;
        one.limit = 0;
        one.entities.push_back(e.name);
        EntitySeries s{e.name, {}};
        std::map<std::string, std::uint64_t> months;
        auto r = searcher.search(one);
        for (const auto& b : r.facets.dates) {
            if (b.bucket.size() == 7) months[b.bucket] += b.count;  // monthly facet
            else months[b.bucket + "-01"] += b.count;                // yearly: first month of the year
        }
        for (const auto& [m, c] : months) s.months.push_back({m, c});
        report.series.push_back(std::move(s));
    }
    return report;
}

void render_html_report(std::ostream& out, const ReportData& report) {
    const auto& r = report.results;
    out << "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        << "<title>Veille — " << html_escape(r.query) << "</title>\n<style>\n"
        << "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\n"
        << "h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}\n"
        << "mark{background:#ffe58a;padding:0 .1em}.meta{color:#666;font-size:.85em}\n"
        << "ol.hits li{margin-bottom:1.2em}table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:left}\n"
        << "td.n{text-align:right}.kind{font-size:.8em;background:#eef;padding:0 .4em;border-radius:3px}\n"
        << ".partial{color:#a15c00;font-size:.85em}\n"
        << "</style>\n</head>\n<body>\n";
    out << "<h1>Veille : « " << html_escape(r.query) << " »</h1>\n";
    out << "<p class=\"meta\">" << html_escape(results_line(r, Lang::Fr, "")) << " — rapport du "
        << html_escape(report.generated_at) << "</p>\n";
    if (!report.filters.empty()) {
        out << "<ul class=\"meta\">\n";
        for (const auto& f : report.filters) out << "<li>" << html_escape(f) << "</li>\n";
        out << "</ul>\n";
    }
    out << "<h2>Résultats</h2>\n<ol class=\"hits\">\n";
    for (const auto& h : r.hits) {
        out << "<li><span class=\"kind\">"
            << (h.kind == documents::Kind::Comment ? "commentaire" : "article") << "</span> ";
        const std::string title = h.title.empty() ? "(sans titre)" : h.title;
        if (safe_url(h.url))
            out << "<a href=\"" << html_escape(h.url) << "\">" << html_escape(title) << "</a>";
        else
            out << "<strong>" << html_escape(title) << "</strong>";
        out << "<div class=\"meta\">" << html_escape(h.date.empty() ? "date inconnue" : h.date);
        if (!h.source.empty()) out << " — " << html_escape(h.source);
        out << " — " << html_escape(h.path) << "</div>\n";
        // As on the terminal: what a partial match lacks, and the reprints folded into it.
        if (auto missing = missing_note(Lang::Fr, h))
            out << "<div class=\"partial\">" << html_escape(*missing) << "</div>\n";
        if (auto reprints = duplicates_note(Lang::Fr, h))
            out << "<div class=\"meta\">" << html_escape(*reprints) << "</div>\n";
        out << "<p>" << snippet_html(h.snippet) << "</p></li>\n";
    }
    out << "</ol>\n";
    const auto& f = r.facets;
    if (f.computed) {
        out << "<h2>Entités</h2>\n<table>\n<tr><th>entité</th><th>type</th><th>documents</th></tr>\n";
        for (const auto& e : f.entities)
            out << "<tr><td>" << html_escape(e.name) << "</td><td>" << html_escape(e.type) << "</td><td class=\"n\">"
                << e.count << "</td></tr>\n";
        out << "</table>\n<h2>Articles et commentaires</h2>\n<table>\n";
        for (const auto& k : f.kinds)
            out << "<tr><td>" << (k.bucket == "comment" ? "commentaires" : "articles") << "</td><td class=\"n\">"
                << k.count << "</td></tr>\n";
        out << "</table>\n<h2>Dates</h2>\n<table>\n";
        for (const auto& b : f.dates)
            out << "<tr><td>" << html_escape(b.bucket) << "</td><td class=\"n\">" << b.count << "</td></tr>\n";
        if (f.undated) out << "<tr><td>date inconnue</td><td class=\"n\">" << f.undated << "</td></tr>\n";
        out << "</table>\n";
    }
    out << "<h2>Par mois, pour les principales entités</h2>\n";
    chart(out, report.series);
    out << "</body>\n</html>\n";
}

}  // namespace veille::output
