// veille-bench-quality: ranking quality on a question set, through the same Searcher the
// query tool uses, in one process. Prints MRR@10, Recall@1, Recall@10 and the questions
// left without a result.
//
//   veille-bench-quality --db INDEX QUESTIONS.tsv [--show-misses N] [--run FILE]
//
// --run writes each question's ranked documents as `id<TAB>path path ...` (best first), the
// format ../shared/bench/quality/score.py scores, so runs can be compared line by line.
//
// QUESTIONS.tsv: a header line, then `id<TAB>question<TAB>relevant` where `relevant` is one
// or more paths (separated by `|`) matched against the END of each hit's path, so
// "docs/0001.txt" names ../shared/corpora/piaf-fr/docs/0001.txt.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "errors.hpp"
#include "search/searcher.hpp"

namespace {

struct Question {
    std::string id, text;
    std::vector<std::string> relevant;
};

std::vector<Question> read_questions(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw veille::UsageError("cannot read " + path);
    std::vector<Question> out;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        Question q;
        std::string rel;
        if (!std::getline(ss, q.id, '\t') || !std::getline(ss, q.text, '\t') || !std::getline(ss, rel)) continue;
        std::stringstream rs(rel);
        for (std::string r; std::getline(rs, r, '|');)
            if (!r.empty()) q.relevant.push_back(r);
        out.push_back(std::move(q));
    }
    return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"veille-bench-quality: MRR@10, R@1, R@10 of a question set"};
    std::string db, questions_path;
    int show_misses = 0;
    std::string run_path;
    app.add_option("--db", db, "Index of the collection")->required();
    app.add_option("questions", questions_path, "TSV: id, question, relevant path(s)")->required();
    app.add_option("--show-misses", show_misses, "Print this many questions whose answer is not in the top 10");
    app.add_option("--run", run_path, "Write each question's ranked paths to this file");
    CLI11_PARSE(app, argc, argv);

    try {
        const auto questions = read_questions(questions_path);
        veille::search::Searcher searcher(db);
        std::ofstream run;
        if (!run_path.empty()) {
            run.open(run_path);
            if (!run) throw veille::UsageError("cannot write " + run_path);
        }
        double mrr = 0;
        int r1 = 0, r10 = 0, none = 0, shown = 0;
        for (const auto& q : questions) {
            veille::search::SearchOptions o;
            o.query = q.text;
            o.limit = 10;
            o.snippet_bytes = 0;
            const auto res = searcher.search(o);
            if (res.hits.empty()) ++none;
            if (run.is_open()) {
                run << q.id << '\t';
                for (std::size_t i = 0; i < res.hits.size(); ++i) run << (i ? " " : "") << res.hits[i].path;
                run << '\n';
            }
            int rank = 0;
            for (const auto& h : res.hits) {
                for (const auto& rel : q.relevant)
                    if (ends_with(h.path, rel)) rank = h.rank;
                if (rank) break;
            }
            if (rank) mrr += 1.0 / rank;
            if (rank == 1) ++r1;
            if (rank >= 1 && rank <= 10) ++r10;
            if (!rank && shown < show_misses) {
                ++shown;
                std::cout << "miss: " << q.text << "  (want " << q.relevant.front() << ", got "
                          << (res.hits.empty() ? std::string("nothing") : res.hits[0].path) << ")\n";
            }
        }
        const double n = static_cast<double>(questions.size());
        std::printf("questions %zu  MRR@10 %.3f  R@1 %.3f  R@10 %.3f  no result %d\n", questions.size(),
                    mrr / n, r1 / n, r10 / n, none);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "veille-bench-quality: " << e.what() << '\n';
        return 1;
    }
}
