#include "search/index_names.hpp"

#include "entities/compiled_gazetteer.hpp"
#include "entities/gazetteer.hpp"
#include "entities/gazetteer_lookup.hpp"
#include "schema/schema.hpp"

namespace veille::search {

const entities::EntityNames& IndexNames::names() const {
    if (names_) return *names_;
    const std::string prefix(schema::meta::kGazetteerLookupPrefix);
    auto fetch = [&db = db_, prefix](const std::string& key) { return db.get_metadata(prefix + key); };
    if (auto lookup = read_whole_ ? std::nullopt : entities::GazetteerLookup::open(fetch, analyzer_)) {
        names_ = std::make_unique<entities::GazetteerLookup>(std::move(*lookup));
        return *names_;
    }
    // Remote shards, an index written before the lookup records, or one whose names were too
    // long for them.
    std::string compiled = db_.get_metadata(std::string(schema::meta::kGazetteerCompiled));
    if (auto in_place = entities::CompiledGazetteer::read(std::move(compiled), analyzer_)) {
        names_ = std::make_unique<entities::CompiledGazetteer>(std::move(*in_place));
    } else {  // `compiled` is as it was: read() takes it only when it reads
        auto unpacked = std::make_unique<entities::EntityGazetteer>(analyzer_);
        unpacked->load_for_queries(compiled, db_.get_metadata(std::string(schema::meta::kUserEntities)));
        names_ = std::move(unpacked);
    }
    return *names_;
}

}  // namespace veille::search
