#include "documents/thread_order.hpp"

#include <utility>

namespace veille::documents {

ThreadOrder thread_order(const std::vector<std::optional<std::size_t>>& parent_of) {
    const std::size_t n = parent_of.size();
    ThreadOrder out;
    out.parent.resize(n);
    std::vector<std::vector<std::size_t>> replies(n);
    std::vector<std::size_t> roots;
    for (std::size_t k = 0; k < n; ++k) {
        const auto& p = parent_of[k];
        if (!p || *p == k || *p >= n) {
            roots.push_back(k);
        } else {
            replies[*p].push_back(k);
            out.parent[k] = p;
        }
    }
    std::vector<bool> placed(n, false);
    out.order.reserve(n);
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // (comment, next reply)
    auto visit_from = [&](std::size_t root) {
        stack.push_back({root, 0});
        while (!stack.empty()) {
            auto& [k, next] = stack.back();
            if (next == 0 && !placed[k]) {
                placed[k] = true;
                out.order.push_back(k);
            }
            if (next < replies[k].size()) {
                const std::size_t reply = replies[k][next++];
                if (!placed[reply]) stack.push_back({reply, 0});
            } else {
                stack.pop_back();
            }
        }
    };
    for (std::size_t r : roots) visit_from(r);
    // Whatever was not reached hangs on a cycle of parents: break it at its first comment.
    for (std::size_t k = 0; k < n; ++k) {
        if (placed[k]) continue;
        out.cycle_broken.push_back(k);
        out.parent[k].reset();
        visit_from(k);
    }
    return out;
}

}  // namespace veille::documents
