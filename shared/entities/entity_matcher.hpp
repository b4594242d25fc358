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
};

class EntityMatcher {
public:
    explicit EntityMatcher(const EntityGazetteer& gazetteer) : gazetteer_(gazetteer) {}

    // Entities named in `text`, given its tokens (FrenchAnalyzer::analyze(text)), most
    // mentioned first. With `candidates`, recurring capitalised names the gazetteer does not
    // know are added with type "autre".
    std::vector<EntityCount> find(std::string_view text, const std::vector<analysis::Token>& tokens,
                                  bool candidates = true) const;

private:
    const EntityGazetteer& gazetteer_;
};

}  // namespace veille::entities
