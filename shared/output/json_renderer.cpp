// The --json document. Built once as a template so that to_json() can return the plain
// nlohmann::json its callers expect while render_json() writes the keys in the documented
// order (nlohmann::ordered_json). Empty optional strings become null, never "".
#include "output/json_renderer.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.hpp"

namespace veille::output {

namespace {

template <typename Json>
Json string_or_null(const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
}

template <typename Json>
Json int_or_null(const std::optional<int>& n) {
    return n ? Json(*n) : Json(nullptr);
}

// The snippet as valid UTF-8 (each invalid byte becomes U+FFFD) with its highlight ranges
// moved to match. Without this, the serialiser's own replacement would lengthen the string
// and every highlight after the bad byte would point at the wrong bytes.
template <typename Json>
void put_snippet(Json& hit, const snippets::Snippet& snippet) {
    const std::string_view s = snippet.text;
    std::string text;
    text.reserve(s.size());
    std::vector<std::size_t> moved(s.size() + 1, 0);  // old byte offset -> new byte offset
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        moved[start] = text.size();
        const char32_t c = text::decode_utf8(s, i);
        if (c == text::kReplacementChar && i - start == 1) {
            text::append_utf8(text, text::kReplacementChar);
        } else {
            text.append(s.substr(start, i - start));
            for (std::size_t k = start + 1; k < i; ++k) moved[k] = text.size();  // mid-character
        }
    }
    moved[s.size()] = text.size();

