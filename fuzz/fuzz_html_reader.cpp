// libFuzzer target: a saved page through the whole front door (charset sniffing and
// conversion, sanitising, gumbo, metadata, body and comment extraction). It must never crash,
// hang or leak, and what it returns must be valid UTF-8 with comments in thread order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "readers/file_reader.hpp"
#include "text/utf8.hpp"

namespace {

void check_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        if (veille::text::decode_utf8(s, i) == veille::text::kReplacementChar && i - start != 3) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto r = veille::readers::read_contents("fuzz.html", bytes);
    for (const auto& a : r.articles) {
        check_utf8(a.title);
        check_utf8(a.body);
        check_utf8(a.meta.author);
        check_utf8(a.meta.date);
        for (std::size_t i = 0; i < a.comments.size(); ++i) {
            const auto& c = a.comments[i];
            check_utf8(c.text);
            check_utf8(c.author);
            if (c.number != static_cast<int>(i) + 1) std::abort();
            if (c.parent && (*c.parent < 1 || *c.parent >= c.number)) std::abort();
        }
    }
    return 0;
}
