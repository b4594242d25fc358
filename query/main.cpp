// veille-query: parse options, search, render.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include <xapian.h>

#include "config/config.hpp"
#include "errors.hpp"
#include "output/export_renderer.hpp"
#include "output/html_report.hpp"
#include "output/json_renderer.hpp"
#include "output/terminal_renderer.hpp"
#include "query/interactive.hpp"
#include "query/options.hpp"
#include "schema/index_location.hpp"
#include "search/searcher.hpp"
#include "text/utf8.hpp"
#include "watch/saved_searches.hpp"

namespace {

using veille::text::strip_terminal_controls;

void warn(const veille::documents::Diagnostic& d) {
    std::cerr << "veille-query: warning: " << strip_terminal_controls(d.to_string()) << '\n';
}

veille::search::SearchOptions search_options(const veille::query::QueryCommandOptions& o, const std::string& query) {
    veille::search::SearchOptions s;
    s.query = query;
    s.limit = o.limit;
    s.offset = o.offset;
    s.kind = o.kind;
    s.entities = o.entities;
    s.since = o.since;
    s.until = o.until;
    s.sort = o.sort;
    s.facets = o.facets || o.facets_only;
    if (o.facets_only) s.limit = 0;
    s.facet_entities = o.facet_limit;
    s.explain = o.explain;
    s.like_id = o.like_id;
    s.collapse = !o.no_collapse;
    return s;
}

void render(const veille::query::QueryCommandOptions& o, const veille::search::SearchResults& results,
            veille::output::Lang lang, veille::config::Colour colour) {
    using veille::query::Format;
    switch (o.json ? Format::Json : o.format) {
        case Format::Json: veille::output::render_json(std::cout, results); break;
        case Format::Jsonl: veille::output::render_export(std::cout, results, {veille::output::ExportFormat::Jsonl, false}); break;
        case Format::Csv: veille::output::render_export(std::cout, results, {veille::output::ExportFormat::Csv, o.bom}); break;
        case Format::Tsv: veille::output::render_export(std::cout, results, {veille::output::ExportFormat::Tsv, o.bom}); break;
        case Format::Text: {
            auto style = veille::output::detect_terminal_style(STDOUT_FILENO);
            if (colour == veille::config::Colour::Always && !std::getenv("NO_COLOR")) style.colour = true;
            if (colour == veille::config::Colour::Never) style.colour = false;
            style.lang = lang;
            veille::output::render_text(std::cout, results, style);
        }
    }
}

// --new: what the saved searches match that they have not reported yet. Exit 0 when
// something is new, 1 when nothing (quiet), for cron.
int report_new(const veille::query::QueryCommandOptions& o, veille::search::Searcher& searcher,
               const std::filesystem::path& db, veille::output::Lang lang, veille::config::Colour colour) {
    veille::watch::SavedSearchStore store(veille::watch::default_store_path(), db);
    std::vector<veille::watch::SavedSearch> which;
    if (o.new_names.empty() || o.new_names.front().empty()) {
        which = store.list();
    } else {
        auto s = store.get(o.new_names.front());
        if (!s) throw veille::UsageError("no saved search named \"" + o.new_names.front() + "\" (see --list-saved)");
        which.push_back(*s);
    }
    bool any = false;
    for (const auto& saved : which) {
        auto options = saved.options();
        std::vector<std::string> fresh;
        for (const auto& id : searcher.matching_ids(options))
            if (!saved.seen.count(id)) fresh.push_back(id);
        if (fresh.empty()) continue;
        any = true;
        options.only_ids = fresh;
        options.limit = static_cast<std::uint32_t>(fresh.size());
        options.collapse = false;
        options.spelling = false;
        auto results = searcher.search(options);
        results.query = saved.name + " : " + saved.query;
        render(o, results, lang, colour);
        if (!o.dry_run) store.mark_seen(saved.name, fresh);
    }
    if (!o.dry_run) store.write();
    return any ? 0 : 1;
}

// Ends a one-shot run once its output is written, without destroying the searcher, the
// command line or the static objects: a read-only index has nothing to flush, and tearing
// them down (Xapian's tables, the facet column's mapping, ICU, CLI11) took 0.3-0.4 ms of
// the 8 ms a script pays per veille-query (bench/startup.sh).
[[noreturn]] void exit_now(int code) {
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(code);
}

}  // namespace

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
    options.new_given = app.count("--new") > 0;

    // The configuration file: defaults that the command line overrides.
    std::vector<veille::documents::Diagnostic> config_diags;
    const auto config = veille::config::load_config(veille::config::default_config_path(), config_diags);
    for (const auto& d : config_diags) warn(d);
    if (!options.db && config.index) options.db = config.index;
    if (app.count("--limit") == 0 && config.limit) options.limit = *config.limit;
    if (options.lang.empty() && config.lang) options.lang = *config.lang;

    const veille::output::Lang lang = options.lang.empty()
                                          ? veille::output::lang_from_environment()
                                          : veille::output::lang_by_name(options.lang).value_or(veille::output::Lang::Fr);
    std::string query;
    for (const auto& w : options.words) query += (query.empty() ? "" : " ") + w;
    const bool nothing = query.empty() && options.entities.empty() && options.since.empty() &&
                         options.until.empty() && !options.kind && options.like_id.empty() &&
                         !options.list_saved && !options.new_given;
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
        const auto db = veille::schema::resolve_index_path(options.db);
        if (!options.save.empty() || options.list_saved) {
            veille::watch::SavedSearchStore store(veille::watch::default_store_path(), db);
            if (!options.save.empty()) {
                if (query.empty() && options.entities.empty() && !options.kind && options.since.empty() &&
                    options.until.empty())
                    throw veille::UsageError("--save needs a query or a filter to save");
                veille::watch::SavedSearch saved;
                saved.name = options.save;
                saved.query = query;
                saved.kind = options.kind;
                saved.entities = options.entities;
                saved.since = options.since;
                saved.until = options.until;
                store.put(saved);
                store.write();
                std::cout << "saved: " << strip_terminal_controls(options.save) << '\n';
            }
            if (options.list_saved)
                for (const auto& s : store.list())
                    std::cout << strip_terminal_controls(s.name) << '\t' << strip_terminal_controls(s.query)
                              << '\t' << s.seen.size() << " vus" << '\t'
                              << (s.last_checked.empty() ? "jamais vérifiée" : s.last_checked) << '\n';
            return 0;
        }
        veille::search::Searcher searcher(db);
        if (options.new_given) return report_new(options, searcher, db, lang, config.colour);
        auto search = search_options(options, query);
        if (options.count) {
            // Every matching document, exactly: Xapian looks at all of them.
            search.limit = 0;
            search.exact_up_to = std::numeric_limits<std::uint32_t>::max();
            search.collapse = false;
            search.spelling = false;
            std::cout << searcher.search(search).total << '\n';
            exit_now(0);
        }
        if (!options.report.empty()) {
            const auto report = veille::output::build_report(searcher, search);
            std::ofstream out(options.report, std::ios::binary | std::ios::trunc);
            if (!out) throw veille::UsageError("cannot write " + options.report);
            veille::output::render_html_report(out, report);
            if (!out.flush()) throw veille::UsageError("cannot write " + options.report);
            std::cout << options.report << '\n';
            return 0;
        }
        render(options, searcher.search(search), lang, config.colour);
        exit_now(0);
    } catch (const veille::Error& e) {
        std::cerr << "veille-query: " << veille::text::strip_terminal_controls(e.what()) << '\n';
        return options.new_given ? 2 : 1;  // --new: 1 means "nothing new" to cron
    } catch (const Xapian::Error& e) {
        std::cerr << "veille-query: index error: " << strip_terminal_controls(e.get_description()) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "veille-query: unexpected error: "
                  << veille::text::strip_terminal_controls(e.what()) << '\n';
        return 1;
    }
}
