#include "search/thread_reader.hpp"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "entities/gazetteer.hpp"
#include "errors.hpp"
#include "schema/schema.hpp"
#include "schema/stored_data.hpp"
#include "search/article_links.hpp"
#include "search/query_builder.hpp"
#include "text/ascii.hpp"

namespace veille::search {

namespace fs = std::filesystem;
using schema::Term;

struct ThreadReader::Impl {
    fs::path path;
    Xapian::Database db;
    analysis::FrenchAnalyzer analyzer;
    entities::EntityGazetteer gazetteer{analyzer};
    QueryBuilder builder{analyzer, &gazetteer};
    std::unordered_map<std::string, std::size_t> entity_by_key;  // gazetteer key -> entity
    std::unordered_map<std::string, std::string> names;          // key -> display name (cache)
    std::string revision;

    std::string current_revision() const {
        // The UUID changes when the index is rebuilt, the document count and the last
        // document id when it is updated.
        return db.get_uuid() + ":" + std::to_string(db.get_doccount()) + ":" +
               std::to_string(db.get_lastdocid());
    }

    // The display name of an index entity key: the gazetteer's canonical name, else the name
    // as written in the stored data of a document that names it (candidate entities).
    std::string display_name(const std::string& key) {
        if (auto it = entity_by_key.find(key); it != entity_by_key.end())
            return gazetteer.entities()[it->second].name;
        if (auto it = names.find(key); it != names.end()) return it->second;
        std::string name = key;
        const std::string term = schema::term(Term::Entity, key);
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
            const auto data = schema::decode_stored_fields(db.get_document(*p).get_data());
            const auto it = data.is_object() ? data.find(schema::data::kEntities) : data.end();
            if (!data.is_object() || it == data.end() || !it->is_array()) continue;
            for (const auto& e : *it) {
                if (!e.is_object() || !e.contains("name") || !e["name"].is_string()) continue;
                const std::string candidate = e["name"].get<std::string>();
                if (gazetteer.key_of(candidate) == key) {
                    name = candidate;
                    break;
                }
            }
            break;  // one document says how the name is written
        }
        names.emplace(key, name);
        return name;
    }
};

namespace {

// The stored data's fields, read leniently (see stored_data.hpp).
constexpr auto str = schema::stored_string;
constexpr auto opt_int = schema::stored_int;

// `links`, when given, receives an article's Term::Link keys.
std::optional<StoredDocument> stored_document(const std::string& raw, std::vector<std::string>* links) {
    namespace d = schema::data;
    const auto stored = schema::decode_stored_data(raw);
    const auto& data = stored.fields;
    if (!data.is_object()) return std::nullopt;
    StoredDocument doc;
    doc.kind = str(data, d::kKind) == "comment" ? documents::Kind::Comment : documents::Kind::Article;
    doc.id = str(data, d::kId);
    doc.title = str(data, d::kTitle);
    doc.article_id = str(data, d::kArticleId);
    doc.parent_id = str(data, d::kParentId);
    doc.comment_number = opt_int(data, d::kCommentNumber);
    doc.parent_number = opt_int(data, d::kParentNumber);
    doc.path = str(data, d::kPath);
    doc.date = str(data, d::kDate);
    if (auto it = data.find(d::kDateInherited); it != data.end() && it->is_boolean())
        doc.date_inherited = it->get<bool>();
    doc.url = str(data, d::kUrl);
    doc.source = str(data, d::kSource);
    doc.author = str(data, d::kAuthor);
    doc.text = stored.text;
    doc.linked_to = str(data, d::kLinkedTo);
    if (auto it = data.find(d::kLinks); links && doc.kind == documents::Kind::Article && it != data.end() && it->is_array())
        for (const auto& key : *it)
            if (key.is_string()) links->push_back(key.get<std::string>());
    if (auto it = data.find(d::kMentions); it != data.end() && it->is_array())
        for (const auto& m : *it)
            if (m.is_string()) doc.mentions.push_back(m.get<std::string>());
    if (auto it = data.find(d::kEntities); it != data.end() && it->is_array()) {
        for (const auto& e : *it) {
            if (!e.is_object()) continue;
            HitEntity one;
            if (auto n = e.find("name"); n != e.end() && n->is_string()) one.name = n->get<std::string>();
            if (auto t = e.find("type"); t != e.end() && t->is_string()) one.type = t->get<std::string>();
            if (auto c = e.find("count"); c != e.end() && c->is_number_unsigned()) one.count = c->get<std::uint32_t>();
            if (!one.name.empty()) doc.entities.push_back(std::move(one));
        }
    }
    return doc;
}

void by_comment_number(std::vector<StoredDocument>& comments) {
    std::stable_sort(comments.begin(), comments.end(), [](const StoredDocument& a, const StoredDocument& b) {
        return a.comment_number.value_or(0) < b.comment_number.value_or(0);
    });
}

// "Le  Mali,\n" and "le mali," are one text said twice: what tells a comment read from the
// page from the same comment read from the post's comment feed.
std::string comparable_text(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += text::ascii_lower(c);
    }
    return out;
}

