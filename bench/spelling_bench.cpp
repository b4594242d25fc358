// veille-bench-spelling: what Xapian's spelling table would cost, against what Veille does
// instead (suggest_spelling: a scan of the index's own vocabulary at query time, nothing
// stored). Issue 8 asks for the figure. Not a test: a figure-printing tool.
//
//   veille-bench-spelling --db INDEX [--work DIR] [-q WORD]...
//
// It rebuilds, beside the index, the spelling table that indexing with
// TermGenerator::FLAG_SPELLING would have written (every unprefixed word of the index, with
// its frequency), then prints:
//   table_build_s SECONDS        time to add every word to the table and commit it
//   table_bytes BYTES INDEX_BYTES  the table's size on disk, and the index's
//   suggest_ms XAPIAN VEILLE N   median time of one suggestion: Xapian's get_spelling_suggestion
//                                 on the table, and suggest_spelling on the vocabulary
//   word TYPED XAPIAN VEILLE     what each proposes, per word
#include <CLI/CLI.hpp>

#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "schema/index_location.hpp"
#include "search/spelling.hpp"

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"veille-bench-spelling: the cost of Xapian's spelling table against Veille's vocabulary scan"};
    std::string db_path, work;
    std::vector<std::string> words{"barkane", "mallien", "goita", "securiter", "gouvernment", "francais",
                                   "russie", "elyssee", "terroristes", "ukraine"};
    app.add_option("--db", db_path, "An index written by veille-index")->required();
    app.add_option("--work", work, "Where to write the spelling table (default: a temporary folder)");
    app.add_option("-q,--word", words, "Misspelt words to look up (folded, as the query builder has them)");
    CLI11_PARSE(app, argc, argv);

    try {
        const Xapian::Database index(db_path);
        const fs::path table_dir = work.empty() ? fs::temp_directory_path() / ("veille-spelling-" + std::to_string(::getpid()))
                                                : fs::path(work);
        fs::remove_all(table_dir);
        const auto start = Clock::now();
        {
            Xapian::WritableDatabase table(table_dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
            // Unprefixed terms are the folded words (prefixes are capitals): what
            // FLAG_SPELLING adds, one entry per word with its frequency.
            for (auto t = index.allterms_begin(); t != index.allterms_end(); ++t) {
                const std::string term = *t;
                if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
                table.add_spelling(term, t.get_termfreq());
            }
            table.commit();
        }
        const double build_s = ms_since(start) / 1000;
        const Xapian::Database table(table_dir.string());

        std::vector<double> xapian_ms, veille_ms;
        std::vector<std::string> lines;
        for (int round = 0; round < 5; ++round) {
            for (const auto& w : words) {
                auto t = Clock::now();
                const std::string x = table.get_spelling_suggestion(w, 2);
                xapian_ms.push_back(ms_since(t));
                t = Clock::now();
                const auto v = veille::search::suggest_spelling(index, w);
                veille_ms.push_back(ms_since(t));
                if (round == 0) lines.push_back("word " + w + " " + (x.empty() ? "-" : x) + " " + (v ? *v : "-"));
            }
        }
        std::printf("table_build_s %.2f\n", build_s);
        std::printf("table_bytes %ju %ju\n", static_cast<std::uintmax_t>(veille::schema::bytes_on_disk(table_dir)),
                    static_cast<std::uintmax_t>(veille::schema::bytes_on_disk(db_path)));
        std::printf("suggest_ms %.3f %.3f %zu\n", median(xapian_ms), median(veille_ms), xapian_ms.size());
        for (const auto& l : lines) std::printf("%s\n", l.c_str());
        if (work.empty()) fs::remove_all(table_dir);
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "veille-bench-spelling: %s\n", e.get_description().c_str());
        return 1;
    }
    return 0;
}
