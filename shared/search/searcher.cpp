#include "search/searcher.hpp"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include "analysis/french_analyzer.hpp"
#include "errors.hpp"
#include "schema/schema.hpp"
#include "search/query_builder.hpp"
#include "snippets/snippet_builder.hpp"

namespace veille::search {

namespace fs = std::filesystem;
using schema::Term;

struct Searcher::Impl {
    fs::path path;
    Xapian::Database db;
    analysis::FrenchAnalyzer analyzer;
    QueryBuilder builder{analyzer};
};

namespace {

std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int> opt_int(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it != j.end() && it->is_number_integer()) return it->get<int>();
    return std::nullopt;
}

Hit make_hit(const Xapian::MSetIterator& m, const snippets::SnippetBuilder& snippets) {
    namespace d = schema::data;
    Hit hit;
    hit.rank = static_cast<int>(m.get_rank()) + 1;
    hit.score = m.get_weight();
    const auto data = nlohmann::json::parse(m.get_document().get_data(), nullptr, false);
    if (!data.is_object()) return hit;  // not one of ours; shown with what we know
    hit.kind = str(data, d::kKind) == "comment" ? documents::Kind::Comment : documents::Kind::Article;
    hit.id = str(data, d::kId);
    hit.title = str(data, d::kTitle);
    hit.article_id = str(data, d::kArticleId);
    hit.parent_id = str(data, d::kParentId);
    hit.comment_number = opt_int(data, d::kCommentNumber);
    hit.parent_number = opt_int(data, d::kParentNumber);
    hit.path = str(data, d::kPath);
    hit.date = str(data, d::kDate);
    hit.url = str(data, d::kUrl);
    hit.author = str(data, d::kAuthor);
    hit.snippet = snippets.build(str(data, d::kText));
    return hit;
}

}  // namespace

Searcher::Searcher(const fs::path& db) : impl_(std::make_unique<Impl>()) {
    impl_->path = db;
    std::error_code ec;
    if (!fs::exists(db, ec)) {
        throw IndexError("no index at " + db.string() + ": create it with `veille-index --db " +
                         db.string() + " FOLDER`");
    }
    try {
        impl_->db = Xapian::Database(db.string());
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + db.string() + ": " + e.get_msg() +
                         " (create it with `veille-index --db " + db.string() + " FOLDER`)");
    }
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;

std::uint64_t Searcher::document_count() const { return impl_->db.get_doccount(); }

SearchResults Searcher::search(const SearchOptions& options) {
    SearchResults results;
    results.query = options.query;
    results.offset = options.offset;

    ParsedQuery parsed = impl_->builder.parse(options.query);
    results.warnings = parsed.warnings;
    Xapian::Query query = parsed.query;
    if (options.kind) {
        Xapian::Query kind(schema::term(Term::Kind, documents::kind_name(*options.kind)));
        query = query.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, kind, 0.0)
                              : Xapian::Query(Xapian::Query::OP_FILTER, query, kind);
    }
    if (query.empty()) {
        if (!options.query.empty()) results.warnings.push_back("nothing to search for in this query");
        return results;
    }
    results.parsed = query.get_description();

    // The index may be rewritten under us by a running veille-index: reopen at its latest
    // commit and try again (Xapian keeps the old revision readable for a while, not forever).
    for (int attempt = 0;; ++attempt) {
        try {
            Xapian::Enquire enquire(impl_->db);
            enquire.set_query(query);
            enquire.set_weighting_scheme(Xapian::BM25Weight());
            // Ties (filter-only queries score 0) keep a stable order: newest first, then id.
            if (parsed.filters_only || (parsed.query.empty() && options.kind))
                enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
            const Xapian::doccount check_at_least = options.offset + options.limit + 1000;
            Xapian::MSet mset = enquire.get_mset(options.offset, options.limit, check_at_least);
            results.total = mset.get_matches_estimated();
            results.total_is_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
            snippets::SnippetBuilder snippets(impl_->analyzer, parsed.highlight, options.snippet_bytes);
            results.hits.clear();
            for (auto m = mset.begin(); m != mset.end(); ++m) results.hits.push_back(make_hit(m, snippets));
            return results;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw;
            impl_->db.reopen();
        }
    }
}

}  // namespace veille::search
