// libFuzzer target: format detection by content and charset sniffing/conversion of any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "readers/charset.hpp"
#include "readers/file_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)veille::readers::detect_format("sans-extension", bytes);
    (void)veille::readers::detect_format("page.html", bytes);
    const auto charset = veille::readers::detect_html_charset(bytes);
    (void)veille::readers::to_utf8(bytes, charset.name);
    (void)veille::readers::read_contents("sans-extension", bytes);
    return 0;
}
