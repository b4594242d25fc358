// Reading the JSON stored as each document's data (keys in schema::data), tolerant of
// documents written by older versions or by other tools: a missing or mistyped field reads
// as empty, never throws.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace veille::search {

inline std::string stored_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::optional<int> stored_int(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it != j.end() && it->is_number_integer()) return it->get<int>();
    return std::nullopt;
}

}  // namespace veille::search
