#include "indexing/index_writer.hpp"

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include <optional>

#include "analysis/french_analyzer.hpp"
#include "dates/date_sources.hpp"
#include "errors.hpp"
#include "entities/entity_matcher.hpp"
#include "entities/gazetteer.hpp"
#include "indexing/document_builder.hpp"
#include "indexing/file_walker.hpp"
#include "schema/schema.hpp"

namespace veille::indexing {

namespace fs = std::filesystem;
using schema::Term;

namespace {

std::string record_key(const std::string& file_key) {
    return std::string(schema::meta::kFilePrefix) + file_key;
}

// What the index remembers of each file, in its metadata: enough to tell "unchanged" with a
// stat, and "changed on disk but same content" with a hash, without re-analysing.
struct FileRecord {
    std::string path;
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string content_hash;
    std::string format;  // readers::format_name; absent in indexes written before formats

    std::string to_json() const {
        return nlohmann::json{{"path", path}, {"size", size}, {"mtime", mtime_ns}, {"hash", content_hash},
                              {"format", format}}
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    static bool from_json(const std::string& s, FileRecord& r) {
        auto j = nlohmann::json::parse(s, nullptr, false);
        if (!j.is_object()) return false;
        r.path = j.value("path", "");
        r.size = j.value("size", std::uintmax_t{0});
        r.mtime_ns = j.value("mtime", std::int64_t{0});
        r.content_hash = j.value("hash", "");
        r.format = j.value("format", "");
        if (r.format.empty()) r.format = readers::format_name(readers::detect_format(r.path));
        return !r.path.empty();
    }
};

// The file records and, beside them, content hash -> file: what finds a renamed file.
class Records {
public:
    explicit Records(Xapian::WritableDatabase& db) : db_(db) {}

