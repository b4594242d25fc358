// libFuzzer target: the seed text format behind the front door (sanitising, front matter,
// comment threads). Never crash or hang; replies come after their parents.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "readers/file_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto r = veille::readers::read_contents("fuzz.txt", bytes);
    for (const auto& a : r.articles)
        for (std::size_t i = 0; i < a.comments.size(); ++i)
            if (a.comments[i].parent && *a.comments[i].parent >= a.comments[i].number) std::abort();
    return 0;
}
