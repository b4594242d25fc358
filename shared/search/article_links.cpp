#include "search/article_links.hpp"

#include <algorithm>
#include <set>

#include "schema/schema.hpp"
#include "schema/stored_data.hpp"

namespace veille::search {

using schema::Term;

std::optional<Xapian::docid> linked_article(const Xapian::Database& db, std::string_view link_key) {
    if (link_key.empty()) return std::nullopt;
    const std::string term = schema::link_term(Term::Link, link_key);
    std::vector<Xapian::docid> found;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) found.push_back(*p);
    if (found.empty()) return std::nullopt;
    if (found.size() == 1) return found.front();
    if (!link_key.starts_with("url:")) return std::nullopt;  // a record id of two exports

    std::optional<Xapian::docid> best;
    std::size_t best_size = 0;
    std::string best_id;
    for (Xapian::docid did : found) {
        const std::string raw = db.get_document(did).get_data();
        const auto stored = schema::decode_stored_data(raw);
        const std::string id = schema::stored_string(stored.fields, schema::data::kId);
        if (!best || stored.text.size() > best_size ||
            (stored.text.size() == best_size && id < best_id)) {
            best = did;
            best_size = stored.text.size();
            best_id = id;
        }
    }
    return best;
}

std::vector<Xapian::docid> comments_linked_to(const Xapian::Database& db,
                                              const std::vector<std::string>& link_keys) {
    std::set<Xapian::docid> found;
    for (const auto& key : link_keys) {
        if (key.empty()) continue;
        const std::string term = schema::link_term(Term::LinkedTo, key);
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) found.insert(*p);
    }
    return {found.begin(), found.end()};
}

}  // namespace veille::search
