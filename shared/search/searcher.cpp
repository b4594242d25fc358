#include "search/searcher.hpp"

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <cstdlib>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "analysis/french_analyzer.hpp"
#include "entities/collection_names.hpp"
#include "errors.hpp"
#include "schema/facet_column.hpp"
#include "schema/index_location.hpp"
#include "schema/schema.hpp"
#include "schema/stored_data.hpp"
#include "search/index_names.hpp"
#include "search/query_builder.hpp"
#include "search/spelling.hpp"
#include "search/thread_reader.hpp"
#include "search/value_counts.hpp"
#include "snippets/snippet_builder.hpp"

namespace veille::search {

namespace fs = std::filesystem;
using schema::Term;

struct Searcher::Impl {
    fs::path path;
    Xapian::Database db;
    // Shards served by xapian-tcpsrv (a stub listing "remote HOST:PORT") cannot run a
    // KeyMaker, so dates are sorted by their value there (see sort_by_date), nor our match
    // spy, so facets are counted by Xapian's (see SlotCounter). [shards]
    bool remote = false;
    analysis::FrenchAnalyzer analyzer;
    // Aliases of the built-in entities and of the user's own (saved in the index by
    // veille-index --entities), so entité:Daech finds État islamique; read when first needed.
    IndexNames gazetteer{db, analyzer};
    QueryBuilder builder{analyzer, &gazetteer};
    // The collection pass's decisions, read from the index the first time a filter needs them.
    std::optional<entities::CollectionNames> collection_names;
    // The facet column, when the index is one local database and has a current one; looked
    // for again after a commit (see schema/facet_column.hpp).
    std::shared_ptr<const schema::FacetColumn> column;
    std::optional<Xapian::rev> column_looked_for_at;
    const schema::FacetColumn* facet_column() {
        if (remote) return nullptr;
        if (column && column->current_for(db)) return column.get();
        Xapian::rev revision = 0;
        try {
            revision = db.get_revision();
        } catch (const Xapian::Error&) {
            return nullptr;  // shards: one revision each, no column
        }
        if (column_looked_for_at == revision) return nullptr;
        column_looked_for_at = revision;
        column = schema::FacetColumn::open(path, db);
        return column.get();
    }
    std::vector<std::string> names_of(const std::string& entity_key) {
        if (!collection_names)
            collection_names = entities::CollectionNames::parse(db.get_metadata(std::string(schema::meta::kCollectionEntities)));
        return collection_names->names_of(entity_key);
    }
};

void add_collection_entities(std::string_view facet_value, std::vector<HitEntity>& entities) {
    // An entry by name, not structured bindings: clang 14 (the fuzz build) cannot capture those.
    for (auto& entry : schema::entity_entries(facet_value)) {
        auto& type = entry.first;
        auto& name = entry.second;
        const bool listed = std::any_of(entities.begin(), entities.end(),
                                        [&](const HitEntity& e) { return e.name == name && e.type == type; });
        if (!listed) entities.push_back({std::move(name), std::move(type), 1});
    }
}

namespace {

// The stored data's fields, read leniently (see stored_data.hpp).
constexpr auto str = schema::stored_string;
constexpr auto opt_int = schema::stored_int;

// The threads of the articles that comments kept apart from them (see article_links.hpp)
// join, read once per search.
class JoinedThreads {
public:
    explicit JoinedThreads(const Xapian::Database& db) : db_(db) {}

