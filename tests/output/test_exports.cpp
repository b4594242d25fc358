// Exports as a specification: CSV a spreadsheet opens right, TSV, JSON Lines, and an HTML
// report in which nothing from a document can run.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "output/export_renderer.hpp"
#include "output/html_report.hpp"

using namespace veille;

namespace {

search::SearchResults sample() {
    search::SearchResults r;
    r.query = "sécurité";
    r.total = 2;
    search::Hit a;
    a.rank = 1;
    a.id = "a1";
    a.title = "Sécurité, \"vraiment\" ?";
    a.date = "2025-11-06";
    a.source = "Journal";
    a.entities = {{"Mali", "pays", 3}, {"Russie", "pays", 1}};
    a.snippet.text = "la sécurité\ndes populations";
    a.snippet.highlights = {{3, 13}};  // "sécurité": 10 bytes
    a.path = "/a.txt";
    a.url = "https://exemple.org/a";
    search::Hit c;
    c.rank = 2;
    c.kind = documents::Kind::Comment;
    c.id = "a1-c1";
    c.title = "<script>alert(1)</script>";
    c.snippet.text = "texte\t\x1b[31mrouge";
    c.url = "javascript:alert(1)";
    r.hits = {a, c};
    return r;
}

// A small RFC 4180 reader, enough to read back what we wrote.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') quoted = true;
        else if (c == ',') rows.back().push_back(field), field.clear();
        else if (c == '\r') continue;
        else if (c == '\n') rows.back().push_back(field), field.clear(), rows.emplace_back();
        else field += c;
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exports)

BOOST_AUTO_TEST_CASE(csv_reads_back_field_for_field) {
    std::ostringstream out;
    output::render_export(out, sample(), {output::ExportFormat::Csv, true});
    const std::string s = out.str();
    BOOST_TEST(s.rfind("\xEF\xBB\xBF", 0) == 0u);  // the BOM Excel needs for UTF-8
    auto rows = parse_csv(s.substr(3));
    BOOST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[0][0] == "rank");
    BOOST_TEST(rows[1][2] == "Sécurité, \"vraiment\" ?");
    BOOST_TEST(rows[1][5] == "Mali; Russie");
    BOOST_TEST(rows[1][6] == "la sécurité\ndes populations");
    BOOST_TEST(rows[2][1] == "comment");
    BOOST_TEST(s.find('\x1b') == std::string::npos);
    for (const auto& row : rows) BOOST_TEST(row.size() == rows[0].size());
}

BOOST_AUTO_TEST_CASE(tsv_and_jsonl) {
    std::ostringstream tsv;
    output::render_export(tsv, sample(), {output::ExportFormat::Tsv, false});
    std::istringstream lines(tsv.str());
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
        ++n;
        BOOST_TEST(std::count(line.begin(), line.end(), '\t') == 10);
    }
    BOOST_TEST(n == 3);
    std::ostringstream jsonl;
    output::render_export(jsonl, sample(), {output::ExportFormat::Jsonl, false});
    std::istringstream jl(jsonl.str());
    n = 0;
    while (std::getline(jl, line)) {
        auto j = nlohmann::json::parse(line);
        BOOST_TEST(j.contains("id"));
        ++n;
    }
    BOOST_TEST(n == 2);
}

BOOST_AUTO_TEST_CASE(the_html_report_escapes_everything_from_documents) {
    output::ReportData report;
    report.results = sample();
    report.results.facets.computed = true;
    report.results.facets.entities = {{"<b>Mali</b>", "pays", 2}};
    report.series = {{"Mali", {{"2025-10", 1}, {"2025-11", 2}}}};
    std::ostringstream out;
    output::render_html_report(out, report);
    const std::string html = out.str();
    BOOST_TEST(html.find("<script>") == std::string::npos);
    BOOST_TEST(html.find("&lt;script&gt;") != std::string::npos);
    BOOST_TEST(html.find("&lt;b&gt;Mali") != std::string::npos);
    BOOST_TEST(html.find("href=\"javascript:") == std::string::npos);
    BOOST_TEST(html.find("href=\"https://exemple.org/a\"") != std::string::npos);
    BOOST_TEST(html.find("<mark>sécurité</mark>") != std::string::npos);
    BOOST_TEST(html.find("<svg") != std::string::npos);
    BOOST_TEST(html.find("http://www.w3.org/2000/svg") != std::string::npos);
    BOOST_TEST(html.find("résultats partiels") == std::string::npos);  // every hit has every word
    // Self-contained: nothing fetched from anywhere.
    BOOST_TEST(html.find("src=") == std::string::npos);
    BOOST_TEST(html.find("<link") == std::string::npos);
}

// A partial match says what it lacks, as on the terminal; reprints say where else they ran.
BOOST_AUTO_TEST_CASE(the_html_report_marks_partial_matches_and_reprints) {
    output::ReportData report;
    report.results = sample();
    report.results.total = 3;
    report.results.groups = 1;
    report.results.partial_total = 1;
    report.results.hits[0].duplicates = 2;
    report.results.hits[0].duplicate_sources = {"Le Sahel", "<b>Agence</b>"};
    report.results.hits[1].partial = true;
    report.results.hits[1].missing = {"pourquoi", "<i>"};
    std::ostringstream out;
    output::render_html_report(out, report);
    const std::string html = out.str();
    // The figures of the terminal's header: documents, reprints grouped, partial matches.
    BOOST_TEST(html.find("3 résultats avec tous les mots (1 sans les reprises), puis 1 résultat partiel") !=
               std::string::npos);
    BOOST_TEST(html.find("sans : pourquoi, &lt;i&gt;") != std::string::npos);
    BOOST_TEST(html.find("+ 2 autres sources : Le Sahel, &lt;b&gt;Agence&lt;/b&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
