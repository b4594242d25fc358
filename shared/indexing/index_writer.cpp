#include "indexing/index_writer.hpp"

#include <xapian.h>

#include <nlohmann/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "analysis/french_analyzer.hpp"
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

// What the index remembers of each file, in its metadata: enough to tell "unchanged" with a
// stat, and "changed on disk but same content" with a hash, without re-analysing.
struct FileRecord {
    std::string path;
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    std::string content_hash;

    std::string to_json() const {
        return nlohmann::json{{"path", path}, {"size", size}, {"mtime", mtime_ns}, {"hash", content_hash}}
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    static bool from_json(const std::string& s, FileRecord& r) {
        auto j = nlohmann::json::parse(s, nullptr, false);
        if (!j.is_object()) return false;
        r.path = j.value("path", "");
        r.size = j.value("size", std::uintmax_t{0});
        r.mtime_ns = j.value("mtime", std::int64_t{0});
        r.content_hash = j.value("hash", "");
        return !r.path.empty();
    }
};

std::string record_key(const std::string& file_key) {
    return std::string(schema::meta::kFilePrefix) + file_key;
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
    db.set_metadata(std::string(schema::meta::kGazetteerHash), gazetteer_hash);
    entities::EntityMatcher matcher(gazetteer);
    DocumentBuilder builder(analyzer, &matcher);
    std::size_t pending_docs = 0;
    std::set<std::string> seen_keys;

    auto maybe_commit = [&] {
        if (pending_docs >= options.commit_every_docs) {
            db.commit();
            pending_docs = 0;
        }
    };

    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& f = files[i];
        observer.on_progress(i, files.size(), f.path);
        const std::string path = f.path.string();
        const std::string file_key = schema::hash_hex(path);
        const std::string key = record_key(file_key);
        seen_keys.insert(file_key);

        FileRecord old;
        const bool known = FileRecord::from_json(db.get_metadata(key), old);
        if (known && !gazetteer_changed && old.size == f.size && old.mtime_ns == f.mtime_ns) {
            ++summary.files_unchanged;
            continue;
        }

        readers::FileContents contents = readers::read_file(f.path, options.read);
        for (const auto& d : contents.diagnostics) report(d);
        const std::string file_term = schema::term(Term::File, file_key);
        if (contents.skipped) {
            skip(path, contents.skip_reason);
            if (known) {  // it was indexed before and is no longer readable: drop it
                db.delete_document(file_term);
                db.set_metadata(key, "");
            }
            continue;
        }

        FileRecord record{path, f.size, f.mtime_ns, contents.content_hash};
        if (known && !gazetteer_changed && old.content_hash == record.content_hash) {
            // Touched but not changed: remember the new stat, analyse nothing.
            db.set_metadata(key, record.to_json());
            ++summary.files_unchanged;
            continue;
        }

        // Replace the file's documents as one unit: deletion and additions land in the same
        // commit, so a reader sees either the old file or the new one, never half of each.
        if (known) db.delete_document(file_term);
        for (std::size_t a = 0; a < contents.articles.size(); ++a) {
            const auto& article = contents.articles[a];
            const std::string article_id =
                contents.articles.size() == 1 ? file_key
                                              : schema::hash_hex(path + "#" + std::to_string(a));
            for (auto& built : builder.build(article, article_id, path, file_key)) {
                db.replace_document(schema::term(Term::UniqueId, built.id), built.document);
                ++pending_docs;
            }
            ++summary.articles;
            summary.comments += article.comments.size();
        }
        db.set_metadata(key, record.to_json());
        ++summary.files_indexed;
        maybe_commit();
    }

    // Files that were indexed from under these roots and are gone now.
    std::vector<std::pair<std::string, std::string>> removed;  // metadata key, file key
    const std::string meta_prefix(schema::meta::kFilePrefix);
    for (auto it = db.metadata_keys_begin(meta_prefix); it != db.metadata_keys_end(meta_prefix); ++it) {
        const std::string k = *it;
        const std::string file_key = k.substr(meta_prefix.size());
        if (seen_keys.count(file_key)) continue;
        FileRecord r;
        if (FileRecord::from_json(db.get_metadata(k), r) && is_under(r.path, roots))
            removed.emplace_back(k, file_key);
    }
    for (const auto& [k, file_key] : removed) {
        db.delete_document(schema::term(Term::File, file_key));
        db.set_metadata(k, "");
        ++summary.files_removed;
    }

    db.commit();
    observer.on_progress(files.size(), files.size(), {});
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace veille::indexing