    bool get(const std::string& file_key, FileRecord& out) const {
        return FileRecord::from_json(db_.get_metadata(record_key(file_key)), out);
    }
    void put(const std::string& file_key, const FileRecord& r, const FileRecord* old) {
        if (old && old->content_hash != r.content_hash) db_.set_metadata(hash_key(old->content_hash, file_key), "");
        db_.set_metadata(record_key(file_key), r.to_json());
        if (!r.content_hash.empty()) db_.set_metadata(hash_key(r.content_hash, file_key), r.path);
    }
    void erase(const std::string& file_key, const FileRecord& old) {
        db_.set_metadata(record_key(file_key), "");
        if (!old.content_hash.empty()) db_.set_metadata(hash_key(old.content_hash, file_key), "");
    }
    // Files indexed with this content: (file key, record).
    std::vector<std::pair<std::string, FileRecord>> with_hash(const std::string& hash) const {
        std::vector<std::pair<std::string, FileRecord>> out;
        const std::string prefix = hash_key(hash, "");
        for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
            const std::string file_key = (*it).substr(prefix.size());
            FileRecord r;
            if (get(file_key, r) && r.content_hash == hash) out.emplace_back(file_key, std::move(r));
        }
        return out;
    }

private:
    static std::string hash_key(const std::string& hash, const std::string& file_key) {
        return std::string(schema::meta::kHashPrefix) + hash + ":" + file_key;
    }
    Xapian::WritableDatabase& db_;
};

// An article's id: the file key for the one article of a file without keys, else a hash of
// the path and the article's key (a JSON Lines record id), so that editing one record of a
// file leaves the ids of the others as they were.
std::string article_id_for(const std::string& path, const std::string& file_key,
                           const std::vector<documents::Article>& articles, std::size_t a) {
    if (articles.size() == 1 && articles[0].key.empty()) return file_key;
    const std::string& key = articles[a].key;
    return schema::hash_hex(path + "#" + (key.empty() ? std::to_string(a) : key));
}

// Moves the documents of a renamed file to its new path without analysing them again: ids,
// article ids, file key and stored path are rewritten. DocumentBuilder depends on the path
// only through those and through a date read from the path, checked first. Returns the
// number of documents moved, or nullopt when they cannot be moved (the caller then indexes
// the file anew, after deleting what is under either key).
std::optional<std::size_t> move_documents(Xapian::WritableDatabase& db, const std::string& old_path,
                                          const std::string& old_key, const std::string& new_path,
                                          const std::string& new_key,
                                          const std::vector<documents::Article>& articles) {
    std::map<std::string, std::string> new_id_of;  // old article id -> new article id
    for (std::size_t a = 0; a < articles.size(); ++a) {
        const auto& art = articles[a];
        const auto before = dates::resolve_article_date(art.meta.date, old_path, art.body);
        const auto after = dates::resolve_article_date(art.meta.date, new_path, art.body);
        if (before.date != after.date || before.source != after.source) return std::nullopt;
        new_id_of[article_id_for(old_path, old_key, articles, a)] = article_id_for(new_path, new_key, articles, a);
    }
    const std::string old_file_term = schema::term(Term::File, old_key);
    std::vector<Xapian::docid> ids;
    for (auto it = db.postlist_begin(old_file_term); it != db.postlist_end(old_file_term); ++it) ids.push_back(*it);
    if (ids.empty()) return std::nullopt;
    namespace d = schema::data;
    struct Move {
        Xapian::docid did;
        Xapian::Document doc;
        nlohmann::json data;
        std::string old_article, new_article;
    };
    std::vector<Move> moves;
    for (Xapian::docid did : ids) {
        Move m{did, db.get_document(did), {}, {}, {}};
        m.data = nlohmann::json::parse(m.doc.get_data(), nullptr, false);
        if (!m.data.is_object() || !m.data.contains(d::kArticleId) || !m.data[d::kArticleId].is_string() ||
            !m.data.contains(d::kId) || !m.data[d::kId].is_string())
            return std::nullopt;
        m.old_article = m.data[d::kArticleId].get<std::string>();
        auto it = new_id_of.find(m.old_article);
        if (it == new_id_of.end() || !m.data[d::kId].get<std::string>().starts_with(m.old_article))
            return std::nullopt;
        m.new_article = it->second;
        moves.push_back(std::move(m));
    }
    auto renamed = [](const std::string& id, const std::string& from, const std::string& to) {
        return id.starts_with(from) ? to + id.substr(from.size()) : id;
    };
    for (auto& m : moves) {
        const std::string old_id = m.data[d::kId].get<std::string>();
        const std::string new_id = renamed(old_id, m.old_article, m.new_article);
        m.doc.remove_term(schema::term(Term::UniqueId, old_id));
        m.doc.add_boolean_term(schema::term(Term::UniqueId, new_id));
        m.doc.remove_term(schema::term(Term::Article, m.old_article));
        m.doc.add_boolean_term(schema::term(Term::Article, m.new_article));
        m.doc.remove_term(old_file_term);
        m.doc.add_boolean_term(schema::term(Term::File, new_key));
        m.doc.add_value(schema::kSlotArticle, m.new_article);
        m.data[d::kId] = new_id;
        m.data[d::kArticleId] = m.new_article;
        if (m.data.contains(d::kParentId) && m.data[d::kParentId].is_string())
            m.data[d::kParentId] = renamed(m.data[d::kParentId].get<std::string>(), m.old_article, m.new_article);
        m.data[d::kPath] = new_path;
        m.doc.set_data(m.data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        db.replace_document(m.did, m.doc);
    }
    return moves.size();
}


bool is_under(const std::string& path, const std::vector<fs::path>& roots) {
    for (const auto& root : roots) {
        const std::string r = root.string();
        if (path == r) return true;
        if (path.size() > r.size() && path.compare(0, r.size(), r) == 0 &&
            (r.back() == '/' || path[r.size()] == '/'))
            return true;
    }
    return false;
}

Xapian::WritableDatabase open_writable(const fs::path& db) {
    std::error_code ec;
    fs::create_directories(db, ec);
    if (ec) throw IndexError("cannot create index folder " + db.string() + ": " + ec.message());
    try {
        return Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("index is being written by another process: " + db.string());
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + db.string() + ": " + e.get_description());
    }
}

}  // namespace

IndexSummary update_index(const IndexOptions& options, IndexObserver& observer) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    auto report = [&](const documents::Diagnostic& d) {
        ++summary.warnings;
        observer.on_diagnostic(d);
    };
    auto skip = [&](const std::string& path, const std::string& reason) {
        ++summary.files_skipped;
        // Group "cannot read: X" and similar by their reason, without the details after ':'.
        const std::string group = reason.substr(0, reason.find(" ("));
        ++summary.skipped_by_reason[group];
        // Files of other kinds (images, PDFs) beside the articles are expected: the summary
        // counts them; a warning for each would bury the ones that matter.
        if (group != "unsupported format")
            observer.on_diagnostic({documents::Severity::Warning, path, 0, "skipped: " + reason});
    };

