// UTF-8 decoding and sanitising of raw bytes read from user files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace veille::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[i] and advances i past it. An invalid or truncated
// sequence yields kReplacementChar and advances by one byte, so callers never loop forever.
char32_t decode_utf8(std::string_view s, std::size_t& i);

// Appends the UTF-8 encoding of c.
void append_utf8(std::string& out, char32_t c);

// What sanitize() had to repair, so the caller can warn with the file's name.
struct SanitizeReport {
    std::size_t invalid_sequences = 0;  // replaced by U+FFFD
    std::size_t control_chars = 0;      // removed C0/C1 controls; a whole escape sequence counts 1
};

// Turns raw bytes into text that is safe to analyse, store and print: a leading BOM is
// dropped, CRLF/CR become LF, invalid UTF-8 becomes U+FFFD (one per bad byte), control
// characters other than LF and TAB and whole terminal escape sequences (ESC [ ... final byte,
// OSC ... BEL/ST, their 8-bit C1 forms) are removed, and the result is in Unicode NFC.
// Form feed, vertical tab and U+2028/U+2029 become LF (they separate words); U+FEFF inside
// the text is dropped. An unterminated OSC string ends at the end of its line, so one bad
// byte cannot swallow a file. Linear; ASCII runs are copied in bulk and ICU is skipped when
// no code point >= U+0300 occurs or when its quick check says the text is already NFC.
std::string sanitize(std::string_view raw, SanitizeReport& report);

// Unicode NFC of valid UTF-8 text.
std::string to_nfc(std::string_view text);

// True when the first bytes look like a binary file rather than text: a NUL byte, or more
// than 10% of C0 controls other than LF, CR, TAB, FF and ESC. Bytes >= 0x80 never count, so
// UTF-8 (and Latin-1) French is never binary.
bool looks_binary(std::string_view head);

// Number of terminal columns the text takes (wide CJK/emoji count 2, combining marks 0).
std::size_t display_width(std::string_view text);

// `text` cut to at most `max_bytes` on a character boundary, "…" added when it was cut: what
// diagnostics quote of a file so that a message stays one line.
std::string shorten(std::string text, std::size_t max_bytes);

// Removes anything a terminal would interpret (control characters, escapes, CR) or that
// would reorder the line it is drawn on (bidi embeddings, overrides and isolates) from text
// that came from a document; invalid UTF-8 becomes U+FFFD. Used by renderers as a last
// line of defence; no NFC, no BOM handling.
std::string strip_terminal_controls(std::string_view text);

}  // namespace veille::text
