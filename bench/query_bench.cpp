// veille-bench-queries: query latency in ONE process, the interactive case. Every query of a
// file (one a line) runs through the same search::Searcher the prompt uses, with what the
// prompt asks for: a page of 10 hits with highlighted snippets, and exact facet counts over
// all matches (entities, kinds, dates). Prints the start-up time and per-query latency
// percentiles. Not a test: a figure-printing tool, driven by bench/speed.sh.
//
//   veille-bench-queries --db INDEX [--rounds N] [--startup-runs N] [--per-query]
//                        [--no-facets] [--no-snippets] [--no-collapse] [--exact-up-to N]
//                        [--no-facet-column]
//                        [QUERIES.txt] [-q QUERY]...
//
// Output, one `key value...` line each (easy to read from a script):
//   startup_ms FIRST MEDIAN        gazetteer load + index open: the process's first Searcher,
//                                  then the median of --startup-runs more
//   latency_ms P50 P95 P99 MAX MEAN N  over every query of every round (the first round, which
//                                  warms the page cache and Xapian's tables, is not counted)
//   matches TOTAL                  sum of the queries' totals (a broken index shows as 0)
// With --per-query, one `query MEDIAN_MS TOTAL TEXT` line per query before them.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "search/searcher.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Nearest-rank percentile of an unsorted sample (copied, then sorted).
double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size()) + 0.999999);
    rank = std::clamp<std::size_t>(rank, 1, v.size());
    return v[rank - 1];
}

std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw veille::UsageError("cannot read " + path);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"veille-bench-queries: start-up time and per-query latency in one process"};
    std::string db, queries_path;
    std::vector<std::string> extra;
    int rounds = 3, startup_runs = 5;
    bool per_query = false, no_facets = false, no_snippets = false, no_collapse = false, no_column = false;
    app.add_option("--db", db, "Index (a folder or a stub file listing shards)")->required();
    app.add_option("queries", queries_path, "File of queries, one a line");
    app.add_option("-q,--query", extra, "A query (repeatable), after those of the file");
    app.add_option("--rounds", rounds, "Timed rounds over all the queries, after one warm-up round")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--startup-runs", startup_runs, "Searchers opened to time the start-up")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_flag("--per-query", per_query, "Print each query's median latency and total");
    app.add_flag("--no-facets", no_facets, "Do not count facets (the total is exact up to --exact-up-to)");
    app.add_flag("--no-snippets", no_snippets, "Do not build snippets");
    app.add_flag("--no-collapse", no_collapse, "Show near-duplicates as hits of their own");
    app.add_flag("--no-facet-column", no_column,
                 "Count facets from Xapian's value slots, not the index's facet column (as over remote shards)");
    std::uint32_t exact_up_to = veille::search::SearchOptions{}.exact_up_to;
    app.add_option("--exact-up-to", exact_up_to, "Without facets: count matches exactly up to N")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    try {
        std::vector<std::string> queries;
        if (!queries_path.empty()) queries = read_queries(queries_path);
        queries.insert(queries.end(), extra.begin(), extra.end());
        if (queries.empty()) throw veille::UsageError("no query: give a file of queries or --query");

        // Start-up: what a veille-query process does before its first search. The first one in
        // the process also pays for one-off initialisation (ICU data, Xapian's stemmer tables).
        auto start = Clock::now();
        std::optional<veille::search::Searcher> searcher(std::in_place, db);
        const double first_startup = ms_since(start);
        std::vector<double> startups;
        for (int i = 0; i < startup_runs; ++i) {
            start = Clock::now();
            veille::search::Searcher again(db);
            startups.push_back(ms_since(start));
        }

        std::vector<std::vector<double>> per(queries.size());
        std::vector<std::uint64_t> totals(queries.size());
        for (int round = 0; round <= rounds; ++round) {
            for (std::size_t i = 0; i < queries.size(); ++i) {
                veille::search::SearchOptions o;  // the prompt's page: 10 hits, snippets, facets
                o.query = queries[i];
                o.limit = 10;
                o.facets = !no_facets;
                if (no_snippets) o.snippet_bytes = 0;
                o.collapse = !no_collapse;
                o.exact_up_to = exact_up_to;
                o.facet_column = !no_column;
                start = Clock::now();
                const auto results = searcher->search(o);
                const double ms = ms_since(start);
                totals[i] = results.total;
                if (round > 0) per[i].push_back(ms);
            }
        }

        std::vector<double> all;
        std::uint64_t matches = 0;
        for (std::size_t i = 0; i < queries.size(); ++i) {
            all.insert(all.end(), per[i].begin(), per[i].end());
            matches += totals[i];
            if (per_query)
                std::printf("query %.3f %llu %s\n", percentile(per[i], 50),
                            static_cast<unsigned long long>(totals[i]), queries[i].c_str());
        }
        std::printf("startup_ms %.3f %.3f\n", first_startup, percentile(startups, 50));
        double sum = 0;
        for (double ms : all) sum += ms;
        std::printf("latency_ms %.3f %.3f %.3f %.3f %.3f %zu\n", percentile(all, 50), percentile(all, 95),
                    percentile(all, 99), percentile(all, 100), all.empty() ? 0.0 : sum / static_cast<double>(all.size()),
                    all.size());
        std::printf("matches %llu\n", static_cast<unsigned long long>(matches));
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "veille-bench-queries: " << e.what() << '\n';
        return 1;
    }
}
