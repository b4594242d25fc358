// veille-index: parse options, update the index, report.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "config/config.hpp"
#include "errors.hpp"
#include "indexer/options.hpp"
#include "indexing/index_writer.hpp"
#include "schema/index_location.hpp"
#include "text/utf8.hpp"

namespace {

using veille::text::strip_terminal_controls;

// Shows a single, rewritten progress line on a terminal; says nothing when stderr is piped.
class ConsoleObserver : public veille::indexing::IndexObserver {
public:
    explicit ConsoleObserver(bool quiet) : live_(!quiet && ::isatty(STDERR_FILENO)) {}

    void on_progress(std::size_t done, std::size_t total, const std::filesystem::path& current) override {
        if (!live_) return;
        auto now = std::chrono::steady_clock::now();
        if (done != total && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        std::string name = strip_terminal_controls(current.filename().string());
        if (name.size() > 50) name = name.substr(0, 47) + "...";
        std::fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, total, name.c_str());
        if (done == total) std::fprintf(stderr, "\r\033[K");
        shown_ = true;
    }

    void on_diagnostic(const veille::documents::Diagnostic& d) override {
        if (shown_) std::fprintf(stderr, "\r\033[K");
        std::cerr << "veille-index: "
                  << (d.severity == veille::documents::Severity::Error ? "error: " : "warning: ")
                  << strip_terminal_controls(d.to_string()) << '\n';
    }

private:
    bool live_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

void print_summary(const veille::indexing::IndexSummary& s, const std::filesystem::path& db) {
    std::printf("%zu files: %zu indexed, %zu renamed, %zu unchanged, %zu removed, %zu skipped\n",
                s.files_seen, s.files_indexed, s.files_renamed, s.files_unchanged, s.files_removed,
                s.files_skipped);
    if (!s.files_by_format.empty()) {
        std::string line;
        for (const auto& [format, count] : s.files_by_format)
            line += (line.empty() ? "" : ", ") + std::to_string(count) + " " + format;
        std::printf("  by format: %s\n", strip_terminal_controls(line).c_str());
    }
    for (const auto& [reason, count] : s.skipped_by_reason)
        std::printf("  skipped: %s (%zu)\n", strip_terminal_controls(reason).c_str(), count);
    if (!s.records_skipped.empty()) {
        // "archive records skipped: 15 (12 request, 3 image/png)", the most frequent first.
        std::vector<std::pair<std::size_t, std::string>> kinds;
        std::size_t total = 0;
        for (const auto& [kind, count] : s.records_skipped) {
            kinds.emplace_back(count, kind);
            total += count;
        }
        std::stable_sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::string line;
        for (const auto& [count, kind] : kinds) line += (line.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
        std::printf("  archive records skipped: %zu (%s)\n", total, strip_terminal_controls(line).c_str());
    }
    std::printf("%zu articles and %zu comments written in %.2f s; index: %s\n", s.articles,
                s.comments, s.seconds, strip_terminal_controls(db.string()).c_str());
    std::printf("the index holds %zu articles and %zu comments", s.index_articles, s.index_comments);
    if (s.shards > 1) std::printf(" in %zu shards", s.shards);
    std::printf("\n");
    if (s.build_writers)
        std::printf("built by %zu writer%s, merged in %.2f s\n", s.build_writers, s.build_writers == 1 ? "" : "s",
                    s.merge_seconds);
    if (s.bytes_before_compact)
        std::printf("compacted: %.1f MB -> %.1f MB\n", static_cast<double>(s.bytes_before_compact) / 1e6,
                    static_cast<double>(s.bytes_after_compact) / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"veille-index"};
    veille::indexer::IndexCommandOptions options;
    veille::indexer::bind_options(app, options);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    veille::indexing::IndexOptions run;
    run.db = veille::schema::resolve_index_path(options.db);
    run.inputs = options.inputs;
    run.read.max_file_bytes = static_cast<std::uintmax_t>(options.max_file_mb * 1024 * 1024);
    run.commit_every_docs = options.commit_every;
    run.entity_files = options.entity_files;
    run.threads = options.threads;
    run.shards = options.shards;
    run.compact = options.compact;
    run.build_writers = options.build_writers;
    run.rebuild = options.rebuild;
    // The configuration file: a default index and extra entity files (the options win).
    std::vector<veille::documents::Diagnostic> config_diags;
    const auto config = veille::config::load_config(veille::config::default_config_path(), config_diags);
    for (const auto& d : config_diags)
        std::cerr << "veille-index: warning: " << strip_terminal_controls(d.to_string()) << '\n';
    if (!options.db && config.index) run.db = *config.index;
    if (options.entity_files.empty()) run.entity_files = config.entities;
    try {
        ConsoleObserver observer(options.quiet);
        const auto summary = veille::indexing::update_index(run, observer);
        if (!options.quiet) print_summary(summary, run.db);
        return 0;
    } catch (const veille::Error& e) {
        std::cerr << "veille-index: " << strip_terminal_controls(e.what()) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "veille-index: unexpected error: " << strip_terminal_controls(e.what()) << '\n';
        return 1;
    }
}
