// Finds the entities a text names, from the analyser's tokens of that text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/token.hpp"
#include "entities/gazetteer.hpp"

namespace veille::entities {

struct EntityCount {
    std::string name;  // canonical name (for a candidate: its first spelling in the text)
    std::string type;  // gazetteer type, or "autre" for a candidate
    std::string key;   // folded name: the index term's value
    std::uint32_t count = 0;
    // A capitalised name no list knows ("Christine Panda"), typed by what this text says
    // (first name, "M.", "à", an acronym in parentheses) or "autre". Whether it is an entity,
    // and of which kind, is the collection's decision (indexing/collection_entities.hpp): one
    // text is too little evidence, and every text naming it must be tagged alike.
    bool discovered = false;
};

class EntityMatcher {
public:
    explicit EntityMatcher(const EntityGazetteer& gazetteer) : gazetteer_(gazetteer) {}

    // Entities named in `text`, given its tokens (FrenchAnalyzer::analyze(text)), most
    // mentioned first. With `candidates`, the capitalised names the gazetteer does not know
    // are added too, marked `discovered` (a lone word at a sentence start is not one).
    std::vector<EntityCount> find(std::string_view text, const std::vector<analysis::Token>& tokens,
                                  bool candidates = true) const;

    const EntityGazetteer& gazetteer() const { return gazetteer_; }

private:
    const EntityGazetteer& gazetteer_;
};

}  // namespace veille::entities
