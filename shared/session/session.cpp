#include "session/session.hpp"

#include <algorithm>

#include "search/date_filter.hpp"

namespace veille::session {

using output::Msg;
using schema::Field;

namespace {

// Whether `query` has an OR at its top level (outside quotes and parentheses): appending
// anything to it would then bind to its last alternative only.
bool has_top_level_or(std::string_view query) {
    int depth = 0;
    for (const auto& token : split_tokens(query)) {
        for (char c : token) {
            if (c == '"') break;  // a phrase: nothing inside counts
            if (c == '(') ++depth;
        }
        if (depth == 0 && (token == "OU" || token == "OR" || token == "||")) return true;
        for (char c : token)
            if (c == ')' && depth > 0) --depth;
    }
    return false;
}

// An unclosed quote or parenthesis, closed, so that what is appended stays outside.
std::string balanced(std::string query) {
    const auto tokens = split_tokens(query);
    if (!tokens.empty()) {
        const std::string& last = tokens.back();
        const std::size_t quotes = static_cast<std::size_t>(std::count(last.begin(), last.end(), '"'));
        if (quotes % 2 == 1) query += '"';
        else if (last.find("\u00AB") != std::string::npos && last.find("\u00BB") == std::string::npos)
            query += "\u00BB";
        else if (last.find("\u201C") != std::string::npos && last.find("\u201D") == std::string::npos)
            query += "\u201D";
    }
    int depth = 0;
    for (const auto& token : split_tokens(query)) {
        if (token.find('"') != std::string::npos) continue;
        for (char c : token) depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        depth = std::max(depth, 0);
    }
    query.append(static_cast<std::size_t>(depth), ')');
    return query;
}

// A value as the query language reads it: bare when it is one word, else in quotes.
std::string quoted_if_needed(std::string_view value) {
    bool plain = !value.empty();
    for (char c : value)
        if (c == ' ' || c == '(' || c == ')' || c == '"' || c == '\t') plain = false;
    if (plain) return std::string(value);
    std::string out = "\"";
    for (char c : value)
        if (c != '"') out += c;
    return out + "\"";
}

bool is_filter_field(Field f) {
    return f == Field::Entity || f == Field::ArticleEntity || f == Field::Kind || f == Field::Date ||
           f == Field::After || f == Field::Before;
}

bool same_target(const Filter& a, const Filter& b) {
    return a.field == b.field && fold(a.value) == fold(b.value);
}

}  // namespace

std::string_view field_name(Field field, output::Lang lang) {
    const bool en = lang == output::Lang::En;
    switch (field) {
        case Field::Title: return en ? "title" : "titre";
        case Field::Kind: return "type";
        case Field::Entity: return en ? "entity" : "entit\u00E9";
        case Field::ArticleEntity: return en ? "article.entity" : "article.entit\u00E9";
        case Field::Date: return "date";
        case Field::After: return en ? "after" : "apr\u00E8s";
        case Field::Before: return en ? "before" : "avant";
        case Field::Id: return "id";
    }
    return "";
}

std::string filter_text(const Filter& f, output::Lang lang) {
    std::string value = f.value;
    if (f.field == Field::Kind)
        value = f.value == "comment" ? (lang == output::Lang::En ? "comment" : "commentaire") : "article";
    return (f.exclude ? "-" : "") + std::string(field_name(f.field, lang)) + ":" + quoted_if_needed(value);
}

Session::Session(output::Lang lang, std::uint32_t page_size) : lang_(lang), page_size_(page_size) {}

Session::Step Session::note(Msg msg, std::initializer_list<std::string_view> args, bool error) const {
    Step step;
    step.notes.push_back(output::say(lang_, msg, args));
    step.error = error;
    return step;
}

Session::Step Session::search_step(std::vector<std::string> notes) {
    Step step;
    step.notes = std::move(notes);
    if (!has_search()) {
        total_.reset();
        return step;
    }
    step.action = Action::Search;
    return step;
}

std::optional<std::string> Session::check(Filter& f) const {
    const std::string shown = std::string(field_name(f.field, lang_)) + ":";
    if (f.value.empty()) return output::say(lang_, Msg::EmptyValue, {shown});
    switch (f.field) {
        case Field::Kind: {
            const std::string v = fold(f.value);
            if (v == "article" || v == "articles") f.value = "article";
            else if (v == "commentaire" || v == "commentaires" || v == "comment" || v == "comments")
                f.value = "comment";
            else return output::say(lang_, Msg::BadType, {f.value});
            return std::nullopt;
        }
        case Field::Date:
        case Field::After:
        case Field::Before:
            if (!search::parse_date_filter(f.field, f.value)) return output::say(lang_, Msg::BadDate, {f.value});
            return std::nullopt;
        case Field::Entity:
        case Field::ArticleEntity:
            if (namer_) {
                auto name = namer_(f.value);
                if (!name) return output::say(lang_, Msg::UnknownEntity, {f.value});
                f.value = *name;
            }
            return std::nullopt;
        default:
            return output::say(lang_, Msg::NotRefinable, {shown});
    }
}

std::string Session::add(const Filter& f, bool& changed) {
    for (auto& existing : filters_) {
        if (!same_target(existing, f)) continue;
        if (existing.exclude == f.exclude) return output::say(lang_, Msg::FilterAlready, {filter_text(f, lang_)});
        const std::string before = filter_text(existing, lang_);
        existing.exclude = f.exclude;
        changed = true;
        return output::say(lang_, Msg::FilterReplaced, {before, filter_text(existing, lang_)});
    }
    // A document has one kind: a new type: replaces the one in force.
    if (f.field == Field::Kind && !f.exclude) {
        for (auto& existing : filters_) {
            if (existing.field != Field::Kind || existing.exclude) continue;
            const std::string before = filter_text(existing, lang_);
            existing = f;
            changed = true;
            return output::say(lang_, Msg::FilterReplaced, {before, filter_text(f, lang_)});
        }
    }
    filters_.push_back(f);
    changed = true;
    return {};
}

bool Session::add_filter(Field field, std::string_view value, bool exclude, std::string* error) {
    Filter f{exclude, field, std::string(value)};
    if (auto problem = check(f)) {
        if (error) *error = *problem;
        return false;
    }
    bool changed = false;
    add(f, changed);
    return true;
}

void Session::append_to_query(const Refinement& r) {
    std::string term = r.exclude ? "-" : "+";
    if (r.field) term += std::string(field_name(*r.field, lang_)) + ":";
    term += r.quoted ? "\"" + r.value + "\"" : r.value;
    std::string q = balanced(query_);
    if (has_top_level_or(q)) q = "(" + q + ")";
    query_ = q.empty() ? term : q + " " + term;
}

Session::Step Session::apply(const Command& cmd) {
    switch (cmd.kind) {
        case CommandKind::Empty:
            // Enter pages on while there is more; at the end it says so.
            if (!has_search() || !total_ || *total_ == 0) return {};
            if (offset_ + page_size_ >= *total_) return note(Msg::LastPage, {}, false);
            offset_ += page_size_;
            return search_step();

        case CommandKind::Search:
            query_ = cmd.text;
            like_id_.clear();
            offset_ = 0;
            return search_step();

        case CommandKind::Refine: {
            std::vector<std::string> notes;
            bool changed = false, failed = false;
            for (const auto& r : cmd.refinements) {
                if (!r.field || *r.field == Field::Title) {
                    if (r.value.empty()) continue;
                    like_id_.clear();  // words refine a query, and "similar to" has none
                    append_to_query(r);
                    changed = true;
                    continue;
                }
                if (!is_filter_field(*r.field)) {
                    notes.push_back(output::say(lang_, Msg::NotRefinable, {r.field_typed + ":"}));
                    failed = true;
                    continue;
                }
                Filter f{r.exclude, *r.field, r.value};
                if (auto problem = check(f)) {
                    notes.push_back(*problem);
                    failed = true;
                    continue;
                }
                if (std::string said = add(f, changed); !said.empty()) notes.push_back(std::move(said));
            }
            if (!changed) {
                Step step;
                step.notes = std::move(notes);
                step.error = failed;
                return step;
            }
            offset_ = 0;
            Step step = search_step(std::move(notes));
            step.error = failed;
            return step;
        }

        case CommandKind::Next:
            if (!has_search()) return note(Msg::NothingYet);
            if (total_ && offset_ + page_size_ >= *total_) return note(Msg::LastPage, {}, false);
            offset_ += page_size_;
            return search_step();

        case CommandKind::Previous:
            if (!has_search()) return note(Msg::NothingYet);
            if (offset_ == 0) return note(Msg::FirstPage, {}, false);
            offset_ = offset_ >= page_size_ ? offset_ - page_size_ : 0;
            return search_step();

        case CommandKind::Show:
        case CommandKind::Like: {  // both act on hit N of the current search
            if (!has_search()) return note(Msg::NothingYet);
            if (total_ && static_cast<std::uint64_t>(cmd.number) > *total_)
                return note(Msg::NoSuchHit, {std::to_string(cmd.number), std::to_string(*total_)});
            Step step;
            step.action = cmd.kind == CommandKind::Show ? Action::Show : Action::Like;
            step.rank = cmd.number;
            return step;
        }

        case CommandKind::Facets: {
            if (!has_search()) return note(Msg::NothingYet);
            Step step;
            step.action = Action::Facets;
            step.facets = cmd.facets;
            if (cmd.facets == FacetChoice::Dates || cmd.facets == FacetChoice::Kinds) return step;
            // Entities a page at a time: :facets starts at the most frequent, :facets plus goes
            // on from the last page shown of this same search (else it starts too).
            const std::string search = effective_query() + '\n' + like_id_;
            if (cmd.facets != FacetChoice::MoreEntities || search != entity_page_of_) {
                if (search != entity_page_of_) entity_total_.reset();
                entity_page_of_ = search;
                entity_page_ = 0;
            } else {
                const std::uint64_t next = entity_page_ + facet_limit_;
                if (facet_limit_ == 0 || (entity_total_ && next >= *entity_total_))
                    return note(Msg::FacetsLastPage, {}, false);
                entity_page_ = next;
            }
            step.first_entity = entity_page_;
            return step;
        }

        case CommandKind::Sort: {
            sort_ = cmd.sort;
            offset_ = 0;
            const Msg said = sort_ == search::SortOrder::Relevance    ? Msg::SortedByRelevance
                             : sort_ == search::SortOrder::DateNewest ? Msg::SortedByNewest
                                                                      : Msg::SortedByOldest;
            return search_step({output::say(lang_, said)});
        }

        case CommandKind::Json:
            json_ = cmd.json ? *cmd.json : !json_;
            return search_step({output::say(lang_, json_ ? Msg::JsonOn : Msg::JsonOff)});

        case CommandKind::Reset: {
            if (cmd.text.empty()) {
                filters_.clear();
                offset_ = 0;
                return search_step({output::say(lang_, Msg::FiltersCleared)});
            }
            // One filter (any sign), or every filter of a field: ":reset entité:Russie", ":reset date".
            std::string spec = cmd.text;
            if (spec.front() != '+' && spec.front() != '-') spec = "+" + spec;
            auto r = parse_refinement(spec);
            std::optional<Field> field = r ? r->field : std::nullopt;
            std::string value = r ? r->value : std::string();
            if (r && !field) {
                field = schema::field_by_name(r->value);  // a field named alone: "date"
                value.clear();
            }
            if (!field) return note(Msg::NoSuchFilter, {cmd.text});
            Filter probe{false, *field, value};
            if (!value.empty() && (*field == Field::Entity || *field == Field::ArticleEntity) && namer_)
                if (auto name = namer_(value)) probe.value = *name;
            if (*field == Field::Kind) check(probe);
            std::vector<std::string> notes;
            std::erase_if(filters_, [&](const Filter& f) {
                const bool match = f.field == probe.field && (value.empty() || same_target(f, probe));
                if (match) notes.push_back(output::say(lang_, Msg::FilterRemoved, {filter_text(f, lang_)}));
                return match;
            });
            if (notes.empty()) return note(Msg::NoSuchFilter, {cmd.text});
            offset_ = 0;
            return search_step(std::move(notes));
        }

        case CommandKind::Help: {
            Step step;
            step.action = Action::Help;
            return step;
        }
        case CommandKind::Quit: {
            Step step;
            step.action = Action::Quit;
            return step;
        }
        case CommandKind::Unknown:
            return note(Msg::UnknownCommand, {cmd.text});
        case CommandKind::Usage:
            return note(cmd.usage);
    }
    return {};
}

void Session::page_was_empty() {
    total_ = offset_;
    offset_ = offset_ >= page_size_ ? offset_ - page_size_ : 0;
}

std::string Session::effective_query() const {
    std::string out;
    for (const auto& f : filters_) {
        if (!out.empty()) out += ' ';
        // Always French field names here: the query language reads both, and this text is
        // what the query builder parses, not what the user reads.
        out += filter_text(f, output::Lang::Fr);
    }
    if (query_.empty()) return out;
    if (out.empty()) return query_;
    return out + " " + (has_top_level_or(query_) ? "(" + balanced(query_) + ")" : query_);
}

Session::Step Session::like(std::string id, std::string title) {
    like_id_ = std::move(id);
    like_title_ = std::move(title);
    query_.clear();
    offset_ = 0;
    return search_step();
}

std::string Session::description() const {
    const std::string filters = filters_text();
    if (!like_id_.empty()) {
        const std::string like = output::say(lang_, Msg::LikeOf, {like_title_.empty() ? like_id_ : like_title_});
        return filters.empty() ? like : like + " \u00B7 " + filters;
    }
    if (query_.empty()) return filters;
    if (filters.empty()) return query_;
    return query_ + " \u00B7 " + filters;
}

std::string Session::filters_text() const {
    std::string out;
    for (const auto& f : filters_) {
        if (!out.empty()) out += ' ';
        out += filter_text(f, lang_);
    }
    return out;
}

search::SearchOptions Session::search_options() const {
    search::SearchOptions o;
    o.query = effective_query();
    o.like_id = like_id_;
    o.limit = page_size_;
    o.offset = offset_;
    o.sort = sort_;
    o.facets = true;
    o.facet_entities = facet_limit_;
    return o;
}

search::SearchOptions Session::hit_options(int rank) const {
    search::SearchOptions o = search_options();
    o.limit = 1;
    o.offset = rank > 0 ? static_cast<std::uint32_t>(rank - 1) : 0;
    o.facets = false;
    return o;
}

search::SearchOptions Session::facet_options(std::uint64_t first_entity) const {
    search::SearchOptions o = search_options();
    o.limit = 0;
    o.offset = 0;
    o.facets = true;
    o.facet_entity_offset = static_cast<std::size_t>(first_entity);
    return o;
}

}  // namespace veille::session
