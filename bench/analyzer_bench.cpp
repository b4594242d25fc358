// veille-bench-analyzer: the French analyser's throughput, alone. It runs over every byte
// indexed and over every snippet's text, so its cost per token shows in both. Not a test:
// a figure-printing tool.
//
//   veille-bench-analyzer [--files N] [--rounds N] FOLDER
//
// Reads the first N files of FOLDER (sorted by name; default 2000), analyses them all once to
// warm up, then --rounds more times, and prints:
//   input FILES BYTES TOKENS
//   ns_per_token MEDIAN MIN        over the timed rounds
//   mb_per_s MEDIAN
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/french_analyzer.hpp"
#include "errors.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    CLI::App app{"veille-bench-analyzer: the French analyser's speed on a folder of texts"};
    std::string folder;
    std::size_t files = 2000;
    int rounds = 5;
    app.add_option("folder", folder, "Folder of text files (FreSaDa's train/texts, say)")->required();
    app.add_option("--files", files, "How many files to read")->capture_default_str();
    app.add_option("--rounds", rounds, "Timed rounds, after one warm-up")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    try {
        std::vector<fs::path> paths;
        for (const auto& e : fs::directory_iterator(folder))
            if (e.is_regular_file()) paths.push_back(e.path());
        std::sort(paths.begin(), paths.end());
        if (paths.size() > files) paths.resize(files);
        if (paths.empty()) throw veille::UsageError("no file in " + folder);
        std::vector<std::string> texts;
        std::size_t bytes = 0;
        for (const auto& p : paths) {
            std::ifstream in(p, std::ios::binary);
            std::ostringstream ss;
            ss << in.rdbuf();
            texts.push_back(ss.str());
            bytes += texts.back().size();
        }
        veille::analysis::FrenchAnalyzer analyzer;
        std::size_t tokens = 0;
        for (const auto& t : texts) tokens += analyzer.analyze(t).size();  // warm-up: stem cache, tables
        std::vector<double> seconds;
        for (int r = 0; r < rounds; ++r) {
            const auto start = std::chrono::steady_clock::now();
            std::size_t n = 0;
            for (const auto& t : texts) n += analyzer.analyze(t).size();
            seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            if (n != tokens) throw std::runtime_error("the analyser gave another token count");
        }
        std::sort(seconds.begin(), seconds.end());
        const double median = seconds[seconds.size() / 2];
        std::printf("input %zu %zu %zu\n", texts.size(), bytes, tokens);
        std::printf("ns_per_token %.1f %.1f\n", median * 1e9 / static_cast<double>(tokens),
                    seconds.front() * 1e9 / static_cast<double>(tokens));
        std::printf("mb_per_s %.2f\n", static_cast<double>(bytes) / median / 1e6);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "veille-bench-analyzer: " << e.what() << '\n';
        return 1;
    }
}
