// The --json output: one JSON document per query (schema documented in README.md).
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "search/hit.hpp"
#include "search/thread_reader.hpp"

namespace veille::output {

nlohmann::json to_json(const search::SearchResults& results);

void render_json(std::ostream& out, const search::SearchResults& results);

// The interactive `:show N` in JSON mode: {"article": {…}, "comments": [{…}, …]}, each
// document with the fields of a hit (no rank, score or snippet) plus "source", "mentions"
// and its whole "text".
nlohmann::json thread_to_json(const search::Thread& thread);
void render_thread_json(std::ostream& out, const search::Thread& thread);

}  // namespace veille::output
