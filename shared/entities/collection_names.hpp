// The collection's decisions about names no list knows (see indexing/collection_entities.hpp):
// which unknown name, or family name alone, is which entity. The indexer writes them to the
// index's metadata; the query side reads them, so that entité:Valls finds the articles that
// say only "Valls" as well as those that say "Manuel Valls".
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace veille::entities {

struct CollectionName {
    std::string entity_key;  // the entity's folded key ("manuel valls")
    std::string type;        // its facet type
    std::string name;        // its display name
    bool operator==(const CollectionName& o) const {
        return entity_key == o.entity_key && type == o.type && name == o.name;
    }
    bool operator!=(const CollectionName& o) const { return !(*this == o); }
};

class CollectionNames {
public:
    // One decision a line: name key, entity key, type, display name (tab-separated). Lines
    // that do not read are skipped: the next indexing run writes them anew.
    static CollectionNames parse(std::string_view text);
    std::string format() const;

    void set(const std::string& name_key, CollectionName decision);
    const std::map<std::string, CollectionName>& decisions() const { return by_name_; }
    // The name keys that stand for an entity ("valls" for "manuel valls").
    std::vector<std::string> names_of(const std::string& entity_key) const;

private:
    std::map<std::string, CollectionName> by_name_;
    std::multimap<std::string, std::string> by_entity_;
};

}  // namespace veille::entities
