#include "entities/collection_names.hpp"

#include "text/fields.hpp"

namespace veille::entities {

CollectionNames CollectionNames::parse(std::string_view text) {
    CollectionNames out;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const auto cols = text::split(text.substr(0, nl), '\t');
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (cols.size() != 4 || cols[0].empty() || cols[1].empty()) continue;
        out.set(std::string(cols[0]), {std::string(cols[1]), std::string(cols[2]), std::string(cols[3])});
    }
    return out;
}

std::string CollectionNames::format() const {
    std::string out;
    for (const auto& [key, d] : by_name_) out += key + '\t' + d.entity_key + '\t' + d.type + '\t' + d.name + '\n';
    return out;
}

void CollectionNames::set(const std::string& name_key, CollectionName decision) {
    by_entity_.emplace(decision.entity_key, name_key);
    by_name_[name_key] = std::move(decision);
}

std::vector<std::string> CollectionNames::names_of(const std::string& entity_key) const {
    std::vector<std::string> out;
    for (auto [it, end] = by_entity_.equal_range(entity_key); it != end; ++it) out.push_back(it->second);
    return out;
}

}  // namespace veille::entities