    // A comment of a stand-in shows its article's title and id (its address when it has
    // none) and its number in the joined thread, as `:show` lists it, once the index holds
    // that article.
    void join(std::string_view stored_text, Hit& hit) {
        auto [it, fresh] = read_.try_emplace(hit.article_id);
        if (fresh) it->second = read_thread(db_, hit.article_id);
        const auto& thread = it->second;
        if (!thread || !thread->article_stored) return;
        hit.title = thread->article.title;
        hit.article_id = thread->article.article_id;
        if (hit.url.empty()) hit.url = thread->article.url;
        if (const StoredDocument* c = comment_in(*thread, hit.id, stored_text)) {
            hit.comment_number = c->comment_number;
            hit.parent_number = c->parent_number;
            hit.parent_id = c->parent_id;
        }
    }

private:
    const Xapian::Database& db_;
    std::map<std::string, std::optional<Thread>> read_;  // stand-in id -> the joined thread
};

Hit make_hit(JoinedThreads& joined, const Xapian::MSetIterator& m, const snippets::SnippetBuilder* snippets) {
    namespace d = schema::data;
    Hit hit;
    hit.rank = static_cast<int>(m.get_rank()) + 1;
    hit.score = m.get_weight();
    const std::string raw = m.get_document().get_data();
    const auto stored = schema::decode_stored_data(raw);
    const auto& data = stored.fields;
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
    hit.source = str(data, d::kSource);
    hit.author = str(data, d::kAuthor);
    hit.date_inherited = data.value(d::kDateInherited, false);
    if (hit.kind == documents::Kind::Comment && data.contains(d::kLinkedTo)) joined.join(stored.text, hit);
    if (auto it = data.find(d::kEntities); it != data.end() && it->is_array()) {
        for (const auto& e : *it) {
            if (!e.is_object()) continue;
            hit.entities.push_back({e.value("name", ""), e.value("type", ""), e.value("count", 0u)});
        }
    }
    add_collection_entities(m.get_document().get_value(schema::kSlotEntities), hit.entities);
    if (snippets) hit.snippet = snippets->build(stored.text);
    return hit;
}

// The entity facet from per-entity counts (SlotCounter::entity_counts): only the entities up
// to the last one listed are sorted. `first` and `limit` (0: to the end) choose the slice of
// the ranking that is listed (a page).
void entity_facet(const ValueCounts& entities, std::size_t first, std::size_t limit, Facets& facets) {
    std::vector<std::pair<std::string_view, std::uint64_t>> ranked;  // "type\x1ename", documents
    ranked.reserve(entities.values.size());
    for (const auto& [one, n] : entities.values)
        if (one.find(schema::kEntityTypeSeparator) != std::string::npos) ranked.emplace_back(one, n);
    auto name_of = [](std::string_view one) { return one.substr(one.find(schema::kEntityTypeSeparator) + 1); };
    auto before = [&](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        const auto na = name_of(a.first), nb = name_of(b.first);
        return na != nb ? na < nb : a.first < b.first;
    };
    first = std::min(first, ranked.size());
    const std::size_t end = limit == 0 ? ranked.size() : first + std::min(limit, ranked.size() - first);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(end), ranked.end(), before);
    facets.entities_total = ranked.size();
    facets.entities_first = first;
    facets.entities.clear();
    facets.entities.reserve(end - first);
    for (std::size_t i = first; i < end; ++i) {
        const std::string_view one = ranked[i].first;
        const auto sep = one.find(schema::kEntityTypeSeparator);
        facets.entities.push_back({std::string(one.substr(sep + 1)), std::string(one.substr(0, sep)), ranked[i].second});
    }
}

// Per-day counts -> per-month buckets when the dates span two years or less, else per year.
void date_facet(const ValueCounts& dates, Facets& facets) {
    std::map<std::string, std::uint64_t> days;
    std::uint64_t dated = 0;
    for (const auto& [day, n] : dates.values) {
        days[day] += n;
        dated += n;
    }
    facets.undated = dates.documents > dated ? dates.documents - dated : 0;
    if (days.empty()) {
        facets.date_granularity = "year";
        return;
    }
    const int first_year = std::atoi(days.begin()->first.substr(0, 4).c_str());
    const int last_year = std::atoi(days.rbegin()->first.substr(0, 4).c_str());
    const bool monthly = last_year - first_year <= 1;
    facets.date_granularity = monthly ? "month" : "year";
    std::map<std::string, std::uint64_t> buckets;
    for (const auto& [day, n] : days) {
        std::string bucket = day.substr(0, 4);
        if (monthly) bucket += "-" + (day.substr(4, 2) == "00" ? std::string("??") : day.substr(4, 2));
        buckets[bucket] += n;
    }
    for (const auto& [b, n] : buckets) facets.dates.push_back({b, n});
}

// The counts of a query's strict matches (see SearchResults). With reprints grouped, the
// counter of duplicate keys saw every document Xapian looked at: all of them when it looked
// at fewer than check_at_least (the matches ran out) or when facets made it look at all.
// Otherwise the total is Xapian's estimate of the documents, within the bounds it is sure of.
void count_matches(const Xapian::MSet& mset, const SlotCounter* reprints, bool looked_at_all,
                   Xapian::doccount check_at_least, SearchResults& results) {
    results.total = mset.get_uncollapsed_matches_estimated();
    results.total_min = mset.get_uncollapsed_matches_lower_bound();
    results.total_max = mset.get_uncollapsed_matches_upper_bound();
    results.strict_hits = results.total;
    if (reprints) {
        const ValueTally keys = reprints->tally(schema::kSlotDuplicate);
        // One group per key, one per keyless document.
        const std::uint64_t groups_seen = std::uint64_t(keys.documents) - keys.with_value + keys.distinct;
        if (looked_at_all || keys.documents < check_at_least) {
            results.total = results.total_min = results.total_max = keys.documents;
            results.groups = groups_seen;
            results.strict_hits = groups_seen;
        } else {
            results.total_min = std::max<std::uint64_t>(results.total_min, keys.documents);
            results.total_max = std::max(results.total_max, results.total_min);
            results.total = std::clamp(results.total, results.total_min, results.total_max);
            // Pages only: the share of groups among the documents seen, applied to the rest.
            results.strict_hits = keys.documents ? results.total * groups_seen / keys.documents : results.total;
        }
    }
    results.total_is_exact = results.total_min == results.total_max;
}

}  // namespace

