// What a line typed at the interactive prompt means: a new search, a refinement of the
// current one (+entité:Russie, -type:commentaire, +date:2024.., +mot), or a command (:n,
// :show 3, :facets date, :facets plus, :sort date, :json, :reset, :aide, :quit). Parsing
// never fails: a line it cannot read is a Command saying what was wrong.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "output/messages.hpp"
#include "schema/schema.hpp"
#include "search/searcher.hpp"

namespace veille::session {

// One signed token of a refinement line.
struct Refinement {
    bool exclude = false;                // typed with '-'
    std::optional<schema::Field> field;  // nullopt: a word or "phrase" of the query itself
    std::string field_typed;             // the field name as typed ("entite"), for messages
    std::string value;                   // quotes removed: État islamique
    bool quoted = false;                 // the value was typed in quotes
    std::string typed;                   // the whole token as typed

    bool operator==(const Refinement&) const = default;
};

enum class CommandKind {
    Empty,     // a blank line: the next page when there is one
    Search,    // a new query (filters stay)
    Refine,    // only signed tokens: add or exclude filters and words
    Next,
    Previous,
    Show,      // :show N
    Like,      // :like N: documents similar to hit N
    Facets,    // :facets [entité|date|type|plus]
    Sort,      // :sort date|date-asc|pertinence
    Json,      // :json [oui|non]
    Reset,     // :reset [filter]
    Help,
    Quit,
    Unknown,   // :something else
    Usage,     // a known command with a bad argument
};

// What :facets shows. The entities come a page at a time (--facet-limit of them): All and
// Entities start at the most frequent, MoreEntities (:facets plus) goes on where the last
// page of the same search stopped.
enum class FacetChoice { All, Entities, Dates, Kinds, MoreEntities };

struct Command {
    CommandKind kind = CommandKind::Empty;
    std::string text;                     // Search: the query; Unknown: the command; Reset: the filter
    std::vector<Refinement> refinements;  // Refine
    int number = 0;                       // Show, Like
    FacetChoice facets = FacetChoice::All;
    search::SortOrder sort = search::SortOrder::Relevance;
    std::optional<bool> json;             // Json: on or off when said, else toggle
    output::Msg usage = output::Msg::Help;  // Usage: the message that explains the command
};

Command parse_command(std::string_view line);

// The tokens of a line, split on spaces; a quoted part ("…", « … », “…”) stays inside its
// token with its quotes, so +entité:"État islamique" is one token. An unclosed quote runs
// to the end of the line.
std::vector<std::string> split_tokens(std::string_view line);

// The token as one signed refinement, or nullopt when it does not start with + or -
// followed by something.
std::optional<Refinement> parse_refinement(std::string_view token);

// `value` without the quotes around it: "État islamique", « Mali », “Mali”.
std::string unquote(std::string_view value, bool* was_quoted = nullptr);

// Lower case without accents for the Latin letters French uses, for matching what a user
// typed against names (commands, fields): "Entité" -> "entite", "ÉTÉ" -> "ete".
std::string fold(std::string_view s);

}  // namespace veille::session
