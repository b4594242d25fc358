// libFuzzer target: RSS and Atom feeds through the front door (charset, sanitising, the
// entity pre-pass, libxml2's recovering parser, comment linking). Never crash, hang or leak;
// every text is valid UTF-8, every article of a feed has a key of its own, every thread is in
// reading order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

#include "readers/feed_reader.hpp"
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

void check(const std::vector<veille::documents::Article>& articles, bool keyed) {
    std::set<std::string> keys;
    for (const auto& a : articles) {
        if (keyed && (a.key.empty() || !keys.insert(a.key).second)) std::abort();
        check_utf8(a.title);
        check_utf8(a.body);
        check_utf8(a.meta.author);
        check_utf8(a.meta.date);
        check_utf8(a.meta.url);
        for (std::size_t i = 0; i < a.comments.size(); ++i) {
            const auto& c = a.comments[i];
            check_utf8(c.text);
            check_utf8(c.author);
            if (c.number != static_cast<int>(i) + 1) std::abort();
            if (c.parent && (*c.parent < 1 || *c.parent >= c.number)) std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // Content that opens like a page is read as HTML whatever the name: one article, no key.
    const auto contents = veille::readers::read_contents("fuzz.rss", bytes);
    check(contents.articles, contents.format == veille::readers::Format::Feed);
    check(veille::readers::read_feed(bytes, "fuzz.atom").articles, true);  // unsanitised bytes too
    return 0;
}