    Json highlights = Json::array();
    for (auto [b, e] : snippet.highlights) {
        b = std::min(b, s.size());
        e = std::min(e, s.size());
        if (b < e) highlights.push_back(Json::array({moved[b], moved[e]}));
    }
    hit["snippet"] = std::move(text);
    hit["highlights"] = std::move(highlights);
}

// [{"name","type","count"}] from any list of entities with those three members (a hit's,
// a stored document's, the facet's).
template <typename Json, typename Entities>
Json entities_json(const Entities& list) {
    Json out = Json::array();
    for (const auto& e : list) {
        Json one = Json::object();
        one["name"] = e.name;
        one["type"] = e.type;
        one["count"] = e.count;
        out.push_back(std::move(one));
    }
    return out;
}

template <typename Json>
Json hit_json(const search::Hit& h) {
    Json hit = Json::object();
    hit["rank"] = h.rank;
    hit["kind"] = documents::kind_name(h.kind);
    hit["id"] = h.id;
    hit["title"] = h.title;
    hit["article_id"] = h.article_id;
    hit["parent_id"] = string_or_null<Json>(h.parent_id);
    hit["comment_number"] = int_or_null<Json>(h.comment_number);
    hit["parent_number"] = int_or_null<Json>(h.parent_number);
    hit["path"] = h.path;
    hit["date"] = string_or_null<Json>(h.date);
    hit["url"] = string_or_null<Json>(h.url);
    hit["author"] = string_or_null<Json>(h.author);
    hit["date_inherited"] = h.date_inherited;
    hit["score"] = h.score;
    hit["entities"] = entities_json<Json>(h.entities);
    hit["source"] = string_or_null<Json>(h.source);
    hit["partial"] = h.partial;  // matches only some words of the query...
    hit["missing"] = h.missing;  // ...and not these
    hit["duplicates"] = h.duplicates;
    hit["duplicate_sources"] = h.duplicate_sources;
    if (!h.explain.empty()) {
        Json rows = Json::array();
        for (const auto& e : h.explain) {
            Json row = Json::object();
            row["word"] = string_or_null<Json>(e.word);
            row["term"] = e.term;
            row["field"] = e.field;
            row["match"] = e.match;
            row["weight"] = e.weight;
            rows.push_back(std::move(row));
        }
        hit["explain"] = std::move(rows);
    }
    put_snippet(hit, h.snippet);
    return hit;
}

template <typename Json>
Json buckets_json(const std::vector<search::FacetBucket>& buckets) {
    Json out = Json::array();
    for (const auto& b : buckets) {
        Json one = Json::object();
        one["bucket"] = b.bucket;
        one["count"] = b.count;
        out.push_back(std::move(one));
    }
    return out;
}

// {"entity":[{"name","type","count"}],"entity_total":N,"type":[{"bucket","count"}],"date":[…],
//  "date_granularity":"year"|"month","date_unknown":N}
template <typename Json>
Json facets_json(const search::Facets& f) {
    Json out = Json::object();
    out["entity"] = entities_json<Json>(f.entities);
    // How many there are in all: "entity" lists the --facet-limit most frequent.
    out["entity_total"] = std::max<std::uint64_t>(f.entities_total, f.entities_first + f.entities.size());
    out["type"] = buckets_json<Json>(f.kinds);
    out["date"] = buckets_json<Json>(f.dates);
    out["date_granularity"] = f.date_granularity;
    out["date_unknown"] = f.undated;
    return out;
}

template <typename Json>
Json results_json(const search::SearchResults& r) {
    Json doc = Json::object();
    doc["query"] = r.query;
    // Matching documents, as the facets count them; an estimate within [total_min, total_max]
    // when total_exact is false. "groups": the same once reprints are grouped (null when not
    // counted). "partial": documents with only some of the words, listed after the others.
    doc["total"] = r.total;
    doc["total_exact"] = r.total_is_exact;
    doc["total_min"] = r.total_min;
    doc["total_max"] = r.total_max;
    doc["groups"] = r.groups ? Json(*r.groups) : Json(nullptr);
    doc["partial"] = r.partial_total;
    doc["partial_exact"] = r.partial_is_exact;
    doc["offset"] = r.offset;
    doc["warnings"] = Json::array();
    for (const auto& w : r.warnings) doc["warnings"].push_back(w);
    doc["suggestion"] = string_or_null<Json>(r.suggestion);  // "Vouliez-vous dire : …"
    doc["corrected"] = r.corrected;  // the hits are the suggestion's
    doc["hits"] = Json::array();
    for (const auto& h : r.hits) doc["hits"].push_back(hit_json<Json>(h));
    if (r.facets.computed) doc["facets"] = facets_json<Json>(r.facets);
    return doc;
}

template <typename Json>
Json stored_json(const search::StoredDocument& d) {
    Json doc = Json::object();
    doc["kind"] = documents::kind_name(d.kind);
    doc["id"] = d.id;
    doc["title"] = d.title;
    doc["article_id"] = d.article_id;
    doc["parent_id"] = string_or_null<Json>(d.parent_id);
    doc["comment_number"] = int_or_null<Json>(d.comment_number);
    doc["parent_number"] = int_or_null<Json>(d.parent_number);
    doc["path"] = d.path;
    doc["date"] = string_or_null<Json>(d.date);
    doc["date_inherited"] = d.date_inherited;
    doc["url"] = string_or_null<Json>(d.url);
    doc["source"] = string_or_null<Json>(d.source);
    doc["author"] = string_or_null<Json>(d.author);
    doc["mentions"] = Json::array();
    for (const auto& m : d.mentions) doc["mentions"].push_back(m);
    doc["entities"] = entities_json<Json>(d.entities);
    doc["text"] = d.text;
    return doc;
}

template <typename Json>
Json thread_json(const search::Thread& t) {
    Json doc = Json::object();
    doc["article"] = stored_json<Json>(t.article);
    doc["comments"] = Json::array();
    for (const auto& c : t.comments) doc["comments"].push_back(stored_json<Json>(c));
    return doc;
}

}  // namespace

nlohmann::json thread_to_json(const search::Thread& thread) { return thread_json<nlohmann::json>(thread); }

void render_thread_json(std::ostream& out, const search::Thread& thread) {
    out << thread_json<nlohmann::ordered_json>(thread).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
}

nlohmann::json to_json(const search::SearchResults& results) {
    return results_json<nlohmann::json>(results);
}

void render_json(std::ostream& out, const search::SearchResults& results) {
    // replace: a title or path with invalid UTF-8 is written with U+FFFD, never thrown on.
    out << results_json<nlohmann::ordered_json>(results).dump(
               2, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
}

}  // namespace veille::output
