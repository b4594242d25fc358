#include "indexing/document_builder.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "dates/date_sources.hpp"
#include "schema/schema.hpp"
#include "schema/stored_data.hpp"

namespace veille::indexing {

using schema::Term;

namespace {

// Xapian refuses terms over 245 bytes; a "word" that long is noise (a URL, a hash, a line of
// ====), so it is not indexed at all rather than truncated into a misleading term.
constexpr std::size_t kMaxTermBytes = 120;

// The gap between title and body positions, so a phrase never spans the two.
constexpr Xapian::termpos kBodyPositionGap = 100;

// "YYYYMMDD" with 00 for an unknown month or day (see schema::kSlotDate).
std::string slot_value(const dates::Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
    return buf;
}

void add_boolean_terms(Xapian::Document& doc, const std::string& id, documents::Kind kind,
                       const std::string& article_id, const std::string& file_key) {
    doc.add_boolean_term(schema::term(Term::UniqueId, id));
    doc.add_boolean_term(schema::term(Term::Kind, documents::kind_name(kind)));
    doc.add_boolean_term(schema::term(Term::Article, article_id));
    doc.add_boolean_term(schema::term(Term::File, file_key));
    doc.add_value(schema::kSlotKind, documents::kind_name(kind));
    doc.add_value(schema::kSlotArticle, article_id);
}

// The date slot (when the date is known) and the sort order by date (always).
void add_date(Xapian::Document& doc, const std::string& id, const std::optional<dates::Date>& date) {
    const std::string day = date ? slot_value(*date) : std::string();
    if (date) doc.add_value(schema::kSlotDate, day);
    doc.add_value(schema::kSlotDateOrder, schema::date_order(day, id));
}

// Entity terms, the facet value and the stored list, for one document.
void add_entities(Xapian::Document& doc, const std::vector<entities::EntityCount>& found,
                  nlohmann::json& data) {
    if (found.empty()) return;
    std::vector<std::string> facet;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : found) {
        if (e.key.empty() || e.key.size() > 200) continue;
        if (e.discovered) {
            // For the collection pass: the name as written, and what this text says of it.
            if (e.key.size() + e.name.size() <= 200)
                doc.add_boolean_term(schema::term(Term::NameMention, e.key + schema::kEntityTypeSeparator + e.name));
            if (e.type != entities::kCandidateType)
                doc.add_boolean_term(schema::term(Term::NameEvidence, e.type + schema::kEntityTypeSeparator + e.key));
            continue;
        }
        doc.add_boolean_term(schema::term(Term::Entity, e.key));
        facet.push_back(schema::entity_entry(e.type, e.name));
        list.push_back({{"name", e.name}, {"type", e.type}, {"count", e.count}});
    }
    if (facet.empty()) return;
    doc.add_value(schema::kSlotEntities, schema::entity_value(std::move(facet)));
    data[schema::data::kEntities] = std::move(list);
}

// Title and body mentions of one article, merged by entity.
std::vector<entities::EntityCount> merge(std::vector<entities::EntityCount> a,
                                         const std::vector<entities::EntityCount>& b) {
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < a.size(); ++i) at[a[i].key] = i;
    for (const auto& e : b) {
        if (auto it = at.find(e.key); it != at.end())
            a[it->second].count += e.count;
        else
            a.push_back(e);
    }
    std::sort(a.begin(), a.end(), [](const auto& x, const auto& y) {
        return x.count != y.count ? x.count > y.count : x.name < y.name;
    });
    return a;
}

// The near-duplicate key of an article body (see schema::kSlotDuplicate). A short text
// (under 40 content words) only collapses with an identical one: its key hashes every word.
std::string duplicate_key(const std::vector<analysis::Token>& tokens) {
    constexpr std::size_t kShingle = 4, kMinWords = 40, kMinIdenticalWords = 8;
    std::vector<const std::string*> words;
    for (const auto& t : tokens)
        if (!t.stopword && t.kind != analysis::TokenKind::CompoundWhole) words.push_back(&t.folded);
    if (words.size() < kMinIdenticalWords) return {};
    if (words.size() < kMinWords) {
        std::string all = "=";
        for (const auto* w : words) all.append(*w).push_back(' ');
        return "=" + schema::short_key(schema::hash64(all));  // never equal to a MinHash key
    }
    std::uint64_t min_hash = ~std::uint64_t{0};
    std::string shingle;
    for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
        shingle.clear();
        for (std::size_t k = 0; k < kShingle; ++k) shingle.append(*words[i + k]).push_back(' ');
        min_hash = std::min(min_hash, schema::hash64(shingle));
    }
    return schema::short_key(min_hash);
}

}  // namespace

Xapian::termpos DocumentBuilder::index_tokens(Xapian::Document& doc,
                                              const std::vector<analysis::Token>& tokens,
                                              Xapian::termcount wdf, bool is_title) const {
    const auto exact_prefix = schema::prefix(Term::Exact);
    const auto stem_prefix = schema::prefix(Term::Stem);
    const auto title_prefix = schema::prefix(Term::TitleFolded);
    const auto title_stem_prefix = schema::prefix(Term::TitleStem);
    Xapian::termpos last = 0;
    std::string term;
    for (const auto& t : tokens) {
        if (t.folded.empty() || t.folded.size() > kMaxTermBytes) continue;
        if (t.kind == analysis::TokenKind::CompoundWhole) {
            doc.add_term(t.folded, wdf);
        } else {
            doc.add_posting(t.folded, t.position, wdf);
            last = t.position;
        }
        if (t.stopword) continue;  // phrases need them; ranking and the stem index do not
        if (t.has_distinct_exact() && t.exact.size() <= kMaxTermBytes) {
            term.assign(exact_prefix).append(t.exact);
            doc.add_term(term, wdf);
        }
        if (!t.stem.empty()) {
            term.assign(stem_prefix).append(t.stem);
            doc.add_term(term, wdf);
        }
        if (is_title) {
            term.assign(title_prefix).append(t.folded);
            doc.add_term(term, 1);
            if (!t.stem.empty()) {
                term.assign(title_stem_prefix).append(t.stem);
                doc.add_term(term, 1);
            }
        }
    }
    return last;
}

