// libFuzzer target: web archives through the record parser and the page reader, as .warc and
// as .warc.gz (the input inflated member by member when it is gzip, and also wrapped in one
// gzip member, so that the fuzzer reaches the parser behind the decoder). Never crash, hang
// or leak; every record is numbered after the one before it, the resume position never goes
// back, every page's text is valid UTF-8 and its thread in reading order.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "readers/warc_reader.hpp"
#include "text/utf8.hpp"

namespace {

void check_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        if (veille::text::decode_utf8(s, i) == veille::text::kReplacementChar && i - start != 3) std::abort();
    }
}

std::string gzip_member(std::string_view data) {
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
    std::string out(deflateBound(&z, data.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

void read(std::string_view bytes, const char* name) {
    veille::readers::WarcReader reader(bytes, name, 1 << 20);
    std::size_t last_record = 0;
    std::uint64_t last_resume = 0;
    while (auto page = reader.next_page()) {
        if (page->record <= last_record || page->offset > bytes.size()) std::abort();
        last_record = page->record;
        if (reader.resume_position().offset < last_resume) std::abort();
        last_resume = reader.resume_position().offset;
        const auto read = veille::readers::read_warc_page(*page, name);
        if (!read.article) continue;
        const auto& a = *read.article;
        if (a.key.empty()) std::abort();
        check_utf8(a.title);
        check_utf8(a.body);
        check_utf8(a.meta.url);
        check_utf8(a.meta.date);
        for (std::size_t i = 0; i < a.comments.size(); ++i) {
            const auto& c = a.comments[i];
            check_utf8(c.text);
            if (c.number != static_cast<int>(i) + 1) std::abort();
            if (c.parent && (*c.parent < 1 || *c.parent >= c.number)) std::abort();
        }
    }
    if (reader.resume_position().offset < last_resume || reader.resume_position().offset > bytes.size()) std::abort();
    for (const auto& d : reader.take_diagnostics()) check_utf8(d.message);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    read(bytes, "fuzz.warc");
    read(gzip_member(bytes), "fuzz.warc.gz");
    return 0;
}
