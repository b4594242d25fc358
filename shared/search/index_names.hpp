// The entity names a query looks up (Daech -> État islamique, entité:FAMa), as the index
// holds them, read the first time a query looks one up: a query of filters only never reads
// them. veille-index stores them cut into one small record a name (entities::GazetteerLookup),
// fetched as a query looks each up; an index without those is read from the whole compiled
// text (entities::CompiledGazetteer), and one written before that gets the built-in lists
// and the user's entities unpacked, as veille-query always did.
#pragma once

#include <memory>

#include <xapian.h>

#include "analysis/french_analyzer.hpp"
#include "entities/entity_names.hpp"

namespace veille::search {

class IndexNames final : public entities::EntityNames {
public:
    // Both must outlive this object. A Xapian error of the first look-up (the revision
    // being read was discarded) reaches the caller, which reopens and asks again.
    IndexNames(const Xapian::Database& db, const analysis::FrenchAnalyzer& analyzer) : db_(db), analyzer_(analyzer) {}

    std::optional<std::size_t> resolve(std::string_view name) const override { return names().resolve(name); }
    std::optional<std::size_t> resolve_proper_name(std::string_view name) const override {
        return names().resolve_proper_name(name);
    }
    std::string key_of(std::string_view name) const override { return names().key_of(name); }
    std::string key(std::size_t entity) const override { return names().key(entity); }
    std::vector<std::vector<std::string>> form_units(std::size_t entity) const override {
        return names().form_units(entity);
    }
    std::size_t max_units() const override { return names().max_units(); }

    // Over xapian-tcpsrv each record fetched is a round trip on the network: there the whole
    // compiled text is read in one, as before the records. Before the first look-up.
    void read_whole(bool whole) { read_whole_ = whole; }

private:
    const entities::EntityNames& names() const;

    const Xapian::Database& db_;
    const analysis::FrenchAnalyzer& analyzer_;
    bool read_whole_ = false;
    mutable std::unique_ptr<entities::EntityNames> names_;
};

}  // namespace veille::search
