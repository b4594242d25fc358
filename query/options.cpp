#include "query/options.hpp"

#include <map>

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
    app.add_option("--type", o.kind, "Only articles or only comments (article|commentaire)")
        ->transform(CLI::CheckedTransformer(kinds, CLI::ignore_case));
    app.add_flag("--json", o.json, "One JSON document on stdout (schema in README.md)");
    app.add_option("query", o.words, "The query")->required();
}

}  // namespace veille::query