    Xapian::WritableDatabase db = open_writable(options.db);
    const std::string schema_version = std::to_string(schema::kSchemaVersion);
    const std::string stored_version = db.get_metadata(std::string(schema::meta::kSchemaVersion));
    if (!stored_version.empty() && stored_version != schema_version) {
        // An index written by another schema would be misread: start again from scratch.
        report({documents::Severity::Warning, options.db.string(), 0,
                "index schema " + stored_version + " is outdated: rebuilding it"});
        db.close();
        db = Xapian::WritableDatabase(options.db.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    }
    db.set_metadata(std::string(schema::meta::kSchemaVersion), schema_version);

    std::vector<documents::Diagnostic> walk_diags;
    std::vector<fs::path> roots;
    for (const auto& in : options.inputs) roots.push_back(normalise_path(in));
    const auto files = walk_files(options.inputs, walk_diags);
    for (const auto& d : walk_diags) {
        if (d.message.rfind("skipped: ", 0) == 0)
            skip(d.path, d.message.substr(9));
        else
            report(d);
    }
    summary.files_seen = files.size();

    analysis::FrenchAnalyzer analyzer;
    entities::EntityGazetteer gazetteer(analyzer);
    std::vector<documents::Diagnostic> gazetteer_diags;
    gazetteer.load_tsv(entities::EntityGazetteer::builtin_tsv(), "gazetteer.tsv", gazetteer_diags);
    std::string user_entities;
    for (const auto& file : options.entity_files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw UsageError("cannot read entity file " + file.string());
        std::stringstream ss;
        ss << in.rdbuf();
        gazetteer.load_tsv(ss.str(), file.string(), gazetteer_diags);
        user_entities += ss.str();
        user_entities += '\n';
    }
    for (const auto& d : gazetteer_diags) report(d);
    // The query side resolves aliases of the user's entities from here.
    db.set_metadata(std::string(schema::meta::kUserEntities), user_entities);
    const std::string gazetteer_hash =
        schema::hash_hex(std::string(entities::EntityGazetteer::builtin_tsv()) + '\0' + user_entities);
    const bool gazetteer_changed =
        db.get_metadata(std::string(schema::meta::kGazetteerHash)) != gazetteer_hash;
    // An index with no file yet has nothing to re-analyse: record the gazetteer now, so that a
    // first run killed half-way is continued, not restarted. Otherwise it is recorded at the end.
    const std::string file_prefix(schema::meta::kFilePrefix);
    if (db.metadata_keys_begin(file_prefix) == db.metadata_keys_end(file_prefix))
        db.set_metadata(std::string(schema::meta::kGazetteerHash), gazetteer_hash);
    entities::EntityMatcher matcher(gazetteer);
    DocumentBuilder builder(analyzer, &matcher);
    Records records(db);
    std::size_t pending_docs = 0;
    std::set<std::string> seen_keys;

    // Everything between two commits is one transaction: see the header.
    bool in_transaction = false;
    auto begin = [&] {
        if (!in_transaction) {
            db.begin_transaction(true);
            in_transaction = true;
        }
    };
    auto commit = [&] {
        if (in_transaction) {
            db.commit_transaction();
            in_transaction = false;
        } else {
            db.commit();
        }
        pending_docs = 0;
    };
    auto maybe_commit = [&] {
        if (pending_docs >= options.commit_every_docs) commit();
    };
    auto count_format = [&](const std::string& format) { ++summary.files_by_format[format]; };
    auto add_documents = [&](const std::string& path, const std::string& file_key,
                             const readers::FileContents& contents) {
        for (std::size_t a = 0; a < contents.articles.size(); ++a) {
            const auto& article = contents.articles[a];
            const std::string article_id = article_id_for(path, file_key, contents.articles, a);
            for (auto& built : builder.build(article, article_id, path, file_key)) {
                db.replace_document(schema::term(Term::UniqueId, built.id), built.document);
                ++pending_docs;
            }
            ++summary.articles;
            summary.comments += article.comments.size();
        }
    };

    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& f = files[i];
        observer.on_progress(i, files.size(), f.path);
        const std::string path = f.path.string();
        const std::string file_key = schema::hash_hex(path);
        seen_keys.insert(file_key);

        FileRecord old;
        const bool known = records.get(file_key, old);
        if (known && !gazetteer_changed && old.size == f.size && old.mtime_ns == f.mtime_ns) {
            ++summary.files_unchanged;
            count_format(old.format);
            continue;
        }

        readers::FileContents contents = readers::read_file(f.path, options.read);
        for (const auto& d : contents.diagnostics) report(d);
        const std::string file_term = schema::term(Term::File, file_key);
        begin();
        if (contents.skipped) {
            skip(path, contents.skip_reason);
            if (known) {  // it was indexed before and is no longer readable: drop it
                db.delete_document(file_term);
                records.erase(file_key, old);
            }
            continue;
        }

        const std::string format = readers::format_name(contents.format);
        FileRecord record{path, f.size, f.mtime_ns, contents.content_hash, format};
        if (known && !gazetteer_changed && old.content_hash == record.content_hash) {
            // Touched but not changed: remember the new stat, analyse nothing.
            records.put(file_key, record, &old);
            ++summary.files_unchanged;
            count_format(format);
            continue;
        }

        if (!known && !gazetteer_changed) {
            // Renamed or moved: the same content was indexed under a path that is gone.
            bool moved = false;
            for (const auto& [other_key, other] : records.with_hash(record.content_hash)) {
                if (other_key == file_key) continue;
                std::error_code ec;
                if (fs::exists(other.path, ec) || ec) continue;  // a copy, not a rename
                const auto n = move_documents(db, other.path, other_key, path, file_key, contents.articles);
                if (!n) {
                    db.delete_document(schema::term(Term::File, other_key));
                    db.delete_document(file_term);
                    records.erase(other_key, other);
                    break;
                }
                records.erase(other_key, other);
                records.put(file_key, record, nullptr);
                pending_docs += *n;
                ++summary.files_renamed;
                count_format(format);
                moved = true;
                break;
            }
            if (moved) {
                maybe_commit();
                continue;
            }
        }

        // Replace the file's documents as one unit. Deleting by the file term also removes
        // whatever an earlier version had that this one has not (a comment fewer).
        db.delete_document(file_term);
        add_documents(path, file_key, contents);
        records.put(file_key, record, known ? &old : nullptr);
        ++summary.files_indexed;
        count_format(format);
        maybe_commit();
    }

