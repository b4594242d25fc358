// veille-query: parse options, search, render.
#include <unistd.h>

#include <iostream>

#include "errors.hpp"
#include "output/json_renderer.hpp"
#include "output/terminal_renderer.hpp"
#include "query/interactive.hpp"
#include "query/options.hpp"
#include "schema/index_location.hpp"
#include "search/searcher.hpp"
#include "text/utf8.hpp"

int main(int argc, char** argv) {
    CLI::App app{"veille-query"};
    veille::query::QueryCommandOptions options;
    veille::query::bind_options(app, options);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    const veille::output::Lang lang = options.lang.empty()
                                          ? veille::output::lang_from_environment()
                                          : veille::output::lang_by_name(options.lang).value_or(veille::output::Lang::Fr);
    std::string query;
    for (const auto& w : options.words) query += (query.empty() ? "" : " ") + w;
    const bool nothing = query.empty() && options.entities.empty() && options.since.empty() &&
                         options.until.empty() && !options.kind;
    // No query at a terminal: the prompt.
    if (options.interactive || (nothing && ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1))
        return veille::query::run_interactive(options, lang);
    if (nothing) {
        std::cerr << "veille-query: nothing to search for: give a query or a filter (--entity, --since, "
                     "--until, --type)\n"
;
        return 2;
    }

    try {
        veille::search::Searcher searcher(veille::schema::resolve_index_path(options.db));
        veille::search::SearchOptions search;
        search.query = query;
        search.limit = options.limit;
        search.offset = options.offset;
        search.kind = options.kind;
        search.entities = options.entities;
        search.since = options.since;
        search.until = options.until;
        search.sort = options.sort;
        search.facets = options.facets || options.facets_only;
        if (options.facets_only) search.limit = 0;
        const auto results = searcher.search(search);
        if (options.json) {
            veille::output::render_json(std::cout, results);
        } else {
            auto style = veille::output::detect_terminal_style(STDOUT_FILENO);
            style.lang = lang;
            veille::output::render_text(std::cout, results, style);
        }
        std::cout.flush();
        return 0;
    } catch (const veille::Error& e) {
        std::cerr << "veille-query: " << veille::text::strip_terminal_controls(e.what()) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "veille-query: unexpected error: "
                  << veille::text::strip_terminal_controls(e.what()) << '\n';
        return 1;
    }
}