Searcher::Searcher(const fs::path& db) : impl_(std::make_unique<Impl>()) {
    impl_->path = db;
    std::error_code ec;
    if (!fs::exists(db, ec)) {
        throw IndexError("no index at " + db.string() + ": create it with `veille-index --db " +
                         db.string() + " FOLDER`");
    }
    // A veille-index committing while we open the tables may discard the revision we started
    // reading: open again (a commit takes far longer than an open), as search() reopens.
    for (int attempt = 0;; ++attempt) {
        try {
            impl_->db = Xapian::Database(db.string());
            break;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt < 3) continue;
            throw IndexError("cannot open index " + db.string() + ": it keeps changing under the search, try again");
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot open index " + db.string() + ": " + e.get_msg() +
                             " (create it with `veille-index --db " + db.string() + " FOLDER`)");
        }
    }
    impl_->remote = schema::has_remote_shard(db);  // [shards] see Impl::remote
    impl_->gazetteer.read_whole(impl_->remote);
    impl_->builder.use_collection_names([impl = impl_.get()](const std::string& key) { return impl->names_of(key); });
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;

ParsedQuery Searcher::like_query(const std::string& id) {
    ParsedQuery parsed;
    const std::string id_term = schema::term(Term::UniqueId, id);
    auto post = impl_->db.postlist_begin(id_term);
    if (post == impl_->db.postlist_end(id_term)) throw UsageError("no document with id " + id);
    Xapian::RSet rset;
    rset.add_document(*post);
    // Expand over plain words only: no prefixed terms, no stopwords, no numbers.
    struct WordsOnly : Xapian::ExpandDecider {
        bool operator()(const std::string& term) const override {
            const unsigned char c = static_cast<unsigned char>(term.empty() ? 0 : term[0]);
            const bool word_start = (c >= 'a' && c <= 'z') || c >= 0x80;  // not a prefix, not a number
            if (term.size() < 3 || !word_start) return false;
            return !analysis::FrenchAnalyzer::is_stopword(term);
        }
    } decider;
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(Xapian::Query(id_term));
    Xapian::ESet eset = enquire.get_eset(30, rset, &decider);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight());
        parsed.highlight.folded.insert(*it);
    }
    if (terms.empty()) return parsed;
    parsed.query = Xapian::Query(Xapian::Query::OP_AND_NOT,
                                 Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                 Xapian::Query(id_term));
    return parsed;
}