    // Files that were indexed from under these roots and are gone now.
    std::vector<std::pair<std::string, FileRecord>> removed;  // file key, record
    const std::string meta_prefix(schema::meta::kFilePrefix);
    for (auto it = db.metadata_keys_begin(meta_prefix); it != db.metadata_keys_end(meta_prefix); ++it) {
        const std::string k = *it;
        const std::string file_key = k.substr(meta_prefix.size());
        if (seen_keys.count(file_key)) continue;
        FileRecord r;
        if (FileRecord::from_json(db.get_metadata(k), r) && is_under(r.path, roots))
            removed.emplace_back(file_key, std::move(r));
    }
    begin();
    for (const auto& [file_key, r] : removed) {
        db.delete_document(schema::term(Term::File, file_key));
        records.erase(file_key, r);
        ++summary.files_removed;
    }
    // Only now is every file analysed with this gazetteer: a run killed earlier re-analyses.
    db.set_metadata(std::string(schema::meta::kGazetteerHash), gazetteer_hash);
    commit();
    summary.index_articles = db.get_termfreq(schema::term(Term::Kind, documents::kind_name(documents::Kind::Article)));
    summary.index_comments = db.get_termfreq(schema::term(Term::Kind, documents::kind_name(documents::Kind::Comment)));
    observer.on_progress(files.size(), files.size(), {});
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace veille::indexing
