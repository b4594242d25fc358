// Character sets of saved web pages: which one a page is written in, and its conversion to
// UTF-8 before anything else (text::sanitize, the HTML parser) sees the bytes.
#pragma once

#include <string>
#include <string_view>

namespace veille::readers {

// Where the charset of a page was found, strongest first (the order of the HTML standard's
// "encoding sniffing": a byte order mark beats a <meta> declaration, which beats a guess).
enum class CharsetSource { ByteOrderMark, Declared, Guessed };

struct Charset {
    std::string name;  // ICU converter name: "UTF-8", "windows-1252", "UTF-16LE", ...
    CharsetSource source = CharsetSource::Guessed;
    std::string declared;  // the label as the page wrote it ("iso-8859-1"), when declared
};

// The charset of an HTML page, as a browser would decide it:
// 1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
// 2. the first <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…">
//    (or an <?xml encoding="…"?> declaration) in the first 16 KB, outside <!-- comments -->;
//    labels are mapped as the WHATWG Encoding standard does: "iso-8859-1", "latin1",
//    "us-ascii" mean windows-1252, "iso-8859-9" windows-1254, and a declared UTF-16 without
//    a byte order mark means UTF-8 (the declaration was read as ASCII, so it cannot be);
// 3. otherwise UTF-8 when the bytes are valid UTF-8, else windows-1252 (what French pages
//    without a declaration are written in).
// A label ICU does not know is treated like no declaration (`declared` keeps it, so the
// caller can warn).
Charset detect_html_charset(std::string_view bytes);

// The charset of a page served over HTTP (a web archive's response record): as above, but the
// charset of the HTTP Content-Type header ("text/html; charset=iso-8859-1"), when ICU knows
// it, comes before the page's own <meta>, as the HTML standard has browsers do. An unknown
// HTTP label is ignored (`declared` keeps it when the page declares nothing either).
Charset detect_served_charset(std::string_view bytes, std::string_view content_type);

// True when ICU can convert from this label.
bool charset_known(std::string_view label);

// `bytes` (byte order mark included or not) in `charset`, as UTF-8. Bytes that are invalid in
// that charset become U+FFFD. UTF-8 input is returned as it is (text::sanitize repairs it).
std::string to_utf8(std::string_view bytes, const std::string& charset);

// True when `bytes` is not valid UTF-8 and has no valid multi-byte sequence either: text
// written in a single-byte charset, not UTF-8 with a few damaged bytes.
bool looks_single_byte(std::string_view bytes);

}  // namespace veille::readers
