// documents/thread_order: a thread whose comments name their parents, in reading order.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

#include "documents/thread_order.hpp"

using veille::documents::thread_order;

namespace {

using Parents = std::vector<std::optional<std::size_t>>;
constexpr std::nullopt_t top = std::nullopt;

}  // namespace

BOOST_AUTO_TEST_SUITE(thread_order_spec)

BOOST_AUTO_TEST_CASE(replies_follow_the_comment_they_answer) {
    struct Case {
        std::string what;
        Parents parents;
        std::vector<std::size_t> order;
        std::vector<std::size_t> cycle_broken;
    };
    const std::vector<Case> cases = {
        {"no comment", {}, {}, {}},
        {"flat, in the given order", {top, top, top}, {0, 1, 2}, {}},
        // A reply listed before its parent (a feed lists the newest first) comes after it.
        {"a reply given first", {1, top}, {1, 0}, {}},
        {"replies in their given order, nested first", {top, 0, top, 0, 1}, {0, 1, 4, 3, 2}, {}},
        {"a comment naming itself is top-level", {0, top}, {0, 1}, {}},
        {"a parent out of range is none", {7, top}, {0, 1}, {}},
        // 1 and 2 answer each other: broken at 1, 2 stays its reply.
        {"a cycle is broken at its first comment", {top, 2, 1}, {0, 1, 2}, {1}},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.what) {
            const auto got = thread_order(c.parents);
            BOOST_TEST(got.order == c.order, boost::test_tools::per_element());
            BOOST_TEST(got.cycle_broken == c.cycle_broken, boost::test_tools::per_element());
            // Every reply comes after the comment it is kept under.
            std::vector<std::size_t> at(c.parents.size());
            for (std::size_t i = 0; i < got.order.size(); ++i) at[got.order[i]] = i;
            for (std::size_t k = 0; k < c.parents.size(); ++k)
                if (got.parent[k]) BOOST_TEST(at[*got.parent[k]] < at[k]);
        }
    }
}

// Iterative: a chain of 100,000 replies neither recurses nor takes quadratic time.
BOOST_AUTO_TEST_CASE(a_thread_of_any_depth) {
    Parents chain(100000);
    for (std::size_t k = 1; k < chain.size(); ++k) chain[k] = k - 1;
    const auto got = thread_order(chain);
    BOOST_TEST_REQUIRE(got.order.size() == chain.size());
    BOOST_TEST(got.order.back() == chain.size() - 1);
}

BOOST_AUTO_TEST_SUITE_END()
