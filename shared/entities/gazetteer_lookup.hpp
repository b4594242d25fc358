// The compiled gazetteer cut into small records, one per name and one per entity, which
// veille-index stores as index metadata and a query fetches one at a time: a query of a few
// words reads a few hundred bytes instead of the 270 KB of the whole compiled text, which
// cost veille-query some 3 ms at every start (page faults of the copy Xapian makes).
//
// Records (keys relative to the prefix the index gives them):
//   head         "1\t<max units>\t<entities>"  this layout's version and the sizes
//   p\t<units>   "<entity>"   a proper name (CompiledGazetteer's P lines)
//   n\t<units>   "<entity>"   any name (J lines)
//   k\t<key>     "<entity>"   the first entity with this key
//   e\t<entity>  "<key>\n<units>\n<units>…"  its key, then the units of each form that
//                stands alone (not "russo-"), in the gazetteer's order
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/french_analyzer.hpp"
#include "entities/compiled_gazetteer.hpp"
#include "entities/entity_names.hpp"

namespace veille::entities {

using LookupRecords = std::vector<std::pair<std::string, std::string>>;  // key, value

// The records of a compiled gazetteer, or nullopt when a key would be longer than
// `max_key_bytes` (a user's entity with a very long name): the index then holds none, and
// queries read the whole compiled text as before.
std::optional<LookupRecords> lookup_records(const CompiledGazetteer& gazetteer, std::size_t max_key_bytes);

class GazetteerLookup final : public EntityNames {
public:
    // The value stored under a record's key, "" when there is none.
    using Fetch = std::function<std::string(const std::string& key)>;

    // nullopt when `fetch` has no head record of this layout (an index written before it).
    // `analyzer` folds the names looked up; it must outlive the lookup, as must what `fetch`
    // reads. A record that does not read as its layout says is taken as absent.
    static std::optional<GazetteerLookup> open(Fetch fetch, const analysis::FrenchAnalyzer& analyzer);

    std::optional<std::size_t> resolve(std::string_view name) const override;
    std::optional<std::size_t> resolve_proper_name(std::string_view name) const override;
    std::string key_of(std::string_view name) const override;
    std::string key(std::size_t entity) const override;
    std::vector<std::vector<std::string>> form_units(std::size_t entity) const override;
    std::size_t max_units() const override { return max_units_; }

    std::size_t entity_count() const { return entities_; }

private:
    GazetteerLookup(Fetch fetch, const analysis::FrenchAnalyzer& analyzer)
        : fetch_(std::move(fetch)), analyzer_(&analyzer) {}
    // The record under `key`, fetched once (a query asks for an entity's key and its forms).
    const std::string& record(const std::string& key) const;
    std::optional<std::size_t> entity_under(const std::string& key) const;

    Fetch fetch_;
    const analysis::FrenchAnalyzer* analyzer_;
    std::size_t max_units_ = 0;
    std::size_t entities_ = 0;
    mutable std::unordered_map<std::string, std::string> fetched_;
};

}  // namespace veille::entities
