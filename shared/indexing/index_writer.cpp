#include "indexing/index_writer.hpp"

#include <pthread.h>

#include <xapian.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "analysis/french_analyzer.hpp"
#include "dates/date_sources.hpp"
#include "documents/furniture.hpp"
#include "indexing/collection_entities.hpp"
#include "indexing/fresh_build.hpp"
#include "entities/entity_matcher.hpp"
#include "entities/compiled_gazetteer.hpp"
#include "entities/gazetteer.hpp"
#include "entities/gazetteer_lookup.hpp"
#include "errors.hpp"
#include "indexing/document_builder.hpp"
#include "indexing/file_walker.hpp"
#include "readers/warc_reader.hpp"
#include "schema/facet_column.hpp"
#include "schema/index_location.hpp"
#include "schema/schema.hpp"
#include "schema/stored_data.hpp"

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

// How far a web archive was read (schema::meta::kArchivePrefix): a run over the archive grown
// since resumes at `position` when the bytes before it hash to `prefix_hash` still.
struct ArchiveState {
    readers::WarcPosition position;
    std::string prefix_hash;

    std::string to_json() const {
        return nlohmann::json{{"offset", position.offset}, {"records", position.records}, {"prefix", prefix_hash}}
            .dump();
    }
    static bool from_json(const std::string& s, ArchiveState& r) {
        auto j = nlohmann::json::parse(s, nullptr, false);
        if (!j.is_object()) return false;
        r.position.offset = j.value("offset", std::uint64_t{0});
        r.position.records = j.value("records", std::size_t{0});
        r.prefix_hash = j.value("prefix", "");
        return !r.prefix_hash.empty();
    }
};

// The file records and, beside them, content hash -> file: what finds a renamed file; and
// how far each web archive was read.
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
        if (old.format == readers::format_name(readers::Format::Warc)) db_.set_metadata(archive_key(file_key), "");
    }
    bool get_archive(const std::string& file_key, ArchiveState& out) const {
        return ArchiveState::from_json(db_.get_metadata(archive_key(file_key)), out);
    }
    void put_archive(const std::string& file_key, const ArchiveState& state) {
        db_.set_metadata(archive_key(file_key), state.to_json());
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
    static std::string archive_key(const std::string& file_key) {
        return std::string(schema::meta::kArchivePrefix) + file_key;
    }
    Xapian::WritableDatabase& db_;
};

// The id of the article of this file with this key (Article::key).
std::string keyed_article_id(const std::string& path, const std::string& key) {
    return schema::hash_hex(path + "#" + key);
}

// An article's id: the file key for the one article of a file without keys, else a hash of
// the path and the article's key (a JSON Lines record id), so that editing one record of a
// file leaves the ids of the others as they were.
std::string article_id_for(const std::string& path, const std::string& file_key,
                           const std::vector<documents::Article>& articles, std::size_t a) {
    if (articles.size() == 1 && articles[0].key.empty()) return file_key;
    const std::string& key = articles[a].key;
    return keyed_article_id(path, key.empty() ? std::to_string(a) : key);
}

