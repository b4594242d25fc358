// What a query asks of a gazetteer: which entity a name stands for, the entity's index key,
// the forms its name lights up in snippets. Three gazetteers answer: EntityGazetteer (all in
// memory, what the indexer matches with), GazetteerLookup (records fetched one by one from
// the index, what veille-query uses) and CompiledGazetteer (looked up in place in the whole
// compiled text, for an index without those records).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veille::entities {

class EntityNames {
public:
    virtual ~EntityNames() = default;

    // The entity a user means by `name` (any form, any case and accents): "Daech" -> État
    // islamique. Capitals-only forms match whatever the case: entité:aes means the AES.
    virtual std::optional<std::size_t> resolve(std::string_view name) const = 0;
    // The entity a query word or phrase names when the gazetteer writes it as a proper name
    // (Daech, FAMa, Mali; not "malien", "français").
    virtual std::optional<std::size_t> resolve_proper_name(std::string_view name) const = 0;
    // The folded key of any name, as stored in the index ("État islamique" -> "etat islamique").
    virtual std::string key_of(std::string_view name) const = 0;
    // An entity's key: the value of its index term.
    virtual std::string key(std::size_t entity) const = 0;
    // The folded units of each form of an entity that stands alone (not "russo-"), in the
    // gazetteer's order: what snippets highlight when a query names it.
    virtual std::vector<std::vector<std::string>> form_units(std::size_t entity) const = 0;
    // The most units a form has: no run of more words is a name.
    virtual std::size_t max_units() const = 0;
};

}  // namespace veille::entities