std::vector<std::vector<std::string>> Searcher::duplicate_sources(
    const std::vector<std::pair<std::string, Xapian::docid>>& shown, const Xapian::Query& query) {
    std::vector<std::vector<std::string>> out(shown.size());
    if (shown.empty()) return out;
    // One match for every collapsed hit of the page, not one each (their set-up was a
    // tenth of a one-shot query). The reprints carry their key as a term too: posting lists
    // of a few documents that the query is checked against, where a value range would scan
    // every match of the query (measured: 40 ms a query at FreSaDa 4x, where each article
    // has three reprints). The query weighs each reprint as it would alone, so each group's
    // documents come in the order a match of that group alone gives them.
    std::vector<Xapian::Query> keys;
    std::unordered_map<std::string, std::size_t> group_of;
    Xapian::doccount reprints = 0;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (!group_of.emplace(shown[i].first, i).second) continue;
        const std::string term = schema::term(Term::Duplicate, shown[i].first);
        keys.emplace_back(term);
        reprints += impl_->db.get_termfreq(term);
    }
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query(Xapian::Query::OP_OR, keys.begin(), keys.end())));
    const Xapian::MSet mset = enquire.get_mset(0, std::max<Xapian::doccount>(reprints, 1));
    constexpr std::size_t kLooked = 6, kListed = 5;  // per group: its first six, five listed
    std::vector<std::size_t> looked(shown.size(), 0);
    for (auto m = mset.begin(); m != mset.end(); ++m) {
        const Xapian::Document doc = m.get_document();
        const auto group = group_of.find(doc.get_value(schema::kSlotDuplicate));
        if (group == group_of.end()) continue;
        const std::size_t i = group->second;
        if (looked[i] == kLooked) continue;
        ++looked[i];
        if (*m == shown[i].second || out[i].size() == kListed) continue;
        if (std::string source = doc.get_value(schema::kSlotReprintSource); !source.empty()) {
            out[i].push_back(std::move(source));
            continue;
        }
        // An index written before the slot: the stored data has it.
        const auto data = schema::decode_stored_fields(doc.get_data());
        if (!data.is_object()) continue;
        out[i].push_back(schema::reprint_source(str(data, schema::data::kSource), str(data, schema::data::kPath)));
    }
    return out;
}

std::vector<ExplainTerm> Searcher::explain(Xapian::docid doc, const Xapian::Query& query,
                                           const ParsedQuery& parsed) {
    std::vector<ExplainTerm> out;
    const Xapian::Document document = impl_->db.get_document(doc);
    const auto data = schema::decode_stored_fields(document.get_data());
    const std::string id_term =
        schema::term(Term::UniqueId, data.is_object() ? str(data, schema::data::kId) : std::string());
    std::set<std::string> seen;
    for (auto t = query.get_terms_begin(); t != query.get_terms_end(); ++t) {
        const std::string term = *t;
        if (!seen.insert(term).second) continue;
        auto tl = document.termlist_begin();
        tl.skip_to(term);
        if (tl == document.termlist_end() || *tl != term) continue;
        const std::string_view title_prefix = schema::prefix(Term::TitleFolded);
        const std::string_view title_stem = schema::prefix(Term::TitleStem);
        const std::string_view stem = schema::prefix(Term::Stem);
        const std::string_view exact = schema::prefix(Term::Exact);
        auto starts = [&](std::string_view p) { return !p.empty() && term.compare(0, p.size(), p) == 0; };
        // Boolean filter terms (type:, entité:) carry no weight: not shown.
        if (term[0] >= 'A' && term[0] <= 'Z' && !starts(title_prefix) && !starts(stem) && !starts(exact)) continue;
        ExplainTerm row;
        row.term = term;
        // Title words are indexed in the text terms too (with more weight) and again under
        // the title prefix: a text term whose title twin the document has is a title match.
        auto has = [&](const std::string& t2) {
            auto it = document.termlist_begin();
            it.skip_to(t2);
            return it != document.termlist_end() && *it == t2;
        };
        const bool title_match =
            starts(title_prefix) || starts(title_stem) ||
            (starts(stem) && has(std::string(title_stem) + term.substr(stem.size()))) ||
            (!starts(stem) && !starts(exact) && has(std::string(title_prefix) + term));
        row.field = title_match ? "title" : "text";
        row.match = starts(title_stem) || (starts(stem) && !starts(title_prefix)) ? "stem"
                    : starts(exact)                                              ? "exact"
                                                                                 : "folded";
        for (const auto& w : parsed.words)
            if (std::find(w.terms.begin(), w.terms.end(), term) != w.terms.end()) row.word = w.text;
        // A folded match of a word typed without accents is the spelling typed.
        if (row.match == "folded" && !row.word.empty() &&
            impl_->analyzer.exact_form(row.word) == impl_->analyzer.folded_form(row.word))
            row.match = "exact";
        Xapian::Enquire one(impl_->db);
        one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), Xapian::Query(id_term)));
        one.set_weighting_scheme(Xapian::BM25Weight());
        Xapian::MSet m = one.get_mset(0, 1);
        if (!m.empty()) row.weight = m.begin().get_weight();
        out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end(), [](const ExplainTerm& a, const ExplainTerm& b) { return a.weight > b.weight; });
    return out;
}

