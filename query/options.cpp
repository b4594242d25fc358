#include "query/options.hpp"

#include <map>

#include "version.hpp"

namespace veille::query {

void bind_options(CLI::App& app, QueryCommandOptions& o) {
    app.description(
        "Search a Veille index of French articles and comments. Words are all required "
        "(stopwords aside); OR/OU, AND/ET, NOT/SAUF, -word, \"phrases\", « guillemets », "
        "titre:mot, type:article|commentaire and russ* are understood.");
    app.add_option("--db", o.db, "Index folder (default: $VEILLE_DB, else $XDG_DATA_HOME/veille/index)");
    app.add_option("-n,--limit", o.limit, "Number of hits to show")->capture_default_str();
    app.add_option("--offset", o.offset, "Skip this many hits (paging)")->capture_default_str();
    static const std::map<std::string, documents::Kind> kinds{
        {"article", documents::Kind::Article},     {"articles", documents::Kind::Article},
        {"comment", documents::Kind::Comment},     {"comments", documents::Kind::Comment},
        {"commentaire", documents::Kind::Comment}, {"commentaires", documents::Kind::Comment}};
    app.add_option("--type", o.kind, "Only articles or only comments")
        ->transform(CLI::CheckedTransformer(kinds, CLI::ignore_case).description(""))
        ->option_text("article|commentaire");
    app.add_option("--entity,--entité", o.entities,
                   "Only documents naming this entity, by any of its names (repeatable: all must match)");
    app.add_option("--since", o.since, "Only documents dated on or after (2024, 2024-03, 2024-03-12, 12 mars 2024)");
    app.add_option("--until", o.until, "Only documents dated on or before");
    static const std::map<std::string, search::SortOrder> sorts{
        {"relevance", search::SortOrder::Relevance}, {"pertinence", search::SortOrder::Relevance},
        {"date", search::SortOrder::DateNewest},     {"date-asc", search::SortOrder::DateOldest}};
    app.add_option("--sort", o.sort, "relevance (default), date (newest first) or date-asc")
        ->transform(CLI::CheckedTransformer(sorts, CLI::ignore_case).description(""))
        ->option_text("relevance|date|date-asc");
    app.add_flag("--facets", o.facets, "Count entities, kinds and dates over all matches, under the hits");
    app.add_flag("--facets-only", o.facets_only, "Only the facet counts, no hits");
    // Checked as typed, so "-3" and "beaucoup" get a sentence rather than "Could not convert".
    const CLI::Validator entity_count(
        [](const std::string& typed) -> std::string {
            const bool digits = !typed.empty() && typed.size() <= 9 &&
                                typed.find_first_not_of("0123456789") == std::string::npos;
            return digits ? std::string()
                          : "\"" + typed + "\" is not a number of entities (a whole number, 0 or more; 0 lists them all)";
        },
        "");
    app.add_option("--facet-limit", o.facet_limit,
                   "How many entities the entity facet lists, most frequent first (0: all); also the page size of "
                   ":facets in the prompt")
        ->check(entity_count)
        ->capture_default_str();
    app.add_flag("--json", o.json, "One JSON document on stdout (schema in README.md)");
    app.add_flag("-i,--interactive", o.interactive,
                 "The interactive prompt (the default on a terminal when no query is given): refine with "
                 "+entité:…, page with Enter, read a thread with :show N, :aide for the rest");
    app.add_option("--lang", o.lang, "Language of the messages: fr (default) or en (default: from LANG)")
        ->check(CLI::IsMember({"fr", "en"}, CLI::ignore_case));
    app.add_flag("--explain", o.explain, "For each hit: which query terms matched, where, how (exact, folded, stem), with their weight");
    app.add_option("--like", o.like_id, "Instead of a query: articles and comments similar to the document with this id");
    app.add_flag("--no-collapse", o.no_collapse, "Show every reprint of the same dispatch instead of one hit with \"+ N autres sources\"");
    static const std::map<std::string, Format> formats{{"text", Format::Text}, {"json", Format::Json},
                                                       {"jsonl", Format::Jsonl}, {"csv", Format::Csv},
                                                       {"tsv", Format::Tsv}};
    app.add_option("--format", o.format, "Output: text (default), json, jsonl (one hit per line), csv or tsv (one row per hit)")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case).description(""))
        ->option_text("text|json|jsonl|csv|tsv");
    app.add_flag("--bom", o.bom, "With --format csv|tsv: start with a UTF-8 BOM (for Excel)");
    app.add_flag("--count", o.count, "Print only the number of matching documents (exact)");
    app.add_option("--save", o.save, "Save the query and its filters under this name (a saved search)");
    app.add_flag("--list-saved", o.list_saved, "List the saved searches of this index");
    app.add_option("--new", o.new_names, "Only what was indexed since this saved search was last checked (all saved searches without a name); exit 0 when something is new, 1 when nothing")
        ->expected(0, 1);
    app.add_flag("--dry-run", o.dry_run, "With --new: do not mark what is shown as seen");
    app.add_option("--report", o.report, "Write a self-contained HTML report of the query to this file");
    app.set_version_flag("--version", veille::version_text("veille-query"));
    // Optional: a query made only of options (--entity Mali --since 2024) lists what passes.
    app.add_option("query", o.words, "The query");
}

}  // namespace veille::query
