#include "indexing/document_builder.hpp"

#include <nlohmann/json.hpp>

#include "schema/schema.hpp"

namespace veille::indexing {

using schema::Term;

namespace {

// Xapian refuses terms over 245 bytes; a "word" that long is noise (a URL, a hash, a line of
// ====), so it is not indexed at all rather than truncated into a misleading term.
constexpr std::size_t kMaxTermBytes = 120;

// The gap between title and body positions, so a phrase never spans the two.
constexpr Xapian::termpos kBodyPositionGap = 100;

std::string date_value(const std::string& iso) {
    std::string v;
    for (char c : iso)
        if (c >= '0' && c <= '9') v += c;
    return v.size() >= 4 ? v : std::string();
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

}  // namespace

Xapian::termpos DocumentBuilder::index_text(Xapian::Document& doc, std::string_view text,
                                            Xapian::termpos first_position, Xapian::termcount wdf,
                                            bool is_title) const {
    Xapian::termpos last = first_position;
    const auto exact_prefix = schema::prefix(Term::Exact);
    const auto stem_prefix = schema::prefix(Term::Stem);
    const auto title_prefix = schema::prefix(Term::TitleFolded);
    const auto title_stem_prefix = schema::prefix(Term::TitleStem);
    std::string term;
    for (const auto& t : analyzer_.analyze(text, static_cast<std::uint32_t>(first_position))) {
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
    const std::string article_date = date_value(article.meta.date);

    {
        Xapian::Document doc;
        const auto title_end = index_text(doc, article.title, 1, kTitleWeight, true);
        index_text(doc, article.body, title_end + kBodyPositionGap, 1, false);
        add_boolean_terms(doc, article_id, documents::Kind::Article, article_id, file_key);
        if (!article_date.empty()) doc.add_value(schema::kSlotDate, article_date);
        nlohmann::json data = {{d::kKind, "article"},     {d::kId, article_id},
                               {d::kTitle, article.title}, {d::kArticleId, article_id},
                               {d::kPath, path},           {d::kDate, article.meta.date},
                               {d::kUrl, article.meta.url}, {d::kSource, article.meta.source},
                               {d::kAuthor, article.meta.author}, {d::kText, article.body}};
        doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        out.push_back({article_id, std::move(doc)});
    }

    for (const auto& c : article.comments) {
        Xapian::Document doc;
        const std::string id = article_id + "-c" + std::to_string(c.number);
        index_text(doc, c.text, 1, 1, false);
        add_boolean_terms(doc, id, documents::Kind::Comment, article_id, file_key);
        // A comment without its own date inherits the article's (flagged in the data).
        const std::string date = c.date.empty() ? article.meta.date : c.date;
        const std::string dv = date_value(date);
        if (!dv.empty()) doc.add_value(schema::kSlotDate, dv);
        nlohmann::json data = {{d::kKind, "comment"},
                               {d::kId, id},
                               {d::kTitle, article.title},
                               {d::kArticleId, article_id},
                               {d::kCommentNumber, c.number},
                               {d::kPath, path},
                               {d::kDate, date},
                               {d::kUrl, article.meta.url},
                               {d::kAuthor, c.author},
                               {d::kMentions, c.mentions},
                               {d::kText, c.text}};
        if (c.date.empty() && !date.empty()) data[d::kDateInherited] = true;
        if (c.parent) {
            data[d::kParentNumber] = *c.parent;
            data[d::kParentId] = article_id + "-c" + std::to_string(*c.parent);
        }
        doc.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        out.push_back({id, std::move(doc)});
    }
    return out;
}

}  // namespace veille::indexing