std::vector<BuiltDocument> DocumentBuilder::build(const documents::Article& article,
                                                  const std::string& article_id,
                                                  const std::string& path,
                                                  const std::string& file_key) const {
    namespace d = schema::data;
    std::vector<BuiltDocument> out;
    out.reserve(1 + article.comments.size());

    const auto article_date = dates::resolve_article_date(article.meta.date, path, article.body);
    const std::string article_iso = article_date.date ? article_date.date->iso() : std::string();
    std::vector<entities::EntityCount> article_entities;
    // A stand-in is no document: its comments carry the name of their article instead.
    const std::string linked_to = article.stands_in_for ? documents::link_key(*article.stands_in_for) : std::string();

    if (!article.stands_in_for) {
        Xapian::Document doc;
        const auto title_tokens = analyzer_.analyze(article.title, 1);
        const auto title_end = index_tokens(doc, title_tokens, kTitleWeight, true);
        const auto body_tokens =
            analyzer_.analyze(article.body, static_cast<std::uint32_t>(title_end + kBodyPositionGap));
        index_tokens(doc, body_tokens, 1, false);
        add_boolean_terms(doc, article_id, documents::Kind::Article, article_id, file_key);
        add_date(doc, article_id, article_date.date);
        if (auto dup = duplicate_key(body_tokens); !dup.empty()) {
            doc.add_value(schema::kSlotDuplicate, dup);  // collapsing
            doc.add_boolean_term(schema::term(Term::Duplicate, dup));  // "+ N autres sources"
            doc.add_value(schema::kSlotReprintSource, schema::reprint_source(article.meta.source, path));
        }
        nlohmann::json data = {{d::kKind, "article"},     {d::kId, article_id},
                               {d::kTitle, article.title}, {d::kArticleId, article_id},
                               {d::kPath, path},           {d::kDate, article_iso},
                               {d::kDateSource, dates::source_name(article_date.source)},
                               {d::kUrl, article.meta.url}, {d::kSource, article.meta.source},
                               {d::kAuthor, article.meta.author}};
        // The names other files may give it: comments kept apart find it by them.
        nlohmann::json links = nlohmann::json::array();
        for (const std::string& key : {documents::url_link_key(article.meta.url),
                                       documents::link_key({documents::ArticleName::By::RecordId, article.record_id})}) {
            if (key.empty()) continue;
            doc.add_boolean_term(schema::link_term(Term::Link, key));
            links.push_back(key);
        }
        if (!links.empty()) data[d::kLinks] = std::move(links);
        if (matcher_) {
            // Capitalised-name candidates come from the body only: titles are often in Title Case.
            article_entities = merge(matcher_->find(article.title, title_tokens, false),
                                     matcher_->find(article.body, body_tokens, true));
            add_entities(doc, article_entities, data);
        }
        doc.set_data(schema::encode_stored_data(data, article.body));
        out.push_back({article_id, std::move(doc)});
    }

    for (const auto& c : article.comments) {
        Xapian::Document doc;
        const std::string id = article_id + "-c" + std::to_string(c.number);
        const auto tokens = analyzer_.analyze(c.text, 1);
        index_tokens(doc, tokens, 1, false);
        add_boolean_terms(doc, id, documents::Kind::Comment, article_id, file_key);
        for (const auto& e : article_entities)
            if (!e.discovered && !e.key.empty() && e.key.size() <= 200)
                doc.add_boolean_term(schema::term(Term::ArticleEntity, e.key));
        // A comment without a date of its own is dated by its article (and says so).
        std::optional<dates::Date> own = c.date.empty() ? std::nullopt : dates::parse_french_date(c.date);
        std::optional<dates::Date> date = own ? own : article_date.date;
        add_date(doc, id, date);
        nlohmann::json data = {{d::kKind, "comment"},
                               {d::kId, id},
                               {d::kTitle, article.title},
                               {d::kArticleId, article_id},
                               {d::kCommentNumber, c.number},
                               {d::kPath, path},
                               {d::kDate, date ? date->iso() : std::string()},
                               {d::kUrl, article.meta.url},
                               {d::kSource, article.meta.source},
                               {d::kAuthor, c.author},
                               {d::kMentions, c.mentions}};
        if (!own && date) data[d::kDateInherited] = true;
        if (!linked_to.empty()) {
            doc.add_boolean_term(schema::link_term(Term::LinkedTo, linked_to));
            data[d::kLinkedTo] = linked_to;
        }
        if (c.parent) {
            data[d::kParentNumber] = *c.parent;
            data[d::kParentId] = article_id + "-c" + std::to_string(*c.parent);
        }
        if (matcher_) add_entities(doc, matcher_->find(c.text, tokens, true), data);
        doc.set_data(schema::encode_stored_data(data, c.text));
        out.push_back({id, std::move(doc)});
    }
    return out;
}

}  // namespace veille::indexing
