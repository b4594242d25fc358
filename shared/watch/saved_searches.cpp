#include "watch/saved_searches.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "errors.hpp"

namespace veille::watch {

namespace fs = std::filesystem;
using nlohmann::json;

search::SearchOptions SavedSearch::options() const {
    search::SearchOptions o;
    o.query = query;
    o.kind = kind;
    o.entities = entities;
    o.since = since;
    o.until = until;
    return o;
}

fs::path default_store_path() {
    fs::path state;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
        state = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        state = fs::path(home) / ".local" / "state";
    else
        state = ".";
    return state / "veille" / "saved-searches.json";
}

std::string now_iso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

json to_json(const SavedSearch& s) {
    json j = {{"query", s.query},         {"entities", s.entities},
              {"since", s.since},         {"until", s.until},
              {"seen", s.seen},           {"created", s.created},
              {"last_checked", s.last_checked}};
    if (s.kind) j["type"] = documents::kind_name(*s.kind);
    return j;
}

SavedSearch from_json(const std::string& name, const json& j) {
    SavedSearch s;
    s.name = name;
    s.query = j.value("query", "");
    s.entities = j.value("entities", std::vector<std::string>{});
    s.since = j.value("since", "");
    s.until = j.value("until", "");
    for (const auto& id : j.value("seen", std::vector<std::string>{})) s.seen.insert(id);
    s.created = j.value("created", "");
    s.last_checked = j.value("last_checked", "");
    const std::string type = j.value("type", "");
    if (type == "article") s.kind = documents::Kind::Article;
    if (type == "comment") s.kind = documents::Kind::Comment;
    return s;
}

}  // namespace

SavedSearchStore::SavedSearchStore(fs::path file, fs::path index) : file_(std::move(file)) {
    std::error_code ec;
    fs::path abs = fs::weakly_canonical(index, ec);
    index_key_ = (ec ? index : abs).string();
    std::ifstream in(file_, std::ios::binary);
    if (!in) return;
    std::stringstream ss;
    ss << in.rdbuf();
    all_json_ = ss.str();
    const json doc = json::parse(all_json_, nullptr, false);
    if (!doc.is_object())
        throw Error(file_.string() + ": saved searches are not valid JSON (fix or remove the file)");
    auto idx = doc.find("indexes");
    if (idx == doc.end() || !idx->is_object()) return;
    auto mine = idx->find(index_key_);
    if (mine == idx->end() || !mine->is_object()) return;
    for (const auto& [name, j] : mine->items())
        if (j.is_object()) searches_.push_back(from_json(name, j));
}

std::vector<SavedSearch> SavedSearchStore::list() const { return searches_; }

std::optional<SavedSearch> SavedSearchStore::get(const std::string& name) const {
    for (const auto& s : searches_)
        if (s.name == name) return s;
    return std::nullopt;
}

void SavedSearchStore::put(SavedSearch search) {
    if (search.created.empty()) search.created = now_iso();
    search.seen.clear();
    search.last_checked.clear();
    auto it = std::find_if(searches_.begin(), searches_.end(), [&](const SavedSearch& s) { return s.name == search.name; });
    if (it != searches_.end())
        *it = std::move(search);
    else
        searches_.push_back(std::move(search));
}

void SavedSearchStore::mark_seen(const std::string& name, const std::vector<std::string>& ids) {
    for (auto& s : searches_)
        if (s.name == name) {
            s.seen.insert(ids.begin(), ids.end());
            s.last_checked = now_iso();
        }
}

void SavedSearchStore::write() const {
    json doc = all_json_.empty() ? json::object() : json::parse(all_json_, nullptr, false);
    if (!doc.is_object()) doc = json::object();
    doc["version"] = 1;
    json mine = json::object();
    for (const auto& s : searches_) mine[s.name] = to_json(s);
    doc["indexes"][index_key_] = std::move(mine);
    std::error_code ec;
    fs::create_directories(file_.parent_path(), ec);
    const fs::path tmp = file_.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw Error("cannot write " + tmp.string());
        out << doc.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
        if (!out.flush()) throw Error("cannot write " + tmp.string());
    }
    fs::rename(tmp, file_, ec);
    if (ec) throw Error("cannot replace " + file_.string() + ": " + ec.message());
}

}  // namespace veille::watch