// Appends to a thread the comments of its stand-ins (other files' comments on its article),
// one stand-in after the other, numbered after the thread's own. A comment the thread already
// has (the page's own thread and the post's comment feed both saved) is left out, and a reply
// to it answers the one kept.
void join_comments(Thread& thread, std::vector<StoredDocument> joined) {
    if (joined.empty()) return;
    std::stable_sort(joined.begin(), joined.end(), [](const StoredDocument& a, const StoredDocument& b) {
        return a.article_id != b.article_id ? a.article_id < b.article_id
                                            : a.comment_number.value_or(0) < b.comment_number.value_or(0);
    });
    std::unordered_map<std::string, int> number_of_text;  // comparable_text -> number in the thread
    int last = 0;
    for (const auto& c : thread.comments) {
        last = std::max(last, c.comment_number.value_or(0));
        number_of_text.emplace(comparable_text(c.text), c.comment_number.value_or(0));
    }
    std::map<std::pair<std::string, int>, int> renumbered;  // (stand-in, its number) -> number here
    for (auto& c : joined) {
        const auto own_number = std::make_pair(c.article_id, c.comment_number.value_or(0));
        auto [seen, fresh] = number_of_text.emplace(comparable_text(c.text), last + 1);
        renumbered[own_number] = seen->second;
        if (!fresh) continue;  // already in the thread
        ++last;
        c.comment_number = last;
        if (c.parent_number) {
            auto parent = renumbered.find({c.article_id, *c.parent_number});
            if (parent != renumbered.end()) {
                c.parent_number = parent->second;
                c.parent_id.clear();
                for (const auto& other : thread.comments)
                    if (other.comment_number == parent->second) c.parent_id = other.id;
            } else {
                c.parent_number.reset();
                c.parent_id.clear();
            }
        }
        c.title = thread.article.title;
        c.article_id = thread.article.article_id;
        thread.comments.push_back(std::move(c));
    }
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Runs `read` at the index's latest revision, reopening when a veille-index rewrote it.
template <typename F>
auto at_latest(Xapian::Database& db, F&& read) {
    for (int attempt = 0;; ++attempt) {
        try {
            return read();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw;
            db.reopen();
        }
    }
}

}  // namespace

ThreadReader::ThreadReader(const fs::path& db) : impl_(std::make_unique<Impl>()) {
    impl_->path = db;
    std::error_code ec;
    if (!fs::exists(db, ec))
        throw IndexError("no index at " + db.string() + ": create it with `veille-index --db " + db.string() +
                         " FOLDER`");
    try {
        impl_->db = Xapian::Database(db.string());
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + db.string() + ": " + e.get_msg());
    }
    impl_->gazetteer.load_for_queries(impl_->db.get_metadata(std::string(schema::meta::kGazetteerCompiled)),
                                      impl_->db.get_metadata(std::string(schema::meta::kUserEntities)));
    const auto& all = impl_->gazetteer.entities();
    for (std::size_t i = 0; i < all.size(); ++i) impl_->entity_by_key.emplace(all[i].key, i);
    impl_->revision = impl_->current_revision();
}

ThreadReader::~ThreadReader() = default;
ThreadReader::ThreadReader(ThreadReader&&) noexcept = default;

bool ThreadReader::refresh() {
    try {
        impl_->db.reopen();
    } catch (const Xapian::Error&) {
        return false;  // keep reading the revision we have
    }
    std::string now = impl_->current_revision();
    if (now == impl_->revision) return false;
    impl_->revision = std::move(now);
    impl_->names.clear();
    return true;
}

std::uint64_t ThreadReader::document_count() const { return impl_->db.get_doccount(); }

const analysis::FrenchAnalyzer& ThreadReader::analyzer() const { return impl_->analyzer; }

std::optional<Thread> read_thread(const Xapian::Database& db, std::string_view article_id) {
    if (article_id.empty()) return std::nullopt;
    Thread thread;
    bool found_article = false;
    std::vector<std::string> article_links;
    auto read_documents = [&](std::string_view id) {
        const std::string term = schema::term(Term::Article, id);
        for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
            const Xapian::Document xdoc = db.get_document(*p);
            auto doc = stored_document(xdoc.get_data(), &article_links);
            if (!doc) continue;
            add_collection_entities(xdoc.get_value(schema::kSlotEntities), doc->entities);
            if (doc->kind == documents::Kind::Article) {
                thread.article = std::move(*doc);
                found_article = true;
            } else {
                thread.comments.push_back(std::move(*doc));
            }
        }
    };
    read_documents(article_id);
    // The comments of a stand-in (a comment feed read without its post): the thread is the
    // post's, when the index holds it.
    if (!found_article && !thread.comments.empty() && !thread.comments.front().linked_to.empty()) {
        if (auto did = linked_article(db, thread.comments.front().linked_to)) {
            const auto article = stored_document(db.get_document(*did).get_data(), nullptr);
            if (article && article->article_id != article_id) {
                thread.comments.clear();
                read_documents(article->article_id);
            }
        }
    }
    if (!found_article && thread.comments.empty()) return std::nullopt;
    by_comment_number(thread.comments);
    if (found_article) {
        std::vector<StoredDocument> joined;
        for (Xapian::docid did : comments_linked_to(db, article_links)) {
            auto doc = stored_document(db.get_document(did).get_data(), nullptr);
            if (doc && doc->kind == documents::Kind::Comment && doc->article_id != thread.article.article_id)
                joined.push_back(std::move(*doc));
        }
        join_comments(thread, std::move(joined));
    } else {
        // Comments whose article is gone (an index mid-update) or is in no file indexed:
        // show what they know.
        thread.article_stored = false;
        const StoredDocument& first = thread.comments.front();
        thread.article.id = thread.article.article_id = first.article_id;
        thread.article.title = first.title;
        thread.article.path = first.path;
        thread.article.url = first.url;
    }
    return thread;
}

