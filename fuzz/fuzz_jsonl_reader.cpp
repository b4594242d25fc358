// libFuzzer target: JSON Lines exports. Never crash or hang; every comment's parent comes
// before it; every article key is unique.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include "readers/jsonl_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto r = veille::readers::read_jsonl(bytes, "fuzz.jsonl");
    std::set<std::string> keys;
    for (const auto& a : r.articles) {
        if (a.key.empty() || !keys.insert(a.key).second) std::abort();
        for (std::size_t i = 0; i < a.comments.size(); ++i) {
            const auto& c = a.comments[i];
            if (c.number != static_cast<int>(i) + 1) std::abort();
            if (c.parent && (*c.parent < 1 || *c.parent >= c.number)) std::abort();
        }
    }
    return 0;
}
