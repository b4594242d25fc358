// The reading order of a thread whose comments name the comment they answer (JSON Lines
// records, feed items): top-level comments in their given order, each followed by its replies
// (recursively, in their given order), so that a reply always comes after the comment it
// answers. Iterative, so a thread of any depth is read in linear time.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace veille::documents {

struct ThreadOrder {
    std::vector<std::size_t> order;                   // indices into the input, in reading order
    std::vector<std::optional<std::size_t>> parent;   // per input index: the parent kept
    std::vector<std::size_t> cycle_broken;            // comments whose parents formed a cycle:
                                                      // read as top-level (their parent dropped)
};

// parent_of[k]: the index of the comment k answers, or none; a comment naming itself is
// top-level. A cycle of parents is broken at its first comment in input order.
ThreadOrder thread_order(const std::vector<std::optional<std::size_t>>& parent_of);

}  // namespace veille::documents