bool is_archive(const fs::path& path) { return readers::detect_format(path) == readers::Format::Warc; }

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
        nlohmann::json fields;  // the stored data's
        std::string text;
        std::string old_article, new_article;
    };
    std::vector<Move> moves;
    for (Xapian::docid did : ids) {
        Move m{did, db.get_document(did), {}, {}, {}, {}};
        const std::string raw = m.doc.get_data();
        auto data = schema::decode_stored_data(raw);
        m.text = data.text;  // copied: `raw`, which it views, ends with this iteration
        m.fields = std::move(data.fields);
        auto& fields = m.fields;
        if (!fields.is_object() || !fields.contains(d::kArticleId) || !fields[d::kArticleId].is_string() ||
            !fields.contains(d::kId) || !fields[d::kId].is_string())
            return std::nullopt;
        m.old_article = fields[d::kArticleId].get<std::string>();
        auto it = new_id_of.find(m.old_article);
        if (it == new_id_of.end() || !fields[d::kId].get<std::string>().starts_with(m.old_article))
            return std::nullopt;
        m.new_article = it->second;
        moves.push_back(std::move(m));
    }
    auto renamed = [](const std::string& id, const std::string& from, const std::string& to) {
        return id.starts_with(from) ? to + id.substr(from.size()) : id;
    };
    for (auto& m : moves) {
        auto& fields = m.fields;
        const std::string old_id = fields[d::kId].get<std::string>();
        const std::string new_id = renamed(old_id, m.old_article, m.new_article);
        m.doc.remove_term(schema::term(Term::UniqueId, old_id));
        m.doc.add_boolean_term(schema::term(Term::UniqueId, new_id));
        m.doc.remove_term(schema::term(Term::Article, m.old_article));
        m.doc.add_boolean_term(schema::term(Term::Article, m.new_article));
        m.doc.remove_term(old_file_term);
        m.doc.add_boolean_term(schema::term(Term::File, new_key));
        m.doc.add_value(schema::kSlotArticle, m.new_article);
        m.doc.add_value(schema::kSlotDateOrder, schema::date_order(m.doc.get_value(schema::kSlotDate), new_id));
        fields[d::kId] = new_id;
        fields[d::kArticleId] = m.new_article;
        if (fields.contains(d::kParentId) && fields[d::kParentId].is_string())
            fields[d::kParentId] = renamed(fields[d::kParentId].get<std::string>(), m.old_article, m.new_article);
        fields[d::kPath] = new_path;
        if (!m.doc.get_value(schema::kSlotReprintSource).empty())
            m.doc.add_value(schema::kSlotReprintSource,
                            schema::reprint_source(schema::stored_string(fields, d::kSource), new_path));
        fields.erase(d::kText);  // a field before schema 5
        m.doc.set_data(schema::encode_stored_data(fields, m.text));
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

// A run killed while Xapian was creating a new database can leave its tables without the
// revision file (iamglass) that names them; Xapian then refuses to open the folder ("failed to
// open glass revision file"). Nothing was ever committed there: the table files are removed so
// the database is created afresh. A folder holding anything else is left to Xapian to judge.
void discard_unfinished_creation(const fs::path& db) {
    std::error_code ec;
    if (schema::is_database(db) || fs::exists(db / schema::kStubFileName, ec)) return;
    std::vector<fs::path> tables;
    for (fs::directory_iterator it(db, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const bool glass_file = name == "flintlock" || name.ends_with(".glass") || name.ends_with(".tmp");
        if (!glass_file || !it->is_regular_file(ec)) return;
        if (name != "flintlock") tables.push_back(it->path());
    }
    for (const auto& t : tables) fs::remove(t, ec);
}

Xapian::WritableDatabase open_writable(const fs::path& db) {
    std::error_code ec;
    fs::create_directories(db, ec);
    if (ec) throw IndexError("cannot create index folder " + db.string() + ": " + ec.message());
    discard_unfinished_creation(db);
    try {
        return Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexError("index is being written by another process: " + db.string());
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open index " + db.string() + ": " + e.get_description());
    }
}

void name_thread(const char* name) { ::pthread_setname_np(::pthread_self(), name); }

// ---------------------------------------------------------------------------------------
// Analysis on worker threads.

// A gazetteer text every analysing thread loads: the built-in one, then the user's files.
// The entity gazetteer of a run, loaded once: read-only once loaded, so every analysing
// thread shares it (the matcher never analyses names itself).
struct LoadedGazetteer {
    analysis::FrenchAnalyzer analyzer;  // only used while loading
    entities::EntityGazetteer gazetteer{analyzer};
};

// What one thread needs to turn files into documents. Nothing here is shared between
// threads but the gazetteer: FrenchAnalyzer caches stems (not thread-safe).
struct Analysis {
    explicit Analysis(const entities::EntityGazetteer& gazetteer) : matcher(gazetteer) {}
    analysis::FrenchAnalyzer analyzer;
    entities::EntityMatcher matcher;
    DocumentBuilder builder{analyzer, &matcher};
};

// Threads that run tasks, each with its own Analysis. Without threads, a task runs at once
// in the thread that submits it.
class AnalysisPool {
public:
    using Task = std::function<void(Analysis&)>;

    AnalysisPool(unsigned threads, const entities::EntityGazetteer& gazetteer) {
        if (threads == 0) {
            inline_ = std::make_unique<Analysis>(gazetteer);
            return;
        }
        for (unsigned i = 0; i < threads; ++i) {
            auto analysis = std::make_shared<Analysis>(gazetteer);
            threads_.emplace_back([this, analysis] { work(*analysis); });
        }
    }
    ~AnalysisPool() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
            tasks_.clear();  // an aborted run: what is queued is no longer wanted
        }
        ready_.notify_all();
        for (auto& t : threads_) t.join();
    }
    AnalysisPool(const AnalysisPool&) = delete;
    AnalysisPool& operator=(const AnalysisPool&) = delete;

    void submit(Task task) {
        if (inline_) return task(*inline_);
        {
            std::lock_guard lock(mutex_);
            tasks_.push_back(std::move(task));
        }
        ready_.notify_one();
    }

private:
    void work(Analysis& analysis) {
        name_thread("veille-analyse");
        for (;;) {
            Task task;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
                if (tasks_.empty()) return;
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            task(analysis);  // never throws: tasks hand their exceptions to their promise
        }
    }

    std::unique_ptr<Analysis> inline_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Task> tasks_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

// A page of a web archive read and analysed, ready for its database.
struct PreparedPage {
    std::string article_id;
    std::size_t comments = 0;
    std::vector<BuiltDocument> documents;  // none: the page had no text
    std::vector<documents::Diagnostic> diagnostics;
};

// A file read and analysed, ready for its database.
struct Prepared {
    readers::FileContents contents;
    bool same_content = false;  // a known file, touched but not changed: nothing analysed
    std::vector<std::vector<BuiltDocument>> documents;  // per article: the article, then its comments
};

// ---------------------------------------------------------------------------------------
// The summary and the observer, shared by the writers of every shard.
class Reporter {
public:
    Reporter(IndexObserver& observer, IndexSummary& summary, std::size_t total)
        : observer_(observer), summary_(summary), total_(total) {}

    template <class F>
    void update(F&& f) {
        std::lock_guard lock(mutex_);
        f(summary_);
    }
    void diagnostic(const documents::Diagnostic& d) {
        std::lock_guard lock(mutex_);
        ++summary_.warnings;
        observer_.on_diagnostic(d);
    }
    void skip(const std::string& path, const std::string& reason) {
        std::lock_guard lock(mutex_);
        ++summary_.files_skipped;
        // Group "cannot read: X" and similar by their reason, without the details after ':'.
        const std::string group = reason.substr(0, reason.find(" ("));
        ++summary_.skipped_by_reason[group];
        // Files of other kinds (images, PDFs) beside the articles are expected: the summary
        // counts them; a warning for each would bury the ones that matter.
        if (group != "unsupported format")
            observer_.on_diagnostic({documents::Severity::Warning, path, 0, "skipped: " + reason});
    }
    void progress(const fs::path& current) {
        std::lock_guard lock(mutex_);
        observer_.on_progress(done_++, total_, current);
    }
    void finished() {
        std::lock_guard lock(mutex_);
        observer_.on_progress(total_, total_, {});
    }

private:
    std::mutex mutex_;
    IndexObserver& observer_;
    IndexSummary& summary_;
    std::size_t total_;
    std::size_t done_ = 0;
};

// What every shard's writer shares.
struct RunContext {
    const IndexOptions& options;
    std::vector<fs::path> roots;
    std::string user_entities;
    std::string gazetteer_hash;
    std::string gazetteer_compiled;  // the names a query needs, analysed once here
    // The same cut into the records a query fetches one by one; none when a name is too long.
    std::optional<entities::LookupRecords> gazetteer_lookup;
    AnalysisPool& pool;
    Reporter& reporter;
    std::atomic<bool>& failed;  // a writer failed: the others stop at their next file
    // The collection's page furniture, complete before any file is analysed (see run()).
    const documents::FurnitureDetector* furniture = nullptr;
};

// The source an article's furniture is learnt from: its site or paper when the file says,
// else the folder it was saved in.
std::string furniture_group(const documents::Article& article, const std::string& path) {
    if (!article.meta.source.empty()) return "source:" + article.meta.source;
    return "folder:" + fs::path(path).parent_path().string();
}

// Takes the collection's page furniture out of an article's body.
void clean_furniture(const documents::FurnitureDetector& furniture, Analysis& analysis,
                     documents::Article& article, const std::string& path) {
    // A line that is only a known name (a tag line) says what the article is about.
    auto is_a_name = [&](std::string_view line) {
        const std::string key = entities::EntityGazetteer::key_with(analysis.analyzer, line);
        return !key.empty() && analysis.matcher.gazetteer().by_units(key).has_value();
    };
    article.body = furniture.clean(furniture_group(article, path), article.body, is_a_name).text;
}

// How far the writer lets the analysing threads run ahead: bounds the memory held by files
// read and analysed but not yet written, whatever the size of the collection.
constexpr std::size_t kMaxFilesAhead = 64;
constexpr std::uintmax_t kMaxBytesAhead = 64ull << 20;
constexpr std::size_t kMaxWindow = 4096;  // files looked at ahead (most unchanged: a stat each)
// The same bounds for the pages of one web archive, read by the writer as it goes.
constexpr std::size_t kMaxPagesAhead = 256;

// What a file weighs in the read-ahead: its size, but nothing for an archive, which is not
// read ahead (the writer streams it when its turn comes).
std::uintmax_t read_ahead_bytes(const WalkedFile& f) { return is_archive(f.path) ? 0 : f.size; }

// Keeps one database in step with its files: applies what the analysing threads prepared,
// in file order, in transactions of options.commit_every_docs documents.
class ShardWriter {
public:
    ShardWriter(const fs::path& path, RunContext& run) : path_(path), run_(run), db_(open_writable(path)), records_(db_) {
        const std::string schema_version = std::to_string(schema::kSchemaVersion);
        const std::string stored_version = db_.get_metadata(std::string(schema::meta::kSchemaVersion));
        if (!stored_version.empty() && stored_version != schema_version) {
            // An index written by another schema would be misread: start again from scratch.
            run_.reporter.diagnostic({documents::Severity::Warning, path.string(), 0,
                                      "index schema " + stored_version + " is outdated: rebuilding it"});
            db_.close();
            db_ = Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        }
        set_metadata(schema::meta::kSchemaVersion, schema_version);
        // The query side resolves aliases of the user's entities from here.
        set_metadata(schema::meta::kUserEntities, run_.user_entities);
        store_gazetteer_for_queries();
        gazetteer_changed_ = db_.get_metadata(std::string(schema::meta::kGazetteerHash)) != run_.gazetteer_hash;
        // An index with no file yet has nothing to re-analyse: record the gazetteer now, so that
        // a first run killed half-way is continued, not restarted. Otherwise it is recorded at
        // the end.
        const std::string file_prefix(schema::meta::kFilePrefix);
        if (db_.metadata_keys_begin(file_prefix) == db_.metadata_keys_end(file_prefix))
            set_metadata(schema::meta::kGazetteerHash, run_.gazetteer_hash);
    }

    // Writes a metadata value only when it differs: Xapian takes any write as a change, and a
    // run that changed nothing must not make a new revision (the facet column, keyed to the
    // revision, would be written again: seconds at 16x).
    void set_metadata(std::string_view key, const std::string& value) {
        const std::string k(key);
        if (db_.get_metadata(k) != value) db_.set_metadata(k, value);
    }

    // The compiled gazetteer and its lookup records, written when they differ from what the
    // index holds: some 8,000 records, not rewritten by every run.
    void store_gazetteer_for_queries() {
        const std::string prefix(schema::meta::kGazetteerLookupPrefix);
        // The head is the first record: it names the layout, so a new layout is written too.
        const std::string head = run_.gazetteer_lookup ? run_.gazetteer_lookup->front().second : "";
        if (db_.get_metadata(std::string(schema::meta::kGazetteerCompiled)) == run_.gazetteer_compiled &&
            db_.get_metadata(prefix + "head") == head)
            return;
        db_.set_metadata(std::string(schema::meta::kGazetteerCompiled), run_.gazetteer_compiled);
        std::vector<std::string> stale;  // the records of another gazetteer never answer for this one
        for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) stale.push_back(*it);
        for (const auto& key : stale) db_.set_metadata(key, "");
        if (run_.gazetteer_lookup)
            for (const auto& [key, value] : *run_.gazetteer_lookup) db_.set_metadata(prefix + key, value);
    }

    // Brings the database in step with `files` (in path order), then removes the files that
    // were indexed from under the roots and are gone.
    void update(const std::vector<const WalkedFile*>& files) {
        struct Pending {
            const WalkedFile* file;
            std::string path, file_key;
            std::optional<FileRecord> old;  // the file's record, when the index knows it
            std::optional<std::future<Prepared>> prepared;  // none: unchanged by its stat, or an archive
            bool archive = false;  // a web archive to stream when its turn comes
        };
        std::deque<Pending> window;
        std::size_t next = 0, files_ahead = 0;
        std::uintmax_t bytes_ahead = 0;
        while (next < files.size() || !window.empty()) {
            if (run_.failed) return;
            // Look ahead: send the files that need reading to the analysing threads.
            while (next < files.size() && window.size() < kMaxWindow &&
                   (files_ahead == 0 ||
                    (files_ahead < kMaxFilesAhead && bytes_ahead + read_ahead_bytes(*files[next]) <= kMaxBytesAhead))) {
                const WalkedFile& f = *files[next++];
                Pending p{&f, f.path.string(), schema::hash_hex(f.path.string()), std::nullopt, std::nullopt};
                if (FileRecord r; records_.get(p.file_key, r)) p.old = std::move(r);
                if (!unchanged_by_stat(p.old ? &*p.old : nullptr, f)) {
                    if (is_archive(f.path)) {
                        p.archive = true;
                    } else {
                        p.prepared = prepare(p.path, p.file_key, p.old ? &*p.old : nullptr);
                        ++files_ahead;
                        bytes_ahead += f.size;
                    }
                }
                window.push_back(std::move(p));
            }
            Pending p = std::move(window.front());
            window.pop_front();
            run_.reporter.progress(p.file->path);
            seen_keys_.insert(p.file_key);
            if (p.archive) {
                apply_archive(*p.file, p.path, p.file_key, p.old ? &*p.old : nullptr);
                continue;
            }
            if (!p.prepared) {
                run_.reporter.update([&](IndexSummary& s) {
                    ++s.files_unchanged;
                    ++s.files_by_format[p.old->format];
                });
                continue;
            }
            --files_ahead;
            bytes_ahead -= p.file->size;
            apply(*p.file, p.path, p.file_key, p.old ? &*p.old : nullptr, p.prepared->get());
        }
        remove_vanished();
    }

    // Whether update() will read `f` (new, changed, or analysed with another gazetteer).
    bool needs_reading(const WalkedFile& f) {
        FileRecord r;
        const bool known = records_.get(schema::hash_hex(f.path.string()), r);
        return !unchanged_by_stat(known ? &r : nullptr, f);
    }

    // Where the next read of this archive starts: where the last one stopped, when the bytes
    // before it are the same (records were only appended) and the gazetteer too; else at
    // the beginning.
    readers::WarcPosition archive_start(const WalkedFile& f) const {
        ArchiveState state;
        if (gazetteer_changed_ || !records_.get_archive(schema::hash_hex(f.path.string()), state)) return {};
        if (state.position.offset == 0 || state.position.offset > f.size) return {};
        if (readers::warc_prefix_hash(f.path, state.position.offset) != state.prefix_hash) return {};
        return state.position;
    }

    Xapian::WritableDatabase& database() { return db_; }

    // Whether the collection pass must run: documents changed since it last ran (in this run
    // or in one killed before the pass committed).
    bool collection_pass_pending() const {
        return !db_.get_metadata(std::string(schema::meta::kCollectionPassPending)).empty();
    }

    // The furniture counts saved by the last run (empty on a new index).
    std::string stored_furniture() const { return db_.get_metadata(std::string(schema::meta::kFurniture)); }

    // Records the gazetteer the whole database is now analysed with, and commits.
    void finish() {
        begin();
        if (run_.furniture) set_metadata(schema::meta::kFurniture, run_.furniture->serialize());
        // Only now is every file analysed with this gazetteer: a run killed earlier re-analyses.
        set_metadata(schema::meta::kGazetteerHash, run_.gazetteer_hash);
        commit();
        const auto articles = db_.get_termfreq(schema::term(Term::Kind, documents::kind_name(documents::Kind::Article)));
        const auto comments = db_.get_termfreq(schema::term(Term::Kind, documents::kind_name(documents::Kind::Comment)));
        run_.reporter.update([&](IndexSummary& s) {
            s.index_articles += articles;
            s.index_comments += comments;
        });
    }

    // Compacts the database into a fresh copy that replaces it (Xapian rewrites every table
    // with full blocks and no free space). Returns (bytes before, bytes after).
    std::pair<std::uintmax_t, std::uintmax_t> compact() {
        const std::uintmax_t before = schema::bytes_on_disk(path_);
        const fs::path tmp = path_.string() + ".compact";
        const fs::path old = path_.string() + ".old";
        std::error_code ec;
        fs::remove_all(tmp, ec);
        fs::remove_all(old, ec);
        try {
            // Compacting from the writable handle keeps the write lock until the copy is done.
            db_.compact(tmp.string(), Xapian::Compactor::FULL);
        } catch (const Xapian::Error& e) {
            fs::remove_all(tmp, ec);
            throw IndexError("cannot compact " + path_.string() + ": " + e.get_description());
        }
        // Two renames while the write lock is still held (it follows the renamed folder), so
        // that no other writer slips in; a reader opening the index between them (a few
        // microseconds) is told there is no index and can try again.
        fs::rename(path_, old, ec);
        if (!ec) fs::rename(tmp, path_, ec);
        if (ec) throw IndexError("cannot replace " + path_.string() + " by its compacted copy: " + ec.message());
        db_.close();
        fs::remove_all(old, ec);
        return {before, schema::bytes_on_disk(path_)};
    }

private:
    // A file the index knows (`old`) with the same size and mtime, analysed with this
    // gazetteer: update() does not read it.
    bool unchanged_by_stat(const FileRecord* old, const WalkedFile& f) const {
        return old && !gazetteer_changed_ && old->size == f.size && old->mtime_ns == f.mtime_ns;
    }

    // Hands a file to the analysing threads. A known file whose content turns out to be the
    // same (touched, not changed) is not analysed.
    std::future<Prepared> prepare(const std::string& path, const std::string& file_key, const FileRecord* old) {
        auto promise = std::make_shared<std::promise<Prepared>>();
        auto future = promise->get_future();
        const std::string same_hash = old && !gazetteer_changed_ ? old->content_hash : std::string();
        run_.pool.submit([promise, path, file_key, same_hash, read = run_.options.read,
                          furniture = run_.furniture](Analysis& analysis) {
            try {
                Prepared p;
                p.contents = readers::read_file(path, read);
                if (!p.contents.skipped && furniture)
                    for (auto& article : p.contents.articles) clean_furniture(*furniture, analysis, article, path);
                if (!p.contents.skipped) {
                    if (!same_hash.empty() && same_hash == p.contents.content_hash) {
                        p.same_content = true;
                    } else {
                        const auto& articles = p.contents.articles;
                        p.documents.reserve(articles.size());
                        for (std::size_t a = 0; a < articles.size(); ++a)
                            p.documents.push_back(analysis.builder.build(
                                articles[a], article_id_for(path, file_key, articles, a), path, file_key));
                    }
                }
                promise->set_value(std::move(p));
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        });
        return future;
    }

    void apply(const WalkedFile& f, const std::string& path, const std::string& file_key, const FileRecord* old,
               Prepared prepared) {
        auto& contents = prepared.contents;
        for (const auto& d : contents.diagnostics) run_.reporter.diagnostic(d);
        const std::string file_term = schema::term(Term::File, file_key);
        begin();
        // The collection pass runs again only when documents change: a file skipped again
        // (an unsupported format) or merely touched changes none, and must not make a run
        // that changed nothing commit, nor run the pass over the whole collection.
        if (contents.skipped) {
            run_.reporter.skip(path, contents.skip_reason);
            if (old) {  // it was indexed before and is no longer readable: drop it
                mark_for_collection_pass();
                db_.delete_document(file_term);
                records_.erase(file_key, *old);
            }
            return;
        }

        const std::string format = readers::format_name(contents.format);
        FileRecord record{path, f.size, f.mtime_ns, contents.content_hash, format};
        if (prepared.same_content) {
            // Touched but not changed: remember the new stat, analyse nothing.
            records_.put(file_key, record, old);
            run_.reporter.update([&](IndexSummary& s) {
                ++s.files_unchanged;
                ++s.files_by_format[format];
            });
            return;
        }
        mark_for_collection_pass();

        if (!old && !gazetteer_changed_) {
            // Renamed or moved: the same content was indexed under a path that is gone.
            for (const auto& [other_key, other] : records_.with_hash(record.content_hash)) {
                if (other_key == file_key) continue;
                std::error_code ec;
                if (fs::exists(other.path, ec) || ec) continue;  // a copy, not a rename
                const auto n = move_documents(db_, other.path, other_key, path, file_key, contents.articles);
                if (!n) {
                    db_.delete_document(schema::term(Term::File, other_key));
                    records_.erase(other_key, other);
                    break;  // indexed anew below
                }
                records_.erase(other_key, other);
                records_.put(file_key, record, nullptr);
                pending_docs_ += *n;
                run_.reporter.update([&](IndexSummary& s) {
                    ++s.files_renamed;
                    ++s.files_by_format[format];
                });
                maybe_commit();
                return;
            }
        }

        // Replace the file's documents as one unit. Deleting by the file term also removes
        // whatever an earlier version had that this one has not (a comment fewer). A file the
        // index has no record of has no document (a file's documents and record are committed
        // together): its documents are simply added, which spares Xapian a look-up per id.
        if (old) db_.delete_document(file_term);
        std::set<std::string> ids;  // the ids of this file so far: a repeated one replaces
        std::size_t comments = 0;
        for (std::size_t a = 0; a < prepared.documents.size(); ++a) {
            for (auto& built : prepared.documents[a]) {
                if (old || !ids.insert(built.id).second)
                    db_.replace_document(schema::term(Term::UniqueId, built.id), built.document);
                else
                    db_.add_document(built.document);
                ++pending_docs_;
            }
            comments += contents.articles[a].comments.size();
        }
        records_.put(file_key, record, old);
        run_.reporter.update([&](IndexSummary& s) {
            ++s.files_indexed;
            ++s.files_by_format[format];
            s.articles += std::count_if(contents.articles.begin(), contents.articles.end(),
                                        [](const documents::Article& a) { return !a.stands_in_for; });
            s.comments += comments;
        });
        maybe_commit();
    }

    // Hands a page of a web archive to the analysing threads.
    std::future<PreparedPage> prepare_page(readers::WarcPage page, const std::string& path, const std::string& file_key) {
        auto promise = std::make_shared<std::promise<PreparedPage>>();
        auto future = promise->get_future();
        run_.pool.submit([promise, page = std::move(page), path, file_key, furniture = run_.furniture](Analysis& analysis) {
            try {
                PreparedPage p;
                readers::WarcArticle read = readers::read_warc_page(page, path);
                p.diagnostics = std::move(read.diagnostics);
                if (read.article) {
                    documents::Article& article = *read.article;
                    if (furniture) clean_furniture(*furniture, analysis, article, path);
                    p.article_id = keyed_article_id(path, article.key);
                    p.comments = article.comments.size();
                    p.documents = analysis.builder.build(article, p.article_id, path, file_key);
                }
                promise->set_value(std::move(p));
            } catch (...) {
                promise->set_exception(std::current_exception());
            }
        });
        return future;
    }

    // A web archive, new or grown or changed: streamed record by record, its pages analysed on
    // the analysing threads (at most kMaxPagesAhead pages and kMaxBytesAhead bytes of them at a
    // time) and written in archive order, committed as any documents are. With each commit goes
    // the archive's state (how far it was read, readers::warc_prefix_hash of what was read) and
    // a file record whose stat matches nothing until the archive is read to its end: a run
    // killed half-way resumes after the last record committed.
    void apply_archive(const WalkedFile& f, const std::string& path, const std::string& file_key, const FileRecord* old) {
        const readers::WarcPosition start = archive_start(f);
        const std::string format = readers::format_name(readers::Format::Warc);
        const std::string file_term = schema::term(Term::File, file_key);
        readers::WarcReader reader = readers::WarcReader::open(f.path, start, run_.options.read.max_file_bytes);
        begin();
        if (reader.unreadable()) {
            const auto diagnostics = reader.take_diagnostics();
            run_.reporter.skip(path, diagnostics.empty() ? std::string("cannot read") : diagnostics.front().message);
            if (old) {
                mark_for_collection_pass();
                db_.delete_document(file_term);
                records_.erase(file_key, *old);
            }
            return;
        }
        // Read from the beginning: whatever an earlier version of the archive gave goes.
        if (start.offset == 0 && old) {
            mark_for_collection_pass();
            db_.delete_document(file_term);
        }
        auto save_state = [&](readers::WarcPosition position, bool complete) {
            records_.put_archive(file_key, {position, readers::warc_prefix_hash(f.path, position.offset)});
            FileRecord record{path, complete ? f.size : 0, complete ? f.mtime_ns : 0, "", format};
            records_.put(file_key, record, old);
        };

        struct InFlight {
            std::future<PreparedPage> page;
            readers::WarcPosition after;  // the archive read up to here once this page is written
            std::uintmax_t bytes;
        };
        std::deque<InFlight> in_flight;
        std::uintmax_t bytes_in_flight = 0;
        std::size_t articles = 0, comments = 0, no_text = 0;
        bool more = true;
        for (;;) {
            while (more && in_flight.size() < kMaxPagesAhead && bytes_in_flight < kMaxBytesAhead) {
                auto page = reader.next_page();
                for (const auto& d : reader.take_diagnostics()) run_.reporter.diagnostic(d);
                if (!page) {
                    more = false;
                    break;
                }
                const std::uintmax_t bytes = page->body.size();
                bytes_in_flight += bytes;
                const readers::WarcPosition after = reader.resume_position();
                in_flight.push_back({prepare_page(std::move(*page), path, file_key), after, bytes});
            }
            if (in_flight.empty() || run_.failed) break;
            InFlight next = std::move(in_flight.front());
            in_flight.pop_front();
            bytes_in_flight -= next.bytes;
            PreparedPage page = next.page.get();
            for (const auto& d : page.diagnostics) run_.reporter.diagnostic(d);
            if (page.documents.empty()) {
                ++no_text;
            } else {
                mark_for_collection_pass();
                // The same record read again (the archive holds it twice, or a run was killed
                // before its state was committed): replaced, article and comments together.
                db_.delete_document(schema::term(Term::Article, page.article_id));
                for (auto& built : page.documents) db_.add_document(built.document);
                pending_docs_ += page.documents.size();
                ++articles;
                comments += page.comments;
            }
            if (pending_docs_ >= run_.options.commit_every_docs) {
                save_state(next.after, false);
                commit();
                begin();
            }
        }
        if (run_.failed) return;  // another shard's writer failed: the run stops uncommitted
        const readers::WarcPosition end = reader.resume_position();
        save_state(end, true);
        const bool unchanged = start.offset > 0 && end.offset == start.offset && articles == 0;
        run_.reporter.update([&](IndexSummary& s) {
            ++(unchanged ? s.files_unchanged : s.files_indexed);
            ++s.files_by_format[format];
            s.articles += articles;
            s.comments += comments;
            for (const auto& [kind, n] : reader.skipped()) s.records_skipped[kind] += n;
            if (no_text) s.records_skipped["no text"] += no_text;
        });
        maybe_commit();
    }

    // Files that were indexed from under these roots and are gone now.
    // Recorded in the same transaction as the documents it is about, so a run killed between
    // that commit and the pass's leaves the next run knowing the pass is owed.
    void mark_for_collection_pass() {
        if (marked_for_pass_) return;
        db_.set_metadata(std::string(schema::meta::kCollectionPassPending), "1");
        marked_for_pass_ = true;
    }

    void remove_vanished() {
        std::vector<std::pair<std::string, FileRecord>> removed;  // file key, record
        const std::string meta_prefix(schema::meta::kFilePrefix);
        for (auto it = db_.metadata_keys_begin(meta_prefix); it != db_.metadata_keys_end(meta_prefix); ++it) {
            const std::string k = *it;
            const std::string file_key = k.substr(meta_prefix.size());
            if (seen_keys_.count(file_key)) continue;
            FileRecord r;
            if (FileRecord::from_json(db_.get_metadata(k), r) && is_under(r.path, run_.roots))
                removed.emplace_back(file_key, std::move(r));
        }
        begin();
        if (!removed.empty()) mark_for_collection_pass();
        for (const auto& [file_key, r] : removed) {
            db_.delete_document(schema::term(Term::File, file_key));
            records_.erase(file_key, r);
        }
        run_.reporter.update([&](IndexSummary& s) { s.files_removed += removed.size(); });
    }

    // Everything between two commits is one transaction: see the header.
    void begin() {
        if (!in_transaction_) {
            db_.begin_transaction(true);
            in_transaction_ = true;
        }
    }
    void commit() {
        if (in_transaction_) {
            db_.commit_transaction();
            in_transaction_ = false;
        } else {
            db_.commit();
        }
        pending_docs_ = 0;
    }
    void maybe_commit() {
        if (pending_docs_ >= run_.options.commit_every_docs) commit();
    }

    fs::path path_;
    RunContext& run_;
    Xapian::WritableDatabase db_;
    Records records_;
    bool marked_for_pass_ = false;
    bool gazetteer_changed_ = false;
    bool in_transaction_ = false;
    std::size_t pending_docs_ = 0;
    std::set<std::string> seen_keys_;
};

// The databases an index at `db` is made of, creating a new index as asked. A sharded index
// keeps its number of shards; a stub listing a remote shard cannot be written from here.
std::vector<fs::path> shard_paths(const IndexOptions& options) {
    const fs::path& db = options.db;
    std::vector<fs::path> out;
    if (auto stub = schema::stub_file(db)) {
        for (const auto& e : schema::read_stub(*stub)) {
            if (e.remote())
                throw IndexError(stub->string() + " lists a remote shard (" + e.type + " " + e.argument +
                                 "): index it on the machine that serves it");
            out.push_back(e.path);
        }
        if (out.empty()) throw IndexError(stub->string() + " lists no database");
        if (options.shards && options.shards != out.size())
            throw UsageError("the index at " + db.string() + " has " + std::to_string(out.size()) +
                             " shards, not " + std::to_string(options.shards) +
                             ": to re-shard, index into a new folder with --shards " + std::to_string(options.shards));
        return out;
    }
    std::error_code ec;
    if (schema::is_database(schema::shard_path(db, 0))) {
        // Shards without their stub: a first sharded run stopped between creating the shards
        // and listing them. Their number is what is on disk.
        std::size_t n = 0;
        while (schema::is_database(schema::shard_path(db, n))) out.push_back(schema::shard_path(db, n++));
        if (options.shards && options.shards != n)
            throw UsageError("the index at " + db.string() + " has " + std::to_string(n) + " shards, not " +
                             std::to_string(options.shards) + ": to re-shard, index into a new folder");
        return out;
    }
    const bool exists = fs::exists(db, ec) && !fs::is_empty(db, ec);
    if (options.shards <= 1 || exists) {
        if (exists && options.shards > 1)
            throw UsageError("the index at " + db.string() + " is not sharded: --shards " +
                             std::to_string(options.shards) + " needs a new index folder");
        return {db};
    }
    for (std::size_t i = 0; i < options.shards; ++i) out.push_back(schema::shard_path(db, i));
    return out;
}

// How many writers build the index as a FreshBuild (fresh_build.hpp), 0 for none: a new
// index of one database, or a rebuild, when more than one writer is asked for (or, by
// default, there is more than one core) and there is more than one file. A rebuild always
// goes through a FreshBuild, if only with one writer, so that the index it replaces stays
// whole until the end.
std::size_t fresh_build_writers(const IndexOptions& options, const std::vector<fs::path>& shards,
                                std::size_t files, unsigned cores) {
    if (options.rebuild && (shards.size() != 1 || shards.front() != options.db))
        throw UsageError("--rebuild is for an index of one database: index into a new folder to rebuild a sharded one");
    if (options.inputs.empty() || shards.size() != 1 || shards.front() != options.db) return 0;
    std::error_code ec;
    const bool exists = fs::exists(options.db, ec) && !fs::is_empty(options.db, ec);
    if (exists && !options.rebuild) return 0;
    const std::size_t wanted = options.build_writers ? options.build_writers : cores;
    const std::size_t writers = std::max<std::size_t>(1, std::min(wanted, files));
    return writers > 1 || options.rebuild ? writers : 0;
}

// The shard of a file: by a hash of its path, so a file's documents always go to one shard.
std::size_t shard_of(const std::string& path, std::size_t shards) {
    return shards == 1 ? 0 : schema::hash64(path) % shards;
}

}  // namespace

