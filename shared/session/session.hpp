// The state of an interactive session and how each command changes it: the current query,
// the active filters, the page, the sort order and the output mode. Pure logic: Session
// never searches nor prints; apply() says what to do next (run the search, show a thread,
// count facets, print a note) and the front-end does it, then reports the total back.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "output/messages.hpp"
#include "schema/schema.hpp"
#include "search/searcher.hpp"
#include "session/command.hpp"

namespace veille::session {

// An active filter: entité:, article.entité:, type:, date:, après: or avant:, kept or
// excluded. Values are canonical: "État islamique" for daech, "comment" for commentaire.
struct Filter {
    bool exclude = false;
    schema::Field field = schema::Field::Entity;
    std::string value;

    bool operator==(const Filter&) const = default;
};

// The field's name in the user's language: entité / entity, après / after, …
std::string_view field_name(schema::Field field, output::Lang lang);

// The filter as the query language writes it: entité:"État islamique", -type:commentaire.
std::string filter_text(const Filter& filter, output::Lang lang);

class Session {
public:
    // What to do after a command.
    enum class Action { None, Search, Show, Like, Facets, Help, Quit };
    struct Step {
        Action action = Action::None;
        std::vector<std::string> notes;  // to print first (in the session's language)
        bool error = false;              // the notes explain why nothing happened
        int rank = 0;                    // Show, Like: the hit's rank (1-based, offset included)
        FacetChoice facets = FacetChoice::All;
        std::uint64_t first_entity = 0;  // Facets: the page of entities starts here (0-based)
    };

    // The canonical name of an entity a user typed ("daech" -> "État islamique"); nullopt
    // when the index names no such entity, and the filter is refused (it could only empty
    // the results). Without a namer, names are kept as typed.
    using EntityNamer = std::function<std::optional<std::string>(std::string_view)>;

    explicit Session(output::Lang lang = output::Lang::Fr, std::uint32_t page_size = 10);

    void set_entity_namer(EntityNamer namer) { namer_ = std::move(namer); }

    // Settings from the command line, before the first command.
    void set_sort(search::SortOrder sort) { sort_ = sort; }
    void set_json(bool json) { json_ = json; }
    void set_offset(std::uint32_t offset) { offset_ = offset; }
    // How many entities the facets list (--facet-limit): the summary line's and a page of
    // :facets; 0 lists them all, in one page.
    void set_facet_limit(std::uint32_t limit) { facet_limit_ = limit; }
    // Adds a filter as +field:value would; false (with `error` set) when the value is bad.
    bool add_filter(schema::Field field, std::string_view value, bool exclude, std::string* error = nullptr);

    Step apply(const Command& command);
    Step handle(std::string_view line) { return apply(parse_command(line)); }

    // After :like N, once the front-end has found hit N: the search becomes the documents
    // similar to it (the filters in force still apply; a new query or a +word ends it).
    Step like(std::string id, std::string title);

    // After the front-end ran search_options(): how many hits the query has.
    void record_total(std::uint64_t total) { total_ = total; }
    // After :facets: how many entities the search names (Facets::entities_total), so that
    // :facets plus knows when it has shown the last of them.
    void record_entity_total(std::uint64_t total) { entity_total_ = total; }
    // The page came back empty although the (estimated) total promised more: the results
    // end before this page, so go back to the previous one and page no further.
    void page_was_empty();

    // The search for the current page: filters and query composed into one query, hits and
    // facets (always: the summary line needs them).
    search::SearchOptions search_options() const;
    // The one hit at `rank` of the current search (for :show N off the current page).
    search::SearchOptions hit_options(int rank) const;
    // Facet counts only; the entities from `first_entity` (Step::first_entity), a page of them.
    search::SearchOptions facet_options(std::uint64_t first_entity = 0) const;

    // The filters first, then the query (in parentheses when it has a top-level OR), so a
    // plain query keeps its meaning and the filters apply to all of it.
    std::string effective_query() const;
    // What the results header quotes: the query, then the filters.
    std::string description() const;
    // The active filters as shown in the prompt: "entité:Russie -entité:France date:2024..".
    std::string filters_text() const;

    bool has_search() const { return !query_.empty() || !filters_.empty() || !like_id_.empty(); }
    const std::string& like_id() const { return like_id_; }
    const std::string& query() const { return query_; }
    const std::vector<Filter>& filters() const { return filters_; }
    std::uint32_t offset() const { return offset_; }
    std::uint32_t page_size() const { return page_size_; }
    search::SortOrder sort() const { return sort_; }
    bool json() const { return json_; }
    std::optional<std::uint64_t> total() const { return total_; }
    output::Lang lang() const { return lang_; }

private:
    Step search_step(std::vector<std::string> notes = {});
    Step note(output::Msg msg, std::initializer_list<std::string_view> args = {}, bool error = true) const;
    // Validates and canonicalises a filter; the message when it is bad.
    std::optional<std::string> check(Filter& filter) const;
    // Adds `filter`; the note saying what happened (empty when simply added).
    std::string add(const Filter& filter, bool& changed);
    void append_to_query(const Refinement& r);

    output::Lang lang_;
    std::uint32_t page_size_;
    std::string query_;
    std::vector<Filter> filters_;
    std::uint32_t offset_ = 0;
    search::SortOrder sort_ = search::SortOrder::Relevance;
    bool json_ = false;
    std::optional<std::uint64_t> total_;
    EntityNamer namer_;
    std::string like_id_;     // :like: the document the results are similar to
    std::string like_title_;
    std::uint32_t facet_limit_ = 20;
    // The last page of entities :facets showed: of which search, from which entity.
    std::string entity_page_of_;
    std::uint64_t entity_page_ = 0;
    std::optional<std::uint64_t> entity_total_;
};

}  // namespace veille::session
