// Named queries that remember what they have already reported.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "search/searcher.hpp"

namespace veille::watch {

struct SavedSearch {
    std::string name;
    std::string query;
    std::optional<documents::Kind> kind;
    std::vector<std::string> entities;
    std::string since, until;
    std::set<std::string> seen;  // ids already reported
    std::string created;         // ISO 8601 UTC
    std::string last_checked;    // empty until the first --new that marked

    // The search it stands for (hits, not ids: a caller sets limits and snippets).
    search::SearchOptions options() const;
};

// $XDG_STATE_HOME/veille/saved-searches.json (XDG_STATE_HOME defaulting to ~/.local/state).
std::filesystem::path default_store_path();

class SavedSearchStore {
public:
    // Reads `file` (a missing file is an empty store) for the index at `index`. A corrupt
    // file throws veille::Error naming it: saved searches are the user's data, never
    // silently dropped.
    SavedSearchStore(std::filesystem::path file, std::filesystem::path index);

    std::vector<SavedSearch> list() const;
    std::optional<SavedSearch> get(const std::string& name) const;

    // Saves (or replaces, forgetting what it had reported) a named search.
    void put(SavedSearch search);
    // Records ids as reported and the time of the check.
    void mark_seen(const std::string& name, const std::vector<std::string>& ids);

    // Writes the file atomically (temp file + rename).
    void write() const;

private:
    std::filesystem::path file_;
    std::string index_key_;
    std::string all_json_;  // the whole file, other indexes' searches included
    std::vector<SavedSearch> searches_;
};

// The current time as ISO 8601 UTC ("2026-11-27T16:55:00Z").
std::string now_iso();

}  // namespace veille::watch