IndexSummary update_index(const IndexOptions& options, IndexObserver& observer) {
    const auto started = std::chrono::steady_clock::now();
    IndexSummary summary;

    recover_interrupted_build(options.db);
    std::vector<fs::path> shards = shard_paths(options);
    const bool list_shards = shards.size() > 1 && !schema::stub_file(options.db);
    summary.shards = shards.size();

    std::vector<documents::Diagnostic> walk_diags;
    std::vector<fs::path> roots;
    for (const auto& in : options.inputs) roots.push_back(normalise_path(in));
    const auto files = walk_files(options.inputs, walk_diags);
    Reporter reporter(observer, summary, files.size());
    for (const auto& d : walk_diags) {
        if (d.message.rfind("skipped: ", 0) == 0)
            reporter.skip(d.path, d.message.substr(9));
        else
            reporter.diagnostic(d);
    }
    summary.files_seen = files.size();

    // The gazetteer, loaded once (its problems reported here), shared by the analysing threads.
    auto loaded = std::make_unique<LoadedGazetteer>();
    std::string user_entities;
    {
        std::vector<documents::Diagnostic> diags;
        loaded->gazetteer.load_builtin(diags);
        for (const auto& file : options.entity_files) {
            std::ifstream in(file, std::ios::binary);
            if (!in) throw UsageError("cannot read entity file " + file.string());
            std::stringstream ss;
            ss << in.rdbuf();
            loaded->gazetteer.load_tsv(ss.str(), file.string(), diags);
            user_entities += ss.str();
            user_entities += '\n';
        }
        for (const auto& d : diags) reporter.diagnostic(d);
    }
    const std::string gazetteer_hash =
        schema::hash_hex(entities::EntityGazetteer::builtin_digest() + '\0' + user_entities);
    // What veille-query loads (the lists with aliases and the user's), compiled, so that it
    // does not fold thousands of names at every start.
    std::string gazetteer_compiled;
    std::optional<entities::LookupRecords> gazetteer_lookup;
    {
        analysis::FrenchAnalyzer analyzer;
        entities::EntityGazetteer for_queries(analyzer);
        for_queries.load_for_queries(/*compiled=*/"", user_entities);  // as a query would without it
        gazetteer_compiled = for_queries.compiled();
        if (auto in_place = entities::CompiledGazetteer::read(std::string(gazetteer_compiled), analyzer))
            gazetteer_lookup = entities::lookup_records(
                *in_place, schema::meta::kMaxKeyBytes - schema::meta::kGazetteerLookupPrefix.size());
    }

    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = options.threads ? options.threads : cores;

    // A new index, or a rebuild, of one database: several writers, merged at the end.
    std::optional<FreshBuild> fresh;
    if (const std::size_t parts = fresh_build_writers(options, shards, files.size(), cores)) {
        fresh.emplace(options.db, parts);
        shards = fresh->parts();
    }

    // One thread (or one core) and one writer: analysing in the writer's thread wastes nothing
    // on hand-offs. Several writers share the pool's threads (never one Analysis).
    AnalysisPool pool(threads > 1 || shards.size() > 1 ? threads : 0, loaded->gazetteer);
    std::atomic<bool> failed{false};
    RunContext run{options,   roots, user_entities, gazetteer_hash, gazetteer_compiled, std::move(gazetteer_lookup),
                   pool,      reporter, failed};

    // Open every database first: a locked or unreadable shard stops the run before any work.
    std::vector<std::unique_ptr<ShardWriter>> writers;
    for (const auto& path : shards) writers.push_back(std::make_unique<ShardWriter>(path, run));
    if (list_shards) schema::write_stub(options.db, shards.size());

    std::vector<std::vector<const WalkedFile*>> per_shard(shards.size());
    if (fresh) {
        const auto part_of = fresh->assign(files);
        for (std::size_t i = 0; i < files.size(); ++i) per_shard[part_of[i]].push_back(&files[i]);
    } else {
        for (const auto& f : files) per_shard[shard_of(f.path.string(), shards.size())].push_back(&f);
    }

    // Page furniture is learnt from the whole collection before any article is analysed:
    // the counts the index saved, plus the files this run will read (new or changed ones:
    // a new file of a known source is cleaned with what the others taught, without reading
    // them again). A changed file is counted again; the threshold grows with the source.
    documents::FurnitureDetector furniture = documents::FurnitureDetector::parse(writers.front()->stored_furniture());
    {
        std::mutex lock;
        std::vector<std::future<void>> observed;
        for (std::size_t i = 0; i < writers.size(); ++i)
            for (const WalkedFile* f : per_shard[i]) {
                if (!writers[i]->needs_reading(*f)) continue;
                auto done = std::make_shared<std::promise<void>>();
                observed.push_back(done->get_future());
                if (is_archive(f->path)) {  // its new pages, streamed
                    pool.submit([done, &lock, &furniture, path = f->path, start = writers[i]->archive_start(*f),
                                 max = options.read.max_file_bytes](Analysis&) {
                        try {
                            auto reader = readers::WarcReader::open(path, start, max);
                            while (auto page = reader.next_page()) {
                                const auto read = readers::read_warc_page(*page, path.string());
                                if (!read.article) continue;
                                std::lock_guard<std::mutex> guard(lock);
                                furniture.observe(furniture_group(*read.article, path.string()), read.article->body);
                            }
                        } catch (...) {
                            // Unreadable now: the main pass reports it.
                        }
                        done->set_value();
                    });
                    continue;
                }
                pool.submit([done, &lock, &furniture, path = f->path.string(), read = options.read](Analysis&) {
                    try {
                        auto contents = readers::read_file(path, read);
                        if (!contents.skipped) {
                            std::lock_guard<std::mutex> guard(lock);
                            for (const auto& article : contents.articles)
                                furniture.observe(furniture_group(article, path), article.body);
                        }
                    } catch (...) {
                        // Unreadable now: the main pass reports it.
                    }
                    done->set_value();
                });
            }
        for (auto& f : observed) f.get();
    }
    run.furniture = &furniture;

    auto write_shard = [&](std::size_t i) {
        writers[i]->update(per_shard[i]);
        if (!failed) writers[i]->finish();
    };
    if (writers.size() == 1) {
        write_shard(0);
    } else {
        std::vector<std::exception_ptr> errors(writers.size());
        std::vector<std::thread> threads_of_shards;
        for (std::size_t i = 0; i < writers.size(); ++i) {
            threads_of_shards.emplace_back([&, i] {
                name_thread("veille-write");
                try {
                    write_shard(i);
                } catch (...) {
                    errors[i] = std::current_exception();
                    failed = true;
                }
            });
        }
        for (auto& t : threads_of_shards) t.join();
        for (auto& e : errors)
            if (e) std::rethrow_exception(e);
    }
    // What one document cannot decide about a name, the whole collection can (see
    // collection_entities.hpp). Committed on its own: a run killed here leaves the index as
    // the writers left it, and the next run decides again.
    if (!failed && std::any_of(writers.begin(), writers.end(), [](const auto& w) { return w->collection_pass_pending(); })) {
        std::vector<Xapian::WritableDatabase*> databases;
        for (auto& w : writers) databases.push_back(&w->database());
        run_collection_pass(databases, loaded->gazetteer);
        for (auto* db : databases) {
            db->set_metadata(std::string(schema::meta::kCollectionPassPending), "");
            db->commit();
        }
    }
    if (fresh && !failed) {
        writers.clear();  // closed: the merge reads what they committed
        summary.merge_seconds = fresh->merge_and_install();
        summary.build_writers = shards.size();
    }
    reporter.finished();

    if (options.compact && !fresh) {
        for (auto& w : writers) {
            const auto [before, after] = w->compact();
            summary.bytes_before_compact += before;
            summary.bytes_after_compact += after;
        }
    }
    // What facets count, in a column beside the tables (schema/facet_column.hpp), once all is
    // committed. An index of shards has none: the value slots serve there.
    if (summary.shards == 1 && !failed) schema::write_facet_column(options.db);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace veille::indexing
