#include "search/index_names.hpp"

#include "entities/compiled_gazetteer.hpp"
#include "entities/gazetteer.hpp"
#include "schema/schema.hpp"

namespace veille::search {

const entities::EntityNames& IndexNames::names() const {
    if (names_) return *names_;
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