std::vector<std::string> Searcher::matching_ids(const SearchOptions& options) {
    SearchOptions all = options;
    all.offset = 0;
    all.limit = static_cast<std::uint32_t>(std::max<Xapian::doccount>(impl_->db.get_doccount(), 1));
    all.snippet_bytes = 0;
    all.collapse = false;
    all.spelling = false;
    all.facets = false;
    all.explain = false;
    std::vector<std::string> ids;
    for (const auto& h : search(all).hits)
        if (!h.partial) ids.push_back(h.id);
    return ids;
}

void Searcher::suggest(const ParsedQuery& parsed, const SearchOptions& options, SearchResults& results) {
    std::string corrected = options.query;
    bool changed = false;
    bool misspelt = false;  // a corrected word is not in the index at all
    for (const auto& w : parsed.words) {
        if (!w.parts.empty()) continue;  // an entity's name, as the gazetteer spells it
        std::string folded;
        for (const auto& t : impl_->analyzer.analyze(w.text))
            if (!t.stopword && t.kind != analysis::TokenKind::CompoundPart) {
                folded = t.folded;
                break;
            }
        if (folded.empty()) continue;
        auto better = suggest_spelling(impl_->db, folded);
        if (!better) continue;
        if (auto at = corrected.find(w.text); at != std::string::npos) {
            corrected.replace(at, w.text.size(), *better);
            changed = true;
            misspelt = misspelt || impl_->db.get_termfreq(folded) == 0;
        }
    }
    if (!changed) return;
    results.suggestion = corrected;
    // Nothing matched every word as typed, and a word is unknown to the index: search the
    // correction at once, and say so — when it does match every word (for one word, when it
    // matches at all), or when what was typed found nothing at all, not even a partial hit,
    // and the correction finds something. Words the index holds (a rare name, a rare
    // inflection: "positionne PSA") are only suggested: the partial hits as typed stay.
    if (results.total == 0 && misspelt) {
        SearchOptions again = options;
        again.query = corrected;
        again.spelling = false;
        SearchResults fixed = search(again);
        if (fixed.total == 0 && (fixed.hits.empty() || !results.hits.empty())) return;
        fixed.query = options.query;
        fixed.suggestion = corrected;
        fixed.corrected = true;
        fixed.warnings.insert(fixed.warnings.begin(), results.warnings.begin(), results.warnings.end());
        results = std::move(fixed);
    }
}

std::uint64_t Searcher::document_count() const { return impl_->db.get_doccount(); }

// The index may be rewritten under us by a running veille-index: every read of a search (the
// query's parsing included: names, spellings) is retried at the latest commit when Xapian has
// discarded the revision it was reading (it keeps an old one readable for a while, not forever).
SearchResults Searcher::search(const SearchOptions& options) {
    for (int attempt = 0;; ++attempt) {
        try {
            return search_once(options);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw IndexError("the index keeps changing under the search: try again");
            impl_->db.reopen();
            impl_->collection_names.reset();
        }
    }
}

