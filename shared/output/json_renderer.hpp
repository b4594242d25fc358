// The --json output: one JSON document per query (schema documented in README.md).
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "search/hit.hpp"

namespace veille::output {

nlohmann::json to_json(const search::SearchResults& results);

void render_json(std::ostream& out, const search::SearchResults& results);

}  // namespace veille::output