const StoredDocument* comment_in(const Thread& thread, std::string_view id, std::string_view text) {
    for (const auto& c : thread.comments)
        if (c.id == id) return &c;
    const std::string same = comparable_text(text);
    for (const auto& c : thread.comments)
        if (comparable_text(c.text) == same) return &c;
    return nullptr;
}

std::optional<Thread> ThreadReader::thread(std::string_view article_id) {
    return at_latest(impl_->db, [&] { return read_thread(impl_->db, article_id); });
}

std::vector<EntityName> ThreadReader::entities_starting_with(std::string_view typed, std::size_t limit) {
    // Strip what a user types around a name: quotes and surrounding spaces.
    std::string cleaned;
    for (char c : typed)
        if (c != '"') cleaned += c;
    for (std::string_view q : {"\u00AB", "\u00BB", "\u201C", "\u201D"})
        for (auto at = cleaned.find(q); at != std::string::npos; at = cleaned.find(q)) cleaned.erase(at, q.size());
    const std::string folded = impl_->gazetteer.key_of(cleaned);

    return at_latest(impl_->db, [&] {
        std::map<std::string, std::uint64_t> keys;  // key -> documents
        const std::string entity_prefix(schema::prefix(Term::Entity));
        const std::string article_prefix(schema::prefix(Term::ArticleEntity));
        const std::string start = entity_prefix + folded;
        for (auto t = impl_->db.allterms_begin(start); t != impl_->db.allterms_end(start); ++t) {
            const std::string term = *t;
            if (starts_with(term, article_prefix)) continue;  // XNA…: an article's entity
            keys[term.substr(entity_prefix.size())] = t.get_termfreq();
        }
        // Aliases: "daech" finds État islamique when the index holds it.
        if (!folded.empty()) {
            const auto& all = impl_->gazetteer.entities();
            for (const auto& form : impl_->gazetteer.forms()) {
                std::string joined;
                for (const auto& u : form.units) {
                    if (!joined.empty()) joined += ' ';
                    joined += u;
                }
                if (!starts_with(joined, folded)) continue;
                const std::string& key = all[form.entity].key;
                if (keys.count(key)) continue;
                const auto n = impl_->db.get_termfreq(entity_prefix + key);
                if (n > 0) keys[key] = n;
            }
        }
        std::vector<EntityName> out;
        for (const auto& [key, n] : keys) out.push_back({std::string(), key, n});
        std::sort(out.begin(), out.end(), [](const EntityName& a, const EntityName& b) {
            return a.documents != b.documents ? a.documents > b.documents : a.key < b.key;
        });
        if (out.size() > limit) out.resize(limit);
        for (auto& e : out) e.name = impl_->display_name(e.key);
        return out;
    });
}

std::optional<std::string> ThreadReader::canonical_entity(std::string_view name) {
    if (auto i = impl_->gazetteer.resolve(name)) return impl_->gazetteer.entities()[*i].name;
    const std::string key = impl_->gazetteer.key_of(name);
    if (key.empty()) return std::nullopt;
    return at_latest(impl_->db, [&]() -> std::optional<std::string> {
        if (impl_->db.get_termfreq(schema::term(Term::Entity, key)) == 0) return std::nullopt;
        return impl_->display_name(key);
    });
}

std::optional<std::pair<int, int>> ThreadReader::year_span() const {
    const std::string low = impl_->db.get_value_lower_bound(schema::kSlotDate);
    const std::string high = impl_->db.get_value_upper_bound(schema::kSlotDate);
    if (low.size() < 4 || high.size() < 4) return std::nullopt;
    const int first = std::atoi(low.substr(0, 4).c_str());
    const int last = std::atoi(high.substr(0, 4).c_str());
    if (first <= 0 || last < first) return std::nullopt;
    return std::make_pair(first, last);
}

snippets::HighlightTerms ThreadReader::highlight_terms(std::string_view query) const {
    return impl_->builder.parse(query).highlight;
}

}  // namespace veille::search