SearchResults Searcher::search_once(const SearchOptions& options) {
    SearchResults results;
    results.query = options.query;
    results.offset = options.offset;

    ParsedQuery parsed = options.like_id.empty() ? impl_->builder.parse(options.query)
                                                 : like_query(options.like_id);
    if (!options.like_id.empty() && !parsed.empty() && !options.query.empty()) {
        // Similar documents that also pass the query: the filters of an interactive
        // session (type:commentaire, entité:…), or words the user adds on the command line.
        ParsedQuery also = impl_->builder.parse(options.query);
        if (!also.empty()) parsed.query = Xapian::Query(Xapian::Query::OP_FILTER, parsed.query, also.query);
        parsed.warnings = also.warnings;
    }
    results.warnings = parsed.warnings;
    Xapian::Query query = parsed.query;
    bool filters_only = parsed.filters_only;
    std::vector<Xapian::Query> extra_filters;  // the options' filters, for the relaxed query too
    // Command-line filters are the same filters as the query fields.
    std::vector<Xapian::Query> filters;
    if (options.kind) filters.emplace_back(schema::term(Term::Kind, documents::kind_name(*options.kind)));
    if (!options.only_ids.empty()) {
        std::vector<Xapian::Query> ids;
        for (const auto& id : options.only_ids) ids.emplace_back(schema::term(Term::UniqueId, id));
        filters.emplace_back(Xapian::Query::OP_OR, ids.begin(), ids.end());
    }
    for (const auto& e : options.entities) filters.push_back(impl_->builder.entity_filter(e));
    if (!options.since.empty() || !options.until.empty()) {
        auto range = impl_->builder.date_filter(schema::Field::Date, options.since + ".." + options.until);
        if (!range) throw UsageError("not a date: " + (options.since.empty() ? options.until : options.since) +
                                     " (expected 2025, 2025-11, 2025-11-06 or 6 novembre 2025)");
        filters.push_back(*range);
    }
    extra_filters = filters;
    auto relax = [&](const Xapian::Query& relaxed) {
        if (extra_filters.empty()) return relaxed;
        return Xapian::Query(Xapian::Query::OP_FILTER, relaxed,
                             Xapian::Query(Xapian::Query::OP_AND, extra_filters.begin(), extra_filters.end()));
    };
    if (!filters.empty()) {
        Xapian::Query f(Xapian::Query::OP_AND, filters.begin(), filters.end());
        if (query.empty()) {
            query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, f, 0.0);
            filters_only = true;
        } else {
            query = Xapian::Query(Xapian::Query::OP_FILTER, query, f);
        }
    }
    if (query.empty()) {
        if (!options.query.empty()) results.warnings.push_back("nothing to search for in this query");
        return results;
    }
    results.parsed = query.get_description();

    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    // Undated documents go last whichever way dates are sorted; documents of one day
    // come in the order of their ids (see schema::kSlotDateOrder).
    Xapian::MultiValueKeyMaker oldest;
    oldest.add_value(schema::kSlotDate, false, "99999999");
    oldest.add_value(schema::kSlotDateOrder);
    SortOrder sort = options.sort;
    // A query made only of filters has nothing to rank by: newest first.
    if (filters_only && sort == SortOrder::Relevance) sort = SortOrder::DateNewest;
    // Newest first is the date order value, descending. Oldest first needs a KeyMaker
    // to put the undated last, and remote shards cannot run one: there they come first.
    auto sort_by_date = [&](Xapian::Enquire& e) {
        if (sort == SortOrder::DateNewest || (sort == SortOrder::DateOldest && impl_->remote))
            e.set_sort_by_value_then_relevance(schema::kSlotDateOrder, sort == SortOrder::DateNewest);
        else if (sort == SortOrder::DateOldest)
            e.set_sort_by_key_then_relevance(&oldest, false);
    };
    sort_by_date(enquire);

    // Totals count documents; grouping reprints is a second figure. Xapian's bounds on
    // the groups stay apart even when every match was looked at (a total would read
    // "about 3000" for 941 groups), so the duplicate keys of the documents it looked at
    // are counted instead: exact, and the same on one database and on shards.
    std::vector<Xapian::valueno> counted;
    if (options.collapse) {
        enquire.set_collapse_key(schema::kSlotDuplicate);
        counted.push_back(schema::kSlotDuplicate);
    }
    if (options.facets)
        for (auto slot : {schema::kSlotEntities, schema::kSlotKind, schema::kSlotDate}) counted.push_back(slot);
    // The column is opened only when something is counted from it (not for --count).
    SlotCounter counter(counted, impl_->remote,
                        options.facet_column && !counted.empty() ? impl_->facet_column() : nullptr,
                        {schema::kSlotDuplicate});
    counter.attach(enquire);
    // Facets must see every match, which also makes the total exact; otherwise up to
    // exact_up_to matches are looked at (measured in bench/speed.sh: a few ms at most).
    const Xapian::doccount check_at_least =
        options.facets ? impl_->db.get_doccount()
                       : std::max<Xapian::doccount>(options.offset + options.limit, options.exact_up_to);
    // Asking for no hit at all makes Xapian stop at estimates: ask for one and drop it
    // (--count, --facets-only must be exact).
    Xapian::MSet mset = enquire.get_mset(options.offset, std::max<std::uint32_t>(options.limit, 1), check_at_least);
    count_matches(mset, options.collapse ? &counter : nullptr, options.facets, check_at_least, results);
    if (options.facets) {
        results.facets.computed = true;
        entity_facet(counter.entity_counts(), options.facet_entity_offset, options.facet_entities,
                     results.facets);
        auto kinds = counter.counts(schema::kSlotKind).values;
        std::sort(kinds.begin(), kinds.end());  // as Xapian's spy lists them
        for (auto& [kind, n] : kinds) results.facets.kinds.push_back({std::move(kind), n});
        // Facets count documents, reprints included: so does "undated".
        date_facet(counter.counts(schema::kSlotDate), results.facets);
    }
    snippets::SnippetBuilder snippets(impl_->analyzer, parsed.highlight, options.snippet_bytes);
    results.hits.clear();
    // snippet_bytes 0: no snippet (benchmarks, counts).
    const snippets::SnippetBuilder* builder = options.snippet_bytes ? &snippets : nullptr;
    JoinedThreads joined(impl_->db);
    std::vector<std::pair<std::string, Xapian::docid>> collapsed;  // (reprint key, document shown)
    std::vector<std::size_t> collapsed_hits;
    for (auto m = mset.begin(); m != mset.end() && options.limit > 0; ++m) {
        Hit hit = make_hit(joined, m, builder);
        if (options.collapse && m.get_collapse_count() > 0) {
            hit.duplicates = static_cast<std::uint32_t>(m.get_collapse_count());
            collapsed.emplace_back(m.get_collapse_key(), *m);
            collapsed_hits.push_back(results.hits.size());
        }
        if (options.explain) hit.explain = explain(*m, query, parsed);
        results.hits.push_back(std::move(hit));
    }
    auto sources = duplicate_sources(collapsed, query);
    for (std::size_t i = 0; i < collapsed_hits.size(); ++i)
        results.hits[collapsed_hits[i]].duplicate_sources = std::move(sources[i]);

    // Fewer strict matches than the page holds (typically a question typed in full):
    // go on with the documents that match most of the words, marked as partial.
    const std::uint64_t page_end = std::uint64_t(options.offset) + options.limit;
    if (!parsed.relaxed.empty() && options.limit > 0 && results.total_is_exact &&
        results.strict_hits < page_end) {
        Xapian::Query partial(Xapian::Query::OP_AND_NOT, relax(parsed.relaxed), query);
        Xapian::Enquire more(impl_->db);
        more.set_query(partial);
        more.set_weighting_scheme(Xapian::BM25Weight());
        sort_by_date(more);
        const std::uint64_t strict = results.strict_hits;
        const auto first = options.offset > strict ? options.offset - strict : 0;
        const auto count = page_end - std::max<std::uint64_t>(options.offset, strict);
        Xapian::MSet extra = more.get_mset(static_cast<Xapian::doccount>(first),
                                           static_cast<Xapian::doccount>(count),
                                           std::max<Xapian::doccount>(first + count, options.exact_up_to));
        results.partial_total = extra.get_matches_estimated();
        results.partial_min = extra.get_matches_lower_bound();
        results.partial_max = extra.get_matches_upper_bound();
        results.partial_is_exact = results.partial_min == results.partial_max;
        for (auto m = extra.begin(); m != extra.end(); ++m) {
            Hit hit = make_hit(joined, m, builder);
            hit.rank = static_cast<int>(strict + first + m.get_rank()) + 1;
            hit.partial = true;
            if (options.explain) hit.explain = explain(*m, partial, parsed);
            std::set<std::string> matched(more.get_matching_terms_begin(m), more.get_matching_terms_end(m));
            for (const auto& w : parsed.words)
                if (!w.found_in(matched)) hit.missing.push_back(w.text);
            results.hits.push_back(std::move(hit));
        }
    }
    if (options.spelling && results.total < 3) suggest(parsed, options, results);
    return results;
}

}  // namespace veille::search
