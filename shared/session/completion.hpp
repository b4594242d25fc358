// Tab completion at the prompt, as pure functions of the line and the cursor: commands
// (:so -> :sort) and their arguments (:sort d -> date), query fields (ent -> entité:, also
// after + or -), and field values: entity names from the index, accents ignored
// (entité:eta -> entité:"État islamique"), types, years. The line editor only applies the
// result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "output/messages.hpp"

namespace veille::session {

struct NamedCount {
    std::string name;
    std::uint64_t count = 0;
};

// Where completions come from; every member may be empty.
struct CompletionSource {
    // Entity names whose name or any alias starts with `typed` (accents and case ignored).
    std::function<std::vector<NamedCount>(std::string_view typed)> entities;
    // The years documents are dated in ("2019", …).
    std::function<std::vector<std::string>()> years;
    // The active filters as typed at the prompt, for :reset.
    std::function<std::vector<std::string>()> filters;
};

struct Candidate {
    std::string replacement;  // replaces the line from Completion::from to the cursor
    std::string label;        // what the list of candidates shows
};

struct Completion {
    std::size_t from = 0;  // byte offset where the text being completed starts
    std::vector<Candidate> candidates;
};

Completion complete(std::string_view line, std::size_t cursor, const CompletionSource& source,
                    output::Lang lang);

// The line after Tab: a single candidate replaces the word (followed by a space unless it
// ends a field name, "entité:"); several put in their longest common beginning when that
// says more than what was typed, else the line stays and `show_list` asks for the list.
struct Edit {
    std::string line;
    std::size_t cursor = 0;
    bool changed = false;
    bool show_list = false;
};

Edit apply_completion(std::string_view line, std::size_t cursor, const Completion& completion);

// Labels laid out in columns across `width`, filled left to right, then line by line.
std::vector<std::string> columns(const std::vector<std::string>& labels, std::size_t width);

}  // namespace veille::session
